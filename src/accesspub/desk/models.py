"""The desk's database: users, releases and their versions, jobs, findings, plain-language sign-offs,
the audit log and API tokens (SQLAlchemy 2 declarative models; the schema is created by Alembic)."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import JSON, DateTime, ForeignKey, Integer, LargeBinary, String, Text, UniqueConstraint
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

ROLES = ("editor", "reviewer", "publisher")


def utcnow() -> dt.datetime:
    return dt.datetime.now(dt.timezone.utc)


class UTCDateTime(DateTime):
    """Timezone-aware UTC on SQLite too (it stores naive values)."""

    cache_ok = True

    def __init__(self):
        super().__init__(timezone=True)

    def result_processor(self, dialect, coltype):
        parent = super().result_processor(dialect, coltype)

        def process(value):
            if parent:
                value = parent(value)
            if isinstance(value, dt.datetime) and value.tzinfo is None:
                value = value.replace(tzinfo=dt.timezone.utc)
            return value
        return process


class Base(DeclarativeBase):
    type_annotation_map = {dt.datetime: UTCDateTime()}


class User(Base):
    __tablename__ = "users"
    id: Mapped[int] = mapped_column(primary_key=True)
    username: Mapped[str] = mapped_column(String(80), unique=True)
    password_hash: Mapped[str] = mapped_column(String(200))
    roles: Mapped[str] = mapped_column(String(100), default="editor")   # comma-separated, from ROLES
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)

    def has(self, role: str) -> bool:
        return role in self.roles.split(",")


class ApiToken(Base):
    """One per integration (a CMS); only the SHA-256 of the token is stored."""
    __tablename__ = "api_tokens"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(80))
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"))    # the account the integration acts as
    webhook_url: Mapped[str | None] = mapped_column(String(500))
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    user: Mapped[User] = relationship()


class Release(Base):
    __tablename__ = "releases"
    id: Mapped[int] = mapped_column(primary_key=True)
    created_by: Mapped[int] = mapped_column(ForeignKey("users.id"))
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    status: Mapped[str] = mapped_column(String(20), default="draft")  # draft, scheduled, published, unpublished
    publish_at: Mapped[dt.datetime | None] = mapped_column()
    published_version_id: Mapped[int | None] = mapped_column(ForeignKey("versions.id", use_alter=True))
    published_slug: Mapped[str | None] = mapped_column(String(200))
    token_id: Mapped[int | None] = mapped_column(ForeignKey("api_tokens.id"))   # submitted through the API
    author: Mapped[User] = relationship(foreign_keys=[created_by])
    versions: Mapped[list["Version"]] = relationship(back_populates="release", order_by="Version.number",
                                                     foreign_keys="Version.release_id")

    @property
    def latest(self) -> "Version":
        return self.versions[-1]


class Version(Base):
    """One state of a release: the uploaded bytes, the working Markdown, the form values."""
    __tablename__ = "versions"
    __table_args__ = (UniqueConstraint("release_id", "number"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    release_id: Mapped[int] = mapped_column(ForeignKey("releases.id"))
    number: Mapped[int] = mapped_column(Integer)
    created_by: Mapped[int] = mapped_column(ForeignKey("users.id"))
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    source_name: Mapped[str] = mapped_column(String(255))
    source_bytes: Mapped[bytes] = mapped_column(LargeBinary)
    body: Mapped[str] = mapped_column(Text)                 # the working Markdown (anatomy taken out)
    form: Mapped[dict] = mapped_column(JSON)                # title, subtitle, date, place, lang, embargo, plain_level …
    correction_note: Mapped[str | None] = mapped_column(Text)
    slug: Mapped[str | None] = mapped_column(String(200))
    plain_machine: Mapped[list | None] = mapped_column(JSON)   # [{heading, lines: [{id, text}]}]
    original_sentences: Mapped[list | None] = mapped_column(JSON)
    plain_reviewed: Mapped[str | None] = mapped_column(Text)   # Markdown a reviewer signed off
    report: Mapped[dict | None] = mapped_column(JSON)          # the release's report.json of the full build
    release: Mapped[Release] = relationship(back_populates="versions", foreign_keys=[release_id])
    files: Mapped[list["VersionFile"]] = relationship(cascade="all, delete-orphan")
    findings: Mapped[list["FindingRow"]] = relationship(cascade="all, delete-orphan")


class VersionFile(Base):
    """An image the source carries (e.g. word/media of a DOCX), at its path relative to the working Markdown."""
    __tablename__ = "version_files"
    id: Mapped[int] = mapped_column(primary_key=True)
    version_id: Mapped[int] = mapped_column(ForeignKey("versions.id"))
    name: Mapped[str] = mapped_column(String(255))
    data: Mapped[bytes] = mapped_column(LargeBinary)


class FindingRow(Base):
    __tablename__ = "findings"
    id: Mapped[int] = mapped_column(primary_key=True)
    version_id: Mapped[int] = mapped_column(ForeignKey("versions.id"))
    check: Mapped[str] = mapped_column(String(40))
    rendition: Mapped[str] = mapped_column(String(20))
    rule: Mapped[str] = mapped_column(String(80))
    severity: Mapped[str] = mapped_column(String(10))
    message: Mapped[str] = mapped_column(Text)
    location: Mapped[str] = mapped_column(Text, default="")


class Job(Base):
    """The desk's record of a queued job (huey carries it; this row is its state, progress and attempts)."""
    __tablename__ = "jobs"
    id: Mapped[int] = mapped_column(primary_key=True)
    version_id: Mapped[int] = mapped_column(ForeignKey("versions.id"))
    kind: Mapped[str] = mapped_column(String(20))            # preview, build, publish, unpublish
    state: Mapped[str] = mapped_column(String(20), default="queued")   # queued, running, done, failed, skipped
    progress: Mapped[str] = mapped_column(Text, default="")
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    error: Mapped[str | None] = mapped_column(Text)
    requested_by: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    started_at: Mapped[dt.datetime | None] = mapped_column()
    heartbeat: Mapped[dt.datetime | None] = mapped_column()
    finished_at: Mapped[dt.datetime | None] = mapped_column()
    seconds: Mapped[float | None] = mapped_column()
    version: Mapped[Version] = relationship()


class Signoff(Base):
    """A reviewer signed off the plain-language version of a version."""
    __tablename__ = "signoffs"
    id: Mapped[int] = mapped_column(primary_key=True)
    version_id: Mapped[int] = mapped_column(ForeignKey("versions.id"))
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    accepted: Mapped[int] = mapped_column(Integer)
    edited: Mapped[int] = mapped_column(Integer)
    user: Mapped[User] = relationship()


class Event(Base):
    """The audit log: who did what to which release, when."""
    __tablename__ = "events"
    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    action: Mapped[str] = mapped_column(String(40))
    release_id: Mapped[int | None] = mapped_column(ForeignKey("releases.id"))
    version_id: Mapped[int | None] = mapped_column(ForeignKey("versions.id"))
    detail: Mapped[str] = mapped_column(Text, default="")
    user: Mapped[User | None] = relationship()
