"""Say it positively where you can: negations are easy to miss. Severity info: sometimes a "nicht" is needed."""

from ..text import tokens

NAME, LANGS, SEVERITY = "negation", ("de", "en"), "info"


def check(sentence: str, ctx) -> list[str]:
    negations = {w.lower() for w in ctx.data["negation"]}
    hits = [t.text for t in tokens(sentence, ctx.lang) if t.text.lower() in negations]
    return [f"negation '{h}'; say it positively if you can" for h in hits]
