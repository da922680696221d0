"""Fuzz the ingest (atheris, coverage-guided): any input must give a Release or a SourceError, nothing else.

    .venv/bin/python bench/fuzz_ingest.py -max_total_time=600 -timeout=10

A crash (any other exception) or a hang over 10 s stops the run and leaves the input as crash-*/timeout-*.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

import atheris

with atheris.instrument_imports():
    from accesspub.config import Settings
    from accesspub.errors import SourceError
    from accesspub.ingest import load_release

SETTINGS = Settings()
SUFFIXES = [".md", ".txt", ".html", ".rst", ".docx", ".odt"]
FOLDER = Path(tempfile.mkdtemp(prefix="accesspub-fuzz-"))


def one_input(data: bytes) -> None:
    fdp = atheris.FuzzedDataProvider(data)
    suffix = SUFFIXES[fdp.ConsumeIntInRange(0, len(SUFFIXES) - 1)]
    body = fdp.ConsumeBytes(fdp.remaining_bytes())
    path = FOLDER / f"release{suffix}"
    path.write_bytes(body)
    try:
        release = load_release(path, SETTINGS)
    except SourceError:
        return
    assert release.meta.title and release.slug


if __name__ == "__main__":
    atheris.Setup(sys.argv, one_input)
    atheris.Fuzz()
