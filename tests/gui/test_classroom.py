"""The classroom mode: zoom from 100 % to 200 %, contrast of titles and hints, presenter mode,
reset layout, and the welcome on the first start.

"Nothing is cut off" on every page and tab, on every school screen and zoom, is ``test_fit.py``. Contrast is
measured on screen: the window is grabbed, and for each panel title (dock, group box, tab) and
each label the text's colour is the one farthest from the box's background (the most common
colour) — WCAG's ratio of their luminances must reach 4.5:1.
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
import pytest
from PySide6.QtCore import QPoint, QRect, QSettings
from PySide6.QtGui import QImage, QKeySequence, Qt
from PySide6.QtWidgets import QApplication, QDockWidget, QGroupBox, QLabel, QStyle, QTabBar, QWidget

from annviz.gui.common import zoom
from annviz.gui.i18n import set_language
from annviz.gui.welcome import WelcomeDialog
from fit_check import behind, every_tab
from run_ends import open_window

FULL_HD = (1920, 1080)


@pytest.fixture
def window(qtbot, tmp_path):
    window = open_window(tmp_path / "annviz.ini")
    qtbot.addWidget(window)
    yield window
    window.set_zoom(1.0)
    window.close()
    set_language("en")


def settle(qtbot, ms: int = 150) -> None:
    """Layouts that follow a new font settle in the event loop."""
    qtbot.wait(ms)


# --- zoom ------------------------------------------------------------------------------------------

def test_zoom_makes_fonts_lines_and_handles_one_and_a_half_times_as_large(window, qtbot):
    base = QApplication.font().pointSizeF()
    title = window.explorer.inspector.title                      # a relative font: 1.25 × bold
    title_before = title.font().pointSizeF()
    curve = window.training.curves.items["smooth"]
    width_before = curve.opts["pen"].widthF()
    slider = QApplication.style().pixelMetric(QStyle.PixelMetric.PM_SliderLength)

    assert window.set_zoom(1.5) == 1.5
    assert QApplication.font().pointSizeF() == pytest.approx(1.5 * base)
    assert window.explorer.pad_dock.font().pointSizeF() == pytest.approx(1.5 * base)
    assert title.font().pointSizeF() == pytest.approx(1.5 * title_before) and title.font().bold()
    assert curve.opts["pen"].widthF() == pytest.approx(1.5 * width_before)
    assert QApplication.style().pixelMetric(QStyle.PixelMetric.PM_SliderLength) == round(1.5 * slider)
    axis = window.training.curves.loss_plot.getAxis("bottom")
    assert axis.label.font().pointSizeF() == pytest.approx(1.5 * base)

    window.set_zoom(1.0)                                           # and back, exactly
    assert QApplication.font().pointSizeF() == pytest.approx(base)
    assert title.font().pointSizeF() == pytest.approx(title_before)
    assert curve.opts["pen"].widthF() == pytest.approx(width_before)


def test_zoom_steps_by_keyboard_and_stays_between_100_and_200(window, qtbot):
    window.activateWindow()
    shortcuts = {a.text(): a for a in window.actions()}
    assert QKeySequence("Ctrl+=") in window.classroom.zoom_in.shortcuts()
    assert QKeySequence("Ctrl+0") in window.classroom.zoom_reset.shortcuts()
    assert shortcuts
    seen = []
    for _ in range(8):
        window.classroom.zoom_in.trigger()
        seen.append(zoom.factor())
    assert seen[:5] == [1.1, 1.25, 1.5, 1.75, 2.0] and seen[-1] == 2.0
    window.classroom.zoom_out.trigger()
    assert zoom.factor() == 1.75
    window.classroom.zoom_reset.trigger()
    assert zoom.factor() == 1.0
    window.classroom.zoom_out.trigger()
    assert zoom.factor() == 1.0
    assert window.set_zoom(7) == 2.0 and window.set_zoom(float("nan")) == 1.0


def test_the_zoom_is_remembered(qtbot, tmp_path):
    first = open_window(tmp_path / "annviz.ini")
    qtbot.addWidget(first)
    first.set_zoom(1.25)
    first.close()
    zoom.set_factor(1.0)
    second = open_window(tmp_path / "annviz.ini")
    qtbot.addWidget(second)
    try:
        second.restore_settings()
        assert zoom.factor() == 1.25 and second.classroom.zoom_steps[1.25].isChecked()
    finally:
        second.set_zoom(1.0)
    settings = QSettings(str(tmp_path / "annviz.ini"), QSettings.Format.IniFormat)
    settings.setValue("view/zoom", "huge")
    settings.sync()
    third = open_window(tmp_path / "annviz.ini")
    qtbot.addWidget(third)
    third.restore_settings()                                       # a value that is not a number: 100 %
    assert zoom.factor() == 1.0


# --- contrast --------------------------------------------------------------------------------------

def luminance(rgb: np.ndarray) -> np.ndarray:
    """WCAG 2 relative luminance of sRGB colours (..., 3) in 0–255."""
    c = rgb / 255.0
    c = np.where(c <= 0.03928, c / 12.92, ((c + 0.055) / 1.055) ** 2.4)
    return 0.2126 * c[..., 0] + 0.7152 * c[..., 1] + 0.0722 * c[..., 2]


def contrast(rgb_a, rgb_b) -> float:
    la, lb = luminance(np.asarray(rgb_a, float)), luminance(np.asarray(rgb_b, float))
    return float((max(la, lb) + 0.05) / (min(la, lb) + 0.05))


def test_the_contrast_formula_is_wcag_s():
    assert contrast((0, 0, 0), (255, 255, 255)) == pytest.approx(21.0)
    assert contrast((118, 118, 118), (255, 255, 255)) == pytest.approx(4.54, abs=0.01)   # WCAG's AA grey
    assert contrast((150, 150, 150), (239, 239, 239)) < 3                          # pyqtgraph's old grey


def screen_pixels(window) -> np.ndarray:
    image = window.grab().toImage().convertToFormat(QImage.Format.Format_RGB888)
    w, h = image.width(), image.height()
    data = np.frombuffer(image.constBits(), np.uint8, count=image.bytesPerLine() * h)
    return data.reshape(h, image.bytesPerLine())[:, :w * 3].reshape(h, w, 3).copy()   # image is freed on return


def text_contrast(pixels: np.ndarray, rect: QRect) -> float | None:
    """The contrast of the text drawn in ``rect``: the colour farthest from the background (the
    most common colour) against that background. None if nothing is drawn there."""
    r = rect.intersected(QRect(0, 0, pixels.shape[1], pixels.shape[0]))
    if r.width() < 2 or r.height() < 2:
        return None
    colours, counts = np.unique(pixels[r.top():r.bottom() + 1, r.left():r.right() + 1].reshape(-1, 3),
                                axis=0, return_counts=True)
    background = colours[np.argmax(counts)].astype(float)
    lum, lb = luminance(colours.astype(float)), luminance(background)
    best = float(((np.maximum(lum, lb) + 0.05) / (np.minimum(lum, lb) + 0.05)).max())
    return None if best < 1.2 else best                         # nothing but the background


def titles_and_texts(window):
    """(what, rectangle in the window) of every panel title, label and plot text on screen."""
    for w in window.findChildren(QWidget):
        if not w.isVisible() or not w.isEnabled() or behind(w):
            continue
        at = w.mapTo(window, QPoint(0, 0))
        if isinstance(w, QDockWidget) and w.widget() is not None:
            yield f"panel title {w.windowTitle()!r}", QRect(at.x(), at.y(), w.width(), w.widget().y())
        elif isinstance(w, QGroupBox) and w.title():
            yield f"group title {w.title()!r}", QRect(at.x(), at.y(), w.width(), w.fontMetrics().height())
        elif isinstance(w, QTabBar):
            for i in range(w.count()):
                yield f"tab {w.tabText(i)!r}", w.tabRect(i).translated(at)
        elif isinstance(w, QLabel) and w.text().strip():
            yield f"label {w.text()[:50]!r}", QRect(at, w.size())
        elif isinstance(w, pg.GraphicsView):
            for item in w.scene().items():
                if isinstance(item, (pg.AxisItem, pg.LabelItem, pg.LegendItem)) and item.isVisible():
                    box = item.mapRectToScene(item.boundingRect()) if not isinstance(item, pg.AxisItem) \
                        else item.mapRectToScene(pg.QtCore.QRectF(0, 0, item.width(), item.height()))
                    shown = w.visibleRegion().boundingRect().translated(at)   # not what a scroll area hides
                    rect = w.mapFromScene(box).boundingRect().translated(at).intersected(shown)
                    if rect.width() > 2 and rect.height() > 2:
                        yield f"plot text {type(item).__name__}", rect


@pytest.mark.parametrize("lang,factor", [("en", 1.0), ("ko", 1.0), ("en", 1.5)])
def test_panel_titles_hints_and_plot_texts_reach_4_5_to_1(window, qtbot, lang, factor):
    window.set_language(lang)
    window.set_zoom(factor)
    window.resize(*FULL_HD)
    settle(qtbot, 200)
    faint = set()
    for _where in every_tab(window, page_ms=80, tab_ms=60):
        pixels = screen_pixels(window)
        for what, rect in titles_and_texts(window):
            ratio = text_contrast(pixels, rect)
            if ratio is not None and ratio < 4.5:
                faint.add(f"{what}: {ratio:.2f}")
    assert not faint, "\n".join(sorted(faint))


def test_a_faint_hint_would_be_found(window, qtbot):
    """The measurement itself: grey text like the old hints fails, the new hint colour passes."""
    hint = window.explorer.pad_panel.hint
    window.resize(*FULL_HD)
    settle(qtbot)
    rect = QRect(hint.mapTo(window, QPoint(0, 0)), hint.size())
    assert text_contrast(screen_pixels(window), rect) >= 4.5
    hint.setStyleSheet("color: #b8b8b8;")
    settle(qtbot, 50)
    assert text_contrast(screen_pixels(window), rect) < 2


# --- presenter mode and reset layout ---------------------------------------------------------------

def test_presenter_mode_shows_only_the_page_and_puts_everything_back(window, qtbot):
    explorer = window.explorer
    explorer.weights_dock.hide()                            # the learner had closed this one
    window.set_presenter_mode(True)
    assert window.presenter_mode()
    assert window.menuBar().isHidden() and window.statusBar().isHidden()
    assert explorer.inspector_dock.isHidden() and explorer.weights_dock.isHidden()
    assert explorer.pad_dock.isVisible() and explorer.diagram_dock.isVisible()
    assert window.tabs.cornerWidget(Qt.Corner.TopRightCorner).isChecked()
    window.classroom.presenter.trigger()                    # F11 again, or the corner button
    assert not window.presenter_mode()
    assert window.menuBar().isVisible() and window.statusBar().isVisible()
    assert explorer.inspector_dock.isVisible() and explorer.weights_dock.isHidden()   # as it was
    assert QKeySequence("F11") in window.classroom.presenter.shortcuts()


def test_closing_in_presenter_mode_remembers_the_panels_shown(qtbot, tmp_path):
    first = open_window(tmp_path / "annviz.ini")
    qtbot.addWidget(first)
    first.set_presenter_mode(True)
    first.close()
    second = open_window(tmp_path / "annviz.ini")
    qtbot.addWidget(second)
    second.restore_settings()
    assert second.explorer.inspector_dock.isVisible() and second.menuBar().isVisible()


def _layout(explorer) -> dict:
    return {d.objectName(): (explorer.dockWidgetArea(d), d.isVisible(), d.isFloating())
            for d in explorer.docks()}


def test_reset_layout_puts_the_panels_and_splitters_back(window, qtbot):
    explorer = window.explorer
    fresh = _layout(explorer)
    explorer.weights_dock.hide()
    explorer.inspector_dock.setFloating(True)
    explorer.removeDockWidget(explorer.pad_dock)
    explorer.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, explorer.pad_dock)
    assert _layout(explorer) != fresh
    window.tabs.setCurrentWidget(window.training.page)
    settle(qtbot)
    splitter = next(iter(window.training.page._splitters))
    sizes = splitter.sizes()
    splitter.setSizes([10, sum(sizes) - 10])
    window.reset_layout()
    settle(qtbot)
    assert splitter.sizes() != [10, sum(sizes) - 10]
    window.tabs.setCurrentWidget(explorer)
    settle(qtbot)
    assert _layout(explorer) == fresh
    left = explorer.pad_dock.geometry()
    assert left.x() < explorer.diagram_dock.geometry().x()               # pad left, diagram right
    assert explorer.pad_dock.geometry().y() < explorer.inspector_dock.geometry().y()


# --- the welcome ---------------------------------------------------------------------------------

@pytest.mark.parametrize("lang,title", [("en", "Welcome to annviz"), ("ko", "annviz에 오신 것을 환영합니다")])
def test_the_welcome_shows_once_in_the_chosen_language_and_comes_back_from_help(window, qtbot, lang, title):
    window.set_language(lang)
    dialog = window.show_welcome_if_first_start()
    assert isinstance(dialog, WelcomeDialog) and dialog.isVisible()
    assert dialog.title.text() == title
    text = dialog.text.text()
    assert ("Help → Lessons" in text) if lang == "en" else ("도움말 → 수업" in text)
    dialog.reject()
    assert window.show_welcome_if_first_start() is None          # only the first start
    window.classroom.welcome_action.trigger()                    # Help → Welcome
    assert dialog.isVisible()
    window.tabs.setCurrentIndex(2)
    dialog.draw_button.click()                                   # "Start drawing"
    assert not dialog.isVisible() and window.tabs.currentWidget() is window.explorer
    assert QApplication.focusWidget() in (window.explorer.pad_panel.pad, None)
    window.show_welcome()
    assert not window.lessons.dock.isVisible()
    dialog.lessons_button.click()                                # "Open the lessons"
    assert not dialog.isVisible() and window.lessons.dock.isVisible()


def test_the_app_shows_the_welcome_on_its_first_start_only(qtbot, tmp_path, monkeypatch):
    from explorer_helpers import private_settings
    from test_startup import reopened, run_main

    settings = private_settings(tmp_path)
    settings.setValue("language", "en")
    seen = []

    def look(window):
        seen.append(any(isinstance(w, WelcomeDialog) and w.isVisible() for w in window.findChildren(QWidget)))

    assert run_main(monkeypatch, settings, look) == 0
    assert run_main(monkeypatch, reopened(settings), look) == 0
    assert seen == [True, False]
