"""The command line, run as a user runs it: a separate process, real files, the documented exit
statuses (0 done, 1 failure or bug, 2 bad input, 3 diverged, 130 interrupted)."""

import argparse
import json
import os
import signal
import stat
import subprocess
import sys
import time

import numpy as np
import pytest

from annviz import cli
from annviz.data.datasets import load_dataset
from annviz.data.images import write_png
from annviz.nn import MAX_LAYER_SIZE, Network, save_model
from annviz.paths import bundled_model


def annviz(*args, cwd=None):
    return subprocess.run([sys.executable, "-m", "annviz", *map(str, args)],
                          capture_output=True, text=True, cwd=cwd, timeout=300)


def one_line(result) -> str:
    assert "Traceback" not in result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    return lines[0]


@pytest.fixture(scope="module")
def small_model(tmp_path_factory):
    out = tmp_path_factory.mktemp("model") / "new" / "folders" / "small.safetensors"  # created
    result = annviz("train", "--layers", "32", "--activation", "relu", "--epochs", "1",
                    "--n-train", "3000", "--batch", "32", "--out", out, "--json")
    assert result.returncode == 0, result.stderr
    return out, json.loads(result.stdout)


def test_train_prints_a_json_summary_and_saves(small_model):
    out, summary = small_model
    assert out.is_file()
    assert summary["schema_version"] == 1 and summary["status"] == "finished"
    assert summary["out"] == str(out)
    assert summary["test_accuracy"] > 0.8  # chance is 0.1
    assert summary["train_samples_per_s"] > 0
    assert summary["layer_sizes"] == [784, 32, 10]


def test_evaluate_reports_accuracy_per_class_and_confusion(small_model):
    out, summary = small_model
    result = annviz("evaluate", out, "--json")
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    assert report["schema_version"] == 1
    assert report["accuracy"] == pytest.approx(summary["test_accuracy"], abs=1e-6)
    confusion = np.array(report["confusion_matrix"])
    assert confusion.shape == (10, 10) and confusion.sum() == 10_000
    assert np.trace(confusion) / 10_000 == pytest.approx(report["accuracy"])
    text = annviz("evaluate", out)
    assert "accuracy" in text.stdout and "confusion matrix" in text.stdout


def test_a_bundled_model_is_named_by_name_and_a_real_file_wins(tmp_path):
    by_name = annviz("evaluate", "mnist-classic", "--json", cwd=tmp_path)
    assert by_name.returncode == 0, by_name.stderr
    report = json.loads(by_name.stdout)
    assert report["model"] == str(bundled_model("mnist-classic")) and report["accuracy"] > 0.9

    save_model(tmp_path / "mnist-classic", Network.build([784, 10], seed=1))  # untrained, same name
    local = json.loads(annviz("evaluate", "mnist-classic", "--json", cwd=tmp_path).stdout)
    assert local["model"] == "mnist-classic" and local["accuracy"] < 0.5


def _digit_pngs(tmp_path, n):
    ds = load_dataset("mnist")
    paths = []
    for i in range(n):  # real test digits, drawn large and dark on white paper
        big = np.kron(255 - ds.test_images[i], np.ones((8, 8), dtype=np.uint8))
        paths.append(write_png(tmp_path / f"digit{i}.png", big))
    return paths, [str(d) for d in ds.test_labels[:n]]


def test_predict_reads_pngs_of_digits_and_has_one_json_shape(tmp_path):
    paths, labels = _digit_pngs(tmp_path, 5)
    write_png(tmp_path / "blank.png", np.full((50, 50), 255, np.uint8))
    result = annviz("predict", "mnist-best", *paths, tmp_path / "blank.png", "--json")
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    assert report["schema_version"] == 1 and report["class_names"] == [str(d) for d in range(10)]
    answers = report["predictions"]
    assert [a["prediction"] for a in answers[:5]] == labels
    assert answers[5]["blank"] and answers[5]["prediction"] is None
    assert sum(answers[0]["probabilities"]) == pytest.approx(1, abs=1e-5)

    single = json.loads(annviz("predict", "mnist-best", paths[0], "--json").stdout)
    assert single.keys() == report.keys() and len(single["predictions"]) == 1
    assert single["predictions"][0] == answers[0]


