"""The words people type that the site does not use: synonyms, filler words, pay words and explorer phrases.

Read from `data/search-words.yml`, which editors extend by pull request:

    synonyms:               # what people type: [the words the site uses for it]
      doctor: [physician]
      cop: [police]
      vet tech: [veterinary technician, veterinary technologist]
    filler: [become, jobs, work with]   # words and phrases that carry no meaning in a search box
    pay: [earn, salary, wage]        # words that ask about pay; also filler
    fields: [careers, working for]   # words and phrases that ask for a field of work rather than one job; also filler
    study: [major, degree]           # words that say the rest is a subject studied; also filler
    describers: [people]             # words for whoever asks ('creative people'); dropped after what they describe
    dislike: [hate, dont like]       # words and phrases that say the words after them are not wanted
    dislike_after: [scares me]       # phrases that say the words before them are not wanted
    next: [what comes after, career path]   # phrases that ask where a job can lead
    goal: [wants to become]          # phrases that ask the same after the job one has ('cop who wants to become ...')
    similar: [jobs like, career change from]  # phrases that ask for jobs like one
    leaving: [leaving, ex]           # phrases that ask for jobs away from one's own line of work
    compare: [vs, or, difference between]  # phrases that set jobs side by side
    explorer:                        # phrases that ask for a kind of job: a filter of the jobs explorer
      high paying: sort=pay
      without a degree: education=some-college or less
    unknown:                         # phrases that ask about what the data has no figures on, and what that is
      work from home: working from home
    strengths:                       # O*NET's skills and knowledge areas: [the everyday words for each]
      Mathematics: [math, algebra]

A synonym is applied when the site is indexed: a page whose title, or one of the titles people use for the
job, contains one of the phrases on the right (word by word, in any word form: 'physician' also matches
'Physicians') is indexed under the words on the left as strongly as under its title. So 'doctor' finds every
physician, and 'vet tech' finds veterinary technicians, without the page saying either.

Filler and pay words are dropped from a query in the browser (unless nothing else is left), so "how do I
become an electrician" searches for 'electrician'; a pay word also takes occupation results to their pay.
A field word asks for a field of work: "railroad careers" searches for 'railroad' and puts the field's page
(the cluster, pathway or sub-cluster that matches best, when it matches about as well as the best pages)
before the jobs in it.

A study word says the rest of the query is a subject studied ("accounting major", "nursing degree",
"mechanical engineering student"): it is dropped like filler, and the jobs the subject prepares for come before
the pages about its field (the Accounting pathway comes after Accountants and Auditors).

A describer is a word for whoever asks, not for the work: "jobs for creative people" searches for 'creative'.
It is dropped when it follows a word of the query that means something (not filler), unless the two name
something together in a page's title, a title people use or a synonym ('old people'); elsewhere it is
searched for ("good with people", "people person"), and it may have synonyms of its own.

A dislike word or phrase ('hate', 'dont like') says that what follows is not wanted: "i hate math but love
art" searches for 'art', and "i dont like blood" for nothing, which lists every job. What follows is dropped
up to 'but' (or 'though', 'although', 'yet', 'however', 'instead'), or up to 'and' or 'or' before a filler
word ('and love art'), so "i hate blood and needles" drops both.

A dislike-after phrase ('makes me queasy', 'scares me', 'is not for me') says the same of the words before it:
"i want to help families but blood makes me queasy" searches for 'families' and puts the pages most
about blood last. The words before it are read back to 'but', 'and', a word of liking or another stop word
('i', 'is'), at most three of them, so "i like animals and needles scare me" drops 'needles' only; after 'dont' or
'never' none ("dead bodies dont creep me out").

A next phrase ('what comes after', 'career path') asks where the job the other words name can lead: the
header box then offers first the tool that shows it ('Where Nursing Assistants can go next'), and the phrase
is left out of the query; the results list that job, then the jobs of the steps after it on its ladders (search.js
`leadOn`). With no other words, the phrase is searched for as it is. A goal phrase ('wants to become', 'thinking
about') asks the same only after words that name a job: "patrol cop who wants to make detective" lists patrol
officers, then the steps after them, detectives first; elsewhere ("i want to become a nurse") it is filler. When
the words after it name a job, that job comes right after the one named before ("dental assistant to dental
hygienist"); a goal phrase of one word ('to', 'into', 'become') asks nothing unless they do ("nurse to patient
ratio").
A similar phrase ('jobs like', 'career change from') asks the same way for jobs like it ('Jobs like Teachers',
the same tool at its related jobs). A leaving phrase ('leaving', 'ex', 'burned out') does too, for someone who
wants out of that line of work: the related jobs outside it come first ("ex teacher" offers tutors before
middle school teachers; engine/search.py `elsewhere`).

A compare phrase sets jobs side by side. Between them ('nurse vs teacher', 'cna vs lpn vs rn') it splits
the query; after one that leads ('difference between', 'compare'), each 'and', 'with' or 'to' does. If each
of two or three parts names a job, those jobs lead the results and the header box offers the compare page
for them ('Compare Registered Nurses with Teachers'); otherwise the query is searched for whole.

An explorer phrase ('high paying', 'without a degree') asks for a kind of job rather than one. A query with
one offers, first, the jobs explorer (the A to Z list, `occupations/`) with that filter set, and the phrase
is left out of the query like filler; several phrases in one query set several filters. An education
filter may end 'or less' ('education=some-college or less'): jobs that need that level or a lower one, as
the explorer's 'or less' box shows them; it also ranks the jobs that fit first among those a query finds
('nurse jobs without a degree').

An unknown phrase ('work from home', 'night shift') asks about something the data has no figures on. A query
with one is searched for as it is, and the results say so first: "This site has no figures on working from
home, so these results match your words only." A phrase of one word ('union') beside a word it names a job
with, in a title people use ('Union Rep'), is not one (`search.unknown_words`).

The strengths give everyday words for O*NET's skills and knowledge areas ('Repairing: [fixing, repair]',
'Fine Arts: [art, drawing, music]'). Each occupation's search document holds the words of the few it needs most
and few other jobs need as much (`search.STRENGTHS_SHOWN`), so "good at math and like working alone" or "i love
fixing machines" find the jobs that use them most. A name must be one of O*NET's, as data/skill-descriptions.yml
lists them; a word that is filler or a pay, field or study word is never searched for, so it is reported too.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from .data import EDUCATION_RANK, EDUCATION_SLUGS, EXPERIENCE_SLUGS, TRAINING_SLUGS
from .problems import ContentError, Problem, suggest

STOP_WORDS = frozenset("""
a about after all also am an and any are as at be because been but by can could did do does for from had has
have he her his how i if in into is it its may me more most much must my no not of on one or our she should so
some such than that the their them then there these they this those through to too up us was we were what
when where which while who will with would you your
""".split())
"""Words search leaves out of the index and of a query, unless a synonym is made of one alone ('IT')."""

SECTIONS = ("synonyms", "filler", "pay", "fields", "study", "describers", "dislike", "dislike_after", "next", "goal",
            "similar", "leaving", "compare", "explorer", "unknown", "strengths")

EXPLORER_FILTERS: dict[str, tuple[str, ...]] = {
    "education": tuple(EDUCATION_SLUGS.values()),
    "experience": tuple(EXPERIENCE_SLUGS.values()),
    "training": tuple(TRAINING_SLUGS.values()),
    "min_pay": (),  # a yearly pay in whole dollars: `PAY_VALUE`
    "sort": ("pay", "growth", "openings"),
    "outlook": ("bright",),
}
"""The jobs explorer's filters a phrase can set, and their values, as its address names them
(`occupations/?education=high-school&sort=pay`; static/js/jobs.js reads the same names)."""
PAY_VALUE = re.compile(r"^[1-9][0-9]{3,6}$")
"""A value of the `min_pay` filter: the least median pay a year, in whole dollars, such as 100000."""
_WORD = re.compile(r"^[^\W_]+$")
_EXAMPLES = {"next": ("what comes after", "career path"), "goal": ("wants to become", "thinking about"),
             "similar": ("jobs like", "career change from"), "leaving": ("leaving", "ex"),
             "compare": ("vs", "difference between"), "dislike": ("hate", "dont like"),
             "dislike_after": ("scares me", "is not for me"),
             "fields": ("working for", "careers"), "study": ("major", "degree")}
"""Phrases an error shows as examples of a section of phrases."""


@dataclass(frozen=True)
class Synonym:
    says: str                      # what people type, as written in the file
    means: tuple[str, ...]         # the phrases the site uses for it


@dataclass(frozen=True)
class Shortcut:
    """A phrase that asks for a kind of job, and the jobs explorer's filter it sets."""

    says: str                      # the phrase, as written in the file
    name: str                      # a key of `EXPLORER_FILTERS`
    value: str
    or_less: bool = False          # education only: that level or a lower one (`occupations/?or_less=yes`)

    @property
    def levels(self) -> tuple[str, ...]:
        """The values a job may have to fit the filter, for those of them that the search index's facets list
        (education, experience, training, outlook); none for the others. For education, in BLS's order: the level
        itself, and with `or_less` every level ranked no higher (`EDUCATION_RANK`)."""
        if self.name not in ("education", "experience", "training", "outlook"):
            return ()
        if not self.or_less:
            return (self.value,)
        return tuple(slug for slug in EDUCATION_SLUGS.values() if EDUCATION_RANK[slug] <= EDUCATION_RANK[self.value])


