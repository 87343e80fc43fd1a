"""Exports of a run: the curves as a PNG picture, the per-epoch history as a CSV table."""

from __future__ import annotations

import csv
import dataclasses
from pathlib import Path

from PySide6.QtWidgets import QWidget

from annviz.nn.history import EpochRecord

CSV_COLUMNS = [f.name for f in dataclasses.fields(EpochRecord)]


def save_png(widget: QWidget, path: str | Path) -> bool:
    """A picture of ``widget`` as it is on screen; False if the file could not be written."""
    return widget.grab().save(str(path), "PNG")


def write_history_csv(records: list[EpochRecord], path: str | Path) -> Path:
    """One row per epoch: epoch, train_loss, train_accuracy, val_…, test_…, samples_per_s, seconds."""
    path = Path(path)
    with path.open("w", newline="", encoding="utf-8") as f:
        writer = csv.DictWriter(f, fieldnames=CSV_COLUMNS)
        writer.writeheader()
        for record in records:
            writer.writerow({k: "" if v is None else v for k, v in dataclasses.asdict(record).items()})
    return path
