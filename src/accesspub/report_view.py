"""What a report page shows, in the release's language: findings grouped by rendition and severity, each with
plain labels, and the readability figures with what they mean — including why a plain version can score
"harder" than its original on a formula.

The page (templates/report.html) is filterable without JavaScript: one `<details>` per rendition and severity,
barriers open, the rest closed, and a jump list with the counts.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .findings import Finding
from .language.lexicon import lexicon

SEVERITIES = ("error", "warning", "info")
RENDITION_ORDER = ("source", "html", "plain", "pdf", "epub", "audio", "site")
DOCS = {"pdf-ua": "_docs/pdf.html", "verapdf": "_docs/pdf.html"}


@dataclass
class Group:
    """The findings of one rendition, by severity."""

    key: str
    label: str
    counts: dict[str, int]
    by_severity: list[tuple[str, str, list[dict], str]] = field(default_factory=list)
    """(severity, label, findings, "3 Hinweise")"""
    docs: list[tuple[str, str]] = field(default_factory=list)                      # (href, text)


def texts(lang: str) -> dict:
    """The report's words in a language, English where the language data has none."""
    return lexicon(lang).get("report") or lexicon("en")["report"]


def _as_dict(f) -> dict:
    return f.to_dict() if isinstance(f, Finding) else dict(f)


def groups(findings: list, lang: str, root: str = "") -> list[Group]:
    """Findings by rendition (in reading order of the renditions), then severity (barriers first)."""
    text = texts(lang)
    checks, renditions = text["checks"], text["renditions"]
    items = [_as_dict(f) for f in findings]
    keys = sorted({f["rendition"] for f in items},
                  key=lambda k: (RENDITION_ORDER.index(k) if k in RENDITION_ORDER else len(RENDITION_ORDER), k))
    out = []
    for key in keys:
        mine = [dict(f, check_label=checks.get(f["check"], f["check"])) for f in items if f["rendition"] == key]
        group = Group(key, renditions.get(key, key), {s: sum(f["severity"] == s for f in mine) for s in SEVERITIES})
        for sev in SEVERITIES:
            chosen = sorted((f for f in mine if f["severity"] == sev), key=lambda f: (f["check"], f["rule"]))
            if chosen:
                group.by_severity.append((sev, text["severity"][sev], chosen, counted(len(chosen), sev, lang)))
        seen = {DOCS[f["check"]] for f in mine if f["check"] in DOCS}
        group.docs = [(root + href, text["docs"]) for href in sorted(seen)]
        out.append(group)
    return out


def _direction(key: str, before, after, better: str | None) -> str | None:
    if better is None or not isinstance(before, (int, float)) or not isinstance(after, (int, float)):
        return None
    if after == before:
        return "same"
    easier = after > before if better == "higher" else after < before
    return "easier" if easier else "harder"


def metrics(data: dict, lang: str) -> dict | None:
    """Rows (label, meaning, before, after, direction) and plain notes for figures that got "harder"."""
    before, after = data.get("before") or {}, data.get("after") or {}
    if not before or not after:
        return None
    text = texts(lang)
    rows, harder = [], []
    for key, (label, meaning, better) in text["metrics"].items():
        if key not in before and key not in after:
            continue
        direction = _direction(key, before.get(key), after.get(key), better)
        rows.append({"key": key, "label": label, "meaning": meaning, "before": _number(before.get(key), lang),
                     "after": _number(after.get(key), lang), "direction": direction,
                     "direction_label": text[direction] if direction else None})
        if direction == "harder" and key in FORMULAS:
            harder.append(label)
    notes = []
    if harder:
        opening, closing = text["quote"]
        values = {"label": _joined([f"{opening}{h}{closing}" for h in harder], lang), "before_syl": _number(before.get("syllables_per_word"), lang),
                  "after_syl": _number(after.get("syllables_per_word"), lang),
                  "before_wps": _number(before.get("words_per_sentence"), lang),
                  "after_wps": _number(after.get("words_per_sentence"), lang)}
        longer = (after.get("words_per_sentence") or 0) > (before.get("words_per_sentence") or 0)
        notes.append(text["harder_note_sentences" if longer else "harder_note"].format(**values))
    return {"rows": rows, "notes": notes}


FORMULAS = ("flesch", "wiener_sachtextformel", "lix")


def _number(value, lang: str):
    """A figure as the reader writes numbers ("5,6" in German)."""
    if isinstance(value, float):
        from babel.numbers import format_decimal
        return format_decimal(value, locale=lang)
    return value


def _joined(labels: list[str], lang: str) -> str:
    from babel.lists import format_list
    return format_list(labels, locale=lang)


def counted(n: int, severity: str, lang: str) -> str:
    """"1 Hinweis", "9 Hinweise"."""
    text = texts(lang)
    return f"{n} {(text['severity_one'] if n == 1 else text['severity'])[severity]}"


def summary(counts: dict, lang: str) -> str:
    if not any(counts.values()):
        return texts(lang)["summary_none"]
    return ", ".join(counted(counts.get(s, 0), s, lang) for s in SEVERITIES)
