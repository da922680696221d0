"""A zu-infinitive that says what a noun like "Möglichkeit" or "Aufgabe" holds becomes a line of its own after
a colon, the infinitive without "zu": "Das Gesetz bietet die Möglichkeit, die Behörden zu modernisieren." →
"Das Gesetz bietet die Möglichkeit:" + "Die Behörden modernisieren." (German; the form of "Das Ziel ist:"). After
"wir" and a verb of deciding the infinitive becomes what "wir" do: "Wir haben beschlossen, im Mai zu bauen."
→ "Wir haben beschlossen:" + "Wir bauen im Mai." (for "wir" the infinitive is the finite form)."""

from __future__ import annotations

from ..grammar import analyze, is_finite, parse, to_main_clause
from ..text import Tok, body_end, capitalize, end_sentence, join, word_count

NAME, KIND, LANGS = "infinitive", "split", ("de",)
_STOP = (",", ";", ":", "„", "“", "”", "\"", "(", ")", "–", "-")
_AFTER_NOUN = ("VV(INF)", "VA(INF)", "VV(PP)", "PTKVZ")      # "die Möglichkeit erhalten, …"


def bare(toks: list[Tok]) -> list[Tok]:
    """An infinitive phrase without its "zu": "offenzulegen" → "offenlegen", "zu stärken" → "stärken"."""
    out = []
    for t in toks:
        if t.tag == "VV(IZU)":
            lemma = analyze(t.text)[0] if t.lemma == t.text else t.lemma
            out.append(Tok(lemma, t.space, "VV(INF)", lemma))
        elif t.tag != "PTKZU":
            out.append(t)
    return out


def _is_infinitive(phrase: list[Tok]) -> bool:
    """A zu-infinitive phrase: "… offenzulegen", "… zu stärken"; no clause inside it."""
    if len(phrase) < 2 or any(t.text in _STOP or t.tag.endswith("(FIN)") or t.tag in ("KOUS", "PRELS", "PWAV",
                                                                                        "KOUI") for t in phrase):
        return False
    last = phrase[-1]
    return last.tag == "VV(IZU)" or phrase[-2].tag == "PTKZU" and last.tag.endswith("(INF)")


def _we_do(phrase: list[Tok], vorfeld: list[Tok], ctx) -> list[Tok] | None:
    """The infinitive phrase as a main clause with "wir": "zunächst nicht zu gehen" → "Wir gehen zunächst
    nicht"; after another Vorfeld ("Stattdessen") "wir" follows the verb."""
    data = ctx.data["decision"]
    body = bare(phrase)
    verb = body[-1]
    if verb.lemma in data["irregular"]:
        body = body[:-1] + [Tok(data["irregular"][verb.lemma], verb.space, "VA(FIN)", verb.lemma)]
    clause = to_main_clause(body, vorfeld or [Tok(data["we"], True)])
    if not clause or not vorfeld:
        return clause
    return clause[:len(vorfeld) + 1] + [Tok(data["we"].lower(), True)] + clause[len(vorfeld) + 1:]


def _decision(toks: list[Tok], end: int, ctx) -> list[str] | None:
    """'Wir haben beschlossen, X zu tun(, sondern Y zu tun).' → 'Wir haben beschlossen:' + 'Wir tun X.'
    (+ 'Stattdessen tun wir Y.')."""
    c = next((k for k in range(3, end) if toks[k].text == ","), None)
    if c is None:
        return None
    head = toks[:c]
    if not any(t.text.lower() == "wir" for t in head) or not any(is_finite(t) for t in head) \
            or not any(t.lemma in ctx.data["decision"]["verbs"] for t in head) \
            or any(t.text in _STOP or t.tag in ("KOUS", "PRELS") for t in head) \
            or any(t.text.lower() in ctx.data["negation"] and t.tag != "APPR" for t in head):
        return None     # "Wir haben nicht beschlossen, X zu tun" does not say "Wir tun X"
    s = next((k for k in range(c + 1, end - 1) if toks[k].text == "," and toks[k + 1].text.lower() == "sondern"),
             end)
    first, second = toks[c + 1:s], toks[s + 2:end]
    if not _is_infinitive(first) or s < end and not _is_infinitive(second):
        return None
    clause = _we_do(first, [], ctx)
    if not clause:
        return None
    out = [join(head) + ":", end_sentence(join(clause))]
    if s < end:
        instead = ctx.data["instead"]
        rest = second[1:] if second[0].text.lower() == instead.lower() else second
        clause = _we_do(rest, [Tok(instead, True)], ctx)
        if not clause:
            return None
        out.append(end_sentence(join(clause)))
    return out


def apply(sentence: str, ctx) -> list[str] | None:
    if word_count(sentence, "de") <= ctx.split_above:
        return None
    toks = parse(sentence, "de")
    found = _decision(toks, body_end(toks), ctx)
    if found:
        return found
    end = body_end(toks)
    nouns = set(ctx.data["infinitive_nouns"])
    for c in range(3, end - 2):
        if toks[c].text != ",":
            continue
        noun = c - 1 if toks[c - 1].tag in _AFTER_NOUN and c >= 4 else c
        noun -= 1
        if toks[noun].tag != "NN" or toks[noun].lemma not in nouns:
            continue
        head, phrase = toks[:c], toks[c + 1:end]
        if not any(is_finite(t) for t in head) or any(t.text in _STOP for t in head + phrase) \
                or any(t.tag.endswith("(FIN)") or t.tag in ("KOUS", "PRELS", "PWAV", "KOUI") for t in phrase):
            return None
        last = phrase[-1]
        if not (last.tag == "VV(IZU)" or len(phrase) > 1 and phrase[-2].tag == "PTKZU"
                and last.tag.endswith("(INF)")):
            return None
        if word_count(join(phrase), "de") < 3:
            return None
        return [join(head) + ":", end_sentence(capitalize(join(bare(phrase))))]
    return None
