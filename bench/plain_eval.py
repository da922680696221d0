"""Evaluation of the rule-based plain version on real releases, sentence by sentence, judged by reading.

    .venv/bin/python bench/plain_eval.py                   # recompute outputs, carry verdicts, print rates
    .venv/bin/python bench/plain_eval.py --pending p.yaml  # also write the sentences that need a verdict
    .venv/bin/python bench/plain_eval.py --apply p.yaml    # read verdicts filled into that file
    .venv/bin/python bench/plain_eval.py --only de-vt-2019 # releases whose name starts so (quick loops)

The set lives in bench/plain_eval/: `releases/` (real public releases, `sources.yaml` says where each comes
from), `de.yaml` and `en.yaml` (per original sentence: its release, sentence id, text, the current plain
output and a verdict). The rewriter runs on whole releases; each plain line carries the id of the sentence it
comes from, so output is aligned to its original. A verdict stays only while the output is unchanged; a
changed output needs a new verdict (`--pending`). An output identical to its original is judged
`correct-not-simpler` without reading (the author's sentence, untouched).

Verdicts: simpler-correct, correct-not-simpler, awkward, ungrammatical, meaning-changed.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from accesspub.config import Settings  # noqa: E402
from accesspub.ingest import load_release  # noqa: E402
from accesspub.plain.simplify import simplify  # noqa: E402
from accesspub.plain.text import word_count  # noqa: E402

HERE = ROOT / "bench" / "plain_eval"
VERDICTS = ("simpler-correct", "correct-not-simpler", "awkward", "ungrammatical", "meaning-changed")
HARM = ("ungrammatical", "meaning-changed")
LONG = 15
# German releases also judged at level "leicht" (a subset: the level is a setting, the rules are the same)
LEICHT = ("de-vt-2019-06-19", "de-vt-2021-03-04", "de-vt-2019-04-25")


class _Dumper(yaml.SafeDumper):
    def ignore_aliases(self, data):
        return True


def _dump(path: Path, data) -> None:
    path.write_text(yaml.dump(data, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=120),
                    encoding="utf-8")


def _load(path: Path) -> list[dict]:
    return (yaml.safe_load(path.read_text(encoding="utf-8")) or []) if path.exists() else []


def aligned(path: Path, level: str) -> list[dict]:
    """Per original body sentence of the release: its id, text and the plain lines made from it."""
    settings = Settings()
    settings.plain.level = level
    release = load_release(path, settings)
    doc = simplify(release, settings)
    out: dict[str, list[str]] = {}
    unaligned: list[str] = []           # headings and contact lines, which carry no sentence id
    for section in doc.sections:
        unaligned.append(section.heading)
        for block in section.blocks:
            for line in block.all_lines():
                if line.source:
                    out.setdefault(line.source, []).append(line.text)
                else:
                    unaligned.append(line.text)
            unaligned += [" ".join(r) for r in [block.header, *block.rows]]
    return [{"sid": sid, "original": text, "output": out.get(sid) or _nearest(text, unaligned)}
            for sid, text in release.sentences() if text.strip()]


def _words(text: str) -> set[str]:
    return set(re.findall(r"\w+", text.lower().replace("-", "")))


def _nearest(text: str, candidates: list[str]) -> list[str]:
    """The heading or contact line that says this sentence (most words shared), or nothing: lost."""
    words = _words(text)
    best = max(candidates, key=lambda c: len(words & _words(c)) / max(1, len(words | _words(c))), default=None)
    if best is None or len(words & _words(best)) / max(1, len(words | _words(best))) < 0.5:
        return []
    return [best]


def recompute(only: str | None) -> dict[str, list[dict]]:
    sources = yaml.safe_load((HERE / "sources.yaml").read_text(encoding="utf-8"))
    current = {lang: {(e["release"], e["sid"], e["level"]): e for e in _load(HERE / f"{lang}.yaml")}
               for lang in ("de", "en")}
    fresh: dict[str, list[dict]] = {"de": [], "en": []}
    for path in sorted((HERE / "releases").glob("*.md")):
        name = path.stem
        lang = name[:2]
        levels = ["plain"] if lang == "en" else ["einfach"] + (["leicht"] if name.startswith(LEICHT) else [])
        for level in levels:
            if only and not name.startswith(only):
                fresh[lang] += [e for k, e in current[lang].items() if k[0] == name and k[2] == level]
                continue
            for item in aligned(path, "einfach" if level == "plain" else level):
                old = current[lang].get((name, item["sid"], level))
                entry = {"release": name, "source": sources.get(name), "sid": item["sid"], "level": level,
                         "words": word_count(item["original"], lang), "original": item["original"],
                         "output": item["output"]}
                if item["output"] == [item["original"]]:
                    entry["verdict"], entry["by"] = "correct-not-simpler", "identical"
                elif old and old.get("output") == item["output"] and old.get("verdict"):
                    entry["verdict"] = old["verdict"]
                    if old.get("note"):
                        entry["note"] = old["note"]
                else:
                    entry["verdict"] = None
                fresh[lang].append(entry)
    return fresh


QUOTE_MARKS = ("„", "“", "”", "\"", "»", "«")


def rates(entries: list[dict], title: str) -> None:
    judged = [e for e in entries if e.get("verdict")]
    # a lost sentence (no output) counts as one harmed output sentence
    outs = sum(max(1, len(e["output"])) for e in judged)
    by = Counter(e["verdict"] for e in judged)
    harm_outs = sum(max(1, len(e["output"])) for e in judged if e["verdict"] in HARM)
    long = [e for e in judged if e["words"] > LONG]
    good_long = sum(1 for e in long if e["verdict"] == "simpler-correct")
    print(f"\n{title}: {len(entries)} original sentences ({len(entries) - len(judged)} without verdict), "
          f"{outs} output sentences")
    for v in VERDICTS:
        print(f"  {v:22} {by[v]:4}  ({by[v] / max(1, len(judged)):.1%} of originals)")
    harm = by["ungrammatical"] + by["meaning-changed"]
    print(f"  harmful (ungrammatical or meaning changed): {harm_outs} of {outs} output sentences "
          f"({harm_outs / max(1, outs):.1%}); {harm} of {len(judged)} originals ({harm / max(1, len(judged)):.1%})")
    print(f"  simpler and correct among originals over {LONG} words: {good_long} of {len(long)} "
          f"({good_long / max(1, len(long)):.1%})")
    # words inside a quotation are never changed: the share the rules can reach is that of the rest (a sentence
    # in the middle of a quotation of several has no mark of its own and counts here: a lower bound)
    free = [e for e in long if not any(mark in e["original"] for mark in QUOTE_MARKS)]
    good_free = sum(1 for e in free if e["verdict"] == "simpler-correct")
    print(f"    of them without a quotation mark ({len(long) - len(free)} have one): {good_free} of {len(free)} "
          f"({good_free / max(1, len(free)):.1%})")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--pending", type=Path, help="write the entries that need a verdict to this file")
    ap.add_argument("--apply", type=Path, help="read verdicts from a pending file filled in by a reader")
    ap.add_argument("--only", help="recompute only releases whose name starts with this")
    args = ap.parse_args()
    if args.apply:
        filled = {(e["release"], e["sid"], e["level"]): e for e in _load(args.apply)}
        for lang in ("de", "en"):
            entries = _load(HERE / f"{lang}.yaml")
            for e in entries:
                f = filled.get((e["release"], e["sid"], e["level"]))
                if f and f.get("output") == e["output"] and f.get("verdict"):
                    if f["verdict"] not in VERDICTS:
                        raise SystemExit(f"{args.apply}: {e['release']} {e['sid']}: unknown verdict "
                                         f"{f['verdict']!r}; use one of {', '.join(VERDICTS)}")
                    e["verdict"] = f["verdict"]
                    if f.get("note"):
                        e["note"] = f["note"]
            _dump(HERE / f"{lang}.yaml", entries)
        fresh = {lang: _load(HERE / f"{lang}.yaml") for lang in ("de", "en")}
    else:
        fresh = recompute(args.only)
        for lang, entries in fresh.items():
            _dump(HERE / f"{lang}.yaml", entries)
    pending = [e for lang in fresh for e in fresh[lang] if not e.get("verdict")]
    if args.pending:
        _dump(args.pending, [{k: e[k] for k in ("release", "sid", "level", "original", "output")}
                             | {"verdict": None} for e in pending])
        print(f"{len(pending)} entries need a verdict: {args.pending}")
    rates([e for e in fresh["de"] if e["level"] == "einfach"], "German, level einfach")
    rates([e for e in fresh["de"] if e["level"] == "leicht"], "German, level leicht (subset)")
    rates(fresh["en"], "English")
    return 0


if __name__ == "__main__":
    sys.exit(main())
