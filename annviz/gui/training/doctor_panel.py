"""The doctor's panel on the training page: what went wrong in a run, where it began, the fix.

A tab beside the settings' while the doctor (nn/doctor) has named a fault of the run the
timeline shows (the page adds and removes it: ``TrainingPage.show_doctor``; the charts' tab bar
has no room left on a 1280-pixel screen with the lesson drawer). One thing under the other, for
a narrow column: the diagnosis's title and the batch where it began; a chooser when there are
several, "Show batch n" (the timeline goes there), "Dismiss"; the explanation (the texts of
``nn/doctor/texts.py``, translated in the "Doctor" context) in a box that scrolls when the page
is short; the evidence as a small plot (the doctor's series — a ratio in powers of ten —, its
threshold dashed, the batch where the fault began as a line); and one "Replay with the fix"
button per fix, best first, with what it changes beside it. Nothing here trains or decides: the
area (area.py) replays a fix and keeps what was dismissed.
"""

from __future__ import annotations

import math
import re

import pyqtgraph as pg
from PySide6.QtCore import QCoreApplication, Qt, Signal, Slot
from PySide6.QtWidgets import QComboBox, QFrame, QGridLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from annviz.gui.common import room, zoom
from annviz.gui.common.plotting import cache_axes
from annviz.gui.common.shelf import Flow
from annviz.nn.doctor import Diagnosis, Fix
from annviz.nn.doctor.texts import describe_fix, explain, title

MARK = (213, 94, 0)          # vermillion (Okabe–Ito): the doctor's marks, here and on the curves
REFERENCE = (120, 120, 120)
MAX_FIXES = 2
LOG_SERIES = ("update/weight ratio", "first layer's gradient ÷ last layer's")


def doctor_text(text: str) -> str:
    """A text of nn/doctor/texts.py in the language on screen."""
    return QCoreApplication.translate("Doctor", text)


