"""The mouse wheel changes a control only when it has the focus (annviz.gui.common.wheel_guard)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QApplication, QScrollArea

from annviz.gui.common.wheel_guard import install_wheel_guard
from annviz.gui.training.settings import TrainingSettings


def wheel(widget, steps: int = -3) -> None:
    """Turn the wheel over the middle of ``widget`` (negative: towards the user)."""
    centre = QPointF(widget.rect().center())
    event = QWheelEvent(centre, QPointF(widget.mapToGlobal(centre.toPoint())), QPoint(0, 0),
                        QPoint(0, 120 * steps), Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier,
                        Qt.ScrollPhase.NoScrollPhase, False)
    QApplication.sendEvent(widget, event)


@pytest.fixture
def settings(qtbot):
    install_wheel_guard(QApplication.instance())
    panel = TrainingSettings()
    scroll = QScrollArea()
    scroll.setWidget(panel)
    scroll.setWidgetResizable(True)
    qtbot.addWidget(scroll)
    scroll.resize(400, 300)
    scroll.show()
    qtbot.waitExposed(scroll)
    yield panel
    scroll.close()


def test_the_wheel_over_an_unfocused_control_changes_nothing(settings, qtbot):
    before = (settings.init.currentIndex(), settings.n_train.value(), settings.epochs.value(),
              settings.batch_size.currentIndex())
    for widget in (settings.init, settings.n_train, settings.epochs, settings.batch_size):
        assert widget.focusPolicy() != Qt.FocusPolicy.WheelFocus        # the wheel cannot focus it
        wheel(widget, -3)
        wheel(widget, +3)
        assert not widget.hasFocus()
    assert (settings.init.currentIndex(), settings.n_train.value(), settings.epochs.value(),
            settings.batch_size.currentIndex()) == before
    assert settings.config() == settings.config()


def test_a_focused_control_takes_the_wheel(settings, qtbot):
    box = settings.n_train
    box.setFocus()
    qtbot.waitUntil(box.hasFocus)
    before = box.value()
    wheel(box, -1)
    after = box.value()
    box.setValue(before)
    box.stepBy(-1)                  # one step down, as the box steps (adaptive: 1,000s near 60,000)
    assert after == box.value() < before
