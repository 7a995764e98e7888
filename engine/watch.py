"""Watching the project's inputs for the dev server: the operating system's file events where it gives them.

With events (watchdog: inotify on Linux, FSEvents on macOS, ReadDirectoryChangesW on Windows) a server that
waits for an edit does no work at all; it looks at the files' stamps only after something under a watched
folder changed. Where events cannot be had (no watchdog, or the system's limit of watches is reached), the
server looks at the stamps on a timer instead (`serve.DevServer.poll`).
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Callable, Iterable, Protocol


class Watch(Protocol):
    def stop(self) -> None: ...


def watch_events(paths: Iterable[Path], root: Path, wake: Callable[[], None]) -> Watch | None:
    """Call `wake()` (from another thread) after any change under the folders in `paths` (and their
    subfolders), or to a file directly in `root` or in the folder of a file in `paths`; None if file events
    cannot be had here. A folder in `paths` that does not exist yet is noticed when it appears in `root`."""
    try:
        from watchdog.events import FileSystemEvent, FileSystemEventHandler
        from watchdog.observers import Observer
    except ImportError:
        return None

    class Handler(FileSystemEventHandler):
        def on_any_event(self, event: FileSystemEvent) -> None:
            if event.event_type not in ("opened", "closed_no_write"):  # reading a file changes nothing
                wake()

    handler = Handler()
    observer = Observer()
    folders = {root.resolve(): False}
    for path in paths:
        if path.is_dir():
            folders[path.resolve()] = True
        elif path.parent.is_dir():
            folders.setdefault(path.parent.resolve(), False)
    try:
        for folder, recursive in sorted(folders.items()):
            observer.schedule(handler, str(folder), recursive=recursive)
        observer.start()
    except (OSError, RuntimeError):  # such as no inotify watches left
        observer.stop()
        return None
    return _Observing(observer)


class _Observing:
    def __init__(self, observer) -> None:  # type: ignore[no-untyped-def]
        self.observer = observer

    def stop(self) -> None:
        """Stop watching, quietly. An event that arrives while the observer stops makes watchdog log an error
        ("queue_events() called when the thread is inactive") after the server has said it stopped; nothing is
        wrong then, so watchdog's loggers are muted until its threads have ended."""
        loggers = [logging.getLogger(name) for name in sorted(logging.root.manager.loggerDict)
                   if name == "watchdog" or name.startswith("watchdog.")]
        before = [logger.disabled for logger in loggers]
        for logger in loggers:
            logger.disabled = True
        try:
            self.observer.stop()
            self.observer.join(timeout=5)
        finally:
            for logger, disabled in zip(loggers, before):
                logger.disabled = disabled
