"""Find your path in Chromium: the JavaScript scoring agrees with Python's, each address shows the results the
data gives, the keyboard works, and the explorers work from disk without asking any other site for anything."""

from __future__ import annotations

import random
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from conftest import wait_until
from engine.explore import (education_change, interest_fit, move, pay_change, quiz_scores, rank_by_interest,
                            rank_by_skills, rank_pathways, skill_gaps, skills_match)
from engine.schema import INTERESTS
from test_explore import decode_ratings, read_data

pytestmark = pytest.mark.browser

RESULTS = "explore/quiz/results/"
SKILLS = "explore/skills/"
FROM_JOB = "explore/from-job/"


@pytest.fixture(scope="module")
def data(real_site: Path) -> dict:
    core = read_data(real_site, "jobs")
    jobs = [dict(zip(core["fields"], row)) for row in core["jobs"]]
    skills = read_data(real_site, "skills")
    return {"core": core, "jobs": jobs, "by_code": {j["code"]: j for j in jobs}, "skills": skills,
            "slugs": [s[0] for s in skills["skills"]], "links": read_data(real_site, "links"),
            "ratings": {j["code"]: decode_ratings(t) for j, t in zip(jobs, skills["ratings"]) if t},
            "pathways": [{"url": p[1], "jobs": [jobs[i]["code"] for i in p[2]]} for p in core["pathways"]]}


def query(scores: list[int], **more: str) -> str:
    return "?" + "&".join([f"{letter}={value}" for letter, value in zip("riasec", scores)] +
                          [f"{key}={value}" for key, value in more.items()])


def shown_links(page, selector: str) -> list[str]:
    """The site-relative URLs of the links in a results list, in order (each job's page, not its plan)."""
    return page.eval_on_selector_all(
        selector + " > li > a:not(.plan-link)",
        "links => links.map(a => a.getAttribute('href').replace(/^(\\.\\.\\/)+/, ''))")


def plan_links(page, selector: str) -> list[str]:
    """The plan links of a results list, in order."""
    return page.eval_on_selector_all(
        selector + " > li > a.plan-link", "links => links.map(a => a.getAttribute('href').replace(/^(\\.\\.\\/)+/, ''))")


# -- the twins ---------------------------------------------------------------------------------------

def test_javascript_scoring_agrees_with_python_on_the_same_inputs(real_site, serve_dir, page, data):
    page.goto(serve_dir(real_site) + SKILLS)
    wait_until(page, "window.__explore && window.__explore.score && window.__explore.data.skills")
    rng = random.Random(7)
    jobs = [{k: j[k] for k in ("code", "ri", "zone", "edu")} for j in data["jobs"]]
    answers = [[[rng.randint(1, 5) for _ in range(rng.randint(0, 7))] for _ in range(6)] for _ in range(60)]
    assert page.evaluate("a => a.map(x => __explore.score.quizScores(x))", answers) == \
        [quiz_scores(a) for a in answers]

    # The large inputs go to the page once (sending them with every call took most of this test's time).
    page.evaluate("inputs => { window.__inputs = inputs; }",
                  {"jobs": jobs, "byCode": data["by_code"], "paths": data["pathways"], "ratings": data["ratings"]})
    visitors = [[rng.randint(0, 100) for _ in range(6)] for _ in range(12)] + [[50] * 6, [100, 0, 0, 0, 0, 0]]
    fits = page.evaluate("vs => vs.map(v => __inputs.jobs.map(j => __explore.score.interestFit(v, j.ri)))", visitors)
    assert fits == [[interest_fit(v, j["ri"]) for j in jobs] for v in visitors]  # to the last bit
    filters = [(None, None), (2, None), (None, "bachelor"), (3, "high-school"), (1, "none")]
    cases = [(visitor, zone, edu) for visitor in visitors[:6] for zone, edu in filters]
    js = page.evaluate("cs => cs.map(([v, z, e]) => __explore.score.rankByInterest(v, __inputs.jobs, z, e))", cases)
    assert [[tuple(pair) for pair in ranked] for ranked in js] == \
        [rank_by_interest(visitor, jobs, zone, edu) for visitor, zone, edu in cases]
    js = page.evaluate("vs => vs.map(v => __explore.score.rankPathways(v, __inputs.byCode, __inputs.paths))",
                       visitors[:6])
    assert [[tuple(pair) for pair in ranked] for ranked in js] == \
        [rank_pathways(visitor, data["by_code"], data["pathways"]) for visitor in visitors[:6]]

    ratings = data["ratings"]
    for size in (1, 2, 3, 5, 9, 35):
        marked = rng.sample(range(35), size)
        js = page.evaluate("m => Object.keys(__inputs.ratings).sort().map(c => "
                           "__explore.score.skillsMatch(m, __inputs.ratings[c]))", marked)
        assert js == [skills_match(marked, ratings[code]) for code in sorted(ratings)]
        js = page.evaluate("m => __explore.score.rankBySkills(m, __inputs.ratings)", marked)
        assert [tuple(pair) for pair in js] == rank_by_skills(marked, ratings)
        code = rng.choice(sorted(ratings))
        assert page.evaluate("([m, r]) => __explore.score.skillGaps(m, r)", [marked, ratings[code]]) == \
            [list(part) for part in skill_gaps(marked, ratings[code])]

    labels = ["own", "group", "none"]
    pays = [None, 30_000, 52_500, 52_500, 140_120]
    hourly = [None, [29.05, ""], [31.5, "for Entertainers and Performers combined"]]
    cases = [(a, la, b, lb, h, h2) for a in pays for la in labels for b in pays for lb in labels for h in hourly
             for h2 in hourly]
    assert page.evaluate("cs => cs.map(c => __explore.score.payChange.apply(null, c))", cases) == \
        [pay_change(*case) for case in cases]
    levels = [None, "none", "high-school", "postsecondary", "some-college", "associate", "bachelor", "master",
              "doctoral"]
    pairs = [(a, b) for a in levels for b in levels]
    assert page.evaluate("ps => ps.map(p => __explore.score.educationChange(p[0], p[1]))", pairs) == \
        [education_change(a, b) for a, b in pairs]
    assert page.console_errors == []


