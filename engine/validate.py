"""Validate: check every source against the schema, each other and the data.

Returns problems only; it changes nothing. Errors stop the build. Warnings
flag content that builds but disagrees with the occupation data, such as an
entry-level step that holds an occupation needing extensive preparation.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from pathlib import PurePosixPath
from typing import AbstractSet, Any, Callable, Iterable, Iterator, Mapping, Sequence

from . import readability
from .data import FIGURES_GROUP, FIGURES_SPECIALTY, CredentialRule, Facts, Framework, Occupation, typical_pay
from .load import Source, slugify
from .markup import Markup, content_url
from .problems import Problem, Severity, closest, suggest
from .routes import RESERVED_SLUGS, ROUTES
from .scaffold import PLACEHOLDER, PLACEHOLDER_STEPS
from .schema import CHOICE_WORDS, OCCUPATION_PATTERN, SCHEMAS, STAGES, Field

EDUCATION_PHRASES = (
    (re.compile(r"no formal", re.I), 0),
    (re.compile(r"high school|\bGED\b", re.I), 1),
    (re.compile(r"postsecondary|post-secondary|certificate|nondegree|non-degree|some college|vocational|trade school", re.I), 2),
    (re.compile(r"associate", re.I), 3),
    (re.compile(r"bachelor", re.I), 4),
    (re.compile(r"master|\bMBA\b", re.I), 5),
    (re.compile(r"doctor|professional degree|\bPh\.?D\b|\bM\.?D\.?\b|\bJ\.?D\.?\b|\bDVM\b|\bPharmD\b|\bDDS\b", re.I), 6),
)
_FIRST_LETTERS = "".join(sorted({alternative.removeprefix(r"\b")[0].lower()
                                  for pattern, _ in EDUCATION_PHRASES for alternative in pattern.pattern.split("|")}))
_ANY_EDUCATION = re.compile(f"(?=[{_FIRST_LETTERS}])(?:" + "|".join(
    f"(?P<l{level}>{pattern.pattern})" for pattern, level in EDUCATION_PHRASES) + ")", re.I)
"""All the phrases in one pattern: its leftmost match is the phrase named first (at one place, the earlier
phrase in the list). The lookahead for the letters a phrase can start with changes no match, but lets the
search skip the other places at once: half the time, on every step of every ladder."""
_LEVEL_PHRASES = {
    0: "No formal education", 1: "High school diploma", 2: "Postsecondary certificate", 3: "Associate's degree",
    4: "Bachelor's degree", 5: "Master's degree", 6: "Doctoral or professional degree",
}
"""How a step's education starts for each level, in the warnings' examples."""
LEVEL_NAMES = {
    0: "no formal education", 1: "a high school diploma", 2: "a postsecondary certificate or some college",
    3: "an associate's degree", 4: "a bachelor's degree", 5: "a master's degree",
    6: "a doctoral or professional degree",
}


@dataclass(frozen=True)
class Known:
    """What a document may refer to: the slugs and paths of every other document."""

    clusters: frozenset[str]
    pathways: frozenset[str]
    paths: frozenset[str]

    @classmethod
    def of(cls, sources: Sequence[Source], unread: Iterable[str] = ()) -> "Known":
        """From the documents read, and the paths (as shown) of content files that could not be read: their
        own problems are reported, and links to them are not reported again as links to nothing."""
        unread = [PurePosixPath(p) for p in unread]
        return cls(clusters=frozenset([s.slug for s in sources if s.kind == "cluster"] +
                                      [p.stem for p in unread if p.parent.name == ROUTES["cluster"].folder]),
                   pathways=frozenset([s.slug for s in sources if s.kind == "pathway"] +
                                      [p.stem for p in unread if p.parent.name == ROUTES["pathway"].folder]),
                   paths=frozenset([s.path for s in sources] + [p.as_posix() for p in unread]))


def check_document(source: Source) -> list[Problem]:
    """The problems one document has on its own: schema and leftover placeholders.

    Needs nothing from other files, so it runs where the file is read, in parallel for large sites.
    """
    return list(check_fields(source, SCHEMAS[source.kind])) + list(check_placeholders(source)) + \
        list(check_plain_words(source))


GRADE_LIMIT = 10.0
"""Bodies reading above this Flesch-Kincaid grade get a warning (the aim is 9 or below)."""
SENTENCE_LIMIT = 35
"""Sentences longer than this many words get a warning (the aim is 30 or fewer)."""


def check_plain_words(source: Source) -> Iterator[Problem]:
    """Warnings for a body that reads above grade 10, and for any sentence over 35 words, at its line."""
    reading = readability.reading(source.body, source.body_line)
    if reading.words >= 100 and reading.grade > GRADE_LIMIT:
        yield Problem(source.path, source.body_line,
                      f"the text reads at grade {reading.grade:.1f} (Flesch-Kincaid); aim for 9 or below so that "
                      "a 14-year-old can read it: use shorter sentences and everyday words", Severity.WARNING)
    for sentence in reading.longer_than(SENTENCE_LIMIT):
        yield Problem(source.path, sentence.line, _long_sentence(sentence), Severity.WARNING)
    data = source.front.data
    ladders = data.get("ladders") if isinstance(data.get("ladders"), list) else []
    texts = [(("summary",), data.get("summary"))] + [(("ladders", i, "summary"), ladder.get("summary"))
                                                      for i, ladder in enumerate(ladders) if isinstance(ladder, dict)]
    for path, value in texts:
        if isinstance(value, str):
            for sentence in readability.sentences(value):
                if sentence.words > SENTENCE_LIMIT:
                    yield Problem(source.path, source.front.line_of(*path), _long_sentence(sentence), Severity.WARNING)


def _long_sentence(sentence: readability.Sentence) -> str:
    opening = " ".join(sentence.text.split()[:8])
    return f"a sentence of {sentence.words} words ('{opening} ...'): keep sentences to 30 words or fewer, " \
           "for example by splitting it in two"


def check_references(source: Source, markup: Markup | None, known: Known, facts: Facts) -> list[Problem]:
    """The problems that depend on other documents and the data: references, ladder order, accuracy."""
    problems: list[Problem] = []
    if source.kind == "pathway":
        problems.extend(check_pathway(source, known.clusters, known.pathways, facts))
    if source.kind == "occupation":
        problems.extend(check_occupation(source, markup, facts))
    if source.kind in ("modern-cluster", "sub-cluster"):
        problems.extend(check_framework_name(source, markup, facts.framework))
    if markup is not None and source.kind in BODY_WORDS and markup.words < BODY_WORDS[source.kind]:
        problems.append(Problem(source.path, source.body_line, f"the text has {markup.words} words; a {source.kind} "
                                f"needs at least {BODY_WORDS[source.kind]}: {BODY_NEEDS[source.kind]}",
                                Severity.WARNING))
    if markup:
        problems.extend(check_links(source, markup, known.paths))
    return problems


BODY_WORDS = {"pathway": 200, "cluster": 120}
"""The shortest body of a pathway or cluster that says enough (see CONTRIBUTING.md)."""
BODY_NEEDS = {"pathway": "what people do each day, where they work, and how they move up from one step to the next",
              "cluster": "the kind of work, where people do it, and which interests and strengths suit it"}


OVERVIEW_WORDS = {"modern-cluster": 120, "sub-cluster": 60}
"""The shortest overview of a 2024 cluster or sub-cluster that says enough."""


def check_framework_name(source: Source, markup: Markup | None, framework: Framework | None) -> Iterator[Problem]:
    """A 2024 cluster or sub-cluster file names one in the framework by its official name, in the file named
    after it, and (for a sub-cluster) under the cluster the framework puts it in."""
    front = source.front
    title = front.data.get("title")
    if framework is None or not isinstance(title, str):
        return
    title = " ".join(title.split())
    clusters = [name for name, _ in framework.clusters]
    parents = framework.names
    official = clusters if source.kind == "modern-cluster" else list(parents)
    what = "cluster" if source.kind == "modern-cluster" else "sub-cluster"
    if title not in official:
        yield Problem(source.path, front.line_of("title"), f"'{title}' is not a {what} of the 2024 framework in "
                                                          f"data/modern-career-clusters.yml{suggest(title, official)}: "
                                                          "use its official name")
        return
    if source.slug != slugify(title):
        yield Problem(source.path, 1, f"the file for '{title}' must be named '{slugify(title)}.md'")
    if source.kind == "sub-cluster":
        cluster = front.data.get("cluster")
        parent = slugify(parents[title])
        if isinstance(cluster, str) and cluster.strip() != parent:
            yield Problem(source.path, front.line_of("cluster"), f"'{title}' belongs to the cluster "
                                                                f"'{parents[title]}': write 'cluster: {parent}'")
    if markup is not None and markup.words < OVERVIEW_WORDS[source.kind]:
        yield Problem(source.path, source.body_line, f"the overview has {markup.words} words; write at least "
                                                     f"{OVERVIEW_WORDS[source.kind]}", Severity.WARNING)


DESCRIPTION_WORDS = (50, 120)
"""An occupation's description should be long enough to say what the work is, and short enough to read at once."""


