"""Rewriting rules: one rule per module, one signature, a chain (a `Registry`) that switches rules by name.

Every rule module has `NAME`, `KIND` and `apply(sentence: str, ctx: RuleContext) -> list[str] | None`
(None: the rule does not apply). KIND says where in the chain it runs:

- "rewrite": one sentence in, one sentence out (abbreviations, numbers, words, grammar), run once each;
- "split": one sentence in, several out; the results go through the split rules again;
- "final": after all splits (compound words, which change the words the other rules read).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..lexicon import words
from ..registry import Registry, level

ORDER = ("abbreviations", "numbers", "genitive", "phrases", "konjunktiv", "apposition", "reported_speech",
         "semicolon", "colon", "parenthesis", "relative", "subordinate", "coordination", "objects", "enumeration",
         "postmodifiers", "compounds")
MAX_DEPTH = 8


@dataclass
class RuleContext:
    """What the rules know besides the sentence: language, level, settings and the release's speakers."""

    lang: str = "de"
    level: str = "einfach"
    separator: str = "hyphen"
    aliases: dict[str, str] = field(default_factory=dict)   # "Staatssekretär" / "Klose" → "Kai Klose"

    @property
    def data(self) -> dict:
        return words(self.lang)

    @property
    def split_above(self) -> int:
        """Sentences with more words than this are split where a rule is sure."""
        return level(self.level).split_above

    def speaker(self, name: str) -> str:
        """The fullest known name of a speaker ("der Staatssekretär" → "Kai Klose")."""
        key = name.strip()
        for candidate in (key, key.split()[-1] if key else key):
            if candidate in self.aliases:
                return self.aliases[candidate]
        return key


class Chain(Registry):
    """The rules in order; `enabled`/`disabled` switch them by name."""

    PACKAGE, ORDER, KIND = __name__, ORDER, "rule"

    def _of(self, kind: str, ctx: RuleContext):
        return [r for r in self.for_language(ctx.lang) if r.KIND == kind]

    def run(self, sentence: str, ctx: RuleContext) -> list[str]:
        """One sentence of the original → the plain sentences that say the same."""
        for r in self._of("rewrite", ctx):
            sentence = (r.apply(sentence, ctx) or [sentence])[0]
        done: list[str] = []
        todo = [(sentence, 0)]
        splits = self._of("split", ctx)
        while todo:
            current, depth = todo.pop(0)
            for r in splits if depth < MAX_DEPTH else ():
                out = r.apply(current, ctx)
                if out and out != [current]:
                    todo[0:0] = [(s, depth + 1) for s in out if s.strip()]
                    break
            else:
                done.append(current)
        finals = self._of("final", ctx)
        out = []
        for s in done:
            for r in finals:
                s = (r.apply(s, ctx) or [s])[0]
            out.append(s)
        return out
