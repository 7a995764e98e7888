"""Unit tests of Markdown rendering: the plain-body, plain-text and plain-paragraph shortcuts change no output."""

from __future__ import annotations

import random
from pathlib import Path

import pytest
from markdown.treeprocessors import InlineProcessor

from engine.markup import Renderer, _PlainParagraphFirst, _PlainTextFirst, plain_paragraphs

ROOT = Path(__file__).resolve().parent.parent

TRICKY = [
    "Plain prose with no markup at all, over\ntwo lines.",
    "A *star* and an _underscore_ and **strong** and __strong__ and ***both***.",
    "snake_case_word and 2 * 3 * 4 and a lone _ and a lone *.",
    "`code` and ``double `tick` code`` and \\`escaped\\` and \\\\`still code`.",
    "A [link](pathways-x.md), a [ref][r], a [short] and [r]: not a def.\n\n[r]: http://example.com",
    "<http://example.com> and <someone@example.com> and < not a tag >.",
    "A hard  \nline break, and a soft\nline break.",
    "Entities: &amp; &copy; &#169; &#xA9; & plain ampersand, AT&T.",
    "Escapes: \\* \\_ \\[ \\] \\# \\\\ and a trailing backslash\\",
    "- list item with *em*\n- plain item\n  continued\n\n1. one\n2. two `x`",
    "## Heading with *em* and `code`\n\nText under it.",
    "| a | b |\n|---|---|\n| *x* | plain |",
    "```\n*not em* inside a fence\n```\n\nafter",
    "> quoted *text*\n> and plain",
    "Unicode: café, naïve, Ørsted, \u2019quotes\u2019 and \u2014 dashes.",
    "![an image](x.png) is read as a bang and a link.",
    "Tab\tseparated and trailing spaces   ",
    "A paragraph\n=========\n\nand one\n---\n\nand a rule\n\n___\n\n* * *\n\nafter",
    "1986. A year that starts a line.\n\nA line\n2. that looks numbered\n\n> quoted\ntext",
    "[ref]: http://example.com\n\nA [ref] link.\n\n    indented code\n\n\tTabbed code",
    "- item\n\n  continued\n\nNot in the list.\n\n1. one\n\n   two\n\nPlain again.",
    "a | b\n--|--\n1 | 2\n\nplain",
    "Line one\nline two # not a heading\n#hashtag at the start\n\nplain",
    "+ plus list\n\n_underscored_ start\n\n=equals start",
]


def _stock() -> Renderer:
    renderer = Renderer(shortcuts=False)
    md = renderer._md
    assert type(md.treeprocessors["inline"]) is InlineProcessor
    assert "plain_paragraph" not in md.parser.blockprocessors
    return renderer


def test_the_renderer_installs_its_shortcuts():
    md = Renderer()._md
    assert isinstance(md.treeprocessors["inline"], _PlainTextFirst)
    assert isinstance(md.parser.blockprocessors["plain_paragraph"], _PlainParagraphFirst)


def _bodies() -> list[str]:
    bodies = []
    for path in sorted((ROOT / "content").rglob("*.md")):
        bodies.append(path.read_text(encoding="utf-8").split("\n---\n", 1)[-1])
    return bodies


def _random_bodies(count: int) -> list[str]:
    rng = random.Random(7)
    pieces = ["word", "other", " ", " ", "\n", "\n\n", "*", "**", "_", "`", "[", "]", "(", ")", "<", ">", "&",
              "amp;", "\\", "  \n", "#", "- ", "1. ", "x.md", "http://e.com", "@", "!", "|", ":", "    ", "\t",
              "===", "---", "___", "+ ", "> ", "2", "\n- ", "\n1. ", "\n    ", "]: ", "```\n", "~~~"]
    return ["".join(rng.choice(pieces) for _ in range(rng.randrange(1, 60))) for _ in range(count)]


def _prose_bodies(count: int) -> list[str]:
    """Mostly plain prose, with now and then one thing that is not: the plain-body shortcut's edge."""
    rng = random.Random(11)
    pieces = ["word", "Other", " ", " ", " ", ".", ",", "\n", "\n\n", "\n\n\n", ">", "\"", "'", "café", "\u2014",
              "\u201cq\u201d", "3", "1986.", "!", "?", "(", ")", ":", ";", "/", "%", "$", "#", "=", "-", "+", "~", "@",
              "\n ", " \n", "\t", "\r", "\x02", "\u2028", "\xa0", "\ufeff"]
    rare = {"#", "=", "-", "+", "\n ", "\t", "\r", "\x02"}
    bodies = []
    for _ in range(count):
        parts = [rng.choice(pieces) for _ in range(rng.randrange(1, 80))]
        bodies.append("".join(p for p in parts if p not in rare or rng.random() < 0.2))
    return bodies


@pytest.mark.parametrize("group", ["content", "tricky", "random", "prose"])
def test_the_shortcuts_render_exactly_what_python_markdown_does(group: str):
    bodies = {"content": _bodies, "tricky": lambda: TRICKY, "random": lambda: _random_bodies(6000),
              "prose": lambda: _prose_bodies(6000)}[group]()
    assert len(bodies) > 10
    if group == "prose":  # enough of them take the plain-body shortcut for the comparison to test it
        assert sum(plain_paragraphs(body) is not None for body in bodies) > len(bodies) / 10
    fast, stock = Renderer(), _stock()
    for body in bodies:
        expected = stock.render(body, "content/pathways/a.md", 5, "pathways/a/")
        assert fast.render(body, "content/pathways/a.md", 5, "pathways/a/") == expected, body


def test_the_plain_body_shortcut_takes_prose_and_leaves_markup_to_the_parser():
    # Most content files are prose alone, which must take the shortcut for it to save anything.
    bodies = _bodies()
    assert sum(plain_paragraphs(body) is not None for body in bodies) > len(bodies) / 2
    assert plain_paragraphs("One line,\nand a second.\n\nA > B.") == "<p>One line,\nand a second.</p>\n<p>A &gt; B.</p>"
    for body in ("*em*", "a_b", "[link](x.md)", "`code`", "a &amp; b", "<b>", "hard  \nbreak", "# Heading",
                 "Text\n- item", "1. one", "a | b", "Text\n===", "> quote", "tab\there", "\n    code"):
        assert plain_paragraphs(body) is None, body


def test_the_paragraph_shortcut_steps_aside_for_a_block_processor_it_does_not_know():
    renderer = Renderer()
    md = renderer._md
    md.parser.blockprocessors.deregister("plain_paragraph")
    md.parser.blockprocessors.register(md.parser.blockprocessors["quote"], "custom", 5)
    assert _PlainParagraphFirst.install(md) is False
    assert "plain_paragraph" not in md.parser.blockprocessors


def test_the_shortcut_steps_aside_for_a_pattern_it_does_not_know():
    renderer = Renderer()
    md = renderer._md
    md.treeprocessors.register(InlineProcessor(md), "inline", 20)
    md.inlinePatterns.register(md.inlinePatterns["entity"], "custom", 1)
    assert _PlainTextFirst.install(md) is False
    assert type(md.treeprocessors["inline"]) is InlineProcessor
