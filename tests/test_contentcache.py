"""The cache on disk of each content file as read (engine/contentcache.py): used only for the same bytes and the
same code, its checks only while the other files and the data they read are the same, kept only where this
user alone can write, and never a reason for a different site."""

from __future__ import annotations

import os
import pickle
import time
from pathlib import Path

import pytest

from engine import contentcache, diskcache
from engine.contentcache import ContentCache, Entry
from engine.diskcache import DiskCache
from engine.pipeline import Builder, Project
from engine.problems import ContentError, Problem, Severity

LINKED = "\nThe [health science cluster](../clusters/health-science.md) and [business](../clusters/business.md).\n"
BUSINESS = """---
title: Business Management and Administration
summary: Work that keeps companies running.
order: 2
---
Business work happens in offices of every kind.

People in this cluster plan, organize and keep track of the work of a company. Some manage people and budgets.
Others keep the books, answer customers or run the office day to day. Every town has businesses that need them,
from small shops to large firms and public agencies. Many jobs start with a high school diploma and training on
the job. Others take a college degree. Most people in business like to organize, talk with others and solve
problems. The work is often at a desk and on a computer, during the day. Students who like numbers, people and
planning often find a good fit here, and there are many ways to move up as they learn.
"""


@pytest.fixture(scope="module")
def profiles(tmp_path_factory) -> DiskCache:
    """One cache of the occupations' profiles for every build here, which need not each read the data again."""
    return DiskCache(tmp_path_factory.mktemp("profiles"))


def build(root: Path, cache: Path | None, profiles: DiskCache, **options) -> tuple[dict[str, bytes], list[str]]:
    """The site's files and its problems as lines, or no files and the errors; with the content files kept in
    the folder `cache` (a `DiskCache`'s), or not kept at all."""
    builder = Builder(Project.at(root), base_url="/", disk_cache=profiles, **options)
    builder.content_cache = ContentCache.beside(DiskCache(cache))
    try:
        result = builder.build()
    except ContentError as error:
        return {}, sorted(str(p) for p in error.problems)
    return result.files, sorted(str(p) for p in result.problems)


def entries(cache: Path) -> list[Path]:
    return sorted(cache.glob("content-*/*.pickle"))


@pytest.mark.parametrize("parallel", [False, True], ids=["one process", "workers"])
def test_a_site_built_from_kept_files_is_the_same_and_follows_every_change(make_project, tmp_path: Path, profiles,
                                                                            parallel):
    """Built again from the kept files, then after an edit, a file added, and a figure changed in the data: each
    time the same files and problems as a build without the cache."""
    root = make_project()
    pathway = root / "content/pathways/therapeutic-services.md"
    pathway.write_text(pathway.read_text(encoding="utf-8") + LINKED, encoding="utf-8")
    cache = tmp_path / "cache"
    options = {"workers": 2, "parallel_min": 1} if parallel else {"workers": 1}

    def same() -> tuple[dict[str, bytes], list[str]]:
        kept = build(root, cache, profiles, **options)
        assert kept == build(root, None, profiles, **options)
        return kept

    files, problems = same()  # made and kept
    assert not files and any("link to 'content/clusters/business.md', which does not exist" in p for p in problems), problems
    assert len(entries(cache)) == 2
    assert build(root, cache, profiles, **options) == (files, problems)  # read back
    (root / "content/clusters/business.md").write_text(BUSINESS, encoding="utf-8")  # the link's file exists now
    files, problems = same()
    assert files and not any("does not exist" in p for p in problems)
    assert len(entries(cache)) == 3
    occupations = root / "data/occupations.csv"
    text = occupations.read_text(encoding="utf-8")
    row = "29-1141.00,Registered Nurses,29-1141,4,SIC,3379720,97550,"
    assert row in text
    occupations.write_text(text.replace(row, "29-1141.00,Registered Nurses,29-1141,4,SIC,3379720,50550,"),
                           encoding="utf-8")  # a nurse now earns less than a practical nurse, the step before
    changed, problems = same()
    assert any("pays less" in p or "less than" in p for p in problems), problems
    assert changed != files
    pathway.write_text(pathway.read_text(encoding="utf-8").replace("Nurses care", "Nurses look after"),
                       encoding="utf-8")
    edited, _ = build(root, cache, profiles, **options)
    assert b"Nurses look after" in edited["pathways/therapeutic-services/index.html"]


