"""The dev server: build, serve on localhost, rebuild and reload on every change.

It watches content, templates, static files, data and site.yml (by the
system's file events where it can, see `watch`), and after a change runs
the same `Builder` again: unchanged files are not re-read,
unchanged Markdown is not re-rendered, and only pages whose inputs changed
are rendered and rewritten, so a one-file edit takes milliseconds. The
browser reloads through livereload's websocket. When a change breaks the
content, the last good site stays served and every page shows an overlay
listing the `path:line: message` problems until the next good build.

The site is served from a temporary folder, never from site/.
"""

from __future__ import annotations

import gc
import json
import shutil
import signal
import tempfile
import time
from pathlib import Path
from typing import Callable

from livereload.handlers import LiveReloadHandler, LiveReloadJSHandler
from livereload.watcher import Watcher
from tornado import ioloop, web

from .load import display
from .pipeline import Builder, Project, format_duration
from .stamps import Snapshot
from .problems import ContentError, format_text, summary_line
from .watch import Watch, watch_events
from .write import sync_files

POLL_MS = 25
"""Without file events: how often to look for changes, at least; on a large site, where one look takes longer,
less often (`poll`). With them: how long to wait after an event for the rest of the same save."""
POLL_SHARE = 0.1
"""The share of one core looking for changes may take while nothing changes."""
IDLE_COLLECT_S = 2.0
"""Seconds without a change after a build before reference cycles are collected (see `poll`)."""
STATUS_PATH = "_dev/status.json"


class _Files(web.StaticFileHandler):
    """Static files with folder index pages, the site's own 404 page, and caching only for assets.

    Every page says which build it comes from (`Server-Timing: build;desc="N"`, which scripts can read):
    `dev.js` compares it with the latest build and reloads a page that a rebuild overtook before the
    live-reload connection was open, so a save made while a page loads is never missed."""

    def initialize(self, path: str, default_filename: str | None = None,  # type: ignore[override]
                   server: "DevServer | None" = None) -> None:
        super().initialize(path, default_filename)
        self.server = server

    def set_extra_headers(self, path: str) -> None:
        # Asset names carry a hash of their content, so a changed file gets a new name: the browser
        # may keep them, and a reload fetches little more than the page itself.
        immutable = path.startswith("assets/")
        self.set_header("Cache-Control", "public, max-age=31536000, immutable" if immutable else "no-store")
        if not immutable and self.server is not None:
            self.set_header("Server-Timing", f'build;desc="{self.server.builds}"')

    def write_error(self, status_code: int, **kwargs) -> None:
        page = Path(self.root) / "404.html"
        if status_code == 404 and page.exists():
            self.set_header("Content-Type", "text/html; charset=utf-8")
            self.finish(page.read_bytes())
        else:
            super().write_error(status_code, **kwargs)


