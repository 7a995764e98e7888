"""Write: put a finished site on disk without ever leaving half of one.

A build writes into a fresh staging folder beside the output and, only when
every file is written, swaps it into place. A failed build therefore leaves
the previous site exactly as it was. The writer refuses to write one output
path twice, which would mean two pages claim the same URL.
"""

from __future__ import annotations

import hashlib
import os
import shutil
from pathlib import Path

MARKER = ".nojekyll"
"""Every built site has this file; an existing folder without it is not replaced."""


class DuplicateOutput(Exception):
    pass


class SiteWriter:
    """Writes files under `root`, each path once."""

    def __init__(self, root: Path):
        self.root = root
        self.written: set[str] = set()
        self._folders: set[str] = set()  # made (or found) already

    def write(self, relative: str, data: str | bytes) -> None:
        if relative in self.written:
            raise DuplicateOutput(f"two pages would be written to {relative}")
        self.written.add(relative)
        folder, _, _ = relative.rpartition("/")
        if folder not in self._folders:
            (self.root / folder).mkdir(parents=True, exist_ok=True)
            self._folders.add(folder)
        with open(os.path.join(self.root, relative), "wb") as handle:
            handle.write(data.encode("utf-8") if isinstance(data, str) else data)


def fingerprint(data: bytes) -> str:
    """A short content hash for cache-busting asset names."""
    return hashlib.sha256(data).hexdigest()[:10]


def staging_dir(out: Path) -> Path:
    """A fresh, empty folder beside `out` to build into."""
    out.parent.mkdir(parents=True, exist_ok=True)
    staging = out.parent / f".{out.name}.staging-{os.getpid()}"
    if staging.exists():
        shutil.rmtree(staging)
    staging.mkdir()
    return staging


def is_replaceable(out: Path) -> bool:
    """True if `out` is absent, empty, or a site this tool built."""
    if not out.exists():
        return True
    if not out.is_dir():
        return False
    return (out / MARKER).exists() or not any(out.iterdir())


def publish(staging: Path, out: Path) -> None:
    """Swap the finished `staging` folder into place as `out`."""
    previous = out.parent / f".{out.name}.previous-{os.getpid()}"
    if previous.exists():
        shutil.rmtree(previous)
    if out.exists():
        os.replace(out, previous)
    os.replace(staging, out)
    if previous.exists():
        shutil.rmtree(previous, ignore_errors=True)


def discard(staging: Path) -> None:
    shutil.rmtree(staging, ignore_errors=True)


def sync_files(root: Path, files: dict[str, bytes], previous: dict[str, bytes]) -> dict[str, bytes]:
    """Make `root` hold exactly `files`, touching only what changed.

    `previous` is what the last call wrote (returned by it); used by the dev
    server, where rewriting 600 unchanged pages after each save would be waste.
    """
    for relative, data in files.items():
        if previous.get(relative) != data:
            path = root / relative
            path.parent.mkdir(parents=True, exist_ok=True)
            temporary = path.with_name(path.name + ".tmp")
            temporary.write_bytes(data)
            os.replace(temporary, path)
    for relative in set(previous) - set(files):
        (root / relative).unlink(missing_ok=True)
    return dict(files)
