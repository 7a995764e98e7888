"""Search in a real browser: results as you type, typos, filters, the keyboard, file://, hostile content."""

from __future__ import annotations

import re

from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest

from conftest import CLUSTER, PATHWAY, axe_violations, run_build, wait_until
from engine import search
from engine.data import FIGURES_OWN
from engine.routes import ROUTES
from test_search_index import read_part

pytestmark = pytest.mark.browser

LISTBOX = "#search-input-results"


def ask(page, text: str) -> list[str]:
    """Type `text` into the header's search box; returns the titles offered, best first."""
    page.fill("#search-input", "")
    page.focus("#search-input")
    page.keyboard.type(text)
    wait_until(page, """text => {
        const all = document.querySelector('.search-option-all');
        return all && all.textContent.includes('\u201c' + text.trim() + '\u201d');
    }""", text)
    titles = page.locator(f"{LISTBOX} .search-option-title").all_text_contents()
    return [re.split(", also called | · uses ", title)[0] for title in titles]  # what else matched, shown after


def open_with_search(page, url: str) -> None:
    """Open `url` and focus the header's search box, which loads the search script there (site.js); wait for it."""
    page.goto(url)
    page.focus("#search-input")
    wait_until(page, "() => window.__search")


def results(page) -> list[str]:
    """Titles on the results page once it has answered."""
    wait_until(page, "() => document.querySelector('.search-status').textContent.includes('result') && "
                     "!document.querySelector('.search-results').hasAttribute('aria-busy')")
    return page.locator(".search-results .search-result-title").all_text_contents()


def status_count(page) -> int:
    text = page.text_content(".search-status")
    return 0 if text.startswith("No results") else int(text.split()[0])


@pytest.fixture
def site_url(real_site, serve_dir) -> str:
    return serve_dir(real_site, "/")


# -- finding things ----------------------------------------------------------------------------------

QUERIES = {
    "nurse": "Registered Nurses",
    "radiol": "Radiologic Technologists and Technicians",
    "nursng": "Nursing Assistants",
    "acountant": "Accountants and Auditors",
    "x-ray": "Radiologic Technologists and Technicians",
    "welding": "Welders, Cutters, Solderers, and Brazers",
    "cybersecurity": "Information Security Analysts",
    "Registered nurses": "Registered Nurses",
    "CAFÉ": "Restaurants & Food/Beverage Services",
}


def test_the_search_script_loads_only_when_the_box_is_used(site_url, page):
    """A page that is only read never downloads the search script, the largest on the site: it loads when the
    box is first focused (from the keyboard's "/" too), and answers what was typed before it arrived. The
    results page loads it at once. Enter pressed before it arrives opens the results page, by the form."""
    fetched = []
    page.on("request", lambda request: fetched.append(urlsplit(request.url).path))
    page.goto(site_url + "pathways/therapeutic-services/")
    page.wait_for_load_state("networkidle")
    assert not any("/js/search." in path for path in fetched)
    assert page.evaluate("() => typeof window.__search") == "undefined"
    page.keyboard.press("/")
    page.keyboard.type("nurse")
    wait_until(page, "() => document.querySelectorAll('#search-input-results .search-option-title').length")
    assert sum("/js/search." in path for path in fetched) == 1
    assert "Registered Nurses" in ask(page, "registered nurse")
    page.goto(site_url + "search/?q=nurse")
    assert "Registered Nurses" in results(page)
    assert page.console_errors == []
    page.goto(site_url + "about/")
    page.route("**/js/search.*", lambda route: route.abort())  # the script never arrives
    page.focus("#search-input")
    page.keyboard.type("welder")
    page.keyboard.press("Enter")
    page.wait_for_url("**/search/?q=welder")


def test_typing_shows_results_for_words_prefixes_typos_and_word_forms(site_url, page):
    page.goto(site_url + "clusters/health-science/")
    missing = {}
    for query, expected in QUERIES.items():
        titles = ask(page, query)
        if expected not in titles:
            missing[query] = titles
    assert missing == {}
    assert set(ask(page, "radiol")[:2]) == {"Radiologists", "Radiologic Technologists and Technicians"}
    assert page.console_errors == []


def test_a_whole_title_ranks_first_and_a_ladder_above_a_passing_mention(site_url, page):
    open_with_search(page, site_url)
    assert ask(page, "registered nurses")[0] == "Registered Nurses"
    assert ask(page, "therapeutic services")[0] == "Therapeutic Services"
    titles = ask(page, "radiologic")
    assert titles.index("Diagnostic Services") < 3  # its ladder holds radiologic technologists
    assert page.console_errors == []


def test_of_results_that_score_about_the_same_the_job_more_people_hold_comes_first(site_url, page):
    """Titles ending in 'Mechanics' score within a few percent of each other (shorter titles a little
    higher); the commonest job among them, which employs several times more people, is offered first."""
    open_with_search(page, site_url)
    titles = ask(page, "mechanic")
    assert titles[0] == "Automotive Service Technicians and Mechanics"
    assert titles.index("Motorboat Mechanics and Service Technicians") > 0
    assert ask(page, "registered nurses")[0] == "Registered Nurses"  # a whole title still ranks first
    assert page.console_errors == []


def test_a_rarer_form_or_longer_word_does_not_outrank_the_word_typed(site_url, page):
    """'managing' and 'directory' are in fewer pages than 'manager' and 'director', which would weigh them more;
    they count as common as the word typed, so pages with the word itself come first. And a name such as
    'IT Manager' or 'R & D Manager' is not the one word 'manager'."""
    open_with_search(page, site_url)
    managers = ask(page, "manager")
    assert managers[0] == "General and Operations Managers"
    assert "Editors" not in managers[:5]  # 'Managing Editor'
    directors = ask(page, "director")
    assert directors[0] == "Producers and Directors"
    assert "Telephone Operators" not in directors[:5]  # 'Directory Assistance Operator'
    assert page.console_errors == []


def test_each_result_shows_its_kind_cluster_and_a_snippet_with_the_words_marked(site_url, page):
    open_with_search(page, site_url)
    ask(page, "nursing")
    options = page.locator(f"{LISTBOX} .search-option:not(.search-option-all)")
    assert options.count() >= 5
    kinds = set(page.locator(f"{LISTBOX} .search-kind").all_text_contents())
    assert {"Pathway", "Occupation"} <= kinds
    pay = page.locator(f"{LISTBOX} .search-pay").all_text_contents()  # occupations show their pay
    assert any(p.startswith("U.S. median pay $") for p in pay)
    assert "Health Science" in page.locator(f"{LISTBOX} .search-where").all_text_contents()
    marked = page.locator(f"{LISTBOX} .search-option-snippet mark").all_text_contents()
    assert marked and all(m.lower().startswith("nurs") for m in marked)


# -- the keyboard and screen readers -----------------------------------------------------------------

def test_the_combobox_works_from_the_keyboard(site_url, page):
    page.goto(site_url + "about/")
    page.keyboard.press("/")
    assert page.evaluate("document.activeElement.id") == "search-input"
    # Focusing the box loads the search script (site.js), which makes the box a combobox: wait for it, as the
    # script takes longer to arrive on a busy machine.
    wait_until(page, "() => window.__search")
    box = page.locator("#search-input")
    assert box.get_attribute("role") == "combobox"
    assert box.get_attribute("aria-controls") == LISTBOX[1:]
    titles = ask(page, "radiol")
    assert box.get_attribute("aria-expanded") == "true"
    assert page.locator(LISTBOX).get_attribute("role") == "listbox"
    page.keyboard.press("ArrowDown")
    first = page.locator(f"{LISTBOX} [role=option]").first
    assert box.get_attribute("aria-activedescendant") == first.get_attribute("id")
    assert first.get_attribute("aria-selected") == "true"
    page.keyboard.press("ArrowDown")
    page.keyboard.press("ArrowUp")
    assert box.get_attribute("aria-activedescendant") == first.get_attribute("id")
    page.keyboard.press("Escape")
    assert box.get_attribute("aria-expanded") == "false"
    assert not page.locator(LISTBOX).is_visible()
    assert page.evaluate("document.activeElement.id") == "search-input"
    page.keyboard.press("ArrowDown")
    page.wait_for_selector(f"{LISTBOX} [role=option]")
    page.keyboard.press("ArrowDown")
    href = first.get_attribute("href")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.url == href
    assert page.locator("h1").text_content() == titles[0]
    assert page.console_errors == []


def test_the_active_option_is_visibly_marked(site_url, page):
    open_with_search(page, site_url)
    ask(page, "welding")
    page.keyboard.press("ArrowDown")
    style = page.evaluate("""() => {
        const s = getComputedStyle(document.querySelector('.search-option.is-active'));
        return {outline: s.outlineStyle, width: parseFloat(s.outlineWidth)};
    }""")
    assert style["outline"] != "none" and style["width"] >= 2


def test_enter_without_a_choice_opens_the_results_page(site_url, page):
    page.goto(site_url + "pathways/therapeutic-services/")
    ask(page, "nurse")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert urlsplit(page.url).path == "/search/" and parse_qs(urlsplit(page.url).query) == {"q": ["nurse"]}
    assert "Registered Nurses" in results(page)
    assert page.input_value("#search-page-input") == "nurse"
    assert page.console_errors == []


# -- the results page --------------------------------------------------------------------------------

def test_filters_narrow_the_results_and_live_in_the_url(site_url, page):
    page.goto(site_url + "search/?q=manager")
    everything = results(page)
    total = status_count(page)
    assert total > 20 and len(everything) == 20
    page.select_option("#search-cluster", "finance")
    wait_until(page, "() => location.search.includes('cluster=finance')")
    finance = results(page)
    assert finance and 0 < status_count(page) < total
    pathway_clusters = page.locator(".search-result:has(.search-kind-pathway) .search-where").all_text_contents()
    assert pathway_clusters and set(pathway_clusters) == {"Finance"}
    page.check("input[name=interest][value=conventional]")
    wait_until(page, "() => location.search.includes('interest=conventional')")
    results(page)
    assert parse_qs(urlsplit(page.url).query) == {"q": ["manager"], "cluster": ["finance"], "interest": ["conventional"]}
    assert "(" in page.locator("#search-cluster option[value=finance]").text_content()
    assert page.console_errors == []


def test_the_education_filter_keeps_the_jobs_that_start_at_that_level_with_counts_beside_each(
        site_url, real_result, page):
    """The results page's "Education to start" filter lists BLS's levels, each with how many results it would
    keep; choosing one keeps the occupations whose typical education to enter is that level (pages about
    clusters and pathways have none), says so, and lives in the address beside the other filters."""
    from engine.data import EDUCATION_SLUGS
    level = {e.occupation.title: EDUCATION_SLUGS.get(e.occupation.education, "")
             for e in real_result.site.occupations}
    page.goto(site_url + "search/?q=nurse")
    everything = status_count(page)
    counts = {o.get_attribute("value"): o.text_content()
              for o in page.locator("#search-education option").all()}
    assert list(counts) == ["", *EDUCATION_SLUGS.values()]
    assert counts[""] == f"Any education ({everything})"
    page.select_option("#search-education", "postsecondary")
    wait_until(page, "() => location.search.includes('education=postsecondary')")
    titles = results(page)
    kept = status_count(page)
    assert 0 < kept < everything and counts["postsecondary"] == f"Postsecondary nondegree award ({kept})"
    assert "Licensed Practical and Licensed Vocational Nurses" in titles and "Registered Nurses" not in titles
    assert all(level.get(title.split(", also called ")[0]) == "postsecondary" for title in titles), titles
    assert "with education to start: Postsecondary nondegree award" in page.text_content(".search-status")
    page.check("input[name=interest][value=social]")
    wait_until(page, "() => location.search.includes('interest=social')")
    results(page)
    assert parse_qs(urlsplit(page.url).query) == {"q": ["nurse"], "education": ["postsecondary"],
                                                  "interest": ["social"]}
    page.goto(site_url + "search/?q=nurse&education=bachelor")
    titles = results(page)
    assert page.input_value("#search-education") == "bachelor" and "Registered Nurses" in titles
    assert all(level.get(title.split(", also called ")[0]) == "bachelor" for title in titles), titles
    page.goto(site_url + "search/?q=nurse&education=nonsense")
    results(page)
    assert page.input_value("#search-education") == "" and status_count(page) == everything
    assert page.console_errors == []


def test_the_results_page_restores_its_state_from_the_url(site_url, page):
    page.goto(site_url + "search/?q=nurse&cluster=health-science&interest=social&interest=investigative")
    titles = results(page)
    assert page.input_value("#search-page-input") == "nurse"
    assert page.input_value("#search-cluster") == "health-science"
    checked = page.locator("input[name=interest]:checked").evaluate_all("boxes => boxes.map(b => b.value)")
    assert checked == ["investigative", "social"]
    assert "Registered Nurses" in titles
    assert "nurse" in page.title()
    page.goto(site_url + "search/?q=nurse")
    assert status_count(page) >= len(titles)
    page.go_back()
    wait_until(page, "() => document.querySelector('#search-cluster').value === 'health-science'")
    assert page.console_errors == []


def test_more_results_load_on_request_and_take_focus(site_url, page):
    page.goto(site_url + "search/?q=work")
    results(page)
    assert status_count(page) > 40
    assert page.locator(".search-result").count() == 20
    page.click(".search-more")
    wait_until(page, "() => document.querySelectorAll('.search-result').length === 40")
    assert page.evaluate("document.activeElement.closest('.search-result') === "
                         "document.querySelectorAll('.search-result')[20]")
    assert page.console_errors == []


# -- anywhere, offline, without JavaScript -----------------------------------------------------------

def test_search_works_from_disk_offline(real_site: Path, page):
    page.context.set_offline(True)
    start = (real_site / "pathways/therapeutic-services/index.html").as_uri()
    page.goto(start)
    assert "Registered Nurses" in ask(page, "nurse")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.url.startswith((real_site / "search/index.html").as_uri() + "?")
    assert "Registered Nurses" in results(page)
    page.click(".search-result-title a >> nth=0")
    page.wait_for_load_state()
    assert page.url.endswith("/index.html") and page.url.startswith(real_site.as_uri())
    ask(page, "radiol")
    page.keyboard.press("ArrowDown")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.url == (real_site / "occupations/29-1224.00/index.html").as_uri()  # Radiologists
    assert page.console_errors == []


def test_no_request_leaves_the_site(site_url, page):
    elsewhere = []
    page.on("request", lambda r: elsewhere.append(r.url) if not r.url.startswith(site_url) else None)
    page.goto(site_url + "search/?q=nurse&cluster=health-science")
    results(page)
    ask(page, "acountant")
    ask(page, "zzzzqqq")
    assert elsewhere == []
    assert page.console_errors == []


def test_without_javascript_the_search_box_says_it_needs_it(site_url, browser):
    context = browser.new_context(java_script_enabled=False)
    try:
        tab = context.new_page()
        tab.goto(site_url + "clusters/health-science/")
        assert tab.locator(".search-box .search-nojs").is_visible()
        assert not tab.locator("#search-input").is_visible()
        tab.goto(site_url + "search/?q=nurse")
        assert tab.locator(".search-page .search-nojs").is_visible()
        assert not tab.locator(".search-page-form").is_visible()
        assert tab.locator(".search-page .search-nojs a").count() == 2
    finally:
        context.close()


# -- safety ------------------------------------------------------------------------------------------

