"""Written text → speakable text: dates, times, amounts, ranges, ordinals, abbreviations and symbols in words.

Every language's forms live in `data/normalise_<lang>.yaml` (months in `data/<lang>.yaml`); the code only
knows the shapes (a day before a month, a currency around a number). Number words come from num2words.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from functools import lru_cache

from num2words import num2words

from .lexicon import lexicon
from .registry import language_for
from ..shipped import shipped_yaml

_DASH = "–—‑−"
# top-level domains an address in running text ends in (a bare "word.word" is not taken for an address)
_TLDS = ("de", "com", "org", "net", "eu", "info", "uk", "gov", "at", "ch", "io", "edu", "int", "fr", "nl", "it",
         "es", "be", "lu", "dk", "pl", "cz", "hessen", "bayern", "berlin", "hamburg", "nrw", "koeln", "online",
         "app", "dev", "museum", "bund")
_SPACES = re.compile(r"[\u00a0\u2009\u202f\u2007]")


@dataclass(frozen=True)
class Rules:
    """One language's normalisation data with the patterns built from it."""

    lang: str
    data: dict
    number: str                 # a written number: integer part, optional decimal part
    months: dict[str, int]
    month_names: list[str]
    date: re.Pattern
    date_month_first: re.Pattern | None
    numeric_date: re.Pattern | None
    time: re.Pattern
    amount: re.Pattern
    unit: re.Pattern
    range: re.Pattern
    ordinal: re.Pattern
    abbreviations: re.Pattern
    symbols: re.Pattern
    phone: re.Pattern
    address: re.Pattern
    any_number: re.Pattern


def _alternation(words) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


@lru_cache(maxsize=None)
def rules(lang: str) -> Rules:
    """The compiled rules of a language that has normalisation data (`Language.normalise`)."""
    data = shipped_yaml("accesspub.language", "data", f"normalise_{lang}.yaml")
    lex = lexicon(lang)
    months = {name: i + 1 for i, name in enumerate(lex["months"])}
    months.update({k: int(v) for k, v in lex.get("month_aliases", {}).items()})
    month = f"(?P<month>{_alternation(months)})(?!\\w)"
    dec, thou = re.escape(data["decimal"]), re.escape(data["thousands"])
    number = rf"\d{{1,3}}(?:{thou}\d{{3}})+(?:{dec}\d+)?|\d+(?:{dec}\d+)?"
    suffixed = data["ordinal_style"] == "suffix"      # "27th" (en) or "27." (de)
    ord_suffix = r"(?:st|nd|rd|th)?" if suffixed else r"\."
    dash = f"[{_DASH}-]"
    rng = rf"\s*(?:{dash}|{re.escape(data['range_word'])}\s)\s*"
    if suffixed:
        date = re.compile(rf"\b(?P<day>\d{{1,2}}){ord_suffix}(?:{rng}(?P<day2>\d{{1,2}}){ord_suffix})?"
                          rf"\s+(?:of\s+)?{month}(?:,?\s+(?P<year>\d{{4}})\b)?")
        month_first = re.compile(rf"{month}\s+(?P<day>\d{{1,2}}){ord_suffix}\b(?:,?\s+(?P<year>\d{{4}})\b)?")
        numeric = None
    else:
        date = re.compile(rf"\b(?P<day>\d{{1,2}})\.(?:{rng}(?P<day2>\d{{1,2}})\.)?\s*{month}"
                          rf"(?:\s+(?P<year>\d{{4}})\b)?")
        month_first = None
        numeric = re.compile(r"\b(?P<day>\d{1,2})\.(?P<mon>\d{1,2})\.(?P<year>\d{4}|\d{2})?(?!\d)")
    t = data["time"]
    suffixes = [w for w in (t.get("word"),) if w]
    if "am" in t:
        suffixes += ["a.m.", "p.m.", "am", "pm", "AM", "PM", "a. m.", "p. m."]
    clock = r"(?P<h{n}>\d{{1,2}})(?:(?P<sep{n}>[:.])(?P<m{n}>\d{{2}}))?"
    time = re.compile(rf"\b{clock.format(n=1)}(?:{rng}{clock.format(n=2)})?"
                      rf"(?:\s*(?P<suffix>{_alternation(suffixes)})(?!\w))?")
    currencies = data["currencies"]
    scales = data["scales"]
    short = [s for s in scales if len(s) <= 2 and s.islower()]
    long_ = [s for s in scales if s not in short]
    cur = _alternation(currencies)
    scale = rf"(?:(?P<short>{_alternation(short)})\b|\s*(?P<scale>{_alternation(long_)})(?!\w))" if short \
        else rf"\s*(?P<scale>{_alternation(long_)})(?!\w)"
    amount = re.compile(rf"(?:(?P<pre>{cur})\s*)?(?<![\d.,])(?P<num>{number})(?![\d])(?:{scale})?"
                        rf"(?:\s*(?P<post>{cur})(?!\w))?")
    abbreviations = data.get("abbreviations", {})
    symbols = data.get("symbols", {})
    units = data.get("units", {})
    spaced = [u for u in units if u in short]
    unit_alt = "|".join(filter(None, [
        rf"\s+(?P<spaced>{_alternation(spaced)})" if spaced else "",
        rf"\s*(?P<unit>{_alternation([u for u in units if u not in spaced])})" if units else ""])) or "(?!x)x"
    return Rules(
        lang=lang, data=data, number=number, months=months, month_names=list(lex["months"]),
        date=date, date_month_first=month_first, numeric_date=numeric, time=time, amount=amount,
        unit=re.compile(rf"(?<![\d.,])(?P<num>{number})(?:{unit_alt})(?![\w²³])"),
        range=re.compile(rf"(?<![\d.,])(?P<a>{number})\s*{dash}\s*(?P<b>{number})(?![\d])"),
        ordinal=re.compile(r"(?<![\d.,])(?P<n>\d{1,3})(?:st|nd|rd|th)\b" if suffixed
                           else r"(?<![\d.,])(?P<n>\d{1,3})\.(?=\s+[^\W\d_])"),
        abbreviations=re.compile(rf"(?<!\w)(?:{_alternation(abbreviations)})(?!\w)") if abbreviations
        else re.compile(r"(?!x)x"),
        symbols=re.compile(rf"\s*(?:§§|§|%|{_alternation(symbols)})\s*" if symbols else r"\s*(?:§§|§|%)\s*"),
        phone=re.compile(r"(?P<label>\b(?:Tel|Telefon|Fax|Mobil|Phone|Mobile)\b\.?:?\s*)"
                         r"(?P<digits>\+?\d[\d /()\-–]{4,}\d)"),
        address=re.compile(r"(?:https?://)?(?:[\w.+-]+@)?(?:[\w-]+\.)+(?:" + _alternation(_TLDS) + r")(?![\w-])"
                           r"(?:/(?:[\w./?=&%#~+-]*[\w/=&%#~+-])?)?"),
        any_number=re.compile(rf"(?<![\d])(?:{number})"),
    )


