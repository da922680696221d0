"""Desk fixtures: a desk folder, DOCX sources made with pandoc, web and worker processes, a PostgreSQL
cluster of its own (Debian's binaries, driven by pytest-postgresql's executor)."""

from __future__ import annotations

import datetime as dt
import glob
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx
import pytest

SRC = Path(__file__).resolve().parents[2] / "src"
PASSWORD = "correct horse battery"

RELEASE_MD = """**Pressemitteilung**

Kassel, 3. März 2025

**Neue Radwege für Nordhessen**

**Kassel.** Das Land fördert neue Radwege mit 12 Millionen Euro. „Wir bauen 40 Kilometer bis 2027“, sagte die
Ministerin am Montag in Kassel.

![](bild.png)

Die Arbeiten beginnen im Mai. Sie dauern zwei Jahre.

***

Pressestelle · Telefon 0611 000000 · presse@example.org
"""


def make_docx(folder: Path, text: str = RELEASE_MD, name: str = "radwege.docx") -> Path:
    """A DOCX as a word processor writes it (pandoc's writer), with an image that has no text alternative."""
    import pypandoc
    from PIL import Image
    folder.mkdir(parents=True, exist_ok=True)
    Image.new("RGB", (60, 40), (20, 90, 160)).save(folder / "bild.png")
    out = folder / name
    pypandoc.convert_text(text, "docx", format="markdown", outputfile=str(out),
                          extra_args=[f"--resource-path={folder}"])
    return out


@pytest.fixture
def docx(tmp_path) -> Path:
    return make_docx(tmp_path / "src")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class DeskProcesses:
    """`accesspub desk` and its workers as a user starts them, in their own processes."""

    def __init__(self, folder: Path, db_url: str | None = None, stale: float = 20):
        from accesspub.desk.config import DeskConfig
        self.folder = folder
        self.config = DeskConfig(data=folder / "data", db_url=db_url)
        self.clock = folder / "clock.txt"
        self.env = {**os.environ, **self.config.export(), "PYTHONPATH": str(SRC),
                    "ACCESSPUB_DESK_CLOCK": str(self.clock), "ACCESSPUB_DESK_STALE": str(stale)}
        self.web = None
        self.port = None
        self.workers: list[subprocess.Popen] = []

    def cli(self, *args: str, **kw) -> subprocess.CompletedProcess:
        return subprocess.run([sys.executable, "-m", "accesspub.cli", "desk", *args], env=self.env,
                              capture_output=True, text=True, timeout=120, **kw)

    def set_clock(self, when: dt.datetime) -> None:
        from accesspub.desk.clock import set_clock
        set_clock(self.clock, when)

    def start_web(self) -> str:
        self.port = free_port()
        log = open(self.folder / "web.log", "ab")
        self.web = subprocess.Popen([sys.executable, "-m", "accesspub.cli", "desk", "--port", str(self.port)],
                                    env=self.env, stdout=log, stderr=subprocess.STDOUT)
        deadline = time.time() + 90
        while time.time() < deadline:
            try:
                if httpx.get(self.url + "/login", timeout=2).status_code == 200:
                    return self.url
            except httpx.HTTPError:
                pass
            if self.web.poll() is not None:
                raise RuntimeError((self.folder / "web.log").read_text())
            time.sleep(0.3)
        raise RuntimeError("the desk did not start within 90 s")

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start_worker(self) -> subprocess.Popen:
        n = len(self.workers)
        log = open(self.folder / f"worker{n}.log", "ab")
        proc = subprocess.Popen([sys.executable, "-m", "accesspub.cli", "desk", "worker"], env=self.env,
                                stdout=log, stderr=subprocess.STDOUT)
        self.workers.append(proc)
        return proc

    def stop(self) -> None:
        for proc in [*self.workers, self.web]:
            if proc and proc.poll() is None:
                proc.send_signal(signal.SIGINT)
        for proc in [*self.workers, self.web]:
            if proc:
                try:
                    proc.wait(timeout=20)
                except subprocess.TimeoutExpired:
                    proc.kill()


@pytest.fixture
def desk_processes(tmp_path):
    made = []

    def make(db_url: str | None = None, stale: float = 20) -> DeskProcesses:
        d = DeskProcesses(tmp_path, db_url, stale)
        made.append(d)
        return d
    yield make
    for d in made:
        d.stop()


def _pg_ctl() -> str | None:
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/pg_ctl"))
    return found[-1] if found else shutil.which("pg_ctl")


@pytest.fixture(scope="session")
def postgres_server():
    """A temporary PostgreSQL cluster (Debian's `postgresql` binaries), for the whole session.

    pytest-postgresql's executor runs initdb and pg_ctl; as root (containers, CI) it runs them as the
    `postgres` system user, because PostgreSQL refuses to run as root.
    """
    exe = _pg_ctl()
    if not exe:
        pytest.fail("PostgreSQL is not installed: run make setup (Debian package postgresql)")
    from pytest_postgresql.executors.proc import PostgreSQLExecutor
    base = Path(tempfile.mkdtemp(prefix="desk-pg-"))
    if os.geteuid() == 0:
        shutil.chown(base, "postgres")
        wrapper = base / "pg_ctl"
        wrapper.write_text(f'#!/bin/sh\nexec runuser -u postgres -- "{exe}" "$@"\n')
        wrapper.chmod(0o755)
        exe = str(wrapper)
    port = free_port()
    executor = PostgreSQLExecutor(executable=exe, host="127.0.0.1", port=port, datadir=str(base / "data"),
                                  unixsocketdir=str(base), logfile=str(base / "postgresql.log"), startparams="-w",
                                  dbname="desk", user="postgres", password=None, timeout=180)   # slow when busy
    executor.start()
    executor.wait_for_postgres()
    try:
        yield executor
    finally:
        executor.stop()
        shutil.rmtree(base, ignore_errors=True)


@pytest.fixture
def postgres_url(postgres_server):
    """A fresh, empty database in the session's cluster."""
    import psycopg
    name = f"desk_{os.getpid()}_{int(time.time() * 1000) % 10**8}"
    dsn = f"host=127.0.0.1 port={postgres_server.port} user=postgres dbname=postgres"
    for attempt in range(120):               # pg_ctl -w can return while the server still says "starting up"
        try:
            with psycopg.connect(dsn, autocommit=True) as conn:
                conn.execute(f'CREATE DATABASE "{name}"')
            break
        except psycopg.OperationalError:
            if attempt == 119:
                raise
            time.sleep(0.5)
    yield f"postgresql://postgres@127.0.0.1:{postgres_server.port}/{name}"
    with psycopg.connect(dsn, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
