"""Per-language data files (abbreviations, months, kicker words, interface strings), read once."""

from __future__ import annotations

from functools import lru_cache


from .registry import SUPPORTED, language_for
from ..shipped import shipped_yaml

LANGUAGES = SUPPORTED      # the languages whose press-release anatomy (kickers, datelines) ingest reads


@lru_cache(maxsize=None)
def lexicon(lang: str) -> dict:
    """The data file of a language; a language without one uses English labels (`Language.labels`)."""
    lang = language_for(lang).labels
    return shipped_yaml("accesspub.language", "data", f"{lang}.yaml")


def ui(lang: str, key: str) -> str:
    """An interface string of the renditions in the release's language."""
    return lexicon(lang)["ui"][key]
