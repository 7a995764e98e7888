"""The jobs explorer (occupations/), the compare page (compare/) and the plan page (plan/).

Their data files are checked against the site model, and the pages in Chromium against the data: every job the
explorer lists passes every filter and none that does is missing, in the right order; the compare table and the
plan show each job's own figures (or say whose, or "not published"); addresses round-trip; bad values are left
out with a message; the plan prints on one page.
"""

from __future__ import annotations

import json
import re
import statistics
from pathlib import Path

import pytest

from conftest import wait_until
from engine.data import (EDUCATION_LEVELS, EDUCATION_RANK, EDUCATION_SLUGS, EXPERIENCE_SLUGS, FIGURES_GROUP,
                         FIGURES_NONE, INTEREST_LETTERS, TRAINING_SLUGS)
from engine.render import figures_source, outlook
from engine.routes import plan_url

from test_theme import pdf_pages


def data_file(path: Path) -> tuple[str, object]:
    """(name, data) of a `window.__jobs.add(name, data);` script."""
    text = path.read_text(encoding="utf-8")
    assert text.startswith("window.__jobs.add(") and text.endswith(");\n")
    name, data = json.loads("[" + text[len("window.__jobs.add("):-3] + "]")
    return name, data


def money(value: float | None) -> str:
    return "not published" if value is None else f"${value:,.0f}"


def cluster_slugs(entry) -> set[str]:
    return {ref.url.rstrip("/").rsplit("/", 1)[-1] for ref in entry.clusters}


def expected_codes(site, state: dict[str, str]) -> list[str]:
    """The explorer's contract, worked out from the site model: the codes that match, in the order shown."""
    average = site.profiles.average_growth
    entries = sorted(site.occupations, key=lambda e: (e.title.casefold(), e.occupation.code))

    def matches(entry) -> bool:
        job = entry.occupation
        return ((not state.get("education") or EDUCATION_SLUGS.get(job.education) == state["education"]
                 or (state.get("or_less") == "yes" and job.education in EDUCATION_LEVELS
                     and EDUCATION_LEVELS[job.education] <= EDUCATION_RANK[state["education"]]))
                and (not state.get("experience") or EXPERIENCE_SLUGS.get(job.experience) == state["experience"])
                and (not state.get("training") or TRAINING_SLUGS.get(job.training) == state["training"])
                and (not state.get("min_pay") or (job.wage_median is not None
                                                  and job.wage_median >= int(state["min_pay"])))
                and (not state.get("outlook") or outlook(job, average).bright)
                and (not state.get("cluster") or state["cluster"] in cluster_slugs(entry))
                and (not state.get("interest") or (job.interest_code[:1] in INTEREST_LETTERS
                                                   and INTEREST_LETTERS[job.interest_code[0]] == state["interest"])))

    found = [e for e in entries if matches(e)]
    field = {"pay": "wage_median", "growth": "growth_pct", "openings": "openings"}.get(state.get("sort", ""))
    if field:
        known = [e for e in found if getattr(e.occupation, field) is not None]
        found = sorted(known, key=lambda e: -getattr(e.occupation, field)) + \
            [e for e in found if getattr(e.occupation, field) is None]
    return [e.occupation.code for e in found]


# -- the data files ---------------------------------------------------------------------------------

def test_the_explorer_data_holds_every_occupation_with_its_own_figures(real_site, real_result):
    site = real_result.site
    name, data = data_file(real_site / "assets/jobs/index.js")
    assert name == "index"
    clusters = [slug for slug, _ in data["clusters"]]
    assert clusters == [c.slug for c in site.clusters]
    rows = {row[0]: row for row in data["rows"]}
    assert len(rows) == len(data["rows"]) == len(site.occupations)
    for entry in site.occupations:
        job = entry.occupation
        code, title, education, pay, growth, openings, bright, where, interest, facts, experience, training = \
            rows[job.code]
        assert (title, pay, growth, openings, interest) == \
            (job.title, job.wage_median, job.growth_pct, job.openings, job.interest_code)
        assert education == EDUCATION_SLUGS.get(job.education, "")
        assert experience == EXPERIENCE_SLUGS.get(job.experience, "")
        assert training == TRAINING_SLUGS.get(job.training, "")
        assert bright == int(outlook(job, site.profiles.average_growth).bright)
        assert {clusters[n] for n in where} == cluster_slugs(entry)
        shown_pay = facts.split(" · ")[0]
        if job.wage_median is not None:
            assert shown_pay.startswith(f"{money(job.wage_median)} median pay")
        elif job.hourly_median is None:
            assert shown_pay == "Pay not published"
        published = any(f is not None for f in (job.wage_median, job.hourly_median, job.growth_pct, job.openings))
        # the label covers pay, growth and openings alike, once, after them
        assert ("(figures for a wider group) · " in facts) == (job.figures in ("group", "specialty") and published)
        assert facts.count("(figures for") <= 1
        experience = {"None": "no work experience needed",
                      "Less than 5 years": "under 5 years of work experience needed",
                      "5 years or more": "5 or more years of work experience needed"}.get(
                          job.experience, "work experience not published")
        mixed = " (for a mix of jobs)" if "All Other" in job.preparation_of and (job.education or job.experience) else ""
        assert facts.endswith(f" · {job.education or 'education not published'} · {experience}{mixed}")
    assert sum(1 for row in data["rows"] if row[3] is None) > 0, "jobs without a yearly median stay null, not 0"


