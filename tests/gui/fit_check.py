"""Does every page fit a school screen? The measurement shared by the fit test and its benchmark.

A *combination* is a language, a screen with a zoom (``SCREENS``) and the lesson drawer open or
closed. For one, the window is given the screen's available area (the screen less a 48-pixel
taskbar) and every page and every tab of every tab widget is shown in turn (``every_tab``); on
each, ``problems`` lists, as a user would see them:

- the window larger than the area, or its minimum size larger (it could not be made to fit);
- a page that does not fit its frame (it scrolls) — allowed only at 200 %;
- a label, button, check box or group title whose text does not fit its box (``cut_off``);
- a control (button, field, slider, choice, label) cut by the edge of what holds it, where no
  scroll bar can bring the rest into view (``clipped``);
- with the drawer open: the drawer narrower than it should be, or its Next button not wholly on
  screen;
- up to 150 %: a plot's axis title longer than its axis (pyqtgraph cuts it: "accurac"), or a plot
  laid out larger than its view (a title wider than the plot: the view shows the plot's left part
  only, its right part and a curve's end cut off) — ``axis_titles_cut``, ``plot_overflow``. At
  200 % a few remain; ``bench_fit.py --axis-titles`` lists them.
"""

from __future__ import annotations

import time
from dataclasses import dataclass

from PySide6.QtCore import QPoint, QRect
from PySide6.QtGui import Qt, QTextDocument
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractScrollArea,
    QAbstractSlider,
    QAbstractSpinBox,
    QCheckBox,
    QComboBox,
    QDockWidget,
    QGraphicsView,
    QGroupBox,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QStyle,
    QTabBar,
    QTabWidget,
    QToolButton,
    QWidget,
)

from annviz.gui.common.room import TASKBAR, text_height

# The lesson a drawer shows while the pages are looked at: its longest step in both languages.
DRAWER_LESSON = ("nudge", 2)


@dataclass(frozen=True)
class Screen:
    width: int
    height: int
    zoom: float

    @property
    def name(self) -> str:
        return f"{self.width}x{self.height}@{self.zoom:.0%}"

    @property
    def area(self) -> tuple[int, int]:
        return self.width, self.height - TASKBAR

    @property
    def may_scroll(self) -> bool:
        return self.zoom >= 2.0


SCREENS = (Screen(1366, 768, 1.0), Screen(1280, 800, 1.0), Screen(1920, 1080, 1.5), Screen(1920, 1080, 2.0))
LANGUAGES = ("en", "ko")


def settle(ms: int = 60) -> None:
    QTest.qWait(ms)


def wait_for(condition, seconds: float) -> None:
    end = time.monotonic() + seconds
    while not condition():
        if time.monotonic() > end:
            raise AssertionError(f"still waiting after {seconds} s")
        QTest.qWait(20)


def reveal(widget: QWidget) -> None:
    """Make every tab widget above ``widget`` show the tab that holds it, and every panel holding
    it come to the front of the panels it shares a place with."""
    child, parent = widget, widget.parentWidget()
    while parent is not None:
        tabs = parent.parentWidget()
        if isinstance(tabs, QTabWidget) and tabs.indexOf(child) >= 0:
            tabs.setCurrentWidget(child)
        if isinstance(parent, QDockWidget):
            parent.raise_()
        child, parent = parent, parent.parentWidget()
    settle(1)


def behind(w: QWidget) -> bool:
    """True if ``w`` is in a panel that shares its place with another one in front of it (Qt keeps
    such a panel 'visible', moved out of sight)."""
    parent = w
    while parent is not None:
        if isinstance(parent, QDockWidget) and not parent.isFloating() and parent.visibleRegion().isEmpty():
            return True
        parent = parent.parentWidget()
    return False


def every_tab(window, page_ms: int = 150, tab_ms: int = 100, only=None):
    """Show every page and every tab of every tab widget on it, one after the other; yields where.
    ``page_ms``, ``tab_ms``: the time a page or a tab is given to arrange itself once shown;
    ``only``: that page alone."""
    for i in range(window.tabs.count()):
        page = window.tabs.widget(i)
        if only is not None and page is not only:
            continue
        window.tabs.setCurrentIndex(i)
        settle(page_ms)                              # a page arranges itself for the room it has
        if getattr(page, "results", False) is None:            # the insight page's evaluation
            wait_for(lambda: page.results is not None, 30)
            settle(150)
        yield window.tabs.tabText(i)
        for tabs in page.findChildren(QTabWidget):
            j = 0
            while j < tabs.count():                   # a page may fold views into tabs as it goes
                reveal(tabs.widget(j))
                settle(tab_ms)                        # its frame hears of its new minimum a pass later
                yield f"{window.tabs.tabText(i)} / {tabs.tabText(j)}"
                j += 1


