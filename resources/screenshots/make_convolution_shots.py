"""Screenshots of the Convolution page at 1366×768 (a school laptop, less its taskbar), issue 26.

    QT_QPA_PLATFORM=offscreen python resources/screenshots/make_convolution_shots.py [en ko ...]

Builds the whole app window as ``annviz`` does and shows the Convolution page with the bundled
reference CNN and the 7 the page draws on its pad: *inside the network* — every feature map, the
pointer on a pixel of the second convolution with its receptive field and its sum; *a filter
opened large* — the same, with the dialog of one second-layer filter over it; *a filter by hand* —
the vertical-edge kernel slid 300 positions; *CNN or MLP* — both measured on shifted test digits.
Each caption is written from what the page shows (its probabilities, its sum, its accuracies). Needs a Korean font (fonts-nanum) for the Korean shots.
"""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QPoint  # noqa: E402
from PySide6.QtGui import QPainter  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from annviz.gui.convolution import ConvolutionPage  # noqa: E402
from captions import each_language, percent, record, shot  # noqa: E402
from make_truth_shots import HERE, make_window, settle  # noqa: E402

SIZE = (1366, 720)
POINTED = (2, 4, 5, 5)        # second convolution, filter 5, pixel (5, 5) of its 14×14 map
FILTER = (1, 4)
STEPS = 300


def shots(app: QApplication, lang: str, folder: str) -> None:
    window = make_window(app, lang, folder)
    window.resize(*SIZE)
    page = next(window.tabs.widget(i) for i in range(window.tabs.count())
                if isinstance(window.tabs.widget(i), ConvolutionPage))
    window.tabs.setCurrentWidget(page)
    page.show_tab("network")
    page.point_at(*POINTED)
    settle(app, 0.8)
    p = page.probabilities()
    answer = int(p.argmax())
    top, left, bottom, right = page.receptive_field()
    sum_line = page.sum_text().splitlines()[0]
    where = "" if lang == "en" else ", in Korean"
    shot(window, f"convolution-network-{lang}.png",
         f"The Convolution page at 1366×768{where}: a drawn {answer} ({percent(p[answer])} for the bundled "
         f"reference CNN), every filter's feature map after ReLU and after pooling, and one pixel of the "
         f"second convolution: its {bottom - top}×{right - left} receptive field and {sum_line}")

    dialog = page.open_filter(*FILTER)
    settle(app, 0.5)
    picture = window.grab()
    painter = QPainter(picture)
    corner = dialog.mapToGlobal(QPoint(0, 0)) - window.mapToGlobal(QPoint(0, 0))
    painter.drawPixmap(corner, dialog.grab())
    painter.end()
    name = f"convolution-filter-{lang}.png"
    picture.save(str(HERE / name))
    weights, gradient = dialog.weights(), dialog.gradient()
    record(name, f"Filter {FILTER[1] + 1} of the second convolution opened large{where}: "
                 f"{len(weights)} kernels of {weights.shape[-1]}×{weights.shape[-1]} weights, one per map "
                 f"of the first layer, and its gradient for the drawing as a {gradient.label}: dL/db by "
                 f"backpropagation {gradient.bias:.3g}, the numeric slope {gradient.numeric_bias:.3g}")
    dialog.close()

    page.show_tab("compare")
    page.measure_comparison()
    while page.is_measuring():
        settle(app, 0.2)
    settle(app, 0.5)
    c = page.comparison()
    shot(window, f"convolution-compare-{lang}.png",
         f"The CNN beside the MLP of the notes (784-16-16-10){where}: on {c.n} test digits "
         f"{c.cnn[0]:.1%} against {c.mlp[0]:.1%}; shifted by 4 pixels, {c.cnn[4]:.1%} against "
         f"{c.mlp[4]:.1%}; below, digits the MLP gets wrong and the CNN right".replace("%", " %"))

    page.show_tab("hand")
    page.set_hand_preset("vertical")
    page.hand_step(STEPS)
    settle(app, 0.5)
    row, column = divmod(STEPS - 1, 28)
    total = f"{page.hand_sum():.3f}".replace("-", "−")
    shot(window, f"convolution-hand-{lang}.png",
         f"A filter by hand{where}: the vertical-edge kernel slid over the drawing, {STEPS} positions of "
         f"784, the sum at row {row + 1}, column {column + 1}: {total}")
    window.run_shutdown_hooks()
    window.close()
    settle(app)


def main() -> None:
    each_language(shots)


if __name__ == "__main__":
    main()
