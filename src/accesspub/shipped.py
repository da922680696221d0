"""The data files that ship with accesspub (language data, word lists, glossaries, template strings)."""

from __future__ import annotations

from importlib import resources
from typing import Any

import yaml

_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)   # libyaml's parser: these files are ours, and it is ~8× faster


def shipped_yaml(package: str, *parts: str) -> Any:
    """A shipped YAML file of `package`, parsed."""
    return yaml.load(resources.files(package).joinpath(*parts).read_text(encoding="utf-8"), Loader=_LOADER)
