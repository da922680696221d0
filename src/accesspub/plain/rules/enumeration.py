"""A list of activities after "include" becomes one line each: "This includes helping X, preventing Y and
launching Z." → "This includes:" + "Helping X." + "Preventing Y." + "Launching Z." (a noun phrase may come first
after a finite "include": "The work has included a new roof and replacing the windows." → "The work has
included:" + "A new roof." + "Replacing the windows."; three -ing items after "for" too: "a plan for:" + …);
a list of three or more items set off by semicolons after ", including" (or "- including") too: "The plan sets
out new rules, including a ban on X; a limit on Y; and more checks." → "The plan sets out new rules." + "This
includes:" + "A ban on X." + "A limit on Y." + "More checks."."""

from __future__ import annotations

from ..text import Tok, body_end, capitalize, end_sentence, join, pieces, word_count

NAME, KIND, LANGS = "enumeration", "split", ("en",)
_LEADS = {"include", "includes", "included", "including"}
_SEAMS = (",", "-", "–", "—")
_FINITE = ("VBZ", "VBD", "VBB", "VHZ", "VHD", "VHB", "VDZ", "VDD", "VDB", "VM0", "VVZ", "VVD", "VVB")


def _items(toks: list[Tok], least: int = 2) -> list[list[Tok]] | None:
    """The items of 'VVG …, VVG … and VVG …' (each opening with an -ing form, at least `least` of them), None if
    it is no such list."""
    items, current = [], []
    k = 0
    while k < len(toks):
        t = toks[k]
        nxt = toks[k + 1] if k + 1 < len(toks) else None
        if t.text == "," and nxt is not None and nxt.text.lower() == "and":
            k += 1
            t, nxt = toks[k], toks[k + 1] if k + 1 < len(toks) else None
        if t.text in (",", "and") and nxt is not None and nxt.tag == "VVG" and current:
            items.append(current)
            current = []
        elif t.text in (";", ":", "(", ")", "“", "”", "\""):
            return None
        else:
            current.append(t)
        k += 1
    if current:
        items.append(current)
    if len(items) < least or any(i[0].tag != "VVG" or word_count(join(i), "en") < 3 for i in items):
        return None
    return items


def _semicolon_list(toks: list[Tok], end: int, ctx) -> list[str] | None:
    """'…, including A; B; and C.' → '….' + 'This includes:' + 'A.' + 'B.' + 'C.'; None when an item opens a
    clause of its own ("…; work starts in May")."""
    k = next((k for k in range(2, end - 1) if toks[k].text.lower() == "including" and toks[k - 1].text in _SEAMS),
             None)
    if k is None or any(t.text in (";", ":", "“", "”", "\"") for t in toks[:k]):
        return None
    items = pieces(toks[k + 1:end], ";")
    if len(items) < 3:
        return None
    last = items[-1]
    if last and last[0].text.lower() in ("and", "or"):
        items[-1] = last[1:]
    for item in items:
        if word_count(join(item), "en") < 2 or any(t.text in (":", "“", "”", "\"", "(", ")") for t in item) \
                or any(t.text.lower() in ("and", "or") for t in item[:1]) \
                or item[0].tag != "VVG" and any(t.tag in _FINITE for t in item[:5]):
            return None
    head = toks[:k - 1]
    if not any(t.tag in _FINITE for t in head) or word_count(join(head), "en") < 5:
        return None
    return [end_sentence(join(head)), f"{ctx.data['subordinate']['including']}:"] + \
        [end_sentence(capitalize(join(i))) for i in items]


def apply(sentence: str, ctx) -> list[str] | None:
    if word_count(sentence, "en") <= ctx.split_above:
        return None
    from ..grammar import parse
    toks = parse(sentence, "en")
    end = body_end(toks)
    found = _semicolon_list(toks, end, ctx)
    if found:
        return found
    for k, t in enumerate(toks[:end]):
        if t.text.lower() in _LEADS and k + 1 < end and toks[k + 1].tag == "VVG" and k >= 1:
            items = _items(toks[k + 1:end])
            if items is None:
                return None
            head = join(toks[:k + 1])
            return [head + ":"] + [end_sentence(capitalize(join(i))) for i in items]
        if t.text.lower() in _LEADS - {"including"} and k + 1 < end and toks[k + 1].tag in _NOUN_OPENERS \
                and any(x.tag in _FINITE for x in toks[:k]):
            items = _mixed_items(toks[k + 1:end])
            if items is not None:
                return [join(toks[:k + 1]) + ":"] + [end_sentence(capitalize(join(i))) for i in items]
    return _for_list(toks, end) or _list_subject(toks, end)


_NOUN_OPENERS = ("NN1", "NN2", "NN0", "AJ0", "AT0")