def test_each_occupation_has_a_data_file_with_its_figures_and_ladders(real_site, real_result):
    site = real_result.site
    average = site.profiles.average_growth
    files = {p.name for p in (real_site / "assets/jobs").glob("*.js")}
    assert files == {f"{e.occupation.code[:5]}.js" for e in site.occupations} | {"index.js"}
    records = {}
    for path in (real_site / "assets/jobs").glob("*-*.js"):
        name, group = data_file(path)
        assert name == path.stem and all(code[:5] == name for code in group)
        records.update(group)
    assert set(records) == {e.occupation.code for e in site.occupations}
    ladders = {p.slug: data_file(real_site / f"assets/jobs/ladders/{p.slug}.js")[1] for p in site.pathways}
    on_ladders = {}
    for pathway in site.pathways:
        for number, ladder in enumerate(pathway.ladders, start=1):
            for index, step in enumerate(ladder.steps):
                for occupation in step.occupations:
                    on_ladders.setdefault(occupation.code, {}).setdefault((pathway.slug, number), index)
    for entry in site.occupations:
        job = entry.occupation
        record = records[job.code]
        assert record["code"] == job.code
        assert record["pay"] == {"p10": job.wage_p10, "median": job.wage_median, "p90": job.wage_p90,
                                 "hourly": job.hourly_median, "employment": job.employment}
        assert record["source"] == figures_source(job) and record["soc"] == job.figures_soc
        assert record["bright"] == outlook(job, average).bright
        # openings in the page's words, which compare and plan show as they are: BLS's 0 is "fewer than 50"
        assert record["openings_text"] == ("not published" if job.openings is None else
                                           "fewer than 50" if job.openings == 0 else f"{job.openings:,}")
        assert (record["education"], record["experience"], record["training"], record["zone"]) == \
            (job.education, job.experience, job.training, job.job_zone)
        assert record["skills"] == [r.name for r in entry.profile.skills[:5]]
        assert record["programs"] == [[p.title, p.code] for p in entry.profile.programs_shown]
        places = {(l["slug"], l["number"]): l["at"] for l in record["ladders"]}
        assert places == on_ladders.get(job.code, {})
        for ladder in record["ladders"]:
            steps = ladders[ladder["slug"]][ladder["number"] - 1]
            assert ladder["size"] == len(steps) and job.code in steps[ladder["at"]]["codes"]
    grouped = next(e for e in site.occupations if e.occupation.figures == FIGURES_GROUP)
    assert records[grouped.occupation.code]["source"].startswith("for ")


def test_each_pathway_has_a_data_file_with_its_ladders_steps(real_site, real_result):
    """The plan page reads a ladder's steps from its pathway's file: every step as the pathway page shows it."""
    pathways = real_result.site.pathways
    assert {p.stem for p in (real_site / "assets/jobs/ladders").glob("*.js")} == {p.slug for p in pathways}
    for pathway in pathways:
        name, ladders = data_file(real_site / f"assets/jobs/ladders/{pathway.slug}.js")
        assert name == f"ladders/{pathway.slug}" and len(ladders) == len(pathway.ladders)
        for steps, ladder in zip(ladders, pathway.ladders):
            assert [(s["title"], s["stage"], s["education"], s["experience"], s["credentials"], s["pay"], s["codes"])
                    for s in steps] == \
                [(s.title, s.stage, s.education, s.experience, list(s.credentials), s.pay.median,
                  [o.code for o in s.occupations]) for s in ladder.steps]


