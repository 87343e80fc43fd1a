"""The tools for the whole folder of "My digits", in a row under the digits: import a folder of
images (in the background, with its progress; the same button stops it), export the digits into a
folder, one subfolder per digit, and delete them all (asks first).

``FolderTools`` belongs to the page (``page.folder_tools``), which gives it the store in use
(``set_store``: None while the folder cannot be used, and then only the page's "Choose another
folder…" works) and shows the digits again when the tools changed them (``changed``, with the files
an import skipped). The tools say what they did in the page's notes under the digits. An import's
file work is done by the page's ``Background`` (``loading.py``): the files are copied off the GUI
thread, then made digits here (``DigitStore.take_in``: the index is written once).
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFileDialog, QHBoxLayout, QLabel, QMessageBox, QPushButton, QWidget

from annviz.data.mydigits import DigitStore, MyDigitsError
from annviz.gui.common.file_errors import refusal
from annviz.gui.mydigits.loading import Background


class FolderTools(QWidget):
    changed = Signal(list)   # the folder's digits changed (imported, all deleted): the problems to show
    imported = Signal(int)   # an import ended: the digits added

    def __init__(self, background: Background, notes: QLabel, parent: QWidget | None = None):
        super().__init__(parent)
        self.store: DigitStore | None = None
        self.background = background
        self.notes = notes
        self.import_button = QPushButton()
        self.export_button = QPushButton()
        self.delete_all_button = QPushButton()
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for button in (self.import_button, self.export_button, self.delete_all_button):
            layout.addWidget(button)
        layout.addStretch(1)
        self.import_button.clicked.connect(self._on_import_clicked)
        self.export_button.clicked.connect(self._on_export_clicked)
        self.delete_all_button.clicked.connect(self._on_delete_all_clicked)
        background.import_progress.connect(self._on_import_progress)
        background.import_done.connect(self._on_import_finished)
        background.import_failed.connect(self._on_import_failed)
        self.retranslate()

    def set_store(self, store: DigitStore | None) -> None:
        """The digits the tools work on (None: the folder cannot be used)."""
        self.store = store

    def show_phase(self, phase: str) -> None:
        """Import and export while the folder can be used; delete all while there are digits and
        no lesson is learning from them ("teaching")."""
        digits = self.store is not None and bool(self.store.digits)
        self.delete_all_button.setEnabled(phase != "teaching" and digits)
        for button in (self.import_button, self.export_button):
            button.setEnabled(self.store is not None)

    def retranslate(self) -> None:
        self.import_button.setText(self.tr("Import a folder…"))
        self.export_button.setText(self.tr("Export…"))
        self.delete_all_button.setText(self.tr("Delete all my digits…"))
        self.import_button.setToolTip(self.tr("Add the images of a folder with subfolders 0 … 9 to your digits"))
        self.export_button.setToolTip(self.tr("Copy your digits to a folder, one subfolder per digit"))
        self.delete_all_button.setToolTip(self.tr("Delete every digit you kept (asks first)"))

    # --- import --------------------------------------------------------------------------------------

    def _on_import_clicked(self) -> None:
        if self.background.importing:         # the button stops an import under way
            self.background.stop_import()
            return
        folder = QFileDialog.getExistingDirectory(self, self.tr("Import digits from a folder with "
                                                               "folders 0 to 9"))
        if folder:
            self.import_folder(folder)

    def import_folder(self, folder) -> None:
        """Import the images of ``folder`` in the background (progress in the notes; the button
        stops it); ``imported(n)`` once the digits are in."""
        if self.store is None or not self.background.start_import(self.store, folder):
            return
        self.import_button.setText(self.tr("Stop importing"))
        self.notes.setText(self.tr("Importing from {folder}…").format(folder=folder))

    def _on_import_progress(self, done: int, total: int) -> None:
        self.notes.setText(self.tr("Importing: {done} of {total} images looked at…").format(done=done, total=total))

    def _on_import_finished(self, result) -> None:
        self.retranslate()                    # the button imports again
        if isinstance(result, MyDigitsError):
            QMessageBox.warning(self, self.tr("Nothing was imported"), refusal(result))
            self.notes.setText("")
            self.imported.emit(0)
            return
        written, folder = result
        try:
            added = self.store.take_in(written)
        except OSError as error:
            QMessageBox.warning(self, self.tr("Nothing was imported"), f"{self.store.root}: {error.strerror or error}")
            self.imported.emit(0)
            return
        self.changed.emit(folder.errors)
        self.background.read(self.store)
        if not folder.errors:
            self.notes.setText(self.tr("Imported 1 digit.") if len(added) == 1 else
                               self.tr("Imported {n} digits.").format(n=len(added)))
        self.imported.emit(len(added))

    def _on_import_failed(self, message: str) -> None:
        self.retranslate()
        QMessageBox.warning(self, self.tr("Nothing was imported"), message)
        self.imported.emit(0)

    # --- export, delete all ----------------------------------------------------------------------------

    def _on_export_clicked(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Export my digits into a folder"))
        if folder and self.store is not None:
            try:
                n = self.store.export_folder(folder)
            except OSError as error:
                QMessageBox.warning(self, self.tr("The digits were not exported"), str(error))
                return
            self.notes.setText(self.tr("Exported 1 digit to {folder}.").format(folder=folder) if n == 1 else
                               self.tr("Exported {n} digits to {folder}.").format(n=n, folder=folder))

    def _on_delete_all_clicked(self) -> None:
        if self.store is None:
            return
        answer = QMessageBox.question(self, self.tr("Delete all my digits?"), self.tr(
            "Delete all {n} of your digits from {folder}? This cannot be undone.").format(
                n=len(self.store.digits), folder=self.store.root))
        if answer == QMessageBox.StandardButton.Yes:
            self.store.remove_all()
            self.changed.emit([])
