"""Model: the site as frozen, fully resolved objects.

Built only from validated sources, so it assumes every reference resolves.
Each object is created complete: pathways hold their occupations, clusters
hold their pathways, occupations know every step that uses them. The graph
points one way (a pathway refers to its cluster by a `Ref`, not the object),
so objects compare by value, which lets the dev server tell what changed.
"""

from __future__ import annotations

import functools
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import Any, Callable, Iterable, Mapping, Sequence, TypeVar

from .config import Config
from .data import INTEREST_LETTERS, Framework, Occupation, Pay, typical_pay
from .explore import Statement
from .load import Source, slugify
from .profiles import EMPTY as EMPTY_PROFILE, Profile, Profiles, Program
from .markup import Markup
from .routes import url_for
from .search_words import SearchWords
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

    @property
    def occupations(self) -> tuple[Occupation, ...]:
        """The occupations of every step, from entry level up (one on two steps is there twice)."""
        return tuple(occupation for step in self.steps for occupation in step.occupations)

    def step_anchor(self, number: int) -> str:
        """The id of this ladder's step `number` (counting from 1) on the pathway page."""
        return f"{self.anchor}-step-{number}"


STAGE_LABELS = {"entry": "Entry level", "mid": "Mid level", "advanced": "Advanced", "leadership": "Leadership"}


@dataclass(frozen=True)
class PathwayCard:
    """A pathway as the pages that list it show it (its cluster's page, the home and interest pages). The rest
    of the pathway, such as its text, can change without changing those pages, so the dev server leaves them."""

    title: str
    url: str
    summary: str
    cluster: Ref
    ladders: tuple[Ladder, ...]


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

    # Remembered on the object: a pathway the dev server reuses (`ModelMemo`) then gives the very same
    # Ref and lists each time, and pages that show them compare equal at once.
    @functools.cached_property
    def url(self) -> str:
        return url_for("pathway", self.slug)

    @functools.cached_property
    def ref(self) -> Ref:
        return Ref(self.title, self.url, self.summary)

    @functools.cached_property
    def card(self) -> PathwayCard:
        return PathwayCard(self.title, self.url, self.summary, self.cluster, self.ladders)

    @functools.cached_property
    def ladder_codes(self) -> tuple[tuple[tuple[str, ...], ...], ...]:
        """The occupation codes of each step of each ladder: the shape of the ladders, which the explorers'
        data files follow (see `explore.explore_key`)."""
        return tuple(tuple(tuple(o.code for o in step.occupations) for step in ladder.steps) for ladder in self.ladders)

    @functools.cached_property
    def steps(self) -> tuple[Step, ...]:
        """Every step of every ladder, ladder by ladder."""
        return tuple(step for ladder in self.ladders for step in ladder.steps)

    @functools.cached_property
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

    @functools.cached_property
    def url(self) -> str:
        return url_for("cluster", self.slug)

    @functools.cached_property
    def ref(self) -> Ref:
        return Ref(self.title, self.url, self.summary)

    @functools.cached_property
    def cards(self) -> tuple[PathwayCard, ...]:
        """Its pathways as its page lists them."""
        return tuple(p.card for p in self.pathways)

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
    related: tuple[Occupation, ...] = ()  # O*NET's related occupations, most related first: those the page shows
    all_related: tuple[Occupation, ...] = ()  # all of them (`RELATED_LIMIT` of them are shown)
    summary: str = ""  # one sentence on what the job is (content/occupations/<code>.md)
    description: Markup | None = None  # what the work is
    source: str | None = None
    updated: str | None = None
    profile: Profile = EMPTY_PROFILE
    similar: tuple[tuple[Occupation, int], ...] = ()  # jobs needing the most similar skills, with the match
    clusters: tuple[Ref, ...] = ()  # the clusters it belongs to: of its ladders, or as O*NET lists it
    next_steps: tuple[Occupation, ...] = ()  # the occupations of the step after its own on each ladder it is on
    next_counts: tuple[int, ...] = ()  # for each of `next_steps`, on how many of those ladders it is the next step
    later_steps: tuple[Occupation, ...] = ()  # the occupations of the steps above those, the nearest first
    earlier_steps: tuple[Occupation, ...] = ()  # the occupations of the steps below its own, the nearest first

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
class Placement:
    """Where some occupations sit in the other framework: a page there, and how many of them it holds."""

    ref: Ref
    count: int
    parent: Ref | None = None  # a sub-cluster's 2024 cluster, or a pathway's cluster


