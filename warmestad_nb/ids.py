"""Readable ids (slugs) from names: for partners, goals and actions, and for output folders.

Kept apart from model.py so that code that only names things (the batch worker's output folders)
does not import pydantic.
"""

from __future__ import annotations

import re
import unicodedata


def new_id(existing: list[str], name: str) -> str:
    """A readable, unique slug for a new partner, goal or action."""
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    base = re.sub(r"[^a-z0-9]+", "-", ascii_name.lower()).strip("-")[:60] or "item"
    candidate, n = base, 2
    while candidate in existing:
        candidate, n = f"{base}-{n}", n + 1
    return candidate
