"""The command line: arguments → pipeline. Exit codes: 0 ok, 1 accessibility errors, 2 unusable input or usage."""

from __future__ import annotations

import datetime as dt
import os
import re
import shutil
import sys
import time
from pathlib import Path
from typing import Optional

import functools

import typer
from rich.console import Console

from . import __version__, atomic
from . import renditions
from .config import load_settings
from .errors import AccesspubError, UsageError
from .progress import Reporter

app = typer.Typer(add_completion=False, no_args_is_help=True, rich_markup_mode=None, pretty_exceptions_enable=False,
                  context_settings={"help_option_names": ["-h", "--help"]},
                  help="Barrier-free press releases: semantic HTML, plain language, tagged PDF, EPUB 3 and audio, "
                       "each checked by real validators.")
console = Console()
errors = Console(stderr=True)

CONFIG = typer.Option(None, "--config", "-c", help="accesspub.toml to use (default: ./accesspub.toml if present).")
QUIET = typer.Option(False, "--quiet", "-q", help="Print only problems and the summary.")


def friendly(command):
    """A user's problem is one clear message and exit 2 (or the error's code), never a traceback."""
    @functools.wraps(command)
    def wrapper(*args, **kwargs):
        try:
            return command(*args, **kwargs)
        except AccesspubError as exc:
            errors.print(f"[bold red]error:[/] {exc}", highlight=False, soft_wrap=True)
            raise typer.Exit(exc.exit_code) from None
        except KeyboardInterrupt:
            errors.print("interrupted; finished files are kept, unfinished ones were not written")
            raise typer.Exit(130) from None
    return wrapper


def _formats(text: str | None, default: list[str]) -> tuple[str, ...]:
    known = renditions.names()
    wanted = [f.strip() for f in text.split(",") if f.strip()] if text else list(default)
    unknown = [f for f in wanted if f not in known]
    if unknown:
        raise UsageError(f"unknown format(s): {', '.join(unknown)}", fix=f"choose from {','.join(known)}")
    return tuple(f for f in known if f in wanted or f in renditions.required())   # the page links every other


def _finish(result, started: float, quiet: bool) -> None:
    from .report import print_summary
    if not quiet or result.exit_code:
        print_summary(console, result.reports, result.build_findings, result.out)
    secs = result.seconds
    stages = ", ".join(f"{k} {v:.1f}s" for k, v in secs.items() if k not in ("build", "checks")
                       and not k.startswith("check "))
    by_check = ", ".join(f"{k[6:]} {v:.1f}s" for k, v in secs.items() if k.startswith("check "))
    rebuilt = sum(1 for r in result.rebuilt.values() if r)
    console.print(f"{len(result.reports)} release(s), {rebuilt} (re)built, in {time.perf_counter() - started:.1f}s: "
                  f"building {secs.get('build', 0):.1f}s, checks {secs.get('checks', 0):.1f}s"
                  + (f" ({by_check})" if by_check else "")
                  + (f" (per stage, summed over workers: {stages})" if stages else "")
                  + f"; site: {result.out / 'index.html'}", highlight=False, soft_wrap=True)
    for exc in result.input_errors:
        errors.print(f"[bold red]unusable input:[/] {exc}", highlight=False, soft_wrap=True)
    raise typer.Exit(result.exit_code)


@app.command()
@friendly
def build(
    sources: list[Path] = typer.Argument(None, help="Release files or folders (default: content/)."),
    out: Path = typer.Option(Path("output"), "--out", "-o", help="Output folder."),
    formats: Optional[str] = typer.Option(None, "--formats", "-f",
                                          help=f"Comma-separated renditions to build ({','.join(renditions.names())}); "
                                               "html is always built."),
    jobs: int = typer.Option(os.cpu_count() or 1, "--jobs", "-j", min=1, help="Releases built in parallel."),
    scheduler: Optional[str] = typer.Option(None, "--scheduler",
                                            help="Run the per-release work on a Dask cluster, e.g. tcp://host:8786."),
    config: Optional[Path] = CONFIG,
    quiet: bool = QUIET,
):
    """Build every release into OUT and check each rendition."""
    from .pipeline import build as run_build
    started = time.perf_counter()
    settings = load_settings(config)
    wanted = _formats(formats, settings.output.formats)
    with Reporter(errors, quiet) as reporter:
        result = run_build(sources or [Path("content")], out, wanted, settings, reporter, jobs=jobs,
                           scheduler=scheduler)
    _finish(result, started, quiet)


