"""Build-speed benchmarks: prints the figures the project's speed targets are judged by.

    .venv/bin/python bench/benchmark.py            # 1,000 and 10,000 pathways, real site, one-file rebuild
    .venv/bin/python bench/benchmark.py --quick    # skip the 10,000-pathway site
    .venv/bin/python bench/benchmark.py --quick --mkdocs PATH/mkdocs --hugo PATH/hugo   # and the peers beside it
    .venv/bin/python bench/benchmark.py --smoke    # tiny sizes, one run each: checks the script works (a test runs it)

Figures:
- synthetic sites: `build.py build` in a fresh process (wall time, including start-up) and its peak memory,
  workers included, for 1,000 and 10,000 generated pathways (bench/synthetic.py). Each run builds into a new
  folder after `sync`, so writing back the last run's files does not slow the next; the median is printed.
  Builds keep what they read between builds, in caches on disk: each content file as read
  (`engine/contentcache.py`), the occupations' profiles (`engine/diskcache.py`) and the compiled templates.
  So each size is timed twice: as a machine's first build (each run with empty caches of its own) and as
  every build after it (with the caches the runs before filled, as after any earlier build of the same files).
  The 1,000-pathway site is also built in memory (/dev/shm), which shows how much of the time is the disk's.
  Each synthetic site also gets the dev server's one-file rebuild (a pathway's body edited, rebuilt, written).
- peers (--mkdocs, --hugo): each builds the same pathway bodies, in turns with this build, three times; the
  ratio of the medians holds even when the machine's speed drifts during the run; this build is timed both ways
  (after a build of the same files, and as a machine's first build). Both peers are set up as their
  users set up large sites (`peer_sites`): navigation lists the 16 clusters, not every page on every page.
  This build makes more pages from the same input (an occupation page for each of the 1,016 occupations, the
  2024 framework, the explorers' data), so the comparison is not in its favour.
- real site: clean build of the shipped content (median of 5 runs, in-process, like `build.py build`, each after `sync`), on disk and,
  where /dev/shm can be written, in memory: the work itself, without the disk's cost of creating 3,000 files.
  The first figure is of builds that each start with empty caches, as the first build on a machine does; the
  next ones find them filled.
- one-file rebuild: the dev server's path after one pathway changes (rebuild + write the changes, with the stamps
  it took to see the change), median of 20; the look at the stamps is printed beside it;
  and, where Chromium is installed, save-to-reload in a browser: from writing the file to the new text on screen

Nothing is deleted until every figure is taken: on ext4 without a journal (as on the CI machine), creating
files is much slower for a few minutes after many were deleted, so run it on a quiet machine, and not within
five minutes of the test suite or of another run. It is a benchmark, not a test: it asserts nothing and takes
a few minutes.
"""

from __future__ import annotations

import argparse
import compileall
import json
import os
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

from engine.diskcache import DiskCache  # noqa: E402
from engine.pipeline import Builder, Project  # noqa: E402
from engine.stamps import Snapshot  # noqa: E402
from engine.write import sync_files  # noqa: E402
import synthetic  # noqa: E402

MEASURE = """
import json, resource, subprocess, sys, time
start = time.perf_counter()
code = subprocess.run([sys.executable, {build!r}, "build", "--project", {project!r}, "--out", {out!r}],
                      capture_output=True, text=True, env={env!r})
seconds = time.perf_counter() - start
peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
print(json.dumps({{"seconds": seconds, "peak_mb": peak, "rc": code.returncode, "err": code.stderr[-300:]}}))
"""


def real_site_build(scratch: Path, runs: int = 5, cold: bool = False) -> tuple[float, int]:
    """Median seconds of clean builds of the real site, and its pages. `cold`: each with an empty data cache
    (`engine.diskcache`), as the first build on a machine; else with the one the first run fills."""
    times, pages = [], 0
    for run in range(runs):
        os.sync()  # the last run's files are written back first, not while this one is timed
        disk_cache = DiskCache.open(scratch / f"cold-cache-{run}") if cold else None
        started = time.perf_counter()
        result = Builder(Project.at(ROOT), base_url="/", disk_cache=disk_cache).write(
            scratch / f"real-site{'-cold' if cold else ''}-{run}")
        times.append(time.perf_counter() - started)
        pages = result.pages
    return statistics.median(times), pages


