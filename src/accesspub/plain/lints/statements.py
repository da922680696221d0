"""One statement per sentence: more than one finite verb (German) or joined clauses (English)."""

import re

from ..grammar import is_finite, parse

NAME, LANGS, SEVERITY = "statements", ("de", "en"), "warning"
_SUBORDINATORS = {"dass", "damit", "weil", "obwohl", "wenn", "als", "ob", "sodass", "während", "nachdem", "bevor"}
_JOINS = re.compile(r",\s+(and|but|which|who|because|although|while|whereas)\b|;", re.I)


def check(sentence: str, ctx) -> list[str]:
    if ctx.lang == "de":
        toks = parse(sentence, "de")
        n = sum(is_finite(t) for t in toks if t.text.lower() not in ("sagt", "says"))
        n -= sum(1 for k, t in enumerate(toks[:-1]) if is_finite(t) and toks[k + 1].text == ":")
        n += sum(1 for k, t in enumerate(toks[:-1]) if t.text == "," and (
            toks[k + 1].tag in ("KOUS", "PRELS", "PWAV") or toks[k + 1].text.lower() in _SUBORDINATORS))
        n = max(n, 0)
    else:
        n = 1 + len(_JOINS.findall(sentence))
    return [f"{n} statements in one sentence; say one thing per sentence"] if n > 1 else []
