"""Builds at scale: unchanged releases are not rebuilt, releases build in parallel and on a Dask cluster."""

from __future__ import annotations

import pytest

from accesspub.cache import rendition_keys
from accesspub.config import FORMATS, Settings

from conftest import SAMPLE, run_build
from accesspub.pipeline import build
from accesspub.progress import Reporter


def _releases(folder, n=3):
    folder.mkdir()
    text = SAMPLE.read_text(encoding="utf-8")
    for i in range(n):
        variant = text.replace("Regionalkonferenz Nord im Rahmen", f"Regionalkonferenz {i + 1} im Rahmen", 1)
        (folder / f"release-{i}.txt").write_text(variant, encoding="utf-8")
    return folder


def test_parallel_build_then_no_op_then_one_change(tmp_path):
    src = _releases(tmp_path / "content")
    out = tmp_path / "out"
    first = build([src], out, ("html",), Settings(), Reporter(quiet=True), jobs=2)
    assert first.exit_code == 0
    assert sorted(first.rebuilt.values()) == [["html"]] * 3
    again = build([src], out, ("html",), Settings(), Reporter(quiet=True), jobs=2)
    assert list(again.rebuilt.values()) == [[], [], []]
    assert again.exit_code == 0 and len(again.reports) == 3
    changed = src / "release-1.txt"
    changed.write_text(changed.read_text(encoding="utf-8").replace("massiv erweitert", "stark erweitert"),
                       encoding="utf-8")
    third = build([src], out, ("html",), Settings(), Reporter(quiet=True), jobs=2)
    assert {slug: r for slug, r in third.rebuilt.items() if r} == {
        "2017-10-27-regionalkonferenz-2-im-rahmen-des-landesprogramms-wir": ["html"]}
    page = (out / "2017-10-27-regionalkonferenz-2-im-rahmen-des-landesprogramms-wir" / "index.html").read_text()
    assert "stark erweitert" in page


def test_a_renamed_release_leaves_no_stale_folder(tmp_path):
    src = _releases(tmp_path / "content", n=1)
    out = tmp_path / "out"
    run_build([src], out)
    path = src / "release-0.txt"
    path.write_text(path.read_text(encoding="utf-8").replace("Regionalkonferenz 1", "Fachkonferenz 1", 1),
                    encoding="utf-8")
    run_build([src], out)
    assert sorted(p.name for p in out.iterdir() if (p / "index.html").exists()) == [
        "2017-10-27-fachkonferenz-1-im-rahmen-des-landesprogramms-wir"]


def test_voice_change_rebuilds_what_speaks_or_embeds_speech_not_pdf():
    """The voice speaks both audio renditions; the EPUB and the page embed the full-text audio, the plain page
    its own; the PDF embeds nothing spoken."""
    before = rendition_keys("source", FORMATS, Settings())
    after = rendition_keys("source", FORMATS, Settings(audio={"voice": {"de": "de+f3"}}))
    assert {n for n in FORMATS if before[n] != after[n]} == {"audio", "plain-audio", "epub", "html", "plain"}
    publisher = rendition_keys("source", FORMATS, Settings(publisher={"name": "Ministerium"}))
    assert all(publisher[n] != before[n] for n in FORMATS)


def test_dask_local_cluster_builds_every_release(tmp_path):
    distributed = pytest.importorskip("distributed")
    src = _releases(tmp_path / "content", n=2)
    out = tmp_path / "out"
    with distributed.LocalCluster(n_workers=1, threads_per_worker=2, processes=True, dashboard_address=None) as cluster:
        result = build([src], out, ("html",), Settings(), Reporter(quiet=True), scheduler=cluster)
    assert result.exit_code == 0
    assert sorted(result.rebuilt.values()) == [["html"], ["html"]]
    assert all((out / slug / "index.html").exists() for slug in result.rebuilt)
