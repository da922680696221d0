"""Ingest as named passes over the one AST, in the order they run, with the invariant that keeps them safe.

Invariant: every pass that adds content to the body or to metadata a reader sees (front-matter images and
captions, the contact block from front matter or the publisher's settings, …) runs BEFORE the guards
(`sanitise-text`, `sanitise`, `fence`). After the guards nothing new may enter: what every rendition reads has
passed the same allow-list and the same resource fence. `violations()` states the invariant; the module refuses
to load a pass list that breaks it, and `tests/test_ingest_passes.py` holds it to a hostile build.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

import panflute as pf

from ..config import Settings
from ..findings import Finding
from ..language import abbreviations, quotes, sentences
from ..language.inlines import text_of
from ..language.registry import language_for
from ..model import Metadata
from ..language.invisible import clean_meta
from . import image_text, links, placeholders, reader, spacing, tables
from .resources import fence
from .sanitise import sanitise, sanitise_metadata
from ..tree import walk


@dataclass
class IngestState:
    """What the passes work on: the body AST, the metadata, and what they found."""

    doc: pf.Doc
    meta: Metadata
    path: Path
    settings: Settings
    findings: list[Finding] = field(default_factory=list)
    resources: dict[str, Path] = field(default_factory=dict)
    media: list[Path] = field(default_factory=list)     # folders the fence accepts besides the source's (office media)

    @property
    def lang(self) -> str:
        return self.meta.lang or "de"


@dataclass(frozen=True)
class Pass:
    """One named step of ingest. `adds_content`: it brings text or references into the body or into metadata
    a rendition shows; `guard`: it is one of the steps everything shown must have passed."""

    name: str
    run: Callable[[IngestState], None]
    adds_content: bool = False
    guard: bool = False


def _front_matter_images(st: IngestState) -> None:
    """Front-matter images (with their Markdown captions, credit and licence) join the body after the lead,
    unless the body already shows the same file."""
    shown: set[str] = set()
    walk(st.doc, lambda e, d: shown.add(e.url) if isinstance(e, pf.Image) else None)
    for image in st.meta.images:
        if image.src in shown:
            continue
        img = pf.Image(url=image.src, attributes={"alt": image.alt} if image.alt is not None else {})
        text = " ".join(t for t in (image.caption, ", ".join(c for c in (image.credit, image.licence) if c)) if t)
        caption = pf.Caption(*reader.read_text(text, "markdown", st.path).content) if text else pf.Caption()
        st.doc.content.insert(min(1, len(st.doc.content)), pf.Figure(pf.Plain(img), caption=caption))


def _contact(st: IngestState) -> None:
    """The contact block from front matter, else the publisher's default, when the text brings none."""
    text = st.meta.contact or st.settings.publisher.contact
    has = []
    walk(st.doc, lambda e, d: has.append(e) if isinstance(e, pf.Div) and "contact" in e.classes else None)
    if not has and text:
        st.doc.content.append(pf.Div(*reader.read_text(text, "markdown", st.path).content, classes=["contact"]))


def _sanitise_text(st: IngestState) -> None:
    st.findings += sanitise_metadata(st.meta, st.path)


def _sanitise(st: IngestState) -> None:
    st.findings += sanitise(st.doc, st.path)


def _placeholder_alt(st: IngestState) -> None:
    st.findings += image_text.placeholder_alts(st.doc, st.path)


def _fence(st: IngestState) -> None:
    resources, found = fence(st.doc, st.path, st.media, st.lang)
    st.resources.update(resources)
    st.findings += found


def _missing_alt(st: IngestState) -> None:
    """Every image must have a text alternative (or be marked decorative)."""

    def visit(e, d):
        if isinstance(e, pf.Image):
            alt = e.attributes.get("alt", text_of(e.content)).strip()
            if not alt and "decorative" not in e.classes:
                st.findings.append(Finding(
                    "ingest", "source", "image-alt", "error",
                    f"image '{e.url}' has no text alternative; add one: ![what the image shows]({e.url}) "
                    "or 'alt:' in front matter (mark purely decorative images {{.decorative}})",
                    f"{st.path}: image {e.url}"))
    walk(st.doc, visit)


def _quotes(st: IngestState) -> None:
    quotes.apply(st.doc, st.lang)
    quotes.block_quotes(st.doc)


def _abbreviations(st: IngestState) -> None:
    abbreviations.apply(st.doc, st.lang)


def _shift_headings(st: IngestState) -> None:
    """Body headings start at h2 (the page's h1 is the headline) and never skip a level going down."""
    levels = []
    walk(st.doc, lambda e, d: levels.append(e.level) if isinstance(e, pf.Header) else None)
    if levels:
        shift = 2 - min(levels)
        previous = [1]

        def action(e, d):
            if isinstance(e, pf.Header):
                e.level = min(6, e.level + shift, previous[0] + 1)
                previous[0] = e.level
        walk(st.doc, action)


