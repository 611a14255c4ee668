// Followup: small enhancements only. Every page is complete without this script.
(function () {
  "use strict";

  // Sortable tables: each column heading becomes a button; aria-sort tells the order.
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
      var button = document.createElement("button");
      button.type = "button";
      button.className = "sort";
      while (th.firstChild) button.appendChild(th.firstChild);
      th.appendChild(button);
      button.addEventListener("click", function () {
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
      });
    });
  });

  // The applications filter: words, field:value terms and -exclusions, kept in the address.
  var filters = document.querySelector(".filters[data-enhance]");
  var table = document.querySelector("table.apps");
  if (filters && table) {
    filters.hidden = false;
    var input = filters.querySelector("input");
    var count = filters.querySelector("output");
    var none = document.querySelector(".no-matches");
    var active = {};
    function terms(text) {
      return text.toLowerCase().split(/\s+/).filter(Boolean).map(function (word) {
        var negate = word.charAt(0) === "-" && word.length > 1;
        if (negate) word = word.slice(1);
        var colon = word.indexOf(":");
        var field = colon > 0 ? word.slice(0, colon) : null;
        return { negate: negate, field: field, value: colon > 0 ? word.slice(colon + 1) : word };
      });
    }
    function matches(row, term) {
      var text = (row.textContent + " " + (row.getAttribute("data-search") || "")).toLowerCase();
      switch (term.field) {
        case "company": return (row.getAttribute("data-company") || "").indexOf(term.value) >= 0;
        case "status": return row.getAttribute("data-status") === term.value;
        case "source": return (row.getAttribute("data-source") || "").indexOf(term.value) >= 0;
        default: return text.indexOf(term.value) >= 0 || row.getAttribute("data-status") === term.value;
      }
    }
    function apply() {
      var list = terms(input.value);
      var any = Object.keys(active).some(function (k) { return active[k]; });
      var shown = 0;
      Array.prototype.forEach.call(table.tBodies[0].rows, function (row) {
        var ok = list.every(function (t) { return matches(row, t) !== t.negate; });
        if (any && !active[row.getAttribute("data-status")]) ok = false;
        row.hidden = !ok;
        if (ok) shown += 1;
      });
      count.textContent = shown + " shown";
      none.hidden = shown > 0;
      var fragment = input.value.trim() ? "#q=" + encodeURIComponent(input.value.trim()) : "";
      if (location.hash !== fragment) history.replaceState(null, "", fragment || location.pathname + location.search);
    }
    var match = /^#q=(.*)$/.exec(location.hash);
    if (match) input.value = decodeURIComponent(match[1]);
    input.addEventListener("input", apply);
    filters.querySelectorAll(".chip").forEach(function (chip) {
      chip.addEventListener("click", function () {
        var s = chip.getAttribute("data-status");
        active[s] = !active[s];
        chip.setAttribute("aria-pressed", active[s] ? "true" : "false");
        apply();
      });
    });
    if (match) apply();
  }
})();
