"""Problems found in content, and how they are reported.

Every problem names the file and line it was found at, says what is wrong in
an editor's words, and, where one is obvious, how to fix it. The build
collects all of them before it gives up, so one run shows everything.
"""

from __future__ import annotations

import difflib
import json
import re
from dataclasses import dataclass
from enum import Enum
from typing import Iterable, Sequence


class Severity(str, Enum):
    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong with the content, at `path:line`."""

    path: str
    line: int
    message: str
    severity: Severity = Severity.ERROR

    @property
    def is_error(self) -> bool:
        return self.severity is Severity.ERROR

    def __str__(self) -> str:
        prefix = "" if self.is_error else "warning: "
        return f"{self.path}:{self.line}: {prefix}{self.message}"


class ContentError(Exception):
    """Raised when the content has errors; carries every problem found."""

    def __init__(self, problems: Sequence[Problem]):
        self.problems = tuple(sorted(problems, key=sort_key))
        super().__init__(summary_line(self.problems))

    def __reduce__(self):  # so that one raised in a worker process arrives whole
        return (ContentError, (self.problems,))


def sort_key(problem: Problem) -> tuple:
    """Order problems by file, then line, then text: stable across runs."""
    return (problem.path, problem.line, problem.message)


def suggest(word: str, choices: Iterable[str]) -> str:
    """Return ` (did you mean 'x'?)` for the closest choice, or ''."""
    match = closest(str(word), choices)
    return f" (did you mean '{match}'?)" if match else ""


_PARTS = re.compile(r"[^\W_]+")


def closest(word: str, choices: Iterable[str]) -> str | None:
    """The choice `word` most likely meant, or None: the only one it begins, else the most similar as a whole,
    else the only one with a part like a part of `word` (as 'helth' is like 'health' in 'health-science', and
    'logistics' is in 'transportation-distribution-logistics')."""
    options = sorted(set(choices))
    starting = [c for c in options if len(word) >= 3 and c.startswith(word)]
    if len(starting) == 1:
        return starting[0]
    matches = difflib.get_close_matches(word, options, n=1, cutoff=0.6)
    if matches:
        return matches[0]
    words = [w for w in _PARTS.findall(word.casefold()) if len(w) >= 4]
    best: dict[str, float] = {}
    for option in options:
        for part in _PARTS.findall(option.casefold()):
            for typed in words:
                ratio = 1.0 if part == typed else difflib.SequenceMatcher(None, typed, part).ratio()
                if ratio >= 0.8:
                    best[option] = max(best.get(option, 0.0), ratio)
    if not best:
        return None
    top = max(best.values())
    leaders = [option for option, ratio in best.items() if ratio == top]
    return leaders[0] if len(leaders) == 1 else None


def errors_in(problems: Iterable[Problem]) -> list[Problem]:
    return [p for p in problems if p.is_error]


def summary_line(problems: Sequence[Problem]) -> str:
    """The closing line of a report, e.g. `build failed: 3 errors in 2 files`."""
    errors = errors_in(problems)
    warnings = len(problems) - len(errors)
    files = len({p.path for p in errors})
    if errors:
        text = f"{_count(len(errors), 'error')} in {_count(files, 'file')}"
        if warnings:
            text += f" (and {_count(warnings, 'warning')})"
        return text
    if warnings:
        return _count(warnings, "warning")
    return "no problems"


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}{'' if n == 1 else 's'}"


def format_text(problems: Sequence[Problem]) -> str:
    """One `path:line: message` line per problem."""
    return "\n".join(str(p) for p in sorted(problems, key=sort_key))


def format_github(problems: Sequence[Problem]) -> str:
    """GitHub Actions workflow commands, shown on the pull request's lines."""
    lines = []
    for p in sorted(problems, key=sort_key):
        message = _github_escape(p.message)
        path = _github_escape(p.path, is_property=True)
        lines.append(f"::{p.severity.value} file={path},line={p.line}::{message}")
    return "\n".join(lines)


def _github_escape(text: str, is_property: bool = False) -> str:
    text = text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    if is_property:
        text = text.replace(":", "%3A").replace(",", "%2C")
    return text


def format_json(problems: Sequence[Problem]) -> str:
    """A JSON document for tools: `{"problems": [...], "errors": n, "warnings": n}`."""
    items = [
        {"path": p.path, "line": p.line, "severity": p.severity.value, "message": p.message}
        for p in sorted(problems, key=sort_key)
    ]
    errors = len(errors_in(problems))
    return json.dumps(
        {"problems": items, "errors": errors, "warnings": len(items) - errors},
        indent=2,
        sort_keys=True,
    )
