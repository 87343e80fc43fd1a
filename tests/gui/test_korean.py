"""The Korean interface, complete: a walk through every page, tab, dock, menu and dialog that can be
opened finds no English left; each glossary term of CONCEPTS.md is where its idea is; Qt's own
texts, the time left and the reasons a model file is refused are Korean too.

The walk builds the whole window as ``annviz`` does (run_ends.open_window), switches to Korean,
shows every tab of every page (nested tabs too), and reads what a learner sees: labels, buttons,
group titles, tab texts, dock titles, combo-box items, menu entries, and the texts inside plots
(axis labels, legends, captions). Dialogs are opened through the menus, through every button
whose text ends in "…" (the convention for "opens a dialog"), and directly (the unsaved-network
question, the divergence message, the PyTorch questions, "Add to my digits", the welcome). A
``DialogCloser`` reads and closes each modal dialog as it appears; a faulthandler watchdog turns
a dialog nobody closed into a failure with every stack instead of a hung run.

A visible text fails when it equals an English source string of the .ts files (with its
placeholders filled in by anything), or when it holds an English word not on ``ALLOWED_WORDS``:
names and formula symbols that are the same in both languages.
"""

from __future__ import annotations

import faulthandler
import re
import sys
import xml.etree.ElementTree as ET
from collections.abc import Callable

import numpy as np
import pyqtgraph as pg
import pytest
from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtGui import Qt, QTextDocumentFragment
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QComboBox,
    QDialog,
    QDockWidget,
    QGroupBox,
    QLabel,
    QMenu,
    QMessageBox,
    QTabBar,
    QTabWidget,
    QWidget,
)
from safetensors.numpy import load_file, save_file

from annviz.gui.i18n import i18n_dir, set_language
from annviz.paths import bundled_model
from run_ends import QUICK, open_window

DIALOG_WATCHDOG_S = 30

# Names and symbols that stay as they are in the Korean interface (a short list: any other
# English word on screen fails the walk).
ALLOWED_WORDS = {
    "annviz", "MNIST", "Fashion", "PyTorch", "NumPy", "IDX", "PNG", "CSV", "GIF", "JSON", "safetensors",
    "ReLU", "leaky", "tanh", "softmax", "sin", "log", "exp", "max", "id",   # functions, as formulas write them
    "Adam", "SGD", "He", "Xavier", "AND", "OR", "XOR", "English",
    "Ctrl", "Shift", "Enter", "Esc", "Delete", "python", "py", "help",   # keys, a command line
    "vs", "GiB", "MiB", "KiB",
    "CNN",              # as Korean textbooks write a convolutional network (합성곱 신경망)
    "MLP",              # and a multilayer perceptron (다층 퍼셉트론), beside it
}
WORD = re.compile(r"[A-Za-z]{2,}")
# Paths, file names, their patterns (*.png) and code (nn.Linear, tensor.float()) are names, whatever their letters.
NAMES = re.compile(r"\S*[/\\]\S*|\*\.[\w-]+|[\w.-]+\.(?:safetensors|py|png|gif|csv|annviz-run)(?![A-Za-z])"
                   r"|\b\w+(?:\.\w+)+(?:\(\))?|\b[A-Za-z]+_\w+")


# --- what a learner sees ------------------------------------------------------------------------

def plain(text: str) -> str:
    """Rich text as the words on screen; mnemonics (&F) dropped."""
    if Qt.mightBeRichText(text) or "&nbsp;" in text:
        text = re.sub(r"<su[bp]>.*?</su[bp]>", " ", text)      # indices and exponents of formulas
        text = QTextDocumentFragment.fromHtml(text).toPlainText()
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&")


def plot_texts(view: pg.GraphicsView) -> list[str]:
    out = []
    for item in view.scene().items():
        if not item.isVisible():
            continue
        if isinstance(item, pg.AxisItem) and item.label.isVisible():
            out.append(item.labelText)
        elif isinstance(item, pg.LabelItem):
            out.append(item.text)
        elif isinstance(item, pg.TextItem):
            out.append(item.textItem.toPlainText())
    return out


