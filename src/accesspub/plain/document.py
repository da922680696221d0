"""The plain-language version of a release, built from the pandoc AST: the author's sections, paragraphs,
quotations, lists, tables, links and contact block in the author's order; every line knows the sentence
(`s-N`) it says again, the rules that made it, and whether a person should look at it."""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from urllib.parse import urlparse

import panflute as pf

from ..ingest.anatomy import CONTACT_START
from ..language.inlines import quote_marks
from .rewrite import points_back, review_above, rewrite
from .rules import Chain, RuleContext
from .text import end_sentence, word_count

QUOTE_BLOCK = "quote"


@dataclass
class Line:
    """One sentence on its own line."""

    id: str
    text: str
    source: str | None = None           # id of the original sentence ("s-4") the line says again
    fired: list[str] = field(default_factory=list)
    rejected: list[str] = field(default_factory=list)
    review: bool = False                # a person should look at it before it is called reviewed
    links: list[tuple[str, str]] = field(default_factory=list)   # (link text, target) inside the line


@dataclass
class Block:
    """Lines that belong together: a paragraph ("p"), a quotation ("quote"), a list ("list": one list of
    lines per item) or a table ("table": caption, header and rows, values as written)."""

    kind: str = "p"
    lines: list[Line] = field(default_factory=list)
    speaker: str | None = None
    intro: str | None = None            # "Eva Lang sagt:" before a quotation
    intro_source: str | None = None     # the sentence id of the attribution the intro says again
    items: list[list[Line]] = field(default_factory=list)
    ordered: bool = False
    caption: str | None = None
    header: list[str] = field(default_factory=list)
    rows: list[list[str]] = field(default_factory=list)

    def all_lines(self) -> list[Line]:
        return self.lines + [line for item in self.items for line in item]


@dataclass
class Section:
    heading: str
    blocks: list[Block] = field(default_factory=list)
    kind: str = "body"                # "body" or "contact" (kept as written, not measured)
    level: int = 2

    def size(self) -> int:
        return sum(len(b.all_lines()) + len(b.rows) for b in self.blocks)


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
                    first = b.all_lines()
                    out.append(Line(f"{first[0].id}-intro" if first else "intro", b.intro, b.intro_source))
                out.extend(b.all_lines())
        return out

    def text(self) -> str:
        return "\n".join(line.text for line in self.lines())

    def review_count(self) -> int:
        return sum(1 for line in self.lines() if line.review)


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
    return " ".join("".join(out).replace("\u200b", "").split())


def _links(inlines) -> list[tuple[str, str]]:
    found = []

    def visit(e, d):
        if isinstance(e, pf.Link):
            found.append((" ".join(pf.stringify(e).split()), e.url))
    for e in inlines:
        e.walk(visit)
    return found


def sentence_spans(block) -> list[tuple[str, list]]:
    """(id, inlines) of each sentence (Span.s) inside one block, pieces of one sentence joined, in order;
    inlines outside any sentence span are left out."""
    pieces: dict[str, list] = {}

    def visit(e, d):
        if isinstance(e, pf.Span) and "s" in e.classes and e.identifier:
            key = "-".join(e.identifier.split("-")[:2])
            if key in pieces:
                pieces[key].append(pf.Space())      # the space between two pieces lies outside both
            pieces.setdefault(key, []).extend(e.content)
    block.walk(visit)
    return list(pieces.items())


_OPEN = "„«“‚\""
_CLOSE = "“”»\"’"
_CONTACT = re.compile(r"@|\+?\d[\d /()-]{6,}\d|https?://|www\.|\b(Tel|Telefon|Fax|E-Mail|Mail|Phone)\b", re.I)
_VAGUE_LINKS = {"hier", "here", "link", "mehr", "more", "weiter", "zum download", "download", "→", "klicken sie hier",
                "click here", "dieser seite", "this page"}


def link_label(text: str, url: str) -> str:
    """A link text that says where it leads: "hier" → "hier (fragdenstaat.de)"."""
    if text.strip(" →!").lower() not in _VAGUE_LINKS and len(text.strip(" →!")) > 2:
        return text
    parsed = urlparse(url)
    where = parsed.netloc or (parsed.path.rsplit("/", 1)[-1] if parsed.path else url)
    return f"{text.strip()} ({where.removeprefix('www.')})" if where else text


