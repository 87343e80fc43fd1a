"""The Convolution page's "Inside the network" tab: every layer of the CNN for the pad's drawing.

The maps (``maps_view``) — each convolution's after its ReLU and after pooling — the ten
probabilities, and beside them what the pixel under the mouse sums (``sum_panel``). A click on a
map opens its filter large (``kernel_dialog``). The numbers come from ``annviz.nn.featuremaps``,
the network's own forward pass.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import QHBoxLayout, QLabel, QSizePolicy, QVBoxLayout, QWidget

from annviz.gui.common import zoom
from annviz.gui.common.colors import POSITIVE
from annviz.gui.convolution.kernel_dialog import KernelDialog
from annviz.gui.convolution.maps_view import Band, MapsView
from annviz.gui.convolution.sum_panel import SumPanel
from annviz.nn.featuremaps import Maps, conv_terms, feature_maps, filter_gradient, receptive_field


class Bars(QWidget):
    """The ten probabilities as horizontal bars, the largest in the positive colour."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._p = np.zeros(10)
        self._names = [str(i) for i in range(10)]
        zoom.pixels(self, min_width=120, min_height=130, max_height=200)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Expanding)

    def set_probabilities(self, p: np.ndarray) -> None:
        self._p = np.array(p, dtype=float)
        self.update()

    def paintEvent(self, event) -> None:
        painter = QPainter(self)
        n = len(self._p)
        row = (self.height() - 2) / max(n, 1)
        label_w = self.fontMetrics().horizontalAdvance("0 100 %") + 6
        best = int(np.argmax(self._p)) if n else -1
        for i, p in enumerate(self._p):
            y = 1 + i * row
            painter.setPen(self.palette().windowText().color())
            painter.drawText(QRectF(0, y, label_w, row), Qt.AlignmentFlag.AlignVCenter,
                             f"{self._names[i] if i < len(self._names) else i} {p:4.0%}")
            width = max(0.0, (self.width() - label_w - 2) * float(p))
            painter.fillRect(QRectF(label_w, y + row * 0.15, width, row * 0.7),
                             POSITIVE if i == best else QColor(150, 150, 150))
        painter.end()


@dataclass(frozen=True)
class Pointed:
    """The map pixel pointed at: its band's ``kind`` ("conv" or "pool"), ``conv`` (from 0),
    ``channel`` (the filter, from 0), ``y``, ``x``; its ``value`` and ``share`` of the largest value
    of its band (as bright as it is painted, 0–1); ``field`` its receptive field on the input
    (top, left, bottom, right), bottom and right excluded."""

    kind: str
    conv: int
    channel: int
    y: int
    x: int
    value: float
    share: float
    field: tuple[int, int, int, int]


