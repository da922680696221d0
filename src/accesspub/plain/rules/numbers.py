"""Numbers as digits, amounts simplified: "knapp 9 Mio. €" → "fast 9 Millionen Euro", "zwei" → "2"."""

from __future__ import annotations

import re

from ...language.lexicon import lexicon

NAME, KIND, LANGS = "numbers", "rewrite", ("de", "en")
_DATE = re.compile(r"\b(\d{1,2})\.\s?(\d{1,2})\.\s?(\d{4})\b")
_BIG = re.compile(r"(?<![\d.,])(\d{1,3}(?:[.,\u202f ]\d{3}){2,3}|\d{7,12})(?![\d.,]\d)")
_NUM = r"\d+(?:[.,]\d+)?"


def _multiples(text: str, table: dict, lang: str) -> str:
    """'zehn tausend' / 'ten thousand' / '10 thousand' → '10.000' / '10,000'."""
    big = {w: v for w, v in table.items() if v in (100, 1000)}
    small = "|".join(re.escape(w) for w in table if table[w] < 100)
    sep = "." if lang == "de" else ","

    def swap(m):
        first = m[1]
        n = int(first) if first.isdigit() else table[first.lower()]
        return f"{n * big[m[2].lower()]:,}".replace(",", sep)
    return re.sub(rf"(?<![\w.,])(\d{{1,3}}|{small})\s+({'|'.join(big)})(?![\w-])", swap, text, flags=re.I)


def _words_to_digits(text: str, table: dict) -> str:
    def swap(m):
        word = m.group(0)
        return str(table[word.lower()]) if word.lower() in table and (word.islower() or m.start() == 0) else word
    pattern = r"(?<![\w-])(" + "|".join(re.escape(w) for w in sorted(table, key=len, reverse=True)) + r")(?![\w-])"
    return re.sub(pattern, swap, text, flags=re.I)


def _big(text: str, data: dict, lang: str) -> str:
    def swap(m):
        digits = re.sub(r"\D", "", m.group(1))
        value = int(digits)
        for size in sorted(data["big_numbers"], reverse=True):
            if value >= size and value % (size // 10) == 0:
                amount = value / size
                shown = f"{amount:g}".replace(".", "," if lang == "de" else ".")
                return f"{shown} {data['big_numbers'][size]}"
        return m.group(0)
    return _BIG.sub(swap, text)


_SHORT = re.compile(r"([£$€])\s?(\d+(?:[.,]\d+)?)\s?(k|m|bn)\b")
_SHORT_WORDS = {"en": {"k": "thousand", "m": "million", "bn": "billion"},
                "de": {"k": "Tausend", "m": "Millionen", "bn": "Milliarden"}}


def _short_amounts(text: str, data: dict, lang: str) -> str:
    """'£1.5m' → '1.5 million pounds', '£500k' → '500 thousand pounds' (before the currency rule reads '£1')."""
    words = _SHORT_WORDS.get(lang, _SHORT_WORDS["en"])
    return _SHORT.sub(lambda m: f"{m[2]} {words[m[3]]} {data['currencies'].get(m[1], m[1])}", text)


def apply(sentence: str, ctx) -> list[str] | None:
    data = ctx.data
    out = _short_amounts(sentence, data, ctx.lang)
    out = _multiples(out, data["numbers"], ctx.lang)
    out = _words_to_digits(out, {w: v for w, v in data["numbers"].items() if v not in (100, 1000)})
    months = lexicon(ctx.lang)["months"]
    if ctx.lang == "de":
        out = _DATE.sub(lambda m: f"{int(m[1])}. {months[int(m[2]) - 1]} {m[3]}" if 1 <= int(m[2]) <= 12
                        else m.group(0), out)
    out = _big(out, data, ctx.lang)
    for hedge, plain in data["approx"].items():
        out = re.sub(rf"(?<!\w){re.escape(hedge)}(?=\s+{_NUM})", lambda m: _case(plain, m.group(0)), out,
                     flags=re.I)
    for symbol, word in sorted(data["currencies"].items(), key=lambda kv: -len(kv[0])):
        s = re.escape(symbol)
        if symbol == "%":
            # "100% Tempelhofer Feld" is a name: a percent sign right before a capitalised place adjective stays
            s = r"%(?!\s+[A-ZÄÖÜ]\w+er\s+[A-ZÄÖÜ])"
        # "9 Millionen €" / "9 %" → number then word; "€ 5" / "$5" → "5 Euro"
        out = re.sub(rf"({_NUM}(?:\s+\w+en|\s+\w+ion)?)\s*{s}(?!\w)", rf"\1 {word}", out)
        out = re.sub(rf"(?<!\w){s}\s?({_NUM}(?:\s+(?:Millionen|Milliarden|million|billion))?)", rf"\1 {word}", out)
    if ctx.lang == "de":
        out = re.sub(r"(?<![\d,])\b1 (Million|Milliarde)en\b", r"1 \1", out)
        out = re.sub(r"(?<![\d,])\b1 Milliarden\b", "1 Milliarde", out)
    if ctx.lang == "en":
        out = _ATTRIBUTIVE.sub(lambda m: f"{m[1]}{m[2].replace(' ', '-')}-{m[3][:-1]} ", out)
    return [out] if out != sentence else None


# "a new 500,000 pounds pilot scheme" → "a new 500,000-pound pilot scheme": after "a", an amount before a noun
# describes it (not before a preposition: "a further 500 pounds in funding")
_ATTRIBUTIVE = re.compile(r"(\ban? (?:[a-z]+ ){0,2}?)(\d[\d,.]*(?: million| billion)?) (pounds|dollars|euros) "
                          r"(?!(?:of|in|for|to|from|on|at|by|with|per|each|and|or|a|an|the)\b)(?=[a-z])")


def _case(word: str, original: str) -> str:
    return word[0].upper() + word[1:] if original[:1].isupper() else word
