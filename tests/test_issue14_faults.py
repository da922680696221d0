"""Issue 14, fault injection: the build is killed (SIGKILL) at seeded points of its build and check phases, the
machine fails (a full disk, a read-only output, a tool removed); after each, the next build completes, every
published file is whole, nothing published is lost, and the report agrees with the files.

Points come from `ACCESSPUB_FAULT_POINT=N` (see accesspub.atomic): the N-th atomic write, before or after its
rename, or a stage boundary. The fault log proves each kill came after writing had started.
"""

from __future__ import annotations

import json
import os
import random
import signal
from pathlib import Path

from accesspub.state import build_dir

from envfaults import cli, fill, remount, tmpfs

FORMATS = "html,pdf"
POINTS = int(os.environ.get("ACCESSPUB_FAULT_POINTS", "20"))   # fewer for a quick local run
TEXT = """---
title: {title}
date: 2025-03-0{n}
lang: de
---

**Kassel.** Das Land fördert neue Radwege mit {amount} Millionen Euro. Die Ministerin sagte: „Wir bauen {word}.“

Die Wege verbinden {n} Dörfer mit der Stadt.
"""
TITLES = ("Neue Radwege für Nordhessen", "Mehr Busse am Abend", "Schulen bekommen Glasfaser")


def _write(src: Path, word: str) -> None:
    src.mkdir(exist_ok=True)
    for i, title in enumerate(TITLES, start=1):
        (src / f"r{i}.md").write_text(TEXT.format(title=title, n=i, amount=10 + i, word=word), encoding="utf-8")


def _build(src: Path, out: Path, **env):
    return cli("build", src, "--out", out, "-f", FORMATS, "-j", "1", "-q", env=env, timeout=600)


def _whole(path: Path) -> None:
    data = path.read_bytes()
    assert data, f"empty file {path}"
    if path.suffix == ".json":
        json.loads(data)
    elif path.suffix == ".html":
        assert data.rstrip().endswith(b"</html>"), path
    elif path.suffix == ".pdf":
        assert data.rstrip().endswith(b"%%EOF"), path
    elif path.suffix == ".xml":
        assert data.rstrip().endswith(b">"), path


def _published(out: Path) -> dict[str, bytes]:
    """Every published file (relative path → bytes), each checked to be whole."""
    files = {}
    for path in sorted(out.rglob("*")):
        if path.is_file() and not path.name.endswith(".part") and path.name != ".accesspub.lock":
            _whole(path)
            files[str(path.relative_to(out))] = path.read_bytes()
    return files


def _releases(out: Path) -> dict[str, set[str]]:
    """slug → the release's published rendition files."""
    return {p.parent.name: {f.name for f in p.parent.iterdir() if f.suffix in (".html", ".pdf")}
            for p in out.glob("*/index.html")}


def _report_agrees(out: Path) -> None:
    """The build report lists exactly the published releases, and their renditions exist."""
    report = json.loads((build_dir(out) / "report.json").read_text())
    slugs = {r["slug"] for r in report["releases"]}
    assert slugs == set(_releases(out)), (slugs, set(_releases(out)))
    for r in report["releases"]:
        for name, file in r["renditions"].items():
            _whole(out / r["slug"] / file)


def _kill_points(src: Path, out: Path, tmp: Path) -> list[str]:
    """The fault points a build that rewrites every release passes, as logged ("N kind path")."""
    log = tmp / "count.log"
    _write(src, "zählen")
    proc = _build(src, out, ACCESSPUB_FAULT_LOG=str(log))
    assert proc.returncode == 0, proc.stderr
    return log.read_text().splitlines()


