"""The heavy check tools as services: each started once, on first use, and kept until the process says so.

A build (`pipeline.build`, `pipeline.check_tree`) runs inside `session()`: every tool it needs starts at most
once for the whole build, including the re-checks after certification, and is shut down when the build ends.
A long-lived process (`accesspub serve`, a desk worker) runs inside `kept_warm()`: then the tools stay running
between builds, so the checks of the next edit start at once, and they are shut down when it ends (or, at the
latest, when the process exits).

A service is any object with `close()` (and `alive()` when it can die); a check takes it with
`with services.use(name, start) as tool:`, which starts it when it is not running.
"""

from __future__ import annotations

import atexit
import logging
import subprocess
import threading
from contextlib import contextmanager
from typing import Callable, TypeVar

log = logging.getLogger("accesspub.checks")
T = TypeVar("T")

_running: dict[str, object] = {}
_lock = threading.Lock()
_starting: dict[str, threading.Lock] = {}
_users: dict[str, threading.Lock] = {}
_warm = False
_sessions = 0


@contextmanager
def kept_warm():
    """Within: every tool keeps running between builds; at the end they are all stopped."""
    global _warm
    _warm = True
    try:
        yield
    finally:
        _warm = False
        close_all()


def is_warm() -> bool:
    return _warm


def get(name: str, start: Callable[[], T]) -> T:
    """The running service `name`, started by `start()` the first time (one start even when asked at once)."""
    with _lock:
        gate = _starting.setdefault(name, threading.Lock())
    with gate:
        service = _running.get(name)
        if service is None or not getattr(service, "alive", lambda: True)():
            if service is not None:
                _close(name, service)
            service = start()
            _running[name] = service
        return service


@contextmanager
def use(name: str, start: Callable[[], T]):
    """The service for one check call, used by one caller at a time; outside a build and a warm process it
    stops after the call."""
    with _lock:
        user = _users.setdefault(name, threading.Lock())
    with user:
        service = get(name, start)
        try:
            yield service
        finally:
            if not _warm and _sessions == 0:
                drop(name)


def stop(proc: subprocess.Popen, timeout: float) -> None:
    """End a tool that reads its work from stdin: close stdin (it finishes and exits), kill it after `timeout`."""
    try:
        proc.stdin.close()
        proc.wait(timeout=timeout)
    except (OSError, subprocess.TimeoutExpired):
        proc.kill()
        proc.wait()


def drop(name: str) -> None:
    """Stop one service (it failed): the next `get` starts it again."""
    service = _running.pop(name, None)
    if service is not None:
        _close(name, service)


def _close(name: str, service) -> None:
    try:
        service.close()
    except Exception:  # shutting down must not fail the build that is ending
        log.exception("could not stop %s", name)


def close_all() -> None:
    for name in list(_running):
        drop(name)


@contextmanager
def session():
    """One build: its tools start at most once; they stop at its end unless the process keeps them warm."""
    global _sessions
    with _lock:
        _sessions += 1
    try:
        yield
    finally:
        with _lock:
            _sessions -= 1
            last = _sessions == 0
        if last and not _warm:
            close_all()


atexit.register(close_all)
