"""The review step: whether a person has signed off the plain version, the side-by-side sheet a reviewer
reads, and the approved version saved as `<name>.plain.md`.

A machine draft is never called Leichte (or Einfache) Sprache until a person signs it off, either by saving
an approved `<name>.plain.md` (a human version: it wins over the machine) or by `plain_review: {by, date}` in
the release's front matter (the draft as built was checked).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from markupsafe import escape

from ..model import Release
from .document import QUOTE_BLOCK, PlainDoc
from .human import human_text, sibling


@dataclass
class Review:
    reviewed: bool
    by: str | None = None
    date: dt.date | None = None
    how: str = "none"               # "human version", "sign-off" or "none"


def status(release: Release, doc: PlainDoc) -> Review:
    sign = release.meta.plain_review
    if sign:
        return Review(True, sign.by, sign.date, "sign-off")
    if doc.human:
        found = human_text(release)
        return Review(True, None, None, "human version" if found else "none")
    return Review(False)


def to_markdown(doc: PlainDoc, by: str, date: dt.date) -> str:
    """The plain version as Markdown, one sentence per line, for `<name>.plain.md`."""
    out = [f"<!-- approved by {by} on {date.isoformat()} -->", ""] if by else []
    for s in doc.sections:
        out += ["#" * s.level + " " + s.heading, ""]
        for b in s.blocks:
            if b.kind == "table":
                if b.caption:
                    out += [b.caption, ""]
                width = max([len(b.header)] + [len(r) for r in b.rows])
                header = b.header or [""] * width
                out.append("| " + " | ".join(c.replace("|", "\\|") for c in header) + " |")
                out.append("|" + "---|" * width)
                out += ["| " + " | ".join(c.replace("|", "\\|") for c in r) + " |" for r in b.rows]
            elif b.kind == "list":
                mark = "1." if b.ordered else "-"
                out += [f"{mark} " + " ".join(line.text for line in item) for item in b.items]
            else:
                prefix = "> " if b.kind == QUOTE_BLOCK else ""
                for line in b.lines:
                    out += [prefix + line.text, prefix.rstrip()]
            out.append("")
    return "\n".join(out).rstrip() + "\n"


def sheet(release: Release, doc: PlainDoc, lint_notes: dict[str, list[str]]) -> str:
    """An HTML page: each original sentence beside its plain sentences, the rules that fired and the lint
    notes; the sentences marked for review come first."""
    originals = dict(release.sentences())
    rows: dict[str, dict] = {}
    for line in doc.lines():
        key = line.source or line.id
        row = rows.setdefault(key, {"original": originals.get(line.source, ""), "plain": [], "rules": set(),
                                    "notes": [], "review": False, "id": key})
        row["plain"].append(line.text)
        row["rules"].update(line.fired)
        row["notes"] += [f"refused: {r}" for r in line.rejected] + lint_notes.get(line.id, [])
        row["review"] = row["review"] or line.review
    ordered = sorted(rows.values(), key=lambda r: (not r["review"], list(rows).index(r["id"])))
    lang = doc.lang
    head = ("Original", "Einfach", "Regeln", "Hinweise") if lang == "de" else ("Original", "Plain", "Rules",
                                                                                 "Notes")
    body = []
    for r in ordered:
        body.append(
            f'<tr class="{"review" if r["review"] else "ok"}"><td>{escape(r["id"])}'
            f'{" ⚑" if r["review"] else ""}</td><td>{escape(r["original"])}</td>'
            f'<td>{"<br>".join(str(escape(p)) for p in r["plain"])}</td>'
            f'<td>{escape(", ".join(sorted(r["rules"])))}</td>'
            f'<td>{"<br>".join(str(escape(n)) for n in r["notes"])}</td></tr>')
    title = escape(release.meta.title)
    approve = sibling(release.source)
    return (f'<!DOCTYPE html>\n<html lang="{escape(lang)}"><head><meta charset="utf-8">'
            f'<title>Review: {title}</title><style>body{{font-family:sans-serif;margin:2rem}}'
            f'table{{border-collapse:collapse}}td,th{{border:1px solid #888;padding:.4rem;vertical-align:top}}'
            f'tr.review{{background:#fff4d6}}</style></head><body>\n<h1>Review: {title}</h1>\n'
            f'<p>{len([r for r in ordered if r["review"]])} of {len(ordered)} sentences are marked for review (⚑) '
            f'and come first. Edit the draft beside this sheet and save it as <code>{escape(approve.name)}</code>, '
            f'or run <code>accesspub review {escape(release.slug)} --approve --by NAME</code>.</p>\n'
            f'<table><thead><tr><th>id</th>{"".join(f"<th>{h}</th>" for h in head)}</tr></thead><tbody>\n'
            + "\n".join(body) + "\n</tbody></table></body></html>\n")


def paths(release: Release) -> tuple[Path, Path, Path]:
    """(review sheet, editable draft, approved version) beside the release source."""
    src = release.source
    return (src.with_name(src.stem + ".plain-review.html"), src.with_name(src.stem + ".plain-draft.md"),
            sibling(src))
