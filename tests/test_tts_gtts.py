"""gTTS against a local stand-in for Google's endpoint (127.0.0.1): real MP3 speech, failures, timeouts."""

from __future__ import annotations

import base64
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import numpy as np
import pytest

gtts = pytest.importorskip("gtts", reason="gTTS (optional extra 'online') is not installed")

from accesspub.checks.audio import check  # noqa: E402
from accesspub.config import Settings  # noqa: E402
from accesspub.ingest import load_release  # noqa: E402
from accesspub.render import BuildContext  # noqa: E402
from accesspub.render.audio import render  # noqa: E402
from accesspub.tts import SynthesisFailed  # noqa: E402
from accesspub.tts.espeak import EspeakEngine  # noqa: E402
from accesspub.tts.gtts_engine import GttsEngine  # noqa: E402
from accesspub.tts.signal import resample  # noqa: E402

RELEASE = """---
title: Short release for the online engine
date: 2025-03-20
lang: en
---

The library opens a reading room. It has forty seats and two reading machines.
"""


def _speech_mp3(text: str) -> tuple[bytes, float]:
    """Real speech (espeak-ng) as a 24 kHz mono MP3, the format Google's endpoint returns."""
    import lameenc
    engine = EspeakEngine("en")
    samples = resample(engine.synthesise(text), engine.sample_rate, 24000)
    enc = lameenc.Encoder()
    enc.set_bit_rate(32)
    enc.set_in_sample_rate(24000)
    enc.set_channels(1)
    pcm = (np.clip(samples, -1, 0.99997) * 32768).astype("<i2").tobytes()
    return bytes(enc.encode(pcm) + enc.flush()), len(samples) / 24000


class _Handler(BaseHTTPRequestHandler):
    mode = "ok"
    audio = b""

    def do_POST(self):
        self.rfile.read(int(self.headers.get("Content-Length", 0)))
        if self.mode == "silent":
            time.sleep(3)
            return
        if self.mode == "error":
            self.send_response(500)
            self.end_headers()
            return
        payload = base64.b64encode(self.audio).decode()
        body = (')]}\'\n\n[["wrb.fr","jQ1olc","[\\"' + payload + '\\"]",null,null,null,"generic"]]\n').encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


@pytest.fixture(scope="module")
def server():
    _Handler.audio, _Handler.duration = _speech_mp3("The library opens a reading room.")
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    httpd.daemon_threads = True
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield httpd
    httpd.shutdown()
    httpd.server_close()


@pytest.fixture
def local_google(server, monkeypatch):
    """gTTS talks to the local server: its URL function is replaced, proxies are bypassed."""
    port = server.server_address[1]
    monkeypatch.setattr(gtts.tts, "_translate_url", lambda tld="com", path="": f"http://127.0.0.1:{port}/{path}")
    monkeypatch.setenv("NO_PROXY", "127.0.0.1")
    monkeypatch.setenv("no_proxy", "127.0.0.1")
    _Handler.mode = "ok"
    yield _Handler
    _Handler.mode = "ok"


def _release(tmp_path: Path):
    source = tmp_path / "short.md"
    source.write_text(RELEASE, encoding="utf-8")
    return load_release(source, Settings())


def test_engine_returns_the_served_speech(local_google):
    engine = GttsEngine("en", timeout=5)
    samples = engine.synthesise("The library opens a reading room.")
    assert engine.sample_rate == 24000
    assert abs(len(samples) / 24000 - local_google.duration) < 0.2
    assert np.abs(samples).max() > 0.05


def test_render_with_gtts_makes_checked_audio(local_google, tmp_path):
    release = _release(tmp_path)
    ctx = BuildContext(Settings(audio={"engine": "gtts"}), tmp_path / "out")
    rendition = render(release, ctx)
    assert [f.rule for f in rendition.findings] == ["text-left-machine"] and rendition.data["engine"] == "gtts"
    assert isinstance(ctx.services["tts:gtts:en"], GttsEngine)
    findings = check([(release.slug, rendition.files[0])], ctx.settings)[release.slug]
    assert [f for f in findings if f.severity == "error"] == []


def test_server_error_is_a_finding_and_leaves_no_file(local_google, tmp_path):
    local_google.mode = "error"
    release = _release(tmp_path)
    ctx = BuildContext(Settings(audio={"engine": "gtts"}), tmp_path / "out")
    rendition = render(release, ctx)
    assert [f.rule for f in rendition.findings] == ["text-left-machine", "synthesis-failed"]
    assert rendition.findings[1].severity == "error"
    assert rendition.files == []
    assert not list((tmp_path / "out").rglob("*.mp3")), "no MP3, not even an empty one"


def test_silent_server_times_out(local_google):
    local_google.mode = "silent"
    engine = GttsEngine("en", timeout=0.5)
    started = time.monotonic()
    with pytest.raises(SynthesisFailed):
        engine.synthesise("Nobody answers.")
    assert time.monotonic() - started < 2.5
