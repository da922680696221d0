"""Coordinated objects of one verb become one sentence each: "Damit haben wir das Programm und die Förderung
größer gemacht." → "Damit haben wir das Programm größer gemacht." + "Damit haben wir die Förderung größer gemacht."."""

from __future__ import annotations

from ..grammar import DETERMINERS, is_finite, parse
from ..text import end_sentence, join, word_count

NAME, KIND, LANGS = "objects", "split", ("de",)
_FRAME_END = ("VV(PP)", "VV(INF)", "VA(INF)", "VM(INF)", "PTKVZ", "VA(PP)")


def apply(sentence: str, ctx) -> list[str] | None:
    if word_count(sentence, "de") <= ctx.split_above + 5:
        return None
    toks = parse(sentence, "de")
    body = toks[:-1] if toks and toks[-1].text == "." else toks
    if len(body) < 6 or body[-1].tag not in _FRAME_END:
        return None
    finite = next((k for k, t in enumerate(body) if is_finite(t)), None)
    if finite is None or any(t.text == "," for t in body):
        return None
    tail = len(body) - 1
    while tail > 0 and body[tail - 1].tag in _FRAME_END + ("ADJ(D)",):
        tail -= 1
    for u in range(finite + 2, tail - 1):
        if body[u].text != "und" or body[u + 1].tag not in DETERMINERS:
            continue
        start = max((k for k in range(finite + 1, u) if body[k].tag in DETERMINERS
                     and body[k - 1].tag not in ("APPR", "APPRART")), default=None)
        if start is None:
            continue
        frame_head, frame_tail = body[:start], body[tail:]
        first, second = body[start:u], body[u + 1:tail]
        return [end_sentence(join(frame_head + first + frame_tail)),
                end_sentence(join(frame_head + second + frame_tail))]
    return None
