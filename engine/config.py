"""Site settings from `site.yml`, checked like content and frozen."""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path
from urllib.parse import urlsplit

from .load import decode, display, parse_front_matter
from .problems import ContentError, Problem, suggest

FIELDS = {
    "title": "The site's name, shown in the header and page titles.",
    "description": "One sentence describing the site, for the home page and link previews.",
    "base_url": "Where the site is published, e.g. https://owner.github.io/repo/ (or just /repo/).",
    "repo_url": "The repository on GitHub, for 'edit this page' links; leave out to hide them.",
    "repo_branch": "The branch 'edit this page' links point to.",
    "language": "The language of the content, as a BCP 47 tag such as en-US.",
}


@dataclass(frozen=True)
class Config:
    title: str = "Career Pathways"
    description: str = "Explore career clusters and the pathways inside them."
    base_url: str = "/"
    repo_url: str = ""
    repo_branch: str = "main"
    language: str = "en-US"

    @property
    def base_path(self) -> str:
        """The URL path the site lives under, always ending in '/': '/repo/'."""
        path = urlsplit(self.base_url).path or "/"
        return path if path.endswith("/") else path + "/"

    @property
    def absolute_base(self) -> str:
        """`base_url` with a trailing slash, for sitemap and canonical links."""
        return self.base_url if self.base_url.endswith("/") else self.base_url + "/"

    def with_base_url(self, base_url: str) -> "Config":
        return replace(self, base_url=normalize_base_url(base_url))


def normalize_base_url(value: str) -> str:
    value = value.strip() or "/"
    parts = urlsplit(value)
    if not parts.scheme and not value.startswith("/"):
        value = "/" + value
    return value if value.endswith("/") else value + "/"


def load_config(path: Path, root: Path) -> Config:
    """Read `site.yml`; a missing file means the defaults. Raises ContentError."""
    if not path.exists():
        return Config()
    shown = display(path, root)
    text, problem = decode(path.read_bytes(), shown)
    if problem:
        raise ContentError([problem])
    front, problems = parse_front_matter(text, shown, first_line=1)
    if front is None:
        raise ContentError(problems or [Problem(shown, 1, "site.yml is empty")])
    values: dict[str, str] = {}
    for key, value in front.data.items():
        line = front.line_of(key)
        if key not in FIELDS:
            problems.append(Problem(shown, line, f"unknown setting '{key}'{suggest(key, FIELDS)}"))
        elif not isinstance(value, str) or not value.strip():
            problems.append(Problem(shown, line, f"'{key}' must be text"))
        else:
            values[key] = value.strip()
    if "base_url" in values:
        parts = urlsplit(values["base_url"])
        if parts.scheme and parts.scheme not in ("http", "https"):
            problems.append(Problem(shown, front.line_of("base_url"), "'base_url' must start with https://, http:// or /"))
        values["base_url"] = normalize_base_url(values["base_url"])
    if values.get("repo_url", "").endswith("/"):
        values["repo_url"] = values["repo_url"].rstrip("/")
    if problems:
        raise ContentError(problems)
    return Config(**values)
