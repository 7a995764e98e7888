"""The small pure helpers templates use to draw charts and build 'on this page' lists."""

from __future__ import annotations

import os
import traceback

from dataclasses import replace
from pathlib import Path

import pytest

from engine.data import Occupation
from engine.markup import Heading
import jinja2
import markupsafe

from engine.render import (cluster_toc, escape_text, make_environment, onet_links, pathway_toc, pay_axis,
                           pay_comparison, pay_figure, percent, short_money, step_axis, comparison_axis)

NURSE = Occupation(code="29-1141.00", title="Registered Nurses", soc_code="29-1141", job_zone=4, interest_code="SIC",
                   employment=3_379_720, wage_median=97_550, wage_p10=68_940, wage_p90=137_470, hourly_median=46.90,
                   wage_note="", education="Bachelor's degree", experience="None", training="None",
                   growth_pct=4.9, openings=189_100)


@pytest.mark.parametrize("values, top, labels", [
    ([137_470], 150_000, ["$0", "$25k", "$50k", "$75k", "$100k", "$125k", "$150k"]),
    ([51_980, 224_340], 250_000, ["$0", "$50k", "$100k", "$150k", "$200k", "$250k"]),
    ([507_730], 600_000, ["$0", "$100k", "$200k", "$300k", "$400k", "$500k", "$600k"]),
    ([20_000, None], 20_000, ["$0", "$5k", "$10k", "$15k", "$20k"]),
    ([None], 5_000, ["$0", "$5k"]),
])
def test_pay_axis_counts_in_round_steps_and_fits_every_value(values, top, labels):
    axis = pay_axis(values)
    assert axis.top == top
    assert [t.label for t in axis.ticks] == labels
    assert axis.ticks[0].at == 0 and axis.ticks[-1].at == 100
    assert len(axis.ticks) <= 7


def test_an_axis_beyond_the_usual_sizes_is_made_all_the_same_and_each_axis_is_the_same_each_time():
    axis = pay_axis([7_400_000])
    assert axis.top == 8_000_000
    assert [t.label for t in axis.ticks][-2:] == ["$7M", "$8M"]
    assert pay_axis([137_470]) == pay_axis([150_000]) == pay_axis([None, 140_000])


@pytest.mark.parametrize("value, soc, field, html", [
    (43_680, "45-4011", "median", '<span class="fig" data-soc="45-4011" data-fig="median">$43,680</span>'),
    (114_925.5, ("29-1141", "29-1171"), "median",
     '<span class="fig" data-socs="29-1141 29-1171" data-fig="median">$114,926</span>'),
    (1_234_567, "11-1011", "p90", '<span class="fig" data-soc="11-1011" data-fig="p90">$1,234,567</span>'),
    (46.9, "29-1141", "hourly", '<span class="fig" data-soc="29-1141" data-fig="hourly">$46.90</span>'),
    (None, "29-1141", "p10", '<span class="fig" data-soc="29-1141" data-fig="p10">not available</span>'),
    (3_379_720, "", "employment", '<span class="fig">3,379,720</span>'),
])
def test_a_pay_figure_is_marked_with_its_codes_and_written_the_same_for_whole_and_fractional_dollars(
        value, soc, field, html):
    figure = pay_figure(value, soc, field)
    assert figure == html
    assert type(figure) is markupsafe.Markup and escape_text(figure) == html


def test_a_clusters_pay_comparison_has_a_row_for_each_ladder_and_a_dot_for_each_step_with_pay(real_result):
    cluster = next(c for c in real_result.site.clusters if len(c.pathways) > 1
                   and any(len(p.ladders) > 1 for p in c.pathways))
    comparison = pay_comparison(cluster.cards)
    ladders = [(p.title, ladder) for p in cluster.pathways for ladder in p.ladders]
    assert [(row.pathway.title, row.ladder) for row in comparison.rows] == ladders
    assert comparison.axis == comparison_axis(s.median_wage for _, ladder in ladders for s in ladder.steps
                                              if s.median_wage is not None)
    stages = ["entry", "mid", "advanced", "leadership"]
    for row in comparison.rows:
        assert row.many == (sum(1 for title, _ in ladders if title == row.pathway.title) > 1)
        paid = [step for step in row.ladder.steps if step.median_wage is not None]
        assert [dot.step for dot in row.dots] == paid
        assert [dot.number for dot in row.dots] == [stages.index(step.stage) + 1 for step in paid]
        assert [dot.at for dot in row.dots] == [comparison.axis.at(step.median_wage) for step in paid]
        if row.dots:
            assert (row.low, row.high) == (comparison.axis.at(min(s.median_wage for s in paid)),
                                           comparison.axis.at(max(s.median_wage for s in paid)))


