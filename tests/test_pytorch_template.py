"""The exported PyTorch script is annviz/pytorch_template.py with the network's values written into
its block "This network" (annviz/pytorch_export.py), checked without torch: the template and every
script compile, the block holds the model's numbers exactly (read back as literals), nothing else
of the program changes, no name can break the program, and the program — imported with stand-ins
for torch — follows annviz's learning-rate schedule. (ruff checks the template with the package:
tests/test_lint.py; with torch installed, tests/test_pytorch*.py run the scripts.)"""

from __future__ import annotations

import ast
import importlib.util
import sys
from unittest import mock

import numpy as np
import pytest

from annviz import pytorch_export
from annviz.nn import ModelInfo, Network, TrainConfig
from annviz.nn.layers import to_dict
from annviz.nn.optimizers import scheduled_lr
from annviz.pytorch_export import TEMPLATE, fill, pytorch_script, values_block, write_pytorch_script
from annviz.recipes import build_network

CONFIG = TrainConfig(hidden=(12,), activation="tanh", optimizer="momentum", lr=0.1 + 0.2, momentum=0.85,
                     weight_decay=1e-4, schedule="one-cycle", label_smoothing=0.1, batch_size=48,
                     augment=True, seed=7).validate()


def block_values(text: str) -> dict:
    """The values block of a program, read back as literals (never run)."""
    first, last = values_block(text)
    tree = ast.parse(text)
    return {node.targets[0].id: ast.literal_eval(node.value) for node in tree.body if first < node.lineno < last}


def outside_block(text: str) -> list[str]:
    first, last = values_block(text)
    lines = text.splitlines()
    return lines[:first] + lines[last - 1:]


def mlp():
    network = Network(CONFIG.layer_sizes(), CONFIG.layer_activations(), seed=1)
    return network, ModelInfo(loss=CONFIG.loss, config=CONFIG.to_dict(), dataset="fashion-mnist")


def test_the_template_is_a_program_and_its_block_a_working_example():
    text = TEMPLATE.read_text(encoding="utf-8")
    compile(text, str(TEMPLATE), "exec")
    values = block_values(text)
    assert values["SIZES"] == [784, 10] and values["LAYERS"] is None and values["ACTIVATIONS"] == ["softmax"]
    # what the exporter may ask for is what the program knows
    tree = ast.parse(text)
    functions = next(n.value for n in tree.body if isinstance(n, ast.Assign)
                     and getattr(n.targets[0], "id", "") == "ACTIVATION_FUNCTIONS")
    assert tuple(ast.literal_eval(k) for k in functions.keys) == pytorch_export.ACTIVATIONS


def test_an_mlps_script_holds_its_numbers_exactly_and_the_rest_is_the_template(tmp_path):
    network, info = mlp()
    script, weights = write_pytorch_script(tmp_path / "my net.py", network, info)
    text = script.read_text(encoding="utf-8")
    compile(text, str(script), "exec")
    values = block_values(text)
    assert values == pytorch_export.network_values(network, info, weights.name)
    assert values["LR"] == CONFIG.lr == 0.30000000000000004           # every digit of the float
    assert (values["SIZES"], values["ACTIVATIONS"]) == ([784, 12, 10], ["tanh", "softmax"])
    assert (values["OPTIMIZER"], values["MOMENTUM"], values["WEIGHT_DECAY"]) == ("momentum", 0.85, 1e-4)
    assert (values["SCHEDULE"], values["LABEL_SMOOTHING"], values["BATCH_SIZE"]) == ("one-cycle", 0.1, 48)
    assert (values["AUGMENT"], values["SEED"], values["DATASET"]) == (True, 7, "fashion-mnist")
    assert (values["WEIGHTS_FILE"], values["TITLE"], values["LAYERS"]) == ("my net.safetensors", "my net", None)
    assert values["SETTINGS_RECORDED"] is True
    assert outside_block(text) == outside_block(TEMPLATE.read_text(encoding="utf-8"))