def test_a_job_paid_only_by_the_hour_shows_its_hourly_pay_in_the_results(real_site, serve_dir, page, data):
    """BLS publishes only hourly pay for a few performers; the results show it rather than 'not published'."""
    scores = [10, 20, 95, 60, 30, 5]  # an artistic profile: actors, dancers and musicians fit it
    ranked = [data["by_code"][code] for code, _ in rank_by_interest(scores, data["jobs"])[:20]]
    hourly = [job for job in ranked if job["hourly"]]
    assert hourly and all(job["pay"] is None for job in hourly)
    page.goto(serve_dir(real_site) + RESULTS + query(scores))
    page.wait_for_selector("#job-results li")
    items = page.eval_on_selector_all("#job-results > li", "els => els.map(e => e.innerText)")
    for job in hourly:
        item = next(text for text in items if text.startswith(job["title"]))
        assert f"${job['hourly'][0]:.2f} an hour median" in item and "not published" not in item, item
    assert page.console_errors == []


# -- the address contracts ---------------------------------------------------------------------------

def test_quiz_results_from_the_address_are_the_jobs_and_pathways_that_fit_best(real_site, serve_dir, page, data):
    scores = [85, 30, 10, 20, 45, 60]
    page.goto(serve_dir(real_site) + RESULTS + query(scores))
    page.wait_for_selector("#job-results li")
    expected = [data["by_code"][code]["url"] for code, _ in rank_by_interest(scores, data["jobs"])]
    assert shown_links(page, "#job-results") == expected[:20]
    pathways = [url for url, _ in rank_pathways(scores, data["by_code"], data["pathways"])]
    assert shown_links(page, "#pathway-results") == pathways[:10]
    values = page.eval_on_selector_all(".profile-value", "els => els.map(e => e.textContent)")
    assert values == [f"{s} of 100" for s in scores]
    widths = page.eval_on_selector_all(".profile-bar .level-fill", "els => els.map(e => e.getAttribute('width'))")
    assert widths == [f"{s}%" for s in scores]
    top = data["by_code"][rank_by_interest(scores, data["jobs"])[0][0]]
    first = page.inner_text("#job-results > li:first-child")
    assert f"{round(100 * rank_by_interest(scores, data['jobs'])[0][1])}% fit" in first
    assert (f"${top['pay']:,} median" if top["pay"] is not None else "Yearly pay not published") in first

    page.click(".explore-more")
    assert shown_links(page, "#job-results") == expected[:40]
    assert page.evaluate("document.activeElement.getAttribute('href')").endswith(expected[20])

    # A filter changes the results and the address; opening that address restores both.
    page.select_option("#filter-zone", "2")
    page.select_option("#filter-edu", "high-school")
    filtered = [data["by_code"][c]["url"] for c, _ in rank_by_interest(scores, data["jobs"], 2, "high-school")]
    assert shown_links(page, "#job-results") == filtered[:20]
    page.wait_for_url(lambda url: "zone=2" in url and "edu=high-school" in url)  # just after the results
    address = page.url
    page.goto("about:blank")
    page.goto(address)
    page.wait_for_selector("#job-results li")
    assert shown_links(page, "#job-results") == filtered[:20]
    assert page.input_value("#filter-zone") == "2" and page.input_value("#filter-edu") == "high-school"
    assert page.console_errors == []