def test_every_occupation_and_every_ladder_links_to_a_plan(real_site, real_result):
    site = real_result.site
    for entry in site.occupations:
        html = (real_site / entry.url / "index.html").read_text()
        assert f'href="../../{plan_url(entry.occupation.code)}">Make a plan</a>' in html
        assert f'<span class="compare-tools" data-code="{entry.occupation.code}" hidden>' in html
    for pathway in site.pathways:
        html = (real_site / pathway.url / "index.html").read_text()
        links = re.findall(r'class="plan-ladder" href="\.\./\.\./plan/\?job=([\d.-]+)&amp;ladder=([a-z0-9-]+):(\d+)"',
                           html)
        assert len(links) == len(pathway.ladders)
        for (code, slug, number), ladder in zip(links, pathway.ladders):
            assert slug == pathway.slug and int(number) == pathway.ladders.index(ladder) + 1
            assert code == ladder.steps[-1].occupations[0].code, "the plan aims at the top of the ladder"


# -- the explorer in the browser --------------------------------------------------------------------

LISTED = """() => [...document.querySelectorAll('.ex-results:not([hidden]) li > a')].map(a => a.getAttribute('href').slice(0, -1))"""


def listed(page) -> list[str]:
    """The jobs the explorer lists, once it has loaded its data and listed every match."""
    wait_until(page, "() => /match|Showing/.test(document.querySelector('.ex-count').textContent)"
                     " && !document.querySelector('.ex-results[aria-busy=\"true\"]')")
    return page.evaluate(LISTED)


COMBINATIONS = [
    {"education": "bachelor", "min_pay": "80000", "sort": "pay"},
    {"outlook": "bright", "cluster": "health-science", "sort": "growth"},
    {"interest": "social", "education": "high-school", "sort": "openings"},
    {"min_pay": "150000"},
    {"cluster": "manufacturing", "interest": "realistic", "outlook": "bright"},
    {"education": "postsecondary", "sort": "pay"},
    {"education": "some-college"},
    {"sort": "openings"},
    {"education": "none", "min_pay": "200000"},
    {"experience": "none", "education": "high-school", "sort": "pay"},
    {"experience": "5-years-or-more", "cluster": "business-management-administration"},
    {"experience": "under-5-years", "outlook": "bright"},
    {"training": "apprenticeship", "sort": "pay"},
    {"training": "long-term", "cluster": "manufacturing", "education": "high-school"},
    {"education": "some-college", "or_less": "yes", "sort": "pay"},  # every level below a degree
    {"education": "postsecondary", "or_less": "yes", "cluster": "health-science"},  # 'some college' ranks alike
    {"education": "none", "or_less": "yes"},
    {"education": "bachelor", "or_less": "yes", "interest": "investigative"},
]


@pytest.mark.browser
@pytest.mark.parametrize("state", COMBINATIONS, ids=lambda s: "&".join(f"{k}={v}" for k, v in s.items()))
def test_the_explorer_lists_exactly_the_jobs_that_match_in_order(state, real_site, real_result, serve_dir, page):
    expected = expected_codes(real_result.site, state)
    query = "&".join(f"{k}={v}" for k, v in state.items())
    page.goto(serve_dir(real_site, "/") + "occupations/?" + query)
    assert listed(page) == expected
    count = page.text_content(".ex-count")
    assert count.startswith(f"{len(expected):,} jobs match" if len(expected) != 1 else "1 job matches")
    assert page.locator(".a-z-list").is_hidden()
    if not expected:
        assert "Try removing a filter" in count
    assert page.console_errors == []


