"""The outer window: a tab per page (the explorer first), menus, settings and shutdown hooks.

Other areas plug in through public methods: ``add_page(widget, title_fn)`` adds a tab
(``title_fn`` returns the translated title, called again when the language changes),
``add_file_action(title_fn, fn)`` a command in the File menu, ``add_help_action(title_fn, fn)`` one
at the top of the Help menu, and ``add_shutdown_hook(fn)`` something to stop when the window
closes (e.g. a training thread). (``explorer.add_dock(dock, area)`` would add a dock on the
explorer page; no area uses it today.) Geometry, dock layout, the last model and the language persist in ``QSettings``.

Whatever the settings hold, the window opens: a remembered model that cannot be opened is
forgotten for the bundled one (and the window says so when it shows), and saved geometry or
layout of the wrong type is ignored.

Help → Concepts on this screen shows what the page in front says about itself (``concepts_html()``,
a page with tabs asking its tab in front).

The status bar's model line is a permanent label: a menu's status tip covers it for a moment,
and it comes back when the tip goes. Ctrl+S saves to the model's own file (Save as for a bundled
or untitled model); the current bundled model is checked in View → Bundled models.

A PyTorch file without annviz metadata opens after a small dialog asks what the file cannot say
(``foreign_dialog``); the answers are remembered with the path, so the next start reopens it.

The pages show multilayer perceptrons. A convolutional network (``network.is_mlp`` False: a
model file or a PyTorch file of ``nn.Conv2d`` layers) goes to the page given to ``set_cnn_page``
(the Convolution page: ``show_network(network, path)``), which comes to the front; the app state
keeps its multilayer perceptron for the other pages, the status bar says so, and the CNN is not
remembered as the model to reopen. Without such a page, a CNN is refused with one message saying
so, before any question. (``SHOWS_CNN`` stays False: the app state and setups hold MLPs only.)
File → Export writes a picture of the current page, or a PyTorch script with the model beside it
(``annviz.pytorch_export``).

The classroom mode — zoom, presenter mode, reset layout, the welcome — lives in ``classroom.py``;
the window's public methods (``set_zoom``, ``set_presenter_mode``, ``reset_layout``,
``show_welcome``) are its handles for other areas, e.g. a lesson.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings, Qt
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QFileDialog, QLabel, QMainWindow, QMessageBox, QWidget

from annviz.gui import i18n
from annviz.gui.classroom import Classroom
from annviz.gui.common import living, room
from annviz.gui.common.file_errors import refusal
from annviz.gui.common.model_files import model_filter
from annviz.gui.common.names import architecture
from annviz.gui.explorer import ExplorerPage
from annviz.gui.explorer.touch import describe_edits
from annviz.gui.foreign_dialog import ForeignModelDialog
from annviz.gui.state import AppState
from annviz.nn.activations import HIDDEN_ACTIVATIONS
from annviz.nn.foreign import ForeignLayout
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


class MainWindow(QMainWindow):
    #: Whether the pages can show a convolutional network; until they can, one is refused.
    SHOWS_CNN = False

    def __init__(self, state: AppState, settings: QSettings | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("annviz-main")
        self.state = state
        self.settings = settings if settings is not None else QSettings()
        self._pages: list[tuple[QWidget, Callable[[], str]]] = []
        self._shutdown_hooks: list[Callable[[], None]] = []
        self._startup_notices: list[tuple[str, str]] = []  # (title, text) shown once visible
        self._saved_as: tuple | None = None   # (network, path) of the last save: Ctrl+S goes there again
        self.language = "en"
        self.training = None   # the training area (its page, controller, time machine), once installed
        self._cnn_page: QWidget | None = None   # where a convolutional network opened is shown
        self.tabs = room.PageTabs()         # each page in a frame that scrolls only if it must
        self.tabs.setDocumentMode(True)
        self.setCentralWidget(self.tabs)
        self.explorer = ExplorerPage(state)
        self.add_page(self.explorer, lambda: self.tr("Explorer"))
        self.add_shutdown_hook(self.explorer.shutdown)
        self.model_line = QLabel()                       # the status bar's model line
        self.statusBar().addWidget(self.model_line, 1)
        self._build_menus()
        self.classroom = Classroom(self, self._view_menu, self._help_menu)
        self.resize(room.INITIAL)
        self.tabs.currentChanged.connect(self._on_page_changed)
        state.model_changed.connect(self._on_model_changed)
        state.edits_changed.connect(self._on_model_changed)
        state.model_renamed.connect(self._on_model_changed)
        self.retranslate()

    # --- public ------------------------------------------------------------------------------

    def add_page(self, widget: QWidget, title_fn: Callable[[], str]) -> None:
        self._pages.append((widget, title_fn))
        self.tabs.addTab(widget, title_fn())

    def set_cnn_page(self, page: QWidget) -> None:
        """The page that shows a convolutional network opened from a file (``page.show_network``);
        while it is in front, the status bar's model line names its network (``page.model_summary``,
        its ``network_shown`` signal) and says the other pages show the MLP."""
        self._cnn_page = page
        page.network_shown.connect(self._on_model_changed)

    def fit_to_screen(self) -> None:
        """No larger than the screen's available area, and inside it (``room.fit_to_screen``)."""
        room.fit_to_screen(self)

    def add_shutdown_hook(self, hook: Callable[[], None]) -> None:
        self._shutdown_hooks.append(hook)

    def add_file_action(self, title_fn: Callable[[], str], triggered: Callable[[], None]) -> QAction:
        """Another area's command in the File menu, above Quit; ``title_fn`` gives its text."""
        action = QAction(title_fn(), self)
        action.triggered.connect(lambda _=False: triggered())
        self._file_menu.insertAction(self._quit_separator, action)
        self._area_actions.append((action, title_fn))
        return action

    def add_help_action(self, title_fn: Callable[[], str], triggered: Callable[[], None],
                        shortcut: str | None = None) -> QAction:
        """Another area's command at the top of the Help menu; ``title_fn`` gives its text."""
        action = QAction(title_fn(), self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
            self.addAction(action)
        action.triggered.connect(lambda _=False: triggered())
        self._help_menu.insertAction(self._help_menu.actions()[0], action)
        self._area_actions.append((action, title_fn))
        return action

    def add_view_action(self, title_fn: Callable[[], str], toggled: Callable[[bool], None]) -> QAction:
        """Another area's on/off setting at the end of the View menu; ``title_fn`` gives its text."""
        action = QAction(title_fn(), self)
        action.setCheckable(True)
        action.toggled.connect(toggled)
        self._view_menu.addAction(action)
        self._area_actions.append((action, title_fn))
        return action

    def run_shutdown_hooks(self) -> None:
        """Stop what the hooks stop (on closing, or when start-up fails half-way)."""
        for hook in self._shutdown_hooks:
            try:
                hook()
            except Exception:  # one failing hook must not keep the others from running
                log.exception("shutdown hook %r failed", hook)

    def open_model(self, path, quiet: bool = False) -> bool:
        """Load a model file; on any fault say why (unless quiet) and keep the current model.

        A PyTorch file without annviz metadata first asks its questions (``ask_foreign``)."""
        try:
            try:
                with memory_as(ModelFileError, path):
                    self._use_model(path)
            except ForeignModelError as foreign:
                if foreign.layout.kind != "mlp" and not self.SHOWS_CNN and self._cnn_page is None:
                    raise ModelFileError(path, "model.not_mlp", layers=foreign.layout.describe()) from None
                answers = None if quiet else self.ask_foreign(path, foreign.layout)
                if answers is None:
                    return False
                self._use_model(path, answers)
        except ModelFileError as error:
            if not quiet:
                QMessageBox.warning(self, self.tr("The model was not opened"),
                                    self.tr("The current model stays loaded.") + "\n\n" + refusal(error))
            return False
        return True

    def ask_foreign(self, path, layout: ForeignLayout) -> Answers | None:
        """The hidden activation, whether the outputs are logits and (a convolutional network
        whose file fits several) the arrangement, or None if cancelled."""
        dialog = ForeignModelDialog(path, layout, self)
        try:
            if dialog.exec() != ForeignModelDialog.DialogCode.Accepted:
                return None
            return dialog.activation(), dialog.logits(), dialog.arrangement()
        finally:
            dialog.deleteLater()

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
                self.add_startup_notice(self.tr("The last model was not opened"), self.tr(
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
        if not network.is_mlp and self._cnn_page is not None and not self.SHOWS_CNN:
            self._show_cnn(network, Path(path))
            return
        if not network.is_mlp and not self.SHOWS_CNN:
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
        self._cnn_page.show_network(network, path)
        self.tabs.setCurrentWidget(self._cnn_page)
        self.statusBar().showMessage(self.tr(
            "{name} is a convolutional network: the Convolution page shows it. The other pages show "
            "multilayer perceptrons and keep {model}.").format(
            name=path.name, model=self.state.model_path.stem if self.state.model_path else "–"), 30000)

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
            QMessageBox.warning(self, self.tr("The model was not saved"), str(error))
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
                if not self.confirm_replace(Path(error.filename), script_paths(path)[0]):
                    return None
                return write_pytorch_script(path, self.state.network, self.state.info, replace_weights=True)
        except OSError as error:
            QMessageBox.warning(self, self.tr("Export failed"), self.tr("Could not write {path}: {error}")
                                .format(path=path, error=error.strerror or error))
            return None

    def confirm_replace(self, weights: Path, script: Path) -> bool:
        """Ask before the export replaces a file the user did not name."""
        answer = QMessageBox.question(
            self, self.tr("Replace {name}?").format(name=weights.name),
            self.tr("The script {script} loads its weights from {weights}, beside it — and {weights} "
                    "already exists. Replace it with this model? (Its old contents are lost: a program "
                    "that loads it may no longer work. Cancel and choose another name for the script "
                    "to keep it.)").format(script=script.name, weights=weights.name),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel, QMessageBox.StandardButton.Cancel)
        return answer == QMessageBox.StandardButton.Yes

    def export_png(self, path) -> bool:
        """Save a picture of the current page."""
        return self.tabs.currentWidget().grab().save(str(path), "PNG")

    def set_language(self, lang: str) -> None:
        self.language = i18n.set_language(lang)
        self.settings.setValue("language", self.language)
        for code, action in self._language_actions.items():
            action.setChecked(code == self.language)

    # The classroom mode (classroom.py): zoom, presenter mode, reset layout, the welcome.

    def set_zoom(self, factor: float) -> float:
        """Zoom every font, line and handle (1.0 … 2.0), remembered; returns the factor in use."""
        return self.classroom.set_zoom(factor)

    def set_presenter_mode(self, on: bool) -> None:
        """Only the page: no menu bar, status bar or secondary panels (off: all back as before)."""
        self.classroom.set_presenter_mode(on)

    def presenter_mode(self) -> bool:
        return self.classroom.presenter_mode()

    def reset_layout(self) -> None:
        """Every page's panels and splitters back to their default places and sizes."""
        self.classroom.reset_layout()

    def show_welcome(self):
        return self.classroom.show_welcome()

    def show_welcome_if_first_start(self):
        """The welcome, unless it was shown before (the settings remember); None then."""
        return self.classroom.show_welcome_if_first_start()

    def restore_settings(self) -> None:
        """Geometry, dock layout and zoom as saved; anything else in their place keeps the defaults."""
        geometry = self._saved_bytes("window/geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)
        state = self._saved_bytes("window/state")
        if state is not None:
            self.restoreState(state)
        self.explorer.restore_layout(self._saved_bytes("explorer/layout"))
        self.classroom.restore_zoom()
        if geometry is None:                 # a first start: as large as the zoom wants (then fitted)
            self.resize(room.initial_size())

    def _saved_bytes(self, key: str) -> QByteArray | None:
        """The bytes Qt saved under ``key``, or None if the setting is absent or holds something
        else (a string or a number written by hand, by another version, by a broken disk)."""
        value = self.settings.value(key)
        if isinstance(value, (QByteArray, bytes, bytearray)) and len(value):
            return QByteArray(value)
        if value is not None:
            log.warning("setting %s holds a %s, not the bytes Qt saved; using the default",
                        key, type(value).__name__)
        return None

    def save_settings(self) -> None:
        self.settings.setValue("window/geometry", self.saveGeometry())
        self.settings.setValue("window/state", self.saveState())
        self.settings.setValue("explorer/layout", self.explorer.save_layout())
        self.settings.setValue("language", self.language)
        self.settings.sync()

    # --- menus -------------------------------------------------------------------------------

    def _action(self, menu, triggered, shortcut=None) -> QAction:
        action = QAction(self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(triggered)
        menu.addAction(action)
        self.addAction(action)          # its shortcut works wherever the focus is in the window
        return action

    def _build_menus(self) -> None:
        bar = self.menuBar()
        self._file_menu = bar.addMenu("")
        self._open = self._action(self._file_menu, self._on_open_triggered, QKeySequence.StandardKey.Open)
        self._save_here = self._action(self._file_menu, self.save_model, QKeySequence.StandardKey.Save)
        self._save = self._action(self._file_menu, self._on_save_triggered, QKeySequence.StandardKey.SaveAs)
        self._export_menu = self._file_menu.addMenu("")
        self._export = self._action(self._export_menu, self._on_export_triggered, "Ctrl+E")
        self._export_pytorch = self._action(self._export_menu, self._on_export_pytorch_triggered)
        self._quit_separator = self._file_menu.addSeparator()
        self._area_actions: list[tuple[QAction, Callable[[], str]]] = []
        self._quit = self._action(self._file_menu, self.close, QKeySequence.StandardKey.Quit)
        self._view_menu = bar.addMenu("")
        self._panels_menu = self._view_menu.addMenu("")
        self._panels_menu.aboutToShow.connect(self._on_panels_menu_about_to_show)
        self._models_menu = self._view_menu.addMenu("")
        # Slots are bound methods, never lambdas that capture the window: a lambda connected to a
        # signal of the window's own child is held by Qt's connection, and keeps a closed window
        # (and everything in it) alive for good, out of Python's garbage collector's sight.
        self._model_actions = {name: self._action(self._models_menu, self._on_model_action) for name in BUNDLED}
        for name, action in self._model_actions.items():
            action.setData(name)
        for action in self._model_actions.values():
            action.setCheckable(True)                    # the current one is checked
        self._language_menu = self._view_menu.addMenu("")
        group = QActionGroup(self)
        self._language_actions = {}
        for code, name in i18n.LANGUAGES.items():
            action = self._action(self._language_menu, self._on_language_action)
            action.setData(code)
            action.setText(name)
            action.setCheckable(True)
            group.addAction(action)
            self._language_actions[code] = action
        self._help_menu = bar.addMenu("")
        self._concepts = self._action(self._help_menu, self._on_concepts_triggered,
                                      QKeySequence.StandardKey.HelpContents)
        self._about = self._action(self._help_menu, self._on_about_triggered)

    def _on_panels_menu_about_to_show(self) -> None:
        self._panels_menu.clear()
        for dock in self.explorer.docks():
            self._panels_menu.addAction(dock.toggleViewAction())

    def retranslate(self) -> None:
        for widget, title_fn in self._pages:
            self.tabs.setTabText(self.tabs.indexOf(widget), title_fn())
        self._file_menu.setTitle(self.tr("&File"))
        self._open.setText(self.tr("&Open model…"))
        self._save_here.setText(self.tr("&Save model"))
        self._save.setText(self.tr("Save model &as…"))
        self._export_menu.setTitle(self.tr("&Export"))
        self._export.setText(self.tr("The current view as &PNG…"))
        self._export_pytorch.setText(self.tr("PyTorch &script…"))
        self._quit.setText(self.tr("&Quit"))
        for action, title_fn in self._area_actions:
            action.setText(title_fn())
        self._view_menu.setTitle(self.tr("&View"))
        self._panels_menu.setTitle(self.tr("&Panels"))
        self._models_menu.setTitle(self.tr("Bundled &models"))
        self._model_actions["mnist-classic"].setText(
            self.tr("Classic: 784-16-16-10, sigmoid (the lecture notes' network)"))
        self._model_actions["mnist-best"].setText(self.tr("Best: a wider ReLU network"))
        self._language_menu.setTitle(self.tr("&Language"))
        self._help_menu.setTitle(self.tr("&Help"))
        self._concepts.setText(self.tr("&Concepts on this screen"))
        self._about.setText(self.tr("&About annviz"))
        self.classroom.retranslate()
        self._on_model_changed()


    # --- handlers ----------------------------------------------------------------------------

    def _on_model_changed(self) -> None:
        net, path = self.state.network, self.state.model_path
        if net is None:
            self.setWindowTitle("annviz")
            self.model_line.setText(self.tr("no model loaded"))
            return
        for bundled, action in self._model_actions.items():
            action.setChecked(path is not None and path.resolve() == bundled_model(bundled).resolve())
        name = path.stem if path is not None else self.tr("untitled")
        self.setWindowTitle(f"annviz — {name}")
        text = self.tr("{name}: {arch} · {n:,} parameters").format(
            name=name, arch=architecture(net), n=net.n_params)
        if self.state.info.test_accuracy is not None:
            text += self.tr(" · test accuracy {acc:.1%}").format(acc=self.state.info.test_accuracy)
        if self.state.edits:
            text += " · " + self.tr("edited: {what}").format(what=describe_edits(self.state.edits))
        cnn = self._cnn_page
        if cnn is not None and self.tabs.currentWidget() is cnn and cnn.network() is not None:
            text = cnn.model_summary() + " · " + self.tr("the other pages show the multilayer perceptron "
                                                         "{name}").format(name=name)
        self.model_line.setText(text)

    def _on_model_action(self) -> None:
        self.open_bundled(self.sender().data())

    def _on_language_action(self) -> None:
        self.set_language(self.sender().data())

    def show_explorer(self) -> None:
        """The explorer's page in front (e.g. an example chosen elsewhere, to look at)."""
        self.tabs.setCurrentWidget(self.explorer)

    def _on_page_changed(self, _index: int) -> None:
        """The page in front takes the focus where it wants it (its focus proxy: the explorer's pad),
        not wherever Qt's focus chain lands when the old page hides — once the brush slider, which
        the wheel then changed."""
        page = self.tabs.currentWidget()
        if page is not None and page.focusProxy() is not None:
            page.setFocus(Qt.FocusReason.TabFocusReason)
        if self._cnn_page is not None:
            self._on_model_changed()             # the model line names the network of the page in front

    def _on_open_triggered(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Open model"), "", model_filter())
        if path:
            self.open_model(path)

    def _on_save_triggered(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Save model as"), "", model_filter())
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
            self._on_save_triggered()
            return True
        return self.save_model_to(path)

    def _on_export_triggered(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Export the current view"), "annviz.png",
                                              "PNG (*.png)")
        if path and not self.export_png(path):
            QMessageBox.warning(self, self.tr("Export failed"),
                                self.tr("Could not write {path}").format(path=path))

    def _on_export_pytorch_triggered(self) -> None:
        if self.state.network is None:
            return
        stem = self.state.model_path.stem if self.state.model_path is not None else "annviz-model"
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Export as a PyTorch script"), f"{stem}.py",
                                              self.tr("Python script (*.py)"))
        if not path:
            return
        written = self.export_pytorch(path)
        if written is not None:
            script, weights = written
            QMessageBox.information(self, self.tr("PyTorch script written"), self.tr(
                "{script} defines the network in PyTorch and loads its weights from {weights}, "
                "written beside it.\n\nRun: python {name} --help").format(
                    script=script, weights=weights.name, name=script.name))

    def _on_about_triggered(self) -> None:
        QMessageBox.about(self, self.tr("About annviz"), self.tr(
            "<h3>annviz</h3><p>Look inside an artificial neural network while it works and while it "
            "learns. The network is written from scratch with NumPy.</p>"))

    def concepts_html(self) -> str:
        """Help → Concepts on this screen: the page in front says what it shows (its
        ``concepts_html()``, which asks its tab in front); the explorer's text otherwise."""
        concepts = getattr(self.tabs.currentWidget(), "concepts_html", None)
        return concepts() if callable(concepts) else self.explorer.concepts_html()

    def _on_concepts_triggered(self) -> None:
        title = self.tr("Concepts on this screen") + " — " + self.tabs.tabText(self.tabs.currentIndex())
        QMessageBox.information(self, title, self.concepts_html())

    def showEvent(self, event) -> None:
        if self.property(living.CLOSED):     # shown again: it follows the language and zoom again
            self.setProperty(living.CLOSED, False)
        super().showEvent(event)
        notices, self._startup_notices = self._startup_notices, []
        for title, text in notices:
            self._show_notice(title, text)

    def add_startup_notice(self, title: str, text: str) -> None:
        """Say something about the start (a remembered file that could not be used) once the
        window shows — at once if it shows already."""
        if self.isVisible():
            self._show_notice(title, text)
        else:
            self._startup_notices.append((title, text))

    def _show_notice(self, title: str, text: str) -> None:
        box = QMessageBox(QMessageBox.Icon.Warning, title, text, QMessageBox.StandardButton.Ok, self)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()  # window-modal, returns at once: the event loop may not have started yet

    def closeEvent(self, event) -> None:
        self.set_presenter_mode(False)      # the panels it hid are saved as shown
        self.save_settings()
        self.run_shutdown_hooks()
        super().closeEvent(event)
        if event.isAccepted():   # a closed window is no longer walked by a language or zoom change
            self.setProperty(living.CLOSED, True)

