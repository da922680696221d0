"""What a release page says about itself to machines: Open Graph for link previews and a schema.org
`NewsArticle` as JSON-LD (a data block, `<script type="application/ld+json">`, which the CSP does not execute).

Only facts of the release and the settings go in; the accessibility properties name what the page has, never
a conformance claim.
"""

from __future__ import annotations

import base64
import hashlib
import json

from markupsafe import Markup

from ..model import Release
from . import BuildContext

ISO_LOCALES = {"de": "de_DE", "en": "en_GB"}


def page_url(ctx: BuildContext, slug: str, file: str = "") -> str:
    """The public URL of a file of the release (settings.site.url + slug + '/' + file)."""
    return ctx.settings.site.url.rstrip("/") + "/" + slug + "/" + file


def open_graph(release: Release, ctx: BuildContext) -> list[tuple[str, str]]:
    """(property, content) pairs for <meta property=… content=…>."""
    meta = release.meta
    pairs = [("og:type", "article"), ("og:title", meta.title), ("og:url", page_url(ctx, release.slug)),
             ("og:site_name", ctx.settings.site.title or ctx.publisher(release)),
             ("og:locale", ISO_LOCALES.get(release.lang, release.lang))]
    if meta.summary:
        pairs.append(("og:description", meta.summary))
    if meta.date:
        pairs.append(("article:published_time", meta.date.isoformat()))
    for image in _images(release, ctx)[:1]:
        pairs += [("og:image", image["url"]), ("og:image:alt", image["alt"])]
    return pairs


def _images(release: Release, ctx: BuildContext) -> list[dict]:
    return [{"url": page_url(ctx, release.slug, name), "alt": _alt(release, name)} for name in release.resources]


def _alt(release: Release, name: str) -> str:
    import panflute as pf
    found: list[str] = []
    release.doc.walk(lambda e, d: found.append(pf.stringify(e)) if isinstance(e, pf.Image) and e.url == name
                     else None)
    return found[0] if found else ""


def news_article(release: Release, ctx: BuildContext, renditions: list[dict], audio: bool) -> dict:
    """schema.org NewsArticle of the release, with its other forms as `encoding` and `associatedMedia`."""
    meta, s = release.meta, ctx.settings
    publisher = {"@type": "Organization", "name": meta.publisher or s.publisher.name}
    if s.publisher.url:
        publisher["url"] = s.publisher.url
    data = {
        "@context": "https://schema.org", "@type": "NewsArticle",
        "headline": meta.title, "inLanguage": release.lang, "url": page_url(ctx, release.slug),
        "mainEntityOfPage": page_url(ctx, release.slug), "publisher": publisher, "author": publisher,
        "isAccessibleForFree": True,
        "accessMode": ["textual"] + (["auditory"] if audio else []),
        "accessModeSufficient": [{"@type": "ItemList", "itemListElement": ["textual"]}],
        "accessibilityFeature": ["structuralNavigation", "readingOrder"]
        + (["synchronizedAudioText"] if audio else []),
        "accessibilityHazard": ["none"],
    }
    if meta.subtitle:
        data["alternativeHeadline"] = meta.subtitle
    if meta.summary:
        data["description"] = meta.summary
    if meta.date:
        data["datePublished"] = meta.date.isoformat()
    if meta.place:
        data["contentLocation"] = {"@type": "Place", "name": meta.place}
    if meta.keywords:
        data["keywords"] = list(meta.keywords)
    if images := _images(release, ctx):
        data["image"] = [i["url"] for i in images]
    media = [{"@type": "MediaObject", "name": r["label"], "encodingFormat": r["mime"],
              "contentUrl": page_url(ctx, release.slug, r["href"])} for r in renditions]
    if media:
        data["encoding"] = media
    return data


def script_block(data: dict) -> tuple[Markup, str]:
    """(the JSON text for <script type="application/ld+json">, its CSP source 'sha256-…').

    The block is data, never run; its hash in script-src keeps validators (and strict CSP readers) content
    without allowing any other inline script. "<" is escaped so the text cannot close the element."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":")).replace("<", "\\u003c")
    digest = base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii")
    return Markup(text), f"'sha256-{digest}'"
