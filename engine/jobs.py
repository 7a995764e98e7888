"""Job data files: what the jobs explorer, the compare page and the plan page read in the browser.

Written by the build beside the pages, as `<script>` files that call `window.__jobs.add(name, data)`
(like the state pay files, so they load from disk too, where fetch() of local files is refused):

    assets/jobs/index.js        one row per occupation, for filtering and sorting the A to Z list
                                (static/js/jobs.js)
    assets/jobs/<group>.js      the occupations of one SOC minor group (the code's first five characters,
                                such as `29-11` for 29-1141.00) in full, by code: figures, preparation,
                                skills, work values, programs and the ladders each is on (static/js/compare.js,
                                static/js/plan.js)
    assets/jobs/ladders/<pathway slug>.js
                                the steps of each of a pathway's ladders, in order (static/js/plan.js)

A page loads only the groups of the jobs it shows. One file per group rather than per job keeps the build
to about a hundred files (a few kilobytes each, gzipped) instead of a thousand. A job's record names its
ladders, and the plan page loads the steps of the one it shows: an occupation can be on hundreds of ladders
on a large site, and their steps in every record of its group made files of megabytes.

A figure that is not published is null, never 0. Figures that are a broader group's carry `source`, the
words the occupation page uses to say whose they are.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from .data import EDUCATION_SLUGS, EXPERIENCE_SLUGS, TRAINING_SLUGS, Occupation
from .model import Ladder, OccupationPage, Pathway, Site, Step
from .render import figures_source, job_facts, openings, outlook, training_links
from .routes import job_group

JOBS_FOLDER = "assets/jobs/"
LADDERS_FOLDER = "ladders/"
"""Within `JOBS_FOLDER`: a file per pathway with its ladders' steps."""

TOP_SKILLS = 5
"""How many of a job's most important skills the compare page shows."""
TOP_VALUES = 3
"""How many of a job's highest work values the compare page shows."""


def education_slug(occupation: Occupation) -> str:
    """The explorer's name for the occupation's typical entry education; '' where none is published."""
    return EDUCATION_SLUGS.get(occupation.education, "")


def experience_slug(occupation: Occupation) -> str:
    """The explorer's name for the work experience the occupation usually needs to start; '' where none is
    published."""
    return EXPERIENCE_SLUGS.get(occupation.experience, "")


def training_slug(occupation: Occupation) -> str:
    """The explorer's name for the on-the-job training the occupation typically needs; '' where none is
    published."""
    return TRAINING_SLUGS.get(occupation.training, "")


def cluster_slug(url: str) -> str:
    """'clusters/health-science/' -> 'health-science'."""
    return url.rstrip("/").rsplit("/", 1)[-1]


@dataclass(frozen=True)
class LadderPlace:
    """A ladder an occupation is on: its pathway, its number there (from 1) and the step the job is at."""

    pathway: Pathway
    number: int
    ladder: Ladder
    at: int  # index of the occupation's (first) step on the ladder


def ladder_places(site: Site) -> dict[str, list[LadderPlace]]:
    """Occupation code -> every ladder it is on, in cluster, pathway and ladder order."""
    places: dict[str, list[LadderPlace]] = {}
    for pathway in site.pathways:
        for number, ladder in enumerate(pathway.ladders, start=1):
            seen: set[str] = set()
            for index, step in enumerate(ladder.steps):
                for occupation in step.occupations:
                    if occupation.code not in seen:
                        seen.add(occupation.code)
                        places.setdefault(occupation.code, []).append(LadderPlace(pathway, number, ladder, index))
    return places


def index_rows(site: Site) -> dict[str, Any]:
    """The explorer's data: the clusters and, for each occupation by title, [code, title, education, annual
    median pay, growth %, openings a year, bright outlook (1/0), cluster numbers, interest code, the line of
    figures shown under it, work experience needed to start, on-the-job training]; null where a figure is not
    published, and '' where the education, experience or training is not."""
    average = site.profiles.average_growth if site.profiles else None
    clusters = [c.ref for c in site.clusters]
    number = {ref.url: n for n, ref in enumerate(clusters)}
    rows = []
    for entry in sorted(site.occupations, key=lambda e: (e.title.casefold(), e.occupation.code)):
        job = entry.occupation
        rows.append([job.code, job.title, education_slug(job), job.wage_median, job.growth_pct, job.openings,
                     int(outlook(job, average).bright), [number[ref.url] for ref in entry.clusters if ref.url in number],
                     job.interest_code, job_facts(job), experience_slug(job), training_slug(job)])
    return {"clusters": [[cluster_slug(ref.url), ref.title] for ref in clusters], "rows": rows}


