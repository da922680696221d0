"""EPUB rendition: real EPUBs of the sample and a fixture with an image, with and without media overlays,
checked by EPUBCheck, DAISY Ace and our lint in one run; deliberately broken EPUBs must be caught."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import lameenc
import numpy as np
import pytest
from lxml import etree

from accesspub import certify
from accesspub.checks import run_all
from accesspub.config import Settings
from accesspub.ingest import load_release
from accesspub.render import BuildContext, Rendition
from accesspub.render.epub import render
from accesspub.render.epub.archive import read_epub, write_epub
from accesspub.render.epub.claim import CONFORMS_TO, claim_of, set_claim

from conftest import ROOT, SAMPLE

FIGURES = ROOT / "tests" / "fixtures" / "pdf" / "figures-en.md"
SMIL = "{http://www.w3.org/ns/SMIL}"
OPF = "{http://www.idpf.org/2007/opf}"
SETTINGS = Settings()


def synthetic_audio(release, folder: Path) -> Rendition:
    """A real MP3 (a quiet tone) and one-second cues for the header and every sentence, as the audio
    rendition hands them over."""
    ids = ["headline", "subtitle", "dateline"] + [sid for sid, _ in release.sentences()]
    timings, t = [], 0.3
    for cue in ids:
        timings.append({"id": cue, "start": round(t, 3), "end": round(t + 1.0, 3), "text": cue})
        t += 1.2
    rate = 16000
    samples = np.arange(int(rate * (t + 0.5))) / rate
    pcm = (0.1 * np.sin(2 * np.pi * 220 * samples) * 32767).astype(np.int16).tobytes()
    encoder = lameenc.Encoder()
    encoder.set_bit_rate(32)
    encoder.set_in_sample_rate(rate)
    encoder.set_channels(1)
    encoder.set_quality(7)
    mp3 = folder / f"{release.slug}.mp3"
    mp3.write_bytes(encoder.encode(pcm) + encoder.flush())
    return Rendition("audio", [mp3], data={"timings": timings, "duration": len(samples) / rate})


def _replace(entries, name: str, edit) -> list[tuple[str, bytes]]:
    return [(n, edit(d.decode()).encode() if n == name else d) for n, d in entries]


def broken_copies(plain: Path, figures: Path, folder: Path) -> dict[str, Path]:
    """Three EPUBs, each broken where one checker looks."""
    entries, stamp = read_epub(plain)
    missing_css = folder / "broken-epubcheck.epub"
    write_epub(missing_css, [(n, d) for n, d in entries if n != "EPUB/styles/epub.css"], stamp)
    no_modes = folder / "broken-ace.epub"
    no_modes_entries = _replace(entries, "EPUB/package.opf",
                                lambda t: re.sub(r'<meta property="schema:accessMode[^>]*>[^<]*</meta>\n', "", t))
    # and a content document that Ace's own axe pass (run in Chromium, not in Node) must catch
    no_modes_entries = _replace(no_modes_entries, "EPUB/text.xhtml",
                                lambda t: t.replace("</h1>", '</h1><div role="nonsense">x</div>', 1))
    write_epub(no_modes, no_modes_entries, stamp)
    set_claim(no_modes, "Someone")                 # a claim made earlier must be withdrawn
    entries, stamp = read_epub(figures)
    entries = _replace(entries, "EPUB/text.xhtml",
                       lambda t: re.sub(r"<title>[^<]*</title>", "<title>text.xhtml</title>",
                                        re.sub(r'alt="[^"]+"', 'alt=""', t)))
    entries = _replace(entries, "EPUB/package.opf", lambda t: t.replace(
        '<meta property="schema:accessibilityHazard">',
        '<meta property="schema:accessibilityFeature">synchronizedAudioText</meta>\n'
        '<meta property="schema:accessibilityHazard">'))
    lint_bait = folder / "broken-lint.epub"
    write_epub(lint_bait, entries, stamp)
    return {"broken-epubcheck": missing_css, "broken-ace": no_modes, "broken-lint": lint_bait}


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    """Every EPUB of this module rendered, then checked in ONE run (one JVM, one Node process) and certified."""
    out = tmp_path_factory.mktemp("epub")
    sample = load_release(SAMPLE, SETTINGS)
    figures = load_release(FIGURES, SETTINGS)
    epubs, renditions = {}, {}
    ctx = BuildContext(SETTINGS, out / "plain")
    renditions["plain"] = render(sample, ctx)
    renditions["figures"] = render(figures, ctx)
    ctx = BuildContext(SETTINGS, out / "overlay")
    ctx.done[sample.slug] = {"audio": synthetic_audio(sample, ctx.release_dir(sample))}
    renditions["overlay"] = render(sample, ctx)
    epubs = {name: r.files[0] for name, r in renditions.items()}
    before = {name: path.read_bytes() for name, path in epubs.items()}
    epubs.update(broken_copies(epubs["plain"], epubs["figures"], out))
    targets = {"epub": list(epubs.items())}
    unchanged = {name: path.read_bytes() for name, path in epubs.items()}
    findings = run_all(targets, SETTINGS)                       # the checks only read ...
    assert {name: path.read_bytes() for name, path in epubs.items()} == unchanged
    certify.run(targets, findings, SETTINGS, run_all)          # ... the certify stage claims and re-checks
    return {"epubs": epubs, "findings": findings, "before": before, "renditions": renditions,
            "sample": sample, "ctx": ctx, "out": out}


def opf_of(path: Path) -> etree._Element:
    return etree.fromstring(zipfile.ZipFile(path).read("EPUB/package.opf"))


def meta_values(path: Path, prop: str) -> list[str]:
    return [m.text for m in opf_of(path).iter(f"{OPF}meta") if m.get("property") == prop and not m.get("refines")]


@pytest.mark.parametrize("name", ["plain", "overlay", "figures"])
def test_epubcheck_and_ace_pass_and_the_claim_follows(built, name):
    findings = built["findings"][name]
    tools = [f for f in findings if f.check in ("epubcheck", "ace", "epub-lint") and f.severity != "info"]
    assert tools == []
    assert any(f.rule == "conformance-claimed" for f in findings)
    claim = claim_of(built["epubs"][name])
    assert claim == {"dcterms:conformsTo": [CONFORMS_TO], "a11y:certifiedBy": [SETTINGS.publisher.name]}


def test_the_rendition_itself_claims_nothing(built, tmp_path):
    """The claim is added only by the certify stage, after the validators passed."""
    for name, data in built["before"].items():
        copy = tmp_path / f"{name}.epub"
        copy.write_bytes(data)
        assert claim_of(copy) == {}


def test_container_mimetype_first_stored_and_reproducible(built, tmp_path):
    data = built["before"]["plain"]
    path = tmp_path / "plain.epub"
    path.write_bytes(data)
    with zipfile.ZipFile(path) as zf:
        first = zf.infolist()[0]
        assert (first.filename, first.compress_type, zf.read(first)) == ("mimetype", zipfile.ZIP_STORED,
                                                                          b"application/epub+zip")
    assert data[30:38] == b"mimetype"          # no extra field: readers may sniff the bytes
    again = render(built["sample"], BuildContext(SETTINGS, tmp_path / "again"))
    assert again.files[0].read_bytes() == data


def test_every_document_has_lang_and_a_real_title(built):
    with zipfile.ZipFile(built["epubs"]["plain"]) as zf:
        for name in ("EPUB/text.xhtml", "EPUB/nav.xhtml"):
            root = etree.fromstring(zf.read(name))
            assert root.get("lang") == "de" == root.get("{http://www.w3.org/XML/1998/namespace}lang")
            title = root.findtext("{http://www.w3.org/1999/xhtml}head/{http://www.w3.org/1999/xhtml}title")
            assert built["sample"].meta.title in title
        nav = zf.read("EPUB/nav.xhtml").decode()
        assert 'epub:type="bodymatter"' in nav and 'epub:type="toc"' in nav


def test_accessibility_metadata_states_only_what_the_content_has(built):
    epubs = built["epubs"]
    plain = meta_values(epubs["plain"], "schema:accessibilityFeature")
    assert "alternativeText" not in plain and "synchronizedAudioText" not in plain
    assert meta_values(epubs["plain"], "schema:accessMode") == ["textual"]
    assert "synchronizedAudioText" in meta_values(epubs["overlay"], "schema:accessibilityFeature")
    assert meta_values(epubs["overlay"], "schema:accessMode") == ["textual", "auditory"]
    assert "alternativeText" in meta_values(epubs["figures"], "schema:accessibilityFeature")
    assert meta_values(epubs["figures"], "schema:accessMode") == ["textual", "visual"]
    assert meta_values(epubs["figures"], "schema:accessibilityHazard") == ["none"]
    summary = meta_values(epubs["plain"], "schema:accessibilitySummary")[0]
    assert "Textfassung" in summary and "WCAG 2.1" in summary    # German release, German summary


def test_media_overlay_pairs_every_sentence_with_its_clip(built):
    path = built["epubs"]["overlay"]
    with zipfile.ZipFile(path) as zf:
        smil = etree.fromstring(zf.read("EPUB/text.smil"))
        text = etree.fromstring(zf.read("EPUB/text.xhtml"))
        mp3 = [n for n in zf.namelist() if n.endswith(".mp3")]
    assert len(mp3) == 1
    ids_in_text = {e.get("id") for e in text.iter() if isinstance(e.tag, str) and e.get("id")}
    targets = [t.get("src").split("#")[1] for t in smil.iter(f"{SMIL}text")]
    sentences = [sid for sid in ids_in_text if re.fullmatch(r"s-\d+(-\d+)?", sid)]
    assert set(targets) == set(sentences) | {"headline", "subtitle", "dateline"}
    clips = [(float(a.get("clipBegin")[:-1]), float(a.get("clipEnd")[:-1])) for a in smil.iter(f"{SMIL}audio")]
    assert all(b > a for a, b in clips) and all(clips[i][1] <= clips[i + 1][0] + 1e-6 for i in range(len(clips) - 1))
    total = meta_values(path, "media:duration")[0]
    h, m, s = total.split(":")
    assert abs(int(h) * 3600 + int(m) * 60 + float(s) - sum(b - a for a, b in clips)) < 0.01
    refined = [m.text for m in opf_of(path).iter(f"{OPF}meta") if m.get("property") == "media:duration"]
    assert refined == [total, total]
    active = meta_values(path, "media:active-class")[0]
    css = zipfile.ZipFile(path).read("EPUB/styles/epub.css").decode()
    assert f".{active}" in css


def test_epubcheck_catches_a_missing_resource(built):
    findings = built["findings"]["broken-epubcheck"]
    assert any(f.check == "epubcheck" and f.severity == "error" and f.rule.startswith("RSC") for f in findings)
    assert claim_of(built["epubs"]["broken-epubcheck"]) == {}


def test_ace_catches_missing_access_mode_and_the_claim_is_withdrawn(built):
    findings = built["findings"]["broken-ace"]
    assert any(f.check == "ace" and f.rule == "metadata-accessmode" and f.severity == "error" for f in findings)
    assert any(f.check == "ace" and f.rule == "aria-roles" and f.severity == "error" and "text.xhtml" in f.location
               for f in findings)
    assert any(f.rule == "conformance-not-claimed" for f in findings)
    assert claim_of(built["epubs"]["broken-ace"]) == {}


def test_lint_catches_what_the_validators_miss(built):
    rules = {f.rule for f in built["findings"]["broken-lint"] if f.check == "epub-lint"}
    assert {"title-is-filename", "image-alt-empty", "claimed-feature-absent"} <= rules
    assert claim_of(built["epubs"]["broken-lint"]) == {}


def test_a_certified_epub_is_rechecked_by_epubcheck_alone_and_still_passes_it(built, tmp_path, monkeypatch):
    """Issue 16: certification changes only the package document, so the re-check after it is EPUBCheck and the
    lint (Ace ran once per EPUB, on content documents the claim does not touch); the certified file still
    passes EPUBCheck run on its own, in a JVM and from a command line of its own."""
    import json
    import subprocess

    from accesspub.checks.epub import ace
    from accesspub.checks.epub.epubcheck import jar
    from accesspub.paths import java

    epub = tmp_path / "certified.epub"
    epub.write_bytes(built["before"]["plain"])
    aced: list[Path] = []
    real = ace.check_all
    monkeypatch.setattr(ace, "check_all", lambda epubs: aced.extend(epubs) or real(epubs))
    targets = {"epub": [("c", epub)]}
    found = run_all(targets, SETTINGS)
    assert certify.run(targets, found, SETTINGS, run_all) == [("epub", "c")]
    assert claim_of(epub)["dcterms:conformsTo"] == [CONFORMS_TO]
    assert aced == [epub]
    assert [f for f in found["c"] if f.severity == "error"] == []
    assert any(f.rule == "conformance-claimed" for f in found["c"])
    report = tmp_path / "epubcheck.json"
    subprocess.run([java(), "-jar", str(jar()), str(epub), "--json", str(report), "--quiet"], capture_output=True,
                   timeout=300)
    messages = json.loads(report.read_text(encoding="utf-8"))["messages"]
    assert [m for m in messages if m["severity"] in ("ERROR", "FATAL")] == []
