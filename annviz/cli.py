"""The command line: ``annviz`` opens the window; ``train``, ``evaluate``, ``predict`` and ``teach``
(in cli_teach.py) use the core.

Nothing here imports Qt unless the window is asked for. A problem the user can fix — a missing
file, a corrupt model, a wrong dataset folder, a negative learning rate, an ``--out`` that cannot
be written — is one of the project's own errors and prints one line on stderr. Anything else is a
bug and shows as one, with its traceback. The exit statuses are in ``EXIT_STATUSES`` (shown by
``--help``, and in the README).
"""

from __future__ import annotations

import argparse
import contextlib
import json
import logging
import math
import signal
import sys
import time
from pathlib import Path

import numpy as np

from annviz import __version__, logs
from annviz.data.datasets import DatasetError
from annviz.data.idx import IdxError
from annviz.data.images import ImageError
from annviz.nn.activations import HIDDEN_ACTIVATIONS, OUTPUT_ACTIVATIONS, get_activation
from annviz.nn.config import INIT_NAMES, MAX_LAYER_SIZE, ConfigError, TrainConfig, check_hidden
from annviz.nn.losses import LOSS_NAMES, get_loss
from annviz.nn.modelfile import ModelFileError
from annviz.nn.optimizers import OPTIMIZER_NAMES, SCHEDULES
from annviz.outfile import OutFileError, check_out, save_checked, save_out
from annviz.paths import bundled_model_names, model_path
from annviz.safeio import FileFormatError
from annviz.teach import TeachError

log = logging.getLogger(__name__)

EXIT_OK = 0
EXIT_FAILURE = 1        # a bug (with its traceback), too little memory, or the window cannot open
EXIT_BAD_INPUT = 2      # one line says which file, option or setting
EXIT_DIVERGED = 3       # training made the network worse; --out was not written
EXIT_INTERRUPTED = 130  # Ctrl+C; a signal such as SIGTERM gives 128 + its number
EXIT_STATUSES = f"""\
exit status:
  {EXIT_OK}    success
  {EXIT_FAILURE}    failure: not enough memory, the window cannot open, or a bug (with a traceback)
  {EXIT_BAD_INPUT}    bad input: a missing or corrupt file, a wrong option or dataset folder
  {EXIT_DIVERGED}    train and teach: training diverged (the network ended worse than it started);
       --out was not written
  {EXIT_INTERRUPTED}  interrupted by Ctrl+C (128 + the signal's number for other signals)"""

JSON_SCHEMA_VERSION = 1  # of every --json output; raised when a field changes meaning or goes


class CliError(Exception):
    """A problem the user can fix; printed as one line."""


#: The project's own errors: a problem with the user's input, printed as one line.
USER_ERRORS = (CliError, ConfigError, FileFormatError, ModelFileError, DatasetError, IdxError, ImageError,
               OutFileError, TeachError)


class _Terminated(BaseException):
    """A termination signal (SIGTERM, SIGHUP): unwinds like Ctrl+C, so half-written files go."""

    def __init__(self, signum: int):
        super().__init__(signum)
        self.signum = signum


class _Parser(argparse.ArgumentParser):
    def error(self, message):  # one line, not usage + message
        raise CliError(f"{self.prog}: {message}")


class _HelpFormatter(argparse.RawDescriptionHelpFormatter):
    """Shows each option's default after its help, unless there is none to show."""

    def _get_help_string(self, action):
        text = action.help or ""
        nothing = action.default is None or action.default is False or action.default is argparse.SUPPRESS
        if action.option_strings and not nothing and "%(default)" not in text:
            text += " (default: %(default)s)"
        return text


# --- parsing --------------------------------------------------------------------------------

def _layers(text: str) -> tuple[int, ...]:
    if text.strip().lower() in ("", "none", "0"):
        return ()
    try:
        sizes = tuple(int(part) for part in text.split(","))
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"{text!r} is not a comma-separated list of neuron counts, e.g. 16,16") from None
    try:
        check_hidden(sizes)
    except ConfigError as error:
        raise argparse.ArgumentTypeError(f"{text!r}: {error}") from None
    return sizes


