"""The lesson panel's list face: every lesson with the learner's progress, and what the chosen one
teaches.

The list shows each lesson with "step 3 of 7" or "finished"; below it, what the chosen one
teaches, its concepts, minutes and achievement standard; a file that cannot be read shows its
one-line error. Start / Continue, Start over, its lesson sheet, a lesson file and the lessons
folder are buttons that only emit signals: the player and the area decide.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QListWidget, QListWidgetItem, QPushButton, QVBoxLayout, QWidget

from annviz.gui.common.file_errors import refusal
from annviz.gui.lessons.driver import current_language
from annviz.gui.lessons.labels import escape, label, plain
from annviz.lessons.library import Entry
from annviz.lessons.vocabulary import CONCEPTS


class LessonCatalog(QWidget):
    entry_chosen = Signal(object, bool)    # an Entry, and whether to start over
    open_file_clicked = Signal()
    folder_clicked = Signal()
    sheet_clicked = Signal(object)         # the Lesson whose sheet to show

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._entries: list[Entry] = []
        self._progress: dict[str, tuple[int, bool]] = {}
        self._note = ""
        self.title = label(1.3, bold=True, rich=False)
        self.note = label()
        self.lessons = QListWidget()
        self.lessons.setWordWrap(True)
        self.lessons.currentRowChanged.connect(self._on_lesson_row_changed)
        self.lessons.itemDoubleClicked.connect(lambda _item: self._on_start_clicked())
        self.about = label()
        self.about.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.start_button, self.restart_button = QPushButton(), QPushButton()
        self.open_button, self.folder_button = QPushButton(), QPushButton()
        self.start_button.clicked.connect(self._on_start_clicked)
        self.restart_button.clicked.connect(self._on_restart_clicked)
        self.open_button.clicked.connect(self.open_file_clicked)
        self.folder_button.clicked.connect(self.folder_clicked)
        self.sheet_button = QPushButton()          # the chosen lesson's sheet
        self.sheet_button.clicked.connect(
            lambda: self.chosen_entry and self.sheet_clicked.emit(self.chosen_entry.lesson))
        start = QHBoxLayout()
        start.addWidget(self.start_button, 1)
        start.addWidget(self.restart_button)
        files = QVBoxLayout()                  # one above the other: the panel stays narrow
        files.addWidget(self.open_button)
        files.addWidget(self.folder_button)
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        for widget, stretch in ((self.title, 0), (self.note, 0), (self.lessons, 3), (self.about, 2)):
            box.addWidget(widget, stretch)
        box.addLayout(start)
        box.addWidget(self.sheet_button)
        box.addLayout(files)

    def show_catalog(self, entries: list[Entry], progress: dict[str, tuple[int, bool]], note: str = "") -> None:
        """The lessons with the learner's progress ({name: (step reached, finished)})."""
        self._entries, self._progress, self._note = list(entries), dict(progress), note
        self.note.setText(note)
        self.note.setVisible(bool(note))
        row = max(self.lessons.currentRow(), 0)
        self._fill()
        self.lessons.setCurrentRow(min(row, self.lessons.count() - 1))

    @property
    def chosen_entry(self) -> Entry | None:
        row = self.lessons.currentRow()
        return self._entries[row] if 0 <= row < len(self._entries) else None

    def choose(self, name: str, after: bool = False) -> None:
        """Select the lesson called ``name`` in the list (``after``: the one after it, if any)."""
        for row, entry in enumerate(self._entries):
            if entry.name == name:
                self.lessons.setCurrentRow(min(row + after, len(self._entries) - 1))

    def _fill(self) -> None:
        lang = current_language()
        self.lessons.blockSignals(True)
        self.lessons.clear()
        for entry in self._entries:
            item = QListWidgetItem()
            if entry.lesson is None:
                item.setText(f"⚠ {entry.path.name}")
                item.setToolTip(refusal(entry.problem) if entry.problem is not None else entry.error)
            else:
                lesson = entry.lesson
                number = f"{lesson.number}. " if lesson.number is not None else ""
                item.setText(f"{number}{plain(lesson.title.get(lang))}\n{self._progress_text(entry)}")
            self.lessons.addItem(item)
        self.lessons.blockSignals(False)
        self._on_lesson_row_changed(self.lessons.currentRow())

    def _progress_text(self, entry: Entry) -> str:
        step, done = self._progress.get(entry.name, (0, False))
        n = len(entry.lesson.steps)
        if done:
            return self.tr("✓ finished")
        if step > 0:
            return self.tr("stopped at step {n} of {m}").format(n=step + 1, m=n)
        return self.tr("{m} steps").format(m=n)

    def _on_lesson_row_changed(self, _row: int) -> None:
        entry = self.chosen_entry
        lang = current_language()
        started = entry is not None and self._progress.get(entry.name, (0, False))[0] > 0
        self.start_button.setEnabled(entry is not None and entry.lesson is not None)
        self.sheet_button.setVisible(entry is not None and entry.lesson is not None
                                     and bool(entry.lesson.predictions()))
        self.restart_button.setVisible(started)
        self.start_button.setText(self.tr("Continue") if started else self.tr("Start"))
        if entry is None:
            self.about.setText("")
        elif entry.lesson is None:
            self.about.setText(self.tr("This lesson file cannot be used:") + "<br>" + escape(
                refusal(entry.problem) if entry.problem is not None else entry.error))
        else:
            lesson = entry.lesson
            lines = [f"<b>{lesson.title.get(lang)}</b>", lesson.summary.get(lang)]
            if lesson.concepts:
                words = " · ".join(CONCEPTS[c][1 if lang == "ko" else 0] for c in lesson.concepts)
                lines.append(self.tr("Concepts: {words}").format(words=words))
            if lesson.minutes:
                lines.append(self.tr("About {n} minutes").format(n=lesson.minutes))
            if lesson.standard:
                lines.append(self.tr("Achievement standard (인공지능 기초): {code}").format(code=lesson.standard))
            if not entry.bundled:
                lines.append(self.tr("From your lessons folder: {path}").format(path=escape(str(entry.path))))
            self.about.setText("<br>".join(lines))

    def _on_start_clicked(self) -> None:
        entry = self.chosen_entry
        if entry is not None and entry.lesson is not None:
            self.entry_chosen.emit(entry, False)

    def _on_restart_clicked(self) -> None:
        entry = self.chosen_entry
        if entry is not None and entry.lesson is not None:
            self.entry_chosen.emit(entry, True)

    def retranslate(self) -> None:
        self.title.setText(self.tr("Lessons"))
        self.note.setText(self._note)
        self.note.setVisible(bool(self._note))
        self.start_button.setToolTip(self.tr("Follow the chosen lesson from where you stopped"))
        self.restart_button.setText(self.tr("Start over"))
        self.restart_button.setToolTip(self.tr("Follow the chosen lesson from its first step"))
        self.open_button.setToolTip(self.tr("Follow a lesson from a .toml file a teacher gave you"))
        self.open_button.setText(self.tr("Open a lesson file…"))
        self.folder_button.setText(self.tr("Your lessons folder…"))
        self.folder_button.setToolTip(self.tr("Lessons put in this folder (.toml files) appear in the list"))
        self.sheet_button.setText(self.tr("My lesson sheet…"))
        self.sheet_button.setToolTip(self.tr("Your predictions in the chosen lesson and what happened, "
                                             "to print or save as PDF"))
        self._fill()
