"""One statement per sentence: more than one finite verb (German) or joined clauses (English)."""

import re

from ..grammar import is_finite, parse

NAME, LANGS, SEVERITY = "statements", ("de", "en"), "warning"
_JOINS = re.compile(r",\s+(and|but|which|who|because|although|while|whereas)\b|;", re.I)


def check(sentence: str, ctx) -> list[str]:
    if ctx.lang == "de":
        toks = parse(sentence, "de")
        n = sum(is_finite(t) for t in toks if t.text.lower() not in ("sagt", "says"))
        n -= sum(1 for k, t in enumerate(toks[:-1]) if is_finite(t) and toks[k + 1].text == ":")
    else:
        n = 1 + len(_JOINS.findall(sentence))
    return [f"{n} statements in one sentence; say one thing per sentence"] if n > 1 else []
