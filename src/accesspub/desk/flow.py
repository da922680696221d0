"""What people do at the desk, shared by the web pages and the API: create a release, save a version, sign off
the plain version, publish now or on time, correct, unpublish. Each step checks the role it needs and is
recorded in the audit log."""

from __future__ import annotations

import datetime as dt
import zoneinfo

from sqlalchemy import select
from sqlalchemy.orm import Session

from . import clock, source
from .auth import AuthError, can_read
from .jobs import Desk
from .models import ApiToken, Event, Job, Release, Signoff, User, Version, VersionFile

LANGS = ("", "de", "en")
LEVELS = ("", "einfach", "leicht")


class FormError(Exception):
    """Form values that cannot be used: {field: message}."""

    def __init__(self, errors: dict[str, str]):
        super().__init__("; ".join(f"{k}: {v}" for k, v in errors.items()))
        self.errors = errors


def need(user: User, role: str) -> None:
    if not user.has(role):
        raise AuthError(f"this needs the role '{role}'")


def readable(session: Session, user: User, release_id: int) -> Release:
    release = session.get(Release, release_id)
    if release is None or not can_read(user, release):
        raise LookupError("no such release")            # the same answer whether it exists or not
    return release


def _event(session: Session, user: User | None, action: str, release: Release, version: Version | None = None,
           detail: str = "") -> None:
    session.add(Event(user_id=user.id if user else None, action=action, release_id=release.id,
                      version_id=version.id if version else None, detail=detail))


def parse_embargo(text: str, tz: str) -> dt.datetime | None:
    """'2026-12-02T09:00' in the desk's time zone → aware UTC."""
    text = (text or "").strip()
    if not text:
        return None
    value = dt.datetime.fromisoformat(text)
    if value.tzinfo is None:
        value = value.replace(tzinfo=zoneinfo.ZoneInfo(tz))
    return value.astimezone(dt.timezone.utc)


def clean_form(values: dict, tz: str) -> dict:
    """Validate the metadata form; FormError names each field that is wrong and how to fix it."""
    errors = {}
    form = {k: " ".join(str(values.get(k) or "").split()) for k in source.FORM_FIELDS}
    if not form["title"]:
        errors["title"] = "Enter the headline of the release."
    if form["date"]:
        try:
            dt.date.fromisoformat(form["date"])
        except ValueError:
            errors["date"] = "Enter the date as YYYY-MM-DD, e.g. 2026-03-01."
    if form["lang"] not in LANGS:
        errors["lang"] = "Choose German or English, or leave it to detection."
    if form["plain_level"] not in LEVELS:
        errors["plain_level"] = "Choose einfach or leicht."
    if form["embargo"]:
        try:
            form["embargo"] = parse_embargo(form["embargo"], tz).isoformat()
        except ValueError:
            errors["embargo"] = "Enter the embargo as date and time, e.g. 2026-03-01T09:00."
    if errors:
        raise FormError(errors)
    if values.get("extra"):
        form["extra"] = values["extra"]
    return form


def create_release(session: Session, desk: Desk, user: User, name: str, data: bytes,
                   token: ApiToken | None = None, form: dict | None = None) -> Release:
    """A new release from an upload or a pasted text; its page preview is queued at once."""
    need(user, "editor")
    draft = source.normalise(name, data)
    values = {**draft.form, **{k: v for k, v in (form or {}).items() if v}}
    try:
        cleaned = clean_form(values, desk.config.timezone)
    except FormError as exc:
        if set(exc.errors) == {"title"}:
            raise FormError({"source": "No headline was found: start the text with the headline in bold, "
                                       "or give it a title."}) from None
        raise
    release = Release(created_by=user.id, token_id=token.id if token else None)
    session.add(release)
    session.flush()
    version = Version(release_id=release.id, number=1, created_by=user.id, source_name=name[:255],
                      source_bytes=data, body=draft.body, form=cleaned,
                      files=[VersionFile(name=n, data=b) for n, b in draft.media.items()])
    session.add(version)
    session.flush()
    _event(session, user, "created", release, version, f"from {name}" + (f" via API '{token.name}'" if token else ""))
    desk.enqueue(session, version, "preview", user.id)
    return release