def test_a_comparison_axis_fits_every_median_unless_a_few_stand_far_above_the_rest():
    assert comparison_axis([40_000] * 10 + [90_000]) == pay_axis([90_000])  # not 2.5 times the rest: all fit
    assert comparison_axis([]) == pay_axis([])
    # Two medians in twenty over two and a half times the 90th percentile's: the axis is made for the rest.
    assert comparison_axis([40_000] * 10 + [80_000] * 8 + [300_000, 527_520]) == pay_axis([80_000])
    assert comparison_axis([40_000] * 10 + [80_000] * 8 + [90_000, 200_000]) == pay_axis([200_000])  # just 2.5 times
    # Three in twenty are more than a few: the 90th percentile is one of them, and all fit.
    assert comparison_axis([40_000] * 10 + [80_000] * 7 + [300_000] * 3) == pay_axis([300_000])


def test_steps_paid_beyond_a_clusters_comparison_axis_sit_at_its_end_marked(real_result):
    """Health Science's doctors (up to $527,520) and Human Services' psychiatrists ($281,870) stand far above
    their clusters' other steps: those charts stop lower, and the steps above sit at the end, marked, and counted
    for the chart's note."""
    for title in ("Health Science", "Human Services"):
        cluster = next(c for c in real_result.site.clusters if c.title == title)
        comparison = pay_comparison(cluster.cards)
        medians = [dot.step.median_wage for row in comparison.rows for dot in row.dots]
        assert max(medians) > 2 * comparison.axis.top
        beyond = [dot for row in comparison.rows for dot in row.dots if dot.beyond]
        assert beyond and comparison.beyond == len(beyond)
        assert all(dot.at == 100.0 and dot.step.median_wage > comparison.axis.top for dot in beyond)
        assert sum(m > comparison.axis.top for m in medians) == len(beyond)
        assert len(beyond) <= 0.1 * len(medians)
    # Where no step stands so far above the rest, nothing is beyond the axis.
    calm = [pay_comparison(c.cards) for c in real_result.site.clusters
            if c.title not in ("Health Science", "Human Services")]
    assert all(c.beyond == 0 and not any(d.beyond for row in c.rows for d in row.dots) for c in calm)


def test_positions_on_the_axis_are_clamped_percentages():
    axis = pay_axis([200_000])
    assert axis.at(50_000) == 25.0
    assert axis.at(300_000) == 100.0
    assert axis.at(-5) == 0.0


def test_pay_range_places_the_10th_to_90th_percentile_and_the_median():
    pay = pay_axis([NURSE.wage_p90]).range(NURSE)
    assert pay is not None and pay.has_range
    assert (pay.low, pay.median, pay.high) == (45.96, 65.03, 91.65)
    assert pay.width == 45.69
    assert (pay.wage_p10, pay.wage_median, pay.wage_p90) == (68_940, 97_550, 137_470)


def test_pay_range_without_percentiles_is_just_the_median_and_without_a_median_is_none():
    axis = pay_axis([100_000])
    only_median = axis.range(replace(NURSE, wage_p10=None, wage_p90=None))
    assert only_median is not None and not only_median.has_range
    assert only_median.low == only_median.high == only_median.median
    assert axis.range(replace(NURSE, wage_median=None)) is None


@pytest.mark.parametrize("value, text", [
    (0, "$0"), (950, "$950"), (43_975, "$44k"), (125_000, "$125k"), (1_000_000, "$1M"), (1_250_000, "$1.25M"),
    (None, "n/a"),
])
def test_short_money(value, text):
    assert short_money(value) == text


def test_onet_links_go_to_the_summary_and_details_reports():
    links = onet_links(NURSE)
    assert [link.url for link in links] == ["https://www.onetonline.org/link/summary/29-1141.00",
                                            "https://www.onetonline.org/link/details/29-1141.00"]


