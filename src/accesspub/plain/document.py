"""The plain-language version of a release: sections of short lines, built from the pandoc AST by the rules."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import panflute as pf

from ..language.inlines import quote_marks
from .rules import Chain, RuleContext
from .text import capitalize, end_sentence, sentences, tokens

QUOTE_BLOCK = "quote"


@dataclass
class Line:
    """One sentence on its own line."""

    id: str
    text: str
    source: str | None = None         # id of the original sentence ("s-4") the line says again


@dataclass
class Block:
    """Lines that belong together: a paragraph, or a quotation (kind "quote") with its speaker."""

    kind: str = "p"
    lines: list[Line] = field(default_factory=list)
    speaker: str | None = None
    intro: str | None = None          # "Kai Klose sagt:" before a quotation


@dataclass
class Section:
    heading: str
    blocks: list[Block] = field(default_factory=list)
    kind: str = "body"                # "body" or "contact" (kept as written, not measured)

    def size(self) -> int:
        return sum(len(b.lines) for b in self.blocks)


@dataclass
class PlainDoc:
    """A release in plain language."""

    lang: str
    level: str
    title: str
    sections: list[Section] = field(default_factory=list)
    human: bool = False
    rewriter: str | None = None

    def lines(self) -> list[Line]:
        """Every measured line (body sections; quotation intros count: readers read them)."""
        out = []
        for s in self.sections:
            if s.kind != "body":
                continue
            for b in s.blocks:
                if b.intro:
                    out.append(Line(f"{b.lines[0].id}-intro" if b.lines else "intro", b.intro))
                out.extend(b.lines)
        return out

    def text(self) -> str:
        return "\n".join(line.text for line in self.lines())


def plain_text_of(inlines, lang: str) -> str:
    """Text of inlines with abbreviations written out (Span.abbr → its title) and the lead location left out."""
    out = []
    for e in inlines:
        if isinstance(e, pf.Span) and "abbr" in e.classes and e.attributes.get("title"):
            out.append(e.attributes["title"])
        elif isinstance(e, pf.Span) and "lead-location" in e.classes:
            continue
        elif isinstance(e, pf.Str):
            out.append(e.text)
        elif isinstance(e, (pf.Space, pf.SoftBreak, pf.LineBreak)):
            out.append(" ")
        elif isinstance(e, pf.Quoted):
            o, c = quote_marks(lang, e.quote_type)
            out.append(o + plain_text_of(e.content, lang) + c)
        elif isinstance(e, (pf.Note, pf.Image, pf.RawInline)):
            continue
        elif isinstance(e, (pf.Code, pf.Math)):
            out.append(e.text)
        elif hasattr(e, "content"):
            out.append(plain_text_of(e.content, lang))
    return " ".join("".join(out).split())


_ATTRIBUTION = re.compile(r"^\s*,?\s*(?:so|sagte|sagt|ergänzte|betonte|erklärte|said|says|added)\s+(?P<who>[^,.]{2,60}?)\s*\.?\s*$",
                          re.I)


def _unique(heading: str, used: set[str]) -> str:
    """Section headings name landmarks: two alike confuse a screen reader's list of regions."""
    n = 2
    candidate = heading
    while candidate in used:
        candidate = f"{heading} ({n})"
        n += 1
    return candidate


