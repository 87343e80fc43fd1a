"""Classroom zoom: one factor, from 100 % to 200 %, for every font, label, line and handle.

One mechanism, not code in every widget:

- Fonts. The application font is the base font × the factor (``QApplication.setFont``); Qt hands
  it to every widget that has not set a font of its own, and relays out. A widget that wants a
  bigger or bolder text than the rest asks for it relative to the base, ``relative_font(label,
  1.5, bold=True)``, and it stays relative when the factor changes.
- Handles. ``ZoomStyle`` (a proxy of the application's style, installed the first time the factor
  leaves 100 %) scales the style's sizes: slider handles and grooves, check boxes, scroll bars,
  splitters and dock separators, small icons.
- Plots. pyqtgraph draws tick labels with the application font already; ``set_factor`` rescales
  the rest of every plot that exists — axis titles, legends, captions and text items, the width
  of every line, the size of every symbol — by new / old factor. So a view creates its items
  zoom-aware (``pen(colour, width)``, ``px(n)`` for sizes in pixels) and never needs to hear of a
  change for the items it already has.
- Sizes. A size fixed in pixels or in lines of text is declared once, as a rule the zoom keeps:
  ``pixels(w, min_width=90)``, ``lines_high(w, 2)`` (two lines of its font), ``text_wide(w,
  "500 batches/s")``. Widgets that draw themselves read ``factor()`` / ``px(n)`` when they paint.
  What no rule says, a widget's ``rezoom()`` method does: it is called after every change (as
  ``i18n.set_language`` calls ``retranslate()``), and then every widget repaints.

The factor is the window's to remember (View → Zoom, ``MainWindow.set_zoom``).
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
import shiboken6
from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QFont, QFontMetrics, QPen
from PySide6.QtWidgets import (
    QAbstractGraphicsShapeItem,
    QApplication,
    QDockWidget,
    QGraphicsEllipseItem,
    QGraphicsItem,
    QProxyStyle,
    QStyle,
    QWidget,
)

from annviz.gui.common.living import invalidate_layouts, living_widgets

STEPS = (1.0, 1.1, 1.25, 1.5, 1.75, 2.0)
MIN, MAX = STEPS[0], STEPS[-1]
# Dynamic properties that carry a widget's rules through changes of the zoom
FONT_SCALE = "zoomFontScale"     # relative_font: the size relative to the base
FONT_BOLD = "zoomFontBold"
FONT_MONOSPACE = "zoomFontMonospace"
PIXELS = "zoomPixels"            # pixels: {"min_width": 90, …} at 100 %
LINES = "zoomLines"              # lines_high: (lines, extra pixels, fixed or minimum)
TEXT = "zoomText"                # text_wide: (sample text, extra pixels, fixed or minimum)

_factor = 1.0
_base_font: QFont | None = None   # the application font at 100 %
_style: ZoomStyle | None = None   # installed the first time the zoom leaves 100 %


class _Announcer(QObject):
    changed = Signal(float)


announcer = _Announcer()          # ``announcer.changed(factor)`` after every change


def factor() -> float:
    """The zoom now: 1.0 … 2.0."""
    return _factor


def px(n: float) -> int:
    """``n`` pixels at 100 %, at the zoom now."""
    return max(1, round(n * _factor)) if n > 0 else 0


def pen(colour, width: float = 1.0, **kwargs) -> QPen:
    """``pg.mkPen`` with ``width`` pixels at 100 %, at the zoom now."""
    return pg.mkPen(colour, width=width * _factor, **kwargs)


def text_size(points: float = 9.0) -> str:
    """A pyqtgraph text size ("13.5pt") for ``points`` at 100 %, at the zoom now (legends)."""
    return f"{points * _factor:.1f}pt"


def base_font() -> QFont:
    """The application font at 100 % (remembered the first time the zoom is used)."""
    global _base_font
    if _base_font is None:
        _base_font = QFont(QApplication.font())
        if _factor != 1.0:   # cannot happen: the factor only changes through set_factor
            _base_font.setPointSizeF(_base_font.pointSizeF() / _factor)
    return QFont(_base_font)


def font(scale: float = 1.0, bold: bool | None = None) -> QFont:
    """The base font × ``scale`` at the zoom now (bold if asked)."""
    f = base_font()
    f.setPointSizeF(f.pointSizeF() * scale * _factor)
    if bold is not None:
        f.setBold(bold)
    return f


def unzoomed(f: QFont) -> QFont:
    """``f`` at 100 %: for painting under ``QPainter.scale(factor())`` (see ``painting_scale``)."""
    f = QFont(f)
    f.setPointSizeF(f.pointSizeF() / _factor)
    return f


def painting_scale(painter, widget: QWidget) -> tuple[float, float]:
    """Scale ``painter`` by the zoom and return the widget's size in 100 % units: a view drawn by
    hand then paints as at 100 % (fonts through ``unzoomed``) and comes out zoomed, all of it."""
    painter.scale(_factor, _factor)
    return widget.width() / _factor, widget.height() / _factor


def relative_font(widget: QWidget, scale: float, bold: bool | None = None, monospace: bool = False) -> None:
    """Give ``widget`` a font ``scale`` times the base size (bold, monospace), following the zoom."""
    widget.setProperty(FONT_SCALE, float(scale))
    if bold is not None:
        widget.setProperty(FONT_BOLD, bool(bold))
    if monospace:
        widget.setProperty(FONT_MONOSPACE, True)
    _apply_relative_font(widget)


def _apply_relative_font(widget: QWidget) -> None:
    bold = widget.property(FONT_BOLD)
    f = font(float(widget.property(FONT_SCALE)), None if bold is None else bool(bold))
    if widget.property(FONT_MONOSPACE):
        f.setFamily("monospace")
        f.setStyleHint(QFont.StyleHint.TypeWriter)
    widget.setFont(f)


def pixels(widget: QWidget, **sizes: int) -> None:
    """Sizes in pixels at 100 % that follow the zoom: ``min_width``, ``min_height``,
    ``fixed_width``, ``fixed_height``, ``max_width``, ``max_height``."""
    widget.setProperty(PIXELS, dict(sizes))
    _apply_sizes(widget)


def lines_high(widget: QWidget, lines: int, extra: int = 2, fixed: bool = True) -> None:
    """As high as ``lines`` lines of its font (+ ``extra`` pixels), whatever the zoom."""
    widget.setProperty(LINES, (int(lines), int(extra), bool(fixed)))
    _apply_sizes(widget)


def text_wide(widget: QWidget, text: str, extra: int = 0, fixed: bool = False) -> None:
    """At least (or exactly) as wide as ``text`` in its font (+ ``extra`` pixels), whatever the zoom."""
    widget.setProperty(TEXT, (str(text), int(extra), bool(fixed)))
    _apply_sizes(widget)


def _metrics(widget: QWidget) -> QFontMetrics:
    """The metrics of the font ``widget`` has at the zoom now. A font set on the widget or one of
    its parents is already up to date (Qt hands it down at once); the application's font reaches
    the widgets through events that may not have been delivered yet, so it is asked for directly."""
    w = widget
    while w is not None:
        if w.testAttribute(Qt.WidgetAttribute.WA_SetFont):
            return widget.fontMetrics()
        w = w.parentWidget()
    return QFontMetrics(QApplication.font(widget))


_SETTERS = {"min_width": "setMinimumWidth", "min_height": "setMinimumHeight",
            "fixed_width": "setFixedWidth", "fixed_height": "setFixedHeight",
            "max_width": "setMaximumWidth", "max_height": "setMaximumHeight"}


def _apply_sizes(widget: QWidget) -> None:
    for name, value in (widget.property(PIXELS) or {}).items():
        getattr(widget, _SETTERS[name])(px(value))
    rule = widget.property(LINES)
    if rule:
        lines, extra, fixed = rule
        height = lines * _metrics(widget).lineSpacing() + px(extra)
        (widget.setFixedHeight if fixed else widget.setMinimumHeight)(height)
    rule = widget.property(TEXT)
    if rule:
        text, extra, fixed = rule
        width = _metrics(widget).horizontalAdvance(text) + px(extra)
        (widget.setFixedWidth if fixed else widget.setMinimumWidth)(width)


def step(direction: int) -> float:
    """The next step up (+1) or down (−1) from the zoom now; 0 is back to 100 %."""
    if direction == 0:
        return 1.0
    if direction > 0:
        return next((s for s in STEPS if s > _factor + 1e-9), MAX)
    return next((s for s in reversed(STEPS) if s < _factor - 1e-9), MIN)


def set_factor(value: float) -> float:
    """Zoom everything to ``value`` (clamped to 1.0 … 2.0); returns the factor now in use."""
    global _factor
    app = QApplication.instance()
    if app is None:
        raise RuntimeError("create the QApplication before zooming")
    try:
        value = float(value)
    except (TypeError, ValueError):
        value = 1.0
    value = min(MAX, max(MIN, value)) if np.isfinite(value) else 1.0
    old = _factor
    if abs(value - old) < 1e-9:
        return old
    base = base_font()
    global _style
    if value != 1.0 and _style is None:
        _style = ZoomStyle()              # kept here: the application only borrows it
        app.setStyle(_style)
    _factor = value
    f = QFont(base)
    f.setPointSizeF(base.pointSizeF() * value)
    app.setFont(f)
    # Each pass asks Qt for the widgets afresh: a pass may delete some (a style sheet set again
    # remakes a widget's inner parts), and a widget deleted must not be touched.
    for widget in living_widgets():
        if widget.styleSheet():           # a style sheet keeps the font it saw: let it see this one
            widget.setStyleSheet(widget.styleSheet())
    for widget in living_widgets():
        if widget.property(FONT_SCALE) is not None:
            _apply_relative_font(widget)
        if isinstance(widget, QDockWidget):
            _refresh_dock_title(widget, f)
        _apply_sizes(widget)
    for widget in living_widgets():
        if isinstance(widget, pg.GraphicsView):
            rescale_scene(widget.scene(), value / old)
    for widget in living_widgets():
        rezoom = getattr(widget, "rezoom", None)
        if callable(rezoom) and shiboken6.isValid(widget):
            rezoom()
    invalidate_layouts()                  # hidden pages too: their minimums follow the zoom
    for widget in living_widgets():
        widget.update()
    announcer.changed.emit(value)
    return value


def _refresh_dock_title(dock: QDockWidget, app_font: QFont) -> None:
    """A dock draws its title in the font it found when it was made, unless its own font differs
    from the application's: give it the application font, marked (a style strategy that draws the
    same) so that it differs, and the title follows the zoom."""
    f = QFont(app_font)
    f.setStyleStrategy(QFont.StyleStrategy.PreferAntialias)
    dock.setFont(f)


# --- plots ---------------------------------------------------------------------------------------

def _scaled_pen(value, ratio: float) -> QPen | None:
    p = pg.mkPen(value) if not isinstance(value, QPen) else QPen(value)
    if p.style() == pg.QtCore.Qt.PenStyle.NoPen:
        return None
    p.setWidthF(max(p.widthF(), 1.0) * ratio)      # width 0 is a one-pixel cosmetic line
    return p


IGNORES_TRANSFORMATIONS = QGraphicsItem.GraphicsItemFlag.ItemIgnoresTransformations


def _points(size) -> float | None:
    """12.0 for a pyqtgraph size "12pt"; None for anything else."""
    if isinstance(size, str) and size.endswith("pt"):
        try:
            return float(size[:-2])
        except ValueError:
            return None
    return None


def _scaled_text_font(current: QFont, ratio: float) -> QFont:
    f = QFont(current)
    f.setPointSizeF(current.pointSizeF() * ratio)
    return f


def rescale_scene(scene, ratio: float) -> None:
    """Every line width, symbol size and text in a pyqtgraph scene × ``ratio``."""
    for item in scene.items():
        parent = item.parentItem()
        if isinstance(item, pg.PlotDataItem):
            if item.opts.get("pen") is not None:
                scaled = _scaled_pen(item.opts["pen"], ratio)
                if scaled is not None:
                    item.setPen(scaled)
            if item.opts.get("symbol") is not None:
                item.setSymbolSize(item.opts["symbolSize"] * ratio)
        elif isinstance(item, pg.PlotCurveItem) and not isinstance(parent, pg.PlotDataItem):
            scaled = _scaled_pen(item.opts["pen"], ratio)
            if scaled is not None:
                item.setPen(scaled)
        elif isinstance(item, pg.ScatterPlotItem) and not isinstance(parent, pg.PlotDataItem):
            sizes = item.data["size"]
            if len(sizes) and (sizes >= 0).any():
                item.setSize(np.where(sizes >= 0, sizes, item.opts["size"]) * ratio)
            else:
                item.setSize(item.opts["size"] * ratio)
            scaled = _scaled_pen(item.opts["pen"], ratio)
            if scaled is not None:
                item.setPen(scaled)
        elif isinstance(item, pg.InfiniteLine):
            scaled = _scaled_pen(item.pen, ratio)
            if scaled is not None:
                item.setPen(scaled)
        elif isinstance(item, QAbstractGraphicsShapeItem):
            if item.pen().style() != pg.QtCore.Qt.PenStyle.NoPen and item.pen().color().alpha() > 0:
                item.setPen(_scaled_pen(item.pen(), ratio))
            if isinstance(item, QGraphicsEllipseItem) and item.flags() & IGNORES_TRANSFORMATIONS:
                r = item.rect()                    # a marker of fixed pixel size
                item.setRect(r.x() * ratio, r.y() * ratio, r.width() * ratio, r.height() * ratio)
        elif isinstance(item, pg.AxisItem):
            item.label.setFont(_scaled_text_font(item.label.font(), ratio))
            if item.labelText:
                item.setLabel(item.labelText, units=item.labelUnits or None,
                              unitPrefix=item.labelUnitPrefix or None, **item.labelStyle)
        elif isinstance(item, pg.LegendItem):
            size = item.opts.get("labelTextSize")
            points = _points(size) or QApplication.font().pointSizeF()
            item.setLabelTextSize(f"{points * ratio:.1f}pt")
            for _, label in item.items:
                label.setText(label.text)
            item.updateSize()
        elif isinstance(item, pg.LabelItem) and not isinstance(parent, pg.LegendItem):
            size = item.opts.get("size")
            points = _points(size) if _points(size) else item.item.font().pointSizeF()
            item.setText(item.text, size=f"{points * ratio:.1f}pt")
        elif isinstance(item, pg.TextItem):
            item.setFont(_scaled_text_font(item.textItem.font(), ratio))


# --- handles -------------------------------------------------------------------------------------

class ZoomStyle(QProxyStyle):
    """The application's style, with its handles, indicators and bars scaled by the zoom."""

    SCALED = {
        QStyle.PixelMetric.PM_SliderLength, QStyle.PixelMetric.PM_SliderThickness,
        QStyle.PixelMetric.PM_SliderControlThickness, QStyle.PixelMetric.PM_IndicatorWidth,
        QStyle.PixelMetric.PM_IndicatorHeight, QStyle.PixelMetric.PM_ExclusiveIndicatorWidth,
        QStyle.PixelMetric.PM_ExclusiveIndicatorHeight, QStyle.PixelMetric.PM_ScrollBarExtent,
        QStyle.PixelMetric.PM_ScrollBarSliderMin, QStyle.PixelMetric.PM_SplitterWidth,
        QStyle.PixelMetric.PM_DockWidgetSeparatorExtent, QStyle.PixelMetric.PM_SmallIconSize,
        QStyle.PixelMetric.PM_ButtonIconSize, QStyle.PixelMetric.PM_TabBarIconSize,
    }

    # No base style given: Qt makes its own copy of the application's style, and owns it (a base
    # made here would belong to Python, which could free it under Qt).

    def pixelMetric(self, metric, option=None, widget=None) -> int:
        value = super().pixelMetric(metric, option, widget)
        return round(value * _factor) if metric in self.SCALED and _factor != 1.0 else value
