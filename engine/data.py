"""Occupation data: O*NET and BLS figures that content refers to by code.

`data/occupations.csv` is read once per build into frozen `Occupation`
records. A figure the source does not publish is `None`, never zero, so
templates can say "not available" instead of inventing a number.
"""

from __future__ import annotations

import csv
import functools
import re
from dataclasses import dataclass, replace
from pathlib import Path
from statistics import median
from typing import Any, Mapping, Sequence

from .problems import ContentError, Problem, suggest
from .routes import url_for

ONET_URL = "https://www.onetonline.org/link/summary/{code}"

EDUCATION_LEVELS = {
    "No formal educational credential": 0,
    "High school diploma or equivalent": 1,
    "Some college, no degree": 2,
    "Postsecondary nondegree award": 2,
    "Associate's degree": 3,
    "Bachelor's degree": 4,
    "Master's degree": 5,
    "Doctoral or professional degree": 6,
}
"""BLS typical entry education, ranked so steps can be compared with it."""

EDUCATION_SLUGS = {
    "No formal educational credential": "none",
    "High school diploma or equivalent": "high-school",
    "Postsecondary nondegree award": "postsecondary",
    "Some college, no degree": "some-college",
    "Associate's degree": "associate",
    "Bachelor's degree": "bachelor",
    "Master's degree": "master",
    "Doctoral or professional degree": "doctoral",
}
"""BLS typical entry education -> its name in the jobs explorer's address (`occupations/?education=`), in BLS's
order."""
EDUCATION_RANK = {slug: EDUCATION_LEVELS[name] for name, slug in EDUCATION_SLUGS.items()}
"""How much schooling each level is by its name in the address, as `EDUCATION_LEVELS` ranks it (a certificate and
some college tie)."""

EXPERIENCE_SLUGS = {
    "None": "none",
    "Less than 5 years": "under-5-years",
    "5 years or more": "5-years-or-more",
}
"""BLS work experience in a related occupation, usually needed to start -> its name in the jobs explorer's address
(`occupations/?experience=`), least first."""

TRAINING_SLUGS = {
    "None": "none",
    "Short-term on-the-job training": "short-term",
    "Moderate-term on-the-job training": "moderate-term",
    "Long-term on-the-job training": "long-term",
    "Apprenticeship": "apprenticeship",
    "Internship/residency": "internship-residency",
}
"""BLS on-the-job training typically needed to become competent in the occupation -> its name in the jobs
explorer's address (`occupations/?training=`), in BLS's order (short-term is a month or less, moderate-term one
to twelve months, long-term over a year)."""

TRAINING_WORDS = {"none": "that need no on-the-job training", "short-term": "learned in a month or less on the job",
                  "moderate-term": "learned in 1 to 12 months on the job",
                  "long-term": "learned in over a year on the job",
                  "apprenticeship": "learned through an apprenticeship",
                  "internship-residency": "learned through an internship or residency"}
"""Each kind of training of `TRAINING_SLUGS` in words that follow 'Jobs', as search's offer of the explorer says it."""

EXPERIENCE_WORDS = {"none": "no work experience", "under-5-years": "under 5 years of work experience",
                    "5-years-or-more": "5 or more years of work experience"}
"""Each experience level of `EXPERIENCE_SLUGS` in words, as a job's line of figures and search's offer of the
explorer say it."""


JOB_ZONES = {
    1: "Little or no preparation needed",
    2: "Some preparation needed",
    3: "Medium preparation needed",
    4: "Considerable preparation needed",
    5: "Extensive preparation needed",
}

INTEREST_LETTERS = {
    "R": "realistic", "I": "investigative", "A": "artistic",
    "S": "social", "E": "enterprising", "C": "conventional",
}

COLUMNS = (
    "onet_soc_code", "title", "soc_code", "job_zone", "interest_code", "employment",
    "annual_median_wage", "annual_p10_wage", "annual_p90_wage", "hourly_median_wage", "wage_note",
    "typical_entry_education", "work_experience", "on_the_job_training",
    "projected_growth_pct_2024_34", "annual_openings_2024_34",
)


