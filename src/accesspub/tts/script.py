"""The speech script of a release: what is said, in which order, with which cue id, pause and chapter.

Header first (headline, subtitle, dateline), then the body in reading order, the contact block last.
Quotations of a sentence or more are announced ("Zitat" … "Zitat Ende"); short quoted words are just read.
Ordered list items are counted; a table is announced with its caption and read row by row, each cell with its
column heading ("Landkreis: Kassel"), the heading row not on its own. The dateline is said once, its day in the
nominative ("zweiter Juni"), without the place when the lead names it again, and not at all when the lead opens
with it ("Berlin, 05.09.2022 – …"). Names and acronyms are said as the
pronunciation lexicon (shipped + the publisher's pronunciation.yaml) says, for every engine alike.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import panflute as pf
from babel.dates import format_date

from ..language.inlines import text_of
from ..language.lexicon import lexicon
from ..ingest.dates import leading_dateline
from ..language.normalise import normalise, rules, spoken_date
from ..language.pronunciation import pronunciations
from ..language.registry import babel_locale, language_for
from ..language.sentences import SENTENCE_CLASS
from ..model import Release

QUOTE_MIN_WORDS = 6
QUOTE_MARKS = re.compile("[„“”\"‚‘«»›‹]")


@dataclass
class Cue:
    """One stretch of speech with one id: a header line or a sentence."""

    id: str
    text: str                 # as written (captions)
    spoken: str = ""          # as the engine reads it
    pause: str = "sentence"   # silence after it: "sentence", "paragraph" or "section"
    section: int = 0


PAUSE_RANK = {"sentence": 0, "paragraph": 1, "section": 2, "end": 3}


def spoken_only(cues: list[Cue]) -> list[Cue]:
    """The cues that have something to say (a letter or digit): a lone bullet glyph or dash is no sentence and
    would be a cue of no length. A dropped cue's pause passes to the cue before it."""
    kept: list[Cue] = []
    for cue in cues:
        if any(ch.isalnum() for ch in cue.spoken):
            kept.append(cue)
        elif kept and PAUSE_RANK[cue.pause] > PAUSE_RANK[kept[-1].pause]:
            kept[-1].pause = cue.pause
    return kept


@dataclass
class Script:
    lang: str
    cues: list[Cue] = field(default_factory=list)
    sections: list[str] = field(default_factory=list)    # chapter titles, by section index


def _speech(lang: str) -> dict:
    """Words the audio adds (quote announcements, chapter titles): from the normalisation data, else from the
    language's data file, else English."""
    if language_for(lang).normalise:
        return rules(lang).data["speech"]
    return lexicon(lang).get("speech") or rules("en").data["speech"]


def dateline(release: Release) -> str | None:
    """'Wiesbaden, 27. Oktober 2017' / 'London, 27 October 2017' from the metadata."""
    meta, language = release.meta, language_for(release.lang)
    date = format_date(meta.date, language.long_date, locale=babel_locale(language.code)) if meta.date else None
    parts = [p for p in (meta.place, date) if p]
    return ", ".join(parts) or None


