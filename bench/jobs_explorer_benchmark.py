"""Jobs explorer and compare benchmarks: what a visitor downloads before the first useful result, and how fast
the page answers a change with the CPU slowed four times (Chromium's CDP `Emulation.setCPUThrottlingRate`, the
site's stand-in for a mid-range phone).

    .venv/bin/python bench/jobs_explorer_benchmark.py [--rounds 5]

It builds the real site into a temporary folder, serves it and prints, for each page:
- first useful result: in a fresh browser with nothing cached, every file the page requests until its result
  shows (the explorer's count and list for a filtered address; the compare table for three jobs), each
  gzipped on its own as a server sends it: the page, its CSS and JavaScript, and its data files;
- response to a change, with the CPU slowed four times: from the change event to the end of the style and
  layout it causes (what the browser must do before it can paint), p50, p95 and worst over every change in
  every round; and, for the explorer, the time to the next frame after the change (the first screenful
  painted), median.

It is a benchmark, not a test: it asserts nothing (tests/test_jobs_tools.py holds the 50 ms bound).
"""

from __future__ import annotations

import argparse
import functools
import gzip
import http.server
import socketserver
import statistics
import sys
import tempfile
import threading
from pathlib import Path
from urllib.parse import unquote, urlsplit

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from engine.pipeline import Builder, Project  # noqa: E402

CHROMIUM = Path("/usr/bin/chromium")
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
        "--no-first-run"]
EXPLORER_FIRST = "occupations/?education=bachelor&min_pay=60000&sort=pay"
COMPARE_FIRST = "compare/?jobs=29-1141.00,29-1171.00,11-9111.00"

EXPLORER_CHANGES = [("#ex-education", "bachelor"), ("#ex-sort", "pay"), ("#ex-pay", "60000"), ("#ex-outlook", ""),
                    ("#ex-sort", "growth"), ("#ex-cluster", "health-science"), ("#ex-interest", "social"),
                    ("#ex-education", ""), ("#ex-sort", "openings"), ("#ex-cluster", ""), ("#ex-interest", ""),
                    ("#ex-pay", ""), ("#ex-outlook", ""), ("#ex-sort", "name")]

CHANGE = """async ([selector, value]) => {
  const input = document.querySelector(selector);
  const started = performance.now();
  if (input.type === 'checkbox') input.checked = !input.checked; else input.value = value;
  input.dispatchEvent(new Event(input.type === 'number' ? 'input' : 'change', {bubbles: true}));
  document.body.offsetHeight;
  const laid = performance.now() - started;
  await new Promise(resolve => requestAnimationFrame(() => setTimeout(resolve, 0)));
  return [laid, performance.now() - started];
}"""

STATE_CHANGE = """async ([slug, text]) => {
  const select = document.getElementById('state-select');
  const started = performance.now();
  select.value = slug;
  select.dispatchEvent(new Event('change', {bubbles: true}));
  document.body.offsetHeight;
  return performance.now() - started;
}"""

REMOVE = """async () => {
  const started = performance.now();
  document.querySelector('.compare-table thead th:last-child button').click();
  document.body.offsetHeight;
  return performance.now() - started;
}"""


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:
        pass


def serve(folder: Path) -> tuple[str, socketserver.ThreadingTCPServer]:
    server = socketserver.ThreadingTCPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(folder)))
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return f"http://127.0.0.1:{server.server_address[1]}/", server


@functools.lru_cache(maxsize=None)
def gzipped(path: Path) -> int:
    return len(gzip.compress(path.read_bytes(), compresslevel=6, mtime=0))


def first_result(browser, base: str, site: Path, address: str, ready: str) -> tuple[int, int, list[str]]:
    """Gzipped bytes of every file requested until `ready` is true, how many of them were data files, and names."""
    context = browser.new_context()
    page = context.new_page()
    fetched: list[str] = []
    page.on("request", lambda request: fetched.append(request.url))
    page.goto(base + address)
    page.wait_for_selector(ready, state="attached")
    context.close()
    total, data, names = 0, 0, []
    for url in fetched:
        path = site / unquote(urlsplit(url).path).lstrip("/")
        if path.is_dir():
            path = path / "index.html"
        if path.is_file():
            total += gzipped(path)
            data += gzipped(path) if "/assets/jobs/" in url or "/assets/pay/" in url else 0
            names.append(path.name)
    return total, data, names


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def throttled(page) -> object:
    cdp = page.context.new_cdp_session(page)
    cdp.send("Emulation.setCPUThrottlingRate", {"rate": 4})
    return cdp


