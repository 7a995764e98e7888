"""The build, phase by phase: load -> validate -> model -> render -> write.

`Builder` reads everything before it writes anything. It keeps what it
computed (parsed files, rendered Markdown, rendered pages) keyed by the
inputs that produced them, so the dev server can run the same build again
after a one-file change and redo only what that change touched. A fresh
`Builder` does a clean build, spreading Markdown and page rendering over
every core when the site is large enough to gain from it.
"""

from __future__ import annotations

import contextlib
import gc
import multiprocessing
import os
import pickle
import time
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, Callable, Iterator, Mapping, Sequence

import jinja2

from . import write
from .config import Config, load_config
from .explore import QUIZ_FILE, Statement, build_explore_data, explore_key, load_quiz
from .contentcache import ContentCache, Entry, context_digest
from .diskcache import DiskCache
from .data import Facts, Framework, Occupation, load_credential_rules, load_framework, load_occupations, load_related
from .history import history_stamp, last_commit_dates
from .load import Source, display, find_content_files, load_source
from .markup import Markup, Renderer, content_url
from .model import ModelMemo, Site, build_site
from .profiles import (INTERESTS_FILE, RATING_FILES, TRANSFERABLE_FILE, WORK_VALUES_FILE, Profiles, load_profiles,
                       rating_names)
from .problems import ContentError, Problem, errors_in
from .render import (PageJob, Sidebar, SiteView, TemplateCache, compile_templates, make_environment, output_path,
                     plan_pages, render_page, outlook, render_robots, render_service_worker, render_sitemap,
                     render_state_pay, site_view, sitemap_urls, SERVICE_WORKER)
from .search_words import SearchWords, load_search_words
from .stamps import Snapshot, Stamp, Tree, file_stamp, folder_stamp, tree_stamp
from .jobs import jobs_key, render_job_files
from .search import Document, Part, SearchIndex, build_search_index, for_scoring, index_part, runs
from .validate import Known, check_document, check_duplicates, check_references

OCCUPATION_FILES = ("occupations.csv", "broad-group-wages.csv")
"""The occupations' figures, and the figures BLS publishes only for broader groups (`data.load_occupations`)."""
RELATED_FILE = "related-occupations.csv"
CREDENTIALS_FILE = "credentials-needing-experience.yml"
FRAMEWORK_FILE = "modern-career-clusters.yml"
FACTS_FILES = OCCUPATION_FILES + (RELATED_FILE, CREDENTIALS_FILE, FRAMEWORK_FILE)
"""The data files content is checked against (`Facts`)."""
PROFILE_FILES = RATING_FILES + ("technology-skills.csv", "occupation-titles.csv", "soc-cip.csv",
                                "soc-modern-clusters.csv", "state-wages.csv", "skill-descriptions.yml",
                                TRANSFERABLE_FILE, "career-pathway-occupations.csv", INTERESTS_FILE, WORK_VALUES_FILE)
"""The data files behind the occupations' profiles, besides the occupations' own (`profiles.load_profiles`)."""
PRUNE_AFTER = 64
"""Reading at least this many content files, a build sees whether the kept ones need pruning (`ContentCache.touch`)."""

PARALLEL_MIN_FILES = 400
"""Below this many files, starting worker processes costs more than it saves."""


