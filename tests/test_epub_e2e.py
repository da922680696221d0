"""The sample built by the real pipeline with the real audio rendition: an EPUB with media overlays that
EPUBCheck and Ace accept without a single message, and that claims conformance only then."""

from __future__ import annotations

import zipfile

import pytest

from accesspub.render.epub.claim import CONFORMS_TO, claim_of

from conftest import SAMPLE, SAMPLE_SLUG, report_of, run_build


@pytest.fixture(scope="module")
def audio_epub_build(tmp_path_factory):
    out = tmp_path_factory.mktemp("epub-e2e")
    return run_build([SAMPLE], out, formats=("audio", "epub")), out


def test_sample_with_overlays_passes_epubcheck_and_ace(audio_epub_build):
    _, out = audio_epub_build
    findings = [f for f in report_of(out)["findings"] if f["rendition"] == "epub"]
    assert [f for f in findings if f["check"] in ("epubcheck", "ace", "epub-lint", "epub", "render")
            and f["severity"] != "info"] == []
    assert [f["rule"] for f in findings if f["check"] == "epub-claim"] == ["conformance-claimed"]
    epub = out / SAMPLE_SLUG / f"{SAMPLE_SLUG}.epub"
    assert claim_of(epub)["dcterms:conformsTo"] == [CONFORMS_TO]
    with zipfile.ZipFile(epub) as zf:
        names = zf.namelist()
        opf = zf.read("EPUB/package.opf").decode()
    assert "EPUB/text.smil" in names and f"EPUB/audio/{SAMPLE_SLUG}.mp3" in names
    assert 'media-overlay="overlay"' in opf and "synchronizedAudioText" in opf
