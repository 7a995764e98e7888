"""Unit tests of the readability measure behind the build's plain-words warnings."""

from __future__ import annotations

import pytest

from engine.readability import reading, sentences, syllables


def test_sentences_end_at_stops_but_not_at_abbreviations():
    found = sentences("Dr. Lee works in the U.S. Army. She fixes radios, e.g. old ones. Pay is approx. "
                      "$40,000! Is it enough? Yes.")
    assert [s.text for s in found] == ["Dr. Lee works in the U.S. Army.", "She fixes radios, e.g. old ones.",
                                       "Pay is approx. $40,000!", "Is it enough?", "Yes."]
    assert [s.words for s in found] == [8, 7, 4, 3, 1]  # "U.S." and "e.g." are two words each


def test_an_abbreviation_is_a_whole_word():
    # 'Inst.' and 'Ho.' are not 'St.' and 'No.': the sentence ends there.
    assert [s.text for s in sentences("He went to the Inst. Then he left.")] == ["He went to the Inst.",
                                                                                 "Then he left."]
    assert len(sentences("It was a big Ho. Then it was not.")) == 2
    # 'No.' shortens 'number' only before a figure; the word 'no' ends a sentence, in quotes or not.
    assert len(sentences("Fill in form No. 5 first. Then wait.")) == 2
    assert [s.text for s in sentences('They bounce back from hearing "no." Then they call again.')] == \
        ['They bounce back from hearing "no."', "Then they call again."]
    assert len(sentences("The answer was No. Then it was yes.")) == 2


def test_each_sentence_has_the_line_it_starts_on():
    body = "First line of a paragraph\nthat goes on. Second sentence\nstarts on line one.\n\n## Heading\n\n" \
           "- A list item. Another.\n\n```\nCode. Not counted.\n```\nLast."
    found = sentences(body, first_line=10)
    assert [(s.text.split()[0], s.line) for s in found] == [("First", 10), ("Second", 11), ("A", 16),
                                                             ("Another.", 16), ("Last.", 21)]


@pytest.mark.parametrize("word, count", [("make", 1), ("table", 2), ("worked", 1), ("planned", 1),
                                         ("classes", 2), ("hires", 1), ("nurse", 1), ("electrician", 4),
                                         ("1986", 4), ("it's", 1), ("a", 1)])
def test_syllables(word: str, count: int):
    assert syllables(word) == count


def test_the_grade_follows_the_flesch_kincaid_formula():
    text = "The cat sat on the mat. It was a warm day."
    result = reading(text)
    words, count, syllable_total = 11, 2, 11
    assert result.words == words
    assert result.grade == pytest.approx(0.39 * words / count + 11.8 * syllable_total / words - 15.59)
    assert reading("").grade == 0.0
