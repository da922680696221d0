"""Where the desk keeps its data, which database and queue it uses, and where it publishes."""

from __future__ import annotations

import os
import secrets
from dataclasses import dataclass, field
from pathlib import Path

from ..config import Settings, load_settings

MAX_UPLOAD = 20 * 2**20     # bytes of one uploaded source; DOCX/ODT are then fenced by the ingest's zip checks


@dataclass
class DeskConfig:
    """Everything the web process and the workers must agree on. Built from the command line or the
    environment (ACCESSPUB_DESK_DATA, ACCESSPUB_DESK_DB, ACCESSPUB_DESK_OUT, ACCESSPUB_CONFIG)."""

    data: Path = Path("desk-data")
    db_url: str | None = None            # default: a SQLite file in `data`
    out: Path | None = None              # the published site; default: data/site
    config_file: Path | None = None      # accesspub.toml
    timezone: str = "Europe/Berlin"      # the zone embargo times are entered in
    settings: Settings = field(default_factory=Settings)

    def __post_init__(self):
        self.data = Path(self.data).resolve()
        self.data.mkdir(parents=True, exist_ok=True)
        if self.db_url is None:
            self.db_url = f"sqlite:///{self.data / 'desk.sqlite'}"
        self.out = Path(self.out).resolve() if self.out else self.data / "site"
        if self.config_file:
            self.settings = load_settings(Path(self.config_file))

    @classmethod
    def from_env(cls, **overrides) -> "DeskConfig":
        env = {"data": os.environ.get("ACCESSPUB_DESK_DATA"), "db_url": os.environ.get("ACCESSPUB_DESK_DB"),
               "out": os.environ.get("ACCESSPUB_DESK_OUT"), "config_file": os.environ.get("ACCESSPUB_CONFIG"),
               "timezone": os.environ.get("ACCESSPUB_DESK_TZ")}
        given = {k: v for k, v in overrides.items() if v is not None}     # the command line wins over the environment
        values = {k: v for k, v in {**env, **given}.items() if v is not None}
        return cls(**values)

    def export(self) -> dict[str, str]:
        """The environment that lets a worker process (or a test) open the same desk."""
        env = {"ACCESSPUB_DESK_DATA": str(self.data), "ACCESSPUB_DESK_DB": self.db_url,
               "ACCESSPUB_DESK_OUT": str(self.out), "ACCESSPUB_DESK_TZ": self.timezone}
        if self.config_file:
            env["ACCESSPUB_CONFIG"] = str(self.config_file)
        return env

    @property
    def is_sqlite(self) -> bool:
        return self.db_url.startswith("sqlite")

    def secret_key(self) -> str:
        """The session-signing key: made once, kept in the data folder, readable only by its owner."""
        path = self.data / "secret.key"
        if not path.exists():
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
            with os.fdopen(fd, "w") as f:
                f.write(secrets.token_urlsafe(48))
        return path.read_text().strip()

    def work_dir(self, release_id: int) -> Path:
        """The working source of a release's newest version, and its preview output tree."""
        return self.data / "work" / str(release_id)

    def preview_dir(self, release_id: int) -> Path:
        return self.data / "preview" / str(release_id)

    def published_source(self, release_id: int) -> Path:
        return self.data / "published" / str(release_id)
