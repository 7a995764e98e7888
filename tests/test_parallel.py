"""Large sites are built across processes; the result must not depend on how many."""

from __future__ import annotations

import sys
from pathlib import Path

from conftest import ROOT
from engine.pipeline import Builder, Project
from test_build import snapshot

sys.path.insert(0, str(ROOT / "bench"))
import synthetic  # noqa: E402


def test_parallel_and_serial_builds_are_identical(tmp_path: Path):
    project = Project.at(synthetic.write_project(tmp_path / "project", pathways=60))
    # parallel_min=1 sends even this small site through the worker processes
    serial = Builder(project, workers=1).write(tmp_path / "serial")
    parallel = Builder(project, workers=2, parallel_min=1).write(tmp_path / "parallel")
    in_memory = Builder(project, workers=2, parallel_min=1).build()
    assert serial.problems == parallel.problems == in_memory.problems == ()
    assert serial.pages == parallel.pages == in_memory.pages > 100
    assert snapshot(tmp_path / "serial") == snapshot(tmp_path / "parallel")
    written = {p.relative_to(tmp_path / "parallel").as_posix(): p.read_bytes()
               for p in (tmp_path / "parallel").rglob("*") if p.is_file()}
    assert in_memory.files == written