@pytest.mark.browser
def test_the_explorer_keeps_its_state_in_the_address_and_reads_it_back(real_site, real_result, serve_dir, page,
                                                                        browser):
    base = serve_dir(real_site, "/")
    page.goto(base + "occupations/")
    wait_until(page, "() => document.querySelector('.ex-count').textContent.startsWith('Showing all')")
    assert page.locator(".a-z-list").is_visible() and page.locator(".ex-results").is_hidden()
    page.select_option("#ex-education", "associate")
    page.check("#ex-less")
    page.select_option("#ex-experience", "none")
    page.select_option("#ex-training", "moderate-term")
    page.fill("#ex-pay", "45000")
    page.select_option("#ex-sort", "growth")
    page.check("#ex-outlook")
    page.select_option("#ex-interest", "realistic")
    state = {"education": "associate", "or_less": "yes", "experience": "none", "training": "moderate-term",
             "min_pay": "45000",
             "outlook": "bright", "interest": "realistic", "sort": "growth"}
    wait_until(page, "() => location.search === '?education=associate&or_less=yes&experience=none"
                     "&training=moderate-term&min_pay=45000"
                     "&outlook=bright&interest=realistic&sort=growth'")
    shown = listed(page)
    assert shown == expected_codes(real_result.site, state) and len(shown) > 5
    other = browser.new_context().new_page()
    other.goto(page.url)
    assert listed(other) == shown
    assert other.input_value("#ex-education") == "associate" and other.input_value("#ex-pay") == "45000"
    assert other.is_checked("#ex-less")
    assert other.input_value("#ex-experience") == "none"
    assert other.input_value("#ex-sort") == "growth" and other.is_checked("#ex-outlook")
    assert other.input_value("#ex-interest") == "realistic" and other.input_value("#ex-training") == "moderate-term"
    other.context.close()
    page.click(".ex-clear")
    wait_until(page, "() => document.querySelector('.ex-count').textContent.startsWith('Showing all')")
    wait_until(page, "() => location.search === ''")
    assert page.locator(".a-z-list").is_visible() and page.locator(".ex-results").is_hidden()


@pytest.mark.browser
def test_bad_values_in_the_address_are_left_out_with_a_message(real_site, real_result, serve_dir, page):
    page.goto(serve_dir(real_site, "/") + "occupations/?education=phd&experience=lots&min_pay=lots&cluster=health-science"
                                          "&interest=<em>x</em>&sort=salary&outlook=yes&or_less=1")
    assert listed(page) == expected_codes(real_result.site, {"cluster": "health-science"})
    message = page.text_content(".ex-ignored")
    for name in ("education", "or_less", "experience", "min_pay", "interest", "sort", "outlook"):
        assert name in message
    assert "<em>" not in page.inner_html(".explorer")
    wait_until(page, "() => location.search === '?cluster=health-science'")
    assert page.input_value("#ex-sort") == "name" and page.input_value("#ex-education") == ""


@pytest.mark.browser
def test_the_explorer_works_from_the_keyboard_and_announces_the_count(real_site, real_result, serve_dir, page):
    page.goto(serve_dir(real_site, "/") + "occupations/")
    wait_until(page, "() => document.querySelector('.ex-count').textContent.startsWith('Showing all')")
    assert page.get_attribute(".ex-count", "role") == "status"
    page.focus("#ex-education")
    page.keyboard.press("ArrowDown")  # the first level: no formal credential
    wait_until(page, "() => document.querySelector('.ex-count').textContent.includes('match')")
    assert listed(page) == expected_codes(real_result.site, {"education": "none"})
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.id") == "ex-less"
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.id") == "ex-experience"
    page.keyboard.press("ArrowDown")  # the first: none
    wait_until(page, "() => location.search === '?education=none&experience=none'")
    assert listed(page) == expected_codes(real_result.site, {"education": "none", "experience": "none"})
    page.keyboard.press("ArrowUp")  # back to any
    wait_until(page, "() => location.search === '?education=none'")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.id") == "ex-training"
    page.keyboard.press("ArrowDown")  # the first: none
    wait_until(page, "() => location.search === '?education=none&training=none'")
    assert listed(page) == expected_codes(real_result.site, {"education": "none", "training": "none"})
    page.keyboard.press("ArrowUp")
    wait_until(page, "() => location.search === '?education=none'")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.id") == "ex-pay"
    page.keyboard.type("70000")
    assert listed(page) == expected_codes(real_result.site, {"education": "none", "min_pay": "70000"})
    for _ in range(4):  # cluster, interest, sort, then the checkbox
        page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.id") == "ex-outlook"
    page.keyboard.press("Space")
    assert page.is_checked("#ex-outlook")
    assert listed(page) == expected_codes(real_result.site, {"education": "none", "min_pay": "70000",
                                                             "outlook": "bright"})


CHANGE = """async ([selector, value]) => {
  const input = document.querySelector(selector);
  const started = performance.now();
  if (input.type === 'checkbox') input.checked = !input.checked; else input.value = value;
  input.dispatchEvent(new Event(input.type === 'number' ? 'input' : 'change', {bubbles: true}));
  document.body.offsetHeight;  // style and layout of what the change shows
  return performance.now() - started;
}"""

