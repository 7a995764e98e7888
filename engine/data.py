"""Occupation data: O*NET and BLS figures that content refers to by code.

`data/occupations.csv` is read once per build into frozen `Occupation`
records. A figure the source does not publish is `None`, never zero, so
templates can say "not available" instead of inventing a number.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Mapping

from .problems import ContentError, Problem

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

    @property
    def onet_url(self) -> str:
        return ONET_URL.format(code=self.code)

    @property
    def url(self) -> str:
        """Site-relative URL of the occupation's page."""
        return f"occupations/{self.code}/"

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


def load_occupations(path: Path, shown: str) -> Mapping[str, Occupation]:
    """Occupations by O*NET-SOC code. Raises ContentError naming bad rows."""
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
