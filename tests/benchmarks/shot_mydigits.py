"""Screenshots of "My digits" for the README: ``python tests/benchmarks/shot_mydigits.py OUT_FOLDER``.

With ``resources/screenshots`` as the folder, the two README pictures' captions are recorded in
captions.json (then ``python resources/screenshots/captions.py``). Builds the app's window off-screen with a temporary store holding the ``drawn`` writer
(tests/writers.py): 10 of each digit, every fifth held out. Teaches mnist-classic protected
(English) and without protection (Korean), picks one of the writer's 1s, and saves each window as a PNG.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))
SHOTS = ROOT / "resources" / "screenshots"
sys.path.insert(0, str(SHOTS))

import pyqtgraph as pg  # noqa: E402
from PySide6.QtCore import QEventLoop, QSettings  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from annviz.gui.common.qtapp import start_qt  # noqa: E402
from annviz.gui.main_window import MainWindow  # noqa: E402
from annviz.gui.mydigits import install  # noqa: E402
from annviz.gui.state import AppState  # noqa: E402
from writers import write  # noqa: E402


def shoot(out: Path, lang: str, protect: bool, tmp: Path) -> tuple[tuple, tuple]:
    """Teach and save the window as ``out``; returns (before, now) of the held-out digits and of
    MNIST, as the gauges show them."""
    window = MainWindow(AppState(), QSettings(str(tmp / f"{lang}.ini"), QSettings.Format.IniFormat))
    window.set_language(lang)
    window.load_initial_model()
    install(window, window.state, tmp / f"digits-{lang}")
    page = window.mydigits                     # built when asked for
    for canvas, label in zip(*write("drawn", 10, seed=7)):
        page.add(canvas, label)
    window.resize(1400, 900)
    window.show()
    window.tabs.setCurrentWidget(page)
    page.panel.without_protection.setChecked(not protect)
    loop = QEventLoop()
    page.teacher.phase_changed.connect(lambda phase: phase != "teaching" and loop.quit())
    page.panel.teach_button.click()
    loop.exec()
    one = next(d for d in page.store.digits if d.label == 1 and d.held_out)
    page.view.item_for(one).setSelected(True)
    QApplication.processEvents()
    window.grab().save(str(out))
    print(out, page.panel.held_gauge.text(), page.panel.mnist_gauge.text())
    held, mnist = page.panel.held_gauge, page.panel.mnist_gauge
    window.close()
    return (held.before, held.now), (mnist.before, mnist.now)


def main() -> None:
    out = Path(sys.argv[1] if len(sys.argv) > 1 else ".")
    app = start_qt([])  # as the app starts: its GUI-thread collector included
    app.setApplicationName("annviz")
    pg.setConfigOptions(imageAxisOrder="row-major")
    with tempfile.TemporaryDirectory() as tmp:
        held, mnist = shoot(out / "mydigits-teach.png", "en", True, Path(tmp))
        _, forgot = shoot(out / "mydigits-forgetting-ko.png", "ko", False, Path(tmp))
    if out.resolve() == SHOTS:                       # the README's pictures: their captions too
        from captions import percent, record

        record("mydigits-teach.png", "Teaching mnist-classic a writer's digits: held-out "
               f"{percent(held[0])} → {percent(held[1])}, MNIST {one_place(mnist[0])} → {one_place(mnist[1])}")
        record("mydigits-forgetting-ko.png", f"The same without replay, in Korean: MNIST falls to {percent(forgot[1])}")


def one_place(p: float) -> str:
    """A share as the README writes MNIST's accuracy: "95.8 %"."""
    return f"{p:.1%}".replace("%", " %")


if __name__ == "__main__":
    main()