class DevServer:
    def __init__(self, project: Project, host: str = "127.0.0.1", port: int = 8000,
                 log: Callable[[str], None] = print):
        self.project = project
        self.host = host
        self.port = port
        self.log = log
        self.builder = Builder(project, base_url="/", dev=True)
        self.out = Path(tempfile.mkdtemp(prefix="career-site-serve-"))
        self._written: dict[str, bytes] = {}
        self._snapshot = Snapshot({}, {})  # the watched files' stamps at the last look; the builds use them
        self._has_site = False
        self._collect_after: float | None = None  # when to collect reference cycles, if the editor is idle
        self.builds = 0  # builds tried, good or not; pages and _dev/status.json carry the number
        self._watch: Watch | None = None  # file events, if the system gives them; else `poll` looks on a timer
        self._watching: tuple = ()  # the watched folders (and their inodes) when `_watch` started
        self._check_due = False  # an event came and a look at the stamps is on its way

    def stamps(self) -> Snapshot:
        """The stamp of every watched file."""
        return Snapshot.take(self.project.watched())

    def rebuild(self, reason: str = "", snapshot: Snapshot | None = None) -> bool:
        """Build once; on success swap in the changed files. Returns True on success. `snapshot`: the
        watched files' stamps, if they were just taken (`changed`), for the build to use."""
        started = time.perf_counter()
        try:
            result = self.builder.build(snapshot)
        except ContentError as exc:
            self.builds += 1
            self._write_status([str(p) for p in exc.problems])
            self.log(format_text(exc.problems))
            kept = "keeping the last good build" if self._has_site else "nothing to show yet"
            self.log(f"build failed: {summary_line(exc.problems)}; {kept}")
            if not self._has_site:
                self._write_placeholder()
            return False
        files = dict(result.files)
        files[STATUS_PATH] = json.dumps({"build": self.builds + 1,
                                         "errors": [str(p) for p in result.problems if p.is_error]}).encode()
        self._written = sync_files(self.out, files, self._written)
        self.builds += 1  # only now: a page served before this comes from the last build
        self._has_site = True
        self._collect_after = time.perf_counter() + IDLE_COLLECT_S
        if result.problems:
            self.log(format_text(result.problems))
        took = format_duration(time.perf_counter() - started)
        what = f" after a change to {reason}" if reason else ""
        self.log(f"built {result.pages} pages ({result.rendered} rendered) in {took}{what}")
        return True

    def _write_status(self, errors: list[str]) -> None:
        # `good`: whether an earlier build is being shown, so the overlay can say which.
        data = json.dumps({"build": self.builds, "errors": errors, "good": self._has_site}).encode()
        path = self.out / STATUS_PATH
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
        self._written[STATUS_PATH] = data  # so the next good build sees it changed and rewrites it

    def _write_placeholder(self) -> None:
        """Before any good build there is no page to overlay: write one that only loads the overlay."""
        assets = self.builder.assets()
        css, js = assets["css/site.css"][0], assets["js/dev.js"][0]
        for name in ("css/site.css", "js/dev.js"):
            target = self.out / assets[name][0]
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(assets[name][1])
        page = ("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Build failed</title>"
                f"<link rel=\"stylesheet\" href=\"/{css}\"><script src=\"/{js}\" defer></script></head>"
                "<body><main><h1>Nothing to show yet</h1></main></body></html>")
        # Every address shows it (as the 404 page), and reloads once the content builds.
        for name in ("index.html", "404.html"):
            (self.out / name).write_text(page)

    def changed(self) -> str | None:
        """The first watched file that changed, appeared or went since the last look, or None."""
        snapshot = self.stamps()
        before, stamps = self._snapshot.files, snapshot.files
        if stamps == before:
            return None
        self._snapshot = snapshot
        edited = [path for path, stamp in stamps.items() if before.get(path) != stamp]
        path = min(edited) if edited else min(set(before) - set(stamps))
        return display(Path(path), self.project.root)

    def update(self) -> bool | None:
        """Look at the stamps (`changed`) and, if something changed, build with them (`rebuild`). Returns None
        if nothing changed, else whether the build succeeded."""
        reason = self.changed()
        return None if reason is None else self.rebuild(reason, self._snapshot)

    def watch(self) -> bool:
        """Start (or restart, when a watched folder appeared, went or was replaced) watching by file events.
        Returns whether events are being used."""
        folders = tuple((str(p), p.stat().st_ino if p.is_dir() else None) for p in self.project.watched())
        if self._watch is not None and folders == self._watching:
            return True
        if self._watch is not None:
            self._watch.stop()
        loop = ioloop.IOLoop.current()
        self._watch = watch_events(self.project.watched(), self.project.root, lambda: loop.add_callback(self._event))
        self._watching = folders
        return self._watch is not None

    def _event(self) -> None:
        """Something changed under a watched folder: look at the stamps once the save is complete."""
        if not self._check_due:
            self._check_due = True
            ioloop.IOLoop.current().call_later(POLL_MS / 1000, self._check)

    def _check(self) -> None:
        self._check_due = False
        if self.update() is not None:
            LiveReloadHandler.reload_waiters(path="/")
            self.watch()  # a folder may have appeared or gone
            ioloop.IOLoop.current().call_later(IDLE_COLLECT_S, self._collect_if_idle)

    def _collect_if_idle(self) -> None:
        if self._collect_after is not None and time.perf_counter() >= self._collect_after:
            # Builds run with the cycle collector paused (`Builder.build`); what they left in reference cycles
            # is freed here, once the editor has paused, rather than in the middle of the next rebuild.
            self._collect_after = None
            gc.collect()

    def poll(self) -> None:
        """Without file events: look at the stamps on a timer."""
        started = time.perf_counter()
        reason = self.changed()
        looked = time.perf_counter() - started  # how long a look takes, without the build
        if reason is not None:
            self.rebuild(reason, self._snapshot)
            LiveReloadHandler.reload_waiters(path="/")
        else:
            self._collect_if_idle()
        # Look again after a pause long enough that looking takes at most POLL_SHARE of a core: every 25 ms on
        # a small site, every few hundred on one of ten thousand pages.
        wait = max(POLL_MS / 1000, looked / POLL_SHARE)
        ioloop.IOLoop.current().call_later(wait, self.poll)

    def application(self) -> web.Application:
        LiveReloadHandler.watcher = Watcher()  # livereload logs its state; we do the watching
        LiveReloadHandler.live_css = False
        return web.Application([
            (r"/livereload", LiveReloadHandler),
            (r"/livereload.js", LiveReloadJSHandler),
            (r"/(.*)", _Files, {"path": str(self.out), "default_filename": "index.html", "server": self}),
        ])

    def run(self) -> int:
        app = self.application()
        try:  # the port first: if it is taken, say so at once rather than after a build
            app.listen(self.port, address=self.host)
        except OSError as exc:
            self.log(f"cannot listen on {self.host}:{self.port}: {exc.strerror}; try --port")
            shutil.rmtree(self.out, ignore_errors=True)
            return 2
        try:
            self._snapshot = self.stamps()
            self.rebuild(snapshot=self._snapshot)
        except BaseException:
            shutil.rmtree(self.out, ignore_errors=True)
            raise
        if self.watch():
            how = "watching for changes"
            ioloop.IOLoop.current().call_later(IDLE_COLLECT_S, self._collect_if_idle)
        else:
            how = "looking for changes on a timer (no file events here)"
            ioloop.IOLoop.current().call_later(POLL_MS / 1000, self.poll)
        self.log(f"serving on http://{self.host}:{self.port}/ (Ctrl+C to stop); {how}")
        loop = ioloop.IOLoop.current()
        # Ctrl+C, and the signals that stop a program, end the loop between two of its callbacks, so the
        # folder below is removed. Raised inside a callback instead (as Python raises KeyboardInterrupt), a
        # signal that came while a request was answered was logged by Tornado as that request's error, and
        # the server went on serving. A SIGINT ignored from the start (a job started in the background) stays
        # so, as Python leaves it; SIGTERM and SIGHUP always stop it (even under nohup, which ignores SIGHUP).
        for stop in (signal.SIGINT, signal.SIGTERM, signal.SIGHUP):
            if stop != signal.SIGINT or signal.getsignal(stop) is not signal.SIG_IGN:
                loop.asyncio_loop.add_signal_handler(stop, loop.stop)  # type: ignore[attr-defined]
        try:
            loop.start()
            self.log("stopped")
        finally:
            if self._watch is not None:
                self._watch.stop()
            shutil.rmtree(self.out, ignore_errors=True)
        return 0
