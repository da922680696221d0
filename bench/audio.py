"""Benchmark of the audio stage (synthesis + loudness + MP3) on the sample release: prints the real-time factor.

Run: .venv/bin/python bench/audio.py [release] [--runs N]. Not a test: it measures, it does not assert.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

from accesspub.config import Settings
from accesspub.ingest import load_release
from accesspub.render import BuildContext
from accesspub.render.audio import render

SAMPLE = Path(__file__).resolve().parents[1] / "content"


def _default_release() -> Path:
    for candidate in (Path("/work/shared/samples/000_f4e91752df1c881b.txt"), *sorted(SAMPLE.glob("*.txt"))):
        if candidate.is_file():
            return candidate
    sys.exit("no sample release found; pass one: bench/audio.py path/to/release.txt")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("release", nargs="?", type=Path)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    settings = Settings()
    release = load_release(args.release or _default_release(), settings)
    with tempfile.TemporaryDirectory() as tmp:
        ctx = BuildContext(settings, Path(tmp))
        started = time.perf_counter()
        first = render(release, ctx)
        cold = time.perf_counter() - started
        if first.findings:
            sys.exit(f"audio rendition failed: {first.findings}")
        times, cpu = [], []
        for _ in range(args.runs):
            started, started_cpu = time.perf_counter(), time.process_time()
            render(release, ctx)
            times.append(time.perf_counter() - started)
            cpu.append(time.process_time() - started_cpu)
    duration = first.data["duration"]
    best, median = min(times), sorted(times)[len(times) // 2]
    print(f"release      {release.slug}")
    print(f"audio        {duration:.1f} s, {len(first.data['timings'])} cues, {len(first.data['chapters'])} chapters")
    print(f"loudness     {first.data['loudness']:.2f} LUFS, true peak {first.data['true_peak']:.2f} dBTP (before MP3)")
    print(f"first run    {cold:.2f} s (imports, engine start) → {duration / cold:.0f}× real time")
    print(f"warm runs    best {best:.2f} s, median {median:.2f} s → {duration / best:.0f}× / {duration / median:.0f}× "
          "real time")
    print(f"cpu time     median {sorted(cpu)[len(cpu) // 2]:.2f} s → {duration / sorted(cpu)[len(cpu) // 2]:.0f}× real "
          f"time on one core (load average now {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores)")
    print(f"verdict      {'OK' if duration / median >= 100 else 'BELOW'} (target ≥ 100× real time, median)")


if __name__ == "__main__":
    main()
