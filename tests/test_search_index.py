"""The search index builder: words, word forms, field weights, the files it writes, and rebuilding."""

from __future__ import annotations

import dataclasses
import json
import re
from collections import Counter

import pytest

from engine import profiles, search
from engine.routes import ROUTES, url_for
from engine.profiles import WORK_VALUES
from engine.schema import INTERESTS
from engine.search_words import SearchWords, Synonym
from engine.search import (POSTAL_CODES, Document, decode_numbers, decode_postings, encode_postings, file_key, fold,
                           index_words, query_words, score_terms, state_slug, stem)

PART = re.compile(r'__searchIndex\.add\(("(?:[^"\\]|\\.)*"),(.*)\);\n', re.S)


def read_part(data: bytes) -> tuple[str, object]:
    """A part file's name and data; fails unless the file is exactly one registration call."""
    match = PART.fullmatch(data.decode("utf-8"))
    assert match, data[:200]
    return json.loads(match.group(1)), json.loads(match.group(2))


def document(title: str = "Page", **fields: str) -> Document:
    pairs = [("title", title)] + [(name.rstrip("_0123456789"), text) for name, text in fields.items()]
    return Document(kind="pathway", url="pathways/x/", title=title, clusters=(0,), interests=(),
                    fields=tuple(pairs), passages=(title,))


def scores(doc: Document) -> dict[str, int]:
    return dict(score_terms(doc)[0])


@pytest.fixture(scope="module")
def index(real_result) -> dict[str, bytes]:
    return search.build_search_index(real_result.site)


# -- words -------------------------------------------------------------------------------------------

@pytest.mark.parametrize("text, folded", [
    ("Nurse", "nurse"), ("Café", "cafe"), ("ÅNGSTRÖM", "angstrom"), ("naïve", "naive"), ("ﬁre", "fire"),
    ("İstanbul", "istanbul"), ("Ærøskøbing", "aeroskobing"), ("Straße", "strasse"), ("Łódź", "lodz"),
])
def test_fold_lowercases_and_removes_accents(text, folded):
    assert fold(text) == folded


def test_index_words_leave_out_stop_words_and_single_letters():
    assert sorted(index_words("The nurse and a doctor, in X hospitals")) == ["doctor", "hospitals", "nurse"]


def test_compounds_are_indexed_whole_and_by_part():
    assert sorted(index_words("X-ray technicians")) == ["ray", "technicians", "xray"]
    assert sorted(index_words("A/V crews")) == ["av", "crews"]
    assert sorted(index_words("Bachelor's degree")) == ["bachelors", "degree"]
    assert sorted(index_words("Café‐owner nurse-nurse")) == ["cafe", "cafeowner", "nurse", "nurse", "nursenurse", "owner"]


def test_query_words_join_compounds_and_keep_each_word_once():
    assert query_words("x-ray Technicians, x-ray") == ["xray", "technicians"]
    assert query_words("the and of") == []


def test_languages_named_with_symbols_are_words_of_their_own():
    assert query_words("C++ and C# developers") == ["cplusplus", "csharp", "developers"]
    assert sorted(index_words("Oracle Java; C++; (c#)")) == ["cplusplus", "csharp", "java", "oracle"]
    assert index_words("a c+ grade, abc++ and c+++") == ["grade", "abc"]  # not the languages


def test_an_abbreviation_joined_by_an_ampersand_is_one_word():
    assert query_words("R&D manager, A&P mechanic") == ["rd", "manager", "ap", "mechanic"]
    assert sorted(index_words("AT&T; GD&T (b&b)")) == ["att", "bb", "gdt"]
    # Words on either side of an '&' with spaces, or longer than an abbreviation, stay apart.
    assert query_words("Food & Natural Resources") == ["food", "natural", "resources"]
    assert query_words("Café&Bar, abcd&e") == ["cafe", "bar", "abcd"]


def test_a_technology_is_found_by_the_words_that_name_the_product():
    names = {"Microsoft Excel", "Microsoft Word", "Microsoft Teams", "Microsoft Edge", "Structured query language SQL",
             "Autodesk AutoCAD Civil 3D", "Autodesk Revit", "Autodesk Maya", "Intuit QuickBooks", "Python",
             "Salesforce software", "C++", "Oracle Java", "Oracle Database", "Oracle PeopleSoft"}
    titles = ["Java Developer", "Senior Java Developer", "Java Programmer", "Team Lead", "Teams Coordinator",
              "Team Supervisor", "Word Processor"]
    assert profiles.product_words(names, titles) == {
        "Microsoft Excel": "Excel", "Microsoft Word": "Word",  # in one title only
        "Microsoft Teams": "",  # 'team' and 'teams' are in three titles
        "Microsoft Edge": "Edge", "Structured query language SQL": "SQL", "Autodesk AutoCAD Civil 3D": "AutoCAD 3D",
        "Autodesk Revit": "Revit", "Autodesk Maya": "Maya", "Intuit QuickBooks": "QuickBooks",
        "Python": "Python", "Salesforce software": "Salesforce", "C++": "C++",
        "Oracle Java": "",  # search finds the jobs by their titles already
        "Oracle Database": "Database", "Oracle PeopleSoft": "PeopleSoft"}


@pytest.mark.parametrize("forms", [
    ("nurse", "nurses", "nursing", "nursed"),
    ("weld", "welding", "welders", "welder"),
    ("technology", "technologies"),
    ("plan", "planning", "plans"),
    ("install", "installing", "installs"),
    ("engineer", "engineers", "engineering"),
    ("farm", "farming", "farmer", "farmers"),
    ("cosmetology", "cosmetologist", "cosmetologists"),  # a field and who works in it
    ("biology", "biologists", "biologies"),
    ("therapy", "therapist", "therapists", "therapies"),  # likewise, by the endings in `_PRACTICE`
    ("pharmacy", "pharmacist", "pharmacists"),
    ("hygiene", "hygienist", "hygienists"),
    ("psychiatry", "psychiatrists"),
    ("optometry", "optometrist"),
    ("dentistry", "dentist", "dentists"),
    ("economics", "economist", "economists", "economy"),
    ("astronomy", "astronomer", "astronomers"),
    ("agronomy", "agronomist"),
    ("plane", "planes"),
    ("inspect", "inspecting", "inspector", "inspectors"),  # who does it, by '-tor' and '-sor' too
    ("operating", "operator", "operators"),
    ("supervising", "supervisor"),
    ("processing", "processor"),
    ("tutor", "tutors"),  # five letters: kept whole
    ("floor", "flooring"),  # not '-tor' or '-sor'
])
def test_word_forms_share_a_stem(forms):
    assert len({stem(word) for word in forms}) == 1, {word: stem(word) for word in forms}


@pytest.mark.parametrize("a, b", [("care", "car"), ("string", "sting"), ("business", "busines"), ("status", "stat"),
                                  ("nursery", "nurse"), ("analysis", "analys"), ("policy", "police"),
                                  ("specialist", "special"), ("dentist", "dent"),
                                  ("planes", "planning"), ("crane", "cran")])
def test_different_words_keep_different_stems(a, b):
    assert stem(a) != stem(b)


# -- scores ------------------------------------------------------------------------------------------

BODY = "Most of the work happens in shops and yards. " * 50  # about as long as a pathway's description


def test_fields_count_by_their_weight():
    summary = "Joining metal parts for buildings, ships and pipelines, on site or in a shop, by hand or with machines."
    doc = document("Welding", steps="Fitter helper", summary=summary, body=BODY + "Brazing too.")
    found = scores(doc)
    assert found["welding"] > found["fitter"] > found["joining"] > found["brazing"]


def test_a_ladder_that_holds_an_occupation_outranks_a_page_that_mentions_it_once():
    ladder = document("Diagnostic Services", steps="Radiologic technologist",
                      occupations="Radiologic Technologists and Technicians", body=BODY)
    mention = document("Health Informatics", body=BODY + "A radiologic report is filed.")
    assert scores(ladder)["radiologic"] > 1.5 * scores(mention)["radiologic"]


