"""Occupation profiles: what O*NET, BLS and Advance CTE say about each occupation beyond its figures.

Skills and knowledge (with plain explanations from data/skill-descriptions.yml), interest scores, work
values, technology, the titles people use, programs of study, the 2024 Career Clusters, pay by state, and
the jobs that need the most similar skills ("transferable skills"). Everything is read from data/ into
frozen records once per build; a missing file means that part is simply not shown, a malformed one is
reported at its line.
"""

from __future__ import annotations

import csv
import heapq
import itertools
import math
import operator
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable, Iterator, Mapping, Sequence

from .data import FIGURES_CATCH_ALL, FIGURES_OWN, Occupation
from .problems import ContentError, Problem
from .routes import url_for

SKILLS_FILE, KNOWLEDGE_FILE = "occupation-skills.csv", "occupation-knowledge.csv"
RATING_FILES = (SKILLS_FILE, KNOWLEDGE_FILE)
"""O*NET's ratings of each occupation's skills and of its knowledge areas."""
IMPORTANT = 3.0
"""Skills and knowledge rated at least this important (of 5) are the ones that matter for a job."""
TECHNOLOGY_LIMIT = 16
ALTERNATE_TITLES = 10
"""How many of an occupation's alternate titles search knows it by, shortest first."""
TITLE_LIMIT = 5
PROGRAM_LIMIT = 12
"""How many programs of study an occupation's page lists: those that prepare for the fewest other jobs."""
RESIDENCIES = ("60.", "61.")
"""CIP series of residencies and fellowships, taken after a degree (a nurse practitioner's, a surgeon's): each
prepares for few jobs, but none starts a career, so an occupation's degree programs come before them."""
NO_MATCH_CIP = "99.9999"
"""The crosswalk's code for 'NO MATCH': no program of study prepares for the occupation."""
SIMILAR_LIMIT = 6
SIMILAR_FLOOR = 0.6
"""A job counts as sharing its skills with another when their skill profiles correlate at least this well."""


@dataclass(frozen=True)
class Rating:
    """A skill or knowledge area and how much a job needs it."""

    name: str
    about: str  # a plain explanation of the name
    importance: float  # 1 to 5
    level: float  # 0 to 7


@dataclass(frozen=True)
class Technology:
    name: str
    category: str
    hot: bool  # O*NET's "hot technology": often asked for in job postings (those asked for in this job's first)
    in_demand: bool = False  # asked for in this job's own postings
    product: str = ""  # the words of the name that name the product, which search finds it by (`product_words`)


@dataclass(frozen=True)
class Program:
    code: str  # CIP 2020, such as '51.3801'
    title: str


@dataclass(frozen=True)
class ModernPlace:
    """Where an occupation sits in the 2024 National Career Clusters Framework."""

    cluster: str
    sub_cluster: str


@dataclass(frozen=True)
class Similar:
    code: str
    match: int  # percent: how closely the two skill profiles correlate


@dataclass(frozen=True)
class Profile:
    skills: tuple[Rating, ...] = ()  # the important ones, strongest first
    knowledge: tuple[Rating, ...] = ()
    rated: bool = False  # O*NET has surveyed the job's skills and knowledge
    technology: tuple[Technology, ...] = ()  # hot technologies first
    technology_total: int = 0
    titles: tuple[str, ...] = ()  # a few titles people use, for the page
    names: tuple[tuple[str, int], ...] = ()  # every title O*NET lists, for search: (title, how common, 0-2)
    programs: tuple[Program, ...] = ()  # every program that prepares for it: residencies last, else most focused first
    modern: tuple[ModernPlace, ...] = ()
    similar: tuple[Similar, ...] = ()
    clusters: tuple[str, ...] = ()  # the 16 career clusters O*NET lists it under, by their official names
    interest_scores: tuple[float, ...] | None = None  # O*NET's 1-7 scores in RIASEC order; None if not surveyed
    work_values: tuple[float, ...] | None = None  # O*NET's 1-7 scores in `WORK_VALUES` order; None if not rated
    skill_ratings: tuple[tuple[float, float], ...] = ()  # (importance, level) of every skill, in `skill_names` order

    @property
    def programs_shown(self) -> tuple[Program, ...]:
        """The programs its page lists: all of them, or the `PROGRAM_LIMIT` most focused on it; by code, so
        that programs of one field stand together."""
        return tuple(sorted(self.programs[:PROGRAM_LIMIT], key=lambda program: program.code))

    @property
    def residencies_last(self) -> bool:
        """Whether the page leaves out residencies, which come after the programs that start a career."""
        return any(map(is_residency, self.programs[PROGRAM_LIMIT:]))

    def ranked_values(self) -> tuple[tuple[WorkValue, float], ...]:
        """The six work values with this job's scores, highest first (ties in `WORK_VALUES` order); none if
        O*NET has not rated them."""
        if self.work_values is None:
            return ()
        return tuple(sorted(zip(WORK_VALUES, self.work_values), key=lambda pair: -pair[1]))


