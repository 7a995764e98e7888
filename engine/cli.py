"""What each command of build.py does, and what it prints.

Output is quiet: one closing line on success, one `path:line: message`
line per problem otherwise (with --quiet, only the problems). A build or check
that takes more than two seconds shows what it is doing on one line of a
terminal (`Progress`). Functions return the process exit status.
"""

from __future__ import annotations

import sys
import threading
from pathlib import Path
from typing import TextIO

from .pipeline import Builder, Project, format_duration
from .problems import ContentError, Problem, errors_in, format_github, format_json, format_text, summary_line

EXIT_OK, EXIT_CONTENT, EXIT_USAGE = 0, 1, 2


def _err(text: str) -> None:
    print(text, file=sys.stderr, flush=True)


def _report(problems: list[Problem] | tuple[Problem, ...]) -> None:
    if problems:
        _err(format_text(problems))


class Progress:
    """What a long build or check is doing, on one line of a terminal: shown only once the work has taken
    `delay` seconds, so a quick one prints nothing but its closing line, and never when the output is not a
    terminal (a CI log) or with --quiet. The line is cleared when the work ends."""

    def __init__(self, stream: TextIO, delay: float = 2.0, enabled: bool | None = None):
        self.stream = stream
        self.enabled = stream.isatty() if enabled is None else enabled
        self.current = ""
        self.shown = False
        self._lock = threading.Lock()
        self._timer: threading.Timer | None = None
        if self.enabled:
            self._timer = threading.Timer(delay, self._show)
            self._timer.daemon = True
            self._timer.start()

    def __call__(self, message: str) -> None:
        with self._lock:
            self.current = message
            if self.shown:
                self._write()

    def _show(self) -> None:
        with self._lock:
            if not self.enabled:  # closed while the timer was firing
                return
            self.shown = True
            if self.current:
                self._write()

    def _write(self) -> None:
        self.stream.write(f"\r\033[K  {self.current}...")
        self.stream.flush()

    def close(self) -> None:
        if self._timer is not None:
            self._timer.cancel()
        with self._lock:
            if self.shown:
                self.stream.write("\r\033[K")
                self.stream.flush()
            self.shown = False
            self.enabled = False


def build(root: Path, content: Path | None, out: Path, base_url: str | None, strict: bool,
          repo_url: str | None = None, quiet: bool = False) -> int:
    project = Project.at(root, content)
    progress = Progress(sys.stderr, enabled=False if quiet else None)
    builder = Builder(project, base_url=base_url, repo_url=repo_url, progress=progress)
    try:
        return _build(builder, root, out, strict, quiet, progress)
    finally:
        progress.close()


def _build(builder: Builder, root: Path, out: Path, strict: bool, quiet: bool, progress: Progress) -> int:
    try:
        if strict:
            problems = builder.check()
            if problems:
                _report(problems)
                _err(f"build failed: {summary_line(_as_errors(problems))} (--strict)")
                return EXIT_CONTENT
        result = builder.write(out.resolve())
    except ContentError as exc:
        progress.close()
        _report(exc.problems)
        _err(f"build failed: {summary_line(exc.problems)}; {_shown(out, root)}/ was left as it was")
        return EXIT_CONTENT
    progress.close()
    _report(result.problems)
    if not quiet:
        warnings = f" with {summary_line(result.problems)}" if result.problems else ""
        _err(f"built {result.pages} pages in {format_duration(result.seconds)} into {_shown(out, root)}/{warnings}")
    return EXIT_OK


def check(root: Path, content: Path | None, output_format: str, strict: bool, quiet: bool = False) -> int:
    progress = Progress(sys.stderr, enabled=False if quiet else None)
    builder = Builder(Project.at(root, content), progress=progress)
    try:
        problems = builder.check()
    except ContentError as exc:
        problems = list(exc.problems)
    finally:
        progress.close()
    if strict:
        problems = _as_errors(problems)
    failed = bool(errors_in(problems))
    if output_format == "json":
        print(format_json(problems))
    elif output_format == "github":
        if problems:
            print(format_github(problems))
        if failed or not quiet:
            _err(f"check {'failed' if failed else 'passed'}: {summary_line(problems)}")
    else:
        _report(problems)
        if failed or not quiet:
            _err(f"check {'failed' if failed else 'passed'}: {summary_line(problems)}")
    return EXIT_CONTENT if failed else EXIT_OK


def new(root: Path, content: Path | None, kind: str, title: str, cluster: str | None) -> int:
    from .scaffold import ScaffoldError, create

    folder = (content or root / "content").resolve()
    try:
        path = create(folder, kind, title, cluster)
    except ScaffoldError as exc:
        _err(f"new: {exc}")
        return EXIT_USAGE
    _err(f"created {_shown(path, root)}: replace every REPLACE, then preview with 'python build.py serve'")
    return EXIT_OK


def schema(kind: str | None, markdown: bool) -> int:
    import json

    from .schema import json_schema, json_schema_document, markdown_reference

    if markdown:
        print(markdown_reference())
    else:
        print(json.dumps(json_schema(kind) if kind else json_schema_document(), indent=2, sort_keys=True))
    return EXIT_OK


def serve(root: Path, content: Path | None, host: str, port: int) -> int:
    from .serve import DevServer

    return DevServer(Project.at(root, content), host=host, port=port, log=_err).run()


def _as_errors(problems: list[Problem] | tuple[Problem, ...]) -> list[Problem]:
    from dataclasses import replace

    from .problems import Severity

    return [replace(p, severity=Severity.ERROR) for p in problems]


def _shown(path: Path, root: Path) -> str:
    try:
        return path.resolve().relative_to(root).as_posix()
    except ValueError:
        return str(path)
