"""The shipped catalogue: every official cluster and pathway, complete ladders, real figures, no warnings."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from conftest import ROOT, run_build
from engine.load import slugify
from engine.schema import STAGES

OFFICIAL = yaml.safe_load((ROOT / "data/career-clusters.yml").read_text())


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


def test_every_pathway_has_an_ordered_ladder_of_real_occupations(real_result):
    for pathway in real_result.site.pathways:
        assert 3 <= len(pathway.steps) <= 4, pathway.slug
        ranks = [STAGES.index(step.stage) for step in pathway.steps]
        assert ranks == sorted(ranks), pathway.slug
        assert pathway.steps[0].stage == "entry", pathway.slug
        for step in pathway.steps:
            assert 1 <= len(step.occupations) <= 6, (pathway.slug, step.title)
            assert step.median_wage is not None, f"{pathway.slug}: '{step.title}' shows no pay"
            assert step.education and step.experience


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