def test_a_kept_file_is_what_the_build_uses(make_project, tmp_path: Path, profiles):
    """An entry is read rather than the file: one changed in the cache shows in the build (which is why the
    cache lives only where this user alone can write)."""
    root = make_project()
    cache = tmp_path / "cache"
    build(root, cache, profiles, workers=1)
    for path in entries(cache):
        entry = pickle.loads(path.read_bytes())
        if entry.source is not None and entry.source.kind == "pathway":
            marked = Problem(entry.source.path, 1, "a warning only the cache holds", Severity.WARNING)
            path.write_bytes(pickle.dumps(Entry(entry.source, entry.markup, entry.problems + (marked,))))
    _, problems = build(root, cache, profiles, workers=1)
    assert any("a warning only the cache holds" in p for p in problems)
    _, problems = build(root, None, profiles, workers=1)
    assert not any("a warning only the cache holds" in p for p in problems)


def test_an_entry_is_found_by_the_files_path_and_bytes():
    assert ContentCache.key("content/pathways/a.md", b"x") == ContentCache.key("content/pathways/a.md", b"x")
    assert ContentCache.key("content/pathways/a.md", b"x") != ContentCache.key("content/pathways/a.md", b"y")
    assert ContentCache.key("content/pathways/a.md", b"x") != ContentCache.key("content/pathways/b.md", b"x")


def test_a_change_to_the_engines_code_or_a_librarys_version_uses_other_entries(tmp_path: Path, monkeypatch):
    before = contentcache.code_digest()
    engine = tmp_path / "engine"
    engine.mkdir()
    for source in diskcache.ENGINE.glob("*.py"):
        (engine / source.name).write_bytes(source.read_bytes())
    monkeypatch.setattr(contentcache, "ENGINE", engine)
    assert contentcache.code_digest() == before
    (engine / "markup.py").write_text((engine / "markup.py").read_text() + "\n# changed\n")
    changed = contentcache.code_digest()
    assert changed != before
    real = contentcache.metadata.version
    monkeypatch.setattr(contentcache.metadata, "version", lambda name: "0" if name == "nh3" else real(name))
    assert contentcache.code_digest() not in (before, changed)


def test_a_damaged_entry_is_read_again_from_the_file(make_project, tmp_path: Path, profiles):
    root = make_project()
    cache = tmp_path / "cache"
    files, problems = build(root, cache, profiles, workers=1)
    for path in entries(cache):
        path.write_bytes(b"\x80\x05not a pickle")
    assert build(root, cache, profiles, workers=1) == (files, problems)
    assert all(isinstance(pickle.loads(p.read_bytes()), Entry) for p in entries(cache))  # kept whole again


def test_only_a_folder_this_user_alone_may_use_holds_entries(make_project, tmp_path: Path, profiles):
    root = make_project()
    shared = tmp_path / "shared"
    shared.mkdir()
    os.chmod(shared, 0o777)  # others could place an entry that loading would run: none is read or kept
    files, _ = build(root, shared, profiles, workers=1)
    assert entries(shared) == []
    folder = ContentCache.beside(DiskCache(shared)).folder
    folder.mkdir(mode=0o700)
    pathway = root / "content/pathways/therapeutic-services.md"
    planted = Entry(None, None, (Problem("content/pathways/therapeutic-services.md", 1, "planted"),))
    (folder / f"{ContentCache.key('content/pathways/therapeutic-services.md', pathway.read_bytes())}.pickle"
     ).write_bytes(pickle.dumps(planted))
    assert build(root, shared, profiles, workers=1)[0] == files  # the planted entry is not read


