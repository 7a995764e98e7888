"""Search: the index the browser searches, built from the site model.

The site has no server, so search runs in the visitor's browser over files
built here. The index is split so that a query downloads only the parts it
uses, which keeps the first result cheap on a site of ten thousand
pathways as on the real one:

    search/index/manifest.js        always loaded first (about 4 KB gzipped): the build id, the
                                    clusters and interest areas for filters, the stop, filler
                                    and pay words and the phrases of data/search-words.yml,
                                    pages to offer when a query finds little, and which
                                    vocabularies there are
    search/index/words/<c>.js       the vocabulary: every indexed word starting with the
                                    character c, with how many documents contain it, and the
                                    prefixes of the posting files of these words
    search/index/terms/<prefix>.js  postings: for each word, the documents containing it with a
                                    score, and the documents whose title contains it
    search/index/docs/<id>.js       one per document: title, URL, kind, clusters and the text
                                    that snippets are cut from; loaded for shown results only
    search/index/facets.js          the documents of each cluster, interest area, level of education
                                    and of work experience to start, kind of on-the-job training, and
                                    bright outlook: the results page's filters, and the jobs that fit
                                    a query's phrases
    search/index/sorts.js           each job's own median pay, growth and openings, for a query that
                                    asks for the best paid, fastest growing or most openings
    search/index/pairs.js           the pairs of a filler word and a word beside it that name a job
                                    ('career counselor'), for a query with a filler word beside another
    search/index/explorer.js        the phrases that ask for a kind of job ('high paying') and the jobs
                                    explorer's filter each sets, for a query with one of their key words
    search/index/phrases.js         the filler phrases ('how do i become', 'passion for'), for a query
                                    with one of their key words
    search/index/asks.js            the phrases that say what a query asks of the job it names or of the
                                    rest: where it leads ('what comes after'), a goal ('wants to become'),
                                    jobs like it ('similar to', 'ex'), and what is not wanted ('hate',
                                    'scares me'), for a query with one of their key words

A query word is looked up in its first character's vocabulary, where the
browser finds the words it matches: the same word, the same word in another
form (a small stemmer, the same here and in `static/js/search.js`, groups
plurals and -ing, -ed and -er forms), words it begins (for the word being typed),
and words within one or two typing mistakes (Damerau-Levenshtein distance,
also as a prefix). Only the posting files of those words are then loaded.
Keeping the vocabulary apart from the postings is what makes typo tolerance
cheap: a mistake in any letter but the first is found without loading any
posting it does not use. When nothing matches at all, the browser loads
the other vocabularies too, so a mistake in the first letter is found as
well.

Posting files group words by prefix: two characters, split into longer
prefixes while a file would exceed `SHARD_BYTES`, so very common prefixes
on big sites stay small. The browser maps a word to the longest prefix in
its vocabulary's list.

A page is also indexed under its other names (`Document.names`): for an
occupation, the job titles people use (`profiles.Profile.names`), and for
every page the synonyms of `data/search-words.yml` found in its title or in
those titles ('doctor' on every physician). A word of these names counts
towards the title's weight by how many and how common the names holding it
are (`NAME_SHARE`), and a query equal to a strong name ranks like the title.
An occupation is also indexed under the technology its page lists that job
postings ask for, by the words that name each product ('Excel', 'AutoCAD':
`profiles.product_words`), in fields of their own: 'demand' for the tools its
own postings ask for, weighed as a ladder's skills, and 'tools' at half that.
The browser drops filler words ('how do I become') and pay words ('earn')
from a query, and ranks pages by how many of its words they have.

Scores are BM25F-like and computed per document: each field has a weight
(`FIELD_WEIGHTS`) and a typical length it is normalised against, so a
document's scores do not depend on the rest of the site. The browser
multiplies them by the word's inverse document frequency and by how the
word matched (exactly, as another form, as a prefix, with a typo). Titles
are recorded separately with their length in words, so a result whose
whole title is the query ranks first.

Numbers are written as compact text (`_ALPHABET`, five bits a character
with a continuation bit; document ids as gaps from the previous id), inside
`<script>` files that call `__searchIndex.add(name, data)`: opened from
disk, Chromium refuses `fetch()` of local files but runs scripts from the
site's own folder, and the page's content security policy allows nothing
else. Every part is plain data; no text from content is ever written as
code, and the browser inserts it into the page as text only.

The build is deterministic (sorted keys, fixed separators) and linear in
the content. A large site's postings are made in parts, by the worker
processes that render its pages, and merged here. The dev server rebuilds
after every save, so the last build's pieces are kept (`SearchIndex`): an equal
site returns the same files at the cost of one comparison, and after a
one-page edit only that page's words, the files that hold them and its
fragment are redone. Its result is always byte-identical to a fresh
build's, which the tests check.
"""

from __future__ import annotations

import bisect
import functools
import hashlib
import json
import math
import re
import unicodedata
from array import array
from collections import Counter, defaultdict
from dataclasses import dataclass, replace
from typing import Any, Iterable, Mapping, Sequence

from .data import (EDUCATION_RANK, EDUCATION_SLUGS, EXPERIENCE_SLUGS, EXPERIENCE_WORDS, FIGURES_CATCH_ALL,
                   FIGURES_GROUP, FIGURES_NONE, FIGURES_OWN, FIGURES_SPECIALTY, TRAINING_SLUGS, TRAINING_WORDS,
                   Occupation)
from .explore import EDUCATION_WORDS
from .model import STAGE_LABELS, OccupationPage, Site, Step
from .render import outlook
from .routes import ROUTES, url_for
from .profiles import WORK_VALUES
from .schema import INTEREST_INFO, INTERESTS
from .search_words import STOP_WORDS, SearchWords, Shortcut

FORMAT = 3
"""Bumped when the files' layout changes, so a page never reads parts it does not understand."""

ROOT = "search/index/"

_PROGRAM_FILLER = re.compile(r"\b(?:general|other|applied|studies|programs?|technolog(?:y|ies|ists?)|technicians?)\b",
                             re.IGNORECASE)
"""Words that programs of study share by the hundred ('Radio and Television Broadcasting Technology/Technician',
'Biology, General'): indexed, they would tell search little about a job, and make the words less telling for
the pages whose names hold them ('chief technology officer')."""

POSTSECONDARY_TEACHERS = "25-1"
"""The SOC codes of college teachers: the programs of study that prepare for one are the subject its title names."""

SUBJECT_SHARE = 0.25
"""How much the words of a college teacher's page (its title, names and text, and the ladder steps and pathways
it is on) count, other than those that say it teaches (`TEACHING_WORDS`). Their titles name a subject
('Criminal Justice and Law Enforcement Teachers'), and a query of the subject alone ('political science degree',
'theology degree', 'criminal justice') more often asks for the jobs in the field than for teaching it; with the
word 'professor' or 'teacher' the college teacher still matches more of the query than any other page."""

TEACHING_WORDS = frozenset({
    "teacher", "teachers", "teaching", "teach", "postsecondary", "professor", "professors", "instructor",
    "instructors", "lecturer", "lecturers", "faculty", "college", "university", "tutor", "tutors", "academic"})

FIELD_WEIGHTS = {
    "title": 12.0,        # the page's own title
    "code": 12.0,         # an occupation's O*NET-SOC code
    "steps": 6.0,         # a pathway's step titles; the steps an occupation appears on
    "occupations": 6.0,   # occupations on a pathway's ladder
    "credentials": 4.0,
    "skills": 3.0,
    "summary": 3.0,
    "pathways": 2.0,      # a cluster's pathways; the pathways an occupation appears on
    "programs": 1.0,      # the programs of study that prepare for an occupation ('Criminal Justice/Police Science')
    "strengths": 2.0,     # the words for what an occupation needs most (`_strengths`: 'math', 'fixing')
    "demand": 3.0,        # the technology an occupation's own job postings ask for ('python', 'autocad')
    "tools": 1.5,         # the other hot technology its page lists (`profiles.product_words`)
    "body": 1.0,          # the description, and an occupation's education and training
}
TYPICAL_LENGTH = {"title": 4, "code": 4, "steps": 16, "occupations": 20, "credentials": 8, "skills": 16,
                  "summary": 25, "pathways": 20, "programs": 12, "strengths": 16, "demand": 1, "tools": 1,
                  "body": 500}
"""Field lengths (in words) a field's term counts are normalised against, as BM25 does with averages.

Fixed rather than averaged over the site, so each document's scores depend on that document alone."""
LENGTH_EFFECT = {"body": 0.75, "summary": 0.75, "programs": 0.75, "demand": 0.0, "tools": 0.0}
"""How much a long field dilutes its words (BM25's b); 0.3 for the short fields not listed. A list of tools is
not diluted: a job that names a few tools does not use each of them more than one that names many."""
NAME_SHARE = {3: 1.0, 2: 0.5, 1: 0.35, 0: 0.2}
"""How much one name of a page counts towards a word's full title weight, by the name's strength: 3 for a
synonym of the title itself, 2 for a job title My Next Move shows, 1 for one workers report or a short form,
0 for one of O*NET's many alternate titles. A word in two titles My Next Move shows, or in five alternates,
counts as much as a word of the title."""
EXACT_TITLE, EXACT_STRONG, EXACT_WEAK, EXACT_PART = 0, 16, 32, 48
"""A name's length in the title postings is offset by this: a query equal to the page's own title ranks first;
one equal to a synonym of it or to a title My Next Move shows, next ('engineering' finds the Engineering pages
before the many engineers that My Next Move also calls 'Engineer'); then one equal to a title workers report;
an alternate title is never taken as the page's name (several jobs share many of them). Lengths are at most
`EXACT_STRONG - 1` (a query has at most 12 words), so that every value fits the posting's six bits.
`EXACT_PART` marks a word that is by itself one of the jobs or fields a title lists (`_title_list`), offset by
the title's length: the whole title is the page's own title, and the word alone a name as good ('farmers',
'logistics'), below a page titled with the word alone."""
NAME_TITLE = 3
ALSO_SHOWN = 30
"""How many of an occupation's other names a result carries, to show the one the query matched."""
NEXT_STEPS = 12
"""How many of an occupation's next steps its record lists, the likeliest first (`_nearest_steps`): a query that asks
where a job can lead ('cna who wants to move up') puts them after it (search.js `leadOn`). Enough that a step the
query names is there when the job's first ladder offers many (six doctors after emergency medical technicians,
then paramedics)."""
LATER_STEPS = 8
"""How many of the jobs of the steps above an occupation's next ones its record lists, the nearest first: a goal
phrase may name one of them ('warehouse associate how do i become a supervisor', two rungs up), which then comes
right after the job (search.js `goalJob`)."""
SHORTER_SHOWN = 4
"""How many of the jobs like an occupation that take less schooling (`shorter`) its record lists: a query for jobs
like one with less school ('jobs like veterinarian but less school') lists them first (search.js `leadOn`)."""
LIKE_SHOWN = 5
"""How many of an occupation's related occupations (O*NET's, the most related first) its record lists: a query that
asks for jobs like one ('career change from teacher') lists the first of them before it (search.js `leadOn`), first
those the query's other words name."""
ROLE_WORDS = frozenset({
    "agents", "aides", "analysts", "assistants", "attendants", "clerks", "drivers", "engineers", "helpers",
    "inspectors", "installers", "managers", "officers", "operators", "repairers", "representatives", "scientists",
    "specialists", "supervisors", "technicians", "technologists", "therapists", "workers"})
"""Last words of titles that name a kind of role in many fields, not one job: 'Library Technicians' and 'Surgical
Technologists', nor 'Physical Therapists' and 'Occupational Therapists', are two kinds of one job, as 'Acute Care
Nurses' and 'Registered Nurses' are (`alike`)."""


