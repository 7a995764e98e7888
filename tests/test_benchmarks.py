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
