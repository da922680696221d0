"""Active voice: "wird … gewährleistet" / "is … approved" is passive."""

import re

from ..grammar import parse

NAME, LANGS, SEVERITY = "passive", ("de", "en"), "warning"
_EN = re.compile(r"\b(am|is|are|was|were|be|been|being)\s+(\w+ly\s+)?(\w+ed|known|given|made|done|taken|seen|"
                 r"held|built|paid|sent|told|found|shown|written|chosen|set|put|run|spent)\b", re.I)


def check(sentence: str, ctx) -> list[str]:
    if ctx.lang == "de":
        toks = parse(sentence, "de")
        aux = [t for t in toks if t.lemma == "werden" and t.tag.startswith("VA")]
        part = [t for t in toks if t.tag == "VV(PP)"] + [t for t in toks if t.text == "worden"]
        if aux and part:
            return [f"passive voice ('{aux[0].text} … {part[0].text}'); say who does it"]
        return []
    m = _EN.search(sentence)
    return [f"passive voice ('{m.group(0)}'); say who does it"] if m else []