CHANGES = [("#ex-education", "bachelor"), ("#ex-sort", "pay"), ("#ex-pay", "60000"), ("#ex-outlook", ""),
           ("#ex-sort", "growth"), ("#ex-cluster", "health-science"), ("#ex-interest", "social"),
           ("#ex-education", ""), ("#ex-sort", "openings"), ("#ex-cluster", ""), ("#ex-interest", ""),
           ("#ex-pay", ""), ("#ex-outlook", ""), ("#ex-sort", "name")]


@pytest.mark.browser
def test_the_explorer_answers_a_change_within_50_ms_with_the_cpu_slowed_four_times(real_site, serve_dir, page):
    page.goto(serve_dir(real_site, "/") + "occupations/")
    wait_until(page, "() => document.querySelector('.ex-count').textContent.startsWith('Showing all')")
    cdp = page.context.new_cdp_session(page)
    cdp.send("Emulation.setCPUThrottlingRate", {"rate": 4})
    times = [page.evaluate(CHANGE, list(change)) for _ in range(2) for change in CHANGES]
    cdp.send("Emulation.setCPUThrottlingRate", {"rate": 1})
    assert statistics.median(times) < 50, sorted(times)


@pytest.mark.browser
def test_without_javascript_the_a_to_z_list_is_all_there_and_no_filter_shows(real_site, real_result, serve_dir,
                                                                            browser):
    context = browser.new_context(java_script_enabled=False)
    try:
        tab = context.new_page()
        tab.goto(serve_dir(real_site, "/") + "occupations/?education=bachelor")
        assert tab.locator(".a-z li a").count() == len(real_result.site.occupations)
        assert tab.locator(".a-z li a").first.is_visible()
        assert tab.locator(".explorer").is_hidden()
        for path in ("compare/?jobs=29-1141.00,29-1171.00", "plan/?job=29-1141.00"):
            tab.goto(serve_dir(real_site, "/") + path)
            assert tab.locator(".jobs-nojs").is_visible()
            assert "needs JavaScript" in tab.text_content(".jobs-nojs")
    finally:
        context.close()


# -- compare ----------------------------------------------------------------------------------------

def compare_cells(page) -> dict[str, list[str]]:
    return page.evaluate("""() => Object.fromEntries([...document.querySelectorAll('.compare-table tbody tr')]
      .map(tr => [tr.querySelector('th').textContent, [...tr.querySelectorAll('td')].map(td => td.textContent)]))""")


@pytest.mark.browser
def test_compare_shows_each_jobs_figures_or_says_whose_or_not_published(real_site, real_result, serve_dir, page):
    site = real_result.site
    grouped = next(e for e in site.occupations if e.occupation.figures == FIGURES_GROUP)
    # no figures, since BLS gives them only for the "All Other" group it is part of: nor its own education
    missing = next(e for e in site.occupations if e.occupation.figures == FIGURES_NONE and e.occupation.education
                   and "All Other" in e.occupation.preparation_of)
    nurse = next(e for e in site.occupations if e.occupation.code == "29-1141.00")
    few = next(e for e in site.occupations if e.occupation.openings == 0)  # BLS: fewer than 50 a year
    cells = _compare_shows([nurse, grouped, missing], site, real_site, serve_dir, page)
    assert "for " in cells["Median pay a year"][1], "a group's pay is labelled as the group's"
    assert page.evaluate("document.documentElement.scrollWidth <= document.documentElement.clientWidth")
    page.set_viewport_size({"width": 375, "height": 800})
    assert page.evaluate("document.documentElement.scrollWidth <= document.documentElement.clientWidth")
    assert page.locator(".compare-table thead button").first.is_visible(), "the Remove buttons show on a phone"
    unrated = next(e for e in site.occupations if e.profile.work_values is None)
    page.goto(serve_dir(real_site, "/") + f"compare/?jobs=29-1141.00,{unrated.occupation.code}")
    page.wait_for_selector(".compare-table:not([hidden])")
    assert compare_cells(page)["What it offers most (work values)"][1] == "not yet rated by O*NET"
    _compare_shows([few, nurse], site, real_site, serve_dir, page)
    assert page.console_errors == []


