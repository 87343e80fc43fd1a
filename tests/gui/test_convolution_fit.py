"""The Convolution page fits the school screens with the lesson drawer open, in English and Korean:
1366×768 and 1280×800 at 100 %, 1920×1080 at 150 % (``fit_check``'s rules: nothing cut, no
scrolling), each of its three tabs, with the longest texts it shows on screen."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QCoreApplication, QEvent
from PySide6.QtTest import QTest

from annviz.gui.convolution import ConvolutionPage
from annviz.gui.convolution.page import TABS
from fit_check import SCREENS, open_drawer, page_problems, settle
from run_ends import open_window

SCREEN = {s.name: s for s in SCREENS}
COMBINATIONS = [(lang, screen) for lang in ("en", "ko") for screen in ("1366x768@100%", "1280x800@100%",
                                                                      "1920x1080@150%")]


@pytest.fixture(scope="module")
def window(qapp, tmp_path_factory):
    window = open_window(tmp_path_factory.mktemp("conv-fit") / "settings.ini")
    yield window
    window.set_zoom(1.0)
    window.set_language("en")
    window.close()
    window.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete.value)
    QTest.qWait(1)


def convolution_page(window) -> ConvolutionPage:
    return next(window.tabs.widget(i) for i in range(window.tabs.count())
                if isinstance(window.tabs.widget(i), ConvolutionPage))


@pytest.mark.parametrize("lang,screen", COMBINATIONS, ids=[f"{lang}-{screen}" for lang, screen in COMBINATIONS])
def test_the_convolution_page_fits_with_the_drawer_open(window, lang, screen):
    window.set_language(lang)
    window.set_zoom(SCREEN[screen].zoom)
    open_drawer(window, True)
    window.resize(*SCREEN[screen].area)
    page = convolution_page(window)
    window.tabs.setCurrentWidget(page)
    page.set_hand_preset("sharpen")
    page.hand_step(300)                               # the sum of one position written out
    page.point_at(2, 0, 7, 7)                         # the second convolution's sum: the longest text
    problems = []
    for tab in TABS:
        page.show_tab(tab)
        settle(200)
        found = page_problems(window, f"{lang} {screen} {tab}", SCREEN[screen])
        if found:                                     # a view still arranging itself: once more, later
            settle(400)
            found = page_problems(window, f"{lang} {screen} {tab}", SCREEN[screen])
        problems += found
    assert not problems, "\n".join(problems)
