"""The theme in a real browser: colour schemes, the menu, small screens, print, and page weight."""

from __future__ import annotations

import functools
import gzip
import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from conftest import wait_until
from page_types import PAGE_TYPES

WEIGHT_LIMIT = 50 * 1024
"""Bytes a page may transfer, gzipped: its HTML, CSS and JavaScript (the search index is fetched separately, and
so is the search script on every page but the results page: it loads when the box is first used)."""
SEARCH_SCRIPT_LIMIT = 26 * 1024
"""Bytes of the search script, gzipped, which a visitor downloads with the first use of the search box. 16 KB
until search came to rank the jobs that fit a query's education, experience or outlook first and order the jobs
it names by pay, growth or openings (about 0.8 KB; 16,562 bytes then); 17 KB until it also read where a job can
lead or jobs like it ('what comes after nursing assistant'), the jobs and fields a title lists, and more
misspellings (17,405 bytes then); 18 KB until it also set jobs side by side ('rn vs lpn', 'cna vs lpn vs rn',
'difference between welder and machinist'), which took 0.9 KB (17,686 bytes then; 18,546 after); 19 KB until
it came to read 'make' before what is made ('who makes dentures', 'make apps') as the work, not a question about
pay (19,449 bytes then; 19,496 after, with the words dropped from a query in one place, not five; 19,569 once it
read abbreviations joined by '&', 'R&D', as one word; 19,695 once a field query's tie between one cluster's
pathways went to the one holding the jobs found; 19,860 once it left out what follows a word of dislike, 'i hate
math but love art'); 19.5 KB until it came to put last the pages strongest in what a visitor dislikes ('i like
science but i dont want to deal with patients') and to keep first the one job a question names ('is being a bank
teller a good first job'): 20,229 bytes then, 20,326 once it also split 'truckdriver' and said when disliked pages
come last; 20,345 once it read 'piolet' as pilot; 20,478 once it read a vowel for another as a likely slip
('librarien') and kept first the one job of several a query names by its title ('welder apprenticeship'); 20 KB
until it came to read phrases that ask for a field of work ('working for the city', 'jobs at a hospital'):
20,513 bytes then (20,517 once a field phrase after a word of dislike no longer asked for a field); 21 KB until
it came to list the steps after the job a query names when it asks where that job can lead ('cna who wants to
move up'), 21,356 bytes then and 21,706 after (21,873 once a phrase after the job one has asked the same, 'cop
who wants to make detective'; 21,909 once the step a query names came first, 'ems worker who wants to become a
paramedic'); 22 KB until the job named after such a phrase came to follow the job one has ('dental assistant to
dental hygienist', 'security guard wants to be a cop'), 22,581 bytes then (22,631 once a subject studied put
the jobs it prepares for first, 'accounting major'; 22,808 once jobs like one came to follow it, 'career change
from teacher'; 22,857 with more goal phrases, 'waiter who wants to manage a restaurant'; 23,320 once jobs like
one came to precede it, ages and 'ap' before a subject were left out and a level of education with a subject said
what a visitor studies; 23,528 once a field's page came to count less for a subject studied and 'vet tech to
veterinarian' named both jobs); 23 KB until a number first before 'and' or 'looking' was read as an age and the
step that the words after 'to' match best came to count ('help desk tech to network admin'), 23,601 bytes then
(23,639 once 'it' before a study word came to stand for the field, 'it associate degree'; 23,625 once a pathway's
record listed its jobs by id; 23,637 with its long lines wrapped); 24 KB until a word a page has only in passing
came to count for less than on the pages about it ('weather nerd who loves storms'), 24,639 bytes then (24,838
once 'but' and more or less of something after a job asked for jobs like it, 'nurse but with better hours';
24,956 once a query that asks for no field kept one field's page at most among its first three results; 25,000
once less schooling listed the jobs like one that take less; 25,099 once a goal phrase to run or own something
looked for its manager, 'farmhand dreaming of running my own ranch'; 25,180 once the school of a job not wanted
asked for jobs like it with less schooling, 'love animals but cant afford vet school'; 25,198 once it did so with
no other words, 'cant afford vet school'; 25,284 once being tired of a line of work and nothing more asked for jobs
like the job it names, 'tired of nursing'; 25,286 once the two tests of a job named by a name shared one function; 25,547 once a word split into words no
page holds together was searched for as typed, 'rockstar', a word 're' and a word the site knows was that word,
'redecorating', and an age after 'at' was read as one, 'career change at 40'; 25,560 once the three tests of
a word the site knows, or the start of one, shared one function; 25,566 once one-digit years of work were read as
such and let a goal phrase after them ask where the job leads, 'paralegal for 6 years thinking about law school';
25,549 once an age first in a query was any number before a word but a unit, '16 love cars hate school', in one
list of units shared with the age after 'at'); 25 KB until a child's name after the word for the child came to be
left out, with an age after it ('my son jake keeps saying', 'ava is 15', 'my daughter quinn 14'), being tired of a
field to name its best job ('tired of real estate what else') and a goal phrase of two words or more after 'and' to
ask as strictly as one of one word ('paralegal and thinking about law school'): 25,848 bytes then (25,915 once
the goal, next-step, similar and dislike phrases came to load as a part of their own, asks.js; 25,967 once the
name of a brother, friend or client was left out too; 26,009 once a word that also names work with the next,
'child care', 'client services', came to be read so only after 'my' and the like).
The manifest, which the first query loads with it, went from 4.2 to 3.6 KB gzipped the same day as the 17,405, when the pairs of filler words left it: the first query
downloads less than before."""