@dataclass(frozen=True)
class SubCluster:
    slug: str
    title: str
    summary: str
    body: Markup | None
    cluster: Ref
    occupations: tuple[OccupationPage, ...]  # by title
    programs: tuple[tuple[Program, int], ...]  # programs of study, with how many of its occupations they lead to
    pathways: tuple[Placement, ...]  # the 16-cluster pathways whose ladders hold its occupations, most first
    legacy_clusters: tuple[Placement, ...]  # the 16 clusters its occupations belong to, most first
    source: str | None = None
    updated: str | None = None

    @property
    def url(self) -> str:
        return url_for("sub-cluster", self.slug)

    @property
    def ref(self) -> Ref:
        return Ref(self.title, self.url, self.summary)


CROSS_CUTTING = ("Digital Technology", "Management & Entrepreneurship", "Marketing & Sales")
"""The 2024 clusters whose skills are used in every industry, as Advance CTE describes them."""


@dataclass(frozen=True)
class ModernCluster:
    """A cluster of the 2024 National Career Clusters Framework."""

    slug: str
    title: str
    summary: str
    body: Markup | None
    sub_clusters: tuple[SubCluster, ...]
    source: str | None = None
    updated: str | None = None

    @property
    def url(self) -> str:
        return url_for("modern-cluster", self.slug)

    @property
    def ref(self) -> Ref:
        return Ref(self.title, self.url, self.summary)

    @property
    def is_cross_cutting(self) -> bool:
        return self.title in CROSS_CUTTING

    @property
    def occupations(self) -> tuple[OccupationPage, ...]:
        seen: dict[str, OccupationPage] = {}
        for sub in self.sub_clusters:
            for entry in sub.occupations:
                seen.setdefault(entry.occupation.code, entry)
        return tuple(sorted(seen.values(), key=lambda e: e.title.casefold()))

    @property
    def programs(self) -> tuple[tuple[Program, int], ...]:
        """The programs of study that lead to most of its occupations, with how many each leads to."""
        return _programs(self.occupations)

    @property
    def pathways(self) -> tuple[Placement, ...]:
        """The 16-cluster pathways whose ladders hold its occupations, most first."""
        return _pathways_of(self.occupations)

    @property
    def legacy_clusters(self) -> tuple[Placement, ...]:
        """The 16 clusters its occupations belong to, with how many, most first."""
        counts: Counter[Ref] = Counter()
        for entry in self.occupations:
            counts.update(set(entry.clusters))
        return tuple(Placement(ref, n) for ref, n in sorted(counts.items(), key=lambda i: (-i[1], i[0].title)))


@dataclass(frozen=True)
class Crosswalk:
    """How the two frameworks map onto each other, counted in occupations (SOC codes)."""

    legacy: tuple[Ref, ...]  # the 16 clusters, in order
    modern: tuple[Ref, ...]  # the 14 clusters, in order
    counts: Mapping[tuple[str, str], int]  # (legacy URL, modern URL) -> occupations in both

    def count(self, legacy: Ref, modern: Ref) -> int:
        return self.counts.get((legacy.url, modern.url), 0)


