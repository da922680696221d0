"""YAML front matter of Markdown and plain-text sources, parsed with line numbers in its errors."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import yaml

from ..errors import SourceError


def split(text: str, path: Path) -> tuple[dict, str, int]:
    """(front matter, body, line number where the body starts). No front matter: ({}, text, 1)."""
    lines = text.splitlines(keepends=True)
    if not lines or lines[0].strip() != "---":
        return {}, text, 1
    for i in range(1, len(lines)):
        if lines[i].strip() in ("---", "..."):
            break
    else:
        raise SourceError("front matter starts with '---' but is never closed", file=path, place="1",
                          fix="add a line '---' after the last front-matter key")
    raw = "".join(lines[1:i])
    try:
        data = yaml.safe_load(raw) or {}
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        place = f"{mark.line + 2}:{mark.column + 1}" if mark else "1"
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        raise SourceError(f"front matter is not valid YAML: {problem}", file=path, place=place,
                          fix="check indentation and quote values that contain ':' or start with a special character") from None
    except ValueError as exc:            # a value YAML recognises but cannot build, e.g. the date 2025-13-45
        line, key = _bad_value_line(lines[1:i])
        raise SourceError(f"front-matter key '{key}' is not a valid date: {exc}", file=path, place=str(line),
                          fix="write a real date as YYYY-MM-DD, e.g. 'date: 2025-03-01'") from None
    if not isinstance(data, dict):
        raise SourceError("front matter must be a mapping of keys to values", file=path, place="2",
                          fix="write it as 'key: value' lines, e.g. 'title: Neue Förderung'")
    return data, "".join(lines[i + 1:]), i + 2


_DATE_VALUE = re.compile(r"^\s*([^:#]+?)\s*:\s*(\d{4})-(\d{1,2})-(\d{1,2})\b")


def _bad_value_line(lines: list[str]) -> tuple[int, str]:
    """(line number, key) of the first date-looking value that is no date."""
    for n, line in enumerate(lines, start=2):
        if m := _DATE_VALUE.match(line):
            try:
                dt.date(int(m[2]), int(m[3]), int(m[4]))
            except ValueError:
                return n, m[1]
    return 2, "?"