def _compare_shows(chosen, site, real_site, serve_dir, page) -> dict:
    page.goto(serve_dir(real_site, "/") + "compare/?jobs=" + ",".join(e.occupation.code for e in chosen))
    page.wait_for_selector(".compare-table:not([hidden])")
    heads = page.evaluate("[...document.querySelectorAll('.compare-table thead th a')].map(a => a.textContent)")
    assert heads == [e.title for e in chosen]
    cells = compare_cells(page)
    average = site.profiles.average_growth
    for n, entry in enumerate(chosen):
        job = entry.occupation
        source = figures_source(job)
        for row, value in (("Median pay a year", job.wage_median), ("90th percentile", job.wage_p90)):
            assert cells[row][n] == money(value) + (f" {source}" if source and value is not None else "")
        assert cells["Bright outlook"][n] == ("Yes" if outlook(job, average).bright else "No")
        mixed = " (for a mix of jobs)" if "All Other" in job.preparation_of else ""
        assert cells["Education to start"][n] == (job.education + mixed if job.education else "not published")
        assert cells["Work experience"][n] == (job.experience + mixed if job.experience else "not published")
        assert cells["Openings a year"][n].startswith("not published" if job.openings is None else
                                                      "fewer than 50" if job.openings == 0 else f"{job.openings:,}")
        ranked = entry.profile.ranked_values()[:3]
        assert cells["What it offers most (work values)"][n] == (
            "".join(f"{value.name} ({score:.1f} of 7)" for value, score in ranked) or "not yet rated by O*NET")
        ladders = entry.appearances
        assert (cells["Career ladders"][n] == "not on one of our ladders yet") == (not ladders)
        for place in ladders:
            assert f"{place.pathway.title}: {place.ladder}" in cells["Career ladders"][n]
    return cells


@pytest.mark.browser
def test_compare_follows_the_chosen_state(real_site, real_result, serve_dir, page):
    site = real_result.site
    codes = ["29-1141.00", "29-1171.00"]
    jobs = [next(e.occupation for e in site.occupations if e.occupation.code == c) for c in codes]
    page.goto(serve_dir(real_site, "/") + "compare/?jobs=" + ",".join(codes))
    page.wait_for_selector(".compare-table:not([hidden])")
    page.select_option("#state-select", "texas")
    wait_until(page, "() => document.getElementById('state-note').textContent.includes('Texas')")
    cells = compare_cells(page)
    for n, job in enumerate(jobs):
        texas = json.loads(site.profiles.state_pay["Texas"][job.figures_soc])
        assert cells["Median pay a year"][n] == f"{money(texas[2])} (U.S. {money(job.wage_median)})"
    page.reload()  # the state is remembered, and applied to the table written after loading
    texas = json.loads(site.profiles.state_pay["Texas"][jobs[0].figures_soc])
    wait_until(page, "figure => { const cell = document.querySelector('.compare-table tbody td');"
                     " return Boolean(cell && cell.textContent.startsWith(figure + ' (U.S.')); }", money(texas[2]))


@pytest.mark.browser
def test_compare_leaves_out_bad_codes_and_removes_jobs(real_site, real_result, serve_dir, page):
    base = serve_dir(real_site, "/")
    page.goto(base + "compare/?jobs=29-1141.00,<script>,99-9999.00,29-1171.00,11-9111.00,15-1252.00")
    page.wait_for_selector(".compare-table:not([hidden])")
    note = page.text_content(".jobs-note")
    assert "<script>" in note and "99-9999.00" in note and "15-1252.00" in note
    assert page.locator(".compare-table thead th").count() == 3
    assert page.url.endswith("compare/?jobs=29-1141.00,29-1171.00,11-9111.00")
    page.click(".compare-table thead th:nth-child(3) button")
    wait_until(page, "() => document.querySelectorAll('.compare-table thead th').length === 2")
    assert page.url.endswith("compare/?jobs=29-1141.00,11-9111.00")
    assert page.evaluate("localStorage.getItem('compare')") == '["29-1141.00","11-9111.00"]'
    assert "Comparing" in page.text_content(".jobs-status")


@pytest.mark.browser
def test_add_to_compare_keeps_up_to_three_jobs_across_pages(real_site, serve_dir, page):
    base = serve_dir(real_site, "/")
    codes = ["29-1141.00", "29-1171.00", "11-9111.00", "15-1252.00"]
    for n, code in enumerate(codes):
        page.goto(base + f"occupations/{code}/")
        button = page.locator(".compare-tools button")
        assert button.is_visible() and button.text_content() == "Add to compare"
        assert page.text_content(".compare-tools a") == f"Compare ({min(n, 3)})"
        button.click()
        status = page.text_content(".compare-tools [role=status]")
        if n < 3:
            assert button.text_content() == "Remove from compare" and status.startswith("Added")
        else:
            assert "up to 3" in status and button.text_content() == "Add to compare"
    page.click(".compare-tools a")
    page.wait_for_selector(".compare-table:not([hidden])")
    assert page.url.endswith("compare/?jobs=" + ",".join(codes[:3]))
    page.goto(base + f"occupations/{codes[0]}/")
    page.click(".compare-tools button")
    assert page.text_content(".compare-tools a") == "Compare (2)"
    page.goto(base + "compare/")
    page.wait_for_selector(".compare-table:not([hidden])")
    assert page.locator(".compare-table thead th").count() == 2


