"""Press desk with warm workers: edit → page preview, and edit → all renditions and checks, of one release.

Starts `accesspub desk` and two workers on a SQLite desk in a temporary folder, submits the sample release,
lets one full build warm the workers, then saves N edits through the web form and times, from the moment the
form is sent, until the page preview and until every rendition and check of that version are done.

Run: .venv/bin/python bench/desk.py [--rounds N] [--workers N] [SOURCE]
"""

from __future__ import annotations

import argparse
import html
import json
import os
import re
import signal
import socket
import statistics
import subprocess
import sys
import shutil
import tempfile
import time
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "content" / "2017-10-27-regionalkonferenz-nord.txt"
PASSWORD = "bench password 1"


def _port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _csrf(text: str) -> str:
    return re.search(r'name="csrf" value="([^"]+)"', text).group(1)


def _states(c: httpx.Client, rid: int) -> dict[str, str]:
    text = c.get(f"/releases/{rid}/jobs").text
    return {name: state for state, name in re.findall(r'class="job job-(\w+)"><strong>([^<]+)', text)}


def _wait(c: httpx.Client, rid: int, started: float, timeout: float = 900) -> dict[str, float]:
    seen: dict[str, float] = {}
    while time.perf_counter() - started < timeout:
        st = _states(c, rid)
        if st.get("Page preview") == "done" and "preview" not in seen:
            seen["preview"] = time.perf_counter() - started
        if st.get("All renditions and checks") in ("done", "failed"):
            seen["all"] = time.perf_counter() - started
            return seen
        time.sleep(0.05)
    raise SystemExit(f"timed out; last states: {st}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("source", nargs="?", type=Path, default=SAMPLE)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args()

    folder = Path(tempfile.mkdtemp(prefix="desk-bench-"))
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src"), "ACCESSPUB_DESK_DATA": str(folder / "data")}
    cli = [sys.executable, "-m", "accesspub.cli", "desk"]
    subprocess.run([*cli, "adduser", "bench", "--role", "editor,reviewer,publisher", "--password", PASSWORD],
                   env=env, check=True, capture_output=True)
    port = _port()
    procs = [subprocess.Popen([*cli, "--port", str(port)], env=env, stdout=subprocess.DEVNULL,
                              stderr=subprocess.DEVNULL)]
    procs += [subprocess.Popen([*cli, "worker"], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
              for _ in range(args.workers)]
    try:
        c = httpx.Client(base_url=f"http://127.0.0.1:{port}", follow_redirects=True, timeout=60)
        for _ in range(300):
            try:
                login = c.get("/login")
                break
            except httpx.HTTPError:
                time.sleep(0.3)
        page = c.post("/login", data={"csrf": _csrf(login.text), "username": "bench", "password": PASSWORD})
        started = time.perf_counter()
        r = c.post("/releases", data={"csrf": _csrf(page.text)},
                   files={"file": (args.source.name, args.source.read_bytes())})
        rid = int(str(r.url).rstrip("/").split("/")[-1])
        cold = _wait(c, rid, started)
        print(f"first version (cold workers): preview {cold['preview']:.2f} s, all renditions and checks "
              f"{cold['all']:.1f} s", flush=True)
        previews, alls = [], []
        for n in range(args.rounds):
            text = c.get(f"/releases/{rid}").text
            fields = {k: html.unescape(v) for k, v in re.findall(r'<input id="field-(\w+)" name="\1" type="[^"]+" value="([^"]*)"', text)}
            body = html.unescape(re.search(r'<textarea id="field-body"[^>]*>(.*?)</textarea>', text, re.S).group(1))
            form = {**fields, "csrf": _csrf(text), "lang": "de", "plain_level": "",
                    "summary": f"Fassung {n + 2} der Mitteilung.", "body": body}
            started = time.perf_counter()
            c.post(f"/releases/{rid}", data=form)
            seen = _wait(c, rid, started)
            previews.append(seen["preview"])
            alls.append(seen["all"])
            print(f"edit {n + 1}: page preview {seen['preview']:.2f} s, all renditions and checks {seen['all']:.1f} s",
                  flush=True)
        print(f"warm workers ({args.workers}), {args.rounds} edits: edit → page preview median "
              f"{statistics.median(previews):.2f} s (max {max(previews):.2f}); edit → all renditions and checks "
              f"median {statistics.median(alls):.1f} s (max {max(alls):.1f}); load average {os.getloadavg()[0]:.1f}")
        sys.path.insert(0, str(ROOT / "src"))
        from accesspub.state import build_dir
        report = json.loads((build_dir(folder / "data" / "preview" / str(rid)) / "report.json").read_text(encoding="utf-8"))
        print("last build, seconds per stage:", ", ".join(f"{k} {v:.1f}" for k, v in report["seconds"].items()))
    finally:
        for p in procs:
            p.send_signal(signal.SIGINT)
        for p in procs:
            try:
                p.wait(timeout=20)
            except subprocess.TimeoutExpired:
                p.kill()
        shutil.rmtree(folder, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
