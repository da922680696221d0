"""Bad input gets one clear message with file, place and fix; the other releases still build; exit 2."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from accesspub.config import Settings, load_settings
from accesspub.errors import ConfigError, SourceError
from accesspub.ingest import load_release
from accesspub.state import build_dir

from conftest import run_build

GOOD = "---\ntitle: Gute Nachricht\ndate: 2025-03-01\nlang: de\n---\n\n**Berlin.** Das Land hilft den Städten. Es gibt mehr Geld.\n"

CASES = {
    "broken.md": ("---\ntitle: \"Kaputt\ndate: 2025-03-01\n---\n\nText.\n", "not valid YAML", "broken.md:"),
    "unclosed.md": ("---\ntitle: Offen\n\nText ohne Ende.\n", "never closed", "unclosed.md:1"),
    "empty.txt": ("", "is empty", "empty.txt:1"),
    "notitle.txt": ("nur ein text ohne titel der nicht fett ist.\n", "no title", "notitle.txt:1"),
    "baddate.md": ("---\ntitle: X\ndate: gestern\n---\n\nText.\n", "'date'", "baddate.md"),
    "latin1.txt": (b"**Titel**\n\nGr\xfc\xdfe aus K\xf6ln.\n", "not UTF-8", "latin1.txt:3"),
    "broken.docx": (b"PK\x03\x04 this is not a zip", "not a readable DOCX", "broken.docx"),
    "broken.odt": (b"", "not a readable ODT", "broken.odt"),
    "notes.pages": ("x", "unknown source format '.pages'", "notes.pages"),
}


def _write(folder: Path, name: str, content) -> Path:
    path = folder / name
    path.write_bytes(content if isinstance(content, bytes) else content.encode())
    return path


@pytest.mark.parametrize("name", sorted(CASES))
def test_each_bad_source_names_file_place_and_fix(tmp_path, name):
    content, message, where = CASES[name]
    path = _write(tmp_path, name, content)
    with pytest.raises(SourceError) as info:
        load_release(path, Settings())
    text = str(info.value)
    assert message in text
    assert where in text
    assert info.value.fix


def test_truncated_docx_is_named(tmp_path):
    import pypandoc
    good = tmp_path / "good.docx"
    pypandoc.convert_text("**Titel**\n\nText.", "docx", format="markdown", outputfile=str(good))
    cut = _write(tmp_path, "cut.docx", good.read_bytes()[: good.stat().st_size // 2])
    with pytest.raises(SourceError, match="not a readable DOCX"):
        load_release(cut, Settings())


def test_good_release_builds_beside_broken_ones(tmp_path):
    src = tmp_path / "content"
    src.mkdir()
    _write(src, "good.md", GOOD)
    for name in ("broken.md", "empty.txt", "broken.docx"):
        _write(src, name, CASES[name][0])
    out = tmp_path / "out"
    result = run_build([src, tmp_path / "missing.md"], out)
    assert result.exit_code == 2
    assert [r["slug"] for r in result.reports] == ["2025-03-01-gute-nachricht"]
    assert (out / "2025-03-01-gute-nachricht" / "index.html").stat().st_size > 1000
    named = sorted(Path(e.file).name for e in result.input_errors)
    assert named == ["broken.docx", "broken.md", "empty.txt", "missing.md"]
    report = json.loads((build_dir(out) / "report.json").read_text())
    assert sum(f["rule"] == "unusable-input" for f in report["site_findings"]) == 4


def _cli(*args, cwd=None):
    env = {**os.environ, "COLUMNS": "200"}
    return subprocess.run([sys.executable, "-m", "accesspub.cli", *args], capture_output=True, text=True,
                          cwd=cwd, env=env, timeout=300)


def test_cli_reports_without_traceback_and_exits_2(tmp_path):
    src = tmp_path / "content"
    src.mkdir()
    _write(src, "good.md", GOOD)
    _write(src, "broken.md", CASES["broken.md"][0])
    proc = _cli("build", str(src), "--out", str(tmp_path / "out"), "-q")
    assert proc.returncode == 2
    assert "Traceback" not in proc.stderr + proc.stdout
    assert "broken.md:" in proc.stderr and "fix:" in proc.stderr
    assert (tmp_path / "out" / "2025-03-01-gute-nachricht" / "index.html").exists()


@pytest.mark.parametrize("args, message", [
    (["build", "--formats", "html,video"], "unknown format(s): video"),
    (["build", "--jobs", "0"], "--jobs"),
    (["frobnicate"], "No such command"),
    (["check", "nowhere"], "no built releases here"),
])
def test_cli_usage_errors_exit_2(tmp_path, args, message):
    proc = _cli(*args, cwd=tmp_path)
    assert proc.returncode == 2
    assert message in proc.stderr
    assert "Traceback" not in proc.stderr


def test_config_unknown_key_is_named(tmp_path):
    cfg = tmp_path / "accesspub.toml"
    cfg.write_text('[publisher]\nname = "Ministerium"\n\n[site]\nurll = "https://example.org/"\n')
    with pytest.raises(ConfigError) as info:
        load_settings(cfg)
    assert "unknown key 'site.urll'" in str(info.value)


def test_config_defaults_and_values(tmp_path):
    assert load_settings(tmp_path / "none.toml") if False else Settings().site.default_language == "de"
    cfg = tmp_path / "accesspub.toml"
    cfg.write_text('[publisher]\nname = "Hessisches Ministerium"\n[output]\nformats = ["html", "pdf"]\n')
    settings = load_settings(cfg)
    assert settings.publisher.name == "Hessisches Ministerium"
    assert settings.output.formats == ["html", "pdf"]


def test_new_scaffolds_a_release_that_builds(tmp_path):
    proc = _cli("new", "Neue Förderung", "--dir", str(tmp_path / "content"))
    assert proc.returncode == 0, proc.stderr
    path = tmp_path / "content" / "neue-foerderung.md"
    release = load_release(path, Settings())
    assert release.meta.title == "Neue foerderung"
    assert _cli("new", "Neue Förderung", "--dir", str(tmp_path / "content")).returncode == 2