BACKGROUND = "getComputedStyle(document.body).backgroundColor"


def is_dark(colour: str) -> bool:
    red, green, blue = (int(v) for v in re.findall(r"\d+", colour)[:3])
    return (0.2126 * red + 0.7152 * green + 0.0722 * blue) < 128


def console_errors(page, kind: str) -> list[str]:
    expected = "the server responded with a status of 404" if kind == "404" else None
    return [e for e in page.console_errors if not (expected and expected in e)]


# -- colour schemes ------------------------------------------------------------------------------------

@pytest.mark.browser
def test_dark_scheme_follows_the_system_setting(real_site, serve_dir, page):
    base = serve_dir(real_site, "/")
    page.emulate_media(color_scheme="light")
    page.goto(base)
    assert not is_dark(page.evaluate(BACKGROUND))
    page.emulate_media(color_scheme="dark")
    assert is_dark(page.evaluate(BACKGROUND))
    assert page.evaluate("getComputedStyle(document.documentElement).colorScheme") == "dark"


@pytest.mark.browser
def test_theme_toggle_cycles_and_is_remembered_across_pages_and_reloads(real_site, serve_dir, page):
    base = serve_dir(real_site, "/")
    page.emulate_media(color_scheme="dark")
    page.goto(base + PAGE_TYPES["pathway"])
    toggle = page.locator(".theme-toggle")
    assert toggle.is_visible()
    assert page.locator(".theme-value").inner_text().lower() == "auto"
    assert is_dark(page.evaluate(BACKGROUND))

    toggle.click()  # auto -> light: the first press always changes what you see
    assert page.get_attribute("html", "data-theme") == "light"
    assert page.locator(".theme-value").inner_text().lower() == "light"
    assert not is_dark(page.evaluate(BACKGROUND))
    assert page.evaluate("localStorage.getItem('theme')") == "light"
    page.reload()
    assert page.get_attribute("html", "data-theme") == "light"
    assert not is_dark(page.evaluate(BACKGROUND))
    page.goto(base + PAGE_TYPES["cluster"])
    assert not is_dark(page.evaluate(BACKGROUND))
    assert page.locator(".theme-value").inner_text().lower() == "light"

    page.click(".theme-toggle")  # light -> dark
    assert page.get_attribute("html", "data-theme") == "dark"
    page.emulate_media(color_scheme="light")
    page.reload()
    assert is_dark(page.evaluate(BACKGROUND)), "a chosen dark theme wins over a light system setting"

    page.emulate_media(color_scheme="dark")
    page.click(".theme-toggle")  # dark -> auto: follow the system again
    assert page.get_attribute("html", "data-theme") is None
    assert page.evaluate("localStorage.getItem('theme')") is None
    page.emulate_media(color_scheme="light")
    page.reload()
    assert not is_dark(page.evaluate(BACKGROUND))
    page.click(".theme-toggle")  # on a light system, the first press gives dark
    assert page.get_attribute("html", "data-theme") == "dark"
    assert page.console_errors == []


