"""No genitive: "des Landes", "Aufgabe der Kommunen" → "vom Land", "Aufgabe von den Kommunen"."""

from ..grammar import is_noun, parse

NAME, LANGS, SEVERITY = "genitive", ("de",), "warning"


def check(sentence: str, ctx) -> list[str]:
    toks = parse(sentence, "de")
    hits = []
    for i, t in enumerate(toks[:-1]):
        low = t.text.lower()
        nxt = toks[i + 1]
        if low in ("des", "eines") and t.tag in ("ART",) and (is_noun(nxt) or nxt.tag == "ADJ(A)"):
            hits.append(f"{t.text} {nxt.text}")
        elif low in ("der", "einer") and i > 0 and is_noun(toks[i - 1]) and toks[i - 1].tag != "PPER" \
                and t.tag == "ART" and (is_noun(nxt) or nxt.tag in ("ADJ(A)", "CARD")):
            hits.append(f"{toks[i - 1].text} {t.text} {nxt.text}")
    return [f"genitive '{h}'; use 'von' + dative" for h in hits]
