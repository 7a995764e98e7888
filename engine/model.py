"""Model: the site as frozen, fully resolved objects.

Built only from validated sources, so it assumes every reference resolves.
Each object is created complete: pathways hold their occupations, clusters
hold their pathways, occupations know every step that uses them. The graph
points one way (a pathway refers to its cluster by a `Ref`, not the object),
so objects compare by value, which lets the dev server tell what changed.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass
from typing import Mapping, Sequence

from .config import Config
from .data import INTEREST_LETTERS, Occupation, Pay, typical_pay
from .load import Source, slugify
from .profiles import EMPTY as EMPTY_PROFILE, Profile, Profiles
from .markup import Markup
from .routes import url_for
from .schema import INTERESTS, STAGES


@dataclass(frozen=True)
class Ref:
    """A link to another page: enough to name it, link to it and describe it."""

    title: str
    url: str
    summary: str = ""


@dataclass(frozen=True)
class Step:
    stage: str
    title: str
    occupations: tuple[Occupation, ...]
    education: str
    experience: str
    credentials: tuple[str, ...]
    skills: tuple[str, ...]
    pay: Pay  # typical pay of its occupations: the median worker's, and a beginner's (10th percentile)
    pay_note: str = ""

    @property
    def stage_label(self) -> str:
        return STAGE_LABELS[self.stage]

    @property
    def median_wage(self) -> int | None:
        """The step's typical (median) yearly pay, or None if no yearly figure is published."""
        return self.pay.median


@dataclass(frozen=True)
class Ladder:
    """One route up a pathway: steps that people climb one after another."""

    slug: str  # unique within its pathway; the ladder's anchor on the pathway page
    title: str
    summary: str
    steps: tuple[Step, ...]

    @property
    def anchor(self) -> str:
        return f"ladder-{self.slug}"

    def step_anchor(self, number: int) -> str:
        """The id of this ladder's step `number` (counting from 1) on the pathway page."""
        return f"{self.anchor}-step-{number}"


STAGE_LABELS = {"entry": "Entry level", "mid": "Mid level", "advanced": "Advanced", "leadership": "Leadership"}


@dataclass(frozen=True)
class Pathway:
    slug: str
    title: str
    summary: str
    cluster: Ref
    interests: tuple[str, ...]
    interests_derived: bool
    related: tuple[Ref, ...]
    ladders: tuple[Ladder, ...]
    body: Markup
    source: str
    updated: str | None = None  # date of the last commit to the source file

    @property
    def url(self) -> str:
        return url_for("pathway", self.slug)

    @property
    def ref(self) -> Ref:
        return Ref(self.title, self.url, self.summary)

    @property
    def steps(self) -> tuple[Step, ...]:
        """Every step of every ladder, ladder by ladder."""
        return tuple(step for ladder in self.ladders for step in ladder.steps)

    @property
    def occupations(self) -> tuple[Occupation, ...]:
        """Every occupation on the ladders, once, in ladder order."""
        seen: dict[str, Occupation] = {}
        for step in self.steps:
            for occupation in step.occupations:
                seen.setdefault(occupation.code, occupation)
        return tuple(seen.values())


@dataclass(frozen=True)
class Cluster:
    slug: str
    title: str
    summary: str
    order: int
    body: Markup
    pathways: tuple[Pathway, ...]
    source: str
    updated: str | None = None

    @property
    def url(self) -> str:
        return url_for("cluster", self.slug)

    @property
    def ref(self) -> Ref:
        return Ref(self.title, self.url, self.summary)

    @property
    def interests(self) -> tuple[str, ...]:
        """Interest areas of its pathways, most common first."""
        counts = Counter(i for p in self.pathways for i in p.interests)
        return tuple(sorted(counts, key=lambda i: (-counts[i], INTERESTS.index(i))))


@dataclass(frozen=True)
class Appearance:
    """A place on a ladder where an occupation appears, and the steps above it there."""

    pathway: Ref
    cluster: Ref
    ladder: str
    step: str
    stage: str
    anchor: str = ""  # the ladder's id on the pathway page
    above: tuple[str, ...] = ()  # titles of the steps above this one, next first

    @property
    def stage_label(self) -> str:
        return STAGE_LABELS[self.stage]


