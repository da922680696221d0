"""Rules and lints share one registry type: members in a declared order, switched by name, filtered by
language, and one table of what each plain-language level allows."""

from __future__ import annotations

import pytest

from accesspub.plain.lints import LintContext, Lints
from accesspub.plain.registry import LEVELS, Registry, level
from accesspub.plain.rules import Chain, RuleContext


@pytest.mark.parametrize("kind", [Chain, Lints])
def test_rules_and_lints_are_one_registry_type(kind):
    assert issubclass(kind, Registry)
    everything = kind()
    assert everything.names() == list(kind.ORDER)
    first, second = kind.ORDER[:2]
    assert kind(disabled=[first]).names() == list(kind.ORDER[1:])
    assert kind(enabled=[second, first]).names() == [first, second]      # the declared order wins
    with pytest.raises(ValueError, match=f"unknown plain-language {kind.KIND}"):
        kind(disabled=["no-such-member"])
    for lang in ("de", "en"):
        assert all(lang in m.LANGS for m in everything.for_language(lang))
    assert everything.for_language("fr") == []          # nothing runs on a language it does not know


def test_one_level_table_feeds_rules_and_lints():
    for name, row in LEVELS.items():
        assert RuleContext(level=name).split_above == row.split_above
        assert LintContext(level=name).max_words == row.max_words
        assert row.split_above < row.max_words
    assert level("unknown") == LEVELS["einfach"]
    long = "Die Stadt baut eine Schule mit zehn Räumen und einem Hof und einer Halle für alle Kinder im Ort."
    words = len(long.split())
    assert LEVELS["leicht"].max_words < words < LEVELS["plain"].max_words + 5
    found = Lints(enabled=["sentence_length"]).run([("p-1", long)], LintContext(lang="de", level="leicht"))
    assert [f.rule for f in found] == ["sentence_length"]
