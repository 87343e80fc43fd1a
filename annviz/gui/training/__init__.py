"""Live training: a panel to build and train a network, a worker thread, curves that move.

``install(window, state)`` is how the app adds this area (see ``annviz.gui.app``): the training
page becomes a page of the window beside the explorer, lab and insight, showing the explorer's
pad, diagram and weight pictures while it is in front; closing the window asks about an unsaved
trained network and stops the training thread. ``python -m annviz.gui.training`` opens the area
on its own.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from annviz.gui.training.area import TrainingArea

__all__ = ["TrainingArea", "install"]


def install(window, state) -> TrainingArea:
    area = TrainingArea(state, window, explorer=window.explorer)
    window.add_page(area.page, lambda: QCoreApplication.translate("TrainingArea", "Training"))
    window.add_shutdown_hook(area.shutdown)
    window.add_file_action(lambda: QCoreApplication.translate("TrainingArea", "Open training &recording…"),
                           area.open_recording)
    window.add_file_action(lambda: QCoreApplication.translate("TrainingArea", "Save training recor&ding…"),
                           area.save_recording)
    window.installEventFilter(area)
    area.controller.give_priority_to(window.explorer.drawing_pad())
    window.set_training_area(area)
    return area
