"""Every occupation has a page worth landing on: what the work is, skills, programs, outlook, pay by state."""

from __future__ import annotations

import contextlib
import csv
import html
import re
from pathlib import Path
from typing import Iterator

import pytest

from conftest import ROOT, need, run_build, wait_until
from engine.data import load_occupations
from engine.profiles import TRANSFERABLE_FILE, _ratings, _titles, official_cluster, transferable
from engine.readability import reading

OCCUPATIONS = load_occupations(ROOT / "data/occupations.csv", "data/occupations.csv",
                               ROOT / "data/broad-group-wages.csv", "data/broad-group-wages.csv")


def test_every_occupation_in_the_data_has_a_page_and_a_place_in_the_a_to_z_list(real_site: Path):
    pages = {p.parent.name for p in (real_site / "occupations").glob("*/index.html")}
    assert pages == set(OCCUPATIONS)
    index = (real_site / "occupations/index.html").read_text()
    linked = set(re.findall(r'<li><a href="(\d{2}-\d{4}\.\d{2})/">', index))
    assert linked == set(OCCUPATIONS)
    letters = re.findall(r'<a href="#letter-([a-z#])">', index)
    assert letters == sorted({t[:1].lower() for t in (o.title for o in OCCUPATIONS.values())})
    assert 'id="letter-r"' in index


