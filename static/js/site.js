// Page behaviour: navigation toggle, theme switch, "/" to search, and file:// links.
(function () {
  "use strict";
  var root = document.documentElement;

  // Opened from disk, folder links would show a directory listing: point them at index.html.
  if (location.protocol === "file:") {
    document.addEventListener("click", function (event) {
      var link = event.target.closest && event.target.closest("a[href]");
      if (!link) return;
      var href = link.getAttribute("href");
      if (/^[a-z][a-z0-9+.-]*:/i.test(href) || href.charAt(0) === "#") return;
      var parts = href.split(/([?#].*)/);
      if (parts[0] === "" || parts[0].slice(-1) === "/") {
        link.setAttribute("href", (parts[0] || "./") + "index.html" + (parts[1] || ""));
      }
    }, true);
  }

  // Small screens: the sidebar opens from a menu button.
  var toggle = document.querySelector(".nav-toggle");
  var nav = document.getElementById("site-nav");
  if (toggle && nav) {
    toggle.hidden = false;
    toggle.addEventListener("click", function () {
      var open = toggle.getAttribute("aria-expanded") !== "true";
      toggle.setAttribute("aria-expanded", String(open));
      root.classList.toggle("nav-open", open);
    });
    document.addEventListener("keydown", function (event) {
      if (event.key === "Escape" && root.classList.contains("nav-open")) {
        root.classList.remove("nav-open");
        toggle.setAttribute("aria-expanded", "false");
        toggle.focus();
      }
    });
  }

  // Theme: auto (follow the system) -> light -> dark -> auto.
  var themeButton = document.querySelector(".theme-toggle");
  if (themeButton) {
    var label = themeButton.querySelector(".theme-label");
    var current = function () { return root.getAttribute("data-theme") || "auto"; };
    var show = function () {
      label.textContent = "Theme: " + current();
      themeButton.setAttribute("aria-label", "Colour theme: " + current() + " (change)");
    };
    themeButton.hidden = false;
    show();
    themeButton.addEventListener("click", function () {
      var next = { auto: "light", light: "dark", dark: "auto" }[current()];
      if (next === "auto") root.removeAttribute("data-theme"); else root.setAttribute("data-theme", next);
      try {
        if (next === "auto") localStorage.removeItem("theme"); else localStorage.setItem("theme", next);
      } catch (e) { /* not saved; still applies to this page */ }
      show();
    });
  }

  // "/" focuses the search box, as on most documentation sites.
  document.addEventListener("keydown", function (event) {
    if (event.key !== "/" || event.ctrlKey || event.metaKey || event.altKey) return;
    var target = event.target;
    if (target && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName))) return;
    var input = document.getElementById("search-input");
    if (input) { event.preventDefault(); input.focus(); input.select(); }
  });
})();