def cut_off(w: QWidget) -> str | None:
    """Why ``w``'s text does not fit it, or None."""
    if isinstance(w, QLabel) and w.text().strip() and (w.pixmap() is None or w.pixmap().isNull()):
        rich = Qt.mightBeRichText(w.text()) if w.textFormat() == Qt.TextFormat.AutoText else \
            w.textFormat() == Qt.TextFormat.RichText
        if w.wordWrap():                      # not heightForWidth: it never says less than the minimum
            need = text_height(w, w.width())
            return f"needs {need} px of height, has {w.height()}" if need > w.height() + 1 else None
        if rich:
            doc = QTextDocument()
            doc.setDefaultFont(w.font())
            doc.setHtml(w.text())
            doc.setDocumentMargin(0)
            width, height = doc.idealWidth(), doc.size().height()
        else:
            lines = w.text().splitlines()
            width = max(w.fontMetrics().horizontalAdvance(line) for line in lines)
            height = w.fontMetrics().lineSpacing() * len(lines)
        room = w.contentsRect()
        if width > room.width() + 1:
            return f"needs {width:.0f} px of width, has {room.width()}"
        if height > room.height() + 2:
            return f"needs {height:.0f} px of height, has {room.height()}"
    elif isinstance(w, (QPushButton, QToolButton, QCheckBox, QRadioButton)) and w.text():
        text = w.text().replace("&&", "\0").replace("&", "").replace("\0", "&")
        need = max(w.fontMetrics().horizontalAdvance(line) for line in text.splitlines())
        if isinstance(w, (QCheckBox, QRadioButton)):
            need += w.style().pixelMetric(QStyle.PixelMetric.PM_IndicatorWidth)
        if need > w.width():
            return f"needs {need} px of width, has {w.width()}"
        if w.fontMetrics().height() > w.height():
            return f"needs {w.fontMetrics().height()} px of height, has {w.height()}"
    elif isinstance(w, QTabBar) and w.count():
        need = sum(w.tabRect(i).width() for i in range(w.count()))
        if need > w.width() + 1:
            return f"its tabs need {need} px of width, have {w.width()}"
        elided = [w.tabText(i) for i in range(w.count())
                  if w.fontMetrics().horizontalAdvance(w.tabText(i).replace("&", "")) > w.tabRect(i).width()]
        if elided:
            return f"tab {elided[0]!r} is wider than its tab"
    elif isinstance(w, QGroupBox) and w.title():
        if w.fontMetrics().horizontalAdvance(w.title().replace("&", "")) > w.width():
            return "its title is wider than the box"
    return None


CONTROLS = (QAbstractButton, QComboBox, QAbstractSpinBox, QAbstractSlider, QLineEdit, QLabel)


def clipped(w: QWidget, window: QWidget, scrolling_excuses: bool = True) -> str | None:
    """Why the control ``w`` is partly cut off by what holds it (or the window), or None.

    A scroll area's viewport may hide part of it only in a direction its scroll bar can scroll
    (unless ``scrolling_excuses`` is False: a picture must be seen whole, not scrolled to)."""
    box = QRect(w.mapTo(window, QPoint(0, 0)), w.size())
    seen = QRect(box)
    parent, sideways, upways = w.parentWidget(), False, False     # may it be scrolled into view?
    while parent is not None and parent is not window:
        outer = QRect(parent.mapTo(window, QPoint(0, 0)), parent.size())
        area = parent.parentWidget()
        if isinstance(area, QAbstractScrollArea) and parent is area.viewport() and scrolling_excuses:
            sideways = sideways or area.horizontalScrollBar().isVisible()
            upways = upways or area.verticalScrollBar().isVisible()
        if sideways:
            outer.setLeft(-10**6)
            outer.setRight(10**6)
        if upways:
            outer.setTop(-10**6)
            outer.setBottom(10**6)
        seen = seen.intersected(outer)
        parent = parent.parentWidget()
    if sideways or upways:
        return None
    seen = seen.intersected(window.rect())
    if seen.isEmpty() or seen.width() < box.width() - 1 or seen.height() < box.height() - 1:
        return f"shows {seen.width()}×{seen.height()} of its {box.width()}×{box.height()} at {box.x()},{box.y()}"
    return None


