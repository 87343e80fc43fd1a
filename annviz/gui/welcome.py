"""The welcome: a short note on the first start, in the chosen language; Help → Welcome reopens it.

It points to the two ways in: the lessons (Help → Lessons), and drawing a digit on the explorer's
pad. It never blocks: it is modeless (``show()`` returns at once, the window stays usable behind
it), and "Start drawing" shows the explorer with the pad ready for the mouse.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QPushButton, QVBoxLayout, QWidget

from annviz.gui.common import zoom


class WelcomeDialog(QDialog):
    draw_requested = Signal()     # "Start drawing": the window shows the explorer's pad
    lessons_requested = Signal()  # "Open the lessons": the window shows the lesson panel

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("welcome-dialog")
        self.setModal(False)
        self.title = QLabel()
        zoom.relative_font(self.title, 1.6, bold=True)
        self.text = QLabel()
        self.text.setWordWrap(True)
        self.text.setTextFormat(Qt.TextFormat.RichText)
        self.text.setMinimumWidth(zoom.px(460))
        self.draw_button = QPushButton()
        self.draw_button.setDefault(True)
        self.lessons_button = QPushButton()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.buttons.addButton(self.lessons_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.addButton(self.draw_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.lessons_button.clicked.connect(self._on_lessons_clicked)
        self.buttons.rejected.connect(self.reject)
        self.draw_button.clicked.connect(self._on_draw_clicked)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.text)
        layout.addWidget(self.buttons)
        self.retranslate()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Welcome"))
        self.title.setText(self.tr("Welcome to annviz"))
        self.text.setText(self.tr(
            "<p>Look inside a neural network while it reads your handwriting and while it learns.</p>"
            "<p><b>Follow the lessons</b>: <i>Help → Lessons</i> leads you step by step, from one "
            "neuron to a network that learns by itself.</p>"
            "<p><b>Or draw a digit</b> on the black pad of the <i>Explorer</i> page and watch every "
            "layer of the network light up as it reads it.</p>"
            "<p>In a classroom: <i>View → Zoom</i> (Ctrl+= and Ctrl+−) makes everything larger, and "
            "F11 shows only what the lesson needs.</p>"
            "<p>This note comes back with <i>Help → Welcome</i>.</p>"))
        self.draw_button.setText(self.tr("Start drawing"))
        self.lessons_button.setText(self.tr("Open the lessons"))

    def _on_lessons_clicked(self) -> None:
        self.accept()
        self.lessons_requested.emit()

    def _on_draw_clicked(self) -> None:
        self.accept()
        self.draw_requested.emit()
