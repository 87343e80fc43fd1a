"""Look at the data: the current model's dataset — examples of each class, how many there are, the
average image of each class, and how bright the pixels are. Clicking an image loads it into the pad.

Why a tab on the insight page (not a page of its own): it answers the same question as its
neighbours — what the model learned from, beside how good it is and where it fails — and the
insight page already loads its images into the explorer's pad the same way.

The dataset is the current model's (``load_named_dataset(info.dataset)``: names only, MNIST by
default); a dataset that is not a name annviz knows is read only from a folder the learner picks.
Its summary (``annviz.data.summary``, ~0.3 s for MNIST) is computed once per dataset in a
worker thread (``threads.py``) and kept. The picture is one image: a row per class, the average
image first, then a few examples drawn at random ("Other examples" draws again).
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QFileDialog, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from annviz.data.datasets import load_dataset, load_named_dataset
from annviz.data.summary import DatasetSummary, summarize
from annviz.gui.common import room, zoom
from annviz.gui.common.colors import PLOT_TEXT, POSITIVE, activation_colormap
from annviz.gui.insight.plots import ClickableImage, mosaic
from annviz.gui.threads import Worker, WorkerThread

EXAMPLES = 8            # examples per class in a row
TILE = 28
GAP = 2                 # pixels between tiles
AVERAGE_COLUMN, FIRST_EXAMPLE_COLUMN = 0, 2   # column 1 stays empty: the average stands apart


class _Summarize(Worker):
    """Load a dataset (by name, or a folder the learner picked) and summarize it, in the thread."""

    def __init__(self, source: str, folder: bool):
        super().__init__()
        self.source, self.folder = source, folder

    def work(self) -> tuple[str, DatasetSummary | None]:
        dataset = load_dataset(self.source) if self.folder else load_named_dataset(self.source)
        return self.source, summarize(dataset, go_on=self.control.wait_for_turn)


class DataTab(QWidget):
    """The data view; the page calls ``show_dataset(name)`` while it is on screen."""

    example_chosen = Signal(object, int)     # a uint8 (28, 28) image and its class

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("insight-data")
        self._summaries: dict[str, DatasetSummary] = {}   # by dataset name or folder, for the session
        self._wanted: str | None = None                   # the dataset to show
        self._folder: str | None = None                   # the folder picked for it, if it is no name
        self.summary: DatasetSummary | None = None        # the one shown
        self._failure: str | None = None
        self._seed = 0
        self._samples: np.ndarray | None = None           # (n_classes, EXAMPLES) training indices
        self._picked: tuple[int, int | None, np.ndarray] | None = None   # the image last clicked
        self._pending: tuple[int, int | None] | None = None   # a pick asked for before the data showed
        self._thread = WorkerThread("data summary", parent=self)

        self.status = QLabel()
        self.status.setWordWrap(True)
        self.choose_folder = QPushButton()
        self.choose_folder.hide()
        self.other_examples = QPushButton()
        self.images = pg.PlotWidget(enableMenu=False)
        self.images.setBackground(None)
        self.images.setMenuEnabled(False)
        self.images.setMouseEnabled(x=False, y=False)
        self.images.hideButtons()
        self.images.invertY(True)
        self.images.getViewBox().setAspectLocked(True)
        self.images.showAxis("top")
        self.images.hideAxis("bottom")
        self._image = ClickableImage()
        self._image.clicked.connect(self._on_image_clicked)
        self.images.addItem(self._image)
        self.images_caption = QLabel()
        self.images_caption.setWordWrap(True)
        # The plots' titles are labels above them, wrapped where the column is narrow: a title in
        # the plot would make it at least as wide as its words, and the view cut its right part.
        self.counts_title, self.brightness_title = QLabel(), QLabel()
        self._title_fits = []
        for title in (self.counts_title, self.brightness_title):
            title.setWordWrap(True)
            title.setAlignment(Qt.AlignmentFlag.AlignHCenter)
            palette = title.palette()
            palette.setColor(QPalette.ColorRole.WindowText, QColor(*PLOT_TEXT))
            title.setPalette(palette)
            zoom.relative_font(title, 1.15)
            self._title_fits.append(room.WholeText(title, fixed=True))
        self.counts = pg.PlotWidget(enableMenu=False)
        self.counts.setBackground(None)
        self.counts.setMenuEnabled(False)
        self.counts.setMouseEnabled(x=False, y=False)
        self.counts.hideButtons()
        self.count_bars = pg.BarGraphItem(x=[], height=[], width=0.7, brush=pg.mkBrush(POSITIVE))
        self.counts.addItem(self.count_bars)
        self.brightness = pg.PlotWidget(enableMenu=False)
        self.brightness.setBackground(None)
        self.brightness.setMenuEnabled(False)
        self.brightness.setMouseEnabled(x=False, y=False)
        self.brightness.hideButtons()
        self._brightness_curve = self.brightness.plot(stepMode="center", fillLevel=0,
                                                      brush=pg.mkBrush(120, 120, 120, 160),
                                                      pen=zoom.pen((60, 60, 60)))
        self.brightness_caption = QLabel()
        self.brightness_caption.setWordWrap(True)

        top = QHBoxLayout()
        top.addWidget(self.status, 1)
        top.addWidget(self.choose_folder)
        top.addWidget(self.other_examples)
        left = QVBoxLayout()
        left.addWidget(self.images, 1)
        left.addWidget(self.images_caption)
        right = QVBoxLayout()
        right.addWidget(self.counts_title)
        right.addWidget(self.counts, 1)
        right.addWidget(self.brightness_title)
        right.addWidget(self.brightness, 1)
        right.addWidget(self.brightness_caption)
        body = QHBoxLayout()
        body.addLayout(left, 3)
        body.addLayout(right, 2)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(body, 1)

        self.choose_folder.clicked.connect(self._on_choose_folder_clicked)
        self.other_examples.clicked.connect(self._on_other_examples_clicked)
        self.retranslate()

    # --- public ------------------------------------------------------------------------------

    def show_dataset(self, name: str) -> None:
        """Show the dataset called ``name`` (a model's ``dataset``): at once if it was summarized
        before, else once the worker is done. A name annviz does not know asks for a folder."""
        if name == self._wanted:
            return
        self._wanted, self._folder, self._failure = name, None, None
        self._start(name, folder=False)

    @property
    def shown(self) -> bool:
        """Whether a dataset's averages and examples are on screen."""
        return self.summary is not None

    def picked(self) -> tuple[int, int | None, np.ndarray] | None:
        """The image last clicked (and so loaded as the input): its class, which example of the
        row (from 0; None: the class's average) and the image (uint8, 28×28)."""
        return self._picked

    def pick(self, c: int, example: int | None = None) -> bool:
        """Click the average of class ``c`` (``example``: its example in that place of the row, from
        0) as a learner would — once the data shows, if it is still being read; False if there is
        no such tile."""
        if self.summary is None:
            self._pending = (c, example)
            return True
        if not 0 <= c < len(self.summary.counts):
            return False
        if example is not None and not (0 <= example < EXAMPLES and self._samples[c, example] >= 0):
            return False
        column = AVERAGE_COLUMN if example is None else FIRST_EXAMPLE_COLUMN + example
        self._on_image_clicked(c * (TILE + GAP), column * (TILE + GAP))
        return True

    def shutdown(self) -> None:
        """Stop the worker thread; call before the application quits."""
        self._thread.stop()

    def sample_indices(self) -> np.ndarray | None:
        """(n_classes, EXAMPLES) training-set indices of the examples shown (−1: none)."""
        return self._samples

    def tile_center(self, c: int, column: int) -> tuple[float, float]:
        """Where the tile of class ``c`` in ``column`` (0: the average, 2…: the examples) is drawn,
        in the picture's pixels (x, y)."""
        return (TILE + GAP) * column + TILE / 2, (TILE + GAP) * c + TILE / 2

    # --- the worker ----------------------------------------------------------------------------

    def _start(self, source: str, folder: bool) -> None:
        if source in self._summaries:
            self._show(self._summaries[source])
            return
        self.summary = None
        self.choose_folder.hide()
        worker = _Summarize(source, folder)
        worker.finished.connect(self._on_worker_finished)
        worker.failed.connect(self._on_worker_failed)
        self._thread.start(worker)          # stops one still running first
        self._show_status()

    @Slot(object)
    def _on_worker_finished(self, outcome) -> None:
        source, summary = outcome
        if summary is None:
            return
        self._summaries[source] = summary
        if source in (self._wanted, self._folder):
            self._show(summary)

    @Slot(str)
    def _on_worker_failed(self, message: str) -> None:
        if self.sender() is not None and getattr(self.sender(), "source", None) not in (self._wanted, self._folder):
            return
        self._failure = message.split(": ", 1)[-1] if message.startswith(("DatasetError", "IdxError")) else message
        self.choose_folder.setVisible(self._folder is None)
        self._show_status()

    def _on_choose_folder_clicked(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Choose the folder of IDX files of {name}")
                                                  .format(name=self._wanted))
        if folder:
            self._folder, self._failure = folder, None
            self._start(folder, folder=True)

    # --- showing -------------------------------------------------------------------------------

    def _show(self, summary: DatasetSummary) -> None:
        self.summary, self._failure = summary, None
        self.choose_folder.hide()
        self._show_images()
        n = len(summary.counts)
        self.count_bars.setOpts(x=np.arange(n), height=summary.counts, width=0.7)
        self.counts.getAxis("bottom").setTicks([list(enumerate(summary.class_names))] if n <= 20 else None)
        self.counts.setXRange(-0.6, n - 0.4, padding=0)
        self.counts.setYRange(0, max(1, int(summary.counts.max())) * 1.1, padding=0)
        values = np.arange(257) / 255.0                                   # bin edges, brightness 0…1
        self._brightness_curve.setData(values[1:], summary.brightness[1:] / 1000)   # 0 (black) is written, not drawn
        self.brightness.setXRange(0, 1, padding=0.01)
        self._show_status()
        self._retranslate_captions()
        pending, self._pending = self._pending, None
        if pending is not None:
            self.pick(*pending)

    def _show_images(self) -> None:
        summary = self.summary
        self._samples = summary.samples(EXAMPLES, self._seed)
        images = summary.dataset.train_images
        n = len(summary.counts)
        columns = FIRST_EXAMPLE_COLUMN + EXAMPLES
        tiles = np.full((n * columns, TILE, TILE), np.nan, np.float32)
        for c in range(n):
            tiles[c * columns + AVERAGE_COLUMN] = summary.averages[c]
            for k, index in enumerate(self._samples[c]):
                if index >= 0:
                    tiles[c * columns + FIRST_EXAMPLE_COLUMN + k] = images[index] / 255.0
        picture = mosaic(tiles, columns, gap=GAP)
        self._image.setImage(picture, levels=(0, 1), autoLevels=False,
                             lut=activation_colormap().getLookupTable(nPts=256))
        self.images.setRange(xRange=(0, picture.shape[1]), yRange=(0, picture.shape[0]), padding=0.01)
        rows = [((TILE + GAP) * c + TILE / 2, f"{name}  ({count:,})")
                for c, (name, count) in enumerate(zip(summary.class_names, summary.counts))]
        self.images.getAxis("left").setTicks([rows])
        self.images.getAxis("top").setTicks([[(TILE / 2, self.tr("average")),
                                              ((TILE + GAP) * (FIRST_EXAMPLE_COLUMN + EXAMPLES / 2) - GAP / 2,
                                               self.tr("examples (click one to load it into the pad)"))]])

    def _on_image_clicked(self, row: int, col: int) -> None:
        if self.summary is None:
            return
        c, column = row // (TILE + GAP), col // (TILE + GAP)
        if row % (TILE + GAP) >= TILE or col % (TILE + GAP) >= TILE or c >= len(self.summary.counts):
            return                                                        # a gap between tiles
        if column == AVERAGE_COLUMN:
            image, example = np.round(self.summary.averages[c] * 255).astype(np.uint8), None
        elif column >= FIRST_EXAMPLE_COLUMN and self._samples[c, column - FIRST_EXAMPLE_COLUMN] >= 0:
            example = column - FIRST_EXAMPLE_COLUMN
            image = self.summary.dataset.train_images[self._samples[c, example]]
        else:
            return
        self._picked = (c, example, image)
        self.example_chosen.emit(image, c)

    def _on_other_examples_clicked(self) -> None:
        self._seed += 1
        if self.summary is not None:
            self._show_images()

    # --- texts -----------------------------------------------------------------------------------

    def _show_status(self) -> None:
        if self._failure is not None:
            self.status.setText(self.tr("The model's dataset, {name}, cannot be shown: {reason}").format(
                name=self._wanted, reason=self._failure))
        elif self.summary is None:
            self.status.setText(self.tr("Reading the dataset {name}…").format(name=self._wanted or "mnist"))
        else:
            d = self.summary.dataset
            self.status.setText(self.tr("The model's dataset, {name}: {train:,} training images and {test:,} "
                                        "test images of {n} classes.").format(
                name=d.name or self._folder, train=d.n_train, test=d.n_test, n=d.n_classes))
        self.other_examples.setEnabled(self.summary is not None)

    def _retranslate_captions(self) -> None:
        self.images.getAxis("left").setLabel(self.tr("class (training images of it)"))
        self.images.getAxis("top").setLabel(self.tr("each pixel's brightness: black = 0 … white = 1"))
        self.images_caption.setText(self.tr(
            "The average image of a class: each pixel is the mean brightness of that pixel over all "
            "the training images of the class — a blurry picture of what the class usually looks "
            "like. Click it to see what the network says about it."))
        self.counts_title.setText(self.tr("How many training images of each class"))
        self.counts.setLabel("bottom", self.tr("class"))
        self.counts.setLabel("left", self.tr("training images"))
        self.brightness_title.setText(self.tr("How bright the pixels are (all training images)"))
        for fit in self._title_fits:
            fit.refit()
        self.brightness.setLabel("bottom", self.tr("pixel brightness (0 = black … 1 = white)"))
        self.brightness.setLabel("left", self.tr("pixels (thousands)"))
        if self.summary is not None:
            total = int(self.summary.brightness.sum())
            black = int(self.summary.brightness[0])
            self.brightness_caption.setText(self.tr(
                "{black:.1%} of all pixels are black (0) and are not drawn: the grey area shows the "
                "other {rest:.1%}.").format(black=black / max(total, 1), rest=1 - black / max(total, 1)))
        else:
            self.brightness_caption.clear()
        if self.summary is not None:
            self._show_images()

    def concepts_html(self) -> str:
        """Help → Concepts on this screen, for this tab."""
        return self.tr(
            "<p>The <b>dataset</b> the model learned from: training images with their labels, and test "
            "images kept apart to measure it. Each image is 28×28 pixels of brightness 0 (black) … "
            "1 (white): the 784 neurons of the <b>input layer</b>.</p>"
            "<p>The average image of a class shows what that class usually looks like; the counts "
            "show whether every class has about as many examples; the brightness histogram shows "
            "that most pixels are black and the ink is nearly white. Click an image to give it to the "
            "network.</p>")

    def retranslate(self) -> None:
        self.choose_folder.setText(self.tr("Choose its folder…"))
        self.choose_folder.setToolTip(self.tr("The model names a dataset annviz does not know by name: "
                                              "pick the folder of its IDX files yourself"))
        self.other_examples.setText(self.tr("Other examples"))
        self.other_examples.setToolTip(self.tr("Draw other examples of each class at random"))
        self._show_status()
        self._retranslate_captions()
