"""A purpose clause at the end of a sentence becomes a sentence of its own: "Wir brauchen ein Gesetz, um die
Rechte zu stärken." → "Wir brauchen ein Gesetz." + "Das Ziel ist, die Rechte zu stärken." (the words of the
clause unchanged; "um" becomes "Das Ziel ist,"). A leading "Um … zu …" is the rule "subordinate"."""

from __future__ import annotations

from ..text import end_sentence, join, word_count

NAME, KIND, LANGS = "purpose", "split", ("de",)
_STOP = (",", ";", ":", "„", "“", "”", "\"", "(", ")", "–", "-")


def apply(sentence: str, ctx) -> list[str] | None:
    if word_count(sentence, "de") <= ctx.split_above:
        return None
    from ..grammar import is_finite, parse
    toks = parse(sentence, "de")
    for c in range(2, len(toks) - 3):
        if toks[c].text != "," or toks[c + 1].text.lower() != "um" or toks[c + 1].tag != "KOUI":
            continue
        end = len(toks)
        while end and toks[end - 1].text in (".", "!"):
            end -= 1
        body = toks[c + 2:end]
        if not body or any(t.text in _STOP for t in body):
            return None
        last = body[-1]
        if not (last.tag == "VV(IZU)" or (len(body) > 1 and body[-2].text == "zu" and last.tag.endswith("(INF)"))):
            return None
        head = toks[:c]
        if not any(is_finite(t) for t in head) or any(t.text in ("„", "“", "”", "\"") for t in head):
            return None
        if word_count(join(head), "de") < 4 or word_count(join(body), "de") < 3:
            return None
        return [end_sentence(join(head)), end_sentence(f"{ctx.data['purpose_clause']} {join(body)}")]
    return None
