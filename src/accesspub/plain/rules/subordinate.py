"""Subordinate clauses after the main clause become main clauses: ", damit Menschen teilhaben können" →
"Damit können Menschen teilhaben."; a leading "Um … zu …" purpose clause becomes "Das Ziel ist: …"; a leading
condition ("Wenn es regnet, fällt das Fest aus.") becomes "Vielleicht regnet es." + "Dann fällt das Fest aus.";
a trailing one that the main clause announces with "dann" ("Das Fest fällt nur dann aus, wenn es regnet.")
becomes "Vielleicht regnet es." + "Nur dann fällt das Fest aus."."""

from __future__ import annotations

from ..grammar import analyze, as_clause, is_finite, is_verb, parse, to_main_clause
from .dass import could_be_subject
from ..text import Tok, body_end, capitalize, decapitalize, end_sentence, join, word_count

NAME, KIND, LANGS = "subordinate", "split", ("de", "en")
_BOUNDARY = (",", ".", "!", "?", ";", ":")


def _purpose(toks: list[Tok], ctx) -> list[str] | None:
    """'Um X zu tun, haben wir …' → 'Das Ziel ist: X tun.' + 'Dafür haben wir …'."""
    if not toks or toks[0].text.lower() != "um":
        return None
    c = next((k for k, t in enumerate(toks) if t.text == ","), None)
    if c is None or toks[c - 1].tag != "VV(IZU)" or c + 1 >= len(toks) or not is_verb(toks[c + 1]):
        return None
    infinitives = []
    for t in toks[1:c]:
        if t.tag == "VV(IZU)":
            lemma = analyze(t.text)[0] if t.lemma == t.text else t.lemma
            infinitives.append(Tok(lemma, t.space, "VV(INF)", lemma))
        elif t.text == "zu":
            continue
        else:
            infinitives.append(t)
    goals, current = [], []
    for k, t in enumerate(infinitives):
        if t.text == "und" and current and current[-1].tag == "VV(INF)":
            goals.append(current)
            current = []
        else:
            current.append(t)
    goals.append(current)
    main = [Tok(ctx.data["purpose_main"], True)] + toks[c + 1:]
    if len(goals) == 1:
        head = [end_sentence(f"{ctx.data['purpose']} {join(goals[0])}")]
    else:
        head = [ctx.data["purpose"]] + [end_sentence(capitalize(join(g))) for g in goals]
    return head + [end_sentence(join(main))]


def zu_tail(toks: list[Tok], start: int) -> int | None:
    """Index of the end mark when ', … zu tun' runs from the comma at `start` to the end of the sentence
    (an infinitive phrase that belongs to the clause before it: "…, sodass sie eine Chance hat, mitzureden.")."""
    if start >= len(toks) or toks[start].text != ",":
        return None
    end = body_end(toks, (".", "!", "?"))
    phrase = toks[start + 1:end]
    if not phrase or end == len(toks) or any(t.text in _BOUNDARY or t.tag.endswith("(FIN)") or t.tag in (
            "KOUS", "PRELS", "PWAV") for t in phrase):
        return None
    last = phrase[-1]
    if last.tag == "VV(IZU)" or len(phrase) > 1 and phrase[-2].tag == "PTKZU" and last.tag.endswith("(INF)"):
        return end
    return None


_DASHES = ("-", "–", "—")
_STOPS = (";", ":", "(", ")", "“", "”", "\"", "-", "–", "—")
_NOT_IN_LIST = ("VBZ", "VBD", "VBB", "VHZ", "VHD", "VHB", "VDZ", "VDD", "VDB", "VM0", "VVZ", "VVD", "VVB", "VVG",
                "VVI", "TO0", "CJS", "CJT", "PNQ", "DTQ", "AVQ")


def _list_end(toks: list[Tok], start: int) -> int | None:
    """English: the index of the final mark when the words from `start` up to it are a list of noun phrases
    ("green spaces, tools and repairs": commas, no verb, no clause of its own); None otherwise."""
    end = body_end(toks, (".", "!", "?"))
    phrase = toks[start:end]
    if end == len(toks) or not phrase or any(t.tag in _NOT_IN_LIST or t.text in _STOPS for t in phrase):
        return None
    if any(t.text == "," and k + 1 < len(phrase) and phrase[k + 1].tag in ("PRP", "PRF", "AV0", "CJC")
           and phrase[k + 1].text.lower() not in ("and", "or") for k, t in enumerate(phrase)):
        return None     # "…, including the design, from next Monday": the phrase after the comma is no item
    return end


