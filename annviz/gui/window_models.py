"""The window's model files: open, save, export (File menu), and the model the app starts with.

``ModelFiles`` belongs to the ``MainWindow`` (``window.files``), whose public methods
``open_model``, ``open_bundled``, ``load_initial_model``, ``save_model``, ``save_model_to`` and
``export_pytorch`` hand over to it. The questions it asks — what a PyTorch file cannot say
(``ask_foreign``), whether to replace a file (``confirm_replace``) — are the window's, and so are the
notices it leaves for when the window shows.

Whatever the settings hold, the window opens: a remembered model that cannot be opened is
forgotten for the bundled one (and the window says so when it shows). A PyTorch file without
annviz metadata opens after the window's small dialog asks what the file cannot say; the answers are
remembered with the path (``model/pytorch``), so the next start reopens it.

A convolutional network (``network.is_mlp`` False) goes to ``cnn_page`` (the Convolution page:
``show_network(network, path)``), which comes to the front; the app state keeps its multilayer
perceptron for the other pages, the status bar says so, and the CNN is not remembered as the model
to reopen. Without such a page, a CNN is refused with one message saying so, before any question.
Ctrl+S saves to the model's own file (Save as for a bundled, untitled or edited model).
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QObject, QSettings
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from annviz.gui.common.file_errors import refusal
from annviz.gui.common.lazy import Lazy
from annviz.gui.common.model_files import model_filter
from annviz.gui.state import AppState
from annviz.nn.activations import HIDDEN_ACTIVATIONS
from annviz.nn.layers import describe as describe_layers
from annviz.nn.modelfile import ForeignModelError, ModelFileError, load_foreign, load_model, save_model
from annviz.paths import bundled_model, models_dir, with_model_suffix
from annviz.pytorch_export import script_paths, write_pytorch_script
from annviz.safeio import memory_as

log = logging.getLogger(__name__)

BUNDLED = ("mnist-classic", "mnist-best")
#: What a PyTorch file cannot say: (hidden activation, outputs are logits, the arrangement of a
#: convolutional network's padding and pooling counted from 1 — None where only one fits).
Answers = tuple[str, bool, int | None]


class ModelFiles(QObject):
    def __init__(self, window, state: AppState, settings: QSettings):
        super().__init__(window)
        self.window, self.state, self.settings = window, state, settings
        self.cnn_page: QWidget | None = None   # where a convolutional network opened is shown (or its
                                               # stand-in until first shown: ``shown_cnn_page``)
        self._saved_as: tuple | None = None    # (network, path) of the last save: Ctrl+S goes there again

    def open_model(self, path, quiet: bool = False) -> bool:
        """Load a model file; on any fault say why (unless quiet) and keep the current model.

        A PyTorch file without annviz metadata first asks its questions (``ask_foreign``)."""
        try:
            try:
                with memory_as(ModelFileError, path):
                    self._use_model(path)
            except ForeignModelError as foreign:
                if foreign.layout.kind != "mlp" and not self.window.SHOWS_CNN and self.cnn_page is None:
                    raise ModelFileError(path, "model.not_mlp", layers=foreign.layout.describe()) from None
                answers = None if quiet else self.window.ask_foreign(path, foreign.layout)
                if answers is None:
                    return False
                self._use_model(path, answers)
        except ModelFileError as error:
            if not quiet:
                QMessageBox.warning(self.window, self.tr("The model was not opened"),
                                    self.tr("The current model stays loaded.") + "\n\n" + refusal(error))
            return False
        return True

    def open_bundled(self, name: str, quiet: bool = False) -> bool:
        return self.open_model(bundled_model(name), quiet=quiet)

    def load_initial_model(self) -> bool:
        """The last model used, else the bundled mnist-classic.

        A remembered model that cannot be used in any way (gone, corrupt, a reader's bug) must not
        keep the app from opening: its path is forgotten, the bundled model is loaded, and a
        message says so once the window shows.
        """
        last = self.settings.value("model/path")
        if last:
            try:
                self._use_model(str(last), self._remembered_answers())
                return True
            except Exception as error:
                reason = (str(error).strip().splitlines() or [type(error).__name__])[0]
                log.warning("the last model, %s, could not be opened: %s", last, reason,
                            exc_info=not isinstance(error, ModelFileError))  # a reader's bug: its trace
                if isinstance(error, ModelFileError):   # said to the learner in the learner's language
                    reason = refusal(error)
                self.settings.remove("model/path")
                self.window.add_startup_notice(self.tr("The last model was not opened"), self.tr(
                    "{path} could not be opened, so the bundled model {name} is loaded instead."
                ).format(path=last, name=BUNDLED[0]) + "\n\n" + reason)
        return self.open_bundled(BUNDLED[0], quiet=True)

    def _use_model(self, path, answers: Answers | None = None) -> None:
        """Load ``path`` and make it the current model; ModelFileError if the file is unusable,
        ForeignModelError if it is a PyTorch file and ``answers`` are missing."""
        try:
            network, info = load_model(path)
            answers = None
        except ForeignModelError:
            if answers is None:
                raise
            network, info = load_foreign(path, *answers)
        if not network.is_mlp and self.cnn_page is not None and not self.window.SHOWS_CNN:
            self._show_cnn(network, Path(path))
            return
        if not network.is_mlp and not self.window.SHOWS_CNN:
            raise ModelFileError(path, "model.not_mlp", layers=describe_layers(network.layers))
        if network.n_inputs != 784:
            raise ModelFileError(self.tr("{path}: the network takes {n} inputs, but the explorer "
                                         "gives it 28×28 = 784").format(path=path, n=network.n_inputs))
        if len(info.class_names) != network.n_outputs:
            info.class_names = [str(i) for i in range(network.n_outputs)]
        self.state.set_model(network, info, Path(path))
        self.settings.setValue("model/path", str(Path(path).resolve()))
        if answers is None:
            self.settings.remove("model/pytorch")
        else:
            arrangement = "" if len(answers) < 3 or answers[2] is None else f" {answers[2]}"
            self.settings.setValue("model/pytorch",
                                   f"{answers[0]} {'logits' if answers[1] else 'outputs'}{arrangement}")

    def _show_cnn(self, network, path: Path) -> None:
        """A convolutional network on its page, in front; the other pages keep their MLP."""
        page = self.cnn_page.widget() if isinstance(self.cnn_page, Lazy) else self.cnn_page
        page.show_network(network, path)
        self.window.tabs.setCurrentWidget(page)
        self.window.statusBar().showMessage(self.tr(
            "{name} is a convolutional network: the Convolution page shows it. The other pages show "
            "multilayer perceptrons and keep {model}.").format(
            name=path.name, model=self.state.model_path.stem if self.state.model_path else "–"), 30000)

    def built_cnn_page(self) -> QWidget | None:
        """The page a CNN is shown on, if it was built (None: none, or not shown yet)."""
        return self.cnn_page.built_widget() if isinstance(self.cnn_page, Lazy) else self.cnn_page

    def _remembered_answers(self) -> Answers | None:
        """The answers given for the remembered PyTorch file, if they read as answers."""
        words = str(self.settings.value("model/pytorch") or "").split()
        if 2 <= len(words) <= 3 and words[0] in HIDDEN_ACTIVATIONS and words[1] in ("logits", "outputs"):
            arrangement = words[2] if len(words) == 3 else None
            if arrangement is not None and not (arrangement.isdigit() and len(arrangement) < 6):
                return None
            return words[0], words[1] == "logits", None if arrangement is None else int(arrangement)
        return None

    def save_model_to(self, path) -> bool:
        try:
            save_model(path, self.state.network, self.state.info)
        except OSError as error:
            QMessageBox.warning(self.window, self.tr("The model was not saved"), str(error))
            return False
        self.settings.setValue("model/path", str(Path(path).resolve()))
        self.settings.remove("model/pytorch")  # an annviz file now
        self._saved_as = (self.state.network, Path(path))
        if self.state.model_path is None or Path(path).resolve() != self.state.model_path.resolve():
            self.state.set_model_path(path)    # the title, the status line and Ctrl+S follow
        return True

    def export_pytorch(self, path) -> tuple[Path, Path] | None:
        """Write the current model as a PyTorch script and, beside it, its .safetensors file; a
        .safetensors file already there is replaced only if the user says so (None otherwise)."""
        try:
            try:
                return write_pytorch_script(path, self.state.network, self.state.info)
            except FileExistsError as error:
                if not self.window.confirm_replace(Path(error.filename), script_paths(path)[0]):
                    return None
                return write_pytorch_script(path, self.state.network, self.state.info, replace_weights=True)
        except OSError as error:
            QMessageBox.warning(self.window, self.tr("Export failed"), self.tr("Could not write {path}: {error}")
                                .format(path=path, error=error.strerror or error))
            return None

    def open_dialog(self) -> None:
        """File → Open model…"""
        path, _ = QFileDialog.getOpenFileName(self.window, self.tr("Open model"), "", model_filter())
        if path:
            self.open_model(path)

    def save_as_dialog(self) -> None:
        """File → Save model as…"""
        path, _ = QFileDialog.getSaveFileName(self.window, self.tr("Save model as"), "", model_filter())
        if path and self.state.network is not None:
            self.save_model_to(with_model_suffix(path))

    def save_model(self) -> bool:
        """Ctrl+S: save to the model's own file; Save as… for a bundled or untitled model, and for
        an edited one (touched neurons are never saved over the model they were made from)."""
        path = self.state.model_path
        if self.state.network is None:
            return False
        saved_here = self._saved_as is not None and self._saved_as[0] is self.state.network \
            and path is not None and self._saved_as[1].resolve() == path.resolve()
        if path is None or path.resolve().parent == models_dir().resolve() or (self.state.edits and not saved_here):
            self.save_as_dialog()
            return True
        return self.save_model_to(path)

    def export_pytorch_dialog(self) -> None:
        """File → Export → PyTorch script…"""
        if self.state.network is None:
            return
        stem = self.state.model_path.stem if self.state.model_path is not None else "annviz-model"
        path, _ = QFileDialog.getSaveFileName(self.window, self.tr("Export as a PyTorch script"), f"{stem}.py",
                                              self.tr("Python script (*.py)"))
        if not path:
            return
        written = self.export_pytorch(path)
        if written is not None:
            script, weights = written
            QMessageBox.information(self.window, self.tr("PyTorch script written"), self.tr(
                "{script} defines the network in PyTorch and loads its weights from {weights}, "
                "written beside it.\n\nRun: python {name} --help").format(
                    script=script, weights=weights.name, name=script.name))