@contextlib.contextmanager
def _cycle_collector_paused() -> Iterator[None]:
    """Pause Python's cycle collector for a build, then restore it.

    A build allocates millions of objects, and reference counting alone frees
    nearly all of them (a build leaves at most a few hundred in reference
    cycles, collected once the collector runs again), while the collector would
    walk the ever larger heap again and again: a tenth of a second on a site of
    a thousand pathways.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            # Move what the build made to the oldest generation, rather than have the collector's first
            # pass walk all of it (a tenth of a second) the moment it is back on.
            gc.freeze()
            gc.unfreeze()
            gc.enable()


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
    files: dict[str, bytes]  # empty when the build was written straight to disk
    problems: tuple[Problem, ...]
    seconds: float
    rendered: int  # pages rendered this run (the rest came from the cache)
    pages: int


@dataclass
class _Cache:
    files: dict[str, "_Loaded"] = field(default_factory=dict)  # content path -> as read
    checks: dict[str, tuple[Any, list[Problem]]] = field(default_factory=dict)  # content path -> (inputs, problems)
    pages: dict[str, tuple[Any, bytes]] = field(default_factory=dict)  # page URL -> (job, html), dev server only
    pages_for: Any = None  # the environment and site view the cached pages were rendered with
    inputs: dict[str, tuple[Any, Any]] = field(default_factory=dict)  # name -> (stamp, value), see Builder._input
    unread: frozenset[str] = frozenset()  # content files of the last load that could not be read, as shown
    known: Any = None  # the last validation's `Known`
    listing: Any = None  # the last content listing: ((folder, stamp), ...), paths, problems; see `content_files`
    search: SearchIndex = field(default_factory=SearchIndex)  # the last search index, updated in place
    model: ModelMemo = field(default_factory=ModelMemo)  # parts of the last model, reused while unchanged
    markdown: Renderer | None = None  # one Markdown instance for every build: making one costs more than a page


class Builder:
    """Builds one project; reusable, so later builds only redo what changed."""

    def __init__(self, project: Project, base_url: str | None = None, dev: bool = False,
                 workers: int | None = None, progress: Callable[[str], None] | None = None,
                 repo_url: str | None = None, parallel_min: int = PARALLEL_MIN_FILES,
                 disk_cache: DiskCache | None = None):
        self.project = project
        self.disk_cache = disk_cache if disk_cache is not None else DiskCache.open()
        self.content_cache = ContentCache.beside(self.disk_cache)  # each content file as read, between builds
        self.parallel_min = parallel_min
        self.base_url = base_url
        self.repo_url = repo_url
        self.dev = dev
        self.workers = workers if workers is not None else (os.cpu_count() or 1)
        self.progress = progress or (lambda message: None)
        self._cache = _Cache()
        self._snapshot: Snapshot | None = None  # the stamps the running build uses, if its caller took them

    def _stamp(self, path: Path | str) -> Stamp:
        """The stamp of an input file: from the running build's snapshot, if there is one, else asked now."""
        return self._snapshot.file(path) if self._snapshot is not None else file_stamp(path)

    def _tree(self, root: Path) -> Tree:
        """The stamps of every file under an input folder, likewise."""
        return self._snapshot.tree(root) if self._snapshot is not None else tree_stamp(root)

    # -- phases ---------------------------------------------------------------------------------

    def config(self) -> Config:
        config = load_config(self.project.config_file, self.project.root)
        if self.repo_url:
            config = replace(config, repo_url=self.repo_url.rstrip("/"))
        return config.with_base_url(self.base_url) if self.base_url else config

    def _input(self, name: str, stamp: Any, read: Callable[[], Any]) -> Any:
        """The value `read` returns, read again only when `stamp` (what it depends on) has changed."""
        cached = self._cache.inputs.get(name)
        if cached is None or cached[0] != stamp:
            cached = self._cache.inputs[name] = (stamp, read())
        return cached[1]

    def dates(self) -> dict[str, str]:
        """Last-commit dates of content files, re-read only after git history changes."""
        return self._input("dates", history_stamp(self.project.root),
                           lambda: last_commit_dates(self.project.root, self.project.content))

    def related(self) -> Mapping[str, tuple[str, ...]]:
        """O*NET's related occupations by code, re-read only when the file changes."""
        path = self.project.data / RELATED_FILE
        return self._input("related", self._stamp(path), lambda: load_related(path, display(path, self.project.root)))

    def occupations(self) -> dict[str, Occupation]:
        """Occupation figures by code, re-read only when the file changes."""
        path, groups = (self.project.data / name for name in OCCUPATION_FILES)
        root = self.project.root
        return self._input("occupations", (self._stamp(path), self._stamp(groups)),
                           lambda: load_occupations(path, display(path, root), groups, display(groups, root)))

    def profiles(self) -> Profiles:
        """Skills, programs, pay by state and the rest for each occupation, re-read only when a file changes."""
        occupations = self.occupations()
        stamp = (id(occupations),) + tuple(self._stamp(self.project.data / name) for name in PROFILE_FILES)
        # Kept on disk between builds, for the very same bytes of these files and of the occupations' (`DiskCache`).
        return self._input("profiles", stamp, lambda: self.disk_cache.get(
            "profiles", self._profile_inputs(), lambda: load_profiles(
                self.project.data, occupations, lambda path: display(path, self.project.root))))

    def _profile_inputs(self) -> list[Path]:
        return [self.project.data / name for name in PROFILE_FILES + OCCUPATION_FILES]

    def _check_profiles(self) -> None:
        """Raise the problems of the profiles' data files, if any. A kept entry for their very bytes shows that
        they load without one (`DiskCache.holds`), so `check` need not load it, a fifth of a second or more."""
        if "profiles" not in self._cache.inputs and self.disk_cache.holds("profiles", self._profile_inputs()):
            return
        self.profiles()

    def credential_rules(self) -> tuple:
        """Credentials that need work experience, re-read only when the file changes."""
        path = self.project.data / CREDENTIALS_FILE
        return self._input("credentials", self._stamp(path),
                           lambda: load_credential_rules(path, display(path, self.project.root)))

    def framework(self) -> Framework:
        """The 2024 framework's official names, re-read only when the file changes."""
        path = self.project.data / FRAMEWORK_FILE
        return self._input("framework", self._stamp(path),
                           lambda: load_framework(path, display(path, self.project.root)))

    def search_words(self) -> SearchWords:
        """Synonyms, filler words and pay words for search, re-read only when the file changes (or the names of
        O*NET's skills and knowledge areas, which its strengths use)."""
        path = self.project.data / "search-words.yml"
        ratings = tuple(self._stamp(self.project.data / name) for name in RATING_FILES)
        elements = self._input("rating names", ratings, lambda: rating_names(self.project.data)) or None
        return self._input("search-words", (self._stamp(path), elements),
                           lambda: load_search_words(path, display(path, self.project.root), elements))

    def quiz(self) -> tuple[Statement, ...]:
        """The interest quiz's statements, re-read only when the file changes."""
        path = self.project.data / QUIZ_FILE
        return self._input("quiz", self._stamp(path), lambda: load_quiz(path, display(path, self.project.root)))

    def facts(self) -> Facts:
        """What content is checked against; the same object while none of its files changes."""
        occupations, related, credentials = self.occupations(), self.related(), self.credential_rules()
        framework = self.framework()
        return self._input("facts", (id(occupations), id(related), id(credentials), id(framework)),
                           lambda: Facts(occupations, related, credentials, framework))

    def load(self, meanwhile: Callable[[], Any] = lambda: None, facts: Facts | None = None
             ) -> tuple[list[Source], dict[str, Markup], list[Problem]]:
        """Read, parse and render every content file; files unchanged since last time are reused.
        `meanwhile` is called while worker processes read, if there are any.

        Given the `facts`, worker processes also run each file's checks against the others and the data
        (`validate.check_references`) as they read it, and `validate` finds them done: the names of the
        other files are known from the listing, before any is read."""
        paths, problems = self.content_files()
        names = [str(p) for p in paths]
        cache = self._cache.files
        stale = [p for p, name in zip(paths, names)
                 if (entry := cache.get(name)) is None or entry.stamp != self._stamp(name)]
        if stale:
            self.progress(f"reading {len(stale)} files")
            checking, context = None, None
            if facts is not None and self._parallel(stale):
                checking = (self._known(Known.of((), [display(p, self.project.root) for p in paths])), facts)
                context = context_digest(checking[0], [self.project.data / name for name in FACTS_FILES])
            contents = self.content_cache.ready()
            read, todo, found, fresh = self._read_kept(stale, contents, context)
            if todo:
                if self._cache.markdown is None:  # made once, before any worker is forked, which has its own copy
                    self._cache.markdown = Renderer()
                work = _LoadWork(self._cache.markdown, checking, contents, context, found, fresh)
                read.update((str(path), (key, _loaded(result)))
                            for path, (key, result) in zip(todo, self._map(_load_files, todo, meanwhile, work)))
            else:
                meanwhile()
            if len(read) >= PRUNE_AFTER:  # a first build, not the dev server's rebuild after a save
                contents.touch(key for key, _ in read.values() if key is not None)
            for path in stale:
                _, entry = read[str(path)]
                cache[str(path)] = entry
                if checking is not None and entry.checked is not None and entry.source is not None:
                    key = (entry.source, entry.markup) + checking
                    self._cache.checks[entry.source.path] = (key, list(entry.checked))
        else:
            meanwhile()
        if len(cache) != len(names):  # else each listed file is cached (just above), and nothing else
            for key in set(cache) - set(names):
                del cache[key]
        sources: list[Source] = []
        markups: dict[str, Markup] = {}
        unread = []
        for path, name in zip(paths, names):
            entry = cache[name]
            problems.extend(entry.problems)
            if entry.source is not None and entry.markup is not None:
                sources.append(entry.source)
                markups[entry.source.path] = entry.markup
            else:
                unread.append(display(path, self.project.root))
        self._cache.unread = frozenset(unread)
        return sources, markups, problems

    def _read_kept(self, paths: Sequence[Path], contents: ContentCache, context: str | None
                   ) -> tuple[dict[str, tuple[str | None, _Loaded]], list[Path], dict[str, tuple[Stamp, str, Entry]],
                              dict[str, tuple[Stamp, bytes, str]]]:
        """The files of `paths` that `contents` holds as read, by path (with their entries' keys); the paths
        still to read; and, of those, the ones read before but whose checks against the others and the data
        (`context`) must be run again, with their stamps, keys and entries; and the stamps, bytes and keys of
        the files it read and did not find, which `_load_files` then need not ask for or work out again."""
        read: dict[str, tuple[str | None, _Loaded]] = {}
        todo: list[Path] = []
        found: dict[str, tuple[Stamp, str, Entry]] = {}
        fresh: dict[str, tuple[Stamp, bytes, str]] = {}
        if contents.folder is None:
            return read, list(paths), found, fresh
        root = self.project.root
        for path in paths:
            stamp = file_stamp(path)  # before the bytes, as `_load_files` takes it
            try:
                raw = path.read_bytes()
            except OSError:
                todo.append(path)  # `_load_files` reports it
                continue
            key = contents.key(display(path, root), raw)
            entry = contents.get(key)
            if entry is None:
                fresh[str(path)] = (stamp, raw, key)  # read and hashed once: `_load_files` takes these
                todo.append(path)
            elif context is None or entry.context == context or entry.source is None or entry.markup is None:
                checked = entry.checked if context is not None and entry.context == context else None
                read[str(path)] = (key, _Loaded.kept(stamp, entry, checked))
            else:
                found[str(path)] = (stamp, key, entry)
                todo.append(path)
        return read, todo, found, fresh

    def content_files(self) -> tuple[list[Path], list[Problem]]:
        """The content files and the problems of stray ones (`find_content_files`), listed again only when a
        content folder has changed: adding, removing or renaming a file changes its folder's time. A folder
        that changed shortly before it was listed is listed again next time all the same, since a change
        within the file system's tick of time would not move its time (as git does for its index)."""
        last = self._cache.listing
        if last is not None and all(folder_stamp(folder) == stamp for folder, stamp in last[0]):
            return list(last[1]), list(last[2])
        started = time.time_ns()
        folders: list[Path] = []
        paths, problems = find_content_files(self.project.content, self.project.root, folders)
        stamps = [(folder, folder_stamp(folder)) for folder in folders]
        settled = all(stamp[0] < started - _FOLDER_TICK_NS for _, stamp in stamps)
        self._cache.listing = (stamps, tuple(paths), tuple(problems)) if settled else None
        return paths, problems

    def prepare(self) -> tuple[Site, list[Problem]]:
        """Every phase before rendering. Returns the model and the warnings; raises ContentError."""
        config = self.config()
        occupations = self.occupations()
        others: list[Problem] = []  # the problems of the other inputs, read while the content is
        try:
            facts = self.facts()  # first, so that the workers that read the files check them too
        except ContentError:
            facts = None  # raised again below (`self.facts()`), after the content is read
        sources, markups, problems = self.load(meanwhile=lambda: others.extend(self._read_other_inputs()),
                                               facts=facts)
        problems.extend(self.validate(sources, markups, facts if facts is not None else self.facts()))
        problems.extend(others)
        if errors_in(problems):
            raise ContentError(problems)
        return build_site(config, sources, markups, occupations, self.dates(), self.related(),
                          self.profiles(), self.framework(), self.search_words(), self.quiz(),
                          memo=self._cache.model if self.dev else None), problems

    def _read_other_inputs(self) -> list[Problem]:
        """Read (or find unchanged) what the phases after loading need; returns the problems found.
        Called while the content is read."""
        return _problems_of(self.dates, self.related, self.profiles, self.search_words, self.quiz, self.assets,
                            self._environment)

    def build(self, snapshot: Snapshot | None = None) -> Result:
        """Run every phase and return the site's files in memory. Raises ContentError.

        Given a `snapshot` of the inputs' stamps (the dev server takes one to see that something changed), the
        build tells what changed from it rather than asking every file again.

        The cycle collector is paused meanwhile, so what a build makes is never walked by it during the
        build (on a large site, each walk of the whole heap takes seconds). A long-running caller (`serve`)
        collects cycles when it is idle instead."""
        self._snapshot = snapshot
        try:
            with _cycle_collector_paused():
                return self._build()
        finally:
            self._snapshot = None

    def _build(self) -> Result:
        started = time.perf_counter()
        site, problems = self.prepare()
        self.progress(f"rendering {len(site.pathways)} pathways")
        files, rendered, pages = self.render(site)
        if self.dev:
            self._cache.model.forget_unused()  # what neither the model nor the pages asked for: deleted files
        return Result(site=site, files=files, problems=tuple(problems),
                      seconds=time.perf_counter() - started, rendered=rendered, pages=pages)

    def check(self) -> list[Problem]:
        """Every problem in the content, without rendering or writing anything."""
        config_problems = _problems_of(self.config)
        data_problems = _problems_of(self.occupations, self.related, self.credential_rules, self.framework,
                                     self._check_profiles, self.search_words, self.quiz)
        if data_problems:
            return config_problems + data_problems
        facts = self.facts()  # given to `load`, as a build does: files kept with their checks need none again
        sources, markups, problems = self.load(facts=facts)
        return (config_problems + problems + self.validate(sources, markups, facts)
                + _problems_of(self._environment))  # the inputs that can be wrong

    def _age(self, source: Source) -> tuple[bool, float]:
        """Older files first: those committed to git, then by when they last changed."""
        try:
            changed = (self.project.root / source.path).stat().st_mtime
        except OSError:
            changed = 0.0
        return source.path not in self.dates(), changed

    def validate(self, sources: Sequence[Source], markups: dict[str, Markup], facts: Facts) -> list[Problem]:
        """Cross-document checks (`validate.check_references`), redone only for documents that changed or
        whose context did; the checks each file needs alone ran when it was read (`load`)."""
        known = self._known(Known.of(sources, self._cache.unread))  # a file that could not be read still exists
        problems = list(check_duplicates(sources, self._age))
        checks = {}
        for source in sources:
            key = (source, markups.get(source.path), known, facts)
            cached = self._cache.checks.get(source.path)
            found = cached[1] if cached is not None and cached[0] == key else \
                check_references(source, markups.get(source.path), known, facts)
            checks[source.path] = (key, found)
            problems.extend(found)
        self._cache.checks = checks
        return problems

    def _known(self, known: Known) -> Known:
        """`known`, or the equal one of the last validation: the same object, so each document's cached key in
        `validate` compares it by identity, not set by set (which, once per document, would make a rebuild
        quadratic in the number of files)."""
        if known == self._cache.known:
            return self._cache.known
        self._cache.known = known
        return known

    def render(self, site: Site, writer: write.SiteWriter | None = None) -> tuple[dict[str, bytes], int, int]:
        """Every output file. Returns the files by path (or, given a `writer`, writes them there and
        returns an empty dict), how many pages were rendered rather than reused, and how many pages there are."""
        assets = self.assets()
        view = site_view(site, {name: path for name, (path, _) in assets.items()}, dev=self.dev)
        env = self._environment()
        if self._cache.pages_for != (env, view):  # templates or something on every page changed
            self._cache.pages.clear()
            self._cache.pages_for = (env, view)
        jobs = plan_pages(site, self._cache.model if self.dev else None)
        urls = [job.page.url for job in jobs]
        names = [output_path(url) for url in urls]
        if len(set(names)) != len(names):
            seen: set[str] = set()
            twice = next(n for n in names if n in seen or seen.add(n))  # type: ignore[func-returns-value]
            raise ContentError([Problem("content", 1, f"two pages would be written to {twice}; rename one of them")])
        outputs: dict[str, bytes] = {}
        sink = writer.write if writer is not None else outputs.__setitem__
        # A one-off build with worker processes has them make the data files too (`SIDE_FILES`), before the pages,
        # while this process makes the search index's documents: they are the same whoever makes them.
        offload = SIDE_FILES if writer is not None and not self.dev and self._parallel(jobs) else ()

        def other_files(index_parts: Callable[[], list[Part]] | None) -> None:
            """Everything but the pages; done while worker processes render the pages."""
            for path, data in assets.values():
                sink(path, data)
            urls = sitemap_urls(view, jobs)  # rendered again only when the pages listed change (or the template)
            sink("sitemap.xml", self._input("sitemap", (env, urls), lambda: render_sitemap(env, urls).encode()))
            sink("robots.txt", render_robots(site.config).encode())
            sink(SERVICE_WORKER, render_service_worker({n: p for n, (p, _) in assets.items()}, self.dev))
            for kind in SIDE_FILES:
                if kind not in offload:
                    stamp = self._side_stamp(kind, site)
                    made = self._input(kind, stamp, lambda kind=kind: side_files(kind, site, view))
                    for name, data in made.items():
                        sink(name, data)
            for name, data in build_search_index(site, index_parts() if index_parts else None,
                                                 self._cache.search).items():
                sink(name, data)
            sink(write.MARKER, b"")

        if writer is not None and not self.dev:
            # A one-off build: the workers also make the search index's postings, which the dev
            # server instead keeps in this process to update after each edit.
            rendered = self._render_jobs(env, view, jobs, writer, meanwhile=other_files, index=site, side=offload)
        else:
            cached = self._cache.pages
            todo = [job for job, url in zip(jobs, urls)
                    if (last := cached.get(url)) is None or (last[0] is not job and last[0] != job)]
            for job, html in zip(todo, self._render_jobs(env, view, todo, None, meanwhile=other_files)):
                cached[job.page.url] = (job, html)
            if len(cached) != len(urls):
                for url in set(cached) - set(urls):
                    del cached[url]
            for url, name in zip(urls, names):
                sink(name, cached[url][1])
            rendered = len(todo)
        return outputs, rendered, len(jobs)  # in the order written, which is the same for the same inputs

    def _side_stamp(self, kind: str, site: Site) -> Any:
        """What a kind of data file (`side_files`) is made from, for the dev server, which rebuilds after every save:
        the data files behind the profiles (their stamp says so), and for the explorers and the jobs the ladders too."""
        profiles = self._cache.inputs["profiles"][0] if "profiles" in self._cache.inputs else None
        if kind == "state pay":
            return profiles
        if kind == "explore":
            return profiles, self._cache.inputs.get("related", (None,))[0], explore_key(site)
        return profiles, jobs_key(site)

    def _environment(self) -> jinja2.Environment:
        return self._input("templates", self._tree(self.project.templates), self._compile_templates)

    def _compile_templates(self) -> jinja2.Environment:
        env = make_environment(self.project.templates, TemplateCache.open())
        compile_templates(env)  # once, before workers fork and share them
        return env

    def assets(self) -> dict[str, tuple[str, bytes]]:
        """Static files by name, each with its fingerprinted output path and bytes (`write.read_assets`)."""
        static = self.project.static
        return self._input("assets", self._tree(static), lambda: write.read_assets(static))

    def _render_jobs(self, env: jinja2.Environment, view: SiteView, jobs: Sequence[PageJob],
                     writer: write.SiteWriter | None, meanwhile: Callable[[Callable[[], list[Part]] | None], None],
                     index: Site | None = None, side: Sequence[str] = ()) -> Any:
        """Render `jobs`, and call `meanwhile` (while worker processes render, when there are any).
        With a `writer`, write each page with it and return how many; else return the pages.

        With `index`, the workers also make the postings of that site's search
        index, in parts, and `meanwhile` is given a function that waits for them.
        With `side` (and a `writer`), the workers first write those kinds of data files of `index`
        (`side_files`); there must then be workers (`_parallel`).
        """
        parallel = len(jobs) >= self.parallel_min and self.workers >= 2
        sidebar = Sidebar(env, view)
        if not parallel:
            meanwhile(None)
            pages = [render_page(env, view, job, sidebar).encode() for job in jobs]
            if writer is None:
                return pages
            for job, html in zip(jobs, pages):
                writer.write(output_path(job.page.url), html)
            return len(pages)
        chunks = _chunks(range(len(jobs)), self.workers * 4)
        with _pool(self.workers, _start_renderer, (_RenderWork(env, view, sidebar, jobs, writer, index),)) as pool:
            written = [pool.submit(_write_side_files, kind) for kind in side]
            # The workers start on the data files and half the pages while this process makes the search index's
            # documents; then they make the documents' postings (sent to them), which this process merges after
            # its other files, and then the other half of the pages.
            half = len(chunks) // 2 if index is not None else len(chunks)
            pending = [pool.submit(_render_slice, chunk) for chunk in chunks[:half]]
            parts = []
            if index is not None:
                docs = self._cache.search.documents(index)
                parts = [pool.submit(_index_docs, start, for_scoring(docs[start:stop]))
                         for start, stop in runs(docs, self.workers)]
            pending += [pool.submit(_render_slice, chunk) for chunk in chunks[half:]]
            meanwhile((lambda: [part.result() for part in parts]) if index is not None else None)
            done = [part.result() for part in pending]
            for files in written:
                files.result()
        return sum(done) if writer is not None else [html for part in done for html in part]

    def _parallel(self, items: Sequence[Any]) -> bool:
        """Whether `_map` shares `items` out to worker processes."""
        return len(items) >= self.parallel_min and self.workers >= 2

    def _map(self, function: Callable[..., list[Any]], items: Sequence[Any], meanwhile: Callable[[], Any],
             shared: Any = None) -> list[Any]:
        """`function(chunk, root, shared)` over chunks of `items`, across processes when there are many;
        `meanwhile` is called while they work (or first). The workers inherit `shared`, never pickled."""
        if not self._parallel(items):
            meanwhile()
            return function(list(items), self.project.root, shared)
        count = min(len(items), self.workers * 4)
        chunks = [list(items[i::count]) for i in range(count)]  # interleaved: long and short files in each
        with _pool(self.workers, _start_loader, (shared,)) as pool:
            parts = pool.map(function, chunks, [self.project.root] * count)
            meanwhile()
            done: list[Any] = [None] * len(items)
            for i, part in enumerate(parts):
                done[i::count] = part
            return done

    # -- output ---------------------------------------------------------------------------------

    @_cycle_collector_paused()  # a one-off build
    def write(self, out: Path) -> Result:
        """Build and swap the result into `out`. On any error `out` is untouched."""
        started = time.perf_counter()
        site, problems = self.prepare()
        if not write.is_replaceable(out):
            raise ContentError([Problem(str(out), 1, "refusing to replace this folder: it is not empty and was "
                                                     "not built by this tool; choose another --out")])
        staging = write.staging_dir(out)
        try:
            writer = write.SiteWriter(staging, previous=out if out.is_dir() else None)
            self.progress(f"rendering {len(site.pathways)} pathways")
            _, rendered, pages = self.render(site, writer)
            write.publish(staging, out)
        except BaseException:
            write.discard(staging)
            raise
        return Result(site=site, files={}, problems=tuple(problems), seconds=time.perf_counter() - started,
                      rendered=rendered, pages=pages)


