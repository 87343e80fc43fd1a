"""The app's icon and its Linux desktop entry: the icons are what resources/icons/make_icons.py draws, and
``annviz install-desktop`` puts a valid entry and the icons in the user's data folder."""

from __future__ import annotations

import configparser
import importlib.util
import os
import shutil
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
from PIL import Image

from annviz.desktop import _quoted
from annviz.paths import resources_dir

ROOT = Path(__file__).resolve().parents[1]
ICONS = resources_dir() / "icons"


def make_icons():
    spec = importlib.util.spec_from_file_location("make_icons", ROOT / "resources" / "icons" / "make_icons.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_committed_icons_are_what_the_script_draws():
    drawing = make_icons()
    assert (ICONS / "annviz.svg").read_text(encoding="utf-8") == drawing.svg()
    for size in drawing.SIZES:
        committed = Image.open(ICONS / f"annviz-{size}.png")
        assert committed.size == (size, size) and committed.mode == "RGBA"
        difference = np.abs(np.asarray(committed, np.int16) - np.asarray(drawing.png(size), np.int16))
        assert difference.max() <= 2, f"run python resources/icons/make_icons.py ({size} px differs)"


def install_desktop(tmp_path, *args):
    env = {**os.environ, "XDG_DATA_HOME": str(tmp_path / "share"), "HOME": str(tmp_path)}
    return subprocess.run([sys.executable, "-m", "annviz", "install-desktop", *args], env=env,
                          capture_output=True, text=True, timeout=60)


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="a freedesktop menu")
def test_install_desktop_writes_an_entry_and_the_icons_and_removes_them(tmp_path):
    result = install_desktop(tmp_path)
    assert result.returncode == 0, result.stderr
    share = tmp_path / "share"
    entry = share / "applications" / "annviz.desktop"
    assert f"wrote {entry}" in result.stdout
    parser = configparser.ConfigParser(interpolation=None)
    parser.optionxform = str  # keys are case-sensitive
    parser.read(entry, encoding="utf-8")
    fields = parser["Desktop Entry"]
    assert fields["Type"] == "Application" and fields["Icon"] == "annviz" and fields["Terminal"] == "false"
    command = Path(fields["Exec"])  # this environment's annviz-gui, which opens the window
    assert command == Path(sys.executable).with_name("annviz-gui") and command.is_file()
    assert (share / "icons" / "hicolor" / "scalable" / "apps" / "annviz.svg").is_file()
    for size in (16, 32, 48, 256):
        png = share / "icons" / "hicolor" / f"{size}x{size}" / "apps" / "annviz.png"
        assert Image.open(png).size == (size, size)
    if shutil.which("desktop-file-validate"):
        check = subprocess.run(["desktop-file-validate", str(entry)], capture_output=True, text=True)
        assert check.returncode == 0, check.stdout + check.stderr

    removed = install_desktop(tmp_path, "--remove")
    assert removed.returncode == 0 and f"removed {entry}" in removed.stdout
    assert not [p for p in share.rglob("*") if p.is_file()]
    assert install_desktop(tmp_path, "--remove").stdout.strip() == "nothing to remove"


def test_a_data_folder_that_cannot_be_written_is_one_line(tmp_path):
    (tmp_path / "share").write_text("a file, not a folder")
    result = install_desktop(tmp_path)
    assert result.returncode == 2
    line, = result.stderr.strip().splitlines()
    assert line.startswith("annviz: error: ") and "cannot be written" in line


@pytest.mark.parametrize("word,written", [
    ("/usr/bin/annviz-gui", "/usr/bin/annviz-gui"),
    ("/home/ann lee/venv/bin/annviz-gui", '"/home/ann lee/venv/bin/annviz-gui"'),
    ("/opt/$HOME/x", '"/opt/\\\\$HOME/x"'),     # the specification's example: \\$
    ("/opt/back\\slash", '"/opt/back\\\\\\\\slash"'),  # a literal backslash: four
    ("/opt/100%", '"/opt/100%%"'),
])
def test_exec_words_are_quoted_as_the_desktop_entry_specification_says(word, written):
    assert _quoted(word) == written
