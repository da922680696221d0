"""Jobs: what a worker does for a version (preview, build, plain, publish, unpublish), their state rows,
retries, the reaper that recovers jobs of a killed worker, and the tick that publishes on time."""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import json
import logging
import os
import threading
import time
import urllib.request

from sqlalchemy import select, update

from . import clock, source, stages
from .config import DeskConfig
from .db import Database
from .models import ApiToken, Event, FindingRow, Job, Release, Version, utcnow
from .queue import make_huey

log = logging.getLogger("accesspub.desk")
MAX_ATTEMPTS = 3
HEARTBEAT = 3.0                                     # seconds between a running job's heartbeats
STALE = float(os.environ.get("ACCESSPUB_DESK_STALE", "20"))   # no heartbeat for this long: its worker is gone
FAST = ("preview",)                                 # jobs an editor waits for go first


class Desk:
    """The database, the queue and the configuration one process works with."""

    def __init__(self, config: DeskConfig, migrate: bool = True):
        self.config = config
        self.db = Database(config.db_url, run_migrations=migrate)
        self.huey = make_huey(config)
        self._run = self.huey.task(retries=MAX_ATTEMPTS - 1, retry_delay=2, context=True, name="run_job")(
            self._execute)
        self._run_fast = self.huey.task(retries=MAX_ATTEMPTS - 1, retry_delay=1, context=True, priority=100,
                                        name="run_fast_job")(self._execute)

    # --- queueing -------------------------------------------------------------------------------------------
    def enqueue(self, session, version: Version, kind: str, user_id: int | None = None,
                scheduled: bool = False) -> Job:
        """A job row for `kind` on `version`; queued unless `scheduled` (then the tick queues it on time)."""
        job = Job(version_id=version.id, kind=kind, requested_by=user_id, state="scheduled" if scheduled else "queued")
        session.add(job)
        session.flush()
        if not scheduled:
            self._send(job.id, kind, session)
        return job

    def _send(self, job_id: int, kind: str, session=None) -> None:
        """Hand the job to huey once the row is committed (a worker may pick it up at once)."""
        task = self._run_fast if kind in FAST else self._run
        if session is not None:
            from sqlalchemy import event

            @event.listens_for(session, "after_commit", once=True)
            def _go(_s):
                task(job_id)
        else:
            task(job_id)

    # --- running --------------------------------------------------------------------------------------------
    def _execute(self, job_id: int, task=None) -> None:
        with self.db.session() as s:
            job = s.get(Job, job_id)
            if job is None or job.state in ("done", "skipped", "failed"):
                return
            job.state, job.started_at, job.heartbeat = "running", utcnow(), utcnow()
            job.attempts += 1
            job.progress = f"started (attempt {job.attempts})"
        stop = threading.Event()
        beat = threading.Thread(target=self._beat, args=(job_id, stop), daemon=True)
        beat.start()
        started = time.perf_counter()
        try:
            outcome = getattr(self, f"_do_{job.kind}")(job_id)
            state, error = outcome or "done", None
        except source.SourceError as exc:          # unusable input: retrying cannot help
            state, error = "failed", str(exc)
        except Exception as exc:
            log.exception("job %s failed", job_id)
            retry = task is not None and task.retries > 0
            stop.set()
            with self.db.session() as s:
                job = s.get(Job, job_id)
                job.state, job.error = ("queued" if retry else "failed"), f"{type(exc).__name__}: {exc}"
                job.progress = "failed; will be retried" if retry else "failed"
            raise
        finally:
            stop.set()
        with self.db.session() as s:
            job = s.get(Job, job_id)
            job.state, job.error, job.finished_at = state, error, utcnow()
            job.seconds = time.perf_counter() - started
            job.progress = {"done": "finished", "skipped": "skipped: a newer version exists"}.get(state, "failed")
        if job.kind == "build":
            self._webhook(job_id)

    def _beat(self, job_id: int, stop: threading.Event) -> None:
        while not stop.wait(HEARTBEAT):
            with self.db.session() as s:
                s.execute(update(Job).where(Job.id == job_id, Job.state == "running").values(heartbeat=utcnow()))

    def _progress(self, job_id: int):
        last = [0.0]

        def report(text: str) -> None:
            now = time.monotonic()
            if now - last[0] < 0.3 and "(0 of" not in text:
                return
            last[0] = now
            with self.db.session() as s:
                s.execute(update(Job).where(Job.id == job_id).values(progress=text[:500], heartbeat=utcnow()))
        return report

    def _working_source(self, s, version: Version, folder) -> "os.PathLike":
        media = {f.name: f.data for f in version.files}
        return source.materialise(folder, version.form, version.body, media, plain=version.plain_reviewed)

    def _is_latest(self, s, version: Version) -> bool:
        newest = s.scalar(select(Version.id).where(Version.release_id == version.release_id)
                          .order_by(Version.number.desc()).limit(1))
        return newest == version.id

    def _do_preview(self, job_id: int) -> str | None:
        with self.db.session() as s:
            job = s.get(Job, job_id)
            version = job.version
            if not self._is_latest(s, version):
                return "skipped"
            path = self._working_source(s, version, self.config.work_dir(version.release_id))
            manifest = stages.preview_page(path, self.config.preview_dir(version.release_id), self.config.settings)
            version.slug = manifest["slug"]
            version.findings = [FindingRow(**f) for f in manifest["source_findings"]]
            self.enqueue(s, version, "build", job.requested_by)
            self.enqueue(s, version, "plain", job.requested_by)
        return None

    def _do_build(self, job_id: int) -> str | None:
        with self.db.session() as s:
            job = s.get(Job, job_id)
            version = job.version
            if not self._is_latest(s, version):
                return "skipped"
            path = self._working_source(s, version, self.config.work_dir(version.release_id))
            report = stages.full_build(path, self.config.preview_dir(version.release_id), self.config.settings,
                                       self._progress(job_id))
            version.slug = report["slug"]
            version.report = {k: report[k] for k in ("slug", "title", "renditions", "counts", "metrics")}
            version.findings = [FindingRow(**{k: f.get(k, "") for k in ("check", "rendition", "rule", "severity",
                                                                         "message", "location")})
                                for f in report["findings"]]
        return None

    def _do_plain(self, job_id: int) -> str | None:
        with self.db.session() as s:
            job = s.get(Job, job_id)
            version = job.version
            if not self._is_latest(s, version):
                return "skipped"
            work = self.config.data / "review" / str(version.release_id)
            media = {f.name: f.data for f in version.files}
            path = source.materialise(work, version.form, version.body, media)   # the machine's text, not a reviewed one
            version.plain_machine, version.original_sentences = stages.plain_review(path, self.config.settings)
        return None

    def _do_publish(self, job_id: int) -> str | None:
        with self.db.session() as s:
            job = s.get(Job, job_id)
            version = job.version
            release = version.release
            folder = self.config.published_source(release.id)
            media = {f.name: f.data for f in version.files}
            path = source.materialise(folder, version.form, version.body, media, plain=version.plain_reviewed,
                                      correction=version.correction_note,
                                      corrected_on=clock.now().date() if version.correction_note else None)
            report = stages.publish(path, self.config.out, self.config.settings, self._progress(job_id),
                                    old_slug=release.published_slug)
            first = release.published_version_id is None
            release.status, release.published_version_id = "published", version.id
            release.published_slug, release.publish_at = report["slug"], None
            s.add(Event(user_id=job.requested_by, action="published" if first else "published-correction",
                        release_id=release.id, version_id=version.id,
                        detail=f"{report['slug']} (version {version.number}) at {clock.now().isoformat(timespec='seconds')}"))
        return None

    def _do_unpublish(self, job_id: int) -> str | None:
        with self.db.session() as s:
            job = s.get(Job, job_id)
            release = job.version.release
            if release.published_slug:
                others = [self.config.published_source(r.id) / "release.md"
                          for r in s.scalars(select(Release).where(Release.status == "published",
                                                                   Release.id != release.id))]
                stages.unpublish(release.published_slug, self.config.published_source(release.id) / "release.md",
                                 self.config.out, self.config.settings, others, self._progress(job_id))
            release.status, release.published_slug, release.publish_at = "unpublished", None, None
            s.add(Event(user_id=job.requested_by, action="unpublished", release_id=release.id,
                        version_id=job.version_id, detail=clock.now().isoformat(timespec="seconds")))
        return None

    # --- webhook --------------------------------------------------------------------------------------------
    def _webhook(self, job_id: int) -> None:
        """Tell the integration that submitted the release that its renditions and checks are done."""
        with self.db.session() as s:
            job = s.get(Job, job_id)
            release = job.version.release
            token = s.get(ApiToken, release.token_id) if release.token_id else None
            if not token or not token.webhook_url or job.state != "done":
                return
            body = json.dumps({"event": "release.built", "release": release.id, "version": job.version.number,
                               "status": release.status, "counts": (job.version.report or {}).get("counts"),
                               "url": f"/api/releases/{release.id}"}).encode()
            signature = hmac.new(token.token_hash.encode(), body, hashlib.sha256).hexdigest()
            url = token.webhook_url
        request = urllib.request.Request(url, data=body, method="POST", headers={
            "Content-Type": "application/json", "X-Accesspub-Signature": f"sha256={signature}"})
        for attempt in range(3):
            try:
                with urllib.request.urlopen(request, timeout=10) as response:
                    if response.status < 300:
                        return
            except OSError as exc:
                log.warning("webhook %s failed (%s), attempt %d", url, exc, attempt + 1)
            time.sleep(1 + attempt)

    # --- the worker's tick ----------------------------------------------------------------------------------
    def tick(self) -> None:
        """Publish what is due (by the desk's clock) and put jobs of dead workers back in the queue."""
        now = clock.now()
        with self.db.session() as s:
            due = s.scalars(select(Job).join(Version).join(Release, Release.id == Version.release_id)
                            .where(Job.state == "scheduled", Release.status == "scheduled",
                                   Release.publish_at <= now)).all()
            claimed = [j.id for j in due
                       if s.execute(update(Job).where(Job.id == j.id, Job.state == "scheduled")
                                    .values(state="queued").execution_options(synchronize_session=False)
                                    ).rowcount == 1]
        for job_id in claimed:
            self._send(job_id, "publish")
        cutoff = utcnow() - dt.timedelta(seconds=STALE)
        with self.db.session() as s:
            stale = s.scalars(select(Job).where(Job.state == "running", Job.heartbeat < cutoff)).all()
            again = []
            for j in stale:
                retry = j.attempts < MAX_ATTEMPTS
                if s.execute(update(Job).where(Job.id == j.id, Job.state == "running", Job.heartbeat < cutoff)
                             .values(state="queued" if retry else "failed",
                                     progress="its worker stopped; queued again" if retry else
                                     "its worker stopped too often; given up")
                             .execution_options(synchronize_session=False)).rowcount == 1 and retry:
                    again.append((j.id, j.kind))
        for job_id, kind in again:
            log.warning("job %s: its worker stopped; queued again", job_id)
            self._send(job_id, kind)

    def run_worker(self, tick_seconds: float = 2.0) -> None:
        """A worker: huey's consumer, one job at a time (the core's engines are per process, not thread-safe;
        the heavy tools stay loaded between jobs: the checkers are kept warm, see checks/services.py), plus
        the tick."""
        from ..checks import services
        stop = threading.Event()

        def ticking():
            while not stop.wait(tick_seconds):
                try:
                    self.tick()
                except Exception:
                    log.exception("tick failed")
        self.tick()
        threading.Thread(target=ticking, daemon=True).start()
        consumer = self.huey.create_consumer(workers=1, worker_type="thread", initial_delay=0.05,
                                             backoff=1.2, max_delay=0.5, periodic=False)
        try:
            with services.kept_warm():
                consumer.run()
        finally:
            stop.set()
