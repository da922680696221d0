"""`accesspub serve`: pages on localhost, rebuilt when a source changes."""

from __future__ import annotations

import socket
import subprocess
import sys
import time
import urllib.request

from conftest import SAMPLE

SLUG = "2017-10-27-regionalkonferenz-nord-im-rahmen-des-landesprogramms-wir"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _get(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=5) as r:
            return r.read().decode("utf-8")
    except OSError:
        return None


def _wait_for(url: str, text: str, seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        page = _get(url)
        if page and text in page:
            return True
        time.sleep(0.5)
    return False


def test_serve_rebuilds_on_change(tmp_path):
    src = tmp_path / "content"
    src.mkdir()
    source = src / "release.txt"
    source.write_text(SAMPLE.read_text(encoding="utf-8"), encoding="utf-8")
    port = _free_port()
    proc = subprocess.Popen([sys.executable, "-m", "accesspub.cli", "serve", str(src), "--out", str(tmp_path / "out"),
                             "-f", "html", "--port", str(port), "-j", "1"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        url = f"http://127.0.0.1:{port}/{SLUG}/index.html"
        assert _wait_for(url, "massiv erweitert", 120)
        source.write_text(source.read_text(encoding="utf-8").replace("massiv erweitert", "kräftig erweitert"),
                          encoding="utf-8")
        assert _wait_for(url, "kräftig erweitert", 120)
    finally:
        proc.terminate()
        proc.wait(timeout=30)


def test_the_warm_up_of_serve_writes_nothing_and_survives_a_broken_source(tmp_path):
    """`accesspub serve` loads the renderers and the plain-language lexicons after its first build, from a source
    simplified in memory: no file appears anywhere, and a source that does not load is no error."""
    from accesspub import renditions
    from accesspub.config import Settings
    from accesspub.worker import warm_up

    folder = tmp_path / "content"
    folder.mkdir()
    source = folder / "release.md"
    source.write_text("---\ntitle: Neue Öffnungszeiten im Bürgeramt\ndate: 2026-03-02\nlang: de\n---\n\n"
                      "Das Bürgeramt öffnet ab Montag schon um sieben Uhr, weil viele Menschen vor der Arbeit "
                      "kommen möchten.\n", encoding="utf-8")
    broken = folder / "broken.docx"
    broken.write_bytes(b"PK\x03\x04 this is not a Word file")
    before = sorted(p.relative_to(tmp_path) for p in tmp_path.rglob("*"))
    formats = tuple(renditions.build_order())
    warm_up(source, formats, Settings())
    warm_up(broken, formats, Settings())
    assert sorted(p.relative_to(tmp_path) for p in tmp_path.rglob("*")) == before
