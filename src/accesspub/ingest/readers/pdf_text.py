"""Text pasted from a PDF: its lines are the layout's, its bullets glyphs. Both become Markdown a reader reads.

- A bullet glyph (•, ►, ▪ … or a private-use symbol-font glyph such as U+F0D8, which PDF text extraction
  leaves as it is) opens a list item: `• text` becomes `- text`. Extraction often puts the glyphs on lines of
  their own, one per item above its text, or all of them above the items: they are paired with the
  paragraphs that follow when the counts agree, and dropped (never shown as text) when they do not.
- A line much shorter than the column ends its paragraph (headlines, last lines) unless the next one goes on
  in lower case; a dateline opens the lead.
"""

from __future__ import annotations

import re

from ..dates import leading_dateline

GLYPHS = "•◦▪▫●○■□►▶▸‣⁃➢➤✓✔❖◆◇"
_GLYPH = f"[{GLYPHS}\ue000-\uf8ff]"
_ITEM = re.compile(rf"^[ \t]*{_GLYPH}[ \t]+(\S.*)$")
_LONE = re.compile(rf"^[ \t]*{_GLYPH}[ \t]*$")
SHORT = 0.6          # a line shorter than this share of the block's widest line ends its paragraph
MIN_WIDTH = 50       # narrower blocks are not reflowed: their lines are the author's


def _width(lines: list[str]) -> int:
    """The column's width: the length most full lines reach, not one overlong line where extraction joined two."""
    lengths = sorted(len(line.rstrip()) for line in lines if line.strip())
    return lengths[int(0.8 * (len(lengths) - 1))] if lengths else 0


def _blank(line: str) -> bool:
    return not line.strip()


def _ends_paragraph(line: str, width: int, following: str) -> bool:
    """A short line ends its paragraph, unless it ends on a comma or hyphen or the next line goes on in lower
    case (a headline set in a larger type wraps early: 'So geht nachhaltige Digitalisierung' / 'gibt 28 …')."""
    return bool(line.strip()) and len(line.rstrip()) < SHORT * width \
        and not line.rstrip().endswith((",", "-", "–")) and not following.lstrip()[:1].islower()


def _paragraphs(lines: list[str]) -> list[list[str]]:
    """The lines of one block split where the layout ended a paragraph (a short line, a dateline)."""
    width = _width(lines)
    out: list[list[str]] = [[]]
    for n, line in enumerate(lines):
        if out[-1] and leading_dateline(line):
            out.append([])
        out[-1].append(line)
        if width >= MIN_WIDTH and n + 1 < len(lines) and _ends_paragraph(line, width, lines[n + 1]):
            out.append([])
    return [p for p in out if p]


def _item(lines: list[str]) -> list[str]:
    """One list item: the first line after '- ', the others indented as its continuation."""
    return ["- " + lines[0].strip(), *("  " + line.strip() for line in lines[1:])]


def bullets(text: str) -> str:
    """Bullet glyphs as Markdown list items (see the module docstring)."""
    lines = text.split("\n")
    out: list[str] = []
    in_item = False
    i = 0
    while i < len(lines):
        line = lines[i]
        if _LONE.match(line):
            count, j = 0, i
            while j < len(lines) and (_LONE.match(lines[j]) or _blank(lines[j])):
                count += _LONE.match(lines[j]) is not None
                j += 1
            end = j
            while end < len(lines) and not _blank(lines[end]) and not _LONE.match(lines[end]) \
                    and not _ITEM.match(lines[end]):
                end += 1
            block = lines[j:end]
            items = [block] if count == 1 and block else _paragraphs(block) if block else []
            if block and len(items) == count:
                if out and not _blank(out[-1]) and not in_item:
                    out.append("")
                for item in items:
                    out += _item(item)
                in_item = True
                i = end
            else:                                   # glyphs that pair with nothing: layout, not text
                i = j
            continue
        if m := _ITEM.match(line):
            if out and not _blank(out[-1]) and not in_item:
                out.append("")
            out.append("- " + m[1])
            in_item = True
        elif _blank(line):
            following = next((x for x in lines[i:] if not _blank(x)), "")
            if not (in_item and (_LONE.match(following) or _ITEM.match(following))):
                in_item = False                     # blank lines between items are layout: the list stays tight
                out.append(line)
        elif in_item and leading_dateline(line):    # the lead after a list: a paragraph of its own
            out += ["", line]
            in_item = False
        else:
            out.append(("  " + line.strip()) if in_item else line)
        i += 1
    return "\n".join(out)


def reflow(text: str) -> str:
    """Pasted PDF text as Markdown: bullets become list items; a line much shorter than the column ends its
    paragraph; the first line of the first block of several lines is the headline when it does not end like a
    sentence."""
    blocks = re.split(r"(\n[ \t]*\n)", bullets(text))
    out = []
    first = True
    for block in blocks:
        lines = block.split("\n")
        if first and len(lines) >= 3 and block.strip() and not re.match(r"^\s*\+\+\+", block):
            first = False
            head = lines[0].rstrip()
            if 0 < len(head) <= 160 and not head.endswith((".", ",", ";", ":", "-", "–")) \
                    and lines[1][:1].isupper():
                block = lines[0] + "\n\n" + "\n".join(lines[1:])
        lines = block.split("\n")
        if len(lines) < 3 or block.strip().startswith(("#", "*", "-", "|", ">")):
            out.append(block)
            continue
        width = _width(lines)
        if width < MIN_WIDTH:
            out.append(block)
            continue
        new = []
        for i, line in enumerate(lines):
            if i and new[-1].strip() and leading_dateline(line):      # a dateline opens the lead
                new.append("")
            new.append(line)
            if i + 1 < len(lines) and _ends_paragraph(line, width, lines[i + 1]):
                new.append("")
        out.append("\n".join(new))
    return "".join(out)
