create schema if not exists ratelimit;

-- Rate-limit state is UNLOGGED: no WAL and no fsync on the request path. After a database crash
-- these tables come back empty, which only hands every account a fresh window and frees leases
-- of requests that died with the database anyway.

-- Fixed-window request counters, one row per account: its current minute and current second.
-- The row is also the per-account lock that serializes the in-flight check below.
create unlogged table ratelimit.request_windows (
    account_id    varchar(40) primary key,
    minute        bigint  not null, -- epoch seconds / 60, on the database clock
    minute_count  integer not null,
    second        bigint  not null, -- epoch seconds, on the database clock
    second_count  integer not null,
    allowed       boolean not null  -- whether the latest request was let through
) with (fillfactor = 50);

-- Requests in flight. Each row is a lease: a node that crashes mid-request leaks its slot only
-- until expires_at.
create unlogged table ratelimit.in_flight (
    account_id  varchar(40) not null,
    request_id  varchar(40) not null,
    expires_at  timestamptz not null,
    primary key (account_id, request_id)
);
create index in_flight_expires_at_idx on ratelimit.in_flight (expires_at);
