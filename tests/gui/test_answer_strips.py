""""When did it learn my 3?": the answer strips on the training page, as a learner uses them —
the colours on screen against each moment's own network, computed here independently, and a
click on a change of answer taking the time machine there."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtCore import Qt

from annviz.data.datasets import load_dataset
from annviz.gui.training.answer_strips import answer_colour
from annviz.nn.network import Network
from run_ends import open_window
from test_training_recording import TINY


@pytest.fixture
def window(qtbot, tmp_path):
    window = open_window(tmp_path / "settings.ini")
    qtbot.addWidget(window)
    assert window.mydigits.set_folder(tmp_path / "my-digits")   # none of another test's digits
    qtbot.waitUntil(window.mydigits.inputs_read, timeout=5_000)
    window.tabs.setCurrentWidget(window.training.page)
    yield window
    window.training.controller.shutdown()
    assert window.training.answers.shutdown()


@pytest.fixture(scope="module")
def test_digits():
    ds = load_dataset("mnist")
    return ds.test_images[:3].astype(np.float32) / 255.0, ds.test_labels[:3]


def trained_with_strips(window, qtbot, test_digits):
    area = window.training
    area.panel.settings.set_config(TINY)
    assert area.panel.start()
    qtbot.waitUntil(lambda: area.controller.phase == "done", timeout=20_000)
    images, labels = test_digits
    for image, label in zip(images[:2], labels[:2]):        # two pinned test digits …
        window.state.show_example(image, int(label))
        assert area.answers.pin_pad()
    window.state.show_example(images[2], int(labels[2]))    # … and the pad's
    area.page.show_answers()
    run = area.controller.films.current
    qtbot.waitUntil(lambda: area.answers.answers() is not None and not area.answers.is_computing()
                    and area.answers.moment_count() == len(run.moments), timeout=10_000)
    return run, np.stack([images[2], images[0], images[1]]).reshape(3, -1)


def independent(run, x, moments=None):
    """(predicted, confidence of the predicted class) of each moment's own network."""
    ks, confs = [], []
    for m in moments or run.moments:
        out = Network(run.sizes, run.activations, *m.parameters()).predict_proba(x)
        ks.append(out.argmax(axis=1))
        confs.append(out.max(axis=1))
    return np.array(ks), np.array(confs)


def screen_colours(strips, n_moments, n_examples):
    canvas = strips.canvas
    image = canvas.grab().toImage()
    ratio = image.width() / canvas.width()
    colours = np.zeros((n_moments, n_examples, 3), int)
    for i in range(n_moments):
        for j in range(n_examples):
            r = canvas.cell_rect(j, i)            # below the digit written at a change
            c = image.pixelColor(round(r.center().x() * ratio), round((r.bottom() - 1) * ratio))
            colours[i, j] = c.red(), c.green(), c.blue()
    return colours


def expected_colours(ks, confs):
    return np.array([[answer_colour(int(k), float(c), 10).getRgb()[:3] for k, c in zip(kr, cr)]
                     for kr, cr in zip(ks, confs)])


def test_each_cell_is_coloured_by_what_that_moments_network_answers(window, qtbot, test_digits):
    run, x = trained_with_strips(window, qtbot, test_digits)
    strips = window.training.answers
    assert [label for _, label in strips.examples()] == [int(test_digits[1][2]), *map(int, test_digits[1][:2])]
    ks, confs = independent(run, x)
    assert any(len(set(ks[:, j])) > 1 for j in range(3)), "no answer changed: the test could not tell moments apart"
    shown = screen_colours(strips, len(run.moments), 3)
    assert np.abs(shown - expected_colours(ks, confs)).max() <= 2
    # plausible wrong strips, each of which this screen must not match
    final = independent(run, x, [run.moments[-1]] * len(run.moments))            # the final weights everywhere
    shifted = (np.roll(ks, 1, axis=0), np.roll(confs, 1, axis=0))               # one moment late
    outs = [Network(run.sizes, run.activations, *m.parameters()).predict_proba(x) for m in run.moments]
    second = np.array([np.sort(o, axis=1)[:, -2] for o in outs])                # another class's confidence
    for wrong in (final, shifted, (ks, second)):
        assert np.abs(shown - expected_colours(*wrong)).max() > 10


def test_clicking_a_change_of_answer_shows_that_moment_everywhere(window, qtbot, test_digits):
    run, x = trained_with_strips(window, qtbot, test_digits)
    strips, area = window.training.answers, window.training
    answers = strips.answers()
    j = next(j for j in range(3) if answers.changes(j))
    change = answers.changes(j)[-1]
    r = strips.canvas.cell_rect(j, change)
    qtbot.mouseClick(strips.canvas, Qt.MouseButton.LeftButton,
                     pos=r.center())
    moment = area.time_machine.moment
    assert moment is run.moments[change] and area.time_machine.index == change
    assert strips.position() == change
    # the network on screen is that moment's: it answers what the strip says there, not before
    assert window.state.network.predict(x[j:j + 1])[0] == answers.predicted[change, j]
    assert answers.predicted[change - 1, j] != answers.predicted[change, j]
    assert all(np.array_equal(a, b) for a, b in zip(window.state.network.weights, moment.parameters()[0]))
    # a click far from any change goes to the moment under it
    i = len(run.moments) // 2
    far = [c for c in answers.changes(j) if abs(strips.canvas.cell_rect(j, c).left() - strips.canvas.cell_rect(j, i).left()) < 8]
    if not far:
        qtbot.mouseClick(strips.canvas, Qt.MouseButton.LeftButton,
                         pos=strips.canvas.cell_rect(j, i).center())
        assert area.time_machine.index == i
    area.timeline.go_to_now()
    assert strips.position() is None


def test_nothing_to_show_before_a_run_and_pins_are_bounded(window, qtbot, test_digits):
    strips = window.training.answers
    window.training.page.show_answers()
    images, labels = test_digits
    window.state.show_example(images[0], int(labels[0]))
    qtbot.waitUntil(lambda: not strips.is_computing(), timeout=5_000)
    assert strips.answers() is None            # no run recorded yet: nothing, and no error
    assert all(strips.pin_pad() for _ in range(6)) and not strips.pin_pad()
    strips.set_my_digits(np.repeat(images[:2], 4, axis=0), [1, 1, 1, 1, 2, 2, 2, 2])
    assert len(strips.examples()) == 1 + 6 + 6
    assert strips.examples()[0][1] == int(labels[0])
    window.state.set_canvas(np.pad(np.ones((40, 8)), 40))     # a drawing has no true class
    assert strips.examples()[0][1] is None
    assert [label for _, label in strips.examples()[7:9]] == [1, 2]      # one of each class first
    strips.unpin_all()
    assert len(strips.examples()) == 1 + 6
    # a diverging run's NaN output is drawn as "not sure at all", never an error
    assert answer_colour(3, float("nan"), 10) == answer_colour(3, 0.0, 10) != answer_colour(3, 1.0, 10)


def test_the_learners_own_digits_get_strips_of_their_own(window, qtbot, tmp_path):
    strips, mine = window.training.answers, window.mydigits
    before = len(strips.examples())
    canvas = np.zeros((200, 200), np.uint8)
    canvas[40:160, 90:110] = 255                               # a 1, drawn
    assert mine.add(canvas, 1) is not None
    qtbot.waitUntil(lambda: len(strips.examples()) == before + 1, timeout=5_000)
    image, label = strips.examples()[-1]
    x, y = mine.own_digits()
    assert label == 1 and list(y) == [1] and np.allclose(image.reshape(-1), x[0])