@dataclass(frozen=True)
class SearchWords:
    synonyms: tuple[Synonym, ...] = ()
    filler: tuple[str, ...] = ()   # words, and phrases ('work with') dropped only as a whole
    pay: tuple[str, ...] = ()
    explorer: tuple[Shortcut, ...] = ()
    fields: tuple[str, ...] = ()   # words that ask for a field of work ('careers', 'industry')
    next: tuple[str, ...] = ()     # phrases that ask where a job can lead ('what comes after', 'career path')
    similar: tuple[str, ...] = ()  # phrases that ask for jobs like one ('jobs like', 'career change from')
    compare: tuple[str, ...] = ()  # phrases that set jobs side by side ('vs', 'difference between')
    describers: tuple[str, ...] = ()  # words for whoever asks ('people'), dropped after a word they describe
    dislike: tuple[str, ...] = ()  # words and phrases after which what a query names is not wanted ('hate')
    dislike_after: tuple[str, ...] = ()  # phrases before which what a query names is not wanted ('scares me')
    unknown: tuple[tuple[str, str], ...] = ()  # phrases about what the data has no figures on, and what that is
    goal: tuple[str, ...] = ()     # phrases that ask where a job leads after it ('cop who wants to become ...')
    study: tuple[str, ...] = ()    # words that say the rest is a subject studied ('major', 'degree'); in `filler` too
    strengths: tuple[tuple[str, tuple[str, ...]], ...] = ()  # an O*NET skill or knowledge area, and words for it
    leaving: tuple[str, ...] = ()  # phrases that ask for jobs away from one's line of work ('leaving', 'ex')


