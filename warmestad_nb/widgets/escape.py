"""The one HTML escape of the widgets (the document escapes through Jinja)."""

from __future__ import annotations

import html
from typing import Any


def esc(value: Any) -> str:
    return html.escape("" if value is None else str(value))
