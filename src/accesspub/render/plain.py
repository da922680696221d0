"""Plain-language rendition: OUT/<slug>/plain.html with lints, metrics and the fact check.

The page keeps the author's structure (headings, lists, tables, links, contact) and says honestly what it is:
a machine draft is labelled "Entwurf: maschinell vereinfacht, nicht geprüft" and never "Leichte Sprache" until
a person signs it off (plain/review.py)."""

from __future__ import annotations

import re

from markupsafe import Markup, escape

from ..findings import Finding
from ..language.registry import REGISTRY, language_for
from ..model import Release
from ..plain.build import PlainResult, build
from ..plain.document import Line, link_label
from ..plain.glossary import first_uses, mark, needs_inline, slug, worth_listing
from ..plain.lexicon import words
from ..plain.review import status
from . import BuildContext, Rendition
from .frame import page_vars, render_page

_SAFE_URL = re.compile(r"^(https?:|mailto:|tel:|#|/|\./|\.\./|[\w.-]+(/|$))", re.I)


def _linked(line: Line, html: Markup) -> Markup:
    """The line's links as links again: the first occurrence of each link text becomes an anchor."""
    for text, url in line.links:
        if not _SAFE_URL.match(url) or not text:
            continue
        label = link_label(text, url)
        target = str(escape(text))
        anchor = Markup('<a href="{}">{}</a>').format(url, label)
        if target in html:
            html = Markup(str(html).replace(target, str(anchor), 1))
        else:           # the link text spans sentences: the link follows the line
            html = html + Markup(" ") + anchor
    return html


def _view(result: PlainResult) -> tuple[list[dict], list[dict]]:
    """Sections for the template: lines as HTML with terms marked; explanations after the block of first use."""
    doc = result.doc
    uses = [(t, where) for t, where in first_uses(doc, result.terms) if worth_listing(t, doc.lang)]
    first = {t.key: t for t, _ in uses}
    where = {line_id: [] for _, line_id in uses}
    for t, line_id in uses:
        if needs_inline(t, doc.level):
            where[line_id].append(t)

    def line_view(line: Line, body: bool) -> dict:
        html = mark(line.text, first) if body and not line.links else escape(line.text)
        return {"id": line.id, "html": _linked(line, html), "review": line.review}
    sections = []
    for s in doc.sections:
        blocks = []
        body = s.kind == "body"
        for b in s.blocks:
            explain = [t for line in b.all_lines() for t in where.get(line.id, [])]
            blocks.append({"kind": b.kind, "intro": b.intro, "lines": [line_view(x, body) for x in b.lines],
                           "entries": [[line_view(x, body) for x in item] for item in b.items],
                           "ordered": b.ordered, "caption": b.caption, "header": b.header, "rows": b.rows,
                           "explain": explain})
        sections.append({"heading": s.heading, "kind": s.kind, "level": s.level, "blocks": blocks})
    terms = [{"term": t.term, "text": t.text, "slug": slug(t)} for t, _ in uses]
    return sections, terms


def labels(release: Release, result: PlainResult) -> dict:
    """What the page calls itself: the level's name only when a person signed it off, else the draft label."""
    lang = result.doc.lang
    data = words(lang)
    pui = data["ui"]
    review = status(release, result.doc)
    if review.reviewed:
        name = pui["level_leicht"] if result.doc.level == "leicht" else pui["level_einfach"]
        notice = data["notice_human"]
        if review.by:
            notice += " " + data["notice_signed"].format(by=review.by, date=review.date.isoformat())
    else:
        name, notice = pui["draft"], data["notice_machine"]
    return {"level_name": name, "notice": notice, "reviewed": review.reviewed, "review": review}


def write_page(path, release: Release, result: PlainResult, ctx: BuildContext, sections: list[dict],
               terms: list[dict], audio: dict | None = None) -> dict:
    """The HTML page of the plain version, in the site's page frame (base.html); returns its labels."""
    lang = result.doc.lang
    pui = words(lang)["ui"]
    named = labels(release, result)
    first = " ".join(line.text for line in list(result.doc.lines())[:2])    # the plain page describes itself plainly
    render_page(
        "plain.html", path, **page_vars(lang, ctx, "../", release), pui=pui, description=first or None,
        title=result.doc.title, level_name=named["level_name"], place=release.meta.place,
        date_text=result.date_text, date_iso=release.meta.date.isoformat() if release.meta.date else "",
        lead_location=release.meta.lead_location, full_href="index.html", notice=named["notice"],
        reviewed=named["reviewed"], sections=sections, terms=terms, audio=audio)
    return named


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
    """The plain version of a release, made once per build and shared by the page and its audio (in the
    release's memo: `services` outlive the release, in a desk worker from one version to the next)."""
    if "plain" not in ctx.memo:
        ctx.memo["plain"] = build(release, ctx.settings)
    return ctx.memo["plain"]


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
    named = write_page(out, release, result, ctx, sections, terms, player(release, ctx, "plain-audio"))
    source = "human" if result.doc.human else ("rewriter" if result.doc.rewriter else "rules")
    review = named["review"]
    return Rendition(name="plain", files=[out], findings=result.findings,
                     data={"metrics": result.metrics, "facts": result.facts, "level": result.doc.level,
                           "source": source, "terms": [t["term"] for t in terms],
                           "reviewed": review.reviewed, "review_by": review.by,
                           "review_date": review.date.isoformat() if review.date else None,
                           "marked_for_review": result.doc.review_count(),
                           "publish": review.reviewed or ctx.settings.plain.publish_unreviewed})


def speech(result: PlainResult) -> dict:
    """What the plain audio says, as data (JSON-safe, so that a cached build can speak it too)."""
    doc = result.doc
    return {"title": doc.title, "date_text": result.date_text, "sections": [
        {"heading": s.heading, "kind": s.kind, "blocks": [
            {"intro": b.intro, "lines": [{"id": line.id, "text": line.text}
                                          for line in [*b.lines, *(x for item in b.items for x in item)]]}
            for b in s.blocks]}
        for s in doc.sections]}
