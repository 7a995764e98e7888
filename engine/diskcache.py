"""A cache on disk, between builds, of what takes long to work out from the data files and never changes while
they do not.

Reading the occupations' profiles (60,000 job titles, pay in every state, skills, programs of study) takes about
a second of every build and every `check`; loading the result back takes a fifth of that. An entry is found by
a SHA-256 of the bytes of every file it was made from and of the engine's own source code, so a change to any
data file, or to the code that reads it, makes a new entry: a figure can never come from an older file, and the
site is byte for byte the same with or without the cache.

Entries are pickled Python objects, and loading one can run code. So the cache lives only in a folder of the
system's temporary directory that this user alone may use (as Jinja keeps its compiled templates, see
`render.TemplateCache`), never in the project, where a pull request could place a file. An entry that cannot be
read is made again; a cache that cannot be written is only slower.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import stat
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterable, TypeVar

T = TypeVar("T")

ENGINE = Path(__file__).resolve().parent
KEEP = 4
"""Entries of one name kept (the most recently used): a few data folders, such as a branch's and main's."""
FORMAT = b"diskcache 1"


@dataclass(frozen=True)
class DiskCache:
    """Entries under `folder`, made when the first entry is kept; with no folder, nothing is kept."""

    folder: Path | None

    @classmethod
    def open(cls, folder: str | Path | None = None) -> "DiskCache":
        """The cache in `folder`, or in a folder named for this user in the system's temporary directory (none
        where the system has no users' ids to check a folder's owner by). Nothing is made or read yet."""
        if folder is not None:
            return cls(Path(folder))
        if not hasattr(os, "getuid"):
            return cls(None)
        return cls(Path(tempfile.gettempdir()) / f"career-pathways-cache-{os.getuid()}")

    def get(self, name: str, inputs: Iterable[Path], make: Callable[[], T]) -> T:
        """What `make()` returns for these `inputs` (the files it reads), from the cache when it holds the same.
        Whatever `make` raises is raised, and nothing is kept."""
        if self.folder is None:
            return make()
        path = self.folder / f"{name}-{key(inputs)}.pickle"
        if is_private(self.folder):
            try:
                with open(path, "rb") as handle:
                    value = pickle.load(handle)
                os.utime(path)  # used now: kept before the others of its name
                return value
            except FileNotFoundError:
                pass
            except Exception:  # noqa: BLE001 - a damaged entry, whatever pickle makes of it: made again
                remove(path)
        value = make()
        self._keep(name, path, value)
        return value

    def holds(self, name: str, inputs: Iterable[Path]) -> bool:
        """Whether an entry for these `inputs` is kept, without loading it: the one that made it read these very
        bytes, with this very code, and did not fail (`get` keeps nothing when `make` raises). Marks it used."""
        if self.folder is None or not is_private(self.folder):
            return False
        path = self.folder / f"{name}-{key(inputs)}.pickle"
        try:
            os.utime(path)
        except OSError:  # none kept
            return False
        return True

    def _keep(self, name: str, path: Path, value: object) -> None:
        try:
            self.folder.mkdir(mode=0o700, exist_ok=True)  # type: ignore[union-attr]
        except OSError:
            return
        if not is_private(self.folder):  # type: ignore[arg-type]
            return
        partial = path.with_name(f".{path.name}.{os.getpid()}")
        try:
            with open(partial, "wb") as handle:
                pickle.dump(value, handle, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(partial, path)  # whole or not at all, for a build running beside this one
            others = sorted(path.parent.glob(f"{name}-*.pickle"), key=last_used, reverse=True)
            for old in others[KEEP:]:
                remove(old)
        except OSError:
            remove(partial)


def key(inputs: Iterable[Path]) -> str:
    """A SHA-256 of the engine's source, Python's version and each input's name and bytes (or its absence)."""
    digest = hashlib.sha256(FORMAT)
    add_engine(digest, ENGINE)
    add_files(digest, inputs)
    return digest.hexdigest()


def add_engine(digest: "hashlib._Hash", engine: Path) -> None:
    """Add Python's version and the source of every module in `engine` (the engine's folder) to `digest`."""
    digest.update(sys.version.encode())
    for source in sorted(engine.glob("*.py")):
        digest.update(b"\0" + source.name.encode() + b"\0" + source.read_bytes())


def add_files(digest: "hashlib._Hash", paths: Iterable[Path]) -> None:
    """Add each file's name and bytes (or that it cannot be read) to `digest`."""
    for path in paths:
        digest.update(b"\1" + Path(path).name.encode() + b"\0")
        try:
            digest.update(Path(path).read_bytes())
        except OSError:
            digest.update(b"\2missing")


def is_private(folder: Path) -> bool:
    """Whether `folder` is a folder (not a link to one) that this user owns and no one else may use."""
    try:
        info = os.lstat(folder)
    except OSError:
        return False
    return info.st_uid == os.getuid() and stat.S_ISDIR(info.st_mode) and stat.S_IMODE(info.st_mode) == 0o700


def last_used(path: Path) -> float:
    """When `path` was last written or marked used (0 if it is gone)."""
    try:
        return path.stat().st_mtime
    except OSError:
        return 0.0


def remove(path: Path) -> None:
    """Remove the file `path` if it can be: a cache that cannot be tidied is only larger."""
    try:
        path.unlink()
    except OSError:
        pass