def save_version(session: Session, desk: Desk, user: User, release: Release, values: dict, body: str | None,
                 alts: dict[str, str], correction: str | None = None) -> Version:
    """A new version from the form: metadata, alt texts, text; a correction when the release is public."""
    need(user, "editor")
    old = release.latest
    form = clean_form({**values, "extra": old.form.get("extra")}, desk.config.timezone)
    text = body if body is not None and body.strip() else old.body
    text = source.set_alts(text.replace("\r\n", "\n"), alts) if alts else text.replace("\r\n", "\n")
    if release.status == "published" and not (correction or "").strip():
        raise FormError({"correction_note": "This release is published: say what this correction changes."})
    version = Version(release_id=release.id, number=old.number + 1, created_by=user.id, source_name=old.source_name,
                      source_bytes=old.source_bytes, body=text, form=form,
                      correction_note=(correction or "").strip() or None,
                      plain_reviewed=old.plain_reviewed if text == old.body else None,   # a review holds for its text
                      files=[VersionFile(name=f.name, data=f.data) for f in old.files])
    session.add(version)
    session.flush()
    _event(session, user, "correction" if version.correction_note else "edited", release, version,
           version.correction_note or "")
    desk.enqueue(session, version, "preview", user.id)
    return version


def sign_off(session: Session, desk: Desk, user: User, release: Release, lines: dict[str, str]) -> Signoff:
    """The reviewer's plain version (each line accepted or edited) becomes the version's plain text."""
    need(user, "reviewer")
    from .stages import reviewed_markdown
    version = release.latest
    if not version.plain_machine:
        raise FormError({"review": "The plain version is not ready yet; wait for its job to finish."})
    accepted = edited = 0
    sections = []
    for s in version.plain_machine:
        out = []
        for line in s["lines"]:
            text = " ".join((lines.get(line["id"], line["text"]) or "").split())
            if text == line["text"]:
                accepted += 1
            else:
                edited += 1
            if text:
                out.append(text)
        sections.append({"heading": s["heading"], "lines": out})
    version.plain_reviewed = reviewed_markdown(sections)
    signoff = Signoff(version_id=version.id, user_id=user.id, accepted=accepted, edited=edited)
    session.add(signoff)
    _event(session, user, "plain-signed-off", release, version, f"{accepted} accepted, {edited} edited")
    desk.enqueue(session, version, "preview", user.id)
    return signoff


def signoff_of(session: Session, version: Version) -> Signoff | None:
    return session.scalar(select(Signoff).where(Signoff.version_id == version.id).order_by(Signoff.id.desc()))


def publish(session: Session, desk: Desk, user: User, release: Release, when: str) -> Job:
    """Publish the newest version now, or at its embargo time (the worker publishes when it has passed)."""
    need(user, "publisher")
    version = release.latest
    if when == "embargo":
        embargo = version.form.get("embargo")
        if not embargo:
            raise FormError({"when": "This release has no embargo time: set one in the form, or publish now."})
        at = dt.datetime.fromisoformat(embargo)
        if at > clock.now():
            for job in session.scalars(select(Job).join(Version).where(Version.release_id == release.id,
                                                                       Job.kind == "publish", Job.state == "scheduled")):
                job.state = "skipped"
            release.status, release.publish_at = "scheduled", at
            _event(session, user, "scheduled", release, version, f"for {at.isoformat(timespec='minutes')}")
            return desk.enqueue(session, version, "publish", user.id, scheduled=True)
    if release.status != "published":
        release.status = "publishing"
    release.publish_at = None
    _event(session, user, "publish-requested", release, version)
    return desk.enqueue(session, version, "publish", user.id)


def unpublish(session: Session, desk: Desk, user: User, release: Release) -> Job:
    need(user, "publisher")
    for job in session.scalars(select(Job).join(Version).where(Version.release_id == release.id,
                                                               Job.kind == "publish", Job.state == "scheduled")):
        job.state = "skipped"
    _event(session, user, "unpublish-requested", release, release.latest)
    return desk.enqueue(session, release.latest, "unpublish", user.id)


def jobs_of(session: Session, version: Version) -> list[Job]:
    return list(session.scalars(select(Job).where(Job.version_id == version.id).order_by(Job.id)))
