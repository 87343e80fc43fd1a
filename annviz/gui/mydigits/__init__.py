"""My digits: the learner's own drawings, kept in folders 0/ … 9/, and teaching them to the model.

``install(window, state)`` adds the "My digits" page, names and shows the explorer pad's "Add to
my digits" action (Ctrl+D), and registers the lesson thread's shutdown. The digits live in the
user's data folder (Qt's ``AppDataLocation``/my-digits) unless ``root`` says otherwise.

The page is built — its folder read, its module imported — when it is first shown or asked for
(``window.mydigits``, a lesson, a setup, "Add to my digits", the training page's answer strips),
not at the app's start (``common.lazy``). Until then the window holds its stand-in, ``MyDigitsPlace``.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
from PySide6.QtCore import QCoreApplication, QStandardPaths
from PySide6.QtWidgets import QWidget

from annviz.gui.common.lazy import Lazy


def default_root() -> Path:
    location = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation)
    return Path(location) / "my-digits"


FOLDER_KEY = "mydigits/folder"   # the folder the learner chose, if not the default


class MyDigitsPlace(Lazy):
    """The page's place in the window: builds it when first shown or asked for."""

    def __init__(self, window, state, root: Path | None):
        super().__init__(self._build_page, holds="mydigits-")
        self._window, self._state, self._root = window, state, root

    def _build_page(self) -> QWidget:
        """The page, with the digits in ``root``, else the folder the learner chose (remembered),
        else the default; a folder that cannot be used leaves the page saying why."""
        from annviz.gui.mydigits.page import MyDigitsPage

        window = self._window
        remembered = str(window.settings.value(FOLDER_KEY) or "")
        root = self._root or (Path(remembered) if remembered else default_root())
        page = MyDigitsPage(self._state, root)
        page.folder_chosen.connect(self._remember_folder)
        window.add_shutdown_hook(page.shutdown)
        page.explorer_wanted.connect(window.show_explorer)   # a bound method: no lambda keeps the window
        window.set_mydigits_page(page)
        return page

    def _remember_folder(self, folder: str) -> None:
        self._window.settings.setValue(FOLDER_KEY, folder)

    def add_drawing(self, canvas: np.ndarray) -> None:
        """The pad's "Add to my digits": the page (built now) asks which digit it is."""
        page = self._window.mydigits
        if page is not None:
            page.add_drawing(canvas)


def install(window, state, root: Path | None = None) -> MyDigitsPlace:
    """The page's stand-in in the window (``window.mydigits`` is the page, built then) and the
    explorer pad's "Add to my digits"."""
    place = MyDigitsPlace(window, state, root)
    window.add_page(place, lambda: QCoreApplication.translate("MyDigitsPage", "My digits"))
    window.set_mydigits_page(place)
    pad_panel = window.explorer.pad_panel
    action = pad_panel.add_digit_action
    window.name_action(action, lambda: QCoreApplication.translate("MyDigitsPage", "Add to my digits"),
                       lambda: QCoreApplication.translate(
                           "MyDigitsPage", "Keep this drawing with its label, to teach the network your "
                           "handwriting (Ctrl+D)"))
    action.setVisible(True)
    pad_panel.add_to_digits.connect(place.add_drawing)
    return place


def __getattr__(name: str):
    if name == "MyDigitsPage":            # imported when asked for, not with the package
        from annviz.gui.mydigits.page import MyDigitsPage

        return MyDigitsPage
    raise AttributeError(name)


__all__ = ["MyDigitsPage", "MyDigitsPlace", "default_root", "install"]
