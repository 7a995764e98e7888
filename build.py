#!/usr/bin/env python3
"""Build, preview and check the career pathways site.

    python build.py                      build the site into site/
    python build.py build --out DIR --base-url URL
    python build.py serve                preview at http://127.0.0.1:8000 with live reload
    python build.py check                validate the content and write nothing
    python build.py new pathway "Title" --cluster SLUG
    python build.py schema               print the JSON Schema of the front matter

Exit status: 0 success, 1 content errors, 2 usage errors.
"""

from __future__ import annotations

import argparse
import gc
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="build.py", description="Build, preview and check the career pathways site.")
    parser.add_argument("--debug", action="store_true", help="show Python tracebacks for unexpected failures")
    commands = parser.add_subparsers(dest="command", metavar="command")

    build = commands.add_parser("build", help="build the site (the default)")
    _common(build)
    build.add_argument("--out", type=Path, help="output folder (default: site/ in the project)")
    build.add_argument("--base-url", help="where the site is published, e.g. https://owner.github.io/repo/")
    build.add_argument("--repo-url", help="the GitHub repository, for 'edit this page' links (overrides site.yml)")
    build.add_argument("--strict", action="store_true", help="treat warnings as errors")
    build.add_argument("--quiet", action="store_true", help="print only problems: no progress, no closing line")

    serve = commands.add_parser("serve", help="build, serve on localhost and reload the browser on every change")
    _common(serve)
    serve.add_argument("--port", type=int, default=8000, help="port to serve on (default: 8000)")
    serve.add_argument("--host", default="127.0.0.1", help="address to serve on (default: 127.0.0.1)")

    check = commands.add_parser("check", help="validate all content and write nothing")
    _common(check)
    check.add_argument("--format", choices=("text", "github", "json"), default="text",
                       help="text (default), github (Actions annotations) or json")
    check.add_argument("--strict", action="store_true", help="treat warnings as errors")
    check.add_argument("--quiet", action="store_true", help="print only problems: no progress, and no closing "
                                                          "line when the check passes")

    new = commands.add_parser("new", help="create a new content file with every field explained")
    new.add_argument("kind", choices=("pathway", "cluster", "page"))
    new.add_argument("title", help="the title, in quotes; the file name is made from it")
    new.add_argument("--cluster", help="for a pathway: the slug of its cluster, e.g. health-science")
    _common(new)

    schema = commands.add_parser("schema", help="print the JSON Schema of the front matter")
    schema.add_argument("kind", nargs="?", choices=("cluster", "pathway", "page"),
                        help="one kind only (default: all, under $defs)")
    schema.add_argument("--markdown", action="store_true", help="print the field reference as Markdown instead")

    args = parser.parse_args(argv)
    from engine import cli  # imported late so `--help` works before dependencies are installed

    try:
        if args.command in (None, "build"):
            if args.command is None:
                args = build.parse_args([])
            out = args.out if args.out is not None else args.project / "site"
            return cli.build(args.project, args.content, out, args.base_url, args.strict, args.repo_url, args.quiet)
        if args.command == "serve":
            return cli.serve(args.project, args.content, args.host, args.port)
        if args.command == "check":
            return cli.check(args.project, args.content, args.format, args.strict, args.quiet)
        if args.command == "new":
            return cli.new(args.project, args.content, args.kind, args.title, args.cluster)
        if args.command == "schema":
            return cli.schema(args.kind, args.markdown)
    except KeyboardInterrupt:
        return 130
    except Exception as exc:  # the last resort: say what failed, trace only on request
        if args.debug:
            raise
        print(f"build.py: unexpected error: {exc.__class__.__name__}: {exc} (run with --debug for details)",
              file=sys.stderr)
        return 1
    parser.error(f"unknown command {args.command!r}")
    return 2


def _common(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--project", type=Path, default=ROOT,
                        help="project folder holding content/, templates/, static/, data/ and site.yml "
                             "(default: the folder of build.py)")
    parser.add_argument("--content", type=Path, help="content folder (default: content/ in the project)")
    parser.add_argument("--debug", action="store_true", help="show Python tracebacks for unexpected failures")


if __name__ == "__main__":
    status = main()
    # A normal exit: exit handlers run and output is flushed. Only the interpreter's last search for reference
    # cycles among everything still in memory is skipped (gc.freeze puts it all out of the collector's reach),
    # which took a tenth of a second after a large build; the system takes the memory back at once.
    gc.freeze()
    sys.exit(status)
