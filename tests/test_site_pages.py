"""The published site as readers expect it (issue 15), on a real build of two releases with every rendition
but the slow ones: formats before the text, the footer on every page (statement, imprint, privacy, podcast),
the accessibility statement listing exactly the findings, Open Graph and JSON-LD, the report people can act on,
the plain-language audio — and axe 0 and vnu 0 on every page of the site."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from lxml import html as lxml_html

from accesspub.checks import axe, vnu
from accesspub.config import Settings
from accesspub.render.statement import public_message
from accesspub.state import build_dir

from conftest import run_build

HEAT = """---
title: Hitzeschutz in Kitas wird ausgebaut
date: 2025-06-02
place: Wiesbaden
lang: de
summary: Das Land gibt 2,3 Millionen Euro für Hitzeschutz in Kitas.
contact: "Pressestelle · Tel. 0611 3219-3412 · presse@example.org"
---

**Wiesbaden.** Das Land stellt für den Hitzeschutz in Kitas ca. 2,3 Mio. € bereit. Jede Kita erhält einen
Wasserspender mit 200 l Vorrat.

Die Kitas in Kassel bekommen 1,2 Mio. €.
"""
ROOM = """---
title: Library opens a reading room
date: 2024-03-14
place: Springfield
lang: en
---

**Springfield.** The city library opens a reading room on 1 April. It has 40 seats.
"""
TOML = """
[publisher]
name = "Ministerium für Soziales"
url = "https://example.org"
contact = "Pressestelle · presse@example.org"

[site]
url = "https://example.org/presse/"
imprint_url = "https://example.org/impressum"
privacy_url = "https://example.org/datenschutz"

