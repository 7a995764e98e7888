"""The build, phase by phase: load -> validate -> model -> render -> write.

`Builder` reads everything before it writes anything. It keeps what it
computed (parsed files, rendered Markdown, rendered pages) keyed by the
inputs that produced them, so the dev server can run the same build again
after a one-file change and redo only what that change touched. A fresh
`Builder` does a clean build, spreading Markdown and page rendering over
every core when the site is large enough to gain from it.
"""

from __future__ import annotations

import multiprocessing
import os
import sys
import time
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, Callable, Iterable, Sequence

import jinja2

from . import write
from .config import Config, load_config, normalize_base_url
from .data import Occupation, load_occupations
from .history import history_stamp, last_commit_dates
from .load import Source, display, find_content_files, load_source
from .markup import Markup, Renderer, content_url
from .model import Site, build_site
from .problems import ContentError, Problem, errors_in
from .render import (PageJob, SiteView, make_environment, output_path, plan_pages, render_page, render_robots,
                     render_sitemap, site_view)
from .validate import Known, check_duplicates, check_source

PARALLEL_MIN_FILES = 400
"""Below this many files, starting worker processes costs more than it saves."""


@dataclass(frozen=True)
class Project:
    """Where a site's inputs live."""

    root: Path
    content: Path
    templates: Path
    static: Path
    data: Path
    config_file: Path

    @classmethod
    def at(cls, root: Path, content: Path | None = None) -> "Project":
        root = root.resolve()
        return cls(root=root, content=(content or root / "content").resolve(), templates=root / "templates",
                   static=root / "static", data=root / "data", config_file=root / "site.yml")

    def watched(self) -> tuple[Path, ...]:
        """Everything whose change means a rebuild."""
        return (self.content, self.templates, self.static, self.data, self.config_file)


@dataclass(frozen=True)
class Result:
    """What a build produced and found."""

    site: Site
    files: dict[str, bytes]
    problems: tuple[Problem, ...]
    seconds: float
    rendered: int  # pages rendered this run (the rest came from the cache)

    @property
    def pages(self) -> int:
        return sum(1 for name in self.files if name.endswith(".html"))


@dataclass
class _Cache:
    sources: dict[str, tuple[tuple[int, int], Source | None, tuple[Problem, ...]]] = field(default_factory=dict)
    markups: dict[tuple[str, str, int], tuple[Markup, tuple[Problem, ...]]] = field(default_factory=dict)
    pages: dict[str, tuple[Any, bytes]] = field(default_factory=dict)
    checks: dict[str, tuple[Any, list[Problem]]] = field(default_factory=dict)
    assets: tuple[Any, dict[str, tuple[str, bytes]]] | None = None
    dates: tuple[Any, dict[str, str]] | None = None
    shared: Any = None
    templates_stamp: Any = None
    occupations_stamp: Any = None
    occupations: Any = None


