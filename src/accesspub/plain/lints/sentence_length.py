"""Short sentences: at most 15 words (Einfache Sprache), 10 (Leichte Sprache), under 20 (plain English)."""

from ..text import word_count

NAME, LANGS, SEVERITY = "sentence_length", ("de", "en"), "warning"


def check(sentence: str, ctx) -> list[str]:
    n = word_count(sentence, ctx.lang)
    limit = ctx.max_words if ctx.lang == "de" else ctx.max_words - 1
    return [f"sentence has {n} words; keep it to {limit} or fewer"] if n > limit else []