STATE_FIELDS = ("employment", "p10", "median", "p90", "hourly")


@dataclass(frozen=True, eq=False)
class Profiles:
    """Every occupation's profile, and pay by state. Compared by identity: read once per set of files."""

    by_code: Mapping[str, Profile]
    states: tuple[str, ...] = ()
    state_pay: Mapping[str, Mapping[str, str]] = field(default_factory=dict)
    """State -> SOC code -> its figures as a JSON array: [employment, 10th percentile, median, 90th percentile,
    hourly median], null where BLS publishes none."""
    average_growth: float | None = None  # percent, all occupations, weighted by employment
    skill_names: tuple[str, ...] = ()  # O*NET's 35 skills, in the order of occupation-skills.csv
    skill_about: Mapping[str, str] = field(default_factory=dict)  # skill name -> its plain explanation

    def of(self, code: str) -> Profile:
        return self.by_code.get(code, EMPTY)


EMPTY = Profile()


def load_profiles(data: Path, occupations: Mapping[str, Occupation], shown: Any) -> Profiles:
    """Everything in `data` about the occupations; `shown(path)` gives a path as editors see it.
    Raises ContentError naming every malformed row."""
    problems: list[Problem] = []
    about = _descriptions(data / "skill-descriptions.yml", shown, problems)
    skills = _ratings(data / SKILLS_FILE, shown, about.get("skills", {}), problems)
    knowledge = _ratings(data / KNOWLEDGE_FILE, shown, about.get("knowledge", {}), problems)
    technology = _grouped(data / "technology-skills.csv", shown, ("onet_soc_code", "example", "category",
                                                                   "hot_technology", "in_demand"), problems)
    titles = _grouped(data / "occupation-titles.csv", shown, ("onet_soc_code", "job_title", "source",
                                                               "in_my_next_move"), problems)
    programs = _grouped(data / "soc-cip.csv", shown, ("soc_code", "cip_code", "cip_title"), problems)
    focus = _focus(programs)
    modern = _grouped(data / "soc-modern-clusters.csv", shown, ("soc_code", "cluster", "sub_cluster"), problems)
    states, pay = _state_pay(data / "state-wages.csv", shown, problems)
    similar = _similar(data / TRANSFERABLE_FILE, shown, problems)  # see `transferable`
    listed = _grouped(data / "career-pathway-occupations.csv", shown, ("onet_soc_code", "cluster"), problems)
    interests = load_interest_scores(data / INTERESTS_FILE, shown, occupations, problems)
    values = load_work_values(data / WORK_VALUES_FILE, shown, occupations, problems)
    if problems:
        raise ContentError(problems)
    products = product_words({row[1] for rows in technology.values() for row in rows},
                             (row[1] for rows in titles.values() for row in rows))
    by_code = {}
    for code, occupation in occupations.items():
        rated_skills, rated_knowledge = skills.get(code), knowledge.get(code)
        tech = technology.get(code, [])
        ordered = sorted({(demand != "yes", hot != "yes", name.casefold(), name, category)
                          for _, name, category, hot, demand in tech})
        by_code[code] = Profile(
            skills=_important(rated_skills), knowledge=_important(rated_knowledge),
            rated=rated_skills is not None,
            technology=tuple(Technology(name, category, not cold, not rare, products.get(name, ""))
                             for rare, cold, _, name, category in itertools.islice(ordered, TECHNOLOGY_LIMIT)),
            technology_total=len(ordered),
            titles=_titles(occupation, titles.get(code, [])),
            names=_names(occupation, titles.get(code, [])),
            programs=tuple(sorted({Program(cip, title) for _, cip, title in programs.get(occupation.soc_code, [])
                                   if cip != NO_MATCH_CIP},
                                  key=lambda p: (is_residency(p), focus[p.code], p.code))),
            modern=tuple(sorted({ModernPlace(cluster, sub) for _, cluster, sub in modern.get(occupation.soc_code, [])},
                                key=lambda m: (m.cluster, m.sub_cluster))),
            similar=similar.get(code, ()),
            clusters=tuple(sorted({official_cluster(cluster) for _, cluster in listed.get(code, [])})),
            interest_scores=interests.get(code),
            work_values=values.get(code),
            skill_ratings=tuple(map(_IMPORTANCE_AND_LEVEL, rated_skills or ())))
    names = next((tuple(r[0] for r in ratings) for ratings in skills.values()), ())
    return Profiles(by_code=by_code, states=states, state_pay=pay, average_growth=average_growth(occupations),
                    skill_names=names, skill_about=dict(about.get("skills", {})))


