"""The slow parts of "My digits", off the GUI thread: reading the digits' images, and importing a folder.

A learner's folder may hold large photos (80 photos of 40 megapixels took longer than 20 s to
decode, and the window did not appear before they were). So the page shows every digit at once
— the ones already read as their 28×28 input, the others as a grey square — and an
``InputLoader`` reads the rest in the background, in batches sent to the GUI thread, where the
store remembers them and the view fills them in. An ``Importer`` does an import's file work
(``DigitStore.copy_in``: read each image once, write it as a grey PNG) with progress and a stop;
the GUI thread then makes the files digits (``DigitStore.take_in``: the index is written once).
Both are ``Worker``s of ``annviz.gui.threads``: they send copies and touch no QObject.
"""

from __future__ import annotations

import time

from PySide6.QtCore import Signal

from annviz.data.mydigits import Digit, DigitStore, MyDigitsError, prepare_input
from annviz.gui.threads import Worker

BATCH_S = 0.1          # send what was read at least this often …
BATCH_DIGITS = 64      # … or after this many digits


class InputLoader(Worker):
    """Reads the inputs of ``digits`` (those the store does not know yet)."""

    loaded = Signal(object)   # [(Digit, cache key, input or None, MyDigitsError or None), …]

    def __init__(self, digits: list[Digit]):
        super().__init__()
        self.digits = list(digits)

    def work(self) -> int:
        batch, sent = [], time.monotonic()
        for digit in self.digits:
            if not self.control.wait_for_turn():
                break
            batch.append((digit, *prepare_input(digit.path)))
            if len(batch) >= BATCH_DIGITS or time.monotonic() - sent > BATCH_S:
                self.send("loaded", batch)
                batch, sent = [], time.monotonic()
        if batch:
            self.send("loaded", batch)
        return len(self.digits)


class Importer(Worker):
    """Copies the images of ``source`` into ``store``'s folders (not yet as digits)."""

    progress = Signal(int, int)   # images looked at, images in the folder

    def __init__(self, store: DigitStore, source):
        super().__init__()
        self.store, self.source = store, source

    def work(self):
        """(the files written with their labels, the DigitFolder read: its problems), or the
        MyDigitsError that says why ``source`` cannot be imported at all."""
        def report(done: int, total: int) -> bool:
            self.send("progress", done, total)
            return self.control.wait_for_turn()

        try:
            return self.store.copy_in(self.source, report)
        except MyDigitsError as error:
            return error
