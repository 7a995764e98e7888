"""Find your path: the data the explorers run on, the quiz's statements, and the scoring, checked against the data."""

from __future__ import annotations

import csv
import gzip
import json
import re
from pathlib import Path

import pytest

from conftest import ROOT, run_build
from engine.data import INTEREST_LETTERS
from engine.explore import (EDUCATION_SLUGS, IMPORTANT, QUIZ_MIN, SKILL_GROUPS, build_explore_data, decode_ratings,
                            education_change, load_quiz, move, pay_change, quiz_scores, rank_by_interest,
                            rank_by_skills, rank_pathways, skill_gaps, skills_match, tenths)
from engine.load import slugify
from engine.readability import reading
from engine.render import outlook
from engine.routes import DATA_FILES
from engine.schema import INTERESTS


def read_data(site: Path, name: str) -> dict:
    """A data file of the built site, as the browser gets it."""
    text = (site / DATA_FILES[name]).read_text(encoding="utf-8")
    prefix = f'window.__explore.add("{name}",'
    assert text.startswith(prefix) and text.endswith(");\n")
    return json.loads(text[len(prefix):-3])


@pytest.fixture(scope="module")
def explore(real_site: Path) -> dict:
    core = read_data(real_site, "jobs")
    jobs = [dict(zip(core["fields"], row)) for row in core["jobs"]]
    return {"core": core, "jobs": jobs, "by_code": {j["code"]: j for j in jobs},
            "skills": read_data(real_site, "skills"), "links": read_data(real_site, "links")}


def profile(**scores: int) -> list[int]:
    """A visitor's six scores in RIASEC order, 20 where not given."""
    return [scores.get(area, 20) for area in INTERESTS]


# -- the interest scores -----------------------------------------------------------------------------

def test_every_interest_score_in_the_data_reaches_the_occupations(real_result):
    rows = list(csv.reader((ROOT / "data/occupation-interests.csv").open(encoding="utf-8")))
    assert len(rows) - 1 == 923
    by_code = {e.occupation.code: e for e in real_result.site.occupations}
    for row in rows[1:]:
        assert by_code[row[0]].profile.interest_scores == tuple(float(v) for v in row[1:])
    unrated = [e for e in real_result.site.occupations if e.profile.interest_scores is None]
    assert len(unrated) == 1016 - 923


def test_the_interest_scores_agree_with_the_high_point_letters(real_result):
    """O*NET's first interest letter is the area the job scores highest in (checked where there is no tie)."""
    checked = 0
    for entry in real_result.site.occupations:
        scores = entry.profile.interest_scores
        if scores is None or not entry.occupation.interest_code:
            continue
        top = max(scores)
        if scores.count(top) == 1:
            assert INTEREST_LETTERS[entry.occupation.interest_code[0]] == INTERESTS[scores.index(top)]
            checked += 1
    assert checked > 800


def test_every_bad_row_of_the_interest_scores_is_reported(make_project):
    header = "onet_soc_code,Realistic (OI),Investigative (OI),Artistic (OI),Social (OI),Enterprising (OI)," \
             "Conventional (OI)\n"
    root = make_project({"data/occupation-interests.csv": header + "29-1141.00,1,2,3,4,5,6\n"
                                                                   "29-1141.00,1,2,3,4,5,6\n"
                                                                   "31-1131.00,1,2,high,4,5,6\n"
                                                                   "29-2061.00,0.5,2,3,4,5,6\n"
                                                                   "29-1171.00,1,2\n"})
    result = run_build("check", cwd=root)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert result.stderr.splitlines()[:-1] == [
        "data/occupation-interests.csv:3: occupation 29-1141.00 is listed twice",
        "data/occupation-interests.csv:4: 'Artistic (OI)' is 'high': a score must be a number from 1 to 7",
        "data/occupation-interests.csv:5: 'Realistic (OI)' is '0.5': a score must be a number from 1 to 7",
        "data/occupation-interests.csv:6: expected 7 columns, found 3",
    ]


# -- the quiz's statements ---------------------------------------------------------------------------