def _mixed_items(toks: list[Tok]) -> list[list[Tok]] | None:
    """The items of 'a noun phrase and VVG …' after a finite "include" ("This has included a new nursery on the
    common, in partnership with X, and securing funding …"): the noun phrase first, then -ing items as in
    `_items`, the last one after "and"; the noun phrase holds no -ing form (in "a fund for repairing roofs and
    fixing windows" the second -ing form belongs to the first) and no comma but one before a preposition (a
    phrase set off inside it, not another noun of a list). Without a comma before "and" the -ing form must be
    followed by a determiner ("and replacing all the windows"): in "a session on first aid and cooking skills"
    the -ing form may belong to the noun phrase."""
    seam = next((k for k in range(1, len(toks) - 2) if toks[k].text.lower() == "and" and toks[k + 1].tag == "VVG"),
                None)
    if seam is None or toks[seam - 1].text != "," and toks[seam + 2].tag not in ("AT0", "DT0", "DPS", "CRD"):
        return None
    first = toks[:seam - 1] if toks[seam - 1].text == "," else toks[:seam]
    if word_count(join(first), "en") < 3 or any(
            t.tag == "VVG" or t.text in (";", ":", "(", ")", "“", "”", "\"")
            or t.text == "," and first[k + 1].tag not in ("PRP", "PRF") for k, t in enumerate(first)):
        return None
    rest = _items(toks[seam + 1:], least=1)
    return [first] + rest if rest is not None else None


def _bare(item: list[Tok], j: int) -> bool:
    """A base form after "help", "let" or "make" and their object ("helping people stay"): no finite verb."""
    return item[j].tag == "VVB" and any(t.lemma.lower() in ("help", "let", "make") and t.tag.startswith("VV")
                                        for t in item[max(0, j - 4):j])


def _for_list(toks: list[Tok], end: int) -> list[str] | None:
    """'The council has agreed a plan for repairing X, building Y and planting Z.' → '… a plan for:' + 'Repairing
    X.' + 'Building Y.' + 'Planting Z.': three or more -ing items after "for" and a noun or an adjective, the
    list to the end of the sentence, no comma inside an item (a comma before another verb would end the list)."""
    for k in range(3, end - 1):
        if toks[k].text.lower() != "for" or toks[k + 1].tag != "VVG" \
                or toks[k - 1].tag not in ("NN1", "NN2", "NN0", "AJ0"):
            continue
        items = _items(toks[k + 1:end])
        if items is None or len(items) < 3 or any(t.text == "," or t.tag in _FINITE and not _bare(i, j)
                                                  for i in items for j, t in enumerate(i)):
            return None
        head = toks[:k + 1]
        if not any(t.tag in _FINITE for t in head) or any(t.text in (",", ";", ":", "“", "”", "\"") for t in head):
            return None
        return [join(head) + ":"] + [end_sentence(capitalize(join(i))) for i in items]
    return None


_RANKS = (("some", "of"), ("among",))


def _list_subject(toks: list[Tok], end: int) -> list[str] | None:
    """'A, B, and C are some of the highlights of the fair.' → 'Some of the highlights of the fair are:' + 'A.' +
    'B.' + 'C.': a list of three or more items opens the sentence, "are some of" or "are among" follows it. The
    last item starts after ", and" (or after the one "and" of the last part when it opens like the first item);
    no item is a name alone (a name may have an apposition after it: "Jo Li, the chair, and …")."""
    a = next((k for k, t in enumerate(toks[:end]) if t.tag in _FINITE), None)
    if a is None or a < 5 or toks[a].text.lower() != "are" or toks[0].text in ("“", "\""):
        return None
    rank = next((r for r in _RANKS if [t.text.lower() for t in toks[a + 1:a + 1 + len(r)]] == list(r)), None)
    if rank is None or any(t.text in (";", ":", "(", ")", "“", "”", "\"", "-", "–", "—") for t in toks[:end]):
        return None
    parts = pieces(toks[:a], ",")
    if parts[-1] and parts[-1][0].text.lower() == "and":
        parts[-1] = parts[-1][1:]
    else:
        ands = [k for k, t in enumerate(parts[-1]) if t.text.lower() == "and"]
        if len(ands) != 1 or ands[0] + 1 >= len(parts[-1]) or parts[-1][ands[0] + 1].tag != parts[0][0].tag:
            return None
        parts[-1:] = [parts[-1][:ands[0]], parts[-1][ands[0] + 1:]]
    if len(parts) < 3 or any(not p or any(t.text.lower() in ("and", "or") for t in p[:1]) for p in parts) \
            or any(all(t.text[:1].isupper() for t in p if t.is_word) for p in parts) \
            or any(t.tag in _FINITE or t.tag in ("CJS", "CJT", "PNQ", "DTQ") for p in parts for t in p):
        return None
    rest = toks[a + 1:end]
    if not any(t.tag in ("NN1", "NN2", "NN0") for t in rest) or any(t.tag in _FINITE for t in rest):
        return None
    head = capitalize(join(rest)) + " " + toks[a].text + ":"
    return [head] + [end_sentence(capitalize(join(p))) for p in parts]
