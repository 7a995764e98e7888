"""What each command of build.py does, and what it prints.

Output is quiet: one closing line on success, one `path:line: message`
line per problem otherwise. Functions return the process exit status.
"""

from __future__ import annotations

import sys
from pathlib import Path

from .pipeline import Builder, Project, format_duration
from .problems import ContentError, Problem, errors_in, format_github, format_json, format_text, summary_line

EXIT_OK, EXIT_CONTENT, EXIT_USAGE = 0, 1, 2


def _err(text: str) -> None:
    print(text, file=sys.stderr, flush=True)


def _report(problems: list[Problem] | tuple[Problem, ...]) -> None:
    if problems:
        _err(format_text(problems))


def _progress(message: str) -> None:
    _err(f"  {message}...")


def build(root: Path, content: Path | None, out: Path, base_url: str | None, strict: bool,
          repo_url: str | None = None) -> int:
    project = Project.at(root, content)
    builder = Builder(project, base_url=base_url, repo_url=repo_url,
                      progress=_progress if sys.stderr.isatty() else None)
    try:
        if strict:
            problems = builder.check()
            if problems:
                _report(problems)
                _err(f"build failed: {summary_line(_as_errors(problems))} (--strict)")
                return EXIT_CONTENT
        result = builder.write(out.resolve())
    except ContentError as exc:
        _report(exc.problems)
        _err(f"build failed: {summary_line(exc.problems)}; {_shown(out, root)}/ was left as it was")
        return EXIT_CONTENT
    _report(result.problems)
    warnings = f" with {summary_line(result.problems)}" if result.problems else ""
    _err(f"built {result.pages} pages in {format_duration(result.seconds)} into {_shown(out, root)}/{warnings}")
    return EXIT_OK


def check(root: Path, content: Path | None, output_format: str, strict: bool) -> int:
    builder = Builder(Project.at(root, content))
    try:
        problems = builder.check()
    except ContentError as exc:
        problems = list(exc.problems)
    if strict:
        problems = _as_errors(problems)
    failed = bool(errors_in(problems))
    if output_format == "json":
        print(format_json(problems))
    elif output_format == "github":
        if problems:
            print(format_github(problems))
        _err(f"check {'failed' if failed else 'passed'}: {summary_line(problems)}")
    else:
        _report(problems)
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
