"""The training page: the settings on the left, the network learning on the right.

Right: the drawing pad with its prediction and the network diagram on top; the first-layer weight
pictures beside the curves, the histograms and two runs compared, below; the timeline under them.
The doctor's panel (doctor_panel.py) is a tab beside the settings' while the run shown has a
diagnosis (the charts' tab bar has no room left for one at 1280 pixels with the lesson drawer). The pad, the diagram and
the weight pictures are the explorer's own widgets, lent to this page while it is in front and
given back when it is not (``ExplorerPage.lend_views``): one set of live views, so nothing is
computed twice and a drawing on the pad is the same drawing on both pages.

Room (``common.room``): the settings keep the width they need, and so does the pad with its
prediction; the weight pictures and then the diagram are secondary views — when the page is
narrow (a lesson beside it, a large zoom) they fold into the charts' tabs, after the charts' own
(which is where any other right-hand view goes too).
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QSizePolicy, QSplitter, QTabWidget, QVBoxLayout, QWidget

from annviz.gui.common import room, zoom
from annviz.gui.common.tabs import CurrentPageSizer
from annviz.gui.training.curves import LiveCurves
from annviz.gui.training.panel import TrainingPanel
from annviz.gui.training.speed import SpeedControl
from annviz.gui.training.timeline import Timeline
from annviz.gui.training.weight_histograms import WeightHistograms

# Which right-hand view folds first when room runs short: the lower, the sooner.
WEIGHTS_PRIORITY, DIAGRAM_PRIORITY = 2, 1


class _Holder(QWidget):
    """A place on the page for a lent view."""

    def __init__(self, name: str):
        super().__init__()
        self.setObjectName(f"training-{name}")
        self.box = QVBoxLayout(self)
        self.box.setContentsMargins(0, 0, 0, 0)


class _TwoViews(QTabWidget):
    """Two views in one tab of the settings' row, as two tabs of their own."""

    def __init__(self, first: QWidget, second: QWidget):
        super().__init__()
        room.whole_tabs(self)
        self.setObjectName("training-over-time")
        self.setDocumentMode(True)
        self.addTab(first, "")
        self.addTab(second, "")

    def show_view(self, i: int) -> None:
        self.setCurrentIndex(i)

    def current(self) -> QWidget:
        return self.currentWidget()


