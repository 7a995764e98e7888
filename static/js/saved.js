// The offline page: list the pages this browser has saved (static/js/offline.js keeps them), so that a
// visitor with no connection can open one of them. Everything is read from the browser's own copies.
(function () {
  "use strict";
  var section = document.querySelector(".saved");
  if (!section || !window.caches) return;
  var list = section.querySelector("ul");
  var root = new URL(section.getAttribute("data-root"), location.href).href;
  var suffix = " | " + section.getAttribute("data-site");

  // The saved pages of this site, as [title, address], from the copies sw.js keeps.
  function saved() {
    return caches.keys().then(function (names) {
      return Promise.all(names.filter(function (name) { return name.indexOf("site " + root + " ") === 0; }).map(function (name) {
        return caches.open(name).then(function (cache) {
          return cache.keys().then(function (requests) {
            return Promise.all(requests.map(function (request) {
              return cache.match(request).then(function (response) {
                var type = response && response.headers.get("Content-Type") || "";
                if (type.indexOf("text/html") < 0 || request.url.indexOf(root) !== 0) return null;
                return response.text().then(function (html) {
                  var page = new DOMParser().parseFromString(html, "text/html");  // read only; nothing runs
                  var kind = page.documentElement.getAttribute("data-page-kind");
                  if (kind === "offline" || kind === "404") return null;
                  var title = page.title.slice(-suffix.length) === suffix ? page.title.slice(0, -suffix.length) : page.title;
                  return [kind === "home" ? "Home page" : title, request.url];
                });
              });
            }));
          });
        });
      }));
    }).then(function (groups) {
      var seen = Object.create(null);
      return [].concat.apply([], groups).filter(function (entry) {
        if (!entry || seen[entry[1]]) return false;
        seen[entry[1]] = true;
        return true;
      }).sort(function (a, b) { return a[0].localeCompare(b[0]); });
    });
  }

  saved().then(function (pages) {
    pages.forEach(function (entry) {
      var item = document.createElement("li");
      var link = document.createElement("a");
      link.href = entry[1];
      link.textContent = entry[0];
      item.appendChild(link);
      list.appendChild(item);
    });
    section.hidden = !pages.length;
  }, function () { /* no copies to list */ });
})();
