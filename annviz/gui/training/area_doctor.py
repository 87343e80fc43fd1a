"""The training area's side of the training doctor: what it found in the run shown, Dismiss, and
"Replay with the fix" with the two runs side by side.

``DoctorSide`` is a part of ``TrainingArea`` (``area.py``), kept apart for its length: it uses the
area's timeline, doctor panel, controller, panel, page, comparison and curves, and the area's
``_dismissed`` (run → codes the learner dismissed), ``_replays`` (replay → what it fixes) and
``_replay_of`` (the replay whose film has not begun yet). Its texts are the area's (context
TrainingArea). Lessons read it through ``shown_diagnoses``, ``diagnosis_in_front`` and
``replay_of``.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Slot

from annviz.data.datasets import DatasetError
from annviz.nn.doctor import Diagnosis, Fix
from annviz.nn.doctor.replay import replay_plan
from annviz.nn.recording import Recording


class DoctorSide:
    def diagnoses_of(self, run: Recording | None) -> list[Diagnosis]:
        """The doctor's diagnoses of ``run`` that the learner has not dismissed."""
        if run is None:
            return []
        dismissed = self._dismissed.get(run, set())
        return [d for d in run.diagnoses if d.code not in dismissed]

    def shown_diagnoses(self) -> list[Diagnosis]:
        """What the doctor's tab lists: the diagnoses of the run the timeline shows, less the
        dismissed ones (none: the tab is not there)."""
        return self.diagnoses_of(self.timeline.run)

    def diagnosis_in_front(self) -> Diagnosis | None:
        """The diagnosis the doctor's tab shows (None when there is none to show)."""
        return self.doctor.diagnosis if self.shown_diagnoses() else None

    def replay_of(self, run: Recording | None = None) -> tuple[Recording, Diagnosis, Fix] | None:
        """What ``run`` replays — (the run it fixes, the diagnosis, the fix) — if "Replay with the
        fix" started it, else None. ``run`` None: the run training now, or the last one."""
        run = self.controller.films.current if run is None else run
        return None if run is None else self._replays.get(run)

    def dismiss(self, diagnosis: Diagnosis) -> None:
        """Hide ``diagnosis`` of the run the timeline shows (its marks too)."""
        run = self.timeline.run
        if run is not None:
            self._dismissed.setdefault(run, set()).add(diagnosis.code)
            self._show_diagnoses()

    def replay(self, run: Recording, diagnosis: Diagnosis, fix: Fix) -> bool:
        """Train ``run`` again with ``fix``: from its last full state before the fault began (η,
        μ, λ, epochs) or from batch 0 with the same seed (anything else); the panel shows the
        settings of the replay. False when the learner cancelled or it cannot start (said why)."""
        try:
            plan = replay_plan(run, diagnosis, fix)
        except ValueError as error:
            self._warn(QCoreApplication.translate("TrainingArea", "Cannot replay with this fix"), str(error))
            return False
        if not plan.restart:
            caveats = self.controller.continue_caveats(run)
            if caveats and not self._ask_inexact(caveats):
                return False
        if not self.panel.confirm_discard():
            return False
        self.controller.shutdown()           # nothing the panel shows now reaches the run going on
        self.panel.keep_shown_settings()
        self.panel.settings.set_config(plan.config)
        self._replay_of = (run, diagnosis, fix)
        try:
            if plan.restart:
                self.controller.start(plan.config)
            else:
                self.controller.continue_from(run, plan.start_from, plan.config)
        except (ValueError, DatasetError) as error:
            self._replay_of = None
            self._warn(QCoreApplication.translate("TrainingArea", "Cannot replay with this fix"), str(error))
            return False
        return True

    @Slot(object, object)
    def _on_replay_requested(self, diagnosis: Diagnosis, fix: Fix) -> None:
        run = self.timeline.run
        if run is not None:
            self.replay(run, diagnosis, fix)

    @Slot(object)
    def _on_show_diagnosis(self, diagnosis: Diagnosis) -> None:
        self.timeline.go_to_step(diagnosis.batch)

    @Slot(object)
    def _on_recording_changed(self, run: Recording) -> None:
        """A replay's film began: it and the run it fixes, side by side."""
        replayed, self._replay_of = self._replay_of, None
        if replayed is None:
            return
        self._replays[run] = replayed
        before = replayed[0]
        runs = self.controller.films.recordings.runs
        if before in runs and run in runs:
            self.compare.choose(runs.index(before), runs.index(run))
            self.page.show_compare()

    @Slot()
    def _show_diagnoses(self, *_args) -> None:
        shown = self.diagnoses_of(self.timeline.run)
        added = self.doctor.set_diagnoses(shown)
        if shown:
            self.page.show_doctor(front=added)
        else:
            self.page.hide_doctor()
        self.timeline.set_marks([d.batch for d in shown])
        current = self.controller.films.current
        self.curves.show_diagnoses([d.batch / current.batches_per_epoch
                                    for d in self.diagnoses_of(current)] if current is not None else [])
