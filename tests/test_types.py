"""``mypy`` is clean on nn, data, lessons and the app model, every function of them typed (the
configuration is pyproject.toml's [tool.mypy]).

Run by hand with ``mypy`` (no argument: the configuration names the files); ``.pre-commit-config.yaml``
runs it before each commit. Its cache is ``.mypy_cache`` (ignored by git): a first run takes ~15 s,
the next ones ~2 s.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
CHECKED = ("annviz/nn", "annviz/data", "annviz/lessons", "annviz/appmodel.py")


def mypy() -> str | None:
    """The mypy beside this Python (the venv's), else the one on PATH."""
    beside = Path(sys.executable).with_name("mypy")
    return str(beside) if beside.is_file() else shutil.which("mypy")


def test_mypy_is_clean():
    command = mypy()
    if command is None:
        pytest.skip("mypy is not installed (pip install -e '.[test]' installs it)")
    result = subprocess.run([command, "--config-file", "pyproject.toml"], cwd=ROOT, capture_output=True,
                            text=True, timeout=300)
    assert result.returncode == 0, f"mypy (pyproject.toml's [tool.mypy]):\n{result.stdout}{result.stderr}"
    # every module of the packages was checked, not an empty or shortened list of files
    checked = re.search(r"no issues found in (\d+) source files", result.stdout)
    assert checked and int(checked[1]) >= len(checked_files()), result.stdout


def checked_files() -> list[Path]:
    """The modules [tool.mypy] is meant to check (those it imports are checked too)."""
    paths = [ROOT / part for part in CHECKED]
    return [f for p in paths for f in ([p] if p.is_file() else sorted(p.rglob("*.py")))]


def test_the_configuration_names_the_checked_packages():
    """pyproject.toml's files and strict modules are the packages above (a plain check of the
    text: this runs where mypy is not installed)."""
    import tomllib

    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["mypy"]
    assert set(config["files"]) == set(CHECKED)
    strict = [o for o in config["overrides"] if o.get("disallow_untyped_defs")]
    assert strict and set(strict[0]["module"]) == {"annviz.nn.*", "annviz.data.*", "annviz.lessons.*",
                                                   "annviz.appmodel"}
    assert not any(o.get("ignore_errors") for o in config["overrides"])
    assert len(checked_files()) > 50