def test_the_jobs_a_title_leaves_out_count_as_its_body_does_not_as_its_title(real_result):
    assert search.title_and_exclusions("Mobile Heavy Equipment Mechanics, Except Engines") == \
        ("Mobile Heavy Equipment Mechanics", "Engines")
    assert search.title_and_exclusions("Farmers") == ("Farmers", "")
    docs = {doc.title: scores(doc) for doc in search.documents(real_result.site) if doc.kind == "occupation"}
    heavy, small = (docs["Mobile Heavy Equipment Mechanics, Except Engines"],
                    docs["Outdoor Power Equipment and Other Small Engine Mechanics"])
    # Scores are saturated levels of 1 to 63. Counted as the title, 'engines' scored 53 on the heavy equipment
    # page, above the small engine page's 49, and 'medical' 52 on the secretaries' page.
    assert 0 < heavy["engines"] < small["engines"] - 8  # still found by the whole title, weakly
    assert heavy["mechanics"] == small["mechanics"]
    secretaries = docs["Secretaries and Administrative Assistants, Except Legal, Medical, and Executive"]
    assert 0 < secretaries["medical"] < docs["Medical Secretaries and Administrative Assistants"]["medical"] - 16


def test_a_title_is_as_long_as_the_jobs_it_names_not_those_it_leaves_out():
    """'dispatcher' is the whole of 'Dispatchers, Except Police, Fire, and Ambulance' as a query sees it, so the page
    is named by it as well as a page titled 'Dispatchers' would be; 'police' is no word of its title. A cluster's or
    pathway's title is whole (none has 'Except')."""
    lengths = dict(score_terms(dataclasses.replace(document("Dispatchers, Except Police, Fire, and Ambulance"),
                                                   kind="occupation"))[1])
    assert lengths == {"dispatchers": 1 + search.EXACT_TITLE}
    lengths = dict(score_terms(dataclasses.replace(document("Secretaries and Administrative Assistants, Except Legal, "
                                                            "Medical, and Executive"), kind="occupation"))[1])
    assert set(lengths) == {"secretaries", "administrative", "assistants"}
    assert set(lengths.values()) == {3 + search.EXACT_TITLE}


def test_a_synonym_among_the_jobs_a_title_leaves_out_does_not_name_the_page(real_result):
    """'cop' is in 'Dispatchers, Except Police, Fire, and Ambulance' only among the jobs it is not; a synonym of
    the whole title, 'except' and all, still names it."""
    found = search._Synonyms(real_result.site.search_words).found_in
    names = lambda title: {says for says, _ in found(title)}  # noqa: E731
    assert "cop" not in names("Dispatchers, Except Police, Fire, and Ambulance")
    assert "maid" not in names("Janitors and Cleaners, Except Maids and Housekeeping Cleaners")
    assert "emt" not in names("Ambulance Drivers and Attendants, Except Emergency Medical Technicians")
    assert "cop" in names("Police and Sheriff's Patrol Officers")
    assert "heavy duty mechanic" in names("Mobile Heavy Equipment Mechanics, Except Engines")


def test_repeating_a_word_helps_less_each_time():
    one, two, ten = (scores(document(body=("cabinet " * n + "filler " * 300)))["cabinet"] for n in (1, 2, 10))
    assert one < two < ten < 10 * one
    assert max(scores(document(title="Cabinet", body="cabinet " * 200)).values()) <= search.SCORE_LEVELS


def test_a_college_teachers_subject_counts_for_less_than_its_teaching():
    """The subject a college teacher's page names counts for `SUBJECT_SHARE` of its other words, in the title, in
    the names people use and in its text, so that 'political science degree' leads with the jobs in the field; the
    words that say it teaches keep their full weight."""
    title = "Political Science Teachers, Postsecondary"
    names = (("Political Science Professor", 2, True, False),)
    plain = dataclasses.replace(document(title, body="Teach courses in political science and government."),
                                kind="occupation", names=names)
    teacher = scores(dataclasses.replace(plain, teaches=True))
    plain_scores = scores(plain)
    for word in ("political", "science", "government"):
        assert teacher[word] <= plain_scores[word] - 10  # of 63 levels, after saturation
    for word in ("teachers", "postsecondary", "professor"):
        assert teacher[word] == plain_scores[word]
    assert teacher["professor"] > teacher["political"]


def test_titles_are_recorded_with_their_length_in_query_words():
    _, title_words = score_terms(document("X-Ray Technicians and Technologists"))
    assert title_words == (("ray", 3), ("technicians", 3), ("technologists", 3), ("xray", 3))


def test_a_letter_or_an_abbreviation_in_a_name_counts_in_its_length():
    """The length decides whether a query is the whole name; 'R & D Manager' is three words to a reader."""
    assert search._name_terms("R & D Manager")[:2] == (("manager",), 3)
    assert search._name_terms("IT Manager")[:2] == (("manager",), 2)
    assert search._name_terms("C Programmer")[:2] == (("programmer",), 2)
    assert search._name_terms("C++ Programmer")[:2] == (("cplusplus", "programmer"), 2)  # a language of its own
    assert search._name_terms("Director of Nursing")[:2] == (("director", "nursing"), 2)  # 'of' is no word
    assert search._name_terms("Manager")[:2] == (("manager",), 1)


def test_postings_round_trip_including_large_gaps():
    packed = [3 << 6 | 9, 40 << 6 | 63, 5000 << 6 | 1, 250_000 << 6 | 17]
    assert decode_postings(encode_postings(packed)) == [(3, 9), (40, 63), (5000, 1), (250_000, 17)]


def test_file_keys_are_safe_file_names():
    assert file_key("nu") == "nu"
    assert file_key("é") == "_e9"
    assert file_key("a/") == "a_2f"


# -- the files ---------------------------------------------------------------------------------------

def test_every_page_is_a_document_with_its_fragment(index, real_result):
    site = real_result.site
    _, manifest = read_part(index["search/index/manifest.js"])
    tools = [route for route in ROUTES.values() if route.search_label and route.title]
    assert {route.kind for route in tools} >= {"explore", "quiz", "skills-explorer", "from-job", "compare", "occupations"}
    expected = len(site.clusters) + len(site.pathways) + len(site.occupations) + len(site.pages) + \
        len(site.modern) + len(site.sub_clusters) + len(tools) + len(INTERESTS) + len(WORK_VALUES)
    assert manifest["documents"] == expected
    urls = set()
    for n in range(expected):
        name, doc = read_part(index[f"search/index/docs/{n}.js"])
        assert name == f"docs/{n}"
        assert doc["kind"] in search.KINDS and doc["title"] and doc["text"]
        urls.add(doc["url"])
    assert urls == {c.url for c in site.clusters} | {p.url for p in site.pathways} | \
        {o.url for o in site.occupations} | {p.url for p in site.pages} | {c.url for c in site.modern} | \
        {s.url for s in site.sub_clusters} | {route.url() for route in tools} | \
        {url_for("interest", name) for name in INTERESTS} | {url_for("value", v.slug) for v in WORK_VALUES}
    assert not any(name.startswith("search/index/docs/") and name.endswith(f"/{expected}.js") for name in index)


def records_by_url(index) -> tuple[list[dict], dict[str, int]]:
    """Every document's record, by id, and each page's id by its address."""
    _, manifest = read_part(index["search/index/manifest.js"])
    records = [read_part(index[f"search/index/docs/{n}.js"])[1] for n in range(manifest["documents"])]
    return records, {record["url"]: n for n, record in enumerate(records)}


