"""`accesspub serve`: the output on localhost, rebuilt incrementally whenever a source changes."""

from __future__ import annotations

import functools
import io
import re
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from .config import Settings
from .errors import AccesspubError
from .progress import Reporter


class _Quiet(SimpleHTTPRequestHandler):
    """Static files, quietly, with single byte ranges: a browser seeks audio (read-along) only with Range."""

    def log_message(self, *args):
        pass

    def send_head(self):
        match = re.fullmatch(r"bytes=(\d*)-(\d*)", self.headers.get("Range", "").strip())
        path = Path(self.translate_path(self.path))
        if not match or not path.is_file() or match.groups() == ("", ""):
            return super().send_head()
        size = path.stat().st_size
        first, last = match.groups()
        start, end = (size - int(last), size - 1) if not first else (int(first), min(int(last or size - 1), size - 1))
        if start < 0 or start > end:
            self.send_response(416)
            self.send_header("Content-Range", f"bytes */{size}")
            self.end_headers()
            return None
        with path.open("rb") as handle:
            handle.seek(start)
            body = handle.read(end - start + 1)
        self.send_response(206)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Range", f"bytes {start}-{end}/{size}")
        self.send_header("Content-Length", str(end - start + 1))
        self.send_header("Accept-Ranges", "bytes")
        self.end_headers()
        return io.BytesIO(body)


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
