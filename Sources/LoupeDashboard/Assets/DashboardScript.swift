/// The dashboard's only script, hand-written and small: every page works without it. It adds
/// tooltips, local times, sortable tables, drag-to-zoom on charts and a live overview.
enum DashboardScript {
    static let js = #"""
"use strict";
(function () {
  var tip = null;
  function showTip(e) {
    var el = e.target.closest("[data-tip]");
    if (!el) { hideTip(); return; }
    if (!tip) { tip = document.createElement("div"); tip.className = "tip"; document.body.appendChild(tip); }
    tip.textContent = el.getAttribute("data-tip");
    var x = e.clientX + 14, y = e.clientY + 14;
    tip.style.left = Math.min(x, window.innerWidth - tip.offsetWidth - 8) + "px";
    tip.style.top = Math.min(y, window.innerHeight - tip.offsetHeight - 8) + "px";
  }
  function hideTip() { if (tip) { tip.remove(); tip = null; } }
  function pad(n) { return (n < 10 ? "0" : "") + n; }
  function localTimes(root) {
    root.querySelectorAll("text.xtick[data-t]").forEach(function (t) {
      var d = new Date(1000 * Number(t.getAttribute("data-t")));
      t.textContent = pad(d.getHours()) + ":" + pad(d.getMinutes());
    });
    root.querySelectorAll("time[datetime]").forEach(function (t) {
      var d = new Date(t.getAttribute("datetime"));
      if (!isNaN(d)) { t.textContent = d.toLocaleString(); }
    });
  }
  function sortable(root) {
    root.querySelectorAll("table.sortable th").forEach(function (th, index) {
      th.addEventListener("click", function () {
        var table = th.closest("table"), body = table.tBodies[0];
        var ascending = th.getAttribute("aria-sort") !== "ascending";
        table.querySelectorAll("th").forEach(function (h) { h.removeAttribute("aria-sort"); });
        th.setAttribute("aria-sort", ascending ? "ascending" : "descending");
        var rows = Array.prototype.slice.call(body.rows);
        function key(row) {
          var cell = row.cells[th.cellIndex];
          var v = cell ? (cell.getAttribute("data-v") || cell.textContent.trim()) : "";
          var n = Number(v);
          return v !== "" && !isNaN(n) ? n : v.toLowerCase();
        }
        rows.sort(function (a, b) {
          var x = key(a), y = key(b);
          var c = (typeof x === "number" && typeof y === "number") ? x - y : String(x).localeCompare(String(y));
          return ascending ? c : -c;
        });
        rows.forEach(function (r) { body.appendChild(r); });
      });
    });
  }
  function zoom(root) {
    root.querySelectorAll("svg.timechart").forEach(function (svg) {
      var start = null, band = null;
      function viewX(e) {
        var box = svg.getBoundingClientRect();
        return (e.clientX - box.left) / box.width * Number(svg.getAttribute("data-w"));
      }
      svg.addEventListener("pointerdown", function (e) {
        start = viewX(e);
        band = document.createElementNS("http://www.w3.org/2000/svg", "rect");
        band.setAttribute("class", "zoom"); band.setAttribute("y", "0"); band.setAttribute("height", "100%");
        svg.appendChild(band);
      });
      svg.addEventListener("pointermove", function (e) {
        if (start === null) { return; }
        var x = viewX(e);
        band.setAttribute("x", Math.min(start, x)); band.setAttribute("width", Math.abs(x - start));
      });
      svg.addEventListener("pointerup", function (e) {
        if (start === null) { return; }
        var x = viewX(e), a = Math.min(start, x), b = Math.max(start, x);
        start = null; band.remove();
        if (b - a < 6) { return; }
        var x0 = Number(svg.getAttribute("data-x0")), x1 = Number(svg.getAttribute("data-x1"));
        var t0 = Number(svg.getAttribute("data-t0")), t1 = Number(svg.getAttribute("data-t1"));
        function t(v) { return Math.round(t0 + (Math.max(x0, Math.min(x1, v)) - x0) / (x1 - x0) * (t1 - t0)); }
        var from = t(a), to = t(b);
        if (to - from < 60) { return; }
        var url = new URL(location.href);
        url.searchParams.delete("range"); url.searchParams.set("from", from); url.searchParams.set("to", to);
        location.href = url.toString();
      });
    });
  }
  function enhance(root) { localTimes(root); sortable(root); zoom(root); }
  function live() {
    var every = Number(document.body.getAttribute("data-live") || 0);
    if (!every) { return; }
    var status = document.getElementById("live");
    setInterval(function () {
      if (document.hidden) { return; }
      fetch(location.href, { headers: { "Accept": "text/html" } }).then(function (r) {
        if (!r.ok) { throw new Error(r.status); }
        return r.text();
      }).then(function (html) {
        var next = new DOMParser().parseFromString(html, "text/html").querySelector("main");
        var main = document.querySelector("main");
        if (next && main) { main.replaceWith(next); enhance(next); }
        if (status) { status.textContent = "live · updated " + new Date().toLocaleTimeString(); }
      }).catch(function () { if (status) { status.textContent = "live · update failed, retrying"; } });
    }, every * 1000);
  }
  document.addEventListener("mouseover", showTip);
  document.addEventListener("mousemove", function (e) { if (tip) { showTip(e); } });
  document.addEventListener("mouseout", function (e) { if (!e.relatedTarget || !e.relatedTarget.closest("[data-tip]")) { hideTip(); } });
  document.addEventListener("DOMContentLoaded", function () { enhance(document); live(); });
})();
"""#
}
