"""Checkpoint 02: every structure type is standard or role-mapped to one."""

from __future__ import annotations

from .document import STANDARD, Document
from .registry import rule


@rule("02-001", "One or more non-standard tag's mapping does not terminate with a standard type.")
def mapping_terminates(doc: Document):
    for raw in sorted({e.raw for e in doc.elements if not e.type}):
        yield f"structure type /{raw} is not standard and maps to no standard type", f"/{raw}"


@rule("02-003", "A circular mapping exists.")
def circular(doc: Document):
    for start in sorted(doc.role_map):
        seen, t = [start], start
        while t in doc.role_map and t not in STANDARD:
            t = doc.role_map[t]
            if t == start:
                yield "circular role mapping " + " → ".join(f"/{s}" for s in seen + [t]), "RoleMap"
                break
            if t in seen:
                break
            seen.append(t)


@rule("02-004", "One or more standard types are remapped.")
def standard_remapped(doc: Document):
    for raw in sorted(t for t in doc.role_map if t in STANDARD):
        yield f"the standard type /{raw} is remapped to /{doc.role_map[raw]}", "RoleMap"
