"""The Nu Html Checker (npm vnu-jar) as a running service: one JVM (`nu.validator.servlet.Main`) on 127.0.0.1,
started once (see services.py), every page sent to it by HTTP, two at a time.

The JVM and the checker's warm-up cost about 3–5 s; a warm checker answers in well under 0.1 s a page.
"""

from __future__ import annotations

import json
import re
import socket
import subprocess
import tempfile
import time
import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from ..findings import Finding, tool_missing
from ..paths import JVM_OPTIONS, java, node_modules
from . import page_rendition, services

# the server does not read its stdin, so it would outlive a build that is killed; this shell ends it when the
# pipe from us closes (we close it, or we die), and lives exactly as long as the server does (a background
# list reads /dev/null in sh, hence the pipe on fd 3)
WATCHED = 'exec 3<&0; "$@" <&- 3<&- & server=$!; (cat <&3 >/dev/null; kill $server 2>/dev/null) & wait $server'
START_TIMEOUT = 120
PAGE_TIMEOUT = 120
MAX_PAGE = 2**29        # bytes the checker accepts in one request; its own default (2 MiB) refused long releases
# the pages' CSP forbids what the checker cannot load anyway (their own stylesheets and media): not a finding
IGNORED = re.compile(r"Resource violates Content Security Policy.*")


def jar() -> Path:
    return node_modules() / "vnu-jar" / "build" / "dist" / "vnu.jar"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class NuChecker:
    """A running Nu Html Checker on a port of 127.0.0.1."""

    def __init__(self):
        self.port = _free_port()
        self.log = tempfile.TemporaryFile()
        self.proc = subprocess.Popen(
            ["sh", "-c", WATCHED, "sh", java(), *JVM_OPTIONS, "-Dnu.validator.servlet.bind-address=127.0.0.1",
             f"-Dnu.validator.servlet.max-file-size={MAX_PAGE}",
             "-cp", str(jar()), "nu.validator.servlet.Main", str(self.port)],
            stdin=subprocess.PIPE, stdout=self.log, stderr=subprocess.STDOUT)
        deadline = time.monotonic() + START_TIMEOUT
        while True:
            if self.proc.poll() is not None:
                raise RuntimeError(f"the Nu Html Checker did not start: {self._log_tail()}")
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{self.port}/", timeout=5):
                    break
            except (urllib.error.URLError, OSError):
                if time.monotonic() > deadline:
                    self.close()
                    raise RuntimeError("the Nu Html Checker did not answer within "
                                       f"{START_TIMEOUT} s: {self._log_tail()}") from None
                time.sleep(0.1)

    def _log_tail(self) -> str:
        self.log.seek(0)
        return self.log.read().decode("utf-8", "replace").strip()[-300:]

    def alive(self) -> bool:
        return self.proc.poll() is None

    def messages(self, page: Path) -> list[dict]:
        request = urllib.request.Request(f"http://127.0.0.1:{self.port}/?out=json", data=page.read_bytes(),
                                         headers={"Content-Type": "text/html; charset=utf-8"}, method="POST")
        with urllib.request.urlopen(request, timeout=PAGE_TIMEOUT) as answer:
            return json.loads(answer.read().decode("utf-8"))["messages"]

    def close(self) -> None:
        services.stop(self.proc, timeout=15)     # the watching shell stops the server when stdin closes
        self.log.close()


def _findings(messages: list[dict], slug: str, path: Path) -> list[Finding]:
    found = []
    for m in messages:
        if IGNORED.match(m.get("message", "")):
            continue
        if m["type"] == "error" or m.get("subType") == "fatal":
            severity = "error"
        elif m["type"] == "info" and m.get("subType") == "warning":
            severity = "warning"
        else:
            continue
        line = f":{m['lastLine']}" if "lastLine" in m else ""
        found.append(Finding("vnu", page_rendition(slug, path), m.get("subType") or m["type"], severity,
                             m["message"], f"{path.name}{line}"))
    return found


def warm_up() -> None:
    if jar().exists() and java():
        services.get("vnu", NuChecker)


def check(items: list[tuple[str, Path]], settings=None) -> dict[str, list[Finding]]:
    if not jar().exists() or not java():
        what = "the Nu Html Checker (npm vnu-jar)" if not jar().exists() else "Java (Debian openjdk-17-jre-headless)"
        return {slug: [tool_missing("vnu", "html", what)] for slug, _ in items}
    found: dict[str, list[Finding]] = {slug: [] for slug, _ in items}
    try:
        with services.use("vnu", NuChecker) as checker:
            def one(item):
                slug, path = item
                try:
                    return slug, _findings(checker.messages(path), slug, path)
                except (OSError, ValueError, KeyError) as exc:
                    return slug, [Finding("vnu", page_rendition(slug, path), "vnu-failed", "error",
                                          f"the Nu Html Checker gave no report: {exc}", path.name)]
            with ThreadPoolExecutor(max_workers=2) as pool:
                for slug, findings in pool.map(one, items):
                    found[slug] += findings
            if not checker.alive():
                services.drop("vnu")
    except RuntimeError as exc:
        return {slug: [Finding("vnu", "html", "vnu-failed", "error", str(exc))] for slug, _ in items[:1]}
    return found
