"""Links of goals and actions accepted, rejected, or a rejection forgotten.

A suggestion the user rejects is remembered in the matching `..._afgewezen` list, so it is not
suggested again; accepting it later takes it off that list.
"""

from __future__ import annotations

from ..analysis.linking import Subject, link_fields


def _set(subject: Subject, field: str, values: list[str]) -> None:
    setattr(subject, field, values)  # assignment is validated (unknown SDG targets are refused)


def accept(subject: Subject, kind: str, code: str) -> None:
    """Link `code`; it is no longer a rejected suggestion."""
    linked, rejected = link_fields(kind)
    if code not in getattr(subject, linked):
        _set(subject, linked, [*getattr(subject, linked), code])
    _set(subject, rejected, [c for c in getattr(subject, rejected) if c != code])


def reject(subject: Subject, kind: str, code: str) -> None:
    """Refuse a suggestion (or remove a link) and remember it, so it is not suggested again."""
    linked, rejected = link_fields(kind)
    _set(subject, linked, [c for c in getattr(subject, linked) if c != code])
    if code not in getattr(subject, rejected):
        _set(subject, rejected, [*getattr(subject, rejected), code])


def forget_rejection(subject: Subject, kind: str, code: str) -> None:
    """Take `code` off the rejected list, so it can be suggested again."""
    _, rejected = link_fields(kind)
    _set(subject, rejected, [c for c in getattr(subject, rejected) if c != code])
