"""EPUB links: what does not resolve inside the book leads to the public site, never to a missing file (issue 12).

Sources from a site generator or CMS link to other pages of their site ("/presse/…", "../archiv/", "anhang.pdf");
inside an EPUB such a link names a file the book does not hold (EPUBCheck RSC-007) or one outside the container
(RSC-026). They become absolute against the release's public address, as in the PDF.
"""

from __future__ import annotations

import zipfile

from lxml import etree

from accesspub.checks import run_all
from accesspub.config import Settings
from accesspub.ingest import load_release
from accesspub.render import BuildContext
from accesspub.render.epub import render
from accesspub.render.epub.document import content_document

XHTML = "{http://www.w3.org/1999/xhtml}"
SOURCE = """---
title: Links aus dem Redaktionssystem
date: 2025-03-01
lang: de
---

**Berlin.** Die [Übersicht](/presse/uebersicht/) und das [Archiv](../archiv/) und die
[Broschüre](anhang.pdf) und [fremd](//andere.example/seite) und [die Seite](https://www.land.example/seite)
und [Post](mailto:presse@land.example) und [oben](#mehr) und [verloren](#gibt-es-nicht).

## Mehr {#mehr}

Ein Absatz zum Schluss.
"""


def _hrefs(epub) -> dict[str, str]:
    tree = etree.fromstring(zipfile.ZipFile(epub).read("EPUB/text.xhtml"))
    return {" ".join("".join(a.itertext()).split()): a.get("href") for a in tree.iter(f"{XHTML}a")}


def test_links_outside_the_book_lead_to_the_public_site_and_epubcheck_passes(tmp_path):
    source = tmp_path / "r.md"
    source.write_text(SOURCE, encoding="utf-8")
    settings = Settings(site={"url": "https://www.land.example/presse/"})
    release = load_release(source, settings)
    epub = render(release, BuildContext(settings, tmp_path / "out")).files[0]
    page = f"https://www.land.example/presse/{release.slug}/"
    assert _hrefs(epub) == {
        "Übersicht": "https://www.land.example/presse/uebersicht/",
        "Archiv": "https://www.land.example/presse/archiv/",
        "Broschüre": page + "anhang.pdf",
        "fremd": "https://andere.example/seite",
        "die Seite": "https://www.land.example/seite",
        "Post": "mailto:presse@land.example",
        "oben": "#mehr",
        "verloren": page + "#gibt-es-nicht",
    }
    findings = run_all({"epub": [("r", epub)]}, settings)["r"]
    assert [f for f in findings if f.check == "epubcheck" and f.severity != "info"] == []


def test_without_a_public_address_the_link_becomes_text_with_its_address(tmp_path):
    source = tmp_path / "r.md"
    source.write_text(SOURCE, encoding="utf-8")
    doc = content_document(load_release(source, Settings()))
    text = " ".join("".join(doc.tree.itertext()).split())
    assert "die Broschüre (anhang.pdf)" in text and "Archiv (../archiv/)" in text
    hrefs = [a.get("href") for a in doc.tree.iter(f"{XHTML}a")]
    assert hrefs == ["https://www.land.example/seite", "mailto:presse@land.example", "#mehr"]
