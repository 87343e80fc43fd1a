"""Small pyqtgraph habits shared by the views."""

from __future__ import annotations

from collections.abc import Callable

import pyqtgraph as pg
import shiboken6
from PySide6.QtCore import QSize, QTimer
from PySide6.QtGui import QImage, QPainter
from PySide6.QtWidgets import QGraphicsItem, QWidget

from annviz.gui.common import zoom


def cache_axes(plot: pg.PlotWidget | pg.PlotItem) -> None:
    """Keep each axis (with its grid lines) as a pixmap: repainting a plot whose data moves
    then costs a copy, not all its tick texts and grid lines (until the axis range changes)."""
    item = plot.getPlotItem() if isinstance(plot, pg.PlotWidget) else plot
    for name in ("left", "bottom", "top", "right"):
        item.getAxis(name).setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)


def measure_tick_texts(plot: pg.PlotWidget | pg.PlotItem) -> None:
    """Let each shown axis that has not painted since its ticks or font changed learn its tick
    labels' size now, as its next paint would: an axis is as wide as its widest tick label, and
    pyqtgraph measures it only while painting. (A page built while another is in front, and hidden
    before it painted, kept the width the axis starts with: My digits' bars asked 116 px at 150 %
    built then, 138 px built earlier and zoomed.)"""
    item = plot.getPlotItem() if isinstance(plot, pg.PlotWidget) else plot
    axes = [axis for axis in (item.getAxis(n) for n in ("left", "right", "top", "bottom"))
            if axis.isVisible() and axis.picture is None and axis.style["showValues"]]
    if not axes:
        return
    image = QImage(1, 1, QImage.Format.Format_ARGB32)
    painter = QPainter(image)
    try:
        for axis in axes:
            painter.save()
            axis.generateDrawSpecs(painter)        # measures the tick labels and resizes the axis
            painter.restore()
    finally:
        painter.end()


def least_for_axis_titles(plot: pg.PlotWidget | pg.PlotItem) -> tuple[int, int]:
    """The least (width, height) in pixels at which the plot writes its axis titles whole:
    pyqtgraph cuts a title longer than its axis ("accurac"). The left and right titles stand
    upright beside the axis, so they ask for height: theirs, the plot's title and the bottom
    axis; the bottom and top titles ask for width: theirs and the side axes."""
    item = plot.getPlotItem() if isinstance(plot, pg.PlotWidget) else plot
    axes = {name: item.getAxis(name) for name in ("left", "right", "top", "bottom")}
    shown = {name: axis for name, axis in axes.items() if axis.isVisible()}

    def title(axis) -> float:
        return axis.label.boundingRect().width() if axis.labelText and axis.label.isVisible() else 0.0

    above = item.titleLabel.height() if item.titleLabel.isVisible() and item.titleLabel.text else 0.0
    across = sum(shown[n].height() for n in ("top", "bottom") if n in shown)
    beside = sum(shown[n].width() for n in ("left", "right") if n in shown)
    upright = max([title(shown[n]) for n in ("left", "right") if n in shown], default=0.0)
    lying = max([title(shown[n]) for n in ("top", "bottom") if n in shown], default=0.0)
    return int(beside + lying + 4.999), int(above + across + upright + 4.999)


def keep_axis_titles_whole(widget: QWidget, item: pg.PlotItem | None = None, least_width: int = 0,
                           least_height: int = 0) -> Callable[[], None]:
    """Keep ``widget`` (a plot widget, or the view that holds the plot ``item``) no smaller than
    its axis titles ask (``least_for_axis_titles``) nor than ``least_width`` × ``least_height``
    pixels at 100 % (at the zoom). Measured again whenever the plot's inside is laid out anew (its
    axes learn their tick labels' size only as they paint); returns the measuring function, to
    call after a new title and in the widget's ``rezoom()`` (a smaller zoom need not resize it)."""
    item = item if item is not None else widget.getPlotItem()

    def fit(*_args) -> None:
        if not shiboken6.isValid(widget):
            return
        measure_tick_texts(item)
        width, height = least_for_axis_titles(item)
        layout = getattr(getattr(widget, "ci", None), "layout", None)
        if layout is not None:                    # a layout of plots keeps a margin around them
            left, top, right, bottom = layout.getContentsMargins()
            width, height = int(width + left + right + 0.999), int(height + top + bottom + 0.999)
        size = QSize(max(zoom.px(least_width), width), max(zoom.px(least_height), height))
        if widget.minimumSize() != size:
            widget.setMinimumSize(size)

    # Later, not inside the plot's own resizing: a minimum that grows the view there would resize it
    # within its resize, and the outer one would leave the plot at the old size in the new view.
    item.vb.sigResized.connect(lambda *_args: QTimer.singleShot(0, fit))
    fit()
    return fit
