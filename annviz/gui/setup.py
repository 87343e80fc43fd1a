"""File → Save setup / Open setup: the screen a teacher prepared, in a ``.annviz`` file for students.

``SetupArea`` gathers a ``Setup`` (``annviz.setupfile``) from the pages' public methods — the page
and tab in front, the model, the input and the selected neuron, the training settings, the lab's
neuron, perceptron and playground — and applies one. Opening checks the whole file first (the
format in ``setupfile``, the names only the GUI knows here), so that a bad or foreign file gets one
message and changes nothing. Then, if a trained network is unsaved, the training panel asks first;
a training dataset that is a folder is offered to the user to pick (never read by itself).

The model: a bundled model goes by its name; any other (a file of the teacher's, an edited one, one
trained and not saved: it is named after its layers) is carried in the file. The lesson and step:
the lessons area (``attach_lessons``, ``LessonsForSetups``) gives them when saving; opening, it
opens the lesson at that step *first* — its start and the step's actions
set the app up — and only then is the setup's own state applied, so that what was saved wins over
what the step does (a bias moved, a model chosen, a threshold raised). ``setup_applied(setup)``
is emitted at the end. What the views show that a lesson's checks read (the threshold, the nudged
weight, the learning step's stage …) is the setup's ``views`` part.

``annviz FILE.annviz`` opens the window with a setup (``annviz.gui.app.main``).
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

import numpy as np
from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from annviz.data.datasets import KNOWN_DATASETS
from annviz.gui.common.file_errors import reason, refusal
from annviz.lessons.lessonfile import LessonFileError
from annviz.lessons.library import is_bundled
from annviz.lessons.model import Lesson
from annviz.nn.activations import HIDDEN_ACTIVATIONS
from annviz.nn.layers import describe as describe_layers
from annviz.nn.modelfile import ModelInfo
from annviz.paths import bundled_model_names, models_dir, with_suffix
from annviz.safeio import memory_as

if TYPE_CHECKING:        # the pages' modules are imported when a page is built, not with this one
    from annviz.gui.convolution.page import ConvolutionPage
    from annviz.setupmodel import ConvolutionPart, ModelPart, Setup, ViewsPart

# The setup file's reader and writer (annviz.setupfile, annviz.setupmodel) are imported when a
# setup is first saved or opened, not at the app's start: File → Open setup is not on screen.

log = logging.getLogger(__name__)


class LessonsForSetups(Protocol):
    """What a setup needs of the lessons area (``annviz.gui.lessons.LessonsArea``)."""

    teacher_mode: bool

    def lesson_position(self) -> tuple[str, int] | None:
        """The lesson followed and its step, or None."""

    def lesson_followed(self) -> Lesson | None:
        """The lesson followed itself (a setup carries it when it is not a bundled one)."""

    def find_by_name(self, name: str) -> Lesson:
        """The lesson a setup names, by its name (never a path); raises LessonFileError."""

    def open_setup_lesson(self, setup: Setup) -> bool:
        """Open the setup's lesson at its step, before the rest of the setup is applied (so that
        the setup's state wins over the step's actions)."""

    def set_teacher_mode(self, on: bool) -> None:
        """Teacher mode on or off."""

# The pages by their names in a setup file, and the attribute of each of their tabs.
PAGE_NAMES = {"training": "training-page", "lab": "lab-page", "insight": "insight-page", "mydigits": "mydigits-page",
              "convolution": "convolution-page"}     # their object names
TABS = {
    "lab": {"neuron": "neuron_view", "perceptron": "perceptron_view", "playground": "playground_view"},
    "insight": {"evaluation": "evaluation", "mistakes": "mistakes", "attribution": "attribution",
                "stepper": "stepper", "nudge": "nudge", "matrix": "matrix", "data": "data"},
    "training": {"curves": "curves", "histograms": "histograms", "compare": "compare"},
    "convolution": {"hand": "hand_view", "network": "network_view", "train": "train_view",
                    "compare": "compare_view", "evaluation": "evaluate_view"},
}


def pages(window) -> dict[str, QWidget]:
    """The window's pages by name (an area that failed to build is missing)."""
    found = {"explorer": window.explorer}
    for i in range(window.tabs.count()):
        widget = window.tabs.widget(i)                # a page not built yet is built now
        for name, object_name in PAGE_NAMES.items():
            if widget.objectName() == object_name:
                found[name] = widget
    return found


