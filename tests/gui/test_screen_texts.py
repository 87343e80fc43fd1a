"""What the screen writes is whole, in both languages: texts a view paints or writes as rich text
(which the fit tests' label measures do not see) are read back as a user sees them."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QFontMetricsF, QTextDocument

from annviz.gui.i18n import set_language


@pytest.fixture(params=["en", "ko"])
def lang(request, qapp):
    set_language(request.param)
    yield request.param
    set_language("en")


def shown_text(label) -> str:
    """A rich-text label's text as the screen shows it."""
    doc = QTextDocument()
    doc.setHtml(label.text())
    return doc.toPlainText()


def test_the_neuron_labs_legend_writes_w_less_than_zero(qtbot, lang):
    """"(w < 0)": the "<" of a sign legend is written, not read as the start of a tag (which hid the
    rest of the blue item)."""
    from annviz.gui.lab.neuron_view import NeuronView

    view = NeuronView()
    qtbot.addWidget(view)
    text = shown_text(view.legend)
    blue, orange = {"en": ("inhibiting input (w < 0)", "exciting input (w > 0)"),
                    "ko": ("억제하는 입력 (w < 0)", "(w > 0)")}[lang]
    assert blue in text and orange in text
    assert text.index(blue) < text.index(orange)


@pytest.mark.parametrize("width", [440, 560, 900])
def test_the_neuron_pictures_captions_are_whole_and_apart(qtbot, lang, width):
    """Each part's name and meaning ("Axon terminals", "to the next neurons") is written whole inside
    the picture, apart from its neighbours, at the picture's least width and wider."""
    from annviz.gui.lab.biology import NeuronPicture

    picture = NeuronPicture()
    qtbot.addWidget(picture)
    picture.resize(width, 300)
    drawn = picture.captions_drawn()
    texts = [text for text, _, _ in drawn]
    assert len(texts) == 8 and {"en": "to the next neurons", "ko": "다음 뉴런으로"}[lang] == texts[-1]
    for row in (drawn[:4], drawn[4:]):
        for text, font, box in row:
            assert 0 <= box.left() and box.right() <= width, (text, box)
            assert QFontMetricsF(font).horizontalAdvance(text) <= box.width() + 0.5
            assert font.pointSizeF() >= 0.8 * picture.font().pointSizeF() - 0.01
        for (_, _, left), (_, _, right) in zip(row, row[1:]):
            assert left.right() < right.left(), (left, right)


def squeezed_plot(qtbot, keep: bool):
    """A plot titled "accuracy" upright and "digit" below, in a window of 300 × 60 pixels."""
    import pyqtgraph as pg
    from PySide6.QtWidgets import QVBoxLayout, QWidget

    from annviz.gui.common.plotting import keep_axis_titles_whole

    window = QWidget()
    qtbot.addWidget(window)
    plot = pg.PlotWidget()
    plot.setTitle("My held-out digits")
    plot.setLabel("left", "accuracy on my digits")
    plot.setLabel("bottom", "digit")
    if keep:
        keep_axis_titles_whole(plot, least_height=40)
    QVBoxLayout(window).addWidget(plot)
    window.resize(300, 60)
    window.show()
    qtbot.waitExposed(window)
    qtbot.wait(100)                # the axes learn their labels' size as they paint: a second pass
    return window, plot


@pytest.mark.parametrize("keep", [True, False], ids=["kept whole", "left alone"])
def test_a_plot_kept_whole_writes_its_axis_titles_whole(qtbot, keep):
    """``keep_axis_titles_whole``: a short plot grows until its upright title is whole; left alone,
    pyqtgraph cuts it (the check sees the cut, so it can tell)."""
    from fit_check import axis_titles_cut

    _window, plot = squeezed_plot(qtbot, keep)
    cut = axis_titles_cut(plot)
    assert (cut == []) if keep else any("accuracy on my digits" in c for c in cut), cut


def test_a_plot_kept_whole_counts_its_tick_labels_before_it_ever_paints(qtbot):
    """A plot's least width counts its widest tick label as soon as it is laid out, not from its first
    paint on: a page built while another stood in front and hidden again before it painted asked
    less than the same page built before (My digits' bars: 116 px at 150 % against 138)."""
    import pyqtgraph as pg

    from annviz.gui.common.plotting import keep_axis_titles_whole

    plot = pg.PlotWidget()
    qtbot.addWidget(plot)
    plot.getAxis("left").setTicks([[(0, "0 %"), (0.5, "50 %"), (1, "100 000 %")]])
    plot.setLabel("left", "accuracy")
    plot.setLabel("bottom", "digit")
    measure = keep_axis_titles_whole(plot)
    plot.resize(400, 300)
    plot.show()                                       # laid out, not painted yet
    measure()                                         # as a new title or zoom asks
    before = plot.minimumSize()
    qtbot.waitExposed(plot)
    qtbot.wait(100)                                   # painted, laid out again, measured again
    assert plot.minimumSize() == before


