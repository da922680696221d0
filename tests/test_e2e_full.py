"""End to end: the sample with every rendition and every check, then `accesspub check` on the result."""

from __future__ import annotations

import pytest

from accesspub.config import FORMATS, Settings
from accesspub.pipeline import check_tree
from accesspub.progress import Reporter

from conftest import SAMPLE, SAMPLE_SLUG, report_of, run_build


@pytest.fixture(scope="module")
def full_build(tmp_path_factory):
    out = tmp_path_factory.mktemp("full")
    return run_build([SAMPLE], out, formats=FORMATS), out


def test_every_rendition_is_built_and_passes(full_build):
    result, out = full_build
    report = report_of(out)
    assert sorted(report["renditions"]) == sorted(FORMATS)
    assert [f for f in report["findings"] if f["severity"] == "error"] == []
    assert result.exit_code == 0
    checks = {f["check"] for f in report["findings"]}
    assert {"pdf-ua", "epub-claim", "audio"} <= checks     # each left its info finding: it really ran
    assert (out / "podcast.xml").exists() and (out / "feed.xml").exists()


def test_check_command_reproduces_the_verdict(full_build):
    _, out = full_build
    before = report_of(out)
    again = check_tree(out, Settings(), Reporter(quiet=True))
    after = report_of(out)
    assert again.exit_code == 0
    assert after["counts"] == before["counts"]
    assert {(f["check"], f["rule"]) for f in after["findings"]} == {(f["check"], f["rule"]) for f in before["findings"]}


def test_page_links_every_rendition_with_type_and_size(full_build):
    _, out = full_build
    page = (out / SAMPLE_SLUG / "index.html").read_text(encoding="utf-8")
    for mime in ("application/pdf", "application/epub+zip", "audio/mpeg"):
        assert f'type="{mime}"' in page
    assert "plain.html" in page and "KB" in page
    assert 'id="release-audio"' in page and "data-timings=" in page