def describe(w: QWidget) -> str:
    text = (w.text() if isinstance(w, (QLabel, QAbstractButton)) else
            w.title() if isinstance(w, QGroupBox) else w.objectName())
    return f"{type(w).__name__} {(text or w.objectName())[:40]!r}"


def axis_titles_cut(view) -> list[str]:
    """The titles of a plot's axes longer than their axis (pyqtgraph cuts them at the plot's edge)."""
    import pyqtgraph as pg

    cut = []
    for item in view.scene().items():
        if isinstance(item, pg.AxisItem) and item.isVisible() and item.labelText and item.label.isVisible():
            need = item.label.boundingRect().width()
            room = item.width() if item.orientation in ("bottom", "top") else item.height()
            if need > room + 2:
                cut.append(f"axis title {item.labelText[:40]!r} needs {need:.0f} px, has {room:.0f}")
    return cut


def plot_overflow(view) -> str | None:
    """Why a plot's drawing is cut by its own view, or None: pyqtgraph lays a plot out no smaller
    than its title and axis titles ask, and a view narrower than that shows only its left part
    (the rest of the plot, its title and a curve's end, beyond the view's edge)."""
    central = getattr(view, "centralWidget", None)
    if central is None or not view.isVisible():
        return None
    least = central.minimumSize()
    room = view.viewport().size()
    if least.width() > room.width() + 1 or least.height() > room.height() + 1:
        return f"its plot needs {least.width():.0f}×{least.height():.0f} px, the view has {room.width()}×{room.height()}"
    return None


def texts_cut(view) -> list[str]:
    """The texts written in a plot (pyqtgraph ``TextItem``s: the diagram's column titles, class
    names, numbers on a picture) that their plot's frame cuts: a view box shows only what lies
    inside it."""
    import pyqtgraph as pg

    cut = []
    for item in view.scene().items():
        if not isinstance(item, pg.TextItem) or not item.isVisible() or not item.toPlainText().strip():
            continue
        box = item.getViewBox()
        if box is None:
            continue
        margin = item.textItem.document().documentMargin()
        text = item.sceneBoundingRect().adjusted(margin, margin, -margin, -margin)
        seen = box.sceneBoundingRect()
        if not seen.adjusted(-1, -1, 1, 1).contains(text):
            cut.append(f"text {item.toPlainText()[:30]!r} shows {text.intersected(seen).height():.0f} of its "
                       f"{text.height():.0f} px of height, {text.intersected(seen).width():.0f} of {text.width():.0f} of width")
    return cut


def page_problems(window, where: str, screen: Screen, axis_titles: bool = False) -> list[str]:
    """What does not fit on the page and tab on screen now. The plots' axis titles and sizes are
    checked up to 150 %, and at 200 % too with ``axis_titles`` (the benchmark lists them there)."""
    axis_titles = axis_titles or screen.zoom <= 1.5
    problems = []
    frame = window.tabs.frame(window.tabs.currentWidget())
    if frame is not None and not screen.may_scroll and not frame.fits():
        for _ in range(8):                       # a page shown after a new zoom or language
            settle(100)                          # measures itself in a few passes of the loop
            if frame.fits():
                break
    if frame is not None and not screen.may_scroll and not frame.fits():
        page = window.tabs.currentWidget()
        need = page.minimumSizeHint().expandedTo(page.minimumSize())
        problems.append(f"{where}: the page needs {need.width()}×{need.height()}, "
                        f"has {frame.viewport().width()}×{frame.viewport().height()}")
    for w in window.findChildren(QWidget):
        if not w.isVisible() or w.isWindow() or behind(w):
            continue
        why = cut_off(w)
        if why:
            problems.append(f"{where}: {describe(w)} {why}")
        if axis_titles and isinstance(w, QGraphicsView) and w.scene() is not None:
            problems += [f"{where}: {w.objectName() or type(w).__name__} {cut}" for cut in axis_titles_cut(w)]
            problems += [f"{where}: {w.objectName() or type(w).__name__} {cut}" for cut in texts_cut(w)]
            why = plot_overflow(w)
            if why:
                problems.append(f"{where}: {w.objectName() or type(w).__name__} {why}")
        if isinstance(w, CONTROLS) and (not isinstance(w, QLabel) or w.text().strip()):
            why = clipped(w, window)
            if why:
                problems.append(f"{where}: {describe(w)} is cut: {why}")
    return problems