def test_the_quiz_has_at_least_six_plain_statements_for_each_area():
    statements = load_quiz(ROOT / "data/quiz.yml", "data/quiz.yml")
    assert len(statements) >= 36
    for area in INTERESTS:
        assert sum(s.area == area for s in statements) >= QUIZ_MIN
    assert [s.area for s in statements[:6]] == list(INTERESTS)  # the areas take turns
    assert [s.number for s in statements] == list(range(1, len(statements) + 1))
    text = " ".join(s.text for s in statements)
    assert reading(text).grade <= 9
    assert all(len(s.text.split()) <= 15 for s in statements)


QUIZ_CASES = {
    "unknown area": ("realistc:\n  - Fix a bike.\n",
                     "data/quiz.yml:1: unknown interest area 'realistc' (did you mean 'realistic'?)"),
    "too few statements": ("realistic:\n  - Fix a bike.\n  - Build a shed.\n",
                           "data/quiz.yml:1: 'realistic' has 2 statements: give it at least 6"),
    "a statement that is not text": ("social:\n  - Teach a class.\n  - [a, list]\n",
                                     "data/quiz.yml:3: a statement must be text, such as 'Fix a broken bike.'"),
    "the same statement twice": ("social:\n  - Teach a class.\n  - teach a class.\n",
                                 "data/quiz.yml:3: 'teach a class.' is already a statement of 'social'"),
    "a long statement": ("artistic:\n  - " + "Paint " * 16 + "\n",
                         "data/quiz.yml:2: a statement of 16 words: keep it under 15"),
    "not a list": ("artistic: Paint a wall.\n",
                   "data/quiz.yml:1: 'artistic' must be a list of statements, each on a '- ' line"),
    "an area left out": ("artistic:\n  - Paint.\n",
                         "data/quiz.yml:1: no statements for 'conventional': give it at least 6"),
}


@pytest.mark.parametrize("text, expected", QUIZ_CASES.values(), ids=QUIZ_CASES.keys())
def test_a_mistake_in_the_quiz_is_reported_at_its_line(make_project, text, expected):
    root = make_project({"data/quiz.yml": text})
    result = run_build("check", cwd=root)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert expected in result.stderr.splitlines(), result.stderr


def test_the_quiz_page_asks_every_statement_on_a_five_point_scale(real_site: Path, real_result):
    page = (real_site / "explore/quiz/index.html").read_text()
    for statement in real_result.site.quiz:
        assert f'<fieldset class="quiz-item" id="item-{statement.name}" data-area="{statement.area}">' in page
        assert len(re.findall(rf'name="{statement.name}" value="[1-5]"', page)) == 5
    assert 'href="../../interests/"' in page and "needs JavaScript" in page


# -- the data files ----------------------------------------------------------------------------------

def test_the_data_files_hold_every_occupation_as_the_site_shows_it(explore, real_result):
    site = real_result.site
    jobs, links, skills = explore["jobs"], explore["links"], explore["skills"]
    assert len(jobs) == len(site.occupations) == 1016
    average = site.profiles.average_growth
    for i, (job, entry) in enumerate(zip(jobs, site.occupations)):
        occupation = entry.occupation
        assert job["code"] == occupation.code and job["title"] == occupation.title
        assert job["url"] == f"occupations/{occupation.code}/"
        assert job["edu"] == EDUCATION_SLUGS.get(occupation.education)
        assert job["zone"] == occupation.job_zone
        assert job["growth"] == occupation.growth_pct and job["openings"] == occupation.openings
        assert job["bright"] == int(outlook(occupation, average).bright)
        if occupation.wage_median is None or occupation.figures == "none":
            assert (job["pay"], job["payLabel"], job["payGroup"]) == (None, "none", "")
        elif occupation.figures == "own":
            assert (job["pay"], job["payLabel"], job["payGroup"]) == (occupation.wage_median, "own", "")
        else:  # a group's figures are said to be the group's
            assert job["pay"] == occupation.wage_median and job["payLabel"] == "group"
            assert job["payGroup"].startswith("for ")
        if occupation.wage_median is None and occupation.hourly_median is not None and occupation.figures != "none":
            assert job["hourly"] == [occupation.hourly_median, "" if occupation.figures == "own" else job["hourly"][1]]
            assert occupation.figures == "own" or job["hourly"][1].startswith("for ")
        else:
            assert job["hourly"] is None
        assert job["clusters"] == [ref.url.split("/")[1] for ref in entry.clusters]
        assert job["ri"] == (list(entry.profile.interest_scores) if entry.profile.interest_scores else None)
        ratings = decode_ratings(skills["ratings"][i])
        assert ratings == ([tenths(v) for pair in entry.profile.skill_ratings for v in pair] or None)
        assert links["titles"][i] == list(entry.profile.titles)
        assert [jobs[n]["code"] for n in links["next"][i]] == [o.code for o in entry.next_steps]
        assert [jobs[n]["code"] for n in links["related"][i]] == [o.code for o in entry.related]
        assert [[jobs[n]["code"], m] for n, m in links["similar"][i]] == [[o.code, m] for o, m in entry.similar]
    assert [s[1] for s in skills["skills"]] == list(site.profiles.skill_names)
    assert [s[0] for s in skills["skills"]][:3] == ["reading-comprehension", "active-listening", "writing"]
    assert len(explore["core"]["pathways"]) == len(site.pathways)


