"""The session's recorded runs: the time machine's film library, kept beside the training controller.

The worker of each run sends its empty ``Recording`` first, then each ``Moment`` (worker.py);
``Films`` collects them into ``recordings`` (nn/recording.py: the last runs, within a memory cap)
and says so: ``recording_changed(Recording)`` when a new run's film begins, ``moment_added(Moment)``
as it grows, ``runs_changed()`` when the list of runs changes (a run opened from a file, too).
"+1 epoch" after a run's end goes on with the same film; a run continued from a moment begins
its film with that moment. The doctor's diagnoses of a run join its film (``Recording.diagnoses``)
as they come: ``diagnosed(Recording, Diagnosis)``.
"""

from __future__ import annotations

import copy
import dataclasses

from PySide6.QtCore import QObject, Signal, Slot

from annviz.nn.history import History
from annviz.nn.recording import Moment, Recording, Recordings


class Films(QObject):
    recording_changed = Signal(object)  # Recording: the film of a new run
    runs_changed = Signal()             # the session's list of runs changed
    moment_added = Signal(object)       # Moment, added to the current film
    diagnosed = Signal(object, object)  # Recording, Diagnosis: the doctor named a fault of that run

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self.recordings = Recordings()
        self.current: Recording | None = None     # the film of the current (or last) run
        self._continued_from: Moment | None = None
        self._continuing = False

    def follow(self, worker, continued_from: Moment | None = None, continuing: bool = False) -> None:
        """Collect what ``worker`` records: a new run's film (starting at ``continued_from``, if
        given), or — ``continuing`` — more of the current one."""
        self._continued_from, self._continuing = continued_from, continuing
        worker.recording_started.connect(self._on_recording_started)
        worker.moment.connect(self._on_moment)
        worker.inexact.connect(self._on_inexact)
        worker.diagnosed.connect(self._on_diagnosed)

    def end(self, history: History) -> None:
        """The current run has ended: its film keeps the history (the curves of other runs)."""
        if self.current is not None:
            self.current.history = copy.deepcopy(history)

    def add(self, run: Recording) -> None:
        """A recording opened from a file joins the session's runs (not as the current one)."""
        self.recordings.add(run)
        if self.current is not None and self.current not in self.recordings.runs:
            self.current = None
        self.runs_changed.emit()

    @Slot(object)
    def _on_recording_started(self, run: Recording) -> None:
        if self.current is not None and self._continuing:
            return   # one more epoch of the same run: its film goes on
        if self._continued_from is not None:
            start = self._continued_from
            run.continued_from = start.epoch
            step = round(start.epoch * run.batches_per_epoch)   # another batch size counts otherwise
            run.add(start if step == start.step else dataclasses.replace(start, step=step))
        self.current = run
        self.recordings.add(run)
        self.runs_changed.emit()
        self.recording_changed.emit(run)

    @Slot(object)
    def _on_moment(self, moment: Moment) -> None:
        run = self.current
        if run is not None and run.moments and moment.step <= run.moments[-1].step:
            return   # continued from its own batch 0: that moment is the film's first already
        if run is not None:
            self.current.add(moment)
            self.recordings.runs_changed()
            self.moment_added.emit(moment)

    @Slot(object)
    def _on_diagnosed(self, diagnosis) -> None:
        run = self.current
        if run is not None and all(d.code != diagnosis.code for d in run.diagnoses):
            run.diagnoses.append(diagnosis)
            self.diagnosed.emit(run, diagnosis)

    @Slot()
    def _on_inexact(self) -> None:
        if self.current is not None and self.current.exact:
            self.current.exact = False
            self.runs_changed.emit()   # the timeline says so
