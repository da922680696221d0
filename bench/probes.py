"""The hostile-user and unlucky-operator probes of issue 14, run against the real CLI: one line per probe with
the exit code, the first line of the message and whether the expectation held. Run: .venv/bin/python bench/probes.py

Each probe builds page-only (`-f html`, with its checks) in a fresh temporary folder. The table is what the
closing note of issue 14 shows as "after"; every probe also has a test in tests/test_issue14_*.py.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
ENV = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
RELEASE = "---\ntitle: {title}\ndate: {date}\nlang: de\n{extra}---\n\n**Kassel.** {body}\n"


def cli(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "accesspub.cli", *args], cwd=cwd, env=ENV, capture_output=True,
                          text=True, timeout=600)


def write(folder: Path, name: str, title="Neue Radwege", date="2025-03-03", extra="", body="Das Land baut Wege.") -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(RELEASE.format(title=title, date=date, extra=extra, body=body), encoding="utf-8")
    return path


def public(out: Path) -> str:
    return "\n".join(p.read_bytes().decode("utf-8", "replace") for p in out.rglob("*") if p.is_file()) \
        if out.exists() else ""


def first_line(proc: subprocess.CompletedProcess) -> str:
    text = (proc.stderr.strip() or proc.stdout.strip()).splitlines()
    lines = [l for l in text if l.strip() and not l.startswith(("building", "checking", "  ", "┏", "┃", "┡", "│", "└", "accesspub report"))]
    return (lines[0] if lines else "").strip()[:110]


def probe_embargo(t: Path):
    write(t / "c", "a.md", extra="embargo: 2099-01-01T00:00:00\n")
    p = cli("build", "c", "--out", "out", "-f", "html", "-q", cwd=t)
    return p, "Neue Radwege" not in public(t / "out") and p.returncode == 0


def probe_same_title(t: Path):
    write(t / "c", "a.md"), write(t / "c", "b.md")
    p = cli("build", "c", "--out", "out", "-f", "html", "-q", cwd=t)
    out = p.stdout + p.stderr
    return p, p.returncode == 2 and "a.md" in out and "b.md" in out


def probe_emoji_title(t: Path):
    write(t / "c", "kita-hitze.md", title="🔥🔥🔥")
    p = cli("build", "c", "--out", "out", "-f", "html", "-q", cwd=t)
    return p, any("kita-hitze" in d.name for d in (t / "out").iterdir())


def probe_bad_date(t: Path):
    write(t / "c", "bad.md", date="2025-13-45"), write(t / "c", "good.md", title="Gute Meldung")
    p = cli("build", "c", "--out", "out", "-f", "html", "-q", cwd=t)
    out = p.stdout + p.stderr
    return p, p.returncode == 2 and "bad.md" in out and "Gute Meldung" in public(t / "out") and "Traceback" not in out


def probe_bidi(t: Path):
    write(t / "c", "a.md", title="Radwege\u202e gnulletsiF\u200b")
    p = cli("build", "c", "--out", "out", "-f", "html", "-q", cwd=t)
    text = public(t / "out")
    return p, "\u202e" not in text and "\u200b" not in text


def probe_svg_script(t: Path):
    write(t / "c", "a.md", body="Bild: ![Karte](karte.svg)")
    (t / "c" / "karte.svg").write_text('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script>'
                                       '<rect width="9" height="9"/></svg>', encoding="utf-8")
    p = cli("build", "c", "--out", "out", "-f", "html,epub", "-q", cwd=t)
    return p, "alert(1)" not in public(t / "out")


def probe_pdf_links(t: Path):
    write(t / "c", "a.md", body="Siehe [Bericht](bericht.html) und [Server](//evil.example/steal).")
    p = cli("build", "c", "--out", "out", "-f", "html,pdf", "-q", cwd=t)
    pdfs = list((t / "out").rglob("*.pdf"))
    raw = b"".join(f.read_bytes() for f in pdfs)
    return p, bool(pdfs) and b"file:" not in raw and str(t).encode() not in raw


def probe_config(t: Path):
    write(t / "c", "a.md")
    (t / "accesspub.toml").write_text('[site]\nurl = "not a url"\n[audio]\nbitrate = 5000\n'
                                      '[plain]\nrewriter_timeout = -1\n[publisher]\nlogo = "/etc/shadow"\n')
    p = cli("build", "c", "--out", "out", "-f", "html", "-q", cwd=t)
    out = p.stdout + p.stderr
    return p, p.returncode == 2 and "Traceback" not in out and not (t / "out" / "_assets" / "logo").exists()


def probe_template(t: Path):
    import json
    p0 = cli("new", "2025-06-02-hitzeschutz-kitas", "--dir", "c", cwd=t)
    p = cli("build", "c", "--out", "out", "-f", "html", "-q", cwd=t)
    report = json.loads((t / ".accesspub-state" / "out" / "build" / "report.json").read_text(encoding="utf-8"))
    rules = {f["rule"] for r in report["releases"] for f in r["findings"] if f["severity"] == "error"}
    return p, p0.returncode == 0 and p.returncode == 1 and any("placeholder" in r for r in rules)


def _mounted(t: Path, options: str):
    """A tmpfs at t/disk (the output and state folders go there), or None where mounting is not permitted."""
    disk = t / "disk"
    disk.mkdir()
    made = subprocess.run(["mount", "-t", "tmpfs", "-o", options, "tmpfs", str(disk)], capture_output=True)
    return disk if made.returncode == 0 else None


def _on_disk(t: Path, options: str, prepare=None):
    write(t / "c", "a.md")
    disk = _mounted(t, options)
    if disk is None:
        return subprocess.CompletedProcess([], -1, "", "skipped: mounting a tmpfs is not permitted here"), False
    try:
        if prepare:
            prepare(disk)
        p = cli("build", "c", "--out", str(disk / "out"), "-f", "html", "-q", cwd=t)
    finally:
        subprocess.run(["umount", "-l", str(disk)], capture_output=True)
    return p, p.returncode == 3 and "Traceback" not in p.stdout + p.stderr


def probe_readonly(t: Path):
    return _on_disk(t, "size=20m", lambda d: subprocess.run(["mount", "-o", "remount,ro", str(d)], check=True))


def probe_full_disk(t: Path):
    def fill(d: Path):
        with open(d / "filler", "wb") as f:
            try:
                while True:
                    f.write(b"\0" * 65536)
            except OSError:
                pass
    return _on_disk(t, "size=2m", fill)


def probe_reports_private(t: Path):
    write(t / "c", "a.md")
    p = cli("build", "c", "--out", "out", "-f", "html", "-q", cwd=t)
    names = {f.name for f in (t / "out").rglob("*")}
    return p, not names & {"report.json", "report.html", "manifest.json", ".accesspub.lock"}


def probe_port_busy(t: Path):
    write(t / "c", "a.md")
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        s.listen()
        port = s.getsockname()[1]
        p = cli("serve", "c", "--out", "out", "-f", "html", "--port", str(port), cwd=t)
    return p, p.returncode == 3 and "Traceback" not in p.stdout + p.stderr


PROBES = [("embargo 2099 kept out of every public file", probe_embargo),
          ("two sources, same date and title", probe_same_title),
          ("title of emoji only: slug from the file name", probe_emoji_title),
          ("bad date 2025-13-45, another release beside it", probe_bad_date),
          ("bidi override and zero-width in the title", probe_bidi),
          ("SVG with <script> beside the release", probe_svg_script),
          ("PDF links relative and scheme-less", probe_pdf_links),
          ("config: bad URL, bitrate, timeout, logo /etc/shadow", probe_config),
          ("unedited 'accesspub new' template", probe_template),
          ("read-only output folder", probe_readonly),
          ("full disk", probe_full_disk),
          ("reports, manifests, lock not published", probe_reports_private),
          ("serve on a busy port", probe_port_busy)]


def main() -> int:
    failed = 0
    print(f"| probe | exit | first line of the message | holds |\n|---|---|---|---|")
    for name, probe in PROBES:
        folder = Path(tempfile.mkdtemp(prefix="accesspub-probe-"))
        try:
            proc, ok = probe(folder)
        except Exception as exc:      # a probe that cannot run is a failed probe, shown as such
            proc, ok = subprocess.CompletedProcess([], -1, "", repr(exc)), False
        finally:
            shutil.rmtree(folder, ignore_errors=True)
        failed += not ok
        print(f"| {name} | {proc.returncode} | {first_line(proc).replace('|', '/')} | {'yes' if ok else 'NO'} |",
              flush=True)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