def drawer_problems(window, where: str) -> list[str]:
    area = window.lessons
    if area.dock.isHidden():
        return []
    problems = []
    next_button = area.panel.next_button
    if not next_button.isVisible():
        problems.append(f"{where}: the drawer's Next is not shown")
    else:
        why = clipped(next_button, window)
        if why:
            problems.append(f"{where}: the drawer's Next is cut: {why}")
    return problems


def set_the_scene(window) -> None:
    """What a class has on screen at its busiest: a test digit the network misreads on the pad,
    the output neuron for “7” in the inspector (its softmax plot, the longest text), the diagram
    coloured by contribution (its button in bold), the lab's taste neuron with the unit step (four
    inputs and the threshold's slider: its tallest), the Convolution page's longest sum."""
    from annviz.gui.setup import pages

    pages(window)["lab"].neuron_view.set_neuron((1.0, 1.0, 1.0, 1.0), (0.3, 1.0, 1.3, 2.1), -5.0, "step", True)
    window.explorer.pad_panel.picker.show_index(18)
    window.state.select_neuron(len(window.state.network.sizes) - 1, 7)
    window.explorer.diagram.contribution_action.setChecked(True)
    convolution = next((page for page in (window.tabs.widget(i) for i in range(window.tabs.count()))
                        if page.objectName() == "convolution-page"), None)
    if convolution is not None:                       # the second convolution's sum, a hand step
        convolution.point_at(2, 0, 7, 7)
        convolution.hand_step(300)


def open_drawer(window, on: bool) -> None:
    if on:
        window.lessons.open_lesson(*DRAWER_LESSON)
    else:
        window.lessons.dock.hide()


def combination_problems(window, lang: str, screen: Screen, drawer: bool, axis_titles: bool = False,
                         only=None) -> list[str]:
    """Everything that does not fit for one combination, on every page and tab (``only``: on
    that page's tabs)."""
    window.set_language(lang)
    window.set_zoom(screen.zoom)
    open_drawer(window, drawer)
    set_the_scene(window)
    window.resize(*screen.area)
    settle(300)
    name = f"{lang} {screen.name} {'drawer' if drawer else 'no drawer'}"
    problems = []
    size, least = window.size(), window.minimumSizeHint().expandedTo(window.minimumSize())
    if (size.width(), size.height()) != screen.area:
        problems.append(f"{name}: the window is {size.width()}×{size.height()}, not {screen.area}")
    if least.width() > screen.area[0] or least.height() > screen.area[1]:
        problems.append(f"{name}: the window's minimum is {least.width()}×{least.height()}")
    for where in every_tab(window, only=only):
        found = page_problems(window, f"{name} {where}", screen, axis_titles)
        if found:                                     # a view still arranging itself: once more, later
            settle(400)
            found = page_problems(window, f"{name} {where}", screen, axis_titles)
        problems += found
        problems += drawer_problems(window, f"{name} {where}")
    return sorted(set(problems))


# The steps whose panel holds the most (issue 24): a prediction of three long choices, one of two,
# and a number with teacher mode's bar above it.
PANEL_STEPS = (("learning", 1, False), ("nudge", 1, False), ("threshold", 0, True))


def panel_problems(window, where: str) -> list[str]:
    """What does not fit in the lesson panel now: a text or control cut, or Next not wholly shown."""
    panel, problems = window.lessons.panel, []
    for w in panel.findChildren(QWidget):
        if not w.isVisible() or not isinstance(w, CONTROLS):
            continue
        why = cut_off(w) or clipped(w, window)
        if why:
            problems.append(f"{where}: {describe(w)} is cut: {why}")
    return problems + drawer_problems(window, where)


def prediction_panel_problems(window, lang: str, screen: Screen) -> list[str]:
    """The panel at each of ``PANEL_STEPS`` (its prediction not made yet), on ``screen``."""
    window.set_language(lang)
    window.set_zoom(screen.zoom)
    window.resize(*screen.area)
    problems = []
    for name, step, teacher in PANEL_STEPS:
        window.settings.remove(f"lessons/predictions/{name}")
        window.lessons.set_teacher_mode(teacher)
        window.lessons.open_lesson(name, step)
        settle(300)
        problems += panel_problems(window, f"{lang} {screen.name} {name} step {step + 1}"
                                           f"{' (teacher)' if teacher else ''}")
    window.lessons.set_teacher_mode(False)
    return problems