@dataclass(frozen=True)
class Site:
    config: Config
    clusters: tuple[Cluster, ...]
    pages: tuple[Page, ...]
    occupations: tuple[OccupationPage, ...]  # every occupation in the data, by code
    profiles: Profiles | None = None
    modern: tuple[ModernCluster, ...] = ()  # the 2024 framework
    modern_places: Mapping[str, tuple[Placement, ...]] = field(default_factory=dict)
    """A 16-cluster cluster's or pathway's URL -> the 2024 sub-clusters its occupations sit in, most first."""
    crosswalk: Crosswalk | None = None
    search_words: SearchWords = SearchWords()  # synonyms and filler words for search
    quiz: tuple[Statement, ...] = ()  # the interest quiz's statements, in the order asked (data/quiz.yml)

    @property
    def sub_clusters(self) -> tuple[SubCluster, ...]:
        return tuple(s for c in self.modern for s in c.sub_clusters)

    @functools.cached_property
    def pathways(self) -> tuple[Pathway, ...]:
        return tuple(p for c in self.clusters for p in c.pathways)

    def by_interest(self) -> Mapping[str, tuple[PathwayCard, ...]]:
        """Pathways for each interest area, in cluster order."""
        return self._by_interest

    @functools.cached_property
    def _by_interest(self) -> Mapping[str, tuple[PathwayCard, ...]]:
        """Worked out once per model: the page plan and search both ask, and a large site has thousands."""
        found: dict[str, list[PathwayCard]] = {i: [] for i in INTERESTS}
        for pathway in self.pathways:
            for interest in set(pathway.interests) & found.keys():
                found[interest].append(pathway.card)
        return {i: tuple(cards) for i, cards in found.items()}


T = TypeVar("T")


class ModelMemo:
    """Parts of the last model, held by a caller that builds the model again and again (the dev server's
    `Builder`): a pathway whose file, cluster, related pathways and data are unchanged, and any occupation page,
    cluster or 2024 cluster equal to the last one, is the very same object, so later comparisons of it (which
    page to render again, which data files to write again) end at once. The model is equal either way.

    `derived` remakes a part only when what it is made from changed; `same` keeps the last part equal to a new
    one. What the last model did not ask for is forgotten (`forget_unused`), so deleted files leave nothing."""

    def __init__(self) -> None:
        self.values: dict[tuple, tuple[tuple, Any]] = {}  # key -> (inputs, value), see `derived`
        self.used: set[tuple] = set()  # the keys asked for since `forget_unused`

    def derived(self, key: tuple, inputs: tuple, compute: Callable[[], T]) -> T:
        """What `compute` gives, computed again only when one of `inputs` differs from last time."""
        self.used.add(key)
        known = self.values.get(key)
        if known is not None and known[0] == inputs:  # item by item, each first by identity (in C)
            return known[1]
        value = compute()
        self.values[key] = (inputs, value)
        return value

    def forget_unused(self) -> None:
        """Keep only what the last model asked for."""
        if len(self.used) < len(self.values):  # else every part was asked for (what is used is also kept)
            self.values = {key: found for key, found in self.values.items() if key in self.used}
        self.used = set()

    def same(self, kind: str, name: str, part: T) -> T:
        """`part`, or the last model's equal part of that kind and name."""
        key = ("same", kind, name)
        self.used.add(key)
        known = self.values.get(key)
        if known is not None and (known[1] is part or known[1] == part):
            return known[1]
        self.values[key] = ((), part)
        return part


