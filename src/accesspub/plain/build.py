"""One release → its plain version with lints, metrics and the fact check: human version first, then the
optional rewriter, then the rules."""

from __future__ import annotations

from dataclasses import dataclass, field

from babel.dates import format_date

from ..config import Settings
from ..findings import Finding
from ..language.registry import babel_locale, language_for
from ..model import Release
from . import facts, rewriter
from .document import PlainDoc
from .human import human_version
from .lexicon import GlossaryError, Term, glossary, publisher_glossary
from .lints import LintContext, Lints
from .markdown_doc import from_markdown
from .metrics import measure
from .registry import level
from .simplify import context, simplify


@dataclass
class PlainResult:
    """The plain version and what was found about it."""

    doc: PlainDoc
    terms: list[Term]
    findings: list[Finding] = field(default_factory=list)
    metrics: dict = field(default_factory=dict)
    facts: dict = field(default_factory=dict)
    date_text: str | None = None


def long_date(release: Release) -> str | None:
    if not release.meta.date:
        return None
    language = language_for(release.lang)
    return format_date(release.meta.date, language.long_date, locale=babel_locale(language.code))


def header_text(release: Release) -> list[str]:
    """Place and date lines that both versions show."""
    return [x for x in (release.meta.place, long_date(release), release.meta.lead_location) if x]


def _names(release: Release, aliases: dict[str, str]) -> set[str]:
    return {n for n in (release.meta.place, release.meta.lead_location, *aliases.values()) if n}


def _all_text(doc: PlainDoc) -> str:
    lines = [doc.title]
    for s in doc.sections:
        lines.append(s.heading)
        for b in s.blocks:
            lines += ([b.intro] if b.intro else []) + [line.text for line in b.all_lines()]
            lines += ([b.caption] if b.caption else []) + [" ".join(r) for r in [b.header, *b.rows]]
    return "\n".join(lines)


def evaluate(release: Release, doc: PlainDoc, terms: list[Term], registry: Lints,
             aliases: dict[str, str]) -> tuple[list[Finding], dict, dict]:
    """Lints, metrics and the fact check of one plain version."""
    lang = doc.lang
    names = _names(release, aliases)
    explained = {s for t in terms for s in t.spellings()}
    ctx = LintContext(lang, doc.level, explained=explained, names=names | set(aliases))
    findings = registry.run([(line.id, line.text) for line in doc.lines()], ctx)
    original = "\n".join([release.meta.title, *header_text(release), *(t for _, t in release.sentences())])
    plain = "\n".join([*header_text(release), _all_text(doc)])
    fact_findings, summary = facts.check(original, plain, lang, names)
    kept, counts = facts.structure(release.doc, doc)
    fact_findings += kept
    summary.update(counts)
    before = measure([t for sid, t in release.sentences() if t.strip()], lang)
    after = measure([line.text for line in doc.lines()], lang)
    return findings + fact_findings, {"before": before, "after": after}, summary


def _acceptable(findings: list[Finding]) -> bool:
    return not any(f.severity == "error" or f.rule in ("sentence_length", "abbreviations") for f in findings)


def warm_up(release: Release, settings: Settings) -> None:
    """Simplify and lint `release` in memory, by the rules only (no rewriter service is asked, nothing is written):
    its language's lexicons, word lists, tagger and dictionaries are then loaded in this process."""
    doc = simplify(release, settings)
    evaluate(release, doc, glossary(doc.lang, None), Lints(), {})


def build(release: Release, settings: Settings, registry: Lints | None = None) -> PlainResult:
    registry = registry or Lints()
    ctx = context(release, settings)
    notes: list[Finding] = []
    try:
        terms = glossary(ctx.lang, release.source)
    except GlossaryError as exc:
        terms = glossary(ctx.lang, None)
        notes.append(Finding("plain-glossary", "plain", "glossary-invalid", "error", str(exc),
                             str(publisher_glossary(release.source))))
    title = release.meta.title
    doc = human_version(release, ctx.level, title)
    if doc is None and (endpoint := rewriter.Endpoint.from_settings(settings.plain)):
        notes.append(Finding("plain-rewriter", "plain", "text-left-machine", "info",
                             f"the release text was sent to the rewriter at {endpoint.chat_url}",
                             str(release.source)))
        try:
            original = "\n\n".join(t for _, t in release.sentences())
            text = rewriter.rewrite(original, ctx.lang, ctx.level, level(ctx.level).max_words, endpoint)
            candidate = from_markdown(text, ctx.lang, ctx.level, title)
            candidate.rewriter = endpoint.model
            found, metrics, summary = evaluate(release, candidate, terms, registry, ctx.aliases)
            if _acceptable(found):
                return PlainResult(candidate, terms, found, metrics, summary, long_date(release))
            bad = sorted({f.rule for f in found if f.severity == "error" or f.rule in ("sentence_length",
                                                                                       "abbreviations")})
            notes.append(Finding("plain-rewriter", "plain", "rejected", "info",
                                 f"the rewriter's text failed {', '.join(bad)}; the rule-based text is used",
                                 endpoint.chat_url))
        except rewriter.RewriterError as exc:
            notes.append(Finding("plain-rewriter", "plain", "unavailable", "warning",
                                 f"the rewriter gave no usable answer ({exc}); the rule-based text is used",
                                 endpoint.chat_url))
    if doc is None:
        doc = simplify(release, settings)
    found, metrics, summary = evaluate(release, doc, terms, registry, ctx.aliases)
    return PlainResult(doc, terms, notes + found, metrics, summary, long_date(release))