FIGURES_OWN = "own"
FIGURES_SPECIALTY = "specialty"
FIGURES_GROUP = "group"
FIGURES_CATCH_ALL = "catch-all"
FIGURES_NONE = "none"
"""Where an occupation's BLS figures come from (`Occupation.figures`):

- `own`: published for this occupation itself;
- `specialty`: a specialty (O*NET code ending .01, .02, ...) shares the figures of its whole occupation,
  named in `figures_group`;
- `group`: BLS publishes figures only for a broader group, named in `figures_group` (broad-group-wages.csv);
- `catch-all`: the occupation is itself an "All Other" group, a mix of jobs;
- `none`: no figures, either unpublished or because they would belong to an "All Other" group the
  occupation is only one small part of.
"""


@dataclass(frozen=True)
class Occupation:
    """One O*NET-SOC occupation with its published figures."""

    code: str
    title: str
    soc_code: str
    job_zone: int | None
    interest_code: str
    employment: int | None
    wage_median: int | None
    wage_p10: int | None
    wage_p90: int | None
    hourly_median: float | None
    wage_note: str
    education: str
    experience: str
    training: str
    growth_pct: float | None
    openings: int | None
    figures: str = FIGURES_OWN
    figures_group: str = ""  # the group whose figures these are, unless `figures` is own, catch-all or none
    figures_group_code: str = ""  # that group's SOC code
    preparation_of: str = ""  # the title of the job whose education, experience and training these are, if not
    #                           its own: BLS gives them by SOC code, so a specialty has its whole occupation's

    @property
    def preparation_is_mixed(self) -> bool:
        """Its education, experience and training are those of an "All Other" group it is part of, a mix of jobs."""
        return _is_catch_all(self.preparation_of)

    @property
    def has_own_figures(self) -> bool:
        return self.figures == FIGURES_OWN

    @property
    def figures_soc(self) -> str:
        """The SOC code of the figures it shows (its own, its whole job's or its group's), which is also the
        code of those figures by state; '' where it shows none."""
        if self.figures == FIGURES_GROUP:
            return self.figures_group_code
        return "" if self.figures == FIGURES_NONE else self.soc_code

    @property
    def is_hourly_only(self) -> bool:
        """BLS publishes only an hourly wage (work that is seldom year-round and full-time)."""
        return self.wage_median is None and self.hourly_median is not None

    @property
    def onet_url(self) -> str:
        return ONET_URL.format(code=self.code)

    @functools.cached_property
    def url(self) -> str:
        """Site-relative URL of the occupation's page (worked out once: pages and search ask for it often)."""
        return url_for("occupation", self.code)

    @property
    def education_level(self) -> int | None:
        return EDUCATION_LEVELS.get(self.education)

    @property
    def interests(self) -> tuple[str, ...]:
        """The interest areas of the interest code, strongest first."""
        return tuple(INTEREST_LETTERS[c] for c in self.interest_code if c in INTEREST_LETTERS)

    @property
    def job_zone_label(self) -> str:
        return JOB_ZONES.get(self.job_zone or 0, "")


def load_occupations(path: Path, shown: str, groups_path: Path | None = None,
                     groups_shown: str = "") -> Mapping[str, Occupation]:
    """Occupations by O*NET-SOC code, each with figures labelled by where they come from (`Occupation.figures`).

    `groups_path` is broad-group-wages.csv: figures for occupations BLS publishes only within a broader group.
    Raises ContentError naming bad rows.
    """
    found = _read_occupations(path, shown)
    groups = load_broad_groups(groups_path, groups_shown) if groups_path is not None else {}
    return label_figures(found, groups)


def label_figures(occupations: Mapping[str, Occupation],
                  groups: Mapping[str, Mapping[str, Any]]) -> dict[str, Occupation]:
    """The occupations with their figures' source worked out, group figures filled in, and figures that
    would belong to an "All Other" group removed from the specialties that are only a part of it."""
    whole = {o.soc_code: o for o in occupations.values() if o.code.endswith(".00")}
    result: dict[str, Occupation] = {}
    for code, occupation in occupations.items():
        parent = whole.get(occupation.soc_code)
        unpublished = occupation.employment is None and occupation.wage_median is None
        if _is_catch_all(occupation.title) and code.endswith(".00") and not unpublished:
            labelled = replace(occupation, figures=FIGURES_CATCH_ALL)
        elif parent is not None and parent is not occupation and _is_catch_all(parent.title):
            labelled = replace(occupation, figures=FIGURES_NONE, employment=None, wage_median=None, wage_p10=None,
                               wage_p90=None, hourly_median=None, wage_note="", growth_pct=None, openings=None)
        elif unpublished and occupation.soc_code in groups:  # a catch-all too: its group is the wider one
            group = groups[occupation.soc_code]
            labelled = replace(occupation, figures=FIGURES_GROUP, figures_group=group["group_title"],
                               figures_group_code=group["group_soc_code"],
                               **{k: v for k, v in group.items() if k not in ("group_title", "group_soc_code")})
        elif occupation.employment is None and occupation.wage_median is None and occupation.hourly_median is None:
            labelled = replace(occupation, figures=FIGURES_NONE)
        elif parent is not None and parent is not occupation:
            labelled = replace(occupation, figures=FIGURES_SPECIALTY, figures_group=parent.title,
                               figures_group_code=parent.soc_code)
        else:
            labelled = occupation
        if parent is not None and parent is not occupation:  # BLS's education, experience and training are by SOC
            labelled = replace(labelled, preparation_of=parent.title)  # code too: a specialty has its whole job's
        result[code] = labelled
    return result


