"""Ingest is a list of named passes; everything that adds content runs before sanitise and fence.

Regression for issue 11: a front-matter `contact` was added after sanitising and fencing, so
`<script>`, a `javascript:` link and `<embed src="../../secret.txt">` reached index.html, plain.html and the
EPUB. Here every field that reaches a rendition carries an attack, over a real build of all five renditions.
"""

from __future__ import annotations

import re
import subprocess
import zipfile
from pathlib import Path

import panflute as pf
import pikepdf
import pytest
from mutagen.id3 import ID3
from PIL import Image

from accesspub.config import FORMATS, Settings
from accesspub.ingest import load_release, passes
from accesspub.ingest.sanitise import sanitise

from conftest import run_build

ATTACK = "<script>alert(1)</script> [call](javascript:alert(2)) ![x](../../secret.txt)"
PUBLISHER_ATTACK = ("Pressestelle Nord <script>alert(11)</script> [Telefon](javascript:alert(12)) "
                    "![z](../../secret.txt) [Mail](mailto:presse@example.org)")
BODY = """**Berlin.** Die Stadt eröffnet am Montag eine neue Bibliothek im Zentrum. Sie hat viele Bücher und
einen großen Lesesaal.

Die Bibliothek ist jeden Tag von acht bis zwanzig Uhr geöffnet. Der Eintritt ist frei.
"""


def test_the_pass_list_keeps_its_invariant():
    assert passes.violations(passes.PASSES) == []
    names = [p.name for p in passes.PASSES]
    first_guard = min(names.index(g) for g in passes.GUARDS)
    adders = [p.name for p in passes.PASSES if p.adds_content]
    assert {"front-matter-images", "contact"} <= set(adders)
    assert all(names.index(a) < first_guard for a in adders)


def test_a_pass_adding_content_after_the_guards_is_refused():
    late = passes.Pass("late-contact", lambda st: None, adds_content=True)
    broken = (*passes.PASSES, late)
    assert passes.violations(broken) == ["pass 'late-contact' adds content after the guard 'sanitise-text'; "
                                         "move it before"]
    without_fence = tuple(p for p in passes.PASSES if p.name != "fence")
    assert passes.violations(without_fence) == ["the guard pass 'fence' is missing"]
    with pytest.raises(RuntimeError, match="late-contact"):
        passes.run(None, broken)


def _release_folder(root: Path) -> Path:
    (root / "secret.txt").write_text("TOP-SECRET-CONTENT")
    rel = root / "site" / "releases"
    rel.mkdir(parents=True)
    Image.new("RGB", (40, 30), (200, 30, 30)).save(rel / "ok.png")
    (rel / "a.md").write_text(f"""---
title: "Kontakt <script>alert(3)</script>Angriff"
subtitle: "<img src=x onerror=alert(4)>Eine Unterzeile"
summary: "<script>alert(5)</script>Die Stadt eröffnet eine Bibliothek."
keywords: ["<b>Bibliothek</b>", "<script>alert(13)</script>"]
date: 2025-01-01
lang: de
contact: "{ATTACK}"
images:
  - src: ../../secret.txt
    alt: "<script>alert(7)</script>Geheim"
    caption: "<script>alert(8)</script> [c](javascript:alert(9)) ![y](../../secret.txt)"
  - src: ok.png
    alt: "Ein rotes Quadrat"
    caption: "Ein rotes Quadrat <script>alert(10)</script>"
---

{BODY}""", encoding="utf-8")
    (rel / "b.md").write_text(f"""---
title: Ohne eigenen Kontakt
date: 2025-01-02
lang: de
---

{BODY}""", encoding="utf-8")
    return rel


def test_every_image_left_is_fenced_and_the_body_is_clean(tmp_path):
    rel = _release_folder(tmp_path)
    settings = Settings()
    settings.publisher.contact = PUBLISHER_ATTACK
    for source in sorted(rel.glob("*.md")):
        release = load_release(source, settings)
        assert sanitise(release.doc, source) == [], "sanitise must find nothing left to remove"
        urls = []
        release.doc.walk(lambda e, d: urls.append(e.url) if isinstance(e, pf.Image) else None)
        assert all(u in release.resources for u in urls), urls
        assert all(p.parent == rel for p in release.resources.values())
    a = load_release(rel / "a.md", settings)
    assert a.meta.title == "Kontakt Angriff"
    assert a.meta.subtitle == "Eine Unterzeile"
    assert a.meta.keywords == ["Bibliothek"]
    assert sum(f.rule == "markup-removed" for f in a.findings) >= 5
    assert {f.rule for f in a.findings} >= {"raw-markup-removed", "link-removed", "resource-refused"}