def test_sigkill_at_seeded_points_loses_nothing(tmp_path):
    src, out = tmp_path / "content", tmp_path / "out"
    _write(src, "schnell")
    assert _build(src, out).returncode == 0
    points = _kill_points(src, out, tmp_path)
    checks_at = next(int(p.split()[0]) for p in points if p.endswith("stage checks"))
    seeded = random.Random(14)
    build_phase = seeded.sample(range(2, checks_at), min(POINTS // 2, checks_at - 2))
    check_phase = seeded.sample(range(checks_at, len(points) + 1), min(POINTS - len(build_phase),
                                                                        len(points) - checks_at + 1))
    chosen = sorted(build_phase + check_phase)
    assert len(chosen) >= POINTS and any(n >= checks_at for n in chosen)
    for i, n in enumerate(chosen):
        before = _releases(out)
        _published(out)
        word = f"wort{i}"
        _write(src, word)
        log = tmp_path / f"kill-{n}.log"
        proc = _build(src, out, ACCESSPUB_FAULT_POINT=str(n), ACCESSPUB_FAULT_LOG=str(log))
        assert proc.returncode == -signal.SIGKILL, (n, proc.returncode, proc.stderr[-1500:])
        reached = log.read_text().splitlines()
        assert int(reached[-1].split()[0]) == n
        assert any(" written " in line for line in reached), f"point {n} came before any writing"
        _published(out)                                   # every file whole after the kill
        after = _releases(out)
        for slug, files in before.items():                # nothing published is lost
            assert slug in after and files <= after[slug], (n, slug)
        proc = _build(src, out)                           # the next build completes
        assert proc.returncode == 0, (n, proc.stdout[-1500:], proc.stderr[-1500:])
        published = _published(out)
        assert not list(out.rglob("*.part"))
        pages = [k for k in published if k.endswith("/index.html")]
        assert len(pages) == len(TITLES) and all(word in published[k].decode() for k in pages), n
        _report_agrees(out)


def test_full_disk_read_only_and_missing_tool_then_recovery(tmp_path):
    src = tmp_path / "content"
    _write(src, "schnell")
    with tmpfs(tmp_path / "disk", "6m") as disk:
        out = disk / "out"
        assert _build(src, out).returncode == 0
        published = _published(out)
        # the disk fills up
        _write(src, "voll")
        filler = fill(disk, leave=16 * 1024)
        proc = _build(src, out)
        assert proc.returncode == 3 and "Traceback" not in proc.stderr + proc.stdout, proc.stderr
        assert "no space left" in proc.stderr
        now = _published(out)
        assert set(published) <= set(now), "nothing published is lost"
        filler.unlink()
        proc = _build(src, out)
        assert proc.returncode == 0, proc.stdout[-2000:] + proc.stderr
        assert all("voll" in p.read_text() for p in out.glob("*/index.html"))
        _report_agrees(out)
        # the output becomes read-only
        _write(src, "lesen")
        published = _published(out)
        remount(disk, "ro")
        try:
            proc = _build(src, out)
        finally:
            remount(disk, "rw")
        assert proc.returncode == 3 and "read-only" in proc.stderr and "Traceback" not in proc.stderr
        assert _published(out) == published
        assert _build(src, out).returncode == 0
        _report_agrees(out)
    # a tool disappears (no Java, no Chromium on PATH), then comes back: it is checked again at once
    out = tmp_path / "out"
    assert _build(src, out).returncode == 0
    _write(src, "ohne")
    proc = _build(src, out, PATH="/nonexistent")
    assert proc.returncode == 3, proc.stdout[-2000:] + proc.stderr
    report = json.loads((build_dir(out) / "report.json").read_text())
    assert any(f["rule"] == "tool-missing" for r in report["releases"] for f in r["findings"])
    proc = _build(src, out)           # nothing changed in the sources: the failed checks run again anyway
    assert proc.returncode == 0, proc.stdout[-2000:] + proc.stderr
    report = json.loads((build_dir(out) / "report.json").read_text())
    assert not any(f["rule"] == "tool-missing" for r in report["releases"] for f in r["findings"])
    assert report["site_check_findings"] is not None
    assert not any(f["rule"] == "tool-missing" for f in report["site_findings"])