def _canonical(get):
    """A ``type=`` that turns an accepted spelling ("leaky-relu", "CE") into the canonical name."""
    def convert(text: str) -> str:
        try:
            return get(text).name
        except ValueError as error:
            raise argparse.ArgumentTypeError(str(error)) from None
    return convert


def _lower(text: str) -> str:
    return text.strip().lower()


def build_parser() -> argparse.ArgumentParser:
    models = ", ".join(bundled_model_names())
    model_help = f"a model file, or a bundled model's name ({models})"
    json_help = "print one JSON object on stdout instead of text (fields: see the README)"
    parser = _Parser(prog="annviz", description="Look inside a neural network while it works and "
                     "learns. With no command, opens the window.", epilog=EXIT_STATUSES,
                     formatter_class=_HelpFormatter)
    parser.add_argument("--version", action="version", version=f"annviz {__version__}")
    verbose_help = "also print debug messages (what is read, how long it takes) on stderr"
    parser.add_argument("-v", "--verbose", action="store_true", help=verbose_help)
    sub = parser.add_subparsers(dest="command", parser_class=_Parser, title="commands")

    def command(name: str, help: str, **kwargs) -> argparse.ArgumentParser:
        command = sub.add_parser(name, help=help, description=help[0].upper() + help[1:] + ".",
                                 formatter_class=_HelpFormatter, **kwargs)
        # before or after the command's name; SUPPRESS keeps a command from resetting the other
        command.add_argument("-v", "--verbose", action="store_true", default=argparse.SUPPRESS,
                             help=verbose_help)
        return command

    gui = command("gui", "open the window (the default)")
    gui.add_argument("--lang", choices=["en", "ko"], help="interface language (default: the last "
                     "one used, else the system's)")

    train = command("train", "train a network and save it", epilog=EXIT_STATUSES)
    train.add_argument("--layers", type=_layers, default="16,16", metavar="N,N,...",
                       help="hidden layer sizes, e.g. 16,16; none for no hidden layer; at most "
                       f"{MAX_LAYER_SIZE} neurons each")
    train.add_argument("--activation", type=_canonical(get_activation), default="sigmoid",
                       choices=HIDDEN_ACTIVATIONS, help="activation of every hidden layer")
    train.add_argument("--output-activation", type=_canonical(get_activation), default="softmax",
                       choices=OUTPUT_ACTIVATIONS, help="activation of the output layer")
    train.add_argument("--loss", type=_canonical(get_loss), default="cross-entropy", choices=LOSS_NAMES,
                       help="loss function")
    train.add_argument("--optimizer", type=_lower, default="adam", choices=OPTIMIZER_NAMES,
                       help="how the weights are updated")
    train.add_argument("--lr", type=float, default=1e-3, help="learning rate")
    train.add_argument("--momentum", type=float, default=0.9, help="momentum, used by --optimizer momentum")
    train.add_argument("--l2", type=float, default=0.0, help="L2 weight decay")
    train.add_argument("--schedule", type=_lower, default="constant", choices=SCHEDULES,
                       help="learning rate over the run")
    train.add_argument("--batch", type=int, metavar="N", default=64, help="mini-batch size")
    train.add_argument("--epochs", type=int, metavar="N", default=10, help="passes over the training examples")
    train.add_argument("--augment", action="store_true", help="random shifts, rotations and scalings")
    train.add_argument("--init", type=_lower, default="auto", choices=INIT_NAMES,
                       help="initial weights; auto is He for ReLU layers and Xavier for the others")
    train.add_argument("--seed", type=int, metavar="N", default=0, help="seed of the initial weights and the shuffling")
    train.add_argument("--dataset", default="mnist", metavar="NAME|FOLDER", help="mnist, fashion-mnist or a folder of IDX files")
    train.add_argument("--n-train", type=int, metavar="N", default=None, help="use only the first N training examples")
    train.add_argument("--validation", type=float, metavar="SHARE", default=0.0, help="share of training examples held out")
    train.add_argument("--threads", type=int, metavar="N", default=None, help="BLAS threads (default: the library's)")
    train.add_argument("--out", type=Path, metavar="FILE", help="where to save the model (.safetensors); checked before "
                       "training, written only if training did not diverge")
    train.add_argument("--record", type=Path, metavar="FILE",
                       help="also save a recording of the run (.annviz-run) to scrub in the app's time machine")
    train.add_argument("--json", action="store_true", help=json_help)

    evaluate = command("evaluate", "accuracy, per-class accuracy and confusion matrix on a test set")
    evaluate.add_argument("model", help=model_help)
    evaluate.add_argument("--dataset", default=None, metavar="NAME|FOLDER",
                          help="mnist, fashion-mnist or a folder of IDX files (default: the model's)")
    evaluate.add_argument("--json", action="store_true", help=json_help)
    _pytorch_options(evaluate)

    predict = command("predict", "classify images of handwritten digits (PNG or JPEG)")
    predict.add_argument("model", help=model_help)
    predict.add_argument("images", type=Path, nargs="+", help="image files, dark ink on light paper")
    predict.add_argument("--json", action="store_true", help=json_help)
    _pytorch_options(predict)

    desktop = command("install-desktop", "add annviz to the applications menu of a Linux desktop "
                      "(a desktop entry and icons in ~/.local/share)")
    desktop.add_argument("--remove", action="store_true", help="take them away again")

    from annviz.cli_teach import add_parser as add_teach

    add_teach(command, model_help, json_help)
    return parser


