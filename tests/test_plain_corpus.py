"""Issue 13: every real release of the corpus (tests/corpus) keeps its structure in plain.html — its tables,
lists, link targets and headings — and no plain page calls itself Leichte Sprache without a sign-off."""

from __future__ import annotations

import csv
from pathlib import Path

import lxml.html
import panflute as pf
import pytest

from accesspub.config import Settings
from accesspub.ingest import load_release
from accesspub.render import BuildContext
from accesspub.render.plain import render

CORPUS = Path(__file__).parent / "corpus"
ROWS = list(csv.DictReader((CORPUS / "SOURCES.tsv").open(encoding="utf-8"), delimiter="\t"))


def _count(doc, *types) -> int:
    """Elements of these types that hold text (a reader's empty list item is no list)."""
    found = []
    doc.walk(lambda e, d: found.append(e) if isinstance(e, types) and pf.stringify(e).strip() else None)
    return len(found)


def _targets(doc) -> set[str]:
    found = set()
    doc.walk(lambda e, d: found.add(e.url) if isinstance(e, pf.Link) and e.url.startswith(("http", "mailto"))
             else None)
    return found


@pytest.mark.parametrize("row", ROWS, ids=[r["file"] for r in ROWS])
def test_corpus_release_keeps_its_structure_in_plain_html(row, tmp_path):
    settings = Settings()
    release = load_release(CORPUS / row["file"], settings)
    rendition = render(release, BuildContext(settings, tmp_path / "out"))
    if not rendition.files:
        pytest.skip(f"no plain rules for '{release.lang}'")
    page = rendition.files[0].read_text(encoding="utf-8")
    main = lxml.html.fromstring(page).xpath("//main")[0]
    doc = release.doc
    assert len(main.xpath(".//table")) >= _count(doc, pf.Table), "a table was lost"
    assert len(main.xpath(".//ul|.//ol")) >= _count(doc, pf.BulletList, pf.OrderedList), "a list was lost"
    hrefs = set(main.xpath(".//a/@href"))
    assert _targets(doc) <= hrefs, f"link targets lost: {sorted(_targets(doc) - hrefs)}"
    author_headings = _count(doc, pf.Header)
    assert len(main.xpath(".//h2|.//h3")) >= author_headings, "a heading was lost"
    assert rendition.data["reviewed"] is False
    assert "Leichte Sprache" not in page.split("<aside")[0], "an unreviewed draft is called Leichte Sprache"
