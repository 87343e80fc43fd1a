"""The Convolution page: a filter by hand, a CNN's layers for a drawing, a small CNN trained live.

``install(window)`` adds the page (``page.ConvolutionPage``), registers its training thread's
shutdown and makes it the window's page for a convolutional network opened from a file.
``python -m annviz.gui.convolution`` opens the page alone (for trying it, screenshots).
"""

from __future__ import annotations

from annviz.gui.convolution.page import ConvolutionPage


def install(window, state=None) -> ConvolutionPage:
    page = ConvolutionPage()
    window.add_page(page, page.title)
    window.add_shutdown_hook(page.shutdown)
    window.set_cnn_page(page)            # a CNN opened from a file is shown here
    return page


__all__ = ["ConvolutionPage", "install"]
