"""accesspub.toml → typed settings. Every option has a default that works without a file."""

from __future__ import annotations

import datetime as dt
import tomllib
from pathlib import Path
from typing import Literal

from urllib.parse import urlsplit

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from . import renditions
from .errors import ConfigError

BITRATES = (64, 80, 96)     # the MP3 (MPEG-1 layer III) bit rates between 64 and 96 kbit/s
DEFAULT_SITE_URL = "https://example.org/presse/"
FIXES = {
    "site.url": 'write the public address of the output folder, e.g. url = "https://www.example.de/presse/"',
    "publisher.url": 'write the full address of the website, e.g. url = "https://www.example.de/"',
    "plain.rewriter_url": 'write the full address of the endpoint, e.g. rewriter_url = "http://127.0.0.1:8080/v1"',
    "audio.bitrate": "use 64, 80 or 96 (64 is plenty for speech)",
    "site.timezone": 'write an IANA zone name, e.g. timezone = "Europe/Berlin"',
    "plain.rewriter_timeout": "use a number of seconds above 0, e.g. rewriter_timeout = 60",
    "publisher.logo": "put the logo image (PNG, JPEG, GIF, WebP or SVG) in the folder of accesspub.toml or below "
                      "it and give its path relative to that folder, e.g. logo = \"logo.png\"",
}


def __getattr__(name: str):
    if name == "FORMATS":           # every rendition declared (renditions.py, plugins included), in build order
        return renditions.names()
    raise AttributeError(name)


def _absolute_url(value: str | None) -> str | None:
    if value is None:
        return value
    parts = urlsplit(value.strip())
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        raise ValueError(f"'{value}' is not an absolute http(s) URL")
    return value.strip()