HOSTILE_TITLE = '<script>window.__ran = 1</script>Quokka <b onmouseover="window.__ran = 2">keepers</b>'


@pytest.fixture
def hostile_site(make_project, serve_dir) -> str:
    root = make_project({
        "content/clusters/health-science.md": CLUSTER.replace(
            "title: Health Science", "title: '<img src=x onerror=\"window.__ran = 3\">Quokka care'"),
        "content/pathways/therapeutic-services.md": PATHWAY
        .replace("title: Therapeutic Services", f"title: '{HOSTILE_TITLE.replace(chr(39), chr(39) * 2)}'")
        .replace("summary: Care for patients directly.", "summary: 'javascript:window.__ran=4 <svg onload=alert(1)>'")
        .replace("title: Registered nurse", "title: '<a href=\"javascript:window.__ran=5\">quokka nurse</a>'")
        .replace("Nurses care for patients.", "Quokka `<iframe src=javascript:alert(6)></iframe>` & co."),
    })
    result = run_build("build", cwd=root)
    assert result.returncode == 0, result.stderr
    return serve_dir(root / "site", "/")


def test_hostile_content_shows_as_text_and_never_runs(hostile_site, page):
    dialogs = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.goto(hostile_site)
    ask(page, "quokka")
    popup = page.locator(".search-popup")
    text = popup.text_content()
    assert "<script>window.__ran = 1</script>Quokka" in text
    assert "<b onmouseover" in text and "<img src=x onerror" in text
    page.hover(f"{LISTBOX} .search-option >> nth=0")
    page.goto(hostile_site + "search/?q=quokka+javascript")
    results(page)
    page.goto(hostile_site + "search/?q=quokka")
    results(page)
    listing = page.locator(".search-results").inner_html()
    assert "&lt;script&gt;" in listing and "<script" not in listing and "<b " not in listing and "<img" not in listing
    assert "<iframe" not in listing and "<svg" not in listing
    hrefs = page.locator(".search-results a").evaluate_all("links => links.map(a => a.getAttribute('href'))")
    assert hrefs and not any(h.lower().startswith("javascript:") for h in hrefs)
    for a in page.locator(".search-results a").all():
        a.hover()
    assert page.evaluate("window.__ran") is None
    assert page.evaluate("[...document.querySelectorAll('*')].some(e => [...e.attributes].some(a => "
                         "a.name.startsWith('on')))") is False
    assert dialogs == []
    assert page.console_errors == []


def test_words_in_any_script_are_found(make_project, serve_dir, page):
    root = make_project({"content/pathways/therapeutic-services.md": PATHWAY.replace(
        "summary: Care for patients directly.", "summary: Ørsted turbines, 𠀋𠀋 tests near 東京 and Ærøskøbing.")})
    assert run_build("build", cwd=root).returncode == 0
    page.goto(serve_dir(root / "site", "/"))
    for query in ("ørsted", "ØRSTED", "𠀋𠀋", "東京", "ærøskøbing", "orsted turbines"):
        assert ask(page, query)[:1] == ["Therapeutic Services"], query
    assert page.console_errors == []


# -- the browser and the builder agree ----------------------------------------------------------------

SAMPLES = ["Nurse", "NURSES", "nursing", "Café", "naïve", "ÅNGSTRÖM", "ﬁre", "x-ray", "X‐Rays", "A/V", "Bachelor's",
           "welders", "technologies", "planning", "installing", "engineering", "don’t", "İstanbul", "e-commerce",
           "Ærøskøbing", "Straße", "Łódź", "𠀋𠀋", "東京",
           "29-1141.00", "O*NET", "co-op", "analyses", "status", "businesses", "ceilings", "the", "a",
           "C++", "c# developer", "C++/CLI", "(c++)", "abc++", "c+++", "mac#", "c+ grade",
           "R&D", "a&p mechanic", "AT&T", "GD&T", "Café&Bar", "abcd&e", "x & y", "Q&A-style",
           "inspectors", "Supervisor", "processors", "tutor", "floor", "pastor", "eer",
           "economics", "economist", "astronomy", "astronomers", "agronomist", "chemist"]


def test_the_browser_folds_splits_and_stems_words_like_the_builder(real_site, site_url, page):
    _, data = read_part((real_site / "search/index/words/c.js").read_bytes())
    words = SAMPLES + data["words"].split(" ") + [w.upper() for w in data["words"].split(" ")[:200]]
    open_with_search(page, site_url)
    page.evaluate("window.__search.search('a nurse')")
    wait_until(page, "() => window.__search.loaded('manifest') !== undefined")
    browser = page.evaluate("""words => words.map(w => [window.__search.fold(w),
        window.__search.stem(window.__search.fold(w)), window.__search.queryWords(w)])""", words)
    python = [[search.fold(w), search.stem(search.fold(w)), search.query_words(w)] for w in words]
    different = [(w, b, p) for w, b, p in zip(words, browser, python) if b != p]
    assert different == []


# -- accessibility -----------------------------------------------------------------------------------

def described_option(violation: dict) -> bool:
    """axe's label-in-name rule (WCAG 2.5.3) on an option of the search box's list, and nowhere else. axe takes all
    the text an option shows for its label, snippet included. The option's name is its title, kind and cluster,
    and the snippet is its description (`aria-describedby`): a screen reader says the title first, and a visitor
    using speech chooses it by the title it shows. `test_each_option_is_named_by_the_title_it_shows` checks
    just that."""
    return (violation["id"] == "label-content-name-mismatch"
            and all(n["target"][0].startswith(f"{LISTBOX}-") for n in violation["nodes"]))


def test_no_axe_violations_on_the_results_page_and_with_the_list_open(site_url, page):
    found = []
    for width in (1280, 375):
        for scheme in ("light", "dark"):
            page.set_viewport_size({"width": width, "height": 900})
            page.emulate_media(color_scheme=scheme)
            page.goto(site_url + "search/?q=nurse&interest=social")
            results(page)
            violations = axe_violations(page)
            ask(page, "radiol")
            page.keyboard.press("ArrowDown")
            violations += [v for v in axe_violations(page) if not described_option(v)]
            found += [f"{width}px {scheme}: {v['id']}: {v['help']} at "
                      f"{[n['target'] for n in v['nodes'][:3]]}" for v in violations]
    assert found == []


def test_each_option_is_named_by_the_title_it_shows(site_url, page):
    """Each option's name, as the browser computes it, starts with the title it shows and then says its kind and
    cluster as separate words; the snippet and any words not found are its description."""
    page.goto(site_url + "search/")
    ask(page, "nurse practitioner salary")
    options = page.locator(f"{LISTBOX} .search-option:not(.search-option-all)")
    assert options.count() >= 3
    for i in range(options.count()):
        option = options.nth(i)
        title = option.locator(".search-option-title").text_content()
        meta = " ".join(option.locator(".search-option-meta > span").all_text_contents())  # kind, cluster, pay
        name = page.evaluate("""el => {
            const text = id => document.getElementById(id).textContent;
            return [el.getAttribute('aria-labelledby').split(' ').map(text).join(' '),
                    (el.getAttribute('aria-describedby') || '').split(' ').filter(Boolean).map(text).join(' ')];
        }""", option.element_handle())
        assert name[0] == title + " " + meta, name
        assert page.get_by_role("option", name=name[0], exact=True).count() >= 1, name
        snippet = option.locator(".search-option-snippet")
        assert snippet.count() == 1 and snippet.text_content(), name
        assert name[1].startswith(snippet.text_content()), name
    assert page.console_errors == []


# -- how people ask ----------------------------------------------------------------------------------

def test_a_pay_question_leads_to_the_occupations_pay(site_url, page):
    open_with_search(page, site_url)
    titles = ask(page, "what do electricians earn")
    assert titles[0] == "Electricians"
    first = page.locator(f"{LISTBOX} .search-option").first
    assert first.get_attribute("href").endswith("occupations/47-2111.00/#pay")
    assert first.locator(".search-pay").text_content().startswith("U.S. median pay $")
    outcome = page.evaluate("async () => { const o = await window.__search.search('how do I become an electrician');"
                            " return [o.words, o.pay]; }")
    assert outcome == [["electrician"], False]  # 'how do I become' carries no meaning; no pay asked
    # 'a year' asks about pay too, rather than being searched for
    assert ask(page, "how much do air traffic controllers make a year")[0] == "Air Traffic Controllers"
    assert page.evaluate("async () => (await window.__search.search('how much do air traffic controllers make a "
                         "year')).pay") is True


@pytest.mark.parametrize("query, words, pay", [
    ("who makes dentures", ["dentures"], False),
    ("my kid wants to make apps", ["apps"], False),
    ("how much do nurses make", ["nurses"], True),
    ("do electricians make good money", ["electricians"], True),
    ("how much do dental assistants make in ohio", ["dental", "assistants"], True),
])
def test_make_asks_about_pay_only_when_nothing_follows_it_but_pay_filler_or_a_place(site_url, page, query, words,
                                                                                     pay):
    """'make' is a pay word in 'how much do nurses make', but the work itself before what is made."""
    open_with_search(page, site_url)
    outcome = page.evaluate("async q => { const o = await window.__search.search(q); return [o.words, o.pay]; }",
                            query)
    assert outcome == [words, pay]


@pytest.mark.parametrize("query, words", [
    ("im 16 and really good at drawing", ["drawing"]),   # not 'The 16 career clusters'
    ("age 50 and want to become a nurse", ["nurse"]),
    ("15 years as an electrician whats next", ["electrician"]),
    ("45 yo teacher", ["teacher"]),
    ("im a 911 dispatcher", ["911", "dispatcher"]),         # three digits: no age
    ("24 hour pharmacy jobs", ["24", "pharmacy"]),          # not before a word of age
    ("15 looking for my first job", []),                    # first, before any word but a unit
    ("16 love cars hate school", ["cars"]),
    ("16 career clusters", ["16", "career", "clusters"]),   # first, but before a word it names something with
    ("16 and love fixing bikes", ["fixing", "bikes"]),
    ("20 dollar an hour jobs", ["20", "dollar"]),           # first, but before a unit
    ("divorced at 38 need something medical", ["medical"]),  # after 'at'
    ("jobs that start at 25 an hour", ["25"]),                # after 'at', but before a unit
    ("medical assistant 3 years want more pay", ["medical", "assistant"]),  # one digit before 'years'
])
def test_an_age_or_years_of_work_is_never_searched_for(site_url, page, query, words):
    """A number of one or two digits after 'im', 'age' and the like, or before 'years' or 'yo', or first or after
    'at' but not before a unit, says who asks."""
    open_with_search(page, site_url)
    assert page.evaluate("async q => (await window.__search.search(q)).words", query) == words


@pytest.mark.parametrize("query, words", [
    ("my son jake keeps saying he wants to be a sparky", ["sparky"]),  # before a word of what the child does
    ("my daughter quinn 14 draws maps", ["draws", "maps"]),             # before an age, itself left out
    ("my kid liam wants to be a crane op", ["crane", "op"]),
    ("welding for my son liam", ["welding"]),                           # last
    ("ava is 15 and wants to be a vet tech", ["vet", "tech"]),          # first, before 'is' and an age
    ("my daughter maya is deaf 16 and loves drawing", ["drawing"]),     # an age anywhere after the child
    ("my son wants to make 20 an hour", ["20"]),                        # not an age before a unit
    ("my son loves cars", ["cars"]),                                    # a word of what he does is no name
    ("my grandson hunter is 18 and likes welding", ["welding"]),        # a name that is a job's too
    ("bounty hunter is 18 an hour", ["bounty", "hunter", "18"]),        # no word for a child before it
    ("my client maria is 45 and was a teacher", ["teacher"]),            # a counselor's client, as a child
    ("client services is hiring", ["client", "services", "hiring"]),    # 'client' names a field here
    ("child care is a good job", ["child", "care"]),                    # and 'child' a job
])
def test_a_childs_name_and_age_are_never_searched_for(site_url, page, query, words):
    """A word after 'son', 'daughter', 'my kid' and the like, last or before an age or a word such as 'is', 'wants'
    or 'keeps', names the child (the words before a goal phrase are read alone, so 'my kid liam' ends them), and a number after that word is the child's age, unless a unit follows it."""
    open_with_search(page, site_url)
    assert page.evaluate("async q => (await window.__search.search(q)).words", query) == words


@pytest.mark.parametrize("query, words", [
    ("loved ap physics", ["physics"]),
    ("honors english", ["english"]),
    ("ap clerk", ["ap", "clerk"]),   # an accounts payable clerk
])
def test_ap_or_honors_before_a_school_subject_is_never_searched_for(site_url, page, query, words):
    open_with_search(page, site_url)
    assert page.evaluate("async q => (await window.__search.search(q)).words", query) == words


def test_a_title_people_use_is_shown_beside_the_official_one(site_url, page):
    open_with_search(page, site_url)
    ask(page, "attorney")
    first = page.locator(f"{LISTBOX} .search-option-title").first.text_content()
    assert first == "Lawyers, also called Attorney"


def test_a_job_found_by_its_technology_says_so(site_url, page):
    """No title of the bookkeeping clerks holds 'quickbooks'; their job postings ask for it, and the result says so."""
    open_with_search(page, site_url)
    assert ask(page, "quickbooks")[0] == "Bookkeeping, Accounting, and Auditing Clerks"
    first = page.locator(f"{LISTBOX} .search-option-title").first
    assert first.text_content() == "Bookkeeping, Accounting, and Auditing Clerks · uses QuickBooks"
    assert first.locator("mark").all_text_contents() == ["QuickBooks"]
    ask(page, "attorney")  # a title people use comes before a tool
    assert page.locator(f"{LISTBOX} .search-option-title").first.text_content() == "Lawyers, also called Attorney"


def test_a_question_the_data_cannot_answer_says_so_and_the_rest_is_searched_for(site_url, page):
    """The site has no figures on union membership or shifts: 'union electrician' finds electricians, and says
    so; 'remote sensing' is a job, not a question about working from home."""
    open_with_search(page, site_url)
    note = page.locator(".search-popup .search-help-unknown")
    assert ask(page, "union electrician")[0] == "Electricians"
    assert note.text_content() == "This site has no figures on union jobs, so these results match your words only."
    wait_until(page, "() => document.querySelector('.search-box [role=status]').textContent.startsWith("
                     "'This site has no figures on union jobs, so these results match your words only. ')")
    assert ask(page, "night shift nurse")[0] == "Registered Nurses"
    assert note.text_content().startswith("This site has no figures on work hours and shifts")
    assert ask(page, "remote sensing")[0].startswith("Remote Sensing")
    assert note.count() == 0
    # 'remote' alone asks about working from home, even where a filler phrase has the word after it ('work with')
    offered = ask(page, "part time remote work with flexible hours")
    assert note.text_content().startswith("This site has no figures on")
    assert not any(title.startswith("Remote Sensing") for title in offered), offered
    assert ask(page, "union rep")[0] == "Labor Relations Specialists"  # 'Union Rep' is a job title people use
    assert note.count() == 0
    for query, topic in (("cool jobs", "which jobs are fun"), ("jobs for veterans", "which jobs fit military experience"),
                         ("jobs that involve travel", "how much a job travels"),
                         ("night owl who wants the graveyard shift", "work hours and shifts")):
        ask(page, query)
        assert note.text_content().startswith(f"This site has no figures on {topic},"), query
    # A visitor's own wheelchair says nothing of the work: not the repairers of wheelchair lifts, but computer jobs.
    offered = ask(page, "i use a wheelchair and love computers")
    assert note.text_content().startswith("This site has no figures on which jobs suit a disability,")
    assert offered[1].startswith("Computer") and "Elevator and Escalator Installers and Repairers" not in offered, offered
    page.goto(site_url + "search/?q=work+from+home")
    results(page)
    assert page.text_content(".search-help-unknown").startswith("This site has no figures on working from home")