def load_search_words(path: Path, shown: str, elements: frozenset[str] | None = None) -> SearchWords:
    """The file's synonyms and words; none if it is missing. Raises ContentError naming every problem.
    `elements`: the names of O*NET's skills and knowledge areas, which the strengths must use (unchecked if None)."""
    from .load import parse_yaml_file  # this module does not otherwise depend on the content loader
    if not path.exists():
        return SearchWords()
    data, line_of, problems = parse_yaml_file(path.read_text(encoding="utf-8"), shown)
    if problems:
        raise ContentError(problems)
    if data is None:
        return SearchWords()
    if not isinstance(data, dict):
        raise ContentError([Problem(shown, 1, "the file must have the sections 'synonyms:', 'filler:' and 'pay:' "
                                              "(and may have 'explorer:')")])
    for key in data:
        if key not in SECTIONS:
            problems.append(Problem(shown, line_of(key), f"unknown section '{key}'{suggest(str(key), SECTIONS)}"))
    synonyms = _synonyms(data.get("synonyms"), shown, line_of, problems)
    filler = _words(data, "filler", shown, line_of, problems)
    pay = _words(data, "pay", shown, line_of, problems)
    fields = _words(data, "fields", shown, line_of, problems)
    study = _words(data, "study", shown, line_of, problems)
    describers = _words(data, "describers", shown, line_of, problems)
    dislike = _words(data, "dislike", shown, line_of, problems)
    dislike_after = _words(data, "dislike_after", shown, line_of, problems)
    next_phrases = _words(data, "next", shown, line_of, problems)
    goal = _words(data, "goal", shown, line_of, problems)
    similar = _words(data, "similar", shown, line_of, problems)
    leaving = _words(data, "leaving", shown, line_of, problems)
    compare = _words(data, "compare", shown, line_of, problems)
    explorer = _shortcuts(data, shown, line_of, problems)
    unknown = _unknown(data, shown, line_of, problems)
    strengths = _strengths(data, elements, shown, line_of, problems)
    dropped = {"filler": filler, "pay": pay, "fields": fields, "study": study}  # words never searched for
    for name, words in strengths:
        for word in words:
            section = next((section for section, listed in dropped.items() if word in listed), None)
            if section is not None:
                problems.append(Problem(shown, line_of("strengths", name), f"'{word}' for '{name}' is a {section} "
                                        f"word, which is never searched for; take it out of one of them"))
    says = {s.says.casefold() for s in synonyms}
    for section, words in (("filler", filler), ("pay", pay), ("fields", fields), ("study", study),
                           ("dislike", dislike), ("dislike_after", dislike_after)):
        for n, word in enumerate(words):
            if word in says:
                problems.append(Problem(shown, line_of(section, n), f"'{word}' is both a synonym and a {section} "
                                        f"word; a {section} word is dropped from queries, so keep it in one place"))
    for n, word in enumerate(dislike):
        if word in filler:
            problems.append(Problem(shown, line_of("dislike", n), f"'{word}' is both a dislike and a filler word; "
                                    f"a filler word is only dropped, a dislike word drops what follows too, so keep "
                                    f"it in one place"))
    for n, phrase in enumerate(dislike_after):
        if phrase in filler or phrase in dislike:
            problems.append(Problem(shown, line_of("dislike_after", n), f"'{phrase}' is also a "
                                    f"{'filler' if phrase in filler else 'dislike'} phrase; a dislike_after phrase "
                                    f"drops the words before it, so keep it in one place"))
    for n, phrase in enumerate(goal):  # a filler phrase may be one too: filler where it follows no job
        if phrase in next_phrases:
            problems.append(Problem(shown, line_of("goal", n), f"'{phrase}' is also a next phrase; a goal phrase "
                                    f"asks where the job named before it can lead, so keep it in one place"))
    for n, phrase in enumerate(leaving):
        if phrase in similar or phrase in next_phrases:
            problems.append(Problem(shown, line_of("leaving", n), f"'{phrase}' is also a "
                                    f"{'similar' if phrase in similar else 'next'} phrase; a leaving phrase asks "
                                    f"for jobs like one outside its line of work, so keep it in one place"))
    for n, word in enumerate(describers):
        section = next((name for name, words in dropped.items() if word in words), None)
        if section is not None:
            problems.append(Problem(shown, line_of("describers", n), f"'{word}' is both a describer and a {section} "
                                    f"word; a {section} word is always dropped, a describer only after a word it "
                                    f"describes, so keep it in one place"))
    if problems:
        raise ContentError(problems)
    filler += tuple(w for w in study if w not in filler)  # dropped like filler, pairs ('student affairs') kept
    return SearchWords(synonyms, filler, tuple(w for w in pay if w not in filler), explorer,
                       tuple(w for w in fields if w not in filler and w not in pay), next_phrases,
                       tuple(w for w in similar if w not in next_phrases), compare, describers, unknown=unknown,
                       leaving=leaving,
                       dislike=dislike, dislike_after=dislike_after, goal=goal, study=study, strengths=strengths)


