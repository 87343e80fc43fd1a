"""A short run of language_stress.py: switches with closed windows alive (200 in the benchmark)."""

from __future__ import annotations

from language_stress import switches
from run_ends import open_window


def test_language_and_zoom_switches_never_walk_closed_windows(qapp, tmp_path):
    seen = switches(tmp_path, 6, every=2)           # three windows open and close meanwhile
    walked = [n for _, n in seen]
    # A closed window is not walked: the walk grows by a few of pyqtgraph's parentless pieces per
    # closed window (~20), where it grew by a whole window before — at least the main window's own
    # ~340 widgets at start (its pages not shown are not built yet), ~3,600 with the training page.
    assert (max(walked) - walked[0]) / 2 < 0.25 * walked[0]


def test_a_closed_window_keeps_its_language_and_a_window_shown_again_follows(qapp, tmp_path):
    first = open_window(tmp_path / "first.ini")
    second = open_window(tmp_path / "second.ini")
    first.set_language("ko")
    assert first.windowTitle().startswith("annviz") and first.menuBar().actions()[0].text() == "파일(&F)"
    first.training.controller.shutdown()
    first.close()
    second.set_language("en")
    assert second.menuBar().actions()[0].text() == "&File"
    assert first.menuBar().actions()[0].text() == "파일(&F)"        # closed: not walked
    first.show()                                                     # shown again: it follows
    second.set_language("en")
    assert first.menuBar().actions()[0].text() == "&File"
    for window in (first, second):
        window.training.controller.shutdown()
        window.close()


def test_a_language_switch_frees_the_translations_it_replaces(qapp):
    """Each switch to Korean loads ~0.2 MB of translations; the ones a switch replaces are freed, not
    kept by the application (one set was kept per switch)."""
    from PySide6.QtCore import QCoreApplication, QTranslator

    from annviz.gui.i18n import set_language

    set_language("en")
    english = len(qapp.findChildren(QTranslator))
    set_language("ko")
    korean = len(qapp.findChildren(QTranslator))
    assert korean > english
    for _ in range(4):
        set_language("en")
        set_language("ko")
    assert len(qapp.findChildren(QTranslator)) == korean
    assert QCoreApplication.translate("FileErrors", "is empty") != "is empty"      # still Korean
    set_language("en")
    assert len(qapp.findChildren(QTranslator)) == english