def test_an_occupations_record_lists_its_next_steps_likeliest_first(index, real_result):
    """A query that asks where a job can lead puts the jobs of the steps after it next (search.js `leadOn`): its
    record lists them by document id, the likeliest first: those its ladders lead to most often, then those nearest
    it in the SOC (its broad group, then minor group, then major group), then in the site's order; at most
    `NEXT_STEPS`. A job on no ladder, or only at the top of
    its ladders, lists none."""
    records, ids = records_by_url(index)
    listed = 0
    for entry in real_result.site.occupations:
        record = records[ids[entry.url]]
        if not entry.next_steps:
            assert "after" not in record, entry.title
            continue
        listed += 1
        # how often each next step follows the job on its ladders, counted here from the ladders themselves
        leads = Counter()
        for pathway in real_result.site.pathways:
            for ladder in pathway.ladders:
                for step, above in zip(ladder.steps, ladder.steps[1:]):
                    if entry.occupation.code in {o.code for o in step.occupations}:
                        leads.update({o.code for o in above.occupations} - {entry.occupation.code})
        code = entry.occupation.code
        order = sorted(entry.next_steps, key=lambda o: (-leads[o.code], code[:6] != o.code[:6],
                                                        code[:4] != o.code[:4], code[:2] != o.code[:2]))
        expected = [o.url for o in order[:search.NEXT_STEPS]]
        assert [records[n]["url"] for n in record["after"]] == expected, entry.title
    assert listed > 500
    first = {e.title: records[records[ids[e.url]]["after"][0]]["title"] for e in real_result.site.occupations
             if e.title in ("Nursing Assistants", "Registered Nurses", "Construction Laborers",
                            "Emergency Medical Technicians")}
    assert first == {"Nursing Assistants": "Licensed Practical and Licensed Vocational Nurses",
                     "Registered Nurses": "Nurse Practitioners", "Construction Laborers": "Carpenters",
                     "Emergency Medical Technicians": "Paramedics"}  # its broad group, before the doctors


RECORD_LISTS = {
    # A query that asks for jobs like one ('career change from teacher') lists its related jobs before it
    # (search.js `leadOn`): the first `LIKE_SHOWN` of O*NET's related occupations, the most related first, but
    # other kinds of the job itself last (`search.alike`).
    "like": (lambda entry: search.alike(entry.occupation, entry.related)[:search.LIKE_SHOWN], 900),
    # A query from someone leaving a job ('ex teacher', 'burned out nurse') lists those outside its line of work
    # first: the first `AWAY_SHOWN` of them (`search.elsewhere`), from all of O*NET's related occupations, not only
    # the six its page shows.
    "away": (lambda entry: search.elsewhere(entry.occupation, entry.all_related)[:search.AWAY_SHOWN], 900),
    # A goal phrase may name a job two or more rungs up ('stocker who wants to become a supervisor',
    # search.js `goalJob`): the first `LATER_STEPS` of the jobs of the steps above its next ones, the nearest first.
    "later": (lambda entry: entry.later_steps[:search.LATER_STEPS], 300),
    # A query for jobs like one with less schooling ('careers like lawyer but less school', search.js `leadOn`)
    # lists the first `SHORTER_SHOWN` of the jobs like it that take less (`search.shorter`).
    "shorter": (lambda entry: search.shorter(entry.occupation, entry.earlier_steps,
                                             entry.all_related)[:search.SHORTER_SHOWN], 300),
}


@pytest.mark.parametrize("field", sorted(RECORD_LISTS))
def test_an_occupations_record_lists_jobs_by_id(field, index, real_result):
    """An occupation's record lists other occupations by document id (`RECORD_LISTS`); no other record has the
    list."""
    records, ids = records_by_url(index)
    expected_of, least = RECORD_LISTS[field]
    listed = 0
    for entry in real_result.site.occupations:
        expected = [ids[o.url] for o in expected_of(entry)]
        assert records[ids[entry.url]].get(field, []) == expected, entry.title
        listed += bool(expected)
    assert listed > least
    assert all(field not in record for record in records if record["kind"] != "occupation")


def test_jobs_away_from_one_leave_its_broad_group_its_kinds_and_its_supervisors(real_result):
    """`search.elsewhere`: O*NET's related occupations in its order, less those of the job's SOC broad group,
    other kinds of it (`alike`) and first-line supervisors in its major group, a step up the same work."""
    jobs = {e.title: e for e in real_result.site.occupations}

    def away(title: str) -> list[str]:
        entry = jobs[title]
        found = [o.title for o in search.elsewhere(entry.occupation, entry.all_related)]
        assert [t for t in (o.title for o in entry.all_related) if t in found] == found  # O*NET's order
        return found

    teachers = away("Elementary School Teachers, Except Special Education")
    assert teachers[:3] == ["Tutors", "Adult Basic Education, Adult Secondary Education, and English as a Second "
                            "Language Instructors", "Teaching Assistants, Preschool, Elementary, Middle, and "
                            "Secondary School, Except Special Education"], teachers
    assert not any("Teachers" in title for title in teachers[:3])
    police = away("Police and Sheriff's Patrol Officers")
    assert "Detectives and Criminal Investigators" in police  # broad group 33-302, not 33-305
    assert "Transit and Railroad Police" not in police  # 33-3052: the same broad group
    assert not any(title.startswith("First-Line Supervisors") for title in police), police
    # The page shows six related jobs; the rest are read too.
    nurses = jobs["Registered Nurses"]
    assert len(nurses.related) == 6 and len(nurses.all_related) > 6
    assert nurses.all_related[:6] == nurses.related
    assert "Nursing Assistants" in away("Registered Nurses")  # O*NET's eighth
    assert search.elsewhere(nurses.occupation, ()) == []



def test_jobs_like_one_with_less_schooling_take_less_and_the_steps_below_that_are_like_it_come_first(real_result):
    """`search.shorter`: the steps below a job on its ladders and its related occupations, each only where BLS's
    typical entry education is lower than the job's (and not an "All Other" group's); those that are both first,
    then the related ones (the same work), then the other steps below."""
    jobs = {e.title: e for e in real_result.site.occupations}

    def shorter(title: str) -> list[str]:
        entry = jobs[title]
        found = search.shorter(entry.occupation, entry.earlier_steps, entry.all_related)
        level = entry.occupation.education_level
        assert all(o.education_level is None and o in entry.earlier_steps or
                   o.education_level < level and not o.preparation_is_mixed for o in found), title
        assert len(found) == len(set(found))
        return [o.title for o in found]

    vets = shorter("Veterinarians")
    assert vets[:2] == ["Veterinary Technologists and Technicians",
                        "Veterinary Assistants and Laboratory Animal Caretakers"], vets  # below it and related
    assert not any("Physicians" in title for title in vets), vets  # related, but as much school (or a group's)
    doctors = shorter("Family Medicine Physicians")
    assert {"Physician Assistants", "Nurse Practitioners"} <= set(doctors[:3]), doctors  # related, before the steps
    assert set(shorter("Dentists, General")[:2]) == {"Dental Hygienists", "Dental Assistants"}
    assert shorter("Lawyers")[0] == "Paralegals and Legal Assistants"
    assert shorter("Registered Nurses")[:2] == ["Licensed Practical and Licensed Vocational Nurses",
                                                "Nursing Assistants"]
    # an occupation that needs no schooling to start has none that take less
    dishwashers = jobs["Dishwashers"]
    assert dishwashers.occupation.education == "No formal educational credential"
    assert search.shorter(dishwashers.occupation, (), dishwashers.all_related) == []

def test_a_pathways_record_lists_its_ladders_jobs_by_id(index, real_result):
    """Of a cluster's pathways that tie for a field query, the one whose ladders hold the best jobs found leads
    (search.js `voteField`): a pathway's record lists its ladders' occupations, in ladder order, by document id,
    as an occupation's record lists its next steps; an address for each would fill the index parts a query loads."""
    records, ids = records_by_url(index)
    for pathway in real_result.site.pathways:
        expected = list(dict.fromkeys(ids[o.url] for ladder in pathway.ladders for step in ladder.steps
                                      for o in step.occupations))
        assert records[ids[pathway.url]]["jobs"] == expected, pathway.title
        assert all(records[n]["kind"] == "occupation" for n in expected)
    assert all("jobs" not in record for record in records if record["kind"] != "pathway")