def rating_names(data: Path) -> frozenset[str]:
    """The names of O*NET's skills and knowledge areas, from the first line of each file of ratings; none if
    neither exists. Cheap: what names search may use (`strengths:` of data/search-words.yml), without reading
    the ratings."""
    names: set[str] = set()
    for name in RATING_FILES:
        try:
            with (data / name).open(newline="", encoding="utf-8") as handle:
                header = next(csv.reader(handle), [])
        except OSError:
            continue
        names.update(column[:-5] for column in header if column.endswith(" (IM)"))
    return frozenset(names)


INTERESTS_FILE = "occupation-interests.csv"
INTEREST_COLUMNS = ("onet_soc_code", "Realistic (OI)", "Investigative (OI)", "Artistic (OI)", "Social (OI)",
                    "Enterprising (OI)", "Conventional (OI)")
"""O*NET's interest scores (1-7) of each occupation, one column per RIASEC area, in RIASEC order."""


def load_interest_scores(path: Path, shown: Any, occupations: Mapping[str, Occupation],
                         problems: list[Problem]) -> dict[str, tuple[float, ...]]:
    """Each occupation's six interest scores (1 to 7), in RIASEC order; none for a missing file. Bad rows are
    added to `problems` at their line. Codes not in `occupations` are skipped, as in the other profile files
    (a site may carry only some of the occupations)."""
    return _scores(path, shown, INTEREST_COLUMNS, occupations, problems)


WORK_VALUES_FILE = "occupation-work-values.csv"


@dataclass(frozen=True)
class WorkValue:
    """One of O*NET's six work values: what a job can offer the people who care about it."""

    slug: str  # its name in the address: 'working-conditions'
    name: str
    offers: str  # what a job that rates high on it offers, in plain words
    column: str  # its column in occupation-work-values.csv

    @property
    def url(self) -> str:
        """Site-relative URL of its page, which lists the jobs that offer it."""
        return url_for("value", self.slug)

    @property
    def about(self) -> str:
        """What its page is, in a sentence: for lists, search results and the page's description."""
        return f"Jobs that offer {self.offers}."


WORK_VALUES = (
    WorkValue("achievement", "Achievement", "work that uses your best abilities and gives results you can see",
              "Achievement (EX)"),
    WorkValue("independence", "Independence",
              "the chance to try your own ideas, work on your own and make decisions", "Independence (EX)"),
    WorkValue("recognition", "Recognition", "chances to move up, lead others and be respected for your work",
              "Recognition (EX)"),
    WorkValue("relationships", "Relationships", "the chance to help people and work with friendly co-workers, "
              "without doing anything you feel is wrong", "Relationships (EX)"),
    WorkValue("support", "Support", "bosses who back their workers and treat them fairly", "Support (EX)"),
    WorkValue("working-conditions", "Working conditions", "a steady job with good pay and conditions for the work",
              "Working Conditions (EX)"),
)
"""O*NET's six work values, in the order the site shows them; `offers` is the project's own plain wording."""