def _summary(st: IngestState) -> None:
    """Without a front-matter summary: the lead's first sentences (from the already sanitised body)."""
    if st.meta.summary is not None:
        return
    for block in st.doc.content:
        if isinstance(block, pf.Div) and "lead" in block.classes:
            if not block.content or not hasattr(block.content[0], "content"):
                return                                   # an empty lead (hostile or broken input): no summary
            inlines = [e for e in block.content[0].content
                       if not (isinstance(e, pf.Span) and "lead-location" in e.classes)]
            text = " ".join(text_of(inlines, st.lang).split())
            opens, closes = language_for(st.lang).quotes[:2]
            out = ""
            for s, e in sentences.split(text, st.lang):
                out = (out + " " + text[s:e].strip()).strip()
                if len(out) > 120 and out.count(opens) <= out.count(closes):   # never end inside a quotation
                    break
            if len(out) > 700 or out.count(opens) > out.count(closes):
                out = _first_sentence_outside_quotes(text, st.lang, opens, closes) or out[:400]
            st.meta.summary = " ".join(clean_meta(out).split()) or None
            return


def _first_sentence_outside_quotes(text: str, lang: str, opens: str, closes: str) -> str:
    """The sentences before the first quotation opens (or "" when it opens in the first one)."""
    out = ""
    for s, e in sentences.split(text, lang):
        piece = text[s:e].strip()
        if opens in piece:
            break
        out = (out + " " + piece).strip()
    return out if len(out) <= 700 else ""


def _placeholders(st: IngestState) -> None:
    """Text left from the `accesspub new` template, dummy phone numbers, lorem ipsum: error findings."""
    st.findings += placeholders.find(st.doc, [st.meta.title, st.meta.subtitle, st.meta.summary], st.path)


def _sentence_ids(st: IngestState) -> None:
    sentences.assign_ids(st.doc, st.lang)


def _table_captions(st: IngestState) -> None:
    tables.apply(st.doc, st.lang)


def _links(st: IngestState) -> None:
    links.apply(st.doc, st.lang)


def _no_break_spaces(st: IngestState) -> None:
    spacing.apply(st.doc, st.lang)


def _no_date(st: IngestState) -> None:
    if st.meta.date is None:
        st.findings.append(Finding("ingest", "source", "no-date", "warning",
                                   "the release has no date; add 'date: YYYY-MM-DD' or a dateline "
                                   "'Ort, 1. März 2025'", str(st.path)))


PASSES: tuple[Pass, ...] = (
    Pass("front-matter-images", _front_matter_images, adds_content=True),
    Pass("contact", _contact, adds_content=True),
    Pass("table-captions", _table_captions, adds_content=True),     # made from the heading cells
    Pass("sanitise-text", _sanitise_text, guard=True),
    Pass("sanitise", _sanitise, guard=True),
    Pass("placeholder-alt", _placeholder_alt),
    Pass("fence", _fence, guard=True),
    Pass("image-alt", _missing_alt),
    Pass("placeholders", _placeholders),
    Pass("links", _links),                  # addresses and labelled phone numbers already in the text
    Pass("quotes", _quotes),
    Pass("abbreviations", _abbreviations),
    Pass("shift-headings", _shift_headings),
    Pass("summary", _summary),
    Pass("sentence-ids", _sentence_ids),
    Pass("no-break-spaces", _no_break_spaces),
    Pass("no-date", _no_date),
)

GUARDS = ("sanitise-text", "sanitise", "fence")


def violations(passes: tuple[Pass, ...] | list[Pass]) -> list[str]:
    """Why a pass list is unsafe: a guard missing, or content added after the first guard. Empty when safe."""
    names = [p.name for p in passes]
    problems = [f"the guard pass '{g}' is missing" for g in GUARDS if g not in names]
    guards = [i for i, p in enumerate(passes) if p.guard]
    if guards:
        first = guards[0]
        problems += [f"pass '{p.name}' adds content after the guard '{passes[first].name}'; move it before"
                     for p in passes[first:] if p.adds_content]
    return problems


if _broken := violations(PASSES):
    raise RuntimeError("ingest passes: " + "; ".join(_broken))


def run(state: IngestState, passes: tuple[Pass, ...] = PASSES) -> IngestState:
    """Run the passes in order over the state (changed in place); an unsafe pass list is refused."""
    if broken := violations(passes):
        raise RuntimeError("ingest passes: " + "; ".join(broken))
    for p in passes:
        p.run(state)
    return state
