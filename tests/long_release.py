"""A generated long release for the size measurements (tests/test_ingest_speed.py and `make bench`): the
sample's head, then prose paragraphs of the sample and the Markdown corpus, a heading every twelve paragraphs."""

from __future__ import annotations

import random
import re
from pathlib import Path

CORPUS = Path(__file__).parent / "corpus"


def _paragraphs(sample: Path) -> list[str]:
    texts = [sample.read_text(encoding="utf-8")] + [p.read_text(encoding="utf-8") for p in sorted(CORPUS.glob("*.md"))]
    paragraphs = [" ".join(p.split()) for t in texts for p in re.split(r"\n\s*\n", t)]
    # prose only: no front matter, headings, lists or markup that would stand alone
    return [p for p in paragraphs if len(p) > 200 and p[0].isalpha() and "{" not in p and "<" not in p]


def long_release(path: Path, size: int, sample: Path, seed: int = 16) -> Path:
    """Write a release of about `size` bytes to `path`."""
    rng = random.Random(seed)
    paragraphs = _paragraphs(sample)
    parts, n, i = sample.read_text(encoding="utf-8").split("\n\n")[:4], 0, 0
    while n < size:
        i += 1
        part = rng.choice(paragraphs)
        if i % 12 == 0:
            part = f"## Abschnitt {i // 12}\n\n{part}"
        parts.append(part)
        n += len(part.encode()) + 2
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("\n\n".join(parts) + "\n", encoding="utf-8")
    return path
