"""Screenshots of "My digits" for the README: ``python tests/benchmarks/shot_mydigits.py OUT_FOLDER``.

Builds the app's window off-screen with a temporary store holding the ``drawn`` writer
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

import pyqtgraph as pg  # noqa: E402
from PySide6.QtCore import QEventLoop, QSettings  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from annviz.gui.common.qtapp import start_qt  # noqa: E402
from annviz.gui.main_window import MainWindow  # noqa: E402
from annviz.gui.mydigits import install  # noqa: E402
from annviz.gui.state import AppState  # noqa: E402
from writers import write  # noqa: E402


def shoot(out: Path, lang: str, protect: bool, tmp: Path) -> None:
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
    window.close()


def main() -> None:
    out = Path(sys.argv[1] if len(sys.argv) > 1 else ".")
    app = start_qt([])  # as the app starts: its GUI-thread collector included
    app.setApplicationName("annviz")
    pg.setConfigOptions(imageAxisOrder="row-major")
    with tempfile.TemporaryDirectory() as tmp:
        shoot(out / "mydigits-teach.png", "en", True, Path(tmp))
        shoot(out / "mydigits-forgetting-ko.png", "ko", False, Path(tmp))


if __name__ == "__main__":
    main()
