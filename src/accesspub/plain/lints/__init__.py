"""Plain-language lints: one small rule per module, one signature, a `Registry` that switches them by name.

Every lint module has `NAME`, `LANGS`, `SEVERITY` and `check(sentence: str, ctx: LintContext) -> list[str]`
(the messages; empty when the sentence passes). The registry turns messages into Findings.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ...findings import Finding
from ..lexicon import words
from ..registry import Registry, level

ORDER = ("sentence_length", "statements", "passive", "konjunktiv", "genitive", "negation",
         "abbreviations", "rare_words", "spelling")
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
        return level(self.level).max_words


def excerpt(text: str, width: int = 60) -> str:
    return text if len(text) <= width else text[:width - 1].rstrip() + "…"


class Lints(Registry):
    """The lints in order; `enabled`/`disabled` switch them by name."""

    PACKAGE, ORDER, KIND = __name__, ORDER, "lint"

    def run(self, lines: list[tuple[str, str]], ctx: LintContext) -> list[Finding]:
        """Findings for (line id, sentence) pairs."""
        out = []
        for mod in self.for_language(ctx.lang):
            for line_id, text in lines:
                for message in mod.check(text, ctx):
                    out.append(Finding(CHECK, "plain", mod.NAME, mod.SEVERITY, message,
                                       f"{line_id}: «{excerpt(text)}»"))
        return out