def test_jobs_like_one_put_other_kinds_of_it_last(real_result):
    """Another kind of the same job is no change of job: a specialty of the same SOC occupation ('Acute Care Nurses'
    of 'Registered Nurses') or a title that ends with the same word ('Middle School Teachers', 'Helpers--
    Electricians') goes after the other related jobs, in O*NET's order. A word that names a role in many fields
    ('Therapists', 'Technicians') makes no kin: occupational therapists are a job like physical therapists."""
    jobs = {e.title: e for e in real_result.site.occupations}

    def alike(title: str) -> list[str]:
        entry = jobs[title]
        ordered = [o.title for o in search.alike(entry.occupation, entry.related)]
        assert sorted(ordered) == sorted(o.title for o in entry.related)  # the same jobs, reordered
        return ordered

    nurses = alike("Registered Nurses")  # O*NET's: CNS (29-1141.04, a specialty), NPs, Acute Care Nurses, ...
    assert nurses[:2] == ["Nurse Practitioners", "Nurse Midwives"], nurses  # O*NET's order otherwise
    assert nurses.index("Clinical Nurse Specialists") < nurses.index("Acute Care Nurses")
    electricians = alike("Electricians")
    assert electricians[-1] == "Helpers--Electricians" and electricians[0] == "Lighting Technicians", electricians
    teachers = alike("Secondary School Teachers, Except Special and Career/Technical Education")
    assert teachers[:2] == ["Tutors", "Adult Basic Education, Adult Secondary Education, and English as a Second "
                                      "Language Instructors"], teachers
    therapists = [o.title for o in jobs["Physical Therapists"].related]
    assert alike("Physical Therapists") == therapists and "Occupational Therapists" in therapists
    assert search.alike(jobs["Cashiers"].occupation, ()) == []


@pytest.mark.parametrize("facet", ["education", "experience", "training", "outlook"])
def test_the_facets_list_each_occupation_under_its_level_of_education_experience_and_outlook(facet, index,
                                                                                            real_result):
    """The results page's education filter, and search's ranking of the jobs that fit a phrase such as 'without a
    degree', 'with no experience', 'apprenticeships' or 'in demand', read these sets: every occupation under the
    level or kind of training BLS gives for it (the jobs explorer's values), a bright outlook as the explorer works
    it out, and no other page under any."""
    from engine.data import EDUCATION_SLUGS, EXPERIENCE_SLUGS, TRAINING_SLUGS
    from engine.render import outlook
    site = real_result.site
    values = {"education": lambda job: EDUCATION_SLUGS.get(job.education, ""),
              "experience": lambda job: EXPERIENCE_SLUGS.get(job.experience, ""),
              "training": lambda job: TRAINING_SLUGS.get(job.training, ""),
              "outlook": lambda job: "bright" if outlook(job, site.profiles.average_growth).bright else ""}[facet]
    _, facets = read_part(index["search/index/facets.js"])
    found: dict[int, str] = {}
    for level, encoded in facets[facet].items():
        doc = 0
        for gap in decode_numbers(encoded):
            doc += gap
            assert doc not in found, doc
            found[doc] = level
    by_url = {e.url: values(e.occupation) for e in site.occupations}
    _, manifest = read_part(index["search/index/manifest.js"])
    for n in range(manifest["documents"]):
        _, doc = read_part(index[f"search/index/docs/{n}.js"])
        assert found.get(n, "") == (by_url[doc["url"]] if doc["kind"] == "occupation" else ""), doc["title"]
    assert len(found) > (900 if facet != "outlook" else 50)


def test_the_sorts_carry_each_jobs_own_pay_growth_and_openings(index, real_result):
    """A query for the best paid, fastest growing or most openings orders the jobs it names by these: each
    occupation's own figure (none where BLS gives only a wider group's), and nothing for other pages."""
    from engine.data import FIGURES_OWN
    _, facets = read_part(index["search/index/sorts.js"])
    _, manifest = read_part(index["search/index/manifest.js"])
    by_url = {e.url: e.occupation for e in real_result.site.occupations}
    urls = [read_part(index[f"search/index/docs/{n}.js"])[1]["url"] for n in range(manifest["documents"])]
    figures = {"pay": lambda job: job.wage_median, "openings": lambda job: job.openings,
               "growth": lambda job: None if job.growth_pct is None else round(job.growth_pct * 10) + 1000}
    for name, figure in figures.items():
        values = iter(decode_numbers(facets[name]["values"]))
        found, doc = {}, 0
        for gap in decode_numbers(facets[name]["ids"]):
            doc += gap
            found[doc] = next(values)
        assert next(values, None) is None
        expected = {n: figure(by_url[url]) for n, url in enumerate(urls)
                    if url in by_url and by_url[url].figures == FIGURES_OWN and figure(by_url[url]) is not None}
        assert found == expected and len(found) > 700, name


def test_the_explorer_phrases_load_only_for_a_query_with_one_of_their_key_words(index):
    """The phrases that ask for a kind of job are a part of their own (explorer.js), not in the manifest every
    query loads; the manifest holds one word of each ('high' of 'high paying'), which every query holding the
    phrase holds: its first word that is no stop, filler, pay or field word if it has one."""
    from engine.search_words import STOP_WORDS
    _, manifest = read_part(index["search/index/manifest.js"])
    _, explorer = read_part(index["search/index/explorer.js"])
    assert "explorer" not in manifest and len(explorer) > 100
    keys = set(manifest["explorerWords"].split())
    common = set(manifest["filler"].split()) | set(manifest["pay"].split()) | set(manifest["fields"].split())
    for words, *_ in explorer:
        held = set(words.split()) & keys
        assert held, words
        plain = [w for w in words.split() if w not in STOP_WORDS and w not in common]
        assert not plain or plain[0] in held, words
    assert {"high", "ged", "apprenticeship"} <= keys and not keys & {"jobs", "nurse", "engineering"}


def test_the_phrases_that_say_what_a_query_asks_load_only_for_a_query_with_one_of_their_key_words(index):
    """Where a job leads, a goal, jobs like one and what is not wanted ('what comes after', 'wants to become',
    'similar to', 'hate', 'scares me') are a part of their own (asks.js), each list the longest first; the
    manifest holds one word of each phrase, picked to be rare in queries ('hard' of 'is hard', 'not' of 'and
    not'), so that a query without any ('engineering technology') loads none of them."""
    from engine.search_words import STOP_WORDS
    _, manifest = read_part(index["search/index/manifest.js"])
    _, asks = read_part(index["search/index/asks.js"])
    assert set(asks) == {"dislike", "dislikeAfter", "next", "goal", "similar", "leaving"}
    assert not set(asks) & set(manifest)
    keys = set(manifest["askWords"].split())
    common = set(manifest["filler"].split()) | set(manifest["pay"].split()) | set(manifest["fields"].split())
    for kind, phrases in asks.items():
        assert phrases and [len(p.split()) for p in phrases] == sorted((len(p.split()) for p in phrases),
                                                                       reverse=True), kind
        for words in phrases:
            held = set(words.split()) & keys
            assert held, words
            rare = [w for w in words.split() if w not in STOP_WORDS and w not in common]
            assert not rare or held & set(rare), words
    assert {"hate", "similar", "hard", "not", "to"} <= keys
    assert not keys & {"engineering", "technology", "nurse", "driver", "is", "and"}


def test_the_filler_phrases_load_only_for_a_query_with_one_of_their_key_words(index):
    """The filler phrases ('how do i become') are a part of their own too (phrases.js), the longest first; the
    manifest holds one word of each, picked as for the explorer's phrases ('passion' of 'passion for')."""
    from engine.search_words import STOP_WORDS
    _, manifest = read_part(index["search/index/manifest.js"])
    _, phrases = read_part(index["search/index/phrases.js"])
    assert "phrases" not in manifest and len(phrases) > 100
    assert [len(p.split()) for p in phrases] == sorted((len(p.split()) for p in phrases), reverse=True)
    keys = set(manifest["phraseWords"].split())
    common = set(manifest["filler"].split()) | set(manifest["pay"].split()) | set(manifest["fields"].split())
    for words in phrases:
        held = set(words.split()) & keys
        assert held, words
        plain = [w for w in words.split() if w not in STOP_WORDS and w not in common]
        assert not plain or plain[0] in held, words
    assert {"passion", "patient"} <= keys and not keys & {"engineering", "technology", "nurse", "driver"}


