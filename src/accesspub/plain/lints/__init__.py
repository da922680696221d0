"""Plain-language lints: one small rule per module, one signature, a registry that switches rules by name.

Every lint module has `NAME`, `LANGS`, `SEVERITY` and `check(sentence: str, ctx: LintContext) -> list[str]`
(the messages; empty when the sentence passes). The registry turns messages into Findings.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass, field
from typing import Iterable

from ...findings import Finding
from ..lexicon import words

ORDER = ("sentence_length", "statements", "passive", "konjunktiv", "genitive", "negation",
         "abbreviations", "rare_words", "spelling")
MAX_WORDS = {"einfach": 15, "leicht": 10, "plain": 20}
CHECK = "plain-lint"


@dataclass
class LintContext:
    """What the lints know besides the sentence."""

    lang: str = "de"
    level: str = "einfach"
    explained: set[str] = field(default_factory=set)   # glossary spellings, lower case
    names: set[str] = field(default_factory=set)       # people, places, programme names

    @property
    def data(self) -> dict:
        return words(self.lang)

    @property
    def max_words(self) -> int:
        return MAX_WORDS.get(self.level, 15)


def lint(name: str):
    return importlib.import_module(f"{__name__}.{name}")


def excerpt(text: str, width: int = 60) -> str:
    return text if len(text) <= width else text[:width - 1].rstrip() + "…"


class Registry:
    """The lints in order; `enabled`/`disabled` switch them by name."""

    def __init__(self, enabled: Iterable[str] | None = None, disabled: Iterable[str] = ()):
        names = list(enabled) if enabled is not None else list(ORDER)
        unknown = (set(names) | set(disabled)) - set(ORDER)
        if unknown:
            raise ValueError(f"unknown plain-language lint(s): {', '.join(sorted(unknown))}")
        self.lints = [lint(n) for n in ORDER if n in names and n not in set(disabled)]

    def run(self, lines: list[tuple[str, str]], ctx: LintContext) -> list[Finding]:
        """Findings for (line id, sentence) pairs."""
        out = []
        for mod in self.lints:
            if ctx.lang not in mod.LANGS:
                continue
            for line_id, text in lines:
                for message in mod.check(text, ctx):
                    out.append(Finding(CHECK, "plain", mod.NAME, mod.SEVERITY, message,
                                       f"{line_id}: «{excerpt(text)}»"))
        return out
