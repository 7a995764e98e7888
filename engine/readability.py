"""Readability: how hard a text is to read, by the Flesch-Kincaid grade level.

The site's readers start at 14, so the build warns when a body reads above
grade 10 or a sentence runs past 35 words. The measure is the standard one:

    grade = 0.39 x (words per sentence) + 11.8 x (syllables per word) - 15.59

Syllables are counted by vowel groups with the usual English corrections (a
silent final "e", "-le", "-ed" after most consonants). It is an estimate, as
every readability formula is, but a steady one: the same text always gets the
same grade, so editors can see a rewrite move it.
"""

from __future__ import annotations

import bisect
import functools
import re
from dataclasses import dataclass
from statistics import median
from typing import Iterable, Sequence

_WORD = re.compile(r"[A-Za-z\u00c0-\u024f]+(?:['\u2019][A-Za-z]+)*|\d[\d,.]*%?")
_SENTENCE_END = re.compile(r"(?<=[.!?])([\"'\u201d\u2019)]*)\s+(?=[\"'\u201c\u2018(]*[A-Z0-9$])")
_ABBREVIATIONS = re.compile(r"\b(?:e\.g|i\.e|etc|vs|Dr|Mr|Mrs|Ms|St|U\.S|approx|Inc|Jr|Sr)\.$", re.I)
_NUMBER_SIGN = re.compile(r"\bNo\.$")
"""'No.' for 'number', which shortens it only before a figure ('No. 5'): elsewhere, as in 'they said "no."', the
word ends a sentence."""
_ABBREVIATION_SPAN = 8
"""At least the length of the longest abbreviation ('approx.'): the search needs look only at a sentence's end."""
_MARKUP = re.compile(r"\[([^\]]*)\]\([^)]*\)|`([^`]*)`|[*_]{1,3}")
_LIST_ITEM = re.compile(r"^\s*(?:[-*+]|\d+[.)])\s+")
_VOWELS = re.compile(r"[aeiouy]+")


@dataclass(frozen=True)
class Sentence:
    text: str
    line: int  # line of the body where the sentence starts, counted from the body's first line
    words: int
    syllables: int


@dataclass(frozen=True)
class Reading:
    """The readability figures of one text."""

    sentences: tuple[Sentence, ...]

    @property
    def words(self) -> int:
        return sum(s.words for s in self.sentences)

    @property
    def grade(self) -> float:
        """Flesch-Kincaid grade level; 0.0 for a text without words."""
        words = self.words
        if not words:
            return 0.0
        syllables = sum(s.syllables for s in self.sentences)
        return 0.39 * words / len(self.sentences) + 11.8 * syllables / words - 15.59

    def longer_than(self, limit: int) -> tuple[Sentence, ...]:
        return tuple(s for s in self.sentences if s.words > limit)


@functools.lru_cache(maxsize=1 << 15)  # a pure function of one word, and the same words come again and again
def syllables(word: str) -> int:
    """An estimate of the syllables in one English word (at least 1)."""
    word = word.lower().replace("\u2019", "'")
    if word[:1].isdigit():
        return max(1, len(re.sub(r"\D", "", word)))  # a figure is read aloud digit group by group
    word = word.split("'")[0] or word
    if len(word) <= 3:
        return 1
    count = len(_VOWELS.findall(word))
    if word.endswith("e") and not word.endswith(("le", "ee", "ie", "ye")) and count > 1:
        count -= 1  # silent final e: "make", "hire"
    elif word.endswith("le") and len(word) > 2 and word[-3] not in "aeiouy":
        pass  # "table", "able": the vowel group count already holds the extra syllable
    if word.endswith("ed") and len(word) > 3 and word[-3] not in "dt" and count > 1:
        count -= 1  # "worked", "planned"
    elif word.endswith("es") and len(word) > 3 and word[-3] not in "sxzhcg" and count > 1 \
            and word[-3] not in "aeiouy":
        count -= 1  # "makes", "hires" but not "classes", "changes"
    return max(1, count)


def sentences(body: str, first_line: int = 1) -> tuple[Sentence, ...]:
    """The sentences of a Markdown body, with the line each starts on.

    Headings, code blocks and tables are left out; each list item counts as one sentence at least.
    """
    found: list[Sentence] = []
    for text, lines in _prose_blocks(body, first_line):
        starts = [start for start, _ in lines]
        for part, at in _split(text):
            words = _WORD.findall(part)
            if words:
                line = lines[bisect.bisect_right(starts, at) - 1][1]
                found.append(Sentence(part, line, len(words), sum(map(syllables, words))))
    return tuple(found)


def reading(body: str, first_line: int = 1) -> Reading:
    """The readability of a Markdown body."""
    return Reading(sentences(body, first_line))


def reading_of_texts(texts: Iterable[str]) -> Reading:
    """The readability of short plain texts read one after another, each one sentence or more."""
    found: list[Sentence] = []
    for text in texts:
        found.extend(sentences(text))
    return Reading(tuple(found))


def median_grade(readings: Sequence[Reading]) -> float:
    return median(r.grade for r in readings) if readings else 0.0


def _prose_blocks(body: str, first_line: int) -> Iterable[tuple[str, list[tuple[int, int]]]]:
    """Paragraphs and list items as plain text, each with (character offset, line) for its lines."""
    block: list[tuple[str, int]] = []
    fenced = False

    def flush() -> Iterable[tuple[str, list[tuple[int, int]]]]:
        if block:
            text, lines, at = "", [], 0
            for part, line in block:
                plain = _plain(part)
                lines.append((at, line))
                text += plain + " "
                at += len(plain) + 1
            yield text.strip(), lines

    for offset, raw in enumerate(body.split("\n")):
        line = raw.strip()
        if line.startswith(("```", "~~~")):
            fenced = not fenced
            yield from flush()
            block = []
            continue
        if fenced or not line or line.startswith(("#", "|")):
            yield from flush()
            block = []
            continue
        if _LIST_ITEM.match(raw):
            yield from flush()
            block = [(_LIST_ITEM.sub("", raw).strip(), first_line + offset)]
            continue
        block.append((line.lstrip("> "), first_line + offset))
    yield from flush()


def _plain(text: str) -> str:
    return _MARKUP.sub(lambda m: m.group(1) or m.group(2) or "", text)


def _split(text: str) -> Iterable[tuple[str, int]]:
    """Sentences of one block, each with the character offset it starts at."""
    start = 0
    for match in [*_SENTENCE_END.finditer(text), None]:
        end = match.end(1) if match else len(text)  # with its closing quote or bracket
        sentence = text[start:end].strip()
        stop = text[start:match.start()].rstrip() if match else ""  # up to the full stop itself
        if match and (_ABBREVIATIONS.search(stop, max(0, len(stop) - _ABBREVIATION_SPAN)) or
                      (_NUMBER_SIGN.search(stop) and text[match.end():match.end() + 1].isdigit())):
            continue  # "e.g.", "U.S." or "No. 5" does not end a sentence
        if sentence:
            yield sentence, start
        if match:
            start = match.end()
