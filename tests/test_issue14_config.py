"""Issue 14: accesspub.toml values are checked: absolute http(s) URLs, numbers in range, the logo an image
inside the configuration's folder. Each refusal names the key and the fix, and exits 2 without a traceback."""

from __future__ import annotations

import subprocess
import sys

import pytest

from accesspub.config import load_settings
from accesspub.errors import ConfigError

PNG_1PX = bytes.fromhex("89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c489"
                        "0000000d49444154789c6360f8cfc0f01f0005000201d2a2c1f40000000049454e44ae426082")

BAD = {
    "site-url-text": ('[site]\nurl = "not a url"\n', "site.url"),
    "site-url-relative": ('[site]\nurl = "/presse/"\n', "site.url"),
    "site-url-javascript": ('[site]\nurl = "javascript:alert(1)"\n', "site.url"),
    "site-url-file": ('[site]\nurl = "file:///srv/presse/"\n', "site.url"),
    "publisher-url": ('[publisher]\nurl = "www.example.org"\n', "publisher.url"),
    "bitrate-high": ('[audio]\nbitrate = 5000\n', "audio.bitrate"),
    "bitrate-low": ('[audio]\nbitrate = 8\n', "audio.bitrate"),
    "timeout-negative": ('[plain]\nrewriter_timeout = -1\n', "plain.rewriter_timeout"),
    "timeout-zero": ('[plain]\nrewriter_timeout = 0\n', "plain.rewriter_timeout"),
    "rewriter-url": ('[plain]\nrewriter_url = "localhost:8080"\n', "plain.rewriter_url"),
    "logo-outside": ('[publisher]\nlogo = "/etc/shadow"\nlogo_alt = "x"\n', "publisher.logo"),
    "logo-escape": ('[publisher]\nlogo = "../outside.png"\nlogo_alt = "x"\n', "publisher.logo"),
    "logo-missing": ('[publisher]\nlogo = "logo.png"\nlogo_alt = "x"\n', "publisher.logo"),
    "logo-not-image": ('[publisher]\nlogo = "notes.txt"\nlogo_alt = "x"\n', "publisher.logo"),
    "logo-fake-png": ('[publisher]\nlogo = "fake.png"\nlogo_alt = "x"\n', "publisher.logo"),
}


@pytest.fixture()
def folder(tmp_path):
    cfg = tmp_path / "cfg"
    cfg.mkdir()
    (tmp_path / "outside.png").write_bytes(PNG_1PX)
    (cfg / "notes.txt").write_text("hello")
    (cfg / "fake.png").write_text("not a png")
    return cfg


@pytest.mark.parametrize("case", sorted(BAD))
def test_bad_value_is_refused_naming_key_and_fix(folder, case):
    text, key = BAD[case]
    path = folder / "accesspub.toml"
    path.write_text(text)
    with pytest.raises(ConfigError) as info:
        load_settings(path)
    message = str(info.value)
    assert f"'{key}'" in message
    assert "fix:" in message
    assert str(path) in message


def test_good_values_are_accepted(folder):
    (folder / "img").mkdir()
    (folder / "img" / "logo.png").write_bytes(PNG_1PX)
    path = folder / "accesspub.toml"
    path.write_text('[publisher]\nurl = "https://ministerium.example/"\nlogo = "img/logo.png"\nlogo_alt = "Logo"\n'
                    '[site]\nurl = "http://localhost:8000/presse/"\n[audio]\nbitrate = 96\n'
                    '[plain]\nrewriter_timeout = 0.5\nrewriter_url = "http://127.0.0.1:8080/v1"\n')
    settings = load_settings(path)
    assert settings.audio.bitrate == 96 and settings.plain.rewriter_timeout == 0.5


def test_cli_exit_2_one_message(folder, tmp_path):
    (folder / "accesspub.toml").write_text('[publisher]\nlogo = "/etc/shadow"\nlogo_alt = "x"\n')
    (tmp_path / "r.md").write_text("---\ntitle: T\ndate: 2025-03-01\n---\n\n**Berlin.** Text.\n")
    proc = subprocess.run([sys.executable, "-m", "accesspub.cli", "build", str(tmp_path / "r.md"), "--out",
                           str(tmp_path / "out"), "-c", str(folder / "accesspub.toml")],
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode == 2
    assert "Traceback" not in proc.stderr + proc.stdout
    assert "publisher.logo" in proc.stderr
    assert not (tmp_path / "out").exists()
