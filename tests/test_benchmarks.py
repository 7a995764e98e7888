"""The benchmark scripts keep working: each runs a small case end to end and prints its figures."""

from __future__ import annotations

import subprocess
import sys

import pytest

from conftest import ROOT

pytestmark = pytest.mark.browser


def test_the_search_benchmark_runs():
    result = subprocess.run([sys.executable, str(ROOT / "bench/search_benchmark.py"), "--smoke"], cwd=ROOT,
                            capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    lines = result.stdout
    for figure in ("index build:", "index on disk:", "first result, query pasted:", "per keystroke, warm:"):
        assert figure in lines, lines
    assert "queries with no results" not in lines, lines


def test_the_build_benchmark_runs():
    """`--smoke` builds a 40-pathway site, the real site, and times one-file rebuilds, with every figure line."""
    result = subprocess.run([sys.executable, str(ROOT / "bench/benchmark.py"), "--smoke"], cwd=ROOT,
                            capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stderr
    lines = result.stdout
    for figure in ("40 pathways, clean build:", "one-file rebuild (serve):", "real site, clean build:",
                   "save to reload in the browser:   skipped (--smoke)"):
        assert figure in lines, lines


@pytest.mark.parametrize("script", ["explore_benchmark.py", "jobs_explorer_benchmark.py"])
def test_the_explorer_benchmarks_run(script: str):
    result = subprocess.run([sys.executable, str(ROOT / "bench" / script), "--rounds", "1"], cwd=ROOT,
                            capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stderr
    assert " ms" in result.stdout and "KB" in result.stdout, result.stdout
