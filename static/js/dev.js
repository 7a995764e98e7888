// Dev server only: connect to live reload, and show build errors over the page.
(function () {
  "use strict";
  var script = document.createElement("script");
  script.src = "/livereload.js?port=" + (location.port || (location.protocol === "https:" ? 443 : 80));
  document.head.appendChild(script);

  function show(errors, good) {
    var old = document.getElementById("build-errors");
    if (old) old.remove();
    if (!errors || !errors.length) return;
    var box = document.createElement("section");
    box.id = "build-errors";
    box.className = "build-errors";
    box.setAttribute("role", "alert");
    var title = document.createElement("h2");
    title.textContent = good === false ? "The site does not build yet" :
      "The last change did not build; this is the last good version";
    box.appendChild(title);
    var list = document.createElement("pre");
    list.textContent = errors.join("\n");
    box.appendChild(list);
    var hint = document.createElement("p");
    hint.textContent = "Fix the lines above and save: this page reloads by itself.";
    box.appendChild(hint);
    document.body.appendChild(box);
  }

  // The build this page comes from, which the dev server sends as a Server-Timing entry.
  function pageBuild() {
    var entries = performance.getEntriesByType ? performance.getEntriesByType("navigation") : [];
    var timings = (entries[0] && entries[0].serverTiming) || [];
    for (var i = 0; i < timings.length; i++) {
      if (timings[i].name === "build") return Number(timings[i].description);
    }
    return null;
  }
  var built = pageBuild();

  // Show the last build's errors; and if a build finished after this page was served (before the
  // live-reload connection was open to say so), reload.
  function check() {
    fetch("/_dev/status.json", { cache: "no-store" })
      .then(function (response) { return response.ok ? response.json() : { errors: [] }; })
      .then(function (status) {
        if (built !== null && typeof status.build === "number" && status.build > built) {
          location.reload();
          return;
        }
        show(status.errors, status.good);
      })
      .catch(function () { /* server gone: nothing to show */ });
  }
  check();
  document.addEventListener("LiveReloadConnect", check);
})();
