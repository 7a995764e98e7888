"""Render: turn the site model into pages with Jinja templates.

Templates run with autoescaping and `StrictUndefined`, so a typo in a
template fails the build instead of rendering blank. Each template gets a
small context: `site` (settings, navigation, assets), `page` (this page's
URL, title, breadcrumbs, table of contents, neighbours) and the object the
page is about (`cluster`, `pathway`, `occupation` or `doc`). Links are
written relative to the page, so the site works under any sub-path and
from disk; only the 404 page, which is served at any URL, links from the
base path.
"""

from __future__ import annotations

import hashlib
import json
import math
import os
import traceback
from types import CodeType, FunctionType, MethodType
from urllib.parse import quote
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, Iterable, Mapping, NamedTuple, Sequence

import jinja2
import jinja2.compiler
import jinja2.runtime
import markupsafe
from markupsafe import Markup, escape

from .config import Config
from .data import (EDUCATION_RANK, EDUCATION_SLUGS, EXPERIENCE_SLUGS, EXPERIENCE_WORDS, FIGURES_CATCH_ALL,
                   FIGURES_GROUP, FIGURES_NONE, FIGURES_SPECIALTY, JOB_ZONES, TRAINING_SLUGS, Occupation)
from .explore import SCALE, SKILL_GROUPS, move
from .load import slugify
from .markup import Heading, relative_url
from .model import (STAGE_LABELS, Cluster, Ladder, ModelMemo, OccupationPage, Pathway, PathwayCard, Ref, Site, Step,
                    memoized)
from .routes import ROUTES, compare_url, data_file_url, job_group, plan_url, url_for
from .problems import ContentError, Problem
from .profiles import HIGH_VALUE, WORK_VALUES, WorkValue
from .schema import INTEREST_INFO, INTERESTS

NAV_PATHWAY_LIMIT = 40
"""A cluster with more pathways than this lists them on its page, not in the sidebar."""


@dataclass(frozen=True)
class NavCluster:
    slug: str
    title: str
    url: str
    pathways: tuple[Ref, ...]
    count: int


@dataclass(frozen=True)
class SiteView:
    """What every template can see as `site`."""

    config: Config
    nav: tuple[NavCluster, ...]
    assets: Mapping[str, str] = field(compare=True, hash=False)
    dev: bool = False
    average_growth: float | None = None  # projected growth of all occupations, percent
    state_options: Markup = Markup()
    """The state chooser's <option> for each state, DC and territory with its own figures: the same on every
    page that shows pay, so made once (see `state_options`)."""
    modern_nav: tuple[Ref, ...] = ()  # the 2024 framework's clusters, for the sidebar
    modern_places: Mapping[str, tuple] = field(default_factory=dict, hash=False)
    """A 16-cluster cluster's or pathway's URL -> where its occupations sit in the 2024 framework."""
    offline: bool = False  # pages register the service worker (`has_service_worker`)


@dataclass(frozen=True)
class PageView:
    """What a template sees as `page`."""

    url: str  # site-relative: '' for home, 'pathways/x/' or '404.html'
    kind: str
    template: str
    title: str
    description: str
    breadcrumbs: tuple[Ref, ...] = ()
    toc: tuple[Heading, ...] = ()
    previous: Ref | None = None
    next: Ref | None = None
    source: str | None = None
    cluster_url: str | None = None
    absolute: bool = False
    updated: str | None = None  # YYYY-MM-DD of the source file's last commit

    @property
    def output(self) -> str:
        """The file this page is written to, relative to the site root."""
        return output_path(self.url)

    @property
    def is_home(self) -> bool:
        return self.kind == "home"


@dataclass(frozen=True)
class PageJob:
    """One page to render: its view and the object it shows."""

    page: PageView
    context: tuple[tuple[str, Any], ...]


def output_path(url: str) -> str:
    """`pathways/x/` -> `pathways/x/index.html`; `404.html` stays."""
    if url == "":
        return "index.html"
    return url + "index.html" if url.endswith("/") else url