@pytest.mark.parametrize("width,columns", [(700, 2), (280, 1)])
def test_the_deeper_layers_stand_side_by_side_only_where_they_fit(qtbot, lang, width, columns):
    """Each matrix's biases beside it in a wide panel, under it in a narrow one: never a plot laid
    out wider than the view (whose right part was cut), never an axis title cut."""
    import pyqtgraph as pg

    from annviz.gui.explorer.layers import LayerMatrices
    from annviz.gui.state import AppState
    from annviz.nn.network import Network
    from fit_check import axis_titles_cut, plot_overflow

    state = AppState()
    state.set_model(Network.build([784, 16, 16, 10]))
    layers = LayerMatrices(state)
    qtbot.addWidget(layers)
    layers.resize(width, 500)
    layers.show()
    qtbot.waitExposed(layers)
    qtbot.wait(50)
    view = layers.findChild(pg.GraphicsLayoutWidget)
    assert layers.columns() == columns
    assert plot_overflow(view) is None
    assert axis_titles_cut(view) == []


@pytest.mark.parametrize("hidden", [(16, 16), (32,) * 6], ids=["784-16-16-10", "6 hidden layers"])
def test_the_diagrams_titles_are_whole_at_its_least_size(qtbot, lang, hidden):
    """Each column's title ("hidden layer 1", "16") is written whole inside the drawing, at the
    least size the diagram takes (its first line was cut at the top by 4 px in every page with the
    diagram at 1366×768, and the titles overlapped for a deep network)."""
    from PySide6.QtWidgets import QGraphicsView

    from annviz.gui.explorer.diagram import NetworkDiagram
    from annviz.gui.state import AppState
    from annviz.nn.network import Network
    from fit_check import texts_cut

    state = AppState()
    state.set_model(Network.build([784, *hidden, 10]))
    diagram = NetworkDiagram(state)
    qtbot.addWidget(diagram)
    diagram.show()
    qtbot.waitExposed(diagram)
    diagram.resize(diagram.minimumSizeHint())
    qtbot.wait(50)
    view = diagram.findChild(QGraphicsView)
    assert texts_cut(view) == []
    boxes = sorted((item.sceneBoundingRect() for item in view.scene().items()
                    if type(item).__name__ == "TextItem" and "\n" in item.toPlainText()), key=lambda r: r.left())
    assert len(boxes) == len(hidden) + 2
    for left, right in zip(boxes, boxes[1:]):                # titles side by side, apart
        assert left.right() <= right.left() + 1, (left, right)


def test_a_deep_networks_drawing_scrolls_in_its_panel_not_the_page(qtbot, lang):
    """Six hidden layers ask the panel for no more width than three do (the explorer page with
    the lesson drawer scrolled sideways at 1280×800, 1074 px for 954); the drawing, legible, scrolls
    sideways inside the panel instead."""
    from PySide6.QtWidgets import QScrollArea

    from annviz.gui.explorer.diagram import NetworkDiagram
    from annviz.gui.state import AppState
    from annviz.nn.network import Network

    state = AppState()
    state.set_model(Network.build([784, 32, 32, 32, 10]))
    diagram = NetworkDiagram(state)
    qtbot.addWidget(diagram)
    diagram.show()
    three = diagram.minimumSizeHint().width()
    state.set_model(Network.build([784, *(32,) * 6, 10]))
    assert diagram.minimumSizeHint().width() <= three + 2
    diagram.resize(diagram.minimumSizeHint())
    qtbot.wait(50)
    scroll = diagram.findChild(QScrollArea)
    assert scroll.horizontalScrollBar().isVisible()
    assert scroll.widget().width() > scroll.viewport().width()


def test_a_deep_networks_histograms_wrap_onto_rows_that_fit(qtbot):
    """Seven weight layers: in one row where they fit, in more rows in a narrow view (the last
    histograms were cut off at 1280×800 after training the doctor's 6-hidden-layer preset)."""
    import pyqtgraph as pg

    from annviz.gui.state import AppState
    from annviz.gui.training.weight_histograms import WeightHistograms
    from annviz.nn.network import Network
    from fit_check import axis_titles_cut, plot_overflow

    state = AppState()
    state.set_model(Network.build([784, *(32,) * 6, 10]))
    view = WeightHistograms(state)
    qtbot.addWidget(view)
    plots = view.findChild(pg.GraphicsLayoutWidget)
    for width, one_row in ((520, False), (2400, True)):     # first shown narrow, as in the app
        view.resize(width, 400)
        view.show()
        qtbot.wait(50)
        tops = {round(item.sceneBoundingRect().top()) for item in plots.scene().items()
                if isinstance(item, pg.PlotItem)}
        assert (len(tops) == 1) if one_row else (len(tops) > 1)
        assert plot_overflow(plots) is None and axis_titles_cut(plots) == []


@pytest.mark.parametrize("z, a", [(1.0, 1.0), (5.0, 1.0), (-5.0, 1.0), (-5.0, 0.0), (5.0, 0.0), (0.5, 0.5)])
def test_the_text_beside_an_activations_point_is_written_inside_its_plot(qtbot, z, a):
    """"z = 1.00" beside the neuron lab's point stays inside the plot wherever the point stands: at
    a = 1, the top of the plot, it was written above the point and showed 9 of its 14 px (1366×768,
    lesson "threshold" step 3); near the right end it would run out at the right."""
    from annviz.gui.common.activation_plot import ActivationPlot
    from fit_check import texts_cut

    plot = ActivationPlot()
    qtbot.addWidget(plot)
    plot.resize(260, 170)
    plot.show()
    qtbot.waitExposed(plot)
    plot.show_function("step")
    plot.show_point(z, a, text=f"z = {z:.2f}")
    qtbot.wait(20)
    assert plot.point_text() == f"z = {z:.2f}"
    assert texts_cut(plot) == []
