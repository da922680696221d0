"""The durable job queue: huey, on the desk's own database server.

One library for both databases: huey's SqliteHuey (a queue file beside the SQLite database) for the
one-machine default, and huey's SqlStorage (huey.contrib.sql_huey, through peewee's psycopg 3 driver, with
FOR UPDATE SKIP LOCKED) in the same PostgreSQL database when the desk runs on PostgreSQL, so that workers on
several machines share one queue. huey removes a task from storage when a worker takes it; what makes a job
survive a worker killed mid-job is the desk's job row (state, heartbeat, attempts): `reap` puts a job back in
the queue when its worker stopped beating.
"""

from __future__ import annotations

from sqlalchemy.engine import make_url

from .config import DeskConfig

QUEUE_NAME = "accesspub-desk"


def make_huey(config: DeskConfig):
    if config.is_sqlite:
        from huey import SqliteHuey
        return SqliteHuey(QUEUE_NAME, filename=str(config.data / "queue.sqlite"), results=False, utc=True,
                          timeout=30)
    from huey.contrib.sql_huey import SqlHuey
    from playhouse.postgres_ext import Psycopg3Database
    url = make_url(config.db_url)
    database = Psycopg3Database(url.database, user=url.username, password=url.password, host=url.host,
                                port=url.port, autoconnect=True)
    return SqlHuey(QUEUE_NAME, database=database, results=False, utc=True)
