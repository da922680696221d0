"""A speaker's role beside the name becomes a sentence of its own:
"„…“, sagt Eva Lang, Leiterin des Amtes." → "„…“, sagt Eva Lang." + "Eva Lang ist Leiterin des Amtes.";
"Jane Smith, Chair of the Committee, said:" → "Jane Smith is Chair of the Committee." + "Jane Smith said:";
"Eva Lang, Leiterin des Amtes: Wir …" → "Eva Lang ist Leiterin des Amtes." + "Eva Lang sagt: Wir …".
Only words after the last closing quotation mark are touched, so a quotation stays as written."""

from __future__ import annotations

from ..text import Tok, body_end, end_sentence, join

NAME, KIND, LANGS = "attribution", "split", ("de", "en")
_CLOSE = ("“", "”", "\"", "’", "»", "«")
_NAME_TAGS = {"de": ("NE",), "en": ("NP0",)}
_NOUN_TAGS = {"de": ("NN", "NE", "CARD"), "en": ("NN1", "NN2", "NN0", "NP0", "CRD")}
_ROLE_START = {"de": ("NN", "NE", "ART", "ADJ(A)"), "en": ("NN1", "NN2", "NN0", "NP0", "AT0", "AJ0", "ORD")}
_VERBISH = ("VV", "VA", "VM", "PTKVZ", "PTKZU", "KOUS", "PRELS", "VB", "VD", "VH", "VM0", "PNQ", "CJS", "CJT", "TO0")


def _says(tok: Tok, ctx) -> bool:
    if ctx.lang == "de":
        return tok.tag == "VV(FIN)" and tok.lemma in ctx.data["say_verbs"]
    return tok.text.lower() in ctx.data["say_verbs"]


def _name_end(toks: list[Tok], i: int, lang: str) -> int | None:
    """Index after a personal name of two to four capitalised words starting at `i` (the last one a name)."""
    k = i
    while k < len(toks) and k - i < 4 and toks[k].text[:1].isupper() and toks[k].text.replace("-", "").isalpha() \
            and toks[k].tag in _NAME_TAGS[lang] + ("NN", "NN1"):
        k += 1
    if k - i < 2 or toks[k - 1].tag not in _NAME_TAGS[lang]:
        return None
    return k


def _role(toks: list[Tok], lang: str) -> bool:
    """A noun phrase naming a role: starts with a noun (or article/adjective), no verb, no clause, no comma;
    ends with a noun or a name ("Sprecher des Bündnisses", not "… hinzu")."""
    words = [t for t in toks if t.is_word]
    if len(words) < 2 or toks[0].tag not in _ROLE_START[lang] or toks[0].text[:1].islower() and lang == "en":
        return False
    if any(t.text in (",", ";", ":", "(", ")", "„", "“", "”", "\"", "–", "-") or t.tag.startswith(_VERBISH)
           for t in toks):
        return False
    return words[-1].tag in _NOUN_TAGS[lang] or words[-1].text[:1].isupper()


def _offsets(sentence: str, toks: list[Tok]) -> list[int]:
    """Where each token starts in the sentence (so the author's text is cut, never re-joined)."""
    out, at = [], 0
    for t in toks:
        at = sentence.find(t.text, at)
        if at < 0:
            raise ValueError(f"token {t.text!r} not in sentence")
        out.append(at)
        at += len(t.text)
    return out


def _trailing(sentence: str, toks: list[Tok], ctx) -> list[str] | None:
    """'…“, sagt NAME, ROLE.' → '…“, sagt NAME.' + 'NAME ist ROLE.' (the quotation's last mark must be
    right before the comma or the verb: after an opening mark the rest is the quotation itself)."""
    marks = [k for k, t in enumerate(toks) if t.text in _CLOSE]
    start = 0
    if marks:
        start = marks[-1] + 1
        if start >= len(toks) or not (toks[start].text == "," or _says(toks[start], ctx)):
            return None
    end = body_end(toks, (".", "!", "?"))
    for v in range(start, end - 3):
        if not _says(toks[v], ctx):
            continue
        n = _name_end(toks, v + 1, ctx.lang)
        if n is None or n >= end or toks[n].text != ",":
            continue
        role = toks[n + 1:end]
        if not _role(role, ctx.lang):
            continue
        name = join(toks[v + 1:n])
        cut = _offsets(sentence, toks)[n]
        return [end_sentence(sentence[:cut]), end_sentence(f"{name} {ctx.data['is']} {join(role)}")]
    return None


def _leading(sentence: str, toks: list[Tok], ctx) -> list[str] | None:
    """'NAME, ROLE, said: …' → 'NAME is ROLE.' + 'NAME said: …'; 'NAME, ROLE: …' → 'NAME is ROLE.' + 'NAME: …'."""
    marks = [k for k, t in enumerate(toks) if t.text in _CLOSE + ("„",)]
    if marks and toks[marks[0] - 1].text != ":":
        return None     # a quotation may only open after the colon: the words before it are the author's
    n = _name_end(toks, 0, ctx.lang)
    if n is None or n >= len(toks) or toks[n].text != ",":
        return None
    for r in range(n + 2, min(len(toks), n + 20)):
        if toks[r].text == "," and r + 1 < len(toks) and _says(toks[r + 1], ctx) or toks[r].text == ":":
            role = toks[n + 1:r]
            if not _role(role, ctx.lang):
                return None
            name = join(toks[:n])
            at = _offsets(sentence, toks)
            # "NAME, ROLE: text" is what NAME says ("Eva Lang sagt: …")
            rest = sentence[at[r + 1]:] if toks[r].text == "," else f"{ctx.data['say']}{sentence[at[r]:]}"
            return [end_sentence(f"{name} {ctx.data['is']} {join(role)}"), sentence[:at[n]] + " " + rest]
        if toks[r].text in (",", ";") or toks[r].tag.startswith(_VERBISH):
            return None
    return None


def apply(sentence: str, ctx) -> list[str] | None:
    from ..grammar import parse
    toks = parse(sentence, ctx.lang)
    return _leading(sentence, toks, ctx) or _trailing(sentence, toks, ctx)
