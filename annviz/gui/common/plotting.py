"""Small pyqtgraph habits shared by the views."""

from __future__ import annotations

import pyqtgraph as pg
from PySide6.QtWidgets import QGraphicsItem


def cache_axes(plot: pg.PlotWidget | pg.PlotItem) -> None:
    """Keep each axis (with its grid lines) as a pixmap: repainting a plot whose data moves
    then costs a copy, not all its tick texts and grid lines (until the axis range changes)."""
    item = plot.getPlotItem() if isinstance(plot, pg.PlotWidget) else plot
    for name in ("left", "bottom", "top", "right"):
        item.getAxis(name).setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)
