"""Workers: separate processes; a worker killed mid-job (SIGKILL) loses no job; the worker publishes on time."""

import datetime as dt
import signal
import time

from accesspub.desk import auth, flow
from accesspub.desk.jobs import Desk
from accesspub.desk.models import Job, Release

from .conftest import PASSWORD


def wait_for(predicate, timeout: float, what: str):
    deadline = time.time() + timeout
    while time.time() < deadline:
        value = predicate()
        if value:
            return value
        time.sleep(0.3)
    raise AssertionError(f"timed out waiting for {what}")


def job_state(desk: Desk, kind: str, release_id: int):
    with desk.db.session() as s:
        job = s.query(Job).join(Job.version).filter(Job.kind == kind).filter_by(release_id=release_id) \
            .order_by(Job.id.desc()).first()
        return (job.state, job.attempts, job.progress) if job else None


def test_a_job_survives_its_worker_being_killed(desk_processes, docx):
    procs = desk_processes(stale=6)
    desk = Desk(procs.config)
    with desk.db.session() as s:
        user = auth.add_user(s, "erika", PASSWORD, "editor,publisher")
        rid = flow.create_release(s, desk, user, docx.name, docx.read_bytes()).id
    first = procs.start_worker()
    wait_for(lambda: (job_state(desk, "build", rid) or ("",))[0] == "running", 240, "the build job to start")
    time.sleep(2)                                      # well inside the build (it takes tens of seconds)
    first.send_signal(signal.SIGKILL)
    first.wait(timeout=10)
    state, attempts, _ = job_state(desk, "build", rid)
    assert (state, attempts) == ("running", 1)         # the row still says running: nobody finished it
    procs.start_worker()
    wait_for(lambda: job_state(desk, "build", rid)[0] == "done", 400, "the build job to finish on the new worker")
    state, attempts, _ = job_state(desk, "build", rid)
    assert attempts == 2
    with desk.db.session() as s:
        version = s.get(Release, rid).latest
        assert set(version.report["renditions"]) == {"html", "plain", "plain-audio", "pdf", "epub", "audio"}
        assert any(f.rule == "image-alt" for f in version.findings)
    pdf = procs.config.preview_dir(rid) / version.slug / version.report["renditions"]["pdf"]
    assert pdf.read_bytes().startswith(b"%PDF")
