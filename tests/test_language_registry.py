"""Languages are objects in a registry: a release in a language without plain-language rules is built in that
language everywhere, says once that plain language is not available, and is never handled with English or
German rules. Detection names the language it finds (a Turkish text is Turkish) and says when it is unsure."""

from __future__ import annotations

import re
import zipfile

import pikepdf
import pytest
from lxml import etree
from mutagen.id3 import ID3

from accesspub.config import FORMATS, Settings
from accesspub.ingest import load_release
from accesspub.language.detect import detect
from accesspub.language.normalise import normalise
from accesspub.language.registry import REGISTRY, language_for

from conftest import run_build

FRENCH = """---
title: La ville ouvre une nouvelle bibliothèque
date: 2025-03-03
place: Lyon
lang: fr
contact: "Service de presse · presse@example.org"
---

**Lyon.** La ville de Lyon inaugure lundi une nouvelle bibliothèque au centre-ville. Elle propose plus de
vingt mille livres et une grande salle de lecture.

« Nous voulons que chacun puisse lire », a déclaré la maire. La bibliothèque est ouverte tous les jours de
huit heures à vingt heures et l'entrée est gratuite.
"""

# a real Turkish press paragraph (Istanbul municipality announcing a library), no 'lang:'
TURKISH = """**İstanbul.** İstanbul Büyükşehir Belediyesi, Fatih ilçesinde yeni bir halk kütüphanesi açtığını duyurdu.
Kütüphane hafta içi her gün sabah dokuzdan akşam sekize kadar açık olacak ve giriş ücretsiz. Belediye
başkanı, projenin gençlerin eğitimine ve kentin kültürel hayatına önemli katkı sağlayacağını söyledi.
"""


def test_supported_languages_have_everything_plain_language_needs():
    assert sorted(c for c, lang in REGISTRY.items() if lang.plain) == ["de", "en"]
    for lang in (REGISTRY["de"], REGISTRY["en"]):
        assert lang.readability and lang.hyphenation and lang.normalise and lang.has_labels
    assert language_for("de-AT") is REGISTRY["de"]
    fr = language_for("fr")
    assert not fr.plain and fr.has_labels and fr.iso639_2 == "fra"
    tr = language_for("tr")
    assert (tr.code, tr.iso639_2, tr.plain, tr.has_labels, tr.normalise) == ("tr", "tur", False, False, False)


def test_numbers_in_a_language_without_normalisation_data_are_not_read_in_english():
    assert normalise("Am 3. März 2025 kamen 1.200 Gäste.", "de") != "Am 3. März 2025 kamen 1.200 Gäste."
    assert normalise("Le 3 mars 2025, 1 200 visiteurs – un record.", "fr") == \
        "Le 3 mars 2025, 1 200 visiteurs, un record."


def test_turkish_is_detected_as_turkish_and_short_text_is_unsure(tmp_path):
    found = detect(" ".join(TURKISH.split()[1:]), "de")
    assert (found.lang, found.sure) == ("tr", True)
    short = detect("Kurze Meldung heute", "de")
    assert (short.lang, short.sure) == ("de", False)
    source = tmp_path / "haber.md"
    source.write_text("---\ntitle: Fatih'te yeni halk kütüphanesi\n---\n\n" + TURKISH, encoding="utf-8")
    release = load_release(source, Settings())
    assert release.lang == "tr"
    assert [f.rule for f in release.findings if f.rule.startswith(("language", "labels"))] == ["labels-unavailable"]
    unsure = tmp_path / "kurz.md"
    unsure.write_text("---\ntitle: Sitzung\n---\n\nHeute Sitzung.\n", encoding="utf-8")
    findings = load_release(unsure, Settings()).findings
    assert [f.rule for f in findings if f.rule == "language-unsure"] == ["language-unsure"]
    assert "'de'" in next(f.message for f in findings if f.rule == "language-unsure")


