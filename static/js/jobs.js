// The jobs explorer: filters and sort of the A to Z list, kept in the address. Data: assets/jobs/index.js
// (engine/jobs.py explains it; README.md the address).
(function () {
  "use strict";
  var box = document.querySelector(".explorer[data-jobs]");
  if (!box || !window.URLSearchParams) return;
  var form = box.querySelector("form"), count = box.querySelector(".ex-count"), list = box.querySelector("ol");
  var azList = document.querySelector(".a-z-list");
  var NAMES = ["education", "or_less", "experience", "training", "min_pay", "outlook", "cluster", "interest", "sort"];
  var PAY = /^\d{1,7}$/;
  var FIRST = 30, BATCH = 120;
  var jobs, rows, orders = {}, drawn = 0, applied = null, addressing;
  // Each level of education's rank (BLS's, from the options): 'some college' and a certificate rank alike.
  var RANKS = {};
  [].forEach.call(form.elements.education.options, function (o) { if (o.value) RANKS[o.value] = Number(o.dataset.rank); });
  var registry = window.__jobs || (window.__jobs = { data: {}, waiting: {} });
  registry.add = registry.add || function (name, data) {
    registry.data[name] = data;
    if (registry.waiting[name]) registry.waiting[name](data);
  };

  function text(n) { return n.toLocaleString("en-US"); }

  // The value, or "" if the form does not offer it.
  function valid(name, value) {
    var input = form.elements[name];
    if (!value || (name === "sort" && value === "name")) return "";
    if (name === "min_pay") return PAY.test(value) ? String(Number(value)) : "";
    if (name === "outlook") return value === "bright" ? value : "";
    if (name === "or_less") return value === "yes" ? value : "";
    return [].some.call(input.options, function (o) { return o.value === value; }) ? value : "";
  }

  function fromForm() {
    var state = {};
    NAMES.forEach(function (name) {
      var input = form.elements[name];
      var value = valid(name, input.type === "checkbox" ? (input.checked ? input.value : "") : input.value.trim());
      if (value) state[name] = value;
    });
    if (!state.education) delete state.or_less;  // 'or less' than no level: nothing to widen
    return state;
  }

  function build() {
    var item = document.createElement("li"), link = document.createElement("a");
    item.appendChild(link);
    rows = jobs.rows.map(function (job) {
      link.href = job[0] + "/";
      link.textContent = job[1];
      var row = item.cloneNode(true);
      row.insertAdjacentHTML("beforeend", job[6] ? ' <span class="ex-bright">Bright outlook</span> <span class="ex-facts"></span>' : ' <span class="ex-facts"></span>');
      row.lastChild.textContent = job[9];
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

  // A new list; the old one is hidden, and taken out (slow on a phone) after the next paint.
  function empty() {
    var old = list;
    list = old.cloneNode(false);
    old.parentNode.insertBefore(list, old);
    old.className = "ex-old";
    old.removeAttribute("aria-busy");
    requestAnimationFrame(function () { setTimeout(function () { old.parentNode.removeChild(old); }, 0); });
  }

  // The first screenful at once, then a batch a frame; busy until every match is listed.
  function show(matches) {
    var drawing = ++drawn, at = 0;
    empty();
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
      empty();
      list.setAttribute("aria-busy", "false");
      count.textContent = "Showing all " + text(jobs.rows.length) + " jobs, A to Z.";
      return;
    }
    var cluster = jobs.clusters.map(function (c) { return c[0]; }).indexOf(state.cluster);
    var pay = state.min_pay ? Number(state.min_pay) : null;
    var letter = state.interest ? state.interest.charAt(0).toUpperCase() : "";
    var most = state.or_less ? RANKS[state.education] : null;  // the highest level a job may need
    var matches = orders[sort].filter(function (index) {
      var job = jobs.rows[index];
      return (!state.education || (most === null ? job[2] === state.education : RANKS[job[2]] <= most)) && (!state.experience || job[10] === state.experience) &&
        (!state.training || job[11] === state.training) &&
        (pay === null || (job[3] !== null && job[3] >= pay)) && (!state.outlook || job[6] === 1) &&
        (!state.cluster || job[7].indexOf(cluster) >= 0) && (!letter || job[8].charAt(0) === letter);
    }), n = matches.length;
    show(matches);
    count.textContent = (n === 1 ? "1 job matches" : text(n) + " jobs match") + (n ? "." : ". Try removing a filter.");
  }

  function change() {
    var state = fromForm(), params = new URLSearchParams();
    NAMES.forEach(function (name) { if (state[name]) params.set(name, state[name]); });
    var query = params.toString();
    if (query === applied) return;
    applied = query;
    update(state);
    // The address follows after the paint: rewriting it is slow on a phone.
    clearTimeout(addressing);
    addressing = setTimeout(function () {
      try { history.replaceState(null, "", location.pathname + (query ? "?" + query : "")); } catch (e) { /* unchanged */ }
    }, 100);
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
  form.addEventListener("input", function (event) { if (event.target.type === "number") change(); });
  form.addEventListener("change", function (event) { if (event.target.type !== "number") change(); });
  form.addEventListener("submit", function (event) { event.preventDefault(); });
  form.addEventListener("reset", function () { setTimeout(change, 0); });
  if (registry.data.index) { start(registry.data.index); return; }
  registry.waiting.index = start;
  var script = document.createElement("script");
  script.src = box.getAttribute("data-jobs") + "index.js";
  script.onerror = function () { count.textContent = "The job figures could not be loaded. The A to Z list below has every job."; };
  document.head.appendChild(script);
})();
