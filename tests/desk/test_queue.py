"""The queue: huey on SQLite (a file beside the database) and on PostgreSQL (in the desk's database)."""

import pytest

from accesspub.desk import auth, flow
from accesspub.desk.config import DeskConfig
from accesspub.desk.jobs import Desk
from accesspub.desk.models import Job

from .conftest import PASSWORD


@pytest.fixture(params=["sqlite", "postgresql"])
def desk(request, tmp_path):
    url = request.getfixturevalue("postgres_url") if request.param == "postgresql" else None
    return Desk(DeskConfig(data=tmp_path / "data", db_url=url))


def test_a_new_release_queues_its_preview_first(desk):
    with desk.db.session() as s:
        user = auth.add_user(s, "erika", PASSWORD, "editor")
        flow.create_release(s, desk, user, "a.md", "**Titel**\n\nKassel, 3. März 2025\n\nDer Text.".encode())
    assert desk.huey.pending_count() == 1
    task = desk.huey.dequeue()
    assert task.name.endswith("run_fast_job") and task.priority == 100
    with desk.db.session() as s:
        job = s.get(Job, task.args[0])
        assert (job.kind, job.state) == ("preview", "queued")
    if desk.config.is_sqlite:
        assert (desk.config.data / "queue.sqlite").exists()
    else:
        assert type(desk.huey.storage).__name__ == "SqlStorage"
        assert desk.huey.storage.for_update == "FOR UPDATE SKIP LOCKED"


def test_the_tick_requeues_the_job_of_a_dead_worker(desk):
    import datetime as dt
    from accesspub.desk.models import utcnow
    with desk.db.session() as s:
        user = auth.add_user(s, "erika", PASSWORD, "editor")
        flow.create_release(s, desk, user, "a.md", "**Titel**\n\nDer Text.".encode())
    desk.huey.dequeue()                                  # a worker took it …
    with desk.db.session() as s:
        job = s.query(Job).one()
        job.state, job.attempts, job.heartbeat = "running", 1, utcnow() - dt.timedelta(minutes=5)   # … and died
    desk.tick()
    with desk.db.session() as s:
        assert s.query(Job).one().state == "queued"
    assert desk.huey.pending_count() == 1