def test_tables_of_contents_list_the_ladders_and_the_cluster_sections(real_result):
    site = real_result.site
    pathway = next(p for p in site.pathways if len(p.ladders) > 1)
    toc = pathway_toc(pathway)
    count = len(pathway.ladders)
    assert [(h.level, h.id, h.title) for h in toc[:count + 1]] == [(2, "ladders", "Career ladders")] + [
        (3, f"ladder-{ladder.slug}", ladder.title) for ladder in pathway.ladders]
    assert len({ladder.slug for ladder in pathway.ladders}) == count
    assert toc[count + 1] == Heading(2, "pathway-about", "About the work")
    assert toc[count + 2:] == pathway.body.toc
    cluster = next(c for c in site.clusters if c.slug == "health-science")
    assert [h.id for h in cluster_toc(cluster)][-2:] == ["cluster-pathways", "cluster-pay"]
    ladders = [ladder for p in cluster.pathways for ladder in p.ladders]
    assert step_axis(ladders).top >= max(s.median_wage or 0 for ladder in ladders for s in ladder.steps)


def test_compiled_templates_are_kept_between_builds_and_compiled_again_when_edited(tmp_path):
    from engine.render import TemplateCache, compile_templates, make_environment
    templates = tmp_path / "templates"
    templates.mkdir()
    (templates / "page.html").write_text("<p>{{ word }}</p>\n")
    (templates / "other.html").write_text("{% extends 'page.html' %}\n")
    (tmp_path / "cache").mkdir()
    cache = TemplateCache.open(str(tmp_path / "cache"))
    compile_templates(make_environment(templates, cache))
    assert len(list((tmp_path / "cache").iterdir())) == 2

    compiled: list[str] = []

    def counting(env):  # an environment that notes each template it compiles from source
        original = env.compile
        env.compile = lambda source, name=None, *rest: compiled.append(name) or original(source, name, *rest)
        return env

    env = counting(make_environment(templates, cache))
    compile_templates(env)
    assert compiled == []  # both came from the cache
    assert env.get_template("other.html").render(word="kept") == "<p>kept</p>\n"

    (templates / "page.html").write_text("<p>{{ word }}!</p>\n")
    env = counting(make_environment(templates, cache))
    compile_templates(env)
    assert compiled == ["page.html"]  # the edited one only
    assert env.get_template("other.html").render(word="new") == "<p>new!</p>\n"


def test_a_change_to_the_code_generator_compiles_every_template_again(tmp_path, monkeypatch):
    """The cache's key names the code generator by what its methods do, so templates it compiled another way
    (an older version of the engine, kept in the same folder) are never used."""
    from engine import render
    templates = tmp_path / "templates"
    templates.mkdir()
    (templates / "page.html").write_text("<p>{{ word }}</p>\n")
    cache = render.TemplateCache.open(str(tmp_path / "cache"))
    render.compile_templates(render.make_environment(templates, cache))
    before = render.TemplateCache(str(tmp_path / "cache")).get_cache_key("page.html")
    assert render._code_generator_key() == render._CODE_GENERATOR_KEY

    def leave_frame(self, frame, with_python_scope=False):  # the same hook, doing something else
        jinja2.compiler.CodeGenerator.leave_frame(self, frame, with_python_scope)

    monkeypatch.setattr(render._OutputCode, "leave_frame", leave_frame)
    changed = render._code_generator_key()
    assert changed != render._CODE_GENERATOR_KEY
    monkeypatch.setattr(render, "_CODE_GENERATOR_KEY", changed)
    assert render.TemplateCache(str(tmp_path / "cache")).get_cache_key("page.html") != before
    compiled: list[str] = []
    env = render.make_environment(templates, cache)
    original = env.compile
    env.compile = lambda source, name=None, *rest: compiled.append(name) or original(source, name, *rest)
    render.compile_templates(env)
    assert compiled == ["page.html"]


