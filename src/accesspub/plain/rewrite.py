"""One sentence through the rule chain, every step through the grammar gate.

A rule's result is kept only when the gate passes every sentence it made; otherwise the rule is skipped
(and named in `rejected`). A sentence that stays longer than the level allows is marked for review.
"""

from __future__ import annotations

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


def _gated(rule, sentence: str, ctx: RuleContext, split: bool, out: Rewritten) -> list[str] | None:
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
    out.fired.append(rule.NAME)
    return result


def rewrite(sentence: str, ctx: RuleContext, chain: Chain) -> Rewritten:
    """The original sentence in plain language, with the rules that fired and those the gate refused."""
    out = Rewritten([])
    for r in chain._of("rewrite", ctx):
        sentence = (_gated(r, sentence, ctx, False, out) or [sentence])[0]
    done: list[str] = []
    todo = [(sentence, 0)]
    splits = chain._of("split", ctx)
    while todo:
        current, depth = todo.pop(0)
        for r in splits if depth < MAX_DEPTH else ():
            result = _gated(r, current, ctx, True, out)
            if result:
                todo[0:0] = [(s, depth + 1) for s in result]
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
