"""Safe by construction: a hostile release cannot read files, reach the network or put script on a page."""

from __future__ import annotations

import os
import threading
import zipfile
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from accesspub.config import FORMATS

from conftest import run_build

PNG_1PX = bytes.fromhex("89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c489"
                        "0000000d49444154789c6360f8cfc0f01f0005000201d2a2c1f40000000049454e44ae426082")


@pytest.fixture()
def recorder():
    """A local HTTP server that records every request; a build must send it none."""
    requests: list[str] = []

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self):
            requests.append(self.path)
            self.send_response(200)
            self.end_headers()

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server.server_address[1], requests
    server.shutdown()


def _hostile(folder: Path, port: int) -> Path:
    (folder / "secret.txt").write_text("TOP-SECRET-CONTENT")
    rel = folder / "release"
    rel.mkdir()
    (rel / "ok.png").write_bytes(PNG_1PX)
    os.symlink(folder / "secret.txt", rel / "leak.png")
    path = rel / "hostile.md"
    path.write_text(f"""---
title: Angriff auf den Server
date: 2025-01-01
lang: de
---

**Berlin.** Die Mitteilung zeigt ein Bild. ![Ein rotes Quadrat](ok.png)

Bilder von außen: ![Passwörter](/etc/passwd) ![Geheim](../../secret.txt) ![Link](leak.png)
![Fern](http://127.0.0.1:{port}/tracker.png) ![Datei](file:///etc/passwd)

[Hier klicken](javascript:alert(1)) und [mehr](http://127.0.0.1:{port}/page).

<script>alert("x")</script> <img src="x.png" onerror="alert(2)">

[versteckt]{{onclick="alert(3)" style="display:none"}}
""", encoding="utf-8")
    return path


def _texts(out: Path) -> dict[str, str]:
    """Every output file as text (EPUB members unpacked, PDFs as raw bytes decoded loosely)."""
    texts = {}
    for p in out.rglob("*"):
        if p.suffix == ".epub":
            with zipfile.ZipFile(p) as z:
                for n in z.namelist():
                    texts[f"{p}!{n}"] = z.read(n).decode("utf-8", "replace")
        elif p.is_file() and p.suffix in (".html", ".xml", ".json", ".vtt", ".xhtml", ".pdf", ".css", ".js"):
            texts[str(p)] = p.read_bytes().decode("utf-8", "replace")
    return texts


def test_hostile_release_is_fenced(tmp_path, recorder):
    port, requests = recorder
    source = _hostile(tmp_path, port)
    out = tmp_path / "out"
    result = run_build([source], out, formats=FORMATS)
    findings = [f for r in result.reports for f in r["findings"]]
    refused = {f["location"].split("image ")[-1] for f in findings if f["rule"] == "resource-refused"}
    assert refused == {"/etc/passwd", "../../secret.txt", "leak.png"}
    # a missing or remote image is not an attack but unavailable: a warning, and it is not fetched (issue 12)
    unavailable = {f["location"].split("image ")[-1] for f in findings if f["rule"] == "image-unavailable"}
    assert unavailable == {f"http://127.0.0.1:{port}/tracker.png", "x.png"}   # raw <img> is read, sanitised
    removed = [f["message"] for f in findings if f["rule"] == "link-removed"]
    assert any("javascript:" in m for m in removed) and any("file:///etc/passwd" in m for m in removed)
    assert sum(f["rule"] == "attribute-removed" for f in findings) == 2
    assert requests == [], "a build must not reach the network"
    assert result.exit_code == 1
    slug = "2025-01-01-angriff-auf-den-server"
    assert (out / slug / "index.html").exists()
    assert [p.name for p in (out / slug / "media").iterdir()] and \
        all(p.suffix == ".png" for p in (out / slug / "media").iterdir())
    root_line = Path("/etc/passwd").read_text().splitlines()[0]
    for name, text in _texts(out).items():
        if name.endswith(("report.json", "report.html", "manifest.json", "barrierefreiheit.html",
                          "accessibility.html")):
            continue   # the reports and the accessibility statement name what was refused (escaped); their job
        assert "TOP-SECRET-CONTENT" not in text, name
        assert root_line not in text, name
        assert "javascript:" not in text, name
        assert "onerror" not in text and "onclick" not in text, name
        assert "<script>alert" not in text, name


def test_zip_bomb_docx_is_refused_quickly(tmp_path):
    import time
    import zipfile
    from accesspub.config import Settings
    from accesspub.errors import SourceError
    from accesspub.ingest import load_release
    bomb = tmp_path / "bomb.docx"
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("word/document.xml", b"\0" * (50 * 2**20))     # 1000-fold
    assert bomb.stat().st_size < 2 * 2**20
    started = time.monotonic()
    with pytest.raises(SourceError, match="refused to read this DOCX"):
        load_release(bomb, Settings())
    assert time.monotonic() - started < 2


def test_huge_image_is_refused(tmp_path):
    import struct
    import zlib
    from accesspub.config import Settings
    from accesspub.ingest import load_release
    rel = tmp_path / "rel"
    rel.mkdir()

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
    header = struct.pack(">IIBBBBB", 9000, 9000, 8, 0, 0, 0, 0)       # 81 megapixels declared in a tiny file
    (rel / "poster.png").write_bytes(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IEND", b""))
    (rel / "r.md").write_text("---\ntitle: Plakat\n---\n\n**Berlin.** Das Plakat. ![Ein Plakat](poster.png)\n")
    release = load_release(rel / "r.md", Settings())
    refused = [f for f in release.findings if f.rule == "resource-refused"]
    assert refused and "megapixels" in refused[0].message
    assert release.resources == {}