def check_occupation(source: Source, markup: Markup | None, facts: Facts) -> Iterator[Problem]:
    """An occupation file names an occupation in the data, and describes it at a readable length."""
    route = ROUTES["occupation"]
    if not re.fullmatch(route.name, source.slug):
        words = source.slug if not any(c.isalpha() for c in source.slug) else re.sub(r"[-_]", " ", source.slug)
        hint = suggest_occupation(words, facts.occupations, ".md")
        yield Problem(source.path, 1, f"invalid file name '{source.slug}.md': "
                                      + (f"name the file by its O*NET-SOC code{hint}" if hint else route.name_hint))
    elif source.slug not in facts.occupations:
        yield Problem(source.path, 1, f"'{source.slug}' is not an occupation in data/occupations.csv"
                                      f"{suggest_occupation(source.slug, facts.occupations)}: name the file by "
                                      "the occupation's O*NET-SOC code")
    if markup is not None:
        low, high = DESCRIPTION_WORDS
        if not low <= markup.words <= high * 5 // 4:
            yield Problem(source.path, source.body_line,
                          f"the description has {markup.words} words; write {low} to {high}", Severity.WARNING)


def suggest_occupation(code: str, occupations: Mapping[str, Occupation], suffix: str = "") -> str:
    """` (did you mean '29-1141.00', Registered Nurses?)` for the code `code` most likely means, or ''.
    `code` may be a code with a slip in it ('29-1151', '291141.00') or a job's title ('registered nurse').
    `suffix` follows the code: '.md' for a file name."""
    nearest = _occupation_meant(code.strip(), occupations)
    return f" (did you mean '{nearest}{suffix}', {occupations[nearest].title}?)" if nearest else ""


