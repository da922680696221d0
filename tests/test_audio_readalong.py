"""readalong.js in Chromium with a real MP3: the spoken sentence (and its pieces) gets class "reading"."""

from __future__ import annotations

import html
import json
import shutil
from importlib import resources
from pathlib import Path

import pytest

from accesspub.config import Settings
from accesspub.ingest import load_release
from accesspub.render import BuildContext
from accesspub.render.audio import render

CHROMIUM = Path("/usr/bin/chromium")
RELEASE = """---
title: Library opens a reading room
date: 2025-03-14
lang: en
---

The city library opens a reading room on 1 April. It has forty seats. Everyone is welcome.
"""
PAGE = """<!doctype html><html lang="{lang}"><head><meta charset="utf-8"><title>t</title>
<meta http-equiv="Content-Security-Policy" content="default-src 'self'; script-src 'self'; media-src 'self'">
</head><body><h1 id="headline">Library opens a reading room</h1>
<audio id="release-audio" controls preload="auto" src="{mp3}" data-timings="{timings}"></audio>
<p><span id="s-1" class="s">The city library</span> <em><span id="s-1-2" class="s">opens a reading room.</span></em>
<span id="s-2" class="s">It has forty seats.</span> <span id="s-3" class="s">Everyone is welcome.</span></p>
<script src="readalong.js"></script></body></html>"""


@pytest.fixture(scope="module")
def page(tmp_path_factory):
    if not CHROMIUM.exists():
        pytest.skip("Debian chromium is not installed")
    sync_api = pytest.importorskip("playwright.sync_api")
    folder = tmp_path_factory.mktemp("readalong")
    source = folder / "release.md"
    source.write_text(RELEASE, encoding="utf-8")
    release = load_release(source, Settings())
    rendition = render(release, BuildContext(Settings(), folder / "out"))
    site = rendition.files[0].parent
    timings = [{k: t[k] for k in ("id", "start", "end")} for t in rendition.data["timings"]]
    shutil.copy(resources.files("accesspub.templates").joinpath("readalong.js"), site / "readalong.js")
    (site / "page.html").write_text(PAGE.format(lang="en", mp3=rendition.files[0].name,
                                                timings=html.escape(json.dumps(timings))), encoding="utf-8")
    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=[
            "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--autoplay-policy=no-user-gesture-required"])
        tab = browser.new_page()
        errors: list[str] = []
        tab.on("pageerror", lambda e: errors.append(str(e)))
        tab.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
        tab.goto((site / "page.html").as_uri())
        tab.wait_for_function("document.getElementById('release-audio').readyState >= 1")
        yield tab, {t["id"]: t for t in timings}, errors
        browser.close()


def _seek(tab, seconds: float) -> list[str]:
    """Seek the audio, wait for the script to react, return the ids marked "reading"."""
    tab.evaluate("""t => new Promise(done => {
        const a = document.getElementById('release-audio');
        a.addEventListener('seeked', () => setTimeout(done, 50), {once: true});
        a.currentTime = t; })""", seconds)
    return tab.evaluate("[...document.querySelectorAll('.reading')].map(e => e.id)")


def test_sentence_and_its_pieces_are_marked(page):
    tab, timings, errors = page
    middle = (timings["s-1"]["start"] + timings["s-1"]["end"]) / 2
    assert _seek(tab, middle) == ["s-1", "s-1-2"]
    assert errors == []


def test_marking_moves_on_and_header_cues_work(page):
    tab, timings, _ = page
    assert _seek(tab, timings["s-3"]["start"] + 0.1) == ["s-3"]
    assert _seek(tab, timings["headline"]["start"] + 0.1) == ["headline"]


def test_follow_checkbox_is_labelled_and_off_by_default(page):
    tab, _, _ = page
    label = tab.evaluate("document.querySelector('label[for=readalong-follow]').textContent")
    assert label == "Read along"
    assert tab.evaluate("document.getElementById('readalong-follow').checked") is False
