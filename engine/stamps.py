"""Stamps: how the builder and the dev server tell that an input changed without reading it.

A file's stamp is its modification time and size. The dev server takes a `Snapshot` of every watched file's
stamp to see whether anything changed since its last look, and the build it then runs uses the same snapshot
rather than asking every file again: on the real site that is about 1,500 system calls fewer per save.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Mapping

Stamp = tuple[int, int]
Tree = tuple[tuple[str, Stamp], ...]

MISSING: Stamp = (0, -1)


def file_stamp(path: Path | str) -> Stamp:
    """(modification time, size): changes whenever the file is saved; (0, -1) if it is missing."""
    try:
        info = os.stat(path)
    except (FileNotFoundError, NotADirectoryError):
        return MISSING
    return (info.st_mtime_ns, info.st_size)


def folder_stamp(path: Path | str) -> Stamp:
    """(modification time, inode) of a folder: changes when a file in it is added, removed or renamed, or when
    the folder is replaced; (0, -1) if it is missing."""
    try:
        info = os.stat(path)
    except (FileNotFoundError, NotADirectoryError):
        return MISSING
    return (info.st_mtime_ns, info.st_ino)


def tree_stamp(root: Path | str) -> Tree:
    """(path, stamp) of every file under `root` and its subfolders, sorted by path; empty if `root` is
    missing. Folders are told from files by the listing itself, so each file costs one system call."""
    found: list[tuple[str, Stamp]] = []
    _walk(str(root), found)
    found.sort()
    return tuple(found)


def _walk(folder: str, found: list[tuple[str, Stamp]]) -> None:
    try:
        entries = list(os.scandir(folder))
    except (FileNotFoundError, NotADirectoryError, PermissionError):
        return
    for entry in entries:
        if entry.is_dir():
            if not entry.is_symlink():  # as with `Path.rglob`, a link to a folder is not followed (no loops)
                _walk(entry.path, found)
        elif entry.is_file():
            try:
                info = entry.stat()
            except FileNotFoundError:  # gone since the listing
                continue
            found.append((entry.path, (info.st_mtime_ns, info.st_size)))


@dataclass(frozen=True)
class Snapshot:
    """The stamps of every file in some folders (and of some single files), taken at one moment."""

    trees: Mapping[str, Tree]  # folder -> `tree_stamp(folder)`
    files: Mapping[str, Stamp]  # every file seen, in any of the folders or alone -> its stamp

    @classmethod
    def take(cls, watched: Iterable[Path]) -> "Snapshot":
        """The stamps of every file under each folder of `watched`, and of each file of it that exists."""
        trees: dict[str, Tree] = {}
        files: dict[str, Stamp] = {}
        for path in watched:
            if path.is_dir():
                tree = trees[str(path)] = tree_stamp(path)
                files.update(tree)
            else:
                stamp = file_stamp(path)
                if stamp != MISSING:
                    files[str(path)] = stamp
        return cls(trees, files)

    def file(self, path: Path | str) -> Stamp:
        """The stamp of `path` as taken, or as it is now if the snapshot does not cover it."""
        found = self.files.get(str(path))
        return found if found is not None else file_stamp(path)

    def tree(self, root: Path | str) -> Tree:
        """`tree_stamp(root)` as taken, or as it is now if the snapshot does not cover it."""
        found = self.trees.get(str(root))
        return found if found is not None else tree_stamp(root)
