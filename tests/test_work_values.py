"""O*NET's work values: read from data/occupation-work-values.csv into each occupation's profile, shown on its
page (all six, highest first) and listed on the pages of "Explore by work values" with each job's figures
(labelled where they are a wider group's), with every bad row of the file reported at its line."""

from __future__ import annotations

import csv
import html
import re

from conftest import ROOT, run_build
from engine.profiles import HIGH_VALUE, WORK_VALUES
from engine.render import job_facts

RATED = 874  # occupations in the file; the other 1,016 - 874 have no work values


def rows_by_code() -> dict[str, dict[str, float]]:
    with (ROOT / "data/occupation-work-values.csv").open(encoding="utf-8") as handle:
        return {row["onet_soc_code"]: {name: float(text) for name, text in row.items() if name != "onet_soc_code"}
                for row in csv.DictReader(handle)}


def test_every_work_value_in_the_data_reaches_its_occupation(real_result):
    rows = rows_by_code()
    assert len(rows) == RATED
    assert {v.column for v in WORK_VALUES} == set(next(iter(rows.values())))
    by_code = {e.occupation.code: e for e in real_result.site.occupations}
    for code, scores in rows.items():
        assert by_code[code].profile.work_values == tuple(scores[v.column] for v in WORK_VALUES), code
    assert sum(1 for e in real_result.site.occupations if e.profile.work_values is None) == 1016 - RATED


def test_each_work_value_page_lists_exactly_the_jobs_rated_high_for_it_highest_first(real_result, real_site):
    rows = rows_by_code()
    jobs = {e.occupation.code: e.occupation for e in real_result.site.occupations}
    titles = {code: job.title for code, job in jobs.items()}
    listed_somewhere = 0
    for value in WORK_VALUES:
        expected = sorted(((code, scores[value.column]) for code, scores in rows.items()
                           if scores[value.column] >= HIGH_VALUE), key=lambda p: (-p[1], titles[p[0]]))
        page = (real_site / f"explore/values/{value.slug}/index.html").read_text()
        shown = re.findall(r'<li><a href="\.\./\.\./\.\./occupations/([^/]+)/">[^<]*</a> <span class="muted">([\d.]+) of 7</span>'
                           r' <span>([^<]*)</span>', html.unescape(page))
        assert shown == [(code, f"{score:.1f}", job_facts(jobs[code])) for code, score in expected], value.slug
        assert f"O*NET rates {len(expected):,} jobs {HIGH_VALUE:g} or more out of 7" in html.unescape(page)
        listed_somewhere += len(expected)
    assert listed_somewhere > 300
    index = html.unescape((real_site / "explore/values/index.html").read_text())
    for value in WORK_VALUES:
        count = sum(1 for scores in rows.values() if scores[value.column] >= HIGH_VALUE)
        assert f'href="../../explore/values/{value.slug}/">{value.name}</a>' in index
        assert f"{count:,} jobs rated {HIGH_VALUE:g} or more" in index


def test_an_occupation_page_shows_its_six_work_values_highest_first_or_says_there_are_none(real_result, real_site):
    rows = rows_by_code()
    registered_nurses = rows["29-1141.00"]
    page = html.unescape((real_site / "occupations/29-1141.00/index.html").read_text())
    section = page[page.index('<h2 id="values">'):page.index("</section>", page.index('<h2 id="values">'))]
    names = re.findall(r'<span class="rating-name"><a href="\.\./\.\./explore/values/[a-z-]+/">([^<]+)</a>', section)
    meters = re.findall(r'aria-label="([^"]+): ([\d.]+) of 7"', section)
    order = sorted(WORK_VALUES, key=lambda v: -registered_nurses[v.column])  # stable: ties keep the site's order
    assert names == [v.name for v in order]
    assert meters == [(v.name, f"{registered_nurses[v.column]:.1f}") for v in order]
    assert '<a href="#values">What the job offers</a>' in page  # 'On this page'
    unrated = next(e for e in real_result.site.occupations if e.profile.work_values is None)
    page = html.unescape((real_site / unrated.url / "index.html").read_text())
    assert "O*NET has not yet rated what this job offers in work values." in page
    assert 'class="level-bar" min="1"' not in page


def test_every_bad_row_of_the_work_values_is_reported(make_project):
    header = ("onet_soc_code,Achievement (EX),Working Conditions (EX),Recognition (EX),Relationships (EX),"
              "Support (EX),Independence (EX)\n")
    root = make_project({"data/occupation-work-values.csv": header + "29-1141.00,1,2,3,4,5,6\n"
                                                                     "29-1141.00,1,2,3,4,5,6\n"
                                                                     "31-1131.00,1,2,3,4,5,seven\n"
                                                                     "29-2061.00,1,2,3,8,5,6\n"
                                                                     "29-1171.00,1,2\n"})
    result = run_build("check", cwd=root)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert result.stderr.splitlines()[:-1] == [
        "data/occupation-work-values.csv:3: occupation 29-1141.00 is listed twice",
        "data/occupation-work-values.csv:4: 'Independence (EX)' is 'seven': a score must be a number from 1 to 7",
        "data/occupation-work-values.csv:5: 'Relationships (EX)' is '8': a score must be a number from 1 to 7",
        "data/occupation-work-values.csv:6: expected 7 columns, found 3",
    ]


def test_a_file_without_a_work_values_column_is_reported(make_project):
    root = make_project({"data/occupation-work-values.csv": "onet_soc_code,Achievement (EX)\n29-1141.00,5\n"})
    result = run_build("check", cwd=root)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert result.stderr.splitlines()[0] == (
        "data/occupation-work-values.csv:1: occupation-work-values.csv lacks columns: Independence (EX), "
        "Recognition (EX), Relationships (EX), Support (EX), Working Conditions (EX)")
