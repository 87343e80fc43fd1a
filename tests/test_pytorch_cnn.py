"""Convolutional networks checked against PyTorch itself (skipped where torch is not installed;
tests/nn/test_convolution.py and test_foreign_cnn.py check the same without it).

- annviz's convolution and max pooling are PyTorch's Conv2d and MaxPool2d, forward and backward,
  to 1e-5 — ties included (the first maximum of a window takes the gradient in both);
- the reference net with the same weights computes the same probabilities and gradients;
- a CNN trained in PyTorch and saved with save_file(model.state_dict(), …) opens in annviz with
  the same predictions, its padding and pooling inferred (or chosen among the candidates);
- a CNN trained in annviz opens in PyTorch by the README's snippet; the exported script takes
  annviz's training step and reproduces its accuracy.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
from threadpoolctl import threadpool_limits

from annviz.data.datasets import load_dataset, to_inputs
from annviz.nn import ModelInfo, TrainConfig, Trainer, get_loss, load_foreign, load_model, save_model
from annviz.nn.convnet import ConvNet
from annviz.nn.convolution import conv_backward, conv_forward, maxpool_backward, maxpool_forward
from annviz.nn.layers import reference
from annviz.nn.metrics import evaluate
from annviz.pytorch_export import write_pytorch_script
from annviz.recipes import build_network

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def torch():
    torch = pytest.importorskip("torch")
    torch.set_num_threads(1)
    return torch


@pytest.fixture(scope="module")
def mnist():
    ds = load_dataset("mnist")
    return (to_inputs(ds.train_images[:12_800]), np.asarray(ds.train_labels[:12_800], np.int64),
            to_inputs(ds.test_images), np.asarray(ds.test_labels, np.int64))


def reference_sequential(torch, filters=(8, 16)):
    nn = torch.nn
    return nn.Sequential(nn.Conv2d(1, filters[0], 5, padding=2), nn.ReLU(), nn.MaxPool2d(2),
                         nn.Conv2d(filters[0], filters[1], 5, padding=2), nn.ReLU(), nn.MaxPool2d(2),
                         nn.Flatten(), nn.Linear(filters[1] * 49, 10))


def close(ours, theirs, tol=1e-5):
    """Equal to ``tol`` relative to the largest number (float32 sums of hundreds of products)."""
    theirs = theirs.detach().numpy() if hasattr(theirs, "detach") else theirs
    scale = max(float(np.abs(theirs).max()), 1.0)
    assert np.abs(ours - theirs).max() <= tol * scale, np.abs(ours - theirs).max() / scale


@pytest.mark.parametrize("c,f,k,p", [(1, 8, 5, 2), (8, 16, 5, 2), (3, 4, 3, 0), (2, 5, 3, 1), (4, 2, 7, 3)])
def test_convolution_is_pytorchs_conv2d_forward_and_backward(torch, mnist, c, f, k, p):
    rng = np.random.default_rng(c * 10 + k)
    images = mnist[2][:16].reshape(16, 1, 28, 28)
    x = np.repeat(images, c, axis=1) * rng.random((1, c, 1, 1), np.float32)   # MNIST's flat background
    w, b = rng.normal(0, 0.3, (f, c, k, k)).astype(np.float32), rng.normal(0, 0.1, f).astype(np.float32)
    xt = torch.tensor(x, requires_grad=True)
    wt, bt = torch.tensor(w, requires_grad=True), torch.tensor(b, requires_grad=True)
    zt = torch.nn.functional.conv2d(xt, wt, bt, padding=p)
    z, cols = conv_forward(x.transpose(1, 0, 2, 3), w, b, p)                       # maps (c, n, h, w)
    close(z.transpose(1, 0, 2, 3), zt)
    g = rng.normal(size=zt.shape).astype(np.float32)
    zt.backward(torch.tensor(g))
    grad_w, grad_b, grad_x = conv_backward(np.ascontiguousarray(g.transpose(1, 0, 2, 3)), cols, w, p)
    close(grad_w, wt.grad)
    close(grad_b, bt.grad)
    close(grad_x.transpose(1, 0, 2, 3), xt.grad)


@pytest.mark.parametrize("side", [28, 14, 7])
def test_max_pooling_is_pytorchs_maxpool2d_ties_included(torch, mnist, side):
    images = mnist[2][:32].reshape(32, 1, 28, 28)[:, :, :side, :side]
    x = np.ascontiguousarray(np.concatenate([images, np.round(images * 4) / 4], axis=1))   # many ties
    xt = torch.tensor(x, requires_grad=True)
    pt = torch.nn.functional.max_pool2d(xt, 2)
    pooled, which = maxpool_forward(x.transpose(1, 0, 2, 3))
    np.testing.assert_array_equal(pooled.transpose(1, 0, 2, 3), pt.detach().numpy())
    g = np.random.default_rng(side).normal(size=pt.shape).astype(np.float32)
    pt.backward(torch.tensor(g))
    ours = maxpool_backward(np.ascontiguousarray(g.transpose(1, 0, 2, 3)), which, (2, 32, side, side))
    np.testing.assert_array_equal(ours.transpose(1, 0, 2, 3), xt.grad.numpy())


def load_into(torch, model, network):
    """PyTorch's module with the network's weights, through annviz's model file's names."""
    from annviz.nn.cnnfile import tensors

    model.load_state_dict({k: torch.tensor(v) for k, v in tensors(network).items()}, strict=True)
    return model


def test_the_reference_net_computes_pytorchs_probabilities_and_gradients(torch, mnist):
    network = ConvNet(reference(), seed=11)
    for b in network.biases:
        b[:] = np.random.default_rng(1).normal(0, 0.1, b.shape)
    model = load_into(torch, reference_sequential(torch), network)
    x, y = mnist[2][:64], mnist[3][:64]
    logits = model(torch.tensor(x).view(-1, 1, 28, 28))
    close(network.predict_proba(x), torch.softmax(logits, 1))
    loss, grads = network.gradients(x, y, get_loss("cross-entropy"))
    theirs = torch.nn.functional.cross_entropy(logits, torch.tensor(y))
    theirs.backward()
    assert loss == pytest.approx(theirs.item(), rel=1e-6)
    for l, index in enumerate((0, 3, 7)):
        close(grads.grad_w[l], model[index].weight.grad)
        close(grads.grad_b[l], model[index].bias.grad)


def train_in_pytorch(torch, model, x, y, steps=200, lr=2e-3):
    torch.manual_seed(0)
    optimizer = torch.optim.Adam(model.parameters(), lr=lr)
    images, labels = torch.from_numpy(x.reshape(-1, 1, 28, 28)), torch.from_numpy(y)
    for step in range(steps):
        batch = slice(step * 64 % len(x), step * 64 % len(x) + 64)
        loss = torch.nn.functional.cross_entropy(model(images[batch]), labels[batch])
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
    return model.eval()


def test_a_cnn_trained_in_pytorch_opens_in_annviz_with_its_predictions(torch, tmp_path, mnist):
    from safetensors.torch import save_file

    torch.manual_seed(1)
    model = train_in_pytorch(torch, reference_sequential(torch), mnist[0], mnist[1])
    path = tmp_path / "cnn.safetensors"
    save_file(model.state_dict(), str(path))
    network, info = load_foreign(path, "relu", logits=True)           # padding and pools inferred
    x, y = mnist[2][:5000], mnist[3][:5000]
    with torch.no_grad():
        theirs = torch.softmax(model(torch.from_numpy(x).view(-1, 1, 28, 28)), 1).numpy()
    ours = network.predict_proba(x)
    assert np.abs(ours - theirs).max() < 1e-5
    assert (ours.argmax(1) == theirs.argmax(1)).all()
    assert evaluate(network, x, y, get_loss(info.loss))[1] > 0.85          # 200 steps of Adam


class ExampleNet:
    """PyTorch's MNIST example, as learners copy it: named modules, dropout, log_softmax."""

    @staticmethod
    def make(torch):
        nn, F = torch.nn, torch.nn.functional

        class Net(nn.Module):
            def __init__(self):
                super().__init__()
                self.conv1, self.conv2 = nn.Conv2d(1, 8, 3, 1), nn.Conv2d(8, 16, 3, 1)
                self.dropout1, self.dropout2 = nn.Dropout(0.25), nn.Dropout(0.5)
                self.fc1, self.fc2 = nn.Linear(16 * 12 * 12, 32), nn.Linear(32, 10)

            def forward(self, x):
                x = F.max_pool2d(F.relu(self.conv2(F.relu(self.conv1(x)))), 2)
                x = F.relu(self.fc1(torch.flatten(self.dropout1(x), 1)))
                return F.log_softmax(self.fc2(self.dropout2(x)), dim=1)

        return Net()