@dataclass(frozen=True)
class OccupationPage:
    occupation: Occupation
    appearances: tuple[Appearance, ...]
    related: tuple[Occupation, ...] = ()  # O*NET's related occupations, most related first
    summary: str = ""  # one sentence on what the job is (content/occupations/<code>.md)
    description: Markup | None = None  # what the work is
    source: str | None = None
    updated: str | None = None
    profile: Profile = EMPTY_PROFILE
    similar: tuple[tuple[Occupation, int], ...] = ()  # jobs needing the most similar skills, with the match
    clusters: tuple[Ref, ...] = ()  # the clusters it belongs to: of its ladders, or as O*NET lists it

    @property
    def url(self) -> str:
        return self.occupation.url

    @property
    def title(self) -> str:
        return self.occupation.title


@dataclass(frozen=True)
class Page:
    """A free-standing page, such as About."""

    slug: str
    title: str
    summary: str
    body: Markup
    source: str
    updated: str | None = None

    @property
    def url(self) -> str:
        return url_for("page", self.slug)


@dataclass(frozen=True)
class Site:
    config: Config
    clusters: tuple[Cluster, ...]
    pages: tuple[Page, ...]
    occupations: tuple[OccupationPage, ...]  # every occupation in the data, by code
    profiles: Profiles | None = None

    @property
    def pathways(self) -> tuple[Pathway, ...]:
        return tuple(p for c in self.clusters for p in c.pathways)

    def by_interest(self) -> dict[str, tuple[Pathway, ...]]:
        """Pathways for each interest area, in cluster order."""
        return {i: tuple(p for p in self.pathways if i in p.interests) for i in INTERESTS}


def build_site(config: Config, sources: Sequence[Source], markups: Mapping[str, Markup],
               occupations: Mapping[str, Occupation], dates: Mapping[str, str] | None = None,
               related: Mapping[str, Sequence[str]] | None = None, profiles: Profiles | None = None) -> Site:
    """The site model from validated sources. Returns a complete, frozen Site.

    `dates` maps source paths to the date of their last commit (see `history`); `related` maps an
    occupation code to O*NET's related codes, most related first (see `data.load_related`); `profiles`
    holds skills, programs and the rest for each occupation (see `profiles.load_profiles`).
    """
    dates = dates or {}
    cluster_sources = {s.slug: s for s in sources if s.kind == "cluster"}
    pathway_sources = sorted((s for s in sources if s.kind == "pathway"),
                             key=lambda s: (str(s.front.data["title"]).casefold(), s.slug))
    refs = {s.slug: Ref(_text(s, "title"), url_for("pathway", s.slug), _text(s, "summary")) for s in pathway_sources}
    cluster_refs = {slug: Ref(_text(s, "title"), url_for("cluster", slug), _text(s, "summary"))
                    for slug, s in cluster_sources.items()}

    pathways_by_cluster: dict[str, list[Pathway]] = defaultdict(list)
    for source in pathway_sources:
        pathway = _pathway(source, markups[source.path], cluster_refs, refs, occupations, dates.get(source.path))
        pathways_by_cluster[str(source.front.data["cluster"])].append(pathway)

    clusters = tuple(sorted(
        (Cluster(slug=slug, title=_text(s, "title"), summary=_text(s, "summary"),
                 order=int(s.front.data.get("order", 1000)), body=markups[s.path],
                 pathways=tuple(pathways_by_cluster.get(slug, ())), source=s.path, updated=dates.get(s.path))
         for slug, s in cluster_sources.items()),
        key=lambda c: (c.order, c.title.casefold(), c.slug)))
    pages = tuple(sorted((Page(slug=s.slug, title=_text(s, "title"), summary=_text(s, "summary"),
                               body=markups[s.path], source=s.path, updated=dates.get(s.path))
                          for s in sources if s.kind == "page"), key=lambda p: p.slug))
    descriptions = {s.slug: s for s in sources if s.kind == "occupation"}
    return Site(config=config, clusters=clusters, pages=pages, profiles=profiles,
                occupations=_occupation_pages(clusters, occupations, related or {}, profiles, descriptions,
                                              markups, dates))


def _text(source: Source, key: str) -> str:
    return " ".join(str(source.front.data.get(key, "")).split())


