"""Building: outputs, exit codes, determinism, and a failed build losing nothing."""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path
from unittest.mock import ANY

import pytest

from conftest import PATHWAY, ROOT, run_build

P = "content/pathways/therapeutic-services.md"


def snapshot(folder: Path) -> dict[str, str]:
    return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def test_build_writes_every_page_and_the_files_pages_need(make_project):
    root = make_project()
    result = run_build("build", cwd=root)
    assert result.returncode == 0, result.stderr
    assert re.fullmatch(r"built \d+ pages in (\d+ ms|\d+\.\d+ s) into site/\n", result.stderr)
    site = root / "site"
    for name in ("index.html", "404.html", "sitemap.xml", "robots.txt", ".nojekyll", "search/index.html",
                 "clusters/health-science/index.html", "pathways/therapeutic-services/index.html",
                 "occupations/29-1141.00/index.html", "interests/index.html", "interests/social/index.html"):
        assert (site / name).is_file(), name
    assert "Sitemap: /sitemap.xml" in (site / "robots.txt").read_text()


def test_default_command_builds_the_real_site_without_problems(tmp_path):
    out = tmp_path / "site"
    result = run_build("build", "--out", str(out))
    assert result.returncode == 0, result.stderr
    assert "warning" not in result.stderr
    assert len(list(out.glob("pathways/*/index.html"))) == len(list((ROOT / "content/pathways").glob("*.md")))


def test_two_builds_are_byte_identical(make_project, tmp_path):
    root = make_project()
    assert run_build("build", "--out", str(tmp_path / "a"), cwd=root).returncode == 0
    assert run_build("build", "--out", str(tmp_path / "b"), cwd=root).returncode == 0
    first, second = snapshot(tmp_path / "a"), snapshot(tmp_path / "b")
    assert first == second
    assert len(first) > 10


def test_the_real_site_builds_identically_twice(real_site, tmp_path):
    again = tmp_path / "again"
    assert run_build("build", "--out", str(again), "--base-url", "/").returncode == 0
    assert snapshot(real_site) == snapshot(again)


def inodes(folder: Path) -> dict[str, int]:
    return {p.relative_to(folder).as_posix(): p.stat().st_ino for p in folder.rglob("*") if p.is_file()}


@pytest.mark.parametrize("parallel", [False, True])
def test_a_rebuild_links_the_files_that_did_not_change(make_project, parallel):
    from engine.pipeline import Builder, Project

    root = make_project()
    builder = lambda: Builder(Project.at(root), workers=2, parallel_min=1 if parallel else 10_000)  # noqa: E731
    builder().write(root / "site")
    first, before = snapshot(root / "site"), inodes(root / "site")
    (root / "site" / "robots.txt").write_text("edited by hand")  # a changed file is written, not linked

    builder().write(root / "site")
    assert snapshot(root / "site") == first and inodes(root / "site") == {**before, "robots.txt": ANY}
    assert inodes(root / "site")["robots.txt"] != before["robots.txt"]

    (root / P).write_text(PATHWAY.replace("Care for patients directly.", "Care for patients, edited."))
    builder().write(root / "site")
    after = inodes(root / "site")
    page = "pathways/therapeutic-services/index.html"
    assert "Care for patients, edited." in (root / "site" / page).read_text()
    assert after[page] != before[page]
    assert after["occupations/29-1141.00/index.html"] == before["occupations/29-1141.00/index.html"]
    assert sum(after[name] != before.get(name) for name in after) < len(after) / 2


def test_failed_build_leaves_the_previous_site_untouched(make_project):
    root = make_project()
    assert run_build("build", cwd=root).returncode == 0
    before = snapshot(root / "site")
    (root / P).write_text(PATHWAY.replace("cluster: health-science", "cluster: nowhere"))
    result = run_build("build", cwd=root)
    assert result.returncode == 1
    assert result.stderr.splitlines()[-1] == "build failed: 1 error in 1 file; site/ was left as it was"
    assert snapshot(root / "site") == before
    leftovers = [p.name for p in root.iterdir() if p.name.startswith(".site")]
    assert leftovers == []


def test_build_refuses_to_replace_a_folder_it_did_not_build(make_project):
    root = make_project()
    precious = root / "documents"
    precious.mkdir()
    (precious / "thesis.txt").write_text("years of work")
    result = run_build("build", "--out", str(precious), cwd=root)
    assert result.returncode == 1
    assert "refusing to replace this folder" in result.stderr
    assert (precious / "thesis.txt").read_text() == "years of work"


def test_usage_errors_exit_with_2(make_project):
    assert run_build("build", "--no-such-option").returncode == 2
    assert run_build("frobnicate").returncode == 2


def test_check_writes_nothing(make_project):
    root = make_project()
    result = run_build("check", cwd=root)
    assert result.returncode == 0
    assert result.stderr == "check passed: no problems\n"
    assert not (root / "site").exists()


def test_base_url_reaches_sitemap_canonical_links_and_404_page(make_project):
    root = make_project()
    assert run_build("build", "--base-url", "https://example.github.io/repo", cwd=root).returncode == 0
    site = root / "site"
    assert "<loc>https://example.github.io/repo/pathways/therapeutic-services/</loc>" in (site / "sitemap.xml").read_text()
    page = (site / "pathways/therapeutic-services/index.html").read_text()
    assert '<link rel="canonical" href="https://example.github.io/repo/pathways/therapeutic-services/">' in page
    not_found = (site / "404.html").read_text()
    assert 'href="/repo/assets/css/site.' in not_found
    assert 'class="brand" href="/repo/"' in not_found