_FOLDER_TICK_NS = 2_000_000_000
"""The coarsest step in which file systems record a folder's time (FAT's two seconds)."""


def _problems_of(*reads: Callable[[], Any]) -> list[Problem]:
    """Call each of `reads`; the problems of those that raise ContentError."""
    problems: list[Problem] = []
    for read in reads:
        try:
            read()
        except ContentError as exc:
            problems.extend(exc.problems)
    return problems


@contextlib.contextmanager
def _pool(workers: int, initializer: Callable[..., None] | None = None,
          initargs: tuple = ()) -> Iterator[ProcessPoolExecutor]:
    """Forked worker processes, which inherit everything built so far without pickling it.

    The garbage collector's objects are frozen while the workers run: a worker's
    collections then skip the inherited objects instead of touching every one,
    which would copy the whole parent's memory into each worker page by page."""
    gc.freeze()
    try:
        with ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("fork"),
                                 initializer=initializer, initargs=initargs) as pool:
            yield pool
    finally:
        gc.unfreeze()


def _chunks(items: Sequence[Any], count: int) -> list[list[Any]]:
    size = max(1, -(-len(items) // count))
    return [list(items[i:i + size]) for i in range(0, len(items), size)]


@dataclass(frozen=True)
class _Loaded:
    """One content file as read: its stamp, and its source and rendered body or the problems; and, when asked
    for, the problems of its checks against the other files and the data."""

    stamp: tuple[int, int]
    source: Source | None
    markup: Markup | None
    problems: tuple[Problem, ...]
    checked: tuple[Problem, ...] | None = None  # `check_references`, when the file was read with its context

    @classmethod
    def kept(cls, stamp: tuple[int, int], entry: Entry, checked: tuple[Problem, ...] | None) -> "_Loaded":
        """A file as read before, from its entry in the content cache."""
        return cls(stamp, entry.source, entry.markup, entry.problems, checked)


@dataclass(frozen=True)
class _LoadWork:
    """What reading a file needs besides its path: the Markdown renderer and, when asked for, the names of the
    other files and the data to check it against (`validate.check_references`)."""

    markdown: Renderer
    checking: tuple[Known, Facts] | None = None
    contents: ContentCache = ContentCache(None)  # where each file's result is kept for the next build
    context: str | None = None  # the digest of `checking` (`contentcache.context_digest`)
    found: Mapping[str, tuple[Stamp, str, Entry]] = field(default_factory=dict)
    """Files read before (`Builder._read_kept`) whose checks against the others and the data are to be run again."""
    fresh: Mapping[str, tuple[Stamp, bytes, str]] = field(default_factory=dict)  # stamp, bytes and key, by path


_load_work: _LoadWork | None = None


def _start_loader(work: _LoadWork) -> None:
    global _load_work  # set once in each forked worker, which inherits it without pickling
    _load_work = work


def _load_files(paths: list[Path], root: Path, work: _LoadWork | None = None
                ) -> list[tuple[str | None, _Loaded | bytes]]:
    """Read, parse and render `paths`: the per-file work, run in worker processes for large sites (where `work`
    is the worker's own, from `_start_loader`). With `work.checking`, also check each file against the others
    and the data. Each result is kept in `work.contents`; returns each with the key it is kept by (or None).

    A worker returns a kept result as the bytes it kept (see `_loaded`): they are pickled already, and the
    pool would otherwise pickle the same objects again to send them."""
    in_worker = work is None
    work = work or _load_work
    assert work is not None
    out: list[tuple[str | None, _Loaded | bytes]] = []
    for path in paths:
        key: str | None = None
        if str(path) in work.found:  # read before: only its checks against the others are run again
            stamp, key, entry = work.found[str(path)]
            source, markup, problems = entry.source, entry.markup, list(entry.problems)
        else:
            just_read = work.fresh.get(str(path))
            stamp = just_read[0] if just_read else file_stamp(path)
            markup = None
            try:
                raw = just_read[1] if just_read else path.read_bytes()
                source, problems = load_source(path, root, raw)
                if just_read:
                    key = just_read[2]
                elif work.contents.folder is not None:
                    key = work.contents.key(display(path, root), raw)
            except OSError as exc:
                source, problems = None, [Problem(display(path, root), 1, f"cannot read file: {exc.strerror}")]
            if source is not None:
                markup, found = work.markdown.render(source.body, source.path, source.body_line,
                                                     content_url(source.path) or "")
                problems = problems + check_document(source) + found
        checked = None
        if work.checking is not None and source is not None and markup is not None:
            checked = tuple(check_references(source, markup, *work.checking))
        loaded = _Loaded(stamp, source, markup, tuple(problems), checked)
        if key is not None:
            kept = pickle.dumps(Entry(source, markup, tuple(problems), work.context if checked is not None else None,
                                      checked), protocol=pickle.HIGHEST_PROTOCOL)
            work.contents.put_bytes(key, kept)
            if in_worker:
                out.append((key, pickle.dumps((stamp, kept), protocol=pickle.HIGHEST_PROTOCOL)))
                continue
        out.append((key, loaded))
    return out


def _loaded(result: _Loaded | bytes) -> _Loaded:
    """A result of `_load_files`, unpickled if a worker sent it as bytes."""
    if isinstance(result, _Loaded):
        return result
    stamp, kept = pickle.loads(result)
    entry = pickle.loads(kept)
    return _Loaded.kept(stamp, entry, entry.checked)


@dataclass(frozen=True)
class _RenderWork:
    """What the workers that render pages share: forked from the builder, never pickled."""

    env: jinja2.Environment
    view: SiteView
    sidebar: Sidebar
    jobs: Sequence[PageJob]
    writer: write.SiteWriter | None
    site: Site | None = None


_worker: _RenderWork | None = None


def _start_renderer(work: _RenderWork) -> None:
    global _worker  # set once in each forked worker, which inherits all of it without pickling
    _worker = work


def _render_slice(indexes: list[int]) -> Any:
    """Render some pages in a worker: write them with the (worker's copy of the) writer, or return them."""
    assert _worker is not None
    work = _worker
    if work.writer is None:
        return [render_page(work.env, work.view, work.jobs[i], work.sidebar).encode() for i in indexes]
    for i in indexes:
        job = work.jobs[i]
        work.writer.write(output_path(job.page.url), render_page(work.env, work.view, job, work.sidebar).encode())
    return len(indexes)


def _write_side_files(kind: str) -> int:
    """Make and write one kind of data file (`side_files`) in a worker, with its copy of the writer."""
    assert _worker is not None and _worker.writer is not None and _worker.site is not None
    files = side_files(kind, _worker.site, _worker.view)
    for name, data in files.items():
        _worker.writer.write(name, data)
    return len(files)


SIDE_FILES = ("state pay", "explore", "jobs")
"""The data files besides the pages and the search index, by kind, in the order a build writes them."""


def side_files(kind: str, site: Site, view: SiteView) -> dict[str, bytes]:
    """The data files of one of `SIDE_FILES`: each state's pay, the explorers' data or the jobs' data."""
    if kind == "state pay":
        return render_state_pay(site)
    if kind == "explore":
        return build_explore_data(site, lambda job: outlook(job, view.average_growth).bright)
    return render_job_files(site)


def _index_docs(start: int, docs: Sequence[Document]) -> Part:
    """The search postings of `docs`, the search index's documents from id `start` on, in a worker: made as
    if the first had id 0, then each word's first and last ids moved by `start` (the gaps between stay)."""
    part = index_part(docs, 0, len(docs))
    moved = lambda runs: {word: (first + start, rest, last + start, count)  # noqa: E731
                          for word, (first, rest, last, count) in runs.items()}
    return Part(start, moved(part.postings), moved(part.titles))


def format_duration(seconds: float) -> str:
    return f"{seconds * 1000:.0f} ms" if seconds < 1 else f"{seconds:.2f} s"


__all__ = ["Builder", "Project", "Result", "ContentError", "format_duration"]
