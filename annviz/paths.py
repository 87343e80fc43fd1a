"""Where the bundled files are, installed or in a source checkout, and models named by name.

Installed, ``resources/`` and ``models/`` are the packages ``annviz._resources`` and
``annviz._models`` (pyproject.toml maps them), found through ``importlib.resources`` — never by
looking beside the package, where ``site-packages/models`` may be somebody else's. An editable
install maps the same names to the checkout's folders. A checkout run without any install (the
two packages cannot be imported) falls back to the folders beside ``annviz/``.
"""

from __future__ import annotations

import importlib.resources
from pathlib import Path

_CHECKOUT = Path(__file__).resolve().parent.parent
MODEL_SUFFIX = ".safetensors"


def _package_folder(package: str, checkout_folder: str) -> Path:
    try:
        return Path(str(importlib.resources.files(package)))
    except ModuleNotFoundError:
        return _CHECKOUT / checkout_folder


def resources_dir() -> Path:
    """The folder holding the bundled datasets, translations and icons."""
    return _package_folder("annviz._resources", "resources")


def models_dir() -> Path:
    """The folder holding the bundled pretrained models."""
    return _package_folder("annviz._models", "models")


MODEL_SUFFIX = ".safetensors"


def with_model_suffix(path: str | Path) -> str:
    """``path`` ending in ``.safetensors``: a name typed without it (``notes-trained``) gets it, so
    File → Open lists the file."""
    return with_suffix(path, MODEL_SUFFIX)


def with_suffix(path: str | Path, suffix: str) -> str:
    """``path`` ending in ``suffix`` (added when a name was typed without it)."""
    path = str(path)
    return path if path.lower().endswith(suffix.lower()) else path + suffix


def bundled_model(name: str) -> Path:
    """Path of a bundled model by name, e.g. ``bundled_model("mnist-classic")``."""
    return models_dir() / f"{name}{MODEL_SUFFIX}"


def bundled_model_names() -> list[str]:
    """The names of the bundled models, e.g. ["mnist-best", "mnist-classic"]."""
    return sorted(p.name.removesuffix(MODEL_SUFFIX) for p in models_dir().glob(f"*{MODEL_SUFFIX}"))


def model_path(path_or_name: str | Path) -> Path:
    """A model file given by its path or by a bundled model's name; a file that exists wins."""
    path = Path(path_or_name)
    if path.exists() or str(path_or_name) not in bundled_model_names():
        return path
    return bundled_model(str(path_or_name))
