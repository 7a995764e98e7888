// Dev server only: connect to live reload, and show build errors over the page.
(function () {
  "use strict";
  var script = document.createElement("script");
  script.src = "/livereload.js?port=" + (location.port || (location.protocol === "https:" ? 443 : 80));
  document.head.appendChild(script);

  function show(errors) {
    var old = document.getElementById("build-errors");
    if (old) old.remove();
    if (!errors || !errors.length) return;
    var box = document.createElement("section");
    box.id = "build-errors";
    box.className = "build-errors";
    box.setAttribute("role", "alert");
    var title = document.createElement("h2");
    title.textContent = "The last change did not build; this is the last good version";
    box.appendChild(title);
    var list = document.createElement("pre");
    list.textContent = errors.join("\n");
    box.appendChild(list);
    var hint = document.createElement("p");
    hint.textContent = "Fix the lines above and save: this page reloads by itself.";
    box.appendChild(hint);
    document.body.appendChild(box);
  }

  fetch("/_dev/status.json", { cache: "no-store" })
    .then(function (response) { return response.ok ? response.json() : { errors: [] }; })
    .then(function (status) { show(status.errors); })
    .catch(function () { /* server gone: nothing to show */ });
})();