def test_pytorchs_mnist_example_opens_in_the_arrangement_chosen(torch, tmp_path, mnist):
    from safetensors.torch import save_file

    torch.manual_seed(2)
    model = train_in_pytorch(torch, ExampleNet.make(torch), mnist[0], mnist[1], steps=100)
    path = tmp_path / "example.safetensors"
    save_file(model.state_dict(), str(path))
    x = mnist[2][:2000]
    with torch.no_grad():
        theirs = torch.exp(model(torch.from_numpy(x).view(-1, 1, 28, 28))).numpy()   # softmax of log_softmax
    right, _ = load_foreign(path, "relu", logits=True, arrangement=1)      # pad 0 → pad 0, pool
    wrong, _ = load_foreign(path, "relu", logits=True, arrangement=2)      # pad 1, pool → pad 0
    assert np.abs(right.predict_proba(x) - theirs).max() < 1e-5
    assert np.abs(wrong.predict_proba(x) - theirs).max() > 0.1


def readme_cnn_snippet() -> str:
    blocks = re.findall(r"```python\n(.*?)```", (ROOT / "README.md").read_text(encoding="utf-8"), re.S)
    snippet, = [b for b in blocks if "nn.Conv2d" in b and "load_state_dict" in b]
    return snippet


def test_a_cnn_trained_in_annviz_opens_in_pytorch_by_the_readmes_snippet(torch, tmp_path, mnist):
    config = TrainConfig(conv=(8, 16), hidden=(), activation="relu", epochs=1, n_train=3200, lr=2e-3)
    network = build_network(config)
    with threadpool_limits(1):
        Trainer(network, config, (mnist[0][:3200], mnist[1][:3200])).run()
    save_model(tmp_path / "cnn.safetensors", network, ModelInfo(config=config.to_dict()))
    snippet = readme_cnn_snippet()
    assert '"cnn.safetensors"' in snippet
    namespace = {}
    exec(compile(snippet.replace('"cnn.safetensors"', repr(str(tmp_path / "cnn.safetensors"))), "README", "exec"),
         namespace)
    model = namespace["cnn"]
    x = mnist[2][:1000]
    with torch.no_grad():
        theirs = torch.softmax(model(torch.from_numpy(x).view(-1, 1, 28, 28)), 1).numpy()
    assert np.abs(network.predict_proba(x) - theirs).max() < 1e-5


