"""The content schema: every front-matter field, in one place.

The validator, `python build.py schema` (JSON Schema), the field reference in
CONTRIBUTING.md and the files written by `python build.py new` all come from
the definitions below, so they cannot drift apart.
"""

from __future__ import annotations

import functools

from dataclasses import dataclass
from typing import Any

STAGES = ("entry", "mid", "advanced", "leadership")
"""Career-ladder stages, in the order a career climbs them."""

INTERESTS = ("realistic", "investigative", "artistic", "social", "enterprising", "conventional")
"""Holland (RIASEC) interest areas, in the conventional R-I-A-S-E-C order."""

CHOICE_WORDS = {
    # stages, by the words job ads and editors use for them
    "beginner": "entry", "junior": "entry", "starter": "entry", "starting": "entry", "trainee": "entry",
    "apprentice": "entry", "entry-level": "entry", "entry level": "entry", "first": "entry",
    "middle": "mid", "intermediate": "mid", "experienced": "mid", "mid-level": "mid", "journeyman": "mid",
    "senior": "advanced", "expert": "advanced", "specialist": "advanced", "master": "advanced",
    "lead": "leadership", "leader": "leadership", "manager": "leadership", "management": "leadership",
    "supervisor": "leadership", "director": "leadership", "executive": "leadership", "top": "leadership",
    # interest areas, by what people in them like to do, and by their letters in a Holland code
    "r": "realistic", "hands-on": "realistic", "building": "realistic", "doing": "realistic",
    "outdoors": "realistic", "machines": "realistic", "tools": "realistic",
    "i": "investigative", "thinking": "investigative", "science": "investigative", "research": "investigative",
    "solving": "investigative", "analytical": "investigative",
    "a": "artistic", "creating": "artistic", "creative": "artistic", "art": "artistic", "arts": "artistic",
    "design": "artistic",
    "s": "social", "helping": "social", "caring": "social", "teaching": "social", "people": "social",
    "e": "enterprising", "persuading": "enterprising", "leading": "enterprising", "business": "enterprising",
    "selling": "enterprising", "sales": "enterprising",
    "c": "conventional", "organizing": "conventional", "organising": "conventional", "details": "conventional",
    "data": "conventional", "orderly": "conventional",
}
"""What an editor may write for a stage or an interest area, by meaning: suggested when the value is not one of
the choices and not a misspelling of one ('senior' -> 'advanced', 'helping' -> 'social')."""

INTEREST_INFO = {
    "realistic": ("Realistic", "Hands-on work with tools, machines, plants or animals"),
    "investigative": ("Investigative", "Ideas, research and solving problems"),
    "artistic": ("Artistic", "Creating, designing and expressing"),
    "social": ("Social", "Helping, teaching and caring for people"),
    "enterprising": ("Enterprising", "Leading, persuading and running things"),
    "conventional": ("Conventional", "Organizing data, records and detail"),
}
"""Each interest area's name and what it is about, as its page, the filters and search show them."""

SLUG_PATTERN = r"^[a-z0-9]+(-[a-z0-9]+)*$"
OCCUPATION_PATTERN = r"^\d{2}-\d{4}\.\d{2}$"


@dataclass(frozen=True)
class Field:
    """One front-matter field.

    `kind` is `text`, `integer`, `list` (of `item`) or `object` (of `fields`).
    """

    name: str
    kind: str
    doc: str
    required: bool = False
    example: Any = None
    choices: tuple[str, ...] = ()
    pattern: str | None = None
    pattern_hint: str = ""
    min_items: int | None = None
    max_items: int | None = None
    max_length: int | None = None
    minimum: int | None = None
    maximum: int | None = None
    refers: str = ""  # what the value names in the data; then checked (with suggestions) where the data is at hand
    item: "Field | None" = None
    fields: tuple["Field", ...] = ()

    @functools.cached_property
    def field_names(self) -> frozenset[str]:
        return frozenset(f.name for f in self.fields)

    def field(self, name: str) -> "Field | None":
        return next((f for f in self.fields if f.name == name), None)


def _text(name: str, doc: str, **kw: Any) -> Field:
    return Field(name=name, kind="text", doc=doc, **kw)


TITLE = _text("title", "The name shown as the page heading and in navigation.", required=True, max_length=90)
SUMMARY = _text("summary", "One plain sentence, shown in lists, search results and link previews.",
                required=True, max_length=300)

