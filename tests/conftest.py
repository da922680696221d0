"""Shared fixtures: the real sample release and builds made once per test session."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from hypothesis import settings as hypothesis_settings

from accesspub.config import Settings
from accesspub.pipeline import build
from accesspub.progress import Reporter
from accesspub.state import build_dir

# CI explores the same examples every run (a red CI must mean a change broke something); locally every run
# explores new ones, and bench/fuzz_ingest.py goes deeper
hypothesis_settings.register_profile("ci", derandomize=True)
if os.environ.get("CI"):
    hypothesis_settings.load_profile("ci")

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "content" / "2017-10-27-regionalkonferenz-nord.txt"
SAMPLE_SLUG = "2017-10-27-regionalkonferenz-nord-im-rahmen-des-landesprogramms-wir"


@pytest.fixture(scope="session")
def sample_path() -> Path:
    return SAMPLE


def run_build(sources, out: Path, formats=("html",), settings: Settings | None = None):
    """A real build, quiet; returns the BuildResult."""
    return build([Path(s) for s in sources], out, tuple(formats), settings or Settings(), Reporter(quiet=True))


@pytest.fixture(scope="session")
def html_build(tmp_path_factory):
    """The sample built into full-text HTML with its checks (axe, vnu): (result, out folder)."""
    out = tmp_path_factory.mktemp("html-build")
    return run_build([SAMPLE], out), out


def report_of(out: Path, slug: str = SAMPLE_SLUG) -> dict:
    """A release's report; reports live in the state folder beside OUT, not in what is published."""
    return json.loads((build_dir(out) / slug / "report.json").read_text(encoding="utf-8"))
