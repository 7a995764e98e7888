"""Load: read content files and split them into front matter and body.

Reading never stops at the first bad file. Each file yields either a
`Source` or the problems that kept it from being read, each at `path:line`.
Front matter is parsed with libyaml's safe composer and turned into plain
values by our own walk of the node tree, so no YAML tag can construct an
object, aliases (the fuel of "billion laughs" bombs) are refused, duplicate
keys are caught, and every value keeps the line it came from.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable, Iterator, Mapping

import yaml
from yaml.constructor import SafeConstructor

from .problems import Problem, suggest
from .routes import BY_FOLDER, SLUG

KINDS = {folder: route.kind for folder, route in BY_FOLDER.items()}
"""Content folders and the kind of document each holds."""

FENCE_RE = re.compile(r"^---[ \t]*$")
CLOSE_RE = re.compile(r"^(?:---|\.\.\.)[ \t]*$")

KeyPath = tuple  # e.g. ("steps", 0, "occupations", 1)


def slugify(name: str) -> str:
    """The slug of a name: `Design/Pre-Construction` -> `design-pre-construction`."""
    return re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")


@dataclass(frozen=True)
class FrontMatter:
    """Parsed front matter: plain values, plus the line each value starts on."""

    data: Mapping[str, Any]
    lines: Mapping[KeyPath, int]
    line: int  # the opening '---'

    def line_of(self, *keys: Any) -> int:
        """The line of the value at `keys`, or of its nearest parent that has one."""
        path = tuple(keys)
        while path:
            if path in self.lines:
                return self.lines[path]
            path = path[:-1]
        return self.line


@dataclass(frozen=True)
class Source:
    """One content file, read and split, not yet validated."""

    path: str  # as shown to editors, relative to the project: content/pathways/x.md
    kind: str  # cluster | pathway | page
    slug: str
    front: FrontMatter
    body: str
    body_line: int  # file line on which the body starts


@dataclass(frozen=True)
class Loaded:
    sources: tuple[Source, ...]
    problems: tuple[Problem, ...]


def find_content_files(content_dir: Path, display_root: Path, folders: list[Path] | None = None
                       ) -> tuple[list[Path], list[Problem]]:
    """Every `.md` file in the content folders, sorted; problems for stray files. Each folder read is
    added to `folders`, if given: the listing changes only when one of them does."""
    files: list[Path] = []
    problems: list[Problem] = []
    if folders is not None:
        folders.append(content_dir)
    if not content_dir.is_dir():
        return files, [Problem(display(content_dir, display_root), 1, "content folder not found")]
    for entry in sorted(content_dir.iterdir()):
        if entry.name.startswith("."):
            continue
        if entry.is_dir() and entry.name in KINDS:
            for path in sorted(_files_under(entry, folders)):
                if path.parent != entry:
                    problems.append(Problem(display(path, display_root), 1,
                                            f"content files go directly in {display(entry, display_root)}/, not in a subfolder"))
                elif path.suffix != ".md":
                    problems.append(Problem(display(path, display_root), 1,
                                            "unexpected file: content files are Markdown and end in '.md'"))
                else:
                    files.append(path)
        else:
            places = ", ".join(f"{display(content_dir, display_root)}/{name}/" for name in KINDS)
            problems.append(Problem(display(entry, display_root), 1,
                                    f"unexpected {'folder' if entry.is_dir() else 'file'}"
                                    f"{suggest(entry.name, KINDS)}: content goes in {places}"))
    return files, problems


def display(path: Path, root: Path) -> str:
    """A path as editors see it: relative to the project, with forward slashes."""
    if path.is_absolute() and root.is_absolute() and ".." not in path.parts:
        try:
            return path.relative_to(root).as_posix()  # the usual case, without a system call
        except ValueError:
            pass
    try:
        return path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return path.as_posix()


def _files_under(folder: Path, folders: list[Path] | None = None) -> Iterator[Path]:
    """The files in `folder` and its subfolders, leaving out hidden ones and those in hidden folders.
    Each folder read is added to `folders`, if given."""
    if folders is not None:
        folders.append(folder)
    with os.scandir(folder) as entries:
        for entry in entries:
            if entry.name.startswith("."):
                continue
            if entry.is_dir(follow_symlinks=False):  # a link to a folder is not followed, so cannot loop
                yield from _files_under(folder / entry.name, folders)
            else:
                yield folder / entry.name


def load_source(path: Path, display_root: Path, raw: bytes | None = None) -> tuple[Source | None, list[Problem]]:
    """Read one content file (or parse `raw`, its bytes, if given). Returns the source, or None and why not."""
    shown = display(path, display_root)
    route = BY_FOLDER[path.parent.name]
    kind = route.kind
    problems: list[Problem] = []
    slug = path.stem
    if not re.fullmatch(route.name, slug) and not route.named_by_data:  # else validation says so, and suggests one
        example = f", e.g. '{slugify(slug) or 'my-page'}.md'" if route.name == SLUG else ""
        problems.append(Problem(shown, 1, f"invalid file name '{path.name}': {route.name_hint}{example}"))
    if raw is None:
        raw = path.read_bytes()
    text, problem = decode(raw, shown)
    if problem:
        return None, problems + [problem]
    source, more = parse_document(text, shown, kind, slug)
    return (source if not problems else None), problems + more


def decode(raw: bytes, shown: str) -> tuple[str, Problem | None]:
    """UTF-8 text with a leading BOM dropped and line ends made `\\n`."""
    if not raw.strip():
        return "", Problem(shown, 1, "file is empty: it needs front matter between two '---' lines, "
                                     "then the text (see CONTRIBUTING.md, or run 'python build.py new')")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        column = exc.start - (raw.rfind(b"\n", 0, exc.start) + 1) + 1
        return "", Problem(shown, line, f"file is not valid UTF-8 (byte 0x{raw[exc.start]:02x} at column "
                                        f"{column}): save it with UTF-8 encoding")
    return text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n"), None


def parse_document(text: str, shown: str, kind: str, slug: str) -> tuple[Source | None, list[Problem]]:
    """Split `text` into front matter and body, and parse the front matter."""
    lines = text.split("\n")
    if not FENCE_RE.match(lines[0]):
        return None, [Problem(shown, 1, "no front matter: the file must start with a line '---', "
                                        "then the fields, then another '---' line")]
    close = next((i for i in range(1, len(lines)) if CLOSE_RE.match(lines[i])), None)
    if close is None:
        return None, [Problem(shown, 1, "front matter is not closed: add a line '---' after the last field")]
    front_text = "\n".join(lines[1:close])
    front, problems = parse_front_matter(front_text, shown, first_line=2)
    if front is None:
        return None, problems
    body = "\n".join(lines[close + 1:])
    source = Source(path=shown, kind=kind, slug=slug, front=front, body=body, body_line=close + 2)
    return (None if problems else source), problems


def parse_front_matter(text: str, shown: str, first_line: int) -> tuple[FrontMatter | None, list[Problem]]:
    """Parse YAML `text` that starts on file line `first_line` into a FrontMatter."""
    try:
        node = yaml.compose(text, Loader=yaml.CSafeLoader if yaml.__with_libyaml__ else yaml.SafeLoader)
    except yaml.MarkedYAMLError as exc:
        return None, [yaml_problem(exc, text, shown, first_line)]
    except yaml.YAMLError as exc:  # pragma: no cover - libyaml reports marks for all we have seen
        return None, [Problem(shown, first_line, f"invalid YAML: {exc}")]
    opening = first_line - 1
    if node is None:
        return None, [Problem(shown, opening, "front matter is empty: add the required fields between the '---' lines")]
    if not isinstance(node, yaml.MappingNode):
        return None, [Problem(shown, first_line + node.start_mark.line,
                              "front matter must be a list of 'field: value' lines")]
    walker = _Walker(shown, first_line)
    data = walker.value(node, ())
    if walker.problems:
        return None, walker.problems
    return FrontMatter(data=data, lines=walker.lines, line=opening), []


def parse_yaml_file(text: str, shown: str) -> tuple[Any, Callable[..., int], list[Problem]]:
    """Parse a whole YAML data file with the same safe walk as front matter.

    Returns the plain value, a function giving the line of the value at a key path, and the problems found.
    """
    try:
        node = yaml.compose(text, Loader=yaml.CSafeLoader if yaml.__with_libyaml__ else yaml.SafeLoader)
    except yaml.MarkedYAMLError as exc:
        return None, lambda *keys: 1, [yaml_problem(exc, text, shown, 1)]
    if node is None:
        return None, lambda *keys: 1, []
    walker = _Walker(shown, 1)
    data = walker.value(node, ())

    def line_of(*keys: Any) -> int:
        path = tuple(keys)
        while path and path not in walker.lines:
            path = path[:-1]
        return walker.lines.get(path, 1)
    return data, line_of, walker.problems


def yaml_problem(exc: yaml.MarkedYAMLError, text: str, shown: str, first_line: int) -> Problem:
    """The problem for a parser error in `text`, which starts on file line `first_line`: at the line to fix,
    which is often above the one where the parser gave up, in an editor's words, with what to do."""
    row, message = _diagnose(exc, text.split("\n"))
    return Problem(shown, first_line + row, f"invalid YAML: {message}")


