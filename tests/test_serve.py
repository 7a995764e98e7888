"""The dev server: live reload, an error overlay over the last good page, and recovery."""

from __future__ import annotations

import json
import os
import re
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from conftest import PATHWAY, ROOT, wait_until

P = "content/pathways/therapeutic-services.md"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def dev_server(make_project):
    root = make_project()
    yield from _serve(root)


def _as_from_a_terminal_under_nohup() -> None:
    signal.signal(signal.SIGINT, signal.SIG_DFL)
    signal.signal(signal.SIGHUP, signal.SIG_IGN)


def _serve(root: Path, env: dict | None = None):
    port = free_port()
    log = root / "serve.log"
    (root / "tmp").mkdir()  # the server's own temporary folder goes here, where a test can see it
    with log.open("w") as handle:
        # As from a terminal, where Ctrl+C interrupts: a test run in the background (`.ci/run &`) starts with
        # SIGINT ignored, which its children would inherit, and Python then leaves SIGINT ignored too. SIGHUP
        # is ignored, as under `nohup`, however the tests were started: SIGHUP must stop the server even so.
        process = subprocess.Popen([sys.executable, str(ROOT / "build.py"), "serve", "--project", str(root),
                                    "--port", str(port)], stdout=handle, stderr=subprocess.STDOUT,
                                   env={**os.environ, "TMPDIR": str(root / "tmp"), **(env or {})},
                                   preexec_fn=_as_from_a_terminal_under_nohup)
    base = f"http://127.0.0.1:{port}/"
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(base, timeout=1).read()
            break
        except OSError:
            time.sleep(0.1)
    else:
        process.kill()
        pytest.fail("dev server did not start:\n" + log.read_text())
    yield root, base, log, process
    process.terminate()
    process.wait(timeout=10)


def edit(path: Path, text: str) -> None:
    path.write_text(text)


def test_serve_shows_errors_over_the_last_good_page_and_recovers(dev_server, page):
    root, base, log, _ = dev_server
    page.goto(base + "pathways/therapeutic-services/")
    wait_until(page, "window.LiveReload !== undefined")
    assert page.locator("h1").inner_text() == "Therapeutic Services"

    edit(root / P, PATHWAY.replace("cluster: health-science", "cluster: helth-science"))
    overlay = page.locator("#build-errors")
    overlay.wait_for(state="visible", timeout=30_000)
    assert f"{P}:3: unknown cluster 'helth-science' (did you mean 'health-science'?)" in overlay.inner_text()
    assert page.locator("h1").inner_text() == "Therapeutic Services"  # the last good page is still served

    edit(root / P, PATHWAY.replace("Care for patients directly.", "Caring for patients, now edited."))
    page.locator(".lead", has_text="Caring for patients, now edited.").wait_for(timeout=30_000)
    assert page.locator("#build-errors").count() == 0
    assert page.console_errors == []

    text = log.read_text()
    assert "build failed: 1 error in 1 file; keeping the last good build" in text
    timings = re.findall(r"rendered\) in ([\d.]+ m?s) after a change to content/pathways", text)
    assert timings, text


def test_a_save_made_while_the_page_loads_is_not_missed(dev_server, page):
    root, base, _, _ = dev_server

    def build_number() -> int:
        return json.loads(urllib.request.urlopen(base + "_dev/status.json", timeout=5).read())["build"]

    saved: list[int] = []

    def save_before_live_reload_connects(route) -> None:
        if not saved:  # once: the reload that follows loads the script again
            saved.append(build_number())
            edit(root / P, PATHWAY.replace("Care for patients directly.", "Saved while the page loaded."))
            deadline = time.monotonic() + 30
            while build_number() == saved[0] and time.monotonic() < deadline:
                time.sleep(0.05)
        route.continue_()

    page.route("**/livereload.js*", save_before_live_reload_connects)
    page.goto(base + "pathways/therapeutic-services/")
    page.locator(".lead", has_text="Saved while the page loaded.").wait_for(timeout=30_000)
    assert page.console_errors == []


def test_serve_uses_the_site_404_page(dev_server):
    _, base, _, _ = dev_server
    with pytest.raises(urllib.error.HTTPError) as caught:
        urllib.request.urlopen(base + "no/such/page/")
    assert caught.value.code == 404
    assert b"Page not found" in caught.value.read()


