"""The Convolution page: a filter by hand, a CNN's layers for a drawing, a small CNN trained live.

``install(window)`` adds the page (``page.ConvolutionPage``), built when first shown or asked for
(``common.lazy``: its module is imported then too), registers its training thread's shutdown and
makes it the window's page for a convolutional network opened from a file.
``python -m annviz.gui.convolution`` opens the page alone (for trying it, screenshots).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from annviz.gui.common.lazy import Lazy


def install(window, state=None) -> Lazy:
    """The page's stand-in in the window (``Lazy.widget()`` is the page)."""
    def build() -> QWidget:
        from annviz.gui.convolution.page import ConvolutionPage

        page = ConvolutionPage()
        window.add_shutdown_hook(page.shutdown)
        return page

    place = Lazy(build, holds="convolution-")
    window.add_page(place, lambda: QCoreApplication.translate("ConvolutionPage", "Convolution"))
    window.set_cnn_page(place)            # a CNN opened from a file is shown here
    return place


def __getattr__(name: str):
    if name == "ConvolutionPage":         # imported when asked for, not with the package
        from annviz.gui.convolution.page import ConvolutionPage

        return ConvolutionPage
    raise AttributeError(name)


__all__ = ["ConvolutionPage", "install"]