# -- the menu on small screens --------------------------------------------------------------------------

@pytest.mark.browser
def test_menu_button_opens_and_closes_the_sidebar_on_a_phone(real_site, serve_dir, page):
    page.set_viewport_size({"width": 375, "height": 740})
    page.goto(serve_dir(real_site, "/") + PAGE_TYPES["pathway"])
    toggle = page.locator(".nav-toggle")
    nav = page.locator("#site-nav")
    assert toggle.is_visible()
    assert not nav.is_visible()
    assert toggle.get_attribute("aria-expanded") == "false"

    toggle.click()
    assert toggle.get_attribute("aria-expanded") == "true"
    assert nav.is_visible()
    current = page.locator('#site-nav a[aria-current="page"]')
    assert current.inner_text() == "Therapeutic Services"
    assert current.is_visible()

    toggle.click()
    assert toggle.get_attribute("aria-expanded") == "false"
    assert not nav.is_visible()

    toggle.click()
    page.keyboard.press("Escape")
    assert toggle.get_attribute("aria-expanded") == "false"
    assert not nav.is_visible()
    assert page.console_errors == []


@pytest.mark.browser
def test_wide_screens_show_the_sidebar_and_no_menu_button(real_site, serve_dir, page):
    page.set_viewport_size({"width": 1280, "height": 800})
    page.goto(serve_dir(real_site, "/") + PAGE_TYPES["pathway"])
    assert page.locator("#site-nav").is_visible()
    assert not page.locator(".nav-toggle").is_visible()
    assert page.locator(".toc").is_visible()


@pytest.mark.browser
def test_on_this_page_marks_the_section_being_read(real_site, serve_dir, page):
    page.set_viewport_size({"width": 1280, "height": 800})
    page.emulate_media(reduced_motion="reduce")
    page.goto(serve_dir(real_site, "/") + PAGE_TYPES["pathway"])
    wait_until(page, "document.querySelector('.toc a.is-active')")
    target = page.evaluate("[...document.querySelectorAll('.toc a[href^=\"#ladder-\"]')].pop().getAttribute('href')")
    page.evaluate("id => document.getElementById(id).scrollIntoView()", target[1:])
    wait_until(page, "href => document.querySelector('.toc a.is-active').getAttribute('href') === href",
                           arg=target)
    assert page.locator(".toc a.is-active").count() == 1


@pytest.mark.browser
def test_sidebar_opens_the_current_cluster_and_the_others_on_request(real_site, serve_dir, page):
    page.set_viewport_size({"width": 1280, "height": 800})
    page.goto(serve_dir(real_site, "/") + PAGE_TYPES["pathway"])
    assert page.locator("#nav-health-science").is_visible()
    assert page.get_attribute('[aria-controls="nav-health-science"]', "aria-expanded") == "true"
    finance = page.locator('[aria-controls="nav-finance"]')
    assert finance.get_attribute("aria-expanded") == "false"
    assert not page.locator("#nav-finance").is_visible()
    finance.click()
    assert finance.get_attribute("aria-expanded") == "true"
    assert page.locator("#nav-finance a").first.is_visible()
    finance.click()
    assert not page.locator("#nav-finance").is_visible()


