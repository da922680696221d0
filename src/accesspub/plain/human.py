"""A person's plain-language version wins over the machine: front matter `plain:` or a sibling `<stem>.plain.md`."""

from __future__ import annotations

from pathlib import Path

from ..model import Release
from .document import PlainDoc
from .markdown_doc import from_markdown


def sibling(source: Path) -> Path:
    """Where a human plain version of a source lives: news.md → news.plain.md."""
    return source.with_name(source.stem + ".plain.md")


def human_text(release: Release) -> tuple[str, str] | None:
    """(Markdown text, where it came from) of the human version, or None."""
    if release.meta.plain and release.meta.plain.strip():
        return release.meta.plain, f"{release.source}: front matter 'plain'"
    path = sibling(release.source)
    if path.is_file():
        return path.read_text(encoding="utf-8-sig"), str(path)
    return None


def human_version(release: Release, level: str, title: str) -> PlainDoc | None:
    found = human_text(release)
    if not found:
        return None
    doc = from_markdown(found[0], release.lang, level, title)
    doc.human = True
    return doc