def one_file_rebuild(scratch: Path, runs: int = 20) -> tuple[float, float, float]:
    """The dev server's rebuild after editing one pathway, in a copy of the project: see `serve_edits`."""
    project = synthetic.copy_real_project(scratch / "one-file" / "project")
    return serve_edits(project, project / "content/pathways/therapeutic-services.md", scratch / "one-file" / "out",
                       runs)


def serve_edits(project: Path, target: Path, out: Path, runs: int) -> tuple[float, float, float]:
    """What the dev server does after each of `runs` edits to `target`, after a first build: it takes the
    stamps of every watched file (to see that one changed), then builds with them and writes the changes.
    Returns the median and worst rebuild (as the server reports it: build and write) and the median look at
    the stamps, in seconds."""
    builder = Builder(Project.at(project), base_url="/", dev=True)
    written = sync_files(out, builder.build().files, {})
    original = target.read_text(encoding="utf-8")
    times, looks = [], []
    for run in range(runs):
        target.write_text(original + f"\nA sentence added in run {run}.\n", encoding="utf-8")
        started = time.perf_counter()
        snapshot = Snapshot.take(builder.project.watched())
        looked = time.perf_counter()
        written = sync_files(out, builder.build(snapshot).files, written)
        times.append(time.perf_counter() - looked)
        looks.append(looked - started)
    target.write_text(original, encoding="utf-8")
    return statistics.median(times), max(times), statistics.median(looks)


def save_to_reload(scratch: Path, runs: int = 10) -> tuple[float, float] | None:
    """Save a file in `serve` and time until the browser shows the change. None without Chromium."""
    chromium = Path("/usr/bin/chromium")
    if not chromium.exists():
        return None
    from playwright.sync_api import sync_playwright

    project = synthetic.copy_real_project(scratch / "reload" / "project")
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


def synthetic_build(project: Path, out: Path, runs: int, first: bool = False) -> dict:
    """Clean builds of a synthetic project, each into a new folder under `out` after the disk has settled:
    the median and fastest wall time, and the peak memory of the largest process (main or a worker).
    `first`: each as a machine's first build, with empty caches (a temporary directory of its own, where
    the builds keep the content files as read, the occupations' profiles and the compiled templates); else
    with the caches that the builds before filled."""
    results = []
    for run in range(runs):
        site = out / f"site-{run}"
        env = dict(os.environ)
        if first:
            env["TMPDIR"] = str(out / f"tmp-{run}")
            Path(env["TMPDIR"]).mkdir(parents=True)
        os.sync()  # earlier writes are flushed now, not while the build runs
        time.sleep(1)
        script = MEASURE.format(build=str(ROOT / "build.py"), project=str(project), out=str(site), env=env)
        result = json.loads(subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                                           check=True).stdout)
        if result["rc"] != 0:
            raise SystemExit(f"synthetic build failed: {result['err']}")
        results.append(result)
    files = [p for p in site.rglob("*") if p.is_file()]
    return {"seconds": statistics.median(r["seconds"] for r in results),
            "fastest": min(r["seconds"] for r in results),
            "peak_mb": max(r["peak_mb"] for r in results),
            "pages": sum(1 for p in files if p.suffix == ".html"),
            "files": len(files),
            "bytes": sum(p.stat().st_size for p in files)}