def _pathway(source: Source, markup: Markup, clusters: Mapping[str, Ref], refs: Mapping[str, Ref],
             occupations: Mapping[str, Occupation], updated: str | None) -> Pathway:
    data = source.front.data
    ladders: list[Ladder] = []
    for ladder in data["ladders"]:
        title = " ".join(ladder["title"].split())
        slug = slugify(title) or "ladder"
        taken = {existing.slug for existing in ladders}
        slug = next(f"{slug}-{n}" for n in range(2, len(taken) + 3) if f"{slug}-{n}" not in taken) \
            if slug in taken else slug
        ladders.append(Ladder(slug=slug, title=title, summary=" ".join(str(ladder.get("summary") or "").split()),
                              steps=tuple(_step(step, occupations) for step in ladder["steps"])))
    given = tuple(data.get("interests") or ())
    interests = given or derive_interests([o for ladder in ladders for s in ladder.steps for o in s.occupations])
    return Pathway(
        slug=source.slug, title=_text(source, "title"), summary=_text(source, "summary"),
        cluster=clusters[data["cluster"]], interests=interests, interests_derived=not given,
        related=tuple(refs[slug] for slug in data.get("related") or ()), ladders=tuple(ladders), body=markup,
        source=source.path, updated=updated)


def _step(step: Mapping, occupations: Mapping[str, Occupation]) -> Step:
    found = tuple(occupations[code] for code in step["occupations"])
    return Step(stage=step["stage"], title=" ".join(step["title"].split()), occupations=found,
                education=" ".join(step["education"].split()), experience=" ".join(step["experience"].split()),
                credentials=tuple(" ".join(c.split()) for c in step.get("credentials") or ()),
                skills=tuple(" ".join(s.split()) for s in step.get("skills") or ()),
                pay=typical_pay(found), pay_note=" ".join(str(step.get("pay_note") or "").split()))


def derive_interests(occupations: Sequence[Occupation]) -> tuple[str, ...]:
    """Interest areas from occupations' RIASEC codes: letters score 3, 2, 1 by position.

    Returns up to three areas scoring at least half the top score, best first.
    """
    scores: Counter[str] = Counter()
    for occupation in occupations:
        for weight, letter in zip((3, 2, 1), occupation.interest_code):
            if letter in INTEREST_LETTERS:
                scores[INTEREST_LETTERS[letter]] += weight
    if not scores:
        return ()
    top = max(scores.values())
    ranked = sorted(scores, key=lambda i: (-scores[i], INTERESTS.index(i)))
    return tuple(i for i in ranked if scores[i] * 2 >= top)[:3]


RELATED_LIMIT = 6


def _occupation_pages(clusters: Sequence[Cluster], occupations: Mapping[str, Occupation],
                      related: Mapping[str, Sequence[str]], profiles: Profiles | None,
                      descriptions: Mapping[str, Source], markups: Mapping[str, Markup],
                      dates: Mapping[str, str]) -> tuple[OccupationPage, ...]:
    """A page for every occupation in the data, in code order."""
    appearances: dict[str, list[Appearance]] = defaultdict(list)
    by_title = {c.title: c.ref for c in clusters}
    for cluster in clusters:
        cluster_ref = cluster.ref
        for pathway in cluster.pathways:
            pathway_ref = pathway.ref
            for ladder in pathway.ladders:
                for index, step in enumerate(ladder.steps):
                    above = tuple(s.title for s in ladder.steps[index + 1:])
                    for occupation in step.occupations:
                        appearances[occupation.code].append(
                            Appearance(pathway=pathway_ref, cluster=cluster_ref, ladder=ladder.title,
                                       step=step.title, stage=step.stage, anchor=ladder.anchor, above=above))
    pages = []
    for code in sorted(occupations):
        profile = profiles.of(code) if profiles else EMPTY_PROFILE
        places = tuple(appearances.get(code, ()))
        source = descriptions.get(code)
        refs = tuple(dict.fromkeys(p.cluster for p in places)) or \
            tuple(by_title[name] for name in profile.clusters if name in by_title)
        pages.append(OccupationPage(
            occupation=occupations[code], appearances=places,
            related=tuple(occupations[o] for o in related.get(code, ()) if o in occupations)[:RELATED_LIMIT],
            summary=_text(source, "summary") if source else "",
            description=markups.get(source.path) if source else None,
            source=source.path if source else None, updated=dates.get(source.path) if source else None,
            profile=profile,
            similar=tuple((occupations[s.code], s.match) for s in profile.similar if s.code in occupations),
            clusters=refs))
    return tuple(pages)


assert set(STAGE_LABELS) == set(STAGES)
