"""Each content file as read, kept on disk between builds: its front matter parsed, its body rendered, and the
problems found in it.

Reading a pathway file (its YAML, its Markdown, the checks of every ladder step against the data) takes some
7 ms; loading the result back takes a tenth of that. So a clean build or a `check` of files read before, on the
same machine, only reads the kept results. An entry is found by a SHA-256 of the file's path and bytes, and
lives in a folder named by a SHA-256 of the engine's source code and of the versions of the libraries that
parse, render and sanitize it (`CODE`): the entry holds exactly what reading those bytes with that code gives,
and a test checks that a site built from the cache is byte for byte the one built without it.

The checks that depend on the other files and on the data (`validate.check_references`) are kept in the entry
with a digest of everything they read (`context_digest`: the other files' names and the data files' bytes), and
used only while that digest is the same: after a file is added or a figure changes, the files are checked
again from the kept reading, which is still valid.

As in `diskcache`, entries are pickled, and loading one can run code, so they live only in the folder of the
system's temporary directory that this user alone may use, never in the project. An entry that cannot be read
is made again; a cache that cannot be written is only slower.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import shutil
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path
from typing import TYPE_CHECKING, Iterable

from .diskcache import ENGINE, DiskCache, add_engine, add_files, is_private, last_used, remove

if TYPE_CHECKING:  # pragma: no cover - types only
    from .load import Source
    from .markup import Markup
    from .problems import Problem
    from .validate import Known

FORMAT = b"contentcache 1"
LIBRARIES = ("PyYAML", "Markdown", "nh3")
"""The libraries whose output an entry holds: the YAML parser, the Markdown renderer and the HTML sanitizer."""
KEEP_VERSIONS = 2
"""Folders of entries kept for other versions of the code (the most recently used), such as a branch's and main's."""
SPARE = 4
"""A folder is pruned when it holds more than this many entries per file just read (and 256 more), and more than
`FLOOR`: the least recently used go first, down to twice the files read or half of `FLOOR`, whichever is more."""
FLOOR = 12_000
"""Entries a folder may hold whatever the build that reads it, so that a build of one project does not drop the
entries of a larger one built with the same code: a 10,000-pathway site has 11,000 files. An entry takes 7 to
13 KB, so 12,000 take 80 to 160 MB."""


@dataclass(frozen=True)
class Entry:
    """One content file as read: its source and rendered body (or None) and its own problems; and, when it was
    checked against the others and the data, those problems with the digest of what they depended on."""

    source: "Source | None"
    markup: "Markup | None"
    problems: "tuple[Problem, ...]"
    context: str | None = None
    checked: "tuple[Problem, ...] | None" = None


@dataclass(frozen=True)
class ContentCache:
    """Entries in `folder`, which is made when the first is kept; with no folder, nothing is kept."""

    folder: Path | None

    @classmethod
    def beside(cls, disk: DiskCache) -> "ContentCache":
        """The entries of this version of the code, in the same private folder as `disk`'s (none if it has none)."""
        return cls(None if disk.folder is None else disk.folder / f"content-{code_digest()[:24]}")

    @staticmethod
    def key(shown: str, raw: bytes) -> str:
        """The name of the entry for a file shown as `shown` that holds the bytes `raw`."""
        return hashlib.sha256(shown.encode() + b"\0" + raw).hexdigest()

    def ready(self) -> "ContentCache":
        """This cache if its folder is (or could now be made) private to this user; else one that keeps nothing.
        Called once before a build reads any entry, so that each entry needs no check of its own."""
        if self.folder is None:
            return self
        try:
            self.folder.parent.mkdir(mode=0o700, exist_ok=True)
            if is_private(self.folder.parent):
                made = not self.folder.exists()
                self.folder.mkdir(mode=0o700, exist_ok=True)
                if is_private(self.folder):
                    if made:
                        self._drop_other_versions()
                    else:
                        os.utime(self.folder)  # used now: kept before the other versions' folders
                    return self
        except OSError:
            pass
        return ContentCache(None)

    def get(self, key: str) -> Entry | None:
        if self.folder is None:
            return None
        path = self.folder / f"{key}.pickle"
        try:
            with open(path, "rb") as handle:
                value = pickle.load(handle)
        except FileNotFoundError:
            return None
        except Exception:  # noqa: BLE001 - a damaged entry, whatever pickle makes of it: made again
            remove(path)
            return None
        return value if isinstance(value, Entry) else None

    def put(self, key: str, entry: Entry) -> None:
        self.put_bytes(key, pickle.dumps(entry, protocol=pickle.HIGHEST_PROTOCOL))

    def put_bytes(self, key: str, data: bytes) -> None:
        """Keep `data`, an `Entry` pickled, under `key`."""
        if self.folder is None:
            return
        path = self.folder / f"{key}.pickle"
        partial = path.with_name(f".{path.name}.{os.getpid()}")
        try:
            with open(partial, "wb") as handle:
                handle.write(data)
            os.replace(partial, path)  # whole or not at all, for a build running beside this one
        except OSError:
            remove(partial)

    def touch(self, keys: Iterable[str]) -> None:
        """Mark the entries of `keys` as used now, and prune the folder if it has grown far beyond them."""
        if self.folder is None:
            return
        keys = list(keys)
        try:
            names = os.listdir(self.folder)
        except OSError:
            return
        if len(names) <= max(SPARE * len(keys) + 256, FLOOR):
            return
        for key in keys:  # only when pruning: the entries just used are kept
            try:
                os.utime(self.folder / f"{key}.pickle")
            except OSError:
                pass
        entries = sorted((self.folder / name for name in names if name.endswith(".pickle")), key=last_used)
        for old in entries[:max(0, len(entries) - max(2 * len(keys), FLOOR // 2))]:
            remove(old)

    def _drop_other_versions(self) -> None:
        """Remove the folders of older versions of the code beyond the most recently used few."""
        assert self.folder is not None
        others = sorted((p for p in self.folder.parent.glob("content-*") if p != self.folder),
                        key=last_used, reverse=True)
        for old in others[KEEP_VERSIONS:]:
            shutil.rmtree(old, ignore_errors=True)


def code_digest() -> str:
    """A SHA-256 of the engine's source, Python's version and the versions of the libraries in `LIBRARIES`."""
    digest = hashlib.sha256(FORMAT)
    for name in LIBRARIES:
        try:
            digest.update(f"\0{name} {metadata.version(name)}".encode())
        except metadata.PackageNotFoundError:  # pragma: no cover - each is a dependency
            digest.update(f"\0{name} missing".encode())
    add_engine(digest, ENGINE)
    return digest.hexdigest()


def context_digest(known: "Known", data_files: Iterable[Path]) -> str:
    """A SHA-256 of what a file's checks against the others and the data read: the other files' slugs and
    paths, and the bytes of the data files they are checked against."""
    digest = hashlib.sha256(b"context")
    for names in (known.clusters, known.pathways, known.paths):
        digest.update(b"\3" + "\0".join(sorted(names)).encode())
    add_files(digest, data_files)
    return digest.hexdigest()