class Builder:
    """Builds one project; reusable, so later builds only redo what changed."""

    def __init__(self, project: Project, base_url: str | None = None, dev: bool = False,
                 workers: int | None = None, progress: Callable[[str], None] | None = None,
                 repo_url: str | None = None):
        self.project = project
        self.base_url = base_url
        self.repo_url = repo_url
        self.dev = dev
        self.workers = workers if workers is not None else (os.cpu_count() or 1)
        self.progress = progress or (lambda message: None)
        self._cache = _Cache()

    # -- phases ---------------------------------------------------------------------------------

    def config(self) -> Config:
        config = load_config(self.project.config_file, self.project.root)
        if self.repo_url:
            config = replace(config, repo_url=self.repo_url.rstrip("/"))
        return config.with_base_url(self.base_url) if self.base_url else config

    def dates(self) -> dict[str, str]:
        """Last-commit dates of content files, re-read only after git history changes."""
        stamp = history_stamp(self.project.root)
        if self._cache.dates is None or self._cache.dates[0] != stamp:
            self._cache.dates = (stamp, last_commit_dates(self.project.root, self.project.content))
        return self._cache.dates[1]

    def occupations(self) -> dict[str, Occupation]:
        path = self.project.data / "occupations.csv"
        stamp = _stamp(path)
        if self._cache.occupations_stamp != stamp:
            self._cache.occupations = load_occupations(path, display(path, self.project.root))
            self._cache.occupations_stamp = stamp
        return self._cache.occupations

    def load(self) -> tuple[list[Source], dict[str, Markup], list[Problem]]:
        """Read and parse every content file and render its Markdown."""
        paths, problems = find_content_files(self.project.content, self.project.root)
        stale = [p for p in paths if self._cache.sources.get(str(p), (None,))[0] != _stamp(p)]
        if stale:
            self.progress(f"reading {len(stale)} files")
            for path, entry in zip(stale, self._map(_read_files, stale)):
                self._cache.sources[str(path)] = entry
        live = {str(p) for p in paths}
        for key in set(self._cache.sources) - live:
            del self._cache.sources[key]
        sources: list[Source] = []
        for path in paths:
            _, source, found = self._cache.sources[str(path)]
            problems.extend(found)
            if source is not None:
                sources.append(source)
        markups, markup_problems = self._markups(sources)
        return sources, markups, problems + markup_problems

    def _markups(self, sources: Sequence[Source]) -> tuple[dict[str, Markup], list[Problem]]:
        keys = {s.path: (s.path, s.body, s.body_line) for s in sources}
        missing = [s for s in sources if keys[s.path] not in self._cache.markups]
        if missing:
            for source, entry in zip(missing, self._map(_render_markdown, missing)):
                self._cache.markups[keys[source.path]] = entry
        wanted = set(keys.values())
        for key in set(self._cache.markups) - wanted:
            del self._cache.markups[key]
        markups, problems = {}, []
        for source in sources:
            markup, found = self._cache.markups[keys[source.path]]
            markups[source.path] = markup
            problems.extend(found)
        return markups, problems

    def build(self) -> Result:
        """Run every phase and return the files of the site. Raises ContentError."""
        started = time.perf_counter()
        config = self.config()
        occupations = self.occupations()
        sources, markups, problems = self.load()
        problems.extend(self.validate(sources, markups, occupations))
        if errors_in(problems):
            raise ContentError(problems)
        site = build_site(config, sources, markups, occupations, self.dates())
        self.progress(f"rendering {len(site.pathways)} pathways")
        files, rendered = self.render(site)
        return Result(site=site, files=files, problems=tuple(problems),
                      seconds=time.perf_counter() - started, rendered=rendered)

    def check(self) -> list[Problem]:
        """Every problem in the content, without rendering or writing anything."""
        config_problems: list[Problem] = []
        try:
            self.config()
        except ContentError as exc:
            config_problems = list(exc.problems)
        occupations = self.occupations()
        sources, markups, problems = self.load()
        return config_problems + problems + self.validate(sources, markups, occupations)

    def validate(self, sources: Sequence[Source], markups: dict[str, Markup],
                 occupations: dict[str, Occupation]) -> list[Problem]:
        """`validate.validate`, redoing only documents that changed or whose context did."""
        known = Known.of(sources)
        problems = list(check_duplicates(sources))
        checks = {}
        for source in sources:
            key = (source, markups.get(source.path), known, self._cache.occupations_stamp)
            cached = self._cache.checks.get(source.path)
            found = cached[1] if cached is not None and cached[0] == key else \
                check_source(source, markups.get(source.path), known, occupations)
            checks[source.path] = (key, found)
            problems.extend(found)
        self._cache.checks = checks
        return problems

    def render(self, site: Site) -> tuple[dict[str, bytes], int]:
        """Every output file, by path. Returns the files and how many pages were rendered."""
        assets = self._assets()
        view = site_view(site, {name: path for name, (path, _) in assets.items()}, dev=self.dev)
        env = self._environment()
        if self._cache.shared != view:
            self._cache.pages.clear()
            self._cache.shared = view
        jobs = plan_pages(site)
        outputs: dict[str, bytes] = {}
        for job in jobs:
            name = output_path(job.page.url)
            if name in outputs:
                raise ContentError([Problem(job.page.source or "content", 1,
                                            f"two pages would be written to {name}; rename one of them")])
            outputs[name] = b""
        todo = [job for job in jobs if self._cache.pages.get(job.page.url, (None,))[0] != job]
        rendered = self._render_jobs(env, view, todo)
        for job, html in zip(todo, rendered):
            self._cache.pages[job.page.url] = (job, html)
        live = {job.page.url for job in jobs}
        for url in set(self._cache.pages) - live:
            del self._cache.pages[url]
        for job in jobs:
            outputs[output_path(job.page.url)] = self._cache.pages[job.page.url][1]
        for path, data in assets.values():
            outputs[path] = data
        outputs["sitemap.xml"] = render_sitemap(env, view, jobs).encode()
        outputs["robots.txt"] = render_robots(site.config).encode()
        outputs[write.MARKER] = b""
        return dict(sorted(outputs.items())), len(todo)

    def _environment(self) -> jinja2.Environment:
        stamp = _tree_stamp(self.project.templates)
        if self._cache.templates_stamp != stamp or not hasattr(self, "_env"):
            self._env = make_environment(self.project.templates)
            for name in self._env.list_templates():  # compile once, before workers fork and share them
                self._env.get_template(name)
            self._cache.templates_stamp = stamp
            self._cache.pages.clear()
        return self._env

    def _assets(self) -> dict[str, tuple[str, bytes]]:
        """Static files by name, each with its fingerprinted output path and bytes."""
        stamp = _tree_stamp(self.project.static) if self.project.static.is_dir() else ()
        if self._cache.assets is None or self._cache.assets[0] != stamp:
            self._cache.assets = (stamp, self._read_assets())
        return self._cache.assets[1]

    def _read_assets(self) -> dict[str, tuple[str, bytes]]:
        assets: dict[str, tuple[str, bytes]] = {}
        if not self.project.static.is_dir():
            return assets
        for path in sorted(self.project.static.rglob("*")):
            if path.is_dir() or path.name.startswith("."):
                continue
            name = path.relative_to(self.project.static).as_posix()
            data = path.read_bytes()
            stem, dot, suffix = name.rpartition(".")
            hashed = f"{stem}.{write.fingerprint(data)}.{suffix}" if dot else name
            assets[name] = (f"assets/{hashed}", data)
        return assets

    def _render_jobs(self, env: jinja2.Environment, view: SiteView, jobs: Sequence[PageJob]) -> list[bytes]:
        if len(jobs) < PARALLEL_MIN_FILES or self.workers < 2:
            return [render_page(env, view, job).encode() for job in jobs]
        chunks = _chunks(range(len(jobs)), self.workers * 4)
        context = multiprocessing.get_context("fork")
        with ProcessPoolExecutor(self.workers, mp_context=context, initializer=_start_renderer,
                                 initargs=(env, view, jobs)) as pool:
            return [html for part in pool.map(_render_slice, chunks) for html in part]

    def _map(self, function: Callable[[Any], Any], items: Sequence[Any]) -> list[Any]:
        """`function` over chunks of `items`, across processes when there are many."""
        if len(items) < PARALLEL_MIN_FILES or self.workers < 2:
            return function(list(items), self.project.root)
        chunks = _chunks(items, self.workers * 4)
        context = multiprocessing.get_context("fork")
        with ProcessPoolExecutor(self.workers, mp_context=context) as pool:
            parts = pool.map(function, chunks, [self.project.root] * len(chunks))
            return [entry for part in parts for entry in part]

    # -- output ---------------------------------------------------------------------------------

    def write(self, out: Path) -> Result:
        """Build and swap the result into `out`. On any error `out` is untouched."""
        result = self.build()
        if not write.is_replaceable(out):
            raise ContentError([Problem(str(out), 1, "refusing to replace this folder: it is not empty and was "
                                                     "not built by this tool; choose another --out")])
        staging = write.staging_dir(out)
        try:
            writer = write.SiteWriter(staging)
            for name, data in result.files.items():
                writer.write(name, data)
            write.publish(staging, out)
        except BaseException:
            write.discard(staging)
            raise
        return result


