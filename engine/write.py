"""Write: put a finished site on disk without ever leaving half of one.

A build writes into a fresh staging folder beside the output and, only when
every file is written, swaps it into place. A failed build therefore leaves
the previous site exactly as it was. Files the previous site already has,
byte for byte, are hard-linked from it rather than written again. The writer
refuses to write one output path twice, which would mean two pages claim the
same URL.
"""

from __future__ import annotations

import hashlib
import os
import re
import shutil
from pathlib import Path

import rjsmin

MARKER = ".nojekyll"
"""Every built site has this file; an existing folder without it is not replaced."""


class DuplicateOutput(Exception):
    pass


class SiteWriter:
    """Writes files under `root`, each path once.

    Given `previous`, the site this build will replace, a file whose bytes
    have not changed is hard-linked from there instead of written anew: a
    rebuild then creates (and later deletes) only the files that changed, and
    unchanged files keep their dates. Where links cannot be made, it writes.
    """

    def __init__(self, root: Path, previous: Path | None = None):
        self.root = root
        self.previous = previous
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
        content = data.encode("utf-8") if isinstance(data, str) else data
        target = os.path.join(self.root, relative)
        if self.previous is not None and self._link_unchanged(relative, content, target):
            return
        with open(target, "wb") as handle:
            handle.write(content)

    def _link_unchanged(self, relative: str, content: bytes, target: str) -> bool:
        old = os.path.join(self.previous, relative)  # type: ignore[arg-type]
        try:
            if os.stat(old).st_size != len(content):
                return False
            with open(old, "rb") as handle:
                if handle.read() != content:
                    return False
            os.link(old, target)
        except OSError:  # no such file, or a file system without hard links
            return False
        return True


_CSS_COMMENT = re.compile(rb"/\*.*?\*/", re.S)


def compact(name: str, data: bytes) -> bytes:
    """A stylesheet or script as pages load it, with nothing phones need not download. A script is minified
    (`rjsmin`: comments, spaces and line breaks go; no name or statement changes). A stylesheet loses its
    comments, indentation and blank lines: only whole lines go, so no rule changes."""
    if name.endswith(".js"):
        return rjsmin.jsmin(data.decode("utf-8")).encode("utf-8") + b"\n"
    if name.endswith(".css"):
        lines = (line.strip() for line in _CSS_COMMENT.sub(b"", data).split(b"\n"))
        return b"\n".join(line for line in lines if line) + b"\n"
    return data


def fingerprint(data: bytes) -> str:
    """A short content hash for cache-busting asset names."""
    return hashlib.sha256(data).hexdigest()[:10]


def read_assets(static: Path) -> dict[str, tuple[str, bytes]]:
    """The static files by name ('css/site.css'), each with its output path, fingerprinted by its content so
    that browsers may keep it for good ('assets/css/site.<hash>.css'), and its (compacted) bytes."""
    assets: dict[str, tuple[str, bytes]] = {}
    if not static.is_dir():
        return assets
    for path in sorted(static.rglob("*")):
        if path.is_dir() or path.name.startswith("."):
            continue
        name = path.relative_to(static).as_posix()
        data = compact(name, path.read_bytes())
        stem, dot, suffix = name.rpartition(".")
        hashed = f"{stem}.{fingerprint(data)}.{suffix}" if dot else name
        assets[name] = (f"assets/{hashed}", data)
    return assets


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
    for relative in previous.keys() - files.keys():
        (root / relative).unlink(missing_ok=True)
    return dict(files)
