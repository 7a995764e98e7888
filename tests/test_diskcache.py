"""The cache on disk of what is read from the data files (engine/diskcache.py): used only for the same bytes,
kept only where this user alone can write, and never a reason for a different site."""

from __future__ import annotations

import os
import pickle
from pathlib import Path

import pytest

from engine import diskcache
from engine.diskcache import DiskCache
from engine.pipeline import Builder, Project
from engine.problems import ContentError


def counted(value):
    calls = []

    def make():
        calls.append(1)
        return value

    return make, calls


def test_an_entry_is_made_once_and_used_while_its_inputs_keep_their_bytes(tmp_path: Path):
    cache = DiskCache.open(tmp_path / "cache")
    data = tmp_path / "figures.csv"
    data.write_text("code,pay\n11-1011,100\n")
    make, calls = counted({"pay": 100})
    assert cache.get("profiles", [data], make) == {"pay": 100}
    assert cache.get("profiles", [data], make) == {"pay": 100}
    assert len(calls) == 1
    data.write_text("code,pay\n11-1011,101\n")  # same size, other bytes: a new entry
    make2, calls2 = counted({"pay": 101})
    assert cache.get("profiles", [data], make2) == {"pay": 101} and len(calls2) == 1
    data.write_text("code,pay\n11-1011,100\n")  # back as it was: the first entry again
    assert cache.get("profiles", [data], make) == {"pay": 100} and len(calls) == 1
    data.unlink()  # a missing file is an input too
    make3, calls3 = counted(None)
    assert cache.get("profiles", [data], make3) is None and len(calls3) == 1


def test_a_change_to_the_engines_code_makes_a_new_entry(tmp_path: Path, monkeypatch):
    data = tmp_path / "figures.csv"
    data.write_text("x\n")
    before = diskcache.key([data])
    engine = tmp_path / "engine"
    engine.mkdir()
    for source in diskcache.ENGINE.glob("*.py"):
        (engine / source.name).write_bytes(source.read_bytes())
    monkeypatch.setattr(diskcache, "ENGINE", engine)
    assert diskcache.key([data]) == before
    (engine / "profiles.py").write_text((engine / "profiles.py").read_text() + "\n# changed\n")
    assert diskcache.key([data]) != before


def test_a_damaged_entry_is_made_again_without_an_error(tmp_path: Path):
    cache = DiskCache.open(tmp_path / "cache")
    data = tmp_path / "figures.csv"
    data.write_text("x\n")
    make, calls = counted([1, 2, 3])
    cache.get("profiles", [data], make)
    (entry,) = (tmp_path / "cache").glob("profiles-*.pickle")
    entry.write_bytes(b"\x80\x05not a pickle")
    assert cache.get("profiles", [data], make) == [1, 2, 3] and len(calls) == 2
    assert pickle.loads(entry.read_bytes()) == [1, 2, 3]  # and kept whole again


def test_nothing_is_kept_when_making_fails(tmp_path: Path):
    cache = DiskCache.open(tmp_path / "cache")

    def fail():
        raise ContentError([])

    with pytest.raises(ContentError):
        cache.get("profiles", [], fail)
    assert not (tmp_path / "cache").exists()


def test_only_a_folder_this_user_alone_may_use_holds_the_cache(tmp_path: Path):
    shared = tmp_path / "shared"
    shared.mkdir()
    os.chmod(shared, 0o777)  # others could place an entry that loading would run: no cache
    cache = DiskCache.open(shared)
    make, calls = counted(7)
    entry = shared / f"profiles-{diskcache.key([])}.pickle"
    entry.write_bytes(pickle.dumps(8))  # as someone else might have left it
    assert cache.get("profiles", [], make) == 7 and cache.get("profiles", [], make) == 7
    assert len(calls) == 2 and list(shared.iterdir()) == [entry]
    link = tmp_path / "link"
    link.symlink_to(tmp_path / "own", target_is_directory=True)
    (tmp_path / "own").mkdir(mode=0o700)
    assert DiskCache.open(link).get("profiles", [], make) == 7 and len(calls) == 3
    assert list((tmp_path / "own").iterdir()) == []  # a link to a folder is not the folder


def test_the_folder_is_made_only_when_an_entry_is_kept_and_for_this_user_alone(tmp_path: Path):
    cache = DiskCache.open(tmp_path / "own")
    assert not (tmp_path / "own").exists()  # opening makes nothing
    cache.get("profiles", [], lambda: 7)
    assert os.stat(tmp_path / "own").st_mode & 0o777 == 0o700
    assert len(list((tmp_path / "own").glob("profiles-*.pickle"))) == 1


def test_only_the_most_recently_used_entries_are_kept(tmp_path: Path):
    cache = DiskCache.open(tmp_path / "cache")
    data = tmp_path / "figures.csv"
    for n in range(diskcache.KEEP + 3):
        data.write_text(f"{n}\n")
        cache.get("profiles", [data], lambda: n)
    assert len(list((tmp_path / "cache").glob("profiles-*.pickle"))) == diskcache.KEEP


def test_a_site_built_from_the_cache_is_the_same_and_follows_every_change_to_the_data(make_project, tmp_path: Path):
    root = make_project()
    cache = DiskCache.open(tmp_path / "cache")

    def build(disk_cache: DiskCache) -> dict[str, bytes]:
        return Builder(Project.at(root), base_url="/", workers=1, disk_cache=disk_cache).build().files

    without = build(DiskCache(None))
    assert build(cache) == without  # made and kept
    assert len(list((tmp_path / "cache").glob("profiles-*.pickle"))) == 1
    assert build(cache) == without  # read back
    wages = root / "data/state-wages.csv"
    text = wages.read_text(encoding="utf-8")
    assert "Alabama,11-1011,810,101670,166420," in text
    wages.write_text(text.replace("Alabama,11-1011,810,101670,166420,", "Alabama,11-1011,810,101670,166421,"),
                     encoding="utf-8")
    changed = build(cache)
    pay = next(name for name in changed if name.startswith("assets/pay/alabama"))
    assert b'"11-1011":[810,101670,166421,' in changed[pay]
    assert changed == build(DiskCache(None))


def test_check_trusts_a_kept_entry_without_loading_it_and_reads_changed_files(make_project, tmp_path: Path):
    """An entry is kept only when the files it was made from loaded without a problem, so `check` need not load
    it to know that; a changed file has no entry, and is read and reported."""
    root = make_project()
    cache = DiskCache.open(tmp_path / "cache")

    def check() -> list:
        return Builder(Project.at(root), disk_cache=cache).check()

    assert check() == []  # reads the files and keeps what it made of them
    (entry,) = (tmp_path / "cache").glob("profiles-*.pickle")
    entry.write_bytes(b"not a pickle")  # had `check` loaded it, it would be found damaged and made again
    assert check() == []
    assert entry.read_bytes() == b"not a pickle"
    wages = root / "data/state-wages.csv"
    wages.write_text(wages.read_text(encoding="utf-8") + "Alabama,11-1011,810\n", encoding="utf-8")
    problems = check()
    assert [(p.path, p.message) for p in problems] == [
        ("data/state-wages.csv", "expected 8 columns, found 3")], problems
    assert entry.read_bytes() == b"not a pickle"  # the other entry is left alone
