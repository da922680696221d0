"""Uploads → the desk's working Markdown, read back by the core as a CLI build reads a source."""

import io
import zipfile

import pytest

from accesspub.config import Settings
from accesspub.desk import source
from accesspub.errors import SourceError
from accesspub.ingest import load_release


def test_docx_becomes_form_values_body_and_images(docx, tmp_path):
    draft = source.normalise(docx.name, docx.read_bytes())
    assert draft.form["title"] == "Neue Radwege für Nordhessen"
    assert (draft.form["date"], draft.form["place"], draft.form["kicker"]) == ("2025-03-03", "Kassel", "Pressemitteilung")
    assert "Neue Radwege" not in draft.body          # the headline is a form field now, not body text
    assert "„Wir bauen 40 Kilometer bis 2027“" in draft.body   # quotation marks as the author typed them
    assert "width=" not in draft.body                # the word processor's layout is gone
    [(name, data)] = draft.media.items()
    assert data.startswith(b"\x89PNG")
    [image] = source.images(draft.body)
    assert image == {"src": name, "alt": "", "problem": "missing", "decorative": False}

    fixed = source.set_alts(draft.body, {name: "Ein blaues Schild am Radweg"})
    path = source.materialise(tmp_path / "work", draft.form, fixed, draft.media)
    release = load_release(path, Settings())
    assert release.meta.title == "Neue Radwege für Nordhessen"
    assert release.slug == "2025-03-03-neue-radwege-fuer-nordhessen"
    assert release.meta.place == "Kassel" and release.meta.lead_location == "Kassel"
    assert [f.rule for f in release.findings if f.rule == "image-alt"] == []
    assert len(release.resources) == 1
    texts = " ".join(t for _, t in release.sentences())
    assert "Die Arbeiten beginnen im Mai." in texts and "Telefon 0611 000000" in texts


@pytest.mark.parametrize("alt,problem", [("", "missing"), ("Bild", "placeholder"), ("IMG_0042", "placeholder"),
                                         ("foto.jpg", "placeholder"), ("bild", "placeholder"),
                                         ("Die Ministerin am neuen Radweg", None)])
def test_placeholder_alt_texts_are_flagged(alt, problem):
    [image] = source.images(f"Text.\n\n![{alt}](bild.png)\n")
    assert image["problem"] == problem


def test_pasted_markdown_keeps_its_front_matter():
    text = "---\ntitle: Titel aus dem Kopf\ndate: 2025-01-02\nkeywords: [Rad]\n---\n\nDer Text.\n"
    draft = source.normalise("pasted.md", text.encode())
    assert draft.form["title"] == "Titel aus dem Kopf" and draft.form["date"] == "2025-01-02"
    assert draft.form["extra"] == {"keywords": ["Rad"]}
    assert draft.body.strip() == "Der Text."


def test_a_zip_bomb_is_refused_before_pandoc(tmp_path):
    data = io.BytesIO()
    with zipfile.ZipFile(data, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("word/document.xml", b"<w:document/>" + b" " * (300 * 2**20))
    with pytest.raises(SourceError) as caught:
        source.normalise("bomb.docx", data.getvalue())
    assert caught.value.file == "bomb.docx" and "refused" in caught.value.message


def test_unknown_formats_and_bad_text_are_named():
    with pytest.raises(SourceError, match="cannot read '.exe'"):
        source.normalise("tool.exe", b"MZ")
    with pytest.raises(SourceError, match="not UTF-8"):
        source.normalise("text.txt", "Grüße".encode("latin-1"))