def visible_texts(root: QWidget) -> list[str]:
    """Every text shown in ``root`` and its visible children."""
    out = []
    for w in [root, *root.findChildren(QWidget)]:
        if not w.isVisible():
            continue
        if isinstance(w, QLabel):
            out.append(w.text())
        elif isinstance(w, QAbstractButton):
            out.append(w.text())
        elif isinstance(w, QGroupBox):
            out.append(w.title())
        elif isinstance(w, QComboBox):
            out += [w.itemText(i) for i in range(w.count())]
        elif isinstance(w, QTabBar):
            out += [w.tabText(i) for i in range(w.count())]
        elif isinstance(w, pg.GraphicsView):
            out += plot_texts(w)
        if isinstance(w, (QDockWidget, QDialog)):
            out.append(w.windowTitle())
        if isinstance(w, QMessageBox):
            out += [w.text(), w.informativeText()]
    return [t for t in out if t]


def menu_texts(menu: QMenu) -> list[str]:
    out = [menu.title()]
    for action in menu.actions():
        if action.menu() is not None:
            out += menu_texts(action.menu())
        elif action.text():
            out.append(action.text())
    return out


def reveal(widget: QWidget) -> None:
    """Make every tab widget above ``widget`` show the tab that holds it."""
    child, parent = widget, widget.parentWidget()
    while parent is not None:
        tabs = parent.parentWidget()
        if isinstance(tabs, QTabWidget) and tabs.indexOf(child) >= 0:
            tabs.setCurrentWidget(child)
        child, parent = parent, parent.parentWidget()
    QApplication.processEvents()


# --- dialogs ------------------------------------------------------------------------------------

class DialogCloser:
    """While running, reads every modal dialog that shows up and closes it (every 20 ms)."""

    def __init__(self):
        self.seen: list[tuple[str, list[str]]] = []
        self._timer = QTimer(interval=20)
        self._timer.timeout.connect(self._close_one)

    def _close_one(self) -> None:
        dialog = QApplication.activeModalWidget()
        if dialog is None:
            return
        self.seen.append((dialog.windowTitle() or type(dialog).__name__, visible_texts(dialog)))
        if isinstance(dialog, QDialog):
            dialog.reject()
        else:
            dialog.close()

    def run(self, what: str, fn: Callable[[], object]) -> None:
        """``fn()``, which may open (modal, nested) dialogs; a dialog left open ends the run."""
        faulthandler.dump_traceback_later(DIALOG_WATCHDOG_S, exit=True, file=sys.__stderr__)
        self._timer.start()
        try:
            fn()
            for _ in range(10):             # dialogs opened with open() return at once
                QApplication.processEvents()
                self._close_one()
        finally:
            self._timer.stop()
            faulthandler.cancel_dump_traceback_later()


# --- English sources -----------------------------------------------------------------------------

def english_sources() -> list[re.Pattern]:
    """Each source string whose Korean differs, as a pattern its formatted text would match."""
    patterns = set()
    for ts in i18n_dir().glob("*_ko.ts"):
        for message in ET.parse(ts).getroot().iter("message"):
            source, translation = message.findtext("source"), message.findtext("translation")
            if not source or source == translation:
                continue                                # a name or a formula, the same in Korean
            text = plain(source)
            parts = re.split(r"\{[^}]*\}", text)
            if not "".join(parts).strip():
                continue                                # only placeholders
            # A source with no English word of its own ("{s} s", time left) is English only when
            # its values are not Korean words: "2 s" is, "입력 가중치 배율 s" is not.
            value = r".+?" if WORD.search("".join(parts)) else r"[^\s\uac00-\ud7a3]+?"
            patterns.add(r"\s*" + value.join(re.escape(p) for p in parts) + r"\s*")
    return [re.compile(p, re.DOTALL) for p in patterns]


def english_in(texts: list[str], sources: list[re.Pattern], allowed_words: set[str]) -> list[str]:
    """The texts that are still English: an English source as it is, or an English word."""
    bad = []
    for text in texts:
        shown = plain(text)
        if any(p.fullmatch(shown) for p in sources):
            bad.append(shown)
            continue
        words = set(WORD.findall(NAMES.sub(" ", shown))) - allowed_words
        if words:
            bad.append(f"{shown!r} ({', '.join(sorted(words))})")
    return bad


# --- the walk ------------------------------------------------------------------------------------

@pytest.fixture
def korean_window(qtbot, tmp_path):
    window = open_window(tmp_path / "annviz.ini")
    qtbot.addWidget(window)
    window.set_language("ko")
    yield window
    window.close()
    set_language("en")


def pytorch_file(folder):
    """A PyTorch nn.Sequential's tensors without annviz metadata: opening it asks two questions."""
    tensors = load_file(bundled_model("mnist-classic"))
    path = folder / "from-pytorch.safetensors"
    save_file({f"{2 * int(k.split('.')[1]) + 1}.{k.split('.')[2]}": v for k, v in tensors.items()}, path)
    return path