FIRST_RESULTS = """async text => {
  const outcome = await window.__search.search(text);
  const best = window.__search.top(outcome.results, 2);
  await Promise.all(best.map(r => window.__search.load('docs/' + r.doc)));
  const explorer = outcome.explorer && outcome.explorer.education;
  return [best.map(r => window.__search.loaded('docs/' + r.doc).title), explorer ? explorer.value : null];
}"""


@pytest.mark.parametrize("query, first", [
    ("ship captain", {"Captains, Mates, and Pilots of Water Vessels"}),  # a synonym (data/search-words.yml)
    ("hospital administrator", {"Medical and Health Services Managers"}),
    ("programming", {"Software Developers", "Computer Programmers"}),
    ("modern career clusters", {"The 2024 Career Clusters"}),
    ("second career", {"Where your job can lead", "Jobs that use your skills"}),
    ("auto", {"Automotive Service Technicians and Mechanics"}),  # not 'Auto-Winder' (a part of a compound)
    ("own boss", {"Management & Entrepreneurship", "Entrepreneurship & Small Business"}),  # not '... Support ...'
    ("grafic design", {"Graphic Designers"}),  # 'f' for 'ph' is one slip
    ("interier designer", {"Interior Designers"}),  # the nearest worker's ending: not 'interest' ('ier' for 'est')
    ("im really creative", {"Artistic"}),  # 'really' and "i'm" carry no meaning; 'im' is no internal medicine
    ("i play guitar", {"Musicians and Singers"}),
    ("tutering", {"Tutors"}),  # the correction 'tutoring' stands for its other forms too ('tutors')
])
def test_everyday_names_and_slips_lead_with_the_page_they_mean(site_url, page, query, first):
    open_with_search(page, site_url)
    titles, _ = page.evaluate(FIRST_RESULTS, query)
    assert titles[0] in first, titles


@pytest.mark.parametrize("query, first", [
    ("political science degree", "Political Scientists"),
    ("theology degree", "Clergy"),
    ("criminal justice", "Law, Public Safety, Corrections & Security"),  # the teachers' text names it too
    ("is hvac a good trade", "Heating, Air Conditioning, and Refrigeration Mechanics and Installers"),
    ("political science professor", "Political Science Teachers, Postsecondary"),
    ("assistant professor of biology", "Biological Science Teachers, Postsecondary"),
])
def test_a_subject_alone_leads_with_the_jobs_in_it_and_with_professor_with_its_college_teachers(
        site_url, page, query, first):
    """A college teacher's title names a subject; that subject counts for less than the rest of its title."""
    open_with_search(page, site_url)
    titles, _ = page.evaluate(FIRST_RESULTS, query)
    assert titles[0] == first, titles


def test_leaving_school_early_or_a_ged_asks_the_explorer_for_that_education(site_url, page):
    open_with_search(page, site_url)
    for query, level in (("i dropped out of high school", "none"), ("high school dropouts", "none"),
                         ("i only have a ged", "high-school")):
        assert page.evaluate(FIRST_RESULTS, query)[1] == level, query


EXPLORER_FILTERS = """async text => {
  const outcome = await window.__search.search(text);
  return Object.entries(outcome.explorer || {}).map(([name, f]) => name + '=' + f.value + (f.orLess ? ' or less' : ''));
}"""


@pytest.mark.parametrize("query, filters", [
    ("which careers need a 4-year degree?", ["education=bachelor"]),  # '4-year' is read as '4year'
    ("entry-level jobs", ["experience=none"]),
    ("jobs with zero experience", ["experience=none"]),
    ("careers that require a residency", ["training=internship-residency"]),
    ("earn while you learn", ["training=apprenticeship"]),
    ("what jobs can i get if i dont go to college", ["education=high-school or less"]),
    ("jobs that need a professional degree", ["education=doctoral"]),
    ("jobs that need 5+ years experience", ["experience=5-years-or-more"]),
    ("jobs needing less than 5 years of experience", ["experience=under-5-years"]),
    ("jobs with no training needed", ["training=none"]),
    ("careers that only need a GED", ["education=high-school or less"]),
    ("careers that pay $120,000 or more", ["min_pay=120000"]),  # not two jobs side by side: 'or more'
    ("jobs over 60000 a year", ["min_pay=60000"]),
    ("i like art but dont want to go to college", ["education=high-school or less"]),
])
def test_a_phrase_asking_for_a_kind_of_job_sets_the_explorers_filter(site_url, page, query, filters):
    open_with_search(page, site_url)
    assert page.evaluate(EXPLORER_FILTERS, query) == filters


def test_words_a_result_lacks_are_named(site_url, page):
    page.goto(site_url + "search/?q=electricians+qqzzyx")
    results(page)
    assert "each with some of the words" in page.text_content(".search-status")
    assert page.locator(".search-results .search-missing").first.text_content() == "Missing: qqzzyx"


def test_a_misspelling_offers_the_correction_and_nothing_found_offers_ways_in(site_url, page):
    page.goto(site_url + "search/?q=electrision")
    assert results(page)[0] == "Electricians"
    link = page.locator(".search-help-correction a")
    assert link.text_content() == "electrician"
    open_with_search(page, site_url)
    page.fill("#search-input", "")
    page.focus("#search-input")
    page.keyboard.type("qqzzyx")
    page.wait_for_selector(".search-note a")
    links = page.locator(".search-note a")
    assert [links.nth(n).get_attribute("href").removeprefix(site_url) for n in range(links.count())] == \
        [ROUTES[kind].url() for kind, _ in search.HELP_PAGES if kind in ROUTES]
    assert "occupations/" in [links.nth(n).get_attribute("href").removeprefix(site_url) for n in range(links.count())]


def test_a_query_of_nothing_but_a_phrase_the_data_has_no_figures_on_offers_no_correction(site_url, page):
    """'work from home jobs' is searched for by its words, as nothing else is left, with a note that the site has
    no figures on working from home; its stop word 'from' is none of them, so no 'form' is offered for it."""
    page.goto(site_url + "search/?q=work+from+home+jobs")
    results(page)
    assert "no figures on working from home" in page.text_content(".search-help-unknown")
    assert page.locator(".search-help-correction").count() == 0


def test_a_correction_prefers_the_likelier_slip(site_url, page):
    """'electrican' is one letter from both 'electrician' (an i left out) and 'electrical' (n for l, keys far
    apart); a letter left out is the likelier slip, so electrician is the correction, though 'electrical' is
    in more pages. Likewise 'physican' (physician, not physical) and 'lawer' (lawyer, not laser). A vowel for
    another is likelier than a far key: 'librarien' is librarian, though 'libraries' (n for s) is more common;
    and so is a letter of the same sound: 'councelor' is counselor, not councilor (e for i)."""
    for typed, meant, first in (("electrican", "electrician", "Electricians"), ("physican", "physician", None),
                                ("lawer", "lawyer", "Lawyers"),
                                ("librarien", "librarian", "Librarians and Media Collections Specialists"),
                                ("councelor", "counselor", None)):
        page.goto(site_url + f"search/?q={typed}")
        titles = results(page)
        assert page.locator(".search-help-correction a").text_content() == meant
        if first:
            assert titles[0] == first
        elif typed == "physican":
            assert "Physicians" in titles[0], titles[:3]
        else:
            assert "Counselors" in titles[0], titles[:3]
    assert page.console_errors == []


def test_a_letter_left_out_of_a_job_name_is_corrected_though_a_shorter_words_stem_matches(site_url, page):
    """'enginer' is no word of the site, but it has the stem of 'engine' (and begins 'engineroom'); a letter
    left out of 'engineer', a word in many more pages, is the likelier meaning. Inflections that are merely not
    on the site ('coding', 'hiking') keep their forms and get no correction."""
    for typed, meant, first in (("enginer", "engineer", "Engineers"), ("enginering", "engineering", "Engineering")):
        page.goto(site_url + f"search/?q={typed}")
        titles = results(page)
        assert page.locator(".search-help-correction a").text_content() == meant
        assert first in titles[0], titles[:3]
        assert not any("Engine " in title or title.startswith("Engine ") for title in titles[:5]), titles[:5]
    open_with_search(page, site_url)
    outcome = page.evaluate("""async () => {
        const out = {};
        for (const q of ['enginer', 'coding', 'hiking', 'driving']) out[q] = (await window.__search.search(q)).corrected;
        return out;
    }""")
    assert outcome == {"enginer": "engineer", "coding": "", "hiking": "", "driving": ""}
    assert page.console_errors == []


def test_a_slip_that_leaves_no_page_with_every_word_is_read_by_the_other_words(site_url, page):
    """'buss' is no word of the site, but its stem finds the pages about bussers, so no ordinary correction is
    made; yet no page has both 'buss' and 'driver'. Read as 'bus', a word one letter away on many more pages,
    pages have both: that reading is searched for and offered. A common word is never changed so ('chef pilot'),
    and a query that pages match as typed keeps its words ('welding shop'). A query of one such word that names no
    page is read as a word that does: 'tailer' is on two pages in passing, but 'Tailor' is a job ('pastor' names
    one itself)."""
    page.goto(site_url + "search/?q=buss+driver")
    titles = results(page)
    assert page.locator(".search-help-correction a").text_content() == "bus driver"
    assert titles[0].startswith("Bus Drivers"), titles[:3]
    open_with_search(page, site_url)
    outcome = page.evaluate("""async () => {
        const out = {};
        for (const q of ['buss driver', 'chef pilot', 'welding shop', 'nurse lawyer', 'tailer', 'pastor']) {
            const o = await window.__search.search(q);
            out[q] = [o.corrected, o.complete > 0];
        }
        return out;
    }""")
    assert outcome == {"buss driver": ["bus driver", True], "chef pilot": ["", False],
                       "welding shop": ["", True], "nurse lawyer": ["", False], "tailer": ["tailor", True],
                       "pastor": ["", True]}
    assert ask(page, "tailer")[0] == "Tailors, Dressmakers, and Custom Sewers"
    assert page.console_errors == []


def test_a_word_for_the_work_finds_the_job_named_for_who_does_it(site_url, page):
    """'plumbing' is the work of the page a worker would call 'Plumber', which ranks above pages that mention
    plumbing more often, and 'physical therapy' the work of 'Physical Therapist' (not of the assistants, whose
    titles hold the very words); but a word that names a field of work keeps its field's pages first."""
    open_with_search(page, site_url)
    queries = ("plumbing", "welding", "roofing", "physical therapy", "cosmetology", "engineering", "banking")
    first = {q: ask(page, q)[0] for q in queries}
    assert first == {"plumbing": "Plumbers, Pipefitters, and Steamfitters",
                     "welding": "Welders, Cutters, Solderers, and Brazers", "roofing": "Roofers",
                     "physical therapy": "Physical Therapists",
                     "cosmetology": "Hairdressers, Hairstylists, and Cosmetologists",
                     "engineering": "Engineering", "banking": "Banking Services"}
    assert page.console_errors == []


def test_a_word_for_the_work_with_another_ending_finds_who_does_it(site_url, page):
    """Some words for the work do not share a stem with the worker's name: 'surgery' and 'surgeons', 'masonry'
    and 'masons', 'astronomy' and 'astronomers', 'library' and 'librarians', 'electricity' and 'electricians'.
    The worker's name is searched for too, so the job named for who does it comes first; a page whose title
    holds the very word typed still leads ('machinery')."""
    open_with_search(page, site_url)
    queries = ("surgery", "masonry", "astronomy", "library", "electricity", "photography", "machinery")
    first = {q: ask(page, q)[0] for q in queries}
    assert first["surgery"].endswith(("Surgeons", "Surgeons, Except Pediatric")), first
    assert {q: t for q, t in first.items() if q != "surgery"} == {
        "masonry": "Brickmasons and Blockmasons", "astronomy": "Astronomers",
        "library": "Librarians and Media Collections Specialists", "electricity": "Electricians",
        "photography": "Photographers", "machinery": "Industrial Machinery Mechanics"}
    assert page.console_errors == []


def test_a_word_finds_the_job_named_by_a_compound_that_starts_with_it(site_url, page):
    """Many trades are named by one word made of two, the stuff and the worker: 'Pipefitters', 'Boilermakers',
    'Bookkeeping'. A query word that is the first half ('fix pipes', 'boiler', 'keep books') finds the page
    named with the whole, before one whose title has the word alone ('Boiler Operators'); a page that uses such
    a word only in passing ('carmakers') gains nothing from it. 'wood' is also a synonym of the carpenters, who
    lead, with the woodworkers next to them."""
    open_with_search(page, site_url)
    queries = ("fix pipes", "boiler", "keep books", "clean houses", "fight fires")
    first = {q: ask(page, q)[0] for q in queries}
    assert first == {"fix pipes": "Plumbers, Pipefitters, and Steamfitters", "boiler": "Boilermakers",
                     "keep books": "Bookkeeping, Accounting, and Auditing Clerks",
                     "clean houses": "Maids and Housekeeping Cleaners", "fight fires": "Firefighters"}
    assert "Woodworkers, All Other" in ask(page, "wood")[:3]
    assert ask(page, "design cars")[0] == "Commercial and Industrial Designers"
    assert page.console_errors == []


def test_a_plural_of_a_word_ending_in_e_names_what_the_word_names(site_url, page):
    """'picture' is another name for Photographers (data/search-words.yml), and so is 'pictures': the plural of
    a word ending in -e ('pictures', 'houses') is the same noun, as 'photos' is of 'photo'."""
    open_with_search(page, site_url)
    first = {q: ask(page, q)[0] for q in ("picture", "pictures", "take pictures", "houses")}
    assert first == {"picture": "Photographers", "pictures": "Photographers", "take pictures": "Photographers",
                     "houses": "Carpenters"}
    assert page.console_errors == []


def test_a_workers_name_with_the_wrong_ending_is_corrected(site_url, page):
    """'editer' has the stem of 'edit' and 'machinest' is one letter from 'machines', but a word for a worker
    with the wrong ending (-er for -or, -est for -ist, -ist for -er) means the worker: the site's word with the
    right ending, or its plural, the nearer first (the correction then finds both). A word the site knows keeps its
    meaning ('editing', 'realtor')."""
    open_with_search(page, site_url)
    outcome = page.evaluate("""async () => {
        const out = {};
        for (const q of ['editer', 'surveyer', 'machinest', 'astronomist', 'editing', 'realtor'])
            out[q] = (await window.__search.search(q)).corrected;
        return out;
    }""")
    assert outcome == {"editer": "editor", "surveyer": "surveyor", "machinest": "machinist",
                       "astronomist": "astronomers", "editing": "", "realtor": ""}
    assert ask(page, "astronomist")[0] == "Astronomers"
    assert page.console_errors == []