def _value(written: str, r: Rules) -> Decimal:
    text = written.replace(r.data["thousands"], "") if re.search(
        rf"\d{re.escape(r.data['thousands'])}\d{{3}}(?!\d)", written) else written
    return Decimal(text.replace(r.data["decimal"], "."))


def _say(number, r: Rules, **kwargs) -> str:
    """num2words without the commas it puts into English ("one thousand, five hundred")."""
    return num2words(number, lang=r.lang, **kwargs).replace(",", "")


def _cardinal(value: Decimal | int, r: Rules, gender: str | None = None) -> str:
    value = Decimal(value)
    if value == 1 and gender:
        return r.data["one"][gender]
    if value == value.to_integral_value():
        return _say(int(value), r)
    return _say(value.normalize(), r)


def _words(written: str, r: Rules, gender: str | None = None) -> str:
    try:
        return _cardinal(_value(written, r), r, gender)
    except (InvalidOperation, OverflowError, NotImplementedError):
        return written


def _ordinal(n: int, r: Rules, before: str = "") -> str:
    word = _say(n, r, to="ordinal")
    bare = before.split()[-1:] and before.split()[-1] in r.data["ordinal_bare_after"]
    return word if bare else word + r.data["ordinal_suffix"]


def _year(n: int, r: Rules) -> str:
    return _say(n, r, to="year") if 1100 <= n <= 2099 else _say(n, r)


def _sub(pattern: re.Pattern, text: str, fn) -> str:
    """re.sub where the replacement also sees the text before the match."""
    out, pos = [], 0
    for m in pattern.finditer(text):
        out.append(text[pos:m.start()])
        out.append(fn(m, "".join(out)))
        pos = m.end()
    out.append(text[pos:])
    return "".join(out)


def _date_words(m: re.Match, r: Rules, before: str, month: int, template_key: str) -> str:
    day = _ordinal(int(m["day"]), r, before)
    if m.groupdict().get("day2"):
        day += f" {r.data['range_word']} " + _ordinal(int(m["day2"]), r)
    year = m.groupdict().get("year")
    if year and len(year) == 2:
        year = str(2000 + int(year))
    key = template_key if year else template_key + "_no_year"
    return r.data[key].format(day=day, month=r.month_names[month - 1], year=_year(int(year), r) if year else "")


