"""Honest figures: every number is the occupation's own, or labelled as its group's, or not shown at all."""

from __future__ import annotations

import re

import pytest

from conftest import PATHWAY, ROOT
from engine.data import (FIGURES_CATCH_ALL, FIGURES_GROUP, FIGURES_NONE, FIGURES_OWN, FIGURES_SPECIALTY, Pay,
                         load_occupations, typical_pay)
from engine.pipeline import Builder, Project
from test_jobs_tools import data_file

OCCUPATIONS = load_occupations(ROOT / "data/occupations.csv", "data/occupations.csv",
                               ROOT / "data/broad-group-wages.csv", "data/broad-group-wages.csv")


@pytest.mark.parametrize("code, figures, group", [
    ("29-1141.00", FIGURES_OWN, ""),                                            # registered nurses
    ("31-1121.00", FIGURES_GROUP, "Home Health and Personal Care Aides"),       # published only as a broad group
    ("11-1011.03", FIGURES_SPECIALTY, "Chief Executives"),                      # a specialty shares its whole job's
    ("11-9199.02", FIGURES_NONE, ""),                                           # inside "Managers, All Other"
    ("11-9199.00", FIGURES_CATCH_ALL, ""),                                      # the catch-all group itself
    ("25-9049.00", FIGURES_GROUP, "Teaching Assistants"),                       # a catch-all published in a group
    ("11-1031.00", FIGURES_NONE, ""),                                           # legislators: nothing published
])
def test_each_occupation_knows_whose_figures_it_has(code, figures, group):
    job = OCCUPATIONS[code]
    assert (job.figures, job.figures_group) == (figures, group)
    assert job.has_own_figures == (figures == FIGURES_OWN)


def test_group_figures_come_from_the_broad_group_file():
    aides = OCCUPATIONS["31-1121.00"]
    assert aides.employment is not None and aides.wage_median is not None
    assert (aides.employment, aides.wage_median) == (OCCUPATIONS["31-1122.00"].employment,
                                                     OCCUPATIONS["31-1122.00"].wage_median)


def test_a_job_inside_an_all_other_group_shows_no_figure_at_all():
    compliance = OCCUPATIONS["11-9199.02"]
    assert (compliance.employment, compliance.wage_median, compliance.wage_p10, compliance.hourly_median,
            compliance.growth_pct, compliance.openings) == (None,) * 6


def test_hourly_only_pay_is_kept():
    actors = OCCUPATIONS["27-2011.00"]
    assert actors.is_hourly_only and actors.hourly_median == 29.05 and actors.wage_median is None


def test_a_steps_pay_prefers_own_figures_and_says_when_it_rests_on_a_group():
    nurse, aides, actors = OCCUPATIONS["29-1141.00"], OCCUPATIONS["31-1121.00"], OCCUPATIONS["27-2011.00"]
    assert typical_pay([nurse, aides]) == Pay(median=nurse.wage_median, starting=nurse.wage_p10, codes=("29-1141",))
    assert typical_pay([aides]) == Pay(median=aides.wage_median, starting=aides.wage_p10, grouped=True,
                                       codes=("31-1120",))
    assert typical_pay([actors]) == Pay(hourly=29.05, codes=("27-2011",))
    assert typical_pay([OCCUPATIONS["11-9199.02"]]) == Pay()


def _pages(make_project, pathway_text: str, *urls: str) -> list[str]:
    root = make_project({"content/pathways/therapeutic-services.md": pathway_text})
    files = Builder(Project.at(root), base_url="/").build().files
    return [re.sub(r"<span class=\"fig\"[^>]*>([^<]*)</span>", r"\1", files[url].decode()) for url in urls]


def test_pages_label_group_figures_and_beginners_pay(make_project):
    text = PATHWAY.replace("[31-1131.00]", "[31-1121.00]").replace(
        "        experience: None\n      - stage: mid",
        "        experience: None\n        pay_note: Pay is for home health aides and personal care aides together.\n"
        "      - stage: mid")
    aides = OCCUPATIONS["31-1121.00"]
    pathway, job = _pages(make_project, text, "pathways/therapeutic-services/index.html",
                          "occupations/31-1121.00/index.html")
    assert "Median pay (wider group)" in pathway
    assert "Pay is for home health aides and personal care aides together." in pathway
    assert "for Home Health and Personal Care Aides combined" in pathway
    assert f"Beginners often earn nearer ${aides.wage_p10:,} (the 10th percentile)" in pathway
    assert "The figures below are for Home Health and Personal Care Aides combined: BLS does not publish them for " \
           "Home Health Aides alone." in job


def test_a_note_on_whose_growth_and_openings_they_are_comes_only_with_the_figures(real_site):
    """A broad group's file gives pay, not projections: a job with its group's pay and no growth or openings says
    that they are not published for it, not whose they are; a specialty, which has its whole job's, says whose."""
    def outlook(code: str) -> str:
        page = (real_site / f"occupations/{code}/index.html").read_text(encoding="utf-8")
        return page[page.index('id="outlook"'):page.index('id="prepare"')]

    grouped = [code for code, job in OCCUPATIONS.items() if job.figures == FIGURES_GROUP]
    assert len(grouped) > 20
    for code in grouped:
        job, section = OCCUPATIONS[code], outlook(code)
        if job.growth_pct is None and job.openings is None:
            assert "Growth and openings are not published for this job on its own." in section, code
            assert "Growth and openings are for" not in section, code
        else:
            assert f"Growth and openings are for {job.figures_group} combined." in section, code
    nurses = outlook("29-1141.01")
    assert "Growth and openings are for all Registered Nurses, of which this is a specialty." in nurses
    assert "not published for this job on its own" not in nurses