HIGH_VALUE = 6.0
"""A job 'offers' a work value when O*NET rates it at least this high (of 7): the lists of
`explore/values/<slug>/`."""


def load_work_values(path: Path, shown: Any, occupations: Mapping[str, Occupation],
                     problems: list[Problem]) -> dict[str, tuple[float, ...]]:
    """Each occupation's six work value scores (1 to 7), in `WORK_VALUES` order; none for a missing file. Bad
    rows are added to `problems` at their line, as for the interest scores."""
    return _scores(path, shown, ("onet_soc_code",) + tuple(v.column for v in WORK_VALUES), occupations, problems)


def _scores(path: Path, shown: Any, columns: Sequence[str], occupations: Mapping[str, Occupation],
            problems: list[Problem]) -> dict[str, tuple[float, ...]]:
    """Each occupation's scores of 1 to 7 in `columns` after the first (its code), in that order."""
    found: dict[str, tuple[float, ...]] = {}
    for line, row in _rows(path, shown, columns, problems):
        code = row[0].strip()
        if code not in occupations:
            continue
        if code in found:
            problems.append(Problem(shown(path), line, f"occupation {code} is listed twice"))
            continue
        scores = []
        for column, text in zip(columns[1:], row[1:]):
            try:
                value = float(text)
            except ValueError:
                value = math.nan
            if not 1 <= value <= 7:
                problems.append(Problem(shown(path), line, f"'{column}' is '{text.strip()}': a score must be a "
                                                           "number from 1 to 7"))
                break
            scores.append(value)
        else:
            found[code] = tuple(scores)
    return found


def official_cluster(name: str) -> str:
    """A cluster name as O*NET OnLine spells it, in the framework's official spelling."""
    name = " ".join(name.split()).replace("Audio/Video", "A/V")
    return name.replace(" and ", " & ") if name.count(" and ") == 1 and "&" not in name else name


def average_growth(occupations: Mapping[str, Occupation]) -> float | None:
    """Projected growth of all occupations together, in percent: each published occupation's growth
    weighted by its employment (one row per SOC code, catch-all groups included, as BLS counts them)."""
    total = weighted = 0.0
    for occupation in occupations.values():
        if occupation.code.endswith(".00") and occupation.employment and occupation.growth_pct is not None \
                and occupation.figures in (FIGURES_OWN, FIGURES_CATCH_ALL):
            total += occupation.employment
            weighted += occupation.employment * occupation.growth_pct
    return round(weighted / total, 1) if total else None


TRANSFERABLE_FILE = "transferable-skills.csv"
TRANSFERABLE_COLUMNS = ("onet_soc_code", "similar_onet_soc_code", "match")


def _similar(path: Path, shown: Any, problems: list[Problem]) -> dict[str, tuple[Similar, ...]]:
    found: dict[str, list[Similar]] = {}
    for line, (code, other, match) in _rows(path, shown, TRANSFERABLE_COLUMNS, problems):
        if not match.isdigit():
            problems.append(Problem(shown(path), line, f"match '{match}' is not a whole number"))
            continue
        found.setdefault(code, []).append(Similar(other, int(match)))
    return {code: tuple(items) for code, items in found.items()}


def write_transferable(data: Path) -> Path:
    """Work out every occupation's transferable-skill matches from the data files (see `transferable`) and
    write them to data/transferable-skills.csv, which the build reads. Run after refreshing the skills data:
    `python -m engine.profiles`."""
    from .data import load_occupations
    occupations = load_occupations(data / "occupations.csv", "data/occupations.csv",
                                   data / "broad-group-wages.csv", "data/broad-group-wages.csv")
    problems: list[Problem] = []
    skills = _ratings(data / SKILLS_FILE, str, {}, problems)
    knowledge = _ratings(data / KNOWLEDGE_FILE, str, {}, problems)
    if problems:
        raise ContentError(problems)
    both = {code: ratings + knowledge[code] for code, ratings in skills.items() if code in knowledge}
    path = data / TRANSFERABLE_FILE
    with path.open("w", newline="", encoding="utf-8") as handle:
        out = csv.writer(handle, lineterminator="\n")
        out.writerow(TRANSFERABLE_COLUMNS)
        for code, matches in sorted(transferable(occupations, both).items()):
            out.writerows((code, m.code, m.match) for m in matches)
    return path


