"""Build-speed benchmarks: prints the figures the project's speed targets are judged by.

    .venv/bin/python bench/benchmark.py            # real site, one-file rebuild, 1,000 and 10,000 pathways
    .venv/bin/python bench/benchmark.py --quick    # skip the 10,000-pathway site

Figures:
- real site: clean build of the shipped content (median of 5 runs, in-process, like `build.py build`)
- one-file rebuild: the dev server's path after one pathway changes (rebuild + write the changes), median of 20;
  and, where Chromium is installed, save-to-reload in a browser: from writing the file to the new text on screen
- synthetic sites: `build.py build` in a fresh process (wall time, including start-up) and its peak memory,
  workers included, for 1,000 and 10,000 generated pathways (bench/synthetic.py)

It is a benchmark, not a test: it asserts nothing and takes a minute or two.
"""

from __future__ import annotations

import argparse
import json
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from engine.pipeline import Builder, Project  # noqa: E402
from engine.write import sync_files  # noqa: E402
import synthetic  # noqa: E402

MEASURE = """
import json, resource, subprocess, sys, time
start = time.perf_counter()
code = subprocess.run([sys.executable, {build!r}, "build", "--project", {project!r}, "--out", {out!r}],
                      capture_output=True, text=True)
seconds = time.perf_counter() - start
peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
print(json.dumps({{"seconds": seconds, "peak_mb": peak, "rc": code.returncode, "err": code.stderr[-300:]}}))
"""


def real_site_build(runs: int = 5) -> tuple[float, int]:
    times, pages = [], 0
    with tempfile.TemporaryDirectory() as tmp:
        for _ in range(runs):
            started = time.perf_counter()
            result = Builder(Project.at(ROOT), base_url="/").write(Path(tmp) / "site")
            times.append(time.perf_counter() - started)
            pages = result.pages
    return statistics.median(times), pages


def one_file_rebuild(runs: int = 20) -> tuple[float, float]:
    """Median and worst rebuild time after editing one pathway, in a copy of the project."""
    with tempfile.TemporaryDirectory() as tmp:
        project = synthetic.copy_real_project(Path(tmp) / "project")
        builder = Builder(Project.at(project), base_url="/", dev=True)
        out = Path(tmp) / "out"
        written = sync_files(out, builder.build().files, {})
        target = project / "content/pathways/therapeutic-services.md"
        original = target.read_text()
        times = []
        for run in range(runs):
            target.write_text(original + f"\nA sentence added in run {run}.\n")
            started = time.perf_counter()
            written = sync_files(out, builder.build().files, written)
            times.append(time.perf_counter() - started)
        return statistics.median(times), max(times)


def save_to_reload(runs: int = 10) -> tuple[float, float] | None:
    """Save a file in `serve` and time until the browser shows the change. None without Chromium."""
    chromium = Path("/usr/bin/chromium")
    if not chromium.exists():
        return None
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory() as tmp:
        project = synthetic.copy_real_project(Path(tmp) / "project")
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            port = probe.getsockname()[1]
        server = subprocess.Popen([sys.executable, str(ROOT / "build.py"), "serve", "--project", str(project),
                                   "--port", str(port)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        try:
            target = project / "content/pathways/therapeutic-services.md"
            original = target.read_text()
            times = []
            with sync_playwright() as playwright:
                browser = playwright.chromium.launch(executable_path=str(chromium), args=[
                    "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                    "--disable-component-update", "--no-first-run"])
                page = browser.new_page()
                for _ in range(100):
                    try:
                        page.goto(f"http://127.0.0.1:{port}/pathways/therapeutic-services/")
                        break
                    except Exception:
                        time.sleep(0.1)
                page.wait_for_function("window.LiveReload !== undefined")
                for run in range(runs):
                    marker = f"Reload marker {run}."
                    time.sleep(0.3)
                    started = time.perf_counter()
                    target.write_text(original + f"\n{marker}\n")
                    page.get_by_text(marker).wait_for(timeout=10_000)
                    times.append(time.perf_counter() - started)
                    page.wait_for_function("window.LiveReload !== undefined")
                browser.close()
            return statistics.median(times), max(times)
        finally:
            server.terminate()
            server.wait()


def synthetic_build(pathways: int) -> dict:
    with tempfile.TemporaryDirectory() as tmp:
        project = synthetic.write_project(Path(tmp) / "project", pathways)
        script = MEASURE.format(build=str(ROOT / "build.py"), project=str(project), out=str(Path(tmp) / "site"))
        result = json.loads(subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                                           check=True).stdout)
        if result["rc"] != 0:
            raise SystemExit(f"synthetic build failed: {result['err']}")
        result["pages"] = sum(1 for _ in (Path(tmp) / "site").rglob("*.html"))
        result["bytes"] = sum(p.stat().st_size for p in (Path(tmp) / "site").rglob("*") if p.is_file())
        return result


def main() -> int:
    parser = argparse.ArgumentParser(description="Print build-speed figures.")
    parser.add_argument("--quick", action="store_true", help="skip the 10,000-pathway site")
    args = parser.parse_args()

    seconds, pages = real_site_build()
    print(f"real site, clean build:          {seconds * 1000:7.0f} ms  ({pages} pages, median of 5)")
    median, worst = one_file_rebuild()
    print(f"one-file rebuild (serve):        {median * 1000:7.1f} ms  median, {worst * 1000:.1f} ms worst of 20")
    reload = save_to_reload()
    if reload:
        print(f"save to reload in the browser:   {reload[0] * 1000:7.0f} ms  median, {reload[1] * 1000:.0f} ms worst "
              "of 10 (includes up to 25 ms of polling)")
    else:
        print("save to reload in the browser:   skipped (no /usr/bin/chromium)")
    for count in (1_000,) if args.quick else (1_000, 10_000):
        figures = synthetic_build(count)
        print(f"{count:>6,} pathways, clean build:   {figures['seconds']:7.2f} s   ({figures['pages']:,} pages, "
              f"{figures['bytes'] / 1e6:.0f} MB written, peak memory {figures['peak_mb']:.0f} MB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
