"""Sentence ranges of a paragraph: found by walking SoMaJo's tokens through the text, or — where SoMaJo changed
characters — by its own alignment; both give the ranges SoMaJo's character offsets give."""

from __future__ import annotations

import unicodedata

import pytest

from accesspub.language.sentences import _tokenizer, split


def by_somajo_offsets(text: str, lang: str) -> list[tuple[int, int]]:
    starts = [s[0].character_offset[0] for s in _tokenizer(lang, offsets=True).tokenize_text([text]) if s]
    starts[0] = 0
    return list(zip(starts, starts[1:] + [len(text)]))


PARAGRAPHS = [
    ("de", "Die Stadt baut eine Brücke. Sie kostet 2 Mio. Euro, d. h. mehr als geplant. Der Rat stimmt am 3. Mai ab."),
    ("de", "Das Fahr\u00adrad steht vor dem Haus. Es ist blau."),                 # soft hyphen: SoMaJo drops it
    ("de", unicodedata.normalize("NFD", "Die Gäste tranken Café. Später gingen sie.")),   # decomposed umlauts
    ("de", "Wir\u200b sind da. Ihr\u00a0auch? Ja!  Gut."),                        # zero-width and no-break spaces
    ("de", "„Wir kommen“, sagte sie. „Und ihr?“ Er schwieg."),
    ("en", "The council met on Monday. Mr. Smith said: \u201cWe agree.\u201d The vote is on 3 May."),
    ("en", "Fish &amp; chips. Salt &lt; sugar."),
]


@pytest.mark.parametrize("lang,text", PARAGRAPHS)
def test_sentence_ranges_are_those_of_somajos_alignment(lang, text):
    ranges = split(text, lang)
    assert ranges == by_somajo_offsets(text, lang)
    assert len(ranges) >= 2 and ranges[0][0] == 0 and ranges[-1][1] == len(text)
    assert all(a[1] == b[0] for a, b in zip(ranges, ranges[1:]))     # nothing of the text left out


def test_each_range_starts_at_the_first_letter_of_a_sentence():
    text = "Erster Satz.   Zweiter Satz!\nDritter Satz?"
    assert [text[a:b].strip() for a, b in split(text, "de")] == ["Erster Satz.", "Zweiter Satz!", "Dritter Satz?"]
    assert [text[a] for a, _ in split(text, "de")[1:]] == ["Z", "D"]