def build_site(config: Config, sources: Sequence[Source], markups: Mapping[str, Markup],
               occupations: Mapping[str, Occupation], dates: Mapping[str, str] | None = None,
               related: Mapping[str, Sequence[str]] | None = None, profiles: Profiles | None = None,
               framework: Framework | None = None, search_words: SearchWords | None = None,
               quiz: Sequence[Statement] = (), memo: ModelMemo | None = None) -> Site:
    """The site model from validated sources. Returns a complete, frozen Site.

    `dates` maps source paths to the date of their last commit (see `history`); `related` maps an
    occupation code to O*NET's related codes, most related first (see `data.load_related`); `profiles`
    holds skills, programs and the rest for each occupation (see `profiles.load_profiles`). With `memo`,
    unchanged pathways are those of the last model (equal either way); its caller forgets what was not used.
    """
    dates = dates or {}
    by_kind: dict[str, list[Source]] = defaultdict(list)
    for source in sources:
        by_kind[source.kind].append(source)
    cluster_sources = {s.slug: s for s in by_kind["cluster"]}
    pathway_sources = sorted(by_kind["pathway"], key=lambda s: (str(s.front.data["title"]).casefold(), s.slug))
    refs = {s.slug: memoized(memo, ("ref", s.path), (s,),
                             lambda s=s: Ref(_text(s, "title"), url_for("pathway", s.slug), _text(s, "summary")))
            for s in pathway_sources}
    cluster_refs = {slug: Ref(_text(s, "title"), url_for("cluster", slug), _text(s, "summary"))
                    for slug, s in cluster_sources.items()}

    pathways_by_cluster: dict[str, list[Pathway]] = defaultdict(list)
    pays: dict[tuple[str, ...], Pay] = {}  # the typical pay of each set of occupations a step names, worked out once
    for source in pathway_sources:
        def make(source: Source = source) -> Pathway:
            return _pathway(source, markups[source.path], cluster_refs, refs, occupations, dates.get(source.path),
                            pays)
        if memo is None:
            pathway = make()
        else:  # everything `_pathway` reads
            data = source.front.data
            pathway = memo.derived(("pathway", source.path),
                                   (source, markups[source.path], occupations, cluster_refs[data["cluster"]],
                                    tuple(refs[slug] for slug in data.get("related") or ()), dates.get(source.path)),
                                   make)
        pathways_by_cluster[str(source.front.data["cluster"])].append(pathway)

    clusters = tuple(sorted(
        (Cluster(slug=slug, title=_text(s, "title"), summary=_text(s, "summary"),
                 order=int(s.front.data.get("order", 1000)), body=markups[s.path],
                 pathways=tuple(pathways_by_cluster.get(slug, ())), source=s.path, updated=dates.get(s.path))
         for slug, s in cluster_sources.items()),
        key=lambda c: (c.order, c.title.casefold(), c.slug)))
    pages = tuple(sorted((Page(slug=s.slug, title=_text(s, "title"), summary=_text(s, "summary"),
                               body=markups[s.path], source=s.path, updated=dates.get(s.path))
                          for s in by_kind["page"]), key=lambda p: p.slug))
    descriptions = {s.slug: s for s in by_kind["occupation"]}
    entries = _occupation_pages(clusters, occupations, related or {}, profiles, descriptions, markups, dates, memo)
    if memo is not None:
        clusters = tuple(memo.same("cluster", c.slug, c) for c in clusters)
        entries = tuple(memo.same("occupation", e.occupation.code, e) for e in entries)
    # Everything the 2024 framework's pages are made from: when none of it changed (an edit to a pathway's
    # text, say), they are the last model's, without a look at their thousands of parts.
    framework_sources = (*by_kind["modern-cluster"], *by_kind["sub-cluster"])
    modern = memoized(memo, ("2024 framework",),
                      (framework, entries, framework_sources, tuple(markups.get(s.path) for s in framework_sources),
                       tuple(dates.get(s.path) for s in framework_sources)),
                      lambda: _modern_clusters(framework, entries, sources, markups, dates, profiles, memo))
    if memo is not None:
        modern = tuple(memo.same("modern-cluster", m.slug, m) for m in modern)
    # Where each cluster's and pathway's occupations sit in it: they follow only which occupations are where.
    places = memoized(memo, ("2024 places",),
                      (modern, tuple((c.url, tuple((p.url, p.occupations) for p in c.pathways)) for c in clusters)),
                      lambda: _modern_places(clusters, modern, memo))
    # The crosswalk counts the occupations of each 2024 cluster by their 16 clusters: it follows the 2024 pages.
    crosswalk = memoized(memo, ("crosswalk",), (tuple(c.ref for c in clusters), modern),
                         lambda: _crosswalk(clusters, modern))
    return Site(config=config, clusters=clusters, pages=pages, profiles=profiles, occupations=entries,
                modern=modern, modern_places=places, crosswalk=crosswalk,
                search_words=search_words or SearchWords(), quiz=tuple(quiz))


def memoized(memo: ModelMemo | None, key: tuple, inputs: tuple, make: Callable[[], T]) -> T:
    """`make()`, or with `memo` the last value made for `key` while `inputs` are the same."""
    return make() if memo is None else memo.derived(key, inputs, make)


