"""Screenshots of the two instruments the lessons use, at 1280×800 (issue 12).

    QT_QPA_PLATFORM=offscreen python resources/screenshots/make_tools_shots.py [en ko ...]

Builds the whole app window as ``annviz`` does. *Touch a neuron*: a test 7 on the pad, hidden
neuron 5 of layer 1 selected in the inspector and switched off, the test accuracy of the edited
network measured in the background beside the original's. *Look at the data*: the insight page's
data tab, summarised in the background (average image and examples per class, the class counts,
the brightness histogram). Needs a Korean font (fonts-nanum) for the Korean shots.
"""

from __future__ import annotations

import os
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtWidgets import QApplication  # noqa: E402

from annviz.data.datasets import load_named_dataset, to_inputs  # noqa: E402
from annviz.gui.setup import pages  # noqa: E402
from captions import each_language  # noqa: E402  (this folder)
from make_truth_shots import HERE, make_window, settle  # noqa: E402


def wait_for(app: QApplication, done, seconds: float = 60.0) -> None:
    end = time.monotonic() + seconds
    while not done():
        if time.monotonic() > end:
            raise TimeoutError("the background work did not finish in time")
        settle(app, 0.1)


def shots(app: QApplication, lang: str, folder: str) -> None:
    window = make_window(app, lang, folder)
    mnist = load_named_dataset("mnist")
    window.state.show_example(to_inputs(mnist.test_images[:1]).reshape(28, 28), int(mnist.test_labels[0]))
    window.state.select_neuron(1, 4)
    touch = window.explorer.inspector.touch
    touch.off.setChecked(True)
    wait_for(app, lambda: touch.edited_accuracy is not None)
    settle(app, 0.5)
    window.explorer.inspector_dock.widget().ensureWidgetVisible(touch)    # the inspector scrolls
    settle(app, 0.2)
    window.grab().save(str(HERE / f"touch-neuron-{lang}.png"))
    touch.restore_original()

    insight = pages(window)["insight"]
    window.tabs.setCurrentWidget(insight)
    insight.tabs.setCurrentWidget(insight.data)
    wait_for(app, lambda: insight.data.summary is not None)
    settle(app, 0.5)
    window.grab().save(str(HERE / f"insight-data-{lang}.png"))
    window.run_shutdown_hooks()
    window.close()
    settle(app)


def main() -> None:
    each_language(shots)


if __name__ == "__main__":
    main()
