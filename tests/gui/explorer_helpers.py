"""Shared pieces of the explorer tests: a model to look at, a window with private settings,
drawing on the pad and clicking pictures with qtbot's mouse events, the menus by their texts."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QPoint, QSettings, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QGraphicsView

from annviz.nn import ModelInfo, Network, TrainConfig, Trainer, load_model, save_model
from annviz.paths import bundled_model

pg.setConfigOptions(imageAxisOrder="row-major")


def classic_model_path(tmp_dir: Path) -> Path:
    """The bundled mnist-classic, or (before it exists) a quickly trained 784-16-16-10."""
    path = bundled_model("mnist-classic")
    if path.is_file():
        return path
    from annviz.data import load_dataset
    from annviz.data.datasets import to_inputs

    ds = load_dataset("mnist")
    net = Network.build([784, 16, 16, 10], hidden="sigmoid", output="softmax")
    cfg = TrainConfig(hidden=(16, 16), epochs=2, lr=3e-3, batch_size=64)
    Trainer(net, cfg, (to_inputs(ds.train_images[:30000]), ds.train_labels[:30000])).run()
    path = tmp_dir / "mnist-classic.safetensors"
    save_model(path, net, ModelInfo())
    return path


def make_state(model_path: Path):
    from annviz.gui.state import AppState

    state = AppState()
    network, info = load_model(model_path)
    state.set_model(network, info, model_path)
    return state


def private_settings(tmp_dir: Path) -> QSettings:
    return QSettings(str(tmp_dir / "annviz-test.ini"), QSettings.Format.IniFormat)


def pad_point(pad, fx: float, fy: float) -> QPoint:
    """A point on the pad's canvas, as fractions (0..1) of its width and height."""
    t = pad.canvas_rect()
    return QPoint(int(t.x() + fx * t.width()), int(t.y() + fy * t.height()))


def draw_stroke(qtbot, pad, points, button=Qt.MouseButton.LeftButton) -> None:
    """Press at the first point, move through the others, release at the last."""
    qpoints = [pad_point(pad, x, y) for x, y in points]
    qtbot.mousePress(pad, button, pos=qpoints[0])
    for p in qpoints[1:]:
        qtbot.mouseMove(pad, p)
    qtbot.mouseRelease(pad, button, pos=qpoints[-1])


def line(x0, y0, x1, y1, n=12):
    return [(x0 + (x1 - x0) * t, y0 + (y1 - y0) * t) for t in np.linspace(0, 1, n)]


def graphics_view(widget) -> QGraphicsView:
    """The graphics view a picture is shown in: ``widget`` itself, or the only one inside it."""
    if isinstance(widget, QGraphicsView):
        return widget
    views = widget.findChildren(QGraphicsView)
    assert len(views) == 1, f"{type(widget).__name__} holds {len(views)} graphics views"
    return views[0]


def click_scene(qtbot, widget, scene_point) -> None:
    """Click the picture in ``widget`` where scene coordinates ``scene_point`` are shown."""
    view = graphics_view(widget)
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=view.mapFromScene(scene_point))


def menu_action(window, *texts: str) -> QAction:
    """The action the user reaches through the menu bar by these texts (without the "&")."""
    actions = window.menuBar().actions()
    for depth, text in enumerate(texts):
        action = next((a for a in actions if a.text().replace("&", "") == text), None)
        assert action is not None, f"no {text!r} among {[a.text() for a in actions]}"
        if depth < len(texts) - 1:
            actions = action.menu().actions()
    return action