def transferable(occupations: Mapping[str, Occupation],
                 skills: Mapping[str, Sequence[tuple[str, float, float, str]]]) -> dict[str, tuple[Similar, ...]]:
    """For each occupation, the others whose skill needs are most alike: the correlation of the two jobs'
    importance ratings of O*NET's 35 skills and 33 knowledge areas, after taking away each rating's average
    over all jobs (so that what every job needs does not make every pair look alike). Specialties of the same job are left out, and
    so are matches below `SIMILAR_FLOOR` and jobs that take much more preparation (two Job Zones or more
    above this one), which are not a realistic next move."""
    codes = sorted(c for c in skills if c in occupations)
    if not codes:
        return {}
    vectors = [[rating[1] for rating in skills[c]] for c in codes]
    width = len(vectors[0])
    means = [sum(v[i] for v in vectors) / len(vectors) for i in range(width)]
    units = []
    for vector in vectors:
        centred = [x - m for x, m in zip(vector, means)]
        norm = math.sqrt(sum(x * x for x in centred)) or 1.0
        units.append([x / norm for x in centred])
    soc = [occupations[c].soc_code for c in codes]
    zone = [occupations[c].job_zone for c in codes]
    best: dict[str, list[tuple[float, str]]] = {c: [] for c in codes}
    for i, a in enumerate(units):
        for j in range(i + 1, len(units)):
            if soc[i] == soc[j]:
                continue
            score = sum(map(float.__mul__, a, units[j]))
            if score >= SIMILAR_FLOOR:
                if not (zone[i] and zone[j] and zone[j] >= zone[i] + 2):
                    best[codes[i]].append((score, codes[j]))
                if not (zone[i] and zone[j] and zone[i] >= zone[j] + 2):
                    best[codes[j]].append((score, codes[i]))
    return {code: tuple(Similar(other, round(100 * score)) for score, other in
                        sorted(found, key=lambda pair: (-pair[0], pair[1]))[:SIMILAR_LIMIT])
            for code, found in best.items() if found}


_IMPORTANCE_AND_LEVEL = operator.itemgetter(1, 2)


def _important(ratings: Sequence[tuple[str, float, float, str]] | None) -> tuple[Rating, ...]:
    """The ratings of at least `IMPORTANT` importance, most important first."""
    chosen = sorted((r for r in ratings or () if r[1] >= IMPORTANT), key=lambda r: (-r[1], r[0]))
    return tuple(Rating(name, about, importance, level) for name, importance, level, about in chosen)


def _titles(occupation: Occupation, rows: Sequence[Sequence[str]]) -> tuple[str, ...]:
    """A few titles people use for the job: those My Next Move shows, then reported and short ones."""
    rank = {"reported": 1, "short": 2}
    chosen: list[str] = []
    seen = _said(occupation.title)
    common = [row for row in rows if row[2] in rank]  # a few of the many: sorted alone
    for _, job_title, source, in_my_next_move in sorted(common, key=lambda r: (r[3] != "yes", rank[r[2]])):
        title = " ".join(job_title.split())
        matched = _SHORT_FORM_RE.fullmatch(title)
        # 'Occupational Therapist (OT)' beside the title 'Occupational Therapists' is given as 'OT'
        for name in (title,) + (matched.groups() if matched else ()):
            said = _said(name)
            if not said & seen:
                seen |= said
                chosen.append(name)
                break
        if len(chosen) == TITLE_LIMIT:
            break
    return tuple(chosen)


_SHORT_FORM_RE = re.compile(r"(.+?)\s*\((.+)\)")