# -- plan -------------------------------------------------------------------------------------------

def ladders_of(site, code: str):
    return [(pathway, number, ladder, index) for pathway in site.pathways
            for number, ladder in enumerate(pathway.ladders, start=1)
            for index, step in enumerate(ladder.steps) if code in {o.code for o in step.occupations}]


def first_places(site, code: str):
    seen, places = set(), []
    for pathway, number, ladder, index in ladders_of(site, code):
        if (pathway.slug, number) not in seen:
            seen.add((pathway.slug, number))
            places.append((pathway, number, ladder, index))
    return places


@pytest.mark.browser
def test_the_plan_shows_the_steps_up_to_the_target_job(real_site, real_result, serve_dir, page):
    site = real_result.site
    base = serve_dir(real_site, "/")
    code = "29-1141.00"
    places = first_places(site, code)
    assert len(places) > 1
    best = max(places, key=lambda p: p[3])  # by default the ladder with the most steps up to the job
    page.goto(base + plan_url(code))
    page.wait_for_selector(".plan-steps")
    steps = page.evaluate("[...document.querySelectorAll('.plan-steps > li > b')].map(b => b.textContent)")
    assert steps == [s.title for s in best[2].steps[:best[3] + 1]]
    assert page.url.endswith(plan_url(code, best[0].slug, best[1]))
    pathway, number, ladder, index = next(p for p in places if p is not best)
    page.goto(base + plan_url(code, pathway.slug, number))
    page.wait_for_selector(".plan-steps")
    steps = page.evaluate("[...document.querySelectorAll('.plan-steps > li > b')].map(b => b.textContent)")
    assert steps == [s.title for s in ladder.steps[:index + 1]]
    assert page.input_value("#plan-route") == f"{pathway.slug}:{number}"
    text = page.text_content(".plan")
    job = next(e.occupation for e in site.occupations if e.occupation.code == code)
    assert f"{money(job.wage_median)} a year" in text and job.education in text
    hrefs = page.evaluate("[...document.querySelectorAll('.plan-links a')].map(a => a.href)")
    assert any(h.endswith(f"/occupations/{code}/") for h in hrefs)
    assert any("careeronestop.org" in h for h in hrefs) and any("apprenticeship.gov" in h for h in hrefs)
    assert page.locator(".plan-notes li").count() >= 4
    assert "(for a mix of jobs)" not in text
    mixed = next(e.occupation for e in site.occupations if "All Other" in e.occupation.preparation_of
                 and e.occupation.education)
    page.goto(base + plan_url(mixed.code))
    page.wait_for_selector(".plan-facts")
    assert f"{mixed.education} (for a mix of jobs)" in page.text_content(".plan")
    page.goto(base + plan_url(code))
    page.wait_for_selector(".plan-steps")
    page.select_option("#plan-route", f"{best[0].slug}:{best[1]}")
    assert page.url.endswith(plan_url(code, best[0].slug, best[1]))
    wait_until(page, "want => [...document.querySelectorAll('.plan-steps > li > b')].map(b => b.textContent)"
                     ".join('|') === want", "|".join(s.title for s in best[2].steps[:best[3] + 1]))
    assert page.console_errors == []


