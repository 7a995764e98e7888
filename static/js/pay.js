/* Pay where you live: the "State" chooser swaps every pay figure on the page for that state's published
   figure (BLS OEWS May 2025), keeps the national one beside it, and redraws the bars to match. The choice is
   remembered across pages. A state's figures are loaded only when it is chosen, from a script file, so this
   works from disk (file://) too; nothing leaves the browser. */
(function () {
  "use strict";
  var select = document.getElementById("state-select");
  if (!select) return;
  var box = select.closest(".state-pay");
  var note = document.getElementById("state-note");
  var KEY = "state";
  var FIELDS = { employment: 0, p10: 1, median: 2, p90: 3, hourly: 4 };
  var registry = window.__statePay || (window.__statePay = { data: {}, waiting: {} });
  registry.add = function (slug, table) {
    registry.data[slug] = table;
    var done = registry.waiting[slug];
    delete registry.waiting[slug];
    if (done) done(true);
  };

  var figures = [];
  function collect() {
    figures = Array.prototype.slice.call(document.querySelectorAll(".fig[data-fig]"));
    figures.forEach(function (fig) { if (!fig.hasAttribute("data-us")) fig.setAttribute("data-us", fig.textContent); });
  }
  collect();
  box.hidden = false;

  function load(slug, done) {
    if (registry.data[slug]) { done(true); return; }
    registry.waiting[slug] = done;
    var script = document.createElement("script");
    script.src = select.getAttribute("data-pay-path") + slug + ".js";
    script.onerror = function () { delete registry.waiting[slug]; done(false); };
    document.head.appendChild(script);
  }

  function money(value, cents) {
    return "$" + value.toLocaleString("en-US", { minimumFractionDigits: cents ? 2 : 0, maximumFractionDigits: cents ? 2 : 0 });
  }

  function format(field, value) {
    if (field === "employment") return Math.round(value).toLocaleString("en-US");
    return money(value, field === "hourly");
  }

  function median(values) {
    var sorted = values.slice().sort(function (a, b) { return a - b; });
    var middle = Math.floor(sorted.length / 2);
    return sorted.length % 2 ? sorted[middle] : Math.floor((sorted[middle - 1] + sorted[middle]) / 2);
  }

  function codes(element) {
    return (element.getAttribute("data-socs") || element.getAttribute("data-soc") || "").split(" ").filter(Boolean);
  }

  /* The state's figure for an element: its code's, or the median of its codes' (a ladder step). */
  function value(table, element, field) {
    var index = FIELDS[field];
    var found = codes(element).map(function (code) { return table[code] ? table[code][index] : null; })
      .filter(function (v) { return v !== null && v !== undefined; });
    if (!found.length) return null;
    return element.hasAttribute("data-socs") ? median(found) : found[0];
  }

  function percent(number, top) { return Math.max(0, Math.min(100, 100 * number / top)).toFixed(2) + "%"; }

  function redraw(table) {
    // Pay ranges (10th to 90th percentile, median dot) on an axis of `data-top` dollars.
    Array.prototype.forEach.call(document.querySelectorAll("svg[data-top][data-soc]"), function (svg) {
      var top = Number(svg.getAttribute("data-top"));
      var soc = svg.getAttribute("data-soc");
      var row = table ? table[soc] : svg.__us;
      if (!svg.__us) {
        var r = svg.querySelector("rect.range"), c = svg.querySelector("circle.median");
        svg.__us = { rect: r && [r.getAttribute("x"), r.getAttribute("width")], cx: c && c.getAttribute("cx") };
      }
      var range = svg.querySelector("rect.range"), dot = svg.querySelector("circle.median");
      if (!table) {
        if (range) { range.setAttribute("x", svg.__us.rect[0]); range.setAttribute("width", svg.__us.rect[1]); range.style.visibility = ""; }
        if (dot) { dot.setAttribute("cx", svg.__us.cx); dot.style.visibility = ""; }
        return;
      }
      var p10 = row ? row[1] : null, mid = row ? row[2] : null, p90 = row ? row[3] : null;
      if (range) {
        range.style.visibility = p10 !== null && p90 !== null && row ? "" : "hidden";
        if (p10 !== null && p90 !== null && row) {
          range.setAttribute("x", percent(p10, top));
          range.setAttribute("width", (Math.max(0, Math.min(100, 100 * p90 / top)) - Math.max(0, Math.min(100, 100 * p10 / top))).toFixed(2) + "%");
        }
      }
      if (dot) {
        dot.style.visibility = mid !== null && row ? "" : "hidden";
        if (mid !== null && row) dot.setAttribute("cx", percent(mid, top));
      }
    });
    // Ladder overviews: one bar per step, as tall as its median pay.
    Array.prototype.forEach.call(document.querySelectorAll("svg.glance-bar[data-top]"), function (svg) {
      var label = svg.querySelector("text .fig, text.fig");
      var bar = svg.querySelector("rect");
      if (!label || !bar) return;
      var top = Number(svg.getAttribute("data-top"));
      var number = table ? value(table, label, "median") : Number(svg.getAttribute("data-us"));
      var height = number === null ? 0 : Math.min(100, 100 * number / top) * 0.72;
      bar.setAttribute("y", (100 - height).toFixed(2) + "%");
      bar.setAttribute("height", height.toFixed(2) + "%");
      label.closest("text").setAttribute("y", (100 - height).toFixed(2) + "%");
    });
    // Cluster charts: a dot per step.
    Array.prototype.forEach.call(document.querySelectorAll("svg.compare-bar[data-top]"), function (svg) {
      var top = Number(svg.getAttribute("data-top"));
      var xs = [];
      Array.prototype.forEach.call(svg.querySelectorAll("g[data-socs]"), function (group) {
        var us = Number(group.getAttribute("data-us"));
        var number = table ? value(table, group, "median") : us;
        group.style.visibility = number === null ? "hidden" : "";
        if (number === null) return;
        group.classList.toggle("beyond", number > top);  // drawn at the end of the axis, with a dashed ring
        xs.push(number);
        var x = percent(number, top);
        group.querySelector("circle").setAttribute("cx", x);
        group.querySelector("text").setAttribute("x", x);
      });
      var span = svg.querySelector("line.span");
      if (span && xs.length) {
        span.setAttribute("x1", percent(Math.min.apply(null, xs), top));
        span.setAttribute("x2", percent(Math.max.apply(null, xs), top));
      }
    });
    // The chart's note on steps paid more than its axis shows, when there are any with these figures.
    Array.prototype.forEach.call(document.querySelectorAll(".beyond-note"), function (note) {
      note.hidden = !document.querySelector("svg.compare-bar g.beyond:not([style*='hidden'])");
    });
  }

  function show(slug, name) {
    var table = slug ? registry.data[slug] : null;
    figures.forEach(function (fig) {
      var us = fig.getAttribute("data-us");
      var beside = fig.nextSibling && fig.nextSibling.className === "fig-us" ? fig.nextSibling : null;
      if (!table) {
        fig.textContent = us;
        if (beside) beside.parentNode.removeChild(beside);
        return;
      }
      var field = fig.getAttribute("data-fig");
      var number = codes(fig).length ? value(table, fig, field) : null;
      fig.textContent = number === null ? "not published for " + name : format(field, number);
      if (fig.closest("svg")) return; // chart labels have no room for the national figure
      if (!beside) {
        beside = document.createElement("span");
        beside.className = "fig-us";
        fig.parentNode.insertBefore(beside, fig.nextSibling);
      }
      beside.textContent = " (U.S. " + us + ")";
    });
    redraw(table);
    note.textContent = table ? "Showing pay and jobs in " + name + " (BLS, May 2025), with U.S. figures in brackets." : "";
  }

  function choose(slug, remember) {
    var option = slug ? select.querySelector('option[value="' + CSS.escape(slug) + '"]') : null;
    if (!slug || !option) {
      select.value = "";
      show("", "");
      if (remember) try { localStorage.removeItem(KEY); } catch (e) { /* not saved */ }
      return;
    }
    select.value = slug;
    if (remember) try { localStorage.setItem(KEY, slug); } catch (e) { /* not saved; applies to this page */ }
    load(slug, function (ok) {
      if (select.value !== slug) return;
      if (ok) show(slug, option.textContent);
      else note.textContent = "The figures for " + option.textContent + " could not be loaded.";
    });
  }

  select.addEventListener("change", function () { choose(select.value, true); });
  // A page that writes its figures after loading (the compare page) asks for them to follow the state too.
  document.addEventListener("pay:refresh", function () { collect(); choose(select.value, false); });
  // A state named in the address (search sends 'electrician pay in texas' to ?state=texas) is chosen and
  // remembered, as if picked here; else the one chosen before.
  var asked = new URLSearchParams(location.search).get(KEY);
  if (asked && select.querySelector('option[value="' + CSS.escape(asked) + '"]')) {
    choose(asked, true);
    return;
  }
  var saved = null;
  try { saved = localStorage.getItem(KEY); } catch (e) { saved = null; }
  if (saved) choose(saved, false);
})();