@app.command()
@friendly
def check(
    out: Path = typer.Argument(Path("output"), help="An output folder built by `accesspub build`."),
    config: Optional[Path] = CONFIG,
    quiet: bool = QUIET,
):
    """Re-run every check on an existing output folder and rewrite its reports."""
    from .pipeline import check_tree
    started = time.perf_counter()
    with Reporter(errors, quiet) as reporter:
        result = check_tree(out, load_settings(config), reporter)
    _finish(result, started, quiet)


@app.command()
@friendly
def serve(
    sources: list[Path] = typer.Argument(None, help="Release files or folders to watch (default: content/)."),
    out: Path = typer.Option(Path("output"), "--out", "-o", help="Output folder."),
    formats: Optional[str] = typer.Option(None, "--formats", "-f", help="Renditions to build, as for build."),
    port: int = typer.Option(8000, "--port", "-p", help="Port on 127.0.0.1."),
    jobs: int = typer.Option(os.cpu_count() or 1, "--jobs", "-j", min=1, help="Releases built in parallel."),
    config: Optional[Path] = CONFIG,
):
    """Serve OUT on localhost and rebuild what changed whenever a source changes."""
    from .serve import serve as run_serve
    settings = load_settings(config)
    with Reporter(errors, quiet=False) as reporter:
        run_serve(sources or [Path("content")], out, _formats(formats, settings.output.formats), settings, port,
                  reporter, jobs=jobs)


SCAFFOLD = """---
title: {title}
date: {date}
place: {place}
lang: {lang}
summary: {summary}
contact: |
  {contact}
---

**{place}.** {lead}

{body}
"""
_DATED = re.compile(r"(\d{4})-(\d{2})-(\d{2})(?:-(.*))?")


def _run_hint(folder: Path) -> str:
    """The build command as this one was started (on PATH, by its path, or through python -m)."""
    script = Path(sys.argv[0])
    if script.name == "accesspub":
        on_path = shutil.which("accesspub")
        command = "accesspub" if on_path and Path(on_path).resolve() == script.resolve() else str(sys.argv[0])
    else:
        command = f"{sys.executable} -m accesspub.cli"
    return f"{command} build {folder}"


@app.command()
@friendly
def new(
    slug: str = typer.Argument(..., help="File name for the release, e.g. 2025-03-01-neue-foerderung "
                                         "(a leading date becomes the release's date)."),
    folder: Path = typer.Option(Path("content"), "--dir", "-d", help="Folder to create it in."),
    lang: str = typer.Option("de", "--lang", help="Language of the release (de or en)."),
):
    """Scaffold a release: a Markdown file with front matter to fill in, in the release's language."""
    from .ingest import slug_words
    from .language.lexicon import LANGUAGES, lexicon
    if lang not in LANGUAGES:
        raise UsageError(f"no language '{lang}'", fix=f"use --lang {' or --lang '.join(LANGUAGES)}")
    clean = slug_words(slug, max_length=80)
    if not clean:
        raise UsageError(f"'{slug}' gives no usable file name", fix="use letters, digits and hyphens")
    date, words = dt.date.today(), clean
    if m := _DATED.fullmatch(clean):
        try:
            date = dt.date(int(m[1]), int(m[2]), int(m[3]))
        except ValueError:
            raise UsageError(f"'{m[1]}-{m[2]}-{m[3]}' at the start of '{slug}' is not a date",
                             fix="start the name with a real date, YYYY-MM-DD, or leave the date out") from None
        words = m[4] or ""
    path = folder / f"{clean}.md"
    if path.exists():
        raise UsageError("a release with this name exists already", file=path, fix="choose another SLUG")
    text = lexicon(lang)["scaffold"]
    title = words.replace("-", " ").strip().capitalize() or text["title"]
    folder.mkdir(parents=True, exist_ok=True)
    atomic.write_text(path, SCAFFOLD.format(title=title, date=date.isoformat(), lang=lang, **{
        k: text[k] for k in ("place", "summary", "contact", "lead", "body")}))
    console.print(f"created {path} — edit it, then run: {_run_hint(folder)}", highlight=False, soft_wrap=True)


@app.command()
def version():
    """Print the version."""
    console.print(f"accesspub {__version__}")


def _print_version(value: bool) -> None:
    if value:
        console.print(f"accesspub {__version__}")
        raise typer.Exit()


@app.callback()
def _options(
    show_version: bool = typer.Option(False, "--version", "-V", callback=_print_version, is_eager=True,
                                      help="Print the version and exit."),
):
    """Barrier-free press releases: semantic HTML, plain language, tagged PDF, EPUB 3 and audio, each checked by
    real validators."""


def main() -> None:
    app()


if __name__ == "__main__":
    main()
