// A plan to take away (plan/?job=<code>[&ladder=<pathway slug>:<ladder number>]): the target job, the steps up
// a career ladder to it, how to prepare, pay and outlook, programs of study, links and room for notes, on one
// printed page. The job's facts come from its group's file in assets/jobs/ (engine/jobs.py), and the ladder's steps from
// its pathway's file in assets/jobs/ladders/, each loaded as a script, so this works from disk too. Other pages link
// here by a job's O*NET-SOC code.
(function () {
  "use strict";
  var page = document.querySelector(".plan-page[data-jobs]");
  if (!page || !window.URLSearchParams) return;
  var root = page.getAttribute("data-root"), out = page.querySelector(".plan"), status = page.querySelector(".jobs-status");
  var note = page.querySelector(".jobs-note"), bar = page.querySelector(".jobs-bar"), route = bar.querySelector("select");
  var CODE = /^\d{2}-\d{4}\.\d{2}$/, LADDER = /^([a-z0-9]+(?:-[a-z0-9]+)*):(\d{1,2})$/;
  var STAGES = { entry: "Entry level", mid: "Mid level", advanced: "Advanced", leadership: "Leadership" };
  var registry = window.__jobs || (window.__jobs = { data: {}, waiting: {} });
  registry.add = registry.add || function (name, data) {
    registry.data[name] = data;
    if (registry.waiting[name]) registry.waiting[name](data);
  };

  function el(tag, text, className) {
    var node = document.createElement(tag);
    if (text !== undefined && text !== null) node.textContent = text;
    if (className) node.className = className;
    return node;
  }

  function add(parent) {
    for (var i = 1; i < arguments.length; i++) {
      var part = arguments[i];
      if (part !== null && part !== undefined) parent.appendChild(typeof part === "string" ? document.createTextNode(part) : part);
    }
    return parent;
  }

  function money(n, cents) {
    return "$" + n.toLocaleString("en-US", { minimumFractionDigits: cents ? 2 : 0, maximumFractionDigits: cents ? 2 : 0 });
  }

  // A link that also prints its address, so the paper copy can still be followed.
  function link(text, href) {
    var a = el("a", text);
    a.href = /^https?:/.test(href) ? href : root + href;
    return add(el("li"), a, el("span", " " + a.href, "plan-url"));
  }

  function facts(rows) {
    var dl = el("dl", null, "plan-facts");
    rows.forEach(function (row) { add(dl, add(el("div"), el("dt", row[0]), add.apply(null, [el("dd")].concat(row[1])))); });
    return dl;
  }

  // Education, experience or training to start, said to be a mix of jobs' where BLS gives them only for the
  // catch-all group the job is part of.
  function prepared(job, value) {
    return value ? value + (job.prepared ? " (" + job.prepared + ")" : "") : "not published";
  }

  function section(title) { return add(el("section"), el("h2", title)); }

  function stepPay(step) {
    if (step.pay !== null) return money(step.pay) + " a year" + (step.grouped ? " (for a wider group)" : "");
    if (step.hourly !== null) return money(step.hourly, true) + " an hour";
    return "not published";
  }

  // Load a data file of assets/jobs/ by its name ('29-11', 'ladders/therapeutic-services'); `done` gets its data,
  // or null if it cannot be loaded.
  function need(name, done) {
    if (registry.data[name]) { done(registry.data[name]); return; }
    var waiting = registry.waiting[name];
    registry.waiting[name] = function (data) { if (waiting) waiting(data); done(data); };
    if (waiting) return;
    var script = document.createElement("script");
    script.src = page.getAttribute("data-jobs") + name + ".js";
    script.onerror = function () { var all = registry.waiting[name]; delete registry.waiting[name]; all(null); };
    document.head.appendChild(script);
  }

  // `ladder` is the job's place on it, `steps` the ladder's steps from its pathway's file.
  function render(job, ladder, steps) {
    out.textContent = "";
    document.title = "Plan: " + job.title + " | " + document.title.split(" | ").pop();
    var target = add(el("h2", null, "plan-target"), "Target job: ", add(el("a", job.title), null));
    target.firstElementChild.href = root + job.url;
    add(out, target, job.summary ? el("p", job.summary, "plan-summary") : null);

    var climb = section("Steps to get there");
    if (ladder && steps) {
      var path = add(el("p"), "On the ", el("b", ladder.ladder), " ladder of the " + ladder.pathway + " pathway (" + ladder.cluster + ").");
      var list = el("ol", null, "plan-steps");
      steps.slice(0, ladder.at + 1).forEach(function (step, i) {
        var item = add(el("li", null, i === ladder.at ? "is-target" : ""), el("b", step.title), " (" + STAGES[step.stage] + ")" + (i === ladder.at ? ": your target" : ""));
        var detail = "Education: " + step.education + ". Experience: " + step.experience + "." +
          (step.credentials.length ? " Credentials: " + step.credentials.join("; ") + "." : "") + " Typical pay: " + stepPay(step) + ".";
        add(list, add(item, el("br"), el("span", detail, "plan-detail")));
      });
      add(climb, path, list);
      if (ladder.at + 1 < steps.length) add(climb, el("p", "Later steps on this ladder: " + steps.slice(ladder.at + 1).map(function (s) { return s.title; }).join(" → ") + ".", "muted"));
    } else if (ladder) {
      add(climb, el("p", "The steps of the " + ladder.ladder + " ladder could not be loaded. They are on the " + ladder.pathway + " pathway's page."));
    } else {
      add(climb, el("p", "This job is not on one of our career ladders yet. The education and training below are the way in."));
    }
    out.appendChild(climb);

    var grid = el("div", null, "plan-grid");
    var prepare = section("Education and training");
    prepare.appendChild(facts([
      ["Education to start", prepared(job, job.education)],
      ["Work experience", prepared(job, job.experience)],
      ["On-the-job training", prepared(job, job.training)],
      ["Job Zone", job.zone ? job.zone + ": " + job.zone_label : "not published"]]));
    var pay = job.pay, whose = job.source ? " (" + job.source + ")" : "";
    var outlook = section("Pay and outlook");
    outlook.appendChild(facts([
      ["Median pay", pay.median !== null ? money(pay.median) + " a year" + whose : pay.hourly !== null ? money(pay.hourly, true) + " an hour" + whose : "not published"],
      ["Middle 80% earn", pay.p10 !== null && pay.p90 !== null ? money(pay.p10) + " to " + money(pay.p90) : "not published"],
      ["Growth, 2024–34", job.growth === null ? "not published" : (job.growth > 0 ? "+" : job.growth < 0 ? "\u2212" : "") + Math.abs(job.growth).toFixed(1) + "%" + (job.phrase ? ", " + job.phrase : "")],
      ["Openings a year", job.openings_text + (job.openings !== null && job.bright ? " (bright outlook)" : "")]]));
    add(out, add(grid, prepare, outlook));

    var programs = section("Programs of study");
    if (job.programs.length) {
      var shown = job.programs.slice(0, 6);
      add(programs, add.apply(null, [el("ul", null, "plan-programs")].concat(shown.map(function (p) { return el("li", p[0] + " (CIP " + p[1] + ")"); }))));
      if (job.programs.length > shown.length) add(programs, el("p", "And " + (job.programs.length - shown.length) + " more on the job's page.", "muted"));
    } else {
      add(programs, el("p", "No program of study is matched to this job in Advance CTE's crosswalk."));
    }
    var links = section("Links");
    var items = [link("About this job", job.url)];
    if (ladder) items.push(link("The " + ladder.pathway + " pathway", ladder.url + "#" + ladder.anchor));
    job.links.forEach(function (l) { items.push(link(l[0], l[1])); });
    add(links, add.apply(null, [el("ul", null, "plan-links")].concat(items)));
    add(out, add(el("div", null, "plan-grid"), programs, links));

    var notes = section("My notes and next steps");
    var lines = el("ul", null, "plan-notes");
    lines.setAttribute("aria-label", "Blank lines for notes");
    for (var i = 0; i < 4; i++) lines.appendChild(el("li"));
    add(out, add(notes, lines));
  }

  var asked = 0;  // how many times a ladder was chosen
  function show(job, wanted) {
    var ladders = job.ladders, chosen = null, best = null;
    if (wanted) {
      var m = LADDER.exec(wanted);
      chosen = m ? ladders.filter(function (l) { return l.slug === m[1] && l.number === Number(m[2]); })[0] : null;
      if (!chosen) tell("This job is not on the ladder named in the address (" + wanted + "), so another is shown.");
    }
    // By default, the ladder with the most steps up to the job: the fullest route to it.
    ladders.forEach(function (l) { if (!chosen && (!best || l.at > best.at)) best = l; });
    chosen = chosen || best;
    route.textContent = "";
    ladders.forEach(function (l) {
      var option = el("option", l.pathway + ": " + l.ladder + " (step " + (l.at + 1) + ")");
      option.value = l.slug + ":" + l.number;
      route.appendChild(option);
    });
    bar.hidden = false;
    route.hidden = route.previousElementSibling.hidden = ladders.length < 2;
    if (chosen) route.value = chosen.slug + ":" + chosen.number;
    var query = "?job=" + job.code + (chosen && ladders.length > 1 ? "&ladder=" + route.value : "");
    try { history.replaceState(null, "", location.pathname + query); } catch (e) { /* unchanged */ }
    var mine = ++asked;
    if (!chosen) { done(job, null, null); return; }
    need("ladders/" + chosen.slug, function (data) {
      if (mine === asked) done(job, chosen, (data && data[chosen.number - 1]) || null);  // unless another was chosen since
    });
  }

  function done(job, chosen, steps) {
    render(job, chosen, steps);
    status.textContent = "Plan for " + job.title + (chosen ? ", by the " + chosen.ladder + " ladder." : ".");
  }

  function tell(message) {
    note.textContent = message;
    note.hidden = false;
  }

  page.querySelector(".jobs-nojs").hidden = true;
  var params = new URLSearchParams(location.search), code = (params.get("job") || "").trim();
  if (!CODE.test(code)) {
    status.textContent = "";
    tell(code ? "\u201c" + code + "\u201d is not a job's code. Choose a job from the A to Z list, then press \u201cMake a plan\u201d." :
      "No job chosen yet. Choose one from the A to Z list of occupations, then press \u201cMake a plan\u201d on its page.");
    add(note, " ", add(el("a", "Go to the A to Z list"), null));
    note.lastChild.href = root + "occupations/";
    return;
  }
  route.addEventListener("change", function () { show(job, route.value); });
  bar.querySelector(".plan-print").addEventListener("click", function () { window.print(); });
  status.textContent = "Loading the plan…";
  var job = null;
  // The job's record, from the file of its SOC minor group (engine/jobs.py); a code of a group with no file
  // is no job, while a file that does not load means no connection.
  var found = function (data) {
    job = data && data[code];
    if (!data) { status.textContent = ""; tell("The job's figures could not be loaded: check your connection, then reload the page."); return; }
    if (!job) { status.textContent = ""; tell("No job has the code " + code + ". Choose one from the A to Z list of occupations."); return; }
    show(job, params.get("ladder"));
  };
  if (page.getAttribute("data-groups").split(" ").indexOf(code.slice(0, 5)) < 0) found({});
  else need(code.slice(0, 5), found);
})();