def _phrase_lines(data: dict, section: str, example: str, shown: str, line_of,
                  problems: list[Problem]) -> list[tuple[int, str, object]]:
    """A section of lines 'phrase: value' as (line, the phrase with single spaces, the value), reporting a
    section that is not such lines and each phrase that is not the words people type."""
    lines = data.get(section)
    if lines is None:
        return []
    if not isinstance(lines, dict):
        problems.append(Problem(shown, line_of(section), f"'{section}' must list lines such as {example}"))
        return []
    found = []
    for says, value in lines.items():
        line = line_of(section, says)
        words = says.split() if isinstance(says, str) else []
        if not words or not all(_WORD.match(w.replace("'", "").replace("-", "")) for w in words):
            problems.append(Problem(shown, line, f"'{says}' must be the words people type, without punctuation, "
                                                 f"such as {example}"))
        else:
            found.append((line, " ".join(words), value))
    return found


def _shortcuts(data: dict, shown: str, line_of, problems: list[Problem]) -> tuple[Shortcut, ...]:
    example = "'high paying: sort=pay'"
    found: list[Shortcut] = []
    for line, says, sets in _phrase_lines(data, "explorer", example, shown, line_of, problems):
        name, equals, value = sets.partition("=") if isinstance(sets, str) else ("", "", "")
        name, value = name.strip(), value.strip()
        value, less, _ = value.partition(" or less") if value.endswith(" or less") else (value, "", "")
        value = value.strip()
        if not equals or name not in EXPLORER_FILTERS:
            problems.append(Problem(shown, line, f"'{says}' must be followed by one of the explorer's filters "
                                                 f"({', '.join(n + '=' for n in EXPLORER_FILTERS)}), such as "
                                                 f"{example}{suggest(name, tuple(EXPLORER_FILTERS)) if name else ''}"))
            continue
        valid = PAY_VALUE.match(value) if name == "min_pay" else value in EXPLORER_FILTERS[name]
        if not valid:
            takes = ("a yearly pay in whole dollars, such as min_pay=100000" if name == "min_pay" else
                     ", ".join(EXPLORER_FILTERS[name]))
            problems.append(Problem(shown, line, f"'{name}={value}' is not a value of the explorer's '{name}' "
                                                 f"filter{suggest(value, EXPLORER_FILTERS[name])}; it takes {takes}"))
            continue
        if less and name != "education":
            problems.append(Problem(shown, line, f"'{name}={value} or less': only the 'education' filter takes "
                                                 f"'or less', as in 'no degree: education=some-college or less'"))
            continue
        found.append(Shortcut(says, name, value, bool(less)))
    return tuple(found)