class DoctorPanel(QFrame):
    replay_requested = Signal(object, object)   # Diagnosis, Fix
    dismiss_requested = Signal(object)          # Diagnosis
    show_requested = Signal(object)             # Diagnosis: the timeline to its batch

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("training-doctor")
        self.setFrameShape(QFrame.Shape.NoFrame)
        self._diagnoses: list[Diagnosis] = []
        self.title = QLabel()
        self.title.setObjectName("doctor-title")
        self.title.setWordWrap(True)
        zoom.relative_font(self.title, 1.0, bold=True)
        self._title_fit = room.WholeText(self.title)
        self.choice = QComboBox()
        self.choice.setObjectName("doctor-choice")
        self.explanation = QLabel()
        self.explanation.setObjectName("doctor-explanation")
        self.explanation.setWordWrap(True)
        self.explanation.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.explanation.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self._explanation_fit = room.WholeText(self.explanation)
        self.explanation_box = room.Scroll(self.explanation, sideways=False)
        zoom.lines_high(self.explanation_box, 2, extra=4, fixed=False)
        self.evidence = pg.PlotWidget(background="w", enableMenu=False)
        self.evidence.setObjectName("doctor-evidence")
        zoom.pixels(self.evidence, min_width=150, min_height=90, max_height=110)
        plot = self.evidence.getPlotItem()
        plot.hideButtons()
        plot.setMouseEnabled(False, False)
        plot.getAxis("bottom").enableAutoSIPrefix(False)
        cache_axes(plot)
        # One row per fix: its button, and what it changes beside it (wrapped: a long fix in a
        # button's text would hold the page wide)
        self.fix_buttons = [QPushButton() for _ in range(MAX_FIXES)]
        self.fix_labels = [QLabel() for _ in range(MAX_FIXES)]
        fixes = QWidget()
        fix_grid = QGridLayout(fixes)
        fix_grid.setContentsMargins(0, 0, 0, 0)
        self._fix_fits = []
        for i, (button, label) in enumerate(zip(self.fix_buttons, self.fix_labels)):
            button.setObjectName(f"training-doctor-replay-{i + 1}")   # lessons press the first
            button.clicked.connect(lambda _=False, i=i: self.replay(i))
            label.setWordWrap(True)
            self._fix_fits.append(room.WholeText(label))
            fix_grid.addWidget(button, i, 0, Qt.AlignmentFlag.AlignTop)
            fix_grid.addWidget(label, i, 1)
        fix_grid.setColumnStretch(1, 1)
        self.show_button = QPushButton()
        self.show_button.setObjectName("doctor-show")
        self.dismiss_button = QPushButton()
        self.dismiss_button.setObjectName("doctor-dismiss")
        top = QWidget()
        flow = Flow(top)
        for widget in (self.choice, self.show_button, self.dismiss_button):
            flow.addWidget(widget)

        layout = QVBoxLayout(self)          # a narrow column: one thing under the other
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.title)
        layout.addWidget(top)
        layout.addWidget(self.explanation_box, 1)
        layout.addWidget(self.evidence)
        layout.addWidget(fixes)
        self.choice.currentIndexChanged.connect(self._on_chosen)
        self.show_button.clicked.connect(lambda: self.show_requested.emit(self.diagnosis))
        self.dismiss_button.clicked.connect(self.dismiss)
        self.retranslate()

    # --- public --------------------------------------------------------------------------------

    def set_diagnoses(self, diagnoses: list[Diagnosis]) -> bool:
        """Show these (the run's, less the dismissed ones); the newest in front when one is
        added. True when one was added."""
        before = [d.code for d in self._diagnoses]
        shown = self.diagnosis
        self._diagnoses = list(diagnoses)
        codes = [d.code for d in self._diagnoses]
        if codes == before:
            return False
        new = [d for d in self._diagnoses if d.code not in before]
        front = new[-1] if new else shown
        self._fill_choice(codes.index(front.code) if front is not None and front.code in codes else 0)
        return bool(new)

    @property
    def diagnosis(self) -> Diagnosis | None:
        """The diagnosis in front (None when there is none)."""
        i = self.choice.currentIndex()
        return self._diagnoses[i] if 0 <= i < len(self._diagnoses) else None

    def choose(self, code: str) -> None:
        """Bring the diagnosis ``code`` to the front."""
        self.choice.setCurrentIndex([d.code for d in self._diagnoses].index(code))

    def codes(self) -> list[str]:
        return [d.code for d in self._diagnoses]

    def replay(self, i: int = 0) -> None:
        """Replay with fix ``i`` of the diagnosis in front (as its button does)."""
        d = self.diagnosis
        if d is not None and i < len(d.fixes):
            self.replay_requested.emit(d, d.fixes[i])

    def dismiss(self) -> None:
        if self.diagnosis is not None:
            self.dismiss_requested.emit(self.diagnosis)

    def evidence_points(self) -> tuple[list[float], list[float]]:
        """The evidence plot's points (batch, value), as drawn."""
        items = self.evidence.getPlotItem().listDataItems()
        if not items:
            return [], []
        x, y = items[0].getData()
        return ([] if x is None else list(x)), ([] if y is None else list(y))

    # --- texts ---------------------------------------------------------------------------------

    def retranslate(self) -> None:
        self.show_button.setToolTip(self.tr("Show this moment on the timeline and in every view"))
        self.dismiss_button.setText(self.tr("Dismiss"))
        self.fix_buttons[0].setText(self.tr("Replay with the fix"))   # its words before a diagnosis too
        for button in self.fix_buttons:
            button.setToolTip(self.tr("Train again with this fix — from the last moment before the fault "
                                      "began, or from batch 0 — and show both runs side by side"))
        self.dismiss_button.setToolTip(self.tr("Hide this diagnosis for this run"))
        self.choice.setToolTip(self.tr("What the doctor found in this run"))
        for button in self.fix_buttons:      # until a diagnosis says which fix (_describe_fix)
            button.setToolTip(self.tr("Train again with this fix; then compare both runs side by side"))
        self.evidence.getPlotItem().setLabel("bottom", self.tr("batch"))
        self._fill_choice(self.choice.currentIndex())

    def rezoom(self) -> None:
        """A new zoom: the plot's title is drawn again at its size."""
        self._show()

    def _fill_choice(self, index: int) -> None:
        self.choice.blockSignals(True)
        self.choice.clear()
        for d in self._diagnoses:
            self.choice.addItem(title(d.code, doctor_text))
        self.choice.setCurrentIndex(min(max(index, 0), len(self._diagnoses) - 1))
        self.choice.blockSignals(False)
        self.choice.setVisible(len(self._diagnoses) > 1)
        self._show()

    @Slot(int)
    def _on_chosen(self, _index: int) -> None:
        self._show()

    def _show(self) -> None:
        d = self.diagnosis
        if d is None:
            return
        self.title.setText("⚠ " + self.tr("{title} · from batch {batch:,}").format(
            title=title(d.code, doctor_text), batch=d.batch))
        self._title_fit.refit()
        self.explanation.setText(explain(d, doctor_text))
        self._explanation_fit.refit()
        for i, (button, label) in enumerate(zip(self.fix_buttons, self.fix_labels)):
            fix = d.fixes[i] if i < len(d.fixes) else None
            button.setVisible(fix is not None)
            label.setVisible(fix is not None)
            if fix is not None:
                self._describe_fix(button, label, d, fix, first=i == 0)
                self._fix_fits[i].refit()
        self.show_button.setText(self.tr("Show batch {batch:,}").format(batch=d.batch))
        self._plot(d)

    def _describe_fix(self, button: QPushButton, label: QLabel, d: Diagnosis, fix: Fix, first: bool) -> None:
        words = describe_fix(fix, doctor_text)
        button.setText(self.tr("Replay with the fix") if first else self.tr("Replay with this one"))
        label.setText(words if first else self.tr("or: {fix}").format(fix=words))
        if fix.restart:
            tip = self.tr("Train a new network with this change, from batch 0 with the same seed; "
                          "then compare both runs side by side")
        else:
            tip = self.tr("Go on from the last moment recorded before batch {batch:,}, where it "
                          "began, with this change; then compare both runs side by side").format(batch=d.batch)
        button.setToolTip(tip)
        label.setToolTip(tip)

    def _plot(self, d: Diagnosis) -> None:
        plot = self.evidence.getPlotItem()
        plot.clear()
        series = d.evidence.get("series") or {}
        points = [(b, v) for b, v in zip(series.get("batch", ()), series.get("value", ()))
                  if v is not None and math.isfinite(v)]
        label = series.get("label", "")
        reference = series.get("reference")
        if reference is not None and not math.isfinite(reference):
            reference = None
        # ratios span decades: drawn as log10, with a tick at each power of ten
        log = bool(label in LOG_SERIES and points and all(v > 0 for _, v in points)
                   and (reference is None or reference > 0))
        if log:
            points = [(b, math.log10(v)) for b, v in points]
            reference = None if reference is None else math.log10(reference)
        # the series' name above the plot (a vertical axis title of a short plot gets cut)
        plot.setTitle(self._series_label(label), size=zoom.text_size(8))
        left = plot.getAxis("left")
        if log and points:
            values = [v for _, v in points] + ([reference] if reference is not None else [])
            low, high = math.floor(min(values)), math.ceil(max(values))
            left.setTicks([[(k, f"1e{k}") for k in range(low, high + 1)]])
        else:
            left.setTicks(None)
        if points:
            xs, ys = zip(*points)
            plot.plot(list(xs), list(ys), pen=zoom.pen((0, 114, 178), width=1.5))
        if reference is not None:
            plot.addItem(pg.InfiniteLine(reference, angle=0, pen=zoom.pen(REFERENCE, style=Qt.PenStyle.DashLine)))
        plot.addItem(pg.InfiniteLine(d.batch, angle=90, pen=zoom.pen(MARK, width=1.5)))

    def _series_label(self, label: str) -> str:
        """The evidence's own English label (nn/doctor/rules.py) in the language on screen."""
        share = re.fullmatch(r"share of layer (\d+)'s units", label)
        if share:
            return self.tr("share of layer {n}'s neurons").format(n=share.group(1))
        known = {
            "loss": self.tr("loss"),
            "update/weight ratio": self.tr("step ÷ weights"),
            "first layer's gradient ÷ last layer's": self.tr("gradient: first ÷ last layer"),
            "accuracy on the probe": self.tr("accuracy"),
            "training − validation accuracy": self.tr("training − validation"),
        }
        return known.get(label, label)
