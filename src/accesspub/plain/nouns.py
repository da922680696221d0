"""German nouns with all their case forms (the `german-nouns` package: Wiktionary, CC BY-SA 4.0).

`features("Bündnisses")` → {("n", "sg", "gen")}; `is_noun("Plattform")` → True. Used by the grammar gate
(article–adjective–noun agreement) and by the compound splitter (a known whole word stays whole).
"""

from __future__ import annotations

import csv
from functools import lru_cache
from importlib import metadata, resources

from ..kept import kept, source_of

CASES = {"nominativ": "nom", "genitiv": "gen", "dativ": "dat", "akkusativ": "acc"}
NUMBERS = {"singular": "sg", "plural": "pl"}
GENDERS = ("m", "f", "n")

Feature = tuple[str, str, str]          # (gender or "pl", number, case)


@lru_cache(maxsize=1)
def _index() -> tuple[dict[str, frozenset[Feature]], frozenset[str]]:
    return _tables()[:2]


Tables = tuple[dict[str, frozenset[Feature]], frozenset[str], dict[tuple[str, str], frozenset[str]]]


@lru_cache(maxsize=1)
def _tables() -> Tables:
    """The lexicon's tables: read from its CSV (4 s) once per machine, then from the user cache (0.3 s)."""
    try:
        version = metadata.version("german-nouns")
    except metadata.PackageNotFoundError:
        return _read_csv()
    return kept("german-nouns", f"{version}:{source_of(__file__)}", _read_csv)


def _read_csv() -> Tables:
    csv.field_size_limit(1 << 20)
    forms: dict[str, set[Feature]] = {}
    lemmas: set[str] = set()
    nominatives: dict[tuple[str, str], set[str]] = {}      # (form, number) → nominative forms of that number
    try:
        path = resources.files("german_nouns").joinpath("nouns.csv")
    except ModuleNotFoundError:
        # without the lexicon the agreement check has nothing to compare and no compound is split
        # (make setup installs it)
        return {}, frozenset(), {}
    with path.open(encoding="utf-8", newline="") as f:
        reader = csv.reader(f)
        header = next(reader)
        gender_cols = [i for i, h in enumerate(header) if h.startswith("genus")]
        form_cols = []
        for i, h in enumerate(header):
            parts = h.replace("*", "").split()
            if len(parts) >= 2 and parts[0] in CASES and parts[1] in NUMBERS:
                form_cols.append((i, CASES[parts[0]], NUMBERS[parts[1]]))
        for row in reader:
            if not row or "Substantiv" not in row[1] and "Eigenname" not in row[1]:
                continue
            lemma = row[0]
            if not lemma[:1].isupper():
                continue
            lemmas.add(lemma)
            genders = {row[i] for i in gender_cols if i < len(row) and row[i] in GENDERS} or set(GENDERS)
            nom = {n: {f.strip() for i, c, nn in form_cols if c == "nom" and nn == n and i < len(row)
                       for f in row[i].split(",") if f.strip()} for n in ("sg", "pl")}
            for i, case, number in form_cols:
                if i < len(row) and row[i]:
                    for form in row[i].split(","):
                        form = form.strip()
                        if not form:
                            continue
                        bucket = forms.setdefault(form, set())
                        if number == "pl":
                            bucket.add(("pl", "pl", case))
                        else:
                            bucket.update((g, "sg", case) for g in genders)
                        nominatives.setdefault((form, number), set()).update(nom[number])
    shared: dict[frozenset, frozenset] = {}     # a few hundred distinct readings: one object each
    return ({k: shared.setdefault(frozenset(v), frozenset(v)) for k, v in forms.items()}, frozenset(lemmas),
            {k: frozenset(v) for k, v in nominatives.items()})


def nominative(word: str, number: str) -> str | None:
    """The nominative of a noun form in the same number ("Gesetzentwurfes", "sg" → "Gesetzentwurf"), None when
    the lexicon does not know the form or knows more than one nominative for it."""
    found = _tables()[2].get((word, number), set())
    return next(iter(found)) if len(found) == 1 else None


def features(word: str) -> frozenset[Feature]:
    """Gender/number/case readings of a noun form; for an unknown compound, those of its longest known
    last part ("Transparenz-Gesetzes" → "Gesetzes"); empty when nothing is known."""
    forms, _ = _index()
    if word in forms:
        return forms[word]
    tail = word.rsplit("-", 1)[-1]
    if tail != word and tail[:1].isupper() and tail in forms:
        return forms[tail]
    for i in range(1, len(tail) - 2):
        part = tail[i:].capitalize()
        if part in forms and len(part) >= 4:
            return forms[part]
    return frozenset()


def known(word: str) -> bool:
    """The word is a noun form the lexicon knows as a whole (any case)."""
    return word in _index()[0]


def is_lemma(word: str) -> bool:
    return word in _index()[1]
