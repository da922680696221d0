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

ORDER = ("abbreviations", "numbers", "genitive", "phrases", "konjunktiv", "active", "apposition", "attribution", "reported_speech",
         "shared_subject", "insertion", "leading_phrase", "leading_participle", "among", "purpose", "infinitive",
         "enumeration", "tail_apposition", "tail_phrase", "dash_tail", "semicolon", "colon", "dass", "question", "relative", "participle",
         "subordinate", "coordination", "compounds")
MAX_DEPTH = 8


@dataclass
class RuleContext:
    """What the rules know besides the sentence: language, level, settings and the release's speakers."""

    lang: str = "de"
    level: str = "einfach"
    separator: str = "hyphen"
    aliases: dict[str, str] = field(default_factory=dict)   # "Staatssekretär" / "Klose" → "Kai Klose"
    # the next sentence opens with a word that points back ("This includes …"): a split must not end with a new
    # sentence that it would point to instead (English: plain/rewrite.py)
    before_pointer: bool = False

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

    def splits_only(self) -> "Chain":
        """The same chain without the rules that change words (only those that split sentences)."""
        return Chain(enabled=[r.NAME for r in self.members if r.KIND == "split"])

    def run(self, sentence: str, ctx: RuleContext) -> list[str]:
        """One sentence of the original → the plain sentences that say the same (every step through the
        grammar gate: plain/rewrite.py)."""
        from ..rewrite import rewrite
        return rewrite(sentence, ctx, self).sentences
