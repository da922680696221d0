"""Issue 14: the unedited template does not pass as finished; the example site URL is a warning; a release's own
publisher is named the same way on the page, in the PDF, the EPUB (and as its certifier) and the MP3."""

from __future__ import annotations

import subprocess
import sys
import zipfile

import pikepdf
from mutagen.id3 import ID3

from accesspub.config import Settings
from accesspub.ingest import load_release
from accesspub.render.epub.claim import publisher_of
from accesspub.worker import build_release

from conftest import run_build


def test_unedited_template_is_an_error(tmp_path):
    proc = subprocess.run([sys.executable, "-m", "accesspub.cli", "new", "2025-03-01-neue-foerderung", "--dir",
                           str(tmp_path)], capture_output=True, text=True, timeout=60)
    assert proc.returncode == 0, proc.stderr
    path = next(tmp_path.glob("*.md"))
    release = load_release(path, Settings())
    placeholders = [f for f in release.findings if f.rule == "placeholder-text"]
    assert placeholders and all(f.severity == "error" for f in placeholders)
    if "0000 000000" in path.read_text(encoding="utf-8"):
        assert any("0000 000000" in f.message for f in placeholders)


def test_a_real_contact_is_no_placeholder(tmp_path):
    path = tmp_path / "r.md"
    path.write_text("---\ntitle: Neue Radwege\ndate: 2025-03-01\ncontact: \"Pressestelle · Telefon 0611 3219-0 · "
                    "presse@land.example\"\n---\n\n**Kassel.** Das Land baut 40 Kilometer Radwege für 1000000 Euro.\n")
    assert not [f for f in load_release(path, Settings()).findings if f.rule == "placeholder-text"]


def test_default_site_url_is_a_warning(tmp_path):
    (tmp_path / "r.md").write_text("---\ntitle: Neue Radwege\ndate: 2025-03-01\n---\n\n**Kassel.** Das Land baut.\n")
    result = run_build([tmp_path / "r.md"], tmp_path / "out")
    found = [f for f in result.build_findings if f.rule == "site-url-placeholder"]
    assert found and found[0].severity == "warning" and "site.url" in found[0].message
    result = run_build([tmp_path / "r.md"], tmp_path / "out2",
                       settings=Settings(site={"url": "https://www.land.example/presse/"}))
    assert not [f for f in result.build_findings if f.rule == "site-url-placeholder"]


def test_front_matter_publisher_everywhere(tmp_path):
    path = tmp_path / "r.md"
    path.write_text("---\ntitle: Neue Radwege\ndate: 2025-03-01\nlang: de\npublisher: Landesamt für Mobilität\n---\n\n"
                    "**Kassel.** Das Land baut neue Radwege. Sie sind 40 Kilometer lang.\n", encoding="utf-8")
    out = tmp_path / "out"
    settings = Settings(publisher={"name": "Ministerium für Verkehr"})
    outcome = build_release(path, out, ("html", "pdf", "epub", "audio"), settings, None)
    slug = outcome["manifest"].slug
    folder = out / slug
    page = (folder / "index.html").read_text(encoding="utf-8")
    assert "Landesamt für Mobilität" in page and "Ministerium für Verkehr" not in page
    with pikepdf.open(folder / f"{slug}.pdf") as pdf, pdf.open_metadata() as meta:
        assert "Landesamt für Mobilität" in str(meta.get("dc:creator"))
    shown = subprocess.run(["pdftotext", str(folder / f"{slug}.pdf"), "-"], capture_output=True, text=True).stdout
    assert "Landesamt für Mobilität" in shown and "Ministerium für Verkehr" not in shown
    assert publisher_of(folder / f"{slug}.epub") == "Landesamt für Mobilität"
    with zipfile.ZipFile(folder / f"{slug}.epub") as z:
        opf = z.read("EPUB/package.opf").decode()
        assert "Ministerium für Verkehr" not in opf
    assert str(ID3(folder / f"{slug}.mp3")["TPE1"]) == "Landesamt für Mobilität"
    from accesspub.render.epub.claim import _certifier
    assert _certifier(folder / f"{slug}.epub", settings) == "Landesamt für Mobilität"
