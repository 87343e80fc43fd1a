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
from PySide6.QtCore import QPointF, Signal
from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QLabel, QPushButton, QTabWidget, QVBoxLayout, QWidget

from annviz.data.preprocess import canvas_as_drawn, canvas_to_mnist, centre_of_mass
from annviz.gui.common import room, zoom
from annviz.gui.common.pad import DrawingPad
from annviz.gui.convolution.compare_view import CompareView, Comparison
from annviz.gui.convolution.evaluate_view import EvaluateView
from annviz.gui.convolution.hand_view import HandView
from annviz.gui.convolution.kernel_dialog import KernelDialog
from annviz.gui.convolution.network_view import NetworkView, Pointed
from annviz.gui.convolution.train_view import RunResult, TrainView
from annviz.nn.featuremaps import Maps, edge_direction

log = logging.getLogger(__name__)

TABS = ("hand", "network", "train", "compare", "evaluation")
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
    network_shown = Signal()          # another network is shown (not each training snapshot)

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
        self._bundled.setObjectName("convolution-bundled")
        self.no_centre = QCheckBox()
        self.no_centre.setObjectName("convolution-no-centre")
        self.no_centre.toggled.connect(lambda _on: self._on_canvas())
        self._model_line = QLabel()
        self._model_line.setWordWrap(True)
        buttons = room.Flow()
        for b in (self._undo, self._clear):
            buttons.addWidget(b)
        left = QVBoxLayout()
        left.addWidget(self._pad_title)
        left.addWidget(self.pad, 1)
        left.addLayout(buttons)
        left.addWidget(self.no_centre)
        left.addWidget(self._model_line)
        left.addWidget(self._bundled)
        left.addStretch(0)
        self.hand_view = HandView()
        self.network_view = NetworkView()
        self.train_view = TrainView()
        self.compare_view = CompareView()
        self.compare_view.digit_picked.connect(self._on_digit_picked)
        self.evaluate_view = EvaluateView()
        self.evaluate_view.digit_picked.connect(self._on_digit_picked)
        self.tabs = room.whole_tabs(QTabWidget())
        for name, view in zip(TABS, (self.hand_view, self.network_view, self.train_view, self.compare_view,
                                     self.evaluate_view)):
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
        """Help → Concepts on this screen: what the tab in front is about."""
        tab = self.current_tab()
        if tab == "hand":
            return self.tr(
                "<p>A <b>filter</b> (kernel) is a small grid of weights. Slid over the image, at each "
                "position it multiplies the pixels under it by its weights and adds them up, z = Σ wᵢaᵢ: "
                "one number of the output map. A vertical-edge filter's weights grow from left to right, "
                "so its sum is large where the image gets brighter to the right; a blur's are all equal.</p>"
                "<p>The same few weights at every position: that is a <b>convolution</b>. (Deep-learning "
                "libraries slide the kernel without flipping it, a cross-correlation, and call it "
                "convolution too.)</p>")
        if tab == "train":
            return self.tr(
                "<p><b>Learning</b> a CNN is the same gradient descent as for an MLP (here Adam, η rising to "
                "0.006 and falling again over the run, batches of 64): the loss's <b>gradient</b> flows back through the dense layer, through "
                "each max pooling (a window's gradient to the one pixel that was its maximum) and through "
                "each convolution, and every filter's weights move. The learning curve shows each batch's "
                "loss; the time machine, the first layer's kernels at any batch of the run.</p>")
        if tab == "compare":
            return self.tr(
                "<p>A multilayer perceptron has a weight for every pixel: a stroke moved by a few pixels "
                "meets other weights. A convolution uses the same filter at every position, and max "
                "pooling keeps a window's largest value wherever in the window it lies, so a CNN's "
                "<b>accuracy</b> falls much less on shifted digits. Not to nothing: its last, dense layer "
                "still ties its answer to positions.</p>")
        if tab == "evaluation":
            return self.tr(
                "<p>The CNN on the test images it never learnt from: its <b>accuracy</b>, the share of "
                "right answers; the <b>confusion matrix</b>, how many images of each true digit it read "
                "as each answer; and its mistakes, the most confident first.</p>")
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
        self.tabs.setTabText(3, self.tr("④ CNN or MLP"))
        self.tabs.setTabText(4, self.tr("⑤ How good"))
        self.no_centre.setText(self.tr("Don't centre"))
        self.no_centre.setToolTip(self.tr("Give the network the drawing where it is on the pad, instead of "
                                          "centred and sized as MNIST's digits were"))
        self._pad_title.setText(self.tr("Draw a digit"))
        self._clear.setText(self.tr("Clear"))
        self._undo.setText(self.tr("Undo"))
        self._bundled.setText(self.tr("Use the bundled CNN"))
        for widget, tip in ((self._clear, self.tr("Clear the pad")),
                            (self._undo, self.tr("Take back the last stroke")),
                            (self._bundled, self.tr("Show the reference CNN that comes with annviz "
                                                    "(98.8 % on the test images)"))):
            widget.setToolTip(tip)
        for view in (self.hand_view, self.network_view, self.train_view, self.compare_view, self.evaluate_view):
            view.retranslate()
        self._show_model_line()

    def shutdown(self) -> None:
        """Stop the training thread (the window calls it on close)."""
        self.compare_view.stop()
        self.evaluate_view.shutdown()
        self.train_view.shutdown()

    # --- the network and the drawing ---------------------------------------------------------

    def set_network(self, network) -> None:
        """Show ``network`` (a ConvNet on 28×28 images) on the page."""
        self._network = network
        self._trained = False
        self._source: str | None = None
        self.network_view.set_network(network)
        self.compare_view.set_network(network)
        self.evaluate_view.set_network(network)
        self._show_model_line()

    def network(self):
        return self._network

    def network_name(self) -> str:
        """The file's name of a network opened from one ("" otherwise)."""
        return self._source or ""

    def restore_network(self, network, source: str, name: str = "") -> None:
        """Show ``network`` as coming from ``source`` ("bundled", "trained" on ③, or "file"
        called ``name``): a setup puts back what was saved."""
        self.set_network(network)
        self._trained = source == "trained"
        self._source = (name or "?") if source == "file" else None
        self._show_model_line()

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

    def current_tab(self) -> str:
        return TABS[self.tabs.currentIndex()]

    def draw_strokes(self, strokes) -> None:
        """Draw each stroke (points (x, y) in 0…1 of the pad) as a learner would."""
        for points in strokes:
            self.pad.draw_stroke(points)

    def clear_pad(self) -> None:
        self.pad.clear()

    # --- ② inside the network ----------------------------------------------------------------

    def feature_maps(self) -> list[Maps]:
        return self.network_view.feature_maps()

    def probabilities(self) -> np.ndarray:
        return self.network_view.probabilities()

    def dense_inputs(self) -> np.ndarray | None:
        """What ② shows as the dense layer's inputs, row by row (one row per map), or None."""
        band = next((b for b in self.network_view.maps_view.bands() if b.kind == "dense"), None)
        return None if band is None else band.maps[0].copy()

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

    def pointed(self) -> Pointed | None:
        """The map pixel pointed at on ② (what it is, how bright, its receptive field), or None."""
        return self.network_view.pointed()

    def filter_opened(self) -> tuple[int, int, str] | None:
        """The filter opened large: (convolution, filter) from 0 and, for a first convolution's,
        what it answers to (``featuremaps.edge_direction``; "" for a deeper one); or None."""
        dialog = self.network_view.opened_filter()
        if dialog is None:
            return None
        conv, f = dialog.which()
        kernel = dialog.weights()
        return conv, f, edge_direction(kernel[0]) if len(kernel) == 1 else ""

    def first_kernel_directions(self) -> list[str]:
        """What each filter of the first convolution answers to (``featuremaps.edge_direction``)."""
        if self._network is None:
            return []
        kernels = self._network.weights[0]                  # (filters, channels, k, k)
        return [edge_direction(k[0]) if len(k) == 1 else "any" for k in kernels]

    def opened_gradient(self):
        """The gradient the filter opened large shows (``featuremaps.FilterGradient``), or None."""
        dialog = self.network_view.opened_filter()
        return None if dialog is None else dialog.gradient()

    def network_source(self) -> str:
        """Where the network shown comes from: "bundled", "trained" (on ③), "file" or "" (none)."""
        if self._network is None:
            return ""
        return "file" if self._source else "trained" if self._trained else "bundled"

    def hand_direction(self) -> str:
        """What the hand kernel answers to: "horizontal", "vertical" or "any"."""
        return edge_direction(self.hand_view.kernel())

    def hand_positions(self) -> int:
        """Positions of the hand kernel computed so far (784: all)."""
        return self.hand_view.positions_done()

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

    def hand_reset(self) -> None:
        self.hand_view.reset()

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

    def kernel_moments(self) -> int:
        """Moments of the run on ③ whose first-layer kernels the time machine can show."""
        return self.train_view.moments()

    def show_kernel_moment(self, i: int) -> None:
        """As dragging ③'s time machine to moment ``i`` (``kernel_moments() - 1``: now)."""
        self.train_view.show_moment(i)

    def shown_kernels(self):
        """(batch, kernels) ③'s kernels' row shows: a moment of the run's, or now's (batch None)."""
        return self.train_view.shown_kernels()

    def training_result(self) -> RunResult | None:
        """The last run begun on ③: its settings, whether it ended trained, its test accuracy."""
        return self.train_view.run_result()

    # --- ④ CNN or MLP -------------------------------------------------------------------------

    def measure_comparison(self) -> None:
        """Start measuring the CNN and the MLP on the test digits, shifted and not (④)."""
        self.compare_view.measure()

    def comparison(self) -> Comparison | None:
        return self.compare_view.comparison()

    def is_measuring(self) -> bool:
        return self.compare_view.is_measuring()

    # --- ⑤ how good -------------------------------------------------------------------------

    def evaluate(self) -> None:
        """Start evaluating the CNN on the test images (⑤), in the background."""
        self.evaluate_view.evaluate()

    def evaluation(self):
        """The CNN's ``TestResults`` on the test images, or None (not evaluated, or still running)."""
        return self.evaluate_view.results()

    def is_evaluating(self) -> bool:
        return self.evaluate_view.is_evaluating()

    # --- the pad -----------------------------------------------------------------------------

    def set_centring(self, on: bool) -> None:
        """Centre the drawing as MNIST's digits were (the default), or give it as drawn."""
        self.no_centre.setChecked(not on)

    def centring(self) -> bool:
        return not self.no_centre.isChecked()

    def input_offset(self) -> float | None:
        """How far the input's centre of mass lies from the image's centre (14, 14), in pixels;
        None without an input."""
        if self._image is None or not float(self._image.sum()) > 0:
            return None
        row, col = centre_of_mass(self._image)
        return float(np.hypot(row - 14.0, col - 14.0))

    # --- inside ------------------------------------------------------------------------------

    def _on_canvas(self) -> None:
        digit = self.pad.shown_digit()
        if digit is not None:
            image = np.asarray(digit, dtype=np.float32)
            self._image = image / 255 if np.asarray(digit).dtype == np.uint8 else image
        elif self.no_centre.isChecked():
            self._image = canvas_as_drawn(self.pad.canvas())
        else:
            self._image = canvas_to_mnist(self.pad.canvas())
        for view in (self.hand_view, self.network_view, self.train_view):
            view.set_image(self._image)

    def _on_digit_picked(self, image: np.ndarray) -> None:
        self.set_drawing(image)
        self.show_tab("network")

    def _on_trained_network(self, network) -> None:
        if self._network is not network:
            self.set_network(network)
            self._trained = True
            self._show_model_line()
        else:
            self.network_view.set_network(network)
            self.compare_view.set_network(network)
            self.evaluate_view.set_network(network)

    def model_summary(self) -> str:
        """For the status bar: the network shown, its layers and its parameters."""
        if self._network is None:
            return ""
        name = (self._source or self.tr("the network trained on ③") if self._trained or self._source
                else self.tr("the bundled CNN"))
        return self.tr("{name}: {layers} · {n:,} parameters").format(
            name=name, layers=self.describe(self._network), n=self._network.n_params)

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
        self.network_shown.emit()           # the window's status bar follows
