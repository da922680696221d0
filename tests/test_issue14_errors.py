"""Issue 14: every failure is one message with the right exit code, never a traceback; other releases build.

Exit codes: 0 ok, 1 accessibility errors, 2 unusable input or usage, 3 the environment failed."""

from __future__ import annotations

import socket
import subprocess

import pytest

from accesspub.config import Settings
from accesspub.errors import SourceError
from accesspub.ingest import load_release

from envfaults import cli, fill, remount, tmpfs

GOOD = "---\ntitle: Gute Nachricht\ndate: 2025-03-01\nlang: de\n---\n\n**Berlin.** Das Land hilft den Städten.\n"
SLUG = "2025-03-01-gute-nachricht"


def _content(folder, **extra):
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "good.md").write_text(GOOD, encoding="utf-8")
    for name, text in extra.items():
        (folder / name.replace("_", ".")).write_text(text, encoding="utf-8")
    return folder


def test_bad_date_names_file_and_line(tmp_path):
    path = tmp_path / "r.md"
    path.write_text("---\ntitle: X\nplace: Kassel\ndate: 2025-13-45\n---\n\n**Kassel.** Text.\n")
    with pytest.raises(SourceError) as info:
        load_release(path, Settings())
    assert f"{path}:4" in str(info.value) and "'date'" in str(info.value) and info.value.fix


def _no_traceback(proc):
    assert "Traceback" not in proc.stdout + proc.stderr, proc.stderr[-2000:]


def test_bad_date_other_releases_build(tmp_path):
    src = _content(tmp_path / "content", bad_md="---\ntitle: X\ndate: 2025-13-45\n---\n\nText.\n")
    proc = cli("build", src, "--out", tmp_path / "out", "-f", "html", "-q")
    _no_traceback(proc)
    assert proc.returncode == 2
    assert "bad.md:3" in proc.stderr
    assert (tmp_path / "out" / SLUG / "index.html").exists()


def test_read_only_output_is_exit_3(tmp_path):
    src = _content(tmp_path / "content")
    with tmpfs(tmp_path / "disk") as disk:
        out = disk / "out"
        assert cli("build", src, "--out", out, "-f", "html", "-q").returncode == 0
        page = (out / SLUG / "index.html").read_bytes()
        (src / "good.md").write_text(GOOD.replace("hilft", "unterstützt"), encoding="utf-8")
        remount(disk, "ro")
        try:
            proc = cli("build", src, "--out", out, "-f", "html", "-q")
        finally:
            remount(disk, "rw")
        _no_traceback(proc)
        assert proc.returncode == 3, proc.stderr
        assert "read-only" in proc.stderr and "fix:" in proc.stderr
        assert (out / SLUG / "index.html").read_bytes() == page, "nothing published is lost"
        assert cli("build", src, "--out", out, "-f", "html", "-q").returncode == 0
        assert "unterstützt" in (out / SLUG / "index.html").read_text(encoding="utf-8")


def test_full_disk_is_exit_3_and_the_next_build_completes(tmp_path):
    src = _content(tmp_path / "content")
    with tmpfs(tmp_path / "disk", "3m") as disk:
        out = disk / "out"
        filler = fill(disk, leave=64 * 1024)
        proc = cli("build", src, "--out", out, "-f", "html,pdf", "-q")
        _no_traceback(proc)
        assert proc.returncode == 3, proc.stdout + proc.stderr
        assert "no space left" in proc.stderr and "fix:" in proc.stderr
        filler.unlink()
        proc = cli("build", src, "--out", out, "-f", "html,pdf", "-q")
        assert proc.returncode == 0, proc.stdout + proc.stderr
        assert (out / SLUG / f"{SLUG}.pdf").read_bytes().rstrip().endswith(b"%%EOF")


PATHS = {
    # name: (arguments, files to write, expected exit code, text in stderr)
    "toml-syntax": (["build", "content"], {"accesspub.toml": "[site\n"}, 2, "not valid TOML"),
    "unknown-key": (["build", "content"], {"accesspub.toml": "[site]\nurll = 'x'\n"}, 2, "unknown key 'site.urll'"),
    "bad-url": (["build", "content"], {"accesspub.toml": "[site]\nurl = 'not a url'\n"}, 2, "'site.url'"),
    "bitrate": (["build", "content"], {"accesspub.toml": "[audio]\nbitrate = 5000\n"}, 2, "'audio.bitrate'"),
    "timeout": (["build", "content"], {"accesspub.toml": "[plain]\nrewriter_timeout = -1\n"}, 2,
                "'plain.rewriter_timeout'"),
    "logo-shadow": (["build", "content"], {"accesspub.toml": "[publisher]\nlogo = '/etc/shadow'\n"}, 2,
                    "'publisher.logo'"),
    "logo-missing": (["build", "content"], {"accesspub.toml": "[publisher]\nlogo = 'logo.png'\n"}, 2,
                     "does not exist"),
    "config-missing": (["build", "content", "-c", "nowhere.toml"], {}, 2, "configuration file not found"),
    "format": (["build", "content", "-f", "html,video"], {}, 2, "unknown format(s): video"),
    "no-sources": (["build", "empty"], {"empty/notes.pdf": "x"}, 2, "no release sources found"),
    "missing-source": (["build", "content/nope.md"], {}, 2, "no such file or folder"),
    "check-nothing": (["check", "nowhere"], {}, 2, "no built releases here"),
    "new-exists": (["new", "good", "--dir", "content"], {}, 2, "exists already"),
}


@pytest.mark.parametrize("name", sorted(PATHS))
def test_every_error_path_is_one_message_without_traceback(tmp_path, name):
    args, files, code, text = PATHS[name]
    _content(tmp_path / "content")
    for rel, body in files.items():
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / rel).write_text(body, encoding="utf-8")
    proc = cli(*args, cwd=tmp_path)
    _no_traceback(proc)
    assert proc.returncode == code, proc.stderr
    assert text in proc.stderr


def test_busy_port_and_locked_output(tmp_path):
    _content(tmp_path / "content")
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        proc = cli("serve", "content", "--port", busy.getsockname()[1], cwd=tmp_path)
    _no_traceback(proc)
    assert proc.returncode == 3 and "is in use" in proc.stderr