@pytest.mark.parametrize("how", [signal.SIGTERM, signal.SIGHUP, signal.SIGINT])
def test_stopping_the_server_removes_its_temporary_folder(dev_server, how):
    root, _, log, process = dev_server

    def left() -> list[str]:  # but what is kept between runs: compiled templates and profiles (`DiskCache`)
        kept = ("_jinja2-cache-", "career-pathways-cache-")
        return [p.name[:18] for p in (root / "tmp").iterdir() if not p.name.startswith(kept)]

    assert left() == ["career-site-serve-"]
    process.send_signal(how)
    try:
        code = process.wait(timeout=30)
    except subprocess.TimeoutExpired:
        pytest.fail(f"the server did not stop within 30 s of {how.name}:\n{log.read_text()}")
    assert code in (0, 130)
    assert left() == [], log.read_text()


@pytest.mark.parametrize("how", [signal.SIGTERM, signal.SIGINT])
def test_a_stop_signal_while_pages_are_served_still_stops_the_server(dev_server, how):
    """A signal that comes while the server answers a request stops it all the same, and it cleans up: the
    signal is handled between requests, never raised inside one, where the web framework would log it as that
    request's error and go on serving."""
    import threading

    root, base, log, process = dev_server
    done = threading.Event()

    def keep_asking() -> None:
        while not done.is_set():
            try:
                urllib.request.urlopen(base + "occupations/", timeout=2).read()
            except OSError:
                pass

    askers = [threading.Thread(target=keep_asking, daemon=True) for _ in range(8)]
    for asker in askers:
        asker.start()
    time.sleep(0.5)  # the server is busy answering
    process.send_signal(how)
    try:
        code = process.wait(timeout=30)
    except subprocess.TimeoutExpired:
        pytest.fail(f"the server did not stop within 30 s of {how.name}:\n{log.read_text()}")
    finally:
        done.set()
    text = log.read_text()
    assert code == 0 and text.rstrip().endswith("stopped") and "Traceback" not in text, text
    assert [p.name for p in (root / "tmp").iterdir() if p.name.startswith("career-site-serve-")] == []



def test_stopping_the_file_watch_is_quiet_even_if_an_event_comes_as_it_stops(tmp_path, caplog):
    """watchdog logs an error when an event arrives while its observer stops; that line came after the server
    said "stopped". Stopping the watch mutes watchdog's loggers until its threads end, then restores them."""
    import logging

    from engine import watch

    watching = watch.watch_events([tmp_path], tmp_path, lambda: None)
    assert watching is not None, "file events are expected on Linux"
    inotify = logging.getLogger("watchdog.observers.inotify")
    real_stop = watching.observer.stop

    def stop_as_an_event_arrives() -> None:
        inotify.error("InotifyEmitter.queue_events() called when the thread is inactive")
        real_stop()

    watching.observer.stop = stop_as_an_event_arrives
    watching.stop()
    assert "queue_events" not in caplog.text
    assert not inotify.disabled, "the logger is restored after the watch stopped"
    inotify.error("a later error is still shown")
    assert "a later error is still shown" in caplog.text

def test_a_template_edit_is_rendered_by_the_next_rebuild(make_project):
    from engine.pipeline import Builder, Project

    root = make_project()
    builder = Builder(Project.at(root), dev=True)  # as `serve` keeps it between saves
    page = "pathways/therapeutic-services/index.html"
    assert b"A template edit." not in builder.build().files[page]
    template = root / "templates/pathway.html"
    template.write_text(template.read_text().replace("{% block content %}", "{% block content %}A template edit."))
    assert b"A template edit." in builder.build().files[page]


def test_the_server_names_the_file_that_changed(make_project):
    from engine.pipeline import Project
    from engine.serve import DevServer

    root = make_project()
    server = DevServer(Project.at(root))
    try:
        server.changed()  # the first look records every file
        assert server.changed() is None
        (root / "site.yml").write_text("title: Renamed Site\n")
        assert server.changed() == "site.yml"
        (root / P).write_text(PATHWAY + "\nOne more sentence.\n")
        assert server.changed() == P
        (root / "content/pages").mkdir()
        (root / "content/pages/new.md").write_text("---\ntitle: New\nsummary: A new page.\n---\n")
        assert server.changed() == "content/pages/new.md"
        (root / "content/pages/new.md").unlink()
        assert server.changed() == "content/pages/new.md"
    finally:
        import shutil
        shutil.rmtree(server.out, ignore_errors=True)


