"""The 2024 Career Clusters framework beside the 16 clusters: a page for each cluster and sub-cluster, and the
crosswalk both ways."""

from __future__ import annotations

import csv
import re
from collections import defaultdict
from pathlib import Path

import pytest
import yaml

from conftest import ROOT, run_build
from engine.load import slugify

FRAMEWORK = yaml.safe_load((ROOT / "data/modern-career-clusters.yml").read_text())


def _h1(path: Path) -> str:
    return re.search(r"<h1>(.*?)</h1>", path.read_text()).group(1).replace("&amp;", "&")


def test_every_cluster_and_sub_cluster_has_its_page_and_nothing_else_does(real_site: Path):
    clusters = {p.parent.name: _h1(p) for p in (real_site / "clusters-2024").glob("*/index.html")}
    subs = {p.parent.name: _h1(p) for p in (real_site / "sub-clusters-2024").glob("*/index.html")}
    assert clusters == {slugify(name): name for name in FRAMEWORK}
    assert subs == {slugify(sub): sub for subs in FRAMEWORK.values() for sub in subs}
    assert len(clusters) == 14 and len(subs) == 71


def test_each_page_lists_the_occupations_the_crosswalk_gives_it(real_result):
    site = real_result.site
    with (ROOT / "data/soc-modern-clusters.csv").open(newline="") as handle:
        rows = list(csv.DictReader(handle))
    ours = {o.occupation.soc_code for o in site.occupations}
    expected = defaultdict(set)
    for row in rows:
        if row["soc_code"] in ours:
            expected[(row["cluster"], row["sub_cluster"])].add(row["soc_code"])
    for cluster in site.modern:
        for sub in cluster.sub_clusters:
            assert {e.occupation.soc_code for e in sub.occupations} == expected[(cluster.title, sub.title)], sub.title


def test_the_crosswalk_agrees_with_the_data_both_ways(real_result, real_site: Path):
    site = real_result.site
    walk = site.crosswalk
    for modern in site.modern:
        for legacy in walk.legacy:
            socs = {e.occupation.soc_code for e in modern.occupations if legacy in e.clusters}
            assert walk.count(legacy, modern.ref) == len(socs), (legacy.title, modern.title)
    page = (real_site / "crosswalk/index.html").read_text()
    for ref in walk.legacy + walk.modern:
        assert f">{ref.title.replace('&', '&amp;')}</a>" in page, ref.title


def test_every_16_cluster_page_says_where_its_jobs_sit_in_2024(real_result, real_site: Path):
    for pathway in real_result.site.pathways:
        page = (real_site / pathway.url / "index.html").read_text()
        assert "In the 2024 Career Clusters" in page, pathway.slug
        places = real_result.site.modern_places[pathway.url]
        assert places and all(f'href="../../{p.ref.url}"' in page for p in places), pathway.slug
    for cluster in real_result.site.clusters:
        assert "In the 2024 Career Clusters" in (real_site / cluster.url / "index.html").read_text()


def test_every_2024_page_has_an_overview_in_plain_words(real_result):
    for cluster in real_result.site.modern:
        assert cluster.body is not None and cluster.body.words >= 120, cluster.title
        assert cluster.summary, cluster.title
        for sub in cluster.sub_clusters:
            assert sub.body is not None and sub.body.words >= 60, sub.title
            assert sub.summary, sub.title


SUB = "content/sub-clusters-2024/robotics.md"


@pytest.mark.parametrize("text, expected", [
    ("---\ntitle: Robotic\ncluster: advanced-manufacturing\nsummary: Robots.\n---\nRobots.\n",
     f"{SUB}:2: 'Robotic' is not a sub-cluster of the 2024 framework in data/modern-career-clusters.yml "
     "(did you mean 'Robotics'?): use its official name"),
    ("---\ntitle: Robotics\ncluster: construction\nsummary: Robots.\n---\nRobots.\n",
     f"{SUB}:3: 'Robotics' belongs to the cluster 'Advanced Manufacturing': write 'cluster: advanced-manufacturing'"),
])
def test_a_wrong_name_or_cluster_in_a_2024_file_is_reported(make_project, text, expected):
    root = make_project({SUB: text})
    result = run_build("check", cwd=root)
    assert result.returncode == 1 and expected in result.stderr.splitlines(), result.stderr


def test_a_2024_file_must_be_named_after_its_sub_cluster(make_project):
    root = make_project({"content/sub-clusters-2024/robots.md":
                         "---\ntitle: Robotics\ncluster: advanced-manufacturing\nsummary: Robots.\n---\nRobots.\n"})
    result = run_build("check", cwd=root)
    assert "content/sub-clusters-2024/robots.md:1: the file for 'Robotics' must be named 'robotics.md'" \
        in result.stderr.splitlines(), result.stderr


@pytest.mark.browser
def test_the_sidebar_remembers_the_framework_a_visitor_chose(real_site: Path, browser):
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    try:
        page = context.new_page()
        page.goto((real_site / "clusters/health-science/index.html").as_uri())
        assert page.locator('.sidebar .nav-clusters[data-framework="16"]').is_visible()
        page.click('button[data-framework="2024"]')
        assert page.locator('.sidebar .nav-modern').is_visible()
        assert page.get_attribute('button[data-framework="2024"]', "aria-pressed") == "true"
        page.goto((real_site / "pathways/therapeutic-services/index.html").as_uri())
        assert page.locator('.sidebar .nav-modern a[href$="healthcare-human-services/"]').is_visible()
        assert not page.locator('.sidebar .nav-clusters[data-framework="16"]').is_visible()
    finally:
        context.close()


def test_search_finds_2024_clusters_and_sub_clusters_by_name(real_result):
    from engine.search import documents
    docs = {(d.kind, d.title) for d in documents(real_result.site)}
    for name, subs in FRAMEWORK.items():
        assert ("modern-cluster", name) in docs
        assert all(("sub-cluster", sub) in docs for sub in subs)


def test_a_2024_cluster_page_lists_its_programs_and_pathways(real_site: Path):
    page = (real_site / "clusters-2024/healthcare-human-services/index.html").read_text()
    assert "Programs of study" in page and "CIP 51." in page  # health professions programs
    assert 'href="../../pathways/therapeutic-services/"' in page
