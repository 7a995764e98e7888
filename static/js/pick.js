// "Add to compare" on occupation pages: keeps up to three chosen jobs in localStorage, so the choice follows
// the visitor across pages, and points the "Compare (n)" link at compare/?jobs=<code>,<code>[,<code>]
// (static/js/compare.js). Hidden without JavaScript.
(function () {
  "use strict";
  var KEY = "compare", MAX = 3, CODE = /^\d{2}-\d{4}\.\d{2}$/;
  var tools = document.querySelector(".compare-tools[data-code]");
  if (!tools) return;

  function saved() {
    var list = [];
    try { list = JSON.parse(localStorage.getItem(KEY) || "[]"); } catch (e) { list = []; }
    return Array.isArray(list) ? list.filter(function (c) { return CODE.test(c); }).slice(0, MAX) : [];
  }

  function save(list) {
    try { localStorage.setItem(KEY, JSON.stringify(list)); } catch (e) { /* kept for this page only */ }
  }

  var code = tools.getAttribute("data-code");
  var button = tools.querySelector("button"), link = tools.querySelector("a"), status = tools.querySelector("[role=status]");
  function show(message) {
    var list = saved(), chosen = list.indexOf(code) >= 0;
    button.textContent = chosen ? "Remove from compare" : "Add to compare";
    link.setAttribute("href", link.getAttribute("href").split("?")[0] + (list.length ? "?jobs=" + list.join(",") : ""));
    link.textContent = "Compare (" + list.length + ")";
    status.textContent = message || "";
  }

  button.addEventListener("click", function () {
    var list = saved(), at = list.indexOf(code);
    if (at >= 0) {
      list.splice(at, 1);
      save(list);
      show("Removed. " + list.length + " of " + MAX + " jobs chosen to compare.");
    } else if (list.length >= MAX) {
      show("You can compare up to " + MAX + " jobs. Open Compare to remove one first.");
    } else {
      list.push(code);
      save(list);
      show("Added. " + list.length + " of " + MAX + " jobs chosen to compare.");
    }
  });
  window.addEventListener("pageshow", function () { show(); });
  tools.hidden = false;
  show();
})();