def _said(title: str) -> set[str]:
    """The names a title says, each in one and many: 'Human Resources Director (HR Director)' says 'human resources
    director', 'hr director' and their plurals. A title that says a name the page has already given adds nothing:
    'Facilities Manager' beside the title 'Facilities Managers', 'HR Director' after the title above."""
    matched = _SHORT_FORM_RE.fullmatch(title)
    names = (matched.group(1), matched.group(2)) if matched else (title,)
    said = set()
    for name in (name.casefold() for name in names):
        said.add(name)
        if name.endswith("ies"):
            said.add(name[:-3] + "y")
        elif name.endswith("s"):
            said.add(name[:-1])
        else:
            said.add(name + "s")
    return said


MAKER_NAMES = 3
"""A first word that begins this many technologies' names is a maker's ('Microsoft', 'Adobe', 'Apache')."""
IN_TITLES = 3
"""A product word used this many times in job titles (singular or plural) is an everyday word ('Teams',
'Windows'), or one search already finds the jobs by ('Java Developer'), unless it is written like a name
('AutoCAD', 'SQL', '3D')."""


def product_words(names: set[str], job_titles: Iterable[str]) -> dict[str, str]:
    """Each technology's name cut to the words that name the product, which search finds it by: 'Microsoft
    Excel' -> 'Excel', 'Structured query language SQL' -> 'SQL', 'Autodesk AutoCAD Civil 3D' -> 'AutoCAD 3D'.

    O*NET writes the words that describe a technology in lower case ('language', 'software'), so the first word
    and those with a capital are kept. Of those, a maker's name leading the name goes ('Microsoft'); of the rest
    the last word stays, with any written like a name (`_named`: 'AutoCAD', 'SQL', 'C++'). A last word used in
    several job titles goes too (`IN_TITLES`): 'Microsoft Teams' would make every office worker match 'teams'.
    What is left may be nothing ('Microsoft Edge')."""
    makers = Counter(name.split()[0] for name in names if " " in name)
    titled = Counter(_WORDS_RE.findall("\n".join(job_titles).lower()))
    found = {}
    for name in names:
        words = name.split()
        words = words[:1] + [word for word in words[1:] if not word.islower()]
        if len(words) > 1 and makers[words[0]] >= MAKER_NAMES:
            words = words[1:]
        found[name] = " ".join(word for at, word in enumerate(words)
                               if _named(word) or (at == len(words) - 1 and not _titled(word.lower(), titled)))
    return found


def _named(word: str) -> bool:
    """Whether a word is written like a product's name, with two capitals or digits or with a sign inside or
    after it: 'AutoCAD', 'SQL', '3D', 'C++', 'Node.js' (not 'Python')."""
    return sum(c.isupper() or c.isdigit() for c in word) >= 2 or (len(word) > 1 and not word.isalnum()
                                                                    and not word.strip("+#.").islower())


def _titled(word: str, titled: Counter) -> bool:
    """Whether a word is used `IN_TITLES` times or more in job titles, as it is or in the plural ('window',
    'windows')."""
    other = word[:-1] if word.endswith("s") else word + "s"
    return titled[word] + titled[other] >= IN_TITLES


_WORDS_RE = re.compile(r"[a-z0-9]+")


def _names(occupation: Occupation, rows: Sequence[Sequence[str]]) -> tuple[tuple[str, int], ...]:
    """The titles O*NET lists for the job, each once, with how commonly it is used: 2 for a title My Next Move
    shows, 1 for one reported by workers or a short form, 0 for one of the many alternates (only the
    `ALTERNATE_TITLES` shortest, which are the ones people type: 'Cop', not 'Traffic Enforcement Officer').
    Most common first, then shorter ones."""
    found: dict[str, tuple[str, int]] = {}
    own = occupation.title.casefold()
    for _, job_title, source, in_my_next_move in rows:
        title = job_title if _TIDY_RE.fullmatch(job_title) else " ".join(job_title.split())
        key = title.casefold()
        if key == own or not title:
            continue
        level = 2 if in_my_next_move == "yes" else 1 if source in ("reported", "short") else 0
        if key not in found or level > found[key][1]:
            found[key] = (title, level)
    order = lambda t: (-t[1], t[0].count(" "), t[0].casefold())  # noqa: E731 - words, as the title is tidy
    common = sorted((t for t in found.values() if t[1]), key=order)
    # Of the many alternates, only the shortest few are kept: picked without sorting them all.
    return tuple(common + heapq.nsmallest(ALTERNATE_TITLES, (t for t in found.values() if not t[1]), key=order))


