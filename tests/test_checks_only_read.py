"""Checks only read: `accesspub check` leaves every built file as it was, the certify stage writes the EPUB's
claim before the page that prints the EPUB's size is final, and a check that crashes is recorded against every
release it was checking and run again by the next build."""

from __future__ import annotations

import dataclasses
import hashlib
import json
import re

import pytest

from accesspub import renditions
from accesspub.config import Settings
from accesspub.manifest import read_manifest
from accesspub.pipeline import check_tree
from accesspub.progress import Reporter
from accesspub.render.epub.claim import CONFORMS_TO, claim_of
from accesspub.render.frame import human_size
from accesspub.renditions import CheckSpec
from accesspub.state import build_dir

from conftest import SAMPLE, SAMPLE_SLUG, run_build

REPORTS = ("report.json", "report.html")


def tree(out):
    return {str(p.relative_to(out)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(out.rglob("*")) if p.is_file() and p.name != ".accesspub.lock"}


@pytest.fixture(scope="module")
def epub_build(tmp_path_factory):
    out = tmp_path_factory.mktemp("certified")
    return run_build([SAMPLE], out, formats=("html", "epub")), out


def test_check_leaves_every_file_byte_identical(epub_build):
    _, out = epub_build
    work = build_dir(out)                              # the build tree (with the reports) in the state folder
    published = tree(out)
    before = tree(work)
    reports = {p: json.loads((work / p).read_text()) for p in before if p.endswith("report.json")}
    result = check_tree(out, Settings(), Reporter(quiet=True))
    assert result.exit_code == 0
    assert tree(out) == published                      # the public site is not touched at all
    after = tree(work)
    assert after.keys() == before.keys()
    changed = sorted(p for p in before if before[p] != after[p])
    assert [p for p in changed if p.rsplit("/", 1)[-1] not in REPORTS] == []     # renditions, manifests, site
    for path, old in reports.items():                  # the reports differ only in when they were made
        new = json.loads((work / path).read_text())
        for data in (old, new):
            data.pop("seconds", None)
            for r in [data, *data.get("releases", [])]:
                r.pop("checked", None)
        assert new == old


def test_the_page_prints_the_size_of_the_certified_epub(epub_build):
    _, out = epub_build
    epub = out / SAMPLE_SLUG / f"{SAMPLE_SLUG}.epub"
    page = out / SAMPLE_SLUG / "index.html"
    assert claim_of(epub)["dcterms:conformsTo"] == [CONFORMS_TO]           # certify wrote into it ...
    shown = re.search(rf'href="{re.escape(epub.name)}" type="application/epub\+zip"[^>]*>[^<]+</a>\s*'
                      r'<span class="meta-info">\(EPUB, ([^)]+)\)</span>', page.read_text(encoding="utf-8"))
    assert shown and shown.group(1) == human_size(epub.stat().st_size, "de")
    assert page.stat().st_mtime_ns >= epub.stat().st_mtime_ns                # ... before the page was final
    report = json.loads((build_dir(out) / SAMPLE_SLUG / "report.json").read_text())
    assert [f["rule"] for f in report["findings"] if f["check"] == "epub-claim"] == ["conformance-claimed"]
    built = read_manifest(build_dir(out) / SAMPLE_SLUG / "manifest.json").built          # the files the specs declare
    assert {n: b.files for n, b in built.items()} == {n: renditions.files_of(n, SAMPLE_SLUG) for n in built}


CRASHING = '''
from pathlib import Path

from accesspub.findings import Finding

FLAG = Path(__file__).with_name("crash")


def check(items, settings):
    if FLAG.exists():
        raise RuntimeError("the tool fell over")
    return {slug: [Finding("boom", "html", "ran", "info", "checked", path.name)] for slug, path in items}
'''


@pytest.fixture
def crashing_check(tmp_path, monkeypatch):
    """The page checked by one family only, whose tool crashes while a flag file exists."""
    (tmp_path / "boom_check.py").write_text(CRASHING, encoding="utf-8")
    (tmp_path / "crash").touch()
    monkeypatch.syspath_prepend(str(tmp_path))
    renditions.register(dataclasses.replace(renditions.spec("html"), checks=("boom",)),
                        CheckSpec("boom", "boom_check"))
    yield tmp_path / "crash"
    renditions.unregister("html", "boom")


def test_a_crashed_check_counts_for_every_release_and_runs_again(crashing_check, tmp_path):
    src = tmp_path / "content"
    src.mkdir()
    text = SAMPLE.read_text(encoding="utf-8")
    for i in range(2):
        (src / f"r{i}.txt").write_text(text.replace("Regionalkonferenz Nord", f"Regionalkonferenz {i}", 1),
                                       encoding="utf-8")
    out = tmp_path / "out"
    first = run_build([src], out)
    assert len(first.rebuilt) == 2 and first.exit_code == 1
    for slug in first.rebuilt:
        report = json.loads((build_dir(out) / slug / "report.json").read_text())
        crashed = [f for f in report["findings"] if f["rule"] == "check-crashed"]
        assert [(f["check"], f["rendition"], f["severity"]) for f in crashed] == [("boom", "html", "error")]
        assert "the tool fell over" in crashed[0]["message"]
        assert read_manifest(build_dir(out) / slug / "manifest.json").unchecked == ["html"]

    crashing_check.unlink()                            # the tool works again
    second = run_build([src], out)
    assert second.rebuilt == {slug: [] for slug in first.rebuilt} and second.exit_code == 0
    for slug in first.rebuilt:                         # nothing rebuilt, yet the page was checked again
        report = json.loads((build_dir(out) / slug / "report.json").read_text())
        assert [f["rule"] for f in report["findings"] if f["check"] == "boom"] == ["ran"]
        assert read_manifest(build_dir(out) / slug / "manifest.json").unchecked == []
