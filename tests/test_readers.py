"""Readers per source form and lenient front matter (issue 12), on small real-shaped sources."""

from __future__ import annotations

import datetime as dt
import json

import panflute as pf
import pytest

from accesspub.config import Output, Settings
from accesspub.errors import SourceError
from accesspub.ingest import load_release


def _load(tmp_path, name, text, settings=None):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8") if isinstance(text, str) else path.write_bytes(text)
    return load_release(path, settings or Settings())


def _rules(release):
    return [f.rule for f in release.findings]


def _html_of(release):
    import pypandoc
    return pf.convert_text(release.doc, input_format="panflute", output_format="html", standalone=False,
                           pandoc_path=pypandoc.get_pandoc_path(), extra_args=["--wrap=none"])


HUGO = """---
title: "Neue Radwege"
authors: [Leonard Wolf]
date: 2019-07-19
description: Das Land fördert Radwege.
tags: [Radverkehr, Kassel]
layout: post
weight: 3
draft: true
---

**Kassel.** Das Land fördert neue Radwege. Die **Nutzer*innen** freuen sich.
| Jahr | Kilometer |
|---|---|
| 2025 | 40 |
"""


def test_generator_front_matter_is_mapped_and_unknown_keys_reported_once(tmp_path):
    r = _load(tmp_path, "hugo.md", HUGO)
    m = r.meta
    assert (m.author, m.date, m.summary, m.keywords) == ("Leonard Wolf", dt.date(2019, 7, 19),
                                                         "Das Land fördert Radwege.", ["Radverkehr", "Kassel"])
    assert m.draft and m.extra == {"layout": "post", "weight": 3}
    ignored = [f for f in r.findings if f.rule == "front-matter-ignored"]
    assert len(ignored) == 1 and "layout, weight" in ignored[0].message and ignored[0].severity == "info"
    assert "draft" in _rules(r)
    html = _html_of(r)
    assert "<strong>Nutzer*innen</strong>" in html and "**" not in html     # CommonMark, not pandoc markdown
    assert "<table>" in html                                                 # a table right after a paragraph


def test_strict_lists_every_unknown_key_in_one_error(tmp_path):
    with pytest.raises(SourceError, match="layout, weight") as exc:
        _load(tmp_path, "hugo.md", HUGO, Settings(output=Output(strict=True)))
    assert exc.value.place == "2" and "output.strict" in exc.value.fix


def test_toml_and_pelican_headers(tmp_path):
    r = _load(tmp_path, "zola.md", '+++\ntitle = "Rust Foundation"\ndate = 2021-02-08\n+++\n\nThe foundation starts today.\n')
    assert (r.meta.title, r.meta.date) == ("Rust Foundation", dt.date(2021, 2, 8))
    r = _load(tmp_path, "pel.md", "Title: Report\nDate: 2015-07-01 10:00\nTags: a, b\n\nThe trust of our users matters.\n")
    assert (r.meta.title, r.meta.date, r.meta.keywords) == ("Report", dt.date(2015, 7, 1), ["a", "b"])
    assert "Title:" not in pf.stringify(r.doc)


def test_raw_html_is_sanitised_and_read(tmp_path):
    r = _load(tmp_path, "raw.md", "---\ntitle: X\ndate: 2025-01-01\n---\n\nKontakt: Anna<br>030 123<br>"
              '<a href="https://example.org/gesetz">→ zum Gesetzentwurf</a> <a href="javascript:alert(1)">x</a>'
              '<script>alert(2)</script><iframe src="https://evil.example"></iframe>\n')
    html = _html_of(r)
    assert '<a href="https://example.org/gesetz">' in html and html.count("<br />") >= 2
    assert "javascript" not in html and "alert" not in html and "iframe" not in html
    rules = _rules(r)
    assert rules.count("element-removed") == 2 and "link-removed" in rules


def test_template_tags_go_content_stays(tmp_path):
    r = _load(tmp_path, "p.njk", "---\ntitle: Halbzeit\ndatum: '2023-08-29'\n---\n{% if x %}<p>Das Bündnis kritisiert "
              "die Regierung.</p>{% endif %}\n<p>{{ page.teaser }}Zweiter Absatz.</p>\n")
    text = pf.stringify(r.doc)
    assert "Das Bündnis kritisiert die Regierung." in text and "Zweiter Absatz." in text
    assert "{" not in text and r.meta.date == dt.date(2023, 8, 29) and "template-tags-removed" in _rules(r)