class Builder:
    """Walks the release body and fills a PlainDoc; quotation state crosses paragraphs."""

    def __init__(self, ctx: RuleContext, chain: Chain):
        self.ctx, self.chain = ctx, chain
        self.ui = ctx.data["ui"]
        self.doc: PlainDoc | None = None
        self.next_id = 1
        self.in_quote: Block | None = None
        self.last_speaker: str | None = None
        self.placed: set[int] = set()        # a quotation open across paragraphs is placed once
        self.source: str | None = None       # the original sentence being rewritten
        self.spans: list[tuple[str, str]] = []

    # lines and blocks -------------------------------------------------
    def _line(self, text: str) -> Line:
        line = Line(f"p-{self.next_id}", end_sentence(capitalize(text)), self.source)
        self.next_id += 1
        return line

    def _section(self, heading: str, kind: str = "body") -> Section:
        sections = self.doc.sections
        if sections and sections[-1].heading == heading and sections[-1].kind == kind and sections[-1].size() < 12:
            return sections[-1]
        if sections and sections[-1].heading == heading:
            heading = self.ui["heading_speaker_more"].format(speaker=self.last_speaker) \
                if self.last_speaker and heading.endswith(self.last_speaker) else self.ui["heading_more"]
            if sections[-1].heading == heading and sections[-1].size() < 12:
                return sections[-1]
        sections.append(Section(_unique(heading, {s.heading for s in sections}), kind=kind))
        return sections[-1]

    def simplify(self, sentence: str) -> list[str]:
        return [s for s in (self.chain.run(sentence, self.ctx)) if s.strip()]

    # paragraphs -------------------------------------------------------
    def paragraph(self, text: str, heading: str | None) -> None:
        """Sentences of one paragraph → paragraph and quotation blocks in a section."""
        opening, closing = quote_marks(self.ctx.lang, "DoubleQuote")
        blocks: list[Block] = []
        current = Block()
        for sentence in sentences(text, self.ctx.lang):
            self.source = _best_source(sentence, self.spans, self.ctx.lang)
            if self.in_quote is None and (whole := _quoted_with_attribution(sentence, opening, closing)):
                inside, who = whole
                if current.lines:
                    blocks.append(current)
                    current = Block()
                quote = Block(QUOTE_BLOCK, speaker=self.ctx.speaker(who))
                quote.lines += [self._line(s) for s in self.simplify(end_sentence(inside))]
                self.in_quote = quote
                self._close_quote()
                blocks.append(quote)
                continue
            if self.in_quote is None:
                start = _unmatched_open(sentence, opening, closing)
                if start is None:
                    current.lines += [self._line(s) for s in self.simplify(sentence)]
                    continue
                intro, body = sentence[:start].strip(), sentence[start + 1:]
                quote = Block(QUOTE_BLOCK)
                if intro:
                    lines = self.simplify(intro + " " + body if intro.endswith("dass") else intro)
                    say = f" {self.ctx.data['say']}:"
                    at = next((k for k, x in enumerate(lines) if say in x), None)
                    if intro.endswith("dass") and at is not None:
                        who, _, rest = lines[at].partition(say)
                        quote.speaker, quote.intro = who.strip(), who.strip() + say
                        current.lines += [self._line(s) for s in lines[:at]]
                        quote.lines += [self._line(s) for s in ([rest.strip()] if rest.strip() else [])
                                        + lines[at + 1:]]
                        body = ""
                    elif intro.endswith(":"):
                        quote.intro = intro
                        quote.speaker = self._who(intro)
                    else:
                        current.lines += [self._line(s) for s in lines]
                if current.lines:
                    blocks.append(current)
                current = Block()
                self.in_quote = quote
                blocks.append(quote)
                sentence = body
                if not sentence.strip():
                    continue
            end = _unmatched_close(sentence, opening, closing)
            inside = sentence if end is None else sentence[:end]
            self.in_quote.lines += [self._line(s) for s in self.simplify(_strip_marks(inside, opening, closing))]
            if end is not None:
                tail = sentence[end + 1:]
                m = _ATTRIBUTION.match(tail)
                if m and not self.in_quote.speaker:
                    self.in_quote.speaker = self.ctx.speaker(m["who"].split()[-1]) if m["who"] else None
                elif tail.strip(" ,.") and not m:
                    current.lines += [self._line(s) for s in self.simplify(capitalize(tail.strip(" ,")))]
                self._close_quote()
        if self.in_quote is not None and self.in_quote not in blocks:
            blocks.append(self.in_quote)
        if current.lines:
            blocks.append(current)
        self._place(blocks, heading)

    def _who(self, text: str) -> str | None:
        for t in reversed(tokens(text, self.ctx.lang)):
            if t.text in self.ctx.aliases:
                return self.ctx.aliases[t.text]
        return None

    def _close_quote(self) -> None:
        q = self.in_quote
        self.in_quote = None
        if q is None:
            return
        q.speaker = q.speaker or self.last_speaker
        if q.speaker and not q.intro:
            q.intro = f"{q.speaker} {self.ctx.data['say']}:"
        if q.speaker:
            self.last_speaker = q.speaker

    def _place(self, blocks: list[Block], heading: str | None) -> None:
        for b in blocks:
            for line in b.lines:
                for who in set(self.ctx.aliases.values()):
                    if line.text.startswith(who + " " + self.ctx.data["say"]):
                        self.last_speaker = who
        speaker = next((b.speaker for b in blocks if b.speaker), None) or self._speaker_in(blocks)
        if heading is None:
            heading = self.ui["heading_speaker"].format(speaker=speaker) if speaker else self.ui["heading_more"]
        blocks = [b for b in blocks if (b.lines or b.intro) and id(b) not in self.placed]
        if not blocks:
            return
        section = self._section(heading)
        for b in blocks:
            self.placed.add(id(b))
            section.blocks.append(b)

    def _speaker_in(self, blocks: list[Block]) -> str | None:
        say = f" {self.ctx.data['say']}:"
        for b in blocks:
            for line in b.lines:
                if say in line.text:
                    return line.text.split(say)[0]
        return None

    # the walk -----------------------------------------------------------
    def build(self, doc: pf.Doc, title: str, level: str) -> PlainDoc:
        self.doc = PlainDoc(self.ctx.lang, level, title)
        for block in doc.content:
            self.block(block, None)
        if self.in_quote is not None:
            self._close_quote()
        self.doc.sections = [s for s in self.doc.sections if s.size()]
        for s in self.doc.sections:
            for b in s.blocks:
                if b.kind == QUOTE_BLOCK and not b.intro and b.speaker:
                    b.intro = f"{b.speaker} {self.ctx.data['say']}:"
        return self.doc

    def block(self, block, heading: str | None) -> None:
        lang = self.ctx.lang
        if isinstance(block, pf.Header):
            self.spans = sentence_spans(block, lang)
            self._section(" ".join(self.simplify(plain_text_of(block.content, lang))).rstrip("."))
        elif isinstance(block, pf.Div) and "contact" in block.classes:
            section = self._section(self.ui["heading_contact"], kind="contact")
            for b in block.content:
                text = pf.stringify(b).strip()
                if text:
                    section.blocks.append(Block(lines=[Line(f"c-{self.next_id}", t) for t in text.splitlines()]))
                    self.next_id += 1
        elif isinstance(block, pf.Div):
            first = "lead" in block.classes and not self.doc.sections
            for b in block.content:
                self.block(b, self.ui["heading_lead"] if first else heading)
        elif isinstance(block, pf.Figure) and "quote" in block.classes:
            self._figure_quote(block)
        elif isinstance(block, (pf.Para, pf.Plain)):
            self.spans = sentence_spans(block, lang)
            text = plain_text_of(block.content, lang)
            if text.strip():
                self.paragraph(text, heading)
        elif isinstance(block, pf.BlockQuote):
            for b in block.content:
                self.block(b, heading)
        elif isinstance(block, (pf.BulletList, pf.OrderedList)):
            for item in block.content:
                for b in item.content:
                    self.block(b, heading)

    def _figure_quote(self, figure: pf.Figure) -> None:
        caption = plain_text_of(figure.caption.content[0].content, self.ctx.lang) if figure.caption.content else ""
        m = _ATTRIBUTION.match(caption) or _ATTRIBUTION.match(", " + caption)
        speaker = self.ctx.speaker(m["who"].split()[-1]) if m else self.last_speaker
        quote = Block(QUOTE_BLOCK, speaker=speaker)
        self.in_quote = quote
        for b in figure.content:
            for p in (b.content if isinstance(b, pf.BlockQuote) else [b]):
                if isinstance(p, (pf.Para, pf.Plain)):
                    self.spans = sentence_spans(p, self.ctx.lang)
                    for s in sentences(plain_text_of(p.content, self.ctx.lang), self.ctx.lang):
                        self.source = _best_source(s, self.spans, self.ctx.lang)
                        quote.lines += [self._line(x) for x in self.simplify(s)]
        self._close_quote()
        self._place([quote], None)


