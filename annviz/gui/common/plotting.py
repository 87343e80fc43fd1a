"""Small pyqtgraph habits shared by the views."""

from __future__ import annotations

import pyqtgraph as pg
from PySide6.QtWidgets import QGraphicsItem


def cache_axes(plot: pg.PlotWidget) -> None:
    """Keep each axis (with its grid lines) as a pixmap: repainting a plot whose data moves
    then costs a copy, not all its tick texts and grid lines."""
    for name in ("left", "bottom", "top", "right"):
        plot.getPlotItem().getAxis(name).setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)
