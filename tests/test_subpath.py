"""The site works under a GitHub Pages project sub-path: crawl every page and asset, expect zero broken links."""

from __future__ import annotations

import re
import urllib.error
import urllib.request
from html.parser import HTMLParser
from urllib.parse import urldefrag, urljoin, urlsplit

import pytest


class Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.links: list[str] = []
        self.ids: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list) -> None:
        attrs = dict(attrs)
        if attrs.get("id"):
            self.ids.add(attrs["id"])
        for name in ("href", "src", "action"):
            if attrs.get(name) and tag in ("a", "link", "script", "img", "form"):
                self.links.append(attrs[name])


READ_TAG = re.compile(r"<(?:(?:a|link|script|img|form)\b|[a-zA-Z][^>]*?\sid=)[^>]*>")
"""The start tags `Links` reads: those that link or load, and those with an id (no attribute holds a bare '>':
templates escape it). Parsing them alone finds the same links and ids as parsing the page, in a third of the time."""


def fetch(url: str) -> tuple[int, bytes, str]:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status, response.read(), response.headers.get("Content-Type", "")
    except urllib.error.HTTPError as error:
        return error.code, error.read(), error.headers.get("Content-Type", "")


def crawl(start: str) -> tuple[set[str], list[str]]:
    """Every same-site URL reachable from `start`; the broken links and fragments found on the way."""
    prefix = start
    seen: set[str] = set()
    broken: list[str] = []
    ids: dict[str, set[str]] = {}
    fragments: list[tuple[str, str, str]] = []
    queue = [start]
    while queue:
        url = queue.pop()
        if url in seen:
            continue
        seen.add(url)
        status, body, kind = fetch(url)
        if status != 200:
            broken.append(f"{url} -> {status}")
            continue
        if "html" not in kind:
            continue
        parser = Links()
        parser.feed("</script>".join(READ_TAG.findall(body.decode("utf-8"))))  # each tag closed
        ids[url] = parser.ids
        for link in parser.links:
            target, fragment = urldefrag(urljoin(url, link))
            if urlsplit(target).netloc != urlsplit(start).netloc:
                continue  # other sites are linked, never loaded
            if not target.startswith(prefix):
                broken.append(f"{url}: {link} leaves the site's sub-path")
                continue
            if fragment:
                fragments.append((url, target, fragment))
            queue.append(target)
    for page, target, fragment in fragments:
        if fragment not in ids.get(target, set()):
            broken.append(f"{page}: #{fragment} is not an id on {target}")
    return seen, broken


def test_every_link_works_under_a_sub_path(subpath_site, serve_dir):
    base = serve_dir(subpath_site, "/repo/")
    seen, broken = crawl(base)
    assert broken == []
    # Every page is linked from somewhere but two, which are served in place of another: 404.html, and the
    # offline page (the service worker's answer for a page not saved on the device).
    pages = len(list(subpath_site.rglob("*.html"))) - 2
    assert len([u for u in seen if not u.endswith((".css", ".js", ".svg", ".json"))]) >= pages


@pytest.mark.parametrize("served", ["404.html", "offline/index.html"])
def test_the_pages_served_in_place_of_another_work_at_any_depth(subpath_site, serve_dir, served):
    """The 404 page, and the offline page the service worker shows for a page not saved, link from the site's
    root: they work at whatever address they are shown."""
    base = serve_dir(subpath_site, "/repo/")
    if served == "404.html":
        status, body, _ = fetch(base + "no/such/page/")
        assert status == 404
    else:
        body = (subpath_site / served).read_bytes()
    parser = Links()
    parser.feed(body.decode())
    assert parser.links
    for link in parser.links:
        if link.startswith("#"):
            continue  # the skip link points into the 404 page itself
        absolute = urljoin(base + "no/such/page/", link)
        if urlsplit(absolute).netloc == urlsplit(base).netloc:
            assert fetch(urldefrag(absolute)[0])[0] == 200, link
