"""The weights panel: the parameter count, the first layer's tiles and the deeper layers."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QTabWidget, QVBoxLayout, QWidget

from annviz.gui.common import room
from annviz.gui.explorer.heatmaps import WeightGrid
from annviz.gui.explorer.layers import LayerMatrices
from annviz.gui.state import AppState
from annviz.nn.readout import parameter_formula


class WeightsPanel(QWidget):
    def __init__(self, state: AppState, parent: QWidget | None = None):
        super().__init__(parent)
        self._state = state
        self.count = QLabel()
        self.count.setWordWrap(True)
        self.count.setObjectName("explorer-weight-count")
        self._count_fit = room.WholeText(self.count)       # its lines in its least height: a page folds it, not cuts it
        self.grid = WeightGrid(state)
        self.layers = LayerMatrices(state)
        self.grid.setObjectName("explorer-weight-grid")
        self.layers.setObjectName("explorer-layer-matrices")
        self._tabs = room.whole_tabs(QTabWidget())
        self._tabs.setDocumentMode(True)
        self._tabs.addTab(self.grid, "")
        self._tabs.addTab(self.layers, "")
        layout = QVBoxLayout(self)
        layout.addWidget(self.count)
        layout.addWidget(self._tabs, 1)
        state.model_changed.connect(self.retranslate)
        self.retranslate()

    def retranslate(self) -> None:
        net = self._state.network
        no_hidden = net is not None and len(net.sizes) == 2    # the first weights lead to the output
        self._tabs.setTabText(0, self.tr("Output layer") if no_hidden else self.tr("First hidden layer"))
        self.grid.retranslate()
        self._tabs.setTabText(1, self.tr("Biases") if no_hidden else self.tr("Deeper layers and biases"))
        if net is None:
            self.count.setText("")
            return
        count = parameter_formula(net.sizes)
        self.count.setText(self.tr("{products} weights + {biases} biases = <b>{total}</b> numbers to learn")
                           .format(products=count.products, biases=f"{count.n_biases:,}",
                                   total=f"{count.total:,}"))
        self._count_fit.refit()
