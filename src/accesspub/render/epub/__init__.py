"""EPUB 3 rendition: the release as an accessible EPUB (EPUB Accessibility 1.1), with media overlays when
the audio rendition was built. Written without a conformance claim: the EPUB check adds it once
EPUBCheck, Ace and our lint have passed (see `claim.set_claim`)."""

from __future__ import annotations

import datetime as dt
import re
import uuid
from dataclasses import asdict
from pathlib import Path

from ...findings import Finding
from ...model import Release
from ...paths import STYLES, font_files
from .. import BuildContext, Rendition
from .archive import write_epub
from .document import ContentDocument, Resource, content_document
from .metadata import accessibility
from .overlay import Overlay, media_overlay
from .templates import render_template, strings, strings_lang

_FONT_FACE = re.compile(r"@font-face\s*\{[^}]*?url\(\"\.\./fonts/([^\"]+)\"\)[^}]*\}\s*", re.S)


def stylesheet() -> tuple[str, list[Resource], list[Finding]]:
    """styles/epub.css with the font files it embeds; @font-face rules whose file is missing are dropped."""
    css = (STYLES / "epub.css").read_text(encoding="utf-8")
    available = {p.name: p for p in font_files()}
    fonts, missing = [], []

    def keep(match: re.Match) -> str:
        name = match.group(1)
        if name not in available:
            missing.append(name)
            return ""
        fonts.append(Resource(f"font-{len(fonts) + 1}", f"fonts/{name}", "font/woff2", available[name].read_bytes()))
        return match.group(0)

    css = _FONT_FACE.sub(keep, css)
    findings = [Finding("epub", "epub", "font-missing", "warning",
                        f"font files not found, the EPUB falls back to the reader's font: {', '.join(missing)}; "
                        "run: make setup")] if missing else []
    return css, fonts, findings


def modified(release: Release) -> dt.datetime:
    """When the source last changed (UTC, whole seconds): dcterms:modified and the ZIP time stamps."""
    try:
        stamp = dt.datetime.fromtimestamp(Path(release.source).stat().st_mtime, dt.timezone.utc)
    except OSError:
        stamp = dt.datetime.now(dt.timezone.utc)
    return stamp.replace(microsecond=0, tzinfo=None)


def identifier(release: Release, ctx: BuildContext) -> str:
    """A stable identifier: the same release at the same site URL keeps it across builds."""
    return f"urn:uuid:{uuid.uuid5(uuid.NAMESPACE_URL, ctx.settings.site.url + release.slug)}"


def _overlay(release: Release, ctx: BuildContext, doc: ContentDocument,
             findings: list[Finding]) -> tuple[Overlay | None, Resource | None]:
    audio = ctx.earlier(release, "audio")
    if not audio or not audio.files or not audio.files[0].exists():
        return None, None
    mp3 = audio.files[0]
    if mp3.suffix.lower() != ".mp3":
        findings.append(Finding("epub", "epub", "overlay-audio-type", "warning",
                                f"{mp3.name} is not MP3; the EPUB has no media overlays", str(release.source)))
        return None, None
    href = f"audio/{mp3.name}"
    overlay = media_overlay(audio.data.get("timings") or [], doc, href, audio.data.get("duration"))
    if overlay is None:
        findings.append(Finding("epub", "epub", "overlay-no-cues", "warning",
                                "the audio has no timings that match the text; the EPUB has no media overlays",
                                str(release.source)))
        return None, None
    if overlay.skipped:
        findings.append(Finding("epub", "epub", "overlay-cue-without-text", "info",
                                f"audio cues with no element in the text: {', '.join(overlay.skipped)}",
                                str(release.source)))
    return overlay, Resource("audio", href, "audio/mpeg", mp3.read_bytes())


def render(release: Release, ctx: BuildContext) -> Rendition:
    path = ctx.release_dir(release) / f"{release.slug}.epub"
    doc = content_document(release, ctx)
    css, fonts, findings = stylesheet()
    findings = doc.findings + findings
    overlay, audio = _overlay(release, ctx, doc, findings)
    resources = fonts + doc.resources + ([audio] if audio else [])
    a11y = accessibility(release.lang, doc.images, overlay is not None, has_toc=bool(doc.toc))
    meta, stamp = release.meta, modified(release)
    text = strings(release.lang)
    publisher = ctx.publisher(release)
    opf = render_template(
        "package.opf", lang=release.lang, identifier=identifier(release, ctx), title=meta.title,
        subtitle=meta.subtitle, publisher=publisher, date=meta.date.isoformat() if meta.date else None,
        description=meta.summary, keywords=meta.keywords, modified=stamp.strftime("%Y-%m-%dT%H:%M:%SZ"),
        a11y=a11y, overlay=overlay, resources=resources, label_lang=strings_lang(release.lang))
    nav = render_template("nav.xhtml", lang=release.lang, title=meta.title, strings=text, toc=doc.toc,
                          label_lang=strings_lang(release.lang))
    entries = [
        ("META-INF/container.xml", render_template("container.xml").encode()),
        ("EPUB/package.opf", opf.encode()),
        ("EPUB/nav.xhtml", nav.encode()),
        ("EPUB/text.xhtml", doc.xhtml.encode()),
        ("EPUB/styles/epub.css", css.encode()),
        *((f"EPUB/{r.href}", r.data) for r in resources),
    ]
    if overlay:
        entries.append(("EPUB/text.smil", overlay.smil.encode()))
    write_epub(path, entries, stamp)
    return Rendition("epub", [path], findings,
                     data={"overlay": overlay is not None, "accessibility": asdict(a11y),
                           "clips": len(overlay.clips) if overlay else 0})
