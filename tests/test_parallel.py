"""Large sites are built across processes; the result must not depend on how many."""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest

from conftest import ROOT
from engine import pipeline
from engine.pipeline import Builder, Project
from engine.problems import ContentError, errors_in
from engine.validate import check_references
from test_build import snapshot

sys.path.insert(0, str(ROOT / "bench"))
import synthetic  # noqa: E402


def test_parallel_and_serial_builds_are_identical(tmp_path: Path):
    project = Project.at(synthetic.write_project(tmp_path / "project", pathways=60))
    # parallel_min=1 sends even this small site through the worker processes
    serial = Builder(project, workers=1).write(tmp_path / "serial")
    parallel = Builder(project, workers=2, parallel_min=1).write(tmp_path / "parallel")
    in_memory = Builder(project, workers=2, parallel_min=1).build()
    # the same warnings, if any (the synthetic text is real sentences drawn at random, which may read above
    # grade 9), and no error
    assert serial.problems == parallel.problems == in_memory.problems
    assert not errors_in(serial.problems)
    assert serial.pages == parallel.pages == in_memory.pages > 100
    assert snapshot(tmp_path / "serial") == snapshot(tmp_path / "parallel")
    written = {p.relative_to(tmp_path / "parallel").as_posix(): p.read_bytes()
               for p in (tmp_path / "parallel").rglob("*") if p.is_file()}
    assert in_memory.files == written


def test_a_parallel_build_has_its_workers_make_the_data_files(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    """The explorers', jobs' and states' pay data files are made by the worker processes of a one-off build, so
    the main process is free to make the search index; the files are the same (the test above)."""
    project = Project.at(synthetic.write_project(tmp_path / "project", pathways=30))
    made: list[str] = []  # the data files made in this process (a worker's are counted in the worker)
    side_files = pipeline.side_files
    monkeypatch.setattr(pipeline, "side_files", lambda kind, *args: made.append(kind) or side_files(kind, *args))
    Builder(project, workers=1).write(tmp_path / "serial")
    assert made == list(pipeline.SIDE_FILES)
    made.clear()
    Builder(project, workers=2, parallel_min=1).write(tmp_path / "parallel")
    assert made == []
    assert snapshot(tmp_path / "serial") == snapshot(tmp_path / "parallel")


def test_checks_run_while_reading_find_the_same_problems(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    """Worker processes check each file against the others and the data as they read it; what they find must
    be what the builder finds when it checks the files itself, at the same lines, in the same order."""
    root = synthetic.write_project(tmp_path / "project", pathways=40)
    first, second = sorted((root / "content/pathways").glob("*.md"))[:2]
    text = first.read_text(encoding="utf-8").replace("cluster: cluster-", "cluster: clusterr-", 1)
    first.write_text(text + "\nSee [the missing page](missing-pathway.md).\n", encoding="utf-8")
    codes = re.findall(r"\d\d-\d{4}\.\d\d", second.read_text(encoding="utf-8"))
    second.write_text(second.read_text(encoding="utf-8").replace(codes[0], "99-9999.00", 1), encoding="utf-8")
    project = Project.at(root)
    found, checked_here = [], []
    for builder in (Builder(project, workers=1), Builder(project, workers=2, parallel_min=1)):
        calls = []  # the checks run in this process (a worker's calls are counted in the worker)
        monkeypatch.setattr(pipeline, "check_references", lambda *args: calls.append(1) or check_references(*args))
        with pytest.raises(ContentError) as raised:
            builder.prepare()
        found.append([str(problem) for problem in raised.value.problems])
        checked_here.append(len(calls))
    assert found[0] == found[1]
    assert checked_here[0] > 40 and checked_here[1] == 0  # the workers did every check: none was redone
    shown = [line for line in found[0] if line.startswith(("content/pathways/" + first.name,
                                                           "content/pathways/" + second.name))]
    assert any("unknown cluster 'clusterr-" in line for line in shown), shown
    assert any("missing-pathway.md" in line for line in shown), shown
    assert any("99-9999.00" in line for line in shown), shown