class TemplateCache(jinja2.FileSystemBytecodeCache):
    """Compiled templates kept between builds, as Python keeps compiled modules in __pycache__: compiling
    every template takes longer than rendering a hundred pages.

    Jinja's own cache, in a folder of the system's temporary directory that only this user may use. Each
    template is found by its name and used only while its source is unchanged (Jinja compares a checksum), so
    the output is the same with or without it. A cache that cannot be written is only slower.

    The entry is found by the template's name alone, not its folder, so a copy of the project elsewhere (a
    second checkout, a renamed folder, each of the test suite's projects) uses the same entries. The compiled
    code records the file it came from, which error messages name (`template_problem`): an entry compiled
    from another folder gets this one's path before it is used. A folder may hold more than `KEEP` entries
    (templates of the same name and different sources); then the most recently written half are kept.
    """

    KEEP = 1000
    """Entries kept: the templates of many versions of a project."""

    @classmethod
    def open(cls, directory: str | None = None) -> "TemplateCache | None":
        try:
            cache = cls(directory)
        except (OSError, RuntimeError):  # no temporary directory this user alone can write to
            return None
        cache.prune()
        return cache

    def prune(self) -> None:
        """Remove the entries written longest ago, down to half of `KEEP`, if there are more than `KEEP`."""
        prefix, _, suffix = self.pattern.partition("%s")
        try:
            with os.scandir(self.directory) as found:
                entries = [entry for entry in found if entry.name.startswith(prefix) and entry.name.endswith(suffix)]
        except OSError:
            return
        if len(entries) <= self.KEEP:
            return
        for entry in sorted(entries, key=_written)[:len(entries) - self.KEEP // 2]:
            try:
                os.unlink(entry.path)
            except OSError:
                pass

    def get_cache_key(self, name: str, filename: str | None = None) -> str:
        # By name only (see above), and by the code generator that compiled it: any change to `_OutputCode`
        # compiles every template again.
        return super().get_cache_key(f"{_CODE_GENERATOR_KEY}:{name}")

    def get_bucket(self, environment: jinja2.Environment, name: str, filename: str | None,
                   source: str) -> jinja2.bccache.Bucket:
        bucket = super().get_bucket(environment, name, filename, source)
        if bucket.code is not None and filename is not None and bucket.code.co_filename != filename:
            bucket.code = _moved(bucket.code, filename)
        return bucket

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        try:
            super().load_bytecode(bucket)
        except OSError:
            pass

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        try:
            super().dump_bytecode(bucket)
        except OSError:
            pass


def _moved(code: CodeType, filename: str) -> CodeType:
    """Compiled code as if compiled from `filename`: the functions inside it too (each template block is one)."""
    consts = tuple(_moved(const, filename) if isinstance(const, CodeType) else const
                   for const in code.co_consts)
    return code.replace(co_filename=filename, co_consts=consts)


def _written(entry: os.DirEntry) -> float:
    """When a folder's entry was last written (0 if it is gone)."""
    try:
        return entry.stat(follow_symlinks=False).st_mtime
    except OSError:
        return 0.0


try:  # the C function behind markupsafe.escape, which gives the escaped text as a plain string
    from markupsafe._speedups import _escape_inner as _escaped
except ImportError:  # pragma: no cover - a MarkupSafe without it: the public function, a little slower
    def _escaped(text: str) -> str:
        return str(markupsafe.escape(text))


def escape_text(value: Any) -> str:
    """`markupsafe.escape(value)` as a plain string: the same text, without making a Markup object of it."""
    if type(value) is str:
        return _escaped(value)
    html = getattr(value, "__html__", None)
    return html() if html is not None else _escaped(str(value))


class _OutputCode(jinja2.compiler.CodeGenerator):
    """Compiles each `{{ value }}` of an autoescaped template to `escape_text(value)` rather than
    `escape(value)`. The pieces of a page are joined into one string as soon as they are made, so what type
    each piece has is never seen; making a Markup object of every piece took a quarter of the time of
    rendering an occupation page. Jinja's `code_generator_class` is there for such changes; the hook is one
    of its methods, and `tests/test_render_helpers.py` checks that templates still compile to it.

    Also, a template's body and each of its blocks put their pieces in a list and yield them joined, once,
    rather than yielding each piece up through every template and block above it (a pathway page's pieces went
    up through four generators). Rendering the pages of 1,000 pathways took 3 to 6% less time."""

    def enter_frame(self, frame: Any) -> None:
        super().enter_frame(frame)
        if frame.buffer is None and (frame.rootlevel or frame.block_frame):
            self.buffer(frame)  # a template's body or a block's: its pieces go to a list, joined once

    def leave_frame(self, frame: Any, with_python_scope: bool = False) -> None:
        super().leave_frame(frame, with_python_scope)
        if with_python_scope and (frame.rootlevel or frame.block_frame) and frame.buffer is not None:
            self.writeline(f"if {frame.buffer}: yield concat({frame.buffer})")

    def _output_child_pre(self, node: Any, frame: Any, finalize: Any) -> None:
        if frame.eval_ctx.autoescape and not frame.eval_ctx.volatile:
            self.write("environment.escape_text(")
            if finalize.src is not None:
                self.write(finalize.src)
        else:
            super()._output_child_pre(node, frame, finalize)


def _code_generator_key() -> str:
    """A hash of what `_OutputCode` does: the code and constants of each of its methods."""
    digest = hashlib.sha256()
    for name, member in sorted(vars(_OutputCode).items()):
        code = getattr(getattr(member, "__wrapped__", member), "__code__", None)
        if code is not None:
            digest.update(name.encode() + code.co_code + repr(code.co_consts).encode())
    return digest.hexdigest()[:16]


_CODE_GENERATOR_KEY = _code_generator_key()
"""Part of each compiled template's key in `TemplateCache`: templates compiled otherwise are never used."""


class _Context(jinja2.runtime.Context):
    """Calls a plain function or method a template calls at once, as Jinja would in the end: one that asks for
    the context or the environment (Jinja's `pass_context` and the like) goes the usual way. The usual way looks
    for that mark twice on every call, and templates call `fig`, `move`, `outlook` and the rest thousands of
    times a build."""

    def call(self, function: Any, /, *args: Any, **kwargs: Any) -> Any:
        kind = type(function)
        plain = function if kind is FunctionType else function.__func__ if kind is MethodType else None
        if plain is None or "jinja_pass_arg" in plain.__dict__:
            return super().call(function, *args, **kwargs)
        kwargs.pop("_block_vars", None)
        kwargs.pop("_loop_vars", None)
        try:
            return function(*args, **kwargs)
        except StopIteration:
            return self.environment.undefined("value was undefined because a callable raised a StopIteration "
                                              "exception")


class _Environment(jinja2.Environment):
    code_generator_class = _OutputCode
    context_class = _Context
    escape_text = staticmethod(escape_text)


def make_environment(template_dir: Path, cache: jinja2.BytecodeCache | None = None) -> jinja2.Environment:
    env = _Environment(
        loader=jinja2.FileSystemLoader(str(template_dir)),
        bytecode_cache=cache,
        autoescape=True,
        auto_reload=False,  # compiled once per build; the builder makes a new environment when a template changes
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters.update(url=_url, money=money, number=number, openings=openings, percent=percent, hourly=hourly,
                       long_date=long_date, short_money=short_money)
    env.globals.update(asset=_asset, stage_labels=STAGE_LABELS, interest_info=INTEREST_INFO,
                       interests=INTERESTS, job_zones=JOB_ZONES, occupation_axis=occupation_axis,
                       step_axis=step_axis, pay_comparison=pay_comparison, onet_links=onet_links,
                       figures_source=figures_source,
                       pay_missing=pay_missing, external_links=external_links, training_links=training_links,
                       outlook=outlook, fig=pay_figure, move=move, data_file=data_file_url, scale=SCALE,
                       has_page=has_page, plan_url=plan_url, compare_url=compare_url,
                       education_slugs=EDUCATION_SLUGS, education_rank=EDUCATION_RANK,
                       experience_slugs=EXPERIENCE_SLUGS, training_slugs=TRAINING_SLUGS)
    return env


@jinja2.pass_context
def _url(context: jinja2.runtime.Context, target: str) -> str:
    """A link from the current page to site-relative `target`."""
    page: PageView = context["page"]
    if page.absolute:
        return context["site"].config.base_path + target
    return relative_url(page.url, target)


class Sidebar:
    """The sidebar (partials/nav.html) of the pages of one build.

    Rendering it is most of the cost of a small page, yet it varies only with the page's depth, its open
    cluster and the one link marked current. So it is rendered once per depth and open cluster, for a
    stand-in page at that depth, and each page's own link is then marked. Pages whose URL the template tests
    directly (the interest, explore and about pages, and the 2024 framework's) render it afresh. A build
    makes one (`render_page`'s caller), which forked workers then share.
    """

    def __init__(self, env: jinja2.Environment, view: SiteView):
        self.template = env.get_template("partials/nav.html")
        self.view = view
        self.shared: dict[tuple, str] = {}  # (absolute, depth, open cluster) -> the sidebar with no link current

    def html(self, page: PageView) -> Markup:
        if page.url.startswith(("interests/", "explore/")) or page.url in ("about/", url_for("modern-clusters")):
            return Markup(self.template.render(site=self.view, page=page).rstrip("\n"))
        key = (page.absolute, page.url.count("/"), page.cluster_url)
        shared = self.shared.get(key)
        if shared is None:
            stand_in = replace(page, url="_/" * key[1])  # the same depth, equal to no link in the sidebar
            shared = self.shared[key] = self.template.render(site=self.view, page=stand_in).rstrip("\n")
        if page.kind not in ("cluster", "pathway", "modern-cluster"):
            return Markup(shared)  # no other page has a link of its own in the sidebar
        href = self.view.config.base_path + page.url if page.absolute else relative_url(page.url, page.url)
        own = f'<a href="{escape(href)}">'
        return Markup(shared.replace(own, own[:-1] + ' aria-current="page">', 1))


@jinja2.pass_context
def _asset(context: jinja2.runtime.Context, name: str) -> str:
    return _url(context, context["site"].assets[name])


def has_page(url: str) -> bool:
    """Whether the routing table has a page at site-relative `url` (such as 'compare/'), for links to pages
    that only some builds of the site have."""
    return any(route.pattern == url for route in ROUTES.values())


def long_date(iso: str) -> str:
    """'2026-11-25' -> 'November 25, 2026'."""
    year, month, day = (int(part) for part in iso.split("-"))
    months = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
              "November", "December")
    return f"{months[month - 1]} {day}, {year}"


def figures_source(occupation: Occupation) -> str:
    """Whose figures an occupation shows, in a few words to put after them; '' for its own.

    Never lets a group's figures pass as the occupation's own (see `data.FIGURES_OWN` and the rest).
    """
    if occupation.figures == FIGURES_SPECIALTY:
        return f"for all {occupation.figures_group}, of which this is a specialty"
    if occupation.figures == FIGURES_GROUP:
        return f"for {occupation.figures_group} combined"
    if occupation.figures == FIGURES_CATCH_ALL:
        return "for a mix of jobs that BLS counts together"
    return ""


def pay_missing(occupation: Occupation) -> str:
    """Why an occupation shows no pay."""
    if occupation.figures == FIGURES_NONE and occupation.code[-3:] != ".00":
        return "Pay not published for this job on its own"
    return "Pay not published"


FIGURE_FORMATS = {"employment": lambda v: f"{v:,.0f}", "hourly": lambda v: f"${v:,.2f}"}


def pay_figure(value: float | None, soc: str | Iterable[str], field: str, missing: str = "not available") -> Markup:
    """A pay or job figure that follows the visitor's state (static/js/pay.js): the national figure, marked
    with the SOC code it comes from (`soc`), or the codes a step's median is worked out from (a list), and
    which figure it is: employment, p10, median, p90 or hourly."""
    if isinstance(soc, str):
        codes, attribute = soc, "data-soc"
    else:
        codes, attribute = " ".join(soc), "data-socs"
    if value is None:
        text = missing
    elif (format_ := FIGURE_FORMATS.get(field)) is not None:
        text = format_(value)
    else:
        text = f"${value:,}" if type(value) is int else f"${value:,.0f}"  # the same text; an int's is quicker
    marks = f' {attribute}="{escape_text(codes)}" data-fig="{field}"' if codes else ""
    # Made as str makes a string: Markup's own constructor looks for `__html__` first, which text never has.
    return str.__new__(Markup, f'<span class="fig"{marks}>{escape_text(text)}</span>')


def money(value: float | None, missing: str = "not available") -> str:
    return missing if value is None else f"${value:,.0f}"


def hourly(value: float | None, missing: str = "not available") -> str:
    return missing if value is None else f"${value:,.2f}"


def number(value: float | None, missing: str = "not available") -> str:
    return missing if value is None else f"{value:,.0f}"


def openings(value: float | None, missing: str = "not available") -> str:
    """Openings a year as BLS projects them, to the nearest hundred: so 0 means fewer than 50, not none."""
    if value is None:
        return missing
    return "fewer than 50" if value == 0 else f"{value:,.0f}"


def percent(value: float | None, missing: str = "not available") -> str:
    """A change in percent with its sign, a minus sign for a fall as pay changes have: '+4.9%', '−2.4%'."""
    if value is None:
        return missing
    return f"{value:+.1f}%".replace("-", "\u2212") if value else "0.0%"


PAY_STEPS = (5_000, 10_000, 20_000, 25_000, 50_000, 100_000, 200_000, 250_000, 500_000, 1_000_000)
"""Round numbers a pay axis may count in; the smallest that needs at most `MAX_INTERVALS` is used."""

MAX_INTERVALS = 6


@dataclass(frozen=True)
class Tick:
    value: int
    at: float  # percent along the axis
    label: str  # '$50k'


class PayRange(NamedTuple):
    """Where an occupation's pay sits on an axis, in percent, with the figures it was drawn from. A named tuple,
    which is made in a third of the time of a frozen dataclass: a pathway page makes one for each job."""

    low: float
    high: float
    median: float
    wage_p10: int | None
    wage_median: int
    wage_p90: int | None

    @property
    def width(self) -> float:
        return round(self.high - self.low, 2)

    @property
    def has_range(self) -> bool:
        return self.wage_p10 is not None and self.wage_p90 is not None


@dataclass(frozen=True)
class PayAxis:
    """A pay axis from $0 to `top` with round-number ticks, so that several charts can share one scale."""

    top: int
    ticks: tuple[Tick, ...]

    def at(self, value: float) -> float:
        """Percent position of `value` on the axis, clamped to 0..100 and rounded for compact output."""
        return round(min(100.0, max(0.0, 100.0 * value / self.top)), 2)

    def range(self, occupation: Occupation) -> PayRange | None:
        """The occupation's 10th-90th percentile range and median on this axis, or None if no median is published."""
        median, p10, p90 = occupation.wage_median, occupation.wage_p10, occupation.wage_p90
        if median is None:
            return None
        at = self.at
        return PayRange(at(p10 if p10 is not None else median), at(p90 if p90 is not None else median), at(median),
                        p10, median, p90)


def pay_axis(values: Iterable[float | None]) -> PayAxis:
    """An axis from $0 that fits every value, counting in round steps, with at most MAX_INTERVALS intervals."""
    top = max((v for v in values if v is not None), default=0)
    step = next((s for s in PAY_STEPS if math.ceil(top / s) <= MAX_INTERVALS), PAY_STEPS[-1])
    intervals = max(1, math.ceil(top / step))
    return _AXES.get((step, intervals)) or _axis(step, intervals)


def _axis(step: int, intervals: int) -> PayAxis:
    ticks = tuple(Tick(value=i * step, at=round(100 * i / intervals, 2), label=short_money(i * step))
                  for i in range(intervals + 1))
    return PayAxis(top=intervals * step, ticks=ticks)


def occupation_axis(occupations: Iterable[Occupation]) -> PayAxis:
    """One axis for these occupations' pay ranges: wide enough for the highest 90th percentile (or median)."""
    return pay_axis(o.wage_p90 if o.wage_p90 is not None else o.wage_median for o in occupations)


def step_axis(ladders: Iterable[Ladder]) -> PayAxis:
    """One axis for the typical (median) pay of every step of these ladders."""
    return pay_axis(step.median_wage for ladder in ladders for step in ladder.steps)


@dataclass(frozen=True)
class CompareDot:
    """A step with a yearly median on a cluster's pay comparison: where it sits on the axis, in percent, its
    stage's number (1 for entry level), and whether its median is beyond the axis's top (drawn at its end)."""

    step: Step
    at: float
    number: int
    beyond: bool = False


@dataclass(frozen=True)
class CompareRow:
    """One ladder on a cluster's pay comparison. `many`: its pathway has other ladders, so the row names it."""

    pathway: PathwayCard
    ladder: Ladder
    many: bool
    dots: tuple[CompareDot, ...]  # its steps with a yearly median, in order; none if no pay is published

    @property
    def low(self) -> float:
        return min(dot.at for dot in self.dots)

    @property
    def high(self) -> float:
        return max(dot.at for dot in self.dots)


@dataclass(frozen=True)
class PayComparison:
    """Every ladder of some pathways, a row each, on one axis for the median pay of their steps (`comparison_axis`)."""

    axis: PayAxis
    rows: tuple[CompareRow, ...]

    @property
    def beyond(self) -> int:
        """How many steps are paid more than the axis shows."""
        return sum(dot.beyond for row in self.rows for dot in row.dots)


_STAGE_NUMBERS = {stage: number for number, stage in enumerate(STAGE_LABELS, 1)}

OUTLIER_SHARE = 0.9
OUTLIER_RATIO = 2.5
"""A cluster's pay comparison ends near the pay of most of its steps: when the highest median is more than
`OUTLIER_RATIO` times the one `OUTLIER_SHARE` of the way up the list, the axis is made for the latter, and the
few steps above it are drawn at its end, marked. Health Science's doctors (five steps of 75, up to $527,520)
would otherwise squeeze its other ladders into the left fifth of the chart, and Human Services' psychiatrists
($281,870) its ladders into the left half."""


def comparison_axis(values: Iterable[int]) -> PayAxis:
    """The axis of a pay comparison of these medians: wide enough for all of them, unless a few stand far above the
    rest (`OUTLIER_RATIO`)."""
    ordered = sorted(values)
    if not ordered:
        return pay_axis(())
    most = ordered[math.ceil(OUTLIER_SHARE * len(ordered)) - 1]  # the 90th percentile, by nearest rank
    return pay_axis([most if ordered[-1] > OUTLIER_RATIO * most else ordered[-1]])


def pay_comparison(pathways: Sequence[PathwayCard]) -> PayComparison:
    """The rows of a cluster's pay comparison (partials/pay-comparison.html). Worked out here rather than in the
    template: at 60 pathways a cluster, the template's filters and calls for each step took most of the time of
    rendering a cluster's page."""
    axis = comparison_axis(step.median_wage for pathway in pathways for ladder in pathway.ladders
                           for step in ladder.steps if step.median_wage is not None)
    top = axis.top
    rows = []
    for pathway in pathways:
        many = len(pathway.ladders) > 1
        for ladder in pathway.ladders:
            dots = tuple(CompareDot(step, axis.at(step.median_wage), _STAGE_NUMBERS[step.stage],
                                    step.median_wage > top)
                         for step in ladder.steps if step.median_wage is not None)
            rows.append(CompareRow(pathway, ladder, many, dots))
    return PayComparison(axis, tuple(rows))


ONET_DETAILS_URL = "https://www.onetonline.org/link/details/{code}"
MY_NEXT_MOVE_URL = "https://www.mynextmove.org/profile/summary/{code}"
CAREERONESTOP_URL = "https://www.careeronestop.org/Toolkit/Careers/Occupations/occupation-profile.aspx?keyword={title}&onetcode={code}"
TRAINING_URL = "https://www.careeronestop.org/Toolkit/Training/find-local-training.aspx?keyword={title}"
APPRENTICESHIP_URL = "https://www.apprenticeship.gov/apprenticeship-job-finder"


def onet_links(occupation: Occupation) -> tuple[Ref, ...]:
    """The occupation's reports on O*NET OnLine: the summary, then the full details."""
    return (Ref("Summary report", occupation.onet_url),
            Ref("Details report", ONET_DETAILS_URL.format(code=occupation.code)))


def external_links(occupation: Occupation) -> tuple[Ref, ...]:
    """Where to read more about the job, on the public career sites that address it by its O*NET-SOC code."""
    title = quote(occupation.title)
    return (Ref("O*NET OnLine", occupation.onet_url, "the full report: tasks, skills, tools and work context"),
            Ref("My Next Move", MY_NEXT_MOVE_URL.format(code=occupation.code), "a short profile for students"),
            Ref("CareerOneStop", CAREERONESTOP_URL.format(title=title, code=occupation.code),
                "pay where you live, videos and job listings"))


def training_links(occupation: Occupation) -> tuple[Ref, ...]:
    """Where to find training and apprenticeships for the job near you."""
    return (Ref("Find training programs near you", TRAINING_URL.format(title=quote(occupation.title)),
                "CareerOneStop's training finder"),
            Ref("Find an apprenticeship", APPRENTICESHIP_URL, "Apprenticeship.gov's job finder"))


@dataclass(frozen=True)
class Outlook:
    """How an occupation's projected growth compares with all occupations', and whether it has a bright outlook."""

    phrase: str  # "much faster than average"
    bright: bool
    average: float | None  # percent, all occupations
    much_faster: float | None  # percent: growth at or above this is "much faster than average"


MUCH_FASTER = 3.0
FASTER = 1.5
SLOWER = 0.5
"""Growth compared with the average: much faster from 3 times it, faster from 1.5 times, slower below half."""
BRIGHT_OPENINGS = 100_000
"""A job with this many openings a year or more has a bright outlook whatever its growth (O*NET's rule)."""


def outlook(occupation: Occupation, average: float | None) -> Outlook:
    """The occupation's outlook by O*NET's Bright Outlook rule: projected to grow much faster than average,
    or to have 100,000 or more openings a year."""
    growth = occupation.growth_pct
    much_faster = round(MUCH_FASTER * average, 1) if average else None
    if growth is None or not average:
        phrase = ""
    elif growth < 0:
        phrase = "projected to decline"
    elif growth >= MUCH_FASTER * average:
        phrase = "much faster than average"
    elif growth > FASTER * average:
        phrase = "faster than average"
    elif growth >= SLOWER * average:
        phrase = "about as fast as average"
    else:
        phrase = "slower than average"
    bright = phrase == "much faster than average" or (occupation.openings or 0) >= BRIGHT_OPENINGS
    return Outlook(phrase, bright, average, much_faster)


def short_money(value: float | None, missing: str = "n/a") -> str:
    """Compact dollars for chart labels: 0 -> '$0', 43_975 -> '$44k', 1_250_000 -> '$1.25M'."""
    if value is None:
        return missing
    if value >= 1_000_000:
        return f"${value / 1_000_000:.2f}".rstrip("0").rstrip(".") + "M"
    if value >= 1_000:
        return f"${value / 1_000:.0f}k"
    return f"${value:.0f}"


_AXES = {(step, intervals): _axis(step, intervals) for step in PAY_STEPS for intervals in range(1, MAX_INTERVALS + 1)}
"""Every axis `pay_axis` gives for pay up to six million dollars, made once rather than for each chart: a pathway
page draws two for each ladder."""


def site_view(site: Site, assets: Mapping[str, str], dev: bool = False) -> SiteView:
    nav = tuple(
        NavCluster(slug=c.slug, title=c.title, url=c.url, count=len(c.pathways),
                   pathways=tuple(p.ref for p in c.pathways) if len(c.pathways) <= NAV_PATHWAY_LIMIT else ())
        for c in site.clusters)
    return SiteView(config=site.config, nav=nav, assets=dict(assets), dev=dev,
                    average_growth=site.profiles.average_growth if site.profiles else None,
                    state_options=state_options(site.profiles.states) if site.profiles else Markup(),
                    modern_nav=tuple(c.ref for c in site.modern), modern_places=site.modern_places,
                    offline=has_service_worker(assets, dev))


def state_options(states: Iterable[str]) -> Markup:
    """`<option value="new-york">New York</option>`... for the state chooser (static/js/pay.js)."""
    return Markup("").join(Markup('<option value="{}">{}</option>').format(slugify(name), name) for name in states)


def pathway_toc(pathway: Pathway) -> tuple[Heading, ...]:
    """'On this page' for a pathway: its ladders, then the description and its headings."""
    ladders = tuple(Heading(3, ladder.anchor, ladder.title) for ladder in pathway.ladders)
    about = (Heading(2, "pathway-about", "About the work"),) if pathway.body.html.strip() else ()
    return (Heading(2, "ladders", "Career ladders" if len(ladders) > 1 else "Career ladder"),) + ladders + about \
        + pathway.body.toc


def cluster_toc(cluster: Cluster) -> tuple[Heading, ...]:
    """'On this page' for a cluster: the overview's headings, then its pathways and their pay."""
    if not cluster.pathways:
        return cluster.body.toc
    return cluster.body.toc + (Heading(2, "cluster-pathways", "Career pathways"),
                               Heading(2, "cluster-pay", "Pay from entry level up"))


def page_view(kind: str, slug: str = "", **fields: Any) -> PageView:
    """The view of a page of `kind`, with its URL and template from the routing table."""
    route = ROUTES[kind]
    return PageView(url=route.url(slug), kind=kind, template=route.template, **fields)


def tool_view(kind: str, **fields: Any) -> PageView:
    """The view of a tool page, with the title and description the routing table gives it (search lists them)."""
    route = ROUTES[kind]
    return page_view(kind, title=route.title, description=route.description, **fields)


def plan_pages(site: Site, memo: ModelMemo | None = None) -> list[PageJob]:
    """Every page of the site, in a fixed order. With `memo` (see `build_site`), the page of a pathway or
    occupation that is the very same object as last time, with the same neighbours, is the same job."""
    home = Ref("Home", url_for("home"))
    occupations_ref = Ref(ROUTES["occupations"].title, url_for("occupations"))
    by_interest = tuple(site.by_interest().items())
    jobs: list[PageJob] = [
        PageJob(page_view("home", title=site.config.title, description=site.config.description),
                (("clusters", tuple((c.ref, len(c.pathways)) for c in site.clusters)), ("by_interest", by_interest))),
    ]
    for cluster in site.clusters:
        jobs.append(PageJob(
            page_view("cluster", cluster.slug, title=cluster.title, description=cluster.summary, breadcrumbs=(home,),
                      toc=cluster_toc(cluster), source=cluster.source, cluster_url=cluster.url,
                      updated=cluster.updated),
            # What the page shows, and no more: an edit elsewhere in a pathway leaves the page as it was.
            (("cluster", cluster.ref), ("body", cluster.body), ("pathways", cluster.cards))))
        for index, pathway in enumerate(cluster.pathways):
            previous = cluster.pathways[index - 1].ref if index > 0 else None
            following = cluster.pathways[index + 1].ref if index + 1 < len(cluster.pathways) else None
            jobs.append(memoized(memo, ("pathway page", pathway.source), (pathway, cluster.ref, previous, following),
                              lambda: _pathway_job(pathway, cluster, previous, following, home)))
    jobs.append(PageJob(
        tool_view("occupations", breadcrumbs=(home,)),
        (("letters", memoized(memo, ("occupation letters",), (site.occupations,),
                              lambda: occupation_letters(site.occupations))),)))
    for entry in site.occupations:
        jobs.append(memoized(memo, ("occupation page", entry.occupation.code), (entry,),
                          lambda: _occupation_job(entry, home, occupations_ref)))
    framework_ref = Ref("2024 Career Clusters", url_for("modern-clusters"))
    if site.modern:
        jobs.append(PageJob(
            tool_view("modern-clusters", breadcrumbs=(home,)),
            (("modern", site.modern),)))
        jobs.append(PageJob(
            tool_view("crosswalk", breadcrumbs=(home, framework_ref)),
            (("crosswalk", site.crosswalk),)))
    for cluster in site.modern:
        jobs.append(PageJob(
            page_view("modern-cluster", cluster.slug, title=cluster.title,
                      description=cluster.summary or f"{cluster.title}, a cluster of the 2024 National Career "
                                                     "Clusters Framework.",
                      breadcrumbs=(home, framework_ref), source=cluster.source, updated=cluster.updated),
            (("cluster", cluster),)))
        for sub in cluster.sub_clusters:
            jobs.append(PageJob(
                page_view("sub-cluster", sub.slug, title=sub.title,
                          description=sub.summary or f"{sub.title}, a sub-cluster of {cluster.title} in the 2024 "
                                                     "National Career Clusters Framework.",
                          breadcrumbs=(home, framework_ref, cluster.ref), source=sub.source, updated=sub.updated),
                (("sub", sub),)))
    for doc in site.pages:
        jobs.append(PageJob(
            page_view("page", doc.slug, title=doc.title, description=doc.summary, breadcrumbs=(home,),
                      toc=doc.body.toc, source=doc.source, updated=doc.updated),
            (("doc", doc),)))
    jobs.append(PageJob(
        tool_view("interests", breadcrumbs=(home,)),
        (("by_interest", by_interest),)))
    for name, pathways in by_interest:
        jobs.append(PageJob(
            page_view("interest", name, title=INTEREST_INFO[name][0],
                      description=f"Career pathways for people with {INTEREST_INFO[name][0].lower()} interests.",
                      breadcrumbs=(home, Ref("Explore by interest", url_for("interests")))),
            (("interest", name), ("pathways", pathways))))
    explore_ref = Ref(ROUTES["explore"].title, url_for("explore"))
    quiz_ref = Ref(ROUTES["quiz"].title, url_for("quiz"))
    values_ref = Ref(ROUTES["values"].title, url_for("values"))
    by_value = memoized(memo, ("work values",), (site.occupations,), lambda: jobs_by_work_value(site))
    jobs.append(PageJob(
        tool_view("values", breadcrumbs=(home, explore_ref)),
        (("values", tuple((value, len(listed)) for value, listed in by_value)), ("high", HIGH_VALUE))))
    for value, listed in by_value:
        jobs.append(PageJob(
            page_view("value", value.slug, title=value.name, description=value.about,
                      breadcrumbs=(home, explore_ref, values_ref)),
            (("value", value), ("jobs", listed), ("values", WORK_VALUES), ("high", HIGH_VALUE))))
    jobs.append(PageJob(
        tool_view("explore", breadcrumbs=(home,)),
        (("count", len(site.occupations)), ("statements", len(site.quiz)))))
    jobs.append(PageJob(
        tool_view("quiz", breadcrumbs=(home, explore_ref)),
        (("statements", site.quiz),)))
    jobs.append(PageJob(
        page_view("quiz-results", title="Your interest results",
                  description="Your interest profile, and the jobs and pathways that fit it best.",
                  breadcrumbs=(home, explore_ref, quiz_ref)),
        ()))
    jobs.append(PageJob(
        tool_view("skills-explorer", breadcrumbs=(home, explore_ref)),
        (("groups", skill_groups(site)),)))
    jobs.append(PageJob(
        tool_view("from-job", breadcrumbs=(home, explore_ref)),
        ()))
    jobs.append(PageJob(
        page_view("search", title="Search", description="Search career clusters, pathways and occupations.",
                  breadcrumbs=(home,)),
        ()))
    # The files of assets/jobs/ there are: a code of another group is no job, while a file that does not load
    # means no connection.
    groups = memoized(memo, ("job groups",), (site.occupations,), lambda: (
        ("groups", " ".join(sorted({job_group(entry.occupation.code) for entry in site.occupations}))),))
    jobs.append(PageJob(
        tool_view("compare", breadcrumbs=(home, occupations_ref)),
        groups))
    jobs.append(PageJob(
        tool_view("plan", breadcrumbs=(home, occupations_ref)),
        groups))
    jobs.append(PageJob(
        page_view("offline", title="You are offline", description="This page has not been saved on this device.",
                  absolute=True),
        ()))
    jobs.append(PageJob(
        page_view("404", title="Page not found", description="This page does not exist.", absolute=True),
        ()))
    return jobs


def _pathway_job(pathway: Pathway, cluster: Cluster, previous: Ref | None, following: Ref | None,
                 home: Ref) -> PageJob:
    return PageJob(
        page_view("pathway", pathway.slug, title=pathway.title, description=pathway.summary,
                  breadcrumbs=(home, cluster.ref), toc=pathway_toc(pathway), previous=previous,
                  next=following, source=pathway.source, cluster_url=cluster.url, updated=pathway.updated),
        (("pathway", pathway),))


def _occupation_job(entry: OccupationPage, home: Ref, occupations_ref: Ref) -> PageJob:
    job = entry.occupation
    return PageJob(
        page_view("occupation", job.code, title=job.title,
                  description=entry.summary or f"Pay, outlook and how to prepare for {job.title} "
                                               f"(O*NET-SOC {job.code}).",
                  breadcrumbs=(home, occupations_ref), toc=occupation_toc(entry), source=entry.source,
                  updated=entry.updated),
        (("entry", entry),))


@dataclass(frozen=True)
class SkillChoice:
    """One skill as the skills explorer offers it."""

    slug: str  # its name in the address: 'critical-thinking'
    name: str
    about: str


def skill_groups(site: Site) -> tuple[tuple[str, tuple[SkillChoice, ...]], ...]:
    """O*NET's skill groups, each with its skills that the data rates, explained in plain words."""
    about = site.profiles.skill_about if site.profiles else {}
    rated = set(site.profiles.skill_names) if site.profiles else set()
    groups = tuple((title, tuple(SkillChoice(slugify(name), name, about.get(name, "")) for name in names
                                 if name in rated)) for title, names in SKILL_GROUPS)
    return tuple(group for group in groups if group[1])


@dataclass(frozen=True)
class Letter:
    """One letter of the A to Z list of occupations."""

    letter: str
    entries: tuple[OccupationPage, ...]

    @property
    def anchor(self) -> str:
        return f"letter-{self.letter.lower()}"


def occupation_letters(entries: Iterable[OccupationPage]) -> tuple[Letter, ...]:
    """Occupations by the first letter of their title, each letter's in title order."""
    groups: dict[str, list[OccupationPage]] = {}
    for entry in sorted(entries, key=lambda e: (e.title.casefold(), e.occupation.code)):
        first = entry.title[:1].upper()
        groups.setdefault(first if first.isalpha() else "#", []).append(entry)
    return tuple(Letter(letter, tuple(items)) for letter, items in sorted(groups.items()))


def job_facts(job: Occupation) -> str:
    """The line of figures under a job in a list (the jobs explorer's, a work value's): pay, growth and openings,
    said once to be a wider group's or a mix of jobs' where they are, then the education and the work experience
    to start, said to be a mix of jobs' where BLS gives them only for the catch-all group the job is part of."""
    if job.wage_median is not None:
        pay = f"{money(job.wage_median)} median pay"
    elif job.hourly_median is not None:
        pay = f"{hourly(job.hourly_median)} an hour (no yearly figure)"
    else:
        pay = "Pay not published"
    growth = "growth not published" if job.growth_pct is None else f"{percent(job.growth_pct)} growth"
    opened = "openings not published" if job.openings is None else f"{openings(job.openings)} openings a year"
    figures = " · ".join((pay, growth, opened))
    if job.wage_median is not None or job.hourly_median is not None or job.growth_pct is not None or \
            job.openings is not None:
        if job.figures in (FIGURES_GROUP, FIGURES_SPECIALTY):
            figures += " (figures for a wider group)"
        elif job.figures == FIGURES_CATCH_ALL:
            figures += " (figures for a mix of jobs)"
    level = EXPERIENCE_SLUGS.get(job.experience)
    experience = f"{EXPERIENCE_WORDS[level]} needed" if level else "work experience not published"
    mixed = job.preparation_is_mixed and (job.education or level)  # a catch-all group's, not this job's
    return f"{figures} · {job.education or 'education not published'} · {experience}" + \
        (" (for a mix of jobs)" if mixed else "")


def jobs_by_work_value(site: Site) -> tuple[tuple[WorkValue, tuple[tuple[Occupation, float, str], ...]], ...]:
    """Each work value with the jobs O*NET rates `HIGH_VALUE` or more for it, highest first, then by title:
    (occupation, rating, its line of figures)."""
    found: list[tuple[WorkValue, tuple[tuple[Occupation, float, str], ...]]] = []
    for index, value in enumerate(WORK_VALUES):
        listed = [(entry.occupation, entry.profile.work_values[index]) for entry in site.occupations
                  if entry.profile.work_values is not None and entry.profile.work_values[index] >= HIGH_VALUE]
        found.append((value, tuple((job, score, job_facts(job))
                                   for job, score in sorted(listed, key=lambda pair: (-pair[1], pair[0].title)))))
    return tuple(found)


def occupation_toc(entry: OccupationPage) -> tuple[Heading, ...]:
    """'On this page' for an occupation: the sections it has."""
    sections = [("work", "What the work is", entry.description is not None),
                ("pay", "Pay and jobs", True),
                ("outlook", "Outlook", True),
                ("prepare", "How to prepare", True),
                ("skills", "Skills and knowledge", True),
                ("values", "What the job offers", True),
                ("technology", "Tools and technology", bool(entry.profile.technology)),
                ("leads", "Where it leads", True),
                ("more", "More about this job", True)]
    return tuple(Heading(2, anchor, title) for anchor, title, shown in sections if shown)


TEMPLATE_FAILURES = (jinja2.TemplateError, TypeError, ValueError, LookupError, ArithmeticError, AttributeError)
"""What a mistake in a template raises: reported at the template's line, like a content problem."""


def render_page(env: jinja2.Environment, view: SiteView, job: PageJob, sidebar: Sidebar | None = None) -> str:
    """One page. Pass the build's `sidebar` when rendering many (see `Sidebar`)."""
    try:
        template = env.get_template(job.page.template)
        return template.render(site=view, page=job.page, sidebar=sidebar or Sidebar(env, view), **dict(job.context))
    except TEMPLATE_FAILURES as exc:
        raise ContentError([template_problem(env, exc, f"while rendering {job.page.url or 'the home page'}")]) \
            from None


def compile_templates(env: jinja2.Environment) -> None:
    """Compile every template now (workers then share them); raises ContentError naming each broken one."""
    problems = []
    for name in env.list_templates():
        try:
            env.get_template(name)
        except jinja2.TemplateSyntaxError as exc:
            problems.append(template_problem(env, exc))
    if problems:
        raise ContentError(problems)


def template_problem(env: jinja2.Environment, exc: Exception, doing: str = "") -> Problem:
    """A template failure as a problem at the template's file and line, which Jinja's traceback records."""
    folder = Path(env.loader.searchpath[0])  # type: ignore[union-attr]
    where, line = None, 1
    if isinstance(exc, jinja2.TemplateSyntaxError) and exc.filename:
        where, line = Path(exc.filename), exc.lineno or 1
    else:
        for frame in traceback.extract_tb(exc.__traceback__):
            if Path(frame.filename).is_relative_to(folder):
                where, line = Path(frame.filename), frame.lineno or 1  # the innermost template frame wins
    shown = f"{folder.name}/{where.relative_to(folder).as_posix()}" if where else folder.name
    message = exc.message if isinstance(exc, jinja2.TemplateError) and exc.message else str(exc)
    return Problem(shown, line, f"template error{' ' + doing if doing else ''}: {message}")


def sitemap_urls(view: SiteView, jobs: Iterable[PageJob]) -> tuple[str, ...]:
    """The absolute address of every page the sitemap lists, in the order of `jobs`."""
    return tuple(view.config.absolute_base + job.page.url for job in jobs if ROUTES[job.page.kind].listed)


def render_sitemap(env: jinja2.Environment, urls: Sequence[str]) -> str:
    return env.get_template("sitemap.xml").render(urls=urls)


def render_state_pay(site: Site) -> dict[str, bytes]:
    """For each state, a script with its pay figures by SOC code ([employment, 10th percentile, median,
    90th percentile, hourly median], null where BLS publishes none), which static/js/pay.js loads on demand."""
    files = {}
    profiles = site.profiles
    for state in profiles.states if profiles else ():
        rows = profiles.state_pay[state]
        table = "{" + ",".join(f"{json.dumps(code)}:{rows[code]}" for code in sorted(rows)) + "}"
        files[f"{STATE_PAY_FOLDER}{slugify(state)}.js"] = \
            f"window.__statePay.add({json.dumps(slugify(state))},{table});\n".encode()
    return files


STATE_PAY_FOLDER = "assets/pay/"

SERVICE_WORKER = "sw.js"
"""The service worker's file, at the site's root so that it may answer for every page (static/js/offline.js)."""

OFFLINE_SCRIPT = "js/offline.js"


def has_service_worker(assets: Mapping[str, Any], dev: bool) -> bool:
    """Whether pages register the service worker: on a published site whose static files have its script, not
    on the dev server, whose pages must always come fresh from the build."""
    return not dev and OFFLINE_SCRIPT in assets


def render_service_worker(assets: Mapping[str, str], dev: bool) -> bytes:
    """`sw.js`: the list of files to save at once (every style and script, the home page and the offline page)
    and the version they make, then the worker's script (static/js/offline.js), by its fingerprinted path.

    The dev server's version unregisters any worker left from a published build served at the same address,
    and deletes its copies, so that a page shown while editing always comes from the build."""
    if not has_service_worker(assets, dev):
        return (b"// No offline copies on the dev server: remove any worker and copies left from a published site.\n"
                b"self.addEventListener('install', function () { self.skipWaiting(); });\n"
                b"self.addEventListener('activate', function (event) {\n"
                b"  event.waitUntil(caches.keys().then(function (names) {\n"
                b"    return Promise.all(names.filter(function (name) {\n"
                b"      return name.indexOf('site ' + self.registration.scope + ' ') === 0;  // static/js/offline.js names\n"
                b"    }).map(function (name) { return caches.delete(name); }));\n"
                b"  }).then(function () { return self.registration.unregister(); }));\n"
                b"});\n")
    shell = ["", url_for("offline")] + sorted(
        path for name, path in assets.items() if name not in (OFFLINE_SCRIPT, "js/dev.js"))
    version = hashlib.sha256("\n".join(shell + [assets[OFFLINE_SCRIPT]]).encode()).hexdigest()[:10]
    return (f"// Offline reading: see {assets[OFFLINE_SCRIPT]}.\n"
            f"self.VERSION = {json.dumps(version)};\n"
            f"self.SHELL = {json.dumps(shell, separators=(',', ':'))};\n"
            f"importScripts({json.dumps(assets[OFFLINE_SCRIPT])});\n").encode()


def render_robots(config: Config) -> str:
    return f"User-agent: *\nAllow: /\nSitemap: {config.absolute_base}sitemap.xml\n"
