"""The press-release anatomy found in the sample and in DOCX, ODT and HTML sources made by pandoc."""

from __future__ import annotations

import datetime as dt

import panflute as pf
import pypandoc
import pytest

from accesspub.config import Settings
from accesspub.ingest import load_release
from accesspub.ingest.dates import parse_dateline


@pytest.fixture(scope="module")
def sample(sample_path):
    return load_release(sample_path, Settings())


def _paragraphs(release):
    found = []
    release.doc.walk(lambda e, d: found.append(pf.stringify(e)) if isinstance(e, pf.Para) else None)
    return found


def test_sample_header_parts(sample):
    m = sample.meta
    assert m.kicker == "Presseinformation"
    assert m.title == "Regionalkonferenz Nord im Rahmen des Landesprogramms WIR"
    assert m.subtitle.startswith("Staatssekretär Kai Klose: „Interkulturelle Öffnung und Aufbau einer Anerkennungskultur")
    assert (m.place, m.date) == ("Wiesbaden", dt.date(2017, 10, 27))
    assert m.lead_location == "Bad Hersfeld"
    assert m.lang == "de"
    assert sample.slug == "2017-10-27-regionalkonferenz-nord-im-rahmen-des-landesprogramms-wir"


def test_sample_page_break_paragraph_is_joined(sample):
    joined = [p for p in _paragraphs(sample) if "damit Menschen unabhängig" in p]
    assert len(joined) == 1
    assert not any(p.rstrip().endswith("damit") for p in _paragraphs(sample))


def test_sample_end_mark_and_kicker_leave_the_body(sample):
    text = pf.stringify(sample.doc)
    assert "***" not in text and "\\*" not in text
    assert "Presseinformation" not in text


def test_sentence_ids_are_sequential_and_stable(sample, sample_path):
    ids = [sid for sid, _ in sample.sentences()]
    assert ids == [f"s-{n}" for n in range(1, len(ids) + 1)]
    assert len(ids) >= 20
    again = load_release(sample_path, Settings())
    assert again.sentences() == sample.sentences()


def test_quote_with_attribution_becomes_blockquote(sample):
    figures = []
    sample.doc.walk(lambda e, d: figures.append(e) if isinstance(e, pf.Figure) else None)
    assert len(figures) == 1
    assert isinstance(figures[0].content[0], pf.BlockQuote)
    assert pf.stringify(figures[0].caption).strip() == "so der Staatssekretär."


def test_abbreviations_are_marked(sample):
    abbrs = {}
    sample.doc.walk(lambda e, d: abbrs.update({pf.stringify(e): e.attributes["title"]})
                    if isinstance(e, pf.Span) and "abbr" in e.classes else None)
    assert abbrs["Mio."] == "Millionen"
    assert abbrs["bzw."] == "beziehungsweise"


@pytest.mark.parametrize("text, expected", [
    ("Wiesbaden, 27. Oktober 2017", ("Wiesbaden", dt.date(2017, 10, 27))),
    ("Bad Hersfeld, den 3. März 2025", ("Bad Hersfeld", dt.date(2025, 3, 3))),
    ("Berlin, 27.10.2017", ("Berlin", dt.date(2017, 10, 27))),
    ("London, 3 March 2025", ("London", dt.date(2025, 3, 3))),
    ("Cardiff, March 3, 2025", ("Cardiff", dt.date(2025, 3, 3))),
    ("Montag, 2. Juni 2025", (None, dt.date(2025, 6, 2))),
    ("2025-06-02", (None, dt.date(2025, 6, 2))),
])
def test_datelines(text, expected):
    assert parse_dateline(text) == expected


@pytest.mark.parametrize("text", ["Wiesbaden, im Oktober", "Der Minister sagte, 27 Leute kamen.", "Berlin, 31. Februar 2025"])
def test_not_datelines(text):
    assert parse_dateline(text) is None


RELEASE_MD = """Pressemitteilung

Kassel, 3. März 2025

**Neue Radwege für Nordhessen**
**Ministerin: „Wir bauen 40 Kilometer bis 2027“**

**Kassel.** Das Land fördert neue Radwege mit 12 Mio. Euro. Die Ministerin stellte das Programm am Montag vor.

Die Arbeiten beginnen im Sommer. Die Kommunen

planen die Strecken gemeinsam mit dem Land.

***

Pressestelle des Ministeriums, Telefon 0561 1234
"""


@pytest.mark.parametrize("fmt", ["docx", "odt", "html"])
def test_anatomy_of_pandoc_written_sources(tmp_path, fmt):
    path = tmp_path / f"release.{fmt}"
    pypandoc.convert_text(RELEASE_MD, fmt, format="markdown", outputfile=str(path),
                          extra_args=["--standalone", "--metadata=pagetitle=x"] if fmt == "html" else [])
    release = load_release(path, Settings())
    m = release.meta
    assert m.kicker == "Pressemitteilung"
    assert m.title == "Neue Radwege für Nordhessen"
    assert m.subtitle == "Ministerin: „Wir bauen 40 Kilometer bis 2027“"
    assert (m.place, m.date) == ("Kassel", dt.date(2025, 3, 3))
    assert m.lead_location == "Kassel"
    paragraphs = _paragraphs(release)
    # two paragraphs an author wrote stay two (only text pasted from a PDF is joined at page breaks; issue 12)
    assert any(p.strip().endswith("Die Kommunen") for p in paragraphs)
    assert any(p.startswith("planen die Strecken") for p in paragraphs)
    contact = []
    release.doc.walk(lambda e, d: contact.append(pf.stringify(e)) if isinstance(e, pf.Div) and "contact" in e.classes else None)
    assert contact and "Telefon 0561 1234" in contact[0]


def test_markdown_front_matter_and_english_detection(tmp_path):
    path = tmp_path / "en.md"
    path.write_text("---\ntitle: New cycle paths for the north\ndate: 2025-03-03\n---\n\n"
                    "The regional government is funding forty kilometres of new cycle paths. "
                    "Work starts in the summer and will be finished by 2027.\n\n## Background\n\nMore text here.\n",
                    encoding="utf-8")
    release = load_release(path, Settings())
    assert release.meta.lang == "en"
    assert release.meta.title == "New cycle paths for the north"
    levels = []
    release.doc.walk(lambda e, d: levels.append(e.level) if isinstance(e, pf.Header) else None)
    assert levels == [2]
