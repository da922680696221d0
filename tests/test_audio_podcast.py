"""The podcast feed: RSS 2.0 + itunes + podcast namespaces, enclosures that match the files byte for byte."""

from __future__ import annotations

import json
import shutil

import pytest
from lxml import etree

from accesspub.checks.audio import check_podcast
from accesspub.config import Settings
from accesspub.ingest import load_release
from accesspub.render import BuildContext
from accesspub.render.audio import render
from accesspub.render.podcast import PODCAST_NS, write_podcast

NS = {"itunes": "http://www.itunes.com/dtds/podcast-1.0.dtd", "podcast": PODCAST_NS,
      "dc": "http://purl.org/dc/elements/1.1/"}
SECOND = """---
title: Second release in English
date: 2025-03-20
lang: en
---

The second release is short. It has two sentences.
"""


@pytest.fixture(scope="module")
def built(sample_path, tmp_path_factory):
    """Two releases with audio in one OUT folder, and their podcast items."""
    out = tmp_path_factory.mktemp("podcast")
    second = tmp_path_factory.mktemp("podcast-source") / "second.md"
    second.write_text(SECOND, encoding="utf-8")
    ctx = BuildContext(Settings(), out)
    items = []
    for source in (sample_path, second):
        release = load_release(source, ctx.settings)
        rendition = render(release, ctx)
        mp3, vtt, chapters = rendition.files
        items.append({"slug": release.slug, "title": release.meta.title, "summary": release.meta.summary,
                      "date": release.meta.date.isoformat(), "lang": release.lang, "mp3": mp3, "vtt": vtt,
                      "chapters": chapters, "duration": rendition.data["duration"]})
    return out, items, ctx.settings


@pytest.fixture(scope="module")
def feed(built):
    out, items, settings = built
    path = write_podcast(out, items, settings)
    return path, etree.parse(str(path))


def test_feed_parses_with_both_namespaces(feed):
    path, tree = feed
    root = tree.getroot()
    assert root.tag == "rss" and root.get("version") == "2.0"
    assert root.nsmap["itunes"] == NS["itunes"] and root.nsmap["podcast"] == PODCAST_NS
    assert path.name == "podcast.xml"


def test_every_enclosure_length_equals_its_file_size(feed, built):
    path, tree = feed
    out, items, settings = built
    enclosures = tree.findall("channel/item/enclosure")
    assert len(enclosures) == len(items)
    for enclosure in enclosures:
        slug, name = enclosure.get("url").split("/")[-2:]
        assert enclosure.get("url") == f"{settings.site.url}{slug}/{name}"
        assert int(enclosure.get("length")) == (out / slug / name).stat().st_size
        assert enclosure.get("type") == "audio/mpeg"


def test_items_have_transcript_chapters_duration_language_guid_date(feed, built):
    _, tree = feed
    _, items, _ = built
    by_title = {i["title"]: i for i in items}
    for item in tree.findall("channel/item"):
        source = by_title[item.findtext("title")]
        assert item.find("podcast:transcript", NS).get("type") == "text/vtt"
        assert item.find("podcast:transcript", NS).get("url").endswith(source["vtt"].name)
        assert item.find("podcast:chapters", NS).get("type") == "application/json+chapters"
        h, m, s = (int(x) for x in item.findtext("itunes:duration", namespaces=NS).split(":"))
        assert abs(h * 3600 + m * 60 + s - source["duration"]) <= 1
        assert item.findtext("dc:language", namespaces=NS) == source["lang"]
        assert item.findtext("guid") and item.findtext("pubDate")


def test_newest_item_first(feed):
    _, tree = feed
    titles = [i.findtext("title") for i in tree.findall("channel/item")]
    assert titles[0] == "Second release in English"


def test_chapters_json_is_podcasting_2(built):
    _, items, _ = built
    doc = json.loads(items[0]["chapters"].read_text(encoding="utf-8"))
    assert doc["version"].startswith("1.")
    assert [c["startTime"] for c in doc["chapters"]] == sorted(c["startTime"] for c in doc["chapters"])
    assert doc["chapters"][0]["startTime"] == 0


def test_check_podcast_passes_and_catches_a_wrong_length(feed, tmp_path, built):
    path, _ = feed
    assert [f for f in check_podcast(path) if f.severity == "error"] == []
    out, items, _ = built
    broken = out / "broken.xml"
    text = path.read_text(encoding="utf-8")
    size = items[0]["mp3"].stat().st_size
    broken.write_text(text.replace(f'length="{size}"', f'length="{size + 1}"'), encoding="utf-8")
    rules = [f.rule for f in check_podcast(broken) if f.severity == "error"]
    assert rules == ["enclosure-length"]
    broken.unlink()


def test_build_manifests_are_accepted_as_items(built, tmp_path):
    out, items, settings = built
    manifest = {"slug": items[0]["slug"], "title": items[0]["title"], "summary": None, "date": items[0]["date"],
                "lang": "de", "built": {"audio": {"files": [items[0][k].name for k in ("mp3", "vtt", "chapters")],
                                                  "data": {"duration": items[0]["duration"]}}}}
    copy = tmp_path / "out"
    shutil.copytree(out / items[0]["slug"], copy / items[0]["slug"])
    path = write_podcast(copy, [manifest], settings)
    assert [f for f in check_podcast(path) if f.severity == "error"] == []
    assert len(etree.parse(str(path)).findall("channel/item")) == 1
