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
STATE = typer.Option(None, "--state", help="State folder (build tree, reports, lock); default: "
                                           ".accesspub-state/<OUT name> beside OUT.")


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
        print_summary(console, result.reports, result.build_findings, result.work or result.out)
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
    state: Optional[Path] = STATE,
):
    """Build and check every release, and publish the public ones (no drafts, no embargo yet) into OUT."""
    from .pipeline import build as run_build
    started = time.perf_counter()
    settings = load_settings(config)
    wanted = _formats(formats, settings.output.formats)
    with Reporter(errors, quiet) as reporter:
        result = run_build(sources or [Path("content")], out, wanted, settings, reporter, jobs=jobs,
                           scheduler=scheduler, state=state)
    _finish(result, started, quiet)


@app.command()
@friendly
def check(
    out: Path = typer.Argument(Path("output"), help="An output folder built by `accesspub build`."),
    config: Optional[Path] = CONFIG,
    quiet: bool = QUIET,
    state: Optional[Path] = STATE,
):
    """Re-run every check on what was built for OUT, rewrite the reports and publish again."""
    from .pipeline import check_tree
    started = time.perf_counter()
    with Reporter(errors, quiet) as reporter:
        result = check_tree(out, load_settings(config), reporter, state=state)
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


desk_app = typer.Typer(help="The press desk: a web application and API over the same build (see the README).",
                       invoke_without_command=True, no_args_is_help=False)
app.add_typer(desk_app, name="desk")
DESK_DB = typer.Option(None, "--db", help="Database URL (default: a SQLite file in --data; "
                                          "PostgreSQL: postgresql://user@host/dbname).")
DESK_DATA = typer.Option(None, "--data", help="Folder for the desk's files (default: ./desk-data).")
DESK_OUT = typer.Option(None, "--out", "-o", help="The published site (default: DATA/site).")


def _desk_config(db, data, out, config):
    from .desk.config import DeskConfig
    return DeskConfig.from_env(db_url=db, data=data, out=out, config_file=config)


@desk_app.callback()
@friendly
def desk(
    ctx: typer.Context,
    host: str = typer.Option("127.0.0.1", "--host", help="Interface to listen on (only this machine by default)."),
    port: int = typer.Option(8080, "--port", "-p", help="Port."),
    db: Optional[str] = DESK_DB, data: Optional[Path] = DESK_DATA, out: Optional[Path] = DESK_OUT,
    config: Optional[Path] = CONFIG,
):
    """Run the desk's web application (start workers with `accesspub desk worker`)."""
    if ctx.invoked_subcommand is not None:
        ctx.obj = {"db": db, "data": data, "out": out, "config": config}
        return
    import uvicorn

    from .desk.web import create_app
    local = host in ("127.0.0.1", "localhost", "::1")
    app_ = create_app(_desk_config(db, data, out, config), secure_cookies=not local)
    if not local:
        errors.print(f"listening on {host}: put the desk behind HTTPS (session cookies are sent over HTTPS only)")
    uvicorn.run(app_, host=host, port=port, proxy_headers=not local, log_level="info")


def _parent_options(ctx: typer.Context, db, data, out, config):
    parent = ctx.obj or {}
    return (db or parent.get("db"), data or parent.get("data"), out or parent.get("out"),
            config or parent.get("config"))


@desk_app.command("worker")
@friendly
def desk_worker(
    ctx: typer.Context,
    db: Optional[str] = DESK_DB, data: Optional[Path] = DESK_DATA, out: Optional[Path] = DESK_OUT,
    config: Optional[Path] = CONFIG,
):
    """Run a worker: builds, checks and publishes the desk's jobs, one at a time; start several for more
    throughput (each is its own process with its own warm tools)."""
    import logging

    from .desk.jobs import Desk
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(name)s %(levelname)s %(message)s")
    for noisy in ("fontTools", "weasyprint", "alembic"):
        logging.getLogger(noisy).setLevel(logging.WARNING)
    Desk(_desk_config(*_parent_options(ctx, db, data, out, config))).run_worker()


