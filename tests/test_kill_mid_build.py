"""Nothing lost: a build killed at any point leaves every earlier good file intact; the next build completes."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from conftest import SAMPLE

FORMATS = "html,pdf"


def _sources(folder: Path, n: int, word: str) -> None:
    folder.mkdir(exist_ok=True)
    text = SAMPLE.read_text(encoding="utf-8")
    for i in range(n):
        (folder / f"r{i}.txt").write_text(text.replace("Regionalkonferenz Nord", f"Regionalkonferenz {i}", 1)
                                          .replace("massiv", word), encoding="utf-8")


def _build(src: Path, out: Path) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "accesspub.cli", "build", str(src), "--out", str(out), "-f", FORMATS,
                             "-j", "1", "-q"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def _intact(out: Path) -> None:
    for path in out.rglob("*"):
        if not path.is_file() or path.name == ".accesspub.lock":
            continue
        assert path.stat().st_size > 0, f"empty file {path}"
        if path.suffix == ".json":
            json.loads(path.read_text(encoding="utf-8"))
        elif path.suffix == ".html":
            assert path.read_text(encoding="utf-8").rstrip().endswith("</html>"), path
        elif path.suffix == ".pdf":
            assert path.read_bytes().rstrip().endswith(b"%%EOF"), path


def test_kill_mid_build_keeps_good_files(tmp_path):
    src, out = tmp_path / "content", tmp_path / "out"
    _sources(src, 3, "massiv")
    assert _build(src, out).wait(timeout=600) == 0
    pages = sorted(out.glob("*/index.html"))
    assert len(pages) == 3
    _sources(src, 3, "deutlich")
    for delay in (1.5, 3.0):
        proc = _build(src, out)
        time.sleep(delay)
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait()
        _intact(out)
        for page in pages:   # the old page or the new one, whole
            text = page.read_text(encoding="utf-8")
            assert "massiv erweitert" in text or "deutlich erweitert" in text
    assert _build(src, out).wait(timeout=600) == 0
    _intact(out)
    assert not list(out.rglob("*.part"))
    pages = [p for p in out.glob("*/index.html")]
    assert len(pages) == 3 and all("deutlich erweitert" in p.read_text(encoding="utf-8") for p in pages)


def _until_locked(folder: Path, pid: int, patience: float = 120) -> None:
    """Wait until the build `pid` holds the output lock (it writes its pid into the lock file once it has it)."""
    deadline = time.monotonic() + patience
    while time.monotonic() < deadline:
        if any(p.read_text() == str(pid) for p in folder.rglob(".accesspub.lock")):
            return
        time.sleep(0.05)
    raise AssertionError(f"the first build did not take the lock within {patience} s")


def test_second_build_on_same_output_is_refused(tmp_path):
    src, out = tmp_path / "content", tmp_path / "out"
    _sources(src, 2, "massiv")
    first = _build(src, out)
    _until_locked(tmp_path, first.pid)
    second = subprocess.run([sys.executable, "-m", "accesspub.cli", "build", str(src), "--out", str(out), "-f", "html"],
                            capture_output=True, text=True, timeout=300)
    first.wait(timeout=600)
    assert second.returncode == 2
    assert "another accesspub build is writing to this output folder" in second.stderr


def _descendants(pid: int) -> set[int]:
    parents = {}
    for d in Path("/proc").iterdir():
        if d.name.isdigit():
            try:
                parents[int(d.name)] = int((d / "stat").read_text().rsplit(")", 1)[1].split()[1])
            except (OSError, IndexError, ValueError):
                pass
    found, grew = {pid}, True
    while grew:
        more = {p for p, pp in parents.items() if pp in found} - found
        grew, found = bool(more), found | more
    return found - {pid}


def _is_accesspub(pid: int) -> bool:
    try:
        return b"accesspub.cli" in Path(f"/proc/{pid}/cmdline").read_bytes()
    except OSError:
        return False


def test_a_killed_parallel_build_leaves_no_worker_writing(tmp_path):
    """The process that loads the lexicons and forks the two workers dies with the build, even while it is still
    loading: nothing goes on building and writing into the output after the build was killed."""
    src, out = tmp_path / "content", tmp_path / "out"
    _sources(src, 4, "massiv")
    proc = subprocess.Popen([sys.executable, "-m", "accesspub.cli", "build", str(src), "--out", str(out), "-f", FORMATS,
                             "-j", "2", "-q"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 120
    while not (children := {p for p in _descendants(proc.pid) if _is_accesspub(p)}) and time.monotonic() < deadline:
        time.sleep(0.02)
    assert children, "the build did not start its workers"
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    killed = time.time()
    time.sleep(20)          # long enough for a surviving process to load, fork and build a release
    alive = [p for p in children if _is_accesspub(p)]
    assert alive == [], f"processes of the killed build still running: {alive}"
    late = [f for f in tmp_path.rglob("*") if f.is_file() and f.stat().st_mtime > killed + 1]
    assert late == [], f"written after the build was killed: {late[:5]}"
    assert _build(src, out).wait(timeout=600) == 0
    _intact(out)
    assert len(list(out.glob("*/index.html"))) == 4


def test_a_worker_killed_mid_build_gives_a_clear_error(tmp_path):
    """A render worker killed under the build (as the kernel does when memory runs out): exit code 3 and a message
    with the fix, no traceback; the next build completes."""
    src, out = tmp_path / "content", tmp_path / "out"
    _sources(src, 8, "massiv")
    proc = subprocess.Popen([sys.executable, "-m", "accesspub.cli", "build", str(src), "--out", str(out), "-f", FORMATS,
                             "-j", "2", "-q"], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 120
    workers: set[int] = set()
    while len(workers) < 2 and time.monotonic() < deadline:
        workers = _still(_workers(proc.pid))
    assert len(workers) >= 2, "the build did not start its workers"
    os.kill(min(workers), signal.SIGKILL)
    _, err = proc.communicate(timeout=300)
    assert proc.returncode == 3, err
    assert "worker processes stopped before the end" in err and "fix:" in err and "Traceback" not in err
    assert _build(src, out).wait(timeout=600) == 0
    assert len(list(out.glob("*/index.html"))) == 8


def _workers(build: int) -> set[int]:
    """Processes forked by the coordinator (the build's own child) that still run accesspub."""
    coordinators = {p for p in _descendants(build) if _parent(p) == build and _is_accesspub(p)}
    return {p for p in _descendants(build) if _parent(p) in coordinators and _is_accesspub(p)}


def _still(pids: set[int]) -> set[int]:
    """Those still running accesspub a moment later: a pool worker lives on, a process forked to run a tool
    (pandoc) has exec'd or ended by then."""
    time.sleep(0.3)
    return {p for p in pids if _is_accesspub(p)}


def _parent(pid: int) -> int | None:
    try:
        return int(Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[1])
    except (OSError, IndexError, ValueError):
        return None
