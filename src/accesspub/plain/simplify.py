"""Release → PlainDoc by the rules (the machine version)."""

from __future__ import annotations

from ..config import Settings
from ..language.registry import language_for
from ..model import Release
from . import speakers
from .document import Builder, PlainDoc
from .rewrite import rewrite
from .rules import Chain, RuleContext


def level_of(release: Release, settings: Settings) -> str:
    """The plain-language level: the release's own, else the configured one, if the language has it; else the
    language's default (English has only "plain")."""
    levels = language_for(release.lang).plain_levels or ("plain",)
    wanted = release.meta.plain_level or settings.plain.level
    return wanted if wanted in levels else levels[0]


def context(release: Release, settings: Settings) -> RuleContext:
    texts = [release.meta.title, release.meta.subtitle or "", *(t for _, t in release.sentences())]
    return RuleContext(lang=release.lang,
                       level=level_of(release, settings),
                       separator=settings.plain.compound_separator,
                       aliases=speakers.aliases([t for t in texts if t], release.lang))


def simplify(release: Release, settings: Settings, chain: Chain | None = None) -> PlainDoc:
    """The release in plain language, rewritten sentence by sentence."""
    ctx = context(release, settings)
    chain = chain or Chain()
    return Builder(ctx, chain).build(release.doc, simple_title(release.meta.title, ctx, chain), ctx.level)


def simple_title(title: str, ctx: RuleContext, chain: Chain) -> str:
    """The headline with words and numbers made plain, never split (it names the page)."""
    word_rules = Chain(enabled=[n for n in chain.names() if n in ("abbreviations", "numbers", "compounds")])
    return " ".join(rewrite(title, ctx, word_rules).sentences).rstrip(".") or title
