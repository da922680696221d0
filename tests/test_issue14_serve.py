"""Issue 14: `accesspub serve` serves the output folder and nothing else, to this machine only."""

from __future__ import annotations

import http.client
import os
import socket
import struct
import subprocess
import sys
import time

import pytest

from accesspub.serve import start_server


@pytest.fixture()
def site(tmp_path):
    out = tmp_path / "out"
    (out / "rel" / "media").mkdir(parents=True)
    (out / "rel" / "index.html").write_text("<!doctype html><html><body>page</body></html>")
    (out / "rel" / "manifest.json").write_text("{}")
    (out / "rel" / "a.mp3").write_bytes(bytes(range(256)) * 40)
    (out / "_assets").mkdir()
    (out / "_assets" / "screen.css").write_text("body{}")
    (out / ".accesspub.lock").write_text("123")
    (out / ".hidden").mkdir()
    (out / ".hidden" / "x.html").write_text("hidden")
    os.symlink("/etc", out / "etclink")
    os.symlink("/etc/hostname", out / "rel" / "host.html")
    server = start_server(out, 0)
    yield server.server_address[1]
    server.shutdown()
    server.server_close()


def _get(port: int, path: str, host: str | None = None, headers: dict | None = None):
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    conn.putrequest("GET", path, skip_host=True)
    conn.putheader("Host", host if host is not None else f"127.0.0.1:{port}")
    for k, v in (headers or {}).items():
        conn.putheader(k, v)
    conn.endheaders()
    resp = conn.getresponse()
    body = resp.read()
    conn.close()
    return resp, body


def test_pages_are_served(site):
    resp, body = _get(site, "/rel/")
    assert resp.status == 200 and b"page" in body
    assert _get(site, "/rel/index.html", host=f"localhost:{site}")[0].status == 200


@pytest.mark.parametrize("path", ["/etclink/passwd", "/etclink/", "/rel/host.html"])
def test_no_symlink_out_of_the_output_folder(site, path):
    resp, body = _get(site, path)
    assert resp.status == 404
    assert b"root:" not in body


@pytest.mark.parametrize("path", ["/_assets/", "/rel/media/", "/"])
def test_no_directory_listing(site, path):
    resp, body = _get(site, path)
    assert resp.status == 404
    assert b"Directory listing" not in body


@pytest.mark.parametrize("path", ["/.accesspub.lock", "/.hidden/x.html", "/rel/manifest.json",
                                  "/%2eaccesspub.lock", "/rel/../.accesspub.lock"])
def test_no_dotfiles_or_state(site, path):
    resp, body = _get(site, path)
    assert resp.status == 404
    assert b"123" not in body and b"hidden" not in body


@pytest.mark.parametrize("host", ["evil.example", "evil.example:8000", "127.0.0.1.evil.example", "",
                                  "localhost:1"])
def test_host_header_is_checked(site, host):
    resp, _ = _get(site, "/rel/index.html", host=host)
    assert resp.status in (400, 421)


def test_range_requests(site):
    data = bytes(range(256)) * 40
    resp, body = _get(site, "/rel/a.mp3", headers={"Range": "bytes=100-199"})
    assert resp.status == 206
    assert body == data[100:200]
    assert resp.getheader("Content-Range") == f"bytes 100-199/{len(data)}"
    assert resp.getheader("Accept-Ranges") == "bytes"
    resp, body = _get(site, "/rel/a.mp3", headers={"Range": "bytes=-10"})
    assert resp.status == 206 and body == data[-10:]
    resp, body = _get(site, "/rel/a.mp3", headers={"Range": "bytes=10000-"})
    assert resp.status == 206 and body == data[10000:]
    resp, _ = _get(site, "/rel/a.mp3", headers={"Range": "bytes=99999-"})
    assert resp.status == 416
    resp, body = _get(site, "/rel/a.mp3")
    assert resp.status == 200 and body == data and resp.getheader("Accept-Ranges") == "bytes"


def test_aborted_connections_are_not_logged(site, capfd):
    for _ in range(60):
        s = socket.create_connection(("127.0.0.1", site))
        s.sendall(f"GET /rel/a.mp3 HTTP/1.1\r\nHost: 127.0.0.1:{site}\r\n\r\n".encode())
        s.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))   # reset, not close
        s.close()
    time.sleep(1.0)
    err = capfd.readouterr().err
    assert "Traceback" not in err
    assert err.count("\n") < 5


def test_busy_port_is_one_message_and_exit_3_before_building(tmp_path):
    src = tmp_path / "content"
    src.mkdir()
    (src / "r.md").write_text("---\ntitle: Gute Nachricht\ndate: 2025-03-01\n---\n\n**Berlin.** Text.\n")
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        started = time.monotonic()
        proc = subprocess.run([sys.executable, "-m", "accesspub.cli", "serve", str(src), "--out",
                               str(tmp_path / "out"), "-f", "html", "--port", str(port)],
                              capture_output=True, text=True, timeout=120)
    assert proc.returncode == 3
    assert "Traceback" not in proc.stderr + proc.stdout
    assert str(port) in proc.stderr and "--port" in proc.stderr
    assert not (tmp_path / "out").exists(), "the build must not start when the port is busy"
    assert time.monotonic() - started < 20


def test_symlinked_index_leading_out_is_not_served(tmp_path):
    out = tmp_path / "out"
    (out / "rel").mkdir(parents=True)
    os.symlink("/etc/passwd", out / "rel" / "index.html")
    server = start_server(out, 0)
    try:
        port = server.server_address[1]
        for path in ("/rel/", "/rel/index.html"):
            resp, body = _get(port, path)
            assert resp.status == 404 and b"root:" not in body
    finally:
        server.shutdown()
        server.server_close()