class TrainingPage(QWidget):
    def __init__(self, panel: TrainingPanel, speed: SpeedControl, curves: LiveCurves,
                 histograms: WeightHistograms, compare: QWidget, timeline: Timeline, explorer=None,
                 doctor: QWidget | None = None, answers: QWidget | None = None,
                 landscape: QWidget | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("training-page")
        self.panel, self.speed, self.curves, self.histograms, self.compare, self.timeline = (
            panel, speed, curves, histograms, compare, timeline)
        self.explorer = explorer
        self.holders = {name: _Holder(name) for name in ("pad", "diagram", "weights", "inspector")}
        self._pad_actions: list = []

        left = QWidget()
        self.left = left
        left_box = QVBoxLayout(left)
        left_box.setContentsMargins(0, 0, 0, 0)
        left_box.addWidget(panel, 1)
        left_box.addWidget(speed)
        left.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Preferred)

        self.tabs = room.whole_tabs(QTabWidget())
        self.tabs.setObjectName("training-charts")
        self.tabs.addTab(curves, "")
        self.tabs.addTab(histograms, "")
        self.tabs.addTab(compare, "")
        self.tabs.addTab(self.holders["inspector"], "")   # the explorer's, lent (the time machine's moments)
        # "When did it learn my 3?" (answer_strips.py): a tab beside the settings', which have the
        # height it needs; the charts' tab bar has no room left at 1280 px with the lesson drawer,
        # and there is no height to spare under the timeline at 768.
        # and the loss landscape (landscape_view.py), the two in one tab "Over time" (with the
        # doctor's there is no width for a sixth tab at 1280 px with the drawer in English).
        self.answers, self.landscape = answers, landscape
        self.over_time = _TwoViews(answers, landscape) if answers is not None and landscape is not None else None
        if self.over_time is not None:
            panel.settings.tabs.addTab(self.over_time, "")
        sizer = CurrentPageSizer(self.tabs)         # as high as the tab in front (a folded diagram is taller)
        self.top = room.Shelf(self.tabs, holds_fold=False)
        self.top.add(self.holders["pad"], lambda: "", priority=None, stretch=3)
        self.top.add(self.holders["diagram"], lambda: self.tr("Network"), DIAGRAM_PRIORITY)
        self.charts = room.Shelf(self.tabs, holds_fold=True)
        self.charts.add(self.holders["weights"], lambda: self.tr("Weights"), WEIGHTS_PRIORITY)
        for shelf in (self.top, self.charts):
            shelf.folds_changed.connect(sizer.fit)
        bottom = QWidget()
        bottom_box = QVBoxLayout(bottom)
        bottom_box.setContentsMargins(0, 0, 0, 0)
        bottom_box.addWidget(self.charts, 1)
        bottom_box.addWidget(timeline)
        self.doctor = doctor            # a tab while there is a diagnosis to show (show_doctor)
        if doctor is not None:          # in the window (lessons find it by name) but hidden until then
            doctor.setParent(self)
            doctor.hide()
        right = QSplitter(Qt.Orientation.Vertical)
        right.setChildrenCollapsible(False)
        right.addWidget(self.top)
        right.addWidget(bottom)
        self._splitters = {right: [330, 420]}   # default sizes
        layout = QHBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(left)
        layout.addWidget(right, 1)
        self.reset_layout()
        self.retranslate()

    def reset_layout(self) -> None:
        """The splitters at their default sizes (View → Reset layout)."""
        for splitter, sizes in self._splitters.items():
            splitter.setSizes([zoom.px(s) for s in sizes])

    def concepts_html(self) -> str:
        """Help → Concepts on this screen: training, then the chart tab in front."""
        text = self.tr(
            "<p><b>Training</b>: finding the weights and biases by lowering the <b>loss</b> on "
            "examples. For each mini-<b>batch</b>: the forward pass, the loss, <b>backpropagation</b>, "
            "and a step of size η (the <b>learning rate</b>) against the <b>gradient</b>. An "
            "<b>epoch</b> is one pass over the training images.</p>"
            "<p>Too high a learning rate makes the loss jump or grow; too low makes it crawl. Momentum μ "
            "and Adam remember past steps; L2 λ keeps weights small. A validation share, held out, "
            "shows <b>overfitting</b>: training accuracy still rising while validation accuracy "
            "stops.</p>")
        tab = self.tabs.currentWidget()
        if tab is self.curves:
            return text + self.tr("<p><b>Learning curves</b>: the loss of every batch (smoothed) and the "
                                  "accuracy after every epoch; the timeline below replays the run.</p>")
        if tab is self.histograms:
            return text + self.tr("<p><b>Weight histograms</b>: how each layer's weights are spread, "
                                  "now (filled) and at the start of the run (outline): learning "
                                  "moves them apart from the small random numbers they began as.</p>")
        if self.doctor_in_front():
            return text + self.tr("<p><b>The training doctor</b> watches the numbers of the run — the "
                                  "loss, each layer's <b>gradient</b> and step size, how many neurons "
                                  "are dead or saturated — and names what goes wrong, from the batch "
                                  "where it began. <b>Replay with the fix</b> trains the run again with "
                                  "the fix, beside the first one.</p>")
        if self._in_front(self.answers):
            return text + self.tr("<p><b>Answers over time</b>: one strip per digit — the pad's, the "
                                  "ones you pinned, your own — coloured by the network's <b>prediction</b> "
                                  "at every recorded moment, paler where it was less sure. Click where the "
                                  "answer changes to see the network at that moment.</p>")
        if self._in_front(self.landscape):
            return text + self.tr("<p><b>The loss landscape</b>: every point of the picture is a network — "
                                  "the last weights moved along the two directions the run moved most. "
                                  "Its shade is the <b>loss</b> of that network on 1,000 training "
                                  "images; the line is the path the weights took, the dot the moment "
                                  "the timeline shows. Too high a <b>learning rate</b> jumps across the "
                                  "valley; too low crawls.</p>")
        if tab is self.holders["inspector"]:
            return text + self.tr("<p><b>Neuron inspector</b>: click a neuron in the network to see its "
                                  "weighted input z, its activation a and its weights — at the moment "
                                  "the timeline shows.</p>")
        return text + self.tr("<p><b>Two runs compared</b> at the same moment: the same digit, "
                              "the same step, two settings — which one learned faster, and how.</p>")

    def retranslate(self) -> None:
        self.tabs.setTabText(0, self.tr("Learning curves"))
        # Short names on the tabs (seven of them share a 1280-pixel screen with the settings and
        # the lesson drawer), the whole name in the tooltip.
        inspector = self.tabs.indexOf(self.holders["inspector"])
        self.tabs.setTabText(1, self.tr("Histograms"))
        self.tabs.setTabToolTip(1, self.tr("Weight histograms"))
        self.tabs.setTabText(2, self.tr("Compare runs"))
        self.tabs.setTabText(inspector, self.tr("Neuron"))
        self.tabs.setTabToolTip(inspector, self.tr("Neuron inspector: the neuron chosen in the network, "
                                                   "at the moment the timeline shows"))
        if self.over_time is not None:
            tabs = self.panel.settings.tabs
            i = tabs.indexOf(self.over_time)
            tabs.setTabText(i, self.tr("Over time"))
            tabs.setTabToolTip(i, self.tr("The run over time: when did it learn each digit (Answers), "
                                          "and the path the weights took over the loss (Landscape)"))
            self.over_time.setTabText(0, self.tr("Answers"))
            self.over_time.setTabToolTip(0, self.tr(
                "When did it learn it? The network's answer for the pad's digit and pinned digits "
                "at every recorded moment"))
            self.over_time.setTabText(1, self.tr("Landscape"))
            self.over_time.setTabToolTip(1, self.tr(
                "The loss landscape: the loss on the plane the weights moved through, with the path "
                "the run took"))
        self._retranslate_doctor()
        self.top.retranslate()
        self.charts.retranslate()

    def show_doctor(self, front: bool) -> None:
        """The doctor's tab, after the settings' own (``front``: brought to the front)."""
        if self.doctor is None:
            return
        tabs = self.panel.settings.tabs
        if tabs.indexOf(self.doctor) < 0:
            tabs.addTab(self.doctor, "")
            self._retranslate_doctor()
        if front:
            tabs.setCurrentWidget(self.doctor)

    def hide_doctor(self) -> None:
        """No diagnosis to show: the doctor's tab goes (the learning curves come back if it was
        in front)."""
        tabs = self.panel.settings.tabs
        i = tabs.indexOf(self.doctor) if self.doctor is not None else -1
        if i >= 0:
            tabs.removeTab(i)

    def has_doctor(self) -> bool:
        """Is the doctor's tab on the page (a diagnosis to show)?"""
        return self.doctor is not None and self.panel.settings.tabs.indexOf(self.doctor) >= 0

    def doctor_in_front(self) -> bool:
        return self.has_doctor() and self.panel.settings.tabs.currentWidget() is self.doctor

    def _retranslate_doctor(self) -> None:
        tabs = self.panel.settings.tabs
        i = tabs.indexOf(self.doctor) if self.doctor is not None else -1
        if i >= 0:
            tabs.setTabText(i, "⚠ " + self.tr("Doctor"))
            tabs.setTabToolTip(i, self.tr("The training doctor: what went wrong in this run, "
                                          "where it began, and a fix to replay"))

    def show_compare(self) -> None:
        """The two runs compared in front (a fix is replayed beside the run it fixes)."""
        self.tabs.setCurrentWidget(self.compare)

    def _in_front(self, view: QWidget | None) -> bool:
        return (self.over_time is not None and self.panel.settings.tabs.currentWidget() is self.over_time
                and self.over_time.current() is view)

    def show_answers(self) -> None:
        """The answer strips in front."""
        if self.over_time is not None:
            self.panel.settings.tabs.setCurrentWidget(self.over_time)
            self.over_time.show_view(0)

    def show_landscape(self) -> None:
        """The loss landscape in front."""
        if self.over_time is not None:
            self.panel.settings.tabs.setCurrentWidget(self.over_time)
            self.over_time.show_view(1)

    def show_inspector(self) -> None:
        """The inspector's tab in front (a neuron was chosen in the diagram)."""
        self.tabs.setCurrentWidget(self.holders["inspector"])


    def showEvent(self, event) -> None:
        super().showEvent(event)
        if self.explorer is not None:
            for name, view in self.explorer.lend_views().items():
                self.holders[name].box.addWidget(view)
                view.show()
            # The pad's keys (Ctrl+Z, Esc, E …) wherever the focus is on this page, as on the explorer's
            self._pad_actions = self.explorer.pad_shortcuts()
            for action in self._pad_actions:
                self.addAction(action)
            self.setFocusProxy(self.explorer.drawing_pad())   # not a slider the wheel would move

    def hideEvent(self, event) -> None:
        if getattr(self, "explorer", None) is not None:     # gone while the window is torn down
            for action in self._pad_actions:
                self.removeAction(action)
            self._pad_actions = []
            self.setFocusProxy(None)
            self.explorer.take_back_views()
        super().hideEvent(event)