def spoken_date(date, lang: str) -> str:
    """A dateline's date in words, its day standing alone: "zweiter Juni zweitausendfünfundzwanzig"."""
    r = rules(lang)
    day = _say(date.day, r, to="ordinal") + r.data["speech"]["dateline_ordinal_suffix"]
    return r.data["date"].format(day=day, month=r.month_names[date.month - 1], year=_year(date.year, r))


def _dates(text: str, r: Rules) -> str:
    def named(m, before):
        if not 1 <= int(m["day"]) <= 31:
            return m[0]
        return _date_words(m, r, before, r.months[m["month"]], "date")

    text = _sub(r.date, text, named)
    if r.date_month_first is not None:
        text = _sub(r.date_month_first, text, lambda m, b: _date_words(m, r, b, r.months[m["month"]],
                                                                     "date_month_first"))
    if r.numeric_date is not None:
        def numeric(m, before):
            if not (1 <= int(m["day"]) <= 31 and 1 <= int(m["mon"]) <= 12):
                return m[0]
            return _date_words(m, r, before, int(m["mon"]), "date")
        text = _sub(r.numeric_date, text, numeric)
    return text


def _clock(h: str, m: str | None, r: Rules, with_word: bool, suffix: str = "") -> str:
    """A clock time in words: "vierzehn Uhr dreißig", "two thirty p m", "fourteen hundred"."""
    t = r.data["time"]
    hour, minute = _say(int(h), r), int(m) if m else 0
    words = _say(minute, r) if minute else ""
    if minute and minute < 10 and t.get("minute_zero_prefix"):
        words = f"{t['minute_zero_prefix']} {words}"
    if suffix:
        return " ".join(w for w in (hour, words, suffix) if w)
    if not minute:
        whole = t["whole_24"] if int(h) > 12 and "whole_24" in t else t["whole"]
        return whole.format(hour=hour) if with_word else hour
    return t["full"].format(hour=hour, minute=words)


def _times(text: str, r: Rules) -> str:
    t = r.data["time"]

    def spoken(m, before):
        suffix = m["suffix"]
        explicit = bool(suffix) or (m["sep1"] == ":" and (not m["h2"] or m["sep2"] == ":"))
        hours = [int(h) for h in (m["h1"], m["h2"]) if h]
        minutes = [int(x) for x in (m["m1"], m["m2"]) if x]
        if not explicit or any(h > 24 for h in hours) or any(x > 59 for x in minutes):
            return m[0]
        ampm = ""
        if suffix and suffix[0].lower() in "ap" and "am" in t:
            ampm = t["am"] if suffix[0].lower() == "a" else t["pm"]
        if not m["h2"]:
            return _clock(m["h1"], m["m1"], r, True, ampm)
        if not m["m1"] and not m["m2"] and (suffix or r.data["bare_hour_ranges"]):
            last = _clock(m["h2"], None, r, bool(suffix), ampm)
            return f"{_say(int(m['h1']), r)} {r.data['range_word']} {last}"
        return f"{_clock(m['h1'], m['m1'], r, True)} {r.data['range_word']} {_clock(m['h2'], m['m2'], r, True, ampm)}"

    return _sub(r.time, text, spoken)


def _amounts(text: str, r: Rules) -> str:
    currencies, scales = r.data["currencies"], r.data["scales"]

    def spoken(m, before):
        cur_key = m["pre"] or m["post"]
        scale_key = m["scale"] or m.groupdict().get("short")
        if not cur_key and not scale_key:
            return m[0]
        value = _value(m["num"], r)
        parts = []
        if scale_key:
            single, plural, gender = scales[scale_key]
            parts.append(_cardinal(value, r, gender))
            parts.append(single if value == 1 else plural)
            if cur_key:
                parts.append(currencies[cur_key][1])
        else:
            single, plural, gender, minor = currencies[cur_key]
            whole = int(value)
            cents = int((value - whole) * 100)
            parts.append(_cardinal(whole, r, gender))
            parts.append(single if whole == 1 else plural)
            if cents:
                parts.append(_say(cents, r))
        return " ".join(parts) + (" " if m[0].endswith(" ") else "")

    return _sub(r.amount, text, spoken)


def _keep_full_stop(m: re.Match, text: str, said: str) -> str:
    """A written form ending in "." that also ends the sentence keeps the sentence's full stop."""
    return said + "." if m[0].endswith(".") and not text[m.end():].strip() else said


def _units(text: str, r: Rules) -> str:
    """A number with a unit: "200 l" → "zweihundert Liter", "1 Min." → "eine Minute"."""
    units = r.data.get("units", {})

    def spoken(m, before):
        single, plural, gender = units[m["unit"] or m["spaced"]]
        value = _value(m["num"], r)
        return _keep_full_stop(m, text, f"{_cardinal(value, r, gender)} {single if value == 1 else plural}")
    return _sub(r.unit, text, spoken)


