"""Test configuration: Qt runs offscreen, before any Qt module is imported; a watchdog per test.

The watchdog: a hang must end the test run with every thread's stack, not hold CI until its time
limit. pytest-timeout cannot fire while the GUI thread is stuck in a Qt call holding the
interpreter lock, and pytest's ``faulthandler_timeout`` prints without exiting; faulthandler's own
timer runs in a C thread that needs neither, and ``exit=True`` ends the process. It writes to a
copy of the real stderr made before pytest captures the test's output.
"""

import faulthandler
import os
import sys

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

WATCHDOG_S = 180  # far above the slowest test (~60 s: the wheel test); a hang ends the run here

_real_stderr = None


def pytest_configure(config):
    global _real_stderr
    _real_stderr = os.fdopen(os.dup(2), "w")


@pytest.fixture(scope="session")
def qapp(qapp):
    """pytest-qt's application, with the collector the app's own start installs (``start_qt``):
    reference cycles of widgets are freed in the GUI thread, never in a training worker."""
    from annviz.gui.common import collector

    collector.install(qapp)
    return qapp


_file_errors_korean: list = []   # one translator for the whole run (the app keeps none it removed)


@pytest.fixture
def korean(qapp):
    """The window's Korean for file errors (``explorer_ko.qm`` holds their sentences), installed
    while one test runs; one translator, loaded once (the mutation checks run such tests
    hundreds of times)."""
    from PySide6.QtCore import QTranslator

    from annviz.gui.i18n import i18n_dir

    if not _file_errors_korean:
        translator = QTranslator()
        assert translator.load(str(i18n_dir() / "explorer_ko.qm"))
        _file_errors_korean.append(translator)
    qapp.installTranslator(_file_errors_korean[0])
    yield
    qapp.removeTranslator(_file_errors_korean[0])


@pytest.fixture(autouse=True)
def watchdog(request):
    """Abort the whole run, printing every thread's stack, if this test blocks for WATCHDOG_S.
    After the test, the cycles it left are collected here, in the GUI thread, as the collector's
    timer would (a test that runs no event loop leaves them otherwise for the next)."""
    rearm_watchdog()
    yield
    faulthandler.cancel_dump_traceback_later()
    collector = sys.modules.get("annviz.gui.common.collector")
    qtcore = sys.modules.get("PySide6.QtCore")
    if collector is not None and qtcore is not None and qtcore.QCoreApplication.instance() is not None:
        from PySide6.QtCore import QCoreApplication, QEvent

        # The windows the test closed were handed to deleteLater (pytest-qt): delete them now,
        # through Qt, while their Python halves are whole — a collection that found them first
        # would empty their attributes while Qt still sent their filters the events of closing.
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        collector.collect_due()


def rearm_watchdog() -> None:
    """Start the watchdog's WATCHDOG_S again: a test of many cases (the deep fuzz run) calls it
    between two, so that it is each case that may not block that long."""
    faulthandler.dump_traceback_later(WATCHDOG_S, exit=True, file=_real_stderr)


@pytest.fixture(name="rearm_watchdog")
def rearm_watchdog_fixture():
    """``rearm_watchdog`` for a test (a fixture: ``conftest`` may name another folder's module)."""
    return rearm_watchdog