@pytest.mark.browser
def test_without_javascript_the_ladder_and_navigation_are_all_there(real_site, real_result, serve_dir, browser):
    context = browser.new_context(java_script_enabled=False, viewport={"width": 375, "height": 740})
    pathway = next(p for p in real_result.site.pathways if p.url == PAGE_TYPES["pathway"])
    try:
        tab = context.new_page()
        tab.goto(serve_dir(real_site, "/") + PAGE_TYPES["pathway"])
        assert tab.locator("ol.ladder > li").count() == len(pathway.steps)
        assert tab.locator(".ladder-jump a").count() == len(pathway.ladders) > 1
        assert tab.locator("ol.ladder svg").first.is_visible()
        assert tab.locator('#site-nav a[aria-current="page"]').is_visible()
        assert tab.evaluate("document.querySelector('main').getBoundingClientRect().top"
                            " < document.getElementById('site-nav').getBoundingClientRect().top"), \
            "without a menu button the sidebar comes after the content"
        assert not tab.locator(".nav-toggle").is_visible()
        assert not tab.locator(".theme-toggle").is_visible()
        assert tab.locator(".nav-expand").count() == 0, "the arrow buttons are made by the script"
    finally:
        context.close()


# -- every kind of page -------------------------------------------------------------------------------

@pytest.mark.browser
@pytest.mark.parametrize("kind", PAGE_TYPES)
def test_no_horizontal_scrolling_at_320px_no_errors_no_other_origins(kind, real_site, serve_dir, page):
    base = serve_dir(real_site, "/")
    origins: list[str] = []
    page.on("request", lambda request: origins.append(request.url)
            if urlsplit(request.url).netloc != urlsplit(base).netloc else None)
    page.set_viewport_size({"width": 320, "height": 700})
    page.goto(base + PAGE_TYPES[kind])
    page.wait_for_load_state("networkidle")
    overflow = page.evaluate("""() => {
      const width = document.documentElement.clientWidth;
      const wide = [...document.querySelectorAll('body *')]
        .filter(el => el.getBoundingClientRect().right > width + 1 && !el.closest('.table-wrap, .visually-hidden'))
        .map(el => el.tagName.toLowerCase() + (el.className && typeof el.className === 'string' ? '.' + el.className.split(' ')[0] : ''));
      return {scroll: document.documentElement.scrollWidth, width, wide: wide.slice(0, 5)};
    }""")
    assert overflow["scroll"] <= overflow["width"], overflow
    page.click(".nav-toggle")
    assert page.evaluate("document.documentElement.scrollWidth <= document.documentElement.clientWidth")
    assert console_errors(page, kind) == []
    assert origins == []


