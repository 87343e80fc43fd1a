"""My digits: the learner's own drawings, kept in folders 0/ … 9/, and teaching them to the model.

``install(window, state)`` adds the "My digits" page, names and shows the explorer pad's "Add to
my digits" action (Ctrl+D), and registers the lesson thread's shutdown. The digits live in the
user's data folder (Qt's ``AppDataLocation``/my-digits) unless ``root`` says otherwise.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QStandardPaths

from annviz.gui.mydigits.page import MyDigitsPage


def default_root() -> Path:
    location = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation)
    return Path(location) / "my-digits"


FOLDER_KEY = "mydigits/folder"   # the folder the learner chose, if not the default


def install(window, state, root: Path | None = None) -> MyDigitsPage:
    """The page, with the digits in ``root``, else the folder the learner chose (remembered),
    else the default; a folder that cannot be used leaves the page saying why."""
    remembered = str(window.settings.value(FOLDER_KEY) or "")
    page = MyDigitsPage(state, root or (Path(remembered) if remembered else default_root()))
    page.folder_chosen.connect(lambda folder: window.settings.setValue(FOLDER_KEY, folder))
    window.add_page(page, lambda: QCoreApplication.translate("MyDigitsPage", "My digits"))
    window.add_shutdown_hook(page.shutdown)
    window.set_mydigits_page(page)
    pad_panel = window.explorer.pad_panel
    action = pad_panel.add_digit_action

    def name_action() -> None:
        action.setText(QCoreApplication.translate("MyDigitsPage", "Add to my digits"))
        action.setToolTip(QCoreApplication.translate(
            "MyDigitsPage", "Keep this drawing with its label, to teach the network your handwriting "
            "(Ctrl+D)"))

    name_action()
    page.language_changed.connect(name_action)
    action.setVisible(True)
    pad_panel.add_to_digits.connect(page.add_drawing)
    page.explorer_wanted.connect(window.show_explorer)       # a bound method: no lambda keeps the window
    return page


__all__ = ["MyDigitsPage", "default_root", "install"]