def speech_spans(text: str) -> list[tuple[int, int]]:
    """Character ranges of direct quotations in a text: an opening mark before a word, the closing mark
    after one; quoted terms of one or two words do not count."""
    spans, start = [], None
    for i, ch in enumerate(text):
        before = text[i - 1] if i else " "
        after = text[i + 1] if i + 1 < len(text) else " "
        if start is None and ch in _OPEN and (before.isspace() or before in "([:—–-") and not after.isspace():
            start = i
        elif start is not None and ch in _CLOSE and i > start and not before.isspace():
            if len(text[start + 1:i].split()) >= 3:
                spans.append((start, i + 1))
            start = None
    if start is not None and len(text[start + 1:].split()) >= 3:
        spans.append((start, len(text)))
    return spans


_SAY = re.compile(r"^\W*(?:so|sagt|sagte|sagen|ergänzt|ergänzte|betont|betonte|erklärt|erklärte|kritisiert|"
                  r"kritisierte|fordert|forderte|says|said|added|adds|explained|stressed)\b(?P<rest>.*)$", re.I)


def _speaker_of(attribution: str) -> str | None:
    """The name at the end of an attribution ("sagt die Leiterin Eva Lang" → "Eva Lang"), None if unsure."""
    m = _SAY.match(attribution.strip())
    if not m:
        return None
    words = m["rest"].strip(" .,").split(",")[0].split()
    name = []
    for w in reversed(words):
        if not w[:1].isupper():
            break
        name.insert(0, w)
    return " ".join(name[-3:]) if name else None


def _link_words(text: str) -> list[str]:
    return re.findall(r"\w+", text.lower().replace("-", ""))


# the word that opens a dependent clause, which a rule drops when the clause becomes a sentence of its own
_CLAUSE_OPENERS = {"wie", "dass", "weil", "da", "damit", "ob", "obwohl", "wenn", "sodass", "wodurch", "wo", "als",
                   "nachdem", "bevor", "während", "der", "die", "das", "welche", "welcher", "welches"}


def _holding(words: list[str], said: list[str]) -> int | None:
    """The one sentence that holds every one of the words (at least three) and little else, if there is one."""
    holds = [k for k, s in enumerate(said) if len(words) >= 3 and not set(words) - set(_link_words(s))]
    if len(holds) != 1 or len(words) < 0.7 * len(_link_words(said[holds[0]])):
        return None
    return holds[0]


def _placed(links: list[tuple[str, str]], said: list[str]) -> list[list[tuple[str, str]]] | None:
    """Each link in the one plain sentence that holds its text unchanged; or, for a link around a whole clause
    that a rule reordered ("dass <a>Mieter sich wehren</a>" → "Mieter wehren sich."), the one sentence that
    holds all of its words and little else: then the link spans that sentence; the word that opened the
    clause ("[wie X beklagt]" → "Das beklagt X.") may be gone. None when a link would be lost or doubled."""
    placed: list[list[tuple[str, str]]] = [[] for _ in said]
    for t, u in links:
        exact = [k for k, s in enumerate(said) if t in s]
        if len(exact) == 1:
            placed[exact[0]].append((t, u))
            continue
        if exact:
            return None
        words = _link_words(t)
        k = _holding(words, said)
        if k is None and len(words) > 3 and words[0] in _CLAUSE_OPENERS:
            k = _holding(words[1:], said)   # "[wie sogar der Vorstand klagt]" → "Das klagt sogar der Vorstand."
        if k is None:
            return None
        placed[k].append((said[k].rstrip(".!?"), u))
    return placed