def test_a_cnns_script_lists_its_layers_one_per_line():
    config = TrainConfig(conv=(3, 4), hidden=(6,), activation="relu").validate()
    network = build_network(config)
    text = pytorch_script(network, ModelInfo(config=config.to_dict()), "cnn.safetensors", "cnn.py")
    values = block_values(text)
    assert values["SIZES"] is None and values["LAYERS"] == [to_dict(layer) for layer in network.layers]
    assert values["ACTIVATIONS"] == list(network.activation_names)
    assert '\n    {"kind": "pool", "size": 2},\n' in text


def test_a_model_without_settings_says_so_and_takes_annvizs_defaults():
    network = Network([784, 10], ["softmax"], seed=0)
    values = block_values(pytorch_script(network, ModelInfo(), "m.safetensors", "m.py"))
    assert values["SETTINGS_RECORDED"] is False
    assert (values["OPTIMIZER"], values["LR"], values["BATCH_SIZE"]) == (
        TrainConfig().optimizer, TrainConfig().lr, TrainConfig().batch_size)


@pytest.mark.parametrize("name", ['quote"""s\'\\n and a\nline', "tab\tand\u2028separator", "이름 × 2",
                                  "lone \udcff surrogate", "{TITLE} $weights %s"])
def test_no_file_name_can_break_the_program(name):
    network = Network([784, 10], ["softmax"], seed=0)
    text = pytorch_script(network, ModelInfo(), name + ".safetensors", name + ".py")
    text.encode("utf-8")                                               # the script can be written
    compile(text, "exported.py", "exec")
    assert block_values(text)["TITLE"] == name and block_values(text)["WEIGHTS_FILE"] == name + ".safetensors"
    assert outside_block(text) == outside_block(TEMPLATE.read_text(encoding="utf-8"))


def test_fill_refuses_a_block_that_is_not_only_values():
    template = TEMPLATE.read_text(encoding="utf-8")
    values = block_values(template)
    assert block_values(fill(template, {**values, "LR": 0.5}))["LR"] == 0.5
    with pytest.raises(ValueError, match="names"):
        fill(template, {k: v for k, v in values.items() if k != "LR"})           # a value missing
    with pytest.raises(ValueError, match="names"):
        fill(template, {**values, "EXTRA": 1})                                   # a value with no place
    with pytest.raises(ValueError, match="not NAME = value"):
        fill(template.replace("SEED = 0\n", "SEED = 0\nprint('hi')\n"), values)  # code in the block
    with pytest.raises(TypeError):
        fill(template, {**values, "LR": float("nan")})                           # no literal for NaN


def test_an_activation_the_program_does_not_know_is_refused_before_any_file(tmp_path):
    network = Network([784, 10], ["softmax"], seed=0)
    network.activation_names = ["softsign"]
    with pytest.raises(ValueError, match="softsign"):
        write_pytorch_script(tmp_path / "x.py", network, ModelInfo())
    assert list(tmp_path.iterdir()) == []


def test_the_program_follows_annvizs_schedule_imported_without_torch(tmp_path, monkeypatch):
    """With stand-ins for torch and safetensors the exported program imports; its constants are the
    model's and its learning rate annviz's, step by step."""
    for name in ("torch", "torch.nn", "torch.nn.functional", "safetensors", "safetensors.torch"):
        monkeypatch.setitem(sys.modules, name, mock.MagicMock())
    network, info = mlp()
    script, _ = write_pytorch_script(tmp_path / "run.py", network, info)
    spec = importlib.util.spec_from_file_location("exported_run", script)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    assert (module.LR, module.SCHEDULE, module.WEIGHTS) == (CONFIG.lr, "one-cycle", script.with_suffix(".safetensors"))
    for total in (7, 100):
        ours = [scheduled_lr("one-cycle", CONFIG.lr, step, total) for step in range(total)]
        np.testing.assert_allclose([module.learning_rate(step, total) for step in range(total)], ours,
                                   rtol=1e-12, atol=0)