def _occupation_meant(text: str, occupations: Mapping[str, Occupation]) -> str | None:
    digits = re.fullmatch(r"(\d{2})-?(\d{4})(?:\.(\d{1,2}))?", text)
    if digits:
        code = f"{digits[1]}-{digits[2]}.{(digits[3] or '00').ljust(2, '0')}"
        if code in occupations:
            return code
    if not any(c.isalpha() for c in text):
        return closest(text, occupations)
    wanted = _title_words(text)
    titles = {code: _title_words(o.title) for code, o in occupations.items()}
    exact = [code for code, words in titles.items() if words == wanted]
    if exact:
        return exact[0]
    holding = [(-(occupations[code].employment or 0), len(occupations[code].title), code)
               for code, words in titles.items() if wanted and set(wanted) <= set(words)]
    if holding:
        return min(holding)[2]  # of the titles with every word, the job most people hold, then the shortest
    by_title = {o.title.casefold(): code for code, o in occupations.items()}
    close = difflib.get_close_matches(text.casefold(), list(by_title), n=1, cutoff=0.6)
    return by_title[close[0]] if close else None


def _title_words(title: str) -> tuple[str, ...]:
    """A title's words, lower-case and singular, for matching what an editor typed: 'Nurse Midwives' ->
    ('nurse', 'midwife')."""
    return tuple(_singular(w) for w in re.findall(r"[a-z]+", title.casefold()))


def _singular(word: str) -> str:
    """'nurses' -> 'nurse', 'midwives' -> 'midwife', 'secretaries' -> 'secretary': enough to match titles."""
    if word.endswith("ives"):
        return word[:-3] + "fe"
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith(("ches", "shes", "sses", "xes")):
        return word[:-2]
    if word.endswith("s") and not word.endswith("ss") and len(word) > 3:
        return word[:-1]
    return word


def check_placeholders(source: Source) -> Iterator[Problem]:
    """Warnings for scaffold text (`REPLACE ...`) an editor has not written over yet."""
    def walk(value: Any, path: tuple) -> Iterator[Problem]:
        if isinstance(value, dict):
            for key, item in value.items():
                yield from walk(item, path + (key,))
        elif isinstance(value, list):
            for index, item in enumerate(value):
                yield from walk(item, path + (index,))
        elif isinstance(value, str) and PLACEHOLDER in value:
            yield Problem(source.path, source.front.line_of(*path),
                          f"'{path[-1] if not isinstance(path[-1], int) else path[-2]}' still holds placeholder "
                          f"text from the new-file template: write your own", Severity.WARNING)
    yield from walk(source.front.data, ())
    for offset, line in enumerate(source.body.split("\n")):
        if PLACEHOLDER in line:
            yield Problem(source.path, source.body_line + offset,
                          "the text still holds placeholder text from the new-file template: write your own",
                          Severity.WARNING)