def test_a_copy_of_the_templates_elsewhere_uses_the_kept_entries_and_its_errors_name_the_copy(tmp_path):
    """Entries are found by template name and source, not folder: a second checkout (or each project the
    tests make) compiles nothing again. The code is marked as the copy's, so a mistake is reported at the
    copy's file and line, blocks and macros included, never at the folder that filled the cache."""
    import shutil

    from engine.render import TemplateCache, compile_templates, make_environment, template_problem
    first = tmp_path / "first" / "templates"
    first.mkdir(parents=True)
    (first / "page.html").write_text("<p>{{ word }}</p>\n{% block body %}\n\n{{ word.missing.deeper }}\n"
                                     "{% endblock %}\n")
    (tmp_path / "cache").mkdir()
    cache = TemplateCache.open(str(tmp_path / "cache"))
    compile_templates(make_environment(first, cache))
    copy = tmp_path / "copy" / "templates"
    shutil.copytree(first, copy)

    env = make_environment(copy, cache)
    compiled: list[str] = []
    original = env.compile
    env.compile = lambda source, name=None, *rest: compiled.append(name) or original(source, name, *rest)
    template = env.get_template("page.html")
    assert compiled == []  # from the entry the first folder left
    assert template.filename == str(copy / "page.html")
    with pytest.raises(jinja2.UndefinedError) as raised:
        template.render(word="text")
    assert str(template_problem(env, raised.value)) == (
        "templates/page.html:4: template error: 'str object' has no attribute 'missing'")
    frames = [frame.filename for frame in traceback.extract_tb(raised.value.__traceback__)]
    assert str(copy / "page.html") in frames and not any(str(first) in name for name in frames)


def test_the_template_cache_keeps_the_most_recently_written_entries_when_it_grows_too_large(tmp_path):
    from engine.render import TemplateCache
    folder = tmp_path / "cache"
    folder.mkdir()
    for n in range(TemplateCache.KEEP + 1):
        entry = folder / f"__jinja2_{n:040x}.cache"
        entry.write_bytes(b"compiled")
        os.utime(entry, (1_000_000 + n, 1_000_000 + n))  # each written after the one before
    (folder / "notes.txt").write_text("not an entry")
    TemplateCache.open(str(folder))
    kept = sorted(p.name for p in folder.iterdir())
    assert len(kept) == TemplateCache.KEEP // 2 + 1 and "notes.txt" in kept
    assert f"__jinja2_{TemplateCache.KEEP:040x}.cache" in kept and f"__jinja2_{0:040x}.cache" not in kept
    TemplateCache.open(str(folder))  # within the limit: nothing more goes
    assert len(list(folder.iterdir())) == TemplateCache.KEEP // 2 + 1


def test_a_template_cache_that_cannot_be_written_only_costs_time(tmp_path):
    from engine.render import TemplateCache, compile_templates, make_environment
    templates = tmp_path / "templates"
    templates.mkdir()
    (templates / "page.html").write_text("<p>{{ word }}</p>\n")
    blocked = tmp_path / "not-a-folder"
    blocked.write_text("")
    env = make_environment(templates, TemplateCache.open(str(blocked)))
    compile_templates(env)
    assert env.get_template("page.html").render(word="ok") == "<p>ok</p>\n"


class _Shown:
    def __html__(self) -> str:
        return "<b>safe</b>"


@pytest.mark.parametrize("value", ["plain", "Tom & Jerry's <b>\"show\"</b>", "", markupsafe.Markup("<i>kept</i>"),
                                   _Shown(), 42, 3.5, None, True, "caf\u00e9 \u2013 \U0001F600"])
def test_escape_text_gives_the_text_markupsafe_escape_gives(value):
    assert escape_text(value) == str(markupsafe.escape(value))
    assert type(escape_text(value)) is str or isinstance(value, (markupsafe.Markup, _Shown))


def test_templates_compile_output_to_escape_text_and_still_escape(tmp_path):
    """The hook in Jinja's code generator still holds: a change in Jinja that bypassed it would show here."""
    (tmp_path / "t.html").write_text("{{ text }}|{{ safe }}|{% set joined = text ~ '!' %}{{ joined }}|"
                                     "{% macro m(x) %}<{{ x }}>{% endmacro %}{{ m(text) }}")
    env = make_environment(tmp_path)
    source = env.compile(env.loader.get_source(env, "t.html")[0], raw=True)
    assert "environment.escape_text(" in source and " escape(" not in source
    out = env.get_template("t.html").render(text="a<b & 'c'", safe=markupsafe.Markup("<em>x</em>"))
    assert out == "a&lt;b &amp; &#39;c&#39;|<em>x</em>|a&lt;b &amp; &#39;c&#39;!|<a&lt;b &amp; &#39;c&#39;>"
    with pytest.raises(jinja2.UndefinedError):
        env.from_string("{{ missing }}").render()