class Assets(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.files: list[str] = []

    def handle_starttag(self, tag: str, attrs: list) -> None:
        attrs = dict(attrs)
        if tag == "link" and attrs.get("rel") == "stylesheet":
            self.files.append(attrs["href"])
        if tag == "script" and attrs.get("src"):
            self.files.append(attrs["src"])


LOADING_TAG = re.compile(r"<(?:link|script)\b[^>]*>", re.I)
"""The tags that can load a file (no attribute holds a bare '>': templates escape it)."""


def transferred(page: Path, root: Path) -> int:
    """Gzipped bytes of a page and every stylesheet and script it loads."""
    parser = Assets()
    html = page.read_bytes()
    parser.feed("</script>".join(LOADING_TAG.findall(html.decode("utf-8"))))  # those tags alone, each closed
    total = len(gzip.compress(html, compresslevel=6))
    for href in parser.files:
        if "assets/explore/" in href:  # the explorers' data files: measured on their own (tests/test_explore.py)
            continue
        target = (root / href.lstrip("/")) if href.startswith("/") else (page.parent / href)
        total += _gzipped_size(target.resolve())
    return total


@functools.cache
def _gzipped_size(path: Path) -> int:
    """A stylesheet's or script's gzipped size, worked out once however many pages load it."""
    return len(gzip.compress(path.read_bytes(), compresslevel=6))


def test_every_page_is_under_50_kb_gzipped(real_site: Path):
    weights = {p.relative_to(real_site).as_posix(): transferred(p, real_site) for p in sorted(real_site.rglob("*.html"))}
    heavy = {name: size for name, size in weights.items() if size > WEIGHT_LIMIT}
    assert heavy == {}, f"pages over {WEIGHT_LIMIT} bytes: {heavy}"
    assert len(weights) > 100
    # The search script a page loads when its box is used (site.js), and the page with it, are within bounds too.
    home = (real_site / "index.html").read_text(encoding="utf-8")
    script = real_site / re.search(r'data-search-script="([^"]+)"', home).group(1)
    assert len(gzip.compress(script.read_bytes(), compresslevel=6)) <= SEARCH_SCRIPT_LIMIT
    assert weights["search/index.html"] > weights["about/index.html"]  # the results page loads it at once


# -- print ------------------------------------------------------------------------------------------

def pdf_pages(pdf: bytes) -> int:
    return len(re.findall(rb"/Type\s*/Page(?!s)", pdf))


def _printed(page) -> None:
    for selector in (".site-header", "#site-nav", ".toc", ".pager", ".breadcrumbs", ".skip-link", ".ladder-jump"):
        hidden = page.evaluate("s => [...document.querySelectorAll(s)].every(e => e.offsetParent === null)", selector)
        assert hidden, f"{selector} is printed"
    # The roadmap as printed for an advising session: the page down to the end of the ladders.
    page.evaluate("""() => {
      for (const el of document.querySelectorAll('.ladder-section ~ *, .site-footer')) el.remove();
    }""")


def _ladders_printed(page) -> list[str]:
    return page.evaluate("[...document.querySelectorAll('.ladder-block')].filter(e => e.offsetParent !== null)"
                         ".map(e => e.id)")


@pytest.mark.browser
def test_one_ladder_prints_alone_on_at_most_two_a4_pages(real_result, real_site, serve_dir, page):
    """A counselor prints the ladder a student chose: the typical one and the longest on the site."""
    ladders = [(p, ladder) for p in real_result.site.pathways for ladder in p.ladders]
    longest = max(ladders, key=lambda pair: (len(pair[1].steps), sum(len(s.occupations) for s in pair[1].steps)))
    typical = next(pair for pair in ladders if pair[0].url == PAGE_TYPES["pathway"])
    base = serve_dir(real_site, "/")
    for pathway, ladder in (typical, longest):
        page.goto(base + pathway.url + "#" + ladder.anchor)
        page.emulate_media(media="print")
        assert _ladders_printed(page) == [ladder.anchor], "the ladder in the address prints alone"
        _printed(page)
        pages = pdf_pages(page.pdf(format="A4"))
        assert pages <= 2, f"{pathway.slug}: the ladder '{ladder.title}' takes {pages} A4 pages"


@pytest.mark.browser
def test_print_this_ladder_prints_that_ladder_and_the_page_prints_them_all(real_result, real_site, serve_dir, page):
    pathway = next(p for p in real_result.site.pathways if p.url == PAGE_TYPES["pathway"])
    page.goto(serve_dir(real_site, "/") + pathway.url)
    page.evaluate("window.print = () => { window.printed = true; }")
    last = pathway.ladders[-1]
    page.click(f'a.print-ladder[href="#{last.anchor}"]')
    assert page.evaluate("window.printed") is True
    page.emulate_media(media="print")
    assert _ladders_printed(page) == [last.anchor]
    page.evaluate("window.dispatchEvent(new Event('afterprint'))")
    assert _ladders_printed(page) == [ladder.anchor for ladder in pathway.ladders]
    _printed(page)
    pages = pdf_pages(page.pdf(format="A4"))
    assert pages <= 2 * len(pathway.ladders), f"{len(pathway.ladders)} ladders take {pages} A4 pages"
