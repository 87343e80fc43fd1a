"""The Convolution page's fourth tab: the CNN beside the MLP of the notes, on the same test digits.

*Measure* runs both networks — the page's CNN and the bundled 784-16-16-10 MLP (13,002 numbers;
the reference CNN has 11,274) — on the first ``N_IMAGES`` test digits, as they are and shifted by
1 … ``MAX_SHIFT`` pixels, each digit in its own direction (drawn once, seeded; whole pixels, zeros
shifted in). It works in small chunks on the GUI thread's timer (~60 ms each, a couple of seconds
in all), so the window stays live without a thread. The result: the accuracy of both for every
shift (a plot and a table) and the unshifted digits the MLP gets wrong and the CNN right; a click
on one puts it on the pad.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QRectF, Qt, QTimer, Signal
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QSizePolicy, QVBoxLayout, QWidget

from annviz.data.augment import affine_batch
from annviz.gui.common import zoom
from annviz.gui.common.colors import NEGATIVE, POSITIVE
from annviz.gui.common.plotting import cache_axes
from annviz.gui.convolution.map_pictures import draw_pixels, grey_image

log = logging.getLogger(__name__)

N_IMAGES = 500           # test digits measured (~2 s for both networks and 7 shifts)
MAX_SHIFT = 6            # pixels
CHUNK = 125              # images per timer tick: ~50 ms for the reference CNN
MLP_NAME = "mnist-classic"
GALLERY = 12             # digits shown where the MLP is wrong and the CNN right


def shifts(n: int, k: int, seed: int = 0) -> np.ndarray:
    """(n, 2) whole-pixel shifts (down, right) of length ≈ k, each image in its own direction."""
    angles = np.random.default_rng(seed).uniform(0, 2 * np.pi, n)
    return np.round(k * np.stack([np.sin(angles), np.cos(angles)], axis=1)).astype(np.float32)


def shifted(x: np.ndarray, k: int, seed: int = 0) -> np.ndarray:
    """Rows of 784 pixels shifted by ``k`` pixels (``shifts``), zeros shifted in."""
    if k == 0:
        return np.asarray(x, np.float32)
    n = len(x)
    return affine_batch(x, np.zeros(n), np.ones(n), shifts(n, k, seed))


@dataclass
class Comparison:
    """What was measured: ``cnn[k]`` and ``mlp[k]`` the accuracy (0–1) on digits shifted by k
    pixels (k = 0 … as far as measured); ``gallery`` the test indices the MLP gets wrong and the
    CNN right (unshifted), with both answers."""

    n: int
    cnn: list[float] = field(default_factory=list)
    mlp: list[float] = field(default_factory=list)
    gallery: list[tuple[int, int, int]] = field(default_factory=list)   # (index, mlp's, cnn's)

    @property
    def done(self) -> bool:
        return len(self.cnn) == MAX_SHIFT + 1


class Gallery(QWidget):
    """Small test digits in a row, each with the MLP's and the CNN's answer; ``picked(index)``."""

    picked = Signal(int)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._items: list[tuple[int, np.ndarray, str]] = []
        zoom.pixels(self, min_width=200, min_height=84)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)

    def set_items(self, items: list[tuple[int, np.ndarray, str]]) -> None:
        self._items = list(items)
        self.update()

    def _cells(self) -> list[QRectF]:
        """Each digit's square; the caption under it needs its own width at least."""
        n = max(len(self._items), 1)
        metrics = self.fontMetrics()
        caption = max((metrics.horizontalAdvance(line) for _, _, text in self._items
                       for line in text.split("\n")), default=0) + 8
        side = max(16.0, min((self.width() - 2) / n - 6, self.height() - 2 * metrics.lineSpacing() - 4, 64))
        pitch = max(side + 6, caption)
        fits = max(1, int((self.width() - 2) // pitch))
        return [QRectF(1 + i * pitch + (pitch - side) / 2, 1, side, side) for i in range(min(len(self._items), fits))]

    def paintEvent(self, event) -> None:
        painter = QPainter(self)
        painter.setPen(self.palette().windowText().color())
        for rect, (_index, image, caption) in zip(self._cells(), self._items):
            draw_pixels(painter, rect, grey_image(image, 1.0))
            painter.drawText(QRectF(rect.center().x() - 60, rect.bottom() + 1, 120,
                                    2 * self.fontMetrics().lineSpacing()),
                             Qt.AlignmentFlag.AlignHCenter, caption)
        painter.end()

    def mousePressEvent(self, event) -> None:
        for rect, (index, _image, _caption) in zip(self._cells(), self._items):
            if rect.contains(event.position()):
                self.picked.emit(index)


class CompareView(QWidget):
    """The tab. ``set_network`` gives it the CNN; ``measure`` starts; ``comparison`` reads."""

    digit_picked = Signal(object)          # a 28×28 test digit, float32 in [0, 1]

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._intro = QLabel()
        self._intro.setWordWrap(True)
        self.measure_button = QPushButton()
        self.measure_button.setObjectName("convolution-compare-measure")
        self.measure_button.clicked.connect(self.measure)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.plot = pg.PlotWidget(background="w", enableMenu=False)
        self.plot.setObjectName("convolution-compare-plot")
        self.plot.showGrid(x=True, y=True, alpha=0.2)
        cache_axes(self.plot)
        self.plot.setYRange(0, 100)
        self.plot.setXRange(0, MAX_SHIFT)
        self.plot.setMinimumHeight(120)
        self._legend = self.plot.addLegend(offset=(-10, 10))
        self._cnn_curve = self.plot.plot(pen=zoom.pen(POSITIVE, width=3), symbol="o", symbolSize=6,
                                         symbolBrush=POSITIVE)
        self._mlp_curve = self.plot.plot(pen=zoom.pen(NEGATIVE, width=3), symbol="s", symbolSize=6,
                                         symbolBrush=NEGATIVE)
        self.table = QLabel()
        self.table.setObjectName("convolution-compare-table")
        self.table.setTextFormat(Qt.TextFormat.RichText)
        self._gallery_title = QLabel()
        self._gallery_title.setWordWrap(True)
        self.gallery = Gallery()
        self.gallery.setObjectName("convolution-compare-gallery")
        self.gallery.picked.connect(self._on_picked)
        top = QHBoxLayout()
        top.addWidget(self.measure_button, 0)
        top.addWidget(self.status, 1)
        middle = QHBoxLayout()
        middle.addWidget(self.plot, 3)
        middle.addWidget(self.table, 0)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self._intro)
        layout.addLayout(top)
        layout.addLayout(middle, 1)
        layout.addWidget(self._gallery_title)
        layout.addWidget(self.gallery)
        self._cnn = None
        self._mlp = None
        self._data: tuple[np.ndarray, np.ndarray] | None = None       # (x, labels) of the test digits
        self._result: Comparison | None = None
        self._cnn_right: np.ndarray | None = None
        self._at = 0                                       # next image of the shift being measured
        self._partial: tuple[list, list] = ([], [])         # answers so far for this shift
        self._timer = QTimer(self, interval=0)
        self._timer.timeout.connect(self._on_tick)
        self._error = ""
        self.retranslate()

    # --- public ------------------------------------------------------------------------------

    def retranslate(self) -> None:
        self._intro.setText(self.tr(
            "The same test digits for two networks with about as many numbers: this CNN and the "
            "multilayer perceptron of the notes, 784-16-16-10 (13,002 numbers; the reference CNN has "
            "11,274). Then the digits shifted by 1 to {m} pixels, each in its own direction: a "
            "filter slides, so the CNN finds a stroke wherever it is; the MLP's weights are tied to "
            "pixels.").format(m=MAX_SHIFT))
        self.measure_button.setText(self.tr("Measure"))
        self.measure_button.setToolTip(self.tr("Run both networks on {n} test digits, as they are and "
                                               "shifted").format(n=N_IMAGES))
        self.plot.setLabel("left", self.tr("accuracy %"))
        self.plot.setLabel("bottom", self.tr("shift (pixels)"))
        self._legend.clear()
        self._legend.addItem(self._cnn_curve, self.tr("CNN"))
        self._legend.addItem(self._mlp_curve, self.tr("MLP 784-16-16-10"))
        self._gallery_title.setText(self.tr("Test digits the MLP gets wrong and the CNN right "
                                            "(click one to put it on the pad):"))
        self._show()

    def set_network(self, net) -> None:
        """The CNN to compare (or the same one changed by training): what was measured is forgotten."""
        self._cnn = net
        self._timer.stop()
        self._result = None
        self._show()

    def measure(self) -> None:
        """Start measuring (again); the result comes in chunks (``comparison``)."""
        if self._cnn is None or not self._load():
            self._show()
            return
        self._result = Comparison(len(self._data[1]))
        self._at, self._partial, self._cnn_right = 0, ([], []), None
        self._timer.start()
        self._show()

    def is_measuring(self) -> bool:
        return self._timer.isActive()

    def comparison(self) -> Comparison | None:
        """What has been measured for the CNN shown (possibly not all the shifts yet)."""
        return self._result

    def stop(self) -> None:
        self._timer.stop()

    # --- inside ------------------------------------------------------------------------------

    def _load(self) -> bool:
        """The test digits and the MLP, once; False (said in the status) if they cannot be read."""
        if self._data is not None and self._mlp is not None:
            return True
        from annviz.data.datasets import DatasetError, load_dataset, to_inputs
        from annviz.nn.modelfile import ModelFileError, load_model
        from annviz.paths import bundled_model
        try:
            ds = load_dataset("mnist")
            self._data = (to_inputs(ds.test_images[:N_IMAGES]), np.asarray(ds.test_labels[:N_IMAGES]))
            self._mlp, _info = load_model(bundled_model(MLP_NAME))
        except (DatasetError, ModelFileError, OSError) as error:
            log.warning("comparison: %s", error)
            self._error = self.tr("The test digits or the MLP could not be read.")
            self._data = self._mlp = None
            return False
        self._error = ""
        return True

    def _on_tick(self) -> None:
        r = self._result
        if r is None or r.done or self._cnn is None:
            self._timer.stop()
            return
        x, labels = self._data
        k = len(r.cnn)
        chunk = slice(self._at, min(self._at + CHUNK, r.n))
        inputs = shifted(x[chunk], k, seed=self._at)
        self._partial[0].append(np.argmax(self._cnn.predict_proba(inputs), axis=1))
        self._partial[1].append(np.argmax(self._mlp.predict_proba(inputs), axis=1))
        self._at = chunk.stop
        if self._at >= r.n:
            cnn, mlp = (np.concatenate(p) for p in self._partial)
            r.cnn.append(float(np.mean(cnn == labels)))
            r.mlp.append(float(np.mean(mlp == labels)))
            if k == 0:
                wrong = np.flatnonzero((mlp != labels) & (cnn == labels))
                r.gallery = [(int(i), int(mlp[i]), int(cnn[i])) for i in wrong[:GALLERY]]
            self._at, self._partial = 0, ([], [])
            if r.done:
                self._timer.stop()
        self._show()

    def _on_picked(self, index: int) -> None:
        if self._data is not None:
            self.digit_picked.emit(self._data[0][index].reshape(28, 28).copy())

    def _show(self) -> None:
        r = self._result
        self.measure_button.setEnabled(self._cnn is not None)
        if r is None:
            self._cnn_curve.setData([], [])
            self._mlp_curve.setData([], [])
            self.table.setText("")
            self.gallery.set_items([])
            self.status.setText(self._error or (self.tr("No CNN to compare.") if self._cnn is None else
                                                self.tr("Press Measure (a few seconds).")))
            return
        ks = np.arange(len(r.cnn))
        self._cnn_curve.setData(ks, 100 * np.array(r.cnn))
        self._mlp_curve.setData(ks, 100 * np.array(r.mlp))
        rows = "".join(f"<tr><td align='right'>{k}</td><td align='right'>&nbsp;{100 * c:.1f}</td>"
                       f"<td align='right'>&nbsp;{100 * m:.1f}</td></tr>"
                       for k, (c, m) in enumerate(zip(r.cnn, r.mlp)))
        head = self.tr("<tr><th>shift</th><th>&nbsp;CNN %</th><th>&nbsp;MLP %</th></tr>")
        self.table.setText(f"<table>{head}{rows}</table>")
        if r.done:
            self.status.setText(self.tr("{n} test digits. Shifted by {k} pixels: CNN {c:.1f} %, MLP {m:.1f} %.").format(
                n=r.n, k=4, c=100 * r.cnn[4], m=100 * r.mlp[4]))
        else:
            self.status.setText(self.tr("Measuring: shift {k} of {m}…").format(k=len(r.cnn), m=MAX_SHIFT))
        if self._data is not None:
            self.gallery.set_items([(i, self._data[0][i].reshape(28, 28),
                                     self.tr("MLP {a}\nCNN {b}").format(a=a, b=b)) for i, a, b in r.gallery])