def test_two_words_run_together_are_searched_for_apart(site_url, page):
    """'dentalhygienist' is no word of the site, nor the start of one: it is two words it knows, searched for as
    such and offered as the correction. A word one letter from a known word is a typo instead ('accountent' is
    accountant, not 'account ent'); so is a long word two letters from a word far more common than either half
    ('softwear' is software, not 'soft wear', and of the words two letters away, the commonest, not 'softer');
    and a word the site knows is never split ('firefighter'). A form of a word it knows is split only when the two
    words are ten times as common as that word: 'truckdriver' is 'truck driver', though a pathway's 'truck-driving
    class' makes the rare 'truckdriving'; 'babysitting' stays whole."""
    page.goto(site_url + "search/?q=dentalhygienist")
    assert results(page)[0] == "Dental Hygienists"
    assert page.locator(".search-help-correction a").text_content() == "dental hygienist"
    open_with_search(page, site_url)
    outcome = page.evaluate("""async () => {
        const out = {};
        for (const q of ['webdesigner', 'accountent', 'firefighter', 'dogwalker', 'softwear engineer', 'truckdriver',
                         'babysitting'])
            out[q] = [(await window.__search.search(q)).words.join(' '), (await window.__search.search(q)).corrected];
        return out;
    }""")
    assert outcome == {"webdesigner": ["web designer", "web designer"], "accountent": ["accountent", "accountant"],
                       "firefighter": ["firefighter", ""], "dogwalker": ["dog walker", "dog walker"],
                       "softwear engineer": ["softwear engineer", "software engineer"],
                       "truckdriver": ["truck driver", "truck driver"], "babysitting": ["babysitting", ""]}
    assert ask(page, "truckdriver")[0] == "Heavy and Tractor-Trailer Truck Drivers"
    assert ask(page, "softwear engineer")[0] == "Software Developers"
    assert ask(page, "dogwalker")[0] == "Animal Caretakers"
    assert page.console_errors == []


def test_a_word_split_that_no_page_holds_whole_is_searched_as_typed(site_url, page):
    """A word the site does not know is split into words it knows only where a page holds them all: 'rockstar' is
    not 'rocks tar' (roofers) and finds nothing, while 'dogwalker' is still 'dog walker'. A word that is 're' and a
    word the site knows is that word: 'redecorating' is 'decorating' (interior designers), not 'red eco rating'."""
    open_with_search(page, site_url)
    outcome = page.evaluate("""async () => {
        const out = {};
        for (const q of ['rockstar', 'dogwalker', 'redecorating', 'rewiring houses']) {
            const o = await window.__search.search(q);
            out[q] = [o.words.join(' '), o.results.length > 0];
        }
        return out;
    }""")
    assert outcome == {"rockstar": ["rockstar", False], "dogwalker": ["dog walker", True],
                       "redecorating": ["decorating", True], "rewiring houses": ["wiring houses", True]}
    assert "Interior Designers" in ask(page, "always redecorating my apartment")[:3]
    assert ask(page, "rewiring houses")[0] == "Electricians"
    assert page.console_errors == []


def test_a_query_for_a_kind_of_job_offers_the_jobs_explorer_with_those_filters(site_url, real_result, page):
    """'high paying jobs without a degree' names no job: it asks for the jobs explorer's filters (the 'explorer:'
    phrases of data/search-words.yml). The header box offers the explorer first, and its link opens the explorer
    listing exactly the jobs the data says match, in order; after it come the first of those jobs themselves, by
    the sort asked for, else the most commonly held first. Beside other words the pages come first; a phrase
    that only shares words ('high school teacher') offers no explorer."""
    from test_jobs_tools import expected_codes, listed
    explorer = f"{LISTBOX} .search-option-explorer"
    open_with_search(page, site_url)
    assert ask(page, "high paying jobs without a degree")[0] == "Jobs that need no college degree to start, best paid first"
    assert page.locator(f"{LISTBOX} .search-option").first.get_attribute("class").endswith("search-option-explorer")
    href = page.locator(explorer).get_attribute("href")
    assert urlsplit(href).path == urlsplit(site_url).path + "occupations/"
    assert parse_qs(urlsplit(href).query) == {"education": ["some-college"], "or_less": ["yes"], "sort": ["pay"]}
    occupations = {entry.occupation.code: entry.occupation for entry in real_result.site.occupations}
    # by the figures of their own, as a query that names jobs sorts them: jobs that share their occupation's or a
    # wider group's figures come after those (the explorer sorts those by the shared figure)
    fitting = expected_codes(real_result.site, {"education": "some-college", "or_less": "yes"})
    most_held = sorted(fitting, key=lambda code: (occupations[code].figures != FIGURES_OWN,
                                                  -(occupations[code].employment or 0), code))
    best_paid = sorted((code for code in most_held if occupations[code].figures == FIGURES_OWN
                        and occupations[code].wage_median is not None), key=lambda code: -occupations[code].wage_median)
    offered = ask(page, "high paying jobs without a degree")
    assert len(offered) > 5 and offered[1:] == [occupations[code].title for code in best_paid[:len(offered) - 1]], offered
    offered = ask(page, "jobs without a degree")
    assert len(offered) > 5 and offered[1:] == [occupations[code].title for code in most_held[:len(offered) - 1]], offered
    by_title = {job.title: job for job in occupations.values()}
    six_figures = ask(page, "six figure jobs")[1:]
    assert len(six_figures) > 4 and all(by_title[title].wage_median >= 100_000 for title in six_figures), six_figures
    assert ask(page, "in demand jobs")[:1] == ["Jobs with a bright outlook"]
    assert ask(page, "best jobs for the future")[:1] == ["Jobs with a bright outlook"]
    assert ask(page, "what jobs can you get with a GED")[:1] == ["Jobs that need a high school diploma or less to start"]
    assert ask(page, "jobs that need a bachelors degree")[:1] == ["Jobs that need a bachelor's degree to start"]
    assert ask(page, "fastest growing jobs")[:1] == ["All jobs, fastest growing first"]
    assert ask(page, "careers with lots of openings")[:1] == ["All jobs, most openings first"]
    assert ask(page, "jobs that need a masters")[:1] == ["Jobs that need a master's degree to start"]
    assert ask(page, "master electrician")[0] == "Electricians"  # 'masters' alone is no degree
    assert ask(page, "six figure jobs")[:1] == ["Jobs with a median pay of at least $100,000 a year"]
    assert parse_qs(urlsplit(page.locator(explorer).get_attribute("href")).query) == {"min_pay": ["100000"]}
    assert ask(page, "jobs over 50k")[:1] == ["Jobs with a median pay of at least $50,000 a year"]  # 'over' is filler
    assert ask(page, "i want to make a lot of money")[:1] == ["All jobs, best paid first"]  # not parking lots
    assert ask(page, "jobs that pay a lot")[:1] == ["All jobs, best paid first"]
    assert ask(page, "careers with good money")[:1] == ["All jobs, best paid first"]
    assert ask(page, "jobs that need a Ph.D.")[:1] == ["Jobs that need a doctoral or professional degree to start"]
    # The longest phrase is read whole: not 'high school diploma' with 'without' left over as a word.
    assert ask(page, "jobs without a high school diploma")[:1] == ["Jobs that need no formal credential to start"]
    assert ask(page, "my first job")[:1] == ["Jobs that need no formal credential to start"]  # 'my' is a stop word
    assert ask(page, "entry level jobs with no experience")[:1] == ["Jobs that need no work experience"]
    # The on-the-job training BLS gives: 'apprenticeships' lists the jobs learned through one, best paid first
    # when asked, and beside a job's name puts that job first.
    offered = ask(page, "high paying apprenticeships")
    assert offered[0] == "Jobs learned through an apprenticeship, best paid first"
    assert parse_qs(urlsplit(page.locator(explorer).get_attribute("href")).query) == \
        {"training": ["apprenticeship"], "sort": ["pay"]}
    apprenticed = sorted((code for code in expected_codes(real_result.site, {"training": "apprenticeship"})
                          if occupations[code].figures == FIGURES_OWN and occupations[code].wage_median is not None),
                         key=lambda code: -occupations[code].wage_median)
    assert len(offered) > 5 and offered[1:] == [occupations[code].title for code in apprenticed[:len(offered) - 1]]
    assert ask(page, "plumber apprentice")[0] == "Plumbers, Pipefitters, and Steamfitters"
    # An explorer phrase is read before a filler phrase inside it ('college degree').
    assert ask(page, "jobs without a college degree")[:1] == ["Jobs that need no college degree to start"]
    assert ask(page, "jobs that don't require college")[:1] == ["Jobs that need a high school diploma or less to start"]
    assert ask(page, "jobs without a 4 year degree")[:1] == ["Jobs that need an associate's degree or less to start"]
    # A certificate or less: BLS ranks some college like a certificate, so the label says 'no college degree'.
    assert ask(page, "jobs that dont require much school")[:1] == ["Jobs that need no college degree to start"]
    assert ask(page, "well paid jobs with no experience and no degree")[:1] == \
        ["Jobs that need no college degree to start and that need no work experience, best paid first"]
    assert parse_qs(urlsplit(page.locator(explorer).get_attribute("href")).query) == \
        {"education": ["some-college"], "or_less": ["yes"], "experience": ["none"], "sort": ["pay"]}
    # Nothing but words like 'jobs' or 'careers': every job comes first, then the pages that help choose, then the
    # pages those words find; best paid first for a word that asks about pay.
    for vague in ("jobs", "careers", "what job should i do", "jobs near me", "best jobs for women", "what now"):
        titles = ask(page, vague)
        assert titles[:3] == ["All jobs", "Find your path", "Explore by interest"] and len(titles) > 3, vague
        assert page.locator(explorer).get_attribute("href").endswith("/occupations/")
    assert ask(page, "salaries")[0] == "All jobs, best paid first"
    assert parse_qs(urlsplit(page.locator(explorer).get_attribute("href")).query) == {"sort": ["pay"]}
    assert "Find your path" not in ask(page, "salaries")
    titles = ask(page, "jobs at a school")  # a page the words name by its title stays before them
    assert titles.index("Education & Training") < titles.index("Find your path"), titles
    assert ask(page, "it jobs")[0] != "All jobs"  # 'IT' stands for something

    # A job the query names but that needs a degree goes after those that do not: licensed practical nurses and
    # nursing assistants, not registered nurses (a bachelor's degree, by BLS).
    titles = ask(page, "nurse jobs without a degree")
    assert titles[0] == "Licensed Practical and Licensed Vocational Nurses", titles
    assert "Nursing Assistants" in titles and "Registered Nurses" not in titles
    assert titles[-1] == "Jobs that need no college degree to start"
    assert ask(page, "nurse")[0] == "Registered Nurses"
    assert "Jobs" not in " ".join(ask(page, "high school teacher")) and page.locator(explorer).count() == 0

    page.keyboard.press("Escape")
    ask(page, "high paying jobs without a degree")
    page.keyboard.press("ArrowDown")
    page.keyboard.press("Enter")
    page.wait_for_url("**/occupations/?education=some-college&or_less=yes&sort=pay")
    expected = expected_codes(real_result.site, {"education": "some-college", "or_less": "yes", "sort": "pay"})
    assert len(expected) > 100 and listed(page) == expected

    open_with_search(page, site_url)
    ask(page, "jobs that pay 80k")
    page.keyboard.press("ArrowDown")
    page.keyboard.press("Enter")
    page.wait_for_url("**/occupations/?min_pay=80000")
    expected = expected_codes(real_result.site, {"min_pay": "80000"})
    assert 100 < len(expected) < 1016 and listed(page) == expected

    page.goto(site_url + "search/?q=high+paying+jobs+without+a+degree")
    page.wait_for_selector(".search-help-explorer a")
    assert page.text_content(".search-help-explorer a") == "Jobs that need no college degree to start, best paid first"
    wait_until(page, "() => !document.querySelector('.search-results').hasAttribute('aria-busy')")
    assert page.text_content(".search-status") == \
        f"{len(fitting)} jobs fit \u201chigh paying jobs without a degree\u201d, best paid first."
    shown = page.locator(".search-results .search-result-title").all_text_contents()
    assert shown[:5] == [occupations[code].title for code in best_paid[:5]], shown
    assert page.locator(".search-help-order").count() == 0  # no words named a job
    assert page.console_errors == []


RANKED = """async (text) => {
  const outcome = await window.__search.search(text);
  const all = window.__search.sort(outcome.results), ranked = all.slice(0, 30).concat(all.filter(r => r.fits === 0).slice(0, 30));
  await Promise.all(ranked.map(r => window.__search.load('docs/' + r.doc)));
  const marks = all.map(r => r.fits === undefined ? null : r.fits);
  return {ranked: ranked.map(r => [window.__search.loaded('docs/' + r.doc).url, r.fits === undefined ? null : r.fits]),
          marked: marks.filter(m => m !== null), unmarked: marks.filter(m => m === null).length};
}"""


def test_a_phrase_for_a_kind_of_job_puts_the_jobs_that_fit_it_first(site_url, real_result, page):
    """'nurse jobs without a degree', 'manager jobs with no experience', 'in demand nurse jobs': among the pages
    with every other word, the jobs that fit the phrase (by the data) come before those that do not, other pages
    keep their place, and a query that no job fits is ranked as it would be without the phrase."""
    from engine.data import EDUCATION_LEVELS, FIGURES_OWN
    from engine.render import outlook
    site = real_result.site
    jobs = {e.url: e.occupation for e in site.occupations}
    average = site.profiles.average_growth
    open_with_search(page, site_url)
    for query, fit in (("nurse jobs without a degree", lambda job: EDUCATION_LEVELS.get(job.education, 9) <= 2),
                       ("manager jobs with no experience", lambda job: job.experience == "None"),
                       ("in demand nurse jobs", lambda job: outlook(job, average).bright),
                       ("nurse jobs with no experience and no degree",
                        lambda job: job.experience == "None" and EDUCATION_LEVELS.get(job.education, 9) <= 2),
                       # a pay of the job's own, as the sorts give it
                       ("nurse jobs that pay 100k",
                        lambda job: job.figures == FIGURES_OWN and (job.wage_median or 0) >= 100_000)):
        found = page.evaluate(RANKED, query)
        marked = [(url, fits) for url, fits in found["ranked"] if fits is not None]
        assert any(fits == 0 for _, fits in marked) and any(fits == 1 and url in jobs for url, fits in marked), query
        for url, fits in marked:
            assert fits == (1 if url not in jobs or fit(jobs[url]) else 0), (query, url)
        # the pages with every word are marked; those that fit come first, in the order of all results
        assert found["marked"] == sorted(found["marked"], reverse=True), query
    registered = next(url for url, job in jobs.items() if job.title == "Registered Nurses")
    assert [registered, 0] in page.evaluate(RANKED, "nurse jobs without a degree")["ranked"]
    # no job with every word fits: the phrase moves nothing
    assert page.evaluate(RANKED, "nuclear medicine physician jobs without a degree")["marked"] == []
    assert page.console_errors == []