def _unknown(data: dict, shown: str, line_of, problems: list[Problem]) -> tuple[tuple[str, str], ...]:
    example = "'work from home: working from home'"
    found: list[tuple[str, str]] = []
    for line, says, topic in _phrase_lines(data, "unknown", example, shown, line_of, problems):
        if not isinstance(topic, str) or not topic.strip():
            problems.append(Problem(shown, line, f"'{says}' must be followed by what the data has no figures on, "
                                                 f"as the results will name it, such as {example}"))
        else:
            found.append((says, " ".join(topic.split())))
    return tuple(found)


def _strengths(data: dict, elements: frozenset[str] | None, shown: str, line_of,
               problems: list[Problem]) -> tuple[tuple[str, tuple[str, ...]], ...]:
    section = _mapping(data.get("strengths"), "strengths", "Mathematics: [math, algebra]", shown, line_of, problems)
    found: list[tuple[str, tuple[str, ...]]] = []
    for name, words in section.items():
        line = line_of("strengths", name)
        if elements is not None and name not in elements:
            problems.append(Problem(shown, line, f"'{name}' is not one of O*NET's skills or knowledge areas"
                                                 f"{suggest(str(name), sorted(elements))}; they are listed in "
                                                 f"data/skill-descriptions.yml"))
            continue
        if isinstance(words, str):
            words = [words]
        if not isinstance(words, list) or not words or not all(isinstance(w, str) and w.split() and
                                                                 all(_WORD.match(p) for p in w.split()) for w in words):
            problems.append(Problem(shown, line, f"'{name}' must be followed by the words people use for it, "
                                                 f"without punctuation, such as 'Repairing: [fixing, repair]'"))
            continue
        found.append((name, tuple(dict.fromkeys(" ".join(w.split()).casefold() for w in words))))
    return tuple(found)


