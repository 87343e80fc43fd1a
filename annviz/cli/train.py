"""``annviz train``: its options, and a network trained with a progress bar, saved to ``--out``
(and its recording to ``--record``); the error contract is in cli/common.py."""

from __future__ import annotations

import argparse
import contextlib
import sys
import time
from pathlib import Path

import numpy as np

from annviz.cli.common import (
    EXIT_DIVERGED,
    EXIT_OK,
    EXIT_STATUSES,
    JSON_HELP,
    CliError,
    canonical,
    log,
    lower,
    print_json,
)
from annviz.nn.activations import HIDDEN_ACTIVATIONS, OUTPUT_ACTIVATIONS, get_activation
from annviz.nn.config import INIT_NAMES, MAX_LAYER_SIZE, ConfigError, TrainConfig, check_hidden
from annviz.nn.losses import LOSS_NAMES, get_loss
from annviz.nn.optimizers import OPTIMIZER_NAMES, SCHEDULES
from annviz.outfile import OutFileError, check_out, same_file, save_checked, save_out
from annviz.presets import PRESET_CONFIGS, PRESET_KEYS


def add_parser(command) -> None:
    """The ``train`` sub-command's arguments (``command`` makes a sub-parser, see cli.build_parser)."""
    train = command("train", "train a network and save it", epilog=EXIT_STATUSES)
    train_options(train)
    train.add_argument("--threads", type=int, metavar="N", default=None, help="BLAS threads (default: the library's)")
    train.add_argument("--out", type=Path, metavar="FILE", help="where to save the model (.safetensors); checked before "
                       "training, written only if training did not diverge")
    train.add_argument("--record", type=Path, metavar="FILE",
                       help="also save a recording of the run (.annviz-run) to scrub in the app's time machine")
    train.add_argument("--doctor-off", action="store_true",
                       help="do not watch the run for faults (the doctor; see the README)")
    train.add_argument("--json", action="store_true", help=JSON_HELP)


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


def _filters(text: str) -> tuple[int, ...]:
    """``--conv 8,16``: the filters of each convolution."""
    from annviz.nn.layers import MAX_CONV_LAYERS, MAX_FILTERS

    try:
        filters = tuple(int(part) for part in text.split(","))
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"{text!r} is not a comma-separated list of filter counts, e.g. 8,16") from None
    if not filters or len(filters) > MAX_CONV_LAYERS or not all(1 <= f <= MAX_FILTERS for f in filters):
        raise argparse.ArgumentTypeError(f"{text!r}: 1 to {MAX_CONV_LAYERS} convolutions of 1 to "
                                         f"{MAX_FILTERS} filters each")
    return filters


#: ``annviz train``'s options that set a ``TrainConfig`` field: option dest → field.
TRAIN_FIELDS = {"layers": "hidden", "activation": "activation", "output_activation": "output",
                "loss": "loss", "optimizer": "optimizer", "lr": "lr", "momentum": "momentum",
                "l2": "weight_decay", "schedule": "schedule", "label_smoothing": "label_smoothing",
                "batch": "batch_size", "epochs": "epochs", "augment": "augment", "init": "init",
                "seed": "seed", "dataset": "dataset", "n_train": "n_train", "validation": "validation_share"}


