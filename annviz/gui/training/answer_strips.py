""""When did it learn my 3?": one strip per example, its answer at every recorded moment.

A tab beside the training settings' (under the timeline there is no height to spare at 1366×768,
and the charts' tab bar has no width left at 1280 px with the lesson drawer open). The examples: the drawing on the pad (always first), the digits the learner
pinned (``Pin``: what is on the pad now — a drawing, or a test digit shown with "Random test
digit"), and the learner's own digits (``set_my_digits``, from "My digits"). Each strip has one
cell per recorded moment of the run the timeline shows, in the timeline's order: coloured by the
class the network of that moment predicts (``CLASS_COLOURS``), paler the less confident it was
(``answer_colour``), with the digit written where the answer changes. A click on a strip takes
the time machine to that moment — to the change of answer, when one is within a few pixels.
A line marks the moment the timeline shows.

The answers (``nn/answers.py``) are computed in a background thread (``threads.py``) while the
tab is on screen, only for the moments not done yet: 784-128-64-10 takes ~50–60 ms for 200
moments, which the GUI thread would feel.
"""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QRect, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QColor, QImage, QPainter
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QSizePolicy, QVBoxLayout, QWidget

from annviz.gui.common import zoom
from annviz.gui.state import AppState
from annviz.gui.threads import Worker, WorkerThread
from annviz.nn.answers import MAX_EXAMPLES, AnswerFilm, Answers, answers_at
from annviz.nn.recording import Recording

#: One colour per class (Tableau 10, which keeps apart from the sign colours' blue and orange).
CLASS_COLOURS = [(78, 121, 167), (242, 142, 43), (225, 87, 89), (118, 183, 178), (89, 161, 79),
                 (237, 201, 72), (176, 122, 161), (255, 157, 167), (156, 117, 95), (121, 112, 108)]
PALE = (255, 255, 255)
MAX_PINNED = 6
MAX_MINE = 6
SNAP_PX = 4          # a click this close to a change of answer goes to the change
DELAY_MS = 120       # examples or moments changed: compute after this pause
STOP_MS = 2000


def answer_colour(k: int, confidence: float, n_classes: int) -> QColor:
    """Class ``k``'s colour, mixed with white the less ``confidence`` is above chance (1/n):
    at chance ¼ of the colour, at certainty all of it."""
    chance = 1.0 / max(n_classes, 2)
    t = float(np.clip((confidence - chance) / (1.0 - chance), 0.0, 1.0)) if np.isfinite(confidence) else 0.0
    share = 0.25 + 0.75 * t
    base = CLASS_COLOURS[k % len(CLASS_COLOURS)]
    return QColor(*(round(c * share + p * (1 - share)) for c, p in zip(base, PALE)))


class _AnswersWorker(Worker):
    def __init__(self, run: Recording, moments: list, inputs: np.ndarray):
        super().__init__()
        self._run, self._moments, self._inputs = run, moments, inputs

    def work(self) -> dict:
        return answers_at(self._run, self._moments, self._inputs, self.control.wait_for_turn)


