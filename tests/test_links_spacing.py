"""E-mail, web and telephone links from the text, and no-break spaces inside amounts (ingest passes)."""

from __future__ import annotations

import pytest

import panflute as pf

from accesspub.config import Settings
from accesspub.ingest import load_release

TEXT = """---
title: Hitzeschutz in Kitas
date: 2025-06-02
lang: de
contact: "Pressestelle · Tel. 0611 3219-3412 · Fax 0611 3219-3400 · presse@example.org"
---

Das Land gibt ca. 2,3 Mio. € für 200 l Wasser je Kita, 12 % mehr als nach § 5 vorgesehen.
Infos unter https://www.example.org/hitzeschutz/ und www.land.hessen.de. Die Hotline ist unter
Tel. 0800 123456, montags von 8 bis 16 Uhr, erreichbar; Fragen gern an presse@example.org.
Am 2. Juni 2025 kamen 1.500 Menschen. Schon [der Verband](https://example.net/verband) schrieb an info@example.net.
"""


def _release(tmp_path, text=TEXT):
    source = tmp_path / "hitze.md"
    source.write_text(text, encoding="utf-8")
    return load_release(source, Settings())


def _links(release) -> list[tuple[str, str]]:
    found = []
    release.doc.walk(lambda e, d: found.append((pf.stringify(e), e.url)) if isinstance(e, pf.Link) else None)
    return found


def test_addresses_and_labelled_phone_numbers_become_links(tmp_path):
    links = _links(_release(tmp_path))
    assert ("https://www.example.org/hitzeschutz/", "https://www.example.org/hitzeschutz/") in links
    assert ("www.land.hessen.de", "https://www.land.hessen.de") in links, "the sentence's full stop stays outside"
    assert ("0800 123456", "tel:0800123456") in links, "the comma after the number stays outside"
    assert ("0611 3219-3412", "tel:061132193412") in links
    assert links.count(("presse@example.org", "mailto:presse@example.org")) == 2
    assert not any("3400" in text for text, _ in links), "a fax number is not a number to call"
    assert not any(url.startswith("tel:") and ("2025" in url or "1500" in url) for _, url in links)


def test_an_authors_link_is_kept_and_nothing_inside_a_link_is_linked_again(tmp_path):
    links = _links(_release(tmp_path))
    assert ("der Verband", "https://example.net/verband") in links
    assert ("info@example.net", "mailto:info@example.net") in links


def test_amounts_units_and_percent_do_not_break(tmp_path):
    text = " ".join(t for _, t in _release(tmp_path).sentences())
    for kept in ("2,3\u00a0Mio.\u00a0€", "200\u00a0l", "12\u00a0%", "§\u00a05"):
        assert kept in text, kept
    assert "2. Juni 2025" in text and "1.500 Menschen" in text, "dates and counts keep ordinary spaces"


def test_a_table_without_caption_gets_one_from_its_headings(tmp_path):
    text = ("---\ntitle: Zahlen\ndate: 2025-06-02\nlang: de\n---\n\nDie Zahlen:\n\n"
            "| Landkreis | Kitas |\n|---|---|\n| Kassel | 118 |\n\n| Jahr | Summe |\n|---|---|\n| 2025 | 3 |\n\n"
            "Table: Förderung je Jahr\n")
    release = _release(tmp_path, text)
    captions = []
    release.doc.walk(lambda e, d: captions.append(pf.stringify(e.caption)) if isinstance(e, pf.Table) else None)
    assert captions == ["Tabelle 1: Landkreis, Kitas", "Förderung je Jahr"]
    from accesspub.tts import script
    said = [c.spoken for c in script.build(release).cues]
    assert "Tabelle eins: Landkreis, Kitas" in said and "Tabelle: Förderung je Jahr" in said
