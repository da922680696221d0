"""The anatomy of a press release in an unstructured body: kicker, dateline, headline, lead, end mark, contact.

Each step looks at the pandoc AST that any reader produced, so the same rules serve text, Markdown, DOCX,
ODT and HTML. What a step finds becomes metadata (kicker, place, date, title, subtitle) or a classed Div
(.lead, .contact); the blocks it consumed leave the body.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import panflute as pf

from ..language.inlines import text_of
from ..language.lexicon import LANGUAGES, lexicon
from .dates import leading_dateline, parse_date, parse_dateline

END_MARKS = {"***", "* * *", "###", "# # #", "-30-", "– Ende –", "- Ende -", "Ende", "-ENDE-", "ENDS", "– ENDE –"}
CONTACT_START = re.compile(
    r"^(Kontakt|Pressekontakt|Ansprechpartner(in)?|Pressestelle|Für Rückfragen|Rückfragen|Herausgeber|"
    r"Contact|Media contact|Press contact|For further information|Notes to editors)\b", re.I)
SENTENCE_END = tuple(".!?:;…“”\"»«)’'")


@dataclass
class Anatomy:
    """What the anatomy pass found."""

    kicker: str | None = None
    place: str | None = None
    date: object = None
    title: str | None = None
    subtitle: str | None = None
    lead_location: str | None = None
    joined: list[str] = field(default_factory=list)   # "…damit / Menschen…": paragraphs joined at page breaks
    contact: bool = False


def _text(block) -> str:
    return " ".join(text_of(block.content).split()) if hasattr(block, "content") and not isinstance(
        block, (pf.Div, pf.BlockQuote, pf.BulletList, pf.OrderedList, pf.Table)) else ""


def _kickers() -> set[str]:
    return {k.lower() for lang in LANGUAGES for k in lexicon(lang)["kickers"]}


def _bold_lines(para) -> list[str] | None:
    """Lines of a paragraph written entirely in bold (a headline block), else None.

    Each bold run is a line; a break inside a run is a wrap of the original layout, not a new line.
    """
    if not isinstance(para, pf.Para):
        return None
    lines = []
    for e in para.content:
        if isinstance(e, pf.Strong):
            lines.append(" ".join(text_of(e.content).split()))
        elif not isinstance(e, (pf.LineBreak, pf.Space, pf.SoftBreak)):
            return None
    lines = [line for line in lines if line]
    return lines or None


def _is_kicker(text: str, kickers: set[str]) -> bool:
    """'Pressemitteilung', or a short line that starts with one: 'Press release from the … network'."""
    low = text.lower().rstrip(":")
    return low in kickers or len(low.split()) <= 8 and any(
        low.startswith(k + " ") for k in kickers) and not low.endswith((".", "!", "?"))


def _short_line(block) -> bool:
    """A plain first line that is a headline: short, one line, not ending like a sentence."""
    text = _text(block)
    return isinstance(block, (pf.Para, pf.Plain)) and 0 < len(text) <= 160 and len(text.split()) <= 20 \
        and not text.endswith((".", ",", ";", ":")) and not text.startswith("+++") and not any(isinstance(e, pf.LineBreak) for e in block.content)


def _take_header(blocks, found: Anatomy, has_title: bool, plain_title: bool = False) -> None:
    """Kicker, dateline and headline: the first blocks, in any order a press office writes them."""
    kickers = _kickers()
    for _ in range(4):
        if not blocks:
            return
        b = blocks[0]
        text = _text(b)
        if found.kicker is None and found.title is None and _is_kicker(text, kickers):
            found.kicker = text.rstrip(":")
            if found.date is None and (m := re.search(r"\d{1,2}\.?\s+\S+\s+\d{4}|\d{1,2}\.\d{1,2}\.\d{4}", text)):
                found.date = parse_date(m[0])            # 'Pressemitteilung vom 12. November 2018'
            blocks.pop(0)
            continue
        if found.date is None and isinstance(b, (pf.Para, pf.Plain)) and (dl := parse_dateline(text)):
            found.place, found.date = dl
            blocks.pop(0)
            continue
        if not has_title and found.title is None:
            if isinstance(b, pf.Header):
                found.title = text
                blocks.pop(0)
                if blocks and (sub := _bold_lines(blocks[0]) or (
                        [_text(blocks[0])] if isinstance(blocks[0], pf.Header) else None)):
                    found.subtitle = " ".join(sub)
                    blocks.pop(0)
                continue
            if lines := _bold_lines(b):
                blocks.pop(0)
                if len(lines) == 1 and blocks and (more := _bold_lines(blocks[0])) and _lead_location(blocks[0]) is None:
                    lines += more
                    blocks.pop(0)
                found.title = lines[0]
                found.subtitle = " ".join(lines[1:]) or None
                continue
            if plain_title and len(blocks) > 1 and _short_line(b):
                found.title = text
                blocks.pop(0)
                continue
        return


def _lead_location(para) -> str | None:
    """'Bad Hersfeld' for a paragraph that starts with '**Bad Hersfeld.** …'."""
    first = para.content[0] if isinstance(para, pf.Para) and para.content else None
    if isinstance(first, pf.Strong) and len(para.content) > 2:
        loc = " ".join(text_of(first.content).split())
        if loc.endswith((".", ":", " –", " -")) and 0 < len(loc.split()) <= 5:
            return loc.rstrip(".:–- ")
    return None


def _lead(blocks, found: Anatomy) -> None:
    """'**Bad Hersfeld.** Bei der …' → Div.lead with the location as Span.lead-location."""
    for i, b in enumerate(blocks):
        if isinstance(b, pf.Para):
            if loc := _lead_location(b):
                found.lead_location = loc
                b.content[0] = pf.Span(b.content[0], classes=["lead-location"])
            blocks[i] = pf.Div(b, classes=["lead"])
            return
        if not isinstance(b, (pf.Figure, pf.Div)):
            return


def _ends_open(block) -> bool:
    """A paragraph cut off mid-sentence; a short line without a full stop is a heading, not a fragment."""
    text = _text(block)
    return isinstance(block, pf.Para) and len(text.split()) >= 20 and not text.endswith(SENTENCE_END) \
        and _bold_lines(block) is None


def _join_page_breaks(blocks, found: Anatomy) -> None:
    """A paragraph that stops mid-sentence continues in the next one: a page break of the original."""
    i = 0
    while i + 1 < len(blocks):
        a, b = blocks[i], blocks[i + 1]
        if _ends_open(a) and isinstance(b, pf.Para) and _text(b) and _text(b) not in END_MARKS \
                and not leading_dateline(_text(b)) and not CONTACT_START.match(_text(b)):
            found.joined.append(f"{_text(a).split()[-1]} / {_text(b).split()[0]}")
            a.content.extend([pf.Space(), *b.content])
            del blocks[i + 1]
            continue
        i += 1


def _end_and_contact(blocks, found: Anatomy) -> None:
    """The end mark goes; what follows it (or a 'Kontakt' block) becomes Div.contact."""
    for i, b in enumerate(blocks):
        text = _text(b)
        if text.replace("\\", "") in END_MARKS or isinstance(b, pf.HorizontalRule) and i > len(blocks) / 2:
            rest = blocks[i + 1:]
            del blocks[i:]
            if rest:
                blocks.append(pf.Div(*rest, classes=["contact"]))
                found.contact = True
            return
        if i > 0 and CONTACT_START.match(text):
            rest = blocks[i:]
            del blocks[i:]
            blocks.append(pf.Div(*rest, classes=["contact"]))
            found.contact = True
            return


def apply(doc: pf.Doc, has_title: bool, join_page_breaks: bool = False, plain_title: bool = False) -> Anatomy:
    """Find the press-release parts in the body; changes doc in place.

    join_page_breaks: the text was converted from a PDF, so a paragraph that stops mid-sentence continues
    in the next one; never for text an author wrote in paragraphs. plain_title: the source has no markup for
    a headline (plain text, office documents), so a short first line is one.
    """
    found = Anatomy()
    blocks = list(doc.content)
    notices = []            # '+++ Sperrfrist … +++' lines above the headline stay, after it
    while blocks and re.match(r"^\+\+\+.*\+\+\+$", _text(blocks[0])):
        notices.append(blocks.pop(0))
    _take_header(blocks, found, has_title, plain_title)
    blocks[:0] = notices
    _end_and_contact(blocks, found)
    if join_page_breaks:
        _join_page_breaks(blocks, found)
    _lead(blocks, found)
    doc.content = blocks
    return found