def peer_sites(project: Path, scratch: Path) -> dict[str, Path]:
    """The synthetic pathways' bodies as an MkDocs site and a Hugo site, set up the way their users set up large
    sites: each pathway a page in its cluster's folder, each cluster an index page, and navigation that lists
    the clusters (MkDocs' `nav`, Hugo's sections), not every page on every page."""
    pathways = sorted((project / "content/pathways").glob("*.md"))
    clusters = sorted({n % 16 for n in range(len(pathways))})
    mkdocs, hugo = scratch / "mkdocs", scratch / "hugo"
    for n, path in enumerate(pathways):
        body = path.read_text(encoding="utf-8").split("\n---\n", 1)[1]
        folder = f"cluster-{n % 16:02d}"
        (mkdocs / "docs" / folder).mkdir(parents=True, exist_ok=True)
        (mkdocs / "docs" / folder / f"{path.stem}.md").write_text(f"# Pathway {n:05d}\n\n{body}", encoding="utf-8")
        (hugo / "content" / folder).mkdir(parents=True, exist_ok=True)
        (hugo / "content" / folder / f"{path.stem}.md").write_text(f"---\ntitle: Pathway {n:05d}\n---\n{body}",
                                                                   encoding="utf-8")
    nav = "".join(f"  - Cluster {c:02d}: cluster-{c:02d}/index.md\n" for c in clusters)
    for c in clusters:
        (mkdocs / "docs" / f"cluster-{c:02d}" / "index.md").write_text(f"# Cluster {c:02d}\n", encoding="utf-8")
        (hugo / "content" / f"cluster-{c:02d}" / "_index.md").write_text(f"---\ntitle: Cluster {c:02d}\n---\n",
                                                                         encoding="utf-8")
    (mkdocs / "docs" / "index.md").write_text("# Synthetic Careers\n", encoding="utf-8")
    (mkdocs / "mkdocs.yml").write_text(f"site_name: Synthetic Careers\nnav:\n  - Home: index.md\n{nav}",
                                       encoding="utf-8")
    (hugo / "hugo.toml").write_text('baseURL = "/"\ntitle = "Synthetic Careers"\n'
                                    'disableKinds = ["taxonomy", "term", "RSS"]\n', encoding="utf-8")
    layouts = hugo / "layouts" / "_default"
    layouts.mkdir(parents=True)
    shell = ('<!doctype html><html lang="en"><head><meta charset="utf-8"><title>{{ .Title }} | {{ site.Title }}'
             '</title></head><body><nav><ul>{{ range site.Sections }}<li><a href="{{ .RelPermalink }}">'
             '{{ .Title }}</a></li>{{ end }}</ul></nav><main><h1>{{ .Title }}</h1>%s</main></body></html>\n')
    (layouts / "single.html").write_text(shell % "{{ .Content }}", encoding="utf-8")
    listing = ('{{ .Content }}<ul>{{ range .Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>'
               '{{ end }}</ul>')
    (layouts / "list.html").write_text(shell % listing, encoding="utf-8")
    (hugo / "layouts" / "index.html").write_text(shell % listing, encoding="utf-8")
    return {"MkDocs": mkdocs, "Hugo": hugo}


def side_by_side(peers: dict[str, str], project: Path, scratch: Path, runs: int = 3) -> dict[str, float]:
    """Median clean-build seconds of each peer (name -> executable) and of this project on the same pathway
    bodies, run in turns so that all see the same machine: 'this build' with the caches of the builds before
    (as every build after a machine's first), 'first build' with empty ones."""
    sites = peer_sites(project, scratch / "peers")
    commands = {
        "MkDocs": lambda exe, out: [exe, "build", "--quiet", "--site-dir", str(out)],
        "Hugo": lambda exe, out: [exe, "--quiet", "--destination", str(out)],
    }
    times: dict[str, list[float]] = {name: [] for name in [*peers, "this build", "first build"]}
    for run in range(runs):
        for name, exe in peers.items():
            os.sync()
            time.sleep(1)
            started = time.perf_counter()
            subprocess.run(commands[name](exe, scratch / "peers" / f"{name}-site-{run}"), cwd=sites[name], check=True,
                           stdout=subprocess.DEVNULL)
            times[name].append(time.perf_counter() - started)
        times["this build"].append(synthetic_build(project, scratch / f"side-by-side-{run}", 1)["seconds"])
        times["first build"].append(synthetic_build(project, scratch / f"side-by-side-first-{run}", 1,
                                                    first=True)["seconds"])
    return {name: statistics.median(found) for name, found in times.items()}


