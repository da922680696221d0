"""`accesspub serve`: the output on localhost, rebuilt incrementally whenever a source changes.

Only what is published is served, and only to this machine: files inside the output folder (no symlink
leading out, no dotfile, no build state), no directory listings, and only requests addressed to
127.0.0.1 or localhost on our port (a page of another site cannot reach the preview through DNS rebinding).
Range requests are answered, so that the audio player can seek.
"""

from __future__ import annotations

import errno
import os
import re
import socket
import threading
from http import HTTPStatus
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import unquote, urlsplit

from .config import Settings
from .errors import AccesspubError, EnvironmentFailure
from .progress import Reporter

HIDDEN = {"manifest.json"}          # build state a reader has no use for
_RANGE = re.compile(r"^bytes=(\d*)-(\d*)$")


class _Handler(SimpleHTTPRequestHandler):
    root: Path
    hosts: frozenset[str]

    def log_message(self, *args):
        pass

    def _published(self) -> Path | None:
        """The file a request path names, or None when it is not a published file."""
        parts = [unquote(p) for p in urlsplit(self.path).path.split("/") if p]
        if any(p.startswith(".") or "/" in p or "\\" in p or "\0" in p for p in parts):
            return None
        if parts and parts[-1] in HIDDEN:
            return None
        target = self.root.joinpath(*parts)
        if target.is_dir():
            target = target / "index.html"
        try:
            real = target.resolve(strict=True)
        except (OSError, RuntimeError):
            return None
        if self.root not in real.parents:
            return None
        return real if real.is_file() else None

    def _host_ok(self) -> bool:
        return self.headers.get("Host", "").strip().lower() in self.hosts

    def send_head(self):
        if not self._host_ok():
            self.send_error(HTTPStatus.MISDIRECTED_REQUEST, "This preview answers only to 127.0.0.1 and localhost")
            return None
        path = self._published()
        if path is None:
            self.send_error(HTTPStatus.NOT_FOUND)
            return None
        url_path = urlsplit(self.path).path
        if path.name == "index.html" and not url_path.endswith(("/", "index.html")):
            self.send_response(HTTPStatus.MOVED_PERMANENTLY)
            self.send_header("Location", url_path + "/")
            self.send_header("Content-Length", "0")
            self.end_headers()
            return None
        try:
            f = open(path, "rb")
        except OSError:
            self.send_error(HTTPStatus.NOT_FOUND)
            return None
        size = os.fstat(f.fileno()).st_size
        start, end = 0, size - 1
        status = HTTPStatus.OK
        if (wanted := self.headers.get("Range")) is not None:
            match = _RANGE.match(wanted.strip())
            if match and (match[1] or match[2]):
                if match[1]:
                    start = int(match[1])
                    end = min(int(match[2]), size - 1) if match[2] else size - 1
                else:
                    start = max(size - int(match[2]), 0)
                if start >= size or start > end:
                    f.close()
                    self.send_response(HTTPStatus.REQUESTED_RANGE_NOT_SATISFIABLE)
                    self.send_header("Content-Range", f"bytes */{size}")
                    self.send_header("Content-Length", "0")
                    self.end_headers()
                    return None
                status = HTTPStatus.PARTIAL_CONTENT
        self.send_response(status)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Length", str(end - start + 1))
        self.send_header("Accept-Ranges", "bytes")
        self.send_header("Cache-Control", "no-store")
        self.send_header("X-Content-Type-Options", "nosniff")
        if status == HTTPStatus.PARTIAL_CONTENT:
            self.send_header("Content-Range", f"bytes {start}-{end}/{size}")
        self.end_headers()
        f.seek(start)
        self._remaining = end - start + 1
        return f

    def copyfile(self, source, outputfile):
        remaining = getattr(self, "_remaining", None)
        while remaining is None or remaining > 0:
            chunk = source.read(64 * 1024 if remaining is None else min(64 * 1024, remaining))
            if not chunk:
                break
            outputfile.write(chunk)
            if remaining is not None:
                remaining -= len(chunk)

    def do_POST(self):
        self.send_error(HTTPStatus.METHOD_NOT_ALLOWED)

    do_PUT = do_DELETE = do_PATCH = do_POST


class _Server(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request, client_address):
        """A reader who closes the tab mid-download is normal, not an error worth a traceback."""
        import sys
        exc = sys.exc_info()[1]
        if isinstance(exc, (ConnectionError, TimeoutError, socket.timeout)):
            return
        super().handle_error(request, client_address)


def bind(out: Path, port: int) -> _Server:
    """The preview server for `out` on 127.0.0.1 (never other interfaces: releases may be under embargo), bound
    but not yet serving. A busy port is an environment failure, found before anything is built."""
    try:
        server = _Server(("127.0.0.1", port), _Handler, bind_and_activate=True)
    except OSError as exc:
        if exc.errno in (errno.EADDRINUSE, errno.EACCES):
            why = "is in use by another program" if exc.errno == errno.EADDRINUSE else "may not be used by this user"
            raise EnvironmentFailure(f"port {port} on 127.0.0.1 {why}",
                                     fix="choose another port with --port, e.g. --port 8001, or stop the program "
                                         "that holds it") from None
        raise EnvironmentFailure(f"cannot listen on 127.0.0.1:{port}: {exc.strerror}",
                                 fix="choose another port with --port") from None
    actual = server.server_address[1]
    server.RequestHandlerClass = type("Handler", (_Handler,), {
        "root": out.resolve(), "hosts": frozenset({f"127.0.0.1:{actual}", f"localhost:{actual}"})})
    return server


def start_server(out: Path, port: int) -> _Server:
    """Serve `out` on 127.0.0.1 in a background thread."""
    server = bind(out, port)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def serve(sources: list[Path], out: Path, formats: tuple[str, ...], settings: Settings, port: int,
          reporter: Reporter, jobs: int = 1, stop: threading.Event | None = None) -> None:
    """Build, serve, and rebuild on every change until interrupted."""
    import watchfiles

    from . import checks
    from .checks import services
    from .ingest import discover
    from .pipeline import build
    from .worker import warm_up as render_warm_up

    server = bind(out, port)
    warming = threading.Lock()       # a rebuild waits for the warm-up instead of loading the same tables beside it

    def rebuild(why: str) -> None:
        reporter.note(why)
        try:
            with warming:
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

    def warm_up() -> None:
        """The first build may run in a pool and start no checker: load here what the next (in-process) rebuild
        renders with, and start the checkers, so that the first edit is as quick as the next."""
        with warming:
            checks.warm_up(formats)
            paths, _ = discover(sources, exclude=(out,))
            if paths:
                try:        # the smallest source: a 5 MB release would keep the first edit waiting
                    render_warm_up(min(paths, key=lambda p: p.stat().st_size), formats, settings)
                except Exception:  # a warm-up that fails costs the first rebuild its head start, nothing else
                    pass
        reporter.note("ready: edits are rebuilt with warm renderers and checkers")

    with services.kept_warm():          # the checkers stay running between rebuilds
        rebuild("building …")
        threading.Thread(target=warm_up, daemon=True, name="warm-up").start()
        threading.Thread(target=server.serve_forever, daemon=True).start()
        reporter.note(f"serving {out} at http://127.0.0.1:{server.server_address[1]}/ — Ctrl+C to stop")
        watched = [s for s in sources if s.exists()]
        try:
            for changes in watchfiles.watch(*watched, stop_event=stop, debounce=400, raise_interrupt=False):
                names = ", ".join(sorted({Path(p).name for _, p in changes}))
                rebuild(f"changed: {names}")
        finally:
            server.shutdown()
            server.server_close()