def test_next_steps_are_the_occupations_of_the_following_step_on_each_ladder(real_result):
    by_code = {e.occupation.code: e for e in real_result.site.occupations}
    expected: dict[str, list[str]] = {}
    for pathway in real_result.site.pathways:
        for ladder in pathway.ladders:
            for step, following in zip(ladder.steps, ladder.steps[1:]):
                for occupation in step.occupations:
                    for other in following.occupations:
                        if other.code != occupation.code and other.code not in expected.setdefault(occupation.code, []):
                            expected[occupation.code].append(other.code)
    for code, entry in by_code.items():
        assert [o.code for o in entry.next_steps] == expected.get(code, [])
    assert sum(bool(e.next_steps) for e in by_code.values()) > 300


def _rungs_away(site, steps_of) -> dict[str, dict[str, tuple[int, int]]]:
    """For each occupation on a ladder, the others `steps_of(steps, index)` gives as (rungs away, step) for its step:
    each with the fewest rungs away on any ladder and the order in which it was first found, in site order."""
    rungs: dict[str, dict[str, tuple[int, int]]] = {}
    for pathway in site.pathways:
        for ladder in pathway.ladders:
            for index, step in enumerate(ladder.steps):
                for occupation in step.occupations:
                    found = rungs.setdefault(occupation.code, {})
                    for away, other_step in steps_of(ladder.steps, index):
                        for other in other_step.occupations:
                            if other.code not in found or away < found[other.code][0]:
                                found[other.code] = (away, found[other.code][1] if other.code in found else len(found))
    return rungs


def test_later_steps_are_the_occupations_higher_up_each_ladder_the_nearest_first(real_result):
    """Beyond the next steps, an occupation page knows the jobs of the steps above them on its ladders (search reads
    them for a goal two rungs up): each once, none of its next steps nor itself, the fewest rungs up first, and in
    site order among those as far up."""
    by_code = {e.occupation.code: e for e in real_result.site.occupations}
    rungs = _rungs_away(real_result.site, lambda steps, index: enumerate(steps[index + 2:], start=2))
    for code, entry in by_code.items():
        nearest = {o.code for o in entry.next_steps} | {code}
        expected = sorted((c for c in rungs.get(code, {}) if c not in nearest), key=lambda c: rungs[code][c])
        assert [o.code for o in entry.later_steps] == expected, entry.title
    stockers = by_code["53-7065.00"]  # warehouse associate, then forklift operator or clerk, then lead or supervisor
    later = [o.code for o in stockers.later_steps]
    assert "53-1042.00" in later and "11-3071.00" in later and later.index("53-1042.00") < later.index("11-3071.00")
    assert sum(bool(e.later_steps) for e in by_code.values()) > 300


def test_earlier_steps_are_the_occupations_lower_down_each_ladder_the_nearest_first(real_result):
    """An occupation page knows the jobs of the steps below it on its ladders (search lists them for jobs like it
    that take less schooling): each once, not itself, none that is also above it on a ladder, the fewest rungs
    down first, and in site order among those as far down."""
    by_code = {e.occupation.code: e for e in real_result.site.occupations}
    rungs = _rungs_away(real_result.site, lambda steps, index: enumerate(reversed(steps[:index]), start=1))
    for code, entry in by_code.items():
        above = {o.code for o in entry.next_steps + entry.later_steps} | {code}
        expected = sorted((c for c in rungs.get(code, {}) if c not in above), key=lambda c: rungs[code][c])
        assert [o.code for o in entry.earlier_steps] == expected, entry.title
    vets = [o.title for o in by_code["29-1131.00"].earlier_steps]
    assert vets[:2] == ["Veterinary Technologists and Technicians",
                        "Veterinary Assistants and Laboratory Animal Caretakers"], vets
    assert sum(bool(e.earlier_steps) for e in by_code.values()) > 300


