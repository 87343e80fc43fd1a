"""A model's ``dataset`` metadata is a name: ``annviz evaluate`` never reads a folder it names.

A model trained on a folder (or a hostile model) says ``"dataset": "/some/folder"``; the test set
comes from that folder only if the user gives it with ``--dataset`` (issue 10).
"""

import json
import subprocess
import sys

import numpy as np

from annviz.data import write_idx
from annviz.nn import ModelInfo, Network, save_model


def _folder(path, n_test=7):
    path.mkdir()
    rng = np.random.default_rng(0)
    for name, array in (("train-images-idx3-ubyte", rng.integers(0, 256, (5, 28, 28), np.uint8)),
                        ("train-labels-idx1-ubyte", rng.integers(0, 10, 5, np.uint8)),
                        ("t10k-images-idx3-ubyte", rng.integers(0, 256, (n_test, 28, 28), np.uint8)),
                        ("t10k-labels-idx1-ubyte", rng.integers(0, 10, n_test, np.uint8))):
        write_idx(path / name, array, gzip=False)
    return path


def _evaluate(*args, cwd):
    return subprocess.run([sys.executable, "-m", "annviz", "evaluate", *map(str, args), "--json"],
                          capture_output=True, text=True, cwd=cwd, timeout=120)


def test_evaluate_does_not_read_the_folder_a_model_names(tmp_path):
    folder = _folder(tmp_path / "digits")
    for dataset in (str(folder), "digits"):  # an absolute path, and a name that is a folder in cwd
        model = save_model(tmp_path / "m.safetensors", Network.build([784, 10], seed=0),
                           ModelInfo(dataset=dataset))
        result = _evaluate(model, cwd=tmp_path)
        assert result.returncode == 2 and result.stdout == ""
        assert result.stderr == (f"annviz: error: {dataset!r} is not a dataset annviz knows by name "
                                 "(mnist, fashion-mnist): choose its folder of IDX files yourself\n")


def test_evaluate_reads_a_folder_the_user_gives(tmp_path):
    folder = _folder(tmp_path / "digits")
    model = save_model(tmp_path / "m.safetensors", Network.build([784, 10], seed=0),
                       ModelInfo(dataset=str(folder)))
    result = _evaluate(model, "--dataset", folder, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["n_test"] == 7
