"""The loss landscape tab on the training page: built in the background for the run the timeline
shows, with its path, and a dot that follows the timeline."""

from __future__ import annotations

import numpy as np
import pytest

from run_ends import open_window
from test_training_recording import TINY


@pytest.fixture
def window(qtbot, tmp_path):
    window = open_window(tmp_path / "settings.ini")
    qtbot.addWidget(window)
    window.tabs.setCurrentWidget(window.training.page)
    yield window
    window.training.controller.shutdown()
    assert window.training.landscape.shutdown()


def test_the_landscape_draws_the_runs_path_and_its_dot_follows_the_timeline(window, qtbot):
    area = window.training
    view = area.landscape
    area.page.show_landscape()
    area.panel.settings.set_config(TINY)
    assert area.panel.start()
    qtbot.waitUntil(lambda: area.controller.phase == "done", timeout=20_000)
    run = area.controller.films.current
    view.build()                      # the moments recorded up to the end
    qtbot.waitUntil(lambda: not view.is_building() and view.landscape() is not None
                    and len(view.landscape().plane.coords) == len(run.moments), timeout=15_000)
    result = view.landscape()
    assert np.array_equal(result.plane.steps, run.steps())
    x, y = view.path.getData()
    assert np.allclose(x, result.plane.coords[:, 0]) and np.allclose(y, result.plane.coords[:, 1])
    assert view.progress_bar.value() == view.progress_bar.maximum() > 0
    assert view.dot_position() == pytest.approx(tuple(result.plane.coords[-1]))      # now: the last
    for i in (0, 1, len(run.moments) // 2):
        area.timeline.go_to(i)
        assert view.dot_position() == pytest.approx(tuple(result.plane.coords[i]))
    assert view.dot_position() != pytest.approx(tuple(result.plane.coords[len(run.moments) // 2 + 1]))
    area.timeline.go_to_now()
    assert view.dot_position() == pytest.approx(tuple(result.plane.coords[-1]))
    # the picture: the grid's values, the path inside its extent
    assert result.alphas[0] < x.min() and x.max() < result.alphas[-1]
    assert view.image.image.shape == (len(result.betas), len(result.alphas))
    # each grid node's shade is drawn where the node is (not transposed): the picture Qt paints,
    # pixel (column i, row j), is lighter where the loss at (alphas[i], betas[j]) is higher
    view.image.render()
    picture = view.image.qimage
    assert (picture.width(), picture.height()) == (len(result.alphas), len(result.betas))
    nodes = [(i, j) for i in range(0, 21, 4) for j in range(0, 21, 4)]
    shade = [picture.pixelColor(i, j).lightness() for i, j in nodes]
    loss = [result.grid[j, i] for i, j in nodes]
    assert np.corrcoef(shade, np.log(loss))[0, 1] > 0.95
