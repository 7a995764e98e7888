"""Golden files: a small sample site, built and compared with committed output.

After an intended change to templates or rendering, regenerate and review the diff:

    UPDATE_GOLDEN=1 python -m pytest tests/test_golden.py
    git diff tests/golden/expected
"""

from __future__ import annotations

import os
import re
import shutil
from pathlib import Path

import pytest

from conftest import ROOT, run_build

GOLDEN = Path(__file__).parent / "golden"
EXPECTED = GOLDEN / "expected"
COMPARED = (".html", ".xml", ".txt")


@pytest.fixture(scope="module")
def golden_site(tmp_path_factory) -> Path:
    project = tmp_path_factory.mktemp("golden") / "project"
    for name in ("templates", "static", "data"):
        shutil.copytree(ROOT / name, project / name)
    shutil.copytree(GOLDEN / "content", project / "content")
    # Only the occupations the sample's ladders name, so the sample stays small: every occupation gets a page.
    named = set(re.findall(r"\d{2}-\d{4}\.\d{2}", "".join(p.read_text() for p in (GOLDEN / "content").rglob("*.md"))))
    rows = (ROOT / "data/occupations.csv").read_text(encoding="utf-8").splitlines(keepends=True)
    (project / "data/occupations.csv").write_text(rows[0] + "".join(r for r in rows[1:] if r[:10] in named),
                                                  encoding="utf-8")
    # And one cluster of the 2024 framework, with two of its sub-clusters.
    (project / "data/modern-career-clusters.yml").write_text(
        '"Healthcare & Human Services":\n  - "Physical Health"\n  - "Health Data & Administration"\n',
        encoding="utf-8")
    (project / "site.yml").write_text("title: Golden Site\nbase_url: https://example.org/golden/\n"
                                      "repo_url: https://github.com/example/golden\n")
    result = run_build("build", cwd=project)
    assert result.returncode == 0, result.stderr
    return project / "site"


def outputs(site: Path) -> dict[str, str]:
    files = {}
    for path in sorted(site.rglob("*")):
        name = path.relative_to(site).as_posix()
        if path.is_file() and name.endswith(COMPARED):
            files[name] = path.read_text()
    files["assets.txt"] = "\n".join(p.relative_to(site).as_posix() for p in sorted((site / "assets").rglob("*"))
                                    if p.is_file()) + "\n"
    return files


def test_rendered_pages_match_the_golden_files(golden_site):
    actual = outputs(golden_site)
    if os.environ.get("UPDATE_GOLDEN") == "1":
        shutil.rmtree(EXPECTED, ignore_errors=True)
        for name, text in actual.items():
            (EXPECTED / name).parent.mkdir(parents=True, exist_ok=True)
            (EXPECTED / name).write_text(text)
    expected = {p.relative_to(EXPECTED).as_posix(): p.read_text() for p in sorted(EXPECTED.rglob("*")) if p.is_file()}
    assert sorted(actual) == sorted(expected), "pages added or removed: regenerate with UPDATE_GOLDEN=1 and review"
    for name in expected:
        assert actual[name] == expected[name], f"{name} differs: regenerate with UPDATE_GOLDEN=1 and review the diff"
