"""The command line: ``annviz`` opens the window; ``train``, ``evaluate``, ``predict`` use the core.

Nothing here imports Qt unless the window is asked for. Bad input (a missing file, a corrupt
model, a wrong dataset folder, a negative learning rate) prints one clear line on stderr and
exits with status 2 — never a traceback.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import sys
import time
from pathlib import Path

import numpy as np

from annviz import __version__

EXIT_BAD_INPUT = 2


class CliError(Exception):
    """A problem the user can fix; printed as one line."""


class _Parser(argparse.ArgumentParser):
    def error(self, message):  # one line, not usage + message
        raise CliError(f"{self.prog}: {message}")


def _layers(text: str) -> tuple[int, ...]:
    if text.strip() in ("", "none", "0"):
        return ()
    try:
        sizes = tuple(int(part) for part in text.split(","))
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"{text!r} is not a comma-separated list of neuron counts, e.g. 16,16") from None
    if any(n < 1 for n in sizes):
        raise argparse.ArgumentTypeError(f"{text!r}: every hidden layer needs at least one neuron")
    return sizes


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="annviz", description="Look inside a neural network while it works and learns.")
    parser.add_argument("--version", action="version", version=f"annviz {__version__}")
    sub = parser.add_subparsers(dest="command", parser_class=_Parser)

    gui = sub.add_parser("gui", help="open the window (the default)")
    gui.add_argument("--lang", choices=["en", "ko"], help="interface language")

    train = sub.add_parser("train", help="train a network and save it")
    train.add_argument("--layers", type=_layers, default=(16, 16), help="hidden layer sizes, e.g. 16,16 (none for no hidden layer)")
    train.add_argument("--activation", default="sigmoid", help="hidden activation: sigmoid, tanh, relu, leaky_relu")
    train.add_argument("--output-activation", default="softmax", help="output activation: softmax, sigmoid")
    train.add_argument("--loss", default="cross-entropy", help="cross-entropy or mse")
    train.add_argument("--optimizer", default="adam", help="sgd, momentum or adam")
    train.add_argument("--lr", type=float, default=1e-3, help="learning rate")
    train.add_argument("--momentum", type=float, default=0.9)
    train.add_argument("--l2", type=float, default=0.0, help="L2 weight decay")
    train.add_argument("--schedule", default="constant", help="constant or cosine")
    train.add_argument("--batch", type=int, default=64, help="mini-batch size")
    train.add_argument("--epochs", type=int, default=10)
    train.add_argument("--augment", action="store_true", help="random shifts, rotations and scalings")
    train.add_argument("--init", default="auto", help="auto, he or xavier")
    train.add_argument("--seed", type=int, default=0)
    train.add_argument("--dataset", default="mnist", help="mnist, fashion-mnist or a folder of IDX files")
    train.add_argument("--n-train", type=int, default=None, help="use only the first N training examples")
    train.add_argument("--validation", type=float, default=0.0, help="share of training examples held out")
    train.add_argument("--threads", type=int, default=None, help="BLAS threads (default: the library's)")
    train.add_argument("--out", type=Path, help="where to save the model (.safetensors)")
    train.add_argument("--json", action="store_true", help="print one JSON summary at the end")

    evaluate = sub.add_parser("evaluate", help="accuracy, per-class accuracy and confusion matrix")
    evaluate.add_argument("model", type=Path)
    evaluate.add_argument("--dataset", default=None, help="mnist, fashion-mnist or a folder (default: the model's)")
    evaluate.add_argument("--json", action="store_true")

    predict = sub.add_parser("predict", help="classify images of handwritten digits (PNG or JPEG)")
    predict.add_argument("model", type=Path)
    predict.add_argument("images", type=Path, nargs="+")
    predict.add_argument("--json", action="store_true")
    return parser


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    try:
        args = build_parser().parse_args(argv)
        if args.command in (None, "gui"):
            from annviz.gui.app import main as gui_main
            return gui_main(lang=getattr(args, "lang", None))
        return {"train": cmd_train, "evaluate": cmd_evaluate, "predict": cmd_predict}[args.command](args)
    except BrokenPipeError:  # e.g. piped into `head`
        return 0
    except (CliError, ValueError, OSError) as e:  # ModelFileError, DatasetError, IdxError … are ValueErrors
        print(f"annviz: error: {e}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except KeyboardInterrupt:
        print("annviz: interrupted", file=sys.stderr)
        return 130


# --- train ----------------------------------------------------------------------------------

def cmd_train(args) -> int:
    from annviz.nn import TrainConfig, Trainer, save_model
    from annviz.recipes import build_network, model_info, prepare_data

    config = TrainConfig(
        hidden=args.layers, activation=args.activation, output=args.output_activation, loss=args.loss,
        optimizer=args.optimizer, lr=args.lr, momentum=args.momentum, weight_decay=args.l2,
        schedule=args.schedule, batch_size=args.batch, epochs=args.epochs, augment=args.augment,
        init=args.init, seed=args.seed, dataset=args.dataset, n_train=args.n_train,
        validation_share=args.validation,
    ).validate()
    blas_threads = _blas_threads(args.threads)  # checks --threads before any data is loaded
    if args.out is not None and args.out.is_dir():
        raise CliError(f"--out {args.out} is a folder; give a file name such as model.safetensors")
    data = prepare_data(config)
    network = build_network(config, n_out=data.n_classes)
    trainer = Trainer(network, config, data.train, data.test, data.validation)
    log = sys.stderr if args.json else sys.stdout
    print(f"training {network.describe()} ({network.n_params:,} parameters) on {data.dataset.name}: "
          f"{len(data.train[0]):,} examples, {config.epochs} epochs", file=log)
    with blas_threads:
        history = _train_with_progress(trainer, log)
    if history.status == "diverged":
        raise CliError(history.stop_reason)
    last = history.epochs[-1]
    if args.out is not None:
        save_model(args.out, network, model_info(config, history, data.dataset))
        print(f"saved {args.out}", file=log)
    if args.json:
        summary = {
            "test_accuracy": last.test_accuracy, "test_loss": last.test_loss,
            "train_accuracy": last.train_accuracy, "train_loss": last.train_loss,
            "val_accuracy": last.val_accuracy, "train_samples_per_s": last.samples_per_s,
            "train_seconds": last.seconds, "epochs": len(history.epochs), "layer_sizes": network.sizes,
            "activations": network.activation_names, "parameters": network.n_params,
            "out": str(args.out) if args.out else None,
            "history": [vars(e) for e in history.epochs],
        }
        print(json.dumps(summary))
    return 0


def _train_with_progress(trainer, log):
    from annviz.progress import ProgressBar

    bar = ProgressBar(trainer.batches_per_epoch, "epoch 1")
    for event in trainer.steps():
        bar.label = f"epoch {event.epoch + 1}/{trainer.epochs}"
        bar.update(event.batch, f"loss {event.loss:.4f}  {event.samples_per_s:,.0f} samples/s")
        record = event.epoch_record
        if record is not None:
            bar.close()
            val = "" if record.val_accuracy is None else f"  val acc {record.val_accuracy:.4f}"
            print(f"epoch {record.epoch:3d}  train loss {record.train_loss:.4f}  train acc "
                  f"{record.train_accuracy:.4f}{val}  test acc {record.test_accuracy:.4f}  "
                  f"{record.samples_per_s:,.0f} samples/s  {record.seconds:.1f} s", file=log, flush=True)
    bar.close()
    return trainer.history


def _blas_threads(n: int | None):
    """A context limiting the BLAS library's threads to ``n`` (the library's default for None)."""
    if n is None:
        return contextlib.nullcontext()
    if n < 1:
        raise CliError(f"--threads must be at least 1, got {n}")
    from threadpoolctl import threadpool_limits

    return threadpool_limits(limits=n, user_api="blas")


# --- evaluate -------------------------------------------------------------------------------

def cmd_evaluate(args) -> int:
    from annviz.data.datasets import load_dataset, load_named_dataset, to_inputs
    from annviz.nn import confusion_matrix, get_loss, load_model, per_class_accuracy
    from annviz.nn.metrics import predict_in_chunks, score

    network, info = load_model(args.model)
    # a folder only if the user names it; the model's own "dataset" is a name, never a folder
    ds = load_dataset(args.dataset) if args.dataset else load_named_dataset(info.dataset)
    if network.sizes[0] != 784 or network.sizes[-1] != len(ds.class_names):
        raise CliError(f"{args.model}: a {network.sizes[0]}→{network.sizes[-1]} network cannot "
                       f"classify {ds.name} ({len(ds.class_names)} classes of 28×28 images)")
    x, y = to_inputs(ds.test_images), np.asarray(ds.test_labels, dtype=np.int64)
    t0 = time.perf_counter()
    outputs = predict_in_chunks(network, x)
    loss, accuracy = score(network, outputs, y, get_loss(info.loss))
    predictions = outputs.argmax(axis=1)
    confusion = confusion_matrix(y, predictions, len(ds.class_names))
    per_class = per_class_accuracy(confusion)
    if args.json:
        print(json.dumps({"model": str(args.model), "dataset": ds.name, "accuracy": accuracy, "loss": loss,
                          "class_names": list(ds.class_names), "per_class_accuracy": per_class.tolist(),
                          "confusion_matrix": confusion.tolist(), "n_test": len(y),
                          "seconds": time.perf_counter() - t0}))
        return 0
    print(f"{args.model.name}: {network.describe()} on {ds.name} test set ({len(y):,} images)")
    print(f"accuracy {accuracy:.2%}   loss {loss:.4f}")
    print("per-class accuracy:")
    for name, acc, total in zip(ds.class_names, per_class, confusion.sum(axis=1)):
        print(f"  {name:>12}  {acc:7.2%}  of {total}")
    print("confusion matrix (rows: true class, columns: predicted):")
    print("       " + " ".join(f"{i:>5}" for i in range(len(ds.class_names))))
    for i, row in enumerate(confusion):
        print(f"  {i:>4} " + " ".join(f"{v:>5}" for v in row))
    return 0


# --- predict --------------------------------------------------------------------------------

def cmd_predict(args) -> int:
    from annviz.data.images import read_image
    from annviz.data.preprocess import canvas_to_mnist
    from annviz.nn import load_model

    network, info = load_model(args.model)
    results = []
    for path in args.images:
        image = canvas_to_mnist(read_image(path))
        if image is None:
            results.append({"image": str(path), "blank": True, "prediction": None, "probabilities": None})
            continue
        p = network.predict_proba(image.reshape(1, -1))[0]
        k = int(p.argmax())
        results.append({"image": str(path), "blank": False, "prediction": info.class_names[k],
                        "probabilities": [float(v) for v in p]})
    if args.json:
        print(json.dumps(results if len(results) > 1 else results[0]))
        return 0
    for r in results:
        if r["blank"]:
            print(f"{r['image']}: blank image, nothing to classify")
            continue
        p = r["probabilities"]
        top = max(p)
        probs = "  ".join(f"{name}:{v:.3f}" for name, v in zip(info.class_names, p))
        print(f"{r['image']}: {r['prediction']} ({top:.1%})   {probs}")
    return 0
