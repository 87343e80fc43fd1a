"""ConvolutionPage: inside a convolutional network, for a digit the learner draws.

The drawing pad on the left (the explorer's, ``gui/common/pad.py``) and three tabs that tell one
story: ① one filter by hand (``hand_view``), ② every layer of a trained CNN for the drawing
(``network_view``: feature maps, what a pixel sums, a filter opened large), ③ a small CNN trained
in the background (``train_view``). The page starts with the bundled reference CNN
(``models/mnist-cnn.safetensors``) and a digit on the pad, so the maps show at once; a network
trained on ③ replaces it while it trains (the button under the pad brings the bundled one back).

The page's public methods are what the window, the tests and the screenshots use.
"""

from __future__ import annotations

import logging
from pathlib import Path

import numpy as np
from PySide6.QtCore import QPointF
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QTabWidget, QVBoxLayout, QWidget

from annviz.data.preprocess import canvas_to_mnist
from annviz.gui.common import room, zoom
from annviz.gui.common.pad import DrawingPad
from annviz.gui.convolution.hand_view import HandView
from annviz.gui.convolution.kernel_dialog import KernelDialog
from annviz.gui.convolution.network_view import NetworkView
from annviz.gui.convolution.train_view import TrainView
from annviz.nn.featuremaps import Maps

log = logging.getLogger(__name__)

TABS = ("hand", "network", "train")
BUNDLED = "mnist-cnn"
# The digit on the pad when the page opens: a 7 in three strokes' worth of points.
SEVEN = [(0.28, 0.27), (0.5, 0.25), (0.72, 0.25), (0.62, 0.45), (0.52, 0.62), (0.45, 0.8)]


def bundled_network():
    """The bundled reference CNN, or None (logged) if it cannot be read."""
    from annviz.nn.modelfile import ModelFileError, load_model
    from annviz.paths import bundled_model

    try:
        network, _info = load_model(bundled_model(BUNDLED))
    except (ModelFileError, OSError):
        log.exception("the bundled CNN could not be read")
        return None
    return network


