"""The Convolution page: a filter by hand, a CNN's layers for a drawing, a small CNN trained live.

``install(window)`` adds the page (``page.ConvolutionPage``) and registers its training thread's
shutdown. ``python -m annviz.gui.convolution`` opens the page alone (for trying it, screenshots).
"""

from __future__ import annotations

from annviz.gui.convolution.page import ConvolutionPage


def install(window, state=None) -> ConvolutionPage:
    page = ConvolutionPage()
    window.add_page(page, page.title)
    window.add_shutdown_hook(page.shutdown)
    return page


__all__ = ["ConvolutionPage", "install"]