[accessibility]
email = "barrierefrei@example.org"
phone = "0611 000000"
enforcement_body = "Schlichtungsstelle nach § 16 BGG"
enforcement_url = "https://www.schlichtungsstelle-bgg.de"
"""


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    from accesspub.config import load_settings
    folder = tmp_path_factory.mktemp("site")
    (folder / "2025-06-02-hitze.md").write_text(HEAT, encoding="utf-8")
    (folder / "2024-03-14-room.md").write_text(ROOM, encoding="utf-8")
    (folder / "accesspub.toml").write_text(TOML, encoding="utf-8")
    settings = load_settings(folder / "accesspub.toml")
    out = folder / "out"
    result = run_build([folder], out, ("html", "plain", "audio", "plain-audio"), settings)
    return out, result, settings


def _doc(path: Path):
    return lxml_html.fromstring(path.read_bytes())


def _pages(out: Path) -> list[Path]:
    return sorted(p for p in out.rglob("*.html") if "pagefind" not in p.parts)


def test_every_page_has_the_footer_links(site):
    out, _, _ = site
    for page in _pages(out):
        doc = _doc(page)
        hrefs = [a.get("href") for a in doc.xpath("//footer//a")]
        lang = doc.get("lang")
        statement = "barrierefreiheit.html" if lang == "de" else "accessibility.html"
        assert any(h.endswith(statement) for h in hrefs), (page, hrefs)
        assert "https://example.org/impressum" in hrefs and "https://example.org/datenschutz" in hrefs, page
        assert any(h.endswith("podcast.xml") for h in hrefs), page


def test_statement_lists_exactly_the_findings(site):
    out, _, _ = site
    report = json.loads((build_dir(out) / "report.json").read_text(encoding="utf-8"))   # reports: state folder
    expected = sorted((r["slug"], f["rule"], public_message(f["message"])) for r in report["releases"]
                      for f in r["findings"] if f["severity"] in ("error", "warning"))
    expected += sorted(("", f["rule"], public_message(f["message"])) for f in report["site_findings"]
                       if f["severity"] in ("error", "warning"))
    for name in ("barrierefreiheit.html", "accessibility.html"):
        doc = _doc(out / name)
        listed = [(li.get("data-slug"), li.get("data-rule"), li.xpath("string(.//span[@class='message'])"))
                  for li in doc.xpath("//li[contains(@class,'barrier ')]")]
        assert sorted(listed) == sorted(expected), name
    assert expected, "the build has findings to list (the plain version's notes at least)"
    de = _doc(out / "barrierefreiheit.html")
    summaries = [" ".join(s.text_content().split()) for s in de.xpath("//details[@class='rendition' or "
                                                                     "starts-with(@class,'rendition')]/summary")]
    assert summaries and all(re.search(r": \d+ (Barrieren?|Hinweise?)", s) for s in summaries), summaries
    assert not [s for s in summaries if s.split(":")[0] in ("site", "plain", "html", "pdf", "epub", "audio")], \
        "renditions are named in the statement's language"


def test_statement_has_the_parts_of_the_eu_model(site):
    out, _, _ = site
    de = _doc(out / "barrierefreiheit.html")
    headings = [h.text_content() for h in de.xpath("//h2")]
    assert headings == ["Stand der Vereinbarkeit mit den Anforderungen", "Nicht barrierefreie Inhalte",
                        "Erstellung dieser Erklärung", "Feedback und Kontaktangaben", "Durchsetzungsverfahren"]
    assert de.xpath("//a[starts-with(@href,'mailto:barrierefrei@example.org')]")
    assert de.xpath("//a[@href='tel:0611000000']")
    assert de.xpath("//a[@href='https://www.schlichtungsstelle-bgg.de']")
    assert not de.xpath("//form"), "feedback without a form"
    status = de.xpath("string(//p[contains(@class,'status')])")
    assert "teilweise" in status and "vollständig" not in status, "never full compliance without a human review"
    en = _doc(out / "accessibility.html")
    assert en.get("lang") == "en" and en.xpath("string(//h1)") == "Accessibility statement"
    assert [h.text_content() for h in en.xpath("//h2")][-1] == "Enforcement procedure"


def test_formats_come_before_the_text_and_open_graph_and_json_ld(site):
    out, _, _ = site
    page = next(out.glob("2025-06-02-*/index.html"))
    doc = _doc(page)
    nav = doc.xpath("//nav[@class='renditions']")[0]
    first_sentence = doc.xpath("//span[@id='s-1']")[0]
    order = [e for e in doc.iter() if e is nav or e is first_sentence]
    assert order[0] is nav, "alternative formats are at the top"
    assert doc.xpath("//meta[@property='og:title']/@content") == ["Hitzeschutz in Kitas wird ausgebaut"]
    data = json.loads(doc.xpath("//script[@type='application/ld+json']")[0].text)
    assert data["@type"] == "NewsArticle" and data["datePublished"] == "2025-06-02" and data["inLanguage"] == "de"
    assert data["url"].startswith("https://example.org/presse/2025-06-02-")


def test_index_is_grouped_by_year_and_links_the_podcast(site):
    out, _, _ = site
    doc = _doc(out / "index.html")
    assert [h.text_content() for h in doc.xpath("//main//h2")] == ["2025", "2024"]
    assert not [a for a in doc.xpath("//ul[@class='formats']//a") if a.get("href").endswith("/index.html")], \
        "no 'Volltext' link repeating the title link"
    assert doc.xpath("//link[@type='application/rss+xml' and @href='podcast.xml']")


def test_plain_page_links_its_own_audio_and_the_feed_has_its_items(site):
    out, _, _ = site
    plain = next(out.glob("2025-06-02-*/plain.html"))
    doc = _doc(plain)
    audio = doc.xpath("//audio/@src")
    assert audio and audio[0].endswith(".plain.mp3") and (plain.parent / audio[0]).exists()
    feed = (out / "podcast.xml").read_text(encoding="utf-8")
    assert feed.count(".plain.mp3") >= 2 and feed.count("<item>") == 4


def test_report_is_in_the_release_language_grouped_and_explains_metrics(site):
    out, _, _ = site
    path = next(build_dir(out).glob("2025-06-02-*/report.html"))      # reports are kept in the state folder
    assert not list(out.glob("*/report.html")), "reports are not published"
    report = _doc(path)
    assert report.get("lang") == "de" and report.xpath("string(//h1)").startswith("Prüfbericht")
    assert report.xpath("//details/summary"), "groups open and close without JavaScript"
    assert not report.xpath("//table[contains(@class,'findings')]"), "cards, not a squeezed table"
    labels = [d.text_content() for d in report.xpath("//dl[@class='metric-cards']//dt")]
    assert "Wörter je Satz" in labels and "words_per_sentence" not in " ".join(labels)
    assert not re.search(r"docs/[a-z]+\.md", path.read_text("utf-8"))


def test_axe_and_vnu_find_nothing_on_any_page(site):
    out, _, _ = site
    pages = [("page", p) for p in _pages(out)]
    found = [f for fs in axe.check(pages).values() for f in fs] + [f for fs in vnu.check(pages).values() for f in fs]
    assert [(f.check, f.rule, f.location, f.message[:120]) for f in found if f.severity != "info"] == []