def _pytorch_options(command: argparse.ArgumentParser) -> None:
    """What a PyTorch model file without annviz metadata cannot say (see annviz.nn.foreign)."""
    group = command.add_argument_group("PyTorch models", "for a network saved from PyTorch "
                                       "without annviz metadata (save_file(model.state_dict(), ...))")
    group.add_argument("--activation", type=_canonical(get_activation), choices=HIDDEN_ACTIVATIONS,
                       default=None, help="activation of its hidden layers (default: relu)")
    group.add_argument("--logits", action=argparse.BooleanOptionalAction, default=None,
                       help="its last layer outputs logits, to which softmax is applied (the default, "
                       "as for nn.CrossEntropyLoss; also right for a network ending in softmax); "
                       "--no-logits uses its outputs as they are")


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    try:
        args = build_parser().parse_args(argv)
        if args.command in (None, "gui"):  # the window sets up its own log file
            from annviz.gui.app import main as gui_main
            return gui_main(lang=getattr(args, "lang", None), verbose=args.verbose)
        logs.configure(verbose=args.verbose)
        log.debug("annviz %s: %s", __version__, " ".join(argv))
        from annviz.cli_teach import cmd_teach

        command = {"train": cmd_train, "evaluate": cmd_evaluate, "predict": cmd_predict,
                   "teach": cmd_teach, "install-desktop": cmd_install_desktop}[args.command]
        with _signals_unwind():
            return command(args)
    except BrokenPipeError:  # e.g. piped into `head`
        return EXIT_OK
    except USER_ERRORS as e:
        print(f"annviz: error: {e}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except MemoryError:
        print("annviz: error: not enough memory (try fewer or smaller layers, or --n-train)", file=sys.stderr)
        return EXIT_FAILURE
    except KeyboardInterrupt:
        print("annviz: interrupted", file=sys.stderr)
        return EXIT_INTERRUPTED
    except _Terminated as t:
        print(f"annviz: stopped by signal {signal.Signals(t.signum).name}", file=sys.stderr)
        return 128 + t.signum


def gui() -> int:
    """``annviz-gui``: the window, started without a terminal on Windows and macOS
    (``[project.gui-scripts]``); takes the options of ``annviz gui``."""
    return main(["gui", *sys.argv[1:]])


@contextlib.contextmanager
def _signals_unwind():
    """SIGTERM and SIGHUP raise instead of killing the process outright, so that ``finally``
    blocks run — a model file half-way through its atomic save deletes its temporary file."""
    def unwind(signum, frame):
        raise _Terminated(signum)

    wanted = [getattr(signal, name) for name in ("SIGTERM", "SIGHUP") if hasattr(signal, name)]
    previous = {s: signal.signal(s, unwind) for s in wanted}
    try:
        yield
    finally:
        for s, handler in previous.items():
            signal.signal(s, handler)


def _print_json(obj) -> None:
    """Strict JSON: a NaN or infinite number (say a class with no test example) becomes null."""
    def finite(v):
        if isinstance(v, float) and not math.isfinite(v):
            return None
        if isinstance(v, dict):
            return {k: finite(x) for k, x in v.items()}
        if isinstance(v, (list, tuple)):
            return [finite(x) for x in v]
        return v
    print(json.dumps({"schema_version": JSON_SCHEMA_VERSION, **finite(obj)}, allow_nan=False))


# --- train ----------------------------------------------------------------------------------

def cmd_train(args) -> int:
    from annviz.nn import LossBaseline
    from annviz.recipes import build_network, build_trainer, model_info, prepare_data

    config = TrainConfig(
        hidden=args.layers, activation=args.activation, output=args.output_activation, loss=args.loss,
        optimizer=args.optimizer, lr=args.lr, momentum=args.momentum, weight_decay=args.l2,
        schedule=args.schedule, batch_size=args.batch, epochs=args.epochs, augment=args.augment,
        init=args.init, seed=args.seed, dataset=args.dataset, n_train=args.n_train,
        validation_share=args.validation,
    ).validate()
    blas_threads = _blas_threads(args.threads)  # checks --threads before any data is loaded
    if args.out is not None:
        check_out(args.out)
    if args.record is not None:
        check_out(args.record, "--record", "run.annviz-run")
    t0 = time.perf_counter()
    data = prepare_data(config)
    log.debug("%s read and prepared in %.2f s: %d training, %d test, %d validation examples",
              data.dataset.name, time.perf_counter() - t0, len(data.train[0]), len(data.test[0]),
              0 if data.validation is None else len(data.validation[0]))
    network = build_network(config, n_out=data.n_classes)
    trainer = build_trainer(network, config, data)
    recording = None
    if args.record is not None:
        from annviz.nn.recording import Recording
        recording = Recording.of(trainer, data.dataset.class_names, args.threads or _current_blas_threads())
    report = sys.stderr if args.json else sys.stdout
    print(f"training {network.describe()} ({network.n_params:,} parameters) on {data.dataset.name}: "
          f"{len(data.train[0]):,} examples, {config.epochs} epochs", file=report, flush=True)
    # A diverging run overflows on purpose; the trainer and the baseline say so in words.
    with blas_threads, np.errstate(over="ignore", invalid="ignore", divide="ignore"):
        baseline = LossBaseline(network, trainer.loss, data.train)
        history = _train_with_progress(trainer, report, recording)
        diverged = history.stop_reason if history.status == "diverged" else baseline.ended_worse(network)
    if args.out is not None and not diverged:
        save_out(args.out, network, model_info(config, history, data.dataset))
        print(f"saved {args.out}", file=report)
    if recording is not None:   # a diverged run's recording too: how it went wrong is worth a look
        from annviz.nn.runfile import save_recording
        save_checked(args.record, "--record", lambda: save_recording(args.record, recording), "the recording")
        print(f"saved the recording {args.record} ({len(recording.moments)} moments)", file=report)
    if args.json:
        last = vars(history.epochs[-1]) if history.epochs else {}  # none if it diverged in epoch 1
        _print_json({
            "status": "diverged" if diverged else "finished", "stop_reason": diverged or None,
            **{key: last.get(field) for key, field in (
                ("test_accuracy", "test_accuracy"), ("test_loss", "test_loss"),
                ("train_accuracy", "train_accuracy"), ("train_loss", "train_loss"),
                ("val_accuracy", "val_accuracy"), ("train_samples_per_s", "samples_per_s"),
                ("train_seconds", "seconds"))},
            "epochs": len(history.epochs), "layer_sizes": network.sizes,
            "activations": network.activation_names, "parameters": network.n_params,
            "out": str(args.out) if args.out is not None and not diverged else None,
            "record": str(args.record) if args.record is not None else None,
            "history": [vars(e) for e in history.epochs],
        })
    if diverged:
        unsaved = "" if args.out is None else f"; {args.out} was not written"
        print(f"annviz: training diverged: {diverged}{unsaved}", file=sys.stderr)
        return EXIT_DIVERGED
    return EXIT_OK


def _train_with_progress(trainer, report, recording=None):
    """Train to the end with a progress bar; into ``recording`` (if any) go the moments."""
    from annviz.nn.recording import Recorder
    from annviz.progress import ProgressBar

    recorder = Recorder(trainer) if recording is not None else None
    if recorder is not None:
        recording.add(recorder.start())
    bar = ProgressBar(trainer.batches_per_epoch, "epoch 1")
    for event in trainer.steps():
        if recorder is not None and (moment := recorder.observe(event)) is not None:
            recording.add(moment)
        bar.label = f"epoch {event.epoch + 1}/{trainer.epochs}"
        bar.update(event.batch, f"loss {event.loss:.4f}  {event.samples_per_s:,.0f} samples/s")
        record = event.epoch_record
        if record is not None:
            bar.close()
            val = "" if record.val_accuracy is None else f"  val acc {record.val_accuracy:.4f}"
            print(f"epoch {record.epoch:3d}  train loss {record.train_loss:.4f}  train acc "
                  f"{record.train_accuracy:.4f}{val}  test acc {record.test_accuracy:.4f}  "
                  f"{record.samples_per_s:,.0f} samples/s  {record.seconds:.1f} s", file=report, flush=True)
    bar.close()
    return trainer.history


def _current_blas_threads() -> int:
    """The BLAS library's thread limit now (the bits of a run depend on it)."""
    from threadpoolctl import threadpool_info

    counts = [lib["num_threads"] for lib in threadpool_info() if lib["user_api"] == "blas"]
    return counts[0] if counts else 1


def _blas_threads(n: int | None):
    """A context limiting the BLAS library's threads to ``n`` (the library's default for None)."""
    if n is None:
        return contextlib.nullcontext()
    if n < 1:
        raise CliError(f"--threads must be at least 1, got {n}")
    from threadpoolctl import threadpool_limits

    return threadpool_limits(limits=n, user_api="blas")


# --- evaluate and predict -------------------------------------------------------------------

def _load_classifier(args):
    """The network and info of a model file (or bundled model) that classifies 28×28 images; a
    PyTorch file without annviz metadata with --activation and --logits (or their defaults)."""
    from annviz.nn import ForeignModelError, load_foreign, load_model

    path = model_path(args.model)
    t0 = time.perf_counter()
    try:
        network, info = load_model(path)
    except ForeignModelError as foreign:
        activation = args.activation or "relu"
        logits = True if args.logits is None else args.logits
        network, info = load_foreign(path, activation, logits)
        if args.activation is None or args.logits is None:
            print(f"annviz: note: {path} is a PyTorch network ({foreign.layout.describe()}); taken with "
                  f"{activation} hidden layers (--activation) and "
                  f"{'logits → softmax' if logits else 'outputs used as they are'} "
                  f"({'--no-logits' if logits else '--logits'} for the other)", file=sys.stderr)
    else:
        if args.activation is not None or args.logits is not None:
            raise CliError(f"{path}: an annviz model names its own activations; --activation and "
                           "--logits are for PyTorch files without annviz metadata")
    log.debug("%s read in %.3f s: %s", path, time.perf_counter() - t0, network)
    if network.sizes[0] != 784:
        raise CliError(f"{path}: the network takes {network.sizes[0]} inputs, but a 28×28 image "
                       "gives 784")
    if len(info.class_names) != network.sizes[-1]:
        info.class_names = [str(i) for i in range(network.sizes[-1])]
    return path, network, info


def cmd_evaluate(args) -> int:
    from annviz.data.datasets import load_dataset, load_named_dataset, to_inputs
    from annviz.nn import confusion_matrix, per_class_accuracy
    from annviz.nn.metrics import predict_in_chunks, score

    path, network, info = _load_classifier(args)
    try:
        loss_fn = get_loss(info.loss)
    except ValueError as error:
        raise CliError(f"{path}: {error}") from None
    # a folder only if the user names it; the model's own "dataset" is a name, never a folder
    t0 = time.perf_counter()
    ds = load_dataset(args.dataset) if args.dataset else load_named_dataset(info.dataset)
    log.debug("%s read in %.2f s", ds.name, time.perf_counter() - t0)
    if network.sizes[-1] != len(ds.class_names):
        raise CliError(f"{path}: a network with {network.sizes[-1]} outputs cannot classify {ds.name} "
                       f"({len(ds.class_names)} classes)")
    x, y = to_inputs(ds.test_images), np.asarray(ds.test_labels, dtype=np.int64)
    t0 = time.perf_counter()
    outputs = predict_in_chunks(network, x)
    loss, accuracy = score(network, outputs, y, loss_fn)
    predictions = outputs.argmax(axis=1)
    confusion = confusion_matrix(y, predictions, len(ds.class_names))
    per_class = per_class_accuracy(confusion)
    if args.json:
        _print_json({"model": str(path), "dataset": ds.name, "accuracy": accuracy, "loss": loss,
                     "class_names": list(ds.class_names), "per_class_accuracy": per_class.tolist(),
                     "confusion_matrix": confusion.tolist(), "n_test": len(y),
                     "seconds": time.perf_counter() - t0})
        return EXIT_OK
    print(f"{path.name}: {network.describe()} on {ds.name} test set ({len(y):,} images)")
    print(f"accuracy {accuracy:.2%}   loss {loss:.4f}")
    print("per-class accuracy:")
    for name, acc, total in zip(ds.class_names, per_class, confusion.sum(axis=1)):
        print(f"  {name:>12}  {acc:7.2%}  of {total}")
    print("confusion matrix (rows: true class, columns: predicted):")
    print("       " + " ".join(f"{i:>5}" for i in range(len(ds.class_names))))
    for i, row in enumerate(confusion):
        print(f"  {i:>4} " + " ".join(f"{v:>5}" for v in row))
    return EXIT_OK


def cmd_predict(args) -> int:
    from annviz.data.images import read_image
    from annviz.data.preprocess import canvas_to_mnist

    path, network, info = _load_classifier(args)
    results = []
    for image_path in args.images:
        image = canvas_to_mnist(read_image(image_path))
        if image is None:
            results.append({"image": str(image_path), "blank": True, "prediction": None,
                            "probabilities": None})
            continue
        p = network.predict_proba(image.reshape(1, -1))[0]
        results.append({"image": str(image_path), "blank": False,
                        "prediction": info.class_names[int(p.argmax())],
                        "probabilities": [float(v) for v in p]})
    if args.json:
        _print_json({"model": str(path), "class_names": list(info.class_names), "predictions": results})
        return EXIT_OK
    for r in results:
        if r["blank"]:
            print(f"{r['image']}: blank image, nothing to classify")
            continue
        p = r["probabilities"]
        probs = "  ".join(f"{name}:{v:.3f}" for name, v in zip(info.class_names, p))
        print(f"{r['image']}: {r['prediction']} ({max(p):.1%})   {probs}")
    return EXIT_OK


# --- install-desktop ------------------------------------------------------------------------

def cmd_install_desktop(args) -> int:
    from annviz import desktop

    try:
        if args.remove:
            files = desktop.remove()
            print("\n".join(f"removed {f}" for f in files) or "nothing to remove")
        else:
            files = desktop.install()
            print("\n".join(f"wrote {f}" for f in files))
            print("annviz is in the applications menu (a menu that does not refresh by itself "
                  "shows it after the next login)")
    except desktop.DesktopError as error:
        raise CliError(str(error)) from None
    return EXIT_OK
