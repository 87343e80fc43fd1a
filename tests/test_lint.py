"""``ruff check`` is clean on annviz/, tests/ and resources/ (the screenshot and icon scripts), with the rules of pyproject.toml's [tool.ruff].

Run by hand with ``ruff check annviz tests`` (``--fix`` sorts imports and drops unused ones);
``.pre-commit-config.yaml`` runs it before each commit.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def ruff() -> str | None:
    """The ruff beside this Python (the venv's), else the one on PATH."""
    beside = Path(sys.executable).with_name("ruff")
    return str(beside) if beside.is_file() else shutil.which("ruff")


def test_ruff_check_is_clean():
    command = ruff()
    if command is None:
        pytest.skip("ruff is not installed (pip install -e '.[test]' installs it)")
    result = subprocess.run([command, "check", "--no-cache", "annviz", "tests", "resources"], cwd=ROOT, capture_output=True,
                            text=True, timeout=120)
    assert result.returncode == 0, f"ruff check annviz tests resources:\n{result.stdout}{result.stderr}"