_FIELD_RE = re.compile(r"^\s*(?:-\s+)*[^\s#'\"][^#]*?:(?:\s|$)")
"""A line that starts a field: its name, then ':' and a space or the end of the line (after any '- ')."""

_AFTER_QUOTE_RE = re.compile(r"""(?:^|[:\-]\s|[\[,])\s*("[^"]*"|'[^']*')\s*[^\s#,\]}]""")
"""A quoted value followed by more text on its line: `title: "Nursing" ladder`."""

_NO_COLON = "no ':' after the field's name; each field is written 'name: value'"


def _diagnose(exc: yaml.MarkedYAMLError, lines: list[str]) -> tuple[int, str]:
    """(row of `lines` to fix, what is wrong there and how to fix it) for a parser error."""
    problem = (exc.problem or "").strip()
    context = (exc.context or "").strip()
    mark = exc.problem_mark or exc.context_mark
    row = mark.line if mark else 0
    line = lines[row] if row < len(lines) else ""
    above = _line_above(lines, row)
    if "\t" in line:
        return row, "a tab in the indentation; indent with spaces, not tabs"
    if "could not find expected ':'" in problem and exc.context_mark:
        return exc.context_mark.line, _NO_COLON  # where the field began, not where the parser gave up
    if "end of stream" in problem and exc.context_mark:
        return exc.context_mark.line, "a quote or bracket opened here is not closed"
    if "mapping values are not allowed" in problem:
        column = mark.column if mark else 0
        if _FIELD_RE.match(line[:column + 1]) and not _FIELD_RE.match(line[:column]):
            # The ':' of this line's own field: the line above did not end its value.
            if above is not None and not _FIELD_RE.match(lines[above]):
                return above, _NO_COLON
            if above is not None and _indent(line) > _indent(lines[above]):
                return row, ("this line is indented further than the field above it; start it at the same "
                             "column as that field")
        return row, "a value contains ': '; put the whole value in quotes"
    if "expected <document start>" in problem and above is not None and not _FIELD_RE.match(lines[above]):
        return above, _NO_COLON
    if _AFTER_QUOTE_RE.search(line):
        return row, "text after the closing quote; put the whole value in quotes, or use the other kind of quote"
    if "did not find expected ',' or ']'" in problem and exc.context_mark:
        return exc.context_mark.line, "a list opened with '[' here is not closed: end it with ']' on the same line"
    if "did not find expected ',' or '}'" in problem and exc.context_mark:
        return exc.context_mark.line, "a '{' opened here is not closed with '}'"
    if "found undefined alias" in problem or "found unknown escape" in problem:
        return row, "a value starts with '*' or holds a '\\'; put the value in quotes"
    if re.match(r"\s*-[^\s-]", line):
        return row, "put a space after the '-' that starts an item of a list"
    if "expected '-' indicator" in problem or "expected <block end>" in problem or "expected key" in problem:
        return row, ("this line is not lined up with the lines above it: start each field of an item at the same "
                     "column, with spaces")
    text = problem + (f" ({context})" if context and context not in problem else "")
    if "did not find expected" in problem:
        text += "; check the indentation and that quotes and brackets are closed"
    return row, text


