"""The explorer page: an inner main window whose docks are the pad, the diagram, the inspector
and the weights. Other areas add their own docks with ``add_dock`` (e.g. the training panel).
``reset_layout`` puts every dock back where it starts (View → Reset layout).
"""

from __future__ import annotations

from PySide6.QtCore import QByteArray, Qt
from PySide6.QtWidgets import QDockWidget, QMainWindow, QWidget

from annviz.gui.state import AppState
from annviz.gui.explorer.diagram import NetworkDiagram
from annviz.gui.explorer.inspector import NeuronInspector
from annviz.gui.explorer.pad_panel import PadPanel
from annviz.gui.explorer.weights_panel import WeightsPanel

LAYOUT_VERSION = 2  # bump when the docks change, so that an old saved layout is ignored


class ExplorerPage(QMainWindow):
    def __init__(self, state: AppState, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowFlags(Qt.WindowType.Widget)
        self.setDockNestingEnabled(True)
        self._state = state
        self.pad_panel = PadPanel(state)
        self.diagram = NetworkDiagram(state)
        self.inspector = NeuronInspector(state)
        self.weights = WeightsPanel(state)
        self._docks: list[QDockWidget] = []
        self._lent = False    # the shared views are on another page (lend_views)
        self.pad_dock = self._make_dock("pad", self.pad_panel)
        self.diagram_dock = self._make_dock("diagram", self.diagram)
        self.inspector_dock = self._make_dock("inspector", self.inspector)
        self.weights_dock = self._make_dock("weights", self.weights)
        self._areas: dict[QDockWidget, Qt.DockWidgetArea] = {}   # other areas' docks and their place
        self._arrange()
        for action in self.pad_panel.shortcuts():
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            self.addAction(action)
        state.neuron_selected.connect(self._on_neuron_selected)
        self.retranslate()

    def _arrange(self) -> None:
        """The panels' default places and sizes: the pad above the inspector on the left, the
        diagram above the weights on the right; other areas' docks where they were added."""
        left, right = Qt.DockWidgetArea.LeftDockWidgetArea, Qt.DockWidgetArea.RightDockWidgetArea
        for dock in self._docks:
            dock.setFloating(False)
        self.addDockWidget(left, self.pad_dock)
        self.addDockWidget(right, self.diagram_dock)
        self.splitDockWidget(self.pad_dock, self.inspector_dock, Qt.Orientation.Vertical)
        self.splitDockWidget(self.diagram_dock, self.weights_dock, Qt.Orientation.Vertical)
        for dock, area in self._areas.items():
            self.addDockWidget(area, dock)
        for dock in self._docks:
            dock.show()
        self.resizeDocks([self.pad_dock, self.diagram_dock], [5, 6], Qt.Orientation.Horizontal)
        self.resizeDocks([self.pad_dock, self.inspector_dock], [3, 2], Qt.Orientation.Vertical)
        self.resizeDocks([self.diagram_dock, self.weights_dock], [3, 2], Qt.Orientation.Vertical)

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
        """The pad, the diagram and the weight pictures, for another page to show while it is in
        front (the training page); ``take_back_views`` puts them back in their docks."""
        views = {"pad": self.pad_panel, "diagram": self.diagram, "weights": self.weights}
        self._lent = True
        return views

    def take_back_views(self) -> None:
        if self._lent:
            self._lent = False
            for dock, view in ((self.pad_dock, self.pad_panel), (self.diagram_dock, self.diagram),
                               (self.weights_dock, self.weights)):
                dock.setWidget(view)
                view.show()

    def save_layout(self) -> QByteArray:
        return self.saveState(LAYOUT_VERSION)

    def restore_layout(self, state) -> bool:
        return bool(state) and self.restoreState(QByteArray(state), LAYOUT_VERSION)

    def retranslate(self) -> None:
        self.pad_dock.setWindowTitle(self.tr("Draw"))
        self.diagram_dock.setWindowTitle(self.tr("Network"))
        self.inspector_dock.setWindowTitle(self.tr("Neuron inspector"))
        self.weights_dock.setWindowTitle(self.tr("Weights"))


    def _on_neuron_selected(self, layer: int, index: int) -> None:
        self.inspector_dock.show()
        self.inspector_dock.raise_()
