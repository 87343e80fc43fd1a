"""The "Teach it" side of the page: settings, the two gauges, accuracy per digit, what changed,
and what to do with the result. A view: it shows what the page gives it — the lesson's start, its
epochs, its progress and its result, as the ``Teacher`` reports them (the page connects them) —
and says what the learner asked for through its signals."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from annviz.gui.common import room
from annviz.gui.common.colors import sign_legend_html
from annviz.gui.mydigits.changes import PredictionChange, WeightChanges
from annviz.gui.mydigits.gauges import Gauge, PerLabelBars, percent
from annviz.teach import TeachConfig


class TeachPanel(QWidget):
    teach_requested = Signal(object)   # TeachConfig
    stop_requested = Signal()
    use_requested = Signal()
    save_requested = Signal()
    discard_requested = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        defaults = TeachConfig()
        self.epochs = QSpinBox()
        self.epochs.setRange(1, 50)
        self.epochs.setValue(defaults.epochs)
        self.without_protection = QCheckBox()
        self.augment = QCheckBox()
        self.augment.setChecked(defaults.augment)
        self.teach_button = QPushButton()
        self.teach_button.setStyleSheet("font-weight: bold; padding: 6px 18px;")
        self.stop_button = QPushButton()
        self.progress = QProgressBar()
        self.progress.setTextVisible(False)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.held_gauge = Gauge()
        self.mnist_gauge = Gauge()
        self.per_label = PerLabelBars()
        self.changes = WeightChanges()
        self.prediction = PredictionChange()
        self.use_button = QPushButton()
        self.save_button = QPushButton()
        self.discard_button = QPushButton()

        self._settings = QFormLayout()
        self._epochs_label, self._replay_label = QLabel(), QLabel()
        self._settings.addRow(self._epochs_label, self.epochs)
        self._settings.addRow(self.without_protection)
        self._settings.addRow(self.augment)
        run = QHBoxLayout()
        run.addWidget(self.teach_button)
        run.addWidget(self.stop_button)
        run.addWidget(self.progress, 1)
        self._changes_box = QGroupBox()
        # Its title is a wrapped line of its own: a group box's title would hold the page wide.
        self._changes_title = QLabel()
        self._changes_title.setWordWrap(True)
        self._changes_title.setStyleSheet("font-weight: bold;")
        self._changes_title_fit = room.WholeText(self._changes_title)
        changes = QVBoxLayout(self._changes_box)
        changes.addWidget(self._changes_title)
        changes.addWidget(self.changes, 1)
        self.changes_legend = QLabel()                          # the change's colours
        self.changes_legend.setTextFormat(Qt.TextFormat.RichText)
        self.changes_legend.setWordWrap(True)
        self._legend_fit = room.WholeText(self.changes_legend, fixed=True)   # no higher than its lines
        changes.addWidget(self.changes_legend)
        changes.addWidget(self.prediction)
        result = QHBoxLayout()
        for button in (self.use_button, self.save_button, self.discard_button):
            result.addWidget(button)
        result.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(self._settings)
        layout.addLayout(run)
        layout.addWidget(self.status)
        # The gauges one above the other, the bars per digit beside them: the panel fits a
        # laptop's height with the bars high enough for their axis titles.
        gauges = QVBoxLayout()
        gauges.addWidget(self.held_gauge)
        gauges.addWidget(self.mnist_gauge)
        results = QHBoxLayout()
        results.addLayout(gauges, 2)
        results.addWidget(self.per_label, 3)
        layout.addLayout(results)
        layout.addWidget(self._changes_box, 1)
        layout.addLayout(result)

        self.teach_button.clicked.connect(lambda: self.teach_requested.emit(self.config()))
        self.stop_button.clicked.connect(self.stop_requested)
        self.use_button.clicked.connect(self.use_requested)
        self.save_button.clicked.connect(self.save_requested)
        self.discard_button.clicked.connect(self.discard_requested)
        self.show_phase("idle", can_teach=False)
        self.retranslate()

    def config(self) -> TeachConfig:
        return TeachConfig(epochs=self.epochs.value(), protect=not self.without_protection.isChecked(),
                           augment=self.augment.isChecked())

    def show_phase(self, phase: str, can_teach: bool) -> None:
        """"idle", "teaching" or "done" (a result waits: use, save or discard)."""
        teaching = phase == "teaching"
        self.teach_button.setEnabled(can_teach and not teaching)
        self.stop_button.setEnabled(teaching)
        for widget in (self.epochs, self.without_protection, self.augment):
            widget.setEnabled(not teaching)
        for button in (self.use_button, self.save_button, self.discard_button):
            button.setEnabled(phase == "done")

    def show_status(self, text: str) -> None:
        self.status.setText(text)

    # --- the lesson as the Teacher reports it ---------------------------------------------------------

    def show_started(self, before, counts) -> None:
        """The accuracies before the lesson, and what it teaches from (``Teacher.started``)."""
        self.held_gauge.show_values(before.held_out, None)
        self.mnist_gauge.show_values(before.mnist, None)
        self.per_label.show_accuracy(before.held_out_per_label, [None] * 10)
        self.show_status(self.tr("Teaching {train} of your digits ({held} held out)…").format(
            train=sum(counts["train"]), held=sum(counts["held_out"])) + self._single_label_note(counts))

    def _single_label_note(self, counts) -> str:
        """A lesson of one digit pushes the network to answer it for everything: say so."""
        labels = [digit for digit, n in enumerate(counts["train"]) if n]
        if len(labels) != 1:
            return ""
        return " " + self.tr("Every digit to teach from is a {digit}: the network learns to answer "
                             "{digit} more often and may forget the other digits. Add some of "
                             "them too.").format(digit=labels[0])

    def show_epoch(self, record) -> None:
        """An epoch's accuracies beside those before (``Teacher.epoch``)."""
        self.held_gauge.show_values(self.held_gauge.before, record.val_accuracy)
        self.mnist_gauge.show_values(self.mnist_gauge.before, record.test_accuracy)

    def show_progress(self, done: int, total: int) -> None:
        self.progress.setRange(0, total)
        self.progress.setValue(done)

    def show_result(self, result) -> None:
        """The lesson's end: before and after, and what to do with the result (``Teacher.finished``)."""
        self.held_gauge.show_values(result.before.held_out, result.after.held_out)
        self.mnist_gauge.show_values(result.before.mnist, result.after.mnist)
        self.per_label.show_accuracy(result.before.held_out_per_label, result.after.held_out_per_label)
        if result.status == "diverged":
            text = self.tr("The lesson went wrong and was stopped: {reason}").format(reason=result.stop_reason)
        else:
            text = self.tr("Taught in {s:.1f} s: my held-out digits {hb} → {ha}, MNIST {mb} → {ma}. Use "
                           "the new model, save it, or discard it; the original stays as it was.").format(
                s=result.seconds, hb=percent(result.before.held_out), ha=percent(result.after.held_out),
                mb=percent(result.before.mnist), ma=percent(result.after.mnist))
        self.show_status(text + self._single_label_note(result.lesson.counts))

    def show_failure(self, message: str) -> None:
        self.show_status(self.tr("Teaching failed: {message}").format(message=message))

    def retranslate(self) -> None:
        self.changes_legend.setText(sign_legend_html(self.tr("blue: the weight fell"),
                                                     self.tr("orange: the weight rose"), self.tr("unchanged"))
                                    + "&nbsp;&nbsp;&nbsp;" + self.tr("framed: the neurons that changed most"))
        self._legend_fit.refit()
        self._epochs_label.setText(self.tr("Epochs"))
        self.epochs.setToolTip(self.tr("Passes over your digits mixed with replayed MNIST examples"))
        self.without_protection.setText(self.tr("Without protection: my digits alone (watch it forget MNIST)"))
        self.without_protection.setToolTip(self.tr(
            "Normally the network is protected from forgetting what it knew: each epoch mixes your "
            "digits with 2,000 MNIST training examples (replay), and every step also holds its "
            "answers on MNIST digits to the answers it gave before the lesson (distillation). "
            "Without protection it learns your digits alone and forgets MNIST: catastrophic "
            "forgetting."))
        self.augment.setText(self.tr("Augment my digits (shift, rotate, scale each copy)"))
        self.teach_button.setText(self.tr("Teach it"))
        self.teach_button.setToolTip(self.tr("Fine-tune a copy of the current model on your digits; "
                                             "the held-out ones are never trained on"))
        self.stop_button.setText(self.tr("Stop"))
        self.held_gauge.set_title(self.tr("My held-out digits"))
        self.mnist_gauge.set_title(self.tr("MNIST test set"))
        # (what the frames mean is the legend's: the title says it no more)
        self._changes_title.setText(self.tr("What changed: first-layer weights now minus before"))
        self._changes_title_fit.refit()
        self.use_button.setText(self.tr("Use the new model"))
        self.save_button.setText(self.tr("Save…"))
        self.discard_button.setText(self.tr("Discard"))
        self.augment.setToolTip(self.tr("Each epoch sees every digit of yours moved, turned and scaled a little "
                                        "differently, so the network learns the digit, not the drawing"))
        self.stop_button.setToolTip(self.tr("Stop teaching now; what was learned so far is kept to use or discard"))
        self.use_button.setToolTip(self.tr("Make the fine-tuned network the current model (not saved yet)"))
        self.save_button.setToolTip(self.tr("Save the fine-tuned network to a model file"))
        self.discard_button.setToolTip(self.tr("Forget the fine-tuned network and keep the model as it was"))
