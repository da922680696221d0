"""Datelines: "Wiesbaden, 27. Oktober 2017", "London, 3 March 2025", "Berlin, 27.10.2017" → place + ISO date."""

from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache

from ..language.lexicon import LANGUAGES, lexicon

_NUMERIC = re.compile(r"^(\d{1,2})\.\s?(\d{1,2})\.\s?(\d{4})$")
_ISO = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")
_DAY_MONTH_YEAR = re.compile(r"^(\d{1,2})\.?\s+([A-Za-zÄÖÜäöüé]+\.?)\s+(\d{4})$")
_MONTH_DAY_YEAR = re.compile(r"^([A-Za-z]+\.?)\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})$")
_DATELINE = re.compile(r"^(?P<place>[^\d,]{2,60}?),\s+(?P<date>.+?)\.?$")


@lru_cache(maxsize=1)
def _weekday() -> re.Pattern:
    names = "|".join(d for lang in LANGUAGES for d in lexicon(lang)["weekdays"])
    return re.compile(rf"^(?:(?:{names}),?\s+)?(?:den\s+|the\s+)?", re.I)


def _month(name: str) -> int | None:
    for lang in LANGUAGES:
        data = lexicon(lang)
        for i, month in enumerate(data["months"], start=1):
            if name.lower() == month.lower():
                return i
        for alias, number in data["month_aliases"].items():
            if name.lower() == alias.lower():
                return number
    return None


def parse_date(text: str) -> dt.date | None:
    """A date written the German or English way, or None."""
    text = _weekday().sub("", text.strip())
    try:
        if m := _ISO.match(text):
            return dt.date(int(m[1]), int(m[2]), int(m[3]))
        if m := _NUMERIC.match(text):
            return dt.date(int(m[3]), int(m[2]), int(m[1]))
        if (m := _DAY_MONTH_YEAR.match(text)) and (month := _month(m[2])):
            return dt.date(int(m[3]), month, int(m[1]))
        if (m := _MONTH_DAY_YEAR.match(text)) and (month := _month(m[1])):
            return dt.date(int(m[3]), month, int(m[2]))
    except ValueError:
        return None
    return None


def parse_dateline(text: str) -> tuple[str | None, dt.date] | None:
    """(place, date) of a dateline, or None when the text is not one."""
    text = " ".join(text.split())
    if len(text) > 80:
        return None
    if date := parse_date(text):
        return None, date
    if (m := _DATELINE.match(text)) and (date := parse_date(m["date"])):
        return m["place"].strip(), date
    return None


_LEADING = re.compile(r"^(?P<place>[A-ZÄÖÜ][\wÄÖÜäöüß.'/ -]{1,40}?)\s*(?:,|\()\s*(?P<date>[^()–—]{6,32}?)"
                      r"(?:\)?\s*[.:–—-]\s|\s+(?=[A-ZÄÖÜ]))")


def leading_dateline(text: str) -> tuple[str | None, dt.date] | None:
    """(place, date) when the text starts with a dateline run into the lead: 'Berlin (29.08.2023). Das …',
    'Berlin, June 6, 2023 - From …'. The text itself is left as the author wrote it."""
    m = _LEADING.match(" ".join(text[:200].split()))
    if m and (date := parse_date(m["date"].strip().rstrip("."))):
        return m["place"].strip(), date
    return None
