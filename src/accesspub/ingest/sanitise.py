"""No script from a source: what the AST and the metadata may carry out of a source, by allow-list.

Raw HTML/TeX, event-handler and style attributes, and links with schemes other than http(s), mailto and tel
are removed and each removal reported. pandoc's readers run with --sandbox, so nothing is fetched while reading.
Plain-text metadata (title, subtitle, summary, …) carries no markup at all: tags are removed (with the text
inside them, for script and style), because feeds, EPUB metadata and audio tags are read by programs that may
render HTML.
"""

from __future__ import annotations

from pathlib import Path
from html import unescape
from urllib.parse import urlsplit

import nh3

import panflute as pf

from ..findings import Finding
from ..model import Metadata
from ..tree import walk

ALLOWED_ATTRIBUTES = {"lang", "dir", "title", "alt", "width", "height", "start", "cite", "datetime"}
LINK_SCHEMES = {"", "http", "https", "mailto", "tel"}
TEXT_FIELDS = ("title", "subtitle", "place", "summary", "publisher", "kicker", "lead_location")


def _attributes(e, report) -> None:
    attrs = getattr(e, "attributes", None)
    if not attrs:
        return
    for key in list(attrs):
        if key.lower() not in ALLOWED_ATTRIBUTES:
            kind = "event handler" if key.lower().startswith("on") else "attribute"
            report("attribute-removed", f"{kind} '{key}=\"{attrs[key][:60]}\"' removed from the source")
            del attrs[key]
        elif (text := plain_text(attrs[key])) != attrs[key]:
            report("markup-removed", f"markup removed from the attribute '{key}' (it is plain text): "
                                     f"{attrs[key][:80]!r} → {text[:80]!r}")
            attrs[key] = " ".join(text.split())


def sanitise(doc: pf.Doc, path: Path) -> list[Finding]:
    """Strip what could run or hide in a rendition; one finding per removal."""
    findings: list[Finding] = []

    def report(rule: str, message: str) -> None:
        findings.append(Finding("sanitise", "source", rule, "warning", message, str(path)))

    def action(e, d):
        if isinstance(e, (pf.RawBlock, pf.RawInline)):
            report("raw-markup-removed", f"raw {e.format} removed: {e.text[:80]!r}")
            return [] if isinstance(e, pf.RawBlock) else pf.Str("")
        _attributes(e, report)
        if isinstance(e, pf.Link):
            scheme = urlsplit(e.url.strip()).scheme.lower()
            if scheme not in LINK_SCHEMES:
                report("link-removed", f"link to '{e.url[:80]}' removed (scheme '{scheme}:' is not allowed); its text is kept")
                return pf.Span(*e.content)
        return None

    walk(doc, action)
    return findings


def plain_text(value: str) -> str:
    """The text of a metadata value with every tag removed (script and style with their content), entities
    decoded; repeated until stable, so '&lt;script&gt;' cannot turn into a tag on the way."""
    for _ in range(4):
        clean = unescape(nh3.clean(value, tags=set()))
        if clean == value:
            break
        value = clean
    return value


def sanitise_metadata(meta: Metadata, path: Path) -> list[Finding]:
    """Markup removed from the plain-text metadata fields, keywords and image alternatives; one finding each."""
    findings: list[Finding] = []

    def clean(where: str, value: str | None) -> str | None:
        if value is None:
            return None
        text = plain_text(value)
        if text != value:
            findings.append(Finding("sanitise", "source", "markup-removed", "warning",
                                    f"markup removed from '{where}' (it is plain text): {value[:80]!r} → "
                                    f"{text[:80]!r}", f"{path}: front matter '{where}'"))
        return " ".join(text.split()) if text != value else value

    for name in TEXT_FIELDS:
        setattr(meta, name, clean(name, getattr(meta, name)))
    meta.keywords = [k for k in (clean("keywords", k) for k in meta.keywords) if k]
    for n, image in enumerate(meta.images):
        image.alt = clean(f"images[{n}].alt", image.alt)
    if not meta.title.strip():
        meta.title = path.stem
    return findings
