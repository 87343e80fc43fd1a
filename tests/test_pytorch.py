"""The bridge to PyTorch, checked against PyTorch itself (skipped where torch is not installed;
CI has none, and tests/nn/test_foreign.py checks the same files against NumPy there).

- The README's snippet runs as written and agrees with annviz on both bundled models.
- A network trained in PyTorch, saved with ``save_file(model.state_dict(), ...)``, opens in annviz
  and computes what PyTorch computes, in float32 and in bfloat16.
- The exported script reproduces annviz's accuracy and loss, takes the same training step as
  annviz (loss, optimizer, L2), augments as annviz does, and saves what annviz opens.
"""

from __future__ import annotations

import importlib.util
import json
import re
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from annviz.data.datasets import load_dataset, to_inputs
from annviz.nn import ModelInfo, Network, TrainConfig, Trainer, get_loss, load_foreign, load_model
from annviz.nn.metrics import evaluate
from annviz.paths import bundled_model
from annviz.pytorch_export import write_pytorch_script

ROOT = Path(__file__).resolve().parents[1]
BUNDLED = ["mnist-classic", "mnist-best"]


@pytest.fixture(scope="module")
def torch():
    return pytest.importorskip("torch")


@pytest.fixture(scope="module")
def mnist_test():
    ds = load_dataset("mnist")
    return to_inputs(ds.test_images), np.asarray(ds.test_labels, np.int64)


def readme_snippet(path: Path) -> str:
    """The python block of ``path`` that loads a model in PyTorch."""
    blocks = re.findall(r"```python\n(.*?)```", path.read_text(encoding="utf-8"), re.S)
    snippet, = [b for b in blocks if "load_state_dict(load_file(path), strict=True)" in b]
    return snippet


def test_both_readmes_show_the_same_snippet():
    assert readme_snippet(ROOT / "README.md") == readme_snippet(ROOT / "models" / "README.md")


CHECK = """
import numpy as np
from annviz.data.datasets import load_dataset, to_inputs
from annviz.nn import load_model
ds = load_dataset("mnist")
x = to_inputs(ds.test_images)
ours = load_model(path)[0].predict_proba(x)
with torch.no_grad():
    theirs = model(torch.from_numpy(x)).numpy()
print(json.dumps({"max_diff": float(np.abs(theirs - ours).max()),
                  "agree": int((theirs.argmax(1) == ours.argmax(1)).sum()), "n": len(x)}))
"""


@pytest.mark.parametrize("name", BUNDLED)
def test_the_readme_snippet_runs_as_written_and_agrees_with_annviz(torch, name):
    snippet = readme_snippet(ROOT / "README.md")
    assert '"models/mnist-best.safetensors"' in snippet
    code = snippet.replace('"models/mnist-best.safetensors"', f'"models/{name}.safetensors"')
    result = subprocess.run([sys.executable, "-c", code + CHECK], cwd=ROOT, capture_output=True,
                            text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    printed, report = result.stdout.strip().splitlines()
    assert printed.split()[0] in [str(d) for d in range(10)] and float(printed.split()[1]) == pytest.approx(1)
    report = json.loads(report)
    assert report["agree"] == report["n"] == 10_000
    assert report["max_diff"] < 1e-5


def train_in_pytorch(torch, x, y, steps=300):
    """What a learner writes: nn.Sequential(Flatten, Linear, ReLU, Linear), CrossEntropyLoss, Adam."""
    torch.manual_seed(0)
    model = torch.nn.Sequential(torch.nn.Flatten(), torch.nn.Linear(784, 64), torch.nn.ReLU(),
                                torch.nn.Linear(64, 10))
    optimizer = torch.optim.Adam(model.parameters(), lr=1e-3)
    images, labels = torch.from_numpy(x.reshape(-1, 28, 28)), torch.from_numpy(y)
    for step in range(steps):
        batch = slice(step * 64 % len(x), step * 64 % len(x) + 64)
        loss = torch.nn.functional.cross_entropy(model(images[batch]), labels[batch])
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
    return model.eval()


@pytest.mark.parametrize("dtype", ["float32", "bfloat16"])
def test_a_network_trained_in_pytorch_opens_in_annviz(torch, tmp_path, mnist_test, dtype):
    from safetensors.torch import save_file

    ds = load_dataset("mnist")
    model = train_in_pytorch(torch, to_inputs(ds.train_images[:20_000]), ds.train_labels[:20_000].astype(np.int64))
    model = model.to(getattr(torch, dtype))
    path = tmp_path / "mlp.safetensors"
    save_file(model.state_dict(), str(path))
    model = model.float()  # bfloat16 weights, computed in float32 as annviz does
    x, y = mnist_test
    with torch.no_grad():
        theirs = torch.softmax(model(torch.from_numpy(x)), dim=1).numpy()
    network, info = load_foreign(path, "relu", logits=True)
    ours = network.predict_proba(x)
    assert np.abs(ours - theirs).max() < 1e-5
    assert (ours.argmax(1) == theirs.argmax(1)).all()
    _, accuracy = evaluate(network, x, y, get_loss(info.loss))
    assert accuracy > 0.9


def run_script(script: Path, *args) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(script), *map(str, args)], capture_output=True, text=True,
                          timeout=600, cwd=script.parent)


