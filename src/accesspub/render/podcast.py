"""OUT/podcast.xml: RSS 2.0 with the itunes namespace (feedgen's podcast extension) and Podcasting 2.0 tags.

An item is a dict with the keys
    slug, title, summary, date (ISO date or None), lang, mp3, vtt, chapters (paths), duration (seconds);
a build `Manifest` is accepted too (or its JSON as a dict) and read through `items_from_manifest`: one item per
spoken rendition (the full text's audio and the plain-language audio).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from feedgen.ext.base import BaseEntryExtension, BaseExtension
from feedgen.feed import FeedGenerator
from lxml import etree

from .. import atomic
from ..config import Settings
from ..language.lexicon import ui
from ..manifest import Manifest

PODCAST_NS = "https://podcastindex.org/namespace/1.0"
FEED_NAME = "podcast.xml"

class PodcastIndexExtension(BaseExtension):
    """Declares the podcast: namespace (Podcasting 2.0) on the feed."""

    def extend_ns(self):
        return {"podcast": PODCAST_NS}


class PodcastIndexEntryExtension(BaseEntryExtension):
    """podcast:transcript and podcast:chapters of one item."""

    def __init__(self):
        self._transcript: dict | None = None
        self._chapters: dict | None = None

    def transcript(self, url: str, type_: str = "text/vtt", language: str | None = None, rel: str = "captions"):
        self._transcript = {"url": url, "type": type_, "rel": rel, **({"language": language} if language else {})}

    def chapters(self, url: str, type_: str = "application/json+chapters"):
        self._chapters = {"url": url, "type": type_}

    def extend_rss(self, item):
        for name, attrs in (("transcript", self._transcript), ("chapters", self._chapters)):
            if attrs:
                etree.SubElement(item, f"{{{PODCAST_NS}}}{name}", attrs)
        return item


SPOKEN = ("audio", "plain-audio")
"""The spoken renditions; each is its own item (the plain-language audio beside the full text)."""


def item_from_manifest(out: Path, manifest: Manifest | dict, name: str = "audio") -> dict:
    """A podcast item from a release's build manifest (files named in built[name])."""
    m = manifest if isinstance(manifest, Manifest) else Manifest.from_dict(manifest)
    audio = m.built[name]
    files = [out / m.slug / f for f in audio.files]
    by_suffix = {("chapters" if p.name.endswith(".chapters.json") else p.suffix.lstrip(".")): p for p in files}
    title, page = m.title, ""
    if name != "audio":
        from .frame import label
        title, page = f"{m.title} – {label(name, m.lang)}", "plain.html" if "plain" in m.renditions else ""
    return {"slug": m.slug, "title": title, "summary": m.summary, "date": m.date, "lang": m.lang,
            "mp3": by_suffix.get("mp3"), "vtt": by_suffix.get("vtt"), "chapters": by_suffix.get("chapters"),
            "duration": audio.data.get("duration"), "page": page, "plain": name != "audio"}


def items_from_manifest(out: Path, manifest: Manifest | dict) -> list[dict]:
    """Every spoken rendition of a release as an item: the full text and, when built, the plain version."""
    m = manifest if isinstance(manifest, Manifest) else Manifest.from_dict(manifest)
    from ..renditions import withheld
    held = withheld({n: b.data for n, b in m.built.items()})
    return [item_from_manifest(out, m, name) for name in SPOKEN if name in m.built and name not in held]


def _duration(item: dict) -> float:
    try:
        from mutagen.mp3 import MP3
        return float(MP3(item["mp3"]).info.length)
    except Exception:  # unreadable file: fall back to what the renderer measured
        return float(item.get("duration") or 0)


def _hms(seconds: float) -> str:
    s = int(round(seconds))
    return f"{s // 3600:02d}:{s % 3600 // 60:02d}:{s % 60:02d}"


def _url(base: str, slug: str, path: Path) -> str:
    return f"{base}{slug}/{path.name}"


def write_podcast(out: Path, items: list[dict], settings: Settings) -> Path:
    """Write OUT/podcast.xml for the items (newest first) and return its path."""
    items = [x for i in items for x in (items_from_manifest(out, i) if isinstance(i, Manifest) or "built" in i
                                        else [i])]
    items = [i for i in items if i.get("mp3") and Path(i["mp3"]).is_file()]
    lang = settings.site.default_language
    base = settings.site.url.rstrip("/") + "/"
    publisher = settings.publisher.name
    fg = FeedGenerator()
    fg.load_extension("podcast")
    fg.load_extension("dc")
    fg.register_extension("podcastindex", PodcastIndexExtension, PodcastIndexEntryExtension, atom=False)
    title = f"{settings.site.title or publisher} – {ui(lang, 'podcast_title')}"
    fg.title(title)
    fg.link(href=base + FEED_NAME, rel="self")
    fg.link(href=base, rel="alternate")          # feedgen takes the last link as the RSS channel link
    fg.description(ui(lang, "podcast_description").format(publisher=publisher))
    fg.language(lang)
    fg.generator("accesspub")
    fg.podcast.itunes_author(publisher)
    fg.podcast.itunes_category("Government")
    fg.podcast.itunes_explicit("no")
    fg.podcast.itunes_summary(ui(lang, "podcast_description").format(publisher=publisher))
    if settings.publisher.logo and settings.publisher.logo.startswith(("http://", "https://")):
        fg.podcast.itunes_image(settings.publisher.logo)
    newest = None
    # feedgen writes items in reverse order of adding: add oldest first so the newest comes first
    for item in sorted(items, key=lambda i: (i.get("date") or "", i["slug"], bool(i.get("page")))):
        mp3, vtt, chapters = Path(item["mp3"]), item.get("vtt"), item.get("chapters")
        page = f"{base}{item['slug']}/{item.get('page') or ''}"
        fe = fg.add_entry()
        fe.title(item["title"])
        fe.link(href=page)
        # the plain item's guid is its MP3: unique beside the full text's page even without a plain page
        fe.guid(_url(base, item["slug"], mp3) if item.get("plain") else page, permalink=True)
        if item.get("summary"):
            fe.description(item["summary"])
        when = dt.datetime.fromisoformat(item["date"]) if item.get("date") else \
            dt.datetime.fromtimestamp(mp3.stat().st_mtime)
        when = when.replace(tzinfo=dt.timezone.utc) if when.tzinfo is None else when
        fe.pubDate(when)
        newest = max(newest, when) if newest else when
        fe.enclosure(_url(base, item["slug"], mp3), str(mp3.stat().st_size), "audio/mpeg")
        fe.podcast.itunes_duration(_hms(_duration(item)))
        fe.podcast.itunes_author(publisher)
        fe.dc.dc_language(item.get("lang") or lang)
        if vtt and Path(vtt).is_file():
            fe.podcastindex.transcript(_url(base, item["slug"], Path(vtt)), "text/vtt", item.get("lang") or lang)
        if chapters and Path(chapters).is_file():
            fe.podcastindex.chapters(_url(base, item["slug"], Path(chapters)))
    if newest:
        fg.lastBuildDate(newest)
    path = out / FEED_NAME
    atomic.write_bytes(path, fg.rss_str(pretty=True))
    return path
