"""annviz.nn and annviz.data never import Qt (a fresh interpreter proves it)."""

import subprocess
import sys


def test_core_imports_no_qt():
    code = ("import sys, annviz.nn, annviz.data, annviz.cli; "
            "bad = sorted(m for m in sys.modules if m.split('.')[0] in ('PySide6', 'shiboken6', 'pyqtgraph')); "
            "print(bad); sys.exit(1 if bad else 0)")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
