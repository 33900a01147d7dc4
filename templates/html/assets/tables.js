/* govopen catalog tables: sort a domain's catalog by a column. The header cells get buttons (only when this
   script runs, so nothing is offered that cannot work) and aria-sort says the current order. A table whose
   一级事项 cells span several rows is unmerged on the first sort (each row gets its own copy), so every row can
   move on its own; sorting by 序号 again restores the catalog order. No innerHTML: nodes are moved or cloned. */
(function () {
  "use strict";

  var collator = new Intl.Collator("zh-CN", { numeric: true });

  function cellText(row, index) {
    var cell = row.cells[index];
    var text = cell ? cell.textContent.replace(/\s+/g, " ").trim() : "";
    return text === "—" ? "" : text;
  }

  /* Copies each spanning header cell into the rows it spans, and puts every row into the first tbody. */
  function unmerge(table) {
    if (table.dataset.unmerged) { return; }
    var first = table.tBodies[0];
    Array.prototype.slice.call(table.tBodies).forEach(function (body) {
      var rows = Array.prototype.slice.call(body.rows);
      rows.forEach(function (row) {
        var span = row.querySelector("th[rowspan]");
        if (!span) { return; }
        var count = parseInt(span.getAttribute("rowspan"), 10) || 1;
        span.removeAttribute("rowspan");
        span.setAttribute("scope", "row");
        var at = Array.prototype.indexOf.call(row.cells, span);
        for (var k = 1; k < count && rows[rows.indexOf(row) + k]; k++) {
          var copy = span.cloneNode(true);
          var next = rows[rows.indexOf(row) + k];
          next.insertBefore(copy, next.cells[at] || null);
        }
      });
      if (body !== first) {
        rows.forEach(function (row) { first.appendChild(row); });
        body.parentNode.removeChild(body);
      }
    });
    table.dataset.unmerged = "1";
  }

  function sortBy(table, index, direction) {
    unmerge(table);
    var body = table.tBodies[0];
    var rows = Array.prototype.slice.call(body.rows).map(function (row, pos) {
      return { row: row, key: cellText(row, index), pos: Number(row.dataset.order || pos) };
    });
    rows.forEach(function (r) { r.row.dataset.order = String(r.pos); });
    rows.sort(function (a, b) {
      /* an empty cell (an item without 序号) sorts last either way */
      if (!a.key !== !b.key) { return a.key ? -1 : 1; }
      return (collator.compare(a.key, b.key) || a.pos - b.pos) * direction;
    });
    rows.forEach(function (r) { body.appendChild(r.row); });
    Array.prototype.forEach.call(table.tHead.rows[0].cells, function (th, i) {
      if (i === index) { th.setAttribute("aria-sort", direction > 0 ? "ascending" : "descending"); }
      else { th.removeAttribute("aria-sort"); }
    });
    var status = document.getElementById(table.dataset.status);
    if (status) {
      status.textContent = "已按“" + cellText(table.tHead.rows[0], index) + "”" + (direction > 0 ? "升序" : "降序") + "排列。";
    }
  }

  function enhance(table, n) {
    var head = table.tHead && table.tHead.rows[0];
    if (!head) { return; }
    var status = document.createElement("p");
    status.className = "vh";
    status.id = "sort-status-" + n;
    status.setAttribute("role", "status");
    table.parentNode.insertBefore(status, table.nextSibling);
    table.dataset.status = status.id;
    Array.prototype.forEach.call(head.cells, function (th, index) {
      var button = document.createElement("button");
      button.type = "button";
      button.className = "sort";
      while (th.firstChild) { button.appendChild(th.firstChild); }
      th.appendChild(button);
      /* data-sorted names the column the table comes sorted by (序号 in a domain catalog), if any */
      if (String(index) === table.dataset.sorted) { th.setAttribute("aria-sort", "ascending"); }
      button.addEventListener("click", function () {
        var direction = th.getAttribute("aria-sort") === "ascending" ? -1 : 1;
        sortBy(table, index, direction);
      });
    });
  }

  Array.prototype.forEach.call(document.querySelectorAll("table.sortable"), enhance);
}());
