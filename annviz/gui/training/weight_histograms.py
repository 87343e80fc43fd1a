"""How each layer's weights are spread, now against the start of the run (batch 0).

One small histogram per weight layer: the distribution at the start as a grey outline, the one
now filled. Weights that spread far out push sigmoid and tanh neurons into saturation; a ReLU
layer whose weights all drift negative is dying. The view listens to the app state:
``model_changed`` takes the weights then (the state's ``first_weights``) as the start and rebuilds the plots (one per layer, made
once, when the view is first shown: none at the app's start); ``weights_changed`` redraws at once, then at most ``MAX_REDRAWS_PER_S`` times a second, and only
while the view is on screen (a hidden one catches up when shown). Whoever knows the run the network
belongs to — the training area, for a live run and for the time machine's moments — says where it
began with ``set_start`` (the first moment of the run, not whichever moment was shown first), and
``show_now`` redraws at once: a moment dragged to is never shown with an older one's histogram. The x range is the weights' range rounded
up to 1, 2 or 5 × 10ⁿ, so the axes (kept as pixmaps) are repainted only when it outgrows that.
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from annviz.gui.common import room, zoom
from annviz.gui.common.plotting import cache_axes
from annviz.gui.state import AppState

MAX_BINS = 60
MAX_REDRAWS_PER_S = 4
START, NOW = QColor(150, 150, 150), QColor(0, 114, 178)


def histogram(values: np.ndarray, limit: float) -> tuple[np.ndarray, np.ndarray]:
    """(edges, share of the values per bin) over [−limit, limit]; about √n bins, at most 60."""
    bins = int(np.clip(np.sqrt(values.size), 8, MAX_BINS))
    # counted on values / limit, in [-1, 1]: NumPy's own scaling overflows for weights near ±3e38
    counts, _ = np.histogram(np.asarray(values, np.float32) / np.float32(limit), bins=bins, range=(-1.0, 1.0))
    return np.linspace(-limit, limit, bins + 1), counts / max(values.size, 1)


def nice_limit(limit: float) -> float:
    """The smallest 1, 2 or 5 × 10ⁿ at least ``limit``."""
    power = 10.0 ** np.floor(np.log10(limit))
    return float(next(power * m for m in (1, 2, 5, 10) if power * m >= limit * (1 - 1e-9)))


class WeightHistograms(QWidget):
    def __init__(self, state: AppState, parent: QWidget | None = None):
        super().__init__(parent)
        self.state = state
        self.start: list[np.ndarray] = []
        self.plots = pg.GraphicsLayoutWidget()
        self.plots.setBackground("w")
        self._items: list[tuple[pg.PlotItem, pg.PlotDataItem, pg.PlotDataItem]] = []
        self._columns = 0                                 # plots in a row (``_arrange``)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(1000 // MAX_REDRAWS_PER_S)
        self._timer.timeout.connect(self._on_timer_timeout)
        self._stale = False
        self._new_model = False
        self.plots.setMinimumHeight(60)          # a row of plots; more rows for a deep network (_arrange)
        self.caption = QLabel()                           # what the colours and the outline mean
        self.caption.setTextFormat(Qt.TextFormat.RichText)
        self.caption.setWordWrap(True)
        self._caption_fit = room.WholeText(self.caption)  # wraps whole on a narrow page
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.plots)
        layout.addWidget(self.caption)
        state.model_changed.connect(self._on_model_changed)
        state.weights_changed.connect(self._on_weights_changed)
        self._on_model_changed()
        self.retranslate()

    def _on_model_changed(self) -> None:
        """The start: the network's weights when it became the current one — the state's copy,
        so that a view built later (the page built when first shown) knows them too."""
        self.start = list(self.state.first_weights) if self.state.network is not None else []
        self._stale = self._new_model = True
        if self.isVisible():      # a hidden view makes its plots when shown (none at the app's start)
            self._redraw()

    def set_start(self, weights) -> None:
        """The weights of the run's start (its first moment), for the outline; drawn at once."""
        network = self.state.network
        if network is None or [w.shape for w in weights] != [w.shape for w in network.weights]:
            return
        self.start = [np.asarray(w, np.float32) for w in weights]
        self.show_now()

    def show_now(self) -> None:
        """Redraw now, whatever the pace (a moment chosen on the timeline)."""
        self._stale = True
        if self.isVisible():
            self._redraw()

    def drawn(self) -> list[tuple[np.ndarray, np.ndarray]]:
        """Per layer, the shares drawn: (at the start, now) — what the plots show (drawn now if
        the view is hidden and behind)."""
        if self._stale or len(self._items) != len(self.start):
            self._redraw()
        return [(start.getData()[1], now.getData()[1]) for _, start, now in self._items]

    def _on_weights_changed(self) -> None:
        """Redraw now (the caller pays, e.g. within a training update), unless it was just done."""
        self._stale = True
        if self.isVisible() and not self._timer.isActive():
            self._redraw()
            self._timer.start()

    def _on_timer_timeout(self) -> None:
        if self.isVisible() and self._stale:
            self._redraw()
            self._timer.start()

    def showEvent(self, event) -> None:  # noqa: N802 — Qt's hook: catch up with what changed while hidden
        super().showEvent(event)
        if self._stale:
            self._redraw()

    def _build(self, n_layers: int) -> None:
        self.plots.clear()
        self._items, self._columns = [], 0
        for _layer in range(n_layers):
            plot = pg.PlotItem(enableMenu=False)
            plot.hideAxis("left")
            plot.setMouseEnabled(x=False, y=False)
            plot.hideButtons()
            cache_axes(plot)
            start = plot.plot(stepMode="center", pen=zoom.pen(START, width=1.5))
            now = plot.plot(stepMode="center", fillLevel=0, pen=zoom.pen(NOW, width=1),
                            brush=pg.mkBrush(NOW.red(), NOW.green(), NOW.blue(), 90))
            self._items.append((plot, start, now))
        self._arrange()

    def _arrange(self) -> None:
        """The plots in one row if they fit the view's width, else in as few rows as fit (a deep
        network's seven histograms were laid out wider than the view, the last ones cut off)."""
        plots = [plot for plot, *_ in self._items]
        if not plots:
            return
        room = self.plots.viewport().width()
        least = max(plot.minimumWidth() for plot in plots) + zoom.px(8)
        columns = max(1, min(len(plots), int(room // least)))
        if columns == self._columns:
            return
        self._columns = columns
        layout = self.plots.ci
        for plot in plots:
            if plot in layout.items:
                layout.removeItem(plot)
        for i, plot in enumerate(plots):
            layout.addItem(plot, row=i // columns, col=i % columns)
        rows = -(-len(plots) // columns)
        self.plots.setMinimumHeight(zoom.px(60) * rows)

    def resizeEvent(self, event) -> None:  # noqa: N802 — Qt's hook: as many plots in a row as fit
        super().resizeEvent(event)
        self._arrange()

    def _redraw(self) -> None:
        network = self.state.network
        self._stale = False
        if len(self._items) != len(self.start):
            self._build(len(self.start))
        if self._new_model:                               # its layers' sizes in the titles
            self._new_model = False
            self._retranslate_titles()
        if network is None or len(network.weights) != len(self._items):
            return
        for (plot, start_item, now_item), start, now in zip(self._items, self.start, network.weights):
            limit = max(float(np.abs(start).max()), float(np.abs(now).max()), 1e-6)
            start_item.setData(*histogram(start, limit))
            now_item.setData(*histogram(now, limit))
            shown = nice_limit(limit)
            plot.setXRange(-shown, shown, padding=0.02)

    def _retranslate_titles(self) -> None:
        network = self.state.network
        for layer, (plot, _, _) in enumerate(self._items):
            plot.setTitle(self.tr("Layer {n}: {a} → {b}").format(
                n=layer + 1, a=network.sizes[layer], b=network.sizes[layer + 1]), size=zoom.text_size(9))
            plot.setLabel("bottom", self.tr("weight w"))
        self.rezoom()

    def rezoom(self) -> None:
        """As many plots in a row as fit with their new titles (language, zoom, network)."""
        self._columns = 0
        self._arrange()

    def retranslate(self) -> None:
        self.setToolTip(self.tr("Weights per layer: grey = at the start, blue = now"))
        self.caption.setText(
            f'<span style="color:{NOW.name()}">■</span>&nbsp;' + self.tr("filled blue: the weights now")
            + f'&nbsp;&nbsp;&nbsp;<span style="color:{START.name()}">□</span>&nbsp;'
            + self.tr("grey outline: at the start of the run (batch 0; for a model opened, when it was opened)") + "&nbsp;&nbsp;&nbsp;"
            + self.tr("height: share of the layer's weights in each bin"))
        self._caption_fit.refit()
        self._retranslate_titles()
