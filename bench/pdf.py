"""PDF rendition cost per release in a warm process: WeasyPrint layout, pikepdf repairs, our checker.

Run: .venv/bin/python bench/pdf.py [--rounds N] [SOURCE ...]   (default: the sample and the PDF test releases)
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT = [ROOT / "content" / "2017-10-27-regionalkonferenz-nord.txt",
           ROOT / "tests" / "fixtures" / "pdf" / "figures-en.md", ROOT / "tests" / "fixtures" / "pdf" / "long-de.md"]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("sources", nargs="*", type=Path, default=DEFAULT)
    parser.add_argument("--rounds", type=int, default=10)
    args = parser.parse_args()

    t0 = time.perf_counter()
    from accesspub.checks.pdf import check_file
    from accesspub.config import Settings
    from accesspub.ingest import load_release
    from accesspub.render import BuildContext
    from accesspub.render.pdf.engine import engine as start_engine
    from accesspub.render.pdf.page import print_html
    from accesspub.render.pdf.repair import repair
    imported = time.perf_counter() - t0

    out = Path(tempfile.mkdtemp(prefix="bench-pdf-"))
    ctx = BuildContext(settings=Settings(), out=out)
    releases = [load_release(s, ctx.settings) for s in args.sources]
    t0 = time.perf_counter()
    engine = start_engine(ctx.services)
    started = time.perf_counter() - t0

    print(f"import {imported:.2f} s, engine start (fonts, print.css) {started:.2f} s, {args.rounds} rounds warm\n")
    print(f"{'release':44} {'pages':>5} {'layout':>8} {'repair':>8} {'total':>8} {'check':>8}")
    totals = []
    for release in releases:
        html = print_html(release, ctx)
        folder = ctx.release_dir(release)
        path = folder / f"{release.slug}.pdf"
        layout, fix, check = [], [], []
        first = None
        for i in range(args.rounds + 1):
            t = time.perf_counter()
            data, _ = engine.write(html, ctx.public_url(release.slug), dict(release.resources), str(path))
            t1 = time.perf_counter()
            repair(data, path)
            t2 = time.perf_counter()
            findings = check_file(path)
            t3 = time.perf_counter()
            if i == 0:
                first = t3 - t
                continue
            layout.append(t1 - t)
            fix.append(t2 - t1)
            check.append(t3 - t2)
        import pikepdf
        with pikepdf.open(path) as pdf:
            pages = len(pdf.pages)
        med = statistics.median
        total = med(layout) + med(fix)
        totals.append(total)
        errors = sum(f.severity == "error" for f in findings)
        print(f"{release.slug[:44]:44} {pages:5d} {med(layout):7.3f}s {med(fix):7.3f}s {total:7.3f}s {med(check):7.3f}s"
              f"   (first {first:.2f} s, {errors} errors)")
    print(f"\nmedian PDF time per release, warm: {statistics.median(totals):.3f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