def _adverbial_tail(toks: list[Tok], start: int) -> bool:
    """English: from the comma at `start` a phrase with a preposition or an adverb and no verb runs to the end of
    the sentence (", from next Monday", ", in the town centre")."""
    end = body_end(toks, (".", "!", "?"))
    return end < len(toks) and start + 2 < end and toks[start].text == "," \
        and toks[start + 1].tag in ("PRP", "AV0") and toks[start + 1].text.lower() not in ("including", "such") \
        and not any(t.tag in _NOT_IN_LIST or t.text in _STOPS + (",",) for t in toks[start + 1:end])


def _to_tail(toks: list[Tok], start: int) -> bool:
    """English: from the comma at `start` a purpose phrase (", to help …") runs to the end of the sentence."""
    end = body_end(toks, (".", "!", "?"))
    return end < len(toks) and start + 2 < end and toks[start].text == "," and toks[start + 1].text == "to" \
        and toks[start + 2].tag == "VVI" and not any(t.text in _STOPS for t in toks[start + 1:end])


def _trailing(toks: list[Tok], ctx) -> list[str] | None:
    """'A, damit B können.' → 'A.' + 'Damit können B.'."""
    table = ctx.data["subordinate"]
    for c, t in enumerate(toks[:-1]):
        word = toks[c + 1].text.lower()
        skip = 2
        if word == "so" and c + 2 < len(toks) and toks[c + 2].text.lower() == "dass":
            word, skip = "sodass", 3            # ", so dass" is ", sodass"
        dash = ctx.lang == "en" and t.text in _DASHES and sum(1 for x in toks if x.text in _DASHES) == 1
        if not (t.text == "," or dash) or word not in table or c == 0:
            continue
        if word == "wo" and toks[c - 1].tag != "NE":
            continue        # "…, wo" becomes "Dort" only after a place's name ("in Fällen, wo" is no place)
        if _not_until(word, toks, ctx):
            continue
        if word == "including" and c + 2 < len(toks) and toks[c + 2].text in (":", ";"):
            skip = 3        # "including: A, B and C" — the mark only opens the list
        end = c + skip
        last = len(toks) - 1
        # a point inside a number ("15.5mph" → "15", ".", "5mph") is no boundary: only the final one is
        while end < len(toks) and not (toks[end].text in _BOUNDARY and (toks[end].text not in ".!?" or end == last)):
            end += 1
        if word == "including" and ctx.lang == "en" and end < len(toks) and toks[end].text == ",":
            end = _list_end(toks, c + skip) or end
        infinitive: list[Tok] = []
        seam = None         # English: where the main clause goes on after the clause, when not at `end`
        if end < len(toks) and toks[end].text not in (".", "!", "?"):
            if ctx.lang == "en":
                if word == "including" and _adverbial_tail(toks, end):
                    seam = end + 1      # "…, including X, from next Monday.": the time is the main clause's
                elif not (word == "including" and _to_tail(toks, end)):
                    continue
                # "…, including X, to help Y.": the purpose is the main clause's, it stays there
            else:
                stop = zu_tail(toks, end)
                if stop is None:
                    continue    # something follows that may belong to the clause (", dass …")
                infinitive, end = toks[end:stop], stop      # ", mitzureden" stays with its clause
        body = toks[c + skip:end - len(infinitive)] if infinitive else toks[c + skip:end]
        if not any(x.is_word for x in body):
            continue        # "…, including:" before a list: the list is not in this sentence
        if ctx.lang == "de":
            body = as_clause(body)
            if not body or not is_verb(body[-1]):
                continue
            if word == "wie" and (body[-1].lemma not in {*ctx.data["say_verbs"], *ctx.data["colon_verbs"]}
                                  or sum(1 for x in body if is_verb(x)) != 1 or body[0].text.lower() == "es"
                                  or any(x.text.lower() in _DEGREE for x in toks[1:c])):
                continue    # ", wie der Senat mitteilte" → "Das teilte der Senat mit."; no comparison, and
                # "wie es der Plan vorsah" is no "Das sah es der Plan vor" (see _manner)
            lead = table[word]
            if lead.lower() in ctx.data["coordination"]:
                clause = to_main_clause(body)
                clause = [Tok(lead, True)] + clause if clause else None
            else:
                clause = to_main_clause(body, [Tok(lead, True)])
        else:
            if word == "including" and (toks[0].text.lower() in ("it", "they") or toks[0].text.lower() in (
                    "this", "these") and len(toks) > 1 and toks[1].tag.startswith(("VV", "VB", "VH", "VD", "VM"))):
                continue    # "This acknowledges X and is taking action, including Y": a second "This includes"
                # could point to the first sentence's "this" as well as to the action
            clause = [Tok(table[word], True)] + body
        if not clause:
            continue
        rest = toks[:c] + toks[end if seam is None else seam:]
        return [end_sentence(join(rest)), end_sentence(join(clause + infinitive))]
    return None


