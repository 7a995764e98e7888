"""Accessibility in a real browser: axe-core on every kind of page, and the keyboard path through a page."""

from __future__ import annotations

import pytest

from conftest import axe_violations
from page_types import PAGE_TYPES, SCHEMES, WIDTHS

pytestmark = pytest.mark.browser


def console_errors(page, kind: str) -> list[str]:
    """The page's console errors, less the one Chromium logs for the 404 page's own status."""
    expected = "the server responded with a status of 404" if kind == "404" else None
    return [e for e in page.console_errors if not (expected and expected in e)]


def describe(violations: list[dict]) -> str:
    """Violations as readable lines: rule, impact, what to fix, and where."""
    lines = []
    for violation in violations:
        lines.append(f"{violation['id']} ({violation['impact']}): {violation['help']} [{violation['helpUrl']}]")
        for node in violation["nodes"][:5]:
            lines.append(f"    at {' '.join(map(str, node['target']))}: {node['failureSummary'].splitlines()[-1].strip()}")
        if len(violation["nodes"]) > 5:
            lines.append(f"    ... and {len(violation['nodes']) - 5} more")
    return "\n".join(lines)


@pytest.mark.parametrize("kind", PAGE_TYPES)
def test_no_axe_violations_in_either_scheme_at_either_width(kind, real_site, serve_dir, page):
    page.goto(serve_dir(real_site, "/") + PAGE_TYPES[kind])
    found = []
    for width in WIDTHS:
        for scheme in SCHEMES:
            page.set_viewport_size({"width": width, "height": 900})
            page.emulate_media(color_scheme=scheme)
            violations = axe_violations(page)
            if violations:
                found.append(f"-- {kind} page, {width} px, {scheme} scheme:\n{describe(violations)}")
    assert not found, "\n".join(found)
    assert console_errors(page, kind) == []


def test_axe_finds_no_violations_with_the_menu_open(real_site, serve_dir, page):
    page.set_viewport_size({"width": 375, "height": 800})
    page.goto(serve_dir(real_site, "/") + PAGE_TYPES["pathway"])
    page.click(".nav-toggle")
    for scheme in SCHEMES:
        page.emulate_media(color_scheme=scheme)
        violations = axe_violations(page)
        assert not violations, describe(violations)


FOCUS_STYLE = """() => {
  const el = document.activeElement;
  const style = getComputedStyle(el);
  const box = el.getBoundingClientRect();
  const hit = document.elementFromPoint(box.left + box.width / 2, box.top + Math.min(box.height / 2, 8));
  const ringed = e => { const s = getComputedStyle(e); return s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2; };
  // A card shows the ring around the whole card when its link has focus.
  const card = el.parentElement && el.parentElement.closest('.card, .interest');
  return {
    tag: el.tagName, text: (el.textContent || el.value || '').trim().slice(0, 40),
    outline: ringed(el) || Boolean(card && ringed(card)),
    shadow: style.boxShadow !== 'none',
    covered: !(hit && (el === hit || el.contains(hit))),
    visible: box.width > 0 && box.height > 0,
  };
}"""
"""What the focused element looks like, and whether anything (such as the sticky header) covers it."""


def test_skip_link_is_the_first_tab_stop_and_moves_focus_to_main(real_site, serve_dir, page):
    page.goto(serve_dir(real_site, "/") + PAGE_TYPES["pathway"])
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.className") == "skip-link"
    assert page.evaluate("document.activeElement.textContent") == "Skip to content"
    assert page.locator(".skip-link").is_visible()
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"
    page.keyboard.press("Tab")
    inside = page.evaluate("document.getElementById('main').contains(document.activeElement)")
    assert inside, "the next tab stop after skipping is inside the main content"


@pytest.mark.parametrize("kind, width", [("pathway", 1280), ("pathway", 375), ("home", 1280), ("occupation", 375)])
def test_every_tab_stop_shows_visible_focus_clear_of_the_sticky_header(kind, width, real_site, serve_dir, page):
    page.set_viewport_size({"width": width, "height": 800})
    page.emulate_media(reduced_motion="reduce")  # scroll to each tab stop at once, not smoothly
    page.goto(serve_dir(real_site, "/") + PAGE_TYPES[kind])
    seen = 0
    problems = []
    for _ in range(60):
        page.keyboard.press("Tab")
        state = page.evaluate(FOCUS_STYLE)
        if state["tag"] == "BODY":
            break
        seen += 1
        if not state["visible"]:
            problems.append(f"tab stop {seen} ({state['tag']} {state['text']!r}) is focused but not visible")
        elif not (state["outline"] or state["shadow"]):
            problems.append(f"tab stop {seen} ({state['tag']} {state['text']!r}) shows no focus indicator")
        elif state["covered"]:
            problems.append(f"tab stop {seen} ({state['tag']} {state['text']!r}) is covered by another element")
    assert seen >= 10
    assert problems == []


def test_theme_and_menu_buttons_work_from_the_keyboard(real_site, serve_dir, page):
    page.set_viewport_size({"width": 375, "height": 800})
    page.goto(serve_dir(real_site, "/") + PAGE_TYPES["cluster"])
    page.focus(".nav-toggle")
    page.keyboard.press("Enter")
    assert page.get_attribute(".nav-toggle", "aria-expanded") == "true"
    assert page.locator("#site-nav").is_visible()
    page.keyboard.press("Escape")
    assert page.get_attribute(".nav-toggle", "aria-expanded") == "false"
    assert page.evaluate("document.activeElement.classList.contains('nav-toggle')")
    page.focus(".theme-toggle")
    page.keyboard.press("Space")
    assert page.get_attribute("html", "data-theme") in ("light", "dark")
