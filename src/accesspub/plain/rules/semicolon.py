"""Main clauses joined by a semicolon become sentences of their own."""

from __future__ import annotations

from ..text import capitalize, end_sentence, sentences_at

NAME, KIND, LANGS = "semicolon", "split", ("de", "en")


def apply(sentence: str, ctx) -> list[str] | None:
    parts = sentences_at(sentence, ";", ctx.lang)
    return [end_sentence(capitalize(p)) for p in parts] if len(parts) > 1 else None
