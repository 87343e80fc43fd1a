"""The "My digits" page: the learner's own drawings (left) and teaching them to the model (right).

The page owns the ``DigitStore`` (the folders on disk) and the ``Teacher`` (the lesson's thread);
its views only show: the digits (``DigitsView``), the tools for the whole folder — import, export,
delete all — (``FolderTools``, given the store) and the "Teach it" side (``TeachPanel``, which
shows the lesson as the ``Teacher`` reports it). "Add to my digits" on the explorer's pad arrives
as ``add_drawing(canvas)``: a small dialog asks which digit it is, the network's answer pre-selected.
"""

from __future__ import annotations

import logging
from pathlib import Path

import numpy as np
from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMenu,
    QMessageBox,
    QPushButton,
    QSplitter,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from annviz.data.mydigits import Digit, DigitStore, MyDigitsError
from annviz.gui.common.colors import HINT
from annviz.gui.common.file_errors import refusal
from annviz.gui.common.model_files import model_filter
from annviz.gui.mydigits.add_dialog import AddDigitDialog
from annviz.gui.mydigits.digits_view import PENDING, DigitsView
from annviz.gui.mydigits.folder_tools import FolderTools
from annviz.gui.mydigits.loading import Background
from annviz.gui.mydigits.teach_panel import TeachPanel
from annviz.gui.mydigits.teacher import Teacher
from annviz.gui.state import AppState
from annviz.nn.changes import answer_change
from annviz.safeio import FileFormatError, os_error
from annviz.teach import DIGITS

log = logging.getLogger(__name__)