def _text(source: Source, key: str) -> str:
    return " ".join(str(source.front.data.get(key, "")).split())


def _pathway(source: Source, markup: Markup, clusters: Mapping[str, Ref], refs: Mapping[str, Ref],
             occupations: Mapping[str, Occupation], updated: str | None,
             pays: dict[tuple[str, ...], Pay]) -> Pathway:
    """A pathway from its source. `pays` keeps the typical pay of each step's occupations (`typical_pay`) by
    their codes, for the other steps that name the same ones: on a large site, most steps do."""
    data = source.front.data
    ladders: list[Ladder] = []
    for ladder in data["ladders"]:
        title = " ".join(ladder["title"].split())
        slug = slugify(title) or "ladder"
        taken = {existing.slug for existing in ladders}
        slug = next(f"{slug}-{n}" for n in range(2, len(taken) + 3) if f"{slug}-{n}" not in taken) \
            if slug in taken else slug
        ladders.append(Ladder(slug=slug, title=title, summary=" ".join(str(ladder.get("summary") or "").split()),
                              steps=tuple(_step(step, occupations, pays) for step in ladder["steps"])))
    given = tuple(data.get("interests") or ())
    interests = given or derive_interests([o for ladder in ladders for s in ladder.steps for o in s.occupations])
    return Pathway(
        slug=source.slug, title=_text(source, "title"), summary=_text(source, "summary"),
        cluster=clusters[data["cluster"]], interests=interests, interests_derived=not given,
        related=tuple(refs[slug] for slug in data.get("related") or ()), ladders=tuple(ladders), body=markup,
        source=source.path, updated=updated)


def _step(step: Mapping, occupations: Mapping[str, Occupation], pays: dict[tuple[str, ...], Pay]) -> Step:
    codes = tuple(step["occupations"])
    found = tuple(occupations[code] for code in codes)
    pay = pays.get(codes)
    if pay is None:
        pay = pays[codes] = typical_pay(found)
    return Step(stage=step["stage"], title=" ".join(step["title"].split()), occupations=found,
                education=" ".join(step["education"].split()), experience=" ".join(step["experience"].split()),
                credentials=tuple(" ".join(c.split()) for c in step.get("credentials") or ()),
                skills=tuple(" ".join(s.split()) for s in step.get("skills") or ()),
                pay=pay, pay_note=" ".join(str(step.get("pay_note") or "").split()))


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
                      dates: Mapping[str, str], memo: "ModelMemo | None" = None) -> tuple[OccupationPage, ...]:
    """A page for every occupation in the data, in code order."""
    placements = tuple(memoized(memo, ("placements on", pathway.source), (pathway, cluster.ref),
                                lambda: _placements_on(pathway, cluster.ref))
                       for cluster in clusters for pathway in cluster.pathways)
    links = memoized(memo, ("ladder links",), placements, lambda: _ladder_links(placements))
    refs = tuple(c.ref for c in clusters)
    by_title = memoized(memo, ("clusters by title",), refs, lambda: {ref.title: ref for ref in refs})
    pages = []
    for code in sorted(occupations):
        source = descriptions.get(code)
        markup, updated = (markups.get(source.path), dates.get(source.path)) if source else (None, None)
        link = links.get(code, ((), (), (), (), (), ()))
        # Remade only when something it is made from changed: after an edit to one pathway, most of the
        # thousand pages are the last model's, unlooked-at.
        pages.append(memoized(memo, ("occupation entry", code),
                              (occupations, related, profiles, by_title, link, source, markup, updated),
                              lambda: _occupation_page(code, occupations, related, profiles, by_title, link, source,
                                                       markup, updated)))
    return tuple(pages)


