"""EPUB cost per release in a batch: build (with media overlays from the real audio rendition) and checks
(EPUBCheck in one JVM, Ace in one Node process, lint), each tool's start-up separated from its cost per EPUB.

Run: .venv/bin/python bench/epub.py [--rounds N] [--copies K] [--no-audio] [SOURCE ...]
(default: the sample and the test releases; --copies K checks K copies of each EPUB to show the batch cost)
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT = [ROOT / "content" / "2017-10-27-regionalkonferenz-nord.txt",
           ROOT / "tests" / "fixtures" / "pdf" / "figures-en.md", ROOT / "tests" / "fixtures" / "pdf" / "long-de.md"]


def timed(action):
    t = time.perf_counter()
    result = action()
    return result, time.perf_counter() - t


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("sources", nargs="*", type=Path, default=DEFAULT)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--copies", type=int, default=3)
    parser.add_argument("--no-audio", action="store_true", help="EPUBs without media overlays")
    args = parser.parse_args()

    from accesspub import certify
    from accesspub.checks import run_all
    from accesspub.checks.epub import ace
    from accesspub.checks.epub.epubcheck import EpubCheck
    from accesspub.checks.epub.lint import lint
    from accesspub.config import Settings
    from accesspub.ingest import load_release
    from accesspub.render import BuildContext
    from accesspub.render.epub import render

    out = Path(tempfile.mkdtemp(prefix="bench-epub-"))
    ctx = BuildContext(settings=Settings(), out=out)
    releases = [load_release(s, ctx.settings) for s in args.sources]
    if not args.no_audio:
        from accesspub.render import audio
        for release in releases:
            ctx.done.setdefault(release.slug, {})["audio"] = audio.render(release, ctx)

    print(f"{len(releases)} releases, build: median of {args.rounds} warm rounds\n")
    print(f"{'release':44} {'size':>8} {'clips':>5} {'build':>8}")
    epubs = []
    for release in releases:
        times = []
        for _ in range(args.rounds + 1):
            rendition, seconds = timed(lambda: render(release, ctx))
            times.append(seconds)
        path = rendition.files[0]
        epubs.append(path)
        print(f"{release.slug[:44]:44} {path.stat().st_size / 1024:6.0f}KB {rendition.data['clips']:5d} "
              f"{statistics.median(times[1:]):7.3f}s   (first {times[0]:.3f} s)")

    batch = []
    for k in range(args.copies):
        for path in epubs:
            copy = out / "batch" / f"{k}-{path.name}"
            copy.parent.mkdir(exist_ok=True)
            shutil.copy(path, copy)
            batch.append(copy)
    n = len(batch)

    def epubcheck_run(paths):
        with EpubCheck() as runner:
            for p in paths:
                runner.submit(p)
            return runner.collect()

    _, ec_one = timed(lambda: epubcheck_run(batch[:1]))
    ec_all, ec_n = timed(lambda: epubcheck_run(batch))
    _, ace_one = timed(lambda: ace.check_all(batch[:1]))
    ace_all, ace_n = timed(lambda: ace.check_all(batch))
    _, lint_n = timed(lambda: [lint(p) for p in batch])
    def check_and_certify():
        targets = {"epub": [(p.stem, p) for p in batch]}
        found = run_all(targets, ctx.settings)
        certify.run(targets, found, ctx.settings, run_all)
        return found

    found, total = timed(check_and_certify)

    errors = sum(f.severity == "error" for fs in ec_all.values() for f in fs)
    warnings = sum(f.severity == "warning" for fs in ec_all.values() for f in fs)
    violations = sum(len(fs) for fs in ace_all.values())
    claimed = sum(any(f.rule == "conformance-claimed" for f in fs) for fs in found.values())
    print(f"\nchecks on a batch of {n} EPUBs ({args.copies} copies of each):")
    print(f"  EPUBCheck  1 EPUB {ec_one:6.2f}s   {n} EPUBs {ec_n:6.2f}s   per further EPUB "
          f"{(ec_n - ec_one) / max(1, n - 1):.3f}s   ({errors} errors, {warnings} warnings)")
    print(f"  Ace        1 EPUB {ace_one:6.2f}s   {n} EPUBs {ace_n:6.2f}s   per further EPUB "
          f"{(ace_n - ace_one) / max(1, n - 1):.3f}s   ({violations} violations)")
    print(f"  lint       per EPUB {lint_n / n:.3f}s")
    print(f"  checks, certify and re-check, EPUBCheck and Ace overlapping: {total:.2f}s for {n} EPUBs, "
          f"{total / n:.2f}s per EPUB ({claimed}/{n} claim conformance)")
    shutil.rmtree(out, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
