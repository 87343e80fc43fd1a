"""The Convolution page's first tab: one filter by hand, before any learning.

A 3×3 or 5×5 kernel the learner edits (or a preset: vertical edge, horizontal edge, blur,
sharpen) slides over the pad's drawing one position at a time — ▶ slowly, a step, or ▶▶ all (no font of a school laptop has ⏭) — and
at each position the window under it, the products and their sum are shown; the sums fill the
output map row by row (orange positive, blue negative, grey not yet computed). The arithmetic is
``annviz.nn.featuremaps`` (``hand_window``, ``hand_convolve``); this module only steps through it.
"""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QSignalBlocker, QTimer
from PySide6.QtWidgets import (
    QComboBox,
    QDoubleSpinBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from annviz.gui.common import room
from annviz.gui.common.names import number
from annviz.gui.convolution.map_pictures import FieldPicture, NumberGrid
from annviz.nn.featuremaps import KERNEL_SIZES, PRESET_NAMES, SIDE, hand_convolve, hand_window, preset

SLOW_MS = 120          # one position a tick in slow motion (empty windows are passed at once)


class HandView(QWidget):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._image = np.zeros((SIDE, SIDE))
        self._kernel = preset("vertical", 3)
        self._done = 0                                    # positions computed, row by row
        self._size = QComboBox()
        self._size.addItems(["3×3", "5×5"])
        self._size.currentIndexChanged.connect(self._on_size)
        self._preset_buttons = {}
        presets = room.Flow()
        for name in PRESET_NAMES:
            button = QPushButton()
            button.setObjectName(f"convolution-hand-{name}")
            button.clicked.connect(lambda _=False, n=name: self.set_preset(n))
            self._preset_buttons[name] = button
            presets.addWidget(button)
        self._cells_box = QWidget()
        self._cells_box.setObjectName("convolution-hand-kernel")
        self._cells = QGridLayout(self._cells_box)
        self._cells.setContentsMargins(0, 0, 0, 0)
        self._spins: list[list[QDoubleSpinBox]] = []
        self.slow_button = QPushButton(checkable=True)
        self.step_button = QPushButton()
        self.all_button = QPushButton()
        self.reset_button = QPushButton()
        for button, name in ((self.slow_button, "slow"), (self.step_button, "step"), (self.all_button, "all"),
                             (self.reset_button, "reset")):
            button.setObjectName(f"convolution-hand-{name}")
        self.slow_button.toggled.connect(self._on_slow)
        self.step_button.clicked.connect(lambda: self.step())
        self.all_button.clicked.connect(self.run_all)
        self.reset_button.clicked.connect(self.reset)
        controls = room.Flow()
        for b in (self.slow_button, self.step_button, self.all_button, self.reset_button):
            controls.addWidget(b)
        self.input_picture = FieldPicture(minimum=130)
        self.output_picture = FieldPicture(minimum=130)
        self.output_picture.setObjectName("convolution-hand-output")
        self.products = NumberGrid(cell=30)
        self.sum_label = QLabel()
        self.sum_label.setWordWrap(True)
        self._intro, self._kernel_title = QLabel(), QLabel()
        self._intro.setWordWrap(True)
        self._in_title, self._out_title, self._prod_title = QLabel(), QLabel(), QLabel()
        editor = QVBoxLayout()
        editor.addWidget(self._kernel_title)
        editor.addWidget(self._size)
        editor.addLayout(presets)
        editor.addWidget(self._cells_box)
        editor.addLayout(controls)
        editor.addStretch(1)
        pictures = QGridLayout()
        pictures.addWidget(self._in_title, 0, 0)
        pictures.addWidget(self._out_title, 0, 1)
        pictures.addWidget(self.input_picture, 1, 0)
        pictures.addWidget(self.output_picture, 1, 1)
        pictures.addWidget(self._prod_title, 2, 0, 1, 2)
        below = QHBoxLayout()
        below.addWidget(self.products)
        below.addWidget(self.sum_label, 1)
        pictures.addLayout(below, 3, 0, 1, 2)
        pictures.setRowStretch(1, 1)
        body = QHBoxLayout()
        body.addLayout(editor, 0)
        body.addLayout(pictures, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self._intro)
        layout.addLayout(body, 1)
        self._timer = QTimer(self, interval=SLOW_MS)
        self._timer.timeout.connect(self._on_tick)
        self._build_cells()
        self.retranslate()
        self._show()

    def retranslate(self) -> None:
        self._intro.setText(self.tr("A filter is a small grid of weights. Slid over the image, at "
                                    "each position it multiplies the pixels under it by its weights "
                                    "and adds them up: one number of the output map."))
        self._kernel_title.setText(self.tr("Kernel (edit the numbers)"))
        names = {"vertical": self.tr("Vertical edge"), "horizontal": self.tr("Horizontal edge"),
                 "blur": self.tr("Blur"), "sharpen": self.tr("Sharpen")}
        for name, button in self._preset_buttons.items():
            button.setText(names[name])
        self.slow_button.setText(self.tr("▶ Slow"))
        self.step_button.setText(self.tr("Step"))
        self.all_button.setText(self.tr("▶▶ All"))
        self.reset_button.setText(self.tr("Reset"))
        self._in_title.setText(self.tr("Input and the kernel's window"))
        self._out_title.setText(self.tr("Output: the sums"))
        self._prod_title.setText(self.tr("Here: weight × pixel"))
        tips = {"vertical": self.tr("Positive where the image gets brighter to the right: finds vertical edges"),
                "horizontal": self.tr("Positive where the image gets brighter downwards: finds horizontal edges"),
                "blur": self.tr("Every weight equal: the mean of the window, a blurred image"),
                "sharpen": self.tr("The pixel counted strongly, its neighbours taken away: sharper edges")}
        for name, button in self._preset_buttons.items():
            button.setToolTip(tips[name])
        self._size.setToolTip(self.tr("The kernel's size: 3×3 or 5×5 weights"))
        self.slow_button.setToolTip(self.tr("Slide the kernel slowly, one position after another"))
        self.step_button.setToolTip(self.tr("Move the kernel one position on"))
        self.all_button.setToolTip(self.tr("Compute the sums at every position at once"))
        self.reset_button.setToolTip(self.tr("Start again at the top left"))
        self._tip_cells()
        self._show()

    def _tip_cells(self) -> None:
        for row in self._spins:
            for spin in row:
                spin.setToolTip(self.tr("One weight of the kernel: it multiplies the pixel under it"))

    # --- public ------------------------------------------------------------------------------

    def set_image(self, image: np.ndarray | None) -> None:
        self._image = np.zeros((SIDE, SIDE)) if image is None else np.asarray(image, dtype=float)
        self._show()

    def kernel(self) -> np.ndarray:
        return self._kernel.copy()

    def set_kernel(self, kernel: np.ndarray) -> None:
        kernel = np.asarray(kernel, dtype=float)
        if kernel.shape not in ((3, 3), (5, 5)):
            raise ValueError(f"a hand kernel is 3×3 or 5×5, not {kernel.shape}")
        self._kernel = kernel.copy()
        with QSignalBlocker(self._size):
            self._size.setCurrentIndex(KERNEL_SIZES.index(len(kernel)))
        self._build_cells()
        self._show()

    def set_preset(self, name: str) -> None:
        self.set_kernel(preset(name, len(self._kernel)))

    def step(self, n: int = 1) -> None:
        """Slide the kernel ``n`` positions further (row by row)."""
        self._done = min(self._done + n, SIDE * SIDE)
        self._show()

    def run_all(self) -> None:
        self.slow_button.setChecked(False)
        self._done = SIDE * SIDE
        self._show()

    def reset(self) -> None:
        self.slow_button.setChecked(False)
        self._done = 0
        self._show()

    def positions_done(self) -> int:
        return self._done

    def output(self) -> np.ndarray:
        """The sums computed so far, (28, 28); NaN where the kernel has not been yet."""
        out = np.full(SIDE * SIDE, np.nan)
        out[:self._done] = hand_convolve(self._image, self._kernel).ravel()[:self._done]
        return out.reshape(SIDE, SIDE)

    def current_sum(self) -> float | None:
        """The sum at the last position computed (None before the first)."""
        return None if self._done == 0 else float(self.output().ravel()[self._done - 1])

    # --- inside ------------------------------------------------------------------------------

    def _build_cells(self) -> None:
        while self._cells.count():
            item = self._cells.takeAt(0)
            if item.widget() is not None:
                item.widget().deleteLater()
        k = len(self._kernel)
        self._spins = []
        for r in range(k):
            row = []
            for c in range(k):
                spin = QDoubleSpinBox()
                spin.setRange(-9.99, 9.99)
                spin.setDecimals(2)
                spin.setSingleStep(0.1)
                spin.setValue(float(self._kernel[r, c]))
                spin.valueChanged.connect(lambda v, r=r, c=c: self._on_cell(r, c, v))
                self._cells.addWidget(spin, r, c)
                row.append(spin)
            self._spins.append(row)
        if hasattr(self, "sum_label"):
            self._tip_cells()

    def _on_cell(self, r: int, c: int, value: float) -> None:
        self._kernel[r, c] = value
        self._show()

    def _on_size(self, index: int) -> None:
        self.set_kernel(preset("vertical", KERNEL_SIZES[index]))

    def _on_slow(self, on: bool) -> None:
        if on and self._done >= SIDE * SIDE:
            self._done = 0
        self._timer.setInterval(SLOW_MS)
        self._timer.start() if on else self._timer.stop()

    def _on_tick(self) -> None:
        """One position; windows with nothing under them are passed in the same tick."""
        k = len(self._kernel)
        while self._done < SIDE * SIDE:
            self._done += 1
            y, x = divmod(self._done - 1, SIDE)
            if hand_window(self._image, k, y, x).any():
                break
        if self._done >= SIDE * SIDE:
            self.slow_button.setChecked(False)
        self._show()

    def _show(self) -> None:
        if not hasattr(self, "sum_label"):
            return
        k = len(self._kernel)
        out = self.output()
        self.input_picture.set_image(self._image)
        self.output_picture.set_image(out, signed=True)
        if self._done == 0:
            self.input_picture.set_box(None)
            self.products.set_values(np.full((k, k), np.nan), signed=True)
            self.sum_label.setText(self.tr("Press Step or ▶ Slow to slide the kernel."))
            return
        y, x = divmod(self._done - 1, SIDE)
        self.input_picture.set_box((y - k // 2, x - k // 2, y - k // 2 + k, x - k // 2 + k))
        products = self._kernel * hand_window(self._image, k, y, x)
        self.products.set_values(products, signed=True)
        self.sum_label.setText(self.tr("Position row {r}, column {c}:\nΣ weight × pixel = {s}").format(
            r=y + 1, c=x + 1, s=number(float(out[y, x]), 3)))