def test_education_phrases_name_the_levels_a_job_may_need_and_the_manifest_marks_the_jobs(index):
    """An education phrase of the explorer carries the levels that fit it, so search can put the jobs that fit
    first ('nurse jobs without a degree'): its own level, and with 'or less' every level ranked no higher
    (BLS ranks 'some college' and a certificate alike). `jobPages` are exactly the occupations' documents."""
    from engine.data import EDUCATION_RANK as rank, EDUCATION_SLUGS
    _, manifest = read_part(index["search/index/manifest.js"])
    _, explorer = read_part(index["search/index/explorer.js"])
    phrases = {e[0]: e for e in explorer}
    assert phrases["without a degree"][2:] == ["some-college", "that need no college degree to start", 1,
                                               "none high-school postsecondary some-college"]
    assert phrases["with a ged"][2:] == ["high-school", "that need a high school diploma or less to start", 1,
                                         "none high-school"]
    assert phrases["trade school"][4:] == [0, "postsecondary"]
    for words, name, value, text, *levels in explorer:
        if name not in ("education", "experience", "training", "outlook"):  # filters the facets do not list
            assert levels == [], words
            continue
        or_less, fit = levels
        assert fit.split() == ([s for s in EDUCATION_SLUGS.values() if rank[s] <= rank[value]] if or_less else [value])
    assert phrases["no experience"][4:] == [0, "none"] and phrases["in demand"][4:] == [0, "bright"]
    assert phrases["apprenticeships"][1:] == ["training", "apprenticeship", "learned through an apprenticeship", 0,
                                              "apprenticeship"]
    jobs = set()
    for first, end in manifest["jobPages"]:
        jobs.update(range(first, end))
    for n in range(manifest["documents"]):
        _, doc = read_part(index[f"search/index/docs/{n}.js"])
        assert (n in jobs) == (doc["kind"] == "occupation"), doc["title"]


def test_a_site_without_the_2024_framework_lists_none_of_its_pages(real_result):
    """The overview and the crosswalk are search results only where the site has the framework (their routes'
    `needs`), as their pages are made only then; the work values' pages are always made and listed."""
    kinds = lambda site: {doc.kind for doc in search.documents(site)}  # noqa: E731
    assert {"modern-clusters", "crosswalk", "values", "value"} <= kinds(real_result.site)
    without = kinds(dataclasses.replace(real_result.site, modern=()))
    assert not without & {"modern-clusters", "crosswalk", "modern-cluster", "sub-cluster"}
    assert {"values", "value", "plan"} <= without


def test_occupations_are_numbered_by_how_many_people_hold_them(real_result):
    """The browser ranks the lower id first among results that score about the same, so the ids of the
    occupations follow their employment (largest first, then by code): 'mechanic' then finds automotive
    mechanics before motorboat mechanics."""
    docs = search.documents(real_result.site)
    jobs = {entry.url: entry.occupation for entry in real_result.site.occupations}
    order = [jobs[doc.url] for doc in docs if doc.kind == "occupation"]
    assert len(order) == len(jobs)
    keys = [(-(job.employment or 0), job.code) for job in order]
    assert keys == sorted(keys)
    assert order[0].employment == max(job.employment or 0 for job in jobs.values())
    first = {job.code: n for n, job in enumerate(order)}
    assert first["49-3023.00"] < first["49-3051.00"]  # automotive before motorboat mechanics


def test_an_occupation_is_indexed_under_the_programs_of_study_its_page_lists(real_result):
    """Each occupation's document holds the programs its page lists, without the words hundreds of programs
    share; a college teacher's does not, since its title already names the subject the programs teach."""
    docs = {doc.url: doc for doc in search.documents(real_result.site)}
    entries = {entry.occupation.code: entry for entry in real_result.site.occupations}
    programs = lambda code: [text for field, text in docs[entries[code].url].fields if field == "programs"]  # noqa: E731
    shown = [program.title for program in entries["29-1128.00"].profile.programs_shown]  # Exercise Physiologists
    assert any("Kinesiology" in title for title in shown)
    assert len(programs("29-1128.00")) == len(shown)
    assert any("Kinesiology" in text for text in programs("29-1128.00"))
    police = " ".join(programs("33-3051.00"))  # Police and Sheriff's Patrol Officers
    assert "Police" in police and not re.search(r"\b(general|other|technology|technician)\b", police, re.I)
    teachers = [code for code in entries if code.startswith("25-1")]
    assert len(teachers) > 30 and all(entries[code].profile.programs_shown for code in teachers[:5])
    assert not any(programs(code) for code in teachers)
    assert "kinesiology" in scores(docs[entries["29-1128.00"].url])


def test_an_occupation_is_indexed_under_the_words_for_what_it_needs_most(real_result):
    """The words of data/search-words.yml's `strengths:` for the few skills and knowledge areas an occupation needs
    most, of those few other jobs need as much: mathematicians are found by 'algebra', auto mechanics by 'fixing';
    every job needs reading, so a reading word finds few."""
    docs = {doc.url: doc for doc in search.documents(real_result.site)}
    entries = {entry.occupation.code: entry for entry in real_result.site.occupations}
    rarity = search._rarity(real_result.site.occupations)
    words = dict(real_result.site.search_words.strengths)
    strengths = lambda code: " ".join(text for field, text in docs[entries[code].url].fields  # noqa: E731
                                      if field == "strengths")
    assert "Mathematics" in search._strengths(entries["15-2021.00"], rarity)
    assert "algebra" in strengths("15-2021.00") and "algebra" in scores(docs[entries["15-2021.00"].url])
    assert "fixing" in strengths("49-3023.00")  # Automotive Service Technicians and Mechanics
    assert "fixing" not in strengths("15-2021.00") and "algebra" not in strengths("49-3023.00")
    for code, entry in entries.items():
        chosen = search._strengths(entry, rarity)
        assert len(chosen) <= search.STRENGTHS_SHOWN
        ratings = entry.profile.skills + entry.profile.knowledge
        assert len(set(chosen)) == len(chosen), code
        assert all(max(r.importance for r in ratings if r.name == name) >= search.STRENGTH_FLOOR
                   for name in chosen), code
        assert strengths(code) == " ".join(" ".join(words[name]) for name in chosen if name in words), code
    # Most jobs count reading as important, so it is seldom among the few; repairing is rarer, so less seldom.
    needing = lambda skill: [code for code, entry in entries.items()  # noqa: E731
                             if any(r.name == skill and r.importance >= search.STRENGTH_FLOOR
                                    for r in entry.profile.skills)]
    readers, fixers = needing("Reading Comprehension"), needing("Repairing")
    reading = sum("reading" in strengths(code) for code in readers) / len(readers)
    fixing = sum("fixing" in strengths(code) for code in fixers) / len(fixers)
    assert len(readers) > 400 and reading < 0.15 and fixing > 0.8, (len(readers), reading, fixing)


def test_the_build_hooks_the_index_into_the_site(index, real_result):
    assert {name: data for name, data in real_result.files.items() if name.startswith("search/index/")} == index


def test_every_word_is_in_its_vocabulary_and_posting_file(index):
    _, manifest = read_part(index["search/index/manifest.js"])
    keys = set()
    vocabulary = {}
    for initial in manifest["words"]:
        name, data = read_part(index[f"search/index/words/{file_key(initial)}.js"])
        assert name == f"words/{initial}"
        words = data["words"].split(" ")
        assert words == sorted(words) and all(w.startswith(initial) for w in words)
        files = data["files"].split(" ")
        assert files and all(key.startswith(initial) and len(key) >= 2 for key in files)
        keys.update(files)
        counts = decode_numbers(data["counts"])
        assert len(counts) == len(words)
        vocabulary.update(zip(words, counts))
    shards = {}
    for key in keys:
        name, data = read_part(index[f"search/index/terms/{file_key(key)}.js"])
        assert name == f"terms/{key}"
        shards[key] = data
    assert sum(len(s) for s in shards.values()) == len(vocabulary)
    for word, count in vocabulary.items():
        key = max((k for k in keys if word.startswith(k)), key=len)
        entry = shards[key][word]
        postings = decode_postings(entry if isinstance(entry, str) else entry[0])
        assert len(postings) == count
        ids = [doc for doc, _ in postings]
        assert ids == sorted(set(ids)) and ids[-1] < manifest["documents"]
        assert all(1 <= value <= search.SCORE_LEVELS for _, value in postings)
    assert "nurse" in vocabulary and "radiologic" in vocabulary and "xray" in vocabulary
    kept = set(manifest["keep"].split())  # stop words that are synonyms people type ('IT')
    assert "it" in kept and kept <= search.STOP_WORDS
    assert set(vocabulary) & search.STOP_WORDS == kept