@pytest.mark.parametrize("args,message", [
    (["train", "--layers", "16,x"], "16,x"),
    (["train", "--layers", "100000,100000"], f"at most {MAX_LAYER_SIZE} neurons"),
    (["train", "--activation", "swish"], "unknown activation 'swish'"),
    (["train", "--optimizer", "lbfgs"], "invalid choice: 'lbfgs'"),
    (["train", "--lr", "-0.1"], "learning rate"),
    (["train", "--dataset", "{tmp}"], "train-images"),
    (["train", "--n-train", "1", "--validation", "0.9"], "no training examples left"),
    (["evaluate", "{tmp}/missing.safetensors"], "no such file"),
    (["evaluate", "{tmp}/corrupt.safetensors"], "corrupt.safetensors"),
    (["evaluate", "{tmp}/xor.safetensors"], "takes 2 inputs"),
    (["predict", "{tmp}/xor.safetensors", "{tmp}/missing.png"], "takes 2 inputs"),
    (["predict", "{model}", "{tmp}/missing.png"], "missing.png"),
    (["frobnicate"], "invalid choice"),
])
def test_bad_input_is_one_clear_line_and_status_2(tmp_path, args, message):
    (tmp_path / "corrupt.safetensors").write_bytes(b"\x00" * 5 + b"garbage" * 20)
    save_model(tmp_path / "xor.safetensors", Network.build([2, 3, 10]))
    args = [a.format(tmp=tmp_path, model=bundled_model("mnist-classic")) for a in args]
    result = annviz(*args)
    assert result.returncode == cli.EXIT_BAD_INPUT == 2
    assert message in one_line(result)


def test_out_is_checked_before_training_and_never_replaces_a_device_or_a_pipe(tmp_path):
    pipe = tmp_path / "pipe"
    os.mkfifo(pipe)
    (tmp_path / "file").write_text("not a folder")
    (tmp_path / "broken").symlink_to(tmp_path / "nowhere")
    for out, message in [(os.devnull, "not a regular file"), (pipe, "not a regular file"),
                         (tmp_path, "is a folder"), (tmp_path / "file" / "m.safetensors", "is not a folder"),
                         (tmp_path / "broken", "broken symbolic link"),
                         (tmp_path / ("m" * 300), "name too long")]:
        started = time.perf_counter()
        result = annviz("train", "--out", out)  # full MNIST, 10 epochs, if --out were not checked first
        assert result.returncode == 2
        line = one_line(result)
        assert line.startswith(f"annviz: error: --out {out}") and message in line.lower()
        assert time.perf_counter() - started < 30
    assert stat.S_ISCHR(os.stat(os.devnull).st_mode) and stat.S_ISFIFO(os.stat(pipe).st_mode)


@pytest.mark.skipif(os.geteuid() == 0, reason="root may write in any folder")
def test_out_in_a_folder_that_cannot_be_written_is_refused_before_training(tmp_path):
    locked = tmp_path / "locked"
    locked.mkdir(mode=0o500)
    result = annviz("train", "--out", locked / "sub" / "m.safetensors")
    assert result.returncode == 2 and f"cannot write in {locked}" in one_line(result)


def test_a_save_that_fails_names_out_not_the_temporary_file(tmp_path):
    out = tmp_path / ("m" * 250)  # a legal name, but the temporary file's name beside it is too long
    result = annviz("train", "--n-train", "200", "--epochs", "1", "--out", out)
    assert result.returncode == 2
    line = one_line(result)
    assert line.startswith(f"annviz: error: --out {out}: the model could not be saved")
    assert ".tmp" not in line
    assert list(tmp_path.iterdir()) == []