def _is_catch_all(title: str) -> bool:
    """Whether an occupation's title names one of BLS's "All Other" groups, a mix of different jobs."""
    return "All Other" in title


def load_broad_groups(path: Path, shown: str) -> dict[str, dict[str, Any]]:
    """Broad-group figures by the SOC code of each occupation inside the group. A missing file means none."""
    if not path.exists():
        return {}
    columns = ("soc_code", "group_soc_code", "group_title", "employment", "annual_p10_wage", "annual_median_wage",
               "annual_p90_wage", "hourly_median_wage")
    problems: list[Problem] = []
    result: dict[str, dict[str, Any]] = {}
    with path.open(newline="", encoding="utf-8") as handle:
        reader = csv.DictReader(handle)
        missing = [c for c in columns if c not in (reader.fieldnames or ())]
        if missing:
            raise ContentError([Problem(shown, 1, f"broad-group figures lack columns: {', '.join(missing)}")])
        for row in reader:
            try:
                result[row["soc_code"].strip()] = {
                    "group_title": row["group_title"].strip(),
                    "group_soc_code": row["group_soc_code"].strip(),
                    "employment": _number(row, "employment", int),
                    "wage_p10": _number(row, "annual_p10_wage", int),
                    "wage_median": _number(row, "annual_median_wage", int),
                    "wage_p90": _number(row, "annual_p90_wage", int),
                    "hourly_median": _number(row, "hourly_median_wage", float),
                }
            except ValueError as exc:
                problems.append(Problem(shown, reader.line_num, str(exc)))
    if problems:
        raise ContentError(problems)
    return result


def _read_occupations(path: Path, shown: str) -> dict[str, Occupation]:
    problems: list[Problem] = []
    result: dict[str, Occupation] = {}
    try:
        handle = path.open(newline="", encoding="utf-8")
    except OSError as exc:
        raise ContentError([Problem(shown, 1, f"cannot read occupation data: {exc.strerror}")]) from None
    with handle:
        reader = csv.DictReader(handle)
        missing = [c for c in COLUMNS if c not in (reader.fieldnames or ())]
        if missing:
            raise ContentError([Problem(shown, 1, f"occupation data lacks columns: {', '.join(missing)}")])
        for row in reader:
            line = reader.line_num
            try:
                occupation = _occupation(row)
            except ValueError as exc:
                problems.append(Problem(shown, line, str(exc)))
                continue
            if occupation.code in result:
                problems.append(Problem(shown, line, f"occupation {occupation.code} is listed twice"))
            result[occupation.code] = occupation
    if problems:
        raise ContentError(problems)
    return result


def _occupation(row: Mapping[str, str]) -> Occupation:
    return Occupation(
        code=row["onet_soc_code"].strip(),
        title=row["title"].strip(),
        soc_code=row["soc_code"].strip(),
        job_zone=_number(row, "job_zone", int),
        interest_code=row["interest_code"].strip(),
        employment=_number(row, "employment", int),
        wage_median=_number(row, "annual_median_wage", int),
        wage_p10=_number(row, "annual_p10_wage", int),
        wage_p90=_number(row, "annual_p90_wage", int),
        hourly_median=_number(row, "hourly_median_wage", float),
        wage_note=row["wage_note"].strip(),
        education=row["typical_entry_education"].strip(),
        experience=row["work_experience"].strip(),
        training=row["on_the_job_training"].strip(),
        growth_pct=_number(row, "projected_growth_pct_2024_34", float),
        openings=_number(row, "annual_openings_2024_34", int),
    )


