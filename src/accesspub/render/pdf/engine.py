"""One long-lived WeasyPrint per build: fonts and stylesheets parsed once, errors it logs become findings."""

from __future__ import annotations

import logging
import mimetypes
import re
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import urljoin

from weasyprint import CSS, HTML, LOGGER
from weasyprint.text.fonts import FontConfiguration
from weasyprint.urls import URLFetcher, URLFetcherResponse

from ... import images
from ...findings import Finding
from ...paths import STYLES, font_files
from .origins import recording_origins

FAMILY = "Atkinson Hyperlegible Next"
_FILE = re.compile(r"-(latin(?:-ext)?)-([47]00)-(normal|italic)\.woff2$")


def font_faces(files: list[Path]) -> str:
    """@font-face rules for the npm font files: latin as the family, latin-ext as its fallback family."""
    rules = []
    for path in files:
        match = _FILE.search(path.name)
        if not match:
            continue
        subset, weight, style = match.groups()
        family = FAMILY if subset == "latin" else f"{FAMILY} Ext"
        rules.append(f'@font-face {{ font-family: "{family}"; font-weight: {weight}; font-style: {style}; '
                     f'src: url("{path.resolve().as_uri()}") format("woff2"); }}')
    return "\n".join(rules)


class _Collect(logging.Handler):
    """Turns WeasyPrint's logged errors and warnings into findings."""

    def __init__(self, location: str):
        super().__init__(logging.WARNING)
        self.location = location
        self.findings: list[Finding] = []

    def emit(self, record: logging.LogRecord) -> None:
        severity = "error" if record.levelno >= logging.ERROR else "warning"
        self.findings.append(Finding("weasyprint", "pdf", "weasyprint-log", severity, record.getMessage(),
                                     self.location))


@contextmanager
def _logged(location: str):
    handler = _Collect(location)
    LOGGER.addHandler(handler)
    try:
        yield handler.findings
    finally:
        LOGGER.removeHandler(handler)


class Fenced(URLFetcher):
    """Fetches only the files it was given (fonts, logo, the release's fenced images): nothing else, no network."""

    def __init__(self, files: dict[str, Path]):
        super().__init__(allowed_protocols={"file", "data"}, timeout=5)
        self.files = files

    def fetch(self, url, headers=None):
        if url.startswith("data:"):
            return super().fetch(url, headers)
        path = self.files.get(url.split("?")[0].split("#")[0])
        if path is None:
            raise ValueError(f"not a resource of this release: {url}")
        mime = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
        data = images.read(path) if path.suffix.lower() in images.MIME else path.read_bytes()
        return URLFetcherResponse(url, data, {"Content-Type": mime})


class Engine:
    """WeasyPrint with the print stylesheet, the fonts and an image cache, reused for every release."""

    def __init__(self):
        self.fonts = FontConfiguration()
        self.fonts_files = {p.resolve().as_uri(): p for p in font_files()}
        self.fetcher = Fenced(self.fonts_files)
        self.stylesheets = [
            CSS(string=font_faces(font_files()), font_config=self.fonts, url_fetcher=self.fetcher),
            CSS(filename=str(STYLES / "print.css"), font_config=self.fonts, url_fetcher=self.fetcher),
        ]
        self.cache: dict = {}

    def write(self, html: str, base_url: str, resources: dict[str, Path], location: str = "") -> tuple[bytes, list[Finding]]:
        """The PDF/UA-1 bytes of a print page and what WeasyPrint logged while making them.

        `base_url` is the release's public address (site.url + slug): relative links in the PDF resolve to the
        published site, never to a file on the build machine. `resources` maps relative names (and absolute
        paths such as the logo) to the files that may be read; nothing else is fetched."""
        files = {(urljoin(base_url, name) if not Path(name).is_absolute() else Path(name).as_uri()): path
                 for name, path in resources.items()}
        with _logged(location) as findings, recording_origins():
            pdf = HTML(string=html, base_url=base_url, url_fetcher=Fenced(files)).write_pdf(
                stylesheets=self.stylesheets, font_config=self.fonts, pdf_variant="pdf/ua-1",
                custom_metadata=False, cache=self.cache)
        return pdf, findings


def engine(services: dict) -> Engine:
    """The build's engine, started on first use."""
    if "weasyprint" not in services:
        services["weasyprint"] = Engine()
    return services["weasyprint"]
