"""The explorer: draw a digit and watch every layer of the network respond.

One file per view, one widget per file; each takes its data from the ``AppState`` only.
``ExplorerPage`` arranges them as docks.
"""

from annviz.gui.explorer.page import ExplorerPage

__all__ = ["ExplorerPage"]