def check_fields(source: Source, schema: Field) -> Iterator[Problem]:
    """Schema problems: missing, unknown and wrongly typed fields."""
    yield from _check_object(source, source.front.data, schema, (), "")


def _check_object(source: Source, data: Any, schema: Field, path: tuple, where: str) -> Iterator[Problem]:
    front = source.front
    if not isinstance(data, dict):
        yield Problem(source.path, front.line_of(*path),
                      f"{where or 'front matter'} must be a set of 'field: value' lines")
        return
    names = schema.field_names
    for key in data:
        if key not in names:
            yield Problem(source.path, front.line_of(*path, key),
                          f"unknown field '{key}'{where and ' in ' + where}{suggest(key, names)}")
    for field in schema.fields:
        if field.name not in data:
            if field.required:
                yield Problem(source.path, front.line_of(*path), f"{where + ' is ' if where else ''}missing required "
                                                                 f"field '{field.name}'")
            continue
        yield from _check_value(source, data[field.name], field, path + (field.name,), where)


def item_label(name: str, index: int, item: Any, where: str = "") -> str:
    """How messages name one item of a list of objects: "ladder 'Nursing'", "step 2 of ladder 'Nursing'"."""
    title = item.get("title") if isinstance(item, dict) and name == "ladder" else None
    own = f"{name} '{' '.join(title.split())}'" if isinstance(title, str) and title.strip() else f"{name} {index + 1}"
    return f"{own} of {where}" if where else own


def _label(field: Field, where: str) -> str:
    return f"'{field.name}'" + (f" in {where}" if where else "")


def _check_value(source: Source, value: Any, field: Field, path: tuple, where: str) -> Iterator[Problem]:
    """Problems with one value. Its line is looked up only when there is one: most values have none."""
    label = _label(field, where)
    if field.kind == "list" and value not in (None, "", []):
        yield from _check_list(source, value, field, path, label, where)
        return
    messages = list(_value_messages(value, field, label))
    if messages:
        line = source.front.line_of(*path)
        for message in messages:
            yield Problem(source.path, line, message)


def _value_messages(value: Any, field: Field, label: str) -> Iterator[str]:
    """What is wrong with a text or whole-number value, or an empty one, in an editor's words."""
    if value is None or value == "" or value == []:
        if field.required:
            yield f"{label} is empty: give it a value"
        elif value is None:
            yield f"{label} has no value: give it one or remove the line"
    elif field.kind == "text":
        yield from _text_messages(value, field, label)
    elif field.kind == "integer":
        if isinstance(value, bool) or not isinstance(value, int):
            yield f"{label} must be a whole number, such as {field.example}"
        elif (field.minimum is not None and value < field.minimum) or \
                (field.maximum is not None and value > field.maximum):
            yield f"{label} must be between {field.minimum} and {field.maximum}"


def _text_messages(value: Any, field: Field, label: str) -> Iterator[str]:
    if isinstance(value, bool):
        yield f"{label} must be text, but YAML reads this value as {'true' if value else 'false'}: put it in quotes"
        return
    if isinstance(value, (int, float)):
        yield f"{label} must be text, but YAML reads this value as a number: put it in quotes"
        return
    if not isinstance(value, str):
        yield _not_text(value, label)
        return
    text = value.strip()
    if field.choices and text not in field.choices:
        hint = suggest(text, field.choices)
        meant = CHOICE_WORDS.get(" ".join(text.casefold().split()))
        if not hint and meant in field.choices:
            hint = f" (did you mean '{meant}'?)"
        yield f"{label} is '{text}'; it must be one of: {', '.join(field.choices)}{hint}"
    if field.pattern and not field.refers and not re.match(field.pattern, text):
        yield f"{label} '{text}' is not valid: {field.pattern_hint}"
    if field.max_length and len(text) > field.max_length:
        yield f"{label} is {len(text)} characters long; keep it under {field.max_length}"
    if "\n" in text:
        yield f"{label} must be on one line"


