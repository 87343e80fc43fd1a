"""Live training: a panel to build and train a network, a worker thread, curves that move.

``install(window, state)`` is how the app adds this area (see ``annviz.gui.app``): the panel and
the curves become docks of the explorer page, so the pad, the diagram and the weight pictures
change while the network learns; closing the window asks about an unsaved trained network and
stops the training thread. ``python -m annviz.gui.training`` opens the area on its own.
"""

from __future__ import annotations

from PySide6.QtCore import Qt

from annviz.gui.training.area import TrainingArea

__all__ = ["TrainingArea", "install"]


def install(window, state) -> TrainingArea:
    area = TrainingArea(state, window)
    window.explorer.add_dock(area.panel_dock, Qt.DockWidgetArea.LeftDockWidgetArea)
    window.explorer.add_dock(area.curves_dock, Qt.DockWidgetArea.BottomDockWidgetArea)
    window.explorer.tabifyDockWidget(window.explorer.inspector_dock, area.panel_dock)
    window.add_shutdown_hook(area.shutdown)
    window.installEventFilter(area)
    area.controller.give_priority_to(window.explorer.pad_panel.pad)
    window.training = area
    return area
