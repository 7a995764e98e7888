/* Find your path: the interest quiz, its results, the skills explorer and "from my job". Everything runs here,
   in the browser, on the data files the build writes (assets/explore/*.js, each calling
   window.__explore.add(name, data)); nothing a visitor enters leaves the page. Choices live in the address,
   so results can be bookmarked and shared, and opening the address shows the same results.

   The scoring functions are twins of those in engine/explore.py, and a test runs both on the same inputs:
   keep them doing the same arithmetic in the same order. */
(function () {
  "use strict";
  var registry = window.__explore || (window.__explore = { data: {} });
  registry.data = registry.data || {};
  registry.add = function (name, data) { registry.data[name] = data; };

  var AREAS = ["realistic", "investigative", "artistic", "social", "enterprising", "conventional"];
  var LETTERS = ["r", "i", "a", "s", "e", "c"];
  var IMPORTANT = 30;
  var WIDER_GROUP = " (figures for a wider group)";  // after a move's pay when a figure is a group's
  var CLOSE = 50;  // a fit of this many percent or more, as shown, fits closely
  var RANK = { "none": 0, "high-school": 1, "postsecondary": 2, "some-college": 2, "associate": 3,
               "bachelor": 4, "master": 5, "doctoral": 6 };
  var WORDS = { "none": "no formal credential", "high-school": "a high school diploma",
                "postsecondary": "a certificate after high school", "some-college": "some college",
                "associate": "an associate's degree", "bachelor": "a bachelor's degree",
                "master": "a master's degree", "doctoral": "a doctoral or professional degree" };
  var NUMBERS = ["no", "one", "two", "three", "four", "five", "six"];

  // -- scoring (twins of engine/explore.py) -------------------------------------------------------------

  function halfUp(value) { return Math.floor(value + 0.5); }

  function quizScores(answers) {
    return answers.map(function (given) {
      if (!given.length) return null;
      var total = 0;
      for (var i = 0; i < given.length; i++) total += given[i];
      return halfUp(100 * (total - given.length) / (4 * given.length));
    });
  }

  function interestFit(visitor, job) {
    if (job === null || job === undefined) return null;
    var meanV = 0, meanJ = 0, i;
    for (i = 0; i < 6; i++) { meanV += visitor[i]; meanJ += job[i]; }
    meanV /= 6;
    meanJ /= 6;
    var cov = 0, varV = 0, varJ = 0;
    for (i = 0; i < 6; i++) {
      var dv = visitor[i] - meanV, dj = job[i] - meanJ;
      cov += dv * dj;
      varV += dv * dv;
      varJ += dj * dj;
    }
    if (varV === 0 || varJ === 0) return null;
    return cov / Math.sqrt(varV * varJ);
  }

  function topArea(visitor) {
    var best = 0;
    for (var i = 1; i < 6; i++) if (visitor[i] > visitor[best]) best = i;
    return best;
  }

  function compare(a, b) { return a < b ? -1 : a > b ? 1 : 0; }

  /* Whether a job is within the preparation filters: at most Job Zone `maxZone` and at most `maxEducation`. */
  function within(job, maxZone, maxEducation) {
    var limit = maxEducation && RANK.hasOwnProperty(maxEducation) ? RANK[maxEducation] : 99;
    if (maxZone !== null && maxZone !== undefined && (job.zone === null || job.zone > maxZone)) return false;
    return limit === 99 || (job.edu !== null && RANK[job.edu] <= limit);
  }

  function rankByInterest(visitor, jobs, maxZone, maxEducation) {
    var area = topArea(visitor);
    var ranked = [];
    jobs.forEach(function (job) {
      if (!within(job, maxZone, maxEducation)) return;
      var fit = interestFit(visitor, job.ri);
      if (fit !== null && fit > 0) ranked.push([-fit, -job.ri[area], job.code, fit]);
    });
    ranked.sort(function (a, b) { return compare(a[0], b[0]) || compare(a[1], b[1]) || compare(a[2], b[2]); });
    return ranked.map(function (r) { return [r[2], r[3]]; });
  }

  function rankPathways(visitor, jobsByCode, pathways) {
    var ranked = [];
    pathways.forEach(function (pathway) {
      var total = 0, count = 0;
      pathway.jobs.forEach(function (code) {
        var fit = interestFit(visitor, jobsByCode[code].ri);
        if (fit !== null) { total += fit; count += 1; }
      });
      if (count) ranked.push([-(total / count), pathway.url]);
    });
    ranked.sort(function (a, b) { return compare(a[0], b[0]) || compare(a[1], b[1]); });
    return ranked.map(function (r) { return [r[1], -r[0]]; });
  }

  function skillsMatch(marked, ratings) {
    if (!ratings || !ratings.length || !marked.length) return 0;
    var chosen = {}, count = 0, have = 0, length = 0;
    marked.forEach(function (i) { if (!chosen[i]) { chosen[i] = true; count += 1; } });
    for (var i = 0; i < ratings.length / 2; i++) {
      var weight = ratings[2 * i] * ratings[2 * i + 1];
      length += weight * weight;
      if (ratings[2 * i] >= IMPORTANT && chosen[i]) have += weight;
    }
    return length ? have / (Math.sqrt(count) * Math.sqrt(length)) : 0;
  }

  function rankBySkills(marked, ratingsByCode) {
    var ranked = [];
    Object.keys(ratingsByCode).forEach(function (code) {
      var match = skillsMatch(marked, ratingsByCode[code]);
      if (match > 0) ranked.push([-match, code]);
    });
    ranked.sort(function (a, b) { return compare(a[0], b[0]) || compare(a[1], b[1]); });
    return ranked.map(function (r) { return [r[1], -r[0]]; });
  }

  function skillGaps(marked, ratings) {
    var chosen = {}, uses = [], needs = [];
    marked.forEach(function (i) { chosen[i] = true; });
    for (var i = 0; i < ratings.length / 2; i++) {
      if (ratings[2 * i] >= IMPORTANT) (chosen[i] ? uses : needs).push([-ratings[2 * i] * ratings[2 * i + 1], i]);
    }
    var order = function (a, b) { return compare(a[0], b[0]) || compare(a[1], b[1]); };
    return [uses.sort(order).map(function (p) { return p[1]; }), needs.sort(order).map(function (p) { return p[1]; })];
  }

  // Whole dollars with thousands separators, as Python's f"{value:,}" (toLocaleString is many times slower).
  function money(value) { return "$" + String(value).replace(/\B(?=(\d{3})+(?!\d))/g, ","); }

  function payChange(pay, label, otherPay, otherLabel, otherHourly, hourly) {
    if (otherPay === null || otherLabel === "none") {
      if (!otherHourly) return "Yearly pay not published";
      var perHour = "$" + otherHourly[0].toFixed(2) + " an hour median";
      if (!hourly) return perHour + "; no yearly pay to compare" + (otherHourly[1] ? WIDER_GROUP : "");
      var cents = Math.round(otherHourly[0] * 100) - Math.round(hourly[0] * 100);
      return perHour + ", " + (cents === 0 ? "the same pay" : (cents > 0 ? "+" : "\u2212") + "\u2060$" +
        (Math.abs(cents) / 100).toFixed(2) + " an hour") + (otherHourly[1] || hourly[1] ? WIDER_GROUP : "");
    }
    var shown = money(otherPay) + " median";
    if (pay === null || label === "none") {
      return shown + "; no " + (hourly ? "yearly" : "published") + " pay to compare with" +
        (otherLabel === "group" ? WIDER_GROUP : "");
    }
    var difference = otherPay - pay;
    var change = difference === 0 ? "the same pay" : (difference > 0 ? "+" : "\u2212") + "\u2060" + money(Math.abs(difference)) + " a year";
    var grouped = label === "group" || otherLabel === "group" ? WIDER_GROUP : "";
    return shown + ", " + change + grouped;
  }

  function educationChange(education, other) {
    if (other === null) return "Education to enter not published";
    if (education === null) return "Usually needs " + WORDS[other];
    var steps = RANK[other] - RANK[education];
    if (steps > 0) return "More education, " + NUMBERS[steps] + " level" + (steps > 1 ? "s" : "") + " up: " + WORDS[other];
    if (steps === 0) return "No extra education: " + WORDS[other];
    return "Less education: " + WORDS[other];
  }

  registry.score = {
    quizScores: quizScores, interestFit: interestFit, rankByInterest: rankByInterest, rankPathways: rankPathways,
    skillsMatch: skillsMatch, rankBySkills: rankBySkills, skillGaps: skillGaps, payChange: payChange,
    educationChange: educationChange
  };

  // -- shared page helpers ------------------------------------------------------------------------------

  var root = "";  // the site root, relative to this page
  var planPath = "";  // the plan page, from the site root, where the site has one

  function link(url) {
    var href = root + url;
    if (location.protocol === "file:" && href.slice(-1) === "/") href += "index.html";
    return href;
  }

  function element(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function params() { return new URLSearchParams(location.search); }

  /* Keep the choices in the address. Done just after the new results are drawn: replacing the address takes
     a few milliseconds that the visitor would otherwise wait for. */
  var pending = null;
  function setAddress(query) {
    var text = query.toString().replace(/%2C/gi, ",");
    if (pending !== null) clearTimeout(pending);
    pending = setTimeout(function () {
      pending = null;
      history.replaceState(null, "", location.pathname + (text ? "?" + text : "") + location.hash);
    }, 0);
  }

  var jobs = null, byCode = {};

  function loadJobs() {
    var core = registry.data.jobs;
    if (!core) return false;
    jobs = core.jobs.map(function (row, index) {
      var job = { index: index };
      core.fields.forEach(function (field, i) { job[field] = row[i]; });
      byCode[job.code] = job;
      return job;
    });
    return true;
  }

  function payText(job) {
    // A few performers' pay is published only by the hour.
    if (job.pay === null && job.hourly) {
      return "$" + job.hourly[0].toFixed(2) + " an hour median" + (job.hourly[1] ? " (" + job.hourly[1] + ")" : "");
    }
    if (job.pay === null) return "Yearly pay not published";
    return money(job.pay) + " median" + (job.payGroup ? " (" + job.payGroup + ")" : "");
  }

  function jobItem(job, detail) {
    var item = element("li");
    var anchor = element("a", "", job.title);
    anchor.href = link(job.url);
    item.appendChild(anchor);
    detail.forEach(function (part) { if (part) item.appendChild(element("span", part[0], part[1])); });
    if (job.code && planPath) {
      // A one-page plan for this job, to print for an advising session.
      var plan = element("a", "plan-link", "Make a plan");
      plan.href = link(planPath) + "?job=" + encodeURIComponent(job.code);
      plan.setAttribute("aria-label", "Make a plan for " + job.title);
      item.appendChild(plan);
    }
    return item;
  }

  function count(n, noun) { return n + " " + noun + (n === 1 ? "" : "s"); }

  function percent(fit) { return halfUp(100 * fit) + "%"; }

  function pager(list, more, items, step) {
    var shown = 0;
    function next() {
      var stop = Math.min(items.length, shown + step);
      for (; shown < stop; shown++) list.appendChild(items[shown]());
      more.hidden = shown >= items.length;
    }
    list.textContent = "";
    more.onclick = function () {
      var first = shown;
      next();
      var target = list.children[first] && list.children[first].querySelector("a");
      if (target) target.focus();
    };
    next();
  }

  // -- the quiz -----------------------------------------------------------------------------------------

  function startQuiz(form) {
    var status = form.querySelector(".quiz-status");
    var warned = false;
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      var answers = AREAS.map(function () { return []; });
      var missing = [];
      Array.prototype.forEach.call(form.querySelectorAll(".quiz-item"), function (item) {
        var checked = item.querySelector("input:checked");
        if (checked) answers[AREAS.indexOf(item.getAttribute("data-area"))].push(Number(checked.value));
        else missing.push(item);
      });
      var empty = AREAS.filter(function (area, i) { return !answers[i].length; });
      if (empty.length || (missing.length && !warned)) {
        warned = !empty.length;
        status.textContent = empty.length
          ? "Answer at least one statement about each kind of activity. " + missing.length + " have no answer yet."
          : missing.length + (missing.length === 1 ? " statement has" : " statements have") +
            " no answer yet. Answer them, or press See my results again to leave them out.";
        var first = missing[0].querySelector("input");
        first.focus();
        return;
      }
      var scores = quizScores(answers);
      var query = new URLSearchParams();
      LETTERS.forEach(function (letter, i) { query.set(letter, String(scores[i])); });
      var action = form.action;
      if (location.protocol === "file:" && action.slice(-1) === "/") action += "index.html";
      location.href = action + "?" + query.toString();
    });
  }

  // -- quiz results -------------------------------------------------------------------------------------

  function readScores(query) {
    var scores = LETTERS.map(function (letter) {
      var text = query.get(letter);
      return text !== null && /^\d{1,3}$/.test(text) && Number(text) <= 100 ? Number(text) : null;
    });
    return scores.indexOf(null) === -1 ? scores : null;
  }

  function startResults(box) {
    var query = params();
    var scores = readScores(query);
    if (!scores) {
      box.querySelector(".results-missing").hidden = false;
      Array.prototype.forEach.call(box.querySelectorAll("section"), function (s) { s.hidden = true; });
      return;
    }
    AREAS.forEach(function (area, i) {
      var row = box.querySelector('#profile-bars [data-area="' + area + '"]');
      row.querySelector(".level-fill").setAttribute("width", scores[i] + "%");
      row.querySelector(".profile-value").textContent = scores[i] + " of 100";
    });
    var zone = box.querySelector("#filter-zone"), edu = box.querySelector("#filter-edu");
    var zoneText = query.get("zone");
    zone.value = /^[1-5]$/.test(zoneText || "") ? zoneText : "";
    edu.value = RANK.hasOwnProperty(query.get("edu") || "") && query.get("edu") !== "some-college" ? query.get("edu") : "";
    var status = box.querySelector(".explore-status");
    var list = box.querySelector("#job-results"), more = box.querySelector(".explore-more");

    // Every job's fit, once: a filter only keeps some of them, in the same order.
    var everything = rankByInterest(scores, jobs, null, null);

    function showJobs() {
      var maxZone = zone.value ? Number(zone.value) : null, maxEducation = edu.value || null;
      var ranked = everything.filter(function (pair) { return within(byCode[pair[0]], maxZone, maxEducation); });
      if (interestFit(scores, [1, 2, 3, 4, 5, 6]) === null) {
        status.textContent = "Your scores are the same in every area, so they cannot pick out jobs. Try the quiz again and let your likes and dislikes show.";
        list.textContent = "";
        more.hidden = true;
        return;
      }
      var best = everything.length ? everything[0][1] : 0;
      if (!ranked.length) {
        status.textContent = "No job within these limits fits your interests. Allow more preparation or schooling to see the jobs that do.";
      } else {
        status.textContent = ranked.length + (ranked.length === 1 ? " job fits" : " jobs fit") + " your interests, best fit first." +
          (halfUp(100 * ranked[0][1]) < CLOSE && halfUp(100 * best) >= CLOSE ? " None of them fits you closely (a fit of 50% or more). The jobs that fit you best need more preparation or schooling." : "");
      }
      pager(list, more, ranked.map(function (pair) {
        return function () {
          var job = byCode[pair[0]];
          return jobItem(job, [["fit", percent(pair[1]) + " fit"],
            ["muted", (job.zone ? "Job Zone " + job.zone + " · " : "") + payText(job)],
            job.bright ? ["bright-tag", "Bright outlook"] : null]);
        };
      }), 20);
    }

    function changed() {
      var next = params();
      if (zone.value) next.set("zone", zone.value); else next.delete("zone");
      if (edu.value) next.set("edu", edu.value); else next.delete("edu");
      setAddress(next);
      showJobs();
    }
    zone.addEventListener("change", changed);
    edu.addEventListener("change", changed);
    box.querySelector("#results-filters").addEventListener("submit", function (e) { e.preventDefault(); });
    showJobs();

    var core = registry.data.jobs;
    var pathways = core.pathways.map(function (p) {
      return { title: p[0], url: p[1], jobs: p[2].map(function (i) { return jobs[i].code; }) };
    });
    var byUrl = {};
    pathways.forEach(function (p) { byUrl[p.url] = p; });
    var plist = box.querySelector("#pathway-results");
    rankPathways(scores, byCode, pathways).slice(0, 10).forEach(function (pair) {
      plist.appendChild(jobItem(byUrl[pair[0]], [["fit", percent(pair[1]) + " fit"]]));
    });
  }

  // -- the skills explorer ------------------------------------------------------------------------------

  function startSkills(box) {
    var data = registry.data.skills;
    var slugs = data.skills.map(function (s) { return s[0]; });
    var names = data.skills.map(function (s) { return s[1]; });
    var ratings = {};
    data.ratings.forEach(function (text, index) {
      if (text === null) return;
      var values = [];
      for (var i = 0; i < text.length; i += 2) values.push(Number(text.slice(i, i + 2)));
      ratings[jobs[index].code] = values;
    });
    var form = box.querySelector("#skills-form");
    var boxes = Array.prototype.slice.call(form.querySelectorAll('input[name="have"]'));
    var status = box.querySelector(".explore-status");
    var list = box.querySelector("#skill-results"), more = box.querySelector(".explore-more");

    var wanted = {};
    params().getAll("have").forEach(function (value) {
      value.split(",").forEach(function (slug) { if (slugs.indexOf(slug) !== -1) wanted[slug] = true; });
    });
    boxes.forEach(function (input) { input.checked = Boolean(wanted[input.value]); });

    function marked() {
      return boxes.filter(function (input) { return input.checked; })
        .map(function (input) { return slugs.indexOf(input.value); }).filter(function (i) { return i !== -1; })
        .sort(function (a, b) { return a - b; });
    }

    function show() {
      var chosen = marked();
      if (!chosen.length) {
        status.textContent = "Tick one or more skills to see the jobs that use them.";
        list.textContent = "";
        more.hidden = true;
        return;
      }
      var ranked = rankBySkills(chosen, ratings);
      status.textContent = ranked.length + " jobs use " + (chosen.length === 1 ? "this skill" : "some of these " + chosen.length + " skills") + ", best match first.";
      pager(list, more, ranked.map(function (pair) {
        return function () {
          var job = byCode[pair[0]];
          var gaps = skillGaps(chosen, ratings[pair[0]]);
          var named = function (indexes) { return indexes.map(function (i) { return names[i]; }).join(", "); };
          return jobItem(job, [["fit", percent(pair[1]) + " match"],
            ["uses", "Uses your: " + named(gaps[0])],
            gaps[1].length ? ["needs", "Also needs: " + named(gaps[1].slice(0, 5))] : ["needs", "Needs nothing else you did not tick"],
            ["muted", (job.zone ? "Job Zone " + job.zone + " · " : "") + payText(job)]]);
        };
      }), 20);
    }

    function changed() {
      var next = params();
      next.delete("have");
      var chosen = boxes.filter(function (input) { return input.checked; }).map(function (input) { return input.value; });
      if (chosen.length) next.set("have", chosen.join(","));
      setAddress(next);
      show();
    }
    form.addEventListener("change", changed);
    form.addEventListener("submit", function (event) { event.preventDefault(); changed(); });
    box.querySelector(".skills-clear").addEventListener("click", function () {
      boxes.forEach(function (input) { input.checked = false; });
      changed();
    });
    show();
  }

  // -- from my job --------------------------------------------------------------------------------------

  function fold(text) { return text.toLowerCase(); }

  function startFromJob(box) {
    var links = registry.data.links;
    var input = box.querySelector("#job-input"), listbox = box.querySelector("#job-options");
    var status = box.querySelector(".explore-status");
    var names = [];
    jobs.forEach(function (job) {
      names.push([fold(job.title), job.title, job.index, ""]);
      links.titles[job.index].forEach(function (title) { names.push([fold(title), title, job.index, job.title]); });
    });
    var options = [], active = -1;

    function close() {
      listbox.hidden = true;
      input.setAttribute("aria-expanded", "false");
      input.removeAttribute("aria-activedescendant");
      active = -1;
    }

    function setActive(index) {
      if (active >= 0 && listbox.children[active]) listbox.children[active].setAttribute("aria-selected", "false");
      active = index;
      var option = listbox.children[active];
      if (!option) { input.removeAttribute("aria-activedescendant"); return; }
      option.setAttribute("aria-selected", "true");
      input.setAttribute("aria-activedescendant", option.id);
      if (option.scrollIntoView) option.scrollIntoView({ block: "nearest" });
    }

    function suggest() {
      var text = fold(input.value.trim());
      listbox.textContent = "";
      options = [];
      if (text.length < 2) { close(); return; }
      var seen = {}, found = [];
      names.forEach(function (entry) {
        var at = entry[0].indexOf(text);
        if (at === -1) return;
        var rank = at === 0 ? 0 : entry[0].charAt(at - 1) === " " ? 1 : 2;
        found.push([rank, entry[3] ? 1 : 0, entry[0].length, entry[0], entry]);
      });
      found.sort(function (a, b) { return a[0] - b[0] || a[1] - b[1] || a[2] - b[2] || compare(a[3], b[3]); });
      found.forEach(function (f) {
        var entry = f[4];
        if (seen[entry[2]] || options.length >= 10) return;
        seen[entry[2]] = true;
        options.push(entry);
      });
      options.forEach(function (entry, i) {
        var option = element("li", "combo-option", entry[1]);
        if (entry[3]) option.appendChild(element("span", "muted", " (" + entry[3] + ")"));
        option.id = "job-option-" + i;
        option.setAttribute("role", "option");
        option.setAttribute("aria-selected", "false");
        option.addEventListener("mousedown", function (e) { e.preventDefault(); });
        option.addEventListener("click", function () { choose(jobs[entry[2]]); });
        listbox.appendChild(option);
      });
      listbox.hidden = !options.length;
      input.setAttribute("aria-expanded", options.length ? "true" : "false");
      active = -1;
      status.textContent = options.length ? options.length + (options.length === 1 ? " job matches" : " jobs match") + ". Use the arrow keys to choose." : "No job matches that title. Try a shorter word.";
    }

    function choose(job) {
      input.value = job.title;
      close();
      var next = params();
      next.set("job", job.code);
      setAddress(next);
      show(job);
    }

    input.addEventListener("input", suggest);
    input.addEventListener("keydown", function (event) {
      var open = !listbox.hidden && options.length;
      if (event.key === "ArrowDown") {
        event.preventDefault();
        if (!open) { suggest(); if (options.length) setActive(0); } else setActive((active + 1) % options.length);
      } else if (event.key === "ArrowUp") {
        event.preventDefault();
        if (open) setActive(active <= 0 ? options.length - 1 : active - 1);
      } else if (event.key === "Enter") {
        if (open && active >= 0) { event.preventDefault(); choose(jobs[options[active][2]]); }
        else if (open && options.length === 1) { event.preventDefault(); choose(jobs[options[0][2]]); }
        else event.preventDefault();
      } else if (event.key === "Escape") {
        if (open) { event.preventDefault(); close(); }
      }
    });
    input.addEventListener("blur", close);
    box.querySelector("#job-picker").addEventListener("submit", function (e) { e.preventDefault(); });

    function fill(list, items, describe) {
      list.textContent = "";
      if (!items.length) list.appendChild(element("li", "muted", "None listed for this job."));
      items.forEach(function (item) { list.appendChild(describe(item)); });
    }

    function moveItem(present, other, extra) {
      return jobItem(other, [extra ? ["muted", extra] : null,
        ["move-pay", "U.S. pay: " + payChange(present.pay, present.payLabel, other.pay, other.payLabel, other.hourly, present.hourly)],
        ["move-edu", educationChange(present.edu, other.edu)]]);
    }

    function show(job) {
      var results = box.querySelector("#from-results");
      results.hidden = false;
      var title = box.querySelector("#from-title");
      title.textContent = "";
      title.appendChild(document.createTextNode("From "));
      var anchor = element("a", "", job.title);
      anchor.href = link(job.url);
      title.appendChild(anchor);
      box.querySelector("#from-summary").textContent = payText(job) + " · " +
        (job.edu ? "Usually needs " + WORDS[job.edu] : "Education to enter not published") +
        (job.zone ? " · Job Zone " + job.zone : "");
      var next = links.next[job.index], related = links.related[job.index], similar = links.similar[job.index];
      fill(box.querySelector("#moves-next"), next, function (i) { return moveItem(job, jobs[i]); });
      fill(box.querySelector("#moves-related"), related, function (i) { return moveItem(job, jobs[i]); });
      fill(box.querySelector("#moves-similar"), similar, function (pair) {
        return moveItem(job, jobs[pair[0]], pair[1] + "% skills match");
      });
      status.textContent = "Showing where " + job.title + " can lead: " + count(next.length, "next step") + ", " +
        count(related.length, "related job") + " and " + count(similar.length, "job") + " with similar skills.";
    }

    var code = params().get("job");
    if (code && byCode[code]) {
      input.value = byCode[code].title;
      show(byCode[code]);
      // An address that names a part ('#from-related', as search links jobs like one) opens at it, now shown.
      var part = location.hash && document.getElementById(decodeURIComponent(location.hash.slice(1)));
      if (part && box.contains(part)) part.scrollIntoView();
    } else status.textContent = "Choose a job to begin.";
  }

  // -- start --------------------------------------------------------------------------------------------

  function start() {
    var box = document.querySelector("[data-explore]");
    if (!box) return;
    var kind = box.getAttribute("data-explore");
    root = box.getAttribute("data-root") || "";
    planPath = box.getAttribute("data-plan") || "";
    if (kind === "quiz") { startQuiz(box); return; }
    if (!loadJobs()) return;
    if (kind === "results") startResults(box);
    else if (kind === "skills" && registry.data.skills) startSkills(box);
    else if (kind === "from-job" && registry.data.links) startFromJob(box);
  }

  // The data files are deferred scripts after this one: they have all run by DOMContentLoaded.
  if (document.readyState === "complete") start();
  else document.addEventListener("DOMContentLoaded", start);
})();