def alike(job: Occupation, related: Sequence[Occupation]) -> list[Occupation]:
    """`related` (O*NET's order) with the other kinds of the job itself last: a visitor who asks for jobs like theirs
    ('burned out nurse', 'jobs like a teacher') has that job, and another kind of it ('Critical Care Nurses',
    'Middle School Teachers') is not a change. Another kind is one of the same SOC occupation (an O*NET specialty
    of it, or the job it is one of), or one whose title ends with the same word, unless that word names a kind of
    role in many fields (`ROLE_WORDS`): 'Neuropsychologists' is a kind of psychologist."""
    return sorted(related, key=lambda other: _kind_of(job, other))  # a stable sort: O*NET's order within each


def _kind_of(job: Occupation, other: Occupation) -> bool:
    """Whether `other` is another kind of `job` (see `alike`)."""
    if other.code[:7] == job.code[:7]:
        return True
    head, word = _head_word(job.title), _head_word(other.title)
    return bool(head) and head not in ROLE_WORDS and (word.endswith(head) or head.endswith(word))


AWAY_SHOWN = 3
"""How many of an occupation's related occupations outside its own line of work (`elsewhere`) its record lists: a
query that asks for jobs away from one ('leaving teaching', 'ex cop') lists them first (search.js `leadOn`)."""


def elsewhere(job: Occupation, related: Sequence[Occupation]) -> list[Occupation]:
    """The related occupations (O*NET's order) that leave the job's own line of work: outside its SOC broad group
    ('25-203', secondary school teachers; '33-305', police officers), not another kind of it (`alike`), and not a
    first-line supervisor in its major group, which is a step up the same work. A teacher who is leaving the
    classroom is offered tutors, adult education instructors and teaching assistants rather than middle school
    teachers; a police officer, detectives, bailiffs and correctional officers rather than transit and railroad
    police or police supervisors. A minor group ('23-1', lawyers, judges and mediators) was tried and left out
    more than it should: a lawyer who leaves a firm may well become a mediator."""
    def leaves(other: Occupation) -> bool:
        if other.code[:6] == job.code[:6] or _kind_of(job, other):
            return False
        return not (other.code[:2] == job.code[:2] and other.title.startswith("First-Line Supervisors"))
    return [other for other in related if leaves(other)]


def shorter(job: Occupation, below: Sequence[Occupation], related: Sequence[Occupation]) -> list[Occupation]:
    """The jobs like `job` that take less schooling: those of the steps below it on its ladders (`below`, the nearest
    first) and its related occupations (`related`, O*NET's order), each only if BLS's typical entry education for it
    is lower than for the job, and its own, not that of an "All Other" group (or, for a step, either is unknown).
    The jobs that are both come first: for veterinarians, veterinary technologists and assistants; then the related
    ones, which are the same work, so that a doctor is offered physician assistants and nurse practitioners; then
    the other steps below, which may be work of another kind (medical assistants, below doctors)."""
    level = job.education_level

    def less(other: Occupation) -> bool:
        return (level is not None and other.education_level is not None and other.education_level < level
                and not other.preparation_is_mixed)
    steps = [o for o in below if less(o) or level is None or o.education_level is None]
    like = [o for o in related if less(o)]
    return list(dict.fromkeys([o for o in steps if o in like] + like + steps))


def _head_word(title: str) -> str:
    """The last word of a title's first name, folded: 'Secondary School Teachers, Except ...' -> 'teachers'."""
    words = _ASCII_WORD_RE.findall(fold(title_and_exclusions(title)[0].split(",")[0]))
    return words[-1] if words else ""


STRENGTHS_SHOWN, STRENGTH_FLOOR = 4, 3.5
"""How many of O*NET's skills and knowledge areas an occupation's search document holds the words for (the
`strengths:` of data/search-words.yml), and how important (of 5) each must be at least: those it needs most that
few other jobs need as much (`_strengths`), so that a visitor's strengths ('good at math and like working alone',
'i love fixing machines') find the jobs that use them most. Every job needs reading and listening; few need
programming or repairing."""
SATURATION = 2.0
"""BM25's k1: how quickly repeating a word stops adding to its score."""
SCORE_LEVELS = 63
"""Scores are whole numbers from 1 to this, one character each in the posting files."""

SHARD_BYTES = 9_000
"""A posting file over this size is split by a longer prefix (a single word's postings never are)."""

HELP_PAGES = (("explore", "Find your path"), ("occupations", "All jobs from A to Z"),
              ("interests", "Explore by interest"), ("home", "The 16 career clusters"))
"""Pages offered when a query finds little, where the site has them."""

KINDS = tuple(route.kind for route in ROUTES.values() if route.search_label)

_ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-_"
_WORD_RE = re.compile(r"[^\W_]+(?:[-/\u2010\u2011][^\W_]+)*")
_ASCII_WORD_RE = re.compile(r"[a-z0-9]+(?:[-/][a-z0-9]+)*")  # _WORD_RE on folded ASCII text, faster
_JOINERS_RE = re.compile(r"[-/\u2010\u2011]")
_APOSTROPHE_RE = re.compile(r"['\u2019](?<=[^\W_]['\u2019])(?=[^\W_])")  # quote first: scans faster
_VOWELS = frozenset("aeiouy")
_SYMBOL_NAMES_RE = re.compile(r"(?<![^\W_])c(\+\+|#)(?![^\W_]|[+#])")
_SYMBOL_NAMES = {"++": "cplusplus", "#": "csharp"}
"""Languages named with symbols that the word pattern would cut down to a letter: 'C++' is 'cplusplus' and
'C#' 'csharp' (the browser reads them the same way)."""
_AMPERSAND_RE = re.compile(r"(?<![^\W_])([^\W\d_]{1,3})&(?=[^\W\d_]{1,3}(?![^\W_]))")
"""An abbreviation joined by '&' ('R&D', 'A&P', 'AT&T'): one word without it ('rd', 'ap', 'att'), not letters
too short to index. The browser reads them the same way."""


# -- words -------------------------------------------------------------------------------------------

def fold(text: str) -> str:
    """Lower case without accents: 'Café' -> 'cafe', 'Ørsted' -> 'orsted'. The browser folds the same way."""
    text = text.lower()
    if text.isascii():
        return text
    text = unicodedata.normalize("NFKD", text)
    marks = {ord(c): None for c in set(text) if not c.isascii() and unicodedata.category(c).startswith("M")}
    return text.translate(marks).translate(_LETTERS)


_LETTERS = str.maketrans({"ø": "o", "æ": "ae", "œ": "oe", "ß": "ss", "ł": "l", "đ": "d", "ð": "d", "þ": "th",
                          "ı": "i"})
"""Latin letters that are not a letter plus an accent, so NFKD leaves them: folded as people type them."""


def _raw_words(text: str) -> list[str]:
    """Words of `text`, folded, with compounds ('x-ray', 'A/V') kept whole."""
    text = fold(text)
    if "'" in text or "\u2019" in text:
        text = _APOSTROPHE_RE.sub("", text)
    if "c+" in text or "c#" in text:
        text = _SYMBOL_NAMES_RE.sub(lambda m: _SYMBOL_NAMES[m[1]], text)
    if "&" in text:
        text = _AMPERSAND_RE.sub(r"\1", text)
    return (_ASCII_WORD_RE if text.isascii() else _WORD_RE).findall(text)


def index_words(text: str) -> list[str]:
    """The terms `text` is indexed under, with repeats (in no particular order).

    Words are folded; stop words and single characters are left out. A compound
    is indexed as its parts and as one word: 'x-ray' -> 'ray', 'xray'.
    """
    kept = [word for word in _raw_words(text) if len(word) > 1 and word not in STOP_WORDS]
    if not _JOINERS_RE.search(text):
        return kept
    out: list[str] = []
    compounds: list[str] = []
    for word in kept:
        (out if word.isalnum() else compounds).append(word)
    if not compounds:
        return kept
    for word in compounds:
        parts = _JOINERS_RE.split(word)
        out.extend(p for p in parts if len(p) > 1 and p not in STOP_WORDS)
        joined = "".join(parts)
        if joined not in STOP_WORDS:
            out.append(joined)
    return out


def query_words(text: str) -> list[str]:
    """The words a query is made of, each once: compounds joined ('x-ray' -> 'xray'), stop words left out.

    This is what the browser does to a query; here it measures titles, so that a
    query equal to a title can be recognised.
    """
    out: list[str] = []
    for word in _raw_words(text):
        word = _JOINERS_RE.sub("", word)
        if len(word) > 1 and word not in STOP_WORDS and word not in out:
            out.append(word)
    return out


@functools.lru_cache(maxsize=1 << 16)  # a pure function of one word: remembering answers changes nothing else
def stem(word: str) -> str:
    """A crude common form of an English word: 'nurses', 'nursing', 'nursed' -> 'nurs'; 'welders' -> 'weld';
    'inspectors', 'inspecting' -> 'inspect'; 'cosmetology', 'cosmetologists' -> 'cosmetolog'.

    Only used to decide that two words are forms of one another; never shown.
    The browser's `stem` in search.js must give the same answers.
    """
    if len(word) <= 3 or not word.isalpha():
        return word
    if word.endswith("ies") and len(word) > 4:
        word = word[:-3] + "y"
    elif word.endswith("xes"):  # 'fixes', 'taxes', 'boxes': 'fix', 'tax', 'box'
        word = word[:-2]
    elif word.endswith("s") and not word.endswith(("ss", "us", "is")):
        word = word[:-1]
    if word.endswith("ologist"):  # a field and who works in it: 'biology', 'biologists' -> 'biolog'
        return word[:-3]
    if word.endswith("ology"):
        return word[:-1]
    if len(word) > 6:
        for endings, common in _PRACTICE:  # likewise 'therapy', 'therapists' -> 'therap'
            for ending in endings:
                if word.endswith(ending):
                    return word[:-len(ending)] + common
    if word.endswith("ing") and len(word) > 6 and _VOWELS.intersection(word[:-3]):
        word = _undouble(word[:-3])
    elif word.endswith("ied") and len(word) > 5:
        word = word[:-3] + "y"
    elif word.endswith("ed") and len(word) > 5 and _VOWELS.intersection(word[:-2]):
        word = _undouble(word[:-2])
    # Who does it and the doing: 'welder', 'welding' -> 'weld'; 'inspector', 'inspecting' -> 'inspect'.
    if word.endswith(("er", "tor", "sor")) and not word.endswith("eer") and len(word) > 5 \
            and _VOWELS.intersection(word[:-2]):
        word = _undouble(word[:-2])
    if word.endswith("e") and len(word) > 4 and not word.endswith("ane"):  # 'plane' is not 'plan'
        word = word[:-1]
    return word


_PRACTICE = ((("apist", "apy"), "ap"), (("acist", "acy"), "ac"), (("ienist", "iene"), "ien"),
             (("iatrist", "iatry"), "iatr"), (("metrist", "metry"), "metr"), (("istry",), "ist"),
             (("omist", "omic", "omy"), "om"))
"""Endings of a field and of who practises it, with the common ending `stem` gives both: therapy and therapist,
pharmacy and pharmacist, hygiene and hygienist, psychiatry and psychiatrist, optometry and optometrist,
dentistry and dentist, economics and economist, astronomy and astronomer ('er' goes after). The browser's
`PRACTICE` in search.js is the same list."""


def _undouble(word: str) -> str:
    """'runn' -> 'run', but 'install' and 'miss' keep their pair."""
    if len(word) > 2 and word[-1] == word[-2] and word[-1] not in "lsz" and word[-1] not in _VOWELS:
        return word[:-1]
    return word