def _not_until(word: str, toks: list[Tok], ctx) -> bool:
    """"bevor" in a negated sentence means "not until": no order of events to tell apart."""
    return word in ctx.data.get("temporal_order", ()) and any(t.text.lower() in ctx.data["negation"] for t in toks)


def _leading(toks: list[Tok], ctx) -> list[str] | None:
    """'Da X gilt, kann Y …' → 'X gilt.' + 'Deshalb kann Y …' (the main clause keeps its verb-first order)."""
    table = ctx.data.get("leading", {})
    if not toks or toks[0].text.lower() not in table or _not_until(toks[0].text.lower(), toks, ctx):
        return None
    c = next((k for k, t in enumerate(toks) if t.text == ","), None)
    if c is None or c < 3 or c + 2 >= len(toks) or toks[c + 1].tag not in ("VV(FIN)", "VA(FIN)", "VM(FIN)"):
        return None
    body = as_clause(toks[1:c])
    if not is_verb(body[-1]) or any(t.text in ("„", "“", "”", "\"") for t in body):
        return None
    clause = to_main_clause(body)
    if not clause:
        return None
    main = [Tok(table[toks[0].text.lower()], True)] + toks[c + 1:]
    return [end_sentence(capitalize(join(clause))), end_sentence(join(main))]


_PARTICLES = {"aber", "doch", "ja", "eben", "halt", "denn", "wohl", "so"}


def _leading_damit(toks: list[Tok], ctx) -> list[str] | None:
    """'Damit alle mitmachen können, baut die Stadt …' → 'Das Ziel ist: Alle können mitmachen.' + 'Dafür baut
    die Stadt …' (as a leading 'Um … zu …'); the clause before the comma ends with its finite verb, the main
    clause after it starts with one ("Damit ist klar, …" is the adverb: it stays)."""
    if len(toks) < 6 or toks[0].text != "Damit" or toks[1].tag.endswith("(FIN)"):
        return None
    c = next((k for k, t in enumerate(toks) if t.text == ","), None)
    if c is None or c < 3 or c + 2 >= len(toks) or not toks[c + 1].tag.endswith("(FIN)") \
            or any(t.text in ("„", "“", "”", "\"", ":", ";", "(", ")") for t in toks):
        return None
    body = as_clause(toks[1:c])
    if not body[-1].tag.endswith("(FIN)") or any(t.text.lower() in _PARTICLES for t in body):
        return None         # "Damit es aber auch so kommt": the particle ties it to what came before
    clause = to_main_clause(body)
    if not clause:
        return None
    main = [Tok(ctx.data["purpose_main"], True)] + toks[c + 1:]
    return [end_sentence(f"{ctx.data['purpose']} {capitalize(join(clause))}"), end_sentence(join(main))]