def _stamp(path: Path) -> tuple[int, int]:
    try:
        info = path.stat()
    except FileNotFoundError:
        return (0, -1)
    return (info.st_mtime_ns, info.st_size)


def _tree_stamp(root: Path) -> tuple:
    return tuple((str(p), _stamp(p)) for p in sorted(root.rglob("*")) if p.is_file())


def _chunks(items: Sequence[Any], count: int) -> list[list[Any]]:
    size = max(1, -(-len(items) // count))
    return [list(items[i:i + size]) for i in range(0, len(items), size)]


def _read_files(paths: list[Path], root: Path) -> list[tuple[tuple[int, int], Source | None, tuple[Problem, ...]]]:
    out = []
    for path in paths:
        stamp = _stamp(path)
        try:
            source, problems = load_source(path, root)
        except OSError as exc:
            source, problems = None, [Problem(display(path, root), 1, f"cannot read file: {exc.strerror}")]
        out.append((stamp, source, tuple(problems)))
    return out


_renderer: Renderer | None = None


def _render_markdown(sources: list[Source], root: Path) -> list[tuple[Markup, tuple[Problem, ...]]]:
    global _renderer  # one Markdown instance per process: building one costs more than a page
    if _renderer is None:
        _renderer = Renderer()
    out = []
    for source in sources:
        url = content_url(source.path) or ""
        markup, problems = _renderer.render(source.body, source.path, source.body_line, url)
        out.append((markup, tuple(problems)))
    return out


_worker: tuple[jinja2.Environment, SiteView, Sequence[PageJob]] | None = None


def _start_renderer(env: jinja2.Environment, view: SiteView, jobs: Sequence[PageJob]) -> None:
    global _worker  # set once in each forked worker, which inherits all three without pickling
    _worker = (env, view, jobs)


def _render_slice(indexes: list[int]) -> list[bytes]:
    assert _worker is not None
    env, view, jobs = _worker
    return [render_page(env, view, jobs[i]).encode() for i in indexes]


def format_duration(seconds: float) -> str:
    return f"{seconds * 1000:.0f} ms" if seconds < 1 else f"{seconds:.2f} s"


def is_interactive() -> bool:
    return sys.stderr.isatty()


__all__ = ["Builder", "Project", "Result", "ContentError", "normalize_base_url", "format_duration"]
