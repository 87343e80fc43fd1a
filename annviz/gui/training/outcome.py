"""What happens when training ends: keep, save or discard the result; explain a divergence.

``ResultBar`` appears under the controls once a run has ended: a sentence about the result and
three choices — save it (a safetensors model file with its history), use it on the pad, or
discard it. ``DivergenceBox`` is the message for a run the core stopped because the loss blew up
or climbed: the learning rate is probably too high; the last good weights are offered back.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QMessageBox, QPushButton, QVBoxLayout, QWidget

from annviz.nn.history import History


class ResultBar(QWidget):
    save_clicked = Signal()
    use_clicked = Signal()
    discard_clicked = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.save_button = QPushButton()
        self.use_button = QPushButton()
        self.discard_button = QPushButton()
        self.save_button.clicked.connect(self.save_clicked)
        self.use_button.clicked.connect(self.use_clicked)
        self.discard_button.clicked.connect(self.discard_clicked)
        buttons = QHBoxLayout()
        for button in (self.save_button, self.use_button, self.discard_button):
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.message)
        layout.addLayout(buttons)
        self._history: History | None = None
        self.retranslate()

    def show_result(self, history: History) -> None:
        self._history = history
        self._retranslate_message()
        self.show()

    def _retranslate_message(self) -> None:
        """One sentence about the finished or stopped run."""
        history = self._history
        if history is None:
            return
        last = history.epochs[-1] if history.epochs else None
        if last is None:
            text = self.tr("Training stopped before the first epoch ended.")
        elif last.test_accuracy is None:
            n = len(history.epochs)
            text = (self.tr("1 epoch trained.") if n == 1 else self.tr("{n} epochs trained.").format(n=n))
        else:
            n, acc = len(history.epochs), 100 * last.test_accuracy
            text = (self.tr("1 epoch trained: {acc:.1f} % of the test images right.").format(acc=acc) if n == 1
                    else self.tr("{n} epochs trained: {acc:.1f} % of the test images right.").format(n=n, acc=acc))
        self.message.setText(text)

    def retranslate(self) -> None:
        self.save_button.setText(self.tr("Save…"))
        self.use_button.setText(self.tr("Use on the pad"))
        self.discard_button.setText(self.tr("Discard"))
        self.save_button.setToolTip(self.tr("Save the network and its training history as a model file"))
        self.use_button.setToolTip(self.tr("Keep this network as the one every view and the pad use"))
        self.discard_button.setToolTip(self.tr("Forget it; the model from before training comes back"))
        self._retranslate_message()


class DivergenceBox(QMessageBox):
    """Non-blocking: ``show_for(history)``; ``accepted`` = go back to the last good weights."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setIcon(QMessageBox.Icon.Warning)
        self.keep_button = self.addButton("", QMessageBox.ButtonRole.AcceptRole)
        self.discard_button = self.addButton("", QMessageBox.ButtonRole.DestructiveRole)
        self._detail = ""
        self.retranslate()

    def show_for(self, history: History) -> None:
        self._detail = history.stop_reason or ""
        self.retranslate()
        self.open()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Training diverged"))
        self.setText(self.tr("The loss blew up instead of falling: the learning rate is probably "
                             "too high. Training has stopped."))
        self.setInformativeText(self.tr("Lower the learning rate η and start again. The network "
                                        "can go back to its last good weights, from before the "
                                        "loss climbed."))
        self.setDetailedText(self._detail)
        self.keep_button.setText(self.tr("Go back to the last good weights"))
        self.discard_button.setText(self.tr("Discard"))