def _weekdays(text: str, r: Rules) -> str:
    """"Mo.–Fr." → "Montag bis Freitag"; "Mi., 4.6." → "Mittwoch, 4.6."; a lone "Fr." is left alone."""
    days = r.data.get("weekdays_short") or {}
    if not days:
        return text
    day = "(?:" + _alternation(days) + ")"
    dash = f"[{_DASH}-]"
    text = re.sub(rf"(?<!\w)({day})\s*{dash}\s*({day})(?!\w)",
                  lambda m: f"{days[m[1]]} {r.data['range_word']} {days[m[2]]}", text)
    return re.sub(rf"(?<!\w)({day})(?=,?\s*\d)", lambda m: days[m[1]], text)


def _ranges(text: str, r: Rules) -> str:
    def spoken(m, before):
        a, b = m["a"], m["b"]
        if re.fullmatch(r"\d{4}", a) and re.fullmatch(r"\d{4}", b):
            return f"{_year(int(a), r)} {r.data['range_word']} {_year(int(b), r)}"
        return f"{a} {r.data['range_word']} {b}"
    return _sub(r.range, text, spoken)


def _ordinals(text: str, r: Rules) -> str:
    return _sub(r.ordinal, text, lambda m, before: _ordinal(int(m["n"]), r, before))


def _abbreviations(text: str, r: Rules) -> str:
    table = r.data.get("abbreviations", {})
    return r.abbreviations.sub(lambda m: _keep_full_stop(m, text, table[m[0]]), text)


def _symbols(text: str, r: Rules) -> str:
    table = dict(r.data.get("symbols", {}))
    singular, plural = r.data["paragraph"]
    table.update({"§§": plural, "§": singular, "%": r.data["percent"]})
    return r.symbols.sub(lambda m: f" {table[m[0].strip()]} ", text)


def _phones(text: str, r: Rules) -> str:
    """Telephone numbers digit by digit, groups separated by a pause: "null sechs eins eins, drei zwei …"."""
    digits = {str(d): _say(d, r) for d in range(10)}
    plus = r.data.get("symbols", {}).get("+", "+")

    def spoken(m, before):
        groups = [g for g in re.split(r"[ /()\-–]+", m["digits"]) if g]
        said = [(f"{plus} " if g.startswith("+") else "") + " ".join(digits[c] for c in g.lstrip("+")) for g in groups]
        return m["label"] + ", ".join(said)
    return _sub(r.phone, text, spoken)


def _addresses(text: str, r: Rules) -> str:
    """Web and e-mail addresses as people say them: no "https://" or "www.", "presse ät example Punkt org"."""
    sp = r.data["speech"]
    said = {"@": sp["at"], ".": sp["dot"], "/": sp["slash"], "-": sp["hyphen"], "_": sp["underscore"]}

    def spoken(m, before):
        address = re.sub(r"^(?:https?://)?(?:www\.)?", "", m[0]).rstrip("/")
        return re.sub(r"[@./_-]", lambda c: f" {said[c[0]]} ", address)
    return _sub(r.address, text, spoken)


def _numbers(text: str, r: Rules) -> str:
    def spoken(m, before):
        written = m[0]
        if re.fullmatch(r"\d{4}", written):
            return _year(int(written), r)
        return _words(written, r)
    text = re.sub(r"(?<=[^\W\d_])(?=\d)|(?<=\d)(?=[^\W\d_])", " ", text)
    return r.any_number.sub(lambda m: spoken(m, ""), text)


def _dashes(text: str) -> str:
    """A dash or middle dot between words is a pause: "Pressestelle · Telefon …" → "Pressestelle, Telefon …"."""
    text = re.sub(rf"\s+[{_DASH}·•|]\s+", ", ", text)
    return re.sub(r",\s*,", ",", text)


_STEPS = (_phones, _addresses, _weekdays, _dates, _times, _amounts, _units, _ranges, _ordinals, _abbreviations, _symbols, _numbers)


def normalise(text: str, lang: str) -> str:
    """The text as a speech engine should read it. A language without normalisation data gets only the
    language-neutral steps (spaces, dashes): its numbers and dates are left to the engine, never read with
    another language's words."""
    text = _SPACES.sub(" ", text)
    if not language_for(lang).normalise:
        return " ".join(re.sub(r"\s+([,.;:!?])", r"\1", _dashes(text)).split())
    r = rules(lang)
    for step in _STEPS:
        text = step(text, r)
    text = _dashes(text)
    text = re.sub(r"\s+([,.;:!?])", r"\1", text)
    return " ".join(text.split())