def test_a_job_named_by_its_own_title_leads_even_where_it_does_not_fit_the_phrase(site_url, real_result, page):
    """'can you become a firefighter without going to college' asks about one job: firefighters need more than
    high school (a postsecondary award, by the data), yet their page leads, and the jobs that fit come next, as
    the results page says. The order of the rest is as in 'nurse jobs without a degree'."""
    jobs = {e.url: e.occupation for e in real_result.site.occupations}
    firefighters = next(url for url, job in jobs.items() if job.title == "Firefighters")
    assert jobs[firefighters].education == "Postsecondary nondegree award"
    open_with_search(page, site_url)
    for query in ("can you become a firefighter without going to college", "firefighter jobs with no college"):
        found = page.evaluate(RANKED, query)
        assert found["ranked"][0] == [firefighters, 0], query
        rest = found["marked"][1:]
        assert 1 in rest and rest == sorted(rest, reverse=True), query
    page.goto(site_url + "search/?q=can+you+become+a+firefighter+without+going+to+college")
    results(page)
    assert page.locator(".search-results .search-result-title").first.text_content() == "Firefighters"
    assert page.locator(".search-help-order").all_text_contents() == ["Jobs that fit what you asked for come next."]
    # without the rule the fitting jobs would lead: a job that fits is among the results
    assert any(fits == 1 and url in jobs for url, fits in found["ranked"])
    assert page.console_errors == []


def test_a_level_of_education_with_a_subject_says_what_a_visitor_studies(site_url, real_result, page):
    """'associate degree in nursing' and 'welding certificate program' say what a visitor studies: the jobs the
    words name fit, whatever level BLS gives as typical (a bachelor's degree for registered nurses, high school
    for welders), and lead. After a word that asks for jobs ('nurse jobs with an associate degree') the level is
    a limit: registered nurses go after the jobs that fit it. So is a level below any study ('teenager')."""
    jobs = {e.occupation.title: e for e in real_result.site.occupations}
    assert jobs["Registered Nurses"].occupation.education == "Bachelor's degree"
    assert jobs["Welders, Cutters, Solderers, and Brazers"].occupation.education == "High school diploma or equivalent"
    open_with_search(page, site_url)
    for query, title in (("associate degree in nursing", "Registered Nurses"),
                         ("welding certificate program", "Welders, Cutters, Solderers, and Brazers")):
        found = page.evaluate(RANKED, query)
        assert found["ranked"][0] == [jobs[title].url, 1], (query, found["ranked"][:3])
    found = page.evaluate(RANKED, "nurse jobs with an associate degree")["ranked"]
    assert [jobs["Registered Nurses"].url, 0] in found and found[0][1] == 1, found[:3]
    # A level below any study says who the visitor is ('teenager': none), and stays a limit: veterinarians, whom
    # 'animals' names, go after the jobs a teenager can start.
    found = page.evaluate(RANKED, "teenager who likes animals")["ranked"]
    assert [jobs["Veterinarians"].url, 0] in found and found[0][1] == 1, found[:3]
    assert page.console_errors == []


def test_of_several_jobs_a_query_names_the_one_it_names_by_a_name_in_its_title_leads(site_url, real_result, page):
    """'welder' names several jobs (welding machine setters too), but only Welders, Cutters, Solderers, and Brazers
    by a name its title lists; asked about with a phrase it does not fit ('apprenticeship', 'without a degree'),
    that job leads all the same. A query that asks for a list ('nurse jobs without a degree', 'highest paying
    nurse jobs') keeps the jobs that fit, or the best paid, first."""
    jobs = {e.occupation.title: e.url for e in real_result.site.occupations}
    open_with_search(page, site_url)
    for query, title in (("welder apprenticeship", "Welders, Cutters, Solderers, and Brazers"),
                         ("can i become an accountant without a degree", "Accountants and Auditors"),
                         ("entry level chef", "Chefs and Head Cooks")):
        found = page.evaluate(RANKED, query)
        assert found["ranked"][0] == [jobs[title], 0], (query, found["ranked"][:3])  # first, though it does not fit
        assert any(fits == 1 for _, fits in found["ranked"][1:]), query  # and jobs that fit are there
    found = page.evaluate(RANKED, "nurse jobs without a degree")
    assert found["ranked"][0][1] == 1, found["ranked"][:3]
    assert found["ranked"][0][0] != jobs["Registered Nurses"]
    assert page.evaluate(RANKED, "what are the highest paying nurse jobs")["ranked"][0][0] != jobs["Registered Nurses"]
    assert page.console_errors == []

PAID = """async (text) => {
  const outcome = await window.__search.search(text);
  const all = window.__search.sort(outcome.results), ranked = all.slice(0, 30);
  await Promise.all(ranked.map(r => window.__search.load('docs/' + r.doc)));
  return {ranked: ranked.map(r => [window.__search.loaded('docs/' + r.doc).url, r.sorted === undefined ? null : r.sorted]),
          sorted: all.map(r => r.sorted === undefined ? -1 : r.sorted)};
}"""


def test_the_pairs_of_filler_words_load_only_for_a_query_with_a_filler_word_beside_another(site_url, page):
    """'career counselor' is a job though 'career' is filler: the pairs that say so (search/index/pairs.js) load
    with the first query that has a filler word beside another word, and a query without one never loads them."""
    open_with_search(page, site_url)
    assert ask(page, "electrician")[0] == "Electricians"
    assert ask(page, "guidance counselor")[0] == "Educational, Guidance, and Career Counselors and Advisors"
    assert page.evaluate("window.__search.loaded('pairs')") is None
    assert ask(page, "school counselor")[0] == "Educational, Guidance, and Career Counselors and Advisors"
    assert "school counselor" in page.evaluate("window.__search.loaded('pairs')")
    assert ask(page, "career counselor")[0] == "Educational, Guidance, and Career Counselors and Advisors"
    assert "career counselor" in page.evaluate("window.__search.loaded('pairs')")
    assert page.console_errors == []


def test_the_explorer_phrases_load_only_for_a_query_with_one_of_their_key_words(site_url, page):
    """The phrases that ask for a kind of job (search/index/explorer.js) are not in the manifest every query
    loads: a query without any of their key words never loads them, one with a key word ('ged') or with a pay
    word and nothing else ('salaries') does."""
    open_with_search(page, site_url)
    assert ask(page, "engineering technology")
    assert ask(page, "nurse salary")[0] == "Registered Nurses"
    assert page.evaluate("window.__search.loaded('explorer')") is None
    assert ask(page, "salaries")[0] == "All jobs, best paid first"
    assert page.evaluate("window.__search.loaded('explorer')")
    open_with_search(page, site_url)  # a fresh page, with nothing loaded
    assert page.evaluate("window.__search.loaded('explorer')") is None
    assert ask(page, "ged jobs")[0].startswith("Jobs that need a high school diploma or less")
    assert page.console_errors == []


def test_the_filler_phrases_load_only_for_a_query_with_one_of_their_key_words(site_url, page):
    """The filler phrases (search/index/phrases.js) are not in the manifest every query loads either: a query
    without any of their key words never loads them; one with a key word does, and reads its phrase as filler."""
    open_with_search(page, site_url)
    assert ask(page, "engineering technology")
    assert page.evaluate("window.__search.loaded('phrases')") is None
    assert page.evaluate("async q => (await window.__search.search(q)).words", "i have a passion for animals") == \
        ["animals"]
    assert page.evaluate("window.__search.loaded('phrases')")
    assert page.console_errors == []


def test_the_phrases_that_say_what_a_query_asks_load_only_for_a_query_with_one_of_their_key_words(site_url, page):
    """Where a job leads, a goal, jobs like one and what is not wanted (search/index/asks.js) are not in the
    manifest either: a query without any of their key words never loads them; one with a key word does, and reads
    its phrase."""
    open_with_search(page, site_url)
    assert ask(page, "engineering technology")
    assert page.evaluate("window.__search.loaded('asks')") is None
    assert page.evaluate("async q => (await window.__search.search(q)).words", "i hate math but love art") == ["art"]
    assert page.evaluate("window.__search.loaded('asks')")
    assert page.evaluate("async q => (await window.__search.search(q)).next", "jobs similar to nursing") == "similar"
    assert page.console_errors == []


def test_a_query_asking_where_a_job_leads_offers_the_tool_set_to_that_job(site_url, real_result, page):
    """'what comes after nursing assistant', 'cashier career path': the phrase (`next:` in data/search-words.yml)
    asks where the job the other words name can lead. The header box offers first the tool that shows it, set to
    that job; the results page says the same. A phrase alone ('career path') is searched for as it is, and a
    query without such a phrase ('promotions manager') offers no such thing. 'jobs similar to registered nurse'
    (`similar:`) offers the same tool at the related jobs, where it opens, and the results list the first of its
    related jobs, each saying whose like it is, and then the job."""
    titles = {e.occupation.code: e.occupation.title for e in real_result.site.occupations}
    nursing = next(code for code, title in titles.items() if title == "Nursing Assistants")
    open_with_search(page, site_url)
    for query, code in (("what comes after nursing assistant", nursing), ("next step after cna", nursing),
                        ("cashier career path", next(c for c, t in titles.items() if t == "Cashiers")),
                        ("career path for electrician", next(c for c, t in titles.items() if t == "Electricians")),
                        ("where can a pharmacy tech go from here",
                         next(c for c, t in titles.items() if t == "Pharmacy Technicians")),
                        ("roofer next career step", next(c for c, t in titles.items() if t == "Roofers"))):
        offered = ask(page, query)
        assert offered[0] == f"Where {titles[code]} can go next" and offered[1] == titles[code], (query, offered)
        link = page.locator(f"{LISTBOX} .search-option-next")
        assert link.locator(".search-option-meta").text_content() == "Tool"
        assert link.get_attribute("href").endswith(f"explore/from-job/?job={code}")
    for query in ("promotions manager", "nurse", "high paying jobs", "jobs like helping people"):
        ask(page, query)
        assert page.locator(f"{LISTBOX} .search-option-next").count() == 0, query
    assert ask(page, "career path")[0] == "Where your job can lead"
    # A phrase that names no job with the rest is searched for as it is: not printing jobs, but the tools.
    assert "Where your job can lead" in ask(page, "print a career ladder")[:3]
    assert page.locator(f"{LISTBOX} .search-option-next").count() == 0
    # Jobs like one ('similar:'): the same tool, at its related jobs.
    nurses = next(code for code, title in titles.items() if title == "Registered Nurses")
    jobs = {e.title: e for e in real_result.site.occupations}
    def like(entry) -> list[str]:
        return [o.title for o in search.alike(entry.occupation, entry.related)[:search.LIKE_SHOWN]]

    def away(entry) -> list[str]:
        return [o.title for o in search.elsewhere(entry.occupation, entry.all_related)[:search.AWAY_SHOWN]]

    like_nurses, away_nurses = like(jobs["Registered Nurses"])[:3], away(jobs["Registered Nurses"])
    assert like_nurses != away_nurses and len(away_nurses) == 3
    # A phrase of someone leaving that line of work ('leaving:') lists the related jobs outside it instead.
    for query, expected in (("jobs similar to registered nurse", like_nurses), ("alternatives to nursing", away_nurses),
                            ("high paying jobs like nurse", like_nurses), ("career change from nursing", away_nurses),
                            ("burned out nurse", away_nurses), ("nurse burnout", away_nurses),
                            ("quitting nursing, other options", away_nurses),
                            ("former nurse looking for a change", away_nurses), ("tired of being a nurse", away_nurses),
                            ("ex nurse what jobs now", away_nurses), ("tired of nursing", away_nurses),
                            ("sick of nursing, what else can i do", away_nurses)):
        offered = ask(page, query)
        assert offered[0] == "Jobs like Registered Nurses" and offered[4] == "Registered Nurses", (query, offered)
        assert set(offered[1:4]) == set(expected), (query, offered)
        link = page.locator(f"{LISTBOX} .search-option-next")
        assert link.get_attribute("href").endswith(f"explore/from-job/?job={nurses}#from-related")
    # The results list its related jobs in O*NET's order, then the job.
    teachers = jobs["Elementary School Teachers, Except Special Education"]
    offered = ask(page, "jobs similar to elementary teacher")
    assert offered[1:5] == [*like(teachers)[:3], teachers.title], offered
    offered = ask(page, "career change from elementary teacher")
    assert offered[1:5] == [*away(teachers), teachers.title], offered
    assert offered[1] == "Tutors" and not any(title.endswith("School Teachers") for title in offered[1:4]), offered
    # Words after the job that its own kinds have ('classroom') do not bring them back before those outside it.
    offered = ask(page, "elementary teacher leaving the classroom")
    assert offered[1:4] == away(teachers), offered
    electricians = jobs["Electricians"]
    offered = ask(page, "jobs like electrician")
    assert offered[1:5] == [*like(electricians)[:3], electricians.title], offered
    assert "Helpers--Electricians" not in offered[1:4]  # another kind of the job itself comes after the others
    # Tired of part of the job one names: jobs like it, though its page holds what one is tired of ('driving').
    hairdressers = jobs["Hairdressers, Hairstylists, and Cosmetologists"]
    for query in ("hairdresser sick of standing all day", "hairdresser fed up with standing all day"):
        offered = ask(page, query)
        assert offered[0] == f"Jobs like {hairdressers.title}", (query, offered)
        assert offered[1:5] == [*like(hairdressers)[:3], hairdressers.title], (query, offered)
    drivers = jobs["Heavy and Tractor-Trailer Truck Drivers"]
    offered = ask(page, "truck driver tired of driving")
    assert offered[0] == f"Jobs like {drivers.title}" and drivers.title in offered[1:5], offered
    offered = ask(page, "software engineer tired of coding, what else")
    assert offered[0] == "Jobs like Software Developers", offered
    # Tired of what a job's name or title holds, and nothing more, asks the same ('sick of coding'); tired of what
    # names no job is only not wanted, and so is what comes before 'what else' ('i hate blood, what else'): every
    # job is listed, most held first, as for 'i hate blood'. After a goal, the job is the one named before it.
    assert ask(page, "sick of coding")[0] == "Jobs like Computer Programmers"
    for query in ("tired of sitting all day", "sick of standing, what else can i do"):
        assert "Jobs like" not in " ".join(ask(page, query)), query
    assert ask(page, "i hate blood, what else") == ask(page, "i hate blood")
    offered = ask(page, "truck driver tired of driving, become a dispatcher")
    assert offered[1:3] == [drivers.title, "Dispatchers, Except Police, Fire, and Ambulance"], offered
    # Toward the job named ('switching careers to nursing') or from a field rather than a job ('switching careers
    # from accounting'), nothing is offered; the field's page leads, not network switches.
    assert ask(page, "career change to nursing")[0] == "Registered Nurses"
    assert page.locator(f"{LISTBOX} .search-option-next").count() == 0
    assert ask(page, "switching careers from accounting")[0] == "Accounting"
    page.goto(site_url + "search/?q=jobs+like+electrician")
    page.wait_for_selector(".search-result")
    notes = page.locator(".search-result").nth(0).locator(".search-from")
    assert notes.text_content() == "A job like Electricians"
    open_with_search(page, site_url)

    # Chosen, the tool opens on that job.
    ask(page, "what comes after nursing assistant")
    page.keyboard.press("ArrowDown")
    page.keyboard.press("Enter")
    page.wait_for_url(f"**/explore/from-job/?job={nursing}")
    page.wait_for_selector("#moves-next li")
    assert page.input_value("#job-input") == "Nursing Assistants"

    ask(page, "career change from nursing")
    page.keyboard.press("ArrowDown")
    page.keyboard.press("Enter")
    page.wait_for_url(f"**/explore/from-job/?job={nurses}#from-related")
    page.wait_for_selector("#moves-related li")
    wait_until(page, "() => document.getElementById('from-related').getBoundingClientRect().top < innerHeight")
    assert page.evaluate("scrollY") > 0

    page.goto(site_url + "search/?q=next+steps+for+a+medical+assistant")
    page.wait_for_selector(".search-help-next a")
    medical = next(c for c, t in titles.items() if t == "Medical Assistants")
    assert page.text_content(".search-help-next a") == "Where Medical Assistants can go next"
    assert page.get_attribute(".search-help-next a", "href").endswith(f"explore/from-job/?job={medical}")
    assert page.console_errors == []