# -- documents ---------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Document:
    """One page as search sees it: what is shown in a result, and the fields that are indexed."""

    kind: str
    url: str
    title: str
    clusters: tuple[int, ...]                # indexes into Site.clusters
    interests: tuple[str, ...]
    fields: tuple[tuple[str, str], ...]      # (field name, text), several per field allowed
    passages: tuple[str, ...]                # the text snippets are cut from, in reading order
    names: tuple[tuple[str, int, bool, bool], ...] = ()
    """Other names of the page: (name, strength, whether it names the whole page, whether it is a synonym). The titles people use for a
    job and the synonyms of its names (`NAME_SHARE`); a query equal to a whole name ranks just below one equal to its
    title (`EXACT_STRONG`)."""
    teaches: bool = False                    # a college teacher, whose title names a subject (`SUBJECT_SHARE`)
    also: tuple[str, ...] = ()               # names a result may show ("also called attorney")
    tools: tuple[str, ...] = ()              # technology a result may show ("uses Python"), as it is indexed
    pay: str = ""                            # an occupation's median pay, as a result shows it
    education: str = ""                      # an occupation's education to start (`data.EDUCATION_SLUGS`)
    experience: str = ""                     # an occupation's work experience to start (`data.EXPERIENCE_SLUGS`)
    training: str = ""                       # an occupation's on-the-job training (`data.TRAINING_SLUGS`)
    bright: bool = False                     # whether an occupation has a bright outlook (`render.outlook`)
    jobs: tuple[str, ...] = ()               # a pathway's occupations' pages (in its record by id): where the jobs are
    after: tuple[str, ...] = ()              # an occupation's next steps' pages (`NEXT_STEPS`), in its record by id
    like: tuple[str, ...] = ()               # its related occupations' pages (`LIKE_SHOWN`), in its record by id
    away: tuple[str, ...] = ()               # those outside its own line of work (`AWAY_SHOWN`), likewise
    later: tuple[str, ...] = ()              # the steps above its next ones (`LATER_STEPS`), likewise
    shorter: tuple[str, ...] = ()            # jobs like it with less schooling (`SHORTER_SHOWN`), likewise
    median: int | None = None                # an occupation's own median yearly pay (none if BLS gives only a
    growth: float | None = None              # wider group's), projected growth in percent and openings a year,
    openings: int | None = None              # as the jobs explorer sorts by them

    def __hash__(self) -> int:
        """Worked out once per document: documents are the keys of the index's memos (`SearchIndex`), looked
        up and pruned after every rebuild, and hashing every field each time is slow on a large site."""
        found = self.__dict__.get("_hash")
        if found is None:
            found = self.__dict__["_hash"] = hash(tuple(getattr(self, name) for name in self.__dataclass_fields__))
        return found


def documents(site: Site, synonyms: "_Synonyms | None" = None,
              made: dict[str, tuple[Any, Any, Any]] | None = None,
              kept: dict[str, tuple[Any, Any, Any]] | None = None) -> list[Document]:
    """Every searchable page: each cluster followed by its pathways, then occupations, then other pages.

    A cluster's pathways are consecutive, so its documents form one run of ids. `synonyms`, if given, is the
    last build's finder of synonyms in names, which remembers the names it has seen; `made`, if given, holds
    the last build's pathway and occupation documents (URL -> (pathway and its cluster's number, or
    occupation page and the clusters' URLs in order; document)), reused for the very same objects while the
    clusters are numbered the same (it also keeps the occupations' order). What this site's documents are made
    from goes into `kept`, if given, else into `made`. Occupations are in order of how many people hold them.
    """
    if kept is None:
        kept = made
    cluster_index = {c.url: n for n, c in enumerate(site.clusters)}
    if synonyms is None or synonyms.words != site.search_words:
        synonyms = _Synonyms(site.search_words)
    docs: list[Document] = []
    for n, cluster in enumerate(site.clusters):
        docs.append(Document(
            kind="cluster", url=cluster.url, title=cluster.title, clusters=(n,), interests=cluster.interests,
            fields=(("title", cluster.title), ("summary", cluster.summary), ("body", cluster.body.text),
                    *(("pathways", p.title) for p in cluster.pathways)),
            passages=(cluster.summary, cluster.body.text), names=synonyms.names(cluster.title)))
        for pathway in cluster.pathways:
            known = made.get(pathway.url) if made is not None else None
            if known is not None and known[0] is pathway and known[1] == n:
                docs.append(known[2])
                kept[pathway.url] = known  # type: ignore[index]
                continue
            fields = [("title", pathway.title), ("summary", pathway.summary), ("body", pathway.body.text)]
            passages = [pathway.summary]
            for ladder in pathway.ladders:
                fields.append(("steps", ladder.title))
                if ladder.summary:
                    passages.append(f"{ladder.title}: {ladder.summary}")
                for step in ladder.steps:
                    fields.append(("steps", step.title))
                    fields.extend(("occupations", title_and_exclusions(o.title)[0]) for o in step.occupations)
                    fields.extend(("credentials", c) for c in step.credentials)
                    fields.extend(("skills", s) for s in step.skills)
                    passages.append(_step_passage(step))
            passages.append(pathway.body.text)
            docs.append(Document(
                kind="pathway", url=pathway.url, title=pathway.title, clusters=(n,), interests=pathway.interests,
                fields=tuple(fields), passages=tuple(passages), names=synonyms.names(pathway.title),
                jobs=tuple(dict.fromkeys(o.url for ladder in pathway.ladders for step in ladder.steps
                                         for o in step.occupations))))
            if kept is not None:
                kept[pathway.url] = (pathway, n, docs[-1])
    rarity: dict[tuple[str, str], float] | None = None  # worked out only if an occupation's document is made anew
    strength_words = dict(site.search_words.strengths)
    order = tuple(cluster_index)  # an occupation's document holds its clusters' numbers, which follow this
    known = made.get(_OCCUPATION_ORDER) if made is not None else None
    if known is not None and known[0] == site.occupations:  # the same pages (each first compared by identity)
        ranked = known[2]
    else:
        ranked = sorted(site.occupations, key=_most_held_first)
        known = (site.occupations, None, ranked)
    if kept is not None:
        kept[_OCCUPATION_ORDER] = known
    for entry in ranked:
        job = entry.occupation
        known = made.get(entry.url) if made is not None else None
        if known is not None and known[0] is entry and known[1] == order:
            docs.append(known[2])
            kept[entry.url] = known  # type: ignore[index]
            continue
        clusters = tuple(sorted({cluster_index[ref.url] for ref in entry.clusters}))
        description = entry.description.text if entry.description is not None else ""
        named, left_out = title_and_exclusions(job.title)
        fields = [("title", named), ("code", job.code), ("summary", entry.summary),
                  ("body", " ".join(x for x in (left_out, description, job.education, job.experience, job.training)
                                    if x))]
        demand = [t.product for t in entry.profile.technology if t.product and t.in_demand]
        hot = [t.product for t in entry.profile.technology if t.product and t.hot and not t.in_demand]
        fields.extend((field, "; ".join(names)) for field, names in (("demand", demand), ("tools", hot)) if names)
        if rarity is None:  # 8 ms on the real site: not for the dev server's rebuild that reuses every one
            rarity = _rarity(site.occupations)
        fields.extend(("strengths", " ".join(strength_words[name])) for name in _strengths(entry, rarity)
                      if name in strength_words)
        teaches = job.code.startswith(POSTSECONDARY_TEACHERS)
        if not teaches:  # their titles name what they teach
            fields.extend(("programs", _PROGRAM_FILLER.sub(" ", program.title.replace("/", ", ")))
                          for program in entry.profile.programs_shown)
        for place in entry.appearances:
            fields.append(("steps", place.step))
            fields.append(("steps", place.ladder))
            fields.append(("pathways", place.pathway.title))
        passages = [entry.summary or f"O*NET-SOC {job.code}.",
                    (f"Also called {', '.join(entry.profile.titles)}. " if entry.profile.titles else "")
                    + (f"Typical education to enter: {job.education}." if job.education else "")]
        if description:
            passages.append(description)
        passages.extend(f"{place.pathway.title} ({place.cluster.title}), {place.ladder} ladder: "
                        f"{STAGE_LABELS[place.stage].lower()} step, {place.step}." for place in entry.appearances)
        people = entry.profile.names
        docs.append(Document(
            kind="occupation", url=entry.url, title=job.title, clusters=clusters, interests=job.interests,
            fields=tuple(fields), teaches=teaches, passages=tuple(passages),
            names=synonyms.names(job.title, people),
            also=tuple(name for name, _ in people[:ALSO_SHOWN]), tools=tuple(dict.fromkeys(demand + hot)),
            pay=pay_text(job),
            education=EDUCATION_SLUGS.get(job.education, ""), experience=EXPERIENCE_SLUGS.get(job.experience, ""),
            training=TRAINING_SLUGS.get(job.training, ""),
            bright=outlook(job, site.profiles.average_growth).bright,
            after=_nearest_steps(entry), like=tuple(o.url for o in alike(job, entry.related)[:LIKE_SHOWN]),
            away=tuple(o.url for o in elsewhere(job, entry.all_related)[:AWAY_SHOWN]),
            later=tuple(o.url for o in entry.later_steps[:LATER_STEPS]),
            shorter=tuple(o.url for o in shorter(job, entry.earlier_steps, entry.all_related)[:SHORTER_SHOWN]),
            **({"median": job.wage_median, "growth": job.growth_pct, "openings": job.openings}
               if job.figures == FIGURES_OWN else {})))
        if kept is not None:
            kept[entry.url] = (entry, order, docs[-1])
    for modern in site.modern:
        docs.append(Document(
            kind="modern-cluster", url=modern.url, title=modern.title, clusters=(), interests=(),
            fields=(("title", modern.title), ("summary", modern.summary),
                    ("body", modern.body.text if modern.body is not None else ""),
                    *(("pathways", s.title) for s in modern.sub_clusters)),
            passages=(modern.summary or f"A cluster of the 2024 Career Clusters framework.",
                      modern.body.text if modern.body is not None else ""), names=synonyms.names(modern.title)))
        for sub in modern.sub_clusters:
            docs.append(Document(
                kind="sub-cluster", url=sub.url, title=sub.title, clusters=(), interests=(),
                fields=(("title", sub.title), ("summary", sub.summary), ("pathways", modern.title),
                        ("body", sub.body.text if sub.body is not None else "")),
                passages=(sub.summary or f"A sub-cluster of {modern.title} in the 2024 framework.",
                          sub.body.text if sub.body is not None else ""), names=synonyms.names(sub.title)))
    for page in site.pages:
        docs.append(Document(
            kind="page", url=page.url, title=page.title, clusters=(), interests=(),
            fields=(("title", page.title), ("summary", page.summary), ("body", page.body.text)),
            passages=(page.summary, page.body.text)))
    # The site's own tools (the quiz, the explorers, the A to Z list), the six interest areas and the six work
    # values.
    for route in ROUTES.values():
        if route.search_label and route.title and (not route.needs or getattr(site, route.needs)):
            docs.append(Document(
                kind=route.kind, url=route.url(), title=route.title, clusters=(), interests=(),
                fields=(("title", route.title), ("summary", route.description)), passages=(route.description,),
                names=synonyms.names(route.title)))
    for name in site.by_interest():
        title, about = INTEREST_INFO[name]
        docs.append(Document(
            kind="interest", url=url_for("interest", name), title=title, clusters=(), interests=(name,),
            fields=(("title", title), ("summary", about)), passages=(f"{about}: the pathways for people with "
                                                                  f"{title.lower()} interests.",),
            names=synonyms.names(title)))
    for value in WORK_VALUES:
        docs.append(Document(
            kind="value", url=value.url, title=value.name, clusters=(), interests=(),
            fields=(("title", value.name), ("summary", value.about)), passages=(value.about,),
            names=synonyms.names(value.name)))
    return docs


