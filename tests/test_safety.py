"""Content from strangers never runs: escaped text, sanitized HTML, a strict CSP, nothing from other origins."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from conftest import CLUSTER, PATHWAY, ROOT, run_build, wait_until

HOSTILE_TITLE = '<script>alert("title")</script>'
HOSTILE = (PATHWAY
           .replace("summary: Care for patients directly.", "summary: '<img src=x onerror=alert(1)>'")
           .replace("title: Registered nurse", "title: '<b onmouseover=alert(1)>RN</b>'"))
CSP = ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; "
       "connect-src 'self'; media-src 'none'; object-src 'none'; frame-src 'none'; worker-src 'self'; "
       "manifest-src 'self'; base-uri 'none'; form-action 'self'")


class Elements(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.found: list[tuple[str, dict[str, str]]] = []

    def handle_starttag(self, tag: str, attrs: list) -> None:
        self.found.append((tag, {k: v or "" for k, v in attrs}))


def elements(html: str) -> list[tuple[str, dict[str, str]]]:
    parser = Elements()
    parser.feed(html)
    return parser.found


def test_hostile_front_matter_is_shown_as_text(make_project):
    root = make_project({
        "content/clusters/health-science.md": CLUSTER.replace("title: Health Science", f"title: '{HOSTILE_TITLE}'"),
        "content/pathways/therapeutic-services.md": HOSTILE,
    })
    assert run_build("build", cwd=root).returncode == 0
    page = (root / "site/pathways/therapeutic-services/index.html").read_text()
    assert "&lt;img src=x onerror=alert(1)&gt;" in page
    assert "&lt;b onmouseover=alert(1)&gt;RN&lt;/b&gt;" in page
    assert "&lt;script&gt;alert(&#34;title&#34;)&lt;/script&gt;" in page
    for tag, attrs in elements(page):
        assert not any(name.startswith("on") for name in attrs), (tag, attrs)
        if tag == "script":
            assert attrs.get("src", "").startswith("../../assets/js/"), attrs


def test_sanitizer_removes_what_the_checker_would_report(make_project):
    """Even if a bad body got past `check`, the rendered HTML holds no live markup from it."""
    from engine.markup import Renderer

    body = ('<script>alert(1)</script>\n\n<img src=x onerror=alert(2)>\n\n[a](javascript:alert(3)) '
            '[b](data:text/html,hi) [c](https://example.org/ "t")\n\n<iframe src="https://evil.example"></iframe>')
    markup, problems = Renderer().render(body, "content/pathways/x.md", 5, "pathways/x/")
    assert len(problems) >= 4
    assert "<script" not in markup.html and "<img" not in markup.html and "<iframe" not in markup.html
    assert "javascript:" not in markup.html and "data:text" not in markup.html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in markup.html
    assert '<a href="https://example.org/" title="t">c</a>' in markup.html


def test_every_page_ships_the_strict_policy_and_loads_only_its_own_files(real_site: Path):
    pages = sorted(real_site.rglob("*.html"))
    assert len(pages) > 100
    for path in pages:
        html = path.read_text()
        found = elements(html)
        policies = [a["content"] for t, a in found if t == "meta" and a.get("http-equiv") == "Content-Security-Policy"]
        assert policies == [CSP], path
        for tag, attrs in found:
            if tag == "script":
                assert "src" in attrs, f"inline script in {path}"
            if tag in ("script", "img", "iframe", "source", "audio", "video") and "src" in attrs:
                assert not re.match(r"^(https?:)?//", attrs["src"]), (path, attrs)
            if tag == "link":
                assert not re.match(r"^(https?:)?//", attrs["href"]) or attrs.get("rel") == "canonical", (path, attrs)
            assert "style" not in attrs, f"inline style (blocked by the policy) in {path}: {tag}"
        assert "<style" not in html, path


@pytest.mark.browser
def test_the_policy_refuses_eval_and_the_tests_wait_without_it(real_site: Path, page):
    """No 'unsafe-eval': a string evaluated as script throws in the browser. Playwright's wait_for_function
    polls with eval(), so the tests wait through `wait_until`, which polls a function, and never through it; a
    wait goes on across a navigation, which a poll can meet halfway ("Execution context was destroyed")."""
    page.goto((real_site / "index.html").as_uri())
    # (called later from the page, as a poll is: in the call page.evaluate makes, the policy is not applied)
    assert page.evaluate("""() => new Promise(done => setTimeout(() => {
        try { eval('1'); done('ran'); } catch (error) { done(error.name); } }))""") == "EvalError"
    page.evaluate("() => setTimeout(() => { document.body.dataset.waited = 'yes'; }, 300)")
    assert page.evaluate("document.body.dataset.waited") is None  # so the wait below has to poll
    wait_until(page, "document.body.dataset.waited === 'yes'", timeout=10)
    # A wait outlives the page it began on, as when the dev server reloads it. Here the first poll itself opens
    # the about page and never answers, so the page goes away under it; the next poll asks the new page.
    about = (real_site / "about" / "index.html").as_uri()
    wait_until(page, """async url => {
        if (window.name !== 'moved') { window.name = 'moved'; location.href = url; await new Promise(() => {}); }
        return location.pathname.endsWith('/about/index.html');
    }""", arg=about, timeout=10)
    callers = [path.name for path in sorted((ROOT / "tests").glob("*.py"))
               if re.search(r"\bpage\.wait_for_function\(", path.read_text(encoding="utf-8"))]
    assert callers == []
    assert page.console_errors == []
