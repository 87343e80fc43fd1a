"""The explorer page: an inner main window whose docks are the pad, the diagram, the inspector
and the weights. ``add_dock`` would add another area's dock (none does today: the training
page borrows the views instead, ``lend_views``).
``reset_layout`` puts every dock back where it starts (View → Reset layout).

Room (``common.room``): the pad with its prediction and the diagram always stand; the inspector
and the weights are secondary. On a wide page the pad sits above the inspector and the diagram
above the weights; on a smaller one (below ``WIDE`` × ``TALL`` at the zoom: a lesson beside it,
a school laptop, a large zoom) the pad has the whole left side and the inspector and the weights fold into
tabs under the diagram, the inspector in front (a click on a neuron brings it forward). The page
follows the room as it changes, unless the learner has moved a panel themselves.
"""

from __future__ import annotations

from PySide6.QtCore import QByteArray, Qt, QTimer
from PySide6.QtWidgets import QDockWidget, QMainWindow, QWidget

from annviz.gui.common import room, zoom
from annviz.gui.explorer.diagram import NetworkDiagram
from annviz.gui.explorer.inspector import NeuronInspector
from annviz.gui.explorer.pad_panel import PadPanel
from annviz.gui.explorer.weights_panel import WeightsPanel
from annviz.gui.state import AppState

LAYOUT_VERSION = 2  # bump when the docks change, so that an old saved layout is ignored
WIDE, TALL = 1100, 760   # pixels at 100 %: a page this large has room for all four panels apart