def test_mdx_components(tmp_path):
    r = _load(tmp_path, "a.mdx", '---\ntitle: MDX\ndate: 2024-01-01\n---\nimport { Quote } from "@/q";\n'
              'export const meta = {\n  a: 1,\n};\n\nThe text starts here.\n\n'
              '<Quote author="Ada Lovelace">\nThe engine weaves patterns.\n</Quote>\n\n<Sparkle>Shiny words.</Sparkle>\n')
    text = pf.stringify(r.doc)
    assert "import" not in text and "export" not in text and "Shiny words." in text and "<" not in text
    quotes = []
    r.doc.walk(lambda e, d: quotes.append(pf.stringify(e)) if isinstance(e, pf.BlockQuote) else None)
    assert quotes and "The engine weaves patterns." in quotes[0] and "Ada Lovelace" in text
    unknown = [f for f in r.findings if f.rule == "mdx-component-unknown"]
    assert len(unknown) == 1 and "<Sparkle>" in unknown[0].message


def test_xhtml_metadata_is_never_text(tmp_path):
    r = _load(tmp_path, "n.xhtml", '<?xml version="1.0" encoding="UTF-8"?>\n<html newsdate="2023-10-25">\n'
              "<version>1</version><head><title>FSFE news</title></head><body><h1>FSFE news</h1>"
              "<p>Free Software gives everyone the right to use programs.</p></body>"
              '<tags><tag key="front-page"/><tag key="de">Germany</tag></tags></html>\n')
    text = pf.stringify(r.doc)
    assert r.meta.date == dt.date(2023, 10, 25) and r.meta.keywords == ["Germany"]
    assert "Germany" not in text and text.strip().startswith("Free Software") and "FSFE news" not in text


def test_xhtml_embed_with_a_caption_becomes_a_link_named_by_the_caption(tmp_path):
    """An unknown embed element (a video player) in a captioned figure: a link to it named by its caption."""
    r = _load(tmp_path, "n.xhtml", '<?xml version="1.0" encoding="UTF-8"?>\n<html newsdate="2023-10-25">\n'
              "<head><title>Talks online</title></head><body><h1>Talks online</h1>"
              "<p>The recordings of the symposium are now online.</p>"
              '<figure>\n  <peertube url="https://video.example/w/abc" />\n  <figcaption>\n  Keynote: The open\n'
              '  society - <em>Ada Lovelace</em> (Bonn)\n  </figcaption>\n</figure>'
              '<p>More soon.</p><figure><peertube url="https://video.example/w/def"/></figure></body></html>\n')
    links = []
    r.doc.walk(lambda e, d: links.append((e.url, " ".join(pf.stringify(e).split())))
               if isinstance(e, pf.Link) else None)
    assert ("https://video.example/w/abc", "Keynote: The open society - Ada Lovelace (Bonn)") in links
    assert ("https://video.example/w/def", "https://video.example/w/def") in links    # no caption: its address
    captioned = next(b for b in r.doc.content if "Keynote" in pf.stringify(b))
    assert isinstance(captioned, pf.Para)
    assert [f.rule for f in r.findings].count("element-unknown") == 2


def test_cms_json_forms(tmp_path):
    gov = {"base_path": "/government/news/x", "document_type": "press_release", "title": "New adverts",
           "description": "A campaign.", "locale": "en", "details": {"body": "<p>The campaign starts today.</p>",
                                                                      "first_public_at": "2013-01-28T10:00:00+00:00"},
           "links": {"organisations": [{"title": "Home Office"}]}}
    r = _load(tmp_path, "g.json", json.dumps(gov))
    assert (r.meta.title, r.meta.date, r.meta.publisher, r.meta.kicker) == (
        "New adverts", dt.date(2013, 1, 28), "Home Office", "Press release")
    wp = {"title": {"rendered": "Let&#8217;s go"}, "content": {"rendered": "<p>We are pleased to announce it.</p>"},
          "date": "2015-11-12T10:00:00", "excerpt": {"rendered": "<p>Pleased</p>"}}
    r = _load(tmp_path, "w.json", json.dumps(wp))
    assert (r.meta.title, r.meta.date) == ("Let’s go", dt.date(2015, 11, 12))
    with pytest.raises(SourceError, match="neither a GOV.UK content item nor a WordPress"):
        _load(tmp_path, "x.json", '{"name": "package"}')


def test_unknown_extension_is_read_by_content(tmp_path):
    r = _load(tmp_path, "2024-08-01-fest.markdwon", "---\ntitle: Klimafestival\n---\n\nAm Samstag feiern wir.\n")
    assert r.meta.date == dt.date(2024, 8, 1) and "date-from-file-name" in _rules(r)
    r = _load(tmp_path, "page.aspx", "<div><h1>Neue Halle</h1><p>Die Stadt baut eine neue Halle für alle.</p></div>")
    assert r.meta.title == "Neue Halle"
    with pytest.raises(SourceError, match="unknown source format '.bin'"):
        _load(tmp_path, "x.bin", b"\x00\x01\x02binary")


