"""Search benchmarks: index size, what a visitor downloads before the first result, and query speed.

    .venv/bin/python bench/search_benchmark.py           # real site, 1,000 and 10,000 pathways
    .venv/bin/python bench/search_benchmark.py --quick   # skip the 10,000-pathway site

For the real site and synthetic sites of 1,000 and 10,000 pathways (bench/synthetic.py) it prints:
- index build time, in the build's own process (for the real site also the dev server's rebuilds: the
  same site again, and after a one-page edit);
- the index on disk: bytes, and gzipped bytes (each file compressed on its own, as a server sends it);
- first result: in a fresh browser with nothing cached, the bytes (gzipped) downloaded after the page
  loads until the first results show, for a fixed list of queries pasted into the search box, and the
  same for the queries typed a key at a time; plus the search script, which a page loads when its search
  box is first used;
- query latency in headless Chromium with the index parts loaded: from the input event to the results
  on screen, for every keystroke (two characters or more) of every query, five rounds; p50 and p95.

For comparison, measured on 1,000 pages: Pagefind downloads about 113 KB gzipped for a query plus a
41 KB worker; Material for MkDocs' search loads its whole index, 507 KB.

It is a benchmark, not a test: it asserts nothing and takes a few minutes with the 10,000-pathway site.
"""

from __future__ import annotations

import argparse
import dataclasses
import functools
import gzip
import http.server
import socketserver
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path
from urllib.parse import unquote, urlsplit

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

import engine.pipeline  # noqa: E402
from engine import search  # noqa: E402
from engine.pipeline import Builder, Project  # noqa: E402
import synthetic  # noqa: E402

CHROMIUM = Path("/usr/bin/chromium")
QUERIES = ["nurse", "welding", "x-ray", "cybersecurity", "radiol", "nursng", "acountant", "registered nurse",
           "software developer", "electrician", "teacher", "police officer", "truck driver", "accounting", "data",
           "chef", "agriculture", "engineering technology", "physical therapist", "manager", "attorney", "rn",
           "how do i become an electrician", "what do nurses earn", "cyber security", "vet tech",
           "high paying jobs without a degree", "nurse practitioner vs physician assistant"]
ROUNDS = 5


# -- building ----------------------------------------------------------------------------------------

def build(project: Path, out: Path) -> float:
    """Build `project` into `out` in this process; returns the seconds spent building the search index."""
    spent = []
    original = engine.pipeline.build_search_index

    def timed(site, parts=None, index=None):
        started = time.perf_counter()
        files = original(site, parts, index)
        spent.append(time.perf_counter() - started)
        return files

    engine.pipeline.build_search_index = timed
    try:
        Builder(Project.at(project), base_url="/").write(out)
    finally:
        engine.pipeline.build_search_index = original
    return sum(spent)


def rebuild_times() -> tuple[float, float]:
    """The dev server's index rebuilds on the real site: an equal site again, and after a one-page edit (ms)."""
    builder = Builder(Project.at(ROOT), base_url="/")
    index = search.SearchIndex()
    index.build_site(builder.prepare()[0])
    same, edit = [], []
    for run in range(10):
        again = builder.prepare()[0]  # equal to the last one built, but new objects, as after a template edit
        started = time.perf_counter()
        index.build_site(again)
        same.append(time.perf_counter() - started)
        cluster = again.clusters[run % len(again.clusters)]
        pathway = cluster.pathways[0]
        body = dataclasses.replace(pathway.body, text=pathway.body.text + f" A sentence added in run {run}.")
        cluster = dataclasses.replace(cluster, pathways=(dataclasses.replace(pathway, body=body),) + cluster.pathways[1:])
        edited = dataclasses.replace(again, clusters=tuple(cluster if c.slug == cluster.slug else c
                                                           for c in again.clusters))
        started = time.perf_counter()
        index.build_site(edited)
        edit.append(time.perf_counter() - started)
        index.build_site(again)
    return statistics.median(same) * 1000, statistics.median(edit) * 1000