STEP = Field(
    name="step", kind="object", doc="One rung of the career ladder.",
    fields=(
        _text("stage", "How far along the ladder this step is. Stages never go backwards.",
              required=True, choices=STAGES, example="entry"),
        _text("title", "A short name for the step, such as 'Licensed practical nurse'.",
              required=True, max_length=90, example="Patient care assistant"),
        Field("occupations", "list",
              "O*NET-SOC codes of the occupations at this step (1 to 6), from data/occupations.csv.",
              required=True, min_items=1, max_items=6, example=["31-1131.00"],
              item=_text("occupation", "An O*NET-SOC code.", pattern=OCCUPATION_PATTERN, refers="occupation",
                         pattern_hint="an O*NET-SOC code looks like '29-1141.00'")),
        _text("education", "The schooling this step needs. Start with the level, such as \"High school diploma\", "
                           "\"Postsecondary certificate\", \"Associate's degree\" or \"Bachelor's degree\", then add detail.",
              required=True, max_length=300, example="Postsecondary certificate from a state-approved course"),
        _text("experience", "The work experience this step needs, or 'None'.",
              required=True, max_length=300, example="None"),
        Field("credentials", "list", "Licenses, certifications or apprenticeships, by their real names.",
              example=["Certified Nursing Assistant (CNA)"],
              item=_text("credential", "A credential's name.", max_length=120)),
        Field("skills", "list", "A few skills this step builds.", example=["Patient care"],
              item=_text("skill", "A skill.", max_length=80)),
        _text("pay_note", "A note shown under the step's pay. Needed when an occupation's figures are published "
                          "only for a broader group, to say so in plain words.", max_length=200,
              example="Pay is for home health aides and personal care aides together."),
    ),
)

LADDER = Field(
    name="ladder", kind="object",
    doc="One career ladder: a route people really climb, each step leading to the next.",
    fields=(
        _text("title", "The ladder's name, such as 'Nursing' or 'Rehabilitation therapy'.", required=True,
              max_length=60, example="Nursing"),
        _text("summary", "One plain sentence saying where the ladder starts and where it leads.", max_length=200,
              example="From nursing assistant to registered nurse and nurse practitioner."),
        Field("steps", "list", "The steps, from entry level to the most advanced role.",
              required=True, min_items=3, max_items=8, item=STEP),
    ),
)

CLUSTER = Field(
    name="cluster", kind="object", doc="A career cluster: content/clusters/<slug>.md. The body is its overview.",
    fields=(
        TITLE,
        SUMMARY,
        Field("order", "integer", "Position among the clusters on the home page and in navigation.",
              minimum=1, maximum=999, example=1),
    ),
)

PATHWAY = Field(
    name="pathway", kind="object",
    doc="A career pathway: content/pathways/<slug>.md. The body describes the work and how people move up.",
    fields=(
        TITLE,
        _text("cluster", "The slug of the cluster this pathway belongs to (its file name without '.md').",
              required=True, pattern=SLUG_PATTERN, pattern_hint="a slug looks like 'health-science'",
              example="health-science", refers="cluster"),
        SUMMARY,
        Field("interests", "list",
              "Holland (RIASEC) interest areas that fit this pathway, best fit first. "
              "When left out, they are worked out from the occupations' interest codes.",
              max_items=3, example=["social", "investigative"],
              item=_text("interest", "An interest area.", choices=INTERESTS)),
        Field("related", "list", "Slugs of other pathways a visitor may also consider.",
              max_items=6, example=["diagnostic-services"],
              item=_text("pathway", "A pathway slug.", pattern=SLUG_PATTERN,
                         pattern_hint="a slug looks like 'health-informatics'", refers="pathway")),
        Field("ladders", "list", "The career ladders of this pathway, most common first: one for each distinct "
                                 "route, such as nursing and pharmacy.",
              required=True, min_items=1, max_items=8, item=LADDER),
    ),
)

PAGE = Field(
    name="page", kind="object", doc="A free-standing page such as About: content/pages/<slug>.md.",
    fields=(TITLE, SUMMARY),
)

OCCUPATION = Field(
    name="occupation", kind="object",
    doc="What an occupation's work is: content/occupations/<O*NET-SOC code>.md. The body, 50 to 120 words, "
        "describes the tasks, the setting, the tools and the people the job works with.",
    fields=(_text("summary", "One plain sentence saying what the job is, shown under its title and in lists.",
                  required=True, max_length=200),),
)

MODERN_CLUSTER = Field(
    name="modern-cluster", kind="object",
    doc="A cluster of the 2024 National Career Clusters Framework: content/clusters-2024/<slug>.md. The body is "
        "its overview, at least 120 words.",
    fields=(_text("title", "The cluster's official name, exactly as in data/modern-career-clusters.yml.",
                  required=True, max_length=90, example="Advanced Manufacturing"), SUMMARY),
)

