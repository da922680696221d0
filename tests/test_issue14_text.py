"""Issue 14: bidi overrides and zero-width characters never reach titles, slugs, feeds or the page."""

from __future__ import annotations

import unicodedata

from accesspub.config import Settings
from accesspub.ingest import load_release
from accesspub.render import BuildContext, site
from accesspub.worker import build_release

HIDING = "\u202e\u202d\u202a\u202b\u202c\u2066\u2067\u2068\u2069\u200b\u200c\u200e\u200f\u2060\ufeff\U000e0041"


def _hidden(text: str) -> list[str]:
    """Format characters left in the text, except a ZWJ inside an emoji sequence."""
    bad = []
    for i, c in enumerate(text):
        if unicodedata.category(c) != "Cf":
            continue
        if c == "\u200d" and 0 < i < len(text) - 1 and ord(text[i - 1]) > 0x1F000 and ord(text[i + 1]) > 0x1F000:
            continue
        if c == "\u00ad":
            continue
        bad.append(f"U+{ord(c):04X}")
    return bad


def test_title_slug_feed_and_page_are_clean(tmp_path):
    path = tmp_path / "r.md"
    path.write_text(f"""---
title: "Förder\u202egeld\u200b für \u2066Kassel\u2069"
summary: "Mehr\u200b Geld\u202e für alle\u00ad."
keywords: ["Rad\u200bweg"]
date: 2025-03-01
lang: de
---

**Kassel.** Das Land gibt\u202e mehr\u200b Geld\u2060 für die Stadt.\ufeff Das Team 👩\u200d🔬 freut sich.
""", encoding="utf-8")
    release = load_release(path, Settings())
    assert release.meta.title == "Fördergeld für Kassel"
    assert release.slug == "2025-03-01-foerdergeld-fuer-kassel"
    assert release.meta.summary == "Mehr Geld für alle."
    assert release.meta.keywords == ["Radweg"]
    out = tmp_path / "out"
    outcome = build_release(path, out, ("html",), Settings(), None)
    ctx = BuildContext(settings=Settings(), out=out, formats=("html",))
    site.write_feed(ctx, [outcome["manifest"]])
    site.write_index(ctx, [outcome["manifest"]])
    page = (out / release.slug / "index.html").read_text(encoding="utf-8")
    for name, text in {"page": page, "feed": (out / "feed.xml").read_text(encoding="utf-8"),
                       "index": (out / "index.html").read_text(encoding="utf-8")}.items():
        assert _hidden(text) == [], name
    assert "👩\u200d🔬" in page, "a ZWJ emoji sequence is one picture: kept"


def test_docx_text_is_clean_too(tmp_path):
    import pypandoc
    path = tmp_path / "r.docx"
    pypandoc.convert_text(f"**Neue\u202e Radwege\u200b**\n\nKassel, 3. März 2025\n\nDas Land\u2066 baut.\n", "docx",
                          format="markdown", outputfile=str(path))
    release = load_release(path, Settings())
    assert _hidden(release.meta.title) == [] and _hidden(release.ast_json()) == []


def test_title_without_letters_falls_back_to_the_file_name(tmp_path):
    for name, title in (("2025-03-01-sommerfest.md", "🎉🎉🎉"), ("jubilaeum.md", "!!! ??? 2025")):
        path = tmp_path / name
        path.write_text(f"---\ntitle: \"{title}\"\ndate: 2025-03-01\n---\n\n**Berlin.** Es wird gefeiert.\n",
                        encoding="utf-8")
        release = load_release(path, Settings())
        assert release.meta.title == title
        assert release.slug == "2025-03-01-" + ("sommerfest" if "sommerfest" in name else "jubilaeum")