def _number(row: Mapping[str, str], column: str, kind: type) -> Any:
    """The number in `column`, or None where it is empty (a figure that is not published)."""
    text = (row[column] or "").strip()
    if not text:
        return None
    try:
        value = float(text)
    except ValueError:
        raise ValueError(f"{column} is '{text}', which is not a number; leave it empty if it is not published") \
            from None
    return int(value) if kind is int else value


def load_related(path: Path, shown: str) -> Mapping[str, tuple[str, ...]]:
    """O*NET's related occupations for each code, most related first (`Primary-Short` before the rest).

    A missing file means no related occupations; a malformed one raises ContentError.
    """
    if not path.exists():
        return {}
    tiers = {"Primary-Short": 0, "Primary-Long": 1, "Supplemental": 2}
    found: dict[str, list[tuple[int, int, str]]] = {}
    problems: list[Problem] = []
    with path.open(newline="", encoding="utf-8") as handle:
        reader = csv.reader(handle)
        if next(reader, None) != ["onet_soc_code", "related_onet_soc_code", "tier", "rank"]:
            raise ContentError([Problem(shown, 1, "related occupations need the columns onet_soc_code, "
                                                  "related_onet_soc_code, tier, rank")])
        for row in reader:
            if len(row) != 4:
                problems.append(Problem(shown, reader.line_num, "expected 4 columns (onet_soc_code, related_onet_"
                                                                f"soc_code, tier, rank), found {len(row)}"))
                continue
            code, related, tier, rank = row
            if tier not in tiers:
                problems.append(Problem(shown, reader.line_num, f"unknown tier '{tier}': use Primary-Short, "
                                                                "Primary-Long or Supplemental"))
            elif not rank.isdigit():
                problems.append(Problem(shown, reader.line_num, f"rank '{rank}' is not a whole number"))
            else:
                found.setdefault(code, []).append((tiers[tier], int(rank), related))
    if problems:
        raise ContentError(problems)
    return {code: tuple(c for _, _, c in sorted(items)) for code, items in found.items()}


@dataclass(frozen=True)
class CredentialRule:
    """A credential granted only after work experience (data/credentials-needing-experience.yml)."""

    name: str
    needs: str
    pattern: re.Pattern[str]  # matches any of the names that identify it, as whole words
    unlike: re.Pattern[str] | None = None  # names that contain one of those but need no experience

    def matches(self, credential: str) -> bool:
        found = self.pattern.search(credential) is not None
        return found and not (self.unlike is not None and self.unlike.search(credential))


CREDENTIAL_FIELDS = ("name", "matches", "except", "needs")


def _names_pattern(names: Sequence[str]) -> re.Pattern[str]:
    """A pattern matching any of `names` as whole words, in any case, with any spacing."""
    words = "|".join(r"\s+".join(map(re.escape, n.split())) for n in sorted(names, key=len, reverse=True))
    return re.compile(rf"(?<![\w-])(?:{words})(?![\w-])", re.I)


def load_credential_rules(path: Path, shown: str) -> tuple[CredentialRule, ...]:
    """The credentials that need experience. A missing file means none; a malformed one raises ContentError."""
    from .load import parse_yaml_file  # data does not otherwise depend on the content loader
    if not path.exists():
        return ()
    data, line_of, problems = parse_yaml_file(path.read_text(encoding="utf-8"), shown)
    if problems:
        raise ContentError(problems)
    if not isinstance(data, list):
        raise ContentError([Problem(shown, 1, "the file must be a list of credentials, each starting with '- name:'")])
    rules: list[CredentialRule] = []
    for index, item in enumerate(data):
        if not isinstance(item, dict):
            problems.append(Problem(shown, line_of(index), "each credential needs 'name', 'matches' and 'needs'"))
            continue
        for key in item:
            if key not in CREDENTIAL_FIELDS:
                problems.append(Problem(shown, line_of(index, key),
                                        f"unknown field '{key}'{suggest(key, CREDENTIAL_FIELDS)}"))
        name, matches, needs = item.get("name"), item.get("matches"), item.get("needs")
        for key, value in (("name", name), ("needs", needs)):
            if not isinstance(value, str) or not value.strip():
                problems.append(Problem(shown, line_of(index, key) if key in item else line_of(index),
                                        f"'{key}' must be text, such as "
                                        f"{'Professional Engineer (PE) license' if key == 'name' else 'about four years of supervised work'}"))
        if not isinstance(matches, list) or not matches or not all(isinstance(m, str) and m.strip() for m in matches):
            problems.append(Problem(shown, line_of(index, "matches") if "matches" in item else line_of(index),
                                    "'matches' must be a list of names, such as [Professional Engineer, PE license]"))
            continue
        unlike = item.get("except")
        if unlike is not None and (not isinstance(unlike, list) or not all(isinstance(m, str) and m.strip()
                                                                           for m in unlike)):
            problems.append(Problem(shown, line_of(index, "except"), "'except' must be a list of names, such as "
                                                                     "[Associate Professional in Human Resources]"))
            continue
        if isinstance(name, str) and isinstance(needs, str):
            rules.append(CredentialRule(" ".join(name.split()), " ".join(needs.split()), _names_pattern(matches),
                                        _names_pattern(unlike) if unlike else None))
    if problems:
        raise ContentError(problems)
    return tuple(rules)