def sentence_spans(block, lang: str) -> list[tuple[str, str]]:
    """(id, text) of the sentence spans (Span.s) inside one block, pieces of a sentence joined."""
    pieces: dict[str, list[str]] = {}

    def visit(e, d):
        if isinstance(e, pf.Span) and "s" in e.classes and e.identifier:
            pieces.setdefault("-".join(e.identifier.split("-")[:2]), []).append(plain_text_of(e.content, lang))
    block.walk(visit)
    return [(k, " ".join(v)) for k, v in pieces.items()]


def _best_source(sentence: str, spans: list[tuple[str, str]], lang: str) -> str | None:
    """The id of the span whose words overlap most with a sentence of the flattened text."""
    words = set(re.findall(r"\w+", sentence.lower()))
    best, score = None, 0.0
    for sid, text in spans:
        other = set(re.findall(r"\w+", text.lower()))
        overlap = len(words & other) / max(1, len(words | other))
        if overlap > score:
            best, score = sid, overlap
    return best


def _quoted_with_attribution(sentence: str, opening: str, closing: str) -> tuple[str, str] | None:
    """'„…“, ergänzte Klose.' → (the quotation, the speaker) when the whole sentence is one."""
    s = sentence.strip()
    if not s.startswith(opening):
        return None
    end = _unmatched_close(s[1:], opening, closing)
    if end is None:
        return None
    m = _ATTRIBUTION.match(s[end + 2:])
    return (s[1:end + 1], m["who"].split()[-1]) if m else None


def _unmatched_open(sentence: str, opening: str, closing: str) -> int | None:
    depth, first = 0, None
    for i, ch in enumerate(sentence):
        if ch == opening:
            if depth == 0:
                first = i
            depth += 1
        elif ch == closing and depth:
            depth -= 1
            if depth == 0:
                first = None
    if depth and first is not None:
        # a speech quotation, not a quoted term: it runs past the end of the sentence
        return first
    return None


def _unmatched_close(sentence: str, opening: str, closing: str) -> int | None:
    depth = 0
    for i, ch in enumerate(sentence):
        if ch == opening:
            depth += 1
        elif ch == closing:
            if depth == 0:
                return i
            depth -= 1
    return None


def _strip_marks(text: str, opening: str, closing: str) -> str:
    return end_sentence(text.strip(" ,"))