class Builder:
    """Walks the release body in order and fills a PlainDoc."""

    def __init__(self, ctx: RuleContext, chain: Chain):
        self.ctx, self.chain = ctx, chain
        self.ui = ctx.data["ui"]
        self.doc: PlainDoc | None = None
        self.next_id = 1
        self.in_speech = False            # a quotation that runs on past the end of a paragraph
        self.before_pointer: set[str] = set()   # sentences the next one points back to ("This includes …")

    # lines ----------------------------------------------------------------
    def _line(self, text: str, source: str | None, **kw) -> Line:
        line = Line(f"p-{self.next_id}", text, source, **kw)
        self.next_id += 1
        return line

    def _review(self, text: str) -> bool:
        return word_count(text, self.ctx.lang) > review_above(self.ctx.level)

    def sentence(self, sid: str, inlines, quoted: bool, speech: bool = False) -> list[Line]:
        """One original sentence → its plain lines. Quotations stay as written, and so does a sentence whose
        links the rules would lose;
        a sentence that holds the end of a direct quotation (`speech`) may only have the speaker's role
        after the quotation moved into a sentence of its own (rule "attribution")."""
        text = plain_text_of(inlines, self.ctx.lang)
        if not text.strip():
            return []
        links = [(t, u) for t, u in _links(inlines) if t]
        chain = self.chain
        ctx = replace(self.ctx, before_pointer=True) if sid in self.before_pointer else self.ctx
        if speech and not quoted and not links and any(c in text for c in "“”»\"") \
                and "attribution" in chain.names():
            chain = Chain(enabled=["attribution"])
        elif quoted or speech:
            return [self._line(text, sid, links=links, review=self._review(text))]
        # a link stays a link: its text must come out unchanged in one of the sentences, or (a clause a rule
        # reordered) all its words in one sentence, which the link then spans (`_placed`); when a word rule
        # changed a short link text ("Wohnungskonzerne" → "Wohnungs-Konzerne"), the splits alone may still
        # keep it; else the sentence stays as written
        tries = [chain] + ([chain.splits_only()] if links else [])
        for attempt in tries:
            done = rewrite(text, ctx, attempt)
            said = [end_sentence(s) if len(done.sentences) > 1 else s for s in done.sentences if s.strip()]
            placed = _placed(links, said)
            if placed is not None:
                return [self._line(s, sid, fired=done.fired, rejected=done.rejected, review=done.review, links=p)
                        for s, p in zip(said, placed)]
        return [self._line(text, sid, links=links, review=self._review(text))]

    def paragraph(self, block, quoted: bool = False) -> list[Line]:
        spans = sentence_spans(block)
        if not spans:
            text = plain_text_of(block.content, self.ctx.lang)
            return [self._line(text, None, links=_links(block.content))] if text.strip() else []
        whole = ""
        bounds = []
        for sid, inlines in spans:
            t = plain_text_of(inlines, self.ctx.lang)
            bounds.append((len(whole), len(whole) + len(t)))
            whole += t + " "
        speech = speech_spans(whole) if not quoted else []
        carried = self.in_speech
        lines: list[Line] = []
        for (sid, inlines), (a, b) in zip(spans, bounds):
            inside = carried or any(s < b and a < e for s, e in speech)
            lines += self.sentence(sid, inlines, quoted, inside)
            carried = False
        # a link that spans sentences ("[!!! Hier geht es zur Liste !!!](…)") belongs to none of them:
        # it goes with the paragraph's last line, so that every link target stays
        have = {u for line in lines for _, u in line.links}
        lost = [(t, u) for t, u in _links(block.content) if u not in have]
        if lines and lost:
            lines[-1].links += lost
        if not quoted:
            tail = speech[-1] if speech else None
            self.in_speech = bool(tail and tail[1] >= len(whole.rstrip()) and whole.rstrip()[-1:] not in _CLOSE)
        return lines

    # sections -------------------------------------------------------------
    def _current(self) -> Section:
        if not self.doc.sections or self.doc.sections[-1].kind != "body":
            self.doc.sections.append(Section(self._unique(self.ui["heading_lead"] if not self.doc.sections
                                                           else self.ui["heading_more"])))
        return self.doc.sections[-1]

    def _unique(self, heading: str) -> str:
        used = {s.heading for s in self.doc.sections}
        n, candidate = 2, heading
        while candidate in used:
            candidate = f"{heading} ({n})"
            n += 1
        return candidate

    def heading(self, header: pf.Header) -> None:
        text = plain_text_of(header.content, self.ctx.lang)
        from .simplify import simple_title
        shown = simple_title(text, self.ctx, self.chain)
        self.doc.sections.append(Section(self._unique(shown), level=min(max(header.level, 2), 3)))

    def _add(self, block: Block) -> None:
        if block.all_lines() or block.rows:
            self._current().blocks.append(block)

    # the walk ---------------------------------------------------------------
    def build(self, doc: pf.Doc, title: str, level: str) -> PlainDoc:
        self.doc = PlainDoc(self.ctx.lang, level, title)
        order = [(sid, plain_text_of(inlines, self.ctx.lang)) for sid, inlines in sentence_spans(doc)]
        self.before_pointer = {sid for (sid, _), (_, nxt) in zip(order, order[1:]) if points_back(nxt)}
        for block in doc.content:
            self.block(block)
        self.doc.sections = [s for s in self.doc.sections if s.size() or s.kind == "body" and s.level == 2
                             and self._has_children(s)]
        return self.doc

    def _has_children(self, section: Section) -> bool:
        i = self.doc.sections.index(section)
        return i + 1 < len(self.doc.sections) and self.doc.sections[i + 1].level > section.level

    def block(self, block, quoted: bool = False) -> None:
        if isinstance(block, pf.Header):
            self.heading(block)
        elif isinstance(block, pf.Div) and "contact" in block.classes:
            self.contact(block)
        elif isinstance(block, pf.Div):
            for b in block.content:
                self.block(b, quoted)
        elif isinstance(block, pf.Figure) and "quote" in block.classes:
            self.quotation(list(block.content))
            caption = block.caption.content[0] if block.caption.content else None
            spans = sentence_spans(caption) if caption is not None else []
            text = plain_text_of(caption.content, self.ctx.lang) if caption is not None else ""
            quote = self._current().blocks[-1] if self._current().blocks else None
            if text and quote is not None and quote.kind == QUOTE_BLOCK:
                who = _speaker_of(text)
                quote.speaker = self.ctx.speaker(who) if who else None
                quote.intro = f"{quote.speaker} {self.ctx.data['say']}:" if quote.speaker else \
                    end_sentence(text[:1].upper() + text[1:])
                quote.intro_source = spans[0][0] if spans else None
        elif isinstance(block, pf.Figure):
            # a figure that is no quotation (an embedded video, an image with its link): its text, its links
            # and its caption stay where they are
            for b in [*block.content, *(block.caption.content if block.caption else [])]:
                self.block(b, quoted)
        elif isinstance(block, pf.BlockQuote):
            self.quotation(list(block.content))
        elif isinstance(block, (pf.Para, pf.Plain, pf.LineBlock)):
            lines = self.paragraph(block, quoted)
            self._add(Block(QUOTE_BLOCK if quoted else "p", lines))
        elif isinstance(block, (pf.BulletList, pf.OrderedList)):
            items = []
            for item in block.content:
                lines = []
                for b in item.content:
                    if isinstance(b, (pf.Para, pf.Plain)):
                        lines += self.paragraph(b, quoted)
                    elif isinstance(b, (pf.BulletList, pf.OrderedList)):
                        for sub in b.content:
                            for p in sub.content:
                                if isinstance(p, (pf.Para, pf.Plain)):
                                    lines += self.paragraph(p, quoted)
                if lines:
                    items.append(lines)
            self._add(Block("list", items=items, ordered=isinstance(block, pf.OrderedList)))
        elif isinstance(block, pf.Table):
            self._add(self.table(block))

    def quotation(self, blocks) -> None:
        """A block quotation: every sentence as written, one per line; nested lists and tables kept."""
        saved = self.in_speech
        for b in blocks:
            if isinstance(b, (pf.Para, pf.Plain)):
                lines = self.paragraph(b, quoted=True)
                current = self._current()
                if current.blocks and current.blocks[-1].kind == QUOTE_BLOCK:
                    current.blocks[-1].lines += lines
                else:
                    self._add(Block(QUOTE_BLOCK, lines))
            else:
                self.block(b, quoted=True)
        self.in_speech = saved

    def table(self, table: pf.Table) -> Block:
        """A table as a simple captioned table: header row and body rows, every value as written."""
        lang = self.ctx.lang

        def cells(row) -> list[str]:
            return [plain_text_of([x for b in c.content for x in (b.content if hasattr(b, "content") and
                                                                  not isinstance(b, pf.Table) else [])], lang)
                    for c in row.content]
        header = [cells(r) for r in table.head.content] if table.head else []
        rows = [cells(r) for body in table.content for r in body.content]
        caption = plain_text_of([x for b in table.caption.content for x in getattr(b, "content", [])], lang) \
            if table.caption and table.caption.content else None
        return Block("table", caption=caption, header=header[0] if header else [], rows=rows)

    def contact(self, div: pf.Div) -> None:
        """The contact block as written. Headings, lists and prose without contact details that the ingest
        put after the end mark stay body text where they are."""
        pending: list[Block] = []

        def flush():
            if pending:
                self.doc.sections.append(Section(self._unique(self.ui["heading_contact"]), list(pending),
                                                 kind="contact"))
                pending.clear()
        blocks = [b for b in div.content if pf.stringify(b).strip()]
        details = [isinstance(b, (pf.Para, pf.Plain, pf.LineBlock)) and bool(_CONTACT.search(pf.stringify(b)))
                   for b in blocks]
        for k, b in enumerate(blocks):
            text = pf.stringify(b).strip()
            if isinstance(b, pf.Header) and CONTACT_START.match(text):
                continue            # the contact section has its heading already
            short = isinstance(b, (pf.Para, pf.Plain, pf.LineBlock)) and word_count(text, self.ctx.lang) <= 8
            near = any(details[j] for j in (k - 1, k + 1) if 0 <= j < len(blocks))
            # a short block is contact when details are near, or when the block has no details at all (a contact
            # line from front matter or settings: "Pressestelle, call us")
            if details[k] or (short and near) or (short and (k == 0 or not any(details))):
                lines = [Line(f"c-{self.next_id}-{n}", t, links=_links(b.content))
                         for n, t in enumerate(text.splitlines(), 1) if t.strip()]
                self.next_id += 1
                pending.append(Block(lines=lines))
            else:
                flush()
                self.block(b)
        flush()