def _condition(toks: list[Tok], ctx) -> list[str] | None:
    """'Wenn X gilt, (dann) tun wir Y.' → 'Vielleicht gilt X.' + 'Dann tun wir Y.'; 'Sollte X Y tun, …' →
    'Vielleicht wird X Y tun.' + 'Dann …'. The main clause after the comma opens with its finite verb."""
    data = dict(ctx.data["condition"])
    if len(toks) < 6:
        return None
    if toks[0].text.lower() in ctx.data["concession"]["openers"] and toks[1].text.lower() == "wenn":
        data["main"] = ctx.data["concession"]["main"]       # "Selbst wenn X, Y" → "Vielleicht X." + "Auch dann Y."
        toks = toks[1:]
    first = toks[0].text.lower()
    c = next((k for k, t in enumerate(toks) if t.text == ","), None)
    if c is None or c < 4 or c + 3 >= len(toks):
        return None
    m = c + 1 + (toks[c + 1].text.lower() in ("dann", "so"))
    if toks[m].tag not in ("VV(FIN)", "VA(FIN)", "VM(FIN)") or any(
            t.text in ("„", "“", "”", "\"", "(", ")", ":", ";") or t.tag in ("KOUS", "PRELS", "PWAV", "KOKOM")
            for t in toks[1:c]) or any(t.text in ("„", "“", "”", "\"") for t in toks[m:]):
        return None
    lead = Tok(data["lead"], True)
    if first in data["conjunctions"] and toks[0].tag == "KOUS":
        body = as_clause(toks[1:c])
        if not is_verb(body[-1]):
            return None
        clause = to_main_clause(body, [lead])
    elif first in data["future"] and toks[0].tag == "VM(FIN)" and toks[c - 1].tag in ("VV(INF)", "VA(INF)"):
        if any(t.tag.endswith("(FIN)") for t in toks[1:c]):
            return None
        clause = [lead, Tok(data["future"][first], True)] + toks[1:c]
    else:
        return None
    if not clause:
        return None
    main = [Tok(data["main"], True)] + toks[m:]
    return [end_sentence(join(clause)), end_sentence(join(main))]


_MASCULINE_BACK = {"er", "ihn", "ihm", "sein", "seine", "seinen", "seinem", "seiner", "seines"}


def _whoever(toks: list[Tok], ctx) -> list[str] | None:
    """'Wer X tut, bekommt Y.' → 'Vielleicht tut jemand X.' + 'Dann bekommt diese Person Y.': a leading
    wer-clause (verb last) and a main clause that opens with its finite verb and has no subject of its own
    and no word that points back to "wer" ("sein Konto" would not fit "diese Person")."""
    data = ctx.data["whoever"]
    if len(toks) < 6 or toks[0].text != "Wer" or toks[0].tag not in ("PWS", "PRELS"):
        return None
    c = next((k for k, t in enumerate(toks) if t.text == ","), None)
    if c is None or c < 3 or c + 3 >= len(toks) or not is_finite(toks[c + 1]):
        return None
    main = toks[c + 2:body_end(toks)]
    if any(t.text in ("„", "“", "”", "\"", "(", ")", ":", ";", ",") or t.tag in ("KOUS", "PRELS", "PWAV", "PWS")
           for t in toks[1:c] + main) \
            or any(t.text.lower() in _MASCULINE_BACK or t.tag == "PPER" for t in main) \
            or main and main[0].tag in ("ART", "PDAT", "PPOSAT") and could_be_subject(main[:4], False):
        return None         # "…, bekommt die Stadt …": the main clause may have a subject of its own
    body = as_clause(toks[1:c])
    if not body or not is_verb(body[-1]) or sum(1 for t in body if is_finite(t)) != 1:
        return None
    clause = to_main_clause(body, [Tok(ctx.data["condition"]["lead"], True)])
    if not clause:
        return None
    clause = clause[:2] + [Tok(data["someone"], True)] + clause[2:]
    then = [Tok(ctx.data["condition"]["main"], True), toks[c + 1]] + [Tok(w, True) for w in data["person"].split()]
    return [end_sentence(join(clause)), end_sentence(join(then + toks[c + 2:]))]


# focus words before "dann" that go to the front with it; "erst dann" is a time, not a condition: it stays
_CORRELATE_FOCUS = {"nur": "Nur dann", "auch": "Auch dann", "": "Dann"}
_TIME_FOCUS = {"erst", "schon", "bereits", "noch", "immer", "genau"}


