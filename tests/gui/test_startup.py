"""The app always opens: bad settings, a remembered model that cannot be used, a failure while the
window is built, no display at all. Settings live in a private INI file, never the user's."""

from __future__ import annotations

import logging
import os
import subprocess
import sys

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, QEventLoop, QSettings, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from annviz.gui import app as app_module
from annviz.gui.common.qtapp import missing_display
from annviz.gui.main_window import MainWindow
from annviz.gui.state import AppState
from annviz.nn import ModelInfo, Network, save_model
from annviz.paths import bundled_model
from explorer_helpers import private_settings
from test_startup_files import shown_messages


def run_main(monkeypatch, settings: QSettings, look=lambda window: None) -> int:
    """``app.main()`` with these settings; ``look(window)`` runs once the window is up, then it closes."""
    monkeypatch.setattr(app_module, "QSettings", lambda: settings)

    def exec_until_closed(*_):
        # A local loop, not the application's: QApplication.quit() would end later tests' loops.
        loop = QEventLoop()

        def look_and_close():
            window = next(w for w in QApplication.topLevelWidgets()
                          if isinstance(w, MainWindow) and w.isVisible())  # not an earlier test's
            try:
                look(window)
            finally:
                window.close()
                loop.quit()

        QTimer.singleShot(300, look_and_close)
        loop.exec()
        return 0

    monkeypatch.setattr(QApplication, "exec", exec_until_closed)
    try:
        return app_module.main([])
    finally:  # no window of this launch stays behind for a later test to find
        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, MainWindow) and not widget.isVisible():
                widget.deleteLater()
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def reopened(settings: QSettings) -> QSettings:
    """The same INI file read afresh: what the next launch sees (INI keeps no types: 5 reads "5")."""
    settings.sync()
    return QSettings(settings.fileName(), QSettings.Format.IniFormat)


@pytest.mark.parametrize("value", ["not bytes", 5, b"\x00garbage that is not a saved state"],
                         ids=["string", "int", "garbage-bytes"])
def test_window_settings_of_the_wrong_type_give_the_default_layout(qtbot, tmp_path, monkeypatch, value):
    settings = private_settings(tmp_path)
    settings.setValue("language", "en")
    for key in ("window/geometry", "window/state", "explorer/layout"):
        settings.setValue(key, value)
    seen = {}

    def look(window):
        seen["visible"] = window.isVisible()
        seen["pad"] = window.explorer.pad_dock.isVisible()
        seen["sizes"] = window.state.network.sizes

    for launch in (settings, reopened(settings)):
        seen.clear()
        assert run_main(monkeypatch, launch, look) == 0
        assert seen == {"visible": True, "pad": True, "sizes": [784, 16, 16, 10]}


def crafted_class_names(path):
    """A model file whose class_names is a number: a reader bug once turned it into a TypeError."""
    save_model(path, Network.build([784, 8, 10]), ModelInfo(extra={"class_names": 5}))


def two_inputs(path):
    save_model(path, Network.build([2, 3, 10]))


def not_a_model(path):
    path.write_bytes(b"\x08\x00\x00\x00\x00\x00\x00\x00{}garbage")


def gone(path):
    pass


def fifo(path):
    os.mkfifo(path)


def folder(path):
    path.mkdir()


def link_loop(path):
    os.symlink(path, path)


def dev_zero(path):
    os.symlink("/dev/zero", path)


def pytorch_layer_of_5000_digits(path):
    import numpy as np
    from safetensors.numpy import save_file

    save_file({"fc" + "1" * 5000 + ".weight": np.zeros((10, 784), np.float32)}, path)


@pytest.mark.parametrize("make", [crafted_class_names, two_inputs, not_a_model, gone, fifo, folder,
                                  link_loop, dev_zero, pytorch_layer_of_5000_digits])
def test_a_remembered_model_that_cannot_be_used_gives_the_bundled_one_and_a_message(
        qtbot, tmp_path, make):
    bad = tmp_path / "remembered.safetensors"
    make(bad)
    settings = private_settings(tmp_path)
    settings.setValue("model/path", str(bad))

    window = MainWindow(AppState(), settings)
    qtbot.addWidget(window)
    assert window.load_initial_model()
    assert window.state.model_path == bundled_model("mnist-classic")
    assert settings.value("model/path") != str(bad)          # forgotten
    window.show()
    qtbot.waitUntil(lambda: any(isinstance(w, QMessageBox) and w.isVisible()
                                for w in QApplication.topLevelWidgets()), timeout=2000)
    box = next(w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible())
    assert "remembered.safetensors" in box.text() and "mnist-classic" in box.text()
    box.accept()

    again = MainWindow(AppState(), reopened(settings))        # the next launch: no message
    qtbot.addWidget(again)
    assert again.load_initial_model()
    again.show()
    qtbot.wait(50)
    assert not any(isinstance(w, QMessageBox) and w.isVisible() for w in QApplication.topLevelWidgets())