def test_site_yml_sets_base_url_and_repo_links(make_project):
    root = make_project({"site.yml": "title: Test\nbase_url: /careers/\nrepo_url: https://github.com/owner/repo\n"})
    assert run_build("build", cwd=root).returncode == 0
    page = (root / "site/pathways/therapeutic-services/index.html").read_text()
    assert 'href="https://github.com/owner/repo/edit/main/content/pathways/therapeutic-services.md"' in page
    assert 'href="/careers/' in (root / "site/404.html").read_text()


def test_content_option_builds_another_content_folder(make_project, tmp_path):
    root = make_project()
    other = tmp_path / "elsewhere"
    (root / "content").rename(other)
    result = run_build("build", "--content", str(other), cwd=root)
    assert result.returncode == 0, result.stderr
    assert (root / "site/pathways/therapeutic-services/index.html").exists()


def test_the_sidebar_marks_exactly_the_current_page(real_site: Path):
    """The sidebar is rendered once per depth and shared; each page must still mark only its own link."""
    def marked(path: Path) -> list[str]:
        nav = path.read_text().split('id="site-nav"', 1)[1].split("</nav>", 1)[0]
        return re.findall(r'<a href="([^"]+)" aria-current="page"', nav)

    for folder in ("pathways", "clusters"):
        for page in sorted((real_site / folder).glob("*/index.html")):
            assert marked(page) == [f"../../{folder}/{page.parent.name}/"], page
    for page in (real_site / "index.html", real_site / "occupations/29-1141.00/index.html", real_site / "404.html"):
        assert marked(page) == [], page
    assert marked(real_site / "about/index.html") == ["../about/"]


def test_page_dates_are_the_last_commit_of_each_file_in_a_project_inside_a_repository(tmp_path):
    """`history.last_commit_dates` for a project in a sub-folder of a git repository: each content file's date is
    its last commit's, by the path from the project, and files outside the content folder get none."""
    from engine.history import last_commit_dates

    repo, project = tmp_path, tmp_path / "site-project"
    pathway, cluster = project / "content/pathways/x.md", project / "content/clusters/c.md"
    for path in (pathway, cluster, project / "README.md"):
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("first\n")

    def commit(when: str, *paths: Path) -> None:
        env = {**os.environ, "GIT_AUTHOR_DATE": when, "GIT_COMMITTER_DATE": when,
               "GIT_AUTHOR_NAME": "Editor", "GIT_AUTHOR_EMAIL": "editor@example.org",
               "GIT_COMMITTER_NAME": "Editor", "GIT_COMMITTER_EMAIL": "editor@example.org"}
        subprocess.run(["git", "add", *map(str, paths)], cwd=repo, check=True, env=env)
        subprocess.run(["git", "commit", "-q", "-m", "edit"], cwd=repo, check=True, env=env)

    subprocess.run(["git", "init", "-q"], cwd=repo, check=True)
    commit("2026-03-01T12:00:00+00:00", pathway, cluster, project / "README.md")
    pathway.write_text("second\n")
    commit("2026-05-02T12:00:00+00:00", pathway)
    assert last_commit_dates(project, project / "content") == {"content/pathways/x.md": "2026-05-02",
                                                               "content/clusters/c.md": "2026-03-01"}
    assert last_commit_dates(repo, repo / "site-project/content") == {
        "site-project/content/pathways/x.md": "2026-05-02", "site-project/content/clusters/c.md": "2026-03-01"}
    assert last_commit_dates(tmp_path / "elsewhere", project / "content") == {}  # not a git checkout


def test_scripts_are_sent_without_comments_or_spaces_and_no_code_changes():
    """Pages load the project's scripts minified: comments and the spaces between words of code go, strings
    and patterns stay as written."""
    from engine.write import compact
    source = (b'// A comment on a line of its own.\n'
              b'(function () {\n'
              b'  var a = "x  // in a string";  // a comment after a statement\n'
              b"  var b = /[a-z/]+  \\/\\//g;\n"
              b'\n'
              b'  return a + b;\n'
              b'})();\n')
    sent = compact("x.js", source)
    assert b"comment" not in sent and b"  " not in sent.replace(b"x  //", b"").replace(b"+  \\/", b"")
    assert b'"x  // in a string"' in sent and b"/[a-z/]+  \\/\\//g" in sent
    assert len(sent) < len(source) / 2


def test_every_script_as_sent_is_still_valid_javascript(tmp_path):
    from conftest import need
    from engine.write import compact
    need(shutil.which("node") is not None, "Node.js is needed to check the scripts")
    scripts = sorted((ROOT / "static/js").glob("*.js"))
    for script in scripts:
        sent = tmp_path / script.name
        sent.write_bytes(compact(script.name, script.read_bytes()))
        result = subprocess.run(["node", "--check", str(sent)], capture_output=True, text=True)
        assert result.returncode == 0, (script.name, result.stderr)
    assert len(scripts) >= 10


@pytest.mark.parametrize("command, status", [(["check"], 0), (["build", "--no-such-option"], 2)])
def test_build_py_leaves_through_a_normal_exit(make_project, command, status):
    """Exit handlers run and output is flushed, so a profiler or coverage run of build.py reports its figures."""
    argv = ["build.py", *command] + (["--project", str(make_project())] if command == ["check"] else [])
    script = ("import atexit, runpy, sys\n"
              "atexit.register(lambda: print('exit handlers ran', flush=True))\n"
              f"sys.argv = {argv!r}\n"
              f"runpy.run_path({str(ROOT / 'build.py')!r}, run_name='__main__')\n")
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120)
    assert result.returncode == status, result.stderr
    assert result.stdout == "exit handlers ran\n"