def test_serve_started_on_broken_content_shows_the_problems_at_every_address_and_recovers(make_project, page):
    broken = PATHWAY.replace("summary: Care for patients directly.", "summary Care for patients directly.")
    root = make_project({P: broken})
    server = _serve(root)
    _, base, log, _ = next(server)
    try:
        for address in ("", "pathways/therapeutic-services/"):
            page.goto(base + address)
            overlay = page.locator("#build-errors")
            overlay.wait_for()
            assert overlay.locator("h2").inner_text() == "The site does not build yet"
            assert f"{P}:4: invalid YAML" in overlay.locator("pre").inner_text()
        edit(root / P, PATHWAY)
        wait_until(page, "() => document.querySelector('h1') && "
                         "document.querySelector('h1').textContent === 'Therapeutic Services'", timeout=20)
        assert page.locator("#build-errors").count() == 0
    finally:
        next(server, None)


def test_serve_on_a_port_in_use_says_so_and_leaves_nothing_behind(make_project):
    root = make_project()
    (root / "tmp").mkdir()
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = subprocess.run([sys.executable, str(ROOT / "build.py"), "serve", "--project", str(root),
                                 "--port", str(port)], capture_output=True, text=True, timeout=60,
                                env={**os.environ, "TMPDIR": str(root / "tmp")})
    assert result.returncode == 2
    assert f"cannot listen on 127.0.0.1:{port}" in result.stdout + result.stderr
    assert list((root / "tmp").iterdir()) == []


def test_random_edits_leave_the_served_site_equal_to_a_fresh_build(make_project):
    """Whatever an editor changes, in whatever order, the dev server's rebuilt site is byte for byte the site a
    fresh build of the same files gives: no cache keeps anything stale."""
    import random
    import shutil

    from engine.pipeline import Builder, Project
    from engine.serve import STATUS_PATH, DevServer

    root = make_project()
    rng = random.Random(11)
    clock = [time.time_ns()]

    def write(name: str, text: str | None) -> None:
        path = root / name
        if text is None:
            path.unlink(missing_ok=True)
            return
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        clock[0] += 10_000_000  # a new time for each save, as saves seconds apart would have
        os.utime(path, ns=(clock[0], clock[0]))

    def edit(name: str, old: str, new: str) -> None:
        text = (root / name).read_text(encoding="utf-8")
        assert old in text, (name, old)
        write(name, text.replace(old, new, 1))

    extra = "content/pathways/patient-care-technology.md"
    overview = "content/sub-clusters-2024/physical-health.md"  # a 2024 sub-cluster's page text
    description = "content/occupations/29-1141.00.md"  # what registered nurses do
    page = "content/pages/glossary.md"
    cluster = "content/clusters/health-science.md"
    edits = {
        "pathway body": lambda n: write(P, (root / P).read_text() + f"\nSentence {n} about nurses.\n"),
        "ladder step": lambda n: edit(P, "title: Licensed practical nurse", f"title: Licensed practical nurse {n}"),
        "add a pathway": lambda n: write(extra, PATHWAY.replace("title: Therapeutic Services",
                                                                f"title: Patient Care Technology {n}")),
        "delete a pathway": lambda n: write(extra, None),
        "cluster summary": lambda n: edit(cluster, "summary: ", f"summary: Round {n}. "),
        "add a page": lambda n: write(page, f"---\ntitle: Glossary {n}\nsummary: Words used on this site.\n---\n"
                                            "A ladder is a route from a first job to an advanced one.\n"),
        "delete a page": lambda n: write(page, None),
        "occupation data": lambda n: write("data/occupations.csv", re.sub(  # the nurses' median pay
            r"(?m)^(29-1141\.00,Registered Nurses,29-1141,\d,\w+,\d+,)\d+", rf"\g<1>{97550 + n}",
            (root / "data/occupations.csv").read_text())),
        "ladder occupations": lambda n: write(P, (root / P).read_text().replace(  # adds a job to a step, or removes it
            *(("[29-2061.00, 31-9092.00]", "[29-2061.00]") if "31-9092.00" in (root / P).read_text()
              else ("[29-2061.00]", "[29-2061.00, 31-9092.00]")))),
        "2024 framework data": lambda n: write("data/soc-modern-clusters.csv", "\n".join(
            line for line in (root / "data/soc-modern-clusters.csv").read_text().splitlines()
            if not line.startswith(("29-2061", "31-1131"))) + "\n"),
        "related data": lambda n: write("data/related-occupations.csv", "\n".join(
            (root / "data/related-occupations.csv").read_text().splitlines()[:-(n + 1)]) + "\n"),
        "template": lambda n: edit("templates/pathway.html", "{% block content %}",
                                   f"{{% block content %}}<!-- {n} -->"),
        "stylesheet": lambda n: write("static/css/site.css", (root / "static/css/site.css").read_text()
                                      + f"\n.edit-{n} {{ color: inherit; }}\n"),
        "site settings": lambda n: write("site.yml", f"title: Test Site {n}\n"),
        "2024 overview": lambda n: write(overview, None if (root / overview).exists() else (  # added or deleted
            ROOT / overview).read_text().replace("summary: ", f"summary: Round {n}. ", 1)),
        "occupation description": lambda n: write(description, (ROOT / description).read_text()
                                                  + f"\nSentence {n} about the work.\n"),
    }
    server = DevServer(Project.at(root), log=lambda message: None)
    try:
        assert server.update()  # the first look: every file is new
        order = sorted(edits)
        rng.shuffle(order)  # every kind of edit once, in a random order, then more at random
        order += [rng.choice(sorted(edits)) for _ in range(6)]
        for n, name in enumerate(order):
            before = {"data/occupations.csv": (root / "data/occupations.csv").read_bytes()}
            edits[name](n)
            if name == "occupation data":
                assert (root / "data/occupations.csv").read_bytes() != before["data/occupations.csv"]
            # As the server does after a save: look at the stamps, then build with them.
            assert server.update() is not False, name
            served = {p.relative_to(server.out).as_posix(): p.read_bytes()
                      for p in server.out.rglob("*") if p.is_file()}
            del served[STATUS_PATH]
            fresh = Builder(Project.at(root), base_url="/", dev=True).build().files
            assert served.keys() == fresh.keys(), (n, name, sorted(served.keys() ^ fresh.keys())[:5])
            different = [path for path in fresh if served[path] != fresh[path]]
            assert not different, (n, name, different[:5])
    finally:
        shutil.rmtree(server.out, ignore_errors=True)