_OCCUPATION_ORDER = " occupations, most held first"
"""The key under which `documents` keeps the occupations' order in `made` (no URL starts with a space)."""


def _most_held_first(entry: OccupationPage) -> tuple[int, str]:
    """Occupations in order of how many people hold them, then by code: the employment its page shows (its
    own, or its whole job's or group's; none counts as 0). Search ranks the lower id first among results
    that score about the same, so "mechanic" finds automotive mechanics before motorboat mechanics."""
    return -(entry.occupation.employment or 0), entry.occupation.code


def state_slug(name: str) -> str:
    """A state's slug as the search script makes it from the name: 'New York' -> 'new-york'. The same as the
    site's `slugify`, for every state's name (a test checks it)."""
    return name.lower().replace(" ", "-")


def _states(site: Site) -> tuple[tuple[str, ...], ...]:
    """(name, other names...) of each state, DC and territory with pay figures, as the State chooser offers
    them: the names a query may give it. The browser makes each one's slug from its name (`state_slug`)."""
    return tuple((name, *_other_names(name)) for name in site.profiles.states) if site.profiles else ()


def _other_names(state: str) -> tuple[str, ...]:
    """The other names a query may give a state: 'Washington DC', 'NY'."""
    return STATE_ALIASES.get(state, ()) + ((POSTAL_CODES[state],) if state in POSTAL_CODES else ())


STATE_ALIASES = {"District of Columbia": ("Washington DC", "Washington D C", "DC")}
"""Other names people type for a state ('washington dc lawyer' is not about Washington State)."""

POSTAL_CODES = {
    "Alaska": "AK", "Arizona": "AZ", "California": "CA", "Florida": "FL", "Georgia": "GA", "Illinois": "IL",
    "Iowa": "IA", "Kansas": "KS", "Kentucky": "KY", "Michigan": "MI", "Minnesota": "MN", "Missouri": "MO",
    "Nevada": "NV", "New Hampshire": "NH", "New Jersey": "NJ", "New Mexico": "NM", "New York": "NY",
    "North Carolina": "NC", "Rhode Island": "RI", "South Carolina": "SC", "South Dakota": "SD", "Tennessee": "TN",
    "Texas": "TX", "Utah": "UT", "Vermont": "VT", "Washington": "WA", "West Virginia": "WV", "Wisconsin": "WI",
    "Wyoming": "WY",
}
"""The postal codes a query may name a state by ('plumber pay ny'). Those that are also words or names of
jobs people type are left out: IN, OR, ME, HI, OK, OH, PA (physician assistant), MD, MS, MA, CT (the scan),
MT, VA, DE, LA, CO, ID, AL, NE, ND (naturopathic doctor), AR (augmented reality)."""


def _rarity(entries: Sequence[OccupationPage]) -> dict[tuple[str, str], float]:
    """For each skill and knowledge area, how rare it is among the important ones of the occupations that have
    any, as IDF weighs a word: the log of how many times fewer occupations count it as important than have any."""
    rated = [entry.profile for entry in entries if entry.profile.skills or entry.profile.knowledge]
    counts = Counter((kind, rating.name) for profile in rated
                     for kind, ratings in (("skill", profile.skills), ("knowledge", profile.knowledge))
                     for rating in ratings)
    return {key: math.log(len(rated) / count) for key, count in counts.items()}


def _strengths(entry: OccupationPage, rarity: Mapping[tuple[str, str], float]) -> list[str]:
    """The names of the `STRENGTHS_SHOWN` skills and knowledge areas an occupation needs most, of those at least
    `STRENGTH_FLOOR` important: by importance times rarity (`_rarity`), ties by name. A name that is both a skill
    and a knowledge area ('Mathematics') counts once."""
    profile = entry.profile
    weighed = sorted((-rating.importance * rarity[(kind, rating.name)], rating.name)
                     for kind, ratings in (("skill", profile.skills), ("knowledge", profile.knowledge))
                     for rating in ratings if rating.importance >= STRENGTH_FLOOR)
    return list(dict.fromkeys(name for _, name in weighed))[:STRENGTHS_SHOWN]


def _nearest_steps(entry: OccupationPage) -> tuple[str, ...]:
    """The pages of an occupation's first `NEXT_STEPS` next steps, the likeliest first: those its ladders lead to
    most often (accountants to financial managers), then those nearest it in the SOC (its broad group, minor group,
    then major group: registered nurses to nurse practitioners before health informatics, emergency medical
    technicians to paramedics before doctors), then in the site's order."""
    code, steps = entry.occupation.code, entry.next_steps
    counts = entry.next_counts or (1,) * len(steps)
    order = sorted(range(len(steps)), key=lambda n: (-counts[n], -_soc_shared(code, steps[n].code), n))
    return tuple(steps[n].url for n in order[:NEXT_STEPS])


SOC_LEVELS = (6, 4, 2)
"""The widths of a SOC code's broad, minor and major groups ('29-2042': '29-204', '29-2', '29')."""


def _soc_shared(code: str, other: str) -> int:
    """How many levels of the SOC two codes share: 3 the broad group ('29-204'), 2 the minor group ('29-2'), 1 the
    major group ('29'), 0 none."""
    return next((len(SOC_LEVELS) - n for n, width in enumerate(SOC_LEVELS) if code[:width] == other[:width]), 0)


def pay_text(job: Occupation) -> str:
    """An occupation's median pay as a search result shows it: the nation's (whatever state a visitor has
    chosen), labelled when it is not the job's own."""
    if job.wage_median is not None:
        figure = f"${job.wage_median:,} a year"
    elif job.hourly_median is not None:
        figure = f"${job.hourly_median:,.2f} an hour"
    else:
        return "Pay not published"
    if job.figures in (FIGURES_GROUP, FIGURES_SPECIALTY):
        return f"U.S. median pay {figure} (for {job.figures_group})"
    if job.figures == FIGURES_CATCH_ALL:
        return f"U.S. median pay {figure} (for this mixed group)"
    return "Pay not published" if job.figures == FIGURES_NONE else f"U.S. median pay {figure}"


class _Synonyms:
    """The synonyms of `data/search-words.yml`, found in names: 'doctor' in 'Family Medicine Physicians'."""

    def __init__(self, words: SearchWords) -> None:
        self.words = words
        self.known: dict[tuple, tuple] = {}  # (title, people) -> `names`, for the pages seen so far
        self.asked: set[tuple] = set()  # the keys of `known` asked for since `forget_unasked`
        # Each phrase's stems, by the first, with the synonym and how the phrase may be found (`found_in`): whether
        # only as a whole name (a work value's), and the one word it must be (an interest area's), if any.
        self.by_first: dict[str, list[tuple[tuple[str, ...], str, bool, str | None]]] = defaultdict(list)
        for synonym in words.synonyms:
            for phrase in synonym.means:
                terms = _name_terms(phrase)[2]
                stems = tuple(stem(w) for w in terms)
                if stems:
                    interest = terms[0] if len(terms) == 1 and terms[0] in INTERESTS else None
                    self.by_first[stems[0]].append((stems, synonym.says, stems in _VALUE_STEMS, interest))

    def found_in(self, name: str) -> list[tuple[str, bool]]:
        """The synonyms whose phrase is in `name`, each with whether the phrase is the whole name. A phrase that
        is a work value's name is found only as the whole name: 'good boss: [support]' names the work value
        Support, not every title that holds the word ('Computer User Support Specialists'). One that is an interest
        area's name is found only as that very word, not another form of it: 'leader: [enterprising]' names the
        Enterprising area, not 'Enterprise Architect'; 'Social Workers' keeps 'caring: [social]'. A phrase among the
        jobs a title leaves out ('Dispatchers, Except Police, Fire, and Ambulance') is not found: the dispatchers
        are not 'cop'. One that holds 'except' itself, a whole title's, is."""
        if not self.by_first:
            return []
        words = _name_terms(name)[2]
        stems = [stem(w) for w in words]
        excluded = words.index("except") + 1 if "except" in words else len(words)  # where the jobs left out start
        found: dict[str, bool] = {}
        for at, first in enumerate(stems[:excluded]):
            for phrase, says, whole_only, interest in self.by_first.get(first, ()):
                whole = len(phrase) == len(stems)
                if tuple(stems[at:at + len(phrase)]) == phrase and (whole or not whole_only) \
                        and interest in (None, words[at]):
                    found[says] = found.get(says, False) or whole
        return sorted(found.items())

    def names(self, title: str, people: Sequence[tuple[str, int]] = ()) -> tuple[tuple[str, int, bool, bool], ...]:
        """A page's other names: the titles people use, then the synonyms found in its title and in the titles
        people commonly use (not in the many alternates, which would add little)."""
        key = (title, tuple(people))
        self.asked.add(key)
        found = self.known.get(key)
        if found is None:
            out: list[tuple[str, int, bool, bool]] = [(name, level, True, False) for name, level in people]
            for name, strength in ((title, NAME_TITLE), *((n, level) for n, level in people if level)):
                out.extend((says, strength, whole, True) for says, whole in self.found_in(name))
            found = self.known[key] = tuple(out)
        return found

    def forget_unasked(self) -> None:
        """Keep only the names asked about since the last call: those of the pages of the last build."""
        self.known = {key: self.known[key] for key in self.asked}
        self.asked = set()


def _exactness(value: int) -> tuple[int, int]:
    """A title posting's value as (the length of the shortest name holding the word, how strong a name)."""
    return (1, EXACT_STRONG) if value >= EXACT_PART else (value % EXACT_STRONG, value)


_EXCEPT_RE = re.compile(r",? Except\b")


def title_and_exclusions(title: str) -> tuple[str, str]:
    """An occupation's title without the jobs it leaves out, and those jobs: 'Mobile Heavy Equipment Mechanics,
    Except Engines' is no engine mechanic, nor 'Secretaries and Administrative Assistants, Except Legal, Medical,
    and Executive' a medical secretary. The words left out still count as the page's body does, so a query
    that copies the whole title finds it."""
    found = _EXCEPT_RE.search(title)
    return (title[:found.start()], title[found.end():].strip()) if found else (title, "")


_LIST_RE = re.compile(r",\s*(?:and\s+|or\s+)?")
_FIELDS_RE = re.compile(r",\s*(?:&\s*)?|\s+&\s+")


def _title_list(title: str, field: bool = False) -> list[str]:
    """The jobs a title lists, each a name of the page as good as the title ('Farmers', 'Ranchers' and 'Other
    Agricultural Managers'). A list is told by its commas, every part's being a plural noun, and a first part of
    one word. So none for one job with qualifiers ('Teachers, Postsecondary', 'Drafters, All Other', 'Janitors
    and Cleaners, Except Maids ...'), nor for things sold ('Securities, Commodities, and Financial Services Sales
    Agents'), nor where the first words qualify every part ('Textile Cutting Machine
    Setters, Operators, and Tenders', 'First-Line Supervisors of Mechanics, Installers, and Repairers',
    'Helpers--Painters, Paperhangers, ...'): 'Operators' alone does not name those jobs.

    With `field`, the title is a cluster's, whose every part names a field it covers: 'Transportation' in
    'Transportation, Distribution & Logistics', 'Energy' in 'Energy & Natural Resources'."""
    if field:
        parts = _FIELDS_RE.split(title)
        return parts if len(parts) > 1 else []
    parts = _LIST_RE.split(title)
    if len(parts) < 3 or not parts[0].isalpha() or any(
            not part.endswith("s") or part.endswith("ities") or part.startswith(("Except", "All Other", "Including"))
            for part in parts):
        return []
    return parts


