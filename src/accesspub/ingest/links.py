"""Bare e-mail addresses, web addresses and telephone numbers in the text become links (mailto:, https:, tel:).

A telephone number is linked only after a label that says it is one ("Tel.", "Telefon", "Phone"; see
`phone_labels` in the language data), so that amounts and dates are never taken for numbers to call. Fax numbers
have no label there and stay text. Text already inside a link is left alone. Only the schemes the sanitiser
allows are produced.
"""

from __future__ import annotations

import re

import panflute as pf

from ..language.lexicon import lexicon
from ..tree import walk

_EMAIL = re.compile(r"[\w.+-]+@(?:[\w-]+\.)+[A-Za-z]{2,24}")
_WEB = re.compile(r"(?:https?://|www\.)[\w.-]+\.[A-Za-z]{2,24}(?::\d+)?(?:/[\w./?=&%#~+:-]*[\w/=&%#~+-])?")
_ADDRESS = re.compile(f"{_EMAIL.pattern}|{_WEB.pattern}")
_DIGITS = re.compile(r"\+?[\d/()\-–]*\d[\d/()\-–]*")
_SKIP = (pf.Link, pf.Code, pf.Image)


def _addresses(text: str) -> list:
    """A Str's text as Str and Link pieces."""
    out, pos = [], 0
    for m in _ADDRESS.finditer(text):
        if m.start() and text[m.start() - 1] in "@/.":
            continue
        address = m[0]
        url = f"mailto:{address}" if "@" in address and not address.startswith(("http", "www.")) else \
            address if address.startswith("http") else f"https://{address}"
        if pos < m.start():
            out.append(pf.Str(text[pos:m.start()]))
        out.append(pf.Link(pf.Str(address), url=url))
        pos = m.end()
    if pos < len(text):
        out.append(pf.Str(text[pos:]))
    return out


def _phone(items: list, i: int, labels: set[str]) -> tuple[int, str] | None:
    """(index after the number, tel: URL) when items[i] is a phone label followed by a number."""
    word = items[i].text.rstrip(":")
    if word not in labels and word.rstrip(".") not in labels:
        return None
    j, digits, end = i + 1, "", None
    while j + 1 < len(items) and isinstance(items[j], pf.Space) and isinstance(items[j + 1], pf.Str):
        token = items[j + 1].text.rstrip(".,;")
        if not _DIGITS.fullmatch(token):
            break
        digits += token
        end = j + 2
        j += 2
        if token != items[end - 1].text:
            break
    number = re.sub(r"[^\d+]", "", digits)
    if end is None or len(number.lstrip("+")) < 5:
        return None
    return end, "tel:" + number


def _inlines(items: list, labels: set[str]) -> list:
    out, i = [], 0
    while i < len(items):
        e = items[i]
        if isinstance(e, pf.Str) and (hit := _phone(items, i, labels)):
            end, url = hit
            out.append(e)
            out.append(pf.Space())
            number = items[i + 2:end]
            last = number[-1].text
            trail = last[len(last.rstrip(".,;")):]
            if trail:
                number = number[:-1] + [pf.Str(last[:-len(trail)])]
            out.append(pf.Link(*number, url=url))
            if trail:
                out.append(pf.Str(trail))
            i = end
            continue
        if isinstance(e, pf.Str) and ("@" in e.text or "www." in e.text or "http" in e.text):
            out.extend(_addresses(e.text))
        else:
            out.append(e)
        i += 1
    return out


def apply(doc: pf.Doc, lang: str) -> None:
    """Link addresses and labelled telephone numbers everywhere in the body."""
    labels = set(lexicon(lang).get("phone_labels", []))

    def inside_link(e) -> bool:
        while e is not None:
            if isinstance(e, _SKIP):
                return True
            e = e.parent
        return False

    def action(e, d):
        if inside_link(e):
            return None
        content = getattr(e, "content", None)
        if isinstance(e, pf.Inline) or isinstance(e, (pf.Para, pf.Plain, pf.Header)):
            if content is not None and len(content) and isinstance(content[0], pf.Inline):
                if any(isinstance(x, pf.Str) for x in content):
                    new = _inlines(list(content), labels)
                    if len(new) != len(content) or any(a is not b for a, b in zip(new, content)):
                        e.content = new
        return None

    walk(doc, action)