class _Builder:
    """Walks the body and collects sentence cues with their spoken text."""

    def __init__(self, release: Release, script: Script):
        self.lang = release.lang
        self.script = script
        self.written = dict(release.sentences())
        self.pieces: dict[str, list[str]] = {}
        self.cues: dict[str, Cue] = {}
        self.current: str | None = None
        self.last: str | None = None
        self.prefix: list[str] = []
        self.section = 0
        speech = _speech(self.lang)
        self.quote_open, self.quote_close = speech["quote"], speech["quote_end"]

    # -- inlines
    def say(self, text: str) -> None:
        target = self.current or self.last
        if target:
            self.pieces[target].append(text)

    def open_quote(self) -> None:
        if self.current:
            self.pieces[self.current].append(f" {self.quote_open}: ")
        else:
            self.prefix.append(f"{self.quote_open}: ")

    def close_quote(self) -> None:
        target = self.current or self.last
        if not target:
            return
        pieces = self.pieces[target]
        said = "".join(pieces).rstrip()
        end = said[-1] if said and said[-1] in ".!?…" else ""
        if end:
            pieces[:] = [said[:-1]]
        pieces.append(f", {self.quote_close}{end or ','} ")

    def sentence(self, span: pf.Span) -> None:
        base = "-".join(span.identifier.split("-")[:2])
        if base not in self.cues:
            self.cues[base] = Cue(base, self.written.get(base, ""), section=self.section)
            self.pieces[base] = []
            self.script.cues.append(self.cues[base])
        outer, self.current = self.current, base
        if self.prefix:
            self.pieces[base].append(" " + " ".join(self.prefix) + " ")
            self.prefix.clear()
        self.inlines(span.content)
        self.current, self.last = outer, base

    def inlines(self, items) -> None:
        for e in items:
            if isinstance(e, pf.Span) and SENTENCE_CLASS in e.classes and e.identifier:
                self.sentence(e)
            elif isinstance(e, pf.Quoted):
                long = len(pf.stringify(e).split()) >= QUOTE_MIN_WORDS
                if long:
                    self.open_quote()
                self.inlines(e.content)
                if long:
                    self.close_quote()
            elif isinstance(e, (pf.Note, pf.Image, pf.RawInline)):
                continue
            elif isinstance(e, pf.Str) and self.current:
                self.words(e.text)
            elif isinstance(e, (pf.Space, pf.SoftBreak, pf.LineBreak, pf.Code, pf.Math)):
                if self.current:
                    self.say(text_of([e], self.lang))
            elif getattr(e, "content", None) is not None:
                self.inlines(e.content)

    def words(self, text: str) -> None:
        """Text of a Str; a quotation mark left unpaired by ingest (a quotation across paragraphs) is announced."""
        opening, closing = language_for(self.lang).quotes[:2]
        for part in re.split(f"([{opening}{closing}])", text):
            if part == opening:
                self.open_quote()
            elif part == closing:
                self.close_quote()
            elif part:
                self.say(part)

    # -- blocks
    def end_block(self, pause: str = "paragraph") -> None:
        if self.last and self.cues[self.last].pause != "section":
            self.cues[self.last].pause = pause

    def new_section(self, title: str) -> None:
        if self.script.cues and self.last:
            self.cues[self.last].pause = "section"
        self.script.sections.append(title)
        self.section = len(self.script.sections) - 1

    def blocks(self, items) -> None:
        for b in items:
            self.block(b)

    def block(self, b) -> None:
        if isinstance(b, (pf.Para, pf.Plain, pf.Header)):
            self.inlines(b.content)
            self.end_block()
        elif isinstance(b, pf.BlockQuote) or (isinstance(b, pf.Figure) and "quote" in b.classes):
            self.quotation(b)
        elif isinstance(b, pf.Figure):
            self.caption(b)
        elif isinstance(b, (pf.BulletList, pf.OrderedList)):
            self.list(b)
        elif isinstance(b, pf.Table):
            self.table(b)
        elif isinstance(b, pf.Div):
            self.blocks(b.content)
        elif isinstance(b, pf.DefinitionList):
            for item in b.content:
                self.inlines(item.term)
                self.end_block("sentence")
                for d in item.definitions:
                    self.blocks(d.content)

    def quotation(self, b) -> None:
        quote = [x for x in b.content if isinstance(x, pf.BlockQuote)] if isinstance(b, pf.Figure) else [b]
        self.prefix.append(f"{self.quote_open}: ")
        for q in quote:
            self.blocks(q.content)
        self.prefix.clear()
        self.close_quote()
        if isinstance(b, pf.Figure):
            self.caption(b)

    def caption(self, figure: pf.Figure) -> None:
        if isinstance(figure, pf.Figure) and figure.caption and figure.caption.content:
            self.blocks(figure.caption.content)

    def list(self, b) -> None:
        template = _speech(self.lang)["list_item"]
        start = b.start if isinstance(b, pf.OrderedList) else 1
        for n, item in enumerate(b.content, start):
            if isinstance(b, pf.OrderedList):
                self.prefix.append(template.format(n=n))
            self.blocks(item.content)
            self.prefix.clear()
            self.end_block()

    def table(self, table: pf.Table) -> None:
        heads: list[str] = []
        if table.caption and table.caption.content:
            word = _speech(self.lang).get("table", "")
            if word and not pf.stringify(table.caption).strip().startswith(word):
                self.prefix.append(f"{word}:")
            self.blocks(table.caption.content)
            self.prefix.clear()
        if table.head and table.head.content:
            heads = [pf.stringify(cell).strip() for cell in table.head.content[0].content]
        for body in table.content:
            for row in body.content:
                for i, cell in enumerate(row.content):
                    if i < len(heads) and heads[i]:
                        self.prefix.append(f"{heads[i]}:")
                    self.blocks(cell.content)
                    self.prefix.clear()
                    self.end_block("sentence")
                self.end_block()


