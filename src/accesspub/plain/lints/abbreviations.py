"""No abbreviations: every known one is written out; dotted short forms ("z. B.", "i. A.") are flagged too."""

import re

from ..rules.abbreviations import patterns

NAME, LANGS, SEVERITY = "abbreviations", ("de", "en"), "warning"
_DOTTED = re.compile(r"(?<![\w.])(?:[A-Za-zÄÖÜäöü]{1,3}\.\s?){2,}|(?<![\w.])(?:bzw|usw|ggf|evtl|inkl|vgl|sog|ca|etc|"
                     r"approx|incl)\.")


def check(sentence: str, ctx) -> list[str]:
    hits = [m.group(0).strip() for p, _ in patterns(ctx.lang) for m in p.finditer(sentence)]
    hits += [m.group(0).strip() for m in _DOTTED.finditer(sentence) if m.group(0).strip() not in hits]
    return [f"abbreviation '{h}'; write it out" for h in dict.fromkeys(hits)]