def _line_above(lines: list[str], row: int) -> int | None:
    """The row of the last line above `row` that holds more than a comment, or None."""
    for above in range(min(row, len(lines)) - 1, -1, -1):
        stripped = lines[above].strip()
        if stripped and not stripped.startswith("#"):
            return above
    return None


def _indent(line: str) -> int:
    """The column where a line's text starts, after its indentation and any '- '."""
    return len(line) - len(line.lstrip(" -"))


class _Walker:
    """Turns a composed YAML node tree into plain values, recording lines."""

    _plain_tags = {
        "tag:yaml.org,2002:str", "tag:yaml.org,2002:int", "tag:yaml.org,2002:float",
        "tag:yaml.org,2002:bool", "tag:yaml.org,2002:null",
    }

    def __init__(self, shown: str, first_line: int):
        # A constructor per file: it remembers every value it built, which must not outlive the file.
        self._constructor = SafeConstructor()
        self.shown = shown
        self.first_line = first_line
        self.lines: dict[KeyPath, int] = {}
        self.problems: list[Problem] = []
        self._seen: set[int] = set()

    def line(self, node: yaml.Node) -> int:
        return self.first_line + node.start_mark.line

    def fail(self, node: yaml.Node, message: str) -> None:
        self.problems.append(Problem(self.shown, self.line(node), message))

    def value(self, node: yaml.Node, path: KeyPath) -> Any:
        if id(node) in self._seen:
            self.fail(node, "YAML anchors and aliases ('&name', '*name') are not allowed: write the value out")
            return None
        self._seen.add(id(node))
        self.lines[path] = self.first_line + node.start_mark.line
        tag = node.tag
        if (tag == _STR or tag == _TIMESTAMP) and isinstance(node, yaml.ScalarNode):
            return node.value  # text is the scalar as written; so is a date, as no field here is a date
        if tag == _MAP and isinstance(node, yaml.MappingNode):
            result: dict[str, Any] = {}
            for key_node, value_node in node.value:
                if key_node.tag == "tag:yaml.org,2002:merge":
                    self.fail(key_node, "YAML merge keys ('<<') are not allowed: write the fields out")
                    continue
                if isinstance(key_node, yaml.ScalarNode) and key_node.tag in _NOT_TEXT and key_node.value:
                    self.fail(key_node, f"'{key_node.value}' is read as {_NOT_TEXT[key_node.tag]}, not as text: put it in "
                                        f"quotes, as \"{key_node.value}\":")
                    continue
                if not isinstance(key_node, yaml.ScalarNode) or key_node.tag != _STR:
                    self.fail(key_node, "field names must be plain words, such as 'title'")
                    continue
                key = key_node.value
                if key in result:
                    self.fail(key_node, f"field '{key}' is given twice: keep one")
                    continue
                result[key] = self.value(value_node, path + (key,))
                self.lines[path + (key,)] = self.first_line + key_node.start_mark.line
            return result
        if tag == _SEQ and isinstance(node, yaml.SequenceNode):
            return [self.value(item, path + (i,)) for i, item in enumerate(node.value)]
        if not isinstance(node, yaml.ScalarNode):
            self.fail(node, f"unsupported YAML tag '{tag}': use plain values")
            return None
        if tag not in self._plain_tags:
            self.fail(node, f"unsupported YAML tag '{tag}': use plain text, numbers, lists or fields")
            return None
        try:
            return self._constructor.construct_object(node)
        except (yaml.YAMLError, ValueError) as exc:
            self.fail(node, f"invalid value: {exc}")
            return None


_STR, _MAP, _SEQ = "tag:yaml.org,2002:str", "tag:yaml.org,2002:map", "tag:yaml.org,2002:seq"
_NOT_TEXT = {"tag:yaml.org,2002:int": "a number", "tag:yaml.org,2002:float": "a number",
             "tag:yaml.org,2002:bool": "yes or no"}
"""What YAML makes of a field name that is not text, in words ('40000: …', 'no: …')."""
_TIMESTAMP = "tag:yaml.org,2002:timestamp"
