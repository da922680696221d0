"""One registry type for the plain-language rules and lints: modules of one package in a declared order,
switched on and off by name, filtered by language; and one table of what each level allows."""

from __future__ import annotations

import importlib
from dataclasses import dataclass
from typing import Iterable


@dataclass(frozen=True)
class Level:
    """What a plain-language level allows: rules split sentences longer than `split_above` words where they
    are sure; lints report sentences longer than `max_words`."""

    split_above: int
    max_words: int


LEVELS = {
    "einfach": Level(split_above=10, max_words=15),    # Einfache Sprache, about B1
    "leicht": Level(split_above=8, max_words=10),      # Leichte Sprache, about A2
    "plain": Level(split_above=15, max_words=20),      # plain English (ISO 24495-1)
}


def level(name: str) -> Level:
    """The table row of a level (einfach for names it does not know)."""
    return LEVELS.get(name, LEVELS["einfach"])


class Registry:
    """The modules of `PACKAGE` in `ORDER`; `enabled`/`disabled` switch them by name. Each module has `NAME`
    and `LANGS` (the languages it knows)."""

    PACKAGE: str = ""
    ORDER: tuple[str, ...] = ()
    KIND: str = "module"           # what a member is called in messages: "rule", "lint"

    def __init__(self, enabled: Iterable[str] | None = None, disabled: Iterable[str] = ()):
        names = list(enabled) if enabled is not None else list(self.ORDER)
        disabled = set(disabled)
        unknown = (set(names) | disabled) - set(self.ORDER)
        if unknown:
            raise ValueError(f"unknown plain-language {self.KIND}(s): {', '.join(sorted(unknown))}; "
                             f"known: {', '.join(self.ORDER)}")
        self.members = [self.module(n) for n in self.ORDER if n in names and n not in disabled]

    @classmethod
    def module(cls, name: str):
        """The module of a member by name."""
        return importlib.import_module(f"{cls.PACKAGE}.{name}")

    def names(self) -> list[str]:
        return [m.NAME for m in self.members]

    def for_language(self, lang: str) -> list:
        """The enabled members that know the language, in order."""
        return [m for m in self.members if lang in m.LANGS]