def test_images_unavailable_and_placeholder(tmp_path):
    r = _load(tmp_path, "i.md", "---\ntitle: Bilder\ndate: 2025-01-01\n---\n\nText.\n\n"
              "![Aktivisten vor Kühltürmen](https://example.org/a.png)\n\n![placeholder](/files/b.png)\n")
    sev = {f.rule: f.severity for f in r.findings}
    assert sev["image-unavailable"] == "warning" and sev["image-alt-placeholder"] == "error"
    html = _html_of(r)
    assert '<a href="https://example.org/a.png">Bild: Aktivisten vor Kühltürmen</a>' in html
    assert "placeholder" not in pf.stringify(r.doc)


def test_page_break_joining_only_for_pasted_pdf_text(tmp_path):
    body = ("Die Kommission hat heute einen neuen Bericht vorgelegt, in dem sie die Lage der Wälder in allen "
            "Regionen des Landes genau beschreibt und die")
    md = _load(tmp_path, "a.md", f"---\ntitle: Wald\ndate: 2025-01-01\n---\n\n{body}\n\nFolgen nennt.\n")
    paras = []
    md.doc.walk(lambda e, d: paras.append(pf.stringify(e)) if isinstance(e, pf.Para) else None)
    assert any(p.strip().endswith("und die") for p in paras) and any(p.strip() == "Folgen nennt." for p in paras)
    txt = _load(tmp_path, "a.txt", f"**Wald**\n\nBerlin, 1. März 2025\n\n{body}\n\nFolgen nennt.\n")
    assert any("und die Folgen nennt." in pf.stringify(b) for b in txt.doc.content)


def test_office_title_from_plain_first_line_and_word_fix(tmp_path):
    import docx
    d = docx.Document()
    d.core_properties.author = "Leonard Wolf"
    d.core_properties.created = dt.datetime(2019, 3, 28, 9, 0)
    d.add_paragraph("Gesetzesentwurf eingereicht")
    d.add_paragraph("Die Open Knowledge Foundation hat ihren Entwurf dem Senat übergeben.")
    d.save(tmp_path / "r.docx")
    r = load_release(tmp_path / "r.docx", Settings())
    assert (r.meta.title, r.meta.author, r.meta.date) == ("Gesetzesentwurf eingereicht", "Leonard Wolf",
                                                          dt.date(2019, 3, 28))
    d = docx.Document()
    d.add_paragraph("Die Open Knowledge Foundation hat ihren Entwurf dem Senat übergeben, sagt sie heute.")
    d.save(tmp_path / "n.docx")
    with pytest.raises(SourceError, match="no title") as exc:
        load_release(tmp_path / "n.docx", Settings())
    assert "Word" in exc.value.fix and "front matter" not in exc.value.fix


def test_xml_export_with_escaped_html(tmp_path):
    r = _load(tmp_path, "item.xml", '<?xml version="1.0"?><item><title>Neue Halle</title>'
              "<pubDate>Mon, 03 Mar 2025 10:00:00 +0000</pubDate><content>&lt;p&gt;Die Stadt baut eine Halle."
              "&lt;/p&gt;&lt;script&gt;x()&lt;/script&gt;</content></item>")
    assert (r.meta.title, r.meta.date) == ("Neue Halle", dt.date(2025, 3, 3))
    assert pf.stringify(r.doc).strip() == "Die Stadt baut eine Halle." and "element-removed" in _rules(r)


def test_undated_release_gets_a_warning_and_the_feed_its_file_time(tmp_path):
    import os
    from conftest import run_build
    src = tmp_path / "src"
    src.mkdir()
    (src / "r.md").write_text("---\ntitle: Ohne Datum\n---\n\nDie Stadt baut eine neue Halle.\n", encoding="utf-8")
    os.utime(src / "r.md", (1_700_000_000, 1_700_000_000))             # 2023-11-14
    result = run_build([src / "r.md"], tmp_path / "out")
    findings = [f for r in result.reports for f in r["findings"]]
    assert any(f["rule"] == "no-date" and f["severity"] == "warning" for f in findings)
    feed = (tmp_path / "out" / "feed.xml").read_text(encoding="utf-8")
    assert "1970" not in feed and "2023-11-14" in feed
    page = next((tmp_path / "out").glob("*/index.html")).read_text(encoding="utf-8")
    assert "<time" not in page.split("<main")[1]                         # no invented date on the page