def test_but_and_more_or_less_of_something_after_a_job_asks_for_jobs_like_it(site_url, real_result, page):
    """'nurse but with better hours', 'jobs like electrician but less physical': 'but' and a word of more or less
    (`RATHER`) after words that name a job ask for jobs like it, as 'jobs like' does; what to have less of is a word
    of dislike. Less schooling ('careers like veterinarian without as much school', `SCHOOLING` after a word of
    dislike) lists the jobs like it that take less first (`shorter` in its record, `search.shorter`)."""
    jobs = {e.title: e for e in real_result.site.occupations}

    def like(title: str) -> list[str]:
        entry = jobs[title]
        return [o.title for o in search.alike(entry.occupation, entry.related)[:search.LIKE_SHOWN]]

    open_with_search(page, site_url)
    for query, title in (("nurse but with better hours", "Registered Nurses"),
                         ("jobs like electrician but less physical", "Electricians"),
                         ("accountant but more creative", "Accountants and Auditors")):
        offered = ask(page, query)
        assert offered[0] == f"Jobs like {title}" and title in offered[1:6], (query, offered)
        assert set(like(title)[:3]) & set(offered[1:5]), (query, offered)
    # what to have less of is not searched for: no physical therapists for 'less physical'
    assert not any("Physical" in title for title in ask(page, "jobs like electrician but less physical")[:6])
    # 'less' alone is a word of dislike too
    assert not any("Physical" in title for title in ask(page, "hurt my back in construction, need something less "
                                                             "physical")[:3])
    # 'but not' and what follows is only not wanted: no job is named before it
    assert "Jobs like" not in " ".join(ask(page, "i like history but not teaching"))
    def shorter(title: str) -> list[str]:
        entry = jobs[title]
        return [o.title for o in search.shorter(entry.occupation, entry.earlier_steps, entry.all_related)]

    vets = shorter("Veterinarians")
    assert vets[:2] == ["Veterinary Technologists and Technicians",
                        "Veterinary Assistants and Laboratory Animal Caretakers"], vets
    for query in ("careers like veterinarian without as much school", "something like a vet but less school",
                  "something like veterinarian without 8 years of school"):
        offered = ask(page, query)
        assert offered[0] == "Jobs like Veterinarians" and offered[1:3] == vets[:2], (query, offered)
    # without a word of schooling, its related jobs as before
    offered = ask(page, "jobs like veterinarian")
    assert offered[1:4] == like("Veterinarians")[:3], offered
    assert ask(page, "careers like lawyer but less school")[1] == shorter("Lawyers")[0] == \
        "Paralegals and Legal Assistants"
    # The school of a job, not wanted, asks the same of that job, with no other words too; not after a subject one
    # studies.
    for query in ("i love animals but dont want to go to vet school", "love animals but cant afford vet school",
                  "cant afford vet school"):
        offered = ask(page, query)
        assert offered[0] == "Jobs like Veterinarians" and offered[1:3] == vets[:2], (query, offered)
    assert not ask(page, "bio degree but dont want med school")[0].startswith("Jobs like")
    # 'but' and 'no' or 'shorter' ask the same; so does 'training'
    for query, title in (("similar to lawyer but no law school", "Lawyers"),
                         ("jobs like dentist but shorter training", "Dentists, General")):
        offered = ask(page, query)
        assert offered[0] == f"Jobs like {title}" and offered[1:3] == shorter(title)[:2], (query, offered)
    assert page.console_errors == []


def test_a_query_asking_where_a_job_leads_lists_the_steps_after_it(site_url, real_result, page):
    """'what comes after cna': the job the query names first, then the jobs of the step after it on its ladders,
    the likeliest first (`leadOn`), each saying on the results page whose next step it is. Where the words before
    the phrase name the job and the rest say more ('bank teller who wants to move up and help people get
    mortgages'), that job leads all the same, and its next steps follow it, after the best page that has the words
    the job lacks where no step has them. A goal phrase ('wants to make') does the same after a job."""
    jobs = {e.title: e for e in real_result.site.occupations}
    nursing, tellers = jobs["Nursing Assistants"], jobs["Tellers"]
    open_with_search(page, site_url)
    for query in ("what comes after cna", "cna who wants to move up"):
        offered = ask(page, query)
        assert offered[1:3] == ["Nursing Assistants", "Licensed Practical and Licensed Vocational Nurses"], offered
    offered = ask(page, "bank teller who wants to move up and help people get mortgages")
    assert offered[0] == f"Where {tellers.title} can go next" and offered[1] == tellers.title, offered
    # No step of theirs has 'people' or 'mortgages': the best page that has them comes second, then the steps.
    assert offered[3] in {o.title for o in tellers.next_steps}, offered
    # A query that asks nothing of the kind keeps its own order.
    assert ask(page, "nursing assistant")[1] != "Licensed Practical and Licensed Vocational Nurses"
    # A goal phrase (`goal:`) asks the same after the job one has, the step the other words name first; after no
    # job it is filler, and nothing is offered.
    police = jobs["Police and Sheriff's Patrol Officers"]
    offered = ask(page, "patrol cop who wants to make detective")
    steps = {o.title for o in police.next_steps}
    assert offered[:2] == [f"Where {police.title} can go next", police.title], offered
    assert "Detectives and Criminal Investigators" in set(offered[2:4]) & steps, offered  # with a supervisors' page
    # Of the steps, one named by a word of the query that does not name the job comes first, though the job's
    # first ladder offers six doctors before it.
    emts = jobs["Emergency Medical Technicians"]
    assert "Paramedics" in {o.title for o in emts.next_steps}
    offered = ask(page, "ems worker who wants to become a paramedic")
    assert offered[1:3] == [emts.title, "Paramedics"], offered
    assert ask(page, "i want to become a registered nurse")[0] == "Registered Nurses"
    assert page.locator(f"{LISTBOX} .search-option-next").count() == 0
    # The job the words after the phrase name comes right after the job: 'to' alone is such a phrase, when both
    # sides name a job, and a filler phrase may begin one ('hoping to become').
    assert ask(page, "dental assistant to dental hygienist")[:3] == [
        "Where Dental Assistants can go next", "Dental Assistants", "Dental Hygienists"]
    for title in ("Dental Assistants", "Dental Hygienists"):  # neither is said to miss the other's words
        option = page.locator(f"{LISTBOX} .search-option", has_text=title).first
        assert option.locator(".search-missing").count() == 0, title
    assert ask(page, "receptionist hoping to become an executive assistant")[1:3] == [
        "Receptionists and Information Clerks", "Executive Secretaries and Executive Administrative Assistants"]
    # A step higher up its ladders (`later`) is on them too: it comes right after the job, before a next step
    # that only has a word of the query the job lacks ('associate').
    stockers = jobs["Stockers and Order Fillers"]
    supervisors = "First-Line Supervisors of Helpers, Laborers, and Material Movers, Hand"
    assert supervisors in {o.title for o in stockers.later_steps}
    assert ask(page, "warehouse associate who wants to be a supervisor")[1:3] == [stockers.title, supervisors]
    # 'cop' names the police officers' page (a synonym of its whole title), not the guards' own.
    assert ask(page, "security guard wants to be a cop")[1:3] == ["Security Guards", police.title]
    # After a phrase that names a role, the best match though no title or name has the words ('xray tech'); 'wants to
    # manage' looks for the manager of what follows, as do phrases to run or own it ('dreaming of running my own');
    # after 'to' or 'becoming', a step named by the last word.
    for query, wanted in (("medical assistant wanting to become an xray tech",
                           "Radiologic Technologists and Technicians"),
                          ("waiter who wants to manage a restaurant", "Food Service Managers"),
                          ("farmhand dreaming of running my own ranch",
                           "Farmers, Ranchers, and Other Agricultural Managers"),
                          ("short order cook to head chef", "Chefs and Head Cooks"),
                          ("plumbers helper becoming a licensed plumber", "Plumbers, Pipefitters, and Steamfitters")):
        assert ask(page, query)[2] == wanted, query
    # Of the jobs the words name, a step after the job comes first: the fire captain, not the airline captain.
    fire = jobs["Firefighters"]
    offered = ask(page, "firefighter who wants to make captain")
    assert offered[1] == fire.title and "First-Line Supervisors of Firefighting and Prevention Workers" in offered[2:4]
    assert "Airline Pilots, Copilots, and Flight Engineers" not in offered[:4], offered
    # Before 'to', words that match one job much better than any other page name it, though no title or name has
    # them ('vet tech'); the words after it must then name a step after it: 'junior developer path' matches the
    # career counselors' page best, and 'software architect' is no step after that.
    assert ask(page, "vet tech to veterinarian")[:3] == [
        "Where Veterinary Technologists and Technicians can go next", "Veterinary Technologists and Technicians",
        "Veterinarians"]
    # The step after it that the words after 'to' match best counts, though a synonym names it ('admin').
    assert ask(page, "help desk tech to network admin")[:3] == [
        "Where Computer User Support Specialists can go next", "Computer User Support Specialists",
        "Network and Computer Systems Administrators"]
    offered = ask(page, "junior developer path to software architect")
    assert not any(o.startswith("Where Educational") for o in offered) and "Software Developers" in offered[:3]
    # 'to' between words that do not both name a job asks nothing ('nurse to patient ratio'), nor after words that
    # are all filler ('is it too late to become a nurse'), nor before a word that means nothing ('math to be ...').
    for query, first in (("nurse to patient ratio", None), ("is it too late to become a nurse", "Registered Nurses"),
                         ("do you need math to be an electrician", "Electricians")):
        offered = ask(page, query)
        assert page.locator(f"{LISTBOX} .search-option-next").count() == 0, query
        assert first is None or offered[0] == first, (query, offered)
    # A small word inside a filler phrase ('related to') is no goal phrase; with words of its own beside it, a
    # phrase is not searched for as words ('else' of 'what else can i do' would find 'All Other' jobs).
    assert ask(page, "occupations related to graphic designer")[0] == "Graphic Designers"
    assert page.locator(f"{LISTBOX} .search-option-next").count() == 0
    assert ask(page, "lost my assembly line job, what else can i do")[0] == "Team Assemblers"

    page.goto(site_url + "search/?q=what+comes+after+cna")
    page.wait_for_selector(".search-result")
    titles = [title.split(", also called ")[0] for title in page.locator(".search-result-title").all_text_contents()]
    assert titles[:2] == ["Nursing Assistants", "Licensed Practical and Licensed Vocational Nurses"], titles
    notes = page.locator(".search-result").nth(1).locator(".search-from")
    assert notes.text_content() == "A next step for Nursing Assistants"
    assert page.locator(".search-result").first.locator(".search-from").count() == 0
    assert page.console_errors == []


def test_words_around_a_job_that_name_no_job_do_not_push_it_down(site_url, page):
    """Words that say where or how one trains ('school', 'apprentice'), who asks ('people who', 'someone who'),
    how they feel ('enjoy', 'passionate') or what they want to do ('help') name no job: the job the rest names
    comes first, not pages that merely hold those words (filler and explorer phrases in data/search-words.yml).
    Titles that pair 'school' with the next word keep it ('school psychologist'), and so does a synonym ('school
    jobs'), unless the word belongs to a phrase ('after school')."""
    open_with_search(page, site_url)
    for query, first in (("dental hygienist school", "Dental Hygienists"),
                         ("air traffic controller school", "Air Traffic Controllers"),
                         ("cosmetology school", "Hairdressers, Hairstylists, and Cosmetologists"),
                         ("school psychologist", "School Psychologists"),
                         ("plumber apprentice", "Plumbers, Pipefitters, and Steamfitters"),
                         ("baker apprenticeship", "Bakers"),
                         ("jobs for people who love music", "Musicians and Singers"),
                         ("i want to help people", "Social"),  # 'help' is filler, but not in 'help desk'
                         ("help desk", "Computer User Support Specialists"),
                         # 'jobs' and 'use' are both filler: the title 'Jobs that use your skills' keeps neither
                         ("jobs that use chemistry", "Chemists")):
        assert ask(page, query)[0] == first, query
    # 'passionate about' says nothing of the work: the query finds what 'animals' alone does
    assert page.evaluate("async q => (await window.__search.search(q)).words", "passionate about animals") == \
        ["animals"]
    assert ask(page, "passionate about animals")[:3] == ask(page, "animals")[:3]
    # 'school jobs' is a synonym of the education pages, but in 'after school jobs' the word 'school' belongs to
    # the explorer's phrase 'after school', so it pairs with nothing and 'jobs' stays filler
    assert "Education & Training" in ask(page, "jobs at a school")[:2]  # after "All jobs": nothing else is left
    after = ask(page, "after school jobs")
    assert "Retail Salespersons" in after[:3] and "Compare jobs" not in after, after
    drawn = ask(page, "jobs for people who like to draw")[:3]
    assert "Phlebotomists" not in drawn and "Fine Artists, Including Painters, Sculptors, and Illustrators" in drawn
    assert "Writers and Authors" in ask(page, "i enjoy writing")[:2]
    assert page.console_errors == []


@pytest.mark.parametrize("query, first", [
    ("do electricians have to be good at math", "Electricians"),
    ("do probation officers carry guns", "Probation Officers and Correctional Treatment Specialists"),
    ("is a dental assistant the same thing as a hygienist", "Dental Assistants"),
])
def test_a_question_about_a_job_some_of_its_words_name_leads_with_that_job(site_url, page, query, first):
    """A question ('do', 'is', 'how' ...) that names a job with some of its words, and asks about what the job's
    page does not hold ('carry guns'), leads with that job, not with the pages that hold every word."""
    open_with_search(page, site_url)
    assert ask(page, query)[0] == first
    assert page.console_errors == []


def test_a_word_for_whoever_asks_is_dropped_after_the_word_it_describes(site_url, page):
    """'people' is a describer (data/search-words.yml): in 'jobs for creative people' it describes the visitor,
    and pages that merely use both words came first (Marketing Communications, Music Therapists); now the
    interest area the trait points to leads. Elsewhere it is searched for: 'good with people' and 'i am a people
    person' find the Social area, and 'old people' (a synonym) keeps it."""
    open_with_search(page, site_url)
    for query, first in (("jobs for creative people", "Artistic"),
                         ("jobs for organized people", "Conventional"),
                         ("careers for curious people", "Investigative"),
                         ("jobs for caring people", "Social"),
                         ("good with people", "Social"),
                         ("i am a people person", "Social"),
                         ("jobs helping people", "Social"),
                         ("jobs for shy people", "Independence")):
        assert ask(page, query)[0] == first, query
    assert "Home Health Aides" in ask(page, "jobs with old people")[:3]
    # nothing but filler around the word for whoever asks: that word is searched for, not the filler
    assert page.evaluate("async q => (await window.__search.search(q)).words",
                         "jobs for people who like to help") == ["people"]
    assert ask(page, "careers for people who want to help")[0] == "Social"
    assert page.console_errors == []


