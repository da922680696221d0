"""Plain-language rendition: OUT/<slug>/plain.html with lints, metrics and the fact check."""

from __future__ import annotations

from ..findings import Finding
from ..language.registry import REGISTRY, language_for
from ..model import Release
from ..plain.build import PlainResult, build
from ..plain.glossary import first_uses, mark, needs_inline, slug
from ..plain.lexicon import words
from . import BuildContext, Rendition
from .frame import page_vars, render_page


def _view(result: PlainResult) -> tuple[list[dict], list[dict]]:
    """Sections for the template: lines as HTML with terms marked; explanations after the block of first use."""
    doc = result.doc
    uses = first_uses(doc, result.terms)
    first = {t.key: t for t, _ in uses}
    where = {line_id: [] for _, line_id in uses}
    for t, line_id in uses:
        if needs_inline(t, doc.level):
            where[line_id].append(t)
    sections = []
    for s in doc.sections:
        blocks = []
        for b in s.blocks:
            lines, explain = [], []
            for line in b.lines:
                html = mark(line.text, first) if s.kind == "body" else line.text
                lines.append({"id": line.id, "html": html})
                explain += where.get(line.id, [])
            blocks.append({"kind": b.kind, "intro": b.intro, "lines": lines, "explain": explain})
        sections.append({"heading": s.heading, "kind": s.kind, "blocks": blocks})
    terms = [{"term": t.term, "text": t.text, "slug": slug(t)} for t, _ in uses]
    return sections, terms


def write_page(path, release: Release, result: PlainResult, ctx: BuildContext, sections: list[dict],
               terms: list[dict], audio: dict | None = None) -> None:
    """The HTML page of the plain version, in the site's page frame (base.html)."""
    lang = result.doc.lang
    pui = words(lang)["ui"]
    level_name = pui["level_leicht"] if result.doc.level == "leicht" else pui["level_einfach"]
    notice = words(lang)["notice_human"] if result.doc.human else words(lang)["notice_machine"]
    render_page(
        "plain.html", path, **page_vars(lang, ctx, "../"), pui=pui, description=release.meta.summary,
        title=result.doc.title, level_name=level_name, place=release.meta.place, date_text=result.date_text,
        date_iso=release.meta.date.isoformat() if release.meta.date else "",
        lead_location=release.meta.lead_location, full_href="index.html", notice=notice,
        sections=sections, terms=terms, audio=audio)


def player(release: Release, ctx: BuildContext, name: str) -> dict | None:
    """The player of a spoken rendition built earlier in this build: file, captions, size and cue timings."""
    import json

    from .frame import human_size
    done = ctx.earlier(release, name)
    if not done or not done.files or not done.files[0].exists():
        return None
    mp3 = done.files[0]
    timings = [{"id": t["id"], "start": round(t["start"], 3), "end": round(t["end"], 3)}
               for t in done.data.get("timings", [])]
    from ..language.lexicon import lexicon
    return {"href": mp3.name, "vtt": mp3.with_suffix(".vtt").name, "size": human_size(mp3.stat().st_size, release.lang),
            "label": lexicon(release.lang)["ui"].get(name.replace("-", "_")),
            "timings_json": json.dumps(timings, separators=(",", ":"))}


def result_of(release: Release, ctx: BuildContext) -> PlainResult:
    """The plain version of a release, made once per build and shared by the page and its audio."""
    key = f"plain:{release.slug}"
    if key not in ctx.services:
        ctx.services[key] = build(release, ctx.settings)
    return ctx.services[key]


def render(release: Release, ctx: BuildContext) -> Rendition:
    """Build the plain version, write plain.html (plain.css comes with the site's assets), report findings.
    A language without plain-language rules gets no plain.html (and so no link to one), and one finding."""
    out = ctx.release_dir(release) / "plain.html"
    if not language_for(release.lang).plain:
        out.unlink(missing_ok=True)
        return Rendition(name="plain", findings=[Finding(
            "plain", "plain", "language-unsupported", "warning",
            f"plain language is not available for '{release.lang}': no plain version was built (plain-language "
            f"rules exist for {', '.join(sorted(n for n, x in REGISTRY.items() if x.plain))})", str(release.source))])
    result = result_of(release, ctx)
    sections, terms = _view(result)
    write_page(out, release, result, ctx, sections, terms, player(release, ctx, "plain-audio"))
    source = "human" if result.doc.human else ("rewriter" if result.doc.rewriter else "rules")
    return Rendition(name="plain", files=[out], findings=result.findings,
                     data={"metrics": result.metrics, "facts": result.facts, "level": result.doc.level,
                           "source": source, "terms": [t["term"] for t in terms]})


def speech(result: PlainResult) -> dict:
    """What the plain audio says, as data (JSON-safe, so that a cached build can speak it too)."""
    doc = result.doc
    return {"title": doc.title, "date_text": result.date_text, "sections": [
        {"heading": s.heading, "kind": s.kind, "blocks": [
            {"intro": b.intro, "lines": [{"id": line.id, "text": line.text} for line in b.lines]}
            for b in s.blocks]}
        for s in doc.sections]}