@pytest.fixture(scope="module")
def foreign_build(tmp_path_factory):
    root = tmp_path_factory.mktemp("foreign")
    src = root / "src"
    src.mkdir()
    (src / "lyon.md").write_text(FRENCH, encoding="utf-8")
    (src / "istanbul.md").write_text("---\ntitle: Fatih'te yeni halk kütüphanesi\ndate: 2025-03-04\n---\n\n" + TURKISH,
                                     encoding="utf-8")
    out = root / "out"
    return run_build([src], out, formats=FORMATS), out


@pytest.mark.parametrize("slug,lang,iso", [("2025-03-03-la-ville-ouvre-une-nouvelle-bibliotheque", "fr", "fra"),
                                           ("2025-03-04-fatih-te-yeni-halk-kutuphanesi", "tr", "tur")])
def test_a_language_without_plain_rules_is_built_in_its_language_everywhere(foreign_build, slug, lang, iso):
    result, out = foreign_build
    folder = out / slug
    report = next(r for r in result.reports if r.get("slug") == slug)
    unavailable = [f for f in report["findings"] if "plain language is not available" in f["message"]]
    assert [f["message"].split(":")[0] for f in unavailable] == [f"plain language is not available for '{lang}'"]
    assert not (folder / "plain.html").exists()
    assert [f for f in report["findings"] if f["severity"] == "error"] == []   # axe, vnu, EPUBCheck, Ace, PDF
    page = (folder / "index.html").read_text(encoding="utf-8")
    assert re.search(rf'<html lang="{lang}"', page)
    assert "plain.html" not in page
    with pikepdf.open(folder / f"{slug}.pdf") as pdf:
        assert str(pdf.Root.Lang) == lang
    with zipfile.ZipFile(folder / f"{slug}.epub") as z:
        opf = etree.fromstring(z.read("EPUB/content.opf") if "EPUB/content.opf" in z.namelist()
                               else z.read(next(n for n in z.namelist() if n.endswith(".opf"))))
        assert opf.findtext(".//{http://purl.org/dc/elements/1.1/}language") == lang
        for name in (n for n in z.namelist() if n.endswith(".xhtml")):
            root = etree.fromstring(z.read(name))
            assert root.get("{http://www.w3.org/XML/1998/namespace}lang") == lang, name
            assert root.get("lang") == lang, name
        nav = z.read("EPUB/nav.xhtml").decode()
        english_labels = lang != "fr"           # French ships its EPUB labels, Turkish falls back to English
        assert ('<h1 id="toc-heading" lang="en" xml:lang="en">' in nav) == english_labels
    tags = ID3(folder / f"{slug}.mp3")
    assert str(tags["TLAN"]) == iso
    assert (folder / f"{slug}.vtt").read_text(encoding="utf-8").startswith("WEBVTT")
    site = (out / "index.html").read_text(encoding="utf-8")
    assert f"{slug}/plain.html" not in site


def test_french_pages_and_audio_speak_french(foreign_build):
    result, out = foreign_build
    slug = "2025-03-03-la-ville-ouvre-une-nouvelle-bibliotheque"
    page = (out / slug / "index.html").read_text(encoding="utf-8")
    assert "Ce communiqué sous d’autres formes" in page and "Aller au contenu" in page
    assert "<q>" in page, "« … » is read as a quotation"
    chapters = [str(f.sub_frames["TIT2"]) for f in ID3(out / slug / f"{slug}.mp3").getall("CHAP")]
    assert {"Introduction", "Communiqué", "Contact"} <= set(chapters)
    assert not {"Release", "Mitteilung", "Einleitung", "Kontakt"} & set(chapters)
    turkish = (out / "2025-03-04-fatih-te-yeni-halk-kutuphanesi" / "index.html").read_text(encoding="utf-8")
    assert "This release in other forms" in turkish          # English labels where no Turkish ones exist,
    assert re.search(r'<nav class="renditions"[^>]* lang="en">', turkish)     # marked as English
    assert re.search(r'<a class="skip-link" href="#main" lang="en">Skip to content</a>', turkish)
    assert ' lang="en"' not in page
