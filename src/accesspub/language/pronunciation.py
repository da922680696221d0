"""How names and acronyms are spoken: shipped defaults per language plus the publisher's `pronunciation.yaml`.

Every speech engine reads the script this lexicon has been applied to, so one entry serves espeak-ng, Piper
and gTTS alike. An entry maps a written word (case matters, whole words only) to one of:

- ``spell``: letter by letter ("NVV" → "N-V-V"; the joiner is the language's `speech.spell_joiner`, chosen so
  that espeak-ng says each letter's name: "E-U", but "N.G.O" in English, where a lone "A" is the article),
- ``word``: read as a word although written in capitals ("LEA" → "Lea"),
- any other text: said instead (a respelling, "Eschwege" → "Esch-wehge").

The publisher's file beside the sources is either a mapping of entries for every language or
``{de: {...}, en: {...}}``; its entries win over the shipped ones.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

import yaml

from ..errors import AccesspubError
from .registry import REGISTRY
from ..shipped import shipped_yaml

LANGUAGES = tuple(REGISTRY)

FILE_NAME = "pronunciation.yaml"
_FIX = ("write one entry per line, 'NVV: spell', 'LEA: word' or 'Eschwege: Esch-wehge', "
        "optionally under 'de:' or 'en:'")


class PronunciationError(AccesspubError):
    """The publisher's pronunciation.yaml cannot be used."""


def publisher_file(source: Path) -> Path:
    """Where a publisher keeps its pronunciations: pronunciation.yaml beside the release sources."""
    return source.parent / FILE_NAME


@dataclass(frozen=True)
class Pronunciations:
    """The entries for one language, applied to a text in one pass (longest written form first)."""

    entries: tuple[tuple[str, str], ...]
    joiner: str = "-"

    def said(self, written: str, how: str) -> str:
        if how == "spell":
            return self.joiner.join(ch for ch in written if ch.isalnum())
        if how == "word":
            return written[:1].upper() + written[1:].lower()
        return how

    @property
    def pattern(self) -> re.Pattern | None:
        return _pattern(self.entries)

    def apply(self, text: str) -> str:
        """The text with every entry's written form replaced by how it is said."""
        if not self.entries or self.pattern is None:
            return text
        table = dict(self.entries)
        return self.pattern.sub(lambda m: self.said(m[0], table[m[0]]), text)


@lru_cache(maxsize=64)
def _pattern(entries: tuple[tuple[str, str], ...]) -> re.Pattern | None:
    if not entries:
        return None
    words = sorted((w for w, _ in entries), key=len, reverse=True)
    return re.compile(r"(?<![\w@./-])(?:" + "|".join(re.escape(w) for w in words) + r")(?![\w@]|\.\w)")


def _entries(data, where: str, lang: str) -> dict[str, str]:
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise PronunciationError("expected a mapping of written words to how they are said", file=where, fix=_FIX)
    if any(k in LANGUAGES for k in data):
        data = data.get(lang) or {}
        if not isinstance(data, dict):
            raise PronunciationError(f"the entries under '{lang}:' are not a mapping", file=where, fix=_FIX)
    out = {}
    for written, how in data.items():
        if isinstance(written, str) and written in LANGUAGES:
            continue
        if not isinstance(how, str) or not str(written).strip() or not how.strip():
            raise PronunciationError(f"entry '{written}' needs a text (spell, word or how it is said)",
                                     file=where, fix=_FIX)
        out[str(written).strip()] = " ".join(how.split())
    return out


@lru_cache(maxsize=None)
def _shipped(lang: str) -> dict[str, str]:
    data = resources.files("accesspub.language").joinpath("data", f"pronunciation_{lang}.yaml")
    if not data.is_file():
        return {}
    return _entries(shipped_yaml("accesspub.language", "data", f"pronunciation_{lang}.yaml"),
                    f"pronunciation_{lang}.yaml (shipped)", lang)


def _read(path: Path, lang: str) -> dict[str, str]:
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (yaml.YAMLError, UnicodeDecodeError) as exc:
        mark = getattr(exc, "problem_mark", None)
        raise PronunciationError(f"not valid YAML ({getattr(exc, 'problem', None) or exc})", file=path,
                                 place=f"{mark.line + 1}:{mark.column + 1}" if mark else None, fix=_FIX) from None
    return _entries(data, str(path), lang)


def pronunciations(lang: str, source: Path | None = None) -> Pronunciations:
    """Shipped entries of the language plus the publisher's (which win); PronunciationError when broken."""
    from .normalise import rules
    from .registry import language_for
    entries = dict(_shipped(lang))
    path = publisher_file(source) if source else None
    if path and path.is_file():
        entries.update(_read(path, lang))
    joiner = rules(lang).data["speech"]["spell_joiner"] if language_for(lang).normalise else "-"
    return Pronunciations(tuple(sorted(entries.items())), joiner)