_CAPITALS_RE = re.compile(r"\b[A-Z]{2,}\b")
"""A word in capitals, such as an abbreviation."""


@functools.lru_cache(maxsize=1 << 17)  # a pure function of one name, asked about again for each synonym and page
def _name_terms(name: str) -> tuple[tuple[str, ...], int, tuple[str, ...]]:
    """A name's indexed words (each once), its length in query words, and its words as compared with synonyms
    (compounds joined, stop words out; `_Synonyms` stems them), from one reading of the name. A letter standing
    alone, and a stop word in capitals (an abbreviation: 'IT', 'IS'), count in the length though they are not
    indexed: 'R & D Manager', 'IT Manager' and 'C Programmer' are not the one word 'manager' or 'programmer',
    so a query of that word alone is not equal to them."""
    raw = _raw_words(name)
    kept = [w for w in raw if len(w) > 1 and w not in STOP_WORDS]
    letters = sum(1 for w in raw if len(w) == 1 and w not in STOP_WORDS) + \
        sum(1 for w in _CAPITALS_RE.findall(name) if fold(w) in STOP_WORDS)
    if all(w.isalnum() for w in kept):
        words, joined = kept, kept
    else:
        words, joined = index_words(name), [_JOINERS_RE.sub("", w) for w in kept]
    return tuple(dict.fromkeys(words)), len(set(joined)) + letters, tuple(joined)


_VALUE_STEMS = frozenset(tuple(stem(w) for w in _name_terms(value.name)[2]) for value in WORK_VALUES)
"""The work values' names as `_Synonyms` compares phrases: ('support',), ('work', 'condition')."""


def _step_passage(step: Step) -> str:
    parts = [f"{STAGE_LABELS[step.stage]}: {step.title}."]
    if step.occupations:
        parts.append("Occupations: " + "; ".join(o.title for o in step.occupations) + ".")
    if step.credentials:
        parts.append("Credentials: " + "; ".join(step.credentials) + ".")
    if step.skills:
        parts.append("Skills: " + "; ".join(step.skills) + ".")
    return " ".join(parts)


def score_terms(document: Document) -> tuple[tuple[tuple[str, int], ...], tuple[tuple[str, int], ...]]:
    """The document's terms with their scores (1..63), and the terms of its names with the length in words of
    the shortest whole name (its title, or another) that holds each.

    A score is BM25F's saturated, field-weighted term frequency: a word in the
    title or on the ladder counts for more than one in the description, and
    repeating a word helps less each time. A word of the page's other names
    counts towards the title's weight by how many names hold it (`NAME_SHARE`).
    """
    texts: dict[str, list[str]] = defaultdict(list)
    for field, text in document.fields:
        texts[field].append(text)
    weighted: dict[str, float] = {}
    for field, parts in texts.items():
        words = index_words("\n".join(parts))
        effect = LENGTH_EFFECT.get(field, 0.3)
        norm = FIELD_WEIGHTS[field] / (1 - effect + effect * len(words) / TYPICAL_LENGTH[field])
        get = weighted.get
        if document.teaches:  # its title, what it does and the ladders it is on all name the subject
            for word, count in Counter(words).items():
                share = SUBJECT_SHARE if word not in TEACHING_WORDS else 1.0
                weighted[word] = get(word, 0.0) + norm * count * share
        else:
            for word, count in Counter(words).items():
                weighted[word] = get(word, 0.0) + norm * count
    longest = EXACT_STRONG - 1
    # An occupation's title names the jobs before 'Except' ('Dispatchers, Except Police, Fire, and Ambulance' is
    # named 'dispatchers' in full), not those it leaves out.
    title = title_and_exclusions(document.title)[0] if document.kind == "occupation" else document.title
    shortest = dict.fromkeys(index_words(title), min(len(query_words(title)), longest) + EXACT_TITLE)
    if document.kind in ("occupation", "cluster", "modern-cluster"):
        for part in _title_list(document.title, field=document.kind != "occupation"):
            words, length, _ = _name_terms(part)
            if length == 1 and len(words) == 1 and shortest.get(words[0], EXACT_STRONG) < EXACT_STRONG:
                shortest[words[0]] = EXACT_PART + shortest[words[0]]
    if document.names:
        shares: dict[str, float] = defaultdict(float)
        for name, strength, whole, synonym in document.names:
            words, length, joined = _name_terms(name)
            if not words and synonym:
                words = tuple(query_words_all(name))
            share = NAME_SHARE[strength]
            for word in words:
                shares[word] += share
            if whole and strength >= 1:
                offset = EXACT_STRONG if strength >= 2 else EXACT_WEAK
                for word in words:  # the shortest name holding the word; of two as short, the stronger one
                    # A part of a compound is one word more than the name ('auto' is not all of 'Auto-Winder').
                    size = min(length + (word not in joined), longest)
                    known = shortest.get(word)
                    if known is None or (size, size + offset) < _exactness(known):
                        shortest[word] = size + offset
        title_weight = FIELD_WEIGHTS["title"]
        for word, share in shares.items():
            if document.teaches and word not in TEACHING_WORDS:
                share *= SUBJECT_SHARE
            weighted[word] = weighted.get(word, 0.0) + title_weight * share
    levels, saturation = SCORE_LEVELS, SATURATION
    scored = [(word, round(levels * value / (saturation + value)) or 1)  # at least 1
              for word, value in weighted.items()]
    return tuple(scored), tuple(sorted(shortest.items()))


def query_words_all(text: str) -> list[str]:
    """`query_words` without leaving out stop words: a synonym made of them ('IT') is indexed as it is."""
    out: list[str] = []
    for word in _raw_words(text):
        word = _JOINERS_RE.sub("", word)
        if len(word) > 1 and word not in out:
            out.append(word)
    return out


# -- encoding ----------------------------------------------------------------------------------------

def encode_number(n: int) -> str:
    """A non-negative integer as base-32 digits, most significant first; all but the last carry bit 32."""
    if n < 32:
        return _ALPHABET[n]
    digits = []
    while n:
        digits.append(n & 31)
        n >>= 5
    return "".join(_ALPHABET[d | 32] for d in reversed(digits[1:])) + _ALPHABET[digits[0]]


_NUMBERS = [encode_number(n) for n in range(1 << 12)]


def _number(n: int) -> str:
    return _NUMBERS[n] if n < 4096 else encode_number(n)


def encode_postings(postings: Iterable[int]) -> str:
    """Packed postings (document id << 6 | value) in id order, as text: each id's gap from the last, then the value."""
    out, last = [], 0
    numbers, alphabet = _NUMBERS, _ALPHABET
    for packed in postings:
        doc = packed >> 6
        gap = doc - last
        out.append(numbers[gap] if gap < 4096 else encode_number(gap))
        out.append(alphabet[packed & 63])
        last = doc
    return "".join(out)


def decode_numbers(text: str) -> list[int]:
    """The numbers in text written by `encode_number`; the browser has its own decoder."""
    out, n = [], 0
    for char in text:
        digit = _ALPHABET.index(char)
        n = n * 32 + (digit & 31)
        if not digit & 32:
            out.append(n)
            n = 0
    return out


def decode_postings(text: str) -> list[tuple[int, int]]:
    """(document id, value) pairs from `encode_postings` text; the browser has its own decoder."""
    out, doc, i = [], 0, 0
    while i < len(text):
        n = 0
        while True:
            digit = _ALPHABET.index(text[i])
            i += 1
            n = n * 32 + (digit & 31)
            if not digit & 32:
                break
        doc += n
        out.append((doc, _ALPHABET.index(text[i])))
        i += 1
    return out


def file_key(prefix: str) -> str:
    """A prefix as a file name: ASCII letters and digits as they are, anything else as `_` and hex."""
    return "".join(c if c.isascii() and c.isalnum() else f"_{ord(c):x}" for c in prefix)