def test_a_failure_while_building_the_window_stops_what_started_and_prints_one_line(
        qtbot, tmp_path, monkeypatch, capsys, caplog):
    stopped = []

    def area_with_a_thread(window, state):  # what a real area does: registers how to stop
        window.add_shutdown_hook(lambda: stopped.append("stopped"))

    def broken_layout(window):
        raise RuntimeError("the layout could not be arranged")

    monkeypatch.setitem(app_module.AREAS, "recorder", area_with_a_thread)
    monkeypatch.setattr(app_module, "arrange_default_layout", broken_layout)
    settings = private_settings(tmp_path)
    settings.setValue("language", "en")
    with caplog.at_level(logging.ERROR):
        assert run_main(monkeypatch, settings) == 1
    assert stopped == ["stopped"]
    err = capsys.readouterr().err.strip().splitlines()
    assert err == ["annviz: the window could not open: RuntimeError: the layout could not be arranged"]
    assert any(r.exc_info and "the layout could not be arranged" in str(r.exc_info[1]) for r in caplog.records)
    assert not any(isinstance(w, MainWindow) and w.isVisible() for w in QApplication.topLevelWidgets())


def test_with_no_display_annviz_says_so_in_one_line_and_the_command_line_still_works(tmp_path):
    env = {"PATH": os.environ.get("PATH", ""), "HOME": str(tmp_path), "LANG": "C.UTF-8"}
    result = subprocess.run([sys.executable, "-m", "annviz"], env=env, capture_output=True,
                            text=True, timeout=60)
    assert result.returncode == 1, result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert "DISPLAY" in lines[0] and "annviz train --help" in lines[0]
    assert "QT_QPA_PLATFORM=offscreen" in lines[0]
    help_text = subprocess.run([sys.executable, "-m", "annviz", "train", "--help"], env=env,
                               capture_output=True, text=True, timeout=60)
    assert help_text.returncode == 0 and "--layers" in help_text.stdout


@pytest.mark.parametrize("environ,platform,missing", [
    ({}, "linux", True),
    ({"DISPLAY": ":0"}, "linux", False),
    ({"WAYLAND_DISPLAY": "wayland-0"}, "linux", False),
    ({"QT_QPA_PLATFORM": "offscreen"}, "linux", False),
    ({"QT_QPA_PLATFORM": "vnc:size=800x600"}, "linux", False),
    ({"QT_QPA_PLATFORM": "xcb", "WAYLAND_DISPLAY": "wayland-0"}, "linux", True),
    ({"QT_QPA_PLATFORM": "wayland;xcb", "DISPLAY": ":1"}, "linux", False),
    ({}, "darwin", False),
    ({}, "win32", False),
])
def test_missing_display_reads_the_environment_as_qt_does(environ, platform, missing):
    assert (missing_display(environ, platform) is not None) == missing


def test_the_window_opens_with_a_bad_remembered_model_lesson_and_lessons_folder(
        qtbot, tmp_path, monkeypatch):
    """The whole start, as ``annviz`` runs it: the remembered model is a FIFO, the remembered
    lesson is gone and the user's lessons folder holds a file that once stopped the start."""
    settings = private_settings(tmp_path)
    settings.setValue("language", "en")
    seen = {}

    def open_the_panel(window):
        window.lessons.open_lesson("neuron")
        folder = window.lessons.user_folder
        folder.mkdir(parents=True, exist_ok=True)
        (folder / "bad.toml").write_text("format_version = " + "9" * 5000, encoding="utf-8")
        seen["folder"] = folder

    assert run_main(monkeypatch, settings, open_the_panel) == 0   # the panel open at closing
    fifo = tmp_path / "model.safetensors"
    os.mkfifo(fifo)
    settings.setValue("model/path", str(fifo))
    settings.setValue("lessons/open", "gone")
    settings.setValue("lessons/open_path", str(tmp_path / "gone.toml"))

    def look(window):
        seen["visible"] = window.isVisible()
        seen["messages"] = shown_messages()
        seen["lesson"] = window.lessons.player.lesson

    try:
        assert run_main(monkeypatch, reopened(settings), look) == 0
    finally:
        (seen["folder"] / "bad.toml").unlink(missing_ok=True)
    assert seen["visible"] and seen["lesson"] is None
    texts = "\n".join(seen["messages"])
    assert len(seen["messages"]) == 2, seen["messages"]
    assert str(fifo) in texts and "not a regular file" in texts
    assert "gone" in texts and "could not be opened" in texts


@pytest.mark.parametrize("content", [
    b"\x00\xff\xfe garbage \x89PNG" * 50,
    b"[General]\nlanguage=" + b"x" * 100_000 + b"\nmodel/path=/dev/zero\nlessons/open=\"" + b"\xff" * 300 + b"\"\n"
    b"mydigits/folder=/dev/zero\nview/zoom=1e999\nwindow/geometry=@ByteArray(\\0\\0\\0)\n",
    b"[General]\n" + b"".join(b"key%d=%d\n" % (i, i) for i in range(20_000)) + b"[lessons]\nopen=neuron\n",
], ids=["binary", "hostile values", "20,000 keys"])
def test_a_settings_file_that_is_damaged_or_hostile_still_opens_the_window(qtbot, tmp_path, monkeypatch, content):
    path = tmp_path / "annviz-test.ini"
    path.write_bytes(content)
    seen = {}

    def look(window):
        seen["visible"] = window.isVisible()
        seen["model"] = window.state.network is not None
        for box in [w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible()]:
            box.accept()

    assert run_main(monkeypatch, QSettings(str(path), QSettings.Format.IniFormat), look) == 0
    assert seen == {"visible": True, "model": True}