@pytest.mark.browser
def test_the_plan_says_so_for_a_bad_job_or_ladder(real_site, real_result, serve_dir, page):
    base = serve_dir(real_site, "/")
    page.goto(base + "plan/?job=nurse")
    assert "is not a job's code" in page.text_content(".jobs-note")
    page.goto(base + "plan/?job=99-9999.00")
    wait_until(page, "() => document.querySelector('.jobs-note').textContent.includes('No job has the code')")
    page.goto(base + "plan/?job=29-1141.00&ladder=welding:9")
    page.wait_for_selector(".plan-steps")
    assert "not on the ladder named in the address" in page.text_content(".jobs-note")
    off = next(e for e in real_result.site.occupations if not e.appearances)
    page.goto(base + plan_url(off.occupation.code))
    page.wait_for_selector(".plan-target")
    assert "not on one of our career ladders yet" in page.text_content(".plan")
    page.goto(base + "plan/")
    assert "No job chosen yet" in page.text_content(".jobs-note")
    # The ladder's steps come from its pathway's file: if that fails to load, the plan says where they are.
    page.route("**/assets/jobs/ladders/*.js", lambda route: route.abort())
    pathway, number, ladder, _ = first_places(real_result.site, "29-1141.00")[0]
    page.goto(base + plan_url("29-1141.00", pathway.slug, number))
    page.wait_for_selector(".plan-target")
    wait_until(page, "() => document.querySelector('.plan').textContent.includes('could not be loaded')")
    assert f"They are on the {pathway.title} pathway's page." in page.text_content(".plan")
    assert page.locator(".plan-steps").count() == 0


def plan_weight(site, entry) -> int:
    """How much a plan prints for a job on its fullest ladder: the text of the steps and the programs."""
    places = first_places(site, entry.occupation.code)
    if not places:
        return 0
    pathway, number, ladder, index = max(places, key=lambda p: p[3])
    steps = sum(len(s.title + s.education + s.experience + " ".join(s.credentials)) for s in ladder.steps[:index + 1])
    return steps + 60 * min(6, len(entry.profile.programs_shown))


@pytest.mark.browser
def test_a_plan_prints_on_one_a4_or_letter_page(real_site, real_result, serve_dir, page):
    site = real_result.site
    heaviest = sorted(site.occupations, key=lambda e: plan_weight(site, e))[-3:]
    base = serve_dir(real_site, "/")
    for entry in [next(e for e in site.occupations if e.occupation.code == "29-1141.00")] + heaviest:
        page.goto(base + plan_url(entry.occupation.code))
        page.wait_for_selector(".plan-notes")
        for paper in ("A4", "Letter"):
            pages = pdf_pages(page.pdf(format=paper))
            assert pages == 1, f"the plan for {entry.title} takes {pages} {paper} pages"
        page.emulate_media(media="print")
        assert page.locator(".jobs-bar").is_hidden() and page.locator(".site-header").is_hidden()
        assert page.locator(".plan-url").first.is_visible(), "printed links show their address"
        page.emulate_media(media="null")  # page.pdf() prints with print styles again


def test_the_words_on_the_three_pages_are_plain(real_site):
    """The explorer's help, and the compare and plan pages' notes, read at grade 9 or below in short sentences."""
    from html import unescape
    from engine.readability import reading

    for name in ("occupations", "compare", "plan"):
        html = (real_site / name / "index.html").read_text()
        parts = [m.group(2) for m in re.finditer(r'<(p|li) class="(?:jobs-nojs|note|lead)"[^>]*>(.*?)</\1>', html, re.S)]
        help_box = re.search(r'<details class="ex-help">(.*?)</details>', html, re.S)
        parts += re.findall(r"<li>(.*?)</li>", help_box.group(1), re.S) if help_box else []
        text = " ".join(" ".join(unescape(re.sub(r"<[^>]+>", "", part)).split()).rstrip(".") + "." for part in parts)
        found = reading(text)
        assert len(found.sentences) >= 3, name
        assert found.grade <= 9, (name, found.grade)
        assert not found.longer_than(30), (name, found.longer_than(30))


@pytest.mark.browser
def test_all_three_work_from_disk(real_site, real_result, page):
    """Opened from file://, where fetch() of local files is refused: the data files load as scripts."""
    root = real_site.as_uri() + "/"
    page.goto(root + "occupations/index.html?education=bachelor&sort=pay")
    assert listed(page) == expected_codes(real_result.site, {"education": "bachelor", "sort": "pay"})
    page.select_option("#ex-sort", "growth")
    wait_until(page, "() => location.search === '?education=bachelor&sort=growth'")
    page.click(".ex-results:not([hidden]) li a >> nth=0")
    page.click(".compare-tools button")
    page.click("text=Make a plan")
    page.wait_for_selector(".plan-steps, .plan-target")
    assert page.url.startswith(root + "plan/index.html?job=")
    page.goto(root + "compare/index.html?jobs=29-1141.00,29-1171.00")
    page.wait_for_selector(".compare-table:not([hidden])")
    page.select_option("#state-select", "texas")
    wait_until(page, "() => document.getElementById('state-note').textContent.includes('Texas')")
    assert page.console_errors == []
