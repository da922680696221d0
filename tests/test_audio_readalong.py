"""readalong.js on a really built page (html + audio) in Chromium with the real MP3: the spoken sentence is
marked, a click on a sentence plays from its cue, the toggle and the sentence buttons work by keyboard, and the
page without JavaScript keeps its native player and shows no dead controls."""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest

from accesspub.config import Settings
from accesspub.serve import start_server

from conftest import run_build

CHROMIUM = Path("/usr/bin/chromium")
RELEASE = """---
title: Library opens a reading room
date: 2025-03-14
place: Springfield
lang: en
---

The city library opens a reading room on 1 April. It has *forty seats and a quiet corner.
Everyone is* welcome, write to press@example.org.

The room is open from 9:00 to 17:00. It cost £1.5m.
"""
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--autoplay-policy=no-user-gesture-required"]


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    if not CHROMIUM.exists():
        pytest.skip("Debian chromium is not installed")
    folder = tmp_path_factory.mktemp("readalong")
    (folder / "reading-room.md").write_text(RELEASE, encoding="utf-8")
    out = folder / "out"
    run_build([folder / "reading-room.md"], out, ("html", "audio"), Settings())
    page = next(out.glob("*/index.html"))
    server = start_server(out, 0)
    yield f"http://127.0.0.1:{server.server_port}/{page.parent.name}/index.html"
    server.shutdown()


@pytest.fixture(scope="module")
def browser():
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield b
        b.close()


@pytest.fixture()
def page(built, browser):
    tab = browser.new_page()
    errors: list[str] = []
    tab.on("pageerror", lambda e: errors.append(str(e)))
    tab.on("console", lambda m: errors.append(m.text) if m.type == "error" and "404" not in m.text else None)
    tab.on("response", lambda r: errors.append(f"{r.status} {r.url}")
           if r.status >= 400 and not r.url.endswith("/favicon.ico") else None)
    tab.goto(built)
    _until(tab, "document.getElementById('release-audio').readyState >= 1")
    cues = {c["id"]: c for c in json.loads(tab.get_attribute("#release-audio", "data-timings"))}
    yield tab, cues, errors
    tab.close()


def _until(tab, expression: str, timeout: float = 5.0):
    """Poll an expression from Python (Playwright's own polling evaluates strings, which the page's CSP forbids)."""
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        value = tab.evaluate(expression)
        if value:
            return value
        time.sleep(0.05)
    raise AssertionError(f"not true within {timeout} s: {expression}")


def _marked(tab) -> list[str]:
    return tab.evaluate("[...document.querySelectorAll('.reading')].map(e => e.id)")


def _seek(tab, seconds: float) -> list[str]:
    tab.evaluate("""t => new Promise(done => {
        const a = document.getElementById('release-audio');
        a.addEventListener('seeked', () => setTimeout(done, 50), {once: true});
        a.currentTime = t; })""", seconds)
    return _marked(tab)


def _playing_from(tab) -> float:
    """Wait until the audio plays and return where it was when it started (currentTime at 'playing')."""
    _until(tab, "!document.getElementById('release-audio').paused")
    return tab.evaluate("document.getElementById('release-audio').currentTime")


def test_click_on_a_sentence_plays_from_its_cue(page):
    tab, cues, errors = page
    cue = cues["s-4"]
    tab.click("#s-4")
    at = _playing_from(tab)
    assert cue["start"] <= at < cue["end"], (at, cue)
    _until(tab, "document.getElementById('release-audio').currentTime > %f" % (at + 0.2))
    assert _marked(tab) == ["s-4"], "the clicked sentence is the one marked"
    assert errors == []


