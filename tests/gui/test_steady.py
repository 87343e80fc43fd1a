"""common/steady.py: a readout's new text re-lays out the window only when it needs other room."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QLabel, QSizePolicy, QVBoxLayout, QWidget

from annviz.gui.common.steady import Steady


class LayoutRequests(QObject):
    """Counts the layout requests ``window`` gets (each is a layout of the whole window)."""

    def __init__(self, window: QWidget):
        super().__init__()
        self.count = 0
        window.installEventFilter(self)

    def eventFilter(self, watched, event) -> bool:             # noqa: N802
        if event.type() == QEvent.Type.LayoutRequest:
            self.count += 1
        return False


def window_with(qtbot, label: QLabel, steady: bool) -> tuple[QWidget, LayoutRequests]:
    window = QWidget()
    layout = QVBoxLayout(window)
    layout.addWidget(Steady(label) if steady else label)
    layout.addWidget(QLabel("below"), 1)
    qtbot.addWidget(window)
    window.resize(300, 200)
    window.show()
    qtbot.waitExposed(window)
    qtbot.wait(20)
    return window, LayoutRequests(window)


def readout() -> QLabel:
    label = QLabel("Prediction: 7 (93%)")
    label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
    return label


@pytest.mark.parametrize("steady, relayouts", [(True, False), (False, True)])
def test_new_numbers_of_the_same_size_do_not_lay_out_the_window(qtbot, steady, relayouts):
    label = readout()
    window, requests = window_with(qtbot, label, steady)
    for share in range(40, 100, 3):
        label.setText(f"Prediction: 7 ({share}%)")
        qtbot.wait(1)
    qtbot.wait(20)
    assert label.text() == "Prediction: 7 (97%)" and label.isVisible()
    assert (requests.count > 0) is relayouts      # without Steady: the measured cost it removes


def test_a_text_that_needs_more_room_gets_it_and_gives_it_back(qtbot):
    label = QLabel("one line")
    label.setWordWrap(True)
    label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Minimum)
    window, _ = window_with(qtbot, label, True)
    steady, below = label.parentWidget(), window.layout().itemAt(1).widget()
    before = label.height()
    label.setMinimumHeight(before + 60)                      # as WholeText does for more lines
    qtbot.waitUntil(lambda: below.y() > steady.geometry().bottom() >= steady.y() + before + 59, timeout=2000)
    assert label.height() == steady.height()
    label.setMinimumHeight(before + 30)
    qtbot.waitUntil(lambda: steady.height() == label.height() == before + 30, timeout=2000)
    assert below.y() < steady.y() + before + 60                # the room below it came back


def test_a_readout_that_grew_and_shrank_between_two_layouts_is_its_room_again(qtbot):
    label = QLabel("one line")
    label.setWordWrap(True)
    label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Minimum)
    window, _ = window_with(qtbot, label, True)
    before = label.height()
    label.setMinimumHeight(before + 60)                      # Qt resizes the label at once…
    label.setMinimumHeight(0)                                # …and nothing gives it back
    qtbot.waitUntil(lambda: label.height() == label.parentWidget().height() == before, timeout=2000)


def test_a_wider_text_widens_a_readout_that_asks_for_its_width(qtbot):
    label = QLabel("7")
    label.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
    window, _ = window_with(qtbot, label, True)
    narrow = label.width()
    label.setText("not sure — 33 % seven, 32 % eight")
    qtbot.waitUntil(lambda: label.width() > narrow + 50, timeout=2000)


def test_a_hidden_readout_stays_hidden_and_shows_when_asked(qtbot):
    label = readout()
    label.hide()
    window = QWidget()
    QVBoxLayout(window).addWidget(Steady(label))
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    assert not label.isVisible()
    label.show()
    assert label.isVisible()
