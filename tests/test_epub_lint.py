"""Our EPUB lint and the conformance claim on real EPUBs altered in one place each (no Java, no Node)."""

from __future__ import annotations

import re
import zipfile

import pytest

from accesspub.checks.epub.lint import lint
from accesspub.config import Settings
from accesspub.ingest import load_release
from accesspub.render import BuildContext
from accesspub.render.epub import render
from accesspub.render.epub.archive import read_epub, write_epub
from accesspub.render.epub.claim import CONFORMS_TO, claim_of, set_claim
from accesspub.render.epub.metadata import accessibility

from conftest import ROOT, SAMPLE

FIGURES = ROOT / "tests" / "fixtures" / "pdf" / "figures-en.md"


@pytest.fixture(scope="module")
def epubs(tmp_path_factory):
    ctx = BuildContext(Settings(), tmp_path_factory.mktemp("epub-lint"))
    return {name: render(load_release(path, ctx.settings), ctx).files[0]
            for name, path in (("sample", SAMPLE), ("figures", FIGURES))}


def altered(source, target, name: str, edit):
    entries, stamp = read_epub(source)
    write_epub(target, [(n, edit(d.decode()).encode() if n == name else d) for n, d in entries], stamp)
    return target


def rules(path) -> set[str]:
    return {f.rule for f in lint(path)}


def test_rendered_epubs_are_clean(epubs):
    assert lint(epubs["sample"]) == [] and lint(epubs["figures"]) == []


def test_decorative_image_is_fine_but_then_alternative_text_is_not_a_feature(epubs, tmp_path):
    path = altered(epubs["figures"], tmp_path / "decorative.epub", "EPUB/text.xhtml",
                   lambda t: re.sub(r'alt="[^"]+"', 'alt="" role="presentation"', t))
    assert rules(path) == {"claimed-feature-absent"}


def test_image_alt_that_is_a_file_name(epubs, tmp_path):
    path = altered(epubs["figures"], tmp_path / "alt.epub", "EPUB/text.xhtml",
                   lambda t: re.sub(r'alt="[^"]+"', 'alt="plan.svg"', t))
    assert "image-alt-filename" in rules(path)


def test_access_mode_that_the_content_lacks(epubs, tmp_path):
    path = altered(epubs["sample"], tmp_path / "modes.epub", "EPUB/package.opf", lambda t: t.replace(
        '<meta property="schema:accessMode">textual</meta>',
        '<meta property="schema:accessMode">textual</meta>\n<meta property="schema:accessMode">visual</meta>'))
    assert rules(path) == {"access-mode-absent"}


def test_missing_lang_and_wrong_conformance_string(epubs, tmp_path):
    path = altered(epubs["sample"], tmp_path / "lang.epub", "EPUB/text.xhtml",
                   lambda t: t.replace(' lang="de" xml:lang="de"', ""))
    assert rules(path) == {"lang-missing"}
    path = altered(epubs["sample"], tmp_path / "claim.epub", "EPUB/package.opf", lambda t: t.replace(
        "</metadata>", '<meta property="dcterms:conformsTo">EPUB Accessibility 1.1 - WCAG 2.1 AA</meta>\n</metadata>'))
    assert rules(path) == {"conformance-claim"}


def test_claim_is_added_and_withdrawn_with_its_summary_sentence(epubs, tmp_path):
    path = tmp_path / "claim.epub"
    path.write_bytes(epubs["sample"].read_bytes())
    assert set_claim(path, "Pressestelle") is True
    assert claim_of(path) == {"dcterms:conformsTo": [CONFORMS_TO], "a11y:certifiedBy": ["Pressestelle"]}
    assert set_claim(path, "Pressestelle") is False            # idempotent: the file is not rewritten
    assert lint(path) == []
    assert set_claim(path, None) is True
    assert claim_of(path) == {}
    assert path.read_bytes() == epubs["sample"].read_bytes()   # withdrawing restores the unclaimed EPUB exactly
    with zipfile.ZipFile(path) as zf:
        assert zf.infolist()[0].filename == "mimetype"


def test_metadata_follows_the_images():
    decorative = accessibility("en", [{"alt": "", "decorative": True}], overlay=False, has_toc=True)
    assert "alternativeText" not in decorative.features and decorative.sufficient == ["textual", "textual,visual"]
    undescribed = accessibility("en", [{"alt": "", "decorative": False}], overlay=False, has_toc=True)
    assert undescribed.sufficient == ["textual,visual"] and "alternativeText" not in undescribed.features
    described = accessibility("de", [{"alt": "Ein Plan", "decorative": False}], overlay=True, has_toc=True)
    assert {"alternativeText", "synchronizedAudioText"} <= set(described.features)
    assert described.access_modes == ["textual", "visual", "auditory"]
