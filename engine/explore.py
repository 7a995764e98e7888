"""Find your path: the interest quiz, the skills explorer and "from my job", and the data they run on.

The explorers run in the visitor's browser (static/js/explore.js) on data files the build writes here from
the site model: `assets/explore/jobs.js` (every occupation's figures and interest scores, and the pathways),
`assets/explore/skills.js` (skill ratings, for the skills explorer) and `assets/explore/links.js` (titles
people use and where each job leads, for "from my job"). Each calls `window.__explore.add(name, data)`, so it
works from disk (file://) too.

The scoring functions below have twins in static/js/explore.js, and a test runs both on the same inputs:
keep them doing the same arithmetic in the same order, so that they agree to the last bit.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Mapping, Sequence

from .data import EDUCATION_RANK, EDUCATION_SLUGS, FIGURES_NONE, FIGURES_OWN, Occupation
from .load import slugify
from .problems import ContentError, Problem, suggest
from .routes import data_file_url
from .schema import INTERESTS



EDUCATION_WORDS = {"none": "no formal credential", "high-school": "a high school diploma",
                   "postsecondary": "a certificate after high school", "some-college": "some college",
                   "associate": "an associate's degree", "bachelor": "a bachelor's degree",
                   "master": "a master's degree", "doctoral": "a doctoral or professional degree"}

SKILL_GROUPS = (
    ("Basic skills: reading, writing, math and science",
     ("Reading Comprehension", "Active Listening", "Writing", "Speaking", "Mathematics", "Science")),
    ("Basic skills: thinking and learning", ("Critical Thinking", "Active Learning", "Learning Strategies",
                                              "Monitoring")),
    ("Working with people", ("Social Perceptiveness", "Coordination", "Persuasion", "Negotiation", "Instructing",
                             "Service Orientation")),
    ("Solving complex problems", ("Complex Problem Solving",)),
    ("Technical skills", ("Operations Analysis", "Technology Design", "Equipment Selection", "Installation",
                          "Programming", "Operations Monitoring", "Operation and Control", "Equipment Maintenance",
                          "Troubleshooting", "Repairing", "Quality Control Analysis")),
    ("Systems skills", ("Judgment and Decision Making", "Systems Analysis", "Systems Evaluation")),
    ("Managing resources", ("Time Management", "Management of Financial Resources",
                            "Management of Material Resources", "Management of Personnel Resources")),
)
"""O*NET's groups of its 35 skills (basic content, basic process, social, complex problem solving, technical,
systems, resource management), under plain headings."""

IMPORTANT = 30
"""A skill rated at least 3.0 of 5 for importance (30 in tenths, as the data file holds it) matters for a job."""

QUIZ_FILE = "quiz.yml"
QUIZ_MIN = 6  # statements per interest area
SCALE = ("Dislike a lot", "Dislike", "Not sure", "Like", "Like a lot")
"""The five answers to each quiz statement, scored 1 to 5."""


# -- the quiz's statements ------------------------------------------------------------------------------

@dataclass(frozen=True)
class Statement:
    number: int  # 1, 2, ...: its place in the quiz
    area: str  # an interest area, such as 'realistic'
    text: str

    @property
    def name(self) -> str:
        return f"q{self.number}"


def load_quiz(path: Path, shown: str) -> tuple[Statement, ...]:
    """The quiz's statements, taking the six areas in turn (one of each, then the next of each), so that no
    area comes in a block. Raises ContentError naming every problem at its line; a missing file means none."""
    from .load import parse_yaml_file
    if not path.exists():
        return ()
    data, line_of, problems = parse_yaml_file(path.read_text(encoding="utf-8"), shown)
    if problems:
        raise ContentError(problems)
    if not isinstance(data, dict):
        raise ContentError([Problem(shown, 1, "the file must list each interest area ('realistic:' and the rest), "
                                              "then its statements as '- ' lines")])
    found: dict[str, list[str]] = {}
    seen: dict[str, str] = {}
    for area, items in data.items():
        if area not in INTERESTS:
            problems.append(Problem(shown, line_of(area), f"unknown interest area '{area}'"
                                                          f"{suggest(str(area), INTERESTS)}"))
            continue
        if not isinstance(items, list):
            problems.append(Problem(shown, line_of(area), f"'{area}' must be a list of statements, each on a "
                                                          "'- ' line"))
            continue
        for index, text in enumerate(items):
            if not isinstance(text, str) or not text.strip():
                problems.append(Problem(shown, line_of(area, index), "a statement must be text, such as "
                                                                     "'Fix a broken bike.'"))
                continue
            text = " ".join(text.split())
            words = len(text.split())
            if words > 15:
                problems.append(Problem(shown, line_of(area, index), f"a statement of {words} words: keep it "
                                                                     "under 15"))
            elif text.casefold() in seen:
                problems.append(Problem(shown, line_of(area, index), f"'{text}' is already a statement of "
                                                                     f"'{seen[text.casefold()]}'"))
            else:
                seen[text.casefold()] = area
                found.setdefault(area, []).append(text)
    for area in INTERESTS:
        if area in data and isinstance(data[area], list) and len(found.get(area, ())) < QUIZ_MIN:
            problems.append(Problem(shown, line_of(area), f"'{area}' has {len(found.get(area, ()))} statements: "
                                                          f"give it at least {QUIZ_MIN}"))
        elif area not in data:
            problems.append(Problem(shown, 1, f"no statements for '{area}': give it at least {QUIZ_MIN}"))
    if problems:
        raise ContentError(problems)
    ordered: list[tuple[str, str]] = []
    for turn in range(max(len(v) for v in found.values())):
        ordered.extend((area, found[area][turn]) for area in INTERESTS if turn < len(found[area]))
    return tuple(Statement(n, area, text) for n, (area, text) in enumerate(ordered, 1))


# -- scoring (twins in static/js/explore.js) ------------------------------------------------------------

def half_up(value: float) -> int:
    """`value` rounded to the nearest whole number, halves up, as JavaScript's Math.round does."""
    return math.floor(value + 0.5)