def test_what_a_visitor_says_they_dislike_is_not_searched_for(site_url, page):
    """'hate', 'dont like', 'but not' and the rest of `dislike:` in data/search-words.yml: what follows is dropped up
    to 'but' or a word of liking ('love'), or up to 'and' before a filler word; 'i dont like blood' used to list physicians and phlebotomists
    first. With nothing else left, every job is listed, as for 'jobs'; 'not afraid of' is filler, not dislike."""
    open_with_search(page, site_url)
    words = """async q => (await window.__search.search(q)).words"""
    assert page.evaluate(words, "i hate math but love art") == ["art"]
    assert page.evaluate(words, "i hate math and love art") == ["art"]
    assert page.evaluate(words, "i hate blood and needles") == []
    assert page.evaluate(words, "i don't like blood") == []
    assert page.evaluate(words, "i do not want to work in an office") == []
    assert page.evaluate(words, "i'm not good at math but i like science") == ["science"]
    assert page.evaluate(words, "i'm not afraid of heights") == ["heights"]
    assert page.evaluate(words, "hate") == []
    assert page.evaluate(words, "i hate IT but love art") == ["art"]  # a stop word kept for what it stands for too
    assert page.evaluate(words, "i really hate it") == []
    assert page.evaluate(words, "i like history but not teaching") == ["history"]
    assert page.evaluate(words, "i like animals and the outdoors not stuck in an office") == ["animals", "outdoors"]
    assert page.evaluate(words, "i like science but i faint when i see blood") == ["science"]
    assert page.evaluate(words, "blood doesn't bother me") == ["blood"]  # not a dislike: filler
    assert page.evaluate(words, "i hate math, i love art") == ["art"]  # a word of liking ends it too
    assert page.evaluate(words, "i dont like people, id rather fix engines") == ["fix", "engines"]  # or of choosing
    assert page.evaluate(words, "i'd rather not work nights") == []  # 'rather not' is a dislike itself
    assert page.evaluate(words, "science jobs without math") == ["science"]
    assert page.evaluate(words, "what can i do with a math degree besides teaching") == ["math"]
    # 'without going to' is filler, not a dislike: the school it names says what the work is.
    assert page.evaluate(words, "can i become a chef without going to culinary school") == ["chef", "culinary"]
    assert page.evaluate(words, "nurse jobs without a degree") == ["nurse"]  # a phrase of the explorer's first
    assert page.evaluate(words, "i like biology but i dont really want to work with patients") == ["biology"]
    # 'i' before a word of wanting starts what is wanted; 'like' alone ('like a vet') does not
    assert page.evaluate(words, "i hate sitting at a desk i want to work outside") == ["outside"]
    # 'work' is filler, but not beside a word it names something with in a title ('social work': Social Workers).
    assert page.evaluate(words, "social work") == ["social", "work"]
    assert page.evaluate(words, "i dont like people, i like animals") == ["animals"]
    assert page.evaluate(words, "i dont really like talking i just want to work with data") == ["data"]
    assert page.evaluate(words, "i love animals but dont want to go to school forever like a vet") == ["animals"]
    assert page.evaluate(words, "i love animals but honestly im not great at science") == ["animals"]
    assert page.evaluate(words, "i struggle with math but i love art") == ["art"]
    assert page.evaluate(words, "im not a fan of blood") == []  # not the filler 'a fan of' ('im a big fan of cars')
    assert page.evaluate(words, "im a big fan of cars") == ["cars"]
    # `dislike_after:` says it of the words before: back to 'but', 'and' or 'i', at most three
    assert page.evaluate(words, "i want to help families but blood makes me queasy") == ["families"]
    assert page.evaluate(words, "i like animals and needles scare me") == ["animals"]
    assert page.evaluate(words, "sales is not for me, i like computers") == ["computers"]
    assert page.evaluate(words, "working with really sick people freaks me out") == []
    assert page.evaluate(words, "dead bodies dont creep me out") == ["dead", "bodies"]  # turned round: wanted
    for query in ("i don't like blood", "i hate blood and needles", "blood makes me sick"):
        outcome = page.evaluate("""async q => { const o = await window.__search.search(q);
            return {explorer: !!o.explorer, results: o.results.length}; }""", query)
        assert outcome["explorer"], query  # the list of every job, as for 'jobs'
        assert not {"Phlebotomists", "Physicians, Pathologists"} & set(ask(page, query)[:5]), query
    assert ask(page, "i hate math but love art")[0] != "Mathematicians"
    assert set(ask(page, "i like being outside and hate sitting at a desk")[:3]) & {
        "Landscaping and Groundskeeping Workers", "Forest and Conservation Workers", "Park Naturalists"}
    assert page.console_errors == []



AVOIDED = """async (text) => {
  const outcome = await window.__search.search(text);
  const all = window.__search.sort(outcome.results);
  await Promise.all(all.slice(0, 40).map(r => window.__search.load('docs/' + r.doc)));
  return all.map(r => [r.doc < 0 ? '' : (window.__search.loaded('docs/' + r.doc) || {}).title || '', r.avoid ? 1 : 0]);
}"""


def test_pages_strongest_in_a_disliked_word_go_after_the_others(site_url, page):
    """What follows a word of dislike is not searched for, and the pages where it counts most (within about 30% of
    its best score) go after the rest: 'i like science and medicine' leads with Therapeutic Services, the pathway of
    patient care; '... but i dont want to deal with patients' puts it after every page not strong in 'patients'.
    A word marks at most the 20 pages where it counts most: 'people', on a third of the pages, few of the
    animal pages."""
    open_with_search(page, site_url)
    assert page.evaluate(AVOIDED, "i like science and medicine")[0][0] == "Therapeutic Services"
    found = page.evaluate(AVOIDED, "i like science and medicine but i dont want to deal with patients")
    marks = [avoid for _, avoid in found]
    assert ["Therapeutic Services", 1] in found
    assert found[0][0] != "Therapeutic Services" and found[0][1] == 0
    assert 0 in marks and 1 in marks and marks == sorted(marks)  # every avoided page after the others
    for query in ("i like science and medicine but i dont want to deal with patients",
                  "i dont like people, i like animals"):
        assert 0 < sum(avoid for _, avoid in page.evaluate(AVOIDED, query)) <= 20, query
    assert all("Animal" in title or "Veterinar" in title or "Zoolog" in title
               for title, _ in page.evaluate(AVOIDED, "i dont like people, i like animals")[:3])
    # Of the best pages found, those where the word counts about as much as on any of them go last too, if it
    # counts there at least half as much as where it counts most: 'blood' puts the veterinarians after the
    # animal trainers, though no animal page is among the 20 pages most about blood.
    found = page.evaluate(AVOIDED, "love animals but cant stand blood")
    assert ["Veterinarians", 1] in found and found[0][1] == 0
    assert not {"Veterinarians", "Veterinary Technologists and Technicians"} & {title for title, _ in found[:3]}
    # Not where one of the best 20 pages found is among those most about the word already: physicists teach too,
    # but 'physics major careers besides teaching' still leads with them.
    found = page.evaluate(AVOIDED, "physics major careers besides teaching")
    assert found[0] == ["Physicists", 0] and 0 < sum(avoid for _, avoid in found) <= 20, found[:5]
    # 'without' is a word of dislike too: pages most about math go last
    found = page.evaluate(AVOIDED, "science jobs without math")
    assert any("Mathematics" in title for title, avoid in found if avoid)
    assert found[0][1] == 0
    # the results page says why, and only then
    for query, said in (("i like science and medicine but i dont want to deal with patients",
                         ["Pages most about what you said you do not want come last."]),
                        ("i like science and medicine", [])):
        page.goto(site_url + "search/?q=" + query.replace(" ", "+"))
        results(page)
        assert page.locator(".search-help-order").all_text_contents() == said, query
    assert page.console_errors == []

def test_a_query_setting_two_jobs_side_by_side_offers_the_compare_page_for_them(site_url, real_result, page):
    """'rn vs lpn', 'difference between a welder and a machinist': a phrase of `compare:` in
    data/search-words.yml splits the query, between jobs or, after a phrase that leads, at 'and', 'with' or
    'to'. Each part is searched for alone; when each of two or three parts names a job, the header box offers
    first the compare page set to them, then the jobs in the order typed. A query whose parts do not all name a
    job ('jobs with animals or plants'), with only one part ('electrician vs') or with more parts than the
    compare page takes, is searched for whole, as before."""
    code = {e.occupation.title: e.occupation.code for e in real_result.site.occupations}
    open_with_search(page, site_url)
    for query, first, second in (
            ("rn vs lpn", "Registered Nurses", "Licensed Practical and Licensed Vocational Nurses"),
            ("nurse practitioner vs physician assistant", "Nurse Practitioners", "Physician Assistants"),
            ("what is the difference between a welder and a machinist", "Welders, Cutters, Solderers, and Brazers",
             "Machinists"),
            ("compare paralegal with lawyer", "Paralegals and Legal Assistants", "Lawyers"),
            ("police officer versus firefighter", "Police and Sheriff's Patrol Officers", "Firefighters"),
            ("plumber or electrician", "Plumbers, Pipefitters, and Steamfitters", "Electricians"),
            # A side whose best match is a job with every word names it, though no name of it holds them ('hvac').
            ("should i be a vet tech or a veterinarian", "Veterinary Technologists and Technicians", "Veterinarians"),
            ("hvac vs electrician", "Heating, Air Conditioning, and Refrigeration Mechanics and Installers",
             "Electricians")):
        offered = ask(page, query)
        assert offered[:3] == [f"Compare {first} with {second}", first, second], (query, offered)
        link = page.locator(f"{LISTBOX} .search-option-next")
        assert link.locator(".search-option-meta").text_content() == "Tool"
        assert link.get_attribute("href").endswith(f"compare/?jobs={code[first]},{code[second]}")
    # A job a side names only after a word of dislike is no job compared ('... but not as a nurse').
    offered = ask(page, "want to work in a hospital but not as a nurse or doctor")
    assert not offered[0].startswith("Compare") and "Registered Nurses" not in offered[:3], offered
    # Three jobs, as the compare page takes at most.
    three = ["Nursing Assistants", "Licensed Practical and Licensed Vocational Nurses", "Registered Nurses"]
    offered = ask(page, "cna vs lpn vs rn")
    assert offered[:4] == [f"Compare {three[0]}, {three[1]}, and {three[2]}", *three], offered
    assert page.locator(f"{LISTBOX} .search-option-next").get_attribute("href").endswith(
        "compare/?jobs=" + ",".join(code[title] for title in three))
    # A pay word in a part is left out like filler ('pays').
    assert ask(page, "which pays more nurse or teacher")[0].startswith("Compare Registered Nurses with ")
    # A state the query names is chosen on the compare page too.
    ask(page, "plumber or electrician in texas")
    assert page.locator(f"{LISTBOX} .search-option-next").get_attribute("href").endswith(
        f"compare/?jobs={code['Plumbers, Pipefitters, and Steamfitters']},{code['Electricians']}&state=texas")
    for query in ("jobs with animals or plants", "electrician vs", "compare jobs", "teacher vs teacher",
                  "cna vs lpn vs rn vs np"):
        ask(page, query)
        assert page.locator(f"{LISTBOX} .search-option-next").count() == 0, query
    assert ask(page, "compare jobs")[0] == "Compare jobs"

    # Chosen, the compare page opens with both jobs.
    ask(page, "rn vs lpn")
    page.keyboard.press("ArrowDown")
    page.keyboard.press("Enter")
    page.wait_for_url("**/compare/?jobs=*")
    page.wait_for_selector(".compare-table:not([hidden]) th")
    assert "Licensed Practical and Licensed Vocational Nurses" in page.text_content(".compare-table")

    # The results page: the same link, and a job of one half is not said to miss the other half's words.
    page.goto(site_url + "search/?q=" + "dental+hygienist+vs+dental+assistant")
    page.wait_for_selector(".search-help-next a")
    assert page.text_content(".search-help-next a") == "Compare Dental Hygienists with Dental Assistants"
    first = page.locator(".search-results .search-result").first
    assert "Dental Hygienists" in first.text_content() and "Missing" not in first.text_content()
    assert page.console_errors == []


def test_a_query_for_the_best_paid_puts_the_jobs_it_names_first_best_paid_first(site_url, real_result, page):
    """'highest paying nurse jobs': the jobs whose title (or a name as good) has the query's other words come
    first, by their own median yearly pay (not a wider group's), so nurse anesthetists lead; other
    pages follow as ranked. Likewise by growth ('fastest growing') and openings ('most openings'). A query that
    does not ask for an order, or whose words name a cluster, ranks as before."""
    from engine.data import FIGURES_OWN
    jobs = {e.url: e.occupation for e in real_result.site.occupations}
    figure = {"pay": lambda job: job.wage_median, "openings": lambda job: job.openings,
              "growth": lambda job: round(job.growth_pct * 10) + 1000}
    open_with_search(page, site_url)
    for query, sort, first in (("highest paying nurse jobs", "pay", "Nurse Anesthetists"),
                               ("best paid doctors", "pay", None), ("best paid engineers", "pay", None),
                               ("fastest growing nurse jobs", "growth", None),
                               ("engineer jobs with the most openings", "openings", None)):
        found = page.evaluate(PAID, query)
        assert found["sorted"] == sorted(found["sorted"], reverse=True), query  # those jobs first, highest first
        marked = [(url, value) for url, value in found["ranked"] if value is not None]
        assert len(marked) >= 3, query
        for url, value in marked:  # the job's own figure: not a wider group's
            assert jobs[url].figures == FIGURES_OWN and value == figure[sort](jobs[url]), (query, url)
        if first:
            assert jobs[found["ranked"][0][0]].title == first
    assert page.evaluate(PAID, "nurse")["sorted"] == [-1] * len(page.evaluate(PAID, "nurse")["sorted"])
    # words that name a cluster: the explorer answers for that cluster, sorted, and the pages stay as ranked
    assert set(page.evaluate(PAID, "high paying construction jobs")["sorted"]) == {-1}
    assert ask(page, "nurse")[0] == "Registered Nurses"
    # The results page says why the order is not by the words alone, and only then.
    for query, said in (("highest paying nurse jobs", "Jobs named by your search come first, best paid first."),
                        ("nurse jobs without a degree", "Jobs that fit what you asked for come first."),
                        ("high paying nurse jobs without a degree", "Jobs that fit what you asked for come first. "
                                                                    "Jobs named by your search come first, best paid "
                                                                    "first."),
                        ("nurse", None)):
        page.goto(site_url + "search/?q=" + query.replace(" ", "+"))
        results(page)
        notes = page.locator(".search-help-order").all_text_contents()
        assert notes == ([said] if said else []), query
    assert page.console_errors == []


def test_the_sites_own_tools_and_interest_areas_are_found(site_url, page):
    """'quiz', 'compare jobs' or 'hands on' look for the site's tools and interest areas, which the routing
    table names (engine/routes.py); each is offered with its kind, and its link opens it."""
    open_with_search(page, site_url)
    for typed, title, kind, path in (("quiz", "Interest quiz", "Tool", "explore/quiz/"),
                                     ("compare jobs", "Compare jobs", "Tool", "compare/"),
                                     ("my skills", "Jobs that use your skills", "Tool", "explore/skills/"),
                                     ("hands on", "Realistic", "Interest area", "interests/realistic/")):
        assert ask(page, typed)[0] == title, typed
        first = page.locator(f"{LISTBOX} .search-option").first
        assert first.locator(".search-kind").text_content() == kind
        assert urlsplit(first.get_attribute("href")).path == urlsplit(site_url).path + path
    page.keyboard.press("ArrowDown")
    page.keyboard.press("Enter")
    page.wait_for_url("**/interests/realistic/")
    assert page.text_content("h1") == "Realistic"
    assert page.console_errors == []