SUB_CLUSTER = Field(
    name="sub-cluster", kind="object",
    doc="A sub-cluster of the 2024 framework: content/sub-clusters-2024/<slug>.md. The body is its overview, at "
        "least 60 words.",
    fields=(_text("title", "The sub-cluster's official name, exactly as in data/modern-career-clusters.yml.",
                  required=True, max_length=90, example="Robotics"),
            _text("cluster", "The slug of its 2024 cluster (the file name of the cluster without '.md').",
                  required=True, pattern=SLUG_PATTERN, pattern_hint="a slug looks like 'advanced-manufacturing'",
                  example="advanced-manufacturing"),
            SUMMARY),
)

SCHEMAS = {"cluster": CLUSTER, "pathway": PATHWAY, "page": PAGE, "occupation": OCCUPATION,
           "modern-cluster": MODERN_CLUSTER, "sub-cluster": SUB_CLUSTER}


def json_schema(kind: str) -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of one kind's front matter."""
    schema = _json(SCHEMAS[kind])
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = f"{kind.capitalize()} front matter"
    return schema


def _json(field: Field) -> dict[str, Any]:
    out: dict[str, Any] = {"description": field.doc}
    if field.kind == "text":
        out["type"] = "string"
        out["minLength"] = 1
        if field.choices:
            out["enum"] = list(field.choices)
        if field.pattern:
            out["pattern"] = field.pattern
        if field.max_length:
            out["maxLength"] = field.max_length
    elif field.kind == "integer":
        out["type"] = "integer"
        if field.minimum is not None:
            out["minimum"] = field.minimum
        if field.maximum is not None:
            out["maximum"] = field.maximum
    elif field.kind == "list":
        assert field.item is not None
        out["type"] = "array"
        out["items"] = _json(field.item)
        out["uniqueItems"] = field.item.kind != "object"
        if field.min_items is not None:
            out["minItems"] = field.min_items
        if field.max_items is not None:
            out["maxItems"] = field.max_items
    elif field.kind == "object":
        out["type"] = "object"
        out["properties"] = {f.name: _json(f) for f in field.fields}
        out["required"] = [f.name for f in field.fields if f.required]
        out["additionalProperties"] = False
    if field.example is not None:
        out["examples"] = [field.example]
    return out


def json_schema_document() -> dict[str, Any]:
    """One JSON Schema document holding every kind under `$defs`."""
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "Career Pathways content front matter",
        "description": "Front matter of the files in content/clusters/, pathways/, occupations/, clusters-2024/, "
                       "sub-clusters-2024/ and pages/.",
        "$defs": {kind: {k: v for k, v in json_schema(kind).items() if k != "$schema"} for kind in SCHEMAS},
    }


def markdown_reference() -> str:
    """The field reference for CONTRIBUTING.md, as Markdown tables."""
    out = []
    for kind, title in (("cluster", "Cluster files"), ("pathway", "Pathway files"), ("ladder", "Each ladder"),
                        ("step", "Each step"), ("occupation", "Occupation files"),
                        ("modern-cluster", "2024 cluster files"), ("sub-cluster", "2024 sub-cluster files"),
                        ("page", "Page files")):
        schema = {"ladder": LADDER, "step": STEP}.get(kind) or SCHEMAS[kind]
        out.append(f"#### {title}\n\n{schema.doc}\n\n| field | required | what it holds |\n| --- | --- | --- |")
        for field in schema.fields:
            out.append(f"| `{field.name}` | {'yes' if field.required else 'no'} | {_describe(field)} |")
        out.append("")
    return "\n".join(out)


def _describe(field: Field) -> str:
    text = field.doc
    if field.kind == "list" and field.item is not None and field.item.kind != "object":
        limits = []
        if field.min_items:
            limits.append(f"at least {field.min_items}")
        if field.max_items:
            limits.append(f"at most {field.max_items}")
        text += f" A list{' (' + ', '.join(limits) + ')' if limits else ''}"
        if field.item.choices:
            text += " of: " + ", ".join(f"`{c}`" for c in field.item.choices)
        text += "."
    elif field.kind == "list":
        text += f" At least {field.min_items}, at most {field.max_items}."
    if field.choices:
        text += " One of: " + ", ".join(f"`{c}`" for c in field.choices) + "."
    if field.example is not None and field.kind != "object":
        example = field.example if not isinstance(field.example, list) else "[" + ", ".join(field.example) + "]"
        text += f" Example: `{example}`."
    return text.replace("|", "\\|")
