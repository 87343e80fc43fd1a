"""The training doctor on the training page, as a learner meets it (issue 27): a fault named while
the run goes on — in the panel, on the timeline, on the curves, in the learner's language —,
Replay with the fix beside the run it fixes, Dismiss; and nothing at all on a healthy preset."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtCore import QCoreApplication, QEvent
from PySide6.QtTest import QTest

from annviz.gui.training.presets import PRESETS, preset_named
from annviz.lessons.model import Check, Condition
from annviz.nn.config import TrainConfig
from annviz.nn.doctor.texts import KOREAN, TEXTS, describe_fix
from annviz.nn.runwriter import save_recording
from run_ends import open_window
from test_time_machine import train, window  # noqa: F401 — the fixture


@pytest.fixture(scope="module")
def shared(qapp, tmp_path_factory):
    """One window for the tests that only train and look (each run is a new run of its own)."""
    window = open_window(tmp_path_factory.mktemp("doctor") / "settings.ini")
    window.tabs.setCurrentWidget(window.training.page)
    yield window
    window.training.controller.shutdown()
    window.close()
    window.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete.value)
    QTest.qWait(1)

# Small fast networks on the first 1,000 digits: 100 batches an epoch
SMALL = TrainConfig(hidden=(16, 16), activation="sigmoid", optimizer="sgd", lr=0.5, batch_size=10,
                    epochs=1, n_train=1000)
TOO_HIGH = SMALL.replace(activation="relu", lr=5.0)        # SGD at 50× a good η: overshoots, diverges

# code → a run that must show it (and which other codes it may show beside it)
SHOWN = {
    "lr_too_high": (TOO_HIGH, {"diverged"}),
    "diverged": (SMALL.replace(hidden=(64, 64, 64), activation="relu", lr=1000.0, batch_size=1), {"lr_too_high"}),
    "lr_too_low": (SMALL.replace(optimizer="adam", lr=1e-6, epochs=2), {"stuck"}),
    "vanishing_gradients": (SMALL.replace(hidden=(32,) * 6, epochs=2), {"stuck"}),
    "saturated": (SMALL.replace(optimizer="adam", lr=0.1), set()),
    "dead_relu": (SMALL.replace(activation="relu", optimizer="adam", lr=0.1), set()),
    "stuck": (SMALL.replace(lr=1e-4, epochs=2), {"lr_too_low"}),
    "overfitting": (SMALL.replace(hidden=(128, 64), activation="relu", optimizer="adam", lr=1e-3,
                                  batch_size=32, epochs=12, validation_share=0.2), set()),
}


def shown(area) -> list[str]:
    """The diagnoses the page shows: its doctor tab, in front when one was named."""
    return area.doctor.codes() if area.page.has_doctor() else []


@pytest.mark.parametrize("code", SHOWN)
def test_each_fault_is_shown_where_it_began_on_the_panel_the_timeline_and_the_curves(shared, qtbot, code):
    config, also = SHOWN[code]
    area = shared.training
    run = train(shared, qtbot, config)
    codes = shown(area)
    assert area.page.doctor_in_front()                              # brought to the front
    assert code in codes and set(codes) <= {code} | also, codes
    area.doctor.choose(code)
    d = area.doctor.diagnosis
    assert d.code == code and d in run.diagnoses
    assert area.doctor.title.text().endswith(f"from batch {d.batch:,}")
    assert TEXTS[code][0] in area.doctor.title.text() and "{" not in area.doctor.explanation.text()
    assert len(area.doctor.explanation.text()) > 150
    # the marks are where each began: the timeline's moment at or just before that batch, the
    # curves' star at that batch (in epochs)
    moments = [run.moments.index(run.nearest(x.batch)) for x in run.diagnoses]
    assert sorted(area.timeline.marked_moments()) == sorted(moments)
    assert sorted(x for x, _ in area.curves.diagnosis_marks()) == pytest.approx(
        sorted(x.batch / run.batches_per_epoch for x in run.diagnoses))
    xs, ys = area.doctor.evidence_points()
    assert len(xs) >= 2 and xs == sorted(xs)
    buttons = [b for b in area.doctor.fix_buttons if b.isVisible()]
    assert len(buttons) == len(d.fixes) >= 1 and buttons[0].text() == "Replay with the fix"
    assert area.doctor.fix_labels[0].text() == describe_fix(d.fixes[0])
    area.doctor.show_button.click()                           # "Show batch n": the timeline goes there
    assert area.timeline.slider.value() == run.moments.index(run.nearest(d.batch))


def test_the_doctor_never_stops_a_run_and_speaks_korean(window, qtbot):
    area = window.training
    config = SHOWN["dead_relu"][0]
    run = train(window, qtbot, config)
    assert shown(area) == ["dead_relu"]
    assert run.history.status == "finished" and run.history.batches == 100   # trained to its end
    window.set_language("ko")
    try:
        d = area.doctor.diagnosis
        assert KOREAN[TEXTS["dead_relu"][0]] in area.doctor.title.text()
        assert area.doctor.title.text().endswith(f"{d.batch:,}번째 배치부터")
        text = area.doctor.explanation.text()
        assert "렐루" in text and f"{d.batch}번째 배치부터" in text and "Dead" not in text
        assert "다시" in area.doctor.fix_buttons[0].text() and area.doctor.fix_labels[0].text() == "학습률 η = 0.005"
    finally:
        window.set_language("en")
    assert area.doctor.title.text().startswith("⚠ Dead ReLU neurons")


def test_replay_with_the_fix_trains_the_fixed_run_beside_the_broken_one(window, qtbot):
    area = window.training
    bad = train(window, qtbot, TOO_HIGH)
    assert bad.history.status == "diverged" and "lr_too_high" in shown(area)
    area.doctor.choose("lr_too_high")
    fix = area.doctor.diagnosis.fixes[0]
    assert fix.settings == {"lr": 0.1}
    area.doctor.fix_buttons[0].click()
    qtbot.waitUntil(lambda: area.controller.films.current is not bad and area.controller.phase == "done",
                    timeout=20_000)
    fixed = area.controller.films.current
    runs = area.controller.films.recordings.runs
    assert bad in runs and fixed.config == TOO_HIGH.replace(lr=0.1)      # the same run, η fixed
    assert area.panel.settings.config().lr == 0.1                         # the panel says so too
    assert fixed.history.status == "finished" and fixed.history.epochs[-1].train_accuracy > 0.3
    assert fixed.diagnoses == [] and not area.page.has_doctor()           # the fix is healthy
    # side by side: Compare runs in front, the broken run against its replay
    assert area.page.tabs.currentWidget() is area.compare
    assert [s.choice.currentIndex() for s in area.compare.sides] == [runs.index(bad), runs.index(fixed)]
    area.timeline.show_run(bad)                                           # the broken run still says why
    assert "lr_too_high" in shown(area)
    # what the replay replays (lesson 8 reads it): the broken run, its diagnosis, the fix
    assert area.replay_of() == (bad, area.doctor.diagnosis, fix) and area.replay_of(fixed) == area.replay_of()
    assert area.replay_of(bad) is None


def test_a_saved_recording_shows_its_diagnoses_again_in_a_fresh_window(window, qtbot, tmp_path):
    area = window.training
    run = train(window, qtbot, TOO_HIGH)
    codes = shown(area)
    assert "lr_too_high" in codes
    path = save_recording(tmp_path / "broken.annviz-run", area.timeline.run)
    fresh = open_window(tmp_path / "settings.ini")
    try:
        other = fresh.training
        fresh.tabs.setCurrentWidget(other.page)
        assert not other.page.has_doctor()
        assert other.open_recording(str(path))
        assert shown(other) == codes and other.page.doctor_in_front()
        other.doctor.choose("lr_too_high")
        d, original = other.doctor.diagnosis, next(x for x in run.diagnoses if x.code == "lr_too_high")
        assert (d.batch, d.fixes) == (original.batch, original.fixes)
        area.doctor.choose("lr_too_high")
        assert other.doctor.explanation.text() == area.doctor.explanation.text()   # word for word
        opened = other.timeline.run
        assert sorted(other.timeline.marked_moments()) == sorted(
            opened.moments.index(opened.nearest(x.batch)) for x in opened.diagnoses)
        other.doctor.replay(0)                                 # the fix replays from the file too
        qtbot.waitUntil(lambda: other.controller.phase == "done", timeout=20_000)
        assert other.replay_of()[0] is opened and other.controller.films.current.config.lr == d.fixes[0].settings["lr"]
    finally:
        fresh.training.controller.shutdown()
        fresh.close()
        fresh.deleteLater()
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete.value)


def doctor_probe(window) -> dict:
    return window.lessons.player.driver.measure(Check("doctor", (Condition("shown", "eq", True),)))


def test_the_lessons_doctor_probe_reads_the_tab_and_whether_the_run_replays_a_fix(window, qtbot):
    area = window.training
    train(window, qtbot, TOO_HIGH)
    area.doctor.choose("lr_too_high")
    assert doctor_probe(window) == {"shown": True, "count": len(shown(area)), "diagnosis": "lr_too_high",
                                    "replayed": False}
    area.doctor.fix_buttons[0].click()                                    # lesson 8's answer
    qtbot.waitUntil(lambda: area.controller.phase == "done", timeout=20_000)
    assert doctor_probe(window) == {"shown": False, "count": 0, "replayed": True}   # the replay is healthy
    # wrong answers: the same η set by hand and started; a replay stopped at once
    train(window, qtbot, TOO_HIGH.replace(lr=0.1))
    assert doctor_probe(window)["replayed"] is False
    train(window, qtbot, TOO_HIGH)
    area.doctor.fix_buttons[0].click()
    area.controller.stop()
    qtbot.waitUntil(lambda: area.controller.phase == "done", timeout=20_000)
    assert doctor_probe(window)["replayed"] is True and area.controller.trainer.history.status != "finished"


def test_a_fix_of_the_network_starts_again_from_batch_0_with_the_same_seed(window, qtbot):
    area = window.training
    bad = train(window, qtbot, SHOWN["vanishing_gradients"][0].replace(lr=0.1))   # (at η 0.5 ReLU overshoots)
    area.doctor.choose("vanishing_gradients")
    d = area.doctor.diagnosis
    assert d.fixes[0].settings["activation"] == "relu" and d.fixes[0].restart
    area.doctor.replay(0)
    qtbot.waitUntil(lambda: area.controller.films.current is not bad and area.controller.phase == "done",
                    timeout=20_000)
    fixed = area.controller.films.current
    assert fixed.config.activation == "relu" and fixed.config.init == "he" and fixed.config.seed == bad.config.seed
    assert fixed.moments[0].step == 0 and fixed.continued_from is None
    assert fixed.history.epochs[-1].train_accuracy > bad.history.epochs[-1].train_accuracy + 0.3


def test_a_fix_of_the_epochs_continues_from_the_last_state_before_the_fault(window, qtbot):
    area = window.training
    config = SHOWN["overfitting"][0]
    bad = train(window, qtbot, config)
    area.doctor.choose("overfitting")
    d = area.doctor.diagnosis
    fix = next(f for f in d.fixes if not f.restart)
    assert set(fix.settings) == {"epochs"}
    area.doctor.replay(d.fixes.index(fix))
    qtbot.waitUntil(lambda: area.controller.films.current is not bad and area.controller.phase == "done",
                    timeout=20_000)
    fixed = area.controller.films.current
    start = max(m.step for m in bad.moments if m.state is not None and m.step < d.batch)
    assert fixed.moments[0].step == start > 0 and fixed.continued_from == start / bad.batches_per_epoch
    assert fixed.config == config.replace(epochs=fix.settings["epochs"])
    assert fixed.history.batches == fix.settings["epochs"] * bad.batches_per_epoch
    # continued bit for bit up to where the fault began: the same weights at that epoch's end
    end = next(m for m in bad.moments if m.step == d.batch)
    np.testing.assert_array_equal(fixed.moments[-1].state.weights[0], end.state.weights[0])


def test_dismiss_hides_the_diagnosis_and_its_marks_for_that_run(window, qtbot):
    area = window.training
    run = train(window, qtbot, SHOWN["saturated"][0])
    assert shown(area) == ["saturated"] and area.timeline.marked_moments()
    area.doctor.dismiss_button.click()
    assert not area.page.has_doctor() and area.timeline.marked_moments() == []
    assert area.curves.diagnosis_marks() == []
    assert run.diagnoses                                  # only hidden: the run still has it
    second = train(window, qtbot, SMALL.replace(activation="relu", optimizer="adam", lr=1e-3))
    assert shown(area) == [] and second.diagnoses == []
    area.timeline.show_run(run)
    assert shown(area) == []                              # still dismissed for that run


@pytest.mark.parametrize("preset", [p.key for p in PRESETS])
def test_no_diagnosis_on_a_healthy_preset_in_its_first_batches(shared, qtbot, preset):
    """Each preset as the learner starts it, its first 256 batches (the doctor's busiest: every
    batch watched, eight probes): nothing shown — but on "too high a learning rate"."""
    area = shared.training
    area.panel.settings.set_config(preset_named(preset).config)
    assert area.panel.start()
    too_high = preset == "too-high"
    qtbot.waitUntil(lambda: area.controller.phase == "done" or (
        area.panel.controls.progress is not None and area.panel.controls.progress.step >= 256), timeout=60_000)
    if too_high:
        qtbot.waitUntil(lambda: "lr_too_high" in shown(area), timeout=10_000)
    area.controller.stop()
    qtbot.waitUntil(lambda: area.controller.phase == "done", timeout=20_000)
    run = area.controller.films.current
    if too_high:
        assert shown(area) == ["lr_too_high"]
    else:
        assert run.diagnoses == [] and shown(area) == [] and area.timeline.marked_moments() == []


# The tightest two here (the widest page in English at 1280, the tallest texts in Korean at 768);
# tests/benchmarks/bench_fit.py --doctor tries every screen and language
FIT = [("ko", "1366x768@100%"), ("en", "1280x800@100%")]


def test_the_training_page_fits_with_the_doctors_panel_and_the_lesson_drawer(window, qtbot):
    """The panel at its fullest — two diagnoses (its chooser shows), the longest fixes — on the
    school screens, the lesson drawer open, both languages (fit_check's rules)."""
    from fit_check import SCREENS, combination_problems, open_drawer

    area = window.training
    show_the_fullest_diagnosis(window, qtbot.waitUntil)
    screens = {s.name: s for s in SCREENS}
    problems = []
    try:
        for lang, screen in FIT:
            problems += combination_problems(window, lang, screens[screen], True, only=area.page)
            assert area.page.has_doctor()
    finally:
        open_drawer(window, False)
        window.set_zoom(1.0)
        window.set_language("en")
    assert not problems, "\n".join(problems)


def show_the_fullest_diagnosis(window, wait_until) -> None:
    """Train a run the doctor finds two faults in, the one with the longest fixes in front (the
    fit test's and its benchmark's scene)."""
    area = window.training
    window.tabs.setCurrentWidget(area.page)
    area.panel.settings.set_config(SHOWN["vanishing_gradients"][0])
    assert area.panel.start()
    wait_until(lambda: area.controller.phase == "done", timeout=30_000)
    assert shown(area) == ["vanishing_gradients", "stuck"] and area.doctor.choice.isVisibleTo(area.doctor)
    area.doctor.choose("vanishing_gradients")


def test_continue_from_a_runs_very_first_moment_goes_on_from_batch_0(shared, qtbot):
    """The first moment keeps the whole state too: continuing from it is a run of its own that
    starts there (its batch 0 once, not twice)."""
    area = shared.training
    first = train(shared, qtbot, SMALL.replace(activation="relu", optimizer="adam", lr=1e-3))
    area.timeline.go_to(0)
    assert area.timeline.continue_button.isEnabled()
    area.timeline.continue_button.click()
    qtbot.waitUntil(lambda: area.controller.films.current is not first and area.controller.phase == "done",
                    timeout=20_000)
    again = area.controller.films.current
    steps = again.steps().tolist()
    assert steps[0] == 0 and steps == sorted(set(steps)) and steps[-1] == 100
    np.testing.assert_array_equal(again.moments[-1].state.weights[0], first.moments[-1].state.weights[0])


def test_a_fault_judged_only_at_the_runs_end_is_shown_too(shared, qtbot):
    """Overfitting first seen in the last epoch: the doctor judges that epoch when the run ends
    (``Doctor.finish``), after the last batch."""
    config = SHOWN["overfitting"][0].replace(epochs=4)        # named after epoch 4 in the 12-epoch run
    run = train(shared, qtbot, config)
    assert "overfitting" in shown(shared.training)
    assert run.diagnoses[-1].named_at == run.history.batches
