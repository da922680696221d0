"""The site around the releases: shared assets, OUT/index.html (newest first) and OUT/feed.xml (Atom)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from babel.dates import format_date
from feedgen.feed import FeedGenerator

from .. import images
from ..atomic import write_bytes
from ..language.lexicon import lexicon
from ..paths import PACKAGE, STYLES, font_files
from ..manifest import Manifest
from ..renditions import renditions
from . import BuildContext
from .frame import label, media_type, page_vars, render_page


def copy_assets(ctx: BuildContext) -> None:
    """Stylesheets, fonts, scripts and the logo into OUT/_assets (copied only when changed)."""
    assets = ctx.assets
    (assets / "fonts").mkdir(parents=True, exist_ok=True)
    sources = [*(STYLES.glob("*.css")), *(PACKAGE / "templates").glob("*.js")]
    targets = [assets / p.name for p in sources]
    sources += font_files()
    targets += [assets / "fonts" / p.name for p in font_files()]
    files = [(dst, src.read_bytes()) for src, dst in zip(sources, targets)]
    if logo := ctx.settings.publisher.logo:
        src = ctx.settings.root / logo
        files.append((assets / ("logo" + src.suffix), images.read(src)))   # an SVG logo sanitised too
    for dst, data in files:
        if not dst.exists() or dst.read_bytes() != data:
            write_bytes(dst, data)


def site_title(ctx: BuildContext, lang: str) -> str:
    return ctx.settings.site.title or f"{ctx.settings.publisher.name} – {lexicon(lang)['ui']['site_title']}"


def write_index(ctx: BuildContext, entries: list[Manifest]) -> Path:
    """OUT/index.html: every release, newest first, from the release manifests."""
    lang = ctx.settings.site.default_language
    releases = []
    for e in sorted(entries, key=lambda e: (e.date or "", e.slug), reverse=True):
        date = dt.date.fromisoformat(e.date) if e.date else None
        releases.append({
            "slug": e.slug, "title": e.title, "summary": e.summary, "lang": e.lang, "date": date,
            "year": date.year if date else 0,          # undated releases last ("ohne Datum")
            "date_long": format_date(date, format="long", locale=lang) if date else None,
            "renditions": [{"file": e.renditions[name], "mime": media_type(name), "label": label(name, lang)}
                           for name in renditions() if name in e.renditions],
        })
    path = ctx.out / "index.html"
    render_page("site.html", path, **page_vars(lang, ctx, ""), site_title=site_title(ctx, lang),
                description=None, releases=releases)
    return path


def write_feed(ctx: BuildContext, entries: list[Manifest]) -> Path:
    """OUT/feed.xml: an Atom feed of the releases."""
    lang = ctx.settings.site.default_language
    base = ctx.settings.site.url.rstrip("/") + "/"
    fg = FeedGenerator()
    fg.id(base)
    fg.title(site_title(ctx, lang))
    fg.author({"name": ctx.settings.publisher.name})
    fg.link(href=base, rel="alternate")
    fg.link(href=base + "feed.xml", rel="self")
    fg.language(lang)
    newest = dt.datetime(1970, 1, 1, tzinfo=dt.timezone.utc)
    for e in sorted(entries, key=lambda e: (e.date or "", e.slug)):
        fe = fg.add_entry()
        url = f"{base}{e.slug}/"
        fe.id(url)
        fe.title(e.title)
        fe.link(href=url)
        if e.summary:
            fe.summary(e.summary)
        stamp = e.date or e.modified
        when = dt.datetime.fromisoformat(stamp) if stamp else newest
        when = when if when.tzinfo else when.replace(tzinfo=dt.timezone.utc)
        fe.updated(when)
        fe.published(when)
        newest = max(newest, when)
    fg.updated(newest)
    path = ctx.out / "feed.xml"
    write_bytes(path, fg.atom_str(pretty=True))
    return path