class ConvolutionPage(QWidget):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("convolution-page")
        self.pad = DrawingPad()
        self.pad.setObjectName("convolution-pad")
        zoom.pixels(self.pad, min_width=180, min_height=180, max_width=300, max_height=300)
        self._pad_title = QLabel()
        self._clear, self._undo, self._bundled = QPushButton(), QPushButton(), QPushButton()
        self._clear.clicked.connect(self.pad.clear)
        self._undo.clicked.connect(self.pad.undo)
        self._bundled.clicked.connect(self.use_bundled_network)
        self._model_line = QLabel()
        self._model_line.setWordWrap(True)
        buttons = room.Flow()
        for b in (self._undo, self._clear):
            buttons.addWidget(b)
        left = QVBoxLayout()
        left.addWidget(self._pad_title)
        left.addWidget(self.pad, 1)
        left.addLayout(buttons)
        left.addWidget(self._model_line)
        left.addWidget(self._bundled)
        left.addStretch(0)
        self.hand_view = HandView()
        self.network_view = NetworkView()
        self.train_view = TrainView()
        self.tabs = room.whole_tabs(QTabWidget())
        for name, view in zip(TABS, (self.hand_view, self.network_view, self.train_view)):
            view.setObjectName(f"convolution-{name}")
            self.tabs.addTab(view, "")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(left, 0)
        layout.addWidget(self.tabs, 1)
        self._network = None
        self._trained = False
        self._source: str | None = None
        self._image: np.ndarray | None = None
        self.pad.canvas_changed.connect(self._on_canvas)
        self.train_view.network_changed.connect(self._on_trained_network)
        self.retranslate()
        self.use_bundled_network()
        self.pad.set_brush_width(24)
        self.pad.draw_stroke(SEVEN)
        self.tabs.setCurrentIndex(TABS.index("network"))

    # --- the window's ------------------------------------------------------------------------

    def title(self) -> str:
        return self.tr("Convolution")

    def concepts_html(self) -> str:
        return self.tr(
            "<p><b>Convolutional neural network</b> (CNN): instead of one weight per pixel, a small "
            "<b>filter</b> (kernel) of weights — here 5×5 — slides over the image; at each position "
            "z = Σ wᵢaᵢ + b over the pixels under it. The numbers it gives, one per position, are a "
            "<b>feature map</b>: bright where the image has what the filter looks for (an edge, a "
            "stroke's end). Every filter learns its own weights.</p>"
            "<p><b>ReLU</b> keeps max(0, z); <b>max pooling</b> 2×2 keeps the largest of each 2×2 "
            "window, halving the map's sides, so a shifted stroke still gives the same answer. The "
            "second convolution's filters look at all the first layer's maps at once. A pixel's "
            "<b>receptive field</b> is the part of the input it depends on: 5×5 for the first "
            "layer, 14×14 after two convolutions and pooling.</p>"
            "<p>The last layer is a dense layer of 10 neurons with softmax: the probabilities.</p>")

    def retranslate(self) -> None:
        self.tabs.setTabText(0, self.tr("① A filter by hand"))
        self.tabs.setTabText(1, self.tr("② Inside the network"))
        self.tabs.setTabText(2, self.tr("③ Train a CNN"))
        self._pad_title.setText(self.tr("Draw a digit"))
        self._clear.setText(self.tr("Clear"))
        self._undo.setText(self.tr("Undo"))
        self._bundled.setText(self.tr("Use the bundled CNN"))
        for widget, tip in ((self._clear, self.tr("Clear the pad")),
                            (self._undo, self.tr("Take back the last stroke")),
                            (self._bundled, self.tr("Show the reference CNN that comes with annviz "
                                                    "(98.8 % on the test images)"))):
            widget.setToolTip(tip)
        for view in (self.hand_view, self.network_view, self.train_view):
            view.retranslate()
        self._show_model_line()

    def shutdown(self) -> None:
        """Stop the training thread (the window calls it on close)."""
        self.train_view.shutdown()

    # --- the network and the drawing ---------------------------------------------------------

    def set_network(self, network) -> None:
        """Show ``network`` (a ConvNet on 28×28 images) on the page."""
        self._network = network
        self._trained = False
        self._source: str | None = None
        self.network_view.set_network(network)
        self._show_model_line()

    def network(self):
        return self._network

    def show_network(self, network, path) -> None:
        """A network opened from the file ``path`` (File → Open model), shown here."""
        self.set_network(network)
        self._source = Path(path).name
        self._show_model_line()

    def use_bundled_network(self) -> bool:
        network = bundled_network()
        if network is not None:
            self.set_network(network)
        return network is not None

    def set_drawing(self, image: np.ndarray) -> None:
        """Put a 28×28 image (floats in [0, 1] or uint8) on the pad, as if drawn."""
        self.pad.show_digit(image)

    def input_image(self) -> np.ndarray | None:
        """What the network is given: the drawing as a centred 28×28 image, or None if blank."""
        return None if self._image is None else self._image.copy()

    def show_tab(self, name: str) -> None:
        self.tabs.setCurrentIndex(TABS.index(name))

    # --- ② inside the network ----------------------------------------------------------------

    def feature_maps(self) -> list[Maps]:
        return self.network_view.feature_maps()

    def probabilities(self) -> np.ndarray:
        return self.network_view.probabilities()

    def point_at(self, band: int, channel: int, y: int, x: int) -> None:
        """As hovering pixel (y, x) of map ``channel`` in the ``band``-th row of maps."""
        self.network_view.point_at(band, channel, y, x)

    def maps_widget(self) -> QWidget:
        """The widget the maps are painted on (for a pointer: ``map_pixel_centre``)."""
        return self.network_view.maps_view

    def map_pixel_centre(self, band: int, channel: int, y: int, x: int):
        """Where pixel (y, x) of a map is painted, in ``maps_widget`` coordinates (a QPointF), or None."""
        view = self.network_view.maps_view
        rect = view.map_rect(band, channel)
        if rect is None:
            return None
        h, w = view.bands()[band].maps.shape[1:]
        return rect.topLeft() + QPointF((x + 0.5) * rect.width() / w, (y + 0.5) * rect.height() / h)

    def receptive_field(self) -> tuple[int, int, int, int] | None:
        return self.network_view.receptive_field()

    def sum_text(self) -> str:
        return self.network_view.sum_text()

    def open_filter(self, conv: int, f: int) -> KernelDialog | None:
        return self.network_view.open_filter(conv, f)

    def opened_filter(self) -> KernelDialog | None:
        """The filter's dialog on screen (a click on a map opens one), or None."""
        return self.network_view.opened_filter()

    # --- ① a filter by hand ------------------------------------------------------------------

    def set_hand_preset(self, name: str) -> None:
        self.hand_view.set_preset(name)

    def set_hand_kernel(self, kernel: np.ndarray) -> None:
        self.hand_view.set_kernel(kernel)

    def hand_kernel(self) -> np.ndarray:
        return self.hand_view.kernel()

    def hand_step(self, n: int = 1) -> None:
        self.hand_view.step(n)

    def hand_run_all(self) -> None:
        self.hand_view.run_all()

    def hand_output(self) -> np.ndarray:
        return self.hand_view.output()

    def hand_sum(self) -> float | None:
        return self.hand_view.current_sum()

    # --- ③ training --------------------------------------------------------------------------

    def start_training(self, filters: tuple[int, ...] = (8, 16), epochs: int = 1, images: int = 60000) -> None:
        self.train_view.set_config(filters, epochs, images)
        self.train_view.start()

    def stop_training(self) -> bool:
        return self.train_view.stop()

    def is_training(self) -> bool:
        return self.train_view.is_training()

    def training_updates(self) -> int:
        return self.train_view.updates()

    def training_losses(self) -> list[float]:
        return self.train_view.losses()

    # --- inside ------------------------------------------------------------------------------

    def _on_canvas(self) -> None:
        digit = self.pad.shown_digit()
        if digit is not None:
            image = np.asarray(digit, dtype=np.float32)
            self._image = image / 255 if np.asarray(digit).dtype == np.uint8 else image
        else:
            self._image = canvas_to_mnist(self.pad.canvas())
        for view in (self.hand_view, self.network_view, self.train_view):
            view.set_image(self._image)

    def _on_trained_network(self, network) -> None:
        if self._network is not network:
            self.set_network(network)
            self._trained = True
            self._show_model_line()
        else:
            self.network_view.set_network(network)

    def describe(self, network) -> str:
        """The layers in the learner's language: conv 5×5 ×8 → max-pool 2×2 → … → dense 10."""
        parts = []
        for layer in network.layers:
            if layer.kind == "conv":
                parts.append(self.tr("conv {k}×{k} ×{n}").format(k=layer.kernel, n=layer.filters))
            elif layer.kind == "pool":
                parts.append(self.tr("max-pool 2×2"))
            elif layer.kind == "dense":
                parts.append(self.tr("dense {n}").format(n=layer.size))
        return " → ".join(parts)

    def _show_model_line(self) -> None:
        if self._network is None:
            text = self.tr("No network: the bundled CNN could not be read.")
        elif self._source:
            text = self.tr("Showing {name}: {d}").format(name=self._source, d=self.describe(self._network))
        elif self._trained:
            text = self.tr("Showing the network trained on ③: {d}").format(d=self.describe(self._network))
        else:
            text = self.tr("Showing the bundled reference CNN: {d}").format(d=self.describe(self._network))
        self._model_line.setText(text)