_TIDY_RE = re.compile(r"\S+(?: \S+)*")
"""Text with single spaces between its words and none around them, as `" ".join(text.split())` leaves it."""


def _rows(path: Path, shown: Any, columns: Sequence[str], problems: list[Problem]
          ) -> Sequence[tuple[int, tuple[str, ...]]]:
    """The rows of a CSV file as tuples of `columns`, in that order, each with its line; none if the file is
    missing. A file without one of the columns is reported and yields nothing; so is each short row."""
    rows, lines = _table(path, shown, columns, problems)
    return list(zip(lines, rows))


def _table(path: Path, shown: Any, columns: Sequence[str], problems: list[Problem]
           ) -> tuple[list[tuple[str, ...]], Sequence[int]]:
    """The rows of a CSV file as tuples of `columns`, and the line of each (see `_rows`)."""
    if not path.exists():
        return [], ()
    with path.open(newline="", encoding="utf-8") as handle:
        reader = csv.reader(handle)
        header = next(reader, [])
        missing = [c for c in columns if c not in header]
        if missing:
            problems.append(Problem(shown(path), 1, f"{path.name} lacks columns: {', '.join(missing)}"))
            return [], ()
        where = [header.index(c) for c in columns]
        pick = operator.itemgetter(*where) if len(where) > 1 else lambda row: (row[where[0]],)
        try:
            rows = list(map(pick, reader))  # the usual case, row by row in C: every row complete, one line each
            if reader.line_num == len(rows) + 1:
                return rows, range(2, len(rows) + 2)
        except IndexError:  # a short row
            pass
    rows, lines = [], []
    with path.open(newline="", encoding="utf-8") as handle:  # the slower way, which knows each row's line
        reader = csv.reader(handle)
        next(reader)
        width = max(where) + 1
        for row in reader:
            if len(row) < width:
                problems.append(Problem(shown(path), reader.line_num, f"expected {len(header)} columns, "
                                                                      f"found {len(row)}"))
                continue
            rows.append(pick(row))
            lines.append(reader.line_num)
    return rows, lines


def is_residency(program: Program) -> bool:
    """Whether a program is a residency or fellowship, taken after a degree (`RESIDENCIES`)."""
    return program.code.startswith(RESIDENCIES)


def _focus(programs: Mapping[str, Sequence[Sequence[str]]]) -> Counter[str]:
    """How many occupations each program of study prepares for: the fewer, the more focused it is on each.
    Registered Nursing (51.3801) prepares for a few nursing jobs; Biology, General for dozens."""
    return Counter(cip for rows in programs.values() for cip in {row[1] for row in rows})


def _grouped(path: Path, shown: Any, columns: Sequence[str], problems: list[Problem]) -> dict[str, list[list[str]]]:
    """Rows by their first column, each a tuple of `columns`' values in that order."""
    found: dict[str, list[list[str]]] = {}
    for key, group in itertools.groupby(_table(path, shown, columns, problems)[0], operator.itemgetter(0)):
        found.setdefault(key, []).extend(group)  # one call a run of rows with the same key (files are sorted)
    return found