def test_when_the_filters_leave_no_close_fit_the_results_say_where_better_fits_are(real_site, serve_dir, page, data):
    """An investigative and artistic profile fits few jobs that take little preparation: the results say so,
    list no job that goes the other way, and say plainly when none is left."""
    scores = [10, 90, 80, 10, 10, 10]
    close = rank_by_interest(scores, data["jobs"])
    short = rank_by_interest(scores, data["jobs"], 2)
    assert close[0][1] >= 0.5 and short and short[0][1] < 0.5  # the data still makes the case
    page.goto(serve_dir(real_site) + RESULTS + query(scores, zone="2"))
    page.wait_for_selector("#job-results li")
    status = page.inner_text(".explore-status")
    assert status.startswith(f"{len(short)} job") and "None of them fits you closely" in status, status
    assert shown_links(page, "#job-results") == [data["by_code"][c]["url"] for c, _ in short][:20]
    assert "-" not in "".join(page.eval_on_selector_all("#job-results .fit", "els => els.map(e => e.textContent)"))
    assert rank_by_interest(scores, data["jobs"], 1) == []  # no job of Job Zone 1 leans this way at all
    page.goto(serve_dir(real_site) + RESULTS + query(scores, zone="1"))
    wait_until(page, "document.querySelector('.explore-status').textContent.length > 0")
    assert page.inner_text(".explore-status").startswith("No job within these limits fits your interests.")
    assert page.locator("#job-results li").count() == 0
    page.goto(serve_dir(real_site) + RESULTS + query(scores))
    page.wait_for_selector("#job-results li")
    assert "closely" not in page.inner_text(".explore-status")
    assert page.console_errors == []


@pytest.mark.parametrize("address", ["", "?r=90&i=x&a=1&s=1&e=1&c=1", "?r=190&i=1&a=1&s=1&e=1&c=1", "?r=5"])
def test_quiz_results_without_six_valid_scores_say_so(real_site, serve_dir, page, address):
    page.goto(serve_dir(real_site) + RESULTS + address)
    page.wait_for_selector(".results-missing", state="visible")
    assert "Take the interest quiz" in page.inner_text(".results-missing")
    assert page.console_errors == []


def test_invalid_filters_in_the_address_are_ignored(real_site, serve_dir, page, data):
    scores = [10, 20, 30, 95, 40, 20]
    page.goto(serve_dir(real_site) + RESULTS + query(scores, zone="9", edu="astronaut"))
    page.wait_for_selector("#job-results li")
    expected = [data["by_code"][c]["url"] for c, _ in rank_by_interest(scores, data["jobs"])]
    assert shown_links(page, "#job-results") == expected[:20]
    assert page.input_value("#filter-zone") == "" and page.input_value("#filter-edu") == ""


def test_flat_scores_cannot_pick_out_jobs_and_say_so(real_site, serve_dir, page):
    page.goto(serve_dir(real_site) + RESULTS + query([50] * 6))
    wait_until(page, "document.querySelector('.explore-status').textContent.length > 0")
    assert "the same in every area" in page.inner_text(".explore-status")
    assert page.locator("#job-results li").count() == 0


