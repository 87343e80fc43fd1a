"""Slow motion: how many batches a second training may take, from one to full speed.

At the slow end every batch shows in the weight pictures and the prediction; the choice applies
at once, also while a run goes on. "Pause at the end of each epoch" lets a class look at the
network between two epochs.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import QCheckBox, QGridLayout, QLabel, QSlider, QWidget

from annviz.gui.common import zoom

#: Batches a second at each position of the slider; None is full speed.
SPEEDS: tuple[float | None, ...] = (1, 2, 5, 10, 20, 50, 100, 200, 500, None)


class SpeedControl(QWidget):
    speed_changed = Signal(object)          # batches a second, or None for full speed
    pause_at_epoch_end_changed = Signal(bool)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.slider = QSlider(Qt.Orientation.Horizontal)
        self.slider.setObjectName("training-speed")
        self.slider.setRange(0, len(SPEEDS) - 1)
        self.slider.setValue(len(SPEEDS) - 1)
        self.slider.setPageStep(1)
        self.slider.setTickPosition(QSlider.TickPosition.TicksBelow)
        self.title, self.value = QLabel(), QLabel()
        zoom.text_wide(self.value, "500 batches/s", 8)
        self.pause_at_epoch_end = QCheckBox()
        self.pause_at_epoch_end.setObjectName("training-pause-at-epoch-end")
        layout = QGridLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title, 0, 0)
        layout.addWidget(self.slider, 0, 1)
        layout.addWidget(self.value, 0, 2)
        layout.addWidget(self.pause_at_epoch_end, 1, 0, 1, 3)
        self.slider.valueChanged.connect(self._on_slider_changed)
        self.pause_at_epoch_end.toggled.connect(self.pause_at_epoch_end_changed)
        self.retranslate()

    @property
    def speed(self) -> float | None:
        return SPEEDS[self.slider.value()]

    def set_speed(self, batches_per_s: float | None) -> None:
        """Move to the nearest position (None: full speed)."""
        if batches_per_s is None:
            self.slider.setValue(len(SPEEDS) - 1)
        else:
            finite = [s for s in SPEEDS if s is not None]
            self.slider.setValue(min(range(len(finite)), key=lambda i: abs(finite[i] - batches_per_s)))

    def retranslate(self) -> None:
        self.title.setText(self.tr("Speed"))
        self.slider.setToolTip(self.tr("Slow motion: from one batch a second (every batch shows) "
                                       "to full speed; changes at once, also while it trains"))
        self.pause_at_epoch_end.setText(self.tr("Pause at the end of each epoch"))
        self.pause_at_epoch_end.setToolTip(self.tr("Stop after every pass over the training images, to look "
                                                   "before going on"))
        self._show_value()


    @Slot(int)
    def _on_slider_changed(self, _position: int) -> None:
        self._show_value()
        self.speed_changed.emit(self.speed)

    def _show_value(self) -> None:
        speed = self.speed
        if speed is None:
            self.value.setText(self.tr("full speed"))
        else:
            n = int(speed)
            self.value.setText(self.tr("1 batch/s") if n == 1 else self.tr("{n} batches/s").format(n=n))
