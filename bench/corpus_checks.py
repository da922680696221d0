"""Measure the corpus (tests/corpus, issue 12): every rendition of every release, every check.

    nice -n 10 .venv/bin/python bench/corpus_checks.py                      # build all, then the tables
    .venv/bin/python bench/corpus_checks.py --out /tmp/cc --only le-ngos.md  # some releases only
    .venv/bin/python bench/corpus_checks.py --out /tmp/cc --no-build         # read an earlier build again

Builds with `accesspub build <files> --out OUT --jobs 2` (all renditions), reads each release's report from the
state folder (accesspub.state.build_dir(OUT)/<slug>/report.json) and prints, per source form (the `form`
column of SOURCES.tsv): count, built, fidelity (every source paragraph's text on the page, read as
tests/corpus_text.py reads it) and checks passed (no error finding from any check). Then each release that
fails, with its failing check:rule pairs. `--json FILE` writes the same figures for a closing note.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import subprocess
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "tests" / "corpus"
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "tests"))

from accesspub.state import build_dir  # noqa: E402


def rows() -> list[dict]:
    return list(csv.DictReader((CORPUS / "SOURCES.tsv").open(encoding="utf-8"), delimiter="\t"))


def build(files: list[Path], out: Path, jobs: int) -> tuple[int, float]:
    env = {**os.environ, "PYTHONPATH": f"{ROOT / 'src'}{os.pathsep}{os.environ.get('PYTHONPATH', '')}"}
    start = time.monotonic()
    proc = subprocess.run([sys.executable, "-m", "accesspub.cli", "build", *map(str, files), "--out", str(out),
                           "--jobs", str(jobs), "-q"], cwd=ROOT, env=env, capture_output=True, text=True)
    if proc.returncode not in (0, 1):
        sys.stderr.write(proc.stdout[-3000:] + proc.stderr[-3000:])
    return proc.returncode, time.monotonic() - start


def lost_paragraphs(source: Path, page: Path) -> int:
    """Source paragraphs not found on the page (as tests/test_corpus.py counts them, without its skip list)."""
    import yaml
    from corpus_text import key, main_text, source_paragraphs
    have = key(main_text(page))
    expected = CORPUS / "expected" / f"{source.name}.yaml"
    skip = set()
    if expected.exists():
        skip = {key(s) for s in (yaml.safe_load(expected.read_text(encoding="utf-8")) or {}).get("not_shown", [])}
    return sum(1 for p in source_paragraphs(source) if key(p) and key(p) not in have and key(p) not in skip)


def measure(selected: list[dict], out: Path) -> list[dict]:
    work = build_dir(out)
    reports = {}
    top = work / "report.json"
    if top.exists():
        for r in json.loads(top.read_text(encoding="utf-8"))["releases"]:
            if r.get("source"):
                reports[Path(r["source"]).name] = r
    results = []
    for row in selected:
        r = reports.get(row["file"])
        page = work / r["slug"] / "index.html" if r else None
        built = bool(r) and page.exists()
        errors = [f for f in (r or {}).get("findings", []) if f["severity"] == "error"]
        results.append({
            "file": row["file"], "form": row["form"], "built": built,
            "renditions": sorted((r or {}).get("renditions") or []),
            "lost": lost_paragraphs(CORPUS / row["file"], page) if built else None,
            "errors": sorted(Counter(f"{f['check']}:{f['rule']}" for f in errors).items()),
            "messages": [f"{f['check']}:{f['rule']} [{f['rendition']}] {f['message'][:160]} @ {f['location'][:80]}"
                         for f in errors],
        })
    return results


def table(results: list[dict]) -> str:
    by_form = defaultdict(list)
    for r in results:
        by_form[r["form"]].append(r)
    lines = ["| form | count | built | fidelity (0 lost) | checks passed |", "|---|---:|---:|---:|---:|"]

    def line(name, rs):
        return (f"| {name} | {len(rs)} | {sum(r['built'] for r in rs)} | {sum(r['lost'] == 0 for r in rs)} | "
                f"{sum(r['built'] and not r['errors'] for r in rs)} |")
    for form in sorted(by_form):
        lines.append(line(form, by_form[form]))
    lines.append(line("**all**", results))
    return "\n".join(lines)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--out", type=Path, default=Path("/tmp/corpus-checks"))
    ap.add_argument("--only", nargs="*", help="corpus file names (default: all of SOURCES.tsv)")
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--no-build", action="store_true", help="read the reports of an earlier build")
    ap.add_argument("--verbose", "-v", action="store_true", help="print each failing finding's message")
    ap.add_argument("--json", type=Path, help="write the results here as JSON")
    args = ap.parse_args()
    selected = [r for r in rows() if not args.only or r["file"] in args.only]
    if args.only and len(selected) != len(args.only):
        ap.error(f"not in SOURCES.tsv: {sorted(set(args.only) - {r['file'] for r in selected})}")
    if not args.no_build:
        code, seconds = build([CORPUS / r["file"] for r in selected], args.out, args.jobs)
        print(f"build: exit {code}, {seconds:.0f} s, {len(selected)} releases")
    results = measure(selected, args.out)
    print(table(results))
    failing = [r for r in results if not r["built"] or r["errors"] or r["lost"]]
    if failing:
        print(f"\n{len(failing)} release(s) not passing:")
    for r in failing:
        what = ", ".join(f"{rule}×{n}" if n > 1 else rule for rule, n in r["errors"])
        lost = f"; {r['lost']} paragraph(s) lost" if r["lost"] else ""
        print(f"- {r['file']} ({r['form']}): {'not built' if not r['built'] else what or 'checks pass'}{lost}")
        if args.verbose:
            for m in r["messages"]:
                print(f"    {m}")
    rules = Counter(rule for r in results for rule, _ in r["errors"])
    if rules:
        print("\nreleases per failing rule: " + ", ".join(f"{rule} {n}" for rule, n in rules.most_common()))
    if args.json:
        args.json.write_text(json.dumps(results, ensure_ascii=False, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
