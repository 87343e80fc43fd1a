"""Every page fits the screens schools have, with the lesson drawer open or closed (issue 20).

A combination is a language, a screen with its View → Zoom, and the drawer (``fit_check``): the
window gets the screen's area less a 48-pixel taskbar, and on every page and tab no text may be
cut, no control cut off, the page must fit without scrolling (at 200 %: it may scroll), no plot's
axis title cut nor a plot larger than its view (up to 150 %) and the drawer's Next must be wholly
on screen. The default run tries a sample that covers each screen,
each language with the drawer open (the tighter case); ``tests/benchmarks/bench_fit.py`` tries all
32 combinations (~100 s).
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, QRect
from PySide6.QtTest import QTest

from annviz.gui.common import room
from fit_check import SCREENS, combination_problems, every_tab, open_drawer, prediction_panel_problems, settle
from run_ends import open_window

SCREEN = {s.name: s for s in SCREENS}
SAMPLE = [("ko", "1366x768@100%", True), ("en", "1280x800@100%", True), ("en", "1920x1080@150%", True),
          ("ko", "1920x1080@200%", True)]


@pytest.fixture(scope="module")
def window(qapp, tmp_path_factory):
    window = open_window(tmp_path_factory.mktemp("fit") / "settings.ini")
    yield window
    window.set_zoom(1.0)
    window.set_language("en")
    window.training.controller.shutdown()
    window.close()
    window.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete.value)
    QTest.qWait(1)


@pytest.mark.parametrize("lang,screen,drawer", SAMPLE,
                         ids=[f"{lang}-{screen}-{'drawer' if d else 'closed'}" for lang, screen, d in SAMPLE])
def test_every_page_and_tab_fits(window, lang, screen, drawer):
    problems = combination_problems(window, lang, SCREEN[screen], drawer)
    assert not problems, "\n".join(problems)


#: Each screen once, both languages in all (bench_fit.py: every screen and zoom in both languages).
PANEL_SAMPLE = [("ko", "1366x768@100%"), ("en", "1280x800@100%"), ("ko", "1920x1080@150%")]


@pytest.mark.parametrize("lang,screen", PANEL_SAMPLE, ids=[f"{lang}-{screen}" for lang, screen in PANEL_SAMPLE])
def test_the_panel_fits_a_prediction_and_the_teacher_bar(window, lang, screen):
    """Issue 24: the prediction's question, choices and button, and teacher mode's bar, in the drawer."""
    problems = prediction_panel_problems(window, lang, SCREEN[screen])
    assert not problems, "\n".join(problems)


def test_the_drawer_takes_its_room_from_the_page_not_the_screen(window):
    """Opening the lessons on the widest page leaves the window as large as it was."""
    window.set_zoom(1.0)
    open_drawer(window, False)
    window.resize(1280, 752)
    window.tabs.setCurrentWidget(window.training.page)
    settle(200)
    before = window.tabs.currentWidget().width()
    open_drawer(window, True)
    settle(300)
    assert (window.width(), window.height()) == (1280, 752)
    assert window.lessons.dock.width() >= room.drawer_width() - 2
    assert window.tabs.currentWidget().width() <= before - room.drawer_width() + 10
    assert window.tabs.frame(window.training.page).fits()
    open_drawer(window, False)


def test_a_window_larger_than_its_screen_is_brought_inside_it(window):
    """A 1366×768 screen with a taskbar: the window opens no larger than the rest of it."""
    window.resize(1280, 800)
    window.move(300, 200)
    room.fit_to_screen(window, area=QRect(0, 0, 1366, 720))
    frame = window.frameGeometry()
    assert QRect(0, 0, 1366, 720).contains(frame), frame
    assert window.width() == 1280 - 0 and window.height() <= 720
    window.resize(1280, 752)


def test_no_plot_offers_pyqtgraph_s_own_menu(window):
    """pyqtgraph's right-click menus ("View All", "Plot Options", "Export…") are in English only
    and were built for every plot at start-up; no plot of the app has one. Every page and tab is
    shown first: pages are built when first shown, and this test may run first on its process."""
    import pyqtgraph as pg
    from PySide6.QtWidgets import QWidget

    for _ in every_tab(window, page_ms=20, tab_ms=10):
        pass

    views = [w for w in window.findChildren(QWidget) if isinstance(w, pg.GraphicsView)]
    boxes = [item for view in views for item in view.scene().items() if isinstance(item, pg.ViewBox)]
    plots = [item for view in views for item in view.scene().items() if isinstance(item, pg.PlotItem)]
    assert len(boxes) >= 20 and len(plots) >= 15          # every page's plots were found
    assert [box for box in boxes if box.menu is not None or box.menuEnabled()] == []
    assert [plot for plot in plots if plot.menuEnabled()] == []
