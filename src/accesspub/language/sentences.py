"""Sentence ids: each sentence of the body is wrapped once in Span.s with id "s-N".

The same ids drive the HTML read-along, the EPUB media overlays and the audio cue timings. A sentence that
crosses an inline boundary (a quotation holding two sentences and the start of a third) is wrapped in pieces:
the first piece has id "s-N", further pieces "s-N-2", "s-N-3"; all carry class "s".
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
from bisect import bisect_right
from functools import lru_cache

import panflute as pf

from .inlines import children, inner_start, offsets, text_of
from .registry import language_for
from ..tree import walk

SENTENCE_CLASS = "s"


def _tokenizer(lang: str, offsets: bool = False):
    return _somajo(language_for(lang).splitter, offsets)


@lru_cache(maxsize=4)
def _somajo(model: str, offsets: bool):
    from somajo import SoMaJo
    splitter = SoMaJo(model, split_camel_case=False, character_offsets=offsets)
    _skip_emoji_free_tokens(splitter._tokenizer)
    return splitter


def _skip_emoji_free_tokens(tokenizer) -> None:
    """SoMaJo looks for emoji grapheme by grapheme, compiling its pattern anew each time: about half its time.
    A token without a single emoji character cannot hold one, so it is passed over; the rest go to SoMaJo's
    own method (the same output, found in a fraction of the time)."""
    import regex
    any_emoji = regex.compile(r"[\p{Extended_Pictographic}\p{Emoji_Presentation}\uFE0F]")
    original = tokenizer._split_emojis

    def split_emojis(node, token_class="emoticon"):
        if any_emoji.search(node.value.text):
            original(node, token_class)
    tokenizer._split_emojis = split_emojis


def split(text: str, lang: str) -> list[tuple[int, int]]:
    """Character ranges of the sentences in one paragraph of text."""
    if not text.strip():
        return []
    found = [sentence for sentence in _tokenizer(lang).tokenize_text([text]) if sentence]  # SoMaJo yields an
    starts = _starts(found, text)                                  # empty sentence for control characters only
    if starts is None:
        starts = [sentence[0].character_offset[0] for sentence in _tokenizer(lang, offsets=True).tokenize_text([text])
                  if sentence]
    if not starts:
        return [(0, len(text))]
    # each sentence reaches to the start of the next, so that no character is left out
    starts[0] = 0
    return list(zip(starts, starts[1:] + [len(text)]))


def _starts(sentences: list, text: str) -> list[int] | None:
    """Where each sentence starts in `text`, found by walking its tokens through it (a quarter of the time
    SoMaJo's own alignment takes); None when a token is not there as written, with only white space before it —
    SoMaJo normalised or dropped characters (NFD, soft hyphens, entities) — and its alignment must do it."""
    pos, starts = 0, []
    for sentence in sentences:
        for i, token in enumerate(sentence):
            at = text.find(token.text, pos)
            if at < 0 or (at > pos and not text[pos:at].isspace()):
                return None
            if i == 0:
                starts.append(at)
            pos = at + len(token.text)
    return starts


# characters of paragraph text above which other processes split part of it: SoMaJo needs about 7 s per MB on
# one core, a helper process starts in a third of a second, and a long release is often built alone (the other
# core idle)
PARALLEL_ABOVE = 300_000


def _split_chunk(texts: list[str], lang: str) -> list[list[tuple[int, int]]]:
    return [split(t, lang) for t in texts]


def _serve() -> None:
    """A helper process of `split_all`: JSON {"lang", "texts"} on stdin, their ranges as JSON on stdout."""
    job = json.load(sys.stdin)
    json.dump(_split_chunk(job["texts"], job["lang"]), sys.stdout)


def split_all(texts: list[str], lang: str) -> list[list[tuple[int, int]]]:
    """`split` for many paragraphs; for a long text, contiguous parts go to helper processes (one per further
    core, plain subprocesses: nothing of the caller's program is imported again) while this process splits
    the first part. The same ranges as one process gives."""
    total = sum(map(len, texts))
    parts = min(os.cpu_count() or 1, 4, max(1, total // (PARALLEL_ABOVE // 2)))
    if total < PARALLEL_ABOVE or parts < 2:
        return _split_chunk(texts, lang)
    bounds, acc, share = [0], 0, total / parts
    for i, t in enumerate(texts):
        acc += len(t)
        if acc >= share * len(bounds) and len(bounds) < parts:
            bounds.append(i + 1)
    bounds.append(len(texts))
    chunks = [texts[a:b] for a, b in zip(bounds, bounds[1:])]
    helpers = []
    for chunk in chunks[1:]:
        proc = subprocess.Popen([sys.executable, "-c", "from accesspub.language.sentences import _serve; _serve()"],
                                stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
        threading.Thread(target=_feed, args=(proc, {"lang": lang, "texts": chunk}), daemon=True).start()
        helpers.append((proc, chunk))
    out = _split_chunk(chunks[0], lang)
    for proc, chunk in helpers:
        out += _answer(proc, len(chunk)) or _split_chunk(chunk, lang)   # a helper that failed: split here
    return out


def _answer(proc: subprocess.Popen, count: int) -> list[list[tuple[int, int]]] | None:
    """A helper's ranges, or None when it failed (memory, a signal) or answered something else."""
    data = proc.stdout.read()
    if proc.wait() != 0:
        return None
    try:
        found = [[(int(a), int(b)) for a, b in ranges] for ranges in json.loads(data)]
    except (ValueError, TypeError):
        return None
    return found if len(found) == count else None


def _feed(proc: subprocess.Popen, job: dict) -> None:
    try:
        proc.stdin.write(json.dumps(job).encode())
        proc.stdin.close()
    except OSError:
        pass


class _Numbering:
    def __init__(self):
        self.next = 1
        self.ids: dict[tuple[int, int], list[int]] = {}

    def id_for(self, block_no: int, k: int) -> str:
        key = (block_no, k)
        if key not in self.ids:
            self.ids[key] = [self.next, 1]
            self.next += 1
            return f"s-{self.ids[key][0]}"
        self.ids[key][1] += 1
        n, piece = self.ids[key]
        return f"s-{n}-{piece}"


def _sentence_at(pos: int, starts: list[int]) -> int:
    """The sentence that holds character `pos`, by the sentences' start offsets (contiguous ranges)."""
    return max(0, bisect_right(starts, pos) - 1)


def _is_blank(e: pf.Element) -> bool:
    return isinstance(e, (pf.Space, pf.SoftBreak, pf.LineBreak))


def _wrap(inlines: list, ranges, base: int, lang: str, numbering: _Numbering, block_no: int) -> list:
    out: list = []
    group: list = []
    group_k = None

    def flush():
        nonlocal group, group_k
        if group:
            while group and _is_blank(group[-1]):
                trailing = group.pop()
                out_tail.append(trailing)
            if group:
                out.append(pf.Span(*group, identifier=numbering.id_for(block_no, group_k),
                                   classes=[SENTENCE_CLASS]))
            out.extend(out_tail)
            out_tail.clear()
        group, group_k = [], None

    out_tail: list = []
    starts = [s for s, _ in ranges]
    for e, (s, t) in zip(inlines, offsets(inlines, lang, base)):
        if s == t or (_is_blank(e) and not group):
            flush()
            out.append(e)
            continue
        k_first, k_last = _sentence_at(s, starts), _sentence_at(t - 1, starts)
        if k_first != k_last and (kids := children(e)) is not None:
            flush()
            e.content = _wrap(list(kids), ranges, s + inner_start(e, lang), lang, numbering, block_no)
            out.append(e)
            continue
        if group and k_first != group_k:
            flush()
        group.append(e)
        group_k = k_first if group_k is None else group_k
    flush()
    return out


_TEXT_BLOCKS = (pf.Para, pf.Plain, pf.Header)


def assign_ids(doc: pf.Doc, lang: str) -> int:
    """Wrap every sentence of the body in Span.s with a stable id; returns the number of sentences."""
    numbering = _Numbering()
    blocks = []
    walk(doc, lambda e, d: blocks.append(e) if isinstance(e, _TEXT_BLOCKS) else None)
    texts = [text_of(list(block.content), lang) for block in blocks]
    prose = [k for k, block in enumerate(blocks) if not isinstance(block, pf.Header)]
    found = dict(zip(prose, split_all([texts[k] for k in prose], lang)))
    for block_no, block in enumerate(blocks):
        inlines = list(block.content)
        ranges = found[block_no] if block_no in found else [(0, max(1, len(texts[block_no])))]
        if not ranges:
            continue
        block.content = _wrap(inlines, ranges, 0, lang, numbering, block_no)
    return numbering.next - 1


def sentence_texts(doc: pf.Doc, lang: str = "de") -> list[tuple[str, str]]:
    """(id, text) of every sentence in reading order; pieces of one sentence are joined."""
    pieces: dict[str, list[str]] = {}
    order: list[str] = []

    def visit(e, d):
        if isinstance(e, pf.Span) and SENTENCE_CLASS in e.classes and e.identifier:
            base = "-".join(e.identifier.split("-")[:2])
            if base not in pieces:
                pieces[base] = []
                order.append(base)
            pieces[base].append(text_of(e.content, lang))
    walk(doc, visit)
    return [(sid, _join(pieces[sid])) for sid in order]


def _join(pieces: list[str]) -> str:
    """Pieces of one sentence as one text: a space between them unless the next starts with punctuation."""
    text = ""
    for piece in (p.strip() for p in pieces):
        text += piece if not text or piece[:1] in ",.;:!?)“”" else " " + piece
    return text
