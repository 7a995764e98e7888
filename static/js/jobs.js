// The jobs explorer on the A to Z list: filters and a sort kept in the address (occupations/?education=
// &min_pay=&outlook=bright&cluster=&interest=&sort=). Figures come from assets/jobs/index.js (engine/jobs.py),
// loaded as a script so it works from disk. Without JavaScript the page is the plain A to Z list.
(function () {
  "use strict";
  var box = document.querySelector(".explorer[data-jobs]");
  if (!box || !window.URLSearchParams) return;
  var form = box.querySelector("form"), count = box.querySelector(".ex-count"), list = box.querySelector("ol");
  var azList = document.querySelector(".a-z-list");
  var NAMES = ["education", "min_pay", "outlook", "cluster", "interest", "sort"];
  var PAY = /^\d{1,7}$/;
  var FIRST = 40, BATCH = 120;
  var jobs, rows, orders = {}, drawn = 0;
  var registry = window.__jobs || (window.__jobs = { data: {}, waiting: {} });
  registry.add = registry.add || function (name, data) {
    registry.data[name] = data;
    if (registry.waiting[name]) registry.waiting[name](data);
  };

  function text(n) { return n.toLocaleString("en-US"); }

  // A value as the address may hold it, or "" if it is not one the form offers.
  function valid(name, value) {
    var input = form.elements[name];
    if (!value || (name === "sort" && value === "name")) return "";
    if (name === "min_pay") return PAY.test(value) ? String(Number(value)) : "";
    if (name === "outlook") return value === "bright" ? value : "";
    return [].some.call(input.options, function (o) { return o.value === value; }) ? value : "";
  }

  function fromForm() {
    var state = {};
    NAMES.forEach(function (name) {
      var input = form.elements[name];
      var value = valid(name, input.type === "checkbox" ? (input.checked ? input.value : "") : input.value.trim());
      if (value) state[name] = value;
    });
    return state;
  }

  // Each row: [code, title, education, annual median, growth %, openings, bright, clusters, interest code,
  // whose figures, hourly median]; null where a figure is not published.
  function facts(job) {
    var pay = job[3] !== null ? "$" + text(job[3]) + " median pay" :
      job[10] !== null ? "$" + job[10].toFixed(2) + " an hour (no yearly figure)" : "Pay not published";
    if (/group|specialty/.test(job[9]) && pay.charAt(0) === "$") pay += " (for a wider group)";
    if (job[9] === "catch-all") pay += " (for a mix of jobs)";
    return [pay, job[4] === null ? "growth not published" : (job[4] > 0 ? "+" : "") + job[4].toFixed(1) + "% growth",
      job[5] === null ? "openings not published" : text(job[5]) + " openings a year",
      job[2] ? jobs.education[job[2]] : "education not published"].join(" · ");
  }

  function build() {
    var item = document.createElement("li"), link = document.createElement("a");
    item.appendChild(link);
    rows = jobs.rows.map(function (job) {
      link.href = job[0] + "/";
      link.textContent = job[1];
      var row = item.cloneNode(true);
      row.insertAdjacentHTML("beforeend", job[6] ? ' <span class="ex-bright">Bright outlook</span> <span class="ex-facts"></span>' : ' <span class="ex-facts"></span>');
      row.lastChild.textContent = facts(job);
      return row;
    });
    var byName = jobs.rows.map(function (_, i) { return i; });
    orders.name = byName;
    [["pay", 3], ["growth", 4], ["openings", 5]].forEach(function (sort) {
      orders[sort[0]] = byName.slice().sort(function (a, b) {  // highest first, missing figures last
        var x = jobs.rows[a][sort[1]], y = jobs.rows[b][sort[1]];
        return x === null || y === null ? (x === y ? a - b : x === null ? 1 : -1) : y - x || a - b;
      });
    });
  }

  // The matching rows, in order: the first screenful at once, the rest a batch a frame, so that the page
  // answers at once however many jobs match. The list is marked busy until every match is in it.
  function show(matches) {
    var drawing = ++drawn, at = 0;
    list.textContent = "";
    list.setAttribute("aria-busy", "true");
    (function more() {
      if (drawing !== drawn) return;
      var fragment = document.createDocumentFragment(), stop = Math.min(matches.length, at + (at ? BATCH : FIRST));
      for (; at < stop; at++) fragment.appendChild(rows[matches[at]]);
      list.appendChild(fragment);
      if (at < matches.length) requestAnimationFrame(function () { setTimeout(more, 0); });  // after the paint
      else list.setAttribute("aria-busy", "false");
    })();
  }

  function update(state) {
    var sort = state.sort || "name";
    var filtered = Object.keys(state).some(function (name) { return name !== "sort"; });
    list.hidden = !filtered && sort === "name";
    azList.hidden = !list.hidden;
    if (list.hidden) {
      drawn++;
      list.textContent = "";
      list.setAttribute("aria-busy", "false");
      count.textContent = "Showing all " + text(jobs.rows.length) + " jobs, A to Z.";
      return;
    }
    var cluster = jobs.clusters.map(function (c) { return c[0]; }).indexOf(state.cluster);
    var pay = state.min_pay ? Number(state.min_pay) : null;
    var letter = state.interest ? state.interest.charAt(0).toUpperCase() : "";
    var matches = orders[sort].filter(function (index) {
      var job = jobs.rows[index];
      return (!state.education || job[2] === state.education) && (pay === null || (job[3] !== null && job[3] >= pay)) &&
        (!state.outlook || job[6] === 1) && (!state.cluster || job[7].indexOf(cluster) >= 0) &&
        (!letter || job[8].charAt(0) === letter);
    }), n = matches.length;
    show(matches);
    count.textContent = (n === 1 ? "1 job matches" : text(n) + " jobs match") + (n ? "." : ". Try removing a filter.");
  }

  function change() {
    var state = fromForm(), params = new URLSearchParams();
    NAMES.forEach(function (name) { if (state[name]) params.set(name, state[name]); });
    var query = params.toString();
    try { history.replaceState(null, "", location.pathname + (query ? "?" + query : "")); } catch (e) { /* unchanged */ }
    update(state);
  }

  function start(data) {
    var params = new URLSearchParams(location.search), bad = [];
    jobs = data;
    build();
    NAMES.forEach(function (name) {
      var given = params.get(name) || "", value = valid(name, given), input = form.elements[name];
      if (given && !value && !(name === "sort" && given === "name")) bad.push(name);
      if (input.type === "checkbox") input.checked = value === input.value;
      else input.value = value || (name === "sort" ? "name" : "");
    });
    if (bad.length) {
      box.querySelector(".ex-ignored").textContent = "Left out, as the address gave a value we do not know for: " + bad.join(", ") + ".";
      box.querySelector(".ex-ignored").hidden = false;
    }
    change();
  }

  box.hidden = false;
  count.textContent = "Loading the job figures…";
  form.addEventListener("input", change);
  form.addEventListener("change", change);
  form.addEventListener("submit", function (event) { event.preventDefault(); });
  form.addEventListener("reset", function () { setTimeout(change, 0); });
  if (registry.data.index) { start(registry.data.index); return; }
  registry.waiting.index = start;
  var script = document.createElement("script");
  script.src = box.getAttribute("data-jobs") + "index.js";
  script.onerror = function () { count.textContent = "The job figures could not be loaded. The A to Z list below has every job."; };
  document.head.appendChild(script);
})();
