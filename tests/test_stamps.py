"""Stamps: the dev server's snapshot of its inputs, and builds that use it rather than asking every file again."""

from __future__ import annotations

import os
from pathlib import Path

from conftest import PATHWAY

from engine.stamps import MISSING, Snapshot, file_stamp, tree_stamp

P = "content/pathways/therapeutic-services.md"


def test_tree_stamp_lists_every_file_under_a_folder_as_rglob_finds_them(tmp_path):
    root = tmp_path / "static"
    (root / "css" / "deep").mkdir(parents=True)
    (root / "css" / "site.css").write_text("a")
    (root / "css" / "deep" / "more.css").write_text("bb")
    (root / ".hidden").write_text("ccc")  # hidden files change the site too, as before
    (root / "empty").mkdir()
    outside = tmp_path / "outside"
    (outside / "inner").mkdir(parents=True)
    (outside / "inner" / "far.css").write_text("x")
    (outside / "linked.css").write_text("yy")
    os.symlink(outside / "inner", root / "folder-link")  # not followed, so a link to a parent cannot loop
    os.symlink(outside / "linked.css", root / "file-link.css")  # a file link is read through
    expected = tuple(sorted((str(p), file_stamp(p)) for p in root.rglob("*") if p.is_file()))
    assert tree_stamp(root) == expected
    assert sorted(Path(p).name for p, _ in tree_stamp(root)) == [".hidden", "file-link.css", "more.css", "site.css"]
    assert dict(tree_stamp(root))[str(root / "file-link.css")][1] == 2  # the size of the file it points to
    assert tree_stamp(tmp_path / "missing") == ()
    assert file_stamp(tmp_path / "missing") == MISSING


def test_a_snapshot_holds_the_stamps_it_took_and_asks_about_anything_else(tmp_path):
    folder = tmp_path / "data"
    folder.mkdir()
    (folder / "a.csv").write_text("1")
    settings = tmp_path / "site.yml"
    settings.write_text("title: A\n")
    snapshot = Snapshot.take([folder, settings, tmp_path / "absent.yml"])
    assert set(snapshot.files) == {str(folder / "a.csv"), str(settings)}
    assert snapshot.tree(folder) == tree_stamp(folder)
    (folder / "a.csv").write_text("22")
    assert snapshot.file(folder / "a.csv") != file_stamp(folder / "a.csv")  # as taken, not as now
    (tmp_path / "other.txt").write_text("333")
    assert snapshot.file(tmp_path / "other.txt") == file_stamp(tmp_path / "other.txt")  # not covered: asked now
    assert snapshot.tree(tmp_path) == tree_stamp(tmp_path)


def test_a_build_given_the_servers_snapshot_asks_no_content_file_its_stamp(make_project, monkeypatch):
    """After a save the dev server has just taken every watched file's stamp; the build it runs uses those
    rather than asking each file again. Only the file that changed is asked (as it is read)."""
    from engine.pipeline import Builder, Project

    root = make_project()
    project = Project.at(root)
    builder = Builder(project, base_url="/", dev=True)
    builder.build(Snapshot.take(project.watched()))
    asked: list[str] = []
    real = os.stat

    def counting(path, *args, **kwargs):
        asked.append(str(path))
        return real(path, *args, **kwargs)

    content = lambda: [p for p in asked if p.endswith(".md")]  # noqa: E731
    monkeypatch.setattr(os, "stat", counting)
    builder.build()
    files = sorted(str(p) for p in (root / "content").rglob("*.md"))
    assert len(files) >= 2 and sorted(content()) == files  # without a snapshot, every content file is asked
    (root / P).write_text(PATHWAY + "\nA sentence added after the snapshot was taken.\n")
    asked.clear()
    result = builder.build(Snapshot.take(project.watched()))
    assert content() == [str(root / P)]  # read because its stamp in the snapshot changed
    assert b"added after the snapshot" in result.files["pathways/therapeutic-services/index.html"]


def test_a_build_trusts_its_snapshot_and_the_next_look_catches_a_later_save(make_project):
    """A save made after the snapshot was taken is not missed: the server's next look sees a new stamp, and
    the build with that snapshot reads the file again."""
    from engine.pipeline import Project
    from engine.serve import DevServer

    root = make_project()
    server = DevServer(Project.at(root), log=lambda message: None)
    try:
        assert server.update()  # the first look: every file is new
        assert server.update() is None  # nothing changed
        page = server.out / "pathways/therapeutic-services/index.html"
        (root / P).write_text(PATHWAY + "\nA first new sentence.\n")
        assert server.update()
        assert b"A first new sentence." in page.read_bytes()
        (root / P).write_text(PATHWAY + "\nA second, longer new sentence.\n")
        assert server.update()
        assert b"A second, longer new sentence." in page.read_bytes()
    finally:
        import shutil
        shutil.rmtree(server.out, ignore_errors=True)
