"""A one-line text progress bar for long work on the command line (stderr, only on a terminal)."""

from __future__ import annotations

import sys
import time


class ProgressBar:
    """``bar.update(done, note)`` redraws ``label [#####     ] 42% note`` in place."""

    def __init__(self, total: int, label: str = "", stream=None, width: int = 30, every: float = 0.1):
        self.total = max(int(total), 1)
        self.label = label
        self.stream = stream or sys.stderr
        self.width = width
        self.every = every
        self.enabled = hasattr(self.stream, "isatty") and self.stream.isatty()
        self._last = 0.0

    def update(self, done: int, note: str = "") -> None:
        now = time.perf_counter()
        if not self.enabled or (now - self._last < self.every and done < self.total):
            return
        self._last = now
        share = min(done / self.total, 1.0)
        filled = int(round(share * self.width))
        bar = "#" * filled + " " * (self.width - filled)
        self.stream.write(f"\r{self.label} [{bar}] {share:4.0%} {note}\033[K")
        self.stream.flush()

    def batch(self, event, epochs: int, note: str = "") -> bool:
        """Show where a training run is (a ``BatchEvent``); True at the end of an epoch, where the
        bar has made room for the epoch's own line."""
        self.total = max(event.batches_per_epoch, 1)
        self.label = f"epoch {event.epoch + 1}/{epochs}"
        self.update(event.batch, f"loss {event.loss:.4f}{note}")
        if event.epoch_record is None:
            return False
        self.close()
        return True

    def close(self) -> None:
        if self.enabled:
            self.stream.write("\r\033[K")
            self.stream.flush()