def quiz_scores(answers: Sequence[Sequence[int]]) -> list[int | None]:
    """Each area's score, 0 to 100, from its answers (1 to 5) in RIASEC order: the average answer, with 1 as 0
    and 5 as 100. None for an area with no answers."""
    scores: list[int | None] = []
    for given in answers:
        if not given:
            scores.append(None)
            continue
        total = 0
        for answer in given:
            total += answer
        scores.append(half_up(100 * (total - len(given)) / (4 * len(given))))
    return scores


def interest_fit(visitor: Sequence[float], job: Sequence[float] | None) -> float | None:
    """How well a job's six interest scores fit the visitor's: the Pearson correlation of the two six-value
    profiles, from -1 to 1. None where either profile is flat (every value the same) or the job has none."""
    if job is None:
        return None
    mean_v = mean_j = 0.0
    for i in range(6):
        mean_v += visitor[i]
        mean_j += job[i]
    mean_v /= 6
    mean_j /= 6
    cov = var_v = var_j = 0.0
    for i in range(6):
        dv = visitor[i] - mean_v
        dj = job[i] - mean_j
        cov += dv * dj
        var_v += dv * dv
        var_j += dj * dj
    if var_v == 0 or var_j == 0:
        return None
    return cov / math.sqrt(var_v * var_j)


def top_area(visitor: Sequence[float]) -> int:
    """The index (RIASEC order) of the visitor's highest score; the first of equal ones."""
    best = 0
    for i in range(1, 6):
        if visitor[i] > visitor[best]:
            best = i
    return best


def rank_by_interest(visitor: Sequence[float], jobs: Sequence[Mapping[str, Any]],
                     max_zone: int | None = None, max_education: str | None = None) -> list[tuple[str, float]]:
    """Jobs (records of the data file, with `code`, `ri`, `zone`, `edu`) by how well they fit, best first, as
    (code, fit). Ties go to the job scoring higher in the visitor's top area, then by code. Only jobs within
    `max_zone` and `max_education`, when given, and whose interests lean the visitor's way (a fit above 0): a
    job whose profile goes the opposite way does not fit, however few others there are."""
    area = top_area(visitor)
    limit = EDUCATION_RANK.get(max_education or "", 99)
    ranked = []
    for job in jobs:
        if max_zone is not None and (job["zone"] is None or job["zone"] > max_zone):
            continue
        if limit != 99 and (job["edu"] is None or EDUCATION_RANK[job["edu"]] > limit):
            continue
        fit = interest_fit(visitor, job["ri"])
        if fit is not None and fit > 0:
            ranked.append((-fit, -job["ri"][area], job["code"], fit))
    ranked.sort()
    return [(code, fit) for _, _, code, fit in ranked]


def rank_pathways(visitor: Sequence[float], jobs: Mapping[str, Mapping[str, Any]],
                  pathways: Sequence[Mapping[str, Any]]) -> list[tuple[str, float]]:
    """Pathways (with `url` and `jobs`, their occupations' codes) by the mean fit of their occupations that
    have interest scores, best first, as (url, fit); ties by URL. Pathways with none are left out."""
    ranked = []
    for pathway in pathways:
        total = 0.0
        count = 0
        for code in pathway["jobs"]:
            fit = interest_fit(visitor, jobs[code]["ri"])
            if fit is not None:
                total += fit
                count += 1
        if count:
            ranked.append((-(total / count), pathway["url"]))
    ranked.sort()
    return [(url, -negative) for negative, url in ranked]


