"""The language registry: one object per language holds what every stage needs to know about it.

Code asks `language_for(code)` instead of branching on "de"/"en". A registered language brings its data files
(`data/<code>.yaml`: labels, months, abbreviations, kickers; `data/normalise_<code>.yaml`: speech forms), its
sentence splitter, tagger, readability formula and plain-language support. French has labels but no
plain-language rules. Any other code still gets a Language — typographic “…” quotes, CLDR's long date (babel),
its ISO 639-2 code from langcodes — with `plain` off and English labels, so a release in another language is
built in that language, never with English rules, and says what it lacks.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

SUPPORTED = ("de", "en")           # languages with plain-language rules, lints, glossary and readability
UMLAUTS = (("Ä", "Ae"), ("Ö", "Oe"), ("Ü", "Ue"), ("ä", "ae"), ("ö", "oe"), ("ü", "ue"), ("ß", "ss"))


@dataclass(frozen=True)
class Language:
    """What accesspub knows about one language."""

    code: str                          # ISO 639-1, as in lang="…"
    name: str                          # English name, for messages
    iso639_2: str                      # three letters, for ID3 TLAN/COMM
    quotes: tuple[str, str, str, str]  # primary open/close, secondary open/close
    splitter: str                      # SoMaJo model that splits its sentences
    long_date: str                     # babel pattern of a long date in running text
    labels: str                        # the data file with its UI labels ("en" when it has none)
    normalise: bool = False            # data/normalise_<code>.yaml: dates, amounts, … written out for speech
    tagger: str | None = None          # part-of-speech tagger the plain rules use ("hanta")
    readability: str | None = None     # "amstad" (Flesch for German) or "flesch"
    hyphenation: str | None = None     # pyphen dictionary for syllable counts
    plain: bool = False                # plain-language rules, lints, glossary and metrics exist
    slug_letters: tuple = ()           # transliterations for URLs before the generic ASCII folding
    plain_levels: tuple[str, ...] = () # plain-language levels it has, the default first

    @property
    def has_labels(self) -> bool:
        return self.labels == self.code


REGISTRY: dict[str, Language] = {
    "de": Language("de", "German", "deu", ("„", "“", "‚", "‘"), "de_CMC", "d. MMMM y", "de", normalise=True,
                   tagger="hanta", readability="amstad", hyphenation="de_DE", plain=True, slug_letters=UMLAUTS,
                   plain_levels=("einfach", "leicht")),
    "en": Language("en", "English", "eng", ("“", "”", "‘", "’"), "en_PTB", "d MMMM y", "en", normalise=True,
                   tagger="hanta",              # HanTa's English model (CLAWS tags) for the grammar gate
                   readability="flesch", hyphenation="en_US", plain=True,
                   slug_letters=UMLAUTS,       # German names in English releases of German publishers
                   plain_levels=("plain",)),
    "fr": Language("fr", "French", "fra", ("«", "»", "“", "”"), "en_PTB", "d MMMM y", "fr"),
}


def _data_file(name: str) -> bool:
    return resources.files("accesspub.language").joinpath("data", name).is_file()


@lru_cache(maxsize=None)
def language_for(code: str | None) -> Language:
    """The registered language of a code ('de-AT' → de), or one described from CLDR for any other code."""
    code = (code or "de").split("-")[0].split("_")[0].lower()
    if code in REGISTRY:
        return REGISTRY[code]
    import langcodes
    from babel import Locale, UnknownLocaleError
    try:
        name = Locale.parse(code).english_name or code
    except (UnknownLocaleError, ValueError):
        name = code
    try:
        alpha3 = langcodes.Language.get(code).to_alpha3()
    except (LookupError, ValueError):
        alpha3 = "und"
    return Language(code, name, alpha3, ("“", "”", "‘", "’"), "en_PTB", "long", code if _data_file(f"{code}.yaml") else "en",
                    normalise=_data_file(f"normalise_{code}.yaml"))


def babel_locale(code: str) -> str:
    """A locale babel can format dates and numbers in ('en' for codes it does not know)."""
    from babel import Locale, UnknownLocaleError
    try:
        Locale.parse(code)
        return code
    except (UnknownLocaleError, ValueError):
        return "en"