def _not_text(value: Any, label: str) -> str:
    """The message for a list or a set of fields where text belongs, with what the editor most likely meant."""
    if isinstance(value, dict):
        if len(value) == 1:
            (key, item), = value.items()
            if isinstance(key, (str, int, float)) and isinstance(item, (str, int, float)):
                text = f"{key}: {item}"
                return (f"{label} must be text, not a set of fields: in YAML, a colon followed by a space starts a "
                        f"field, so put the text in quotes: \"{text}\"")
        return f"{label} must be text, not a set of fields; if the text holds ': ', put it in quotes"
    if isinstance(value, list) and len(value) == 1 and isinstance(value[0], str):
        return (f"{label} must be text, not a list: remove the square brackets around '{value[0]}' "
                "(or, if the text itself starts with '[', put it in quotes)")
    return f"{label} must be text, not a list"


def _check_list(source: Source, value: Any, field: Field, path: tuple, label: str, where: str) -> Iterator[Problem]:
    line = source.front.line_of(*path)
    assert field.item is not None
    if not isinstance(value, list):
        written = str(value).strip() if isinstance(value, (str, int, float)) and not isinstance(value, bool) else ""
        example = [written] if written else field.example or ["..."]  # what was written, in brackets
        hint = f": write it as [{', '.join(map(str, example))}]" if field.item.kind == "text" else \
            ", each item starting with '- '"
        yield Problem(source.path, line, f"{label} must be a list{hint}")
        return
    if field.min_items is not None and len(value) < field.min_items:
        yield Problem(source.path, line, f"{label} needs at least {field.min_items} "
                                         f"{'item' if field.min_items == 1 else 'items'}; it has {len(value)}")
    if field.max_items is not None and len(value) > field.max_items:
        yield Problem(source.path, line, f"{label} allows at most {field.max_items} items; it has {len(value)}")
    seen: set[str] = set()
    for index, item in enumerate(value):
        item_path = path + (index,)
        if field.item.kind == "object":
            yield from _check_object(source, item, field.item, item_path, item_label(field.item.name, index, item, where))
            continue
        if isinstance(item, str):
            if item in seen:
                yield Problem(source.path, source.front.line_of(*item_path), f"{label} lists '{item}' twice")
            seen.add(item)
        yield from _check_value(source, item, field.item, item_path, "")


def check_duplicates(sources: Sequence[Source], age: Callable[[Source], Any] = lambda s: 0) -> Iterator[Problem]:
    """Two documents of one kind with the same title, or a page whose URL is taken.

    A duplicate is reported on the newer file, the one the editor just wrote: `age(source)` is smaller for
    older files (the builder gives files committed to git before the others, then by time of change)."""
    def title_of(source: Source) -> Any:
        title = source.front.data.get("title")
        return (source.kind, title.strip().casefold()) if isinstance(title, str) else None

    def order_of(source: Source) -> Any:
        order = source.front.data.get("order")
        return order if isinstance(order, int) and not isinstance(order, bool) else None

    for (kind, _), source, original in _newer_sharing(sources, title_of, age):
        yield Problem(source.path, source.front.line_of("title"),
                      f"duplicate {kind} title '{str(source.front.data['title']).strip()}': "
                      f"{original.path}:{original.front.line_of('title')} has it too; give this one "
                      f"its own title")
    for order, source, original in _newer_sharing([s for s in sources if s.kind == "cluster"], order_of, age):
        yield Problem(source.path, source.front.line_of("order"),
                      f"clusters {original.path}:{original.front.line_of('order')} and this one both have "
                      f"order {order}: give each cluster its own number, so that the list of clusters is in "
                      "the order you mean", Severity.WARNING)
    for source in sources:
        if source.kind == "page" and source.slug in RESERVED_PAGE_SLUGS:
            yield Problem(source.path, 1, f"the page name '{source.slug}' is used by the site itself; rename the file")


def _newer_sharing(sources: Sequence[Source], key: Callable[[Source], Any], age: Callable[[Source], Any]
                   ) -> Iterator[tuple[Any, Source, Source]]:
    """(key, source, the oldest source with that key) for each source whose `key` (None: none) another, older
    source shares: the files to report, each with the one it repeats."""
    groups: dict[Any, list[Source]] = {}
    for source in sources:
        found = key(source)
        if found is not None:
            groups.setdefault(found, []).append(source)
    for found, group in groups.items():
        if len(group) < 2:
            continue  # asking a file's age costs a look at the disk and at git's history
        original = min(group, key=lambda s: (age(s), s.path))
        for source in group:
            if source is not original:
                yield found, source, original


RESERVED_PAGE_SLUGS = RESERVED_SLUGS