class ExplorerPage(QMainWindow):
    def __init__(self, state: AppState, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowFlags(Qt.WindowType.Widget)
        self.setDockNestingEnabled(True)
        self.setObjectName("explorer-page")
        self._state = state
        self.pad_panel = PadPanel(state)
        self.diagram = NetworkDiagram(state)
        self.inspector = NeuronInspector(state)
        self.weights = WeightsPanel(state)
        self._docks: list[QDockWidget] = []
        self._lent = False    # the shared views are on another page (lend_views)
        self.pad_dock = self._make_dock("pad", self.pad_panel)
        self.diagram_dock = self._make_dock("diagram", self.diagram)
        # The inspector scrolls to its touch controls (a hidden neuron's) rather than take the
        # room of the panels beside it or push the window past a 1280×800 screen; its numbers and
        # pictures always show whole.
        inspector = room.Scroll(self.inspector, sideways=False, least_height=self.inspector.least_height)
        self._inspector_scroll = inspector                             # lent with the inspector
        self._fit_timer = QTimer(self, singleShot=True, interval=0)   # dies with the page
        self._fit_timer.timeout.connect(self._fit_docks)
        inspector.minimum_changed.connect(self._fit_timer.start)
        self.inspector_dock = self._make_dock("inspector", inspector)
        self.weights_dock = self._make_dock("weights", self.weights)
        self._areas: dict[QDockWidget, Qt.DockWidgetArea] = {}   # other areas' docks and their place
        self._arranging = False
        self._narrow: bool | None = None   # the arrangement made (None: the learner's own)
        for dock in self._docks:
            dock.dockLocationChanged.connect(self._on_dock_moved)
            dock.topLevelChanged.connect(self._on_dock_moved)
        self._arrange()
        for action in self.pad_panel.shortcuts():
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            self.addAction(action)
        self.setFocusProxy(self.pad_panel.pad)   # the page in front: the keys go to the pad
        state.neuron_selected.connect(self._on_neuron_selected)
        self.retranslate()

    def _arrange(self) -> None:
        """The panels' default places and sizes for the room the page has now (see the module's
        note); other areas' docks where they were added."""
        narrow = self.is_narrow()
        left, right = Qt.DockWidgetArea.LeftDockWidgetArea, Qt.DockWidgetArea.RightDockWidgetArea
        self._arranging = True
        try:
            for dock in self._docks:
                dock.setFloating(False)
            self.addDockWidget(left, self.pad_dock)
            self.addDockWidget(right, self.diagram_dock)
            if narrow:
                self.splitDockWidget(self.diagram_dock, self.inspector_dock, Qt.Orientation.Vertical)
                self.tabifyDockWidget(self.inspector_dock, self.weights_dock)
            else:
                self.splitDockWidget(self.pad_dock, self.inspector_dock, Qt.Orientation.Vertical)
                self.splitDockWidget(self.diagram_dock, self.weights_dock, Qt.Orientation.Vertical)
            for dock, area in self._areas.items():
                self.addDockWidget(area, dock)
            for dock in self._docks:
                dock.show()
            self.resizeDocks([self.pad_dock, self.diagram_dock], [5, 6], Qt.Orientation.Horizontal)
            if narrow:
                self.resizeDocks([self.diagram_dock, self.inspector_dock], [1, 1], Qt.Orientation.Vertical)
                self.inspector_dock.raise_()
            else:
                self.resizeDocks([self.pad_dock, self.inspector_dock], [3, 2], Qt.Orientation.Vertical)
                self.resizeDocks([self.diagram_dock, self.weights_dock], [3, 2], Qt.Orientation.Vertical)
        finally:
            self._arranging = False
        self._narrow = narrow

    def _fit_docks(self) -> None:
        """A panel whose least height grew (the inspector showing an output neuron) gets it now,
        not at the next resize of the window."""
        for dock in self._docks:
            if dock.isVisible() and not dock.isFloating():
                least = dock.minimumSizeHint().height()
                if dock.height() < least:
                    self.resizeDocks([dock], [least], Qt.Orientation.Vertical)

    def is_narrow(self) -> bool:
        """True when the page is too small for its four panels apart (``WIDE`` × ``TALL`` at the zoom)."""
        return self.width() < zoom.px(WIDE) or self.height() < zoom.px(TALL)

    def _on_dock_moved(self, *_args) -> None:
        if not self._arranging:
            self._narrow = None                # the learner's own arrangement: kept as it is

    def resizeEvent(self, event) -> None:     # noqa: N802
        super().resizeEvent(event)
        if self._narrow is not None and not self._lent and self.is_narrow() != self._narrow:
            self._arrange()
        self._fit_timer.start()

    def showEvent(self, event) -> None:       # noqa: N802
        super().showEvent(event)
        self._fit_timer.start()

    def _make_dock(self, name: str, widget: QWidget) -> QDockWidget:
        dock = QDockWidget(self)
        dock.setObjectName(f"explorer-{name}")
        dock.setWidget(widget)
        self._docks.append(dock)
        return dock

    # --- public ------------------------------------------------------------------------------

    def add_dock(self, dock: QDockWidget,
                 area: Qt.DockWidgetArea = Qt.DockWidgetArea.BottomDockWidgetArea) -> None:
        """Add another area's dock (give it a unique objectName so its place is remembered)."""
        self.addDockWidget(area, dock)
        self._docks.append(dock)
        self._areas[dock] = area

    # What other areas (lessons, setups, the classroom) may ask of the explorer:

    def drawing_pad(self):
        """The drawing pad (``common.pad.DrawingPad``: strokes drawn, ``is_blank``, ``shown_digit``)."""
        return self.pad_panel.pad

    def clear_drawing(self) -> None:
        """The pad's Clear (Ctrl+Z brings it back)."""
        self.pad_panel.clear_action.trigger()

    def show_test_digit(self, index: int) -> None:
        """Test digit ``index`` on the pad, as the pad's test-digit picker shows it."""
        self.pad_panel.picker.show_index(index)

    def pad_shortcuts(self) -> list:
        """The pad's actions with keys (Ctrl+Z, Esc, E …), for a page that shows the pad too."""
        return self.pad_panel.shortcuts()

    def focus_pad(self) -> None:
        """The pad's panel shown and the keyboard's focus on the pad (to draw at once)."""
        self.pad_dock.show()
        self.pad_panel.pad.setFocus()

    def show_inspector(self) -> None:
        """The inspector's panel in front of the panels that share its place."""
        self.inspector_dock.raise_()

    def contribution_shown(self) -> bool:
        """Whether the diagram shows each edge's contribution (weight × activation)."""
        return self.diagram.contribution_action.isChecked()

    def show_contribution(self, on: bool) -> None:
        self.diagram.contribution_action.setChecked(on)

    def shutdown(self) -> None:
        """Stop background work (the touched neuron's test evaluation); the window calls it on close."""
        self.inspector.touch.shutdown()

    def docks(self) -> list[QDockWidget]:
        return list(self._docks)

    def secondary_docks(self) -> list[QDockWidget]:
        """The panels a presenter can do without: the inspector and the weights."""
        return [self.inspector_dock, self.weights_dock]

    def reset_layout(self) -> None:
        """Every panel back in its default place and size, shown, the inspector in front."""
        self._arrange()
        self.inspector_dock.raise_()

    def lend_views(self) -> dict[str, QWidget]:
        """The pad, the diagram, the weight pictures and the inspector (in its scroll area), for
        another page to show while it is in front (the training page); ``take_back_views`` puts
        them back in their docks."""
        views = {"pad": self.pad_panel, "diagram": self.diagram, "weights": self.weights,
                 "inspector": self._inspector_scroll}
        # Lent, the inspector is one tab among the training page's charts, under the pad and the
        # diagram: there it scrolls whole, both ways (its pictures too), rather than hold the page
        # larger than a school screen.
        self._inspector_scroll.set_least(None, sideways=True)
        self._lent = True
        return views

    def take_back_views(self) -> None:
        if self._lent:
            self._lent = False
            for dock, view in ((self.pad_dock, self.pad_panel), (self.diagram_dock, self.diagram),
                               (self.weights_dock, self.weights),
                               (self.inspector_dock, self._inspector_scroll)):
                dock.setWidget(view)
                view.show()
            self._inspector_scroll.set_least(self.inspector.least_height, sideways=False)

    def save_layout(self) -> QByteArray:
        return self.saveState(LAYOUT_VERSION)

    def restore_layout(self, state) -> bool:
        self._arranging = True                 # a layout saved from the default one follows the room
        try:
            return bool(state) and self.restoreState(QByteArray(state), LAYOUT_VERSION)
        finally:
            self._arranging = False

    def concepts_html(self) -> str:
        """Help → Concepts on this screen, for the explorer."""
        return self.tr(
            "<p><b>Input layer</b>: the 28×28 image the network sees, 784 neurons holding a "
            "brightness from 0 (black) to 1 (white).</p>"
            "<p><b>Hidden layers</b>: each neuron computes its weighted input "
            "z = Σ w<sub>i</sub>a<sub>i</sub> + b and its activation a = f(z). Brighter circles in "
            "the diagram are more active.</p>"
            "<p><b>Output layer</b>: one neuron per digit; the brightest one is the answer.</p>"
            "<p><b>Weights</b>: orange edges and pixels are positive, blue ones negative. A first-layer "
            "neuron's 784 weights form a picture of what it looks for.</p>"
            "<p><b>Bias</b>: a neuron's own offset, like an input that is always 1.</p>"
            "<p><b>Numbering</b>: on screen everything counts from 1, as the layers do (a⁽¹⁾ is the "
            "first hidden layer): hidden neurons, input pixels as (row, column) from the top left, "
            "and the matrix indices of the formulas — W⁽ˡ⁾[i, j] is the weight from neuron j to "
            "neuron i. Output neurons are named by their class. Only the code and the model files "
            "count from 0.</p>"
            "<p>Click any neuron to see its numbers in the neuron inspector.</p>") + self.tr(
            "<p><b>Touch a neuron</b>: under a hidden neuron in the inspector, switch it off (its "
            "outgoing weights become 0), shift its bias or scale its incoming weights, and watch the "
            "prediction and the test accuracy change. Restore puts the network back.</p>")

    def retranslate(self) -> None:
        self.pad_dock.setWindowTitle(self.tr("Draw"))
        self.diagram_dock.setWindowTitle(self.tr("Network"))
        self.inspector_dock.setWindowTitle(self.tr("Neuron inspector"))
        self.weights_dock.setWindowTitle(self.tr("Weights"))


    def _on_neuron_selected(self, layer: int, index: int) -> None:
        self.inspector_dock.show()
        self.inspector_dock.raise_()
