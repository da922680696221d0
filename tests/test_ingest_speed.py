"""Issue 16: ingest grows linearly with the size of a release.

A generated ~1 MB release (paragraphs of real releases from the corpus, with headings, quotations,
abbreviations and links) is read once; its cost is compared with pandoc's own on the same file. Both are
measured as CPU time of this process and its children, so other work on the machine changes neither much:
the assertion is a ratio, not a clock. Before issue 16 the 1 MB ratio was about 30 and rising with size.
"""

from __future__ import annotations

import resource
import subprocess
from pathlib import Path

import pypandoc

from accesspub.config import Settings
from accesspub.ingest import load_release

from conftest import SAMPLE
from long_release import long_release

MULTIPLE = 10          # ingest at most this many times pandoc's own time (measured: about 6–7)
GROWTH = 14            # ten times the text costs at most this many times as much (linear: 10; quadratic: 100)


def _cpu() -> float:
    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def _cost(path: Path, settings: Settings) -> tuple[float, float]:
    """(pandoc's CPU seconds for Markdown → HTML, ingest's CPU seconds) on one file."""
    t = _cpu()
    subprocess.run([pypandoc.get_pandoc_path(), "-f", "markdown", "-t", "html", str(path)], check=True,
                   capture_output=True)
    pandoc = _cpu() - t
    t = _cpu()
    release = load_release(path, settings)
    ingest = _cpu() - t
    assert len(release.sentences()) > size_of(path) // 400      # it really read the whole text
    return pandoc, ingest


def size_of(path: Path) -> int:
    return path.stat().st_size


def test_ingest_of_a_1mb_release_is_a_small_multiple_of_pandoc_and_linear(tmp_path):
    settings = Settings()
    load_release(SAMPLE, settings)                  # models loaded once, as in any build
    small = long_release(tmp_path / "small.md", 100_000, SAMPLE)
    large = long_release(tmp_path / "large.md", 1_000_000, SAMPLE)
    _, small_ingest = _cost(small, settings)
    pandoc, large_ingest = _cost(large, settings)
    assert large_ingest <= MULTIPLE * pandoc, (
        f"ingest of a 1 MB release took {large_ingest:.1f} s CPU, {large_ingest / pandoc:.1f} times pandoc's "
        f"{pandoc:.2f} s (at most {MULTIPLE})")
    assert large_ingest <= GROWTH * small_ingest, (
        f"ten times the text cost {large_ingest / small_ingest:.1f} times as much ({small_ingest:.2f} s → "
        f"{large_ingest:.2f} s): something grows faster than the text")


def test_a_long_text_is_split_into_sentences_by_helper_processes_with_the_same_result(monkeypatch):
    """Above PARALLEL_ABOVE characters, parts of the text go to helper processes (a long release is often
    built alone, with a core idle); the sentence ranges are exactly those one process finds."""
    from accesspub.language import sentences

    paragraphs = [p for p in SAMPLE.read_text(encoding="utf-8").split("\n\n") if len(p) > 80] * 6
    serial = [sentences.split(p, "de") for p in paragraphs]
    monkeypatch.setattr(sentences, "PARALLEL_ABOVE", sum(map(len, paragraphs)) // 4)
    monkeypatch.setattr(sentences.os, "cpu_count", lambda: 3)
    here = []
    local = sentences._split_chunk
    monkeypatch.setattr(sentences, "_split_chunk", lambda texts, lang: here.extend(texts) or local(texts, lang))
    assert sentences.split_all(paragraphs, "de") == serial
    assert 0 < len(here) < len(paragraphs) / 2        # the helpers split the rest (none failed)
