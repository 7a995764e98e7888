"""Explorer benchmarks: what a visitor downloads before the first useful result, and how fast a change responds.

    .venv/bin/python bench/explore_benchmark.py [--rounds 15]

Builds the real site, serves it on localhost and opens each explorer in headless Chromium with the CPU slowed
four times (CDP `Emulation.setCPUThrottlingRate`, a mid-range phone):
- first useful result: the bytes of every response from the page's request until its results are on screen,
  each gzipped on its own as a server would send it (the page, its CSS and scripts, and the data files), and
  the time from navigation to those results;
- response to a change: from the visitor's action (a filter chosen, a skill ticked, a job typed or picked) to
  the new results laid out, median and worst of `--rounds` changes (the address follows just after).
Also the time the build spends writing the data files, and their sizes.

It is a benchmark, not a test: it asserts nothing.
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
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from engine.explore import build_explore_data  # noqa: E402
from engine.pipeline import Builder, Project  # noqa: E402
from engine.render import outlook  # noqa: E402
from engine.routes import DATA_FILES  # noqa: E402

CHROMIUM = "/usr/bin/chromium"
THROTTLE = 4

PAGES = {
    "quiz results": ("explore/quiz/results/?r=85&i=30&a=10&s=20&e=45&c=60", "#job-results li"),
    "skills explorer": ("explore/skills/?have=speaking,programming,repairing", "#skill-results li"),
    "from my job": ("explore/from-job/?job=29-2061.00", "#moves-related li"),
}

# Each change runs in the page: it starts a clock, does what a visitor does, forces layout, and returns the ms.
CHANGES = {
    "quiz results": """(round) => {
        const select = document.getElementById('filter-zone');
        const t0 = performance.now();
        select.value = String(1 + round % 5);
        select.dispatchEvent(new Event('change', { bubbles: true }));
        document.getElementById('job-results').offsetHeight;
        return performance.now() - t0; }""",
    "skills explorer": """(round) => {
        const boxes = document.querySelectorAll('input[name=have]');
        const t0 = performance.now();
        boxes[(round * 7) % boxes.length].click();
        document.getElementById('skill-results').offsetHeight;
        return performance.now() - t0; }""",
    "from my job: typing": """(round) => {
        const input = document.getElementById('job-input');
        const words = ['nu', 'nurs', 'elec', 'teach', 'driver', 'an', 'cook', 'account'];
        const t0 = performance.now();
        input.value = words[round % words.length];
        input.dispatchEvent(new Event('input', { bubbles: true }));
        document.getElementById('job-options').offsetHeight;
        return performance.now() - t0; }""",
    "from my job: choosing": """(round) => {
        const input = document.getElementById('job-input');
        input.value = ['nurse', 'electric', 'teacher', 'truck'][round % 4];
        input.dispatchEvent(new Event('input', { bubbles: true }));
        const option = document.querySelectorAll('#job-options [role=option]')[round % 3];
        const t0 = performance.now();
        option.click();
        document.getElementById('from-results').offsetHeight;
        return performance.now() - t0; }""",
}


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:
        pass


def serve(directory: Path) -> tuple[socketserver.ThreadingTCPServer, str]:
    handler = functools.partial(_Quiet, directory=str(directory))
    server = socketserver.ThreadingTCPServer(("127.0.0.1", 0), handler)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}/"


def gz(data: bytes) -> int:
    return len(gzip.compress(data, 6))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=15)
    args = parser.parse_args()
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "site"
        builder = Builder(Project.at(ROOT), base_url="/")
        builder.write(out)
        site = builder.prepare()[0]
        average = site.profiles.average_growth if site.profiles else None
        times = []
        for _ in range(5):
            started = time.perf_counter()
            build_explore_data(site, lambda job: outlook(job, average).bright)
            times.append(time.perf_counter() - started)
        print(f"data files, made in {statistics.median(times) * 1000:.0f} ms (median of 5, in the build's process)")
        for name, path in DATA_FILES.items():
            data = (out / path).read_bytes()
            print(f"  {path}: {len(data) / 1000:.1f} KB, {gz(data) / 1000:.1f} KB gzipped")

        server, root = serve(out)
        try:
            with sync_playwright() as playwright:
                browser = playwright.chromium.launch(executable_path=CHROMIUM, args=[
                    "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"])
                print(f"\nfirst useful result, CPU slowed {THROTTLE}x (gzipped bytes of every response, each on its own)")
                for name, (address, ready) in PAGES.items():
                    context = browser.new_context(viewport={"width": 375, "height": 800})
                    page = context.new_page()
                    session = context.new_cdp_session(page)
                    session.send("Emulation.setCPUThrottlingRate", {"rate": THROTTLE})
                    responses: list = []
                    page.on("response", lambda response: responses.append(response))
                    started = time.perf_counter()
                    page.goto(root + address, wait_until="commit")
                    page.wait_for_selector(ready)
                    elapsed = time.perf_counter() - started
                    page.wait_for_load_state("load")
                    sizes = {r.url: gz(r.body()) for r in responses if r.ok}
                    data = sum(v for k, v in sizes.items() if "/assets/explore/" in k)
                    print(f"  {name}: {sum(sizes.values()) / 1000:.1f} KB ({data / 1000:.1f} KB of it data), "
                          f"on screen in {elapsed * 1000:.0f} ms")
                    context.close()

                print(f"\nresponse to a change, CPU slowed {THROTTLE}x (median / worst of {args.rounds})")
                for name, script in CHANGES.items():
                    address, ready = PAGES[name.split(":")[0]]
                    context = browser.new_context(viewport={"width": 375, "height": 800})
                    page = context.new_page()
                    session = context.new_cdp_session(page)
                    session.send("Emulation.setCPUThrottlingRate", {"rate": THROTTLE})
                    page.goto(root + address)
                    page.wait_for_selector(ready)
                    measured = [page.evaluate(script, i) for i in range(args.rounds)]
                    print(f"  {name}: {statistics.median(measured):.1f} ms / {max(measured):.1f} ms")
                    context.close()
                browser.close()
        finally:
            server.shutdown()
            server.server_close()


if __name__ == "__main__":
    main()
