"""The room rules on their own (annviz/gui/common/room.py, shelf.py, wholetext.py): a shelf folds its
views by priority and brings them back, a page frame scrolls only below the page's minimum and
still speaks of pages, wrapped text keeps the height it needs, a window comes inside its screen."""

from __future__ import annotations

from PySide6.QtCore import QRect
from PySide6.QtWidgets import QLabel, QTabWidget, QWidget

from annviz.gui.common import room


def _view(width: int, height: int = 50) -> QWidget:
    view = QWidget()
    view.setMinimumSize(width, height)
    return view


def test_a_shelf_folds_its_views_lowest_priority_first_and_brings_them_back(qtbot):
    fold = QTabWidget()
    fold.addTab(_view(200), "charts")
    shelf = room.Shelf(fold)
    qtbot.addWidget(shelf)
    pad, diagram, weights = _view(300), _view(250), _view(150)
    shelf.add(pad, lambda: "pad")                      # always stands
    shelf.add(diagram, lambda: "diagram", priority=2)
    shelf.add(weights, lambda: "weights", priority=1)
    shelf.show()
    gap = room.zoom.px(6)
    assert shelf.minimumSizeHint().width() == 300 + gap + fold.minimumSizeHint().width()

    shelf.resize(1200, 300)
    qtbot.wait(10)
    assert shelf.folded() == [] and fold.count() == 1
    assert weights.isVisible() and weights.parentWidget() is shelf

    shelf.resize(300 + 250 + 220 + 3 * gap, 300)       # room for the diagram, not the weights
    qtbot.wait(10)
    assert shelf.folded() == [weights]
    assert fold.indexOf(weights) == 1 and fold.tabText(1) == "weights"

    shelf.resize(600, 300)                              # only the pad and the fold
    qtbot.wait(10)
    assert shelf.folded() == [diagram, weights]
    assert [fold.tabText(i) for i in range(fold.count())] == ["charts", "diagram", "weights"]
    assert pad.geometry().right() < fold.geometry().left()

    shelf.resize(1200, 300)                             # room again: both stand, in their order
    qtbot.wait(10)
    assert shelf.folded() == [] and fold.count() == 1
    assert pad.geometry().right() < diagram.geometry().left() < weights.geometry().left() < fold.geometry().left()



def test_a_view_higher_than_its_shelf_folds_rather_than_be_cut(qtbot):
    """Wide enough but not high enough (its texts wrapped onto many lines in a narrow column, as
    the training page's weight pictures at 150 % in Korean): the view folds into a tab, whole;
    a higher row brings it back."""
    fold = QTabWidget()
    fold.addTab(_view(200), "charts")
    shelf = room.Shelf(fold)
    qtbot.addWidget(shelf)
    weights = _view(150, height=320)
    shelf.add(_view(300), lambda: "pad")
    shelf.add(weights, lambda: "weights", priority=1)
    shelf.show()
    shelf.resize(1200, 300)
    qtbot.wait(10)
    assert shelf.folded() == [weights]
    shelf.resize(1200, 340)
    qtbot.wait(10)
    assert shelf.folded() == [] and weights.height() == 340

def test_a_page_frame_scrolls_only_below_the_page_minimum_and_the_tabs_name_pages(qtbot):
    tabs = room.PageTabs()
    qtbot.addWidget(tabs)
    small, large = _view(100, 100), _view(900, 700)
    small.setObjectName("small")
    tabs.addTab(small, "small")
    tabs.addTab(large, "large")
    assert tabs.widget(1) is large and tabs.indexOf(large) == 1
    tabs.setCurrentWidget(large)
    assert tabs.currentWidget() is large and tabs.currentIndex() == 1
    assert tabs.frame(large).page is large and tabs.frame(small).objectName() == "small-frame"
    tabs.resize(1000, 800)
    tabs.show()
    qtbot.waitUntil(lambda: tabs.frame(large).fits())
    tabs.resize(600, 500)
    qtbot.waitUntil(lambda: not tabs.frame(large).fits())
    assert large.width() >= 900 and large.height() >= 700          # scrolled, never squeezed
    assert tabs.minimumSizeHint().width() < 600                     # the frame never holds the window


def test_wrapped_text_keeps_the_height_it_needs_at_its_width(qtbot):
    label = QLabel("a wrapped line of text that needs several lines when it is narrow " * 3)
    label.setWordWrap(True)
    fit = room.WholeText(label)
    qtbot.addWidget(label)
    label.resize(120, 20)
    label.show()
    qtbot.wait(10)
    narrow = label.minimumHeight()
    assert narrow == max(room.text_height(label, 120), narrow) and narrow >= 5 * label.fontMetrics().lineSpacing()
    label.resize(900, label.height())
    qtbot.wait(10)
    assert label.minimumHeight() < narrow                            # wider: fewer lines
    assert not label.sizePolicy().hasHeightForWidth()
    label.setText("short")
    fit.refit()
    assert label.minimumHeight() <= 2 * label.fontMetrics().lineSpacing() + 4


def test_a_window_comes_inside_the_area_it_is_given(qtbot):
    window = QWidget()
    qtbot.addWidget(window)
    window.resize(1280, 800)
    window.move(400, 300)
    size = room.fit_to_screen(window, QRect(0, 0, 1366, 720))
    assert size.width() == 1280 and size.height() <= 720
    assert QRect(0, 0, 1366, 720).contains(window.frameGeometry())
    window.resize(1000, 600)
    room.fit_to_screen(window, QRect(0, 0, 1366, 720))
    assert (window.width(), window.height()) == (1000, 600)          # a window that fits keeps its size


def test_a_first_window_takes_a_small_screen_whole_and_a_large_one_at_1280_by_800():
    """A 1366×768 laptop (720 px above its taskbar): the whole area, not 1280×720 with 86 px of
    desktop beside it; 1280×800 (752 above the taskbar) likewise; a 1920×1080 screen at 100 %:
    1280×800; no screen known: 1280×800."""
    from PySide6.QtCore import QSize

    assert room.initial_size(QRect(0, 0, 1366, 720)) == QSize(1366, 720)
    assert room.initial_size(QRect(0, 0, 1280, 752)) == QSize(1280, 752)
    assert room.initial_size(QRect(0, 0, 1920, 1032)) == QSize(1280, 800)
    assert room.initial_size() == QSize(1280, 800)