def test_a_rebuild_reuses_unchanged_pathways_and_remakes_those_whose_inputs_changed(make_project):
    """The dev server's model keeps the very same pathway objects while their files and what they show from
    elsewhere are unchanged (which is what makes a one-file rebuild fast), and remakes a pathway as soon as
    its cluster's title changes."""
    from engine.pipeline import Builder, Project

    other = "content/pathways/diagnostic-services.md"
    root = make_project({other: PATHWAY.replace("title: Therapeutic Services", "title: Diagnostic Services")})
    builder = Builder(Project.at(root), dev=True)
    first = {p.slug: p for p in builder.build().site.pathways}
    (root / P).write_text(PATHWAY + "\nOne more sentence.\n")
    second = {p.slug: p for p in builder.build().site.pathways}
    assert second["diagnostic-services"] is first["diagnostic-services"]
    assert second["therapeutic-services"] is not first["therapeutic-services"]
    cluster = root / "content/clusters/health-science.md"
    cluster.write_text(cluster.read_text().replace("title: Health Science", "title: Health Sciences"))
    third = {p.slug: p for p in builder.build().site.pathways}
    assert third["diagnostic-services"] is not second["diagnostic-services"]
    assert third["diagnostic-services"].cluster.title == "Health Sciences"


def test_a_rebuild_makes_again_only_the_occupation_pages_whose_inputs_changed(make_project, monkeypatch):
    """Of the thousand occupation pages, an edit to a pathway's text remakes none; adding a job to a ladder
    step remakes only the pages whose places on the ladders changed."""
    import engine.model as model
    from engine.pipeline import Builder, Project

    root = make_project(data="full")  # every occupation, so that "only a few" means a few of the thousand
    builder = Builder(Project.at(root), dev=True)
    builder.build()
    made: list[str] = []
    make = model._occupation_page
    monkeypatch.setattr(model, "_occupation_page", lambda code, *rest: made.append(code) or make(code, *rest))
    (root / P).write_text(PATHWAY + "\nOne more sentence.\n")
    builder.build()
    assert made == []
    (root / P).write_text(PATHWAY.replace("[29-2061.00]", "[29-2061.00, 31-9092.00]"))
    entries = {e.occupation.code: e for e in builder.build().site.occupations}
    assert "31-9092.00" in made and 0 < len(made) < 10, made
    assert any(place.pathway.title == "Therapeutic Services" for place in entries["31-9092.00"].appearances)