def test_the_korean_walk_through_finds_no_english(qtbot, korean_window, tmp_path, monkeypatch):
    window = korean_window
    sources = english_sources()
    allowed = ALLOWED_WORDS | set(WORD.findall(window.state.model_path.stem))   # the model's file name
    found: dict[str, list[str]] = {}

    def check(where: str, texts: list[str]) -> None:
        bad = english_in(texts, sources, allowed)
        if bad:
            found.setdefault(where, []).extend(b for b in bad if b not in found.get(where, []))

    # menus, every entry and submenu
    for action in window.menuBar().actions():
        check("menu", menu_texts(action.menu()))

    # a test digit on the pad, a neuron in the inspector, a short run trained: the views show
    # their numbers, the training page its result and timeline
    window.explorer.pad_panel.picker.show_index(0)
    window.state.select_neuron(1, 3)
    window.training.panel.settings.set_config(QUICK)
    assert window.training.panel.start()
    qtbot.waitUntil(lambda: window.training.controller.phase == "done", timeout=60_000)

    # every page, and every tab of every tab widget on it
    for i in range(window.tabs.count()):
        page = window.tabs.widget(i)
        window.tabs.setCurrentIndex(i)
        QApplication.processEvents()
        if getattr(page, "results", False) is None:     # the insight page evaluates once shown
            qtbot.waitUntil(lambda: page.results is not None, timeout=20_000)
        check(window.tabs.tabText(i), visible_texts(window))
        for tabs in page.findChildren(QTabWidget):
            for j in range(tabs.count()):
                reveal(tabs.widget(j))
                check(f"{window.tabs.tabText(i)} / {tabs.tabText(j)}", visible_texts(window))

    # dialogs: the menus' commands (not Quit), every "…" button, and the questions asked directly
    closer = DialogCloser()
    monkeypatch.setattr(type(window.training.panel), "confirm_discard", lambda self: True)
    for menu in (window.menus.file_menu, window.menus.help_menu):
        for action in menu.actions():
            if action.menu() is None and action.text() and action is not window.menus.quit:
                closer.run(action.text(), action.trigger)
    for i in range(window.tabs.count()):
        window.tabs.setCurrentIndex(i)
        for button in window.tabs.widget(i).findChildren(QAbstractButton):
            if button.text().endswith("…"):
                reveal(button)
                if button.isVisible() and button.isEnabled():
                    closer.run(button.text(), button.click)
    panel = window.training.panel
    closer.run("unsaved network", lambda: type(panel).ask_to_keep(panel))
    box = panel.divergence_box            # read, not answered: its answers act on a diverged run
    box.open()
    closer.seen.append((box.windowTitle(), visible_texts(box)))
    box.hide()
    closer.run("PyTorch file", lambda: window.open_model(pytorch_file(tmp_path)))
    mydigits = next(window.tabs.widget(i) for i in range(window.tabs.count())
                    if type(window.tabs.widget(i)).__name__ == "MyDigitsPage")
    closer.run("add to my digits", lambda: mydigits.add_drawing(np.zeros((280, 280), np.float32)))
    for title, texts in closer.seen:
        check(f"dialog {title!r}", [title, *texts])
    seen_titles = [title for title, _ in closer.seen]
    assert len(closer.seen) >= 12, seen_titles            # the walk really opened the dialogs

    assert not found, "\n".join(f"{where}: {bad}" for where, bads in found.items() for bad in bads)


def test_the_walk_would_see_english(korean_window):
    """The checks themselves: an English text slipped into the Korean window is found."""
    window = korean_window
    window.explorer.pad_dock.setWindowTitle("Draw")
    bad = english_in(visible_texts(window), english_sources(), ALLOWED_WORDS)
    assert "Draw" in bad
    window.explorer.pad_dock.setWindowTitle("그리기 (draw here)")
    assert any("draw" in b for b in english_in(visible_texts(window), english_sources(), ALLOWED_WORDS))


# --- one idea, one Korean word: the glossary where its idea is -----------------------------------

def _about(window) -> str:
    closer = DialogCloser()
    closer.run("about", window.menus.about.trigger)
    return " ".join(plain(t) for _, texts in closer.seen for t in texts)


def _page(window, kind: str):
    return next(window.tabs.widget(i) for i in range(window.tabs.count())
                if type(window.tabs.widget(i)).__name__ == kind)