def printed_result(stdout: str) -> tuple[float, int]:
    """(loss, correct) from the script's last line."""
    match = re.search(r"test loss ([\d.]+)  test accuracy [\d.]+% \(([\d,]+) of 10,000 images\)", stdout)
    assert match, stdout
    return float(match[1]), int(match[2].replace(",", ""))


@pytest.mark.parametrize("name", BUNDLED)
def test_the_exported_script_reproduces_annviz(torch, tmp_path, mnist_test, name):
    network, info = load_model(bundled_model(name))
    loss, accuracy = evaluate(network, *mnist_test, get_loss(info.loss))
    script, weights = write_pytorch_script(tmp_path / f"{name}.py", network, info)
    result = run_script(script)  # no --data: annviz's bundled MNIST
    assert result.returncode == 0, result.stderr
    their_loss, correct = printed_result(result.stdout)
    assert correct == round(accuracy * 10_000)
    assert their_loss == pytest.approx(loss, abs=1e-4)
    explicit = run_script(script, "--data", ROOT / "resources" / "mnist")
    assert printed_result(explicit.stdout) == (their_loss, correct)


def test_the_script_never_looks_for_data_elsewhere(torch, tmp_path):
    network, info = load_model(bundled_model("mnist-classic"))
    script, _ = write_pytorch_script(tmp_path / "classic.py", network, info)
    (tmp_path / "empty").mkdir()
    result = run_script(script, "--data", tmp_path / "empty")
    assert result.returncode == 1
    assert result.stderr.strip() == (f"{tmp_path / 'empty'} has no t10k-images-idx3-ubyte[.gz]: pass "
                                     "--data with a folder of MNIST's IDX files")


def test_the_exported_script_trains_further_and_saves_what_annviz_opens(torch, tmp_path, mnist_test):
    network, info = load_model(bundled_model("mnist-classic"))
    script, _ = write_pytorch_script(tmp_path / "classic.py", network, info)
    result = run_script(script, "--epochs", "1", "--save", tmp_path / "more.safetensors")
    assert result.returncode == 0, result.stderr
    assert re.search(r"^epoch 1  train loss [\d.]+  test loss", result.stdout, re.M)
    their_loss, correct = printed_result(result.stdout)
    trained, trained_info = load_model(tmp_path / "more.safetensors")
    loss, accuracy = evaluate(trained, *mnist_test, get_loss(trained_info.loss))
    assert round(accuracy * 10_000) == correct and correct > 9_400
    assert loss == pytest.approx(their_loss, abs=1e-4)
    assert trained_info.test_accuracy == pytest.approx(accuracy) and trained_info.config == info.config
    assert not all(np.array_equal(a, b) for a, b in zip(trained.weights, network.weights))


