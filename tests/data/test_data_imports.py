"""annviz.data is NumPy and the standard library only: importing and using it loads no Qt."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

SCRIPT = """
import sys
import numpy as np
import annviz.data as data
data.canvas_to_mnist(np.eye(40, dtype=np.uint8) * 255)
data.augment_batch(np.zeros((2, 784), np.float32), np.random.default_rng(0))
data.load_dataset("mnist")
forbidden = [name for name in sys.modules
             if name.split(".")[0] in ("PySide6", "shiboken6", "pyqtgraph", "PIL")]
print(",".join(forbidden))
"""


def test_data_package_loads_no_gui_or_imaging_library() -> None:
    result = subprocess.run([sys.executable, "-c", SCRIPT], cwd=ROOT, capture_output=True,
                            text=True, timeout=60, check=True)
    assert result.stdout.strip() == ""


def test_public_names() -> None:
    import annviz.data as data

    for name in ("read_idx", "write_idx", "IdxError", "Dataset", "DatasetError", "load_dataset",
                 "available_datasets", "to_inputs", "split_validation", "canvas_to_mnist",
                 "augment_batch", "read_image", "write_png", "ImageError"):
        assert name in data.__all__ and hasattr(data, name)


def test_reading_an_image_is_what_loads_pillow(tmp_path) -> None:
    """Pillow is imported where an image is read, not by ``import annviz.data``."""
    script = ("import sys, numpy as np\n"
              "import annviz.data as data\n"
              "before = 'PIL' in sys.modules\n"
              "data.write_png(sys.argv[1], np.zeros((4, 4), np.uint8))\n"
              "data.read_image(sys.argv[1])\n"
              "print(before, 'PIL' in sys.modules)\n")
    result = subprocess.run([sys.executable, "-c", script, str(tmp_path / "a.png")], cwd=ROOT,
                            capture_output=True, text=True, timeout=60, check=True)
    assert result.stdout.split() == ["False", "True"]


def test_the_shared_file_checks_are_standard_library_only() -> None:
    script = ("import sys, annviz.safeio\n"
              "print(','.join(sorted(n for n in sys.modules if n.split('.')[0] in "
              "('numpy', 'PIL', 'PySide6', 'pyqtgraph', 'safetensors'))))\n")
    result = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True,
                            text=True, timeout=60, check=True)
    assert result.stdout.strip() == ""
