"""Scaffolds: new content files with every field, explained, that pass `check` at once.

`python build.py new pathway "Title" --cluster SLUG` and `new cluster "Title"`.
The comments come from the schema, so the file explains the same fields the
validator checks. Placeholder steps use real occupations and say plainly
that they are placeholders; `check` warns until they are replaced.
"""

from __future__ import annotations

from pathlib import Path

from .load import slugify
from .problems import suggest
from .schema import CLUSTER, PAGE, PATHWAY, Field

PLACEHOLDER = "REPLACE"
"""Marks scaffold text an editor still has to write; `check` warns while it remains."""

PLACEHOLDER_STEPS = (
    ("entry", "43-9199.00", "High school diploma; some employers prefer some college courses", "None"),
    ("mid", "13-1199.00", "Bachelor's degree in a related field", "None"),
    ("advanced", "11-9199.00", "Bachelor's degree; many also hold a master's degree", "5+ years of related work"),
)
"""The example steps of a new pathway: real occupations, so the new page previews with figures, but three
"All Other" groups that no real ladder climbs in this order, so `check` can tell they were never replaced."""


class ScaffoldError(Exception):
    """Raised with an editor-facing message when a file cannot be created."""


def _comment(field: Field, indent: str = "") -> str:
    required = "required" if field.required else "optional"
    return f"{indent}# {field.name} ({required}): {field.doc}\n"


def pathway_text(title: str, cluster: str) -> str:
    fields = {f.name: f for f in PATHWAY.fields}
    lines = ["---\n", _comment(fields["title"]), f"title: {_quote(title)}\n",
             _comment(fields["cluster"]), f"cluster: {cluster}\n",
             _comment(fields["summary"]), f"summary: {PLACEHOLDER} with one sentence on what people in this pathway do.\n",
             _comment(fields["interests"]), "# interests: [social, investigative]\n",
             _comment(fields["related"]), "# related: [another-pathway]\n",
             _comment(fields["ladders"]),
             "# Each ladder has: title; optionally a one-sentence summary; and steps. Each step leads to the next\n"
             "# in one line of work and pays at least as well. Each step has: stage (entry, mid, advanced or\n"
             "# leadership, never going backwards); title; occupations (1 to 6 O*NET-SOC codes); education (start\n"
             "# with the level of schooling, such as \"High school diploma\" or \"Bachelor's degree\", then add\n"
             "# detail); experience (name the years a license takes); and, optionally, credentials (real licenses\n"
             "# and certifications), skills and pay_note.\n",
             "ladders:\n",
             f"  - title: {PLACEHOLDER} with the ladder's name\n",
             f"    summary: {PLACEHOLDER} with one sentence on where this ladder starts and leads.\n",
             "    steps:\n"]
    for stage, code, education, experience in PLACEHOLDER_STEPS:
        lines += [f"      - stage: {stage}\n",
                  f"        title: {PLACEHOLDER} with the {stage}-level role\n",
                  f"        occupations: [{code}]  # {PLACEHOLDER}: O*NET-SOC codes from data/occupations.csv\n",
                  f"        education: {education}\n",
                  f"        experience: {experience}\n",
                  "        # credentials: [Name of a real license or certification]\n",
                  "        # skills: [A skill, Another skill]\n"]
    lines += ["---\n",
              f"{PLACEHOLDER} with a description of at least 200 words: what people in this pathway do each day, "
              "where they work, and how they move up from one step to the next.\n"]
    return "".join(lines)


def cluster_text(title: str, order: int) -> str:
    fields = {f.name: f for f in CLUSTER.fields}
    return "".join([
        "---\n", _comment(fields["title"]), f"title: {_quote(title)}\n",
        _comment(fields["summary"]), f"summary: {PLACEHOLDER} with one sentence on the work this cluster covers.\n",
        _comment(fields["order"]), f"order: {order}\n", "---\n",
        f"{PLACEHOLDER} with an overview of at least 120 words: the kind of work, where people do it, and which "
        "interests and strengths suit it.\n"])


def page_text(title: str) -> str:
    fields = {f.name: f for f in PAGE.fields}
    return "".join(["---\n", _comment(fields["title"]), f"title: {_quote(title)}\n",
                    _comment(fields["summary"]), f"summary: {PLACEHOLDER} with one sentence.\n", "---\n",
                    f"{PLACEHOLDER} with the page text.\n"])


def _quote(text: str) -> str:
    """`text` as a YAML scalar, quoted only when it needs to be."""
    needs = any(c in text for c in ":#[]{},&*!|>'\"%@`") or text != text.strip() or not text
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"' if needs else text


def create(content: Path, kind: str, title: str, cluster: str | None = None) -> Path:
    """Write a new file for `title` and return its path. Raises ScaffoldError."""
    slug = slugify(title)
    if not slug:
        raise ScaffoldError(f"cannot make a file name from the title {title!r}: use letters or digits")
    folder = content / {"pathway": "pathways", "cluster": "clusters", "page": "pages"}[kind]
    path = folder / f"{slug}.md"
    if path.exists():
        raise ScaffoldError(f"{path.as_posix()} already exists: edit it, or choose another title")
    if kind == "pathway":
        clusters = sorted(p.stem for p in (content / "clusters").glob("*.md"))
        if not cluster:
            raise ScaffoldError("a new pathway needs --cluster SLUG, one of: " + ", ".join(clusters))
        if cluster not in clusters:
            raise ScaffoldError(f"unknown cluster '{cluster}'{suggest(cluster, clusters)}")
        text = pathway_text(title, cluster)
    elif kind == "cluster":
        text = cluster_text(title, len(list((content / "clusters").glob("*.md"))) + 1)
    else:
        text = page_text(title)
    folder.mkdir(parents=True, exist_ok=True)
    with path.open("x", encoding="utf-8") as handle:  # "x": never overwrite, even in a race
        handle.write(text)
    return path
