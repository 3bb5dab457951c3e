#!/usr/bin/env python3
"""Benchmark of the contact import: generates an N-row CSV, uploads it to a running service,
and times until every contact is listed by GET /v1/contacts?list_id= (pages of 100).

    scripts/contacts-import-bench.py --rows 100000 --url http://localhost:8080 --key "$(cat data/dev-api-key)"
    scripts/contacts-import-bench.py --rows 1000000 --skip-listing --key …   (app started with -Xmx512m)
"""
import argparse, json, os, subprocess, sys, tempfile, time, urllib.error, urllib.request

AREA_CODES = ["212", "312", "415", "617", "713", "305", "404", "503", "602", "702", "206", "303"]


def generate(path, rows, offset):
    # unique, valid US numbers in national format, with a few extra columns that become metadata
    with open(path, "w", encoding="utf-8", newline="") as f:
        f.write("phone_number,first_name,last_name,email,company\r\n")
        for i in range(offset, offset + rows):
            area = AREA_CODES[i // 7_000_000]
            exchange = 230 + (i // 10_000) % 700
            line = i % 10_000
            f.write(f"({area}) {exchange}-{line:04d},First{i},Last{i},user{i}@example.com,Company {i % 97}\r\n")


def call(url, key, method="GET", body=None):
    data = None if body is None else json.dumps(body).encode()
    req = urllib.request.Request(url, data=data, method=method,
                                 headers={"Authorization": "Bearer " + key, "Content-Type": "application/json"})
    while True:
        try:
            with urllib.request.urlopen(req, timeout=120) as r:
                return json.load(r)
        except urllib.error.HTTPError as e:
            if e.code != 429:  # the dev key's tier is rate limited: wait as told and ask again
                raise
            time.sleep(float(e.headers.get("Retry-After", "1")))


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--rows", type=int, default=100_000)
    p.add_argument("--url", default="http://localhost:8080")
    p.add_argument("--key", required=True)
    p.add_argument("--offset", type=int, default=0, help="start numbering here, for a second run into the same account")
    p.add_argument("--skip-listing", action="store_true", help="time the import only (e.g. for 1,000,000 rows)")
    a = p.parse_args()
    path = os.path.join(tempfile.gettempdir(), f"contacts-{a.rows}-{a.offset}.csv")
    if not os.path.exists(path):
        generate(path, a.rows, a.offset)
    print(f"file: {path} ({os.path.getsize(path) / 1e6:.1f} MB)")
    list_id = call(a.url + "/v1/contact_lists", a.key, "POST", {"name": f"bench {a.rows}"})["id"]

    start = time.monotonic()
    out = subprocess.run(["curl", "-sS", "-H", "Authorization: Bearer " + a.key, "-F", "file=@" + path,
                          "-F", "list_id=" + list_id, a.url + "/v1/contacts/import"], capture_output=True, check=True)
    job = json.loads(out.stdout)
    print(f"upload accepted in {time.monotonic() - start:.1f}s: {job['id']} total_rows={job['total_rows']}")
    while job["status"] in ("pending", "processing"):
        time.sleep(0.2)
        job = call(f"{a.url}/v1/contacts/imports/{job['id']}", a.key)
    imported = time.monotonic() - start
    print(f"job {job['status']} after {imported:.1f}s: created={job['created']} failed_rows={job['failed_rows']}")

    if a.skip_listing:
        return 0
    expected = job["created"] + job["updated"] + job["skipped"]
    while True:
        listed, after = 0, None
        while True:
            page = call(f"{a.url}/v1/contacts?limit=100&list_id={list_id}" + (f"&starting_after={after}" if after else ""), a.key)
            listed += len(page["data"])
            if not page["has_more"]:
                break
            after = page["data"][-1]["id"]
        if listed >= expected:
            break
        time.sleep(0.2)
    total = time.monotonic() - start
    print(f"all {listed} contacts listed after {total:.1f}s (import {imported:.1f}s, listing pass included)")


if __name__ == "__main__":
    sys.exit(main())
