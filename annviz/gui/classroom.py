"""A classroom mode for the main window: zoom, presenter mode, reset layout, the welcome.

- View → Zoom: larger (Ctrl+= or Ctrl++), smaller (Ctrl+−), actual size (Ctrl+0), or a step from
  100 % to 200 %; live (``common.zoom``) and remembered in the settings (``view/zoom``).
- View → Presenter mode (F11, and the button at the right of the page tabs): hides the menu bar,
  the status bar and the explorer's secondary panels (inspector, weights), leaving the page
  itself; again, everything comes back as it was. A lesson turns it on with
  ``window.set_presenter_mode(True)``.
- View → Reset layout: the explorer's panels back where and as large as they start, the other
  pages' splitters too (every page with a ``reset_layout()`` method).
- The welcome (``welcome.py``) on the first start (``welcome/shown`` in the settings), and
  Help → Welcome.

``Classroom`` owns the actions; the window calls it through its public methods (``set_zoom``,
``set_presenter_mode``, ``reset_layout``, ``show_welcome``).
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QMenu, QToolButton

from annviz.gui.common import zoom
from annviz.gui.welcome import WelcomeDialog

ZOOM_KEY = "view/zoom"
WELCOME_KEY = "welcome/shown"


class Classroom(QObject):
    def __init__(self, window, view_menu: QMenu, help_menu: QMenu):
        super().__init__(window)
        self.window = window
        self._hidden: list = []            # what presenter mode hid, to show again
        self.welcome: WelcomeDialog | None = None

        self.zoom_menu = view_menu.addMenu("")
        self.zoom_in = self._action(self.zoom_menu, lambda: self.set_zoom(zoom.step(+1)),
                                    [QKeySequence("Ctrl+="), QKeySequence(QKeySequence.StandardKey.ZoomIn)])
        self.zoom_out = self._action(self.zoom_menu, lambda: self.set_zoom(zoom.step(-1)),
                                     [QKeySequence(QKeySequence.StandardKey.ZoomOut)])
        self.zoom_reset = self._action(self.zoom_menu, lambda: self.set_zoom(1.0), [QKeySequence("Ctrl+0")])
        self.zoom_menu.addSeparator()
        group = QActionGroup(self)
        self.zoom_steps = {}
        for step in zoom.STEPS:
            action = self._action(self.zoom_menu, lambda _=False, s=step: self.set_zoom(s))
            action.setText(f"{step:.0%}")
            action.setCheckable(True)
            action.setChecked(step == zoom.factor())
            group.addAction(action)
            self.zoom_steps[step] = action
        self.presenter = self._action(view_menu, self.set_presenter_mode, [QKeySequence("F11")])
        self.presenter.setCheckable(True)
        self.reset = self._action(view_menu, self.reset_layout)
        self.welcome_action = self._action(help_menu, self.show_welcome)
        self.corner = QToolButton()           # the same switch at the right of the page tabs
        self.corner.setObjectName("presenter-button")
        self.corner.setCheckable(True)
        self.corner.setAutoRaise(True)
        self.corner.clicked.connect(self.set_presenter_mode)
        window.tabs.setCornerWidget(self.corner, Qt.Corner.TopRightCorner)
        self.retranslate()

    def _action(self, menu: QMenu, triggered, shortcuts=()) -> QAction:
        action = QAction(self.window)
        action.setShortcuts(list(shortcuts))
        action.triggered.connect(triggered)
        menu.addAction(action)
        self.window.addAction(action)      # the shortcut works with the menu bar hidden too
        return action

    def retranslate(self) -> None:
        self.zoom_menu.setTitle(self.tr("&Zoom"))
        self.zoom_in.setText(self.tr("Zoom &in"))
        self.zoom_out.setText(self.tr("Zoom &out"))
        self.zoom_reset.setText(self.tr("&Actual size"))
        self.presenter.setText(self.tr("&Presenter mode"))
        self.presenter.setToolTip(self.tr(
            "Show only the page: no menus, status bar or side panels (F11 brings them back)"))
        self.corner.setText(self.tr("Presenter mode (F11)"))
        self.corner.setToolTip(self.presenter.toolTip())
        self._fit_corner()
        self.reset.setText(self.tr("&Reset layout"))
        self.reset.setToolTip(self.tr("Put the panels back where and as large as they start"))
        self.welcome_action.setText(self.tr("&Welcome"))

    # --- zoom ----------------------------------------------------------------------------------

    def _fit_corner(self) -> None:
        """The tab bar keeps its corner widget's old size: give it the new one."""
        self.corner.adjustSize()
        self.window.tabs.setCornerWidget(self.corner, Qt.Corner.TopRightCorner)   # hides the old one …
        self.corner.show()                                                        # … itself, here

    def set_zoom(self, factor: float) -> float:
        now = zoom.set_factor(factor)
        self._fit_corner()
        self.window.settings.setValue(ZOOM_KEY, now)
        for step, action in self.zoom_steps.items():
            action.setChecked(abs(step - now) < 1e-9)
        return now

    def restore_zoom(self) -> None:
        """The zoom the settings remember (100 % if they hold anything else)."""
        try:
            value = float(self.window.settings.value(ZOOM_KEY, 1.0))
        except (TypeError, ValueError):
            value = 1.0
        self.set_zoom(value)

    # --- presenter mode ------------------------------------------------------------------------

    def set_presenter_mode(self, on: bool) -> None:
        on = bool(on)
        self.presenter.setChecked(on)
        self.corner.setChecked(on)
        window = self.window
        if on and not self._hidden:
            self._hidden = [w for w in (window.menuBar(), window.statusBar(), *window.explorer.secondary_docks())
                            if not w.isHidden()]
            for widget in self._hidden:
                widget.hide()
        elif not on:
            for widget in self._hidden:
                widget.show()
            self._hidden = []

    def presenter_mode(self) -> bool:
        return self.presenter.isChecked()

    # --- layout --------------------------------------------------------------------------------

    def reset_layout(self) -> None:
        if self.presenter_mode():
            self.set_presenter_mode(False)
        for i in range(self.window.tabs.count()):
            reset = getattr(self.window.tabs.built_page(i), "reset_layout", None)   # one not built: as new
            if callable(reset):
                reset()

    # --- welcome -------------------------------------------------------------------------------

    def show_welcome(self) -> WelcomeDialog:
        if self.welcome is None:
            self.welcome = WelcomeDialog(self.window)
            self.welcome.draw_requested.connect(self._on_draw_requested)
            self.welcome.lessons_requested.connect(self._on_lessons_requested)
        self.window.settings.setValue(WELCOME_KEY, True)
        self.welcome.show()                # modeless: the window behind stays usable
        self.welcome.raise_()
        return self.welcome

    def show_welcome_if_first_start(self) -> WelcomeDialog | None:
        if str(self.window.settings.value(WELCOME_KEY, "")).lower() in ("true", "1"):
            return None
        return self.show_welcome()

    def _on_lessons_requested(self) -> None:
        lessons = self.window.lessons                         # the lessons area, when installed
        if lessons is not None:
            lessons.show_lessons()

    def _on_draw_requested(self) -> None:
        self.window.tabs.setCurrentWidget(self.window.explorer)
        self.window.explorer.focus_pad()
