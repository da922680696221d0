"""DAISY Ace (npm @daisy/ace-cli) as a service: one Node process with one Chromium for every EPUB, kept
between builds in a long-lived process (services.py)."""

from __future__ import annotations

import json
import os
import queue
import shutil
import subprocess
import tempfile
import threading
from pathlib import Path

from ...findings import Finding, tool_missing
from ...paths import chromium, node_modules
from .. import services

SCRIPT = Path(__file__).with_name("ace-batch.js")
SEVERITY = {"critical": "error", "serious": "error", "moderate": "warning", "minor": "warning"}
SECONDS_PER_EPUB = 120


def missing() -> Finding | None:
    if not (node_modules() / "@daisy" / "ace-core").exists() or not shutil.which("node"):
        return tool_missing("ace", "epub", "DAISY Ace (npm @daisy/ace-cli) or Node.js")
    if not chromium():
        return tool_missing("ace", "epub", "Chromium (Debian chromium)")
    return None


def findings_of(report: dict, epub: Path) -> list[Finding]:
    """Ace's violations as findings: critical and serious are errors, moderate and minor warnings."""
    found = []
    for subject in report.get("assertions", []):
        where = subject.get("earl:testSubject", {}).get("url", "")
        for a in subject.get("assertions", []):
            if a.get("earl:result", {}).get("earl:outcome") != "fail":
                continue
            test, result = a.get("earl:test", {}), a["earl:result"]
            pointer = result.get("earl:pointer", {}).get("css", [])
            location = f"{epub.name}: {where}" + (f" {pointer[0]}" if pointer else "")
            found.append(Finding("ace", "epub", test.get("dct:title", "?"),
                                 SEVERITY.get(test.get("earl:impact"), "error"),
                                 result.get("dct:description") or test.get("dct:description", ""), location))
    return found


class Ace:
    """One Node process running ace-batch.js with one Chromium, kept for many EPUBs (see services.py)."""

    def __init__(self):
        self.folder = Path(tempfile.mkdtemp(prefix="accesspub-ace-"))
        self.count = 0
        self.answers: queue.Queue = queue.Queue()
        self.stderr = open(self.folder / "stderr.txt", "wb")
        env = {**os.environ, "PUPPETEER_EXECUTABLE_PATH": chromium(), "PUPPETEER_SKIP_DOWNLOAD": "1"}
        self.proc = subprocess.Popen(["node", str(SCRIPT), str(node_modules())], stdin=subprocess.PIPE,
                                     stdout=subprocess.PIPE, stderr=self.stderr, env=env, cwd=self.folder,
                                     text=True, encoding="utf-8")
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        for line in self.proc.stdout:
            if line.startswith("{"):
                self.answers.put(json.loads(line))
        self.answers.put(None)

    def alive(self) -> bool:
        return self.proc.poll() is None

    def report(self, epub: Path) -> dict | str:
        """Ace's report of one EPUB, or why there is none."""
        self.count += 1
        out = self.folder / str(self.count)
        try:
            self.proc.stdin.write(f"{epub.resolve()}\t{out}\n")
            self.proc.stdin.flush()
            answer = self.answers.get(timeout=SECONDS_PER_EPUB)
        except (OSError, queue.Empty):
            self.proc.kill()
            return "it timed out"
        if answer is None:
            self.answers.put(None)             # it has ended: do not wait for it again
            return self._stderr_tail()
        try:
            return json.loads(Path(answer["report"]).read_text(encoding="utf-8"))
        except (KeyError, OSError, json.JSONDecodeError):
            return answer.get("error") or "no report"
        finally:
            shutil.rmtree(out, ignore_errors=True)
            shutil.rmtree(f"{out}-tmp", ignore_errors=True)

    def _stderr_tail(self) -> str:
        try:
            return (self.folder / "stderr.txt").read_text(encoding="utf-8", errors="replace").strip()[-300:] \
                or "Ace ended without a message"
        except OSError:
            return "Ace ended without a message"

    def close(self) -> None:
        if self.proc.poll() is None:
            services.stop(self.proc, timeout=30)
        self.stderr.close()
        shutil.rmtree(self.folder, ignore_errors=True)


def check_all(epubs: list[Path]) -> dict[Path, list[Finding]]:
    """Run Ace on every EPUB; findings per EPUB (a missing tool or a failed run is a finding too)."""
    absent = missing()
    if absent:
        return {e: [absent] for e in epubs}
    results: dict[Path, list[Finding]] = {}
    with services.use("ace", Ace) as ace:
        for epub in epubs:
            report = ace.report(epub)
            results[epub] = findings_of(report, epub) if isinstance(report, dict) else [
                Finding("ace", "epub", "ace-failed", "error", f"DAISY Ace gave no report: {report}", epub.name)]
    if not services.is_warm():
        services.drop("ace")       # a build runs Ace once; its Chromium need not share memory with axe's
    return results