def import_script(path: Path):
    import importlib.util

    spec = importlib.util.spec_from_file_location(path.stem, path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize("settings", [dict(optimizer="adam", lr=0.01, weight_decay=0.001),
                                      dict(optimizer="momentum", lr=0.05, activation="tanh", hidden=(6,))],
                         ids=["adam", "momentum-tanh-hidden"])
def test_the_exported_scripts_training_step_is_annviz_s(torch, tmp_path, mnist, settings):
    config = TrainConfig(**{"conv": (3, 4), "hidden": (), "activation": "relu", **settings}).validate()
    network = build_network(config)
    script, weights = write_pytorch_script(tmp_path / "step.py", network, ModelInfo(config=config.to_dict()))
    network = load_model(weights)[0].copy(dtype=np.float64)
    module = import_script(script)
    model = module.AnnvizCNN().double()
    model.load_state_dict({k: v.double() for k, v in module.load_file(module.WEIGHTS).items()}, strict=True)
    optimizer = module.make_optimizer(model)
    x, y = mnist[2], mnist[3]
    trainer = Trainer(network, config, (x[:96], y[:96]))
    for step in range(3):
        xb, yb = x[32 * step:32 * (step + 1)].astype(np.float64), y[32 * step:32 * (step + 1)]
        ours = trainer.learn(xb, yb, config.lr, step)
        theirs = module.train_step(model, optimizer, torch.from_numpy(xb), torch.from_numpy(yb), config.lr)
        assert theirs == pytest.approx(ours[0], rel=1e-9)
    from annviz.nn.cnnfile import tensors

    state = model.state_dict()
    for name, ours in tensors(network).items():
        np.testing.assert_allclose(state[name].numpy(), ours, rtol=1e-7, atol=1e-10)


def test_the_exported_script_reproduces_annviz_s_accuracy(torch, tmp_path, mnist):
    config = TrainConfig(conv=(4,), hidden=(), activation="relu", epochs=1, lr=3e-3)
    network = build_network(config)
    with threadpool_limits(1):
        Trainer(network, config, (mnist[0][:1600], mnist[1][:1600])).run()
    info = ModelInfo(config=config.to_dict())
    loss, accuracy = evaluate(network, mnist[2], mnist[3], get_loss(info.loss))
    script, _ = write_pytorch_script(tmp_path / "cnn.py", network, info)
    result = subprocess.run([sys.executable, str(script)], capture_output=True, text=True, timeout=600,
                            cwd=script.parent)
    assert result.returncode == 0, result.stderr
    match = re.search(r"test loss ([\d.]+)  test accuracy [\d.]+% \(([\d,]+) of 10,000 images\)", result.stdout)
    assert match, result.stdout
    assert int(match[2].replace(",", "")) == round(accuracy * 10_000)
    assert float(match[1]) == pytest.approx(loss, abs=1e-4)