def _tab_title(tabs: QTabWidget, widget: QWidget) -> str:
    return tabs.tabText(tabs.indexOf(widget))


# CONCEPTS.md's glossary (section 3): each term, its Korean, and where a learner meets its idea —
# a widget (its texts are read once it is on screen) or a text (a title, a tooltip).
GLOSSARY = [
    ("neural network", "신경망", lambda w: w.explorer.diagram_dock.windowTitle()),
    ("artificial neural network", "인공신경망", _about),
    ("neuron", "뉴런", lambda w: w.explorer.inspector_dock.windowTitle()),
    ("weight", "가중치", lambda w: w.explorer.weights_dock.windowTitle()),
    ("bias", "편향", lambda w: _page(w, "LabPage").neuron_view.controls),
    ("activation", "활성화", lambda w: w.explorer.inspector),
    ("activation function", "활성화 함수", lambda w: _page(w, "LabPage").neuron_view.controls),
    ("sigmoid", "시그모이드", lambda w: _page(w, "LabPage").neuron_view.activation),
    ("ReLU", "렐루(ReLU)", lambda w: _page(w, "LabPage").neuron_view.activation),
    ("threshold", "임계값", lambda w: _page(w, "LabPage").neuron_view.controls),
    ("weighted input", "가중 입력", lambda w: _page(w, "LabPage").neuron_view.formula),
    ("input layer", "입력층", lambda w: w.explorer.diagram),
    ("hidden layer", "은닉층", lambda w: w.explorer.diagram),
    ("output layer", "출력층", lambda w: w.explorer.diagram),
    ("learning rate", "학습률", lambda w: w.training.panel.settings.tabs.widget(1)),   # "Learning"
    ("epoch", "에포크", lambda w: w.training.panel.settings.tabs.widget(1)),
    ("batch", "배치", lambda w: w.training.panel.settings.tabs.widget(1)),
    ("loss", "손실", lambda w: w.training.panel.settings.tabs.widget(0)),             # "Network"
    ("accuracy", "정확도", lambda w: w.training.curves),
    ("training", "학습", lambda w: _tab_title(w.tabs, w.training.page)),
    ("test", "테스트", lambda w: w.explorer.pad_panel.picker),
    ("prediction", "예측", lambda w: w.explorer.pad_panel.probabilities),
    ("backpropagation", "역전파", lambda w: _tab_title(_page(w, "InsightPage").tabs, _page(w, "InsightPage").nudge)),
    ("gradient", "기울기", lambda w: _page(w, "InsightPage").nudge),
    ("numerical differentiation", "수치미분",
     lambda w: _tab_title(_page(w, "InsightPage").tabs, _page(w, "InsightPage").nudge)),
    ("overfitting", "과적합", lambda w: w.training.panel.settings.validation.toolTip()),
    ("confusion matrix", "혼동 행렬", lambda w: _page(w, "InsightPage").evaluation),
    ("draw", "그리기", lambda w: w.explorer.pad_dock.windowTitle()),
    ("clear", "지우기", lambda w: w.explorer.pad_panel),
    ("dendrite", "수상돌기", lambda w: _page(w, "LabPage").neuron_view.picture.accessibleDescription()),
    ("axon", "축삭", lambda w: _page(w, "LabPage").neuron_view.picture.accessibleDescription()),
    ("cell body", "신경세포체", lambda w: _page(w, "LabPage").neuron_view.picture.accessibleDescription()),
]


def test_each_glossary_term_is_where_its_idea_is(korean_window):
    window = korean_window
    window.explorer.pad_panel.picker.show_index(0)                   # something drawn: a prediction
    _page(window, "LabPage").neuron_view.activation.setCurrentIndex(0)   # the unit step: its threshold θ
    missing = []
    for english, korean, where in GLOSSARY:
        found = where(window)
        if isinstance(found, QWidget):
            reveal(found)
            found = " ".join(plain(t) for t in visible_texts(found))
        if korean not in found:
            missing.append(f"{english}: {korean!r} not in {found!r}")
    assert not missing, "\n".join(missing)


# --- Qt's own texts, the time left, why a model was refused ------------------------------------

