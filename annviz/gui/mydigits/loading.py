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

from PySide6.QtCore import QObject, Signal

from annviz.data.mydigits import Digit, DigitStore, MyDigitsError, prepare_input
from annviz.gui.threads import Worker, WorkerThread

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
                self.send(InputLoader.loaded, batch)
                batch, sent = [], time.monotonic()
        if batch:
            self.send(InputLoader.loaded, batch)
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
            self.send(Importer.progress, done, total)
            return self.control.wait_for_turn()

        try:
            return self.store.copy_in(self.source, report)
        except MyDigitsError as error:
            return error


class Background(QObject):
    """The page's two background threads: reading the digits' images, and an import.

    ``read(store)`` reads the images the store does not know yet; ``loaded`` brings each batch
    (the store remembers it here, in the GUI thread) and ``read_done`` the end. ``start_import(store,
    folder)`` copies a folder's images in; ``import_progress`` and then ``import_done(result)``
    (the files and the folder read, or the MyDigitsError that says why nothing could be) or
    ``import_failed(message)``. ``stop()`` ends both (at shutdown, or when the folder changes)."""

    loaded = Signal(object)           # [(Digit, input or None)], already remembered by the store
    read_done = Signal(list)          # the problems found while reading (MyDigitsErrors)
    import_progress = Signal(int, int)
    import_done = Signal(object)
    import_failed = Signal(str)

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self.reader = WorkerThread("my-digits-reader", self)
        self.importer = WorkerThread("my-digits-import", self)
        self.importing = False
        self._store: DigitStore | None = None
        self._errors_before = 0

    def read(self, store: DigitStore) -> bool:
        """Read in the background the images of ``store`` it has not read yet (False: none)."""
        self._store = store
        pending = [d for d in store.digits if not store.cached_input(d)[0]]
        if not pending:
            return False
        self._errors_before = len(store.errors)
        loader = InputLoader(pending)
        loader.loaded.connect(self._on_loaded)
        loader.finished.connect(self._on_read)
        self.reader.start(loader)
        return True

    def reading(self) -> bool:
        return self.reader.is_running()

    def start_import(self, store: DigitStore, folder) -> bool:
        """Import ``folder`` into ``store`` in the background (False if one is under way)."""
        if self.importing:
            return False
        self.importing = True
        importer = Importer(store, folder)
        importer.progress.connect(self.import_progress)
        importer.finished.connect(self._on_imported)
        importer.failed.connect(self._on_import_failed)
        self.importer.start(importer)
        return True

    def stop_import(self) -> None:
        self.importer.request_stop()

    def stop(self) -> bool:
        """Stop both threads; True once they have ended."""
        return self.reader.stop() & self.importer.stop()

    def _on_loaded(self, batch) -> None:
        shown = []
        for digit, key, image, error in batch:
            self._store.remember(key, image, error)
            shown.append((digit, image))
        self.loaded.emit(shown)

    def _on_read(self, _count) -> None:
        self.read_done.emit(self._store.errors[self._errors_before:])

    def _on_imported(self, result) -> None:
        self.importing = False
        self.import_done.emit(result)

    def _on_import_failed(self, message: str) -> None:
        self.importing = False
        self.import_failed.emit(message)