def _announced_condition(toks: list[Tok], ctx) -> list[str] | None:
    """'Y gilt nur dann, wenn X gilt.' → 'Vielleicht gilt X.' + 'Nur dann gilt Y.': a main clause with "dann"
    that points to the wenn-clause after it (a ', … zu tun' at the end stays with the wenn-clause)."""
    data = ctx.data["condition"]
    c = next((k for k, t in enumerate(toks) if t.text == ","), None)
    if c is None or c < 4 or c + 4 >= len(toks) or toks[c + 1].text.lower() not in data["conjunctions"] \
            or toks[c + 1].tag != "KOUS" or any(t.text in ("„", "“", "”", "\"") for t in toks):
        return None
    head = toks[:c]
    v = next((k for k, t in enumerate(head) if t.tag in ("VV(FIN)", "VA(FIN)", "VM(FIN)")), None)
    d = next((k for k, t in enumerate(head) if t.text.lower() == "dann" and t.tag in ("ADV", "PAV")), None)
    if v is None or v == 0 or d is None or d <= v or any(t.tag in ("KOUS", "PRELS", "PWAV") or t.text in (
            ":", ";", "(", ")", "–", "-") for t in head):
        return None
    focus = head[d - 1].text.lower() if d - 1 > v else ""
    if focus in _TIME_FOCUS:
        return None
    if focus not in _CORRELATE_FOCUS:
        focus = ""
    start = d - 1 if focus else d
    end = body_end(toks, (".", "!"))
    infinitive: list[Tok] = []
    stop = next((k for k in range(c + 2, end) if toks[k].text in _BOUNDARY), end)
    if stop < end:
        if zu_tail(toks, stop) is None:
            return None
        infinitive = toks[stop:end]
    body = as_clause(toks[c + 2:stop])
    if not body or not is_verb(body[-1]):
        return None
    clause = to_main_clause(body, [Tok(data["lead"], True)])
    if not clause:
        return None
    first = head[0]
    vorfeld = [Tok(decapitalize(first.text, first.tag in ("NN", "NE") or first.text[:2].isupper()), first.space,
                   first.tag, first.lemma)] + head[1:v]
    main = [Tok(_CORRELATE_FOCUS[focus], True), head[v]] + vorfeld + head[v + 1:start] + head[d + 1:]
    return [end_sentence(join(clause + infinitive)), end_sentence(join(main))]


_DEGREE = {"so", "genauso", "ebenso", "gleich", "anders", "nicht"}


def _manner(toks: list[Tok], ctx) -> list[str] | None:
    """'A gilt, (so) wie es das Gesetz vorsieht.' → 'A gilt.' + 'So sieht es das Gesetz vor.': a wie-clause with
    "es" at the end that names the rule or plan A follows (a verb from `manner.verbs`); not after a degree word
    in A ("nicht so schlimm, wie es aussieht" compares)."""
    end = body_end(toks, (".", "!"))
    for c in range(3, end - 4):
        k = c + 1 + (toks[c + 1].text.lower() == "so")
        if toks[c].text != "," or toks[k].text.lower() != "wie" or toks[k + 1].text.lower() != "es":
            continue
        head, body = toks[:c], as_clause(toks[k + 1:end])
        if any(t.text.lower() in _DEGREE or t.text in _BOUNDARY + ("„", "“", "”", "\"") for t in head[1:]) \
                or any(t.text in _BOUNDARY + ("„", "“", "”", "\"", "(", "–", "-") for t in body) \
                or not is_verb(body[-1]) or not any(t.tag.endswith("(FIN)") for t in head) \
                or not any(t.lemma in ctx.data["manner"]["verbs"] for t in body) \
                or any(t.text.lower() in ctx.data["negation"] for t in body):
            return None     # "spielen, wie es ihnen gefällt" is no rule to follow: "So gefällt es ihnen" misleads
        clause = to_main_clause(body, [Tok(ctx.data["manner"]["lead"], True)])
        return [end_sentence(join(head)), end_sentence(join(clause))] if clause else None
    return None


def _subject_clause(toks: list[Tok], ctx) -> list[str] | None:
    """'Dass X gilt, zeigt Y.' → 'X gilt.' + 'Das zeigt Y.': a leading dass-clause that is the subject or object
    of the main clause after it (the main clause opens with its finite verb); a ', … zu tun' inside the
    dass-clause stays with it."""
    if len(toks) < 6 or toks[0].text.lower() != "dass":
        return None
    c = next((k for k, t in enumerate(toks) if t.text == ","), None)
    if c is None or c < 3:
        return None
    m = c
    if not toks[c + 1].tag.endswith("(FIN)"):      # ", dies umzusetzen," before the main clause
        m = next((k for k in range(c + 1, len(toks) - 2) if toks[k].text == ","), None)
        if m is None or not toks[m + 1].tag.endswith("(FIN)") or zu_tail(toks[:m] + [Tok(".")], c) is None:
            return None
    if not toks[m + 1].tag.endswith("(FIN)") or any(t.text in ("„", "“", "”", "\"") for t in toks):
        return None
    body = as_clause(toks[1:c])
    if not is_verb(body[-1]):
        return None
    clause = to_main_clause(body)
    if not clause:
        return None
    main = [Tok(ctx.data["subject_clause"], True)] + toks[m + 1:]
    return [end_sentence(capitalize(join(clause + toks[c:m]))), end_sentence(join(main))]


