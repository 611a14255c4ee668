// Followup: small enhancements only. Every page is complete without this script.
(function () {
  "use strict";

  // Sortable tables: click a column heading to sort by it (data-sort holds a sortable value).
  function cellValue(row, index) {
    var cell = row.cells[index];
    if (!cell) return "";
    var v = cell.getAttribute("data-sort");
    return v !== null ? v : cell.textContent.trim().toLowerCase();
  }
  function compare(a, b) {
    var na = parseFloat(a), nb = parseFloat(b);
    if (!isNaN(na) && !isNaN(nb) && String(na) === a.replace(/^0+(?=\d)/, "") && String(nb) === b.replace(/^0+(?=\d)/, "")) return na - nb;
    return a < b ? -1 : a > b ? 1 : 0;
  }
  document.querySelectorAll("table.sortable").forEach(function (table) {
    var headers = table.tHead ? table.tHead.rows[0].cells : [];
    Array.prototype.forEach.call(headers, function (th, index) {
      th.tabIndex = 0;
      function sort() {
        var ascending = th.getAttribute("aria-sort") !== "ascending";
        Array.prototype.forEach.call(headers, function (h) { h.removeAttribute("aria-sort"); });
        th.setAttribute("aria-sort", ascending ? "ascending" : "descending");
        var body = table.tBodies[0];
        var rows = Array.prototype.slice.call(body.rows);
        rows.sort(function (r1, r2) {
          var c = compare(cellValue(r1, index), cellValue(r2, index));
          return ascending ? c : -c;
        });
        rows.forEach(function (r) { body.appendChild(r); });
      }
      th.addEventListener("click", sort);
      th.addEventListener("keydown", function (e) { if (e.key === "Enter" || e.key === " ") { e.preventDefault(); sort(); } });
    });
  });

  // Filtering the applications table by text and status chips.
  var filters = document.querySelector(".filters[data-enhance]");
  var table = document.querySelector("table.apps");
  if (filters && table) {
    filters.hidden = false;
    var input = filters.querySelector("input");
    var active = {};
    function apply() {
      var q = input.value.trim().toLowerCase();
      var any = Object.keys(active).some(function (k) { return active[k]; });
      Array.prototype.forEach.call(table.tBodies[0].rows, function (row) {
        var okText = !q || row.textContent.toLowerCase().indexOf(q) >= 0;
        var okStatus = !any || active[row.getAttribute("data-status")];
        row.hidden = !(okText && okStatus);
      });
    }
    input.addEventListener("input", apply);
    filters.querySelectorAll(".chip").forEach(function (chip) {
      chip.addEventListener("click", function () {
        var s = chip.getAttribute("data-status");
        active[s] = !active[s];
        chip.setAttribute("aria-pressed", active[s] ? "true" : "false");
        apply();
      });
    });
  }
})();