@desk_app.command("adduser")
@friendly
def desk_adduser(
    ctx: typer.Context,
    username: str = typer.Argument(..., help="The user name to sign in with."),
    role: str = typer.Option("editor", "--role", "-r", help="Comma-separated: editor, reviewer, publisher."),
    password: Optional[str] = typer.Option(None, "--password", help="Default: asked for (not echoed). "
                                                                     "Or set ACCESSPUB_DESK_PASSWORD."),
    db: Optional[str] = DESK_DB, data: Optional[Path] = DESK_DATA, out: Optional[Path] = DESK_OUT,
    config: Optional[Path] = CONFIG,
):
    """Create a desk account (the first one is made here, on the server)."""
    from .desk import auth
    from .desk.db import Database
    cfg = _desk_config(*_parent_options(ctx, db, data, out, config))
    secret = password or os.environ.get("ACCESSPUB_DESK_PASSWORD") or typer.prompt(
        "Password", hide_input=True, confirmation_prompt=True)
    database = Database(cfg.db_url)
    try:
        with database.session() as s:
            user = auth.add_user(s, username, secret, role)
            roles = user.roles
    except ValueError as exc:
        raise UsageError(str(exc), fix="choose another name, a longer password or a known role") from None
    console.print(f"user '{username}' created with the roles {roles}", highlight=False)


@app.command()
@friendly
def review(
    slug: str = typer.Argument(..., help="The release to review: its slug or its file name without extension."),
    sources: list[Path] = typer.Option([Path("content")], "--sources", "-s", help="Release files or folders."),
    approve: bool = typer.Option(False, "--approve", help="Save the draft (as edited) as the approved version."),
    by: Optional[str] = typer.Option(None, "--by", help="Who approves (required with --approve)."),
    config: Optional[Path] = CONFIG,
):
    """Write the side-by-side review sheet and the editable draft of a release's plain version; with
    --approve --by NAME save the draft as the approved <name>.plain.md."""
    from . import atomic
    from .ingest import discover, load_release
    from .plain.build import build as build_plain
    from .plain.review import paths, sheet, to_markdown
    settings = load_settings(config)
    found, missing = discover(sources)
    if missing:
        raise missing[0]
    candidates = sorted(found, key=lambda p: p.stem != slug)
    release = None
    for path in candidates:
        r = load_release(path, settings)
        if slug in (r.slug, path.stem):
            release = r
            break
    if release is None:
        raise UsageError(f"no release '{slug}' in {', '.join(map(str, sources))}",
                         fix="give the slug shown in the build output, or the file name without extension")
    review_sheet, draft, approved = paths(release)
    if approve:
        if not by or not by.strip():
            raise UsageError("--approve needs the name of the person who checked the text",
                             fix="add --by 'First Last'")
        text = draft.read_text(encoding="utf-8") if draft.is_file() else \
            to_markdown(build_plain(release, settings).doc, "", dt.date.today())
        atomic.write_text(approved, f"<!-- approved by {by.strip()} on {dt.date.today().isoformat()} -->\n\n"
                          + text)
        console.print(f"approved: {approved}", highlight=False)
        return
    result = build_plain(release, settings)
    notes: dict[str, list[str]] = {}
    for f in result.findings:
        if f.check == "plain-lint" and f.location:
            notes.setdefault(f.location.split(":")[0], []).append(f"{f.rule}: {f.message}")
    atomic.write_text(review_sheet, sheet(release, result.doc, notes))
    atomic.write_text(draft, to_markdown(result.doc, "", dt.date.today()))
    marked = result.doc.review_count()
    console.print(f"review sheet: {review_sheet}\ndraft: {draft} ({marked} sentences marked for review)\n"
                  f"edit the draft, then: accesspub review {slug} --approve --by NAME", highlight=False)


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