def test_the_data_files_are_compact_and_the_same_every_build(real_site: Path, real_result):
    sizes = {name: len(gzip.compress((real_site / path).read_bytes(), 9)) for name, path in DATA_FILES.items()}
    assert sizes["jobs"] < 60_000
    assert sizes["jobs"] + sizes["skills"] < 120_000 and sizes["jobs"] + sizes["links"] < 120_000
    site = real_result.site
    bright = lambda job: outlook(job, site.profiles.average_growth).bright  # noqa: E731
    again = build_explore_data(site, bright)
    assert again == {path: (real_site / path).read_bytes() for path in DATA_FILES.values()}


def test_the_skill_groups_hold_each_of_the_35_skills_once(real_result):
    grouped = [name for _, names in SKILL_GROUPS for name in names]
    assert sorted(grouped) == sorted(real_result.site.profiles.skill_names) and len(grouped) == 35


# -- scoring, checked against the data ---------------------------------------------------------------

def test_quiz_scores_map_the_average_answer_to_0_to_100():
    assert quiz_scores([[1, 1], [5, 5, 5], [3], [2, 3], [4, 5, 5], []]) == [0, 100, 50, 38, 92, None]


def test_a_strongly_realistic_profile_ranks_hands_on_jobs_first(explore):
    ranked = rank_by_interest(profile(realistic=100), explore["jobs"])
    top = [explore["by_code"][code] for code, _ in ranked[:25]]
    for job in top:  # each scores highest in Realistic, by O*NET's own scores
        assert job["ri"].index(max(job["ri"])) == 0, job["title"]
    assert ranked[0][1] > 0.9


def test_a_strongly_social_profile_ranks_helping_jobs_first(explore):
    ranked = rank_by_interest(profile(social=100, investigative=40), explore["jobs"])
    for code, _ in ranked[:25]:
        job = explore["by_code"][code]
        assert job["ri"].index(max(job["ri"])) == 3, job["title"]


def test_a_job_whose_interests_go_the_other_way_is_not_listed(explore):
    """A negative fit is a job unlike the visitor, not a weak match: the list stops before it."""
    from engine.explore import interest_fit
    visitor = profile(investigative=90, artistic=80)
    fits = {j["code"]: interest_fit(visitor, j["ri"]) for j in explore["jobs"]}
    opposite = [code for code, fit in fits.items() if fit is not None and fit <= 0]
    assert len(opposite) > 100  # the cut is not empty
    ranked = rank_by_interest(visitor, explore["jobs"])
    assert all(fit > 0 for _, fit in ranked)
    assert sorted(code for code, _ in ranked) == sorted(c for c, f in fits.items() if f is not None and f > 0)


def test_the_preparation_filters_keep_only_jobs_within_them(explore):
    visitor = profile(enterprising=90, conventional=70)
    ranked = rank_by_interest(visitor, explore["jobs"], max_zone=2, max_education="high-school")
    assert ranked
    for code, _ in ranked:
        job = explore["by_code"][code]
        assert job["zone"] <= 2 and job["edu"] in ("none", "high-school")
    everything = rank_by_interest(visitor, explore["jobs"])
    assert [c for c, _ in everything if c in dict(ranked)] == [c for c, _ in ranked]  # the same order


def test_pathways_rank_by_the_mean_fit_of_their_jobs(explore):
    jobs, by_code = explore["jobs"], explore["by_code"]
    pathways = [{"url": p[1], "jobs": [jobs[i]["code"] for i in p[2]]} for p in explore["core"]["pathways"]]
    ranked = rank_pathways(profile(realistic=100, conventional=50), by_code, pathways)
    assert len(ranked) > 70
    for url, _ in ranked[:5]:
        pathway = next(p for p in pathways if p["url"] == url)
        rated = [by_code[c]["ri"] for c in pathway["jobs"] if by_code[c]["ri"]]
        means = [sum(r[i] for r in rated) / len(rated) for i in range(6)]
        assert means.index(max(means)) == 0, url  # their jobs score highest in Realistic on average
    social = rank_pathways(profile(social=100), by_code, pathways)
    assert social[0][0] != ranked[0][0]