def test_the_folder_is_pruned_and_other_versions_of_the_code_dropped(tmp_path: Path, monkeypatch):
    cache = ContentCache(tmp_path / "cache" / "content-a").ready()
    for n in range(290):
        cache.put(f"{n:064x}", Entry(None, None, ()))
    cache.touch([f"{n:064x}" for n in range(5)])  # more than 4 x 5 + 256, but not more than contentcache.FLOOR
    assert len(list(cache.folder.iterdir())) == 290
    monkeypatch.setattr("engine.contentcache.FLOOR", 200)
    cache.touch([f"{n:064x}" for n in range(10)])  # 290 is within 4 x 10 + 256
    assert len(list(cache.folder.iterdir())) == 290
    cache.touch([f"{n:064x}" for n in range(5)])  # 290 is more than 4 x 5 + 256 and 200: down to 200 / 2
    kept = sorted(p.stem for p in cache.folder.iterdir())
    assert len(kept) == 100 and all(f"{n:064x}" in kept for n in range(5))
    for n in range(300, 490):
        cache.put(f"{n:064x}", Entry(None, None, ()))
    monkeypatch.setattr("engine.contentcache.FLOOR", 20)
    cache.touch([f"{n:064x}" for n in range(5)])  # 290 again, more than 4 x 5 + 256: down to 2 x 5
    kept = sorted(p.stem for p in cache.folder.iterdir())
    assert len(kept) == 10 and all(f"{n:064x}" in kept for n in range(5))
    past = time.time() - 100
    os.utime(cache.folder, (past, past))
    for n, name in enumerate(("content-b", "content-c", "content-d"), 1):  # each used after the one before
        ContentCache(tmp_path / "cache" / name).ready()
        os.utime(tmp_path / "cache" / name, (past + n, past + n))  # the clock's tick may be coarser than this loop
    assert sorted(p.name for p in (tmp_path / "cache").iterdir()) == ["content-b", "content-c", "content-d"]
    ContentCache(tmp_path / "cache" / "content-b").ready()  # used again: now the most recent of the others
    ContentCache(tmp_path / "cache" / "content-e").ready()
    assert sorted(p.name for p in (tmp_path / "cache").iterdir()) == ["content-b", "content-d", "content-e"]


def test_check_uses_the_checks_kept_with_each_file_and_runs_them_again_when_the_others_change(
        make_project, tmp_path: Path, profiles):
    """`check` reads the kept files with their checks against the others and the data, as a build does: a check
    result planted in the cache is what it reports, until a new file changes what the checks would find."""
    root = make_project()
    pathway = root / "content/pathways/therapeutic-services.md"
    pathway.write_text(pathway.read_text(encoding="utf-8") + LINKED, encoding="utf-8")
    cache = tmp_path / "cache"

    def check(kept: bool) -> list[str]:
        builder = Builder(Project.at(root), disk_cache=profiles, workers=2, parallel_min=1)
        builder.content_cache = ContentCache.beside(DiskCache(cache if kept else None))
        return sorted(str(p) for p in builder.check())

    first = check(True)
    assert first == check(False)
    assert any("link to 'content/clusters/business.md', which does not exist" in p for p in first), first
    planted = 0
    for path in entries(cache):
        entry = pickle.loads(path.read_bytes())
        if entry.checked is not None and entry.source.kind == "pathway":
            marked = Problem(entry.source.path, 1, "a warning only the kept checks hold", Severity.WARNING)
            path.write_bytes(pickle.dumps(Entry(entry.source, entry.markup, entry.problems, entry.context,
                                                entry.checked + (marked,))))
            planted += 1
    assert planted == 1
    assert any("a warning only the kept checks hold" in p for p in check(True))
    (root / "content/clusters/business.md").write_text(BUSINESS, encoding="utf-8")  # the link's file exists now
    after = check(True)
    assert after == check(False)
    assert not any("does not exist" in p or "only the kept checks" in p for p in after), after