def apply(sentence: str, ctx) -> list[str] | None:
    if word_count(sentence, ctx.lang) <= ctx.split_above:
        return None
    toks = parse(sentence, ctx.lang)
    if ctx.lang == "de":
        return _purpose(toks, ctx) or _leading_damit(toks, ctx) or _leading(toks, ctx) or _condition(toks, ctx) \
            or _whoever(toks, ctx) \
            or _subject_clause(toks, ctx) \
            or _announced_condition(toks, ctx) or _manner(toks, ctx) or _trailing(toks, ctx)
    return _trailing(toks, ctx) or _bare_including(toks, ctx) or _such_as(toks, ctx) or _so_that(toks, ctx) \
        or _to_include(toks, ctx)


_FINITE_EN = ("VBZ", "VBD", "VBB", "VHZ", "VHD", "VHB", "VDZ", "VDD", "VDB", "VM0", "VVZ", "VVD", "VVB")


def _bare_including(toks: list[Tok], ctx) -> list[str] | None:
    """English: '… through its own resources including better use of its land and grant funding.' → '… through
    its own resources.' + 'This includes better use of its land and grant funding.': "including" right after a
    noun, without a comma, and after it to the end of the sentence a list of noun phrases only (no verb of a
    clause; an infinitive only after a noun: "land to build homes")."""
    k = next((k for k in range(5, len(toks) - 2) if toks[k].text.lower() == "including"
              and toks[k - 1].tag in ("NN1", "NN2", "NN0")), None)
    end = body_end(toks, (".", "!"))
    if k is None or end == len(toks) or any(t.text in _STOPS for t in toks):
        return None
    tail = toks[k + 1:end]
    to = {j for j, t in enumerate(tail) if t.tag == "TO0" and j and tail[j - 1].tag.startswith("NN")}
    if any(t.tag in _NOT_IN_LIST and j not in to and j - 1 not in to or t.text == "," and not _item_after(tail, j)
           for j, t in enumerate(tail)):
        return None
    head = toks[:k]
    if not any(t.tag in _FINITE_EN for t in head) or word_count(join(tail), "en") < 3:
        return None
    return [end_sentence(join(head)), end_sentence(join([Tok(ctx.data["subordinate"]["including"], True)] + tail))]


def _item_after(toks: list[Tok], k: int) -> bool:
    """After the comma at `k` the next item of a list of noun phrases starts (not a preposition or an adverb:
    "…, from next Monday")."""
    nxt = toks[k + 1] if k + 1 < len(toks) else None
    return nxt is not None and (nxt.tag not in ("PRP", "PRF", "AV0", "CJC") or nxt.text.lower() in ("and", "or"))


# the words of a list of examples after "such as": noun phrases ("wind farms and solar panels", "the Queen's cedar")
_EXAMPLE_TAGS = ("AT0", "AJ0", "AJC", "AJS", "NN1", "NN2", "NN0", "NP0", "CRD", "DPS", "CJC", "PRF", "POS")
_MODIFIER_TAGS = ("AJ0", "AJC", "AJS", "NN1", "NN0")


