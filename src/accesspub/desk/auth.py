"""Local accounts (argon2 hashes), roles, CSRF tokens for every form, API tokens per integration."""

from __future__ import annotations

import hashlib
import hmac
import secrets

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import select
from sqlalchemy.orm import Session

from .models import ROLES, ApiToken, Release, User

_hasher = PasswordHasher()
_DUMMY = _hasher.hash("not a password anyone has")


class AuthError(Exception):
    """Not signed in, or not allowed."""


def hash_password(password: str) -> str:
    return _hasher.hash(password)


def check_roles(roles: str | list[str]) -> str:
    wanted = [r.strip() for r in (roles.split(",") if isinstance(roles, str) else roles) if r.strip()]
    unknown = [r for r in wanted if r not in ROLES]
    if unknown or not wanted:
        raise ValueError(f"unknown role(s) {', '.join(unknown) or '(none)'}; choose from {', '.join(ROLES)}")
    return ",".join(r for r in ROLES if r in wanted)


def add_user(session: Session, username: str, password: str, roles: str | list[str]) -> User:
    if len(password) < 10:
        raise ValueError("the password needs at least 10 characters")
    if session.scalar(select(User).where(User.username == username)):
        raise ValueError(f"a user '{username}' exists already")
    user = User(username=username, password_hash=hash_password(password), roles=check_roles(roles))
    session.add(user)
    session.flush()
    return user


def authenticate(session: Session, username: str, password: str) -> User | None:
    user = session.scalar(select(User).where(User.username == username))
    try:
        _hasher.verify(user.password_hash if user else _DUMMY, password)   # same cost for unknown names
    except (VerificationError, InvalidHashError):
        return None
    if user is None:
        return None
    if _hasher.check_needs_rehash(user.password_hash):
        user.password_hash = hash_password(password)
    return user


def can_read(user: User, release: Release) -> bool:
    """Its author, and reviewers and publishers (whose work needs every release), may read a release."""
    return release.created_by == user.id or user.has("reviewer") or user.has("publisher")


def csrf_token(session_data: dict) -> str:
    if "csrf" not in session_data:
        session_data["csrf"] = secrets.token_urlsafe(32)
    return session_data["csrf"]


def csrf_ok(session_data: dict, sent: str | None) -> bool:
    expected = session_data.get("csrf")
    return bool(expected and sent and hmac.compare_digest(expected, sent))


def _token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def new_api_token(session: Session, name: str, user: User, webhook_url: str | None = None) -> str:
    """Create a token for an integration; the token is shown once, only its hash is kept."""
    token = "ap_" + secrets.token_urlsafe(32)
    session.add(ApiToken(name=name, token_hash=_token_hash(token), user_id=user.id, webhook_url=webhook_url or None))
    session.flush()
    return token


def token_user(session: Session, token: str) -> tuple[ApiToken, User] | None:
    row = session.scalar(select(ApiToken).where(ApiToken.token_hash == _token_hash(token)))
    return (row, row.user) if row else None