def test_posting_files_split_by_longer_prefixes_when_too_big():
    entries = {f"rare{n}": "x" * 300 for n in range(100)} | {"rat": "y" * 100, "common": "z" * 50_000}
    shards = search.split_shards(entries)
    assert sorted(shards) == ["co", *(f"rare{d}" for d in range(10)), "rat"]
    assert shards["rat"] == ["rat"] and shards["co"] == ["common"]
    assert all(sum(len(entries[w]) for w in words) <= search.SHARD_BYTES for key, words in shards.items() if key != "co")
    for word in entries:
        assert word in shards[max((k for k in shards if word.startswith(k)), key=len)]


def test_output_is_canonical_json_and_deterministic(index, real_result):
    for name, data in index.items():
        part, value = read_part(data)
        assert data.decode() == (f"__searchIndex.add({json.dumps(part)},"
                                 f"{json.dumps(value, sort_keys=True, separators=(',', ':'), ensure_ascii=False)});\n")
    assert search.SearchIndex().build_site(real_result.site) == index


def test_a_rebuild_after_an_edit_equals_a_fresh_build(real_result):
    site = real_result.site
    first = search.SearchIndex()
    first.build_site(site)
    cluster = site.clusters[2]
    pathway = cluster.pathways[0]
    edited = dataclasses.replace(pathway, title=pathway.title + " and Zebras",
                                 body=dataclasses.replace(pathway.body, text=pathway.body.text + " Quokkas weld."))
    cluster = dataclasses.replace(cluster, pathways=(edited,) + cluster.pathways[1:])
    changed = dataclasses.replace(site, clusters=site.clusters[:2] + (cluster,) + site.clusters[3:])
    assert first.build_site(changed) == search.SearchIndex().build_site(changed)
    assert first.build_site(site) == search.SearchIndex().build_site(site)
    fewer = dataclasses.replace(site, pages=())
    assert first.build_site(fewer) == search.SearchIndex().build_site(fewer)


def test_a_rebuild_after_a_change_to_a_jobs_figures_alone_equals_a_fresh_build(real_result):
    """Jobs' experience, outlook, pay, growth or openings change while their text stays (new data): the facets
    and the sorts are written again, as a fresh build writes them. Each kind of change alone, then all at once."""
    site = real_result.site
    docs = search.documents(site)
    jobs = [i for i, d in enumerate(docs) if d.kind == "occupation" and d.median is not None and d.growth is not None
            and d.openings is not None]
    changes = [("search/index/facets.js",
                lambda d: {"experience": "none" if d.experience != "none" else "5-years-or-more"}),
               ("search/index/facets.js", lambda d: {"bright": not d.bright}),
               ("search/index/facets.js", lambda d: {"training": "none" if d.training != "none" else "long-term"}),
               ("search/index/sorts.js", lambda d: {"median": d.median + 1000}),
               ("search/index/sorts.js", lambda d: {"growth": d.growth + 3.0}),
               ("search/index/sorts.js", lambda d: {"openings": d.openings + 100})]
    clusters = tuple((c.slug, c.title) for c in site.clusters)
    index = search.SearchIndex()
    before = index.build(list(docs), clusters, site.search_words)
    for (part, change), n in zip(changes, jobs):
        edited = list(docs)
        edited[n] = dataclasses.replace(docs[n], **change(docs[n]))
        after = index.build(edited, clusters, site.search_words)
        assert after[part] != before[part], change(docs[n])
        assert after[part] == search.SearchIndex().build(edited, clusters, site.search_words)[part]
        assert index.build(list(docs), clusters, site.search_words) == before  # and back
    edited = list(docs)
    for (_, change), n in zip(changes, jobs):
        edited[n] = dataclasses.replace(docs[n], **change(docs[n]))
    assert index.build(edited, clusters, site.search_words) == search.SearchIndex().build(edited, clusters,
                                                                                          site.search_words)


@pytest.mark.parametrize("count", [1, 2, 3, 7, 10_000])
def test_an_index_merged_from_parts_of_documents_without_passages_equals_one_built_whole(real_result, index, count: int):
    site = real_result.site
    docs = search.documents(site)
    spans = search.runs(docs, count)
    assert spans[0][0] == 0 and spans[-1][1] == len(docs) and len(spans) <= count
    assert all(a[1] == b[0] for a, b in zip(spans, spans[1:]))  # consecutive, none empty
    assert (len(spans) > 1) == (count > 1)
    # The worker processes that make the parts get the documents without their passages (`for_scoring`).
    scored = search.for_scoring(docs)
    assert any(doc.passages for doc in docs) and not any(doc.passages for doc in scored)
    parts = [search.index_part(scored, start, stop) for start, stop in spans]
    merged = search.SearchIndex()
    assert merged.build_from_parts(site, docs, parts[::-1]) == index  # in any order
    assert merged.build_site(site) == index  # an equal site is not rebuilt
    changed = dataclasses.replace(site, pages=())
    assert merged.build_site(changed) == search.SearchIndex().build_site(changed)  # nor does anything carry over


def test_hostile_text_is_data_in_the_index():
    hostile = '</script><script>alert(1)</script><img src=x onerror=alert(2)> javascript:alert(3) "\u2028'
    doc = dataclasses.replace(document(hostile, body=hostile), passages=(hostile,))
    files = search.SearchIndex().build([doc], (("c", hostile),))
    name, data = read_part(files["search/index/docs/0.js"])
    assert data["title"] == hostile and data["text"] == [hostile]
    assert read_part(files["search/index/manifest.js"])[1]["clusters"] == [["c", hostile]]
    for data in files.values():
        assert data.count(b"__searchIndex.add(") == 1


def test_a_rebuild_equals_a_fresh_build_when_posting_files_split_or_merge(monkeypatch):
    monkeypatch.setattr(search, "SHARD_BYTES", 300)
    docs = [document(f"Page {n}", body=f"rare{n % 30} rarely rated rats {'ratings ' * (n % 3)}") for n in range(60)]
    index = search.SearchIndex()
    index.build(docs, (("c", "Cluster"),))
    for n, body in ((5, "rare1 rare2 rare3 rare4 rare5 rare6 rare7 rare8 rare9 rare10 rare11"), (6, "nothing"),
                    (7, "zebra zebras zero zeros zone zones zoo zoos")):
        docs[n] = document(f"Page {n}", body=body)
        assert index.build(docs, (("c", "Cluster"),)) == search.SearchIndex().build(docs, (("c", "Cluster"),))


# -- names people use, synonyms and pay --------------------------------------------------------------

def test_a_synonym_indexes_every_page_whose_name_holds_its_phrase():
    words = SearchWords(synonyms=(Synonym("doctor", ("physician",)),
                                  Synonym("rn", ("registered nurses",))))
    synonyms = search._Synonyms(words)
    assert synonyms.found_in("Family Medicine Physicians") == [("doctor", False)]
    assert synonyms.found_in("Registered Nurses") == [("rn", True)]  # the whole name: 'rn' is a name of the page
    assert synonyms.found_in("Nurse Practitioners") == []  # a phrase must be whole: 'registered nurses'
    names = synonyms.names("Registered Nurses", (("Staff Nurse", 2), ("Floor Physician", 1), ("Ward Physician", 0)))
    assert ("rn", 3, True, True) in names and ("doctor", 1, False, True) in names
    assert ("doctor", 0, False, True) not in names  # the many alternate titles are not searched for synonyms


