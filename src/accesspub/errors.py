"""The few exception types a user can see. Each names the file, the place and the fix."""

from __future__ import annotations

import errno
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


ENVIRONMENT_ERRNOS = {errno.ENOSPC, errno.EDQUOT, errno.EROFS, errno.EACCES, errno.EPERM, errno.EIO, errno.EMFILE,
                      errno.ENFILE, errno.ENOMEM}


def is_environment(exc: BaseException) -> bool:
    """An OSError the machine caused (disk full, read-only, permissions, I/O), not a bad source."""
    return isinstance(exc, OSError) and exc.errno in ENVIRONMENT_ERRNOS


def environment_failure(exc: OSError) -> EnvironmentFailure:
    """The one message for an OSError of the machine: what failed, where, and the fix."""
    where = exc.filename
    if exc.errno in (errno.ENOSPC, errno.EDQUOT):
        return EnvironmentFailure("no space left on the disk", file=where,
                                  fix="free some space (or choose a folder on another disk with --out) and build "
                                      "again; files already published are kept")
    if exc.errno == errno.EROFS:
        return EnvironmentFailure("the folder is on a read-only file system", file=where,
                                  fix="choose a writable output folder with --out, or mount it writable")
    if exc.errno in (errno.EACCES, errno.EPERM):
        return EnvironmentFailure("no permission to write here", file=where,
                                  fix="make the folder writable for this user, or choose another with --out")
    return EnvironmentFailure(f"the system refused: {exc.strerror or exc}", file=where,
                              fix="check the disk and the system, then build again")
