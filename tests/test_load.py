"""Unit tests of loading: front matter, line numbers, slugs, and the YAML walk."""

from __future__ import annotations

from engine.load import parse_document, parse_front_matter, slugify
from engine.markup import relative_url
from engine.model import derive_interests
import re

from engine.validate import _ANY_EDUCATION, EDUCATION_PHRASES, education_level, education_range


def test_values_keep_their_lines():
    text = "---\ntitle: A\nsteps:\n  - stage: entry\n    occupations:\n      - 11-1011.00\n      - 11-1021.00\n---\nBody\n"
    source, problems = parse_document(text, "x.md", "pathway", "x")
    assert problems == [] and source is not None
    front = source.front
    assert front.line_of("title") == 2
    assert front.line_of("steps", 0, "stage") == 4
    assert front.line_of("steps", 0, "occupations", 1) == 7
    assert front.line_of("steps", 0, "missing") == 4  # falls back to the step
    assert source.body == "Body\n" and source.body_line == 9


def test_plain_scalars_keep_their_yaml_types():
    front, problems = parse_front_matter("a: 1\nb: yes\nc: 29-1141.00\nd: 2024-01-02\ne: ~\n", "x", 2)
    assert problems == []
    assert front.data == {"a": 1, "b": True, "c": "29-1141.00", "d": "2024-01-02", "e": None}


def test_crlf_and_bom_are_accepted():
    from engine.load import decode

    text, problem = decode(b"\xef\xbb\xbf---\r\ntitle: A\r\n---\r\nBody\r\n", "x.md")
    assert problem is None and text == "---\ntitle: A\n---\nBody\n"


def test_slugify_follows_the_catalogue_rule():
    assert slugify("Arts, A/V Technology & Communications") == "arts-a-v-technology-communications"
    assert slugify("Design/Pre-Construction") == "design-pre-construction"
    assert slugify("  Health Science ") == "health-science"


def test_relative_urls_work_from_any_depth():
    assert relative_url("", "pathways/x/") == "pathways/x/"
    assert relative_url("", "") == "./"
    assert relative_url("pathways/x/", "clusters/y/") == "../../clusters/y/"
    assert relative_url("about/", "") == "../"
    assert relative_url("occupations/29-1141.00/", "assets/css/site.css") == "../../assets/css/site.css"


def test_education_level_reads_the_first_level_named():
    assert education_level("High school diploma plus a certificate") == 1
    assert education_level("Postsecondary certificate: one year") == 2
    assert education_level("Associate's degree or a bachelor's") == 3
    assert education_level("Bachelor's degree; many hold a master's") == 4
    assert education_level("Doctoral or professional degree (MD or DO)") == 6
    assert education_level("No formal education; training on the job") == 0
    assert education_level("Training on the job") is None
    assert education_level("Master's degree (an MBA) or a Ph.D.") == 5
    assert education_level("MBA") == 5 and education_level("GED") == 1 and education_level("PharmD") == 6
    assert education_level("A mastering course") == 5  # a phrase, not a word: 'master' counts where it appears


def test_the_combined_education_pattern_finds_what_each_phrase_finds():
    """The one pattern `education_range` searches (with its lookahead for the letters a phrase starts with)
    finds, in every kind of text, the levels the separate phrases find: any phrase it could not start at
    would be missed."""
    samples = ["No formal education", "GED", "high school", "Post-secondary award", "non-degree", "Nondegree",
               "some college", "Vocational school", "Trade school", "Certificate", "associate's", "Bachelor's",
               "Master's", "MBA", "Doctorate", "professional degree", "PhD", "Ph.D.", "M.D.", "J.D.", "DVM",
               "PharmD", "DDS", "an M.D. or a high school diploma", "Training on the job", ""]
    for text in samples:
        expected = sorted({level for pattern, level in EDUCATION_PHRASES if pattern.search(text)})
        found = education_range(text)
        assert (found is None) == (not expected), text
        if found is not None:
            assert found == (expected[0], expected[-1]), text
    plain = re.compile("|".join(f"(?P<l{level}>{p.pattern})" for p, level in EDUCATION_PHRASES), re.I)
    text = "Associate's degree; many have a bachelor's, and some a master's or a Ph.D. after a GED"
    assert [(m.span(), m.lastgroup) for m in _ANY_EDUCATION.finditer(text)] == \
        [(m.span(), m.lastgroup) for m in plain.finditer(text)]


def test_derived_interests_weigh_letters_by_position():
    from engine.data import Occupation

    def job(code: str) -> Occupation:
        return Occupation(code="00-0000.00", title="x", soc_code="", job_zone=None, interest_code=code,
                          employment=None, wage_median=None, wage_p10=None, wage_p90=None, hourly_median=None,
                          wage_note="", education="", experience="", training="", growth_pct=None, openings=None)

    assert derive_interests([job("SIC"), job("SI"), job("IS")]) == ("social", "investigative")
    assert derive_interests([job("RC")]) == ("realistic", "conventional")
    assert derive_interests([]) == ()


def test_a_duplicate_is_reported_on_the_newer_file_and_only_duplicates_are_dated():
    """Which of two files sharing a title is the newer one costs a look at the disk and at git's history, so
    the check asks the age of files that share a title or an order, not of every file on every rebuild."""
    from engine.validate import check_duplicates

    def cluster(slug: str, title: str, order: int):
        source, problems = parse_document(f"---\ntitle: {title}\norder: {order}\n---\nBody\n",
                                          f"content/clusters/{slug}.md", "cluster", slug)
        assert problems == [] and source is not None
        return source

    sources = [cluster("a", "Health", 1), cluster("b", "Finance", 2), cluster("c", "Health", 3),
               cluster("d", "Energy", 4)]
    asked = []

    def age(source):
        asked.append(source.slug)
        return {"a": 2, "c": 1}[source.slug]  # 'c' is the older file

    problems = list(check_duplicates(sources, age))
    assert [(p.path, p.line) for p in problems] == [("content/clusters/a.md", 2)]
    assert "content/clusters/c.md:2 has it too" in problems[0].message
    assert sorted(set(asked)) == ["a", "c"]