def check_example_ladders(source: Source) -> Iterator[Problem]:
    """A warning for a ladder whose steps still hold the new-file template's example occupations, in order."""
    example = [[code] for _, code, _, _ in PLACEHOLDER_STEPS]
    ladders = source.front.data.get("ladders")
    for n, ladder in enumerate(ladders if isinstance(ladders, list) else []):
        steps = ladder.get("steps") if isinstance(ladder, dict) else None
        if isinstance(steps, list) and [s.get("occupations") if isinstance(s, dict) else None for s in steps] == example:
            yield Problem(source.path, source.front.line_of("ladders", n, "steps", 0, "occupations"),
                          f"ladder {n + 1} still holds the new-file template's example occupations "
                          f"({', '.join(code for [code] in example)}): choose the occupations of each step from "
                          "data/occupations.csv", Severity.WARNING)


def check_pathway(source: Source, clusters: AbstractSet[str], pathways: AbstractSet[str],
                  facts: Facts) -> Iterator[Problem]:
    """Cross-references and ladder order in one pathway; data disagreements as warnings."""
    data, front = source.front.data, source.front
    yield from check_example_ladders(source)
    cluster = data.get("cluster")
    if isinstance(cluster, str) and cluster and cluster not in clusters:
        yield Problem(source.path, front.line_of("cluster"), f"unknown cluster '{cluster}'{suggest(cluster, clusters)}")
    related = data.get("related")
    if isinstance(related, list):
        for index, slug in enumerate(related):
            if not isinstance(slug, str):
                continue
            line = front.line_of("related", index)
            if slug == source.slug:
                yield Problem(source.path, line, "a pathway cannot be related to itself")
            elif slug not in pathways:
                yield Problem(source.path, line, f"unknown related pathway '{slug}'{suggest(slug, pathways)}")
    ladders = data.get("ladders")
    if not isinstance(ladders, list):
        return
    titles: dict[str, int] = {}
    for number, ladder in enumerate(ladders):
        if not isinstance(ladder, dict):
            continue
        title = ladder.get("title")
        if isinstance(title, str) and title.strip():
            key = " ".join(title.split()).casefold()
            if key in titles:
                yield Problem(source.path, front.line_of("ladders", number, "title"),
                              f"two ladders are called '{' '.join(title.split())}' (the other is at line "
                              f"{titles[key]}): give each ladder its own title")
            titles.setdefault(key, front.line_of("ladders", number, "title"))
        yield from check_ladder(source, number, ladder, facts)


def check_ladder(source: Source, number: int, ladder: Mapping[str, Any], facts: Facts) -> Iterator[Problem]:
    """One ladder: stage order, occupation codes, and each step against the data and the step before it."""
    steps = ladder.get("steps")
    if not isinstance(steps, list):
        return
    where = item_label("ladder", number, ladder)
    previous_rank, previous = -1, None
    for index, step in enumerate(steps):
        if not isinstance(step, dict):
            continue
        at = LadderStep(source, ("ladders", number, "steps", index), f"step {index + 1} of {where}", step)
        stage = step.get("stage")
        if stage in STAGES:
            rank = STAGES.index(stage)
            if rank < previous_rank:
                yield at.problem("stage", f"{at.label} goes back to stage '{stage}' after '{STAGES[previous_rank]}': "
                                          f"order steps {' -> '.join(STAGES)}")
            previous_rank = max(previous_rank, rank)
        codes = step.get("occupations")
        if isinstance(codes, list):
            for position, code in enumerate(codes):
                if not isinstance(code, str):
                    continue  # reported by the schema check
                if not re.match(OCCUPATION_PATTERN, code):
                    yield Problem(source.path, source.front.line_of(*at.path, "occupations", position),
                                  f"'occupation' '{code}' is not valid: an O*NET-SOC code looks like '29-1141.00'"
                                  f"{suggest_occupation(code, facts.occupations)}")
                elif code not in facts.occupations:
                    yield Problem(source.path, source.front.line_of(*at.path, "occupations", position),
                                  f"occupation '{code}' is not in data/occupations.csv"
                                  f"{suggest_occupation(code, facts.occupations)}")
        yield from check_step_against_data(at, facts.occupations)
        yield from check_credentials(at, facts.credentials)
        yield from check_split_items(at)
        yield from check_group_figures(at, facts.occupations)
        if previous is not None:
            yield from check_climb(previous, at, facts)
        previous = at