class MyDigitsPage(QWidget):
    explorer_wanted = Signal()   # show the explorer (a digit was loaded into the pad)
    folder_chosen = Signal(str)  # the learner chose another folder for their digits (to remember)
    imported = Signal(int)       # an import ended: the digits added
    digit_added = Signal(object)  # Digit
    digits_changed = Signal()    # the digits' images read, or one added (own_digits)

    def __init__(self, state: AppState, root: Path, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("mydigits-page")
        self.state = state
        self.store: DigitStore | None = None       # None while the folder cannot be used
        self.teacher = Teacher(state, parent=self)
        self.background = Background(self)           # reading the images, importing
        self.folder_problem = QLabel()               # why the folder cannot be used, and what to do
        self.folder_problem.setWordWrap(True)
        self.folder_problem.setStyleSheet("color: #a33;")
        self.choose_folder_button = QPushButton()
        self.choose_folder_button.clicked.connect(self._on_choose_folder_clicked)
        self.view = DigitsView()
        self.panel = TeachPanel()
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.notes = QLabel()
        self.notes.setWordWrap(True)
        self.notes.setStyleSheet(f"color: {HINT.name()};")
        self.load_button = QPushButton()
        self.relabel_button = QToolButton()
        self.relabel_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        relabel_menu = QMenu(self)
        self.relabel_actions = [QAction(str(d), self) for d in range(10)]
        for digit, action in enumerate(self.relabel_actions):
            action.triggered.connect(lambda _=False, d=digit: self._relabel(d))
            relabel_menu.addAction(action)
        self.relabel_button.setMenu(relabel_menu)
        self.remove_button = QPushButton()
        self.folder_tools = FolderTools(self.background, self.notes)   # import, export, delete all
        self._before_w0: np.ndarray | None = None   # first-layer weights before the lesson
        self._last_added: Digit | None = None       # the last drawing added in this window

        digit_tools = QHBoxLayout()
        for w in (self.load_button, self.relabel_button, self.remove_button):
            digit_tools.addWidget(w)
        digit_tools.addStretch(1)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.addWidget(self.folder_problem)
        left_layout.addWidget(self.choose_folder_button, 0, Qt.AlignmentFlag.AlignLeft)
        left_layout.addWidget(self.summary)
        left_layout.addWidget(self.view, 1)
        left_layout.addLayout(digit_tools)
        left_layout.addWidget(self.folder_tools)
        left_layout.addWidget(self.notes)
        splitter = QSplitter()
        splitter.addWidget(left)
        splitter.addWidget(self.panel)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        layout = QHBoxLayout(self)
        layout.addWidget(splitter)

        self.view.selection_changed.connect(self._on_selection_changed)
        self.view.load_requested.connect(self._load_into_pad)
        self.load_button.clicked.connect(lambda: self._load_into_pad(self.view.selected()))
        self.remove_button.clicked.connect(self._on_remove_clicked)
        self.folder_tools.changed.connect(self._on_folder_changed)
        self.folder_tools.imported.connect(self.imported)
        self.panel.teach_requested.connect(self.teach)
        self.panel.stop_requested.connect(self.teacher.stop)
        self.panel.use_requested.connect(self.teacher.use)
        self.panel.save_requested.connect(self._on_save_requested)
        self.panel.discard_requested.connect(self.teacher.discard)
        self.teacher.phase_changed.connect(self._on_phase_changed)
        self.teacher.started.connect(self.panel.show_started)
        self.teacher.epoch.connect(self.panel.show_epoch)
        self.teacher.progress.connect(self.panel.show_progress)
        self.teacher.finished.connect(self.panel.show_result)
        self.teacher.failed.connect(self.panel.show_failure)
        self.background.loaded.connect(self._on_inputs_loaded)
        self.background.read_done.connect(self._on_inputs_read)
        state.weights_changed.connect(self._on_weights_changed)
        state.model_changed.connect(self._on_weights_changed)
        self.retranslate()
        self.set_folder(root)

    # --- public ------------------------------------------------------------------------------------

    def add_drawing(self, canvas: np.ndarray) -> AddDigitDialog:
        """Ask which digit ``canvas`` is (the prediction pre-selected), then add it."""
        dialog = AddDigitDialog(self.state.prediction, self.window())
        dialog.chosen.connect(lambda label: self.add(canvas, label))
        dialog.open()
        return dialog

    def set_folder(self, root) -> bool:
        """Keep the learner's digits in ``root`` (made if missing). If it cannot be used — a file,
        a link that loops, a folder that cannot be written — the page says why and offers to
        choose another; nothing else on the page works until one is chosen."""
        self.background.stop()
        try:
            store = DigitStore(root)
        except MyDigitsError as error:
            return self._folder_unusable(refusal(error))
        except OSError as error:
            return self._folder_unusable(refusal(os_error(root, error, MyDigitsError)))
        self.store = store
        self.folder_tools.set_store(store)
        self.folder_problem.hide()
        self.choose_folder_button.hide()
        self.setEnabled(True)
        self._show_store(problems=store.errors)
        self.background.read(store)
        return True

    def _folder_unusable(self, why: str) -> bool:
        self.store = None
        self.folder_tools.set_store(None)
        self.folder_problem.setText(self.tr("My digits cannot be kept in this folder:") + "\n" + why)
        self.folder_problem.show()
        self.choose_folder_button.show()
        self.view.show_digits([], np.zeros((10, 2), int))
        self._show_summary()
        self._on_phase_changed(self.teacher.phase)
        return False

    def _on_choose_folder_clicked(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Choose a folder for my digits"))
        if folder and self.set_folder(folder):
            self.folder_chosen.emit(folder)

    def add(self, canvas: np.ndarray, label: int) -> Digit | None:
        if self.store is None:
            return None
        try:
            digit = self.store.add(canvas, label)
        except (OSError, ValueError) as error:
            QMessageBox.warning(self, self.tr("The digit was not added"), str(error))
            return None
        self.store.input(digit)                 # one small drawing: read now, shown at once
        self._show_store(keep=digit)
        side = self.tr("held out: never trained on") if digit.held_out else self.tr("to teach from")
        self.notes.setText(self.tr("Added a {label} ({side}).").format(label=label, side=side))
        self._last_added = digit
        self.digit_added.emit(digit)
        self.digits_changed.emit()
        return digit

    @property
    def last_added(self) -> Digit | None:
        """The last drawing added in this window, while the folder keeps it as added (not removed
        or relabelled since); a lesson reads it."""
        digit = self._last_added
        if digit is None or self.store is None or digit not in self.store.digits:
            return None
        return digit

    def kept(self) -> int:
        """How many digits the folder keeps (0 while it cannot be used)."""
        return 0 if self.store is None else int(self.store.counts().sum())

    def teach(self, config) -> None:
        if self.store is None:
            return
        mine, held = self.store.inputs(held_out=False), self.store.inputs(held_out=True)
        if not len(mine[1]):
            self.panel.show_status(self.tr("Add some digits first: there is nothing to teach from."))
            return
        network = self.state.network
        if network is None or network.sizes[0] != 784 or self.state.class_names != DIGITS:
            self.panel.show_status(self.tr("This model does not read the handwritten digits 0 to 9: "
                                           "open an MNIST model to teach it your digits."))
            return
        self._before_w0 = None
        self.teacher.teach(mine, held, config)
        self._before_w0 = self.teacher.original.weights[0].copy()

    def shutdown(self) -> bool:
        stopped = self.background.stop()
        return self.teacher.shutdown() and stopped

    def concepts_html(self) -> str:
        """Help → Concepts on this screen, for this page."""
        return self.tr(
            "<p><b>My digits</b>: your own handwriting, each drawing kept with its label. Some are held "
            "out: the network never trains on them, so they measure how well it reads you.</p>"
            "<p><b>Teach it</b> fine-tunes the network on your digits mixed with MNIST examples "
            "(replay), a few epochs at a small <b>learning rate</b>, while every step also holds its "
            "answers on MNIST digits to the answers it gave before (distillation). The gauges show "
            "<b>accuracy</b> on "
            "your held-out digits and on the MNIST <b>test</b> set: learning new things can make a "
            "network forget old ones, and here you see how much.</p>")

    def retranslate(self) -> None:
        self.load_button.setText(self.tr("Load into the pad"))
        self.relabel_button.setText(self.tr("Relabel as"))
        self.remove_button.setText(self.tr("Remove"))
        self.load_button.setToolTip(self.tr("Show the chosen digit on the explorer's pad, as the network's input"))
        self.relabel_button.setToolTip(self.tr("Give the chosen digit another label (it was drawn as another digit)"))
        self.remove_button.setToolTip(self.tr("Delete the chosen digit from your digits"))
        self.choose_folder_button.setText(self.tr("Choose another folder…"))
        self.choose_folder_button.setToolTip(self.tr("Keep my digits in another folder (remembered)"))
        self._show_summary()

    # --- the store ---------------------------------------------------------------------------------

    def _show_store(self, keep: Digit | None = None, problems: list | None = None) -> None:
        """Every digit at once: its input if known, else a grey square the reader fills in."""
        shown = []
        for digit in self.store.digits:
            known, image = self.store.cached_input(digit)
            shown.append((digit, image if known else PENDING))
        self.view.show_digits(shown, self.store.counts(), keep)
        self._show_summary()
        self._on_phase_changed(self.teacher.phase)
        if problems:
            self._show_problems(problems)

    def _show_problems(self, problems: list) -> None:
        lines = [refusal(p) if isinstance(p, FileFormatError) else str(p) for p in problems[:5]]
        self.notes.setText(self.tr("Skipped {n}:").format(n=len(problems)) + "\n" + "\n".join(lines)
                           + ("\n…" if len(problems) > 5 else ""))

    # --- reading the images in the background ------------------------------------------------------

    def _on_inputs_loaded(self, shown) -> None:
        self.view.update_images(shown)
        if any(digit is self.view.selected() for digit, _ in shown):
            self._show_prediction()

    def _on_inputs_read(self, problems: list) -> None:
        if problems:
            self._show_problems(problems)
        self.digits_changed.emit()

    def own_digits(self) -> tuple[np.ndarray, np.ndarray]:
        """The learner's digits whose images are read, both sides: (n, 784) inputs and labels."""
        if self.store is None:
            return np.zeros((0, 784), np.float32), np.zeros(0, np.int64)
        sides = [self.store.inputs(held_out) for held_out in (False, True)]
        return np.concatenate([x for x, _ in sides]), np.concatenate([y for _, y in sides])

    def inputs_read(self) -> bool:
        """Whether every digit's image has been read (the background reader is done)."""
        return not self.background.reading()

    def _show_summary(self) -> None:
        if self.store is None:
            self.summary.setText("")
            return
        train, held = (int(v) for v in self.store.counts().sum(axis=0))
        n = train + held
        count = self.tr("<b>1 digit</b>") if n == 1 else self.tr("<b>{n} digits</b>").format(n=n)
        self.summary.setText(self.tr(
            "{count} in {folder}: {train} to teach from, <b>{held} held out</b> (framed in "
            "black). Every fifth digit of each label is held out when it is added and is never "
            "trained on, so its accuracy is honest.").format(
                count=count, folder=self.store.root, train=train, held=held))

    def _on_selection_changed(self, digit: Digit | None) -> None:
        for widget in (self.load_button, self.relabel_button, self.remove_button):
            widget.setEnabled(digit is not None)
        self._show_prediction()

    def _load_into_pad(self, digit: Digit | None) -> None:
        image = None if digit is None or self.store is None else self.store.input(digit)
        if image is not None:
            self.state.show_example(image.reshape(28, 28), digit.label)
            self.explorer_wanted.emit()

    def _relabel(self, label: int) -> None:
        digit = self.view.selected()
        if digit is not None and self.store is not None:
            moved = self.store.relabel(digit, label)
            self.store.input(moved)
            self._show_store(keep=moved)

    def _on_remove_clicked(self) -> None:
        digit = self.view.selected()
        if digit is not None and self.store is not None:
            self.store.remove(digit)
            self._show_store()

    def import_folder(self, folder) -> None:
        """Import the images of ``folder`` in the background (progress below the digits; the
        button stops it); ``imported(n)`` once the digits are in."""
        self.folder_tools.import_folder(folder)

    def _on_folder_changed(self, problems: list) -> None:
        """The folder tools imported digits (``problems``: the files skipped) or deleted them all."""
        self._show_store(problems=problems)

    # --- the lesson --------------------------------------------------------------------------------

    def _on_phase_changed(self, phase: str) -> None:
        digits = self.store is not None and bool(self.store.digits)
        self.panel.show_phase(phase, can_teach=digits and self.state.network is not None)
        self.folder_tools.show_phase(phase)

    def _on_save_requested(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Save the taught model"), "taught.safetensors",
                                              model_filter())
        if path:
            self.save_result(path if path.endswith(".safetensors") else path + ".safetensors")

    def save_result(self, path) -> bool:
        try:
            self.teacher.save(path)
        except (OSError, ValueError) as error:
            QMessageBox.warning(self, self.tr("The model was not saved"), str(error))
            return False
        self.panel.show_status(self.tr("Saved {path}; it is now the model in use.").format(path=path))
        return True

    def _on_weights_changed(self) -> None:
        """The network changed (a lesson's step, or another model): what changed, and the answer."""
        network = self.state.network
        teaching = self.teacher.phase != "idle"
        if teaching and network is not None and self._before_w0 is not None:
            self.panel.changes.show_change(self._before_w0, network.weights[0])
        elif not teaching:
            self.panel.changes.show_change(None, None)
        self._show_prediction()

    def _show_prediction(self) -> None:
        digit = self.view.selected()
        image = None if digit is None or self.store is None else self.store.cached_input(digit)[1]
        if image is None or self.state.network is None:
            self.panel.prediction.show_prediction(None, None, None, None)
            return
        network = self.state.network
        original = self.teacher.original if self.teacher.phase != "idle" else None
        change = answer_change(original if original is not None else network, network, image)
        self.panel.prediction.show_prediction(image, digit.label, change.before.probabilities,
                                              change.after.probabilities)