class StripCanvas(QWidget):
    """The strips themselves (painted); clicks become ``moment_clicked``."""

    moment_clicked = Signal(int)
    first_shown = Signal()      # the strips are on screen for the first time (the app links My digits then)

    def __init__(self, owner: AnswerStrips):
        super().__init__()
        self.owner = owner
        self.setMouseTracking(False)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumHeight(zoom.px(60))

    def row_height(self) -> int:
        n = max(len(self.owner.examples()), 1)
        return max(zoom.px(14), min(zoom.px(30), (self.height() - 2) // n))

    def strip_left(self) -> int:
        return self.row_height() + zoom.px(22)

    def cell_rect(self, example: int, index: int) -> QRect:
        """Where the cell of moment ``index`` of ``example``'s strip is on this widget."""
        n = max(self.owner.moment_count(), 1)
        h = self.row_height()
        left, width = self.strip_left(), self.width() - self.strip_left() - zoom.px(4)
        x0, x1 = left + width * index // n, left + width * (index + 1) // n
        return QRect(x0, example * h + 2, max(x1 - x0, 1), h - 4)

    def index_at(self, x: float) -> int:
        n = self.owner.moment_count()
        width = self.width() - self.strip_left() - zoom.px(4)
        return int(np.clip((x - self.strip_left()) * n // max(width, 1), 0, max(n - 1, 0)))

    def mousePressEvent(self, event) -> None:                   # noqa: N802
        answers = self.owner.answers()
        if answers is None or not len(answers.steps) or event.button() != Qt.MouseButton.LeftButton:
            return super().mousePressEvent(event)
        x, y = event.position().x(), event.position().y()
        if x < self.strip_left():
            return
        example = min(int(y // self.row_height()), answers.predicted.shape[1] - 1)
        index = self.index_at(x)
        near = [c for c in answers.changes(example)
                if abs(self.cell_rect(example, c).left() - x) <= zoom.px(SNAP_PX)]
        if near:
            index = min(near, key=lambda c: abs(self.cell_rect(example, c).left() - x))
        self.moment_clicked.emit(index)

    def paintEvent(self, event) -> None:                        # noqa: N802
        painter = QPainter(self)
        examples, answers = self.owner.examples(), self.owner.answers()
        h = self.row_height()
        font = painter.font()
        font.setPixelSize(max(zoom.px(9), h // 2))
        painter.setFont(font)
        for j, (image, label) in enumerate(examples):
            y = j * h
            picture = QImage(np.ascontiguousarray((np.clip(image, 0, 1) * 255).astype(np.uint8)).data,
                             28, 28, 28, QImage.Format.Format_Grayscale8)
            painter.drawImage(QRect(0, y + 1, h - 2, h - 2), picture)
            if label is not None:
                painter.setPen(Qt.GlobalColor.black)
                painter.drawText(QRect(h, y, zoom.px(20), h), Qt.AlignmentFlag.AlignCenter, str(label))
            if answers is None or j >= answers.predicted.shape[1]:
                continue
            n_classes = self.owner.n_classes()
            for i in range(len(answers.steps)):
                painter.fillRect(self.cell_rect(j, i), answer_colour(int(answers.predicted[i, j]),
                                                                     float(answers.confidence[i, j]), n_classes))
            painter.setPen(Qt.GlobalColor.black)
            painter.setClipRect(QRect(self.strip_left(), y, self.width() - self.strip_left() - zoom.px(4), h))
            last = -10**9
            for i in [0, *answers.changes(j)]:
                r = self.cell_rect(j, i)
                if r.left() - last >= h // 2 + 2:          # the digit, where there is room for it
                    painter.drawText(QRect(r.left() + 1, r.top(), h, r.height()),
                                     Qt.AlignmentFlag.AlignVCenter, str(int(answers.predicted[i, j])))
                    last = r.left()
            painter.setClipping(False)
        position = self.owner.position()
        if answers is not None and position is not None and len(answers.steps):
            r = self.cell_rect(0, position)
            painter.setPen(zoom.pen(QColor(20, 20, 20), 2))
            x = r.center().x()
            painter.drawLine(x, 0, x, len(examples) * h)
        painter.end()


class AnswerStrips(QWidget):
    """See the module docstring. ``moment_clicked(index)``: the learner clicked moment ``index``
    of the run shown (``set_run``)."""

    moment_clicked = Signal(int)
    first_shown = Signal()      # the strips are on screen for the first time (the app links My digits then)

    def __init__(self, state: AppState, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("training-answers")
        self.state = state
        self._run: Recording | None = None
        self._position: int | None = None
        self._pinned: list[tuple[np.ndarray, int | None]] = []
        self._mine: list[tuple[np.ndarray, int | None]] = []
        self._example_label: int | None = None       # the true class of a test digit on the pad
        self._shown_once = False
        self._film: AnswerFilm | None = None
        self._film_key: tuple | None = None
        self._answers: Answers | None = None
        self._thread = WorkerThread("answer strips", self)
        self._thread.ended.connect(self._on_thread_ended)
        self._failed = False
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._compute)

        self.title = QLabel()
        self.title.setWordWrap(True)
        self.pin_button, self.unpin_button = QPushButton(), QPushButton()
        self.pin_button.setObjectName("answers-pin")
        self.canvas = StripCanvas(self)
        buttons = QHBoxLayout()
        buttons.addWidget(self.pin_button)
        buttons.addWidget(self.unpin_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.title)
        layout.addLayout(buttons)
        layout.addWidget(self.canvas, 1)
        self.pin_button.clicked.connect(self.pin_pad)
        self.unpin_button.clicked.connect(self.unpin_all)
        self.canvas.moment_clicked.connect(self.moment_clicked)
        state.input_changed.connect(self._on_input_changed)
        self.retranslate()
        self._on_input_changed()

    # --- public ----------------------------------------------------------------------------------

    def retranslate(self) -> None:
        self.title.setText(self.tr("When did it learn it? Each strip: the answer at every recorded "
                                   "moment (paler: less sure). Click a change to go there."))
        self.pin_button.setText(self.tr("Pin the pad's digit"))
        self.pin_button.setToolTip(self.tr("Keep the digit on the pad as a strip of its own "
                                           "(draw one, or show a random test digit)"))
        self.unpin_button.setText(self.tr("Unpin all"))
        self.unpin_button.setToolTip(self.tr("Remove the pinned digits' strips (the pad's stays)"))
        self.canvas.setToolTip(self.tr("Click a strip to see the network at that moment; a click "
                                       "near a change of answer goes to the change"))

    def examples(self) -> list[tuple[np.ndarray, int | None]]:
        """(28×28 image, true class or None) of each strip, top first: the pad's, the pinned
        digits, the learner's own."""
        pad = self.state.input_image
        first = [] if pad is None else [(pad, self._example_label)]
        return (first + self._pinned + self._mine)[:MAX_EXAMPLES]

    def set_run(self, run: Recording | None) -> None:
        """Show the strips of ``run`` (the run the timeline shows)."""
        if run is not self._run:
            self._run, self._position = run, None
            self._answers = None
        self.moments_changed()

    def moments_changed(self) -> None:
        """The run shown has more moments (or fewer, thinned)."""
        self._schedule()

    def set_position(self, index: int | None) -> None:
        """The moment the timeline shows (None: now)."""
        self._position = index
        self.canvas.update()

    def position(self) -> int | None:
        return self._position

    def pin_pad(self) -> bool:
        """Pin what is on the pad now; False when there is nothing, or MAX_PINNED already."""
        image = self.state.input_image
        if image is None or len(self._pinned) >= MAX_PINNED:
            return False
        self._pinned.append((np.array(image, np.float32), self._example_label))
        self._examples_changed()
        return True

    def unpin_all(self) -> None:
        self._pinned = []
        self._examples_changed()

    def set_my_digits(self, images: np.ndarray, labels) -> None:
        """The learner's own digits (at most MAX_MINE of them, one of each class first)."""
        images = np.asarray(images, np.float32).reshape(-1, 28, 28)
        labels = [int(k) for k in labels]
        order = sorted(range(len(labels)), key=lambda i: (labels[:i].count(labels[i]), i))[:MAX_MINE]
        self._mine = [(images[i].copy(), labels[i]) for i in order]
        self._examples_changed()

    def answers(self) -> Answers | None:
        """The answers shown (None while there are none yet)."""
        return self._answers

    def moment_count(self) -> int:
        return 0 if self._answers is None else len(self._answers.steps)

    def n_classes(self) -> int:
        return self._run.sizes[-1] if self._run is not None else 10

    def is_computing(self) -> bool:
        return self._timer.isActive() or self._thread.is_running()

    def shutdown(self) -> bool:
        self._timer.stop()
        return self._thread.stop(STOP_MS)

    # --- computing -------------------------------------------------------------------------------

    def showEvent(self, event) -> None:                        # noqa: N802
        super().showEvent(event)
        if not self._shown_once:
            self._shown_once = True
            self.first_shown.emit()
        self._schedule()

    def _schedule(self) -> None:
        if self.isVisible():
            self._timer.start(DELAY_MS)
        self.canvas.update()

    def _examples_changed(self) -> None:
        self._film_key = None
        self._schedule()

    @Slot()
    def _on_input_changed(self) -> None:
        self._example_label = self.state.input_label    # a test digit's; None for a drawing
        self._examples_changed()

    def _compute(self) -> None:
        if self._thread.is_running():
            self._thread.request_stop()
            self._timer.start(DELAY_MS)
            return
        run, examples = self._run, self.examples()
        if run is None or not examples or not run.moments:
            self._answers = None
            self.canvas.update()
            return
        key = (id(run), tuple(id(image) for image, _ in examples))
        if self._film is None or self._film_key != key or self._film.run is not run:
            self._film = AnswerFilm(run, np.stack([image.reshape(-1) for image, _ in examples]))
            self._film_key = key
        missing = self._film.missing()
        if not missing:
            self._answers = self._film.answers()
            self.canvas.update()
            return
        worker = _AnswersWorker(run, missing, self._film.inputs)
        film = self._film
        worker.finished.connect(lambda done, film=film: self._on_done(film, done))
        worker.failed.connect(self._on_failed)
        self._failed = False
        self._thread.start(worker)

    def _on_done(self, film: AnswerFilm, done: dict) -> None:
        if film is self._film:
            film.add(done)

    @Slot(str)
    def _on_failed(self, _message: str) -> None:
        self._failed = True          # logged by the thread helper; no strips rather than a loop
        self._answers = None
        self.canvas.update()

    @Slot(object)
    def _on_thread_ended(self, _worker) -> None:
        if not self._failed:
            self._timer.start(0)     # the rest, or the answers when nothing is missing
