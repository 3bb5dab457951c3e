// The console's behaviour beyond htmx: local times, copy buttons, confirmations, live campaign
// views (EventSource on the campaign's stream) and charts (uPlot). No inline script: CSP forbids it.
(function () {
  "use strict";

  var timeFormat = new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeStyle: "medium" });

  function localTimes(root) {
    root.querySelectorAll("time[datetime]").forEach(function (el) {
      var d = new Date(el.getAttribute("datetime"));
      if (!isNaN(d)) { el.textContent = timeFormat.format(d); el.title = el.getAttribute("datetime"); }
    });
  }

  function wire(root) {
    localTimes(root);
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
    var el = document.getElementById(id);
    if (el) { el.textContent = value === null || value === undefined ? "—" : String(value); }
  }

  function cell(row, value) {
    var td = document.createElement("td");
    td.textContent = value === null || value === undefined ? "—" : String(value);
    row.appendChild(td);
    return td;
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
    var width = Math.max(280, el.clientWidth - 16);
    new uPlot({ width: width, height: 220, series: series, scales: { x: { time: true } } },
      [data.x].concat(data.series.map(function (s) { return s.values; })), el);
  }

  document.addEventListener("DOMContentLoaded", function () {
    wire(document);
    document.querySelectorAll("[data-stream]").forEach(liveCampaign);
    document.querySelectorAll("[data-series]").forEach(chart);
  });
  document.addEventListener("htmx:afterSettle", function (e) { localTimes(e.target); });
})();