def test_a_synonym_of_a_work_value_names_the_value_alone():
    """'good boss: [support]' is about the work value Support, not about every title with 'support' in it."""
    synonyms = search._Synonyms(SearchWords(synonyms=(Synonym("good boss", ("support",)),
                                                      Synonym("job security", ("working conditions",)),
                                                      Synonym("helpdesk", ("user support",)))))
    assert synonyms.found_in("Support") == [("good boss", True)]
    assert synonyms.found_in("Computer User Support Specialists") == [("helpdesk", False)]  # not 'good boss'
    assert synonyms.found_in("Working Conditions") == [("job security", True)]
    assert synonyms.found_in("Unsafe Working Conditions Inspectors") == []


def test_a_synonym_of_an_interest_area_names_that_very_word_not_its_other_forms():
    """'leader: [enterprising]' is about the Enterprising interest area, not about 'Enterprise Architect'; an
    interest area's word in a title still counts ('caring: [social]' in 'Social Workers')."""
    synonyms = search._Synonyms(SearchWords(synonyms=(Synonym("leader", ("enterprising",)),
                                                      Synonym("caring", ("social",)),
                                                      Synonym("company", ("enterprise",)))))
    assert ("leader", True) in synonyms.found_in("Enterprising")
    assert synonyms.found_in("Enterprise Architects") == [("company", False)]  # not 'leader'
    assert synonyms.found_in("Social Workers") == [("caring", False)]


def test_a_word_of_the_names_people_use_counts_by_how_common_the_names_are():
    def with_names(*names):
        doc = dataclasses.replace(document("Lawyers", body="filler " * 50),
                                  names=tuple((n, s, True, False) for n, s in names))
        return scores(doc).get("attorney", 0)
    one_alternate = with_names(("Attorney General", 0))
    assert 0 < one_alternate < with_names(("Attorney General", 2)) < with_names(("Attorney", 2), ("Attorney at Law", 2))
    assert with_names(("Attorney", 2), ("Attorney at Law", 2)) >= scores(document("Attorney"))["attorney"] - 2


def test_the_shortest_name_holding_a_word_is_recorded_with_its_strength():
    doc = dataclasses.replace(document("Lawyers"), names=(
        ("Attorney at Law", 2, True, False), ("Attorney", 1, True, False), ("Barrister", 0, True, False),
        ("cop", 3, False, True)))
    _, titles = score_terms(doc)
    lengths = dict(titles)
    assert lengths["lawyers"] == 1 + search.EXACT_TITLE
    assert lengths["attorney"] == 1 + search.EXACT_WEAK  # 'Attorney' is a name workers report
    assert lengths["law"] == 2 + search.EXACT_STRONG  # 'at' is a stop word
    assert "barrister" not in lengths and "cop" not in lengths  # an alternate, or a synonym of part of a name
    # A page's own title ranks above an as short name of another page: 'engineering' finds the Engineering page
    # before the many engineers My Next Move also calls 'Engineer'.
    engineers = dataclasses.replace(document("Transportation Engineers"), names=(("Engineer", 2, True, False),))
    assert dict(score_terms(engineers)[1])["engineer"] == 1 + search.EXACT_STRONG
    # A part of a compound is not the whole name: 'auto' alone is not 'Auto-Winder', which workers report.
    winders = dataclasses.replace(document("Coil Winders, Tapers, and Finishers"), names=(("Auto-Winder", 1, True, False),))
    lengths = dict(score_terms(winders)[1])
    assert lengths["autowinder"] == 1 + search.EXACT_WEAK
    assert lengths["auto"] == 2 + search.EXACT_WEAK
    assert dict(score_terms(document("Engineering"))[1])["engineering"] == 1 + search.EXACT_TITLE



@pytest.mark.parametrize("kind, title, listed, whole", [
    ("occupation", "Farmers, Ranchers, and Other Agricultural Managers", {"farmers", "ranchers"}, 5),
    ("occupation", "Welders, Cutters, Solderers, and Brazers", {"welders", "cutters", "solderers", "brazers"}, 4),
    ("cluster", "Transportation, Distribution & Logistics", {"transportation", "distribution", "logistics"}, 3),
    ("modern-cluster", "Energy & Natural Resources", {"energy"}, 3),
    # One job with qualifiers, or a list qualified by its first words: no word is a name by itself.
    ("occupation", "Teachers, Postsecondary", set(), 2),
    ("occupation", "Janitors and Cleaners, Except Maids and Housekeeping Cleaners", set(), 2),  # named before 'Except'
    ("occupation", "Textile Cutting Machine Setters, Operators, and Tenders", set(), 6),
    ("occupation", "First-Line Supervisors of Mechanics, Installers, and Repairers", set(), 5),
    ("occupation", "Helpers--Pipelayers, Plumbers, Pipefitters, and Steamfitters", set(), 5),
    ("occupation", "Securities, Commodities, and Financial Services Sales Agents", set(), 6),
    # A pathway's title is not split: 'Health' alone does not name 'Health, Safety & Environmental Assurance'.
    ("pathway", "Health, Safety & Environmental Assurance", set(), 4),
])
def test_each_job_or_field_a_title_lists_names_the_page_as_its_title_does(kind, title, listed, whole):
    """'farmer' finds 'Farmers, Ranchers, and Other Agricultural Managers' as equal to its title, before a page
    that workers call 'Farmer', and 'logistics' the Transportation, Distribution & Logistics cluster; the whole
    title still equals the title ('transportation distribution and logistics'). 'operators' alone does not name
    the machine operators' page."""
    lengths = dict(score_terms(dataclasses.replace(document(title), kind=kind))[1])
    assert {word for word, value in lengths.items() if value >= search.EXACT_PART} == listed
    assert {value % search.EXACT_STRONG for value in lengths.values()} == {whole}  # the whole title's length
    assert all(value < search.EXACT_STRONG or value >= search.EXACT_PART for value in lengths.values())

@pytest.mark.parametrize("figures, expected", [
    (dict(wage_median=93600), "U.S. median pay $93,600 a year"),
    (dict(wage_median=None, hourly_median=29.05), "U.S. median pay $29.05 an hour"),
    (dict(wage_median=50000, figures="group", figures_group="Teachers, All Other"),
     "U.S. median pay $50,000 a year (for Teachers, All Other)"),
    (dict(wage_median=50000, figures="catch-all"), "U.S. median pay $50,000 a year (for this mixed group)"),
    (dict(wage_median=None, hourly_median=None, figures="none"), "Pay not published"),
])
def test_a_result_shows_pay_labelled_as_the_job_shows_it(real_result, figures, expected):
    job = real_result.site.occupations[0].occupation
    assert search.pay_text(dataclasses.replace(job, **figures)) == expected


def test_filler_and_pay_words_and_phrases_reach_the_browser(index):
    _, manifest = read_part(index["search/index/manifest.js"])
    assert {"become", "jobs"} <= set(manifest["filler"].split())
    _, phrases = read_part(index["search/index/phrases.js"])
    assert "care about" in phrases and "care" not in manifest["filler"].split()  # 'health care'
    assert {"earn", "salary"} <= set(manifest["pay"].split())
    assert {"careers", "industry"} <= set(manifest["fields"].split())
    assert "working for" in manifest["fieldPhrases"] and "working" not in manifest["fields"].split()
    assert manifest["describers"].split()[:6] == ["people", "ppl", "guy", "gal", "lady", "dude"]
    assert {"nerd", "buff", "enthusiast"} <= set(manifest["describers"].split())
    # Dislike words and phrases, the longest first, so 'do not like' is read before any shorter one inside it.
    _, asks = read_part(index["search/index/asks.js"])
    assert {"hate", "dont like", "do not like"} <= set(asks["dislike"])
    assert [len(p.split()) for p in asks["dislike"]] == sorted((len(p.split()) for p in asks["dislike"]),
                                                               reverse=True)
    assert ["All jobs from A to Z", "occupations/"] in manifest["help"]
    # The pages a query of nothing but filler leads with, by document number: the help pages but the jobs explorer.
    records, _ = records_by_url(index)
    assert [records[n]["url"] for n in manifest["helpDocs"]] == [url_for("explore"), url_for("interests")]
    # Phrases that ask where a job leads, longest first ('next step after' before 'next step'), and the tool.
    assert {"what comes after", "career path"} <= set(asks["next"])
    assert "similar to" in asks["similar"] and "career change" not in asks["similar"]
    assert {"career change", "ex", "burned out"} <= set(asks["leaving"])  # read as similar phrases too
    assert [len(p.split()) for p in asks["leaving"]] == sorted((len(p.split()) for p in asks["leaving"]),
                                                               reverse=True)
    # The pairs of a filler word and a word that name a job together are a part of their own, loaded only for a
    # query with a filler word beside another word.
    assert "keepPairs" not in manifest and "career counselor" in read_part(index["search/index/pairs.js"])[1]
    lengths = [len(p.split()) for p in asks["next"]]
    assert lengths == sorted(lengths, reverse=True)
    assert manifest["nextUrl"] == url_for("from-job") and manifest["jobUrl"] == ROUTES["occupation"].pattern