def test_a_query_for_a_field_of_work_puts_the_fields_page_first(site_url, page):
    """'restaurant industry', 'military careers' or 'working at a bank' asks for a field (the `fields` words and
    phrases of data/search-words.yml):
    a cluster, pathway or sub-cluster comes first, though jobs rank first for the word alone. A page whose title
    is the query itself still comes first ('cashier careers'), and a field's page that only mentions the words
    does not."""
    open_with_search(page, site_url)
    fields = {"Cluster", "Pathway", "2024 cluster", "2024 sub-cluster"}

    def first_kind(text: str) -> str:
        ask(page, text)
        return page.locator(f"{LISTBOX} .search-option .search-kind").first.text_content()

    assert first_kind("military") == "Occupation"
    assert first_kind("military careers") in fields
    assert first_kind("railroad") == "Occupation"
    assert first_kind("railroad industry") in fields
    assert first_kind("restaurant industry") in fields
    # phrases ask for a field too: who one works for, at or in
    assert first_kind("bank") == "Occupation"
    assert ask(page, "working at a bank")[0] == "Banking Services"
    assert first_kind("working for the railroad") in fields
    assert first_kind("jobs in farming") in fields
    # not one that follows a word of dislike
    assert first_kind("i hate working in a warehouse but like driving") == "Occupation"
    assert ask(page, "cashier careers")[0] == "Cashiers"
    # a field's page that has fewer of the words than other pages, or scores far below them, names no field
    assert first_kind("careers that match my work values") not in fields
    assert first_kind("investigative personality careers") not in fields
    assert page.console_errors == []


def test_a_subject_studied_puts_the_jobs_it_prepares_for_before_its_fields_page(site_url, page):
    """'accounting' names a field, whose page comes first; 'accounting major' asks what the subject leads to (the
    `study` words of data/search-words.yml): the jobs come before the field's pages, even with a field word
    ('statistics major careers'), and a word for the work finds who does it ('mechanical engineering student')."""
    open_with_search(page, site_url)
    assert ask(page, "accounting")[0] == "Accounting"
    for query, first in (("accounting major", "Accountants and Auditors"),
                         ("mechanical engineering student", "Mechanical Engineers")):
        assert ask(page, query)[0] == first, query
    # A field's page that holds the subject's words more often than any job's page still comes after the jobs
    # (`STUDY_LEVELS`): without the study word, three field pages lead.
    assert ask(page, "criminal justice")[0] != "Criminal Justice and Law Enforcement Teachers, Postsecondary"
    offered = ask(page, "criminal justice degree jobs")
    kinds = page.locator(f"{LISTBOX} .search-option .search-kind").all_text_contents()
    assert kinds[:3] == ["Occupation"] * 3 and "Police and Sheriff's Patrol Officers" in offered[:3], offered
    assert "Film and Video Editors" in ask(page, "film school grad")[:3]  # 'grad' is a study word
    offered = ask(page, "statistics major careers")
    kinds = page.locator(f"{LISTBOX} .search-option .search-kind").all_text_contents()
    assert "Statisticians" in offered[:3] and kinds[0] == "Occupation", offered
    assert page.console_errors == []


def test_a_field_word_that_names_a_kind_of_page_leads_with_a_page_of_that_kind(site_url, page):
    """'cluster' and 'pathway' are field words, and each names a kind of page by the last word of the label
    search shows for it ('Cluster' and '2024 cluster'; 'Pathway'): a page of that kind leads when one matches
    about as well as the best, and the word itself is not searched for. Before, 'nursing pathway' listed pages
    that use the word 'pathway' and no nursing page in its top five."""
    open_with_search(page, site_url)

    def first(text: str) -> tuple[str, str]:
        titles = ask(page, text)
        return titles[0], page.locator(f"{LISTBOX} .search-option .search-kind").first.text_content()

    assert first("nursing pathway") == ("Therapeutic Services", "Pathway")
    assert "Registered Nurses" in ask(page, "nursing pathway")[:3]
    assert first("business cluster") == ("Business Management & Administration", "Cluster")
    assert first("law enforcement pathway") == ("Law Enforcement Services", "Pathway")
    assert first("what cluster is nursing in") == ("Health Science", "Cluster")
    # without such a word, the best field page of any kind leads, as before
    assert first("business careers")[1] != "Cluster"
    assert page.console_errors == []


def test_of_field_pages_that_score_alike_the_one_where_the_jobs_found_are_leads(site_url, page):
    """'railroad' scores the same on the Transportation Operations and Law Enforcement Services pathways (the
    second names transit and railroad police twice); the railroad jobs found are nearly all in the transportation
    cluster, so its pathway leads."""
    open_with_search(page, site_url)
    outcome = page.evaluate("""async () => {
        const o = await window.__search.search('railroad careers');
        const best = window.__search.top(o.results, 9);
        await Promise.all(best.map(r => window.__search.load('docs/' + r.doc)));
        return best.map(r => [window.__search.loaded('docs/' + r.doc).title, window.__search.loaded('docs/' + r.doc).kind,
                              window.__search.loaded('docs/' + r.doc).clusters, r.level]);
    }""")
    title, kind, clusters, level = outcome[0]
    assert (title, kind) == ("Transportation Operations", "pathway"), outcome
    tied = [r for r in outcome if r[1] == "pathway" and r[0] != title and r[3] >= level - 2]
    assert "Law Enforcement Services" in [r[0] for r in tied], outcome  # a tie the votes broke
    jobs = [r for r in outcome if r[1] == "occupation"]
    assert sum(r[2] == clusters for r in jobs) > len(jobs) / 2, outcome
    assert ask(page, "railroad careers")[0] == "Transportation Operations"
    assert page.console_errors == []


def test_of_a_clusters_pathways_that_score_alike_the_one_whose_ladders_hold_the_jobs_found_leads(site_url, page):
    """'truck' scores a little higher on the warehousing pathway (which mentions trucks as often) than on
    Transportation Operations; both are in one cluster, so the cluster's votes cannot part them. The truck drivers,
    the best jobs found, are on the second's ladders (each pathway's record lists its jobs by id), and it leads."""
    open_with_search(page, site_url)
    outcome = page.evaluate("""async () => {
        const o = await window.__search.search('truck careers');
        const best = window.__search.top(o.results, 9);
        await Promise.all(best.concat(o.fields).map(r => window.__search.load('docs/' + r.doc)));
        const record = r => window.__search.loaded('docs/' + r.doc);
        return {best: best.map(r => [record(r).title, record(r).kind, r.doc]),
                fields: o.fields.map(r => [record(r).title, r.level, record(r).clusters, record(r).jobs || []])};
    }""")
    lead = next(f for f in outcome["fields"] if f[0] == "Transportation Operations")
    rival = next(f for f in outcome["fields"] if f[0] == "Warehousing & Distribution Center Operations")
    assert rival[1] > lead[1] >= rival[1] - 2 and rival[2] == lead[2], outcome  # a tie within one cluster
    assert outcome["best"][0][0] == "Transportation Operations", outcome
    first_job = next(r for r in outcome["best"] if r[1] == "occupation")
    assert first_job[2] in lead[3] and first_job[2] not in rival[3], outcome
    assert ask(page, "truck careers")[0] == "Transportation Operations"
    assert page.console_errors == []


def test_corrections_are_only_for_words_the_site_does_not_know(site_url, page):
    open_with_search(page, site_url)
    outcome = page.evaluate("""async () => {
        const out = {};
        for (const q of ['hacker', 'xqzv nurse', 'nurz', 'cyber security', 'IT', 'it jobs', 'what is it like',
                         'piolet', 'piolet nurse', 'it associate degree what jobs', 'is it worth it to study nursing']) {
            const o = await window.__search.search(q);
            out[q] = {words: o.words, corrected: o.corrected, matched: [...o.matched]};
        }
        return out;
    }""")
    assert outcome["hacker"]["corrected"] == "" and "packer" not in outcome["hacker"]["matched"]
    assert outcome["xqzv nurse"]["corrected"] == ""  # four letters and other words match: no guess
    assert outcome["nurz"]["corrected"].startswith("nurs")  # four letters and nothing else matches: a guess
    # six letters, two slips ('ol' swapped, an 'e' too many): a guess only when nothing else matches
    assert outcome["piolet"]["corrected"] == "pilot" and outcome["piolet nurse"]["corrected"] == ""
    assert "cybersecurity" in outcome["cyber security"]["matched"]  # two words the index knows as one
    assert outcome["IT"]["words"] == ["it"] and outcome["it jobs"]["words"] == ["it"]
    assert outcome["what is it like"]["words"] == ["it"]  # nothing else left
    # lower case before a study word ('it associate degree'), 'it' is the field, not the pronoun
    assert outcome["it associate degree what jobs"]["words"] == ["it"]
    assert outcome["is it worth it to study nursing"]["words"] == ["nursing"]


def test_a_kind_of_job_in_a_named_cluster_opens_the_explorer_on_that_clusters_jobs(site_url, real_result, page):
    """'healthcare jobs without a degree': the explorer's filter ('without a degree') and words that name a
    cluster ('healthcare', a synonym of Health Science) or a pathway ('construction'). The header box offers the
    explorer first, set to that cluster as well, named in its label; its link lists exactly the jobs the data
    gives. The results page's tip says the same. Words that name a job ('nurse') leave the cluster unset."""
    from test_jobs_tools import expected_codes, listed
    explorer = f"{LISTBOX} .search-option-explorer"
    clusters = {c.slug: c.title for c in real_result.site.clusters}
    open_with_search(page, site_url)
    offered = ask(page, "healthcare jobs without a degree")
    assert offered[0] == f"{clusters['health-science']} jobs that need no college degree to start"
    assert clusters["health-science"] in offered[1:]  # the cluster's own page follows
    query = parse_qs(urlsplit(page.locator(explorer).get_attribute("href")).query)
    assert query == {"education": ["some-college"], "or_less": ["yes"], "cluster": ["health-science"]}

    # A pathway's name: its cluster, which the label names, so that the wider list is no surprise.
    construction = next(p for p in real_result.site.pathways if p.title == "Construction")
    assert ask(page, "high paying construction jobs")[0] == f"{construction.cluster.title} jobs, best paid first"

    # 'field' asks for a field of work, as 'careers' does: 'medical' (a synonym of Health Science) names it.
    offered = ask(page, "jobs in the medical field without much school")
    assert offered[0] == f"{clusters['health-science']} jobs that need no college degree to start"
    assert parse_qs(urlsplit(page.locator(explorer).get_attribute("href")).query)["cluster"] == ["health-science"]

    titles = ask(page, "nurse jobs without a degree")
    assert titles[-1] == "Jobs that need no college degree to start"

    ask(page, "six figure jobs in finance")
    page.keyboard.press("ArrowDown")
    page.keyboard.press("Enter")
    page.wait_for_url("**/occupations/?min_pay=100000&cluster=finance")
    expected = expected_codes(real_result.site, {"min_pay": "100000", "cluster": "finance"})
    assert 5 < len(expected) < 100 and listed(page) == expected

    page.goto(site_url + "search/?q=fastest+growing+health+science+jobs")
    page.wait_for_selector(".search-help-explorer a")
    assert page.text_content(".search-help-explorer a") == f"{clusters['health-science']} jobs, fastest growing first"
    assert page.console_errors == []


def test_a_word_on_most_pages_is_not_counted_among_the_words_a_page_has(real_site, site_url, page):
    """'others' (with 'other', on every 'All Other' page) is on more than 40% of the pages: a page holding it in
    passing must not outrank the fitness pages for 'help others get fit' by having one word more."""
    documents = int(re.search(r'"documents":(\d+)', (real_site / "search/index/manifest.js").read_text()).group(1))
    open_with_search(page, site_url)
    outcome = page.evaluate("""async () => {
        const o = await window.__search.search('help others get fit');
        const best = window.__search.top(o.results, 3);
        await Promise.all(best.map(r => window.__search.load('docs/' + r.doc)));
        return {words: o.words, best: best.map(r => window.__search.loaded('docs/' + r.doc).title),
                most: Math.max(...o.results.map(r => r.words)),
                others: (await window.__search.search('others')).results.length,
                fit: (await window.__search.search('fit')).results.length};
    }""")
    assert outcome["words"] == ["others", "get", "fit"], outcome  # ('get fit' is a synonym of fitness)
    assert outcome["others"] > 0.4 * documents > outcome["fit"], (outcome, documents)
    assert outcome["most"] == 2, outcome  # 'others' is counted on no page
    fitness = {"Exercise Trainers and Group Fitness Instructors", "Fitness and Wellness Coordinators"}
    assert set(outcome["best"][:2]) == fitness, outcome
    assert ask(page, "i like working out and helping others get fit")[0] in fitness
    assert page.console_errors == []


def test_a_word_a_page_has_only_in_passing_is_not_counted_among_the_words_it_has(site_url, page):
    """'nerd', 'weather' and 'storms' are all on the Maintenance/Operations pathway's page, two of them far less
    than on the pages about them (`FAINT_SHARE`): it must not outrank the atmospheric scientists, who are about
    two of the words, by having one word more. ('nerd' is a describer: searched for first, dropped after 'weather'.)"""
    open_with_search(page, site_url)
    words = """async q => (await window.__search.search(q)).words"""
    assert page.evaluate(words, "weather nerd who loves storms") == ["weather", "storms"]
    outcome = page.evaluate("""async () => {
        const o = await window.__search.search('nerd who loves weather and storms');
        const all = window.__search.top(o.results, o.results.length);
        await Promise.all(all.map(r => window.__search.load('docs/' + r.doc)));
        const title = r => window.__search.loaded('docs/' + r.doc).title;
        const pathway = all.find(r => title(r) === 'Maintenance/Operations');
        return {words: o.words, first: title(all[0]), mask: pathway.mask, counted: pathway.words};
    }""")
    assert outcome["words"] == ["nerd", "weather", "storms"], outcome
    assert outcome["mask"] == 7 and outcome["counted"] < 3, outcome  # it has all three
    assert outcome["first"] == "Atmospheric and Space Scientists", outcome
    assert page.console_errors == []


def test_a_query_that_asks_for_no_field_has_one_fields_page_at_most_among_its_first_three(site_url, page):
    """'people person who loves hotels' matches the Hospitality & Tourism cluster and the 2024 cluster of the same
    field best: one of them stays first, and jobs take the next places (`FIELD_ROOM`). A query that asks for a
    field ('hospitality industry') or names pages by their titles keeps them."""
    fields = {"Cluster", "Pathway", "2024 cluster", "2024 sub-cluster"}
    open_with_search(page, site_url)

    def kinds(text: str) -> list[str]:
        ask(page, text)
        return page.locator(f"{LISTBOX} .search-option:not(.search-option-next) .search-kind").all_text_contents()

    for query in ("people person who loves hotels", "always taking pictures and editing videos on my phone"):
        found = kinds(query)
        assert sum(kind in fields for kind in found[:3]) == 1, (query, found)
        assert sum(kind in fields for kind in found) > 1, (query, found)  # the others come later
    assert kinds("people person who loves hotels")[0] in fields
    assert sum(kind in fields for kind in kinds("hospitality industry")[:3]) > 1
    assert page.console_errors == []
