"""Checks on a plan's YAML event stream, before any node or object is built.

The event stream is flat, so these checks cannot recurse: a file nested a hundred thousand
levels deep is refused in milliseconds, where building its nodes would overflow Python's stack.
Explicit tags are refused here too, with the field they sit on: `!!bool ja-nee` would otherwise
fail later with a confusing error (or none at all), and `!!python/object` would build objects.
So is a text longer than any field takes: naming its line would otherwise mean reading the file
again with the slow round-trip parser, a second per megabyte.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ruamel.yaml.events import (
    AliasEvent,
    CollectionEndEvent,
    CollectionStartEvent,
    NodeEvent,
    ScalarEvent,
)

from .errors import WarmeStadError
from .model import TEXT_LIMIT

# A plan is at most about six levels deep (acties > nr. 1 > statuslog > nr. 1 > datum).
MAX_DEPTH = 32
_STANDARD_PREFIX = "tag:yaml.org,2002:"


class _Collection:
    """A mapping or sequence being read: where the next node sits in it."""

    def __init__(self, is_mapping: bool, label: str):
        self.is_mapping = is_mapping
        self.label = label  # how the collection itself is named ('' at the top)
        self.index = -1
        self.key: Any = None
        self.expect_key = True

    def place(self, event: NodeEvent) -> str:
        """The name of the field a new node fills, and advance past it."""
        if not self.is_mapping:
            self.index += 1
            return _join(self.label, f"nr. {self.index + 1}")
        if self.expect_key:
            self.expect_key = False
            self.key = event.value if isinstance(event, ScalarEvent) else "?"
            return _join(self.label, str(self.key))
        self.expect_key = True
        return _join(self.label, str(self.key))


def _join(label: str, part: str) -> str:
    return f"{label} › {part}" if label else part


def _shown_tag(tag: str) -> str:
    """'tag:yaml.org,2002:bool' -> '!!bool', as the user wrote it."""
    return "!!" + tag[len(_STANDARD_PREFIX):] if tag.startswith(_STANDARD_PREFIX) else tag


def check_events(path: Path, events) -> None:
    """Refuse deep nesting, explicit tags and aliases; `events` is any ruamel event iterator."""
    stack: list[_Collection] = []
    for event in events:
        if isinstance(event, CollectionEndEvent):
            stack.pop()
            continue
        if not isinstance(event, NodeEvent):
            continue
        line = event.start_mark.line + 1
        field = stack[-1].place(event) if stack else ""
        if isinstance(event, AliasEvent):
            raise WarmeStadError(
                f"{path}, regel {line}: verwijzingen (YAML-ankers en aliassen) zijn in een plan niet "
                "toegelaten; schrijf de waarde voluit."
            )
        tag = getattr(event, "tag", None)
        if tag is not None:
            where = f"veld {field}: " if field else ""
            raise WarmeStadError(
                f"{path}, regel {line}: {where}de YAML-tag '{_shown_tag(tag)}' is niet toegelaten. "
                "Een plan bevat enkel gewone tekst, getallen, datums en lijsten: laat de tag weg."
            )
        if isinstance(event, ScalarEvent) and len(event.value) > TEXT_LIMIT:
            raise WarmeStadError(
                f"{path}, regel {line}: veld {field or '(het hele plan)'}: is te lang: hooguit {TEXT_LIMIT} tekens "
                f"(nu: {len(event.value)} tekens)."
            )
        if isinstance(event, CollectionStartEvent):
            if len(stack) >= MAX_DEPTH:
                raise WarmeStadError(
                    f"{path}, regel {line}: het plan is te diep genest (meer dan {MAX_DEPTH} lijsten of "
                    "groepen in elkaar; een plan heeft er hooguit een zestal). Is dit wel een planbestand?"
                )
            stack.append(_Collection(event.__class__.__name__.startswith("Mapping"), field))
