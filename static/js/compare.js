// The compare page (compare/?jobs=<code>,<code>[,<code>]): two or three jobs side by side. Without codes in
// the address it shows the jobs chosen with "Add to compare" (static/js/pick.js), kept in localStorage. Each
// job's figures come from its group's file in assets/jobs/ (engine/jobs.py), loaded as a script only for the jobs shown,
// so this works from disk too. Nothing leaves the browser.
(function () {
  "use strict";
  var KEY = "compare", MAX = 3, CODE = /^\d{2}-\d{4}\.\d{2}$/;

  function saved() {
    var list = [];
    try { list = JSON.parse(localStorage.getItem(KEY) || "[]"); } catch (e) { list = []; }
    return Array.isArray(list) ? list.filter(function (c) { return CODE.test(c); }).slice(0, MAX) : [];
  }

  function save(list) {
    try { localStorage.setItem(KEY, JSON.stringify(list)); } catch (e) { /* kept for this page only */ }
  }

  var page = document.querySelector(".compare-page[data-jobs]");
  if (!page) return;
  var root = page.getAttribute("data-root");
  var groups = page.getAttribute("data-groups").split(" ");
  var table = page.querySelector("table"), pageStatus = page.querySelector(".jobs-status"), note = page.querySelector(".jobs-note");
  var registry = window.__jobs || (window.__jobs = { data: {}, waiting: {} });
  registry.add = registry.add || function (name, data) {
    registry.data[name] = data;
    if (registry.waiting[name]) registry.waiting[name](data);
  };

  // A job's record, from the file of its SOC minor group (29-11 for 29-1141.00); null if there is none, and
  // undefined if the file cannot be loaded (offline, and never opened before).
  function load(code, done) {
    var group = code.slice(0, 5);
    var found = function (data) { done(data ? data[code] || null : undefined); };
    if (groups.indexOf(group) < 0) { done(null); return; }  // no file for it: no such job
    if (registry.data[group]) { found(registry.data[group]); return; }
    var waiting = registry.waiting[group];
    registry.waiting[group] = function (data) { if (waiting) waiting(data); found(data); };
    if (waiting) return;
    var script = document.createElement("script");
    script.src = page.getAttribute("data-jobs") + group + ".js";
    script.onerror = function () { var all = registry.waiting[group]; delete registry.waiting[group]; all(null); };
    document.head.appendChild(script);
  }

  function el(tag, text, className) {
    var node = document.createElement(tag);
    if (text !== undefined && text !== null) node.textContent = text;
    if (className) node.className = className;
    return node;
  }

  function money(n, cents) {
    return "$" + n.toLocaleString("en-US", { minimumFractionDigits: cents ? 2 : 0, maximumFractionDigits: cents ? 2 : 0 });
  }

  // A pay figure that follows the State chooser (static/js/pay.js), or "not published".
  function fig(job, field, cents) {
    var value = job.pay[field];
    if (value === null) return el("span", "not published");
    var span = el("span", money(value, cents), "fig");
    if (job.soc) { span.setAttribute("data-soc", job.soc); span.setAttribute("data-fig", field); }
    return span;
  }

  function link(text, url) {
    var a = el("a", text);
    a.href = root + url;
    return a;
  }

  function list(items) {
    var ul = el("ul");
    items.forEach(function (item) {
      var li = el("li");
      li.appendChild(typeof item === "string" ? document.createTextNode(item) : item);
      ul.appendChild(li);
    });
    return ul;
  }

  function pay(field, cents) {
    return function (job) {
      var cell = [fig(job, field, cents)];
      if (job.source && job.pay[field] !== null) cell.push(el("span", " " + job.source, "muted"));
      return cell;
    };
  }

  // Education, experience or training to start, said to be a mix of jobs' where BLS gives them only for the
  // catch-all group the job is part of.
  function prepared(job, value) {
    if (!value) return "not published";
    return job.prepared ? [value, el("span", " (" + job.prepared + ")", "muted")] : value;
  }

  var ROWS = [
    ["Median pay a year", pay("median")],
    ["10th percentile (near what beginners earn)", pay("p10")],
    ["90th percentile", pay("p90")],
    ["Median pay an hour", pay("hourly", true)],
    ["Projected growth, 2024–34", function (job) {
      if (job.growth === null) return "not published";
      return [(job.growth > 0 ? "+" : job.growth < 0 ? "\u2212" : "") + Math.abs(job.growth).toFixed(1) + "%" + (job.phrase ? ", " + job.phrase : "") +
        (job.average !== null ? " (all jobs: +" + job.average.toFixed(1) + "%)" : ""), el("span", job.source ? " " + job.source : "", "muted")];
    }],
    ["Openings a year", function (job) {
      // In the words of the job's page (the build's: BLS rounds openings to the hundred, so 0 is "fewer than 50").
      return job.openings === null ? job.openings_text : [job.openings_text, el("span", job.source ? " " + job.source : "", "muted")];
    }],
    ["Bright outlook", function (job) { return job.bright ? "Yes" : "No"; }],
    ["Education to start", function (job) { return prepared(job, job.education); }],
    ["Work experience", function (job) { return prepared(job, job.experience); }],
    ["On-the-job training", function (job) { return prepared(job, job.training); }],
    ["Job Zone", function (job) { return job.zone ? job.zone + ": " + job.zone_label : "not published"; }],
    ["Interest code", function (job) {
      if (!job.interests.length) return "not published";
      return job.interest_code + ": " + job.interests.map(function (i) { return i.charAt(0).toUpperCase() + i.slice(1); }).join(", ");
    }],
    ["Top skills", function (job) { return job.skills.length ? list(job.skills) : (job.rated ? "none rated important" : "not yet rated by O*NET"); }],
    ["What it offers most (work values)", function (job) {
      if (!job.values) return "not yet rated by O*NET";
      return list(job.values.map(function (v) { return v[0] + " (" + v[1].toFixed(1) + " of 7)"; }));
    }],
    ["Career ladders", function (job) {
      if (!job.ladders.length) return "not on one of our ladders yet";
      return list(job.ladders.map(function (l) {
        var item = document.createDocumentFragment();
        item.appendChild(link(l.pathway + ": " + l.ladder, l.url + "#" + l.anchor));
        item.appendChild(document.createTextNode(" (step " + (l.at + 1) + " of " + l.size + ")"));
        return item;
      }));
    }],
    ["Make a plan", function (job) { return link("Plan for " + job.title, "plan/?job=" + job.code); }]
  ];

  function render(jobs) {
    var head = table.querySelector("thead tr"), body = table.querySelector("tbody");
    while (head.children.length > 1) head.removeChild(head.lastChild);
    body.textContent = "";
    jobs.forEach(function (job) {
      var th = el("th");
      th.scope = "col";
      th.appendChild(link(job.title, job.url));
      var remove = el("button", "Remove");
      remove.type = "button";
      remove.appendChild(el("span", " " + job.title, "visually-hidden"));
      remove.addEventListener("click", function () { choose(shown.filter(function (c) { return c !== job.code; })); });
      th.appendChild(el("br"));
      th.appendChild(remove);
      head.appendChild(th);
    });
    ROWS.forEach(function (row) {
      var tr = el("tr"), th = el("th", row[0]);
      th.scope = "row";
      tr.appendChild(th);
      jobs.forEach(function (job) {
        var td = el("td"), value = row[1](job);
        td.setAttribute("data-job", job.title);
        (Array.isArray(value) ? value : [value]).forEach(function (part) {
          td.appendChild(typeof part === "string" ? document.createTextNode(part) : part);
        });
        tr.appendChild(td);
      });
      body.appendChild(tr);
    });
    table.hidden = !jobs.length;
    document.dispatchEvent(new Event("pay:refresh"));
  }

  var shown = [];

  function tell(message) {
    note.appendChild(el("span", (note.textContent ? " " : "") + message));
    note.hidden = false;
  }

  // Show the first three of `codes` that are jobs; say which are not.
  function choose(codes) {
    var loaded = [], missing = [], unreachable = [], left = codes.length;
    shown = codes;
    var finish = function () {
      loaded = loaded.filter(Boolean);
      if (loaded.length > MAX) tell("Only " + MAX + " jobs can be compared at once: " + loaded.splice(MAX).map(function (job) { return job.code; }).join(", ") + " left out.");
      if (missing.length) tell("No job has the code " + missing.join(", ") + ", so it is left out.");
      if (unreachable.length) tell("The figures of " + unreachable.join(", ") + " could not be loaded: check your connection, then reload the page.");
      // Jobs that could not be loaded stay in the address and the saved list, so nothing is lost offline.
      shown = codes.filter(function (code) {
        return unreachable.indexOf(code) >= 0 || loaded.some(function (job) { return job.code === code; });
      });
      try { history.replaceState(null, "", location.pathname + (shown.length ? "?jobs=" + shown.join(",") : "")); } catch (e) { /* unchanged */ }
      save(shown);
      render(loaded);
      pageStatus.textContent = !loaded.length ? (unreachable.length ? "" : "No jobs chosen yet. Open a job's page and press \u201cAdd to compare\u201d.") :
        loaded.length === 1 ? "Showing 1 job: add one or two more from their pages to compare." :
        "Comparing " + loaded.map(function (job) { return job.title; }).join(", ") + ".";
    };
    if (!codes.length) { finish(); return; }
    codes.forEach(function (code, i) {
      load(code, function (job) {
        if (job) loaded[i] = job; else if (job === undefined) unreachable.push(code); else missing.push(code);
        if (--left === 0) finish();
      });
    });
  }

  var given = new URLSearchParams(location.search).get("jobs");
  var codes = [], bad = [];
  if (given === null) codes = saved();
  else given.split(",").forEach(function (part) {
    part = part.trim();
    if (!part) return;
    if (!CODE.test(part)) bad.push(part);
    else if (codes.indexOf(part) < 0) codes.push(part);
  });
  if (bad.length) tell("Left out of the address: " + bad.join(", ") + ". A job's code looks like 29-1141.00.");
  if (codes.length > 2 * MAX) tell("Only " + MAX + " jobs can be compared at once: " + codes.splice(2 * MAX).join(", ") + " left out.");
  page.querySelector(".jobs-nojs").hidden = true;
  choose(codes);
})();