def test_templates_call_plain_functions_methods_macros_and_those_that_ask_for_the_context():
    class Counter:
        def __init__(self) -> None:
            self.seen: list[str] = []

        def add(self, name: str) -> str:
            self.seen.append(name)
            return name.upper()

    @jinja2.pass_context
    def page_title(context, suffix: str) -> str:
        return context["title"] + suffix

    env = make_environment(Path("."))
    env.globals.update(double=lambda n: n * 2, page_title=page_title)
    counter = Counter()
    out = env.from_string(
        "{% macro m(x) %}[{{ x }}]{% endmacro %}"
        "{% for n in [1, 2] %}{{ double(n) }}{{ page_title('!') }}{{ counter.add('a' ~ n) }}{{ m(n) }}{% endfor %}"
        "{% set t %}{{ page_title('?') }}{% endset %}{{ t }}").render(title="T<", counter=counter)
    assert out == "2T&lt;!A1[1]4T&lt;!A2[2]T&lt;?"
    assert counter.seen == ["a1", "a2"]


_INHERITANCE = {
    "base.html": "<title>{% block title %}Site{% endblock %}</title>{% block body %}<p>base</p>{% endblock %}"
                 "{% include 'part.html' %}{% from 'lib.html' import shout with context %}{{ shout(name) }}",
    "page.html": "{% extends 'base.html' %}ignored text{% block title %}{{ name }} | {{ super() }}{% endblock %}"
                 "{% block body %}{% for n in items %}{% if loop.first %}<ol>{% endif %}<li>{{ n }}</li>"
                 "{% if loop.last %}</ol>{% endif %}{% endfor %}{% call wrap() %}{{ name }}{% endcall %}"
                 "{% set kept %}{{ self.title() }}{% endset %}[{{ kept }}]{% endblock %}"
                 "{% macro wrap() %}<div>{{ caller() }}</div>{% endmacro %}",
    "deeper.html": "{% extends 'page.html' %}{% block body %}<main>{{ super() }}</main>{% endblock %}",
    "before.html": "<!-- {{ name }} -->{% extends 'base.html' %}after{% block title %}T{% endblock %}",
    "part.html": "<footer>{{ name }}{% block inner %} in part{% endblock %}</footer>",
    "lib.html": "{% macro shout(x) %}<b>{{ x|upper }}</b> to {{ name }}{% endmacro %}",
}


@pytest.mark.parametrize("name", ["base.html", "page.html", "deeper.html", "before.html", "part.html"])
def test_templates_render_as_jinjas_own_code_generator_renders_them(tmp_path, name):
    """Each template's body and each block join their pieces into one string, yielded once, rather than
    yielding each piece through every template above them; what they make is what Jinja's own code gives."""
    for file, text in _INHERITANCE.items():
        (tmp_path / file).write_text(text)
    env = make_environment(tmp_path)
    stock = jinja2.Environment(loader=jinja2.FileSystemLoader(tmp_path), autoescape=True,
                               undefined=jinja2.StrictUndefined)
    values = {"name": "A & <B>", "items": [1, "<2>"]}
    assert env.get_template(name).render(**values) == stock.get_template(name).render(**values)
    template = env.get_template(name)
    pieces = list(template.root_render_func(template.new_context(values)))
    assert len(pieces) == (2 if name == "before.html" else 1)  # a child's text before `extends`, then its parent


def test_a_change_in_percent_has_its_sign_and_a_fall_a_minus_sign():
    """A minus sign, as pay changes have, not a hyphen: screen readers say 'minus', and the figures line up."""
    assert percent(4.9) == "+4.9%"
    assert percent(-2.4) == "\u22122.4%"
    assert percent(0.0) == "0.0%"
    assert percent(None) == "not available"
