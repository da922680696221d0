"""One sentence through the rule chain, every step through the grammar gate.

A rule's result is kept only when the gate passes every sentence it made; otherwise the rule is skipped
(and named in `rejected`). A sentence that stays longer than the level allows is marked for review. English:
when the next sentence points back ("This includes …"), the last sentence of a split must still be the end of
the original, and no new "This is …" sentence: else "This" would point to what the rule added; the same holds
before a part of the same split that points back ("…, and it is popular" → "It is popular …").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from . import gate
from .registry import level
from .rules import MAX_DEPTH, Chain, RuleContext
from .text import word_count


@dataclass
class Rewritten:
    """The plain sentences said for one original sentence, and how they came about."""

    sentences: list[str]
    fired: list[str] = field(default_factory=list)
    rejected: list[str] = field(default_factory=list)     # "rule: reason"
    review: bool = False


def review_above(name: str) -> int:
    """Sentences with more words than this are marked for review (Leichte Sprache: 10)."""
    return level(name).max_words


_POINTERS = {"this", "these", "that", "those", "it", "they"}
# how the rules open a sentence they add after the main clause ("This is in line with …", "This was at …")
_ADDED = {("this", "is"), ("this", "was"), ("that", "is"), ("that", "was"), ("this", "includes"), ("this", "will", "include"),
          ("these", "include")}


def _added(words: list[str]) -> bool:
    return any(tuple(words[:len(a)]) == a for a in _ADDED)


def _words(text: str) -> list[str]:
    return re.findall(r"\w+", text.lower())


def points_back(sentence: str) -> bool:
    """The sentence opens with a word that points back to the one before ("This includes …", "It also …"); not
    inside a quotation (the speaker's "this" points into the quotation)."""
    words = _words(sentence)
    return bool(words) and words[0] in _POINTERS and sentence.lstrip()[:1] not in "“\"„«‘'"


def _captures(sentence: str, result: list[str]) -> bool:
    """The split ends with a sentence that a pointing word in the next sentence would now refer to: one that
    does not end as the original did (a clause moved to the end), or one the rule added after the main clause
    ("This is in line with …", "This was at …")."""
    if len(result) < 2 or sentence.rstrip().endswith(":"):
        return False
    last, own = _words(result[-1]), _words(sentence)
    return last[-2:] != own[-2:] or _added(last) and not _added(own)


def _gated(rule, sentence: str, ctx: RuleContext, split: bool, out: Rewritten,
           guard: bool = False) -> list[str] | None:
    try:
        result = rule.apply(sentence, ctx)
    except (KeyError, IndexError, ValueError) as exc:      # a rule must never break a build
        out.rejected.append(f"{rule.NAME}: {type(exc).__name__}")
        return None
    if not result or result == [sentence]:
        return None
    result = [s for s in result if s.strip()]
    verdict = gate.check(sentence, result, ctx.lang, split=split)
    if not verdict.ok:
        out.rejected.append(f"{rule.NAME}: {verdict.reason}")
        return None
    if guard and ctx.lang == "en" and _captures(sentence, result):
        out.rejected.append(f"{rule.NAME}: the next sentence points back to this one")
        return None
    out.fired.append(rule.NAME)
    return result


def rewrite(sentence: str, ctx: RuleContext, chain: Chain) -> Rewritten:
    """The original sentence in plain language, with the rules that fired and those the gate refused."""
    out = Rewritten([])
    for r in chain._of("rewrite", ctx):
        sentence = (_gated(r, sentence, ctx, False, out) or [sentence])[0]
    done: list[str] = []
    todo = [(sentence, 0, True)]
    splits = chain._of("split", ctx)
    while todo:
        current, depth, last = todo.pop(0)
        # the next sentence points back: the release's next one, or the next part of this split ("…, and it is
        # popular with walkers" → "It is popular …")
        guard = ctx.before_pointer if last else bool(todo) and points_back(todo[0][0])
        for r in splits if depth < MAX_DEPTH else ():
            result = _gated(r, current, ctx, True, out, guard=guard)
            if result:
                todo[0:0] = [(s, depth + 1, last and i == len(result) - 1) for i, s in enumerate(result)]
                break
        else:
            done.append(current)
    finals = chain._of("final", ctx)
    for s in done:
        for r in finals:
            s = (_gated(r, s, ctx, False, out) or [s])[0]
        out.sentences.append(s)
    limit = review_above(ctx.level)
    out.review = any(word_count(s, ctx.lang) > limit for s in out.sentences) or bool(out.rejected)
    return out