def test_the_skills_match_ranks_jobs_that_need_the_ticked_skills(explore):
    skills = explore["skills"]
    slugs = [s[0] for s in skills["skills"]]
    ratings = {job["code"]: decode_ratings(text) for job, text in zip(explore["jobs"], skills["ratings"]) if text}
    marked = [slugs.index(s) for s in ("programming", "mathematics", "critical-thinking")]
    ranked = rank_by_skills(marked, ratings)
    for code, match in ranked[:10]:  # each needs at least two of the three
        assert sum(ratings[code][2 * i] >= IMPORTANT for i in marked) >= 2, code
        assert 0 < match <= 1
    for code, _ in rank_by_skills([slugs.index("programming")], ratings)[:10]:
        assert ratings[code][2 * slugs.index("programming")] >= IMPORTANT, code
    uses, needs = skill_gaps(marked, ratings[ranked[0][0]])
    assert slugs.index("programming") in uses and not set(needs) & set(marked)
    assert skills_match([], ratings[ranked[0][0]]) == 0 and skills_match(marked, None) == 0
    repair = [slugs.index(s) for s in ("repairing", "equipment-maintenance", "troubleshooting")]
    assert all(explore["by_code"][code]["ri"] is None or explore["by_code"][code]["ri"][0] >= 5
               for code, _ in rank_by_skills(repair, ratings)[:10])  # hands-on jobs


def test_a_move_says_how_pay_and_schooling_change_and_never_invents_a_figure(real_result):
    assert pay_change(40_000, "own", 52_500, "own") == "$52,500 median, +\u2060$12,500 a year"
    assert pay_change(40_000, "own", 30_000, "group") == "$30,000 median, −\u2060$10,000 a year (figures for a wider group)"
    assert pay_change(40_000, "own", 40_000, "own") == "$40,000 median, the same pay"
    assert pay_change(None, "none", 52_500, "own") == "$52,500 median; no published pay to compare with"
    assert pay_change(40_000, "own", None, "none") == "Yearly pay not published"
    # BLS publishes only hourly pay for a few performers: that is shown, with no yearly pay to compare.
    assert pay_change(40_000, "own", None, "none", [29.05, ""]) == "$29.05 an hour median; no yearly pay to compare"
    assert pay_change(40_000, "own", None, "none", [31.5, "for Entertainers combined"]) == \
        "$31.50 an hour median; no yearly pay to compare (figures for a wider group)"
    assert pay_change(None, "none", None, "none", [31.5, ""], [29.05, ""]) == "$31.50 an hour median, +\u2060$2.45 an hour"
    assert pay_change(None, "none", None, "none", [29.05, ""], [29.05, "x"]) == \
        "$29.05 an hour median, the same pay (figures for a wider group)"
    assert pay_change(None, "none", 52_500, "own", None, [29.05, ""]) == "$52,500 median; no yearly pay to compare with"
    assert pay_change(None, "none", 52_500, "group") == \
        "$52,500 median; no published pay to compare with (figures for a wider group)"
    assert education_change("high-school", "bachelor") == "More education, three levels up: a bachelor's degree"
    assert education_change("associate", "bachelor") == "More education, one level up: a bachelor's degree"
    assert education_change("bachelor", "bachelor") == "No extra education: a bachelor's degree"
    assert education_change("master", "high-school") == "Less education: a high school diploma"
    assert education_change(None, "master") == "Usually needs a master's degree"
    assert education_change("master", None) == "Education to enter not published"
    by_code = {e.occupation.code: e.occupation for e in real_result.site.occupations}
    change = move(by_code["29-2061.00"], by_code["29-1141.00"])
    difference = by_code["29-1141.00"].wage_median - by_code["29-2061.00"].wage_median
    assert change.pay == f"${by_code['29-1141.00'].wage_median:,} median, +\u2060${difference:,} a year"