def import_script(path: Path):
    spec = importlib.util.spec_from_file_location(path.stem.replace("-", "_"), path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


SETTINGS = [
    dict(optimizer="sgd", lr=0.5, weight_decay=0.01, output="softmax", loss="cross-entropy"),
    dict(optimizer="momentum", lr=0.1, momentum=0.8, output="sigmoid", loss="cross-entropy"),
    dict(optimizer="adam", lr=0.01, weight_decay=0.001, output="softmax", loss="mse"),
    dict(optimizer="adam", lr=0.003, output="sigmoid", loss="mse", activation="tanh"),
    dict(optimizer="adam", lr=0.002, output="softmax", loss="cross-entropy", label_smoothing=0.1),
    dict(optimizer="sgd", lr=0.1, output="sigmoid", loss="cross-entropy", label_smoothing=0.2),
    dict(optimizer="momentum", lr=0.1, output="identity", loss="cross-entropy", label_smoothing=0.1,
         activation="sigmoid"),
]


@pytest.mark.parametrize("settings", SETTINGS, ids=lambda s: f"{s['optimizer']}-{s['loss']}-{s['output']}"
                         f"-ls{s.get('label_smoothing', 0)}")
def test_the_scripts_training_step_is_annviz_s(torch, tmp_path, mnist_test, settings):
    """Three steps of the script's optimizer and loss on the same batches as annviz's Trainer.learn."""
    config = TrainConfig(hidden=(12,), **{"activation": "relu", **settings}).validate()
    network = Network(config.layer_sizes(), config.layer_activations(), seed=4)
    script, weights = write_pytorch_script(tmp_path / "step.py", network,
                                           ModelInfo(loss=config.loss, config=config.to_dict()))
    network = load_model(weights)[0].copy(dtype=np.float64)  # both start from the file's float32
    module = import_script(script)
    model = module.AnnvizMLP().double()
    model.load_state_dict({k: v.double() for k, v in module.load_file(module.WEIGHTS).items()})
    optimizer = module.make_optimizer(model)
    x, y = mnist_test
    trainer = Trainer(network, config, (x[:96], y[:96]))
    for step in range(3):
        xb, yb = x[32 * step:32 * (step + 1)].astype(np.float64), y[32 * step:32 * (step + 1)]
        ours = trainer.learn(xb, yb, config.lr, step)
        theirs = module.train_step(model, optimizer, torch.from_numpy(xb), torch.from_numpy(yb), config.lr)
        assert theirs == pytest.approx(ours[0], rel=1e-9)
    for layer, w, b in zip(model.layers, network.weights, network.biases):
        np.testing.assert_allclose(layer.weight.detach().numpy(), w, rtol=1e-7, atol=1e-10)
        np.testing.assert_allclose(layer.bias.detach().numpy(), b, rtol=1e-7, atol=1e-10)


@pytest.mark.parametrize("schedule", ["constant", "cosine", "one-cycle"])
def test_the_scripts_learning_rate_is_annviz_s_step_by_step(torch, tmp_path, schedule):
    from annviz.nn.optimizers import scheduled_lr

    config = TrainConfig(hidden=(12,), lr=0.002, schedule=schedule).validate()
    network = Network(config.layer_sizes(), config.layer_activations(), seed=4)
    script, _ = write_pytorch_script(tmp_path / "schedule.py", network,
                                     ModelInfo(loss=config.loss, config=config.to_dict()))
    module = import_script(script)
    assert module.SCHEDULE == schedule
    for total in (7, 100, 940):
        ours = [scheduled_lr(schedule, 0.002, step, total) for step in range(total)]
        theirs = [module.learning_rate(step, total) for step in range(total)]
        np.testing.assert_allclose(theirs, ours, rtol=1e-12, atol=0)


def test_the_scripts_augmentation_is_annviz_s(torch, tmp_path, mnist_test):
    from annviz.data.augment import affine_batch

    network, info = load_model(bundled_model("mnist-best"))  # trained with augmentation
    script, _ = write_pytorch_script(tmp_path / "best.py", network, info)
    module = import_script(script)
    assert module.AUGMENT is True
    x = mnist_test[0][:200]
    rng = np.random.default_rng(5)
    angles, scales = rng.uniform(-0.3, 0.3, 200), rng.uniform(0.85, 1.15, 200)
    shifts = rng.uniform(-3, 3, (200, 2))
    ours = affine_batch(x, angles, scales, shifts)
    theirs = module.affine(torch.from_numpy(x), *(torch.from_numpy(a.astype(np.float32))
                                                    for a in (angles, scales, shifts))).numpy()
    assert np.abs(ours - theirs).max() < 1e-4
    augmented = module.augment(torch.from_numpy(x), torch.Generator().manual_seed(0)).numpy()
    assert augmented.shape == x.shape and not np.allclose(augmented, x)


def test_the_script_never_replaces_a_model_file_it_was_not_told_to(tmp_path):
    from annviz.nn import Network
    from annviz.nn.modelfile import ModelInfo

    beside = tmp_path / "seq.safetensors"
    beside.write_bytes(b"the learner's own weights")
    with pytest.raises(FileExistsError) as caught:
        write_pytorch_script(tmp_path / "seq.py", Network([784, 10], ["softmax"], seed=0), ModelInfo())
    assert caught.value.filename == str(beside) and beside.read_bytes() == b"the learner's own weights"
    assert not (tmp_path / "seq.py").exists()
