"""Printable HTML pages from the Jinja2 templates in templates/, with autoescape: every plan text is escaped."""

from __future__ import annotations

import functools
from pathlib import Path

from jinja2 import Environment, FileSystemLoader

TEMPLATES_DIR = Path(__file__).resolve().parent.parent.parent / "templates"


@functools.cache
def _environment() -> Environment:
    return Environment(loader=FileSystemLoader(TEMPLATES_DIR), autoescape=True, trim_blocks=True, lstrip_blocks=True)


def render_page(template: str, **context) -> str:
    return _environment().get_template(template).render(**context)