def test_a_rebuild_lists_the_content_folders_again_only_when_one_changed(make_project, monkeypatch):
    """The dev server lists the content folders again only when one has changed, which a file added, removed or
    renamed in it shows; a folder changed just before it was listed is listed again all the same, as a change
    in the same tick of the file system's clock would not move its time."""
    import engine.pipeline as pipeline
    from engine.pipeline import Builder, Project

    root = make_project()
    listed = []
    real = pipeline.find_content_files
    monkeypatch.setattr(pipeline, "find_content_files", lambda *a: listed.append(1) or real(*a))
    builder = Builder(Project.at(root), dev=True)
    slugs = lambda: sorted(p.slug for p in builder.build().site.pathways)  # noqa: E731
    assert slugs() == ["therapeutic-services"]
    folder = root / "content/pathways"
    was = folder.stat()
    (folder / "second.md").write_text(PATHWAY.replace("title: Therapeutic Services", "title: Second"))
    os.utime(folder, ns=(was.st_atime_ns, was.st_mtime_ns))  # as if added within the same tick of the clock
    assert slugs() == ["second", "therapeutic-services"]  # the folder had just changed when listed: listed again
    long_ago = time.time() - 60
    for folder in [root / "content", *(p for p in (root / "content").rglob("*") if p.is_dir())]:
        os.utime(folder, (long_ago, long_ago))  # every folder settled
    assert slugs() == ["second", "therapeutic-services"]
    before = len(listed)
    assert slugs() == ["second", "therapeutic-services"] and len(listed) == before  # nothing changed: not listed
    (root / "content/pathways/second.md").unlink()
    assert slugs() == ["therapeutic-services"] and len(listed) == before + 1
    (root / "content/pathways/deep").mkdir()
    os.utime(root / "content/pathways", (long_ago, long_ago))
    os.utime(root / "content/pathways/deep", (long_ago, long_ago))
    builder.build()
    before = len(listed)
    (root / "content/pathways/deep/x.md").write_text(PATHWAY)  # in a subfolder: its own time changes
    assert ("content/pathways/deep/x.md", "content files go directly in content/pathways/, not in a subfolder") in [
        (p.path, p.message) for p in builder.check()]
    assert len(listed) == before + 1


def _cpu_seconds(pid: int) -> float:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")  # user and system time


def _wait_for_log(log: Path, text: str, timeout: float = 30) -> None:
    deadline = time.monotonic() + timeout
    while text not in log.read_text():
        if time.monotonic() > deadline:
            pytest.fail(f"the server never logged {text!r}:\n" + log.read_text())
        time.sleep(0.05)


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="reads CPU time from /proc")
def test_a_waiting_server_uses_no_cpu_and_still_sees_every_save(dev_server):
    root, base, log, process = dev_server
    _wait_for_log(log, "watching for changes")
    time.sleep(IDLE_SETTLE_S)  # past the first build and the collection of its leftovers
    before = _cpu_seconds(process.pid)
    time.sleep(3)
    assert _cpu_seconds(process.pid) - before <= 0.05 * 3  # at most 5% of a core while nothing changes
    edit(root / P, PATHWAY.replace("Care for patients directly.", "Seen by a file event."))
    _wait_for_log(log, "after a change to content/pathways/therapeutic-services.md")
    assert b"Seen by a file event." in urllib.request.urlopen(base + "pathways/therapeutic-services/").read()


IDLE_SETTLE_S = 3


def test_without_file_events_the_server_looks_on_a_timer(make_project, tmp_path):
    blocked = tmp_path / "no-events"
    (blocked / "watchdog").mkdir(parents=True)
    (blocked / "watchdog" / "__init__.py").write_text("raise ImportError('no file events in this test')\n")
    server = _serve(make_project(), env={"PYTHONPATH": str(blocked)})
    root, base, log, _ = next(server)
    try:
        _wait_for_log(log, "looking for changes on a timer")
        edit(root / P, PATHWAY.replace("Care for patients directly.", "Seen by polling."))
        _wait_for_log(log, "after a change to content/pathways/therapeutic-services.md")
        assert b"Seen by polling." in urllib.request.urlopen(base + "pathways/therapeutic-services/").read()
    finally:
        next(server, None)
