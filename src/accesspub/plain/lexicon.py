"""Plain-language data: word lists per language and the glossary (shipped plus the publisher's own)."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import yaml
from ..shipped import shipped_yaml


@lru_cache(maxsize=None)
def words(lang: str) -> dict:
    """The rule data of a language (words_de.yaml / words_en.yaml); unknown languages use English."""
    lang = lang if lang in ("de", "en") else "en"
    return shipped_yaml("accesspub.plain", "data", f"words_{lang}.yaml")


@dataclass(frozen=True)
class Term:
    """A glossary entry: the word, the spellings it is found as, and its explanation."""

    term: str
    text: str
    forms: tuple[str, ...] = field(default_factory=tuple)
    source: str = "shipped"

    @property
    def key(self) -> str:
        return self.term.lower()

    def spellings(self) -> set[str]:
        return {s.lower() for s in (self.term, *self.forms)}


def _terms(data, source: str) -> list[Term]:
    out = []
    for item in data or []:
        if isinstance(item, dict) and item.get("term") and item.get("text"):
            out.append(Term(str(item["term"]), " ".join(str(item["text"]).split()),
                            tuple(str(f) for f in item.get("forms") or ()), source))
    return out


@lru_cache(maxsize=None)
def _shipped(lang: str) -> tuple[Term, ...]:
    lang = lang if lang in ("de", "en") else "en"
    return tuple(_terms(shipped_yaml("accesspub.plain", "data", f"glossary_{lang}.yaml"), "shipped"))


def publisher_glossary(source: Path) -> Path:
    """Where a publisher keeps its own glossary: glossary.yaml beside the release sources."""
    return source.parent / "glossary.yaml"


class GlossaryError(ValueError):
    """The publisher's glossary.yaml cannot be read."""


def read_publisher_glossary(path: Path):
    """The parsed glossary.yaml; GlossaryError naming the file, the place and the fix when it is broken."""
    try:
        return yaml.safe_load(path.read_text(encoding="utf-8"))
    except (yaml.YAMLError, UnicodeDecodeError) as exc:
        mark = getattr(exc, "problem_mark", None)
        place = f":{mark.line + 1}:{mark.column + 1}" if mark else ""
        raise GlossaryError(f"{path}{place}: not valid YAML ({getattr(exc, 'problem', exc)}); "
                            "write entries as '- term: …' with 'text: …'") from None


def glossary(lang: str, source: Path | None = None) -> list[Term]:
    """Shipped glossary of the language plus the publisher's entries (which win for the same word).

    The publisher's file is either a list of entries or a mapping {de: [...], en: [...]}.
    """
    terms = {t.key: t for t in _shipped(lang)}
    path = publisher_glossary(source) if source else None
    if path and path.is_file():
        data = read_publisher_glossary(path)
        if isinstance(data, dict):
            data = data.get(lang, [])
        for t in _terms(data, str(path)):
            terms[t.key] = t
    return list(terms.values())