def _script(name: str, data: object) -> bytes:
    body = json.dumps(data, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return f"__searchIndex.add({json.dumps(name)},{body});\n".encode()


# -- the index ---------------------------------------------------------------------------------------

def build_search_index(site: Site, parts: Sequence["Part"] | None = None,
                       index: "SearchIndex | None" = None) -> dict[str, bytes]:
    """The search index's files, by path relative to the site root, sorted by path.

    Pure: the same site always gives the same bytes, whatever was built before.
    Given the `index` of the last build (the dev server keeps one), only what a
    one-page edit changed is redone.

    Given `parts`, the postings of consecutive runs of `index.documents(site)`
    (`runs` splits the documents, `index_part` does one run, in worker
    processes on a large site), it merges them instead of scoring every
    document itself. The bytes are the same either way.
    """
    index = index if index is not None else SearchIndex()
    if parts is None:
        return index.build_site(site)
    return index.build_from_parts(site, index.documents(site), parts)


# -- building in parts -------------------------------------------------------------------------------

Run = tuple[int, str, int, int]
"""A word's postings in one part: (first document id, the rest encoded, last document id, documents)."""


@dataclass(frozen=True)
class Part:
    """The postings of the documents from `start` on, made apart from the others and merged in order."""

    start: int
    postings: dict[str, Run]
    titles: dict[str, Run]


def runs(docs: Sequence[Document], count: int) -> list[tuple[int, int]]:
    """`docs` split into at most `count` consecutive runs of about equal work, as (start, stop) ids.

    The work of a document grows with its text, so a run of pathways with
    long descriptions holds fewer documents than a run of occupations."""
    weights = [sum(len(text) for _, text in doc.fields) + 100 for doc in docs]
    total, bounds, done = sum(weights), [0], 0
    for n, weight in enumerate(weights):
        done += weight
        if done * count >= total * len(bounds) and n + 1 < len(docs):
            bounds.append(n + 1)
    bounds.append(len(docs))
    return [(start, stop) for start, stop in zip(bounds, bounds[1:]) if stop > start]


def for_scoring(docs: Sequence[Document]) -> list[Document]:
    """`docs` without their passages and jobs, which `score_terms` does not read: passages are half of a document's bytes and
    most of the time of unpickling it in the worker processes that make the postings (`index_part`)."""
    return [replace(doc, passages=(), jobs=(), after=(), like=(), away=(), later=(), shorter=()) for doc in docs]


def index_part(docs: Sequence[Document], start: int, stop: int) -> Part:
    """The postings of documents `start` to `stop` (not included): the per-document work of a build."""
    postings: dict[str, list[int]] = defaultdict(list)
    titles: dict[str, list[int]] = defaultdict(list)
    for n in range(start, stop):
        terms, title_terms = score_terms(docs[n])
        base = n << 6
        for word, score in terms:
            postings[word].append(base | score)
        for word, length in title_terms:
            titles[word].append(base | length)
    return Part(start, {w: _run(p) for w, p in postings.items()}, {w: _run(p) for w, p in titles.items()})


def _run(packed: list[int]) -> Run:
    first = packed[0] >> 6
    return first, encode_postings(packed)[len(_number(first)):], packed[-1] >> 6, len(packed)


def merge_parts(parts: Sequence[Part]) -> tuple[dict[str, str | list[str]], dict[str, int]]:
    """Every word's postings entry as written, and its number of documents, from parts in any order."""
    ordered = sorted(parts, key=lambda part: part.start)
    postings = _merge_runs([part.postings for part in ordered])
    titles = _merge_runs([part.titles for part in ordered])
    entries: dict[str, str | list[str]] = {}
    for word, (encoded, _) in postings.items():
        entries[word] = [encoded, titles[word][0]] if word in titles else encoded
    return entries, {word: count for word, (_, count) in postings.items()}


def _merge_runs(parts: Sequence[dict[str, Run]]) -> dict[str, tuple[str, int]]:
    """Each word's runs joined into one encoding: the first id of a run becomes its gap from the last one."""
    if len(parts) == 1:
        return {word: (_number(first) + rest, count) for word, (first, rest, _, count) in parts[0].items()}
    merged: dict[str, tuple[list[str], int, int]] = {}
    for part in parts:
        for word, (first, rest, last, count) in part.items():
            found = merged.get(word)
            if found is None:
                merged[word] = ([_number(first), rest], last, count)
            else:
                found[0].append(_number(first - found[1]))
                found[0].append(rest)
                merged[word] = (found[0], last, found[2] + count)
    return {word: ("".join(pieces), count) for word, (pieces, _, count) in merged.items()}


class SearchIndex:
    """The pieces of the last build, kept so the next build of a slightly changed site redoes little.
    Held by its caller (the pipeline's `Builder`), one per site being built.

    Document ids are positions in `documents(site)`; while every page keeps its
    place, a build compares documents one by one and updates the postings of the
    words whose scores changed, then rewrites only the files holding them. When
    pages are added, removed or reordered, it starts afresh.
    """

    def __init__(self) -> None:
        self.site: Site | None = None
        self.docs: list[Document] = []
        self.clusters: tuple[tuple[str, str], ...] = ()
        self.scored: list[tuple[tuple[tuple[str, int], ...], tuple[tuple[str, int], ...]]] = []
        self.postings: dict[str, array] = {}         # word -> packed (doc << 6 | score), in doc order
        self.titles: dict[str, array] = {}           # word -> packed (doc << 6 | title length)
        self.entries: dict[str, str | list[str]] = {}  # word -> its postings as written
        self.counts: dict[str, int] = {}             # word -> how many documents contain it
        self.vocabulary: list[str] | None = None       # the words of `counts`, sorted, as of the last build
        self.states: tuple[tuple[str, ...], ...] = ()  # (name, other names) of each state (`_states`)
        self.shards: dict[str, dict[str, list[str]]] = {}  # two-character prefix -> {file prefix: words}
        self.files: dict[str, bytes] = {}
        self.digests: dict[str, bytes] = {}  # file name -> SHA-256 of its name and bytes
        self.build_id = 0  # the digests XORed together: changes with any file, kept up to date by `_put` and `_drop`
        self.words = SearchWords()
        self.documents_of: tuple[Site, list[Document]] | None = None  # the last site's documents
        self.synonyms: _Synonyms | None = None  # finds synonyms in names, remembering the names it has seen
        self.made_documents: dict[str, tuple[Any, Any, Any]] = {}  # see `documents`
        self.scores: dict[Document, tuple] = {}  # document -> `score_terms`, for the documents of the last build
        self.fragments: dict[tuple[int, Document, tuple[int, ...]], bytes] = {}  # (id, document, its next
        # steps' ids) -> its file, likewise
        # filler words, the documents, their pairs and the pairs' sorted union (see `_kept_pairs`)
        self.kept: tuple[tuple[str, ...], tuple[Document, ...], tuple[frozenset[str], ...], list[str]] | None = None
        # the words and states the manifest's fixed part was made from, and that part (see `_manifest_words`)
        self.manifest_words: tuple[SearchWords, tuple, dict[str, Any]] | None = None
        # the words the explorer's phrases were made from, and those phrases (see `_explorer_phrases`)
        self.explorer_of: tuple[SearchWords, list[list[Any]]] | None = None

    def documents(self, site: Site) -> list[Document]:
        """`documents(site)`, remembered for the last site asked about (the same object, not an equal one)."""
        if self.documents_of is None or self.documents_of[0] is not site:
            if self.synonyms is None or self.synonyms.words != site.search_words:
                self.synonyms = _Synonyms(site.search_words)
                self.made_documents = {}  # their names hold synonyms
            kept: dict[str, tuple[Any, Any, Any]] = {}  # what this site's documents are made from, and no more
            self.documents_of = (site, documents(site, self.synonyms, self.made_documents, kept))
            self.synonyms.forget_unasked()
            self.made_documents = kept
        return self.documents_of[1]

    def _score(self, document: Document) -> tuple:
        found = self.scores.get(document)
        if found is None:
            found = self.scores[document] = score_terms(document)
        return found

    def _fragment(self, n: int, document: Document, ids: Mapping[str, int]) -> bytes:
        links = _links(document, ids)  # ids that move make another file
        found = self.fragments.get((n, document, links))
        if found is None:
            found = self.fragments[(n, document, links)] = _fragment(n, document, *links)
        return found

    def build_site(self, site: Site) -> dict[str, bytes]:
        if self.site is not None and self.site == site:  # cheaper than comparing documents
            return dict(self.files)
        files = self.build(self.documents(site), tuple((c.slug, c.title) for c in site.clusters),
                           site.search_words, _states(site))
        self.site = site
        return files

    def build_from_parts(self, site: Site, docs: list[Document], parts: Sequence[Part]) -> dict[str, bytes]:
        """A fresh build from postings made elsewhere (`index_part`). Keeps no postings, so the
        next `build` starts afresh too."""
        self.__init__()  # type: ignore[misc]
        self.entries, self.counts = merge_parts(parts)
        self.words, self.states = site.search_words, _states(site)
        words = set(self.entries)
        files = self._finish(docs, tuple((c.slug, c.title) for c in site.clusters), range(len(docs)), words,
                             words, facets=True, sorts=True)
        self.site = site
        return files

    def build(self, docs: list[Document], clusters: tuple[tuple[str, str], ...],
              words: SearchWords = SearchWords(), states: tuple[tuple[str, ...], ...] = ()) -> dict[str, bytes]:
        # Update in place only with every document's scores at hand (a build from parts keeps none)
        # and every document where it was.
        # (Documents that did not change are the very same objects: `is` tells most of them apart at once,
        # where comparing would build a tuple of every field of each.)
        if words != self.words or len(self.scored) != len(docs) or len(self.docs) != len(docs) or any(
                a is not b and a.url != b.url for a, b in zip(docs, self.docs)):
            kept = self.documents_of, self.synonyms, self.made_documents, self.scores, self.fragments
            self.__init__()  # type: ignore[misc]
            self.documents_of, self.synonyms, self.made_documents, self.scores, self.fragments = kept
            self.words = words
            dirty = counted = self._add_all(docs)
            changed: Iterable[int] = range(len(docs))
            facets = sorts = full = True
        else:
            full = False
            changed = [n for n, (a, b) in enumerate(zip(docs, self.docs)) if a is not b and a != b]
            if not changed and clusters == self.clusters:
                return dict(self.files)
            dirty, counted = set(), set()  # words whose postings changed; those whose document count did
            ids = {doc.url: n for n, doc in enumerate(docs)}  # as before: every page is where it was
            for n in changed:
                self._update(n, self._score(docs[n]), dirty, counted)
                old = self.docs[n]  # the old version's, which no build will ask for again
                self.scores.pop(old, None)
                self.fragments.pop((n, old, _links(old, ids)), None)
            facets = clusters != self.clusters or any(_facet_key(docs[n]) != _facet_key(self.docs[n]) for n in changed)
            sorts = any(_sort_key(docs[n]) != _sort_key(self.docs[n]) for n in changed)
        for word in dirty:
            if word in self.postings:
                self.entries[word] = _posting_entry(self.postings[word], self.titles.get(word))
            else:
                self.entries.pop(word, None)
        for word in counted:
            if word in self.postings:
                self.counts[word] = len(self.postings[word])
            else:
                self.counts.pop(word, None)
        self.states = states
        return self._finish(docs, clusters, changed, dirty, counted, facets, sorts, prune=full)

    def _finish(self, docs: list[Document], clusters: tuple[tuple[str, str], ...], changed: Iterable[int],
                dirty: set[str], counted: set[str], facets: bool, sorts: bool,
                prune: bool = True) -> dict[str, bytes]:
        """Rewrite the files holding what changed: documents, words whose postings or counts changed, and the
        facets and sorts if what they read of any document changed (`facets`, `sorts`). With
        `prune`, forget the scores and files of documents that are no longer in the index (an update in place
        has already forgotten those of the documents it replaced)."""
        self.docs = list(docs)
        self.clusters = clusters
        if prune:
            live = set(docs)  # keep what the next build may reuse, and no more
            self.scores = {d: found for d, found in self.scores.items() if d in live}
            self.fragments = {key: found for key, found in self.fragments.items() if key[1] in live}
        ids = {doc.url: n for n, doc in enumerate(docs)}
        for n in changed:
            self._put(f"{ROOT}docs/{n}.js", self._fragment(n, docs[n], ids))
        vocabulary = self._vocabulary(counted)
        initials = {word[0] for word in counted}
        for prefix in sorted({word[:2] for word in dirty}):
            if self._write_shards(prefix, vocabulary):
                initials.add(prefix[0])
        for initial in sorted(initials):
            self._write_words(initial, vocabulary)
        if facets:
            self._put(f"{ROOT}facets.js", _script("facets", _facets(clusters, docs)))
        if sorts:
            self._put(f"{ROOT}sorts.js", _script("sorts", _sorts(docs)))
        self._write_manifest(docs, clusters)
        return dict(self.files)

    def _vocabulary(self, counted: set[str]) -> list[str]:
        """The words of `counts`, sorted: the last build's list with the words that came or went (all of them
        are in `counted`) put in or taken out, rather than sorted again after a one-page edit."""
        if self.vocabulary is None:
            self.vocabulary = sorted(self.counts)
            return self.vocabulary
        words = self.vocabulary
        for word in counted:
            at = bisect.bisect_left(words, word)
            listed = at < len(words) and words[at] == word
            if word in self.counts and not listed:
                words.insert(at, word)
            elif word not in self.counts and listed:
                del words[at]
        return words

    def _add_all(self, docs: Sequence[Document]) -> set[str]:
        """Postings of every document, built in one pass (document ids only grow, so lists just append)."""
        postings: dict[str, list[int]] = defaultdict(list)
        titles: dict[str, list[int]] = defaultdict(list)
        for n, document in enumerate(docs):
            scored = self._score(document)
            self.scored.append(scored)
            base = n << 6
            for word, score in scored[0]:
                postings[word].append(base | score)
            for word, length in scored[1]:
                titles[word].append(base | length)
        self.postings = {word: array("q", found) for word, found in postings.items()}
        self.titles = {word: array("q", found) for word, found in titles.items()}
        return set(postings)

    def _update(self, n: int, scored: tuple, dirty: set[str], counted: set[str]) -> None:
        """Replace document n's postings with `scored`, adding to `dirty` the words whose postings
        changed and to `counted` those whose number of documents changed."""
        old = self.scored[n]
        self.scored[n] = scored
        _replace(self.postings, n, dict(old[0]), dict(scored[0]), dirty, counted)
        _replace(self.titles, n, dict(old[1]), dict(scored[1]), dirty, set())

    def _put(self, name: str, data: bytes) -> None:
        if self.files.get(name) != data:
            self._drop(name)
            self.files[name] = data
            digest = self.digests[name] = hashlib.sha256(name.encode() + b"\0" + data).digest()
            self.build_id ^= int.from_bytes(digest, "big")

    def _drop(self, name: str) -> None:
        self.files.pop(name, None)
        digest = self.digests.pop(name, None)
        if digest is not None:
            self.build_id ^= int.from_bytes(digest, "big")

    def _write_shards(self, prefix: str, vocabulary: list[str]) -> bool:
        """Rewrite the posting files of the words starting with `prefix` (two characters).

        Returns whether the files' prefixes changed (the vocabulary file lists them)."""
        before = self.shards.pop(prefix, {})
        for key in before:
            self._drop(f"{ROOT}terms/{file_key(key)}.js")
        words = _starting_with(vocabulary, prefix)
        if not words:
            return bool(before)
        entries = {w: self.entries[w] for w in words}
        shards = split_shards(entries)
        self.shards[prefix] = shards
        for key, members in shards.items():
            self._put(f"{ROOT}terms/{file_key(key)}.js", _script(f"terms/{key}", {w: entries[w] for w in members}))
        return list(shards) != list(before)

    def _write_words(self, initial: str, vocabulary: list[str]) -> None:
        words = _starting_with(vocabulary, initial)
        name = f"{ROOT}words/{file_key(initial)}.js"
        if not words:
            self._drop(name)
            return
        self._put(name, _script(f"words/{initial}", {
            "words": " ".join(words),
            "counts": "".join(_number(self.counts[w]) for w in words),
            "files": " ".join(key for prefix in sorted(self.shards) if prefix[0] == initial
                              for key in self.shards[prefix]),
        }))

    def _kept_pairs(self, docs: Sequence[Document]) -> list[str]:
        """`kept_pairs`, each document's found again only when it or the filler words changed (the dev server
        rebuilds the manifest after every save, and unchanged documents are the very same objects)."""
        filler = (self.words.filler, self.words.fields + self.words.describers + unknown_words(self.words))
        last = self.kept if self.kept is not None and self.kept[0] == filler else (filler, (), (), [])
        if len(last[1]) == len(docs) and all(a is b for a, b in zip(docs, last[1])):
            return last[3]  # the very same documents as last time
        plain = filler_words(filler[0])
        words = plain | filler_words(filler[1])
        known = {id(doc): kept for doc, kept in zip(last[1], last[2])}  # `last` keeps those documents alive
        pairs = tuple(kept if (kept := known.get(id(doc))) is not None else document_pairs(doc, words, plain)
                      for doc in docs)
        union = sorted(set().union(*pairs))
        self.kept = (filler, tuple(docs), pairs, union)
        return union

    def _manifest_words(self) -> dict[str, Any]:
        """The part of the manifest made from the search words and the states alone, made again only when they
        change (the dev server rebuilds the manifest after every save)."""
        if self.manifest_words is not None and self.manifest_words[0] == self.words \
                and self.manifest_words[1] == self.states:
            return self.manifest_words[2]
        common = set(self.words.filler) | set(self.words.pay) | set(self.words.fields)  # words that say little
        part = {
            "stopWords": " ".join(sorted(STOP_WORDS)),
            "filler": " ".join(w for w in self.words.filler if " " not in w),
            # a word of each filler phrase ('passion' of 'passion for'): a query with one loads the phrases
            # (phrases.js), which a query without any cannot hold
            "phraseWords": " ".join(sorted({_key_word(p.split(), common) for p in _filler_phrases(self.words)})),
            "pay": " ".join(self.words.pay),
            "fields": " ".join(w for w in self.words.fields if " " not in w),
            # words that say the rest is a subject studied ('accounting major'; `parse` and `run` in search.js)
            "study": " ".join(self.words.study),
            # phrases that ask for a field too ('working for the city', 'jobs at a hospital'; `parse` in search.js)
            "fieldPhrases": [w for w in self.words.fields if " " in w],
            # words for whoever asks ('creative people'): dropped after a word they describe (`parse` in search.js)
            "describers": " ".join(self.words.describers),
            # a word of each phrase of the asks part (`_asks`): a query with one loads them (asks.js)
            "askWords": " ".join(sorted({_rare_word(p.split(), common) for phrases in self._asks().values()
                                         for p in phrases})),
            # stop words that are also words people type for something ('IT'): kept when typed in capitals, or
            # in lower case as the first of two or three words (see `parse` in search.js)
            "keep": " ".join(sorted({w for s in self.words.synonyms for w in query_words_all(s.says)} & STOP_WORDS)),
            "kinds": {route.kind: route.search_label for route in ROUTES.values() if route.search_label},
            "help": [[label, ROUTES[kind].url()] for kind, label in HELP_PAGES if kind in ROUTES],
            # a state named in a query ('electrician pay in texas') chooses the state on the pages it opens
            "states": [list(state) for state in self.states],
            # a word of each phrase that asks for a kind of job ('ged' of 'ged jobs'): a query with one loads
            # the phrases (explorer.js), which a query without any cannot hold
            "explorerWords": " ".join(sorted({_key_word(phrase_words(s.says), common) for s in self.words.explorer})),
            "explorerUrl": ROUTES["occupations"].url(),
            # the tool that shows where a job can lead and jobs like it, and an occupation's address, whose code the
            # tool takes (`?job=`)
            "nextUrl": ROUTES["from-job"].url(),
            "jobUrl": ROUTES["occupation"].pattern,
            # phrases that set jobs side by side ('vs', 'difference between'), longest first, and the page
            # that compares them (`?jobs=<code>,<code>`)
            "compare": _longest_first(self.words.compare),
            "compareUrl": ROUTES["compare"].url(),
            # what the data has no figures on, and the phrases that ask about it ('work from home'), each topic once
            "unknown": _by_topic(self.words.unknown),
        }
        self.manifest_words = (self.words, self.states, part)
        return part

    def _asks(self) -> dict[str, list[str]]:
        """The phrases that say what a query asks (asks.js), each list longest first, as the browser reads a query:
        words and phrases after which what a query names is not wanted ('hate', 'dont like'), and before which it
        is not ('scares me'; `dislikedBefore` in search.js); phrases that ask where a job can lead ('what comes
        after'; 'wants to become' after the job) or for jobs like it ('jobs like') or away from it ('leaving',
        which search.js reads as similar phrases too)."""
        return {"dislike": sorted(self.words.dislike, key=lambda w: -len(w.split())),
                "dislikeAfter": sorted(self.words.dislike_after, key=lambda w: -len(w.split())),
                "next": _longest_first(self.words.next), "goal": _longest_first(self.words.goal),
                "similar": _longest_first(self.words.similar), "leaving": _longest_first(self.words.leaving)}

    def _explorer_phrases(self) -> list[list[Any]]:
        """The phrases that ask for a kind of job ('high paying'): [words, filter, value, the words for it, and for
        a filter of the facets (education, experience, training, outlook) 1 if 'or less' and the facet's values a
        job may have to fit], longest first, so that 'without a high school diploma' is read whole, not as 'high
        school diploma'."""
        if self.explorer_of is None or self.explorer_of[0] != self.words:
            self.explorer_of = (self.words, [[" ".join(phrase_words(s.says)), s.name, s.value, shortcut_text(s),
                                              *([int(s.or_less), " ".join(s.levels)] if s.levels else [])]
                                             for s in sorted(self.words.explorer,
                                                             key=lambda s: -len(phrase_words(s.says)))])
        return self.explorer_of[1]

    def _write_manifest(self, docs: Sequence[Document], clusters: tuple[tuple[str, str], ...]) -> None:
        # a filler word beside a word it names a job with ('career counselor', 'job coach') is kept: the pairs,
        # loaded only for a query with a filler word beside another (`namedPairs` in search.js)
        self._put(f"{ROOT}pairs.js", _script("pairs", self._kept_pairs(docs)))
        # the phrases that ask for a kind of job, and the filler phrases, each loaded only for a query with one of
        # their key words
        self._put(f"{ROOT}explorer.js", _script("explorer", self._explorer_phrases()))
        self._put(f"{ROOT}phrases.js", _script("phrases", _filler_phrases(self.words)))
        self._put(f"{ROOT}asks.js", _script("asks", self._asks()))
        name = f"{ROOT}manifest.js"
        ids = {doc.url: n for n, doc in enumerate(docs)}
        self._drop(name)
        self._put(name, _script("manifest", {
            **self._manifest_words(),
            "format": FORMAT,
            # names the other files' versions (`load` in search.js), so a browser fetches those that changed
            "build": f"{self.build_id:064x}"[:16],
            "documents": len(docs),
            "clusters": [list(c) for c in clusters],
            "interests": [i for i in INTERESTS if any(i in d.interests for d in docs)],
            # the pages about a field of work, as [first, last + 1] runs of document numbers, and the kind of each
            # in that order, as one digit each of the kinds listed: a query with a field word ('railroad careers')
            # puts the one that matches best first, and one that names a kind ('health science cluster') the best
            # of that kind
            "fieldPages": _number_runs(i for i, d in enumerate(docs) if ROUTES[d.kind].field),
            "fieldKinds": FIELD_KINDS,
            "fieldKind": "".join(str(FIELD_KINDS.index(d.kind)) for d in docs if ROUTES[d.kind].field),
            "jobPages": _number_runs(i for i, d in enumerate(docs) if d.kind == "occupation"),
            # the pages that help choose (`HELP_PAGES` but the jobs explorer, which such a query offers already),
            # by document number: a query of nothing but filler ('what now', 'what job should i do') leads with them
            "helpDocs": [ids[url] for url in (ROUTES[kind].url() for kind, _ in HELP_PAGES
                                              if kind in ROUTES and kind != "occupations") if url in ids],
            "words": _initials(self.vocabulary if self.vocabulary is not None else sorted(self.counts)),
        }))


def _key_word(words: list[str], common: set[str]) -> str:
    """The word of a phrase (as `phrase_words` gives it) that a query holding the phrase must hold, picked to be
    rare in queries: the first that is no stop word nor one of `common` (filler, pay and field words: 'ged' of
    'ged jobs'), else the first that is no stop word ('degree' of 'no degree'), else the first."""
    return next((w for w in words if w not in STOP_WORDS and w not in common), None) or \
        next((w for w in words if w not in STOP_WORDS), words[0])


def _rare_word(words: list[str], common: set[str]) -> str:
    """The word of a phrase that a query holding the phrase must hold, picked to be rare in queries: no stop word
    nor one of `common` if it can, else the longest, else the last ('hard' of 'is hard', 'not' of 'and not')."""
    return max(reversed(words), key=lambda w: (w not in STOP_WORDS, w not in common, len(w)))


def _filler_phrases(words: SearchWords) -> list[str]:
    """The filler phrases, the longest first, where they overlap: 'getting out of the army', not 'out of'."""
    return sorted((w for w in words.filler if " " in w), key=lambda w: -len(w.split()))


def _longest_first(phrases: Iterable[str]) -> list[str]:
    """Phrases as the browser reads a query (`phrase_words`), longest first, so the longest is read where two
    overlap."""
    return sorted((" ".join(phrase_words(p)) for p in phrases), key=lambda p: (-len(p.split()), p))


FIELD_KINDS = [kind for kind, route in ROUTES.items() if route.field]
"""The kinds of page about a field of work (a cluster, pathway or sub-cluster), in the routing table's order;
the manifest names each field page's kind by its place here, in one digit."""


def _number_runs(numbers: Iterable[int]) -> list[list[int]]:
    """Ascending numbers as [first, last + 1] runs: 0 1 2 7 8 -> [[0, 3], [7, 9]]."""
    found: list[list[int]] = []
    for n in numbers:
        if found and found[-1][1] == n:
            found[-1][1] = n + 1
        else:
            found.append([n, n + 1])
    return found


_NOT_WORD_RE = re.compile(r"\W+")


def kept_pairs(docs: Sequence[Document], filler: Sequence[str], others: Sequence[str] = ()) -> list[str]:
    """The pairs of words, one of them a filler word (or one of `others`: field words, describers and
    `unknown_words`), that stand side by side in a page's title, in a job title people commonly use for it
    ('Career Counselors', 'Job Coach', 'Union Rep') or in a synonym of its names ('career test' in
    data/search-words.yml), as 'stem stem' (`stem`). A query with such a pair keeps its filler word (`parse` in
    search.js): 'career counselor' is a job, not 'counselor', and 'union rep' asks for a job, not about unions.
    Two filler words side by side name nothing ('Jobs that use your skills': 'jobs that use writing' asks for
    writing), though a filler word beside a field word may ('career clusters')."""
    plain = filler_words(filler)
    words = plain | filler_words(others)
    return sorted(set().union(*(document_pairs(doc, words, plain) for doc in docs)))


def unknown_words(words: SearchWords) -> tuple[str, ...]:
    """The unknown phrases of one word ('union'): such a word may name a job with the word beside it."""
    return tuple(found[0] for says, _ in words.unknown if len(found := phrase_words(says)) == 1)


def filler_words(filler: Sequence[str]) -> frozenset[str]:
    """The single filler words, folded, that `document_pairs` looks for."""
    return frozenset(fold(w) for w in filler if " " not in w)


def document_pairs(doc: Document, words: frozenset[str], plain: frozenset[str]) -> frozenset[str]:
    """The pairs of `kept_pairs` in one document: of `words`, and not both of the filler words, `plain`."""
    names = [doc.title, *(name for name, level, _, _ in doc.names if level)]
    if words.isdisjoint(_NOT_WORD_RE.split(fold(" ".join(names)))):  # a quick look first
        return frozenset()
    found = set()
    for name in names:
        named = query_words(name)
        for first, second in zip(named, named[1:]):
            if (first in words or second in words) and not (first in plain and second in plain):
                found.add(f"{stem(first)} {stem(second)}")
    return frozenset(found)


BELOW_DEGREES = {slug for slug, rank in EDUCATION_RANK.items() if rank < EDUCATION_RANK["associate"]}
"""The levels of education to start below any college degree, as the jobs explorer names them."""
SORT_WORDS = {"pay": "best paid first", "growth": "fastest growing first", "openings": "most openings first"}


def shortcut_text(shortcut: Shortcut) -> str:
    """What an explorer phrase's filter shows, in words that fit 'Jobs ...' (joined by `explorerLink` in search.js)."""
    if shortcut.name == "education" and shortcut.or_less:
        if set(shortcut.levels) == BELOW_DEGREES:
            return "that need no college degree to start"
        return f"that need {EDUCATION_WORDS[shortcut.value]} or less to start"
    if shortcut.name == "education":
        return f"that need {EDUCATION_WORDS[shortcut.value]} to start"
    if shortcut.name == "experience":
        return f"that need {EXPERIENCE_WORDS[shortcut.value]}"
    if shortcut.name == "training":
        return TRAINING_WORDS[shortcut.value]
    if shortcut.name == "sort":
        return SORT_WORDS[shortcut.value]
    if shortcut.name == "min_pay":
        return f"with a median pay of at least ${int(shortcut.value):,} a year"
    return "with a bright outlook"


def _by_topic(phrases: Iterable[tuple[str, str]]) -> dict[str, list[str]]:
    """Phrases about what the data has no figures on, grouped by it: {topic: [phrase, ...]}, each topic's phrases
    the longest first, else in the file's order (the manifest, canonical JSON, sorts the topics). The browser reads
    them in that order, and a word read as part of one is not read again: 'felony record' must come before 'felony',
    or 'record' is searched for. A topic is written once, not per phrase."""
    found: dict[str, list[str]] = {}
    for says, topic in phrases:
        found.setdefault(topic, []).append(" ".join(phrase_words(says)))
    return {topic: sorted(said, key=lambda phrase: -len(phrase.split())) for topic, said in found.items()}


def phrase_words(text: str) -> list[str]:
    """Every word of a phrase as the browser reads a query (`parse` in search.js): folded, compounds joined,
    stop words and single letters kept, so that 'no degree' and 'without a degree' stay what they are."""
    return [_JOINERS_RE.sub("", word) for word in _raw_words(text)]


def _replace(postings: dict[str, array], n: int, old: dict[str, int], new: dict[str, int],
             changed: set[str], counted: set[str]) -> None:
    """Set document n's value in each word's packed postings from `old` to `new`.

    Adds to `changed` every word whose postings changed, and to `counted` those
    that gained or lost the document.
    """
    for word in old.keys() | new.keys():
        before, after = old.get(word), new.get(word)
        if before == after:
            continue
        changed.add(word)
        if before is None or after is None:
            counted.add(word)
        found = postings.setdefault(word, array("q"))
        at = bisect.bisect_left(found, n << 6)
        present = at < len(found) and found[at] >> 6 == n
        if after is None:
            if present:
                del found[at]
            if not found:
                del postings[word]
        elif present:
            found[at] = n << 6 | after
        else:
            found.insert(at, n << 6 | after)


def _initials(words: list[str]) -> list[str]:
    """The first characters of sorted `words`, each once: one binary search a character, not a look at every
    word."""
    found: list[str] = []
    at = 0
    while at < len(words):
        found.append(words[at][0])
        at = bisect.bisect_left(words, chr(ord(found[-1]) + 1), at)
    return found


def _starting_with(words: list[str], prefix: str) -> list[str]:
    """The words of sorted `words` that start with `prefix`."""
    after = prefix[:-1] + chr(ord(prefix[-1]) + 1)
    return words[bisect.bisect_left(words, prefix):bisect.bisect_left(words, after)]



def _posting_entry(postings: Iterable[int], titles: Iterable[int] | None) -> str | list[str]:
    encoded = encode_postings(postings)
    return [encoded, encode_postings(titles)] if titles else encoded


def _entry_size(word: str, entry: str | list[str]) -> int:
    return len(word) + 4 + (len(entry) if isinstance(entry, str) else len(entry[0]) + len(entry[1]) + 5)


def split_shards(entries: dict[str, str | list[str]]) -> dict[str, list[str]]:
    """Words grouped into posting files by prefix: two characters, longer where a file would be too big.

    Returns {prefix: words}. A word belongs to the longest prefix in the result
    that it starts with, which is how the browser finds its file.
    """
    groups: dict[str, list[str]] = defaultdict(list)
    for word in sorted(entries):
        groups[word[:2]].append(word)
    shards: dict[str, list[str]] = {}
    pending = sorted(groups.items())
    while pending:
        key, words = pending.pop()
        size = sum(_entry_size(w, entries[w]) for w in words)
        longer = [w for w in words if len(w) > len(key)]
        if size <= SHARD_BYTES or len(longer) < 2:
            shards[key] = words
            continue
        stay = [w for w in words if len(w) == len(key)]
        if stay:
            shards[key] = stay
        split: dict[str, list[str]] = defaultdict(list)
        for word in longer:
            split[word[:len(key) + 1]].append(word)
        pending.extend(sorted(split.items()))
    return dict(sorted(shards.items()))


def _links(document: Document, ids: Mapping[str, int]
           ) -> tuple[tuple[int, ...], ...]:
    """The ids of the pages a record lists: an occupation's next steps, related occupations (all, and those
    outside its line of work), later steps, jobs like it with less schooling, and a pathway's jobs."""
    return tuple(tuple(ids[url] for url in urls if url in ids)
                 for urls in (document.after, document.like, document.jobs, document.away, document.later,
                              document.shorter))


def _fragment(doc_id: int, document: Document, after: Sequence[int] = (), like: Sequence[int] = (),
              jobs: Sequence[int] = (), away: Sequence[int] = (), later: Sequence[int] = (),
              shorter: Sequence[int] = ()) -> bytes:
    data = {
        "title": document.title,
        "url": document.url,
        "kind": document.kind,
        "clusters": list(document.clusters),
        "text": [p for p in document.passages if p],
    }
    if document.also:
        data["also"] = list(document.also)
    if document.tools:
        data["tools"] = list(document.tools)
    if document.pay:
        data["pay"] = document.pay
    if jobs:
        data["jobs"] = list(jobs)
    if after:
        data["after"] = list(after)
    if like:
        data["like"] = list(like)
    if away:
        data["away"] = list(away)
    if later:
        data["later"] = list(later)
    if shorter:
        data["shorter"] = list(shorter)
    return _script(f"docs/{doc_id}", data)


def _facets(clusters: Sequence[tuple[str, str]], docs: Sequence[Document]) -> dict[str, dict[str, str]]:
    """For each cluster (by slug), interest area, level of education and of work experience to start, kind of
    on-the-job training, and for a bright outlook, its documents, encoded like postings without values. The
    results page filters by the first three; a query with an explorer phrase puts the jobs that fit it first
    (`reorder` in search.js)."""
    by_cluster: dict[str, list[int]] = defaultdict(list)
    by_interest: dict[str, list[int]] = defaultdict(list)
    by_education: dict[str, list[int]] = defaultdict(list)
    by_experience: dict[str, list[int]] = defaultdict(list)
    by_training: dict[str, list[int]] = defaultdict(list)
    by_outlook: dict[str, list[int]] = defaultdict(list)
    for doc_id, document in enumerate(docs):
        for n in document.clusters:
            by_cluster[clusters[n][0]].append(doc_id)
        for interest in document.interests:
            by_interest[interest].append(doc_id)
        if document.education:
            by_education[document.education].append(doc_id)
        if document.experience:
            by_experience[document.experience].append(doc_id)
        if document.training:
            by_training[document.training].append(doc_id)
        if document.bright:
            by_outlook["bright"].append(doc_id)
    return {name: {k: _encode_ids(v) for k, v in found.items()}
            for name, found in (("clusters", by_cluster), ("interests", by_interest), ("education", by_education),
                                ("experience", by_experience), ("training", by_training), ("outlook", by_outlook))}


def _facet_key(doc: Document) -> tuple:
    """What `_facets` reads of a document."""
    return doc.clusters, doc.interests, doc.education, doc.experience, doc.training, doc.bright


def _sorts(docs: Sequence[Document]) -> dict[str, dict[str, str]]:
    """For each way the jobs explorer sorts (`SORTS`), the jobs with that figure of their own ('ids') and each
    one's figure ('values', as `SORTS` encodes it), for a query that asks for the best paid, the fastest growing
    or the most openings ('highest paying nurse jobs', `reorder` in search.js)."""
    found = {}
    for name, (figure, encode) in SORTS.items():
        known = [(doc_id, figure(d)) for doc_id, d in enumerate(docs) if figure(d) is not None]
        found[name] = {"ids": _encode_ids(doc_id for doc_id, _ in known),
                       "values": "".join(encode_number(encode(value)) for _, value in known)}
    return found


def _sort_key(doc: Document) -> tuple:
    """What `_sorts` reads of a document."""
    return doc.median, doc.growth, doc.openings


SORTS = {
    "pay": (lambda d: d.median, lambda dollars: dollars),
    "growth": (lambda d: d.growth, lambda percent: round(percent * 10) + 1000),  # tenths of a percent, from -100%
    "openings": (lambda d: d.openings, lambda count: count),
}
"""The jobs explorer's sorts that `_sorts` writes: each document's figure, and that figure as a whole number
for `encode_number` (search.js undoes the growth's offset; only the order matters to it)."""


def _encode_ids(ids: Iterable[int]) -> str:
    out, last = [], 0
    for n in ids:
        out.append(encode_number(n - last))
        last = n
    return "".join(out)