def _step(step: Step) -> dict[str, Any]:
    return {"title": step.title, "stage": step.stage, "education": step.education, "experience": step.experience,
            "credentials": list(step.credentials), "pay": step.pay.median, "hourly": step.pay.hourly,
            "grouped": step.pay.grouped, "note": step.pay_note, "codes": [o.code for o in step.occupations]}


def ladder_steps(pathway: Pathway) -> list[list[dict[str, Any]]]:
    """The steps of each of the pathway's ladders, in order: its file in `LADDERS_FOLDER`."""
    return [[_step(step) for step in ladder.steps] for ladder in pathway.ladders]


def job_record(entry: OccupationPage, places: list[LadderPlace], average: float | None) -> dict[str, Any]:
    """Everything the compare and plan pages show about one occupation; of each ladder it is on, where it is
    and how many steps the ladder has (the steps are in the pathway's file, `ladder_steps`)."""
    job = entry.occupation
    out = outlook(job, average)
    return {
        "code": job.code, "title": job.title, "summary": entry.summary, "url": job.url,
        "soc": job.figures_soc, "figures": job.figures, "source": figures_source(job),
        "pay": {"p10": job.wage_p10, "median": job.wage_median, "p90": job.wage_p90, "hourly": job.hourly_median,
                "employment": job.employment},
        "growth": job.growth_pct, "openings": job.openings, "phrase": out.phrase, "bright": out.bright,
        "openings_text": openings(job.openings, "not published"),  # as the job's page says it ("fewer than 50")
        "average": average,
        "education": job.education, "experience": job.experience, "training": job.training,
        # BLS gives these for the catch-all group the job is part of, not for the job ('' when they are its own's
        # or its whole occupation's)
        "prepared": "for a mix of jobs" if job.preparation_is_mixed else "",
        "zone": job.job_zone, "zone_label": job.job_zone_label, "interest_code": job.interest_code,
        "interests": list(job.interests), "skills": [r.name for r in entry.profile.skills[:TOP_SKILLS]],
        "rated": entry.profile.rated,
        # the job's three highest work values, with O*NET's rating of 7; null if O*NET has not rated them
        "values": [[value.name, score] for value, score in entry.profile.ranked_values()[:TOP_VALUES]]
                  if entry.profile.work_values is not None else None,
        "programs": [[p.title, p.code] for p in entry.profile.programs_shown],  # as on the job's page
        "links": [[ref.title, ref.url, ref.summary] for ref in training_links(job)],
        "clusters": [[ref.title, ref.url] for ref in entry.clusters],
        "ladders": [{"pathway": place.pathway.title, "url": place.pathway.url, "slug": place.pathway.slug,
                     "number": place.number, "ladder": place.ladder.title, "anchor": place.ladder.anchor,
                     "cluster": place.pathway.cluster.title, "at": place.at,
                     "size": len(place.ladder.steps)} for place in places],
    }


def _script(name: str, data: Any) -> bytes:
    body = json.dumps(data, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return f"window.__jobs.add({json.dumps(name)},{body});\n".encode()


def jobs_key(site: Site) -> tuple:
    """What the job files depend on besides the data files behind `site.profiles`: the clusters, every pathway's
    ladders as written, and each occupation's summary and clusters. Equal keys give equal files."""
    return (tuple(c.ref for c in site.clusters),
            tuple((p.url, p.title, p.cluster, p.ladders) for p in site.pathways),
            tuple((e.occupation, e.summary, e.clusters) for e in site.occupations))


def render_job_files(site: Site) -> dict[str, bytes]:
    """The explorer's index and one file per SOC minor group of occupations, by output path."""
    average = site.profiles.average_growth if site.profiles else None
    places = ladder_places(site)
    groups: dict[str, dict[str, Any]] = {}
    for entry in site.occupations:
        code = entry.occupation.code
        groups.setdefault(job_group(code), {})[code] = job_record(entry, places.get(code, []), average)
    files = {f"{JOBS_FOLDER}index.js": _script("index", index_rows(site))}
    for group in sorted(groups):
        files[f"{JOBS_FOLDER}{group}.js"] = _script(group, groups[group])
    for pathway in site.pathways:
        name = f"{LADDERS_FOLDER}{pathway.slug}"
        files[f"{JOBS_FOLDER}{name}.js"] = _script(name, ladder_steps(pathway))
    return files


__all__ = ["JOBS_FOLDER", "LADDERS_FOLDER", "education_slug", "experience_slug", "facts", "index_rows",
           "job_group", "job_record", "jobs_key", "ladder_places", "ladder_steps", "render_job_files", "training_slug"]