def _occupation_page(code: str, occupations: Mapping[str, Occupation], related: Mapping[str, Sequence[str]],
                     profiles: Profiles | None, by_title: Mapping[str, Ref],
                     link: tuple[tuple[Appearance, ...], tuple[Ref, ...], tuple[Occupation, ...], tuple[int, ...],
                                 tuple[Occupation, ...], tuple[Occupation, ...]],
                     source: Source | None, markup: Markup | None, updated: str | None) -> OccupationPage:
    profile = profiles.of(code) if profiles else EMPTY_PROFILE
    places, refs, next_steps, next_counts, later_steps, earlier_steps = link
    all_related = tuple(occupations[o] for o in related.get(code, ()) if o in occupations)
    refs = refs or tuple(by_title[name] for name in profile.clusters if name in by_title)
    return OccupationPage(
        occupation=occupations[code], appearances=places,
        related=all_related[:RELATED_LIMIT], all_related=all_related,
        summary=_text(source, "summary") if source else "", description=markup,
        source=source.path if source else None, updated=updated, profile=profile,
        similar=tuple((occupations[s.code], s.match) for s in profile.similar if s.code in occupations),
        clusters=refs, next_steps=next_steps, next_counts=next_counts, later_steps=later_steps,
        earlier_steps=earlier_steps)


def _ladder_links(placements: Sequence[Sequence[tuple[str, Appearance, tuple[Occupation, ...],
                                                  tuple[tuple[int, Occupation], ...],
                                                  tuple[tuple[int, Occupation], ...]]]]
                  ) -> dict[str, tuple[tuple[Appearance, ...], tuple[Ref, ...], tuple[Occupation, ...],
                                       tuple[int, ...], tuple[Occupation, ...], tuple[Occupation, ...]]]:
    """For each occupation on a ladder: its places on the ladders, the clusters of those, the occupations
    of the steps right above it (each once), from every pathway's `_placements_on`, in site order, for each of
    those, at how many of its places it is on the step above, the occupations of the steps above those (each
    once, and none of the steps right above it), the nearest first, and those of the steps below it (each once, and
    none that is also above it), the nearest first."""
    appearances: dict[str, list[Appearance]] = defaultdict(list)
    following: dict[str, dict[str, Occupation]] = defaultdict(dict)  # code -> the next step's occupations
    leads: dict[str, Counter[str]] = defaultdict(Counter)  # code -> how often each of them is the next step
    higher: dict[str, dict[str, tuple[int, int, Occupation]]] = defaultdict(dict)  # code -> (rungs up, order, job)
    lower: dict[str, dict[str, tuple[int, int, Occupation]]] = defaultdict(dict)  # code -> (rungs down, order, job)
    for found in placements:
        for code, appearance, after, above, below in found:
            appearances[code].append(appearance)
            for other in after:
                following[code].setdefault(other.code, other)
                leads[code][other.code] += 1
            for rungs, steps in ((higher, above), (lower, below)):
                for rung, other in steps:
                    known = rungs[code].get(other.code)
                    if known is None or rung < known[0]:
                        rungs[code][other.code] = (rung, known[1] if known else len(rungs[code]), other)
    links = {}
    for code, places in appearances.items():
        nearest = tuple(following.get(code, {}).values())
        later = sorted((found for other, found in higher.get(code, {}).items()
                        if other != code and other not in following.get(code, {})), key=lambda f: f[:2])
        earlier = sorted((found for other, found in lower.get(code, {}).items()
                          if other != code and other not in following.get(code, {})
                          and other not in higher.get(code, {})),
                         key=lambda f: f[:2])
        links[code] = (tuple(places), tuple({p.cluster.url: p.cluster for p in places}.values()), nearest,
                       tuple(leads[code][o.code] for o in nearest), tuple(f[2] for f in later),
                       tuple(f[2] for f in earlier))
    return links


