"""The EPUB's XML templates (templates/epub/) and its interface strings, always XML-escaped."""

from __future__ import annotations

from functools import lru_cache

from jinja2 import Environment, PackageLoader
from markupsafe import Markup
from ...shipped import shipped_yaml


@lru_cache(maxsize=1)
def _environment() -> Environment:
    return Environment(loader=PackageLoader("accesspub", "templates/epub"), autoescape=True,
                       keep_trailing_newline=True)


def render_template(name: str, **variables) -> str:
    """A template of templates/epub/ filled in; a `body` variable is trusted XHTML markup."""
    if "body" in variables:
        variables["body"] = Markup(variables["body"])
    return _environment().get_template(name).render(**variables)


@lru_cache(maxsize=1)
def _strings() -> dict:
    return shipped_yaml("accesspub", "templates", "epub", "strings.yaml")


def strings_lang(lang: str) -> str:
    """The language the EPUB's labels are written in for a release in `lang` (en where there are none)."""
    return lang if lang in _strings() else "en"


def strings(lang: str) -> dict:
    """Navigation labels and accessibility-summary sentences in the release's language (en for others)."""
    return _strings()[strings_lang(lang)]
