"""How texts are compared: words and titles, and municipality names."""

from __future__ import annotations

import re
import unicodedata


def plain_text(text: str) -> str:
    """Lower case, accents removed, one space between words: how words and titles are compared."""
    plain = unicodedata.normalize("NFKD", text.casefold()).encode("ascii", "ignore").decode()
    return " ".join(re.findall(r"[a-z0-9]+", plain))


def words_match(stem: str, text: str) -> bool:
    """True when a word of `text` begins with `stem` (both compared in normalized form)."""
    return re.search(r"(?<![a-z0-9])" + re.escape(plain_text(stem)), plain_text(text)) is not None


def name_key(text: str) -> str:
    """Case, accent, space, hyphen and punctuation insensitive form of a name."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(ch for ch in decomposed if ch.isalnum())