def _placements_on(pathway: Pathway, cluster: Ref) -> tuple[tuple[str, Appearance, tuple[Occupation, ...],
                                                                  tuple[tuple[int, Occupation], ...],
                                                                  tuple[tuple[int, Occupation], ...]], ...]:
    """Each place on the pathway's ladders where an occupation appears: (its code, the place, the occupations
    of the next step other than itself, those of the steps above that, each with how many rungs up it is, and those
    of the steps below, each with how many rungs down it is)."""
    found = []
    pathway_ref = pathway.ref
    for ladder in pathway.ladders:
        for index, step in enumerate(ladder.steps):
            above = tuple(s.title for s in ladder.steps[index + 1:])
            after = ladder.steps[index + 1].occupations if index + 1 < len(ladder.steps) else ()
            beyond = tuple((rung, other) for rung, later in enumerate(ladder.steps[index + 2:], start=2)
                           for other in later.occupations)
            below = tuple((rung, other) for rung, earlier in enumerate(reversed(ladder.steps[:index]), start=1)
                          for other in earlier.occupations)
            for occupation in step.occupations:
                found.append((occupation.code,
                              Appearance(pathway=pathway_ref, cluster=cluster, ladder=ladder.title, step=step.title,
                                         stage=step.stage, anchor=ladder.anchor, above=above),
                              tuple(other for other in after if other.code != occupation.code), beyond, below))
    return tuple(found)


def _modern_clusters(framework: Framework | None, entries: Sequence[OccupationPage], sources: Sequence[Source],
                     markups: Mapping[str, Markup], dates: Mapping[str, str],
                     profiles: Profiles | None, memo: ModelMemo | None = None) -> tuple[ModernCluster, ...]:
    """The 2024 framework: every cluster and sub-cluster in the data, each with its overview if one is written,
    its occupations (by SOC code, from soc-modern-clusters.csv) and where they sit in the 16 clusters."""
    if framework is None:
        return ()
    written = {(s.kind, _text(s, "title")): s for s in sources if s.kind in ("modern-cluster", "sub-cluster")}
    members: dict[tuple[str, str], list[OccupationPage]] = defaultdict(list)
    by_soc: dict[str, list[OccupationPage]] = defaultdict(list)
    for entry in entries:
        by_soc[entry.occupation.soc_code].append(entry)
    for soc, group in by_soc.items():
        whole = [e for e in group if e.occupation.code.endswith(".00")] or group
        for place in group[0].profile.modern:
            members[(place.cluster, place.sub_cluster)].extend(whole)
    clusters = []
    for name, subs in framework.clusters:
        cluster_source = written.get(("modern-cluster", name))
        cluster_ref = Ref(name, url_for("modern-cluster", slugify(name)),
                          _text(cluster_source, "summary") if cluster_source else "")
        built = []
        for sub in subs:
            source = written.get(("sub-cluster", sub))
            found = sorted(members.get((name, sub), ()), key=lambda e: (e.title.casefold(), e.occupation.code))
            built.append(SubCluster(
                slug=slugify(sub), title=sub, summary=_text(source, "summary") if source else "",
                body=markups.get(source.path) if source else None, cluster=cluster_ref,
                occupations=tuple(found), programs=_programs(found),
                pathways=memoized(memo, ("pathways of", name, sub), (tuple(found),), lambda: _pathways_of(found)),
                legacy_clusters=_counted(ref for e in found for ref in set(e.clusters)),
                source=source.path if source else None, updated=dates.get(source.path) if source else None))
        clusters.append(ModernCluster(
            slug=slugify(name), title=name, summary=cluster_ref.summary,
            body=markups.get(cluster_source.path) if cluster_source else None, sub_clusters=tuple(built),
            source=cluster_source.path if cluster_source else None,
            updated=dates.get(cluster_source.path) if cluster_source else None))
    return tuple(clusters)


PROGRAM_LIMIT = 15


def _programs(entries: Sequence[OccupationPage]) -> tuple[tuple[Program, int], ...]:
    """The programs of study that lead to most of these occupations, with how many each leads to."""
    counts: Counter[Program] = Counter()
    for entry in entries:
        counts.update(set(entry.profile.programs))
    return tuple(sorted(counts.items(), key=lambda item: (-item[1], item[0].title)))[:PROGRAM_LIMIT]