# -- sizes -------------------------------------------------------------------------------------------

@functools.lru_cache(maxsize=None)
def gzipped(path: Path) -> int:
    return len(gzip.compress(path.read_bytes(), compresslevel=6, mtime=0))


def index_size(site: Path) -> tuple[int, int, int]:
    files = [p for p in (site / "search/index").rglob("*.js")]
    return len(files), sum(p.stat().st_size for p in files), sum(gzipped(p) for p in files)


def page_assets(site: Path) -> int:
    """Gzipped bytes of the search script, which a page loads when its search box is first used (site.js)."""
    return sum(gzipped(p) for p in (site / "assets").glob("js/search.*.js"))


# -- the browser -------------------------------------------------------------------------------------

class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:
        pass


class _Server(socketserver.ThreadingTCPServer):
    def handle_error(self, request, client_address) -> None:
        """A request the browser gave up on (a part no longer needed once the next key was typed) is no error."""
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)


def serve(folder: Path) -> tuple[str, socketserver.ThreadingTCPServer]:
    server = _Server(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(folder)))
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return f"http://127.0.0.1:{server.server_address[1]}/", server


WATCH = """text => {
  const input = document.getElementById('search-input');
  window.__shown = undefined;
  input.form.addEventListener('search-shown', event => {
    if (event.detail.query === text) window.__shown = event.detail.results;
  });
  input.focus();
}"""

KEYSTROKES = """async queries => {
  const input = document.getElementById('search-input');
  let pending = null;
  input.form.addEventListener('search-shown', event => {
    if (pending && event.detail.query === pending.text) { pending.resolve(performance.now()); pending = null; }
  });
  const times = [];
  for (const query of queries) {
    for (let n = 2; n <= query.length; n++) {
      const text = query.slice(0, n);
      const shown = new Promise(resolve => { pending = {text, resolve}; });
      const started = performance.now();
      input.value = text;
      input.dispatchEvent(new Event('input'));
      times.push((await shown) - started);
    }
  }
  return times;
}"""


def with_search(page, base: str) -> None:
    """Open `base` and touch its search box, which loads the search script (site.js); wait until it has. The box
    is not focused yet, so the search index's manifest, fetched on focus, is not fetched yet either."""
    page.goto(base)
    page.dispatch_event("form.search-box", "pointerdown")
    page.wait_for_function("() => window.__search !== undefined")


def downloads(browser, base: str, site: Path, query: str, typed: bool) -> tuple[int, int]:
    """Gzipped bytes of the index fetched after the page and the search script have loaded until `query`'s
    results show, and how many results there were."""
    context = browser.new_context()
    page = context.new_page()
    with_search(page, base)
    page.wait_for_load_state("networkidle")
    fetched: list[str] = []
    page.on("request", lambda request: fetched.append(request.url))
    page.evaluate(WATCH, query)
    if typed:
        page.keyboard.type(query)
    else:
        page.evaluate("text => { const input = document.getElementById('search-input'); input.value = text; "
                      "input.dispatchEvent(new Event('input')); }", query)
    page.wait_for_function("() => window.__shown !== undefined")
    count = page.evaluate("window.__shown")
    context.close()
    total = 0
    for url in fetched:
        path = site / unquote(urlsplit(url).path).lstrip("/")
        total += gzipped(path) if path.is_file() else 0
    return total, count


def browser_figures(site: Path) -> dict:
    from playwright.sync_api import sync_playwright

    base, server = serve(site)
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=[
                "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--no-first-run"])
            pasted = {q: downloads(browser, base, site, q, typed=False) for q in QUERIES}
            typed = {q: downloads(browser, base, site, q, typed=True)[0] for q in QUERIES}
            page = browser.new_page()
            with_search(page, base)
            page.evaluate(KEYSTROKES, QUERIES)  # loads every part the keystrokes need
            times = [t for _ in range(ROUNDS) for t in page.evaluate(KEYSTROKES, QUERIES)]
            browser.close()
    finally:
        server.shutdown()
        server.server_close()
    return {"pasted": pasted, "typed": typed, "times": times}


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


