"""Markup: turn a Markdown body into safe HTML, a table of contents and plain text.

Raw HTML is not part of the content format: Python-Markdown's HTML handling
is switched off so any tag in a body is escaped and shown as text, the
problem is reported at its line, and the result goes through an allow-list
sanitizer (nh3, the Rust `ammonia` library) as a second line of defence.
Links to other content files (`therapeutic-services.md`) become links to
their pages.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from posixpath import normpath
from typing import Iterator

import markdown
import nh3
from markdown.extensions.fenced_code import FencedCodeExtension
from markdown.extensions.sane_lists import SaneListExtension
from markdown.extensions.tables import TableExtension
from markdown.extensions.toc import slugify, unique
from markdown.util import HTML_PLACEHOLDER_RE
from markdown.blockprocessors import BlockProcessor
from markdown.treeprocessors import InlineProcessor, Treeprocessor

from .problems import Problem
from .routes import content_file, content_url

ALLOWED_TAGS = {
    "p", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "strong", "em", "code", "pre",
    "blockquote", "a", "hr", "br", "table", "thead", "tbody", "tr", "th", "td",
}
ALLOWED_ATTRIBUTES = {
    "a": {"href", "title"}, "h2": {"id"}, "h3": {"id"}, "h4": {"id"}, "h5": {"id"}, "h6": {"id"},
    "ol": {"start"},
}
URL_SCHEMES = {"http", "https", "mailto"}

_SANITIZER = nh3.Cleaner(tags=ALLOWED_TAGS, attributes=ALLOWED_ATTRIBUTES, url_schemes=URL_SCHEMES, link_rel=None,
                         strip_comments=True)
"""The allow-list sanitizer every rendered body goes through, built once."""

TEMPLATE_IDS = frozenset({
    "main", "site-nav", "search-input", "ladder", "clusters-title", "interests-title", "cluster-pathways",
    "cluster-pay", "related-title", "pay-title", "prep-title", "where-title", "onet-title", "related-jobs-title",
})
"""Ids the page templates use; a heading in a body never takes one of them."""

RAW_HTML_RE = re.compile(r"<(/?[A-Za-z][A-Za-z0-9-]*)(?:\s[^<>]*)?/?>|<!--")
CODE_SPAN_RE = re.compile(r"(`+).+?\1")
LINK_RE = re.compile(r"\]\(\s*<?([^)\s>]+)")
SCHEME_RE = re.compile(r"^([A-Za-z][A-Za-z0-9+.-]*):")
TAG_RE = re.compile(r"<[^>]+>")


@dataclass(frozen=True)
class Heading:
    level: int
    id: str
    title: str


@dataclass(frozen=True)
class Markup:
    """A rendered body: sanitized HTML, its section headings and its plain text."""

    html: str
    toc: tuple[Heading, ...]
    text: str
    links: tuple[tuple[str, int], ...]  # (target content path, line) of links to other content

    @property
    def words(self) -> int:
        return len(self.text.split())


class _ContentLinks(Treeprocessor):
    """Rewrites `x.md` links to page URLs relative to the page being rendered."""

    def __init__(self, md: markdown.Markdown):
        super().__init__(md)
        self.page_dir = ""  # e.g. "pathways/x/" for the page this body belongs to
        self.source_dir = ""  # e.g. "content/pathways"
        self.found: list[str] = []

    def run(self, root):  # type: ignore[override]
        for link in root.iter("a"):
            href = link.get("href", "")
            target, fragment = (href.split("#", 1) + [""])[:2]
            if SCHEME_RE.match(href) or not target.endswith(".md"):
                continue
            path = normpath(f"{self.source_dir}/{target}")
            self.found.append(path)
            url = content_url(path)
            if url is not None:
                link.set("href", relative_url(self.page_dir, url) + (f"#{fragment}" if fragment else ""))
        return None


class _Headings(Treeprocessor):
    """Gives each section heading an id and collects h2 and h3 for the table of contents.

    A lighter stand-in for the `toc` extension, which also builds and serializes a
    table-of-contents block that pages never use.
    """

    def __init__(self, md: markdown.Markdown):
        super().__init__(md)
        self.found: list[Heading] = []

    def run(self, root):  # type: ignore[override]
        used = set(TEMPLATE_IDS)
        self.found = []
        for element in root.iter():
            if element.tag in ("h2", "h3", "h4", "h5", "h6"):
                title = self.plain("".join(element.itertext()))
                element.set("id", unique(slugify(title, "-") or "section", used))
                if element.tag in ("h2", "h3"):
                    self.found.append(Heading(level=int(element.tag[1]), id=element.get("id"), title=title))
        return None

    def plain(self, text: str) -> str:
        """Heading text with stashed entities put back and unescaped."""
        stash = self.md.htmlStash.rawHtmlBlocks

        def restore(match: re.Match) -> str:
            index = int(match.group(1))
            return str(stash[index]) if index < len(stash) else ""

        return html.unescape(HTML_PLACEHOLDER_RE.sub(restore, text)).strip()


INLINE_TRIGGERS = {
    "backtick": "`\\", "escape": "\\", "reference": "[", "link": "[", "short_reference": "[",
    "autolink": "<", "automail": "<", "linebreak": "  \n", "entity": "&", "em_strong": "*_",
}
"""For each of Python-Markdown's inline patterns used here, what text must contain for it to match:
characters, or (for the line break) a string."""


class _PlainTextFirst(InlineProcessor):
    """Python-Markdown's inline processor, returning at once text that no inline pattern can match.

    The stock processor tries every pattern, one regular-expression search
    each, on every run of text; most paragraphs of prose contain none of the
    characters any pattern needs (`*`, `_`, `[`, `` ` ``, `<`, `&`, a backslash
    or a hard line break), and one search for those settles it. The output is
    unchanged (a test renders every content file and a set of tricky bodies
    both ways). Built only when every registered pattern is in
    `INLINE_TRIGGERS`; with any other pattern the stock processor is kept.
    """

    def __init__(self, md: markdown.Markdown, triggers: re.Pattern):
        super().__init__(md)
        self._triggers = triggers

    def _InlineProcessor__handleInline(self, data: str, patternIndex: int = 0) -> str:  # noqa: N802, N803
        if self._triggers.search(data) is None:
            return data
        return InlineProcessor._InlineProcessor__handleInline(self, data, patternIndex)  # type: ignore[attr-defined]

    @classmethod
    def install(cls, md: markdown.Markdown) -> bool:
        """Put the processor in place of the stock one; False (and nothing changed) if a pattern is unknown."""
        names = [item.name for item in md.inlinePatterns._priority]
        if any(name not in INLINE_TRIGGERS for name in names):
            return False
        characters = sorted({c for name in names if name != "linebreak" for c in INLINE_TRIGGERS[name]})
        alternatives = ["[" + "".join(re.escape(c) for c in characters) + "]"] if characters else []
        if "linebreak" in names:
            alternatives.append(re.escape(INLINE_TRIGGERS["linebreak"]))
        md.treeprocessors.register(cls(md, re.compile("|".join(alternatives) or "(?!)")), "inline", 20)
        return True


BLOCK_PROCESSORS = frozenset({"empty", "indent", "code", "hashheader", "setextheader", "hr", "olist", "ulist", "quote",
                              "reference", "paragraph", "table"})
"""Python-Markdown's block processors used here, for which `_PlainParagraphFirst` knows what they look for."""

_NOT_PLAIN_RE = re.compile(r"(?m)^[ \t#>*+\-=_\[\d]|\|")
"""A line that some block processor other than the paragraph's might claim: it starts with a space or tab
(code, nested lists), '#' (heading), '>' (quote), '*', '+', '-', '_' (list, rule), '=' or '-' (heading
underline), '[' (link reference) or a digit (numbered list); or a '|' anywhere (table)."""


class _PlainParagraphFirst(BlockProcessor):
    """Sends a top-level block of plain prose straight to the paragraph processor.

    The block parser otherwise asks every other processor first, one regular-
    expression search each; a block with none of the line starts they look
    for (`_NOT_PLAIN_RE`) is a paragraph whatever they say. The output is
    unchanged (a test renders every content file and a set of tricky bodies
    both ways); installed only when the block processors are the known ones.
    """

    def __init__(self, parser, paragraph: BlockProcessor):  # type: ignore[no-untyped-def]
        super().__init__(parser)
        self._paragraph = paragraph

    def test(self, parent, block: str) -> bool:  # type: ignore[override]
        return (parent.tag == self.parser.md.doc_tag and bool(block) and block[0] != "\n"
                and not self.parser.state.isstate("list") and _NOT_PLAIN_RE.search(block) is None)

    def run(self, parent, blocks: list[str]) -> None:  # type: ignore[override]
        self._paragraph.run(parent, blocks)

    @classmethod
    def install(cls, md: markdown.Markdown) -> bool:
        """Put the processor before all others; False (and nothing changed) if a block processor is unknown."""
        processors = md.parser.blockprocessors
        if {item.name for item in processors._priority} != BLOCK_PROCESSORS:
            return False
        processors.register(cls(md.parser, processors["paragraph"]), "plain_paragraph", 1000)
        return True


_PLAIN_BODY_RE = re.compile(r"[*_\[`<&\\\t\r\x00-\x08\x0b\x0c\x0e-\x1f|]|  \n|\n[ #>*+\-=_\d]|^[ #>*+\-=_\[\d]")
"""Anything in a body that Python-Markdown would do more with than wrap its paragraphs in <p>: an inline
pattern's character (`INLINE_TRIGGERS`), a hard line break, a tab or control character (rewritten by its
preprocessor), a '|' (table) or a line start some block processor looks for (`_NOT_PLAIN_RE`)."""


def plain_paragraphs(body: str) -> str | None:
    """The HTML Python-Markdown makes of a body of plain paragraphs, without running it; None for any other body.

    Most bodies (every occupation's description) are only prose, which needs none of the parser's work. The
    output is the same (a test renders every content file and a set of tricky bodies both ways)."""
    if _PLAIN_BODY_RE.search(body) is not None:
        return None
    blocks = (body + "\n\n").split("\n\n")  # as its parser splits them, after adding the blank line it adds
    return "\n".join(f"<p>{block.lstrip().replace('>', '&gt;')}</p>" for block in blocks if block.strip())


class Renderer:
    """A reusable Markdown renderer (building a Markdown instance is slow)."""

    def __init__(self, shortcuts: bool = True) -> None:
        self._shortcuts = shortcuts  # off only to test that the shortcuts change nothing
        self._md = markdown.Markdown(  # extensions as objects: names would be looked up in package metadata
            extensions=[SaneListExtension(), TableExtension(), FencedCodeExtension()],
            output_format="html",
        )
        # Raw HTML is text here: it is escaped, never passed through.
        self._md.preprocessors.deregister("html_block")
        self._md.inlinePatterns.deregister("html")
        # Images are not part of the content format (a page loads nothing from elsewhere), so their
        # patterns would only cost time; `![x](y)` is then read as '!' and a link, which sanitizing keeps safe.
        for name in ("image_link", "image_reference", "short_image_ref"):
            self._md.inlinePatterns.deregister(name)
        if shortcuts:
            _PlainTextFirst.install(self._md)
            _PlainParagraphFirst.install(self._md)
        self._links = _ContentLinks(self._md)
        self._md.treeprocessors.register(self._links, "content_links", 1)
        self._headings = _Headings(self._md)
        self._md.treeprocessors.register(self._headings, "headings", 5)

    def render(self, body: str, path: str, first_line: int, page_url: str) -> tuple[Markup, list[Problem]]:
        """Render `body` (which starts at `first_line` of `path`) for the page at `page_url`."""
        problems = list(check_body(body, path, first_line))
        raw_html = plain_paragraphs(body) if self._shortcuts else None
        toc: tuple[Heading, ...] = ()
        found: list[str] = []  # plain paragraphs have no headings and no links
        if raw_html is None:
            self._md.reset()
            self._links.page_dir = page_url
            self._links.source_dir = path.rsplit("/", 1)[0]
            self._links.found = []
            raw_html = self._md.convert(body)
            toc, found = tuple(self._headings.found), self._links.found
        clean = _SANITIZER.clean(raw_html)
        text = html.unescape(TAG_RE.sub(" ", clean))
        text = " ".join(text.split())
        links = tuple((target, _line_of(body, target.rsplit("/", 1)[-1], first_line)) for target in found)
        return Markup(html=clean, toc=toc, text=text, links=links), problems


def _line_of(body: str, needle: str, first_line: int) -> int:
    index = body.find(needle)
    return first_line + (body.count("\n", 0, index) if index >= 0 else 0)


IMAGE_RE = re.compile(r"!\[[^\]]*\](?:\(|\[)")


def check_body(body: str, path: str, first_line: int) -> Iterator[Problem]:
    """Problems in a Markdown body: raw HTML, images, unsafe links, level-1 headings."""
    in_fence = False
    lines = body.split("\n")
    for offset, line in enumerate(lines):
        number = first_line + offset
        stripped = line.strip()
        if stripped.startswith(("```", "~~~")):
            in_fence = not in_fence
            continue
        if in_fence or line.startswith(("    ", "\t")):
            continue
        prose = CODE_SPAN_RE.sub("", line) if "`" in line else line
        match = RAW_HTML_RE.search(prose) if "<" in prose else None
        if match:
            tag = match.group(0) if len(match.group(0)) <= 40 else match.group(0)[:37] + "..."
            yield Problem(path, number, f"raw HTML is not allowed: '{tag}' would be shown as text; "
                                        "use Markdown instead (or put it in `backticks` to show code)")
        if "![" in prose and IMAGE_RE.search(prose):
            yield Problem(path, number, "images are not part of the content format (a page shows no pictures); "
                                        "describe in words what the picture would show")
        for target in LINK_RE.findall(prose) if "](" in prose else ():
            scheme = SCHEME_RE.match(target)
            if scheme and scheme.group(1).lower() not in URL_SCHEMES:
                yield Problem(path, number, f"link '{target[:40]}' uses '{scheme.group(1)}:'; "
                                            "only http, https and mailto links are allowed")
            elif target.startswith("/"):
                yield Problem(path, number, f"link '{target[:40]}' starts with '/', which breaks when the site "
                                            "is published under a sub-path; link to the content file instead, "
                                            f"such as '{_file_link(target, path)}'")
        if line.startswith(("#", "=")) and (re.match(r"^#(?!#)\s", line) or (
                offset > 0 and re.match(r"^=+\s*$", line) and lines[offset - 1].strip())):
            yield Problem(path, number, "level-1 heading: the page title comes from 'title'; "
                                        "start sections with '## '")


def _file_link(url: str, source: str) -> str:
    """The link to the content file of the page at the site address `url`, from the content file `source`
    ('/clusters/x/' from a pathway: '../clusters/x.md'); an example if no content file makes that page."""
    target = content_file(url)
    if target is None:
        return "../pathways/therapeutic-services.md"
    folder = source.replace("\\", "/").rsplit("/", 2)[-2:-1]
    fragment = url.partition("#")[2]
    link = target.split("/", 1)[1] if folder and target.startswith(folder[0] + "/") else f"../{target}"
    return link + (f"#{fragment}" if fragment else "")


def relative_url(from_dir: str, to: str) -> str:
    """A relative link from the page at `from_dir` (e.g. 'pathways/x/') to site URL `to`.

    Both are site-relative and directory-style ('' is the home page). The
    result works under any sub-path and needs no knowledge of the base URL.
    """
    depth = from_dir.count("/")
    if depth == 0:
        return to or "./"
    return "../" * depth + to
