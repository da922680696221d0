"""The one registry of renditions and check families: everything else is derived from these declarations.

A rendition is a module with `render(release, ctx) -> Rendition` and one `RenditionSpec`; a check family is a
module with `check(items, settings) -> {slug: [Finding]}` and one `CheckSpec`. From the specs follow the build
order (what embeds what, topologically sorted), the cache keys (styles, settings, embedded renditions), the
formats config and `--formats` accept, the links and labels on the page, which checks read which files, and
the two check lanes (the checks that hold a browser share one lane, so only one browser is in memory).

Plugin packages add renditions and checks through the entry-point group `accesspub.renditions`; an entry
point names a `RenditionSpec`, a `CheckSpec` or a list of them:

    [project.entry-points."accesspub.renditions"]
    txt = "my_package.txt:SPECS"
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from importlib.metadata import entry_points

GROUP = "accesspub.renditions"
ALL = "*"
"""In `embeds`: every other linked rendition (the page links them all)."""
SITE = "site"
"""In `CheckSpec.site`: OUT/index.html, checked under the slug ""."""


@dataclass(frozen=True)
class RenditionSpec:
    name: str                           # the format name users type: --formats html,pdf
    module: str                         # dotted module with render(release, ctx) -> Rendition
    files: tuple[str, ...]              # what it writes below OUT/<slug>/, main file first; {slug} is replaced
    media_type: str                     # of the main file, for links (type="…") and feeds
    kind: str                           # short type shown beside a link: "PDF", "MP3"
    label: str                          # key of its name in the language data's `ui:` table
    styles: tuple[str, ...] = ()        # stylesheets (in styles/) whose change rebuilds it
    settings: tuple[str, ...] = ()      # settings sections whose change rebuilds it
    embeds: tuple[str, ...] = ()        # renditions it reads or links (built before it); ALL = every linked one
    checks: tuple[str, ...] = ()        # check families that read its main file
    linked: bool = True                 # listed among the page's "other forms"
    required: bool = False              # always built (the page every other rendition is linked from)
    certify: str | None = None          # dotted module with certify(...), run after its checks (see certify.py)
    labels: dict[str, str] = field(default_factory=dict, hash=False, compare=False)
    """Labels per language for a plugin whose key is not in the language data."""


@dataclass(frozen=True)
class CheckSpec:
    name: str                           # the family: "axe", "vnu", "epub"
    module: str                         # dotted module with check(items, settings) -> {slug: [Finding]}
    needs_browser: bool = False         # holds a Chromium while it runs
    site: bool = False                  # also reads the site index OUT/index.html


BUILTIN: tuple[RenditionSpec | CheckSpec, ...] = (
    RenditionSpec("html", "accesspub.render.html", ("index.html",), "text/html", "HTML", "html",
                  styles=("screen.css", "fonts.css"), settings=("publisher", "site", "audio", "plain"),
                  embeds=(ALL,), checks=("axe", "vnu"), linked=False, required=True),
    RenditionSpec("plain", "accesspub.render.plain", ("plain.html",), "text/html", "HTML", "plain",
                  styles=("plain.css", "screen.css", "fonts.css"), settings=("publisher", "site", "plain"),
                  embeds=("plain-audio",), checks=("axe", "vnu")),
    RenditionSpec("audio", "accesspub.render.audio", ("{slug}.mp3", "{slug}.vtt", "{slug}.chapters.json"),
                  "audio/mpeg", "MP3", "audio", settings=("publisher", "site", "audio"), checks=("audio",)),
    RenditionSpec("plain-audio", "accesspub.render.plain_audio",
                  ("{slug}.plain.mp3", "{slug}.plain.vtt", "{slug}.plain.chapters.json"), "audio/mpeg", "MP3",
                  "plain_audio", settings=("publisher", "site", "audio", "plain"), checks=("audio",)),
    RenditionSpec("pdf", "accesspub.render.pdf", ("{slug}.pdf",), "application/pdf", "PDF", "pdf",
                  styles=("print.css", "fonts.css"), settings=("publisher", "site"), checks=("pdf",)),
    RenditionSpec("epub", "accesspub.render.epub", ("{slug}.epub",), "application/epub+zip", "EPUB", "epub",
                  styles=("epub.css", "fonts.css"), settings=("publisher", "site", "audio"), embeds=("audio",),
                  checks=("epub",), certify="accesspub.render.epub.claim"),
    CheckSpec("epub", "accesspub.checks.epub", needs_browser=True),        # Ace runs a Chromium
    CheckSpec("axe", "accesspub.checks.axe", needs_browser=True, site=True),
    CheckSpec("audio", "accesspub.checks.audio"),
    CheckSpec("vnu", "accesspub.checks.vnu", site=True),
    CheckSpec("pdf", "accesspub.checks.pdf"),
)

_registered: list[RenditionSpec | CheckSpec] = []


class SpecError(ValueError):
    """A declaration that cannot work: named, with what is wrong."""


def register(*specs: RenditionSpec | CheckSpec) -> None:
    """Add specs at run time (what an entry point does at start-up)."""
    _registered.extend(specs)
    reload()


def unregister(*names: str) -> None:
    """Remove run-time specs by name (tests)."""
    _registered[:] = [s for s in _registered if s.name not in names]
    reload()


def reload() -> None:
    _load.cache_clear()
    _order.cache_clear()


def _plugins() -> list[RenditionSpec | CheckSpec]:
    found: list[RenditionSpec | CheckSpec] = []
    for ep in entry_points(group=GROUP):
        value = ep.load()
        found += list(value) if isinstance(value, (list, tuple)) else [value]
    return found


@lru_cache(maxsize=1)
def _load() -> tuple[dict[str, RenditionSpec], dict[str, CheckSpec]]:
    renditions: dict[str, RenditionSpec] = {}
    checks: dict[str, CheckSpec] = {}
    for spec in (*BUILTIN, *_plugins(), *_registered):
        if isinstance(spec, RenditionSpec):
            renditions[spec.name] = spec
        elif isinstance(spec, CheckSpec):
            checks[spec.name] = spec
        else:
            raise SpecError(f"entry point of {GROUP} gave {spec!r}, not a RenditionSpec or CheckSpec")
    return renditions, checks


def renditions() -> dict[str, RenditionSpec]:
    """Every rendition, in declaration order."""
    return _load()[0]


def check_specs() -> dict[str, CheckSpec]:
    return _load()[1]


def spec(name: str) -> RenditionSpec:
    return renditions()[name]


def names() -> tuple[str, ...]:
    """Every format name, in build order."""
    return build_order()


def embeds(name: str) -> tuple[str, ...]:
    """The renditions `name` embeds, with ALL expanded to every linked rendition but itself."""
    specs = renditions()
    out: list[str] = []
    for e in specs[name].embeds:
        out += [n for n, s in specs.items() if s.linked and n != name] if e == ALL else [e]
    return tuple(dict.fromkeys(out))


@lru_cache(maxsize=8)
def _order(key: tuple) -> tuple[str, ...]:
    specs = renditions()
    order: list[str] = []
    visiting: set[str] = set()

    def visit(name: str) -> None:
        if name in order:
            return
        if name in visiting:
            raise SpecError(f"rendition '{name}' embeds itself through {sorted(visiting)}")
        visiting.add(name)
        for dep in embeds(name):
            if dep not in specs:
                raise SpecError(f"rendition '{name}' embeds unknown rendition '{dep}'")
            visit(dep)
        visiting.discard(name)
        order.append(name)

    for name in specs:
        visit(name)
    return tuple(order)


def build_order(formats: tuple[str, ...] | None = None) -> tuple[str, ...]:
    """Renditions dependencies first (topological order of `embeds`, ties in declaration order)."""
    order = _order(tuple(renditions()))
    return order if formats is None else tuple(n for n in order if n in formats)


def files_of(name: str, slug: str) -> list[str]:
    """The file names a rendition of the release `slug` writes below OUT/<slug>/, main file first."""
    return [f.replace("{slug}", slug) for f in renditions()[name].files]


def linked() -> tuple[str, ...]:
    """Renditions the page links, in build order."""
    return tuple(n for n in build_order() if renditions()[n].linked)


def withheld(data: dict[str, dict]) -> set[str]:
    """Renditions not to publish, from each built rendition's data: those whose data says `"publish": false`
    (an unreviewed plain version when `plain.publish_unreviewed` is off) and the renditions they embed."""
    names = {n for n, d in data.items() if (d or {}).get("publish") is False}
    specs = renditions()
    return names | {e for n in names if n in specs for e in specs[n].embeds if e in data}


def required() -> tuple[str, ...]:
    return tuple(n for n in build_order() if renditions()[n].required)


def reads(check: str) -> tuple[str, ...]:
    """The renditions (and SITE) whose main file a check family reads."""
    out = tuple(n for n, s in renditions().items() if check in s.checks)
    return out + ((SITE,) if check_specs()[check].site else ())


def lanes() -> tuple[tuple[str, ...], ...]:
    """Two lanes run side by side: the browser-holding checks one after the other, the rest in the other."""
    specs = check_specs()
    browser = tuple(n for n, c in specs.items() if c.needs_browser)
    rest = tuple(n for n, c in specs.items() if not c.needs_browser)
    return tuple(lane for lane in (browser, rest) if lane)


def problems(languages: dict[str, dict]) -> list[str]:
    """What is wrong with the declarations; `languages` maps a language to its `ui:` table. Empty = fine."""
    found: list[str] = []
    specs, checks = renditions(), check_specs()
    for s in specs.values():
        for attr in ("name", "module", "files", "media_type", "kind", "label"):
            if not getattr(s, attr):
                found.append(f"rendition '{s.name}': '{attr}' is empty")
        for e in s.embeds:
            if e != ALL and e not in specs:
                found.append(f"rendition '{s.name}' embeds unknown rendition '{e}'")
        for c in s.checks:
            if c not in checks:
                found.append(f"rendition '{s.name}' names unknown check family '{c}'")
        for lang, ui in languages.items():
            if s.label not in ui and lang not in s.labels:
                found.append(f"rendition '{s.name}': no label '{s.label}' in the '{lang}' language data")
    in_lanes = [c for lane in lanes() for c in lane]
    for c in checks.values():
        if not c.module:
            found.append(f"check '{c.name}': 'module' is empty")
        if in_lanes.count(c.name) != 1:
            found.append(f"check '{c.name}' is not in exactly one lane")
        if not reads(c.name):
            found.append(f"check '{c.name}' reads no rendition, so it never runs")
    try:
        build_order()
    except SpecError as exc:
        found.append(str(exc))
    return found
