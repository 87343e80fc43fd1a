"""The status bar's model line: which model the pages show — its name, its layers, its parameters,
its test accuracy and what was edited in it — and the window's title that names it.

A permanent label of the window's status bar (``window.model_line``): a menu's status tip covers it
for a moment, and it comes back when the tip goes. While the Convolution page is in front showing
a convolutional network opened from a file, the line names that network and says the other pages
show the multilayer perceptron (the app state holds MLPs only). The window asks it again whenever
the model, its edits, its name, the page in front or the language change.
"""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QWidget

from annviz.gui.common.names import architecture
from annviz.gui.explorer.touch import describe_edits
from annviz.gui.state import AppState


class ModelLine(QLabel):
    def show_model(self, state: AppState, cnn_page: QWidget | None = None) -> str:
        """Name the model of ``state`` — or the network of ``cnn_page`` (the Convolution page, when
        it is in front: ``network()``, ``model_summary()``), if it shows one — and return the
        window's title."""
        net, path = state.network, state.model_path
        if net is None:
            self.setText(self.tr("no model loaded"))
            return "annviz"
        name = path.stem if path is not None else self.tr("untitled")
        text = self.tr("{name}: {arch} · {n:,} parameters").format(
            name=name, arch=architecture(net), n=net.n_params)
        if state.info.test_accuracy is not None:
            text += self.tr(" · test accuracy {acc:.1%}").format(acc=state.info.test_accuracy)
        if state.edits:
            text += " · " + self.tr("edited: {what}").format(what=describe_edits(state.edits))
        if cnn_page is not None and cnn_page.network() is not None:
            text = cnn_page.model_summary() + " · " + self.tr("the other pages show the multilayer perceptron "
                                                              "{name}").format(name=name)
        self.setText(text)
        return f"annviz — {name}"