def test_occupation_pages_show_the_change_of_every_move(real_site: Path, real_result):
    for entry in real_result.site.occupations[::50]:
        page = (real_site / "occupations" / entry.occupation.code / "index.html").read_text()
        for other in (*entry.next_steps, *entry.related, *(o for o, _ in entry.similar)):
            change = move(entry.occupation, other)
            shown = (f'<span class="move-pay">U.S. pay: {change.pay}</span> '
                     f'<span class="move-edu">{change.education}</span>').replace("'", "&#39;")
            assert shown in page, (entry.occupation.code, other.code)
        if entry.next_steps:
            assert 'id="next-steps"' in page


def test_a_move_to_a_job_paid_only_by_the_hour_shows_its_hourly_pay(real_site: Path, real_result):
    """BLS publishes only hourly pay for a few performers; a move to one shows that, not 'not published'."""
    seen = 0
    for entry in real_result.site.occupations:
        others = [o for o in (*entry.next_steps, *entry.related, *(o for o, _ in entry.similar)) if o.is_hourly_only]
        if not others:
            continue
        page = (real_site / "occupations" / entry.occupation.code / "index.html").read_text()
        for other in others:
            shown = move(entry.occupation, other).pay
            assert shown.startswith(f"${other.hourly_median:.2f} an hour median") and f"U.S. pay: {shown}<" in page, \
                (entry.occupation.code, other.code)
            seen += 1
    assert seen >= 10
    # Between two such jobs the hourly pay is compared; from one, a yearly figure has nothing to compare with.
    by_code = {e.occupation.code: e.occupation for e in real_result.site.occupations}
    actors, dancers = by_code["27-2011.00"], by_code["27-2031.00"]
    cents = round(dancers.hourly_median * 100) - round(actors.hourly_median * 100)
    assert move(actors, dancers).pay == \
        f"${dancers.hourly_median:.2f} an hour median, {'+' if cents > 0 else '−'}\u2060${abs(cents) / 100:.2f} an hour"
    directors = by_code["27-2012.00"]
    assert move(actors, directors).pay == f"${directors.wage_median:,} median; no yearly pay to compare with"
    specialty = by_code["27-2012.05"]  # shown with its whole job's pay, so labelled as a wider group's
    assert specialty.figures != "own" and move(actors, specialty).pay == \
        f"${specialty.wage_median:,} median; no yearly pay to compare with (figures for a wider group)"


def test_the_skills_explorer_offers_each_skill_with_its_plain_explanation(real_site: Path, real_result):
    page = (real_site / "explore/skills/index.html").read_text()
    about = real_result.site.profiles.skill_about
    for name in real_result.site.profiles.skill_names:
        assert f'value="{slugify(name)}"> <span class="skill-name">{name}</span> ' \
               f'<span class="skill-about">{about[name]}</span>'.replace("'", "&#39;") in page, name
    assert page.count("<fieldset") == 7


def test_the_hub_links_to_every_explorer_and_is_one_click_from_home(real_site: Path):
    hub = (real_site / "explore/index.html").read_text()
    for target in ("../explore/quiz/", "../explore/skills/", "../explore/from-job/", "../interests/", "../occupations/"):
        assert f'href="{target}"' in hub, target
    home = (real_site / "index.html").read_text()
    assert home.count('href="explore/"') >= 2  # the main navigation and the hero
    pathway = (real_site / "pathways/therapeutic-services/index.html").read_text()
    assert 'href="../../explore/">Find your path</a>' in pathway


def test_the_data_files_follow_an_edit_to_a_ladder_in_the_dev_server(make_project):
    from engine.pipeline import Builder, Project
    from conftest import PATHWAY

    root = make_project()
    builder = Builder(Project.at(root), base_url="/", dev=True)
    before = builder.build().files
    assert builder.build().files[DATA_FILES["links"]] is before[DATA_FILES["links"]]  # nothing changed: reused
    path = root / "content/pathways/therapeutic-services.md"
    path.write_text(PATHWAY.replace("[29-1141.00]", "[29-1171.00]"), encoding="utf-8")
    after = builder.build().files
    fresh = Builder(Project.at(root), base_url="/").build().files
    for name in DATA_FILES.values():
        assert after[name] == fresh[name]
    assert after[DATA_FILES["links"]] != before[DATA_FILES["links"]]