def test_the_skills_address_ticks_the_skills_and_ranks_the_jobs(real_site, serve_dir, page, data):
    have = ["critical-thinking", "programming", "equipment-maintenance"]
    page.goto(serve_dir(real_site) + SKILLS + "?have=" + ",".join(have + ["no-such-skill"]))
    page.wait_for_selector("#skill-results li")
    ticked = page.eval_on_selector_all('input[name="have"]:checked', "els => els.map(e => e.value)")
    assert sorted(ticked) == sorted(have)
    marked = sorted(data["slugs"].index(s) for s in have)
    ranked = rank_by_skills(marked, data["ratings"])
    assert shown_links(page, "#skill-results") == [data["by_code"][c]["url"] for c, _ in ranked[:20]]
    names = [s[1] for s in data["skills"]["skills"]]
    uses, needs = skill_gaps(marked, data["ratings"][ranked[0][0]])
    first = page.inner_text("#skill-results > li:first-child")
    assert "Uses your: " + ", ".join(names[i] for i in uses) in first
    if needs:
        assert "Also needs: " + ", ".join(names[i] for i in needs[:5]) in first

    # Ticking another skill changes the results at once and the address with them.
    page.check('input[value="mathematics"]')
    marked = sorted(marked + [data["slugs"].index("mathematics")])
    ranked = rank_by_skills(marked, data["ratings"])
    assert shown_links(page, "#skill-results") == [data["by_code"][c]["url"] for c, _ in ranked[:20]]
    page.wait_for_url(lambda url: "mathematics" in url.split("have=")[1].split(","))
    page.click(".skills-clear")
    assert page.locator("#skill-results li").count() == 0
    page.wait_for_url(lambda url: "have=" not in url)
    assert page.console_errors == []


def test_the_from_job_address_shows_where_that_job_leads(real_site, serve_dir, page, data, real_result):
    entries = {e.occupation.code: e for e in real_result.site.occupations}
    for code in ("31-1131.00", "29-2061.00", "11-9111.00"):
        entry = entries[code]
        page.goto(serve_dir(real_site) + FROM_JOB + "?job=" + code)
        page.wait_for_selector("#from-results:not([hidden])")
        assert page.input_value("#job-input") == entry.title
        for selector, others in (("#moves-next", entry.next_steps), ("#moves-related", entry.related),
                                 ("#moves-similar", [o for o, _ in entry.similar])):
            assert shown_links(page, selector) == [o.url for o in others], (code, selector)
            assert plan_links(page, selector) == [f"plan/?job={o.code}" for o in others], (code, selector)
            pay = page.eval_on_selector_all(selector + " .move-pay", "els => els.map(e => e.textContent)")
            edu = page.eval_on_selector_all(selector + " .move-edu", "els => els.map(e => e.textContent)")
            assert pay == ["U.S. pay: " + move(entry.occupation, o).pay for o in others]
            assert edu == [move(entry.occupation, o).education for o in others]
    page.goto(serve_dir(real_site) + FROM_JOB + "?job=99-9999.99")
    wait_until(page, "document.querySelector('.explore-status').textContent.length > 0")
    assert page.inner_text(".explore-status") == "Choose a job to begin."
    assert page.is_hidden("#from-results")
    assert page.console_errors == []


# -- the keyboard ------------------------------------------------------------------------------------

def test_the_quiz_can_be_answered_from_the_keyboard(real_site, serve_dir, page, real_result):
    page.set_viewport_size({"width": 375, "height": 800})
    page.goto(serve_dir(real_site) + "explore/quiz/")
    statements = real_result.site.quiz
    rng = random.Random(3)
    given = [rng.randint(1, 5) for _ in statements]
    page.focus('input[name="q1"][value="1"]')
    for answer in given:
        page.keyboard.press("Space")  # picks the focused answer, 1
        for _ in range(answer - 1):
            page.keyboard.press("ArrowRight")  # moves the choice along the scale
        page.keyboard.press("Tab")  # to the next statement
    assert page.evaluate("document.activeElement.type") == "submit"
    page.keyboard.press("Enter")
    page.wait_for_url("**/explore/quiz/results/?*")
    answers = [[g for g, s in zip(given, statements) if s.area == area] for area in INTERESTS]
    expected = quiz_scores(answers)
    params = dict(part.split("=") for part in urlsplit(page.url).query.split("&"))
    assert [int(params[letter]) for letter in "riasec"] == expected
    page.wait_for_selector("#job-results li")
    assert page.console_errors == []


