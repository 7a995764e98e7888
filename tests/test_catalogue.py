"""The shipped catalogue: every official cluster and pathway, complete ladders, real figures, no warnings."""

from __future__ import annotations

import csv
from pathlib import Path
from statistics import median

import pytest
import yaml

from conftest import ROOT, run_build
from engine import readability
from engine.load import slugify
from engine.schema import PATHWAY, STAGES

OFFICIAL = yaml.safe_load((ROOT / "data/career-clusters.yml").read_text())
MOST_LADDERS = next(f.max_items for f in PATHWAY.fields if f.name == "ladders")  # what check allows


def test_every_official_cluster_and_pathway_exists_and_nothing_else(real_result):
    site = real_result.site
    assert {c.title: [p.title for p in c.pathways] for c in site.clusters} == \
        {cluster: sorted(pathways, key=str.casefold) for cluster, pathways in OFFICIAL.items()}
    assert len(site.clusters) == 16 and len(site.pathways) == 79
    for cluster in site.clusters:
        assert cluster.slug == slugify(cluster.title)
        for pathway in cluster.pathways:
            assert pathway.slug == slugify(pathway.title)


def test_clusters_follow_the_official_order(real_result):
    assert [c.title for c in real_result.site.clusters] == list(OFFICIAL)


def test_the_catalogue_checks_clean_with_no_warnings():
    result = run_build("check", "--strict")
    assert result.returncode == 0, result.stderr
    assert result.stderr == "check passed: no problems\n"


def test_every_pathway_has_ordered_ladders_of_real_occupations(real_result):
    unpaid = []
    for pathway in real_result.site.pathways:
        assert 1 <= len(pathway.ladders) <= MOST_LADDERS, pathway.slug
        for ladder in pathway.ladders:
            assert 3 <= len(ladder.steps) <= 8, (pathway.slug, ladder.title)
            ranks = [STAGES.index(step.stage) for step in ladder.steps]
            assert ranks == sorted(ranks), (pathway.slug, ladder.title)
            for step in ladder.steps:
                assert 1 <= len(step.occupations) <= 6, (pathway.slug, step.title)
                assert step.education and step.experience
                if not step.pay.is_published:  # honest, but rare: BLS publishes nothing for these jobs on their own
                    unpaid.append((pathway.slug, step.title))
                    assert not step.pay_note, f"{pathway.slug}: '{step.title}' explains a pay figure it does not show"
            for lower, upper in zip(ladder.steps, ladder.steps[1:]):  # check allows 5%; the catalogue allows none
                assert not (lower.pay.median and upper.pay.median and upper.pay.median < lower.pay.median), \
                    f"{pathway.slug}: '{upper.title}' pays less than '{lower.title}'"
    steps = sum(len(p.steps) for p in real_result.site.pathways)
    assert len(unpaid) <= 0.05 * steps, unpaid


def employment_on_ladders(site) -> tuple[float, list[tuple[int, str]]]:
    """The share of U.S. employment in occupations on a ladder, and the occupations (or BLS groups) with
    50,000 or more workers on none, from the data files as published (OEWS May 2025)."""
    with (ROOT / "data/occupations.csv").open(newline="") as handle:
        rows = list(csv.DictReader(handle))
    with (ROOT / "data/broad-group-wages.csv").open(newline="") as handle:
        groups = {r["soc_code"]: r for r in csv.DictReader(handle)}
    unit_of: dict[str, str] = {}
    workers: dict[str, int] = {}
    for row in rows:
        soc = row["soc_code"]
        if row["employment"]:
            unit_of[soc], workers[soc] = soc, int(row["employment"])
        elif soc in groups:
            unit_of[soc] = groups[soc]["group_soc_code"]
            workers[unit_of[soc]] = int(groups[soc]["employment"])
    covered = {unit_of[o.soc_code] for p in site.pathways for o in p.occupations if o.soc_code in unit_of}
    share = sum(workers[u] for u in covered) / sum(workers.values())
    return share, sorted(((n, u) for u, n in workers.items() if n >= 50_000 and u not in covered), reverse=True)