def _is_contact(b) -> bool:
    return isinstance(b, pf.Div) and "contact" in b.classes


def _is_lead(b) -> bool:
    return isinstance(b, pf.Div) and "lead" in b.classes


def _lead_location(release: Release) -> str | None:
    found: list[str] = []

    def visit(e, doc):
        if isinstance(e, pf.Span) and "lead-location" in e.classes and not found:
            found.append(pf.stringify(e).strip(" .:–-"))
    release.doc.walk(visit)
    return found[0] if found else None


def _header_cues(release: Release) -> list[Cue]:
    cues = [Cue("headline", release.meta.title)]
    if release.meta.subtitle:
        cues.append(Cue("subtitle", release.meta.subtitle))
    meta, lang = release.meta, release.lang
    if any((said := leading_dateline(pf.stringify(b))) and said[1] == meta.date
           for b in release.doc.content[:5] if not _is_contact(b)):
        return cues                       # the lead opens with the place and date: it says them, once
    lead = _lead_location(release)
    place = meta.place if meta.place and (lead or "").casefold() != meta.place.casefold() else None
    line = dateline(release) if place or not meta.place else (dateline(release) or "").split(", ", 1)[-1]
    if line:
        date = (spoken_date(meta.date, lang) if language_for(lang).normalise else line.split(", ")[-1]) \
            if meta.date else None
        said = ", ".join(p for p in (place, date) if p)
        cues.append(Cue("dateline", line, spoken=said))
    return cues


def build(release: Release) -> Script:
    """The speech script of a release, spoken text normalised for the release's language.

    Raises PronunciationError when the publisher's pronunciation.yaml cannot be used."""
    lang = release.lang
    chapters = _speech(lang)["chapters"]
    script = Script(lang, sections=[release.meta.title])
    script.cues = _header_cues(release)
    script.cues[-1].pause = "section"
    builder = _Builder(release, script)
    body = [b for b in release.doc.content if not _is_contact(b)]
    contact = [b for b in release.doc.content if _is_contact(b)]
    has_h2 = any(isinstance(b, pf.Header) and b.level == 2 for b in body)
    for i, b in enumerate(body):
        if has_h2:
            if isinstance(b, pf.Header) and b.level == 2:
                builder.new_section(pf.stringify(b).strip())
            elif i == 0:
                builder.new_section(chapters["lead"])
        elif i == 0:
            builder.new_section(chapters["lead"] if _is_lead(b) else chapters["body"])
        elif _is_lead(body[i - 1]) and not _is_lead(b):
            builder.new_section(chapters["body"])
        builder.block(b)
    if contact:
        builder.new_section(chapters["contact"])
        builder.blocks(contact)
    lexicon_ = pronunciations(lang, release.source)
    for cue in script.cues:
        raw = "".join(builder.pieces[cue.id]) if cue.id in builder.pieces else cue.spoken or cue.text
        cue.spoken = normalise(lexicon_.apply(QUOTE_MARKS.sub("", raw)), lang).rstrip(" ,")
    script.cues = spoken_only(script.cues)
    used = sorted({c.section for c in script.cues})
    if used != list(range(len(script.sections))):
        remap = {old: new for new, old in enumerate(used)}
        script.sections = [script.sections[i] for i in used]
        for c in script.cues:
            c.section = remap[c.section]
    if script.cues:
        script.cues[-1].pause = "end"
    return script