def test_click_on_a_piece_of_a_split_sentence_and_on_the_headline(page):
    tab, cues, _ = page
    piece = tab.evaluate("[...document.querySelectorAll('.s')].map(e => e.id).find(i => /^s-\\d+-\\d+$/.test(i))")
    assert piece, "the emphasised words make a sentence piece (id s-N-2)"
    tab.click(f"[id='{piece}']")
    base = "-".join(piece.split("-")[:2])
    assert cues[base]["start"] <= _playing_from(tab) < cues[base]["end"]
    tab.evaluate("document.getElementById('release-audio').pause()")
    tab.click("#headline")
    assert _playing_from(tab) < cues["headline"]["end"]


def test_a_link_in_a_sentence_is_followed_not_played(page):
    tab, _, _ = page
    link = "a[href='mailto:press@example.org']"
    assert tab.evaluate(f"document.querySelector(\"{link}\").closest('.s') !== null")
    tab.evaluate(f"document.querySelector(\"{link}\").addEventListener('click', e => e.preventDefault())")
    tab.click(link)
    assert tab.evaluate("document.getElementById('release-audio').paused")


def test_marking_moves_with_the_audio_and_header_cues_work(page):
    tab, cues, _ = page
    assert _seek(tab, cues["s-3"]["start"] + 0.1) == ["s-3", "s-3-2"], "a split sentence: all its pieces"
    assert _seek(tab, cues["headline"]["start"] + 0.1) == ["headline"]


def test_toggle_says_what_it_does_and_switches_marking_and_clicks_off(page):
    tab, cues, _ = page
    toggle = tab.locator("#readalong-toggle")
    assert toggle.inner_text() == "Read along: highlight and follow the spoken sentence"
    assert toggle.get_attribute("aria-pressed") == "true"
    assert tab.locator("#readalong-toggle").get_attribute("aria-describedby") == "readalong-hint"
    toggle.focus()
    tab.keyboard.press("Enter")
    assert toggle.get_attribute("aria-pressed") == "false"
    assert _seek(tab, cues["s-1"]["start"] + 0.1) == [], "switched off: nothing is marked"
    tab.click("#s-4")
    assert tab.evaluate("document.getElementById('release-audio').paused"), "switched off: a click only reads"
    toggle.focus()
    tab.keyboard.press("Space")
    assert toggle.get_attribute("aria-pressed") == "true" and _marked(tab) == ["s-1"]


def test_next_and_previous_sentence_by_keyboard(page):
    tab, cues, _ = page
    _seek(tab, cues["s-2"]["start"] + 0.1)
    tab.focus("#readalong-next")
    tab.keyboard.press("Enter")
    assert cues["s-3"]["start"] <= _playing_from(tab) < cues["s-3"]["end"]
    tab.evaluate("document.getElementById('release-audio').pause()")
    _seek(tab, cues["s-3"]["start"] + 0.1)
    tab.focus("#readalong-prev")
    tab.keyboard.press("Enter")
    assert cues["s-2"]["start"] <= _playing_from(tab) < cues["s-2"]["end"]


def test_without_javascript_the_player_stays_and_no_dead_controls_show(built, browser):
    context = browser.new_context(java_script_enabled=False)
    tab = context.new_page()
    tab.goto(built)
    assert tab.locator("audio#release-audio[controls]").count() == 1
    assert tab.locator("#readalong").is_hidden()
    assert tab.locator("track[kind=captions]").count() == 1
    context.close()


def test_print_hides_the_player_and_the_controls(page):
    tab, _, _ = page
    tab.emulate_media(media="print")
    assert tab.locator(".listen").is_hidden() and tab.locator("#readalong").is_hidden()
    assert tab.locator("#headline").is_visible()
    tab.emulate_media(media="screen")


def test_an_amount_does_not_break_at_phone_width(page):
    tab, _, _ = page
    tab.set_viewport_size({"width": 320, "height": 800})
    rects = tab.evaluate("""() => {
        const s = document.getElementById('s-5');
        const r = document.createRange();
        const text = s.firstChild.textContent; const i = text.indexOf('£1.5m');
        r.setStart(s.firstChild, i); r.setEnd(s.firstChild, i + 5);
        return r.getClientRects().length; }""")
    assert rects == 1
