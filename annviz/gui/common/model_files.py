"""What the window says about model files: the file dialogs' filter.

Why a model file was refused is said by ``annviz.gui.common.file_errors``, which translates every
reader's error by its code (``annviz.messages``).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

translate = QCoreApplication.translate   # the name lupdate looks for; the context is a literal


def model_filter() -> str:
    """The file dialogs' filter for annviz model files."""
    return translate("ModelFiles", "annviz models (*.safetensors)")
