"""The progress line of a batch, in Dutch: count, the municipalities being worked on, time left.

On a terminal one line is redrawn in place; in a log (not a terminal) every finished plan gets a line.
"""

from __future__ import annotations

import shutil
import sys
import time

BAR_WIDTH = 20


def duration_nl(seconds: float) -> str:
    """'45 s', '3 min 05 s', '1 u 02 min'."""
    seconds = max(0, round(seconds))
    if seconds < 60:
        return f"{seconds} s"
    minutes, secs = divmod(seconds, 60)
    if minutes < 60:
        return f"{minutes} min {secs:02d} s"
    hours, minutes = divmod(minutes, 60)
    return f"{hours} u {minutes:02d} min"


class Progress:
    def __init__(self, total: int, stream=None, clock=time.monotonic):
        self.total, self.done, self.failed = total, 0, 0
        self.stream = stream or sys.stderr
        self.clock = clock
        self.started_at = clock()
        self.busy: dict[int, str] = {}  # plan index -> municipality, for the plans being worked on
        self.tty = hasattr(self.stream, "isatty") and self.stream.isatty()
        self._last_draw = 0.0

    def start(self, index: int, label: str) -> None:
        self.busy[index] = label
        self.draw(force=True)

    def finish(self, index: int, label: str, ok: bool, seconds: float) -> None:
        self.busy.pop(index, None)
        self.done += 1
        self.failed += not ok
        if not self.tty:
            state = "klaar" if ok else "MISLUKT"
            print(f"[{self.done}/{self.total}] {label}: {state} ({seconds:.1f} s)", file=self.stream, flush=True)
        self.draw(force=True)

    def time_left(self) -> str:
        if not self.done:
            return "resterende tijd wordt berekend"
        per_plan = (self.clock() - self.started_at) / self.done
        return f"nog ca. {duration_nl(per_plan * (self.total - self.done))}"

    def line(self) -> str:
        fraction = self.done / self.total if self.total else 1.0
        filled = round(fraction * BAR_WIDTH)
        bar = "█" * filled + "░" * (BAR_WIDTH - filled)
        parts = [f"{self.done}/{self.total} {bar} {fraction:4.0%}"]
        if self.failed:
            parts.append(f"{self.failed} mislukt")
        if self.busy:
            parts.append("bezig: " + ", ".join(self.busy[k] for k in sorted(self.busy)))
        if self.done < self.total:
            parts.append(self.time_left())
        return "  ".join(parts)

    def draw(self, force: bool = False) -> None:
        """Redraw the line (at most a few times a second unless forced); only on a terminal."""
        if not self.tty:
            return
        now = self.clock()
        if not force and now - self._last_draw < 0.5:
            return
        self._last_draw = now
        width = shutil.get_terminal_size((100, 20)).columns - 1
        text = self.line()
        if len(text) > width:
            text = text[: width - 1] + "…"
        self.stream.write("\r" + text.ljust(width))
        self.stream.flush()

    def close(self) -> None:
        if self.tty:
            self.stream.write("\n")
            self.stream.flush()