def test_a_label_saying_whose_the_figures_are_always_has_figures_under_it(real_site):
    """ "The figures below are for …" names whose figures follow: a page that has none says so instead."""
    labelled = 0
    for code in OCCUPATIONS:
        page = (real_site / f"occupations/{code}/index.html").read_text(encoding="utf-8")
        pay = page[page.index('id="pay"'):page.index('id="outlook"')]
        if "The figures below are for" in pay:
            labelled += 1
            below = re.sub(r"<[^>]+>", " ", pay[pay.index("The figures below are for"):])
            assert re.search(r"\$\d", below), code
    assert labelled > 100


def test_pages_show_hourly_pay_where_only_hourly_pay_is_published(make_project):
    text = PATHWAY.replace("[29-1141.00]", "[29-1141.00, 27-2011.00]")
    pathway, job = _pages(make_project, text, "pathways/therapeutic-services/index.html",
                          "occupations/27-2011.00/index.html")
    assert "<strong>$29.05</strong> an hour, median" in pathway
    assert "BLS publishes only hourly pay for this job" in job and "$29.05" in job


def test_a_job_inside_a_catch_all_group_says_why_it_shows_no_pay(make_project):
    text = PATHWAY.replace("[29-1141.00]", "[29-1141.00, 11-9199.02]")
    pathway, job = _pages(make_project, text, "pathways/therapeutic-services/index.html",
                          "occupations/11-9199.02/index.html")
    assert "Pay not published for this job on its own" in pathway
    assert "622,190" not in job and "$141,900" not in job
    assert "catch-all group of different jobs" in job


def test_openings_that_round_to_zero_say_fewer_than_50_not_0(real_site):
    """BLS projects openings to the nearest hundred, so a 0 in the data means fewer than 50 a year, not none."""
    rounded = [code for code, job in OCCUPATIONS.items() if job.openings == 0]
    assert rounded, "the data has jobs whose openings round to zero"
    rows = {row[0]: row for row in data_file(real_site / "assets/jobs/index.js")[1]["rows"]}
    for code in rounded:
        page = (real_site / f"occupations/{code}/index.html").read_text(encoding="utf-8")
        assert "<dt>Openings a year, 2024–34</dt><dd>fewer than 50</dd>" in page, code
        assert " · fewer than 50 openings a year" in rows[code][9] and " 0 openings" not in rows[code][9], code
    nurses = (real_site / "occupations/29-1141.00/index.html").read_text(encoding="utf-8")
    assert f"<dd>{OCCUPATIONS['29-1141.00'].openings:,}</dd>" in nurses


def test_education_experience_and_training_say_whose_they_are_when_not_the_jobs_own(real_site):
    """BLS gives the education, work experience and training to start by SOC code, as it gives pay: a specialty
    has its whole occupation's, and a job inside an "All Other" group has the group's, which may not fit it.
    Its page says so under them; a job with its own says nothing; the explorer's line for a job inside a
    catch-all group says that they are a mix of jobs'."""
    from engine.data import FIGURES_NONE

    def prepare(code: str) -> str:
        page = (real_site / f"occupations/{code}/index.html").read_text(encoding="utf-8")
        return page[page.index('id="prepare"'):page.index('id="programs"')]

    assert (OCCUPATIONS["11-1011.03"].preparation_of, OCCUPATIONS["11-9199.02"].preparation_of,
            OCCUPATIONS["29-1141.00"].preparation_of) == ("Chief Executives", "Managers, All Other", "")
    assert ("The education, work experience and training above are for all Chief Executives, of which this is a "
            f"specialty: BLS does not give them for {OCCUPATIONS['11-1011.03'].title} alone.") in prepare("11-1011.03")
    assert ("The education, work experience and training above are for Managers, All Other, a catch-all group "
            "of different jobs that BLS counts together, so they may not fit this job.") in prepare("11-9199.02")
    assert "above are for" not in prepare("29-1141.00") and "above are for" not in prepare("11-9199.00")
    rows = {row[0]: row[9] for row in data_file(real_site / "assets/jobs/index.js")[1]["rows"]}
    inside = [code for code, job in OCCUPATIONS.items() if "All Other" in job.preparation_of and job.education]
    assert len(inside) > 20
    for code in inside:
        assert OCCUPATIONS[code].figures == FIGURES_NONE
        assert rows[code].endswith(" (for a mix of jobs)"), code
        assert "above are for" in prepare(code), code
    assert not rows["29-1141.00"].endswith(")") and not rows["11-1011.03"].endswith(")")


def test_chart_positions_are_written_to_two_decimals_at_most(real_site):
    """Each bar of a ladder's pay chart is placed in percent worked out from the data; a float's rounding error
    ('73.28999999999999%') is bytes on every page and shows nothing more, so every position is rounded."""
    long_number = re.compile(r'="-?\d+\.\d{3,}%?"')
    pages = sorted((real_site / "pathways").glob("*/index.html")) + sorted((real_site / "clusters").glob("*/index.html"))
    assert len(pages) > 90
    checked = 0
    for page in pages:
        html = page.read_text(encoding="utf-8")
        checked += html.count('class="glance-bar"')
        assert not long_number.search(html), (page, long_number.search(html).group(0))
    assert checked > 300
