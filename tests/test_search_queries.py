"""Search answers the way visitors ask: job titles people use, abbreviations, questions, phrases and typos.

The queries are in tests/search_queries.yml, written for these tests and grouped by kind; each kind must find
its expected page in the top three for nearly every query. The ranking is the browser's own (search.js, as the
header's box runs it); a sample of each kind is also typed into the box.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from engine import search
from test_search_browser import LISTBOX, ask, open_with_search

pytestmark = pytest.mark.browser

QUERIES = yaml.safe_load((Path(__file__).parent / "search_queries.yml").read_text(encoding="utf-8"))
TOP = 3
SHARE = 0.9  # of each kind's queries that must find their page in the top three

TOP_TITLES = """async ([text, k]) => {
  const outcome = await window.__search.search(text);
  const best = window.__search.top(outcome.results, k);
  await Promise.all(best.map(r => window.__search.load('docs/' + r.doc)));
  return best.map(r => window.__search.loaded('docs/' + r.doc).title);
}"""


@pytest.fixture
def site_url(real_site, serve_dir) -> str:
    return serve_dir(real_site, "/")


def test_the_queries_name_pages_that_exist(real_result):
    titles = {d.title for d in search.documents(real_result.site)}
    unknown = {query: want for kind in QUERIES.values() for query, want in kind.items()
               if not set(str(want).split(" | ")) & titles}
    assert unknown == {}


@pytest.mark.parametrize("kind", list(QUERIES))
def test_each_kind_of_query_finds_its_page_in_the_top_three(site_url, page, kind):
    open_with_search(page, site_url)
    misses = {}
    for query, want in QUERIES[kind].items():
        found = page.evaluate(TOP_TITLES, [str(query), TOP])
        if not set(str(want).split(" | ")) & set(found):
            misses[query] = found
    asked = len(QUERIES[kind])
    assert asked >= 8
    assert asked - len(misses) >= SHARE * asked, misses
    assert page.console_errors == []


@pytest.mark.parametrize("kind", list(QUERIES))
def test_typed_into_the_header_box_the_same_pages_are_offered(site_url, page, kind):
    open_with_search(page, site_url)
    sample = list(QUERIES[kind].items())[::7]
    for query, want in sample:
        offered = ask(page, str(query))[:TOP]
        assert set(str(want).split(" | ")) & set(offered), (query, offered)
