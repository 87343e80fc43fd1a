"""What the lesson panel's faces share: a wrapping label that follows View → Zoom, and a lesson's
HTML as plain or escaped text."""

from __future__ import annotations

import re

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from annviz.gui.common import zoom


def label(scale: float = 1.0, bold: bool = False, rich: bool = True) -> QLabel:
    """A selectable label that wraps, its font ``scale`` × the application's (follows the zoom)."""
    widget = QLabel()
    widget.setWordWrap(True)
    widget.setTextFormat(Qt.TextFormat.RichText if rich else Qt.TextFormat.PlainText)
    widget.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    zoom.relative_font(widget, scale, bold=bold)
    return widget


def plain(html: str) -> str:
    """A title without its tags, for a list or a chooser."""
    return re.sub(r"<[^<>]*>", "", html)


def escape(text: str | None) -> str:
    return (text or "").replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
