"""The one exception type for mistakes a user can make.

Its message is Dutch and names the file, the field and the problem; the command
line prints it without a traceback and exits with status 2.
"""

from __future__ import annotations


class WarmeStadError(Exception):
    """A problem the user can fix (bad file, unknown municipality, wrong value)."""

    def __init__(self, message: str, problems: list[str] | None = None):
        super().__init__(message)
        self.message = message
        self.problems = list(problems or [])

    def __str__(self) -> str:
        if not self.problems:
            return self.message
        return self.message + "\n" + "\n".join(f"  - {p}" for p in self.problems)


class ConflictError(WarmeStadError):
    """The plan file changed on disk since it was loaded."""


def is_user_error(error: BaseException) -> bool:
    """The one rule for what is a user's mistake: a WarmeStadError (a ConflictError too), whose Dutch
    text names the problem on its own; anything else is a fault of the workbook."""
    return isinstance(error, WarmeStadError)