def _rendition_texts(out: Path) -> dict[str, str]:
    """What every rendition holds as text: pages, feeds, EPUB members, PDF text and link targets, VTT, MP3 tags."""
    texts = {}
    for p in out.rglob("*"):
        if not p.is_file() or p.name in ("report.json", "report.html", "manifest.json", "barrierefreiheit.html",
                                          "accessibility.html"):
            continue   # the reports name what was refused; that is their job
        if p.suffix == ".epub":
            with zipfile.ZipFile(p) as z:
                for n in z.namelist():
                    texts[f"{p}!{n}"] = z.read(n).decode("utf-8", "replace")
        elif p.suffix == ".pdf":
            text = subprocess.run(["pdftotext", str(p), "-"], capture_output=True, text=True, check=True).stdout
            with pikepdf.open(p) as pdf:
                uris = [str(a.A.URI) for page in pdf.pages for a in page.get("/Annots", [])
                        if "/A" in a and "/URI" in a.A]
                info = " ".join(str(v) for v in pdf.docinfo.values())
                xmp = str(pdf.open_metadata())
            texts[str(p)] = "\n".join([text, *uris, info, xmp, p.read_bytes().decode("latin-1")])
            texts[f"{p}#uris"] = "\n".join(uris)
        elif p.suffix == ".mp3":
            texts[str(p)] = "\n".join(str(frame) for frame in ID3(p).values())
        elif p.suffix in (".html", ".xml", ".json", ".vtt", ".xhtml", ".css", ".js", ".opf", ".smil"):
            texts[str(p)] = p.read_text(encoding="utf-8", errors="replace")
    return texts


def _contact_text(html: str) -> str:
    found = re.search(r'<(section|div|aside)[^>]*class="[^"]*contact[^"]*"[^>]*>(.*?)</\1>', html, re.S)
    assert found, "the page has a contact block"
    return re.sub(r"<[^>]+>", " ", found.group(2))


def test_hostile_metadata_reaches_no_rendition(tmp_path):
    rel = _release_folder(tmp_path)
    settings = Settings()
    settings.publisher.contact = PUBLISHER_ATTACK
    out = tmp_path / "out"
    result = run_build([rel], out, formats=FORMATS, settings=settings)
    slugs = {"a": "2025-01-01-kontakt-angriff", "b": "2025-01-02-ohne-eigenen-kontakt"}
    for slug in slugs.values():
        folder = out / slug
        built = {p.name for p in folder.iterdir()}
        assert {"index.html", "plain.html", f"{slug}.pdf", f"{slug}.epub", f"{slug}.mp3", f"{slug}.vtt"} <= built, \
            (slug, built, [f for r in result.reports for f in r["findings"] if f["severity"] == "error"])
    texts = _rendition_texts(out)
    assert any(name.endswith(".mp3") for name in texts) and any(name.endswith(".vtt") for name in texts)
    for name, text in texts.items():
        assert "TOP-SECRET-CONTENT" not in text, name
        assert "secret.txt" not in text, name
        assert "alert(" not in text, name
        assert "javascript:" not in text.lower(), name
        assert not re.search(r"<(embed|object|iframe)\b", text, re.I), name
        # the site's own scripts, and the page's JSON-LD data block (never run; its text is checked above too)
        own = r'<script src="(\.\./)?_assets/[\w.-]+\.js"( defer)?>|<script type="application/ld\+json">'
        assert all(re.fullmatch(own, tag) for tag in re.findall(r"<script\b[^>]*>", text, re.I)), name
        assert "onerror" not in text, name
    for name, text in texts.items():
        if name.endswith("#uris"):
            assert all(re.match(r"(https?|mailto|tel):", u) for u in text.split()), (name, text)
    # the contact text itself is still there, sanitised, in the page, the plain page, the EPUB and the PDF
    for slug, words in ((slugs["a"], ["call"]), (slugs["b"], ["Pressestelle Nord", "Telefon", "Mail"])):
        for page in ("index.html", "plain.html"):
            contact = " ".join(_contact_text((out / slug / page).read_text(encoding="utf-8")).split())
            assert all(w in contact for w in words), (slug, page, contact)
        xhtml = " ".join(t for n, t in texts.items() if n.startswith(str(out / slug)) and n.endswith(".xhtml"))
        assert all(w in xhtml for w in words), slug
        assert all(w in texts[str(out / slug / f"{slug}.pdf")] for w in words), slug
    assert 'href="mailto:presse@example.org"' in (out / slugs["b"] / "index.html").read_text(encoding="utf-8")
    page = (out / slugs["a"] / "index.html").read_text(encoding="utf-8")
    assert "<h1" in page and "Kontakt Angriff" in page and "Eine Unterzeile" in page
    assert re.search(r'<img[^>]+src="media/ok-[0-9a-f]{8}\.png"', page)
    assert "Ein rotes Quadrat" in page
    findings = [f for r in result.reports for f in r["findings"]]
    refused = [f for f in findings if f["rule"] == "resource-refused"]
    assert len(refused) == 4, refused        # contact and caption images, the front-matter image, publisher's
    assert result.exit_code == 1             # refused resources are errors: the author must look


def test_the_summary_never_ends_inside_a_quotation(tmp_path):
    """The index, feeds and Open Graph show the summary: a quotation opened in it is closed in it."""
    source = tmp_path / "r.md"
    source.write_text("---\ntitle: Neue Radwege\ndate: 2025-03-03\nlang: de\n---\n\n**Kassel.** Die Ministerin sagte "
                      "am Montag in Kassel bei der Eröffnung der ersten neuen Strecke vor vielen Gästen aus der Region, "
                      "dass „das Land den Bau neuer Radwege im Norden fördert. "
                      "Wir bauen 40 Kilometer bis 2027“, so die Ministerin. Die Arbeiten beginnen im Mai.\n",
                      encoding="utf-8")
    summary = load_release(source, Settings()).meta.summary
    assert summary.count("„") == summary.count("“") == 1 and summary.endswith("so die Ministerin.")