class NetworkView(QWidget):
    """The tab. ``set_network`` and ``set_image`` give it what to show."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.maps_view = MapsView()
        self.maps_view.setObjectName("convolution-maps")
        self.sums = SumPanel()
        self.bars = Bars()
        self.bars.setObjectName("convolution-probabilities")
        self._bars_title = QLabel()
        self._hint = QLabel()
        self._hint.setWordWrap(True)
        right = QVBoxLayout()
        right.addWidget(self.sums, 1)
        right.addWidget(self._bars_title)
        right.addWidget(self.bars, 0)
        left = QVBoxLayout()
        left.addWidget(self._hint)
        left.addWidget(self.maps_view, 1)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(left, 3)
        layout.addLayout(right, 1)
        self._net = None
        self._image = np.zeros((28, 28), dtype=np.float32)
        self._maps: list[Maps] = []
        self._dialog: KernelDialog | None = None
        self._hover: tuple[int, int, int, int] | None = None
        self._stale = False
        self.maps_view.hovered.connect(self.point_at)
        self.maps_view.left.connect(self._on_left)
        self.maps_view.filter_clicked.connect(self.open_filter)
        self.retranslate()

    # --- public ------------------------------------------------------------------------------

    def retranslate(self) -> None:
        self._bars_title.setText(self.tr("Probabilities"))
        self._hint.setText(self.tr("Each small picture is one filter's feature map for your drawing "
                                   "(white: strong). Point at a pixel to see its sum; click a map "
                                   "to open its filter."))
        self.sums.retranslate()
        self._refresh()

    def set_network(self, net) -> None:
        self._net = net
        self._refresh()

    def set_image(self, image: np.ndarray | None) -> None:
        self._image = np.zeros((28, 28), np.float32) if image is None else np.asarray(image, np.float32)
        self.sums.set_input(self._image)
        self._refresh()

    def feature_maps(self) -> list[Maps]:
        """What the view shows: every layer's maps and the probabilities (copies)."""
        self._refresh_if_stale()
        return [Maps(m.kind, m.layer, m.conv, m.values.copy()) for m in self._maps]

    def probabilities(self) -> np.ndarray:
        self._refresh_if_stale()
        return self._maps[-1].values.copy() if self._maps else np.zeros(10)

    def receptive_field(self) -> tuple[int, int, int, int] | None:
        """The rectangle shown on the input for the pixel pointed at (top, left, bottom, right)."""
        return self.sums.field.box()

    def sum_text(self) -> str:
        return self.sums.equation_text()

    def point_at(self, band: int, channel: int, y: int, x: int) -> None:
        """Show what pixel (y, x) of map ``channel`` of band ``band`` sums (as hovering does)."""
        self._refresh_if_stale()
        bands = self.maps_view.bands()
        if self._net is None or not 0 <= band < len(bands):
            return
        b = bands[band]
        h, w = b.maps.shape[1:]
        if b.kind in ("kernel", "dense") or not (0 <= channel < len(b.maps) and 0 <= y < h and 0 <= x < w):
            self._on_left()
            return
        self._hover = (band, channel, y, x)
        self.maps_view.set_mark(self._hover)
        box = receptive_field(self._net.layers, b.layer, y, x)
        if b.kind == "conv":
            terms = conv_terms(self._net, self._maps, b.layer, channel, y, x, self._image)
            shown = int(np.argmax(np.abs(terms.products).sum(axis=(1, 2)))) if len(terms.weights) > 1 else 0
            self.sums.show_conv(box, terms, shown)
        else:
            conv = next(m for m in self._maps if m.layer == b.layer - 1)
            self.sums.show_pool(box, conv.values[channel, 2 * y:2 * y + 2, 2 * x:2 * x + 2])

    def pointed(self) -> Pointed | None:
        """The pixel pointed at (hovered, or ``point_at``), or None."""
        if self._hover is None or self._net is None:
            return None
        band, channel, y, x = self._hover
        bands = self.maps_view.bands()
        if band >= len(bands):
            return None
        b = bands[band]
        top = float(np.max(b.maps)) if b.maps.size else 0.0
        value = float(b.maps[channel, y, x])
        return Pointed(b.kind, b.conv, channel, y, x, value, value / top if top > 0 else 0.0,
                       receptive_field(self._net.layers, b.layer, y, x))

    def open_filter(self, conv: int, f: int) -> KernelDialog | None:
        """Open filter ``f`` of convolution ``conv`` large with its weights."""
        if self._net is None or not 0 <= conv < len(self._conv_layers()):
            return None
        l = self._net.weight_layers.index(self._conv_layers()[conv])
        if not 0 <= f < len(self._net.weights[l]):
            return None
        self._close_dialog()
        net, image = self._net.copy(), self._image.copy()     # as they are now, whatever trains on
        self._dialog = KernelDialog(conv, f, net.weights[l][f], float(net.biases[l][f]), self,
                                    gradient=lambda label, mask: filter_gradient(net, image, label, conv, f, mask),
                                    label=int(np.argmax(self.probabilities())))
        self._dialog.show()
        return self._dialog

    def _close_dialog(self) -> None:
        """The filter open before goes, its names with it (a lesson finds the new one's by name)."""
        if self._dialog is not None:
            for widget in (self._dialog, *self._dialog.findChildren(QWidget)):
                widget.setObjectName("")
            self._dialog.close()
            self._dialog.deleteLater()
            self._dialog = None

    def opened_filter(self) -> KernelDialog | None:
        return self._dialog if self._dialog is not None and self._dialog.isVisible() else None

    # --- inside ------------------------------------------------------------------------------

    def _conv_layers(self) -> list[int]:
        return [i for i, layer in enumerate(self._net.layers) if layer.kind == "conv"]

    def _on_left(self) -> None:
        self._hover = None
        self.maps_view.set_mark(None)
        self.sums.show_nothing()

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self._refresh_if_stale()

    def _refresh_if_stale(self) -> None:
        if self._stale:
            self._refresh(hidden_too=True)

    def _refresh(self, hidden_too: bool = False) -> None:
        """Compute the maps again — later, when shown, if the tab is hidden (while a network
        trains on ③, the snapshots would otherwise cost the training a forward pass each)."""
        self._stale = not hidden_too and not self.isVisible()
        if self._stale:
            return
        if self._net is None:
            self._maps = []
            self.maps_view.set_bands([])
            return
        self._maps = feature_maps(self._net, self._image)
        bands = []
        for m in self._maps[:-1]:
            layer = self._net.layers[m.layer]
            if m.kind == "conv":
                title = self.tr("Convolution {c}: {n} filters {k}×{k}, after ReLU ({s}×{s})").format(
                    c=m.conv + 1, n=len(m.values), k=layer.kernel, s=m.values.shape[-1])
            else:
                title = self.tr("Convolution {c} after max-pooling 2×2 ({s}×{s})").format(
                    c=m.conv + 1, s=m.values.shape[-1])
            bands.append(Band(title, m.values, m.kind, m.conv, m.layer))
        last = self._maps[-2] if len(self._maps) > 1 else None
        dense = next((i for i, layer in enumerate(self._net.layers) if layer.kind == "dense"), None)
        if last is not None and dense is not None and dense > last.layer:
            c, h, w = last.values.shape
            bands.append(Band(self.tr("The dense layer's inputs: {c} maps × {p} = {n} numbers → {o} outputs").format(
                c=c, p=h * w, n=c * h * w, o=self._net.n_outputs), last.values.reshape(1, c, h * w), "dense",
                last.conv, dense))
        self.maps_view.set_bands(bands)
        self.bars.set_probabilities(self._maps[-1].values)
        if self._hover is not None:
            self.point_at(*self._hover)
