"""Offline reading: the published site's service worker keeps the pages a visitor opened readable without a
connection; the dev server's pages never register it."""

from __future__ import annotations

import functools
import json
import re
import socketserver
import threading
from pathlib import Path

from conftest import ROOT, _Handler, wait_until
from engine.pipeline import Builder, Project


def read_worker(site: Path) -> tuple[str, list[str], str]:
    """sw.js's version, the files it saves at once, and the worker script it loads."""
    text = (site / "sw.js").read_text()
    version = json.loads(re.search(r"self\.VERSION = (.+);", text).group(1))
    shell = json.loads(re.search(r"self\.SHELL = (.+);", text).group(1))
    script = json.loads(re.search(r"importScripts\((.+)\);", text).group(1))
    return version, shell, script


def test_the_worker_saves_files_that_exist_and_every_style_and_script(subpath_site):
    version, shell, script = read_worker(subpath_site)
    assert re.fullmatch(r"[0-9a-f]{10}", version)
    assert (subpath_site / script).is_file() and script.startswith("assets/js/offline.")
    assert shell[:2] == ["", "offline/"]
    for path in shell:
        assert (subpath_site / path / "index.html" if path.endswith("/") or not path else subpath_site / path).is_file()
    saved = {p for p in shell if p.startswith("assets/")}
    styles_and_scripts = {p.relative_to(subpath_site).as_posix() for folder in ("css", "js")
                          for p in (subpath_site / "assets" / folder).glob("*.*")
                          if not p.name.startswith(("dev.", "offline."))}
    assert styles_and_scripts and styles_and_scripts <= saved


def test_published_pages_register_the_worker_and_dev_pages_do_not(real_site):
    assert '<html lang="en-US" data-page-kind="home" data-sw="sw.js">' in (real_site / "index.html").read_text()
    assert 'data-sw="../../sw.js"' in (real_site / "pathways/therapeutic-services/index.html").read_text()
    dev = Builder(Project.at(ROOT), base_url="/", dev=True).build().files
    assert not any(b"data-sw=" in data for name, data in dev.items() if name.endswith(".html"))
    # A worker left by a published build served at the same address removes itself and its copies.
    assert b"unregister()" in dev["sw.js"] and b"caches.delete" in dev["sw.js"] and b"importScripts" not in dev["sw.js"]
    assert b"'site ' + self.registration.scope" in dev["sw.js"]  # only its own site's copies, as offline.js names them


def test_pages_opened_online_stay_readable_offline_under_a_sub_path(browser, subpath_site):
    handler = functools.partial(type("H", (_Handler,), {"prefix": "/repo/"}), directory=str(subpath_site))
    server = socketserver.ThreadingTCPServer(("127.0.0.1", 0), handler)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}/repo/"
    context = browser.new_context()  # service workers allowed
    page = context.new_page()
    errors: list[str] = []
    page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
    page.on("pageerror", lambda error: errors.append(str(error)))
    try:
        page.goto(base)
        scope = page.evaluate("navigator.serviceWorker.ready.then(r => r.scope)")
        assert scope == base
        page.goto(base + "pathways/therapeutic-services/")
        assert page.evaluate("navigator.serviceWorker.controller !== null")
        page.goto(base + "compare/?jobs=29-1141.00,29-2061.00")
        page.wait_for_selector(".compare-table:not([hidden])", state="attached")
        page.goto(base + "plan/?job=29-1141.00")
        page.wait_for_selector(".plan-target")
        # The copies are named by the site's address, so another site under this origin keeps its own.
        names = page.evaluate("caches.keys()")
        assert names and all(name.startswith(f"site {base} ") for name in names)
        assert errors == []
    finally:
        server.shutdown()
        server.server_close()
    try:
        # No connection: the pages opened before are there, with their styles.
        page.goto(base + "pathways/therapeutic-services/")
        assert page.locator("h1").inner_text() == "Therapeutic Services"
        assert page.evaluate("[...document.styleSheets].some(s => s.href && s.href.includes('/assets/css/site.') "
                             "&& s.cssRules.length > 100)")
        # A compare page opened with other jobs opens too; the jobs whose figures were never loaded stay chosen.
        page.goto(base + "compare/?jobs=29-1141.00,15-1252.00")
        wait_until(page, "document.querySelector('.jobs-note') && "
                         "document.querySelector('.jobs-note').textContent.includes('could not be loaded')")
        assert "15-1252.00" in page.url
        page.goto(base + "plan/?job=15-1252.00")
        wait_until(page, "document.querySelector('.jobs-note').textContent.includes('could not be loaded')")
        # A page never opened shows the offline page, whose links lead into the site.
        page.goto(base + "occupations/29-1141.00/")
        assert page.locator("h1").inner_text() == "You are offline"
        hrefs = page.eval_on_selector_all("main a[href]", "links => links.map(a => a.href)")
        assert hrefs and all(href.startswith(base) for href in hrefs)
        # It lists the pages saved on this device, by title, and each opens.
        page.wait_for_selector(".saved:not([hidden]) li")
        saved = dict(page.eval_on_selector_all(".saved li a", "links => links.map(a => [a.textContent, a.href])"))
        assert saved["Therapeutic Services"] == base + "pathways/therapeutic-services/"
        assert saved["Home page"] == base and "You are offline" not in saved and len(saved) >= 4
        page.click(".saved li a >> text=Therapeutic Services")
        page.wait_for_url(base + "pathways/therapeutic-services/")
        assert page.locator("h1").inner_text() == "Therapeutic Services"
    finally:
        context.close()
