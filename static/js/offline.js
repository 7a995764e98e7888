// The service worker of a published site (sw.js at the site's root sets SHELL and VERSION, then loads this):
// pages a visitor has opened stay readable without a connection, on a phone as on a laptop.
// Every request goes to the network first, so a visitor who is online always gets the current site; a copy of
// each answer is kept, and used only when the network cannot be reached. A page never opened before shows the
// offline page instead. Nothing is sent anywhere: the copies stay in this browser.
(function () {
  "use strict";
  var scope = self.registration.scope;
  // Named by the site's address: several sites under one origin (owner.github.io/a/, owner.github.io/b/) share
  // the browser's storage, and each must keep and drop only its own copies. static/js/saved.js reads them.
  var PREFIX = "site " + scope + " ";
  var CACHE = PREFIX + self.VERSION;
  var LIMIT = 200;  // answers kept at most (pages, styles, scripts, search and data files); the oldest go first

  self.addEventListener("install", function (event) {
    // The styles and scripts every page uses, the home page and the offline page: saved at once.
    event.waitUntil(caches.open(CACHE).then(function (cache) {
      return cache.addAll(self.SHELL.map(function (path) { return scope + path; }));
    }).then(function () { return self.skipWaiting(); }));
  });

  self.addEventListener("activate", function (event) {
    // A new version of the site's styles and scripts: drop the copies made for the old one.
    event.waitUntil(caches.keys().then(function (names) {
      return Promise.all(names.filter(function (name) {
        return name.indexOf(PREFIX) === 0 && name !== CACHE;
      }).map(function (name) { return caches.delete(name); }));
    }).then(function () { return self.clients.claim(); }));
  });

  function keep(request, response) {
    return caches.open(CACHE).then(function (cache) {
      return cache.put(request, response).then(function () { return cache.keys(); }).then(function (keys) {
        return Promise.all(keys.slice(0, Math.max(0, keys.length - LIMIT)).map(function (key) {
          return cache.delete(key);
        }));
      });
    });
  }

  self.addEventListener("fetch", function (event) {
    var request = event.request;
    if (request.method !== "GET" || request.url.indexOf(scope) !== 0) return;  // only the site's own files
    var page = request.mode === "navigate";
    event.respondWith(fetch(request).then(function (response) {
      if (response.ok && response.type === "basic" && !response.redirected) {
        event.waitUntil(keep(request, response.clone()));
      }
      return response;
    }, function () {
      // No network. A page saved with other choices in its address (compare/?jobs=...) still opens: its
      // script reads the address.
      return caches.open(CACHE).then(function (cache) {
        return cache.match(request, { ignoreSearch: page }).then(function (saved) {
          return saved || (page ? cache.match(scope + "offline/") : Response.error());
        });
      });
    }));
  });
})();
