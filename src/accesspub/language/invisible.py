"""Invisible characters that can hide or reorder text: removed from everything a release publishes.

Bidi embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069) and marks (LRM, RLM, ALM) make a title
read differently from what it says (a "Trojan Source" reordering); zero-width spaces, joiners, word joiners,
BOMs and Unicode tag characters hide text from a reader while machines still see it. Every Unicode format
character (category Cf) goes, with two justified exceptions:

- ZERO WIDTH JOINER between two emoji, where it forms one picture (👩‍🔬): removing it would change what
  the author wrote into two pictures;
- SOFT HYPHEN in body text, where an author marks where a long word may break; it is removed from metadata
  (titles, slugs, feeds), where it only gets in the way of search.
"""

from __future__ import annotations

import regex

_EMOJI_BEFORE = r"[\p{Extended_Pictographic}\p{Emoji_Modifier}\uFE0F]"
_BODY = regex.compile(rf"(?!\u00AD)(?!(?<={_EMOJI_BEFORE})\u200D(?=\p{{Extended_Pictographic}}))\p{{Cf}}")
_META = regex.compile(rf"(?!(?<={_EMOJI_BEFORE})\u200D(?=\p{{Extended_Pictographic}}))\p{{Cf}}")


def clean_text(text: str) -> str:
    """Body text without hiding or reordering characters."""
    return _BODY.sub("", text)


def clean_meta(text: str) -> str:
    """A metadata value (title, summary, keyword …) without hiding or reordering characters or soft hyphens."""
    return _META.sub("", text)


def clean_data(value):
    """Front-matter data, every string in it cleaned as metadata."""
    if isinstance(value, str):
        return clean_meta(value)
    if isinstance(value, list):
        return [clean_data(v) for v in value]
    if isinstance(value, dict):
        return {clean_data(k) if isinstance(k, str) else k: clean_data(v) for k, v in value.items()}
    return value