def test_the_quiz_points_to_statements_left_unanswered(real_site, serve_dir, page):
    page.goto(serve_dir(real_site) + "explore/quiz/")
    for name in ("q1", "q2", "q3", "q4", "q5", "q6", "q8"):
        page.check(f'input[name="{name}"][value="4"]')
    page.click("#quiz-form button[type=submit]")
    assert "no answer yet" in page.inner_text(".quiz-status")
    assert page.evaluate("document.activeElement.name") == "q7"
    page.click("#quiz-form button[type=submit]")  # pressed again: the unanswered ones are left out
    page.wait_for_url("**/results/?*")
    assert page.url.endswith("?r=75&i=75&a=75&s=75&e=75&c=75")


def test_the_job_picker_is_a_combobox_used_from_the_keyboard(real_site, serve_dir, page, data):
    page.goto(serve_dir(real_site) + FROM_JOB)
    page.focus("#job-input")
    page.keyboard.type("registered nur")
    page.wait_for_selector("#job-options:not([hidden]) [role=option]")
    assert page.get_attribute("#job-input", "aria-expanded") == "true"
    page.keyboard.press("ArrowDown")
    active = page.get_attribute("#job-input", "aria-activedescendant")
    assert page.get_attribute(f"#{active}", "aria-selected") == "true"
    assert page.inner_text(f"#{active}").startswith("Registered Nurses")
    page.keyboard.press("Enter")
    assert page.get_attribute("#job-input", "aria-expanded") == "false"
    page.wait_for_selector("#from-results:not([hidden])")
    page.wait_for_url(lambda url: url.endswith("?job=29-1141.00"))
    assert "Registered Nurses" in page.inner_text("#from-title")
    assert "can lead" in page.inner_text(".explore-status")
    # A title people use finds the job too; Escape closes the list.
    page.fill("#job-input", "")
    page.keyboard.type("charge nurse")
    page.wait_for_selector("#job-options:not([hidden]) [role=option]")
    assert "(Registered Nurses)" in page.inner_text("#job-options")
    page.keyboard.press("Escape")
    assert page.is_hidden("#job-options")
    assert page.console_errors == []


# -- offline, from disk, and nothing sent elsewhere ----------------------------------------------------

EXPLORERS = {
    "hub": ("explore/", None),
    "quiz": ("explore/quiz/", None),
    "results": (RESULTS + query([90, 50, 10, 30, 40, 70]), "#job-results li"),
    "skills": (SKILLS + "?have=speaking,writing", "#skill-results li"),
    "from-job": (FROM_JOB + "?job=47-2111.00", "#moves-related li"),
}


@pytest.mark.parametrize("name", EXPLORERS)
def test_each_explorer_works_from_disk_and_asks_no_other_site(name, real_site, serve_dir, page):
    address, ready = EXPLORERS[name]
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    root = serve_dir(real_site)
    page.goto(root + address)
    if ready:
        page.wait_for_selector(ready)
    assert requests and all(url.startswith(root) for url in requests), requests
    path, _, search = address.partition("?")
    page.goto((real_site / path / "index.html").as_uri() + (f"?{search}" if search else ""))
    if ready:
        page.wait_for_selector(ready)
        page.click(ready + " a")  # a result's link opens its page, not a folder listing
        page.wait_for_url("**/occupations/*/index.html")
        assert page.locator("h1").count() == 1
    assert page.console_errors == []


def test_the_quiz_reaches_its_results_from_disk(real_site, page):
    page.goto((real_site / "explore/quiz/index.html").as_uri())
    names = page.eval_on_selector_all(".quiz-item", "els => els.map(e => e.id.slice(5))")
    for name in names:
        page.check(f'input[name="{name}"][value="5"]')
    page.click("#quiz-form button[type=submit]")
    page.wait_for_url("**/results/index.html?*")
    assert "same in every area" in page.inner_text(".explore-status")
    assert page.console_errors == []


def test_without_javascript_each_explorer_says_what_it_needs(real_site, serve_dir, browser):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    root = serve_dir(real_site)
    for address, link in (("explore/quiz/", "../../interests/"), (RESULTS, "../../../interests/"),
                          (SKILLS, "../../occupations/"), (FROM_JOB, "../../occupations/")):
        page.goto(root + address)
        assert page.is_visible(".explore-nojs")
        assert "JavaScript" in page.inner_text(".explore-nojs")
        assert page.get_attribute(".explore-nojs a", "href") == link
        assert page.is_hidden(".needs-js")
    context.close()
