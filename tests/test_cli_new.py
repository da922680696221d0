"""`accesspub new`: title and date from the slug, placeholders in the release's language, a hint that runs;
`--version` and `-h` on the command line."""

from __future__ import annotations

import shlex
import subprocess
import sys
from pathlib import Path

from accesspub import __version__
from accesspub.config import Settings
from accesspub.ingest import load_release

SRC = Path(__file__).resolve().parents[1] / "src"


def _cli(*args, cwd=None):
    env = {"PYTHONPATH": str(SRC), "PATH": "/usr/bin:/bin"}
    return subprocess.run([sys.executable, "-m", "accesspub.cli", *args], capture_output=True, text=True,
                          env=env, cwd=cwd, timeout=120)


def test_title_and_date_come_from_the_slug(tmp_path):
    proc = _cli("new", "2025-06-02-hitzeschutz-kitas", "--dir", str(tmp_path / "content"))
    assert proc.returncode == 0, proc.stderr
    release = load_release(tmp_path / "content" / "2025-06-02-hitzeschutz-kitas.md", Settings())
    assert release.meta.title == "Hitzeschutz kitas"
    assert release.meta.date.isoformat() == "2025-06-02"
    assert release.lang == "de"


def test_german_placeholders_for_german_english_for_english(tmp_path):
    assert _cli("new", "2025-06-02-hitze", "--dir", str(tmp_path)).returncode == 0
    assert _cli("new", "2025-06-02-heat", "--dir", str(tmp_path), "--lang", "en").returncode == 0
    german = (tmp_path / "2025-06-02-hitze.md").read_text(encoding="utf-8")
    english = (tmp_path / "2025-06-02-heat.md").read_text(encoding="utf-8")
    assert "Telefon" in german and "„…“" in german and "Write" not in german
    assert "Telefon" not in english and "„" not in english and "Phone" in english and "“…”" in english
    assert load_release(tmp_path / "2025-06-02-heat.md", Settings()).lang == "en"


def test_the_hint_names_a_command_that_builds(tmp_path):
    proc = _cli("new", "2025-06-02-hitze", "--dir", "content", cwd=tmp_path)
    hint = proc.stdout.split("run: ", 1)[1].strip()
    command = shlex.split(hint) + ["--out", "out", "--formats", "html", "-q"]
    run = subprocess.run(command, capture_output=True, text=True, cwd=tmp_path, timeout=300,
                         env={"PYTHONPATH": str(SRC), "PATH": "/usr/bin:/bin"})
    assert (tmp_path / "out" / "index.html").exists(), (hint, run.stderr[-800:])
    # the unedited template fails, and the terminal says why and where, without opening the report
    assert run.returncode == 1
    assert "error(s) fail the build" in run.stdout and "placeholder text left" in run.stdout
    assert "2025-06-02-hitze.md" in run.stdout


def test_a_slug_with_an_impossible_date_is_refused(tmp_path):
    proc = _cli("new", "2025-13-02-x", "--dir", str(tmp_path))
    assert proc.returncode == 2 and "not a date" in proc.stderr and "Traceback" not in proc.stderr
    proc = _cli("new", "x", "--lang", "fr", "--dir", str(tmp_path))
    assert proc.returncode == 2 and "--lang de" in proc.stderr


def test_version_and_short_help():
    assert _cli("--version").stdout.strip() == f"accesspub {__version__}"
    short = _cli("-h")
    assert short.returncode == 0 and "Commands" in short.stdout
    assert "Scaffold a release" in _cli("new", "-h").stdout
