"""Images a release cannot show, and text alternatives that say nothing.

An image the build cannot carry (not found, site-absolute like `/files/…`, remote) is shown as its caption,
or else its alt text, once, as a link to its original address when it has one. An alt text that is a
placeholder ("placeholder", "image", "Bild", a file name) is an error naming the image, and is not printed.
"""

from __future__ import annotations

import re
from pathlib import Path, PurePosixPath

import panflute as pf

from ..findings import Finding
from ..language.inlines import text_of
from ..language.lexicon import ui
from ..tree import stringify, walk

PLACEHOLDERS = {"placeholder", "image", "img", "bild", "foto", "photo", "picture", "grafik", "abbildung",
                "graphic", "alt", "alt text", "alttext", "untitled", "unbenannt", "bildbeschreibung", "todo",
                "tbd", "xxx", "none", "null", "undefined"}
FILE_NAME = re.compile(r"^[\w\-. ()©&,]+\.(png|jpe?g|gif|svg|webp|tiff?|bmp|heic)$", re.I)
UNAVAILABLE = "image-unavailable"


def alt_of(img: pf.Image) -> str:
    return " ".join((img.attributes.get("alt") or text_of(img.content)).split())


def is_placeholder(alt: str, url: str) -> bool:
    low = alt.strip().lower()
    stem = PurePosixPath(url.split("?")[0]).stem.lower()
    return low in PLACEHOLDERS or bool(FILE_NAME.match(alt.strip())) or (bool(stem) and low == stem)


def placeholder_alts(doc: pf.Doc, path: Path) -> list[Finding]:
    """Placeholder alt texts: an error each; the text is removed so no rendition prints or speaks it."""
    findings: list[Finding] = []

    def captions(e, d):
        if isinstance(e, pf.Figure):          # an implicit figure's caption is the alt text: it goes with it
            imgs = [i for b in e.content if isinstance(b, (pf.Plain, pf.Para)) for i in b.content
                    if isinstance(i, pf.Image)]
            caption = " ".join(stringify(e.caption).split()) if e.caption else ""
            if imgs and caption and caption == alt_of(imgs[0]) and is_placeholder(caption, imgs[0].url):
                e.caption = pf.Caption()
    walk(doc, captions)

    def visit(e, d):
        if isinstance(e, pf.Image) and (alt := alt_of(e)) and is_placeholder(alt, e.url):
            findings.append(Finding(
                "ingest", "source", "image-alt-placeholder", "error",
                f"image '{e.url[:120]}' has the placeholder text alternative '{alt}'; write what the image "
                "shows (or mark a purely decorative image {.decorative})", f"{path}: image {e.url[:120]}"))
            e.content = []
            e.attributes.pop("alt", None)
            e.classes.append("alt-placeholder")
    walk(doc, visit)
    return findings


def _words(text: str) -> list[pf.Inline]:
    out: list[pf.Inline] = []
    for w in text.split():
        out += [pf.Space(), pf.Str(w)] if out else [pf.Str(w)]
    return out


def _label(inlines: list[pf.Inline], url: str, lang: str) -> pf.Span:
    words = [pf.Str(f"{ui(lang, 'image')}:"), pf.Space(), *inlines]
    inner = pf.Link(*words, url=url) if url.lower().startswith(("http://", "https://")) else pf.Span(*words)
    return pf.Span(inner, classes=[UNAVAILABLE], attributes={"data-src": url[:300]})


def stand_in(img: pf.Image, lang: str) -> pf.Inline:
    """What stands in for an image that cannot be shown: its alt text, linked to its URL when it has one."""
    alt = alt_of(img)
    return _label(_words(alt), img.url.strip(), lang) if alt else pf.Str("")


def collapse_stand_ins(doc: pf.Doc, lang: str) -> None:
    """A figure shows its caption (else the alt text) once; a paragraph of stand-ins becomes one line each."""
    def stand_ins(inlines) -> list[pf.Span] | None:
        rest = [e for e in inlines if not isinstance(e, (pf.Space, pf.SoftBreak, pf.LineBreak))
                and not (isinstance(e, pf.Str) and not e.text.strip())]
        ok = bool(rest) and all(isinstance(e, pf.Span) and UNAVAILABLE in e.classes for e in rest)
        return rest if ok else None

    def action(e, d):
        if isinstance(e, pf.Figure):
            inlines = [i for b in e.content if isinstance(b, (pf.Plain, pf.Para)) for i in b.content]
            spans = stand_ins(inlines) if inlines else None
            if spans is not None:
                caption = [i for b in e.caption.content if isinstance(b, (pf.Plain, pf.Para)) for i in b.content]
                if caption:
                    return pf.Div(pf.Para(_label(caption, spans[0].attributes.get("data-src", ""), lang)),
                                  classes=[UNAVAILABLE])
                return pf.Div(*[pf.Para(s) for s in spans], classes=[UNAVAILABLE])
        if isinstance(e, (pf.Para, pf.Plain)) and (spans := stand_ins(e.content)) and len(spans) > 1:
            return pf.Div(*[pf.Para(s) for s in spans], classes=[UNAVAILABLE])
        if isinstance(e, pf.Para) and not stringify(e).strip() and not any(
                isinstance(x, pf.Image) for x in e.content):
            return []                                  # nothing left of a paragraph that held only a refused image
        return None
    walk(doc, action)