def train_options(train: argparse.ArgumentParser) -> None:
    """The training settings. Each defaults to None, "not given": ``train_config`` takes the
    recipe's value (``--recipe``), else TrainConfig's, which the help shows."""
    defaults = TrainConfig()

    def option(*names, dest, shown=None, **kwargs):
        action = train.add_argument(*names, dest=dest, default=None, **kwargs)
        value = getattr(defaults, TRAIN_FIELDS[dest])
        action.config_default = shown if shown is not None else value

    train.add_argument("--recipe", choices=PRESET_KEYS, default=None,
                       help="start from a ready-made recipe, the training page's preset of that name "
                       "(fast: 98.5 %% test accuracy in seconds; see the README); the options given "
                       "with it change its settings")
    option("--layers", dest="layers", type=_layers, metavar="N,N,...", shown="16,16",
           help=f"hidden layer sizes, e.g. 16,16; none for no hidden layer; at most {MAX_LAYER_SIZE} "
           "neurons each")
    train.add_argument("--conv", type=_filters, default=(), metavar="F,F,...",
                       help="a convolutional network: the filters of each 5×5 convolution (padded by 2, "
                       "each followed by a 2×2 max-pool) before the dense layers; --conv 8,16 is the "
                       "reference net; with it, --layers is none, --activation relu and the other settings "
                       "the reference net's (Adam, --lr 0.006, --schedule one-cycle, --epochs 3) unless given")
    option("--activation", dest="activation", type=canonical(get_activation), choices=HIDDEN_ACTIVATIONS,
           help="activation of every hidden layer and convolution")
    option("--output-activation", dest="output_activation", type=canonical(get_activation),
           choices=OUTPUT_ACTIVATIONS, help="activation of the output layer")
    option("--loss", dest="loss", type=canonical(get_loss), choices=LOSS_NAMES, help="loss function")
    option("--optimizer", dest="optimizer", type=lower, choices=OPTIMIZER_NAMES,
           help="how the weights are updated")
    option("--lr", dest="lr", type=float,
           help="learning rate (with --schedule one-cycle, the peak it climbs to)")
    option("--momentum", dest="momentum", type=float, help="momentum, used by --optimizer momentum")
    option("--l2", dest="l2", type=float, help="L2 weight decay")
    option("--schedule", dest="schedule", type=lower, choices=SCHEDULES,
           help="learning rate over the run: constant; cosine, from --lr down to 0; one-cycle, "
           "from --lr/25 up to --lr in the first quarter of the steps, then down to almost 0")
    option("--label-smoothing", dest="label_smoothing", type=float, metavar="EPS",
           help="label smoothing ε for cross-entropy: the targets are (1 − ε)·one-hot + ε/classes")
    option("--batch", dest="batch", type=int, metavar="N", help="mini-batch size")
    option("--epochs", dest="epochs", type=int, metavar="N", help="passes over the training examples")
    option("--augment", dest="augment", action=argparse.BooleanOptionalAction,
           help="random shifts, rotations and scalings")
    option("--init", dest="init", type=lower, choices=INIT_NAMES,
           help="initial weights; auto is He for ReLU layers and Xavier for the others")
    option("--seed", dest="seed", type=int, metavar="N", help="seed of the initial weights and the shuffling")
    option("--dataset", dest="dataset", metavar="NAME|FOLDER", help="mnist, fashion-mnist or a folder of IDX files")
    option("--n-train", dest="n_train", type=int, metavar="N", help="use only the first N training examples")
    option("--validation", dest="validation", type=float, metavar="SHARE",
           help="share of training examples held out")


def train_config(args: argparse.Namespace) -> TrainConfig:
    """The configuration ``annviz train``'s options ask for: the recipe's (``--recipe``) or the
    defaults, changed by every option given; ConfigError if it cannot train."""
    base = PRESET_CONFIGS[args.recipe] if getattr(args, "recipe", None) else TrainConfig()
    given = {field: getattr(args, dest) for dest, field in TRAIN_FIELDS.items()
             if getattr(args, dest, None) is not None}
    conv = tuple(getattr(args, "conv", ()) or ())
    if conv:                        # a CNN: no hidden dense layer and ReLU, unless asked otherwise
        if not getattr(args, "recipe", None):   # the reference net's settings (Adam, η 6e-3, one cycle, 3 epochs)
            from annviz.recipes import REFERENCE_CNN
            base = REFERENCE_CNN
        given = {"hidden": (), "activation": "relu", **given, "conv": conv}
    return base.replace(**given).validate()


