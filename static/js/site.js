// Page behaviour: the menu on small screens, opening clusters in the sidebar, the theme switch,
// "/" to search, and folder links when the site is opened from disk. Everything here is an extra:
// without JavaScript every page reads and navigates the same, only the buttons are hidden.
(function () {
  "use strict";
  var root = document.documentElement;

  // Offline reading on a published site (never from disk or on the dev server): see sw.js. Once the page has
  // loaded, so that saving the site's styles and scripts never slows the first page down.
  var worker = root.getAttribute("data-sw");
  if (worker && "serviceWorker" in navigator && /^https?:$/.test(location.protocol)) {
    window.addEventListener("load", function () { navigator.serviceWorker.register(worker).catch(function () {}); });
  }

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

  var toggle = document.querySelector(".nav-toggle");
  var nav = document.getElementById("site-nav");

  // Scroll the sidebar itself (never the page) so that the current page's link is in view.
  var revealCurrent = function () {
    var current = nav && nav.querySelector('[aria-current="page"]');
    if (!current || nav.scrollHeight <= nav.clientHeight) return;
    var top = current.getBoundingClientRect().top - nav.getBoundingClientRect().top;
    if (top < 0 || top > nav.clientHeight - current.offsetHeight) {
      nav.scrollTop += top - nav.clientHeight / 3;
    }
  };
  revealCurrent();

  // Small screens: the sidebar opens from the menu button, and closes with it, with Escape,
  // or when a link in it is followed.
  if (toggle && nav) {
    var setOpen = function (open) {
      toggle.setAttribute("aria-expanded", String(open));
      root.classList.toggle("nav-open", open);
      if (open) revealCurrent();
    };
    toggle.hidden = false;
    toggle.addEventListener("click", function () {
      setOpen(toggle.getAttribute("aria-expanded") !== "true");
    });
    document.addEventListener("keydown", function (event) {
      if (event.key === "Escape" && root.classList.contains("nav-open")) {
        setOpen(false);
        toggle.focus();
      }
    });
    nav.addEventListener("click", function (event) {
      if (event.target.closest("a[href]")) setOpen(false);
    });
    if (window.matchMedia) {
      var wide = window.matchMedia("(min-width: 50.01rem)");
      var onChange = function () { if (wide.matches) setOpen(false); };
      if (wide.addEventListener) wide.addEventListener("change", onChange);
    }
  }

  // Sidebar: each cluster gets an arrow button that shows or hides its pathways.
  var svgNS = "http://www.w3.org/2000/svg";
  Array.prototype.forEach.call(document.querySelectorAll(".sidebar .nav-pathways[id]"), function (list) {
    var row = list.parentNode.querySelector(".nav-row");
    var link = row && row.querySelector("a");
    if (!link) return;
    var button = document.createElement("button");
    button.className = "nav-expand";
    button.type = "button";
    button.setAttribute("aria-expanded", String(!list.hidden));
    button.setAttribute("aria-controls", list.id);
    var icon = document.createElementNS(svgNS, "svg");
    icon.setAttribute("aria-hidden", "true");
    icon.setAttribute("viewBox", "0 0 16 16");
    icon.setAttribute("width", "16");
    icon.setAttribute("height", "16");
    var path = document.createElementNS(svgNS, "path");
    path.setAttribute("d", "M6 4l4 4-4 4");
    icon.appendChild(path);
    var label = document.createElement("span");
    label.className = "visually-hidden";
    label.textContent = link.textContent + " pathways";
    button.appendChild(icon);
    button.appendChild(label);
    row.appendChild(button);
    button.addEventListener("click", function () {
      var open = button.getAttribute("aria-expanded") !== "true";
      button.setAttribute("aria-expanded", String(open));
      list.hidden = !open;
    });
  });

  // Theme: auto (follow the system), then the opposite of the system, then the same as the system, so
  // that the first press always changes what you see. theme.js applies the saved choice before paint.
  var themeButton = document.querySelector(".theme-toggle");
  if (themeButton) {
    var value = themeButton.querySelector(".theme-value");
    var current = function () { return root.getAttribute("data-theme") || "auto"; };
    themeButton.hidden = false;
    value.textContent = current();
    themeButton.addEventListener("click", function () {
      var systemDark = window.matchMedia && window.matchMedia("(prefers-color-scheme: dark)").matches;
      var order = systemDark ? ["auto", "light", "dark"] : ["auto", "dark", "light"];
      var next = order[(order.indexOf(current()) + 1) % order.length];
      if (next === "auto") root.removeAttribute("data-theme"); else root.setAttribute("data-theme", next);
      try {
        if (next === "auto") localStorage.removeItem("theme"); else localStorage.setItem("theme", next);
      } catch (e) { /* not saved; still applies to this page */ }
      value.textContent = next;
    });
  }

  // "On this page": mark the section being read, as the page scrolls.
  var tocLinks = Array.prototype.slice.call(document.querySelectorAll('.toc a[href^="#"]'));
  var sections = tocLinks.map(function (link) {
    return document.getElementById(decodeURIComponent(link.getAttribute("href").slice(1)));
  });
  if (tocLinks.length && sections.every(Boolean)) {
    var pending = false;
    var mark = function () {
      pending = false;
      var line = (document.querySelector(".site-header") || root).getBoundingClientRect().bottom + 24;
      var active = 0;
      sections.forEach(function (section, index) {
        if (section.getBoundingClientRect().top <= line) active = index;
      });
      if (window.innerHeight + window.scrollY >= root.scrollHeight - 2) active = sections.length - 1;
      tocLinks.forEach(function (link, index) { link.classList.toggle("is-active", index === active); });
    };
    window.addEventListener("scroll", function () {
      if (!pending) { pending = true; window.requestAnimationFrame(mark); }
    }, { passive: true });
    mark();
  }

  // "Print this ladder": print.css prints only the ladder marked here (or, without JavaScript, the ladder
  // named in the address, which the link leads to).
  var printing = null;
  Array.prototype.forEach.call(document.querySelectorAll("a.print-ladder"), function (link) {
    link.addEventListener("click", function (event) {
      event.preventDefault();
      printing = document.getElementById(link.getAttribute("href").slice(1));
      if (!printing) return;
      printing.classList.add("is-printing");
      root.classList.add("print-one-ladder");
      window.print();
    });
  });
  window.addEventListener("afterprint", function () {
    root.classList.remove("print-one-ladder");
    if (printing) printing.classList.remove("is-printing");
    printing = null;
  });

  // The sidebar lists either the 16 clusters or the 2024 framework's 14; the choice is remembered, and a page
  // of the 2024 framework shows its own list.
  var frameworks = document.querySelector(".nav-frameworks");
  if (frameworks) {
    var buttons = Array.prototype.slice.call(frameworks.querySelectorAll("button[data-framework]"));
    var lists = Array.prototype.slice.call(document.querySelectorAll(".sidebar .nav-clusters[data-framework]"));
    var showFramework = function (name) {
      buttons.forEach(function (b) { b.setAttribute("aria-pressed", String(b.getAttribute("data-framework") === name)); });
      lists.forEach(function (list) { list.hidden = list.getAttribute("data-framework") !== name; });
    };
    var chosen = null;
    try { chosen = localStorage.getItem("framework"); } catch (e) { chosen = null; }
    if (document.querySelector('.nav-modern a[aria-current="page"]') || root.getAttribute("data-page-kind") === "sub-cluster") chosen = "2024";
    showFramework(chosen === "2024" ? "2024" : "16");
    frameworks.hidden = false;
    buttons.forEach(function (button) {
      button.addEventListener("click", function () {
        var name = button.getAttribute("data-framework");
        showFramework(name);
        try { localStorage.setItem("framework", name); } catch (e) { /* not saved; applies to this page */ }
      });
    });
  }

  // The search script (the largest on the site) loads when the search box is first touched or focused, so
  // that a page that is only read never downloads it; the results page loads it at once. Pressing Enter
  // before it has arrived still works: the form opens the results page.
  var searchBox = document.querySelector("form.search-box[data-search-script]");
  if (searchBox) {
    var loadSearch = function () {
      if (window.__search || document.querySelector("script[data-search-loader]")) return;  // here, or coming
      var script = document.createElement("script");
      script.src = searchBox.getAttribute("data-search-script");
      script.setAttribute("data-search-loader", "");
      document.head.appendChild(script);
    };
    ["focusin", "pointerdown"].forEach(function (name) { searchBox.addEventListener(name, loadSearch); });
    if (searchBox.contains(document.activeElement)) loadSearch();
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