@dataclass(frozen=True)
class LadderStep:
    """One step of a ladder as written, with where it is, for messages."""

    source: Source
    path: tuple
    label: str  # "step 2 of ladder 'Nursing'"
    data: Mapping[str, Any]

    def problem(self, key: str, message: str, severity: Severity = Severity.ERROR) -> Problem:
        return Problem(self.source.path, self.source.front.line_of(*self.path, key), message, severity)

    def warn(self, key: str, message: str) -> Problem:
        return self.problem(key, message, Severity.WARNING)

    def occupations(self, occupations: Mapping[str, Occupation]) -> list[Occupation]:
        codes = self.data.get("occupations")
        return [occupations[c] for c in codes if isinstance(c, str) and c in occupations] \
            if isinstance(codes, list) else []

    @property
    def number(self) -> int:
        return self.path[-1] + 1


PAY_FALL_LIMIT = 0.05
"""A step up may pay at most this much less than the step before (medians move a little between jobs)."""


def check_climb(lower: LadderStep, upper: LadderStep, facts: Facts) -> Iterator[Problem]:
    """Warnings where a step is not a real step up from the one before: it pays less, or nothing connects them."""
    below, above = lower.occupations(facts.occupations), upper.occupations(facts.occupations)
    if not below or not above:
        return
    pay_below, pay_above = typical_pay(below).median, typical_pay(above).median
    if pay_below and pay_above and pay_above < pay_below * (1 - PAY_FALL_LIMIT):
        fall = round(100 * (pay_below - pay_above) / pay_below)
        yield upper.warn("occupations", f"{upper.label} pays less than the step before it (median ${pay_above:,} "
                                        f"against ${pay_below:,}, {fall}% less): a step up should not pay less; "
                                        "reorder the steps, choose other occupations or put them on separate ladders")
    if not any(family(a.soc_code) == family(b.soc_code) or facts.are_related(a.code, b.code)
               for a in below for b in above):
        yield upper.warn("occupations", f"{upper.label} has no occupation in the same family as step {lower.number}'s, "
                                        "and O*NET lists none of them as related: check that people really move "
                                        "from one to the other, or put them on separate ladders")


def family(soc_code: str) -> str:
    """An occupation's family: its SOC minor group, such as '29-1' (health diagnosing and treating practitioners)."""
    return soc_code[:4]


def check_credentials(at: LadderStep, rules: Sequence[CredentialRule]) -> Iterator[Problem]:
    """Warnings for a credential that takes years of work, on a step whose experience says none."""
    credentials = at.data.get("credentials")
    experience = at.data.get("experience")
    if not isinstance(credentials, list) or not isinstance(experience, str) or not says_no_experience(experience):
        return
    for credential in credentials:
        if not isinstance(credential, str):
            continue
        rule = next((r for r in rules if r.matches(credential)), None)
        if rule is not None:
            yield at.warn("experience", f"{at.label} lists '{' '.join(credential.split())}', which takes {rule.needs}, "
                                        f"but its experience says '{' '.join(experience.split())}': say how much "
                                        "experience it takes")


def check_split_items(at: LadderStep) -> Iterator[Problem]:
    """Warnings for a credential or skill that starts in lower case after the first: in `[a, b]` a comma inside an
    item ends it, so "[Designing roads, bridges and water systems, Estimating costs]" is three items, the second
    'bridges and water systems'."""
    for key in ("credentials", "skills"):
        items = at.data.get(key)
        if not isinstance(items, list):
            continue
        for position, item in enumerate(items[1:], 1):
            if isinstance(item, str) and item.split() and item.split()[0].islower():
                yield Problem(at.source.path, at.source.front.line_of(*at.path, key, position),
                              f"{key} item {position + 1} of {at.label} starts in lower case ('{' '.join(item.split())}')"
                              ": a comma inside an item ends it, so if it belongs to the item before, put that whole "
                              f"item in quotes, such as [\"Designing roads, bridges and water systems\", Estimating costs]",
                              Severity.WARNING)


def says_no_experience(text: str) -> bool:
    """Whether a step's experience says none is needed, without naming years or hours for anything."""
    words = text.strip().casefold()
    return words.startswith(("none", "no ")) and not re.search(r"\d|year|hour|month", words)


def check_group_figures(at: LadderStep, occupations: Mapping[str, Occupation]) -> Iterator[Problem]:
    """A warning where a step's pay rests on figures for a broader group and the step does not say so, or where
    a step explains pay it does not show."""
    found = at.occupations(occupations)
    note = at.data.get("pay_note")
    pay = typical_pay(found)
    if found and not pay.is_published and isinstance(note, str) and note.strip():
        yield at.warn("pay_note", f"{at.label} has a 'pay_note', but no pay is published for its occupations, so "
                                  "the site shows none: remove the pay_note")
    if not pay.grouped or (isinstance(note, str) and note.strip()):
        return
    groups = sorted({o.figures_group for o in found if o.figures in (FIGURES_GROUP, FIGURES_SPECIALTY)})
    yield at.warn("occupations", f"the pay of {at.label} is published only for the broader "
                                 f"{'group' if len(groups) == 1 else 'groups'} {' and '.join(map(repr, groups))}: "
                                 f"say so in a 'pay_note', such as pay_note: \"Pay is for all {groups[0].lower()} "
                                 "together.\"")