def explorer_times(browser, base: str, rounds: int) -> tuple[list[float], list[float]]:
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.goto(base + "occupations/")
    page.wait_for_selector(".ex-results[aria-busy='false'], .ex-count:not(:empty)")
    page.wait_for_timeout(500)
    throttled(page)
    laid, framed = [], []
    for _ in range(rounds):
        for change in EXPLORER_CHANGES:
            first, frame = page.evaluate(CHANGE, list(change))
            laid.append(first)
            framed.append(frame)
            page.wait_for_timeout(300)  # let the rest of the list arrive, as a visitor would read it
    page.close()
    return laid, framed


def compare_times(browser, base: str, rounds: int) -> tuple[list[float], list[float]]:
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.goto(base + COMPARE_FIRST)
    page.wait_for_selector(".compare-table:not([hidden])")
    for slug in ("texas", "ohio"):  # load both states' files first: this times the page, not the network
        page.select_option("#state-select", slug)
        page.wait_for_timeout(300)
    throttled(page)
    states = []
    for _ in range(rounds):
        for slug in ("texas", "ohio", ""):
            states.append(page.evaluate(STATE_CHANGE, [slug, ""]))
            page.wait_for_timeout(100)
    removes = []
    for _ in range(rounds):
        page.goto(base + COMPARE_FIRST)
        page.wait_for_selector(".compare-table:not([hidden])")
        page.wait_for_timeout(200)
        removes.append(page.evaluate(REMOVE))
    page.close()
    return states, removes


def main() -> int:
    parser = argparse.ArgumentParser(description="Print jobs explorer and compare size and speed figures.")
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    if not CHROMIUM.exists():
        print("needs Chromium at /usr/bin/chromium")
        return 1
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory() as tmp:
        site = Path(tmp) / "site"
        Builder(Project.at(ROOT), base_url="/").write(site)
        base, server = serve(site)
        try:
            with sync_playwright() as playwright:
                browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
                total, data, names = first_result(browser, base, site, EXPLORER_FIRST,
                                                  ".ex-results[aria-busy='false']")
                print(f"jobs explorer ({EXPLORER_FIRST})")
                print(f"  first useful result:   {total / 1000:6.1f} KB gzipped ({(total - data) / 1000:.1f} KB page, "
                      f"CSS and JS; {data / 1000:.1f} KB data), {len(names)} files")
                laid, framed = explorer_times(browser, base, args.rounds)
                print(f"  change, CPU x4:        {percentile(laid, 0.5):6.1f} ms p50, {percentile(laid, 0.95):.1f} ms p95, "
                      f"{max(laid):.1f} ms worst to style and layout ({len(laid)} changes); "
                      f"{statistics.median(framed):.1f} ms median to the next frame")
                total, data, names = first_result(browser, base, site, COMPARE_FIRST, ".compare-table:not([hidden])")
                print(f"compare ({COMPARE_FIRST})")
                print(f"  first useful result:   {total / 1000:6.1f} KB gzipped ({(total - data) / 1000:.1f} KB page, "
                      f"CSS and JS; {data / 1000:.1f} KB data), {len(names)} files")
                states, removes = compare_times(browser, base, args.rounds)
                print(f"  state change, CPU x4:  {percentile(states, 0.5):6.1f} ms p50, {percentile(states, 0.95):.1f} ms p95, "
                      f"{max(states):.1f} ms worst ({len(states)} changes, state files loaded)")
                print(f"  remove a job, CPU x4:  {percentile(removes, 0.5):6.1f} ms p50, {max(removes):.1f} ms worst "
                      f"({len(removes)} removals)")
                browser.close()
        finally:
            server.shutdown()
            server.server_close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
