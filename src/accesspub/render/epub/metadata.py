"""schema.org accessibility metadata derived from what the EPUB really contains."""

from __future__ import annotations

from dataclasses import dataclass

from .templates import strings


@dataclass
class Accessibility:
    access_modes: list[str]
    sufficient: list[str]
    features: list[str]
    hazards: list[str]
    summary: str


def accessibility(lang: str, images: list[dict], overlay: bool, has_toc: bool) -> Accessibility:
    """What the content has, stated as schema.org properties and a summary in the release's language.

    `images` are {"alt", "decorative"} per embedded image; `overlay` is true when media overlays are included.
    """
    text = strings(lang)["summary"]
    informative = [i for i in images if not i["decorative"]]
    described = all(i["alt"].strip() for i in informative)
    modes = ["textual"] + (["visual"] if images else []) + (["auditory"] if overlay else [])
    sufficient = (["textual"] if described else []) + (["textual,visual"] if images else [])
    features = ["structuralNavigation"] + (["tableOfContents"] if has_toc else []) + ["readingOrder"]
    if informative and described:
        features.append("alternativeText")
    features.append("displayTransformability")
    if overlay:
        features.append("synchronizedAudioText")
    summary = [text["text"], text["display"]]
    if informative and described:
        summary.append(text["images"])
    elif images and not informative:
        summary.append(text["decorative"])
    if overlay:
        summary.append(text["overlays"])
    summary.append(text["hazards"])
    return Accessibility(modes, sufficient, features, ["none"], " ".join(summary))