def _pathways_of(entries: Sequence[OccupationPage]) -> tuple[Placement, ...]:
    """The pathways whose ladders hold these occupations, with how many of them, most first."""
    # Counted by the pages' addresses: a Ref's hash is worked out in Python each time, a string's once.
    counts: Counter[str] = Counter()
    refs: dict[str, tuple[Ref, Ref]] = {}
    for entry in entries:
        urls = set()  # each pathway once for each occupation, however many of its steps hold it
        for place in entry.appearances:
            refs.setdefault(place.pathway.url, (place.pathway, place.cluster))
            urls.add(place.pathway.url)
        counts.update(urls)
    found = [(refs[url], n) for url, n in counts.items()]
    return tuple(Placement(pathway, n, cluster) for (pathway, cluster), n in
                 sorted(found, key=lambda item: (-item[1], item[0][0].title)))


def _counted(refs: Iterable[Ref]) -> tuple[Placement, ...]:
    counts = Counter(refs)
    return tuple(Placement(ref, n) for ref, n in sorted(counts.items(), key=lambda item: (-item[1], item[0].title)))


def _modern_places(clusters: Sequence[Cluster], modern: Sequence[ModernCluster],
                   memo: ModelMemo | None = None) -> dict[str, tuple[Placement, ...]]:
    """For each 16-cluster cluster and pathway page, the 2024 sub-clusters its ladders' occupations sit in.
    With `memo`, a pathway's or cluster's are counted again only when it or the 2024 framework changed."""
    subs, where = memoized(memo, ("sub-clusters",), (tuple(modern),), lambda: _sub_clusters_of(modern))
    places: dict[str, tuple[Placement, ...]] = {}
    for cluster in clusters:
        counted = [memoized(memo, ("modern places", pathway.source), (pathway, where),
                            lambda pathway=pathway: _modern_counts(pathway, where))  # type: ignore[misc]
                   for pathway in cluster.pathways]
        for pathway, counts in zip(cluster.pathways, counted):
            places[pathway.url] = memoized(memo, ("placements", pathway.source), (counts, subs),
                                           lambda counts=counts: _placements(counts, subs))  # type: ignore[misc]

        def whole(counted: list[Counter] = counted) -> tuple[Placement, ...]:
            everything: Counter[str] = Counter()
            for counts in counted:
                everything.update(counts)
            return _placements(everything, subs)
        places[cluster.url] = memoized(memo, ("placements", cluster.source), tuple(counted) + (subs,), whole)
    return places


def _sub_clusters_of(modern: Sequence[ModernCluster]) -> tuple[dict[str, SubCluster], dict[str, set[str]]]:
    """The 2024 sub-clusters by URL, and for each SOC code the URLs of the sub-clusters it is in."""
    subs = {sub.url: sub for cluster in modern for sub in cluster.sub_clusters}
    where: dict[str, set[str]] = defaultdict(set)
    for sub in subs.values():
        for entry in sub.occupations:
            where[entry.occupation.soc_code].add(sub.url)
    return subs, where


def _modern_counts(pathway: Pathway, where: Mapping[str, set[str]]) -> Counter:
    """How many of the pathway's occupations (by SOC code) each 2024 sub-cluster holds, by its URL."""
    return Counter(url for soc in {o.soc_code for o in pathway.occupations} for url in where.get(soc, ()))


def _placements(counts: Counter, subs: Mapping[str, SubCluster]) -> tuple[Placement, ...]:
    ordered = sorted(counts.items(), key=lambda item: (-item[1], subs[item[0]].cluster.title, subs[item[0]].title))
    return tuple(Placement(subs[url].ref, n, subs[url].cluster) for url, n in ordered)


def _crosswalk(clusters: Sequence[Cluster], modern: Sequence[ModernCluster]) -> Crosswalk:
    """Occupations (SOC codes) in each pair of a 16-cluster cluster and a 2024 cluster."""
    counts: Counter[tuple[str, str]] = Counter()
    for cluster in modern:
        legacy: dict[str, set[str]] = defaultdict(set)
        for entry in cluster.occupations:
            for ref in entry.clusters:
                legacy[ref.url].add(entry.occupation.soc_code)
        for url, socs in legacy.items():
            counts[(url, cluster.url)] = len(socs)
    return Crosswalk(tuple(c.ref for c in clusters), tuple(c.ref for c in modern), dict(counts))


assert set(STAGE_LABELS) == set(STAGES)