def education_level(text: str) -> int | None:
    """The schooling level a step's `education` names first, or None."""
    match = _ANY_EDUCATION.search(text)
    return int(match.lastgroup[1:]) if match and match.lastgroup else None


def education_range(text: str) -> tuple[int, int] | None:
    """The lowest and highest schooling levels a step's `education` names, or None if it names none:
    "High school diploma; many have a bachelor's degree" is (1, 4)."""
    levels = [int(m.lastgroup[1:]) for m in _ANY_EDUCATION.finditer(text) if m.lastgroup]
    return (min(levels), max(levels)) if levels else None


def check_step_against_data(at: LadderStep, occupations: Mapping[str, Occupation]) -> Iterator[Problem]:
    """Warnings where a step's stage, education or experience disagrees with its occupations."""
    stage = at.data.get("stage")
    found = at.occupations(occupations)
    label = at.label
    for occupation in found:
        name = f"{occupation.title} ({occupation.code})"
        if stage == "entry" and occupation.job_zone == 5:
            yield at.warn("occupations", f"{label} is entry level, but {name} is Job Zone 5 (extensive preparation): "
                                         "move it to a later step")
        if stage in STAGES[1:] and occupation.job_zone == 1:
            yield at.warn("occupations", f"{label} is at stage '{stage}', but {name} is Job Zone 1 "
                                         "(little or no preparation): move it to the entry step")
        if stage == "entry" and occupation.experience == "5 years or more":
            yield at.warn("occupations", f"{label} is entry level, but {name} typically needs 5 years or more of "
                                         "related experience: move it to a later step")
    education = at.data.get("education")
    if not isinstance(education, str) or not education.strip():
        return
    stated = education_range(education)
    if stated is None:
        yield at.warn("education", f"the education of {label} does not name a level of schooling: start it with one, "
                                   "such as \"High school diploma\", \"Postsecondary certificate\", "
                                   "\"Associate's degree\" or \"Bachelor's degree\"")
        return
    low, high = stated
    named = LEVEL_NAMES[low] if low == high else f"{LEVEL_NAMES[low]} to {LEVEL_NAMES[high]}"
    for occupation in found:
        level = occupation.education_level
        # A step may honestly name a range ("High school diploma; many have a bachelor's degree"): the data's
        # typical level for entering the job must lie in it, or next to it.
        if level is not None and (level <= low - 2 or level >= high + 2):
            range_hint = (f"; if both are true, name both, such as \"{_LEVEL_PHRASES[min(level, low)]}; many have "
                          f"{LEVEL_NAMES[max(level, high)]}\"")
            yield at.warn("education", f"the education of {label} names {named}, but {occupation.title} "
                                       f"({occupation.code}) typically needs {LEVEL_NAMES[level]} to enter: "
                                       f"change the education or the occupation{range_hint}")


def check_links(source: Source, markup: Markup, known: AbstractSet[str]) -> Iterator[Problem]:
    """Links in the body to content files that do not exist; `known` holds every content path."""
    for target, line in markup.links:
        if target not in known or content_url(target) is None:
            yield Problem(source.path, line, f"link to '{target}', which does not exist"
                                             f"{_suggest_link(target, source.path, known)}")


def _suggest_link(target: str, source: str, known: AbstractSet[str]) -> str:
    """` (did you mean 'x'?)` with the link, from `source`'s folder, to the file `target` most likely meant:
    the closest name, in the folder the link points to if it is there too; or ''."""
    folder, _, name = target.rpartition("/")
    by_name: dict[str, list[str]] = {}
    for path in known:
        by_name.setdefault(path.rpartition("/")[2], []).append(path)
    meant = closest(name, by_name)
    if meant is None:
        return ""
    paths = sorted(by_name[meant], key=lambda p: (p.rpartition("/")[0] != folder, p))
    there, _, file = paths[0].rpartition("/")
    here = source.rpartition("/")[0]
    link = file if there == here else f"../{there.rpartition('/')[2]}/{file}"
    return f" (did you mean '{link}'?)"
