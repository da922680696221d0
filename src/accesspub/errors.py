"""The few exception types a user can see. Each names the file, the place and the fix."""

from __future__ import annotations

from pathlib import Path


class AccesspubError(Exception):
    """Base: a problem the user can fix; the CLI prints it without a traceback."""

    exit_code = 2

    def __init__(self, message: str, *, file: Path | str | None = None, place: str | None = None,
                 fix: str | None = None):
        super().__init__(message)
        self.message = message
        self.file = str(file) if file is not None else None
        self.place = place
        self.fix = fix

    def __str__(self) -> str:
        where = self.file or ""
        if self.place:
            where = f"{where}:{self.place}" if where else self.place
        text = f"{where}: {self.message}" if where else self.message
        if self.fix:
            text += f"\n  fix: {self.fix}"
        return text


class SourceError(AccesspubError):
    """A release source cannot be used (missing, unreadable, malformed, incomplete)."""


class ConfigError(AccesspubError):
    """accesspub.toml is malformed or has unknown keys."""


class UsageError(AccesspubError):
    """The command line asks for something that cannot be done."""


class BuildLockedError(AccesspubError):
    """Another build is writing to the same output folder."""


class EnvironmentFailure(AccesspubError):
    """The machine failed the build: disk full, folder read-only, a tool missing, a port busy (exit 3)."""

    exit_code = 3