def test_ladders_hold_every_big_job_and_nearly_all_us_employment(real_result):
    share, missing = employment_on_ladders(real_result.site)
    assert not missing, f"occupations with 50,000+ workers on no ladder: {missing}"
    assert share >= 0.98, f"{share:.1%} of U.S. employment is on a ladder"


def _texts_of(path: Path) -> tuple[dict, str]:
    _, front, body = path.read_text(encoding="utf-8").split("---\n", 2)
    return yaml.safe_load(front), body


def test_pathways_and_clusters_are_written_in_plain_words():
    """Median Flesch-Kincaid grade of pathway bodies at most 9; no sentence over 30 words anywhere."""
    grades = []
    for path in sorted((ROOT / "content").glob("*/*.md")):
        front, body = _texts_of(path)
        body_reading = readability.reading(body)
        if path.parent.name == "pathways":
            grades.append(body_reading.grade)
        if path.parent.name in ("pathways", "clusters"):
            assert body_reading.grade <= 10, (path.name, round(body_reading.grade, 1))
        texts = [front.get("summary") or ""]
        for ladder in front.get("ladders") or ():
            texts.append(ladder.get("summary") or "")
            texts.extend(f"{s['title']}. {s['education']}. {s['experience']}." for s in ladder["steps"])
        long = [s.text for s in body_reading.longer_than(30) + readability.reading_of_texts(texts).longer_than(30)]
        assert not long, (path.name, long)
    assert median(grades) <= 9, round(median(grades), 2)


def test_descriptions_are_long_enough_to_help(real_result):
    site = real_result.site
    for cluster in site.clusters:
        assert cluster.body.words >= 120, (cluster.slug, cluster.body.words)
        assert 8 <= len(cluster.summary.split()) <= 40, cluster.slug
    for pathway in site.pathways:
        assert pathway.body.words >= 200, (pathway.slug, pathway.body.words)
        assert 8 <= len(pathway.summary.split()) <= 40, pathway.slug
        assert pathway.interests, pathway.slug


def test_pathways_do_not_share_their_opening(real_result):
    """Descriptions are written one by one, not from a template with the names swapped."""
    openings = [" ".join(p.body.text.split()[:8]) for p in real_result.site.pathways]
    assert len(set(openings)) == len(openings)
    summaries = [" ".join(p.summary.split()[:5]) for p in real_result.site.pathways]
    assert len(set(summaries)) >= 75


def test_occupation_pages_show_figures_or_say_they_are_not_available(real_site: Path, real_result):
    entries = {e.occupation.code: e for e in real_result.site.occupations}
    assert len(entries) > 300
    for code in ("29-1141.00", "25-9042.00"):  # one with figures, one without
        page = (real_site / f"occupations/{code}/index.html").read_text()
        job = entries[code].occupation
        if job.wage_median is None:
            assert "not available" in page and "$0" not in page
        else:
            assert f"${job.wage_median:,}" in page
        assert f"https://www.onetonline.org/link/summary/{code}" in page


@pytest.mark.parametrize("phrase", ["O*NET 29.3 Database", "CC BY 4.0", "Occupational Employment and Wage Statistics",
                                    "Employment Projections 2024", "Advance CTE"])
def test_attribution_is_on_every_page(real_site: Path, phrase: str):
    for path in real_site.rglob("*.html"):
        assert phrase in path.read_text(), (phrase, path)


def test_about_page_explains_and_links_out(real_site: Path):
    about = (real_site / "about/index.html").read_text()
    for link in ("https://cte.ed.gov/", "https://www.ilo.org/", "https://www.onetonline.org/"):
        assert f'href="{link}' in about, link
    assert "has not been approved by USDOL/ETA" in about


def test_occupation_pages_link_related_occupations_on_the_site(real_result, real_site: Path):
    entries = {e.occupation.code: e for e in real_result.site.occupations}
    nurses = entries["29-1141.00"]
    assert "29-1171.00" in [o.code for o in nurses.related]  # nurse practitioners
    for entry in entries.values():
        assert len(entry.related) <= 6
        assert all(other.code in entries for other in entry.related)
    page = (real_site / "occupations/29-1141.00/index.html").read_text()
    assert 'href="../../occupations/29-1171.00/">Nurse Practitioners</a>' in page
