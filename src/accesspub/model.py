"""The release: typed metadata plus the pandoc AST body — the single source of truth for every rendition."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import panflute as pf
from pydantic import BaseModel, ConfigDict, Field

from .findings import Finding


class Image(BaseModel):
    """An image a release shows: the file (relative to the source) and its text alternative."""

    model_config = ConfigDict(extra="forbid")
    src: str
    alt: str | None = None
    caption: str | None = None
    credit: str | None = None
    licence: str | None = None


class PlainReview(BaseModel):
    """A person's sign-off of the plain version: who checked it, and when."""

    model_config = ConfigDict(extra="forbid")
    by: str = Field(min_length=1)
    date: dt.date


class Metadata(BaseModel):
    """What a release says about itself: front matter, or what ingest found in the text."""

    model_config = ConfigDict(extra="forbid")
    title: str
    subtitle: str | None = None
    date: dt.date | None = None
    place: str | None = None
    lang: str | None = None
    summary: str | None = None
    publisher: str | None = None
    contact: str | None = None
    kicker: str | None = None
    keywords: list[str] = Field(default_factory=list)
    images: list[Image] = Field(default_factory=list)
    lead_location: str | None = None
    plain: str | None = None          # a human-written plain-language version (Markdown text or a sibling file)
    plain_level: str | None = None    # "einfach" or "leicht"
    plain_review: PlainReview | None = None   # sign-off: the machine draft as built was checked by a person
    embargo: dt.datetime | dt.date | None = None   # not public before this time (without a zone: site.timezone)
    draft: bool = False                  # built and checked, never public
    author: str | None = None
    updated: dt.date | None = None
    slug: str | None = None
    form: str | None = None           # the source form it was read from: "markdown", "mdx", "govuk-json", …
    extra: dict[str, Any] = Field(default_factory=dict)   # front-matter keys accesspub does not use, kept as given


@dataclass
class Release:
    """One press release after ingest."""

    source: Path
    slug: str
    meta: Metadata
    doc: pf.Doc                        # pandoc AST (body blocks); sentences wrapped in Span.s with id s-N
    findings: list[Finding] = field(default_factory=list)
    resources: dict[str, Path] = field(default_factory=dict)   # "media/x-1a2b.png" → the fenced source file

    @property
    def lang(self) -> str:
        return self.meta.lang or "de"

    def ast_json(self) -> str:
        """The body as pandoc JSON, for pandoc writers."""
        return json.dumps(self.doc.to_json(), ensure_ascii=False)

    def sentences(self) -> list[tuple[str, str]]:
        """(id, text) of every sentence in reading order; pieces of one sentence are joined."""
        from .language.sentences import sentence_texts
        return sentence_texts(self.doc, self.lang)