def test_the_a_to_z_list_names_each_jobs_clusters(real_site: Path):
    """As the job's own page names them: the clusters of the ladders it is on, or for a job on none, those
    Advance CTE's crosswalk lists it in."""
    index = (real_site / "occupations/index.html").read_text()
    items = dict(re.findall(r'<li><a href="(\d{2}-\d{4}\.\d{2})/">[^<]*</a>(?: <small>([^<]*)</small>)?', index))
    assert set(items) == set(OCCUPATIONS)
    listed: dict[str, set[str]] = {}
    with (ROOT / "data/career-pathway-occupations.csv").open(newline="", encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            listed.setdefault(row["onet_soc_code"], set()).add(official_cluster(row["cluster"]))
    named_somewhere = off_ladders = 0
    for code, text in items.items():
        named = html.unescape(text).split(" · ") if text else []
        page = (real_site / "occupations" / code / "index.html").read_text()
        eyebrow = re.search(r'<p class="eyebrow">(.*?)</p>', page).group(1)
        assert named == [html.unescape(t) for t in re.findall(r'<a href="[^"]*">([^<]*)</a>', eyebrow)], code
        if "This job is not on one of our career ladders yet." in page:
            assert set(named) == listed.get(code, set()), code
            off_ladders += 1
        named_somewhere += bool(named)
    assert named_somewhere >= 1000  # all but the few jobs in no cluster
    assert off_ladders >= 100


def test_every_occupation_has_a_plain_description_of_its_own():
    """50 to 120 words, each description at Flesch-Kincaid grade 9 or below, no sentence over 30 words."""
    grades = []
    for code in OCCUPATIONS:
        path = ROOT / "content/occupations" / f"{code}.md"
        assert path.exists(), f"no description for {code} {OCCUPATIONS[code].title}"
        body = path.read_text(encoding="utf-8").split("---\n", 2)[2]
        words = reading(body)
        assert 50 <= words.words <= 120, (code, words.words)
        assert words.grade <= 9, (code, round(words.grade, 2))
        assert not words.longer_than(30), (code, [s.text for s in words.longer_than(30)])
        grades.append(words.grade)
    grades.sort()
    assert grades[len(grades) // 2] <= 8


def test_an_occupation_page_shows_the_work_skills_programs_outlook_and_links(real_site: Path):
    page = (real_site / "occupations/29-1141.00/index.html").read_text()
    for section in ("What the work is", "Skills and knowledge", "Programs of study", "Outlook", "Where it leads",
                    "Jobs that use similar skills", "In the 2024 Career Clusters framework"):
        assert section in page, section
    assert "Registered Nursing/Registered Nurse" in page and "CIP 51.3801" in page
    assert "Also called:" in page and "Charge Nurse" in page
    for link in ("https://www.onetonline.org/link/summary/29-1141.00",
                 "https://www.mynextmove.org/profile/summary/29-1141.00",
                 "https://www.careeronestop.org/Toolkit/Careers/Occupations/occupation-profile.aspx?keyword="
                 "Registered%20Nurses&amp;onetcode=29-1141.00",
                 "https://www.apprenticeship.gov/apprenticeship-job-finder"):
        assert f'href="{link}"' in page, link
    assert "Social Perceptiveness" in page and "Noticing how others feel" in page


def test_the_programs_of_study_are_the_crosswalks_own_and_say_how_many_there_are(real_site: Path):
    """Each page lists the programs the crosswalk matches to the job, never its 'NO MATCH' row (CIP 99.9999).
    A job with more than twelve names how many there are, and lists by code the twelve that prepare for the fewest
    other jobs, residencies (CIP 60 and 61, taken after a degree) last."""
    matched: dict[str, set[tuple[str, str]]] = {}
    with (ROOT / "data/soc-cip.csv").open(newline="", encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            matched.setdefault(row["soc_code"], set()).add((row["cip_code"], row["cip_title"]))
    reach: dict[str, int] = {}
    for pairs in matched.values():
        for cip, _ in pairs:
            reach[cip] = reach.get(cip, 0) + 1
    seen_none = seen_many = seen_few = seen_residencies = 0
    for code, occupation in sorted(OCCUPATIONS.items()):
        page = (real_site / f"occupations/{code}/index.html").read_text()
        assert "NO MATCH" not in page and "99.9999" not in page, code
        section = page[page.index('id="programs"'):page.index("</section>", page.index('id="programs"'))]
        shown = re.findall(r"<li>([^<]+) <span class=\"muted\">CIP ([\d.]+)</span></li>", section)
        programs = sorted((cip, title) for cip, title in matched.get(occupation.soc_code, ()) if cip != "99.9999")
        if not programs:
            assert not shown and "No program of study is matched to this job" in section, code
            seen_none += 1
        elif len(programs) <= 12:
            assert [(cip, html.unescape(title)) for title, cip in shown] == programs, code
            seen_few += 1
        else:
            assert f"{len(programs)} programs of study prepare for this job. These 12 are" in section, code
            ordered = sorted(programs, key=lambda p: (p[0].startswith(("60.", "61.")), reach[p[0]], p[0]))
            assert [(cip, html.unescape(title)) for title, cip in shown] == sorted(ordered[:12]), code
            left_out = any(cip.startswith(("60.", "61.")) for cip, _ in ordered[12:])
            assert ("Residencies, taken after a degree, come last." in section) == left_out, code
            seen_residencies += left_out
            seen_many += 1
    assert seen_none > 100 and seen_few > 500 and seen_many > 80 and seen_residencies > 5, \
        (seen_none, seen_few, seen_many, seen_residencies)


def test_the_titles_people_use_never_repeat_the_jobs_own_name_or_each_other():
    """'Also called' gives names the page has not given: not the title in the singular, and not a short form
    already given in brackets; a title whose long form is the page's own is given by its short form."""
    therapists = OCCUPATIONS["29-1122.00"]  # Occupational Therapists
    rows = [("29-1122.00", title, source, shown) for title, source, shown in (
        ("Occupational Therapist (OT)", "reported", "yes"),
        ("Certified Hand Therapist (CHT)", "reported", "yes"),
        ("CHT", "short", "no"),
        ("Occupational  Therapists", "reported", "no"),
        ("Hand Therapist", "reported", "no"),
        ("Certified Hand Therapists", "reported", "no"),
        ("Rehab Director", "alternate", "no"),
    )]
    assert _titles(therapists, rows) == ("OT", "Certified Hand Therapist (CHT)", "Hand Therapist")


def test_each_skill_bar_shows_the_level_o_net_gives(real_site: Path):
    """The bars are <meter>s whose value is the job's level (0-7) for that skill or knowledge area, in the order
    the page lists them: importance of 3 or more, most important first."""
    problems: list = []
    ratings = {**{("skill", c): r for c, r in _ratings(ROOT / "data/occupation-skills.csv", str, {}, problems).items()},
               **{("knowledge", c): r for c, r in
                  _ratings(ROOT / "data/occupation-knowledge.csv", str, {}, problems).items()}}
    for code in ("29-1141.00", "47-2111.00", "15-1232.00", "49-9021.00"):
        page = (real_site / f"occupations/{code}/index.html").read_text()
        shown = re.findall(r'<span class="rating-name">([^<]+)</span>.*?<meter class="level-bar" min="0" max="7" '
                           r'value="([\d.]+)" aria-label="Level ([\d.]+) of 7"></meter>', page, re.S)
        expected = []
        for group in ("skill", "knowledge"):
            rated = sorted((r for r in ratings[(group, code)] if r[1] >= 3), key=lambda r: (-r[1], r[0]))
            expected += [(name.replace("&", "&amp;"), f"{level:.1f}", f"{level:.1f}") for name, _, level, _ in rated]
        assert shown == expected, code


def test_a_job_without_a_skills_profile_or_pay_says_so(real_site: Path):
    unrated = next(code for code, o in sorted(OCCUPATIONS.items()) if o.figures == "none" and code.endswith(".00")
                   and not (ROOT / "data/occupation-skills.csv").read_text().count(code))
    page = (real_site / f"occupations/{unrated}/index.html").read_text()
    assert "O*NET has not yet surveyed the skills" in page
    assert "BLS publishes no pay or employment figures for this job." in page
    assert "$0" not in page


def test_the_bright_outlook_mark_follows_the_rule(real_site: Path, real_result):
    average = real_result.site.profiles.average_growth
    assert 1.0 < average < 6.0
    for code, job in OCCUPATIONS.items():
        if job.growth_pct is None or not job.code.endswith(".00") or job.figures != "own":
            continue
        page = (real_site / f"occupations/{code}/index.html").read_text()
        bright = job.growth_pct >= 3 * average or (job.openings or 0) >= 100_000
        assert ('class="bright"' in page) == bright, code


def test_each_technology_is_marked_as_the_data_flags_it(real_site: Path):
    """'In demand' where O*NET says this job's own postings ask for it, else 'Hot' where postings in general do;
    the in-demand ones come first, as the page says."""
    flags = {}
    with (ROOT / "data/technology-skills.csv").open(newline="", encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            flags[row["onet_soc_code"], row["example"]] = (row["in_demand"] == "yes", row["hot_technology"] == "yes")
    marked = 0
    for code in OCCUPATIONS:
        page = (real_site / f"occupations/{code}/index.html").read_text()
        chips = re.search(r'<ul class="chips tech">(.*?)</ul>', page, re.S)
        if chips is None:
            continue
        shown = []
        for item in re.findall(r"<li>(.*?)</li>", chips[1]):
            name, _, badge = item.partition(' <span class="hot">')
            in_demand, hot = flags[code, html.unescape(name)]
            assert badge == ("In demand</span>" if in_demand else "Hot</span>" if hot else ""), (code, name)
            shown.append(in_demand)
            marked += in_demand
        assert shown == sorted(shown, reverse=True), code
        assert ("In demand</span> marks what this job" in page) == any(shown), code
    assert marked > 1000


def test_transferable_skills_are_computed_as_documented():
    """The file the build reads is what `python -m engine.profiles` computes from the skills data."""
    problems: list = []
    skills = _ratings(ROOT / "data/occupation-skills.csv", str, {}, problems)
    knowledge = _ratings(ROOT / "data/occupation-knowledge.csv", str, {}, problems)
    both = {code: ratings + knowledge[code] for code, ratings in skills.items() if code in knowledge}
    expected = [(code, m.code, str(m.match)) for code, matches in sorted(transferable(OCCUPATIONS, both).items())
                for m in matches]
    with (ROOT / "data" / TRANSFERABLE_FILE).open(newline="") as handle:
        assert [tuple(row) for row in csv.reader(handle)][1:] == expected
    nurses = [other for code, other, _ in expected if code == "29-1141.00"]
    assert "29-2061.00" in nurses  # licensed practical nurses
    assert all(OCCUPATIONS[o].soc_code != "29-1141" for o in nurses)


@pytest.mark.parametrize("name, text, expected", [
    ("31-1131.09.md", "---\nsummary: Nurses care for patients.\n---\n" + "Nurses care. " * 30,
     "content/occupations/31-1131.09.md:1: '31-1131.09' is not an occupation in data/occupations.csv (did you "
     "mean '31-1131.00', Nursing Assistants?): name the file by the occupation's O*NET-SOC code"),
    ("registered-nurses.md", "---\nsummary: Nurses care for patients.\n---\nNurses care.\n",
     "content/occupations/registered-nurses.md:1: invalid file name 'registered-nurses.md': name the file by its "
     "O*NET-SOC code (did you mean '29-1141.00.md', Registered Nurses?)"),
    # of the jobs with 'nurse' in their titles, the one most people hold
    ("nurse.md", "---\nsummary: Nurses care for patients.\n---\nNurses care.\n",
     "content/occupations/nurse.md:1: invalid file name 'nurse.md': name the file by its O*NET-SOC code (did you "
     "mean '29-1141.00.md', Registered Nurses?)"),
    ("29-1141.md", "---\nsummary: Nurses care for patients.\n---\nNurses care.\n",
     "content/occupations/29-1141.md:1: invalid file name '29-1141.md': name the file by its O*NET-SOC code (did "
     "you mean '29-1141.00.md', Registered Nurses?)"),
    ("xyzzy.md", "---\nsummary: Nurses care for patients.\n---\nNurses care.\n",
     "content/occupations/xyzzy.md:1: invalid file name 'xyzzy.md': name the file by its O*NET-SOC code, such as "
     "'29-1141.00.md'"),
])
def test_a_wrong_occupation_file_is_reported(make_project, name, text, expected):
    root = make_project({f"content/occupations/{name}": text})
    result = run_build("check", cwd=root)
    assert result.returncode == 1 and expected in result.stderr.splitlines(), result.stderr


def test_a_description_of_the_wrong_length_is_a_warning(make_project):
    root = make_project({"content/occupations/29-1141.00.md": "---\nsummary: Nurses care for patients.\n---\n"
                                                               "Nurses care for patients.\n"})
    result = run_build("check", cwd=root)
    assert "content/occupations/29-1141.00.md:4: warning: the description has 4 words; write 50 to 120" \
        in result.stderr.splitlines(), result.stderr


def state_wages() -> dict[tuple[str, str], dict[str, str]]:
    """data/state-wages.csv by (state, SOC code)."""
    with (ROOT / "data/state-wages.csv").open(newline="") as handle:
        return {(row["state"], row["soc_code"]): row for row in csv.DictReader(handle)}


@contextlib.contextmanager
def fresh_page(browser) -> Iterator[tuple[object, list[str]]]:
    """A page in a browser context of its own (nothing remembered from other tests), and the errors it raises."""
    context = browser.new_context()
    try:
        page = context.new_page()
        errors: list[str] = []
        page.on("pageerror", lambda error: errors.append(str(error)))
        yield page, errors
    finally:
        context.close()


@pytest.mark.browser
def test_choosing_a_state_changes_every_pay_figure_and_is_remembered(real_site: Path, browser):
    rows = state_wages()
    with fresh_page(browser) as (page, errors):
        page.goto((real_site / "occupations/29-1141.00/index.html").as_uri())  # from disk
        select = page.get_by_label("State")
        assert select.is_visible()
        national = page.inner_text(".pay-headline .fig")
        for state, slug in (("Texas", "texas"), ("Alaska", "alaska")):
            select.select_option(slug)
            wait_until(page, "s => document.getElementById('state-note').textContent.includes(s)", state)
            row = rows[(state, "29-1141")]
            for field, column in (("median", "annual_median_wage"), ("p10", "annual_p10_wage"),
                                  ("p90", "annual_p90_wage"), ("employment", "employment")):
                shown = page.locator(f'.pay-summary .fig[data-fig="{field}"], .facts .fig[data-fig="{field}"]').first
                assert shown.inner_text().replace("$", "").replace(",", "") == row[column], (state, field)
            assert f"(U.S. {national})" in page.inner_text(".pay-headline")
        # The choice follows the visitor to a pathway page, where each step's pay is worked out for the state.
        page.goto((real_site / "pathways/therapeutic-services/index.html").as_uri())
        wait_until(page, "document.getElementById('state-note').textContent.includes('Alaska')")
        assert page.input_value("#state-select") == "alaska"
        assert "(U.S. $" in page.inner_text(".step-pay >> nth=0")
        # A state with no published figure says so, and choosing the whole country restores the national ones.
        page.goto((real_site / "occupations/29-1141.00/index.html").as_uri())
        wait_until(page, "document.getElementById('state-note').textContent.includes('Alaska')")
        page.get_by_label("State").select_option("")
        assert page.inner_text(".pay-headline .fig") == national
        assert errors == []


@pytest.mark.browser
def test_a_clusters_chart_marks_the_steps_paid_beyond_its_axis_for_the_chosen_state(real_site: Path, browser):
    """The rings and the note on steps beyond the axis follow the figures shown: the whole country's, then a
    state's, where other steps may be beyond it and some not."""
    with fresh_page(browser) as (page, errors):
        page.goto((real_site / "clusters/health-science/index.html").as_uri())
        marked = """() => [...document.querySelectorAll('svg.compare-bar')].flatMap(svg => {
            const top = Number(svg.dataset.top);
            return [...svg.querySelectorAll('g[data-socs]')].filter(g => g.style.visibility !== 'hidden').map(g =>
                [Number(g.querySelector('circle').getAttribute('cx').replace('%', '')), g.classList.contains('beyond'),
                 top])});"""
        national = page.evaluate(marked)
        assert any(beyond for _, beyond, _ in national) and page.is_visible(".beyond-note")
        assert all(x == 100 for x, beyond, _ in national if beyond)
        page.get_by_label("State").select_option("california")
        wait_until(page, "document.getElementById('state-note').textContent.includes('California')")
        chosen = page.evaluate(marked)
        assert chosen != national
        assert all(x == 100 for x, beyond, _ in chosen if beyond)
        assert all(x < 100 for x, beyond, _ in chosen if not beyond)  # a step inside the axis is never ringed
        assert page.is_visible(".beyond-note") == any(beyond for _, beyond, _ in chosen)
        assert errors == []


@pytest.mark.browser
def test_a_state_named_in_a_search_opens_the_job_with_that_states_pay(real_site: Path, browser):
    """'electrician pay in texas': Texas is no word of any page, but the state to show pay for. The results
    say so and link to the job's pay with Texas chosen (`?state=texas`), which works from disk and is then
    remembered; a state's name alone is searched for as a word. A postal code names a state too ('NY'), unless
    it is also a word or a job's abbreviation ('PA' is a physician assistant)."""
    rows = state_wages()
    with fresh_page(browser) as (page, errors):
        page.goto((real_site / "search/index.html").as_uri() + "?q=electrician%20pay%20in%20texas")
        wait_until(page, "() => document.querySelector('.search-status').textContent.includes('Texas')")
        assert "Their pay is shown for Texas." in page.inner_text(".search-status")
        first = page.locator(".search-results .search-result-title a").first
        assert first.inner_text() == "Electricians"
        assert first.get_attribute("href").endswith("occupations/47-2111.00/index.html?state=texas#pay")
        with page.expect_navigation():
            first.click()
        wait_until(page, "(document.getElementById('state-note') || {}).textContent?.includes('Texas')")
        assert page.input_value("#state-select") == "texas"
        median = page.inner_text(".pay-headline .fig").replace("$", "").replace(",", "")
        assert median == rows[("Texas", "47-2111")]["annual_median_wage"]
        page.goto((real_site / "occupations/29-1141.00/index.html").as_uri())  # remembered
        wait_until(page, "document.getElementById('state-note').textContent.includes('Texas')")
        page.fill("#search-input", "welders pay in new york")  # the header box says so to a screen reader
        # (the search script loads as the box is focused: the status line is there once it has)
        wait_until(page, "() => (document.querySelector('form [role=status]') || {}).textContent?.includes("
                         "'New York')")
        assert "?state=new-york#pay" in page.locator("#search-input-results a").first.get_attribute("href")
        page.goto((real_site / "search/index.html").as_uri() + "?q=washington%20dc%20lawyer")  # not the state
        wait_until(page, "() => document.querySelector('.search-status').textContent.includes('shown for')")
        assert "Their pay is shown for District of Columbia." in page.inner_text(".search-status")
        first = page.locator(".search-results .search-result-title a").first
        assert "?state=district-of-columbia" in first.get_attribute("href")
        page.goto((real_site / "search/index.html").as_uri() + "?q=plumber%20wages%20NY")  # a postal code
        wait_until(page, "() => document.querySelector('.search-status').textContent.includes('shown for')")
        assert "Their pay is shown for New York." in page.inner_text(".search-status")
        first = page.locator(".search-results .search-result-title a").first
        assert first.inner_text() == "Plumbers, Pipefitters, and Steamfitters"
        assert "?state=new-york" in first.get_attribute("href")
        page.goto((real_site / "search/index.html").as_uri() + "?q=pa%20salary")  # a physician assistant's, no state
        wait_until(page, "() => document.querySelector('.search-status').textContent.includes('result')")
        assert "shown for" not in page.inner_text(".search-status")
        assert page.locator(".search-results .search-result-title a").first.inner_text().startswith("Physician Assistants")
        page.goto((real_site / "search/index.html").as_uri() + "?q=texas")
        wait_until(page, "() => document.querySelector('.search-status').textContent.includes('result')")
        assert "shown for" not in page.inner_text(".search-status")
        assert "?state=" not in (page.locator(".search-results .search-result-title a").first.get_attribute("href") or "")
        assert errors == []


@pytest.mark.browser
def test_a_state_without_a_figure_says_it_is_not_published(real_site: Path, browser):
    rows = state_wages()
    code, state = next((c, s) for c, o in sorted(OCCUPATIONS.items()) for s in ("Wyoming", "Vermont", "Guam")
                       if o.figures == "own" and o.wage_median and (s, o.soc_code) not in rows)
    with fresh_page(browser) as (page, _):
        page.goto((real_site / f"occupations/{code}/index.html").as_uri())
        page.get_by_label("State").select_option(state.lower())
        wait_until(page, "s => document.getElementById('state-note').textContent.includes(s)", state)
        assert f"not published for {state}" in page.inner_text(".pay-headline")


def test_state_figures_are_loaded_only_when_chosen(real_site: Path):
    need(True, "")
    page = (real_site / "occupations/29-1141.00/index.html").read_text()
    assert "assets/pay/texas.js" not in page and 'value="texas"' in page
    script = (real_site / "assets/pay/texas.js").read_text()
    assert script.startswith('window.__statePay.add("texas",{')


def test_data_rows_keep_their_lines_through_quoted_line_breaks_and_short_rows(tmp_path):
    from engine.profiles import _grouped, _rows
    path = tmp_path / "titles.csv"
    path.write_text('code,title,source\n11-1011.00,CEO,reported\n11-1011.00,"Chief\nExecutive",short\n'
                    '11-1011.00\n13-1111.00,Analyst,reported\n', encoding="utf-8")
    problems: list = []
    assert _rows(path, str, ("code", "title"), problems) == [
        (2, ("11-1011.00", "CEO")), (4, ("11-1011.00", "Chief\nExecutive")), (6, ("13-1111.00", "Analyst"))]
    assert [(p.line, p.message) for p in problems] == [(5, "expected 3 columns, found 1")]
    grouped = _grouped(path, str, ("code", "source"), [])
    assert grouped == {"11-1011.00": [("11-1011.00", "reported"), ("11-1011.00", "short")],
                       "13-1111.00": [("13-1111.00", "reported")]}

    path.write_text("code,title\nb,1\na,2\nb,3\n", encoding="utf-8")  # unsorted: a key's rows still come together
    assert _grouped(path, str, ("code", "title"), []) == {"b": [("b", "1"), ("b", "3")], "a": [("a", "2")]}
    assert _rows(path, str, ("code", "title"), []) == [(2, ("b", "1")), (3, ("a", "2")), (4, ("b", "3"))]


def test_state_figures_become_json_with_null_where_none_is_published_and_bad_rows_are_reported(tmp_path):
    from engine.profiles import _state_pay
    header = "state,soc_code,employment,annual_p10_wage,annual_median_wage,annual_p90_wage,hourly_median_wage\n"
    path = tmp_path / "state-wages.csv"
    path.write_text(header + "Texas,29-1141,1000,50000,80000.5,100000,40.25\nTexas,11-1011,,,,,\n"
                    "Ohio,29-1141,,61000,,,31\nOhio,11-1011,20,1,2,3,\n", encoding="utf-8")
    problems: list = []
    states, pay = _state_pay(path, str, problems)
    assert problems == [] and states == ("Ohio", "Texas")
    assert pay == {"Texas": {"29-1141": "[1000,50000,80000.5,100000,40.25]", "11-1011": "[null,null,null,null,null]"},
                   "Ohio": {"29-1141": "[null,61000,null,null,31]", "11-1011": "[20,1,2,3,null]"}}

    for bad in ("$80000", "80000.", ".5", "1.2.3", "8O000", "1..2"):
        path.write_text(header + "Texas,29-1141,1000,50000,80000,100000,40\n"
                        f"Ohio,29-1141,1,2,{bad},4,5\nOhio,11-1011,1,2,3,4,5\n", encoding="utf-8")
        problems = []
        states, pay = _state_pay(path, str, problems)
        assert [(p.line, p.message) for p in problems] == [
            (3, "a figure is not a number; leave it empty if it is not published")], bad
        assert pay == {"Texas": {"29-1141": "[1000,50000,80000,100000,40]"}, "Ohio": {"11-1011": "[1,2,3,4,5]"}}

    path.write_text(header + 'Ohio,29-1141,1,2,"800\n00",4,5\nOhio,11-1011,1,2,3,4,5\n', encoding="utf-8")
    problems = []
    states, pay = _state_pay(path, str, problems)  # a line break inside a figure: reported where its row ends
    assert [(p.line, p.message) for p in problems] == [(3, "a figure is not a number; leave it empty if it is not published")]
    assert pay == {"Ohio": {"11-1011": "[1,2,3,4,5]"}}