def skills_match(marked: Sequence[int], ratings: Sequence[int] | None) -> float:
    """How well the visitor's skills (indexes into the 35) line up with what a job needs, 0 to 1. Each skill
    weighs importance times level for the job (`ratings` holds both in tenths, two per skill). The match is the
    cosine similarity of the visitor's ticked skills with those weights, counting only ticked skills the job
    rates important (3 or more of 5): the weights of those skills, divided by the square root of how many
    skills were ticked and by the length of the job's whole vector of weights."""
    if not ratings or not marked:
        return 0.0
    chosen = set(marked)
    have = 0
    length = 0
    for i in range(len(ratings) // 2):
        weight = ratings[2 * i] * ratings[2 * i + 1]
        length += weight * weight
        if ratings[2 * i] >= IMPORTANT and i in chosen:
            have += weight
    return have / (math.sqrt(len(chosen)) * math.sqrt(length)) if length else 0.0


def rank_by_skills(marked: Sequence[int], ratings: Mapping[str, Sequence[int] | None]) -> list[tuple[str, float]]:
    """Jobs by how well the marked skills match them (`skills_match`), best first, as (code, match); ties by
    code. Jobs they do not match at all are left out."""
    ranked = []
    for code, rated in ratings.items():
        match = skills_match(marked, rated)
        if match > 0:
            ranked.append((-match, code))
    ranked.sort()
    return [(code, -negative) for negative, code in ranked]


# -- moving from one job to another -----------------------------------------------------------------------

def pay_label(occupation: Occupation) -> str:
    """Whose median pay an occupation shows: 'own', 'group' (a specialty's whole job, a broader group or a
    catch-all) or 'none' (no yearly figure)."""
    if occupation.wage_median is None or occupation.figures == FIGURES_NONE:
        return "none"
    return "own" if occupation.figures == FIGURES_OWN else "group"


WIDER_GROUP = " (figures for a wider group)"
"""Said after a move's pay when either job's figure is a wider group's (the twin in static/js/explore.js)."""


def pay_change(pay: int | None, label: str, other_pay: int | None, other_label: str,
               other_hourly: Sequence[Any] | None = None, hourly: Sequence[Any] | None = None) -> str:
    """In words, how the median yearly pay of a move's job (`other_pay`) compares with the present one's.
    `other_hourly` and `hourly` are the two jobs' [hourly median, whose it is ('' for its own)] where BLS
    publishes only hourly pay (`hourly_only`): shown, and compared when both jobs have only that."""
    if other_pay is None or other_label == "none":
        if not other_hourly:
            return "Yearly pay not published"
        shown = f"${other_hourly[0]:.2f} an hour median"
        if not hourly:
            return shown + "; no yearly pay to compare" + (WIDER_GROUP if other_hourly[1] else "")
        cents = round(other_hourly[0] * 100) - round(hourly[0] * 100)
        change = "the same pay" if cents == 0 else \
            f"{'+' if cents > 0 else '−'}\u2060${abs(cents) / 100:.2f} an hour"
        grouped = WIDER_GROUP if other_hourly[1] or hourly[1] else ""
        return f"{shown}, {change}{grouped}"
    shown = f"${other_pay:,} median"
    if pay is None or label == "none":
        grouped = WIDER_GROUP if other_label == "group" else ""
        return f"{shown}; no {'yearly' if hourly else 'published'} pay to compare with{grouped}"
    difference = other_pay - pay
    change = "the same pay" if difference == 0 else \
        f"{'+' if difference > 0 else '−'}\u2060${abs(difference):,} a year"  # a word joiner: no line break after the sign
    grouped = WIDER_GROUP if "group" in (label, other_label) else ""
    return f"{shown}, {change}{grouped}"


NUMBER_WORDS = ("no", "one", "two", "three", "four", "five", "six")


def education_change(education: str | None, other: str | None) -> str:
    """In words, the schooling a move's job takes to enter, compared with the present one's (slugs)."""
    if other is None:
        return "Education to enter not published"
    if education is None:
        return f"Usually needs {EDUCATION_WORDS[other]}"
    steps = EDUCATION_RANK[other] - EDUCATION_RANK[education]
    if steps > 0:
        return f"More education, {NUMBER_WORDS[steps]} level{'s' if steps > 1 else ''} up: {EDUCATION_WORDS[other]}"
    if steps == 0:
        return f"No extra education: {EDUCATION_WORDS[other]}"
    return f"Less education: {EDUCATION_WORDS[other]}"


@dataclass(frozen=True)
class Move:
    """What moving from one job to another changes, in words (shown on occupation pages and "from my job")."""

    pay: str
    education: str


def _hourly(job: Occupation) -> list[Any] | None:
    """`hourly_only` for `pay_change`, which needs to know only whether the figure is the job's own."""
    return hourly_only(job, "" if job.figures == FIGURES_OWN else "group")


def move(present: Occupation, other: Occupation) -> Move:
    return Move(pay_change(present.wage_median, pay_label(present), other.wage_median, pay_label(other),
                           _hourly(other), _hourly(present)),
                education_change(EDUCATION_SLUGS.get(present.education), EDUCATION_SLUGS.get(other.education)))


# -- the data files -------------------------------------------------------------------------------------

JOB_FIELDS = ("code", "title", "url", "edu", "zone", "pay", "payLabel", "payGroup", "growth", "openings",
              "bright", "clusters", "ri", "hourly")
"""The columns of each job's row in jobs.js, in order."""


def hourly_only(occupation: Occupation, source: str) -> list[Any] | None:
    """For a job with no yearly pay but an hourly median (BLS publishes only hourly pay for a few performers):
    [hourly median, `source`: whose it is in a few words ('' for its own)]; else None."""
    if occupation.wage_median is not None or occupation.hourly_median is None or occupation.figures == FIGURES_NONE:
        return None
    return [occupation.hourly_median, source]


def tenths(value: float) -> int:
    return half_up(value * 10)


def build_explore_data(site: Any, bright: Any) -> dict[str, bytes]:
    """The explorers' data files by path. `bright(occupation)` says whether a job has a bright outlook."""
    from .render import figures_source  # the site's own words for whose figures these are
    entries = site.occupations
    index = {entry.occupation.code: i for i, entry in enumerate(entries)}
    jobs = []
    for entry in entries:
        job = entry.occupation
        scores = entry.profile.interest_scores
        label, source = pay_label(job), figures_source(job)
        jobs.append([
            job.code, job.title, job.url, EDUCATION_SLUGS.get(job.education), job.job_zone,
            job.wage_median if label != "none" else None, label, source if label == "group" else "",
            job.growth_pct, job.openings, 1 if bright(job) else 0, [ref.url.split("/")[1] for ref in entry.clusters],
            list(scores) if scores is not None else None, hourly_only(job, source)])
    clusters = {cluster.slug: cluster.title for cluster in site.clusters}
    pathways = [[pathway.title, pathway.url, sorted({index[o.code] for o in pathway.occupations})]
                for pathway in site.pathways]
    core = {"fields": list(JOB_FIELDS), "jobs": jobs, "clusters": clusters, "pathways": pathways}

    names = list(site.profiles.skill_names) if site.profiles else []
    ratings = ["".join(f"{min(99, tenths(v)):02d}" for pair in entry.profile.skill_ratings for v in pair) or None
               for entry in entries]
    skills = {"skills": [[slugify(n), n] for n in names], "ratings": ratings}

    links = {"titles": [list(entry.profile.titles) for entry in entries],
             "next": [[index[o.code] for o in entry.next_steps] for entry in entries],
             "related": [[index[o.code] for o in entry.related] for entry in entries],
             "similar": [[[index[o.code], match] for o, match in entry.similar] for entry in entries]}
    return {data_file_url(name): _script(name, data) for name, data in
            (("jobs", core), ("skills", skills), ("links", links))}


def explore_key(site: Any) -> tuple:
    """What the data files depend on besides the data files behind `site.profiles` and the related occupations:
    the clusters, and every pathway's ladders (the next steps, the pathways' jobs and each job's clusters)."""
    return (tuple((c.slug, c.title) for c in site.clusters),
            tuple((p.url, p.title, p.cluster.url, p.ladder_codes) for p in site.pathways))


def _script(name: str, data: object) -> bytes:
    body = json.dumps(data, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return f"window.__explore.add({json.dumps(name)},{body});\n".encode()


def decode_ratings(text: str | None) -> list[int] | None:
    """A job's skill ratings as the data file holds them (two digits per value, in tenths) as numbers."""
    return None if text is None else [int(text[i:i + 2]) for i in range(0, len(text), 2)]


def skill_gaps(marked: Sequence[int], ratings: Sequence[int]) -> tuple[list[int], list[int]]:
    """The skills (indexes) a job rates important that the visitor marked, and those they did not, each
    most needed first (importance times level), ties by index."""
    chosen = set(marked)
    uses: list[tuple[int, int]] = []
    needs: list[tuple[int, int]] = []
    for i in range(len(ratings) // 2):
        if ratings[2 * i] >= IMPORTANT:
            (uses if i in chosen else needs).append((-ratings[2 * i] * ratings[2 * i + 1], i))
    return [i for _, i in sorted(uses)], [i for _, i in sorted(needs)]
