"""Page dates from git history, so "last updated" is true and builds stay reproducible.

Each content file's date is the commit date (not the author date, and never
the clock) of the last commit that touched it. A file git does not know,
or a project outside a git checkout, gets no date, and its page shows none.
One `git log` call covers every file.
"""

from __future__ import annotations

import subprocess
from pathlib import Path


def last_commit_dates(root: Path, folder: Path) -> dict[str, str]:
    """`{path relative to root: 'YYYY-MM-DD'}` for every file under `folder` that git has history for."""
    try:
        top = subprocess.run(["git", "rev-parse", "--show-toplevel"], cwd=root, capture_output=True, text=True,
                             timeout=20)
        if top.returncode != 0:
            return {}
        log = subprocess.run(
            ["git", "log", "--format=@%cs", "--name-only", "--no-renames", "--", str(folder)],
            cwd=root, capture_output=True, text=True, timeout=60)
    except (OSError, subprocess.TimeoutExpired):
        return {}
    if log.returncode != 0:
        return {}
    repo = Path(top.stdout.strip()).resolve()
    try:
        inside = root.resolve().relative_to(repo).as_posix()  # where `root` is in the repository: '.' at its top
    except ValueError:
        return {}
    prefix = "" if inside == "." else inside + "/"
    dates: dict[str, str] = {}
    current = ""
    for line in log.stdout.splitlines():
        if line.startswith("@"):
            current = line[1:]
        elif line and current and line.startswith(prefix):
            dates.setdefault(line[len(prefix):], current)  # newest first: keep the first date seen
    return dates


def history_stamp(root: Path) -> tuple:
    """Changes whenever a commit is made or checked out, so cached dates can be trusted until then."""
    stamps = []
    for name in (".git/HEAD", ".git/logs/HEAD", ".git/index"):
        path = root / name
        try:
            stamps.append(path.stat().st_mtime_ns)
        except OSError:
            stamps.append(0)
    return tuple(stamps)