# -- report ------------------------------------------------------------------------------------------

BUDGETS = {"real site": 30_000, "1,000 pathways": 60_000, "10,000 pathways": 60_000}
"""Most bytes (gzipped) a typical query may download after the page has loaded until its first results show."""
KEYSTROKE_BUDGET_MS = 10.0


def report(name: str, site: Path, seconds: float) -> None:
    files, raw, packed = index_size(site)
    print(f"\n{name}")
    print(f"  index build:                    {seconds * 1000:8.0f} ms")
    print(f"  index on disk:                  {raw / 1e6:8.2f} MB raw, {packed / 1e6:.2f} MB gzipped, {files:,} files")
    assets = page_assets(site)
    print(f"  search.js:                      {assets / 1000:8.1f} KB gzipped (loaded when the box is first used)")
    if not CHROMIUM.exists():
        print("  browser figures:                skipped (no /usr/bin/chromium)")
        return
    figures = browser_figures(site)
    pasted = {q: b for q, (b, _) in figures["pasted"].items()}
    empty = [q for q, (_, n) in figures["pasted"].items() if n == 0]
    worst = max(pasted, key=pasted.get)
    print(f"  first result, query pasted:     {statistics.median(pasted.values()) / 1000:8.1f} KB median, "
          f"{pasted[worst] / 1000:.1f} KB worst ('{worst}') of index parts; "
          f"{(statistics.median(pasted.values()) + assets) / 1000:.1f} KB median with the script")
    typed = figures["typed"]
    worst = max(typed, key=typed.get)
    print(f"  first result, typed key by key: {statistics.median(typed.values()) / 1000:8.1f} KB median, "
          f"{typed[worst] / 1000:.1f} KB worst ('{worst}'), until the whole query's results show")
    times = figures["times"]
    print(f"  per keystroke, warm:            {percentile(times, 0.5):8.2f} ms p50, {percentile(times, 0.95):.2f} ms p95, "
          f"{max(times):.2f} ms max ({len(times)} keystrokes)")
    budget = BUDGETS.get(name)
    if budget:
        within = sum(b <= budget for b in pasted.values())
        print(f"  budgets:                        {within} of {len(pasted)} queries within {budget / 1000:.0f} KB; "
              f"p95 per keystroke {'within' if percentile(times, 0.95) <= KEYSTROKE_BUDGET_MS else 'OVER'} "
              f"{KEYSTROKE_BUDGET_MS:.0f} ms")
    if empty:
        print(f"  queries with no results:        {', '.join(empty)}")


def main() -> int:
    parser = argparse.ArgumentParser(description="Print search size and speed figures.")
    parser.add_argument("--quick", action="store_true", help="skip the 10,000-pathway site")
    parser.add_argument("--smoke", action="store_true",
                        help="a 30-pathway synthetic site, three queries, one round: checks that the benchmark runs")
    args = parser.parse_args()
    if args.smoke:
        global QUERIES, ROUNDS
        QUERIES, ROUNDS = QUERIES[:3], 1
        with tempfile.TemporaryDirectory() as tmp:
            project = synthetic.write_project(Path(tmp) / "smoke", 30)
            report("30 pathways", project / "site", build(project, project / "site"))
        return 0
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "real"
        seconds = build(ROOT, out)
        report("real site", out, seconds)
        same, edit = rebuild_times()
        print(f"  index rebuild (serve):          {same:8.1f} ms same site, {edit:.1f} ms after a one-page edit "
              "(medians of 10)")
        for count in (1_000,) if args.quick else (1_000, 10_000):
            project = synthetic.write_project(Path(tmp) / f"syn{count}", count)
            seconds = build(project, project / "site")
            report(f"{count:,} pathways", project / "site", seconds)
    return 0


if __name__ == "__main__":
    sys.exit(main())