def tabs(name: str, page: QWidget) -> dict[str, QWidget]:
    """The tabs of page ``name`` by their names in a setup file."""
    return {tab: getattr(page, attribute) for tab, attribute in TABS.get(name, {}).items()}


class SetupArea(QObject):
    """Gathers and applies setups for ``window`` (installed by ``annviz.gui.app``)."""

    setup_applied = Signal(object)   # the Setup just applied

    def __init__(self, window, state, parent: QObject | None = None):
        super().__init__(parent or window)
        self.window, self.state = window, state
        self.lessons: LessonsForSetups | None = None    # the lessons area, once it attached itself

    def attach_lessons(self, lessons: LessonsForSetups) -> None:
        """The lessons area: a setup saves the lesson and step followed (and the lesson itself when
        it is not a bundled one) and teacher mode, and opens them again."""
        self.lessons = lessons

    # --- gathering -----------------------------------------------------------------------------

    def gather(self) -> Setup:
        """The screen as it is now."""
        from annviz.setupmodel import Setup
        found, state = pages(self.window), self.state
        lessons = self.lessons
        setup = Setup(lesson=lessons.lesson_position() if lessons else None,
                      teacher_mode=lessons.teacher_mode if lessons else None)
        followed = lessons.lesson_followed() if lessons else None
        if setup.lesson is not None and followed is not None and not is_bundled(followed):
            setup.lesson_embedded = followed
        current = self.window.tabs.currentWidget()
        setup.page = next((name for name, page in found.items() if page is current), None)
        if setup.page is not None:
            shown = getattr(current, "tabs", None)
            setup.tab = next((name for name, tab in tabs(setup.page, current).items()
                              if shown is not None and shown.currentWidget() is tab), None)
        if state.network is not None:
            setup.model = self._model_part()
        if state.input_image is not None:
            setup.input = np.round(state.input_image * 255).astype(np.uint8)
            setup.input_exact = np.asarray(state.input_image, dtype=np.float32)
            setup.input_label = found["insight"].label if "insight" in found else None
        setup.selected_neuron = state.selected
        if "training" in found:
            setup.training = self.window.training.settings_config()
        if "lab" in found:
            setup.neuron, setup.perceptron, setup.playground = found["lab"].setup_parts()
        setup.views = self._gather_views(found)
        if "convolution" in found:
            setup.convolution = self._gather_convolution(found["convolution"])
        return setup

    @staticmethod
    def _gather_convolution(page: ConvolutionPage) -> ConvolutionPart:
        from annviz.gui.convolution.page import BUNDLED as BUNDLED_CNN
        from annviz.setupmodel import ConvolutionPart, ModelPart
        source, network = page.network_source(), page.network()
        if network is None:
            model = None
        elif source == "bundled":
            model = ModelPart(bundled=BUNDLED_CNN)
        else:
            model = ModelPart(name=Path(page.network_name()).stem or "cnn", network=network.copy(),
                              info=ModelInfo())
        return ConvolutionPart(source or "bundled", model, page.network_name(), page.input_image(),
                               page.centring(), page.hand_kernel(), page.hand_positions())

    def _gather_views(self, found: dict) -> ViewsPart:
        from annviz.setupmodel import ViewsPart
        contribution = self.window.explorer.contribution_shown()
        insight = found.get("insight")
        if insight is None:
            return ViewsPart(contribution=contribution)
        return ViewsPart(contribution=contribution, **insight.setup_views())

    def _model_part(self) -> ModelPart:
        from annviz.setupmodel import ModelPart
        path = self.state.model_path
        if (path is not None and not self.state.edits and path.resolve().parent == models_dir().resolve()
                and path.stem in bundled_model_names()):
            return ModelPart(bundled=path.stem)
        name = path.stem if path is not None else untitled_name(self.state.network)
        return ModelPart(name=name, network=self.state.network, info=self.state.info)

    # --- File → Save setup / Open setup ------------------------------------------------------------

    def save_setup(self, path=None) -> bool:
        """Save the screen as a setup (asking where, unless ``path`` is given)."""
        from annviz.setupfile import EXTENSION, SetupFileError, save_setup
        if path is None:
            path = QFileDialog.getSaveFileName(self.window, self.tr("Save the setup"), "lesson" + EXTENSION,
                                               self._filter())[0]
            if not path:
                return False
            path = with_suffix(path, EXTENSION)
        try:
            save_setup(path, self.gather())
        except SetupFileError as error:
            self._warn(self.tr("The setup was not saved"), self.tr("The setup could not be written.")
                       + "\n\n" + reason(error), str(error))
            return False
        except OSError as error:
            self._warn(self.tr("The setup was not saved"), self.tr("The setup could not be written."),
                       f"{path}: {error.strerror or error}")
            return False
        return True

    def open_setup(self, path=None) -> bool:
        """Open a setup file (asking which, unless ``path`` is given); a bad one changes nothing."""
        from annviz.setupfile import SetupFileError, load_setup
        if path is None:
            path = QFileDialog.getOpenFileName(self.window, self.tr("Open a setup"), "", self._filter())[0]
            if not path:
                return False
        try:
            with memory_as(SetupFileError, path):
                setup = load_setup(path)
            self.check(setup, path)
        except SetupFileError as error:
            self._warn(self.tr("The setup was not opened"),
                       self.tr("{file} cannot be used as a setup: it is damaged, or made by another program "
                               "or a newer annviz. Nothing was changed.").format(file=Path(str(path)).name)
                       + "\n\n" + refusal(error), str(error))
            return False
        return self.apply(setup, path)

    def _filter(self) -> str:
        from annviz.setupfile import EXTENSION
        return self.tr("annviz setups (*{ext})").format(ext=EXTENSION)

    def _warn(self, title: str, text: str, details: str = "") -> None:
        """A message in the language on screen; the file's own words (the field at fault, in the
        file format's English) under Show Details, for whoever mends the file."""
        box = QMessageBox(QMessageBox.Icon.Warning, title, text, QMessageBox.StandardButton.Ok, self.window)
        if details:
            box.setDetailedText(details)
        try:
            box.exec()
        finally:
            box.deleteLater()

    # --- applying --------------------------------------------------------------------------------

    def check(self, setup: Setup, path) -> None:
        """SetupFileError for anything this window cannot show as the file asks."""
        from annviz.gui.lab.neuron_model import NEURON_ACTIVATIONS
        from annviz.gui.lab.perceptron_view import DATASETS as PERCEPTRON_POINTS
        from annviz.setupfile import SetupFileError
        found = pages(self.window)
        if setup.page is not None and setup.page not in found:
            raise SetupFileError(path, "setup.page", name=repr(setup.page[:40]), known=", ".join(found))
        if setup.tab is not None and setup.page is not None and setup.tab not in tabs(setup.page, found[setup.page]):
            known = ", ".join(tabs(setup.page, found[setup.page])) or "–"
            raise SetupFileError(path, "setup.tab", name=repr(setup.tab[:40]), page=setup.page, known=known)
        model = setup.model
        if model is not None and model.network is not None and not model.network.is_mlp \
                and not self.window.SHOWS_CNN:
            raise SetupFileError(path, "model.not_mlp", layers=describe_layers(model.network.layers))
        if model is not None and model.network is not None and model.network.n_inputs != 784:
            raise SetupFileError(path, "setup.model_inputs", n=model.network.n_inputs)
        if setup.convolution is not None and "convolution" not in found:
            raise SetupFileError(path, "setup.page", name=repr("convolution"), known=", ".join(found))
        for part, field, value, known in (
                (setup.neuron, "neuron.activation", "activation", NEURON_ACTIVATIONS),
                (setup.perceptron, "perceptron.points", "points_name", PERCEPTRON_POINTS),
                (setup.playground, "playground.activation", "activation", HIDDEN_ACTIVATIONS)):
            if part is not None and getattr(part, value) not in known:
                raise SetupFileError(path, "field_one_of", field=field, value=repr(getattr(part, value)[:40]),
                                     known=", ".join(known))
        if setup.lesson is not None and setup.lesson_embedded is None and self.lessons is not None:
            try:
                self.lessons.find_by_name(setup.lesson[0])
            except LessonFileError as error:
                if error.code != "lesson.no_such_lesson":
                    raise SetupFileError.like(error) from None
                raise SetupFileError(path, "setup.lesson_unknown", name=repr(setup.lesson[0]),
                                     names=error.values.get("names", "")) from None

    def apply(self, setup: Setup, path=None) -> bool:
        """Show ``setup`` (checked already); False if the user kept an unsaved network instead.

        The lesson first (its start and the step's actions), then what the setup holds: the
        setup's state wins over the step's. All or nothing: the questions come first, and should
        a page refuse a value half-way (a case the checks missed), what was applied is put back as
        it was and a message says so."""
        training = self.window.training
        if setup.model is not None and training is not None and not training.confirm_discard():
            return False
        folder = None
        if setup.training is not None and setup.training.dataset not in KNOWN_DATASETS:
            folder = self.ask_folder(setup.training.dataset)
        state = self.state
        before = self.gather(), state.network, state.info, state.model_path
        try:
            self._apply(setup, folder)
        except Exception as error:  # noqa: BLE001 — put the screen back, whatever went wrong
            log.exception("applying the setup %s failed; putting the screen back", path)
            self._put_back(*before)
            self._warn(self.tr("The setup was not opened"), self.tr("Nothing was changed."),
                       f"{path or ''}: {type(error).__name__}: {str(error)[:200]}")
            return False
        self.setup_applied.emit(setup)
        return True

    def _put_back(self, screen: Setup, network, info, model_path) -> None:
        try:
            screen.model, screen.lesson, screen.views = None, None, None
            self._apply(screen, None)
            if network is not None:
                self.state.set_model(network, info, model_path)
        except Exception:  # noqa: BLE001 — nothing more can be done; it is in the log
            log.exception("the screen could not be put back as it was")

    def _apply(self, setup: Setup, folder: str | None) -> None:
        found, state = pages(self.window), self.state
        training = self.window.training
        lessons = self.lessons
        if setup.teacher_mode is not None and lessons is not None:
            lessons.set_teacher_mode(setup.teacher_mode)
        if setup.lesson is not None and lessons is not None:
            lessons.open_setup_lesson(setup)
        if setup.model is not None:
            self._apply_model(setup.model)
        if setup.training is not None and training is not None:
            config = setup.training
            known = config.dataset in KNOWN_DATASETS
            training.apply_settings(config if known else config.replace(dataset="mnist"), folder)
        if "lab" in found:
            found["lab"].apply_setup_parts(setup.neuron, setup.perceptron, setup.playground)
        if setup.input is not None:
            image = setup.input_exact if setup.input_exact is not None else setup.input / np.float32(255)
            state.show_example(image, setup.input_label)
        if setup.selected_neuron is not None:
            state.select_neuron(*setup.selected_neuron)
        if setup.views is not None:
            self._apply_views(setup.views, found)
        if setup.convolution is not None and "convolution" in found:
            self._apply_convolution(found["convolution"], setup.convolution)
        if setup.page is not None:
            page = found[setup.page]
            self.window.tabs.setCurrentWidget(page)
            if setup.tab is not None:
                page.tabs.setCurrentWidget(tabs(setup.page, page)[setup.tab])

    @staticmethod
    def _apply_convolution(page: ConvolutionPage, part: ConvolutionPart) -> None:
        model = part.model
        if model is not None and model.bundled is not None:
            page.use_bundled_network()
        elif model is not None:
            page.restore_network(model.network, part.source, part.name)
        page.set_centring(part.centred)
        if part.drawing is None:
            page.clear_pad()
        else:
            page.set_drawing(part.drawing)
        if part.hand_kernel is not None:
            page.set_hand_kernel(part.hand_kernel)
        page.hand_reset()
        page.hand_step(part.hand_positions)

    def _apply_views(self, views: ViewsPart, found: dict) -> None:
        if views.contribution is not None:
            self.window.explorer.show_contribution(views.contribution)
        if "insight" in found:
            found["insight"].apply_setup_views(views)

    def ask_folder(self, named: str) -> str | None:
        """The folder of IDX files the user picks for the dataset folder a setup names, or None."""
        folder = QFileDialog.getExistingDirectory(self.window, self.tr(
            "The setup trains on the folder {folder} of the computer it was made on: choose that "
            "dataset's folder here (Cancel: MNIST)").format(folder=named[:200]))
        return folder or None

    def _apply_model(self, model: ModelPart) -> None:
        if model.bundled is not None:
            self.window.open_bundled(model.bundled)
            return
        info = model.info
        if len(info.class_names) != model.network.n_outputs:
            info.class_names = [str(i) for i in range(model.network.n_outputs)]
        self.state.set_model(model.network, info, None)


def untitled_name(network) -> str:
    """A name for a model that has no file (trained here, not saved): its layers, e.g.
    "untitled-784-16-16-10" — a setup's model needs one to be opened again."""
    return "untitled-" + "-".join(map(str, network.sizes))


def install(window, state) -> SetupArea:
    """File → Open setup / Save setup; the area becomes ``window.setup``."""
    area = SetupArea(window, state)
    window.add_file_action(lambda: QCoreApplication.translate("SetupArea", "Open set&up…"), area.open_setup)
    window.add_file_action(lambda: QCoreApplication.translate("SetupArea", "Save se&tup…"), area.save_setup)
    window.set_setup_area(area)
    return area
