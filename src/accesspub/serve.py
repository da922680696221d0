"""`accesspub serve`: the output on localhost, rebuilt incrementally whenever a source changes."""

from __future__ import annotations

import functools
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from .config import Settings
from .errors import AccesspubError
from .progress import Reporter


class _Quiet(SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def start_server(out: Path, port: int) -> ThreadingHTTPServer:
    """Serve `out` on 127.0.0.1 (never on other interfaces: releases may be under embargo)."""
    handler = functools.partial(_Quiet, directory=str(out))
    server = ThreadingHTTPServer(("127.0.0.1", port), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def serve(sources: list[Path], out: Path, formats: tuple[str, ...], settings: Settings, port: int,
          reporter: Reporter, jobs: int = 1, stop: threading.Event | None = None) -> None:
    """Build, serve, and rebuild on every change until interrupted."""
    import watchfiles

    from .pipeline import build

    def rebuild(why: str) -> None:
        reporter.note(why)
        try:
            result = build(sources, out, formats, settings, reporter, jobs=jobs)
        except AccesspubError as exc:
            reporter.note(f"error: {exc}")
            return
        for exc in result.input_errors:
            reporter.note(f"unusable input: {exc}")
        counts = {"error": 0, "warning": 0}
        for r in result.reports:
            for sev in counts:
                counts[sev] += r["counts"][sev]
        reporter.note(f"built: {sum(1 for v in result.rebuilt.values() if v)} changed, "
                      f"{len(result.reports)} releases, {counts['error']} errors, {counts['warning']} warnings")

    rebuild("building …")
    server = start_server(out, port)
    reporter.note(f"serving {out} at http://127.0.0.1:{server.server_address[1]}/ — Ctrl+C to stop")
    watched = [s for s in sources if s.exists()]
    try:
        for changes in watchfiles.watch(*watched, stop_event=stop, debounce=400, raise_interrupt=False):
            names = ", ".join(sorted({Path(p).name for _, p in changes}))
            rebuild(f"changed: {names}")
    finally:
        server.shutdown()
