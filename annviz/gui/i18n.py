"""English and Korean: Qt's translation system, with one .qm file per area of the app.

Every visible string goes through ``tr()`` (or ``QCoreApplication.translate``). Each area keeps
its Korean translation in ``resources/i18n/<area>_ko.ts``, compiled to ``.qm`` (both refreshed
by ``python -m annviz.gui.i18n_tool``); ``set_language`` installs every ``*_<lang>.qm`` at once.
Widgets set their texts in a ``retranslate()`` method, called from ``__init__``; ``set_language``
calls it again on every widget that has one, so switching language in the View menu takes
effect at once (one mechanism, instead of a ``changeEvent`` override in every widget; Qt's own
widgets follow the LanguageChange event it sends).

Qt's own texts — the standard buttons (OK, Cancel, Save, Discard), "Show Details...", the file
dialog, the context menus of text fields and spin boxes — come from the translations PySide6
ships (``qtbase_<lang>.qm`` in Qt's translations folder), installed beside annviz's own.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from annviz.gui.common.living import invalidate_layouts, living_widgets
from annviz.paths import resources_dir

LANGUAGES = {"en": "English", "ko": "한국어"}

_installed: list[QTranslator] = []


def i18n_dir():
    return resources_dir() / "i18n"


def qt_translations_dir() -> str:
    """Where PySide6 keeps Qt's own translations (``qtbase_ko.qm`` …)."""
    return QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)


def system_language() -> str:
    """"ko" when the system locale is Korean, else "en"."""
    return "ko" if QLocale.system().language() == QLocale.Language.Korean else "en"


def set_language(lang: str) -> str:
    """Install the translations for ``lang`` ("en" or "ko"); returns the language now in use."""
    app = QCoreApplication.instance()
    if app is None:
        raise RuntimeError("create the QApplication before setting the language")
    for translator in _installed:
        app.removeTranslator(translator)
        translator.setParent(None)    # freed with the list below, not kept as the app's child
    _installed.clear()
    lang = lang if lang in LANGUAGES else "en"
    if lang != "en":
        for qm in [*sorted(i18n_dir().glob(f"*_{lang}.qm")), Path(qt_translations_dir(), f"qtbase_{lang}.qm")]:
            translator = QTranslator(app)
            if translator.load(str(qm)):
                app.installTranslator(translator)
                _installed.append(translator)
    QLocale.setDefault(QLocale(QLocale.Language.Korean if lang == "ko" else QLocale.Language.English))
    retranslate_all()
    return lang


def retranslate_all() -> None:
    """Every widget's own texts again, in the language installed now."""
    for widget in living_widgets():
        retranslate = getattr(widget, "retranslate", None)
        if callable(retranslate):
            retranslate()
    invalidate_layouts()                  # hidden pages' minimums follow their new texts
