"""A scrollable gallery of test images, each captioned "true → predicted, confidence".

Clicking an image emits ``example_chosen(index)`` with the test-set index it shows.
"""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QCoreApplication, QSize, Qt, Signal
from PySide6.QtGui import QIcon, QImage, QPixmap
from PySide6.QtWidgets import QListView, QListWidget, QListWidgetItem

THUMBNAIL = 84  # pixels: each of the 28×28 pixels drawn 3×3


def thumbnail(image: np.ndarray, side: int = THUMBNAIL) -> QPixmap:
    """A uint8 (28, 28) image as a pixmap with square, unsmoothed pixels."""
    data = np.ascontiguousarray(image, dtype=np.uint8)
    qimage = QImage(data.data, data.shape[1], data.shape[0], data.strides[0], QImage.Format.Format_Grayscale8)
    return QPixmap.fromImage(qimage.copy()).scaled(side, side, Qt.AspectRatioMode.KeepAspectRatio,
                                                   Qt.TransformationMode.FastTransformation)


class Gallery(QListWidget):
    """Test images with captions; one public method, ``show_examples``."""

    example_chosen = Signal(int)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setViewMode(QListView.ViewMode.IconMode)
        self.setIconSize(QSize(THUMBNAIL, THUMBNAIL))
        self.setGridSize(QSize(THUMBNAIL + 34, THUMBNAIL + 44))
        self.setResizeMode(QListView.ResizeMode.Adjust)
        self.setMovement(QListView.Movement.Static)
        self.setUniformItemSizes(True)
        self.setWordWrap(True)
        self.itemClicked.connect(self._on_item_clicked)

    def show_examples(self, indices: np.ndarray, images: np.ndarray, captions: list[str]) -> None:
        """Show ``images[indices]`` in this order, captioned."""
        self.clear()
        for index, caption in zip(indices, captions):
            item = QListWidgetItem(QIcon(thumbnail(images[index])), caption)
            item.setData(Qt.ItemDataRole.UserRole, int(index))
            item.setTextAlignment(Qt.AlignmentFlag.AlignHCenter)
            self.addItem(item)

    def shown_indices(self) -> list[int]:
        return [self.item(i).data(Qt.ItemDataRole.UserRole) for i in range(self.count())]

    def _on_item_clicked(self, item: QListWidgetItem) -> None:
        self.example_chosen.emit(item.data(Qt.ItemDataRole.UserRole))


def example_caption(true: str, predicted: str, confidence: float) -> str:
    """"7 → 1 · 98.2%": the true label, the prediction and its confidence."""
    return QCoreApplication.translate("Gallery", "{true} → {predicted}\n{confidence:.1f}%").format(
        true=true, predicted=predicted, confidence=100 * confidence)