def _such_as(toks: list[Tok], ctx) -> list[str] | None:
    """English: '… uses energy from renewable sources such as wind farms and solar panels.' → '… uses energy from
    renewable sources.' + 'These include wind farms and solar panels.': "such as" at the end after a plural noun
    that its own modifier already narrows ("renewable sources", "heavy vehicles"): a bare "vehicles such as lorries"
    means lorries-like vehicles, and "The ban covers vehicles." would say more than the original. After "such as"
    only a list of noun phrases to the end (no verb, no preposition but "of", no time: "… oaks next spring" is
    when the main clause happens); a main clause with a finite verb and no negation before it."""
    k = next((k for k in range(4, len(toks) - 3) if toks[k].text.lower() == "such"
              and toks[k + 1].text.lower() == "as"), None)
    end = body_end(toks, (".", "!"))
    if k is None or end == len(toks) or any(t.text in _STOPS for t in toks):
        return None
    n = k - 1 if toks[k - 1].text != "," else k - 2
    if toks[n].tag != "NN2" or toks[n - 1].tag not in _MODIFIER_TAGS:
        return None
    tail = toks[k + 2:end]
    times = {*ctx.data["meeting_times"], *ctx.data["example_times"]}
    if not tail or any(t.tag not in _EXAMPLE_TAGS and not (t.text == "," and _item_after(tail, j))
                       or t.text.lower() in times for j, t in enumerate(tail)):
        return None
    head = toks[:n + 1]
    negation = set(ctx.data["negation"])
    if not any(t.tag in _FINITE_EN for t in head) or any(t.text.lower() in negation for t in head) \
            or word_count(join(head), "en") < 6:
        return None
    return [end_sentence(join(head)), end_sentence(join([Tok(ctx.data["such_as"], True)] + tail))]


_SO_SUBJECT = ("AT0", "DPS", "PNP", "NN0", "NN1", "NN2", "NP0")


def _so_that(toks: list[Tok], ctx) -> list[str] | None:
    """English: '…, so that people in rural villages can get to work.' → '….' + 'This is so that people in rural
    villages can get to work.' (a purpose: no fragment 'So that …'); a bare 'so' before a subject and 'can'
    ('… training for staff so the climate emergency can be prioritised …') → '….' + 'So the climate emergency
    can be prioritised …', the author's own word. After 'so (that)' a subject, its finite verb within five
    words and one clause to the end: no comma, no negation ('… closed early so visitors cannot buy tickets' is
    a result); not 'so far', 'so many', 'so important', 'and so'."""
    end = body_end(toks, (".", "!"))
    negation = set(ctx.data["negation"])
    for k in range(4, end - 4):
        if toks[k].text.lower() != "so" or toks[k - 1].tag == "CJC":
            continue
        that = toks[k + 1].text.lower() == "that"
        s = k + 2 if that else k + 1
        v = next((j for j in range(s + 1, min(s + 6, end)) if toks[j].tag in _FINITE_EN), None)
        if v is None or toks[s].tag not in _SO_SUBJECT + (("DT0",) if that else ()) \
                or any(t.tag in ("PNQ", "DTQ", "CJS", "CJT") or t.text in _STOPS for t in toks[s:v]):
            continue
        if not that and toks[v].text.lower() != "can":
            continue
        tail = toks[s:end]
        head = toks[:k - 1] if toks[k - 1].text == "," else toks[:k]
        if any(t.text in _STOPS + (",",) or t.text.lower() in negation or t.text.lower() == "cannot" for t in tail) \
                or any(t.text in _STOPS for t in head):
            return None
        if word_count(join(head), "en") < 5 or word_count(join(tail), "en") < 4:
            return None
        lead = ctx.data["so_that"] if that else "So"
        return [end_sentence(join(head)), end_sentence(join([Tok(lead, True)] + tail))]
    return None


def _to_include(toks: list[Tok], ctx) -> list[str] | None:
    """English: an item of works without a verb ('Improving community facilities, to include lighting and new
    ramps at the centre.') → 'Improving community facilities.' + 'This will include lighting and new ramps at the
    centre.': ', to include' at the end says what the works are to hold, as ', including' says what a thing holds. After a clause it may
    say what for ('The council has changed its rules, to include more people in decisions'): it stays. After it
    only a list of noun phrases to the end."""
    end = body_end(toks, (".", "!"))
    k = next((k for k in range(4, end - 3) if toks[k].text == "," and toks[k + 1].text.lower() == "to"
              and toks[k + 2].text.lower() == "include"), None)
    if k is None:
        return None
    tail, head = toks[k + 3:end], toks[:k]
    if any(t.tag in _NOT_IN_LIST or t.text in _STOPS for t in tail) \
            or any(t.text in _STOPS or t.tag in _FINITE_EN for t in head) \
            or word_count(join(tail), "en") < 2 or word_count(join(head), "en") < 4:
        return None
    return [end_sentence(join(head)), end_sentence(join([Tok(ctx.data["to_include"], True)] + tail))]
