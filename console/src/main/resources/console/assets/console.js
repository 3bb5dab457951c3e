// The console's behaviour beyond htmx: copy buttons, confirmations, the browser's time zone on
// the sign-in form, the navigation menu on a phone, live campaign views and the Overview's running
// campaigns (EventSource on the campaign's stream), charts (uPlot). Times are rendered by the
// server in the member's zone. No inline script: CSP forbids it.
(function () {
  "use strict";

  document.documentElement.classList.add("js"); // the stylesheet folds the phone menu only when this script runs

  function wire(root) {
    root.querySelectorAll("button.copy[data-copy]").forEach(function (b) {
      b.addEventListener("click", function () {
        var text = document.getElementById(b.dataset.copy).textContent;
        if (navigator.clipboard) { navigator.clipboard.writeText(text); b.textContent = "Copied"; }
      });
    });
    root.querySelectorAll("form.confirm[data-confirm]").forEach(function (f) {
      if (f.hasAttribute("hx-post")) { f.setAttribute("hx-confirm", f.dataset.confirm); return; } // htmx asks itself
      f.addEventListener("submit", function (e) { if (!window.confirm(f.dataset.confirm)) { e.preventDefault(); } });
    });
  }

  function text(id, value) {
    show(document.getElementById(id), value);
  }

  function cell(row, value) {
    var td = document.createElement("td");
    td.textContent = value === null || value === undefined ? "—" : String(value);
    row.appendChild(td);
    return td;
  }

  function show(el, value) {
    if (el) { el.textContent = value === null || value === undefined ? "—" : String(value); }
  }

  // An Overview row: the same campaign stream as the campaign page; only its campaign events matter here.
  function liveProgressRow(row) {
    var source = new EventSource(row.dataset.campaignStream);
    source.addEventListener("campaign", function (e) {
      var c = JSON.parse(e.data);
      var s = c.stats || {};
      show(row.querySelector("[data-field=status]"), c.status);
      show(row.querySelector("[data-field=waiting_reason]"), c.waiting_reason);
      ["total_contacts", "in_progress", "completed"].forEach(function (k) { show(row.querySelector("[data-field=" + k + "]"), s[k]); });
      var progress = row.querySelector("progress");
      if (progress && s.total_contacts) { progress.max = s.total_contacts; progress.value = s.completed || 0; }
      if (c.status === "completed" || c.status === "cancelled") { source.close(); } // nothing more will change
      row.dataset.live = "true";
    });
  }

  // A campaign page: the stream's campaign events update the figures, call events the calls table.
  function liveCampaign(el) {
    var source = new EventSource(el.dataset.stream);
    var body = document.querySelector("#live-calls tbody");
    var empty = document.getElementById("no-calls");
    source.addEventListener("campaign", function (e) {
      var c = JSON.parse(e.data);
      var s = c.stats || {};
      text("campaign-status", c.status);
      text("waiting-reason", c.waiting_reason);
      ["total_contacts", "pending", "in_progress", "completed", "attempts", "credits_spent"].forEach(function (k) { text("stat-" + k, s[k]); });
      var progress = document.getElementById("campaign-progress");
      if (progress && s.total_contacts) { progress.max = s.total_contacts; progress.value = s.completed || 0; }
      document.querySelectorAll("[data-when-status]").forEach(function (b) {
        b.hidden = b.dataset.whenStatus.split(" ").indexOf(c.status) < 0;
      });
      el.dataset.live = "true";
    });
    source.addEventListener("call", function (e) {
      var call = JSON.parse(e.data);
      var row = document.getElementById("call-" + call.id);
      if (!row) {
        row = document.createElement("tr");
        row.id = "call-" + call.id;
        body.insertBefore(row, body.firstChild);
      }
      row.innerHTML = "";
      var link = document.createElement("a");
      link.href = el.dataset.callsBase + "/" + encodeURIComponent(call.id);
      link.textContent = call.to;
      cell(row, "").appendChild(link);
      cell(row, call.status);
      cell(row, call.outcome);
      cell(row, call.attempt);
      cell(row, call.duration_seconds);
      if (empty) { empty.hidden = true; }
    });
  }

  // A chart: the series are in a JSON script element named by data-series (type application/json is not run).
  function chart(el) {
    var data = JSON.parse(document.getElementById(el.dataset.series).textContent);
    if (!data.x.length || typeof uPlot === "undefined") { return; }
    var colors = ["#2556c4", "#1e7d3a", "#b3261e", "#b36b00", "#6a3fb5", "#00838f", "#5b6475", "#c2185b"];
    var series = [{}].concat(data.series.map(function (s, i) {
      return { label: s.label, stroke: colors[i % colors.length], width: 2, points: { show: true } };
    }));
    var width = Math.max(240, el.clientWidth - 16);
    var zone = el.dataset.zone || "UTC"; // the days were counted in this zone: the axis shows them so
    new uPlot({ width: width, height: 220, series: series, scales: { x: { time: true } },
      tzDate: function (ts) { return uPlot.tzDate(new Date(ts * 1e3), zone); } },
      [data.x].concat(data.series.map(function (s) { return s.values; })), el);
  }

  // Sign-in sends the browser's zone: a member without one yet gets it (Settings > Profile changes it).
  function browserTimeZone(input) {
    try { input.value = Intl.DateTimeFormat().resolvedOptions().timeZone || ""; } catch (e) { input.value = ""; }
  }

  // On a phone the navigation is one button that opens it (the stylesheet hides the list until then).
  function menu(button) {
    var nav = document.getElementById(button.getAttribute("aria-controls"));
    button.addEventListener("click", function () {
      var open = button.getAttribute("aria-expanded") !== "true";
      button.setAttribute("aria-expanded", String(open));
      nav.classList.toggle("open", open);
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    wire(document);
    document.querySelectorAll("input[name=time_zone][data-browser-zone]").forEach(browserTimeZone);
    document.querySelectorAll("button.menu[aria-controls]").forEach(menu);
    document.querySelectorAll("[data-stream]").forEach(liveCampaign);
    document.querySelectorAll("tr[data-campaign-stream]").forEach(liveProgressRow);
    document.querySelectorAll("[data-series]").forEach(chart);
  });
})();
