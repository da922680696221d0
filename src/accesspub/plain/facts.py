"""Fact preservation: every number, date, amount, person and place of the original is in the plain version.

Both texts are normalised the same way first (abbreviations written out, number words as digits, currency
symbols as words), so "knapp 9 Mio. €" kept as "fast 9 Millionen Euro" counts as kept.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..findings import Finding
from ..language.lexicon import lexicon
from .grammar import parse
from .rules import RuleContext
from .rules import abbreviations, numbers

CHECK = "plain-facts"
_NUMBER = re.compile(r"(?<![\w,.])\d+(?:[.,]\d+)*(?![\w])")


@dataclass(frozen=True, order=True)
class Fact:
    kind: str      # "number", "amount", "date", "name"
    value: str


_DAY_MONTH = re.compile(r"(?<![\d.])(\d{1,2})\.\s?(\d{1,2})\.(?!\s?\d)")


def normalise(text: str, lang: str) -> str:
    """Both texts in one spelling: abbreviations written out, number words as digits, currency symbols as
    words, German dates as "3. August" whether written "03.08.", "3.8." or "03. 08."."""
    ctx = RuleContext(lang=lang)
    for rule in (abbreviations, numbers):
        text = (rule.apply(text, ctx) or [text])[0]
    if lang == "de":
        months = lexicon(lang)["months"]
        text = _DAY_MONTH.sub(lambda m: f"{int(m[1])}. {months[int(m[2]) - 1]}" if 1 <= int(m[2]) <= 12
                              else m.group(0), text)
        text = re.sub(r"(?<!\d)0(\d)\.\s", r"\1. ", text)
    return " ".join(text.split())


def _key(text: str) -> str:
    """Lower case, compound separators and spaces removed: for containment tests."""
    return re.sub(r"[\s\-·\u00ad„“”\"‚‘’]", "", text.lower())


def extract(text: str, lang: str, names: set[str] = frozenset()) -> set[Fact]:
    """The facts of a text."""
    text = normalise(text, lang)
    facts: set[Fact] = set()
    units = "|".join(["Millionen", "Milliarden", "Million", "Milliarde", "Euro", "Prozent", "Dollar", "Pfund",
                      "million", "billion", "euros", "per cent", "pounds", "dollars"])
    for m in re.finditer(rf"(\d+(?:[.,]\d+)?)\s+((?:{units})(?:\s+(?:{units}))?)(?![\w-])", text):
        facts.add(Fact("amount", f"{m[1]} {m[2]}"))
    months = "|".join(lexicon(lang)["months"])
    for m in re.finditer(rf"\b(\d{{1,2}})\.?\s+({months})(?:\s+(\d{{4}}))?", text):
        facts.add(Fact("date", m.group(0)))
    for m in _NUMBER.finditer(text):
        facts.add(Fact("number", m.group(0)))
    if lang in ("de", "en"):
        for t in parse(text, lang):
            if t.tag in ("NE", "NP0") and t.text[:1].isupper() and len(t.text) > 2:
                facts.add(Fact("name", t.text))
    for name in names:
        if name and re.search(rf"(?<!\w){re.escape(name)}(?!\w)", text):
            facts.add(Fact("name", name))
    return facts


def missing(original: str, plain: str, lang: str, names: set[str] = frozenset()) -> list[Fact]:
    """Facts of the original that the plain text lacks."""
    plain_norm = normalise(plain, lang)
    plain_key = _key(plain_norm)
    plain_numbers = {m.group(0) for m in _NUMBER.finditer(plain_norm)}
    out = []
    for fact in sorted(extract(original, lang, names), key=lambda f: (f.kind, f.value)):
        if fact.kind == "number":
            ok = fact.value in plain_numbers
        else:
            ok = _key(fact.value) in plain_key
        if not ok:
            out.append(fact)
    return out


def check(original: str, plain: str, lang: str, names: set[str] = frozenset()) -> tuple[list[Finding], dict]:
    """Error findings for lost facts, and the counts kept/total per kind."""
    facts = extract(original, lang, names)
    lost = missing(original, plain, lang, names)
    findings = [Finding(CHECK, "plain", f"{f.kind}-missing", "error",
                        f"the plain version lost the {f.kind} '{f.value}' of the original", f.value) for f in lost]
    summary = {}
    for kind in ("number", "amount", "date", "name"):
        total = sum(f.kind == kind for f in facts)
        summary[kind] = {"total": total, "kept": total - sum(f.kind == kind for f in lost)}
    return findings, summary


def structure(original_doc, plain_doc) -> tuple[list[Finding], dict]:
    """Every link target and every table value of the original is in the plain version."""
    import panflute as pf
    targets, cells = set(), []

    def visit(e, d):
        if isinstance(e, pf.Link) and e.url:
            targets.add(e.url)
        elif isinstance(e, pf.TableCell):
            text = " ".join(pf.stringify(e).split())
            if text:
                cells.append(text)
    original_doc.walk(visit)
    plain_targets = {u for s in plain_doc.sections for b in s.blocks for line in b.all_lines()
                     for _, u in line.links}
    plain_cells = {c for s in plain_doc.sections for b in s.blocks for row in [b.header, *b.rows] for c in row}
    plain_cells = {" ".join(c.split()) for c in plain_cells}
    findings = [Finding(CHECK, "plain", "link-missing", "error",
                        f"the plain version lost the link to '{u}'", u) for u in sorted(targets - plain_targets)]
    lost_cells = [c for c in cells if c not in plain_cells]
    findings += [Finding(CHECK, "plain", "table-value-missing", "error",
                         f"the plain version lost the table value '{c}'", c) for c in lost_cells[:20]]
    if len(lost_cells) > 20:
        findings.append(Finding(CHECK, "plain", "table-value-missing", "error",
                                f"… and {len(lost_cells) - 20} more table values", ""))
    return findings, {"link": {"total": len(targets), "kept": len(targets & plain_targets)},
                      "table": {"total": len(cells), "kept": len(cells) - len(lost_cells)}}
