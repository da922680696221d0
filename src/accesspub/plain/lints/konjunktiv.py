"""No Konjunktiv: "sei", "seien", "würde", "hätte" … make a text hard to follow."""

from ..grammar import parse
from ..rules.konjunktiv import indicative

NAME, LANGS, SEVERITY = "konjunktiv", ("de",), "warning"
_KONJ_II = ("wäre", "wären", "hätte", "hätten", "würde", "würden", "könnte", "könnten", "müsste", "müssten",
            "dürfte", "dürften", "möchte", "bräuchte")


def check(sentence: str, ctx) -> list[str]:
    toks = parse(sentence, "de")
    first_person = any(t.text.lower() == "ich" for t in toks)
    hits = [t.text for t in toks if t.text.lower() in _KONJ_II or (
        t.tag.endswith("(FIN)") and not first_person and indicative(t, ctx.data["konjunktiv"]))]
    return [f"Konjunktiv '{h}'; use the indicative" for h in hits]