def synthetic_rebuild(project: Path, scratch: Path, runs: int) -> tuple[float, float, float]:
    """The dev server's one-file rebuild on a synthetic site, after edits to one pathway's body (`serve_edits`)."""
    pathways = sorted((project / "content/pathways").glob("*.md"))
    return serve_edits(project, pathways[len(pathways) // 2], scratch / "rebuild-out", runs)


def report(count: int, runs: int, figures: dict, where: str) -> None:
    print(f"{count:>6,} pathways, clean build:   {figures['seconds']:7.2f} s   median of {runs} {where} "
          f"(fastest {figures['fastest']:.2f} s); {figures['pages']:,} pages, {figures['files']:,} files, "
          f"{figures['bytes'] / 1e6:.0f} MB; peak memory {figures['peak_mb']:.0f} MB")


def main() -> int:
    parser = argparse.ArgumentParser(description="Print build-speed figures.")
    parser.add_argument("--quick", action="store_true", help="skip the 10,000-pathway site")
    parser.add_argument("--smoke", action="store_true", help="tiny sizes and one run of each, to check that the "
                        "benchmark works (the test suite runs it); its figures mean nothing")
    parser.add_argument("--mkdocs", metavar="PATH", help="an mkdocs executable (installed apart from this "
                        "project): also time it on the same pathway bodies, in turns with this build")
    parser.add_argument("--hugo", metavar="PATH", help="a hugo executable: likewise")
    args = parser.parse_args()
    peers = {name: exe for name, exe in (("MkDocs", args.mkdocs), ("Hugo", args.hugo)) if exe}
    if args.smoke:
        sizes, real_runs, rebuild_runs, peer_runs = ((40, 1),), 1, 3, 1
    else:
        sizes = ((1_000, 5),) if args.quick else ((1_000, 5), (10_000, 3))
        real_runs, rebuild_runs, peer_runs = 5, 20, 3

    # Each build runs in a fresh process, which imports the engine: with its bytecode written, as Python writes
    # it on a first run, unless told not to (PYTHONDONTWRITEBYTECODE), when every run would compile the changed
    # modules again (some 50 ms).
    compileall.compile_dir(ROOT / "engine", quiet=1)

    # Nothing is deleted until the end: on ext4, creating files soon after many were deleted is slower
    # (new inodes avoid recently freed ones), which would make each figure depend on the one before.
    memory = Path("/dev/shm")
    with tempfile.TemporaryDirectory() as scratch_dir:
        scratch = Path(scratch_dir)
        # The real site first, while this process is small: after the 10,000-pathway site it holds a large
        # heap, and the same build measured 0.06 s slower on disk and 0.15 s slower in memory.
        seconds, pages = real_site_build(scratch, real_runs, cold=True)
        print(f"real site, clean build:          {seconds * 1000:7.0f} ms  ({pages} pages, median of {real_runs}, "
              "on disk, each with an empty data cache: a machine's first build)")
        seconds, pages = real_site_build(scratch, real_runs)
        print(f"real site, clean build:          {seconds * 1000:7.0f} ms  ({pages} pages, median of {real_runs}, "
              "on disk)")
        if memory.is_dir() and os.access(memory, os.W_OK):  # the work itself, without the disk's metadata costs
            with tempfile.TemporaryDirectory(dir=memory) as in_memory:
                seconds, pages = real_site_build(Path(in_memory), real_runs)
            print(f"real site, clean build:          {seconds * 1000:7.0f} ms  ({pages} pages, median of {real_runs}, "
                  "in memory (tmpfs))")
        for count, runs in sizes:
            project = synthetic.write_project(scratch / f"synthetic-{count}", count)
            report(count, runs, synthetic_build(project, scratch / f"out-first-{count}", runs, first=True),
                   "on disk, each a machine's first build (empty caches)")
            report(count, runs, synthetic_build(project, scratch / f"out-{count}", runs), "on disk")
            if peers:
                medians = side_by_side(peers, project, scratch / f"peers-{count}", peer_runs)
                ours, first = medians.pop("this build"), medians.pop("first build")
                peers_line = "; ".join(f"{name} {theirs:.2f} s (this build takes {ours / theirs:.1f}x its time, "
                                       f"a first build {first / theirs:.1f}x)" for name, theirs in medians.items())
                print(f"        side by side, median of {peer_runs}: this build {ours:.2f} s, a first build "
                      f"{first:.2f} s; {peers_line}")
            median, worst, look = synthetic_rebuild(project, scratch / f"rebuild-{count}", min(rebuild_runs, 10))
            print(f"        one-file rebuild (serve):  {median * 1000:7.0f} ms  median, {worst * 1000:.0f} ms worst "
                  f"(after {look * 1000:.0f} ms to look at the stamps)")
            if count == 1_000 and memory.is_dir() and os.access(memory, os.W_OK):
                with tempfile.TemporaryDirectory(dir=memory) as in_memory:
                    report(count, runs, synthetic_build(project, Path(in_memory), runs), "in memory (tmpfs)")
        median, worst, look = one_file_rebuild(scratch, rebuild_runs)
        print(f"one-file rebuild (serve):        {median * 1000:7.1f} ms  median, {worst * 1000:.1f} ms worst of "
              f"{rebuild_runs} (after {look * 1000:.1f} ms to look at the stamps)")
        reload = None if args.smoke else save_to_reload(scratch)
        if reload:
            print(f"save to reload in the browser:   {reload[0] * 1000:7.0f} ms  median, {reload[1] * 1000:.0f} ms "
                  "worst of 10")
        else:
            print("save to reload in the browser:   skipped (" + ("--smoke" if args.smoke else "no /usr/bin/chromium")
                  + ")")
    return 0


if __name__ == "__main__":
    sys.exit(main())
