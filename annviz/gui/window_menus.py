"""The window's menu bar: File, View and Help, their commands, the commands other areas add, and
their texts.

``WindowMenus`` belongs to the ``MainWindow`` (``window.menus``), built with it; the window's public
methods ``add_file_action``, ``add_help_action``, ``add_view_action`` and ``name_action`` hand over
to it, and so other areas put their commands here without reaching into the menus.

- File: Open model…, Save model, Save model as…, Export (the current view as PNG, a PyTorch
  script) — the model files' dialogs (``window.files``) —, the areas' commands, Quit.
- View: Panels (the explorer's docks, listed as the menu opens), Bundled models (the model in use
  checked: ``check_bundled``), Language (``check_language``), then what the classroom adds (zoom,
  presenter mode, reset layout: ``classroom.Classroom``) and the areas' on/off settings.
- Help: the areas' commands at the top, Concepts on this screen (what the page in front says about
  itself: ``window.concepts_html()``), About annviz, and the classroom's Welcome.

Every action belongs to the window, which holds it too: its shortcut works wherever the focus is
in the window, and with the menu bar hidden (presenter mode).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QFileDialog, QMessageBox

from annviz.gui import i18n
from annviz.gui.window_models import BUNDLED
from annviz.paths import bundled_model


class WindowMenus(QObject):
    def __init__(self, window):
        super().__init__(window)
        self.window = window
        files = window.files
        bar = window.menuBar()
        self.file_menu = bar.addMenu("")
        self.open = self._action(self.file_menu, files.open_dialog, QKeySequence.StandardKey.Open)
        self.save_here = self._action(self.file_menu, files.save_model, QKeySequence.StandardKey.Save)
        self.save_as = self._action(self.file_menu, files.save_as_dialog, QKeySequence.StandardKey.SaveAs)
        self.export_menu = self.file_menu.addMenu("")
        self.export_png = self._action(self.export_menu, self._on_export_png_triggered, "Ctrl+E")
        self.export_pytorch = self._action(self.export_menu, files.export_pytorch_dialog)
        self._quit_separator = self.file_menu.addSeparator()
        self._area_actions: list[tuple[QAction, Callable[[], str]]] = []
        self._named_actions: list[tuple[QAction, Callable[[], str], Callable[[], str] | None]] = []
        self.quit = self._action(self.file_menu, window.close, QKeySequence.StandardKey.Quit)
        self.view_menu = bar.addMenu("")
        self.panels_menu = self.view_menu.addMenu("")
        self.panels_menu.aboutToShow.connect(self._on_panels_menu_about_to_show)
        self.models_menu = self.view_menu.addMenu("")
        # Slots are bound methods, never lambdas that capture the window: a lambda connected to a
        # signal of the window's own child is held by Qt's connection, and keeps a closed window
        # (and everything in it) alive for good, out of Python's garbage collector's sight.
        self.bundled = {name: self._action(self.models_menu, self._on_model_action) for name in BUNDLED}
        for name, action in self.bundled.items():
            action.setData(name)
            action.setCheckable(True)                    # the current one is checked
        self.language_menu = self.view_menu.addMenu("")
        group = QActionGroup(self)
        self.languages: dict[str, QAction] = {}
        for code, name in i18n.LANGUAGES.items():
            action = self._action(self.language_menu, self._on_language_action)
            action.setData(code)
            action.setText(name)
            action.setCheckable(True)
            group.addAction(action)
            self.languages[code] = action
        self.help_menu = bar.addMenu("")
        self.concepts = self._action(self.help_menu, self._on_concepts_triggered,
                                     QKeySequence.StandardKey.HelpContents)
        self.about = self._action(self.help_menu, self._on_about_triggered)

    def _action(self, menu, triggered, shortcut=None) -> QAction:
        action = QAction(self.window)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(triggered)
        menu.addAction(action)
        self.window.addAction(action)   # its shortcut works wherever the focus is in the window
        return action

    # --- the commands other areas add ------------------------------------------------------------

    def add_file_action(self, title_fn: Callable[[], str], triggered: Callable[[], None]) -> QAction:
        """Another area's command in the File menu, above Quit; ``title_fn`` gives its text."""
        action = QAction(title_fn(), self.window)
        action.triggered.connect(lambda _=False: triggered())
        self.file_menu.insertAction(self._quit_separator, action)
        self._area_actions.append((action, title_fn))
        return action

    def add_help_action(self, title_fn: Callable[[], str], triggered: Callable[[], None],
                        shortcut: str | None = None) -> QAction:
        """Another area's command at the top of the Help menu; ``title_fn`` gives its text."""
        action = QAction(title_fn(), self.window)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
            self.window.addAction(action)
        action.triggered.connect(lambda _=False: triggered())
        self.help_menu.insertAction(self.help_menu.actions()[0], action)
        self._area_actions.append((action, title_fn))
        return action

    def add_view_action(self, title_fn: Callable[[], str], toggled: Callable[[bool], None]) -> QAction:
        """Another area's on/off setting at the end of the View menu; ``title_fn`` gives its text."""
        action = QAction(title_fn(), self.window)
        action.setCheckable(True)
        action.toggled.connect(toggled)
        self.view_menu.addAction(action)
        self._area_actions.append((action, title_fn))
        return action

    def name_action(self, action: QAction, text_fn: Callable[[], str],
                    tooltip_fn: Callable[[], str] | None = None) -> None:
        """Another area's names for an action it adds to a page, set now and again whenever the
        language changes."""
        self._named_actions.append((action, text_fn, tooltip_fn))
        self._name_action(action, text_fn, tooltip_fn)

    @staticmethod
    def _name_action(action: QAction, text_fn: Callable[[], str], tooltip_fn: Callable[[], str] | None) -> None:
        action.setText(text_fn())
        if tooltip_fn is not None:
            action.setToolTip(tooltip_fn())

    # --- what the menus show ---------------------------------------------------------------------

    def check_bundled(self, path) -> None:
        """View → Bundled models: the one at ``path`` checked (none if it is no bundled model)."""
        for name, action in self.bundled.items():
            action.setChecked(path is not None and path.resolve() == bundled_model(name).resolve())

    def check_language(self, code: str) -> None:
        for language, action in self.languages.items():
            action.setChecked(language == code)

    def retranslate(self) -> None:
        self.file_menu.setTitle(self.tr("&File"))
        self.open.setText(self.tr("&Open model…"))
        self.save_here.setText(self.tr("&Save model"))
        self.save_as.setText(self.tr("Save model &as…"))
        self.export_menu.setTitle(self.tr("&Export"))
        self.export_png.setText(self.tr("The current view as &PNG…"))
        self.export_pytorch.setText(self.tr("PyTorch &script…"))
        self.quit.setText(self.tr("&Quit"))
        for action, title_fn in self._area_actions:
            action.setText(title_fn())
        for action, text_fn, tooltip_fn in self._named_actions:
            self._name_action(action, text_fn, tooltip_fn)
        self.view_menu.setTitle(self.tr("&View"))
        self.panels_menu.setTitle(self.tr("&Panels"))
        self.models_menu.setTitle(self.tr("Bundled &models"))
        self.bundled["mnist-classic"].setText(
            self.tr("Classic: 784-16-16-10, sigmoid (the lecture notes' network)"))
        self.bundled["mnist-best"].setText(self.tr("Best: a wider ReLU network"))
        self.language_menu.setTitle(self.tr("&Language"))
        self.help_menu.setTitle(self.tr("&Help"))
        self.concepts.setText(self.tr("&Concepts on this screen"))
        self.about.setText(self.tr("&About annviz"))

    # --- handlers ----------------------------------------------------------------------------------

    def _on_panels_menu_about_to_show(self) -> None:
        self.panels_menu.clear()
        for dock in self.window.explorer.docks():
            self.panels_menu.addAction(dock.toggleViewAction())

    def _on_model_action(self) -> None:
        self.window.files.open_bundled(self.sender().data())

    def _on_language_action(self) -> None:
        self.window.set_language(self.sender().data())

    def _on_export_png_triggered(self) -> None:
        window = self.window
        path, _ = QFileDialog.getSaveFileName(window, self.tr("Export the current view"), "annviz.png",
                                              "PNG (*.png)")
        if path and not window.export_png(path):
            QMessageBox.warning(window, self.tr("Export failed"),
                                self.tr("Could not write {path}").format(path=path))

    def _on_about_triggered(self) -> None:
        QMessageBox.about(self.window, self.tr("About annviz"), self.tr(
            "<h3>annviz</h3><p>Look inside an artificial neural network while it works and while it "
            "learns. The network is written from scratch with NumPy.</p>"))

    def _on_concepts_triggered(self) -> None:
        window = self.window
        title = self.tr("Concepts on this screen") + " — " + window.tabs.tabText(window.tabs.currentIndex())
        QMessageBox.information(window, title, window.concepts_html())