def test_a_run_that_ends_worse_than_it_started_exits_3_and_keeps_out(tmp_path):
    out = tmp_path / "kept.safetensors"
    out.write_bytes(b"the previous model")
    result = annviz("train", "--n-train", "256", "--epochs", "1", "--lr", "1e9", "--out", out, "--json")
    assert result.returncode == cli.EXIT_DIVERGED == 3
    assert out.read_bytes() == b"the previous model"
    summary = json.loads(result.stdout)
    assert summary["status"] == "diverged" and summary["out"] is None
    assert "ended worse than it started" in summary["stop_reason"]
    last = result.stderr.strip().splitlines()[-1]
    assert last.startswith("annviz: training diverged") and f"{out} was not written" in last
    assert sorted(p.name for p in tmp_path.iterdir()) == ["kept.safetensors"]


def test_a_tiny_learning_rate_is_not_divergence(tmp_path):
    out = tmp_path / "slow.safetensors"
    result = annviz("train", "--n-train", "256", "--epochs", "1", "--lr", "1e-9", "--out", out)
    assert result.returncode == 0, result.stderr
    assert out.is_file()


def test_sigterm_during_training_leaves_no_file_behind(tmp_path):
    out = tmp_path / "m.safetensors"
    process = subprocess.Popen([sys.executable, "-m", "annviz", "train", "--epochs", "50", "--out", out],
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    assert process.stdout.readline().startswith("training")  # data loaded, training under way
    process.send_signal(signal.SIGTERM)
    _, err = process.communicate(timeout=60)
    assert process.returncode == 128 + signal.SIGTERM
    assert err.strip() == "annviz: stopped by signal SIGTERM"
    assert list(tmp_path.iterdir()) == []


def test_help_shows_choices_defaults_and_exit_statuses_and_every_option_has_help():
    text = annviz("train", "--help").stdout
    assert "{sigmoid,tanh,relu,leaky_relu}" in text and "{sgd,momentum,adam}" in text
    assert "(default: 0.001)" in text and "(default: 16,16)" in text
    assert "3    train and teach: training diverged" in text
    commands = next(a for a in cli.build_parser()._actions if isinstance(a, argparse._SubParsersAction))
    for name, sub in commands.choices.items():
        for action in sub._actions:
            assert action.help, f"annviz {name} {action.option_strings or action.dest} has no help"


@pytest.mark.parametrize("error,status,line", [
    (MemoryError(), 1, "annviz: error: not enough memory"),
    (KeyboardInterrupt(), 130, "annviz: interrupted"),
])
def test_memory_and_ctrl_c_are_one_line(monkeypatch, capsys, error, status, line):
    def fail(config):
        raise error
    monkeypatch.setattr("annviz.recipes.prepare_data", fail)
    assert cli.main(["train", "--epochs", "1"]) == status
    assert capsys.readouterr().err.startswith(line)


def test_anything_else_is_a_bug_and_is_not_dressed_as_bad_input(monkeypatch):
    def fail(config):
        raise ValueError("a bug somewhere in the data code")
    monkeypatch.setattr("annviz.recipes.prepare_data", fail)
    with pytest.raises(ValueError, match="a bug somewhere"):
        cli.main(["train", "--epochs", "1"])


def test_train_records_a_run_that_the_time_machine_reads(tmp_path):
    from annviz.nn import load_model
    from annviz.nn.runfile import load_recording

    out, record = tmp_path / "m.safetensors", tmp_path / "runs" / "m.annviz-run"
    result = annviz("train", "--layers", "8", "--epochs", "2", "--n-train", "600", "--batch", "20",
                    "--threads", "1", "--out", out, "--record", record, "--json")
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["record"] == str(record)
    run = load_recording(record)
    assert run.steps().tolist() == list(range(61)) and run.blas_threads == 1   # 60 batches: all
    network, _ = load_model(out)
    last = run.moments[-1]
    np.testing.assert_array_equal(last.state.weights[0], network.weights[0])
    assert [m.step for m in run.moments if m.state is not None] == [0, 30, 60]
    # its history, for the learning curves of a recording opened in the app
    history = run.history
    assert history.status == "finished" and history.batches == 60
    assert [vars(e) for e in history.epochs] == json.loads(result.stdout)["history"]
    assert len(history.batch_loss.y) == 60 and history.batch_loss.y[-1] == pytest.approx(last.loss)
    assert run.blas_library.startswith(("openblas", "mkl", "blis", "accelerate", "flexiblas"))


def test_train_records_the_blas_threads_it_used_by_default(tmp_path):
    from annviz.nn import blas
    from annviz.nn.runfile import load_recording

    record = tmp_path / "r.annviz-run"
    result = annviz("train", "--layers", "8", "--epochs", "1", "--n-train", "200", "--record", record)
    assert result.returncode == 0, result.stderr
    assert load_recording(record).blas_threads == blas.current_threads()   # the library's default


def test_a_run_the_trainer_flags_as_diverged_exits_3_without_writing(tmp_path):
    """The trainer stops at batch 21 (its smoothed loss rose); it goes back to the first weights,
    which the loss baseline alone would not call worse."""
    result = annviz("train", "--n-train", "1000", "--batch", "8", "--lr", "1e9", "--out", "m",
                    "--record", "r.annviz-run", "--json", cwd=tmp_path)
    assert result.returncode == 3
    summary = json.loads(result.stdout)
    assert summary["status"] == "diverged" and "rose to" in summary["stop_reason"]
    assert summary["out"] is None and not (tmp_path / "m").exists()
    from annviz.nn.runfile import load_recording
    run = load_recording(tmp_path / "r.annviz-run")     # how it went wrong, kept to look at
    assert run.history.status == "diverged" and run.moments[-1].step == 20


def test_a_record_path_that_cannot_be_written_is_refused_before_training(tmp_path):
    result = annviz("train", "--epochs", "1", "--record", tmp_path)
    assert result.returncode == 2 and one_line(result) == (f"annviz: error: --record {tmp_path} is a folder; give a file name "
                                                       "such as run.annviz-run")


@pytest.mark.parametrize("argv", [["--lang", "ko"], ["gui", "--lang", "ko"], ["--lang", "ko", "gui"]])
def test_the_language_option_reaches_the_window_before_or_after_gui(argv, monkeypatch):
    seen = []
    monkeypatch.setattr("annviz.gui.app.main", lambda **kwargs: seen.append(kwargs) or 0)
    assert cli.main(argv) == 0
    assert seen == [{"lang": "ko", "verbose": False, "lesson": None, "setup": None}]


def test_file_names_that_are_not_utf8_are_printed_not_a_traceback(tmp_path):
    """Older archives on Linux hold such names; the answer once came, then a UnicodeEncodeError."""
    image = np.zeros((28, 28), np.uint8)
    image[6:22, 12:16] = 255
    name = os.fsdecode(b"\xff\xfe-digit.png")                       # holds surrogate escapes
    write_png(tmp_path / name, 255 - image)
    env = {**os.environ, "PYTHONIOENCODING": "utf-8:strict"}       # a desktop terminal's streams
    for options in ([], ["--json"]):
        result = subprocess.run([sys.executable, "-m", "annviz", "predict", "mnist-classic",
                                 os.fsencode(tmp_path / name), *options], capture_output=True, env=env, timeout=120)
        assert result.returncode == 0, result.stderr
        assert b"Traceback" not in result.stderr
        if options:
            assert json.loads(result.stdout)["predictions"][0]["image"] == str(tmp_path / name)
        else:
            assert result.stdout.startswith(os.fsencode(tmp_path / name) + b": 1 (")   # its own bytes


def test_a_recording_may_not_replace_the_model(tmp_path):
    out = tmp_path / "model.safetensors"
    for record in (out, tmp_path / "." / "model.safetensors"):
        result = annviz("train", "--epochs", "1", "--n-train", "1000", "--out", out, "--record", record)
        assert result.returncode == 2
        assert "--record" in one_line(result) and "same file as --out" in one_line(result)
    assert not out.exists()                                          # refused before training