def _ratings(path: Path, shown: Any, about: Mapping[str, str],
             problems: list[Problem]) -> dict[str, tuple[tuple[str, float, float, str], ...]]:
    """Each occupation's ratings, in the file's column order: (name, importance, level, explanation)."""
    found: dict[str, tuple] = {}
    if not path.exists():
        return found
    with path.open(newline="", encoding="utf-8") as handle:
        header = next(csv.reader(handle), [])
    names = [c[:-5] for c in header if c.endswith(" (IM)")]
    unexplained = [n for n in names if n not in about]
    if about and unexplained:
        problems.append(Problem(shown(path), 1, f"no explanation in data/skill-descriptions.yml for: "
                                                f"{', '.join(unexplained)}"))
    columns = ["onet_soc_code"] + [f"{name} ({part})" for name in names for part in ("IM", "LV")]
    explained = [about.get(name, "") for name in names]
    for line, row in _rows(path, shown, columns, problems):
        try:
            values = tuple(map(float, row[1:]))  # importance, level, importance, level, ...
        except ValueError:
            problems.append(Problem(shown(path), line, "a rating is missing or not a number"))
            continue
        found[row[0].strip()] = tuple(zip(names, values[0::2], values[1::2], explained))
    return found


def _state_pay(path: Path, shown: Any, problems: list[Problem]
               ) -> tuple[tuple[str, ...], dict[str, dict[str, str]]]:
    columns = ("state", "soc_code", "employment", "annual_p10_wage", "annual_median_wage", "annual_p90_wage",
               "hourly_median_wage")
    rows, lines = _table(path, shown, columns, problems)
    # The figures of every row as one text, a line a row, checked and given "null" for each empty figure
    # with a few scans of the whole text rather than row by row (there are 36,000 rows).
    joined = "\n".join(map(",".join, map(operator.itemgetter(slice(2, None)), rows)))
    if _NOT_A_FIGURE.search(joined) or _BAD_POINT.search(joined) or joined.count("\n") != max(0, len(rows) - 1):
        # Then find the rows at fault, at their lines (a figure with a line break in it counts too).
        good = []
        for line, row in zip(lines, rows):
            if FIGURES.fullmatch(",".join(row[2:])):
                good.append(row)
            else:
                problems.append(Problem(shown(path), line, "a figure is not a number; leave it empty if it is "
                                                           "not published"))
        rows = good
        joined = "\n".join(",".join(row[2:]) for row in rows)
    filled = f"\n{joined}\n".replace(",,", ",null,").replace(",,", ",null,")  # twice: runs of empty figures
    filled = filled.replace("\n,", "\nnull,").replace(",\n", ",null\n")[1:-1]
    pay: dict[str, dict[str, str]] = {}
    for row, figures in zip(rows, filled.split("\n") if rows else ()):
        pay.setdefault(row[0].strip(), {})[row[1].strip()] = f"[{figures}]"
    return tuple(sorted(pay)), pay


FIGURES = re.compile(r"(?:\d+(?:\.\d+)?)?(?:,(?:\d+(?:\.\d+)?)?)*")
"""Figures joined by commas, each a number or empty (not published)."""
_NOT_A_FIGURE = re.compile(r"[^\d.,\n]")
_BAD_POINT = re.compile(r"\.(?:(?<!\d\.)|(?!\d+(?:[,\n]|\Z)))")
"""A decimal point without a digit before it, or not followed by digits that end the figure."""


def _descriptions(path: Path, shown: Any, problems: list[Problem]) -> dict[str, dict[str, str]]:
    from .load import parse_yaml_file
    if not path.exists():
        return {}
    data, line_of, found = parse_yaml_file(path.read_text(encoding="utf-8"), shown(path))
    problems.extend(found)
    if found:
        return {}
    if not isinstance(data, dict) or set(data) - {"skills", "knowledge"}:
        problems.append(Problem(shown(path), 1, "the file must hold 'skills:' and 'knowledge:', each a list of "
                                                "'Name: explanation' lines"))
        return {}
    result: dict[str, dict[str, str]] = {}
    for group, entries in data.items():
        if not isinstance(entries, dict):
            problems.append(Problem(shown(path), line_of(group), f"'{group}' must be 'Name: explanation' lines"))
            continue
        for name, text in entries.items():
            if not isinstance(text, str) or not text.strip():
                problems.append(Problem(shown(path), line_of(group, name), f"'{name}' needs an explanation"))
        result[group] = {name: " ".join(str(text).split()) for name, text in entries.items()}
    return result


if __name__ == "__main__":
    print(f"wrote {write_transferable(Path(__file__).resolve().parent.parent / 'data')}")