def _mapping(section: object, name: str, example: str, shown: str, line_of, problems: list[Problem]) -> dict:
    """A section of lines 'key: value' as a dict: empty if it is missing, or (reported) if it is something else."""
    if section is None:
        return {}
    if not isinstance(section, dict):
        problems.append(Problem(shown, line_of(name), f"'{name}' must list lines such as '{example}'"))
        return {}
    return section


def _synonyms(section: object, shown: str, line_of, problems: list[Problem]) -> tuple[Synonym, ...]:
    section = _mapping(section, "synonyms", "doctor: [physician]", shown, line_of, problems)
    found: list[Synonym] = []
    for says, means in section.items():
        line = line_of("synonyms", says)
        if not isinstance(says, str) or not says.strip():
            problems.append(Problem(shown, line, "a synonym must start with the word or words people type"))
            continue
        if isinstance(means, str):
            means = [means]
        if not isinstance(means, list) or not means or not all(isinstance(m, str) and m.strip() for m in means):
            problems.append(Problem(shown, line, f"'{says}' must be followed by the site's words for it, such as "
                                                 f"'{says}: [physician, surgeon]'"))
            continue
        stops = [w for w in says.casefold().split() if w in STOP_WORDS]
        if stops and len(says.split()) > 1:
            problems.append(Problem(shown, line, f"'{says}' holds {' and '.join(repr(w) for w in stops)}, which "
                                                 f"search leaves out of a query; write the synonym without "
                                                 f"{'it' if len(stops) == 1 else 'them'}"))
            continue
        cleaned = tuple(" ".join(m.split()) for m in means)
        if " ".join(says.split()).casefold() in (m.casefold() for m in cleaned):
            problems.append(Problem(shown, line, f"'{says}' lists itself; name the words the site uses instead"))
            continue
        found.append(Synonym(" ".join(says.split()), cleaned))
    return tuple(found)


def _words(data: dict, section: str, shown: str, line_of, problems: list[Problem]) -> tuple[str, ...]:
    words = data.get(section)
    if words is None:
        return ()
    if not isinstance(words, list):
        example = ", ".join(_EXAMPLES.get(section, ("become", "career")))
        problems.append(Problem(shown, line_of(section), f"'{section}' must be a list of words, such as [{example}]"))
        return ()
    out: list[str] = []
    for n, word in enumerate(words):
        words = word.split() if isinstance(word, str) else []
        single = section in ("pay", "describers", "study")
        if not words or not all(_WORD.match(w) for w in words) or single and len(words) > 1:
            kind = "one word" if single else f"a word or a phrase ('{_EXAMPLES.get(section, ('work with',))[0]}')"
            problems.append(Problem(shown, line_of(section, n), f"'{word}' in '{section}' must be {kind}, "
                                                                f"without punctuation"))
        elif " ".join(words).casefold() not in out:
            out.append(" ".join(words).casefold())
    return tuple(out)