def test_the_browser_knows_which_pages_are_about_a_field_of_work(index, real_result):
    """A query with a field word ('railroad careers') puts a cluster, pathway or sub-cluster first, and one that
    names a kind ('health science cluster') one of that kind; the manifest names those pages by kind, as runs of
    document numbers."""
    _, manifest = read_part(index["search/index/manifest.js"])
    docs = search.documents(real_result.site)
    fields = [n for first, stop in manifest["fieldPages"] for n in range(first, stop)]
    kinds = ("cluster", "pathway", "modern-cluster", "sub-cluster")
    assert fields == [n for n, d in enumerate(docs) if d.kind in kinds]
    assert set(manifest["fieldKinds"]) == {"cluster", "pathway", "modern-cluster", "sub-cluster"}
    assert len(manifest["fieldKind"]) == len(fields)
    assert [manifest["fieldKinds"][int(k)] for k in manifest["fieldKind"]] == [docs[n].kind for n in fields]
    assert search._number_runs([0, 1, 2, 7, 8, 10]) == [[0, 3], [7, 9], [10, 11]]


def test_a_filler_word_beside_a_word_it_names_a_job_with_is_kept():
    """'career' is filler ('career in nursing'), but 'Career Counselors' is a job: the pair reaches the browser,
    which then keeps 'career' in 'career counselor'. Only pairs with a filler word count, from titles, the job
    titles people commonly use and synonyms ('career test' for the quiz), not from the many alternates."""
    docs = [dataclasses.replace(document("Educational, Guidance, and Career Counselors and Advisors"),
                                names=(("Job Coach", 1, True, False), ("Job Placement Worker", 0, True, False))),
            dataclasses.replace(document("Interest quiz"), names=(("career test", 3, True, True),)),
            document("Registered Nurses")]
    assert search.kept_pairs(docs, ("career", "job", "work with")) == \
        ["career counselor", "career test", "guidanc career", "job coach"]
    # two filler words side by side name nothing ('Jobs that use your skills'), a filler and a field word may
    tools = [document("Jobs that use your skills"), document("About career clusters")]
    assert search.kept_pairs(tools, ("jobs", "use", "career"), ("clusters",)) == ["career clust", "use skill"]


def test_an_unknown_word_beside_a_word_it_names_a_job_with_is_kept():
    """'union' asks about what the data has no figures on ('union electrician'), but 'Union Rep' and 'Credit
    Union Examiner' are job titles people use: their pairs reach the browser, which then searches 'union rep'
    for the job rather than saying that the site has no figures on unions. Phrases of several words never pair."""
    words = SearchWords(unknown=(("union", "union jobs"), ("part-time", "part-time work"), ("night shift", "work hours")))
    assert search.unknown_words(words) == ("union", "parttime")
    docs = [dataclasses.replace(document("Labor Relations Specialists"), names=(("Union Rep", 1, True, False),)),
            dataclasses.replace(document("Financial Examiners"), names=(("Credit Union Examiner", 1, True, False),
                                                                        ("Union Auditor", 0, True, False))),
            dataclasses.replace(document("Electricians"), names=(("Night Shift Electrician", 1, True, False),))]
    assert search.kept_pairs(docs, ("jobs",), search.unknown_words(words)) == \
        ["credit union", "union examin", "union rep"]


def test_each_topic_the_data_has_no_figures_on_lists_its_longest_phrases_first():
    """The browser reads a topic's phrases in the manifest's order, and a word one phrase took is not read by the
    next: 'felony record' must come before 'felony', or 'record' is searched for (and finds record clerks)."""
    phrases = (("felony", "a record"), ("night shift", "hours"), ("felony record", "a record"), ("shifts", "hours"),
               ("on parole", "a record"))
    assert search._by_topic(phrases) == {"a record": ["felony record", "on parole", "felony"],
                                         "hours": ["night shift", "shifts"]}


def test_a_describer_beside_a_word_it_names_something_with_is_kept():
    """A describer ('people') is dropped after a word it describes ('creative people'), unless the two name
    something together: the index lists such pairs with the filler words' (from the synonym 'old people' here)."""
    docs = [dataclasses.replace(document("Home Health Aides"), names=(("old people", 3, True, True),)),
            document("Artists")]
    index = search.SearchIndex()
    files = index.build(docs, (("c", "Cluster"),), SearchWords(filler=("job",), describers=("people",)))
    assert read_part(files["search/index/pairs.js"])[1] == ["old peopl"]
    files = index.build(docs, (("c", "Cluster"),), SearchWords(filler=("job",)))
    assert read_part(files["search/index/pairs.js"])[1] == []


def test_the_kept_pairs_follow_a_change_of_filler_words_or_documents_between_builds():
    """The index remembers its last pairs for the dev server; a rebuild with other filler words or another
    document must not keep them."""
    docs = [document("Educational, Guidance, and Career Counselors and Advisors"), document("Job Coaches")]
    index = search.SearchIndex()

    def pairs(docs, filler):
        files = index.build(list(docs), (("c", "Cluster"),), SearchWords(filler=filler))
        return read_part(files["search/index/pairs.js"])[1]

    assert pairs(docs, ("career",)) == ["career counselor", "guidanc career"]
    assert pairs(docs, ("career", "job")) == ["career counselor", "guidanc career", "job coach"]
    assert pairs(docs[1:], ("career", "job")) == ["job coach"]
    assert pairs(docs[1:], ("career", "job")) == ["job coach"]


def test_a_rebuild_looks_for_kept_pairs_only_in_the_documents_that_changed(monkeypatch):
    """The dev server rebuilds the manifest after every save: only the changed document is read again."""
    docs = [document("Educational, Guidance, and Career Counselors and Advisors"), document("Job Coaches"),
            document("Registered Nurses")]
    index = search.SearchIndex()
    words = SearchWords(filler=("career", "job"))
    index.build(list(docs), (("c", "Cluster"),), words)
    seen = []
    original = search.document_pairs
    monkeypatch.setattr(search, "document_pairs",
                        lambda doc, *words: seen.append(doc.title) or original(doc, *words))
    changed = [docs[0], dataclasses.replace(docs[1], title="Job Trainers"), docs[2]]
    files = index.build(changed, (("c", "Cluster"),), words)
    assert seen == ["Job Trainers"]
    assert read_part(files["search/index/pairs.js"])[1] == \
        ["career counselor", "guidanc career", "job train"]


def test_the_browser_makes_each_states_slug_as_the_build_does_and_knows_its_postal_code(real_result):
    """The manifest gives each state's names, not its slug, which search.js makes from the name as `state_slug`
    does; that is the slug the State chooser and `?state=` use. Each postal code names a state with pay figures."""
    from engine.load import slugify
    states = real_result.site.profiles.states
    assert len(states) > 50
    assert all(state_slug(name) == slugify(name) for name in states)
    assert set(POSTAL_CODES) <= set(states) and len(set(POSTAL_CODES.values())) == len(POSTAL_CODES)
