"""Logging is configured once: the command line on stderr (more with --verbose), the window in a
log file in the user's data folder, Qt's and Python's warnings included. Each case runs in a
fresh interpreter, since pytest configures logging in this one."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import numpy as np

from annviz.data.images import write_png

ROOT = Path(__file__).resolve().parents[1]


def run(args, tmp_path, **kwargs):
    env = {**os.environ, "HOME": str(tmp_path), "XDG_DATA_HOME": str(tmp_path / "data"),
           "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.run([sys.executable, *args], cwd=ROOT, env=env, capture_output=True, text=True,
                          timeout=120, **kwargs)


def test_the_command_line_prints_debug_messages_only_when_verbose(tmp_path):
    image = tmp_path / "seven.png"
    pixels = np.full((28, 28), 255, np.uint8)
    pixels[5:7, 6:22] = 0
    pixels[7:23, 18:20] = 0
    write_png(image, pixels)
    quiet = run(["-m", "annviz", "predict", "mnist-classic", str(image)], tmp_path)
    assert quiet.returncode == 0 and quiet.stderr == ""
    for where in (["--verbose", "predict", "mnist-classic", str(image)],
                  ["predict", "mnist-classic", str(image), "-v"]):
        loud = run(["-m", "annviz", *where], tmp_path)
        assert loud.returncode == 0, loud.stderr
        assert loud.stdout == quiet.stdout
        assert "annviz: DEBUG annviz.cli: annviz " in loud.stderr and "predict" in loud.stderr


GUI_SCRIPT = """
import logging, sys, warnings
from PySide6.QtCore import qWarning
from PySide6.QtWidgets import QApplication
from annviz.gui import app as app_module
qt = QApplication([])
qt.setApplicationName("annviz"); qt.setOrganizationName("annviz")
path = app_module.start_logging(verbose=sys.argv[1] == "verbose")
assert app_module.start_logging() == path  # once: a second call changes nothing
qWarning("a warning from Qt")
warnings.warn("a warning from Python")
logging.getLogger("annviz.gui.test").debug("a debug message")
try:
    1 / 0
except ZeroDivisionError:
    logging.getLogger("annviz.gui.test").exception("a bug")
print(path)
"""


def test_the_window_logs_to_a_file_in_the_data_folder_with_qt_and_python_warnings(tmp_path):
    quiet = run(["-c", GUI_SCRIPT, "quiet"], tmp_path)
    assert quiet.returncode == 0, quiet.stderr
    path = Path(quiet.stdout.strip())
    assert path == tmp_path / "data" / "annviz" / "annviz" / "annviz.log"
    text = path.read_text(encoding="utf-8")
    assert "WARNING qt: a warning from Qt" in text
    assert "WARNING py.warnings:" in text and "a warning from Python" in text
    assert "ERROR annviz.gui.test: a bug" in text and "ZeroDivisionError" in text  # the traceback
    assert "a debug message" not in text
    assert quiet.stderr == ""  # the window's log goes to the file only

    path.unlink()
    loud = run(["-c", GUI_SCRIPT, "verbose"], tmp_path)
    assert loud.returncode == 0, loud.stderr
    assert "DEBUG annviz.gui.test: a debug message" in path.read_text(encoding="utf-8")
    assert "a debug message" in loud.stderr and "a warning from Qt" in loud.stderr


def test_a_log_file_that_cannot_be_written_leaves_the_app_running(tmp_path):
    (tmp_path / "data").write_text("a file where the data folder should be")
    result = run(["-c", GUI_SCRIPT, "quiet"], tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "None" and "no log file" in result.stderr
