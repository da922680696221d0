"""The rule registry: each rule is named by its Matterhorn failure condition and yields findings."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Iterator

from .document import Document

Problem = tuple[str, str]          # (message, location)


@dataclass(frozen=True)
class Rule:
    id: str                        # Matterhorn index, e.g. "13-004"
    condition: str                 # the failure condition, as the protocol words it
    test: Callable[[Document], Iterator[Problem]]


RULES: dict[str, Rule] = {}


def rule(id: str, condition: str):
    """Register a rule function under its Matterhorn id."""
    def register(test):
        RULES[id] = Rule(id, condition, test)
        return test
    return register