def cmd_train(args) -> int:
    from annviz.nn import LossBaseline
    from annviz.nn.doctor import Doctor
    from annviz.nn.doctor.texts import describe_fix, explain
    from annviz.recipes import build_network, build_trainer, model_info, prepare_data

    config = train_config(args)   # the recipe, changed by the options given
    conv = config.conv
    blas_threads = _blas_threads(args.threads)  # checks --threads before any data is loaded
    if args.out is not None:
        check_out(args.out)
    if args.record is not None and conv:
        raise CliError("--record: the time machine does not record a convolutional network yet "
                       "(its recordings hold MLPs); train without --record")
    if args.record is not None:
        check_out(args.record, "--record", "run.annviz-run")
        if args.out is not None and same_file(args.out, args.record):
            raise CliError(f"--record {args.record} is the same file as --out {args.out}: the recording "
                           "would replace the model; give it another name (e.g. run.annviz-run)")
    t0 = time.perf_counter()
    data = prepare_data(config)
    log.debug("%s read and prepared in %.2f s: %d training, %d test, %d validation examples",
              data.dataset.name, time.perf_counter() - t0, len(data.train[0]), len(data.test[0]),
              0 if data.validation is None else len(data.validation[0]))
    network = build_network(config, n_out=data.n_classes)
    trainer = build_trainer(network, config, data)
    # the doctor names faults (never stops the run); it watches MLPs only, for now
    doctor = None if args.doctor_off or not network.is_mlp else Doctor(trainer)
    report = sys.stderr if args.json else sys.stdout
    print(f"training {network.describe()} ({network.n_params:,} parameters) on {data.dataset.name}: "
          f"{len(data.train[0]):,} examples, {config.epochs} epochs", file=report, flush=True)
    if not network.is_mlp and not args.doctor_off:
        print("doctor: off (it watches multilayer perceptrons only, for now)", file=report)
    # A diverging run overflows on purpose; the trainer and the baseline say so in words.
    with blas_threads, np.errstate(over="ignore", invalid="ignore", divide="ignore"), \
            _recording_writer(args.record, trainer, data.dataset.class_names) as recording:
        baseline = LossBaseline(network, trainer.loss, data.train)
        history = _train_with_progress(trainer, report, recording)
        diverged = history.stop_reason if history.status == "diverged" else baseline.ended_worse(network)
        diagnoses = None if doctor is None else doctor.finish()
        for d in diagnoses or ():
            fixes = " or ".join(describe_fix(f) for f in d.fixes)
            print(f"doctor: {d.code} from batch {d.batch}: {explain(d)}" + (f" Try: {fixes}." if fixes else ""),
                  file=report)
        if args.out is not None and not diverged:
            save_out(args.out, network, model_info(config, history, data.dataset))
            print(f"saved {args.out}", file=report)
        if recording is not None:   # a diverged run's recording too: how it went wrong is worth a look
            save_checked(args.record, "--record", lambda: recording.finish(history, diagnoses or ()), "the recording")
            print(f"saved the recording {args.record} ({recording.moments} moments)", file=report)
    if args.json:
        last = vars(history.epochs[-1]) if history.epochs else {}  # none if it diverged in epoch 1
        print_json({
            "status": "diverged" if diverged else "finished", "stop_reason": diverged or None,
            **{key: last.get(field) for key, field in (
                ("test_accuracy", "test_accuracy"), ("test_loss", "test_loss"),
                ("train_accuracy", "train_accuracy"), ("train_loss", "train_loss"),
                ("val_accuracy", "val_accuracy"), ("train_samples_per_s", "samples_per_s"),
                ("train_seconds", "seconds"))},
            "recipe": args.recipe, "config": {k: v for k, v in config.to_dict().items() if k != "extra"},
            "epochs": len(history.epochs), "layer_sizes": network.sizes,
            "activations": network.activation_names, "parameters": network.n_params,
            "out": str(args.out) if args.out is not None and not diverged else None,
            "record": str(args.record) if args.record is not None else None,
            "history": [vars(e) for e in history.epochs],
            "diagnoses": None if diagnoses is None else [d.to_dict() for d in diagnoses],
        })
    if diverged:
        unsaved = "" if args.out is None else f"; {args.out} was not written"
        print(f"annviz: training diverged: {diverged}{unsaved}", file=sys.stderr)
        return EXIT_DIVERGED
    return EXIT_OK


@contextlib.contextmanager
def _recording_writer(path, trainer, class_names):
    """The recording of the run, written to a scratch file beside ``path`` as it goes (bounded
    memory; runfile.RecordingWriter), or None without ``--record``."""
    if path is None:
        yield None
        return
    from annviz.nn import blas
    from annviz.nn.recording import Recording
    from annviz.nn.runwriter import RecordingWriter

    run = Recording.of(trainer, class_names, blas.current_threads(), blas.library())
    try:
        writer = RecordingWriter(path, run)
    except OSError as error:
        raise OutFileError(f"--record {path}: {error.strerror or error}") from None
    with writer:
        yield writer


def _train_with_progress(trainer, report, recording=None):
    """Train to the end with a progress bar; into ``recording`` (a RecordingWriter, if any) go the
    moments."""
    from annviz.nn.recording import Recorder
    from annviz.progress import ProgressBar

    recorder = Recorder(trainer, early_states=False) if recording is not None else None
    if recorder is not None:
        recording.add(recorder.start())
    bar = ProgressBar(trainer.batches_per_epoch, "epoch 1")
    for event in trainer.steps():
        if recorder is not None and (moment := recorder.observe(event)) is not None:
            recording.add(moment)
        if bar.batch(event, trainer.epochs, f"  {event.samples_per_s:,.0f} samples/s"):
            record = event.epoch_record
            val = "" if record.val_accuracy is None else f"  val acc {record.val_accuracy:.4f}"
            print(f"epoch {record.epoch:3d}  train loss {record.train_loss:.4f}  train acc "
                  f"{record.train_accuracy:.4f}{val}  test acc {record.test_accuracy:.4f}  "
                  f"{record.samples_per_s:,.0f} samples/s  {record.seconds:.1f} s", file=report, flush=True)
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