@dataclass(frozen=True, eq=False)
class Facts:
    """The data content is checked against: occupations, O*NET's related occupations and credential rules.

    Compared by identity: the builder keeps one while none of its files changes.
    """

    occupations: Mapping[str, Occupation]
    related: Mapping[str, tuple[str, ...]]
    credentials: tuple[CredentialRule, ...] = ()
    framework: "Framework | None" = None

    def are_related(self, one: str, other: str) -> bool:
        """Whether O*NET lists either occupation as related to the other."""
        return other in self.related.get(one, ()) or one in self.related.get(other, ())


@dataclass(frozen=True)
class Pay:
    """The typical pay of a group of occupations, such as one ladder step, and what it rests on.

    `median` is the median of the occupations' median yearly wages and `starting` the median of their 10th
    percentiles (what beginners often earn). Occupations with their own figures are used when there are any;
    otherwise figures for broader groups, and `grouped` says so. `hourly` is set only where BLS publishes
    hourly wages alone (work that is seldom year-round and full-time).
    """

    median: int | None = None
    starting: int | None = None
    hourly: float | None = None
    grouped: bool = False
    codes: tuple[str, ...] = ()  # the SOC codes of the figures it was worked out from

    @property
    def is_published(self) -> bool:
        return self.median is not None or self.hourly is not None


def typical_pay(occupations: Sequence[Occupation]) -> Pay:
    """The typical pay of these occupations (see `Pay`)."""
    for grouped, kinds in ((False, (FIGURES_OWN,)), (True, (FIGURES_GROUP, FIGURES_SPECIALTY))):
        chosen = [o for o in occupations if o.figures in kinds and o.wage_median is not None]
        if chosen:
            starting = [o.wage_p10 for o in chosen if o.wage_p10 is not None]
            return Pay(median=int(median(o.wage_median for o in chosen)),
                       starting=int(median(starting)) if starting else None, grouped=grouped,
                       codes=tuple(dict.fromkeys(o.figures_soc for o in chosen)))
    hourly = [o for o in occupations if o.figures == FIGURES_OWN and o.hourly_median is not None]
    return Pay(hourly=round(median(o.hourly_median for o in hourly), 2),
               codes=tuple(dict.fromkeys(o.soc_code for o in hourly))) if hourly else Pay()


@dataclass(frozen=True)
class Framework:
    """The 2024 National Career Clusters Framework: its clusters, in order, each with its sub-clusters."""

    clusters: tuple[tuple[str, tuple[str, ...]], ...] = ()

    @property
    def names(self) -> dict[str, str]:
        """Sub-cluster name -> its cluster's name."""
        return {sub: cluster for cluster, subs in self.clusters for sub in subs}


def load_framework(path: Path, shown: str) -> Framework:
    """The framework's official names from data/modern-career-clusters.yml; empty if the file is missing."""
    from .load import parse_yaml_file
    if not path.exists():
        return Framework()
    data, line_of, problems = parse_yaml_file(path.read_text(encoding="utf-8"), shown)
    if problems:
        raise ContentError(problems)
    if not isinstance(data, dict) or not all(isinstance(v, list) and all(isinstance(s, str) for s in v)
                                              for v in data.values()):
        raise ContentError([Problem(shown, 1, "the file must list each cluster's name, then its sub-clusters' "
                                              "names as '- name' lines")])
    return Framework(tuple((str(name), tuple(subs)) for name, subs in data.items()))
