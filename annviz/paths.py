"""Where the bundled files are: in a source checkout or in an installed package.

In the repository, ``resources/`` and ``models/`` sit beside ``annviz/``. A non-editable install
places them inside the package as ``annviz/_resources`` and ``annviz/_models`` (pyproject.toml).
"""

from __future__ import annotations

from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent


def _first_existing(*candidates: Path) -> Path:
    for path in candidates:
        if path.is_dir():
            return path
    return candidates[0]


def resources_dir() -> Path:
    """The folder holding the bundled datasets, translations and icons."""
    return _first_existing(_PACKAGE.parent / "resources", _PACKAGE / "_resources")


def models_dir() -> Path:
    """The folder holding the bundled pretrained models."""
    return _first_existing(_PACKAGE.parent / "models", _PACKAGE / "_models")


MODEL_SUFFIX = ".safetensors"


def with_model_suffix(path: str | Path) -> str:
    """``path`` ending in ``.safetensors``: a name typed without it (``notes-trained``) gets it, so
    File → Open lists the file."""
    path = str(path)
    return path if path.lower().endswith(MODEL_SUFFIX) else path + MODEL_SUFFIX


def bundled_model(name: str) -> Path:
    """Path of a bundled model by name, e.g. ``bundled_model("mnist-classic")``."""
    return models_dir() / f"{name}.safetensors"
