"""Live training: a panel to build and train a network, a worker thread, curves that move.

``install(window, state)`` is how the app adds this area (see ``annviz.gui.app``): the training
page becomes a page of the window beside the explorer, lab and insight, showing the explorer's
pad, diagram and weight pictures while it is in front; closing the window asks about an unsaved
trained network and stops the training thread. ``python -m annviz.gui.training`` opens the area
on its own.

The whole area — controller, time machine, views, page — is built when its page is first shown or
the area is first asked for (``window.training``: a lesson, a setup, File → Open training
recording), not at the app's start (``common.lazy``); its modules are imported then too. Until
then the window holds the page's stand-in, ``TrainingPlace``.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from annviz.gui.common.lazy import Lazy

# The starts of the object names of the page's widgets (a lesson's names): the answer strips'
# pin and the timeline's "now" are named without "training-"
HOLDS = ("training-", "answers-", "timeline-")


class TrainingPlace(Lazy):
    """The training page's place in the window: builds the area when the page is first shown or
    the area asked for (``window.training``)."""

    def __init__(self, window, state):
        super().__init__(self._build_area, holds=HOLDS)
        self._window, self._state = window, state

    def _build_area(self) -> QWidget:
        from annviz.gui.training.area import TrainingArea

        window = self._window
        area = TrainingArea(self._state, window, explorer=window.explorer)
        window.add_shutdown_hook(area.shutdown)
        window.installEventFilter(area)               # closing asks about an unsaved trained network
        area.controller.give_priority_to(window.explorer.drawing_pad())
        window.set_training_area(area)
        return area.page

    def open_recording(self) -> bool:
        """File → Open training recording (the area built now)."""
        area = self._window.training
        return area is not None and area.open_recording()

    def save_recording(self) -> bool:
        """File → Save training recording (the area built now)."""
        area = self._window.training
        return area is not None and area.save_recording()


def install(window, state) -> TrainingPlace:
    """The page's stand-in in the window, its File actions; the area is built when first wanted."""
    place = TrainingPlace(window, state)
    window.add_page(place, lambda: QCoreApplication.translate("TrainingArea", "Training"))
    window.add_file_action(lambda: QCoreApplication.translate("TrainingArea", "Open training &recording…"),
                           place.open_recording)
    window.add_file_action(lambda: QCoreApplication.translate("TrainingArea", "Save training recor&ding…"),
                           place.save_recording)
    window.set_training_area(place)
    return place


def __getattr__(name: str):
    if name == "TrainingArea":            # imported when asked for, not with the package
        from annviz.gui.training.area import TrainingArea

        return TrainingArea
    raise AttributeError(name)


__all__ = ["TrainingArea", "TrainingPlace", "install"]