class _Section(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Publisher(_Section):
    name: str = "Pressestelle"
    """Who publishes the releases; shown in every rendition and used as author/artist."""
    url: str | None = None
    """The publisher's website."""
    logo: str | None = None
    """Path to a logo image (relative to accesspub.toml); needs `logo_alt`."""
    logo_alt: str | None = None
    """Text alternative of the logo."""
    contact: str | None = None
    """Default contact block for releases that bring none."""

    _url = field_validator("url")(_absolute_url)


class Site(_Section):
    title: str | None = None
    """Title of the site index; defaults to "<publisher> – Pressemitteilungen"."""
    url: str = DEFAULT_SITE_URL
    """Public URL of the output folder, for feeds and canonical links."""
    default_language: Literal["de", "en"] = "de"
    """Language of releases that neither declare nor reveal one."""
    timezone: str = "Europe/Berlin"
    """IANA time zone of an `embargo` written without one (e.g. 2025-03-01T10:00)."""

    _url = field_validator("url")(_absolute_url)

    @field_validator("timezone")
    @classmethod
    def _zone(cls, value: str) -> str:
        from zoneinfo import ZoneInfo, ZoneInfoNotFoundError
        try:
            ZoneInfo(value)
        except (ZoneInfoNotFoundError, ValueError):
            raise ValueError(f"'{value}' is not an IANA time zone") from None
        return value

    imprint_url: str | None = None
    """The publisher's imprint (Impressum), linked from the footer of every page."""
    privacy_url: str | None = None
    """The privacy notice (Datenschutzerklärung), linked from the footer of every page."""


class Output(_Section):
    formats: list[str] = Field(default_factory=lambda: list(renditions.names()))
    """Renditions built when `--formats` is not given."""

    @field_validator("formats")
    @classmethod
    def _known(cls, value: list[str]) -> list[str]:
        unknown = [f for f in value if f not in renditions.names()]
        if unknown:
            raise ValueError(f"unknown format(s) {', '.join(unknown)}; choose from {', '.join(renditions.names())}")
        return value
    strict: bool = False
    """Treat warnings as errors (exit 1)."""
    publish_reports: bool = False
    """Publish the check reports (report.html, report.json) with the site; off: they stay in the state folder."""


class Plain(_Section):
    level: Literal["einfach", "leicht"] = "einfach"
    """Default plain-language level for German releases."""
    compound_separator: Literal["hyphen", "mediopunkt"] = "hyphen"
    """How long compounds are split: "Landes-Programm" (BITV 2.0) or "Landes·programm" (Hildesheim)."""
    publish_unreviewed: bool = True
    """Whether a plain version that no person has signed off goes onto the site (as a draft, so labelled).
    The page and its metadata say whether it was reviewed; the publish stage reads this setting."""
    rewriter_url: str | None = None
    """Optional OpenAI-compatible chat endpoint (e.g. a local llama.cpp server: http://127.0.0.1:8080/v1).
    Off when empty. Its text is used only when it passes the same lints and the fact check; the release
    text is sent to this address, so point it at a machine you trust."""
    rewriter_model: str | None = None
    """Model name the endpoint expects."""
    rewriter_timeout: float = Field(60.0, gt=0)
    """Seconds per call; two retries follow a failed call."""

    _url = field_validator("rewriter_url")(_absolute_url)


class Audio(_Section):
    engine: Literal["espeak", "piper", "gtts"] = "espeak"
    """Speech engine; only `espeak` is offline and needs nothing else."""
    voice: dict[str, str] = Field(default_factory=dict)
    """Voice per language, e.g. {de = "de", en = "/voices/en_US-joe.onnx"} for piper."""
    bitrate: int = 64
    """MP3 bit rate in kbit/s: 64, 80 or 96."""

    @field_validator("bitrate")
    @classmethod
    def _bitrate(cls, value: int) -> int:
        if value not in BITRATES:
            raise ValueError(f"{value} kbit/s is not one of {', '.join(map(str, BITRATES))}")
        return value


class Accessibility(_Section):
    """The site's accessibility statement (EU model statement, Implementing Decision (EU) 2018/1523; BITV 2.0)."""

    email: str | None = None
    """Where readers report barriers (a mailto: link, no form); defaults to the address in publisher.contact."""
    phone: str | None = None
    """Telephone for feedback on barriers."""
    address: str | None = None
    """Postal address for feedback on barriers."""
    legal_basis: str | None = None
    """The law the site must meet, e.g. "§ 12a BGG und BITV 2.0" or "§ 14 HessBGG"; defaults by language."""
    prepared: dt.date | None = None
    """When the statement was first prepared (default: the date of the build)."""
    reviewed: dt.date | None = None
    """Date of a review by people (a manual audit). Without it the statement never claims full compliance."""
    enforcement_body: str = "Schlichtungsstelle nach dem Behindertengleichstellungsgesetz (§ 16 BGG)"
    """The enforcement or conciliation body readers can turn to; a Land's bodies set the Land's procedure."""
    enforcement_url: str | None = "https://www.schlichtungsstelle-bgg.de"
    """Its website."""
    enforcement_email: str | None = None
    """Its e-mail address."""
    enforcement_address: str | None = None
    """Its postal address."""


class Settings(_Section):
    publisher: Publisher = Field(default_factory=Publisher)
    site: Site = Field(default_factory=Site)
    output: Output = Field(default_factory=Output)
    plain: Plain = Field(default_factory=Plain)
    audio: Audio = Field(default_factory=Audio)
    accessibility: Accessibility = Field(default_factory=Accessibility)
    root: Path = Field(default=Path("."), exclude=True)
    """Folder of accesspub.toml; relative paths in it are resolved from here."""


def load_settings(path: Path | None = None) -> Settings:
    """Read accesspub.toml (the given one, else ./accesspub.toml when present, else defaults)."""
    if path is None:
        candidate = Path("accesspub.toml")
        if not candidate.exists():
            return Settings()
        path = candidate
    if not path.exists():
        raise ConfigError("configuration file not found", file=path, fix="check the path given to --config")
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"not valid TOML: {exc}", file=path, fix="correct the TOML syntax at that line") from None
    try:
        settings = Settings(**data)
    except ValidationError as exc:
        err = exc.errors()[0]
        key = ".".join(str(p) for p in err["loc"])
        if err["type"] == "extra_forbidden":
            raise ConfigError(f"unknown key '{key}'", file=path, place=key,
                              fix="remove it or correct its spelling; see the README's configuration table") from None
        msg = str(err["ctx"]["error"]) if err["type"] == "value_error" else err["msg"]
        raise ConfigError(f"bad value for '{key}': {msg}", file=path, place=key,
                          fix=FIXES.get(key, "see the README's configuration table")) from None
    settings.root = path.resolve().parent
    _check_logo(settings, path)
    return settings


def _check_logo(settings: Settings, path: Path) -> None:
    """The logo is an image inside the configuration's folder, within the limits every image has."""
    from .images import ImageRefused, read
    logo = settings.publisher.logo
    if not logo:
        return

    def refuse(why: str):
        raise ConfigError(f"bad value for 'publisher.logo': '{logo}' {why}", file=path, place="publisher.logo",
                          fix=FIXES["publisher.logo"])
    real = (settings.root / logo).resolve()
    if settings.root not in real.parents:
        refuse("lies outside the folder of accesspub.toml")
    if not real.is_file():
        refuse("does not exist")
    try:
        read(real)
    except ImageRefused as exc:
        refuse(f"cannot be used: {exc}")
