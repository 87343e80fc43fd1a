"""The outer window: a tab per page (the explorer first), the areas' handles, settings and shutdown hooks.

Other areas plug in through public methods: ``add_page(widget, title_fn)`` adds a tab
(``title_fn`` returns the translated title, called again when the language changes),
``add_file_action(title_fn, fn)`` a command in the File menu, ``add_help_action(title_fn, fn)`` one
at the top of the Help menu, ``name_action(action, text_fn)`` names an action an area puts on
another's page, and ``add_shutdown_hook(fn)`` something to stop when the window
closes (e.g. a training thread). The training area and the My digits page are built when first
shown or asked for (``training``, ``mydigits`` build them; ``built_training()``,
``built_mydigits()`` do not). (``explorer.add_dock(dock, area)`` would add a dock on the
explorer page; no area uses it today.) Geometry, dock layout, the last model and the language persist in ``QSettings``.

The menu bar is ``window_menus.WindowMenus`` (``window.menus``): the window's ``add_…_action``
and ``name_action`` hand over to it. The status bar's model line is ``model_line.ModelLine``
(``window.model_line``), asked again whenever the model or the page in front changes.

The model files — open, save, export, the model the app starts with, a convolutional network
handed to the Convolution page (``set_cnn_page``) — are ``window_models.ModelFiles``
(``window.files``); the window keeps the handles other areas call (``open_model``, ``open_bundled``,
``save_model`` …) and the questions those ask with the window as their parent (``ask_foreign``,
``confirm_replace``). Saved geometry or layout of the wrong type is ignored.

Help → Concepts on this screen shows what the page in front says about itself (``concepts_html()``,
a page with tabs asking its tab in front). (``SHOWS_CNN`` stays False: the app state and setups
hold MLPs only.) File → Export writes a picture of the current page (``export_png``), or a PyTorch
script with the model beside it (``annviz.pytorch_export``).

The classroom mode — zoom, presenter mode, reset layout, the welcome — lives in ``classroom.py``;
the window's public methods (``set_zoom``, ``set_presenter_mode``, ``reset_layout``,
``show_welcome``) are its handles for other areas, e.g. a lesson.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QSettings, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMainWindow, QMessageBox, QWidget

from annviz.gui import i18n
from annviz.gui.classroom import Classroom
from annviz.gui.common import collector, living, room
from annviz.gui.common.lazy import Lazy
from annviz.gui.explorer import ExplorerPage
from annviz.gui.model_line import ModelLine
from annviz.gui.state import AppState
from annviz.gui.window_menus import WindowMenus
from annviz.gui.window_models import Answers, ModelFiles
from annviz.nn.foreign import ForeignLayout

if TYPE_CHECKING:        # the areas are installed by the app (``install_areas``), not imported here
    from annviz.gui.lessons import LessonsArea
    from annviz.gui.mydigits import MyDigitsPage
    from annviz.gui.setup import SetupArea
    from annviz.gui.training import TrainingArea

log = logging.getLogger(__name__)



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
        self.language = "en"
        # The areas ``annviz.gui.app.install_areas`` adds (each None until installed, or when it
        # could not be built): read through the properties below, set only through their setters.
        self._training: TrainingArea | None = None
        self._lessons: LessonsArea | None = None
        self._setup: SetupArea | None = None
        self._mydigits: MyDigitsPage | None = None
        # The stand-ins of the training and My digits pages (``common.lazy``), whose builds set them
        self._training_place: Lazy | None = None
        self._mydigits_place: Lazy | None = None
        self.files = ModelFiles(self, state, self.settings)   # open, save, export the model
        self.tabs = room.PageTabs()         # each page in a frame that scrolls only if it must
        self.tabs.setDocumentMode(True)
        self.setCentralWidget(self.tabs)
        self.explorer = ExplorerPage(state)
        self.add_page(self.explorer, lambda: self.tr("Explorer"))
        self.add_shutdown_hook(self.explorer.shutdown)
        self.model_line = ModelLine()                    # the status bar's model line
        self.statusBar().addWidget(self.model_line, 1)
        self.menus = WindowMenus(self)                   # File, View, Help
        self.classroom = Classroom(self, self.menus.view_menu, self.menus.help_menu)
        self.resize(room.INITIAL)
        self.tabs.currentChanged.connect(self._on_page_changed)
        state.model_changed.connect(self._on_model_changed)
        state.edits_changed.connect(self._on_model_changed)
        state.model_renamed.connect(self._on_model_changed)
        self.retranslate()

    # --- public ------------------------------------------------------------------------------

    @property
    def training(self) -> TrainingArea | None:
        """The training area (its page, controller, time machine), built now if it was not (its
        page is built when first shown or asked for); None if it could not be built."""
        if self._training is None and self._training_place is not None:
            self._training_place.widget()            # its build sets the area
        return self._training

    def built_training(self) -> TrainingArea | None:
        """The training area if it has been built, without building it (None: not yet, or failed)."""
        return self._training

    @property
    def lessons(self) -> LessonsArea | None:
        """The lessons area (the panel and its player), or None if it was not built."""
        return self._lessons

    @property
    def setup(self) -> SetupArea | None:
        """File → Open / Save setup, or None if that area was not built."""
        return self._setup

    @property
    def mydigits(self) -> MyDigitsPage | None:
        """The My digits page, built now if it was not; None if it could not be built."""
        if self._mydigits is None and self._mydigits_place is not None:
            self._mydigits_place.widget()            # its build sets the page
        return self._mydigits

    def built_mydigits(self) -> MyDigitsPage | None:
        """The My digits page if it has been built, without building it."""
        return self._mydigits

    def set_mydigits_page(self, page: MyDigitsPage | Lazy) -> None:
        """The page, or its stand-in (``common.lazy.Lazy``), whose build sets the page."""
        if isinstance(page, Lazy):
            self._mydigits_place = page
        else:
            self._mydigits = page

    def set_training_area(self, area: TrainingArea | Lazy) -> None:
        """The area, or the stand-in of its page (``common.lazy.Lazy``), whose build sets the area."""
        if isinstance(area, Lazy):
            self._training_place = area
        else:
            self._training = area

    def set_lessons_area(self, area: LessonsArea) -> None:
        self._lessons = area

    def set_setup_area(self, area: SetupArea) -> None:
        self._setup = area

    def add_page(self, widget: QWidget, title_fn: Callable[[], str]) -> None:
        self._pages.append((widget, title_fn))
        self.tabs.addTab(widget, title_fn())

    def set_cnn_page(self, page: QWidget) -> None:
        """The page that shows a convolutional network opened from a file (``page.show_network``);
        while it is in front, the status bar's model line names its network (``page.model_summary``,
        its ``network_shown`` signal) and says the other pages show the MLP. ``page`` may be the
        stand-in (``common.lazy.Lazy``) of a page built when first shown."""
        self.files.cnn_page = page
        if isinstance(page, Lazy):       # built when first shown: its signal once it is
            page.built.connect(self._on_cnn_page_built)
        else:
            page.network_shown.connect(self._on_model_changed)

    def _on_cnn_page_built(self, page: QWidget) -> None:
        page.network_shown.connect(self._on_model_changed)

    def fit_to_screen(self) -> None:
        """No larger than the screen's available area, and inside it (``room.fit_to_screen``)."""
        room.fit_to_screen(self)

    def add_shutdown_hook(self, hook: Callable[[], None]) -> None:
        self._shutdown_hooks.append(hook)

    def add_file_action(self, title_fn: Callable[[], str], triggered: Callable[[], None]) -> QAction:
        """Another area's command in the File menu, above Quit; ``title_fn`` gives its text."""
        return self.menus.add_file_action(title_fn, triggered)

    def add_help_action(self, title_fn: Callable[[], str], triggered: Callable[[], None],
                        shortcut: str | None = None) -> QAction:
        """Another area's command at the top of the Help menu; ``title_fn`` gives its text."""
        return self.menus.add_help_action(title_fn, triggered, shortcut)

    def name_action(self, action: QAction, text_fn: Callable[[], str],
                    tooltip_fn: Callable[[], str] | None = None) -> None:
        """Another area's names for an action it adds to a page (the explorer pad's "Add to my
        digits"), set now and again whenever the language changes."""
        self.menus.name_action(action, text_fn, tooltip_fn)

    def add_view_action(self, title_fn: Callable[[], str], toggled: Callable[[bool], None]) -> QAction:
        """Another area's on/off setting at the end of the View menu; ``title_fn`` gives its text."""
        return self.menus.add_view_action(title_fn, toggled)

    def run_shutdown_hooks(self) -> None:
        """Stop what the hooks stop (on closing, or when start-up fails half-way)."""
        for hook in self._shutdown_hooks:
            try:
                hook()
            except Exception:  # one failing hook must not keep the others from running
                log.exception("shutdown hook %r failed", hook)

    # --- the model files (``window_models.ModelFiles``): the window's handles for other areas ----

    def open_model(self, path, quiet: bool = False) -> bool:
        """Load a model file; on any fault say why (unless quiet) and keep the current model."""
        return self.files.open_model(path, quiet)

    def open_bundled(self, name: str, quiet: bool = False) -> bool:
        return self.files.open_bundled(name, quiet)

    def load_initial_model(self) -> bool:
        """The last model used, else the bundled mnist-classic (see ``ModelFiles``)."""
        return self.files.load_initial_model()

    def save_model_to(self, path) -> bool:
        return self.files.save_model_to(path)

    def save_model(self) -> bool:
        """Ctrl+S (see ``ModelFiles.save_model``)."""
        return self.files.save_model()

    def export_pytorch(self, path) -> tuple[Path, Path] | None:
        return self.files.export_pytorch(path)

    # --- the questions the model files ask, with the window as their parent -------------------

    def ask_foreign(self, path, layout: ForeignLayout) -> Answers | None:
        """The hidden activation, whether the outputs are logits and (a convolutional network
        whose file fits several) the arrangement, or None if cancelled."""
        # imported when first asked, not at start-up
        from annviz.gui.foreign_dialog import ForeignModelDialog

        dialog = ForeignModelDialog(path, layout, self)
        try:
            if dialog.exec() != ForeignModelDialog.DialogCode.Accepted:
                return None
            return dialog.activation(), dialog.logits(), dialog.arrangement()
        finally:
            dialog.deleteLater()

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
        self.menus.check_language(self.language)

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
            self.resize(room.initial_size(room.available_area(self)))

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

    def retranslate(self) -> None:
        for widget, title_fn in self._pages:
            self.tabs.setTabText(self.tabs.indexOf(widget), title_fn())
        self.menus.retranslate()
        self.classroom.retranslate()
        self._on_model_changed()

    # --- handlers ----------------------------------------------------------------------------

    def _on_model_changed(self) -> None:
        """The model line and the window's title name the model (or the network of the
        Convolution page in front); View → Bundled models checks it."""
        cnn = self.files.built_cnn_page()
        in_front = cnn if cnn is not None and self.tabs.currentWidget() is cnn else None
        self.setWindowTitle(self.model_line.show_model(self.state, in_front))
        if self.state.network is not None:
            self.menus.check_bundled(self.state.model_path)

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
        if self.files.cnn_page is not None:
            self._on_model_changed()             # the model line names the network of the page in front

    def concepts_html(self) -> str:
        """Help → Concepts on this screen: the page in front says what it shows (its
        ``concepts_html()``, which asks its tab in front); the explorer's text otherwise."""
        concepts = getattr(self.tabs.currentWidget(), "concepts_html", None)
        return concepts() if callable(concepts) else self.explorer.concepts_html()

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
            collector.collect_soon()    # its pages, runs and data are held by cycles (collector.py)