def test_qt_own_buttons_and_dialogs_speak_korean(qtbot):
    set_language("ko")
    try:
        box = QMessageBox(QMessageBox.Icon.Question, "", "", QMessageBox.StandardButton.Save
                          | QMessageBox.StandardButton.Cancel | QMessageBox.StandardButton.Ok)
        box.setDetailedText("…")
        qtbot.addWidget(box)
        box.show()
        texts = sorted(b.text() for b in box.findChildren(QAbstractButton))
        assert texts == sorted(["저장", "취소", "확인", "자세한 정보 표시..."])
        from PySide6.QtWidgets import QFileDialog, QLabel

        dialog = QFileDialog(None, "", "", "annviz (*.safetensors)")
        dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
        qtbot.addWidget(dialog)
        labels = {label.text() for label in dialog.findChildren(QLabel)}
        assert {"찾는 위치(&L):", "파일 이름(&N):", "파일 형식(&T):"} <= labels
    finally:
        set_language("en")
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "Cancel"


@pytest.mark.parametrize("seconds,english,korean", [(2, "2 s", "2초"), (185, "3 min 05 s", "3분 05초"),
                                                    (16 * 3600 + 299, "16 h 05 min", "16시간 05분")])
def test_the_time_left_in_both_languages(qapp, seconds, english, korean):
    from annviz.gui.training.controls import format_duration

    assert format_duration(seconds) == english
    set_language("ko")
    try:
        assert format_duration(seconds) == korean
    finally:
        set_language("en")


def bad_model_files(folder):
    """One file per kind of fault a learner may meet when opening a model."""
    import json
    import os

    from annviz.nn import Network, save_model
    from annviz.nn.runfile import EXTENSION

    good = folder / "good.safetensors"
    save_model(good, Network.build([784, 4, 10], seed=0))
    data = good.read_bytes()
    n = int.from_bytes(data[:8], "little")
    header = json.loads(data[8:8 + n])
    meta = json.loads(header["__metadata__"]["annviz"])

    def with_meta(name, **changes):
        h = dict(header, __metadata__={"annviz": json.dumps(dict(meta, **changes))})
        text = json.dumps(h).encode()
        text += b" " * (-len(text) % 8)
        path = folder / name
        path.write_bytes(len(text).to_bytes(8, "little") + text + data[8 + n:])
        return path

    files = {
        "missing": folder / "missing.safetensors",
        "folder": folder,
        "empty": folder / "empty.safetensors",
        "pickle": folder / "pickle.safetensors",
        "truncated": folder / "truncated.safetensors",
        "too long": folder / "long.safetensors",
        "foreign": folder / "foreign.safetensors",
        "activation": with_meta("activation.safetensors", activations=["swish", "softmax"]),
        "layers": with_meta("layers.safetensors", layer_sizes=[784, 5, 10]),
        "version": with_meta("version.safetensors", format_version=99),
        "accuracy": with_meta("accuracy.safetensors", test_accuracy=97),
        "class names": with_meta("names.safetensors", class_names=7),
    }
    files["empty"].write_bytes(b"")
    files["pickle"].write_bytes(b"\x80\x04\x95 this is a pickle" * 10)
    files["truncated"].write_bytes(data[: len(data) // 2])
    files["too long"].write_bytes(data + bytes(8))
    from safetensors.numpy import save_file

    save_file({"x": np.zeros(3, np.float32)}, files["foreign"])
    fifo = folder / "fifo.safetensors"
    os.mkfifo(fifo)
    files["fifo"] = fifo
    recording = folder / f"run{EXTENSION}"
    recording.write_bytes(b"")
    return files


def test_why_a_model_was_refused_is_said_in_korean(qtbot, tmp_path, monkeypatch):
    from annviz.gui.main_window import MainWindow
    from annviz.gui.state import AppState
    from annviz.nn.modelfile import ModelFileError, load_model
    from explorer_helpers import private_settings

    shown = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text, *a: shown.append((title, text)))
    window = MainWindow(AppState(), private_settings(tmp_path))
    qtbot.addWidget(window)
    files = bad_model_files(tmp_path)
    for kind, path in files.items():
        try:
            load_model(path)
        except ModelFileError as error:
            assert error.code is not None, f"{kind}: no code for {error.reason!r}"
        else:
            raise AssertionError(f"{kind}: {path} loaded")
    window.set_language("ko")
    try:
        for path in files.values():
            assert not window.open_model(path)
        sources, bad = english_sources(), []
        for (title, text), kind in zip(shown, files):
            assert str(files[kind]) in text, kind                   # the file is named
            bad += [f"{kind}: {b}" for b in english_in([title, text], sources, ALLOWED_WORDS
                                                      | {"swish", "NaN", "step", "identity", "sigmoid", "relu"})]
        assert not bad, "\n".join(bad)
    finally:
        window.set_language("en")
