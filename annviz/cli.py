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
from pathlib import Path

from annviz import __version__, logs
from annviz.data.datasets import DatasetError
from annviz.data.idx import IdxError
from annviz.data.images import ImageError
from annviz.nn.activations import HIDDEN_ACTIVATIONS, OUTPUT_ACTIVATIONS, get_activation
from annviz.nn.config import INIT_NAMES, MAX_LAYER_SIZE, ConfigError, TrainConfig, check_hidden
from annviz.nn.losses import LOSS_NAMES, get_loss
from annviz.nn.modelfile import ModelFileError
from annviz.nn.optimizers import OPTIMIZER_NAMES, SCHEDULES
from annviz.outfile import OutFileError
from annviz.paths import bundled_model_names
from annviz.presets import PRESET_CONFIGS, PRESET_KEYS
from annviz.safeio import FileFormatError
from annviz.setupfile import EXTENSION as SETUP_EXTENSION
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
        default = getattr(action, "config_default", action.default)  # see _train_options
        nothing = default is None or default is False or default is argparse.SUPPRESS
        if action.option_strings and not nothing and "%(default)" not in text:
            text += f" (default: {default})"
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
    lesson_help = "open the window at a lesson: a bundled lesson's name (e.g. neuron), a lesson in " \
                  "your lessons folder, or a lesson file"
    parser.add_argument("--lesson", metavar="NAME", help=lesson_help)
    lang_help = "interface language (default: the last one used, else the system's)"
    parser.add_argument("--lang", choices=["en", "ko"], help=lang_help)   # `annviz --lang ko` too
    sub = parser.add_subparsers(dest="command", parser_class=_Parser, title="commands")

    def command(name: str, help: str, **kwargs) -> argparse.ArgumentParser:
        command = sub.add_parser(name, help=help, description=help[0].upper() + help[1:] + ".",
                                 formatter_class=_HelpFormatter, **kwargs)
        # before or after the command's name; SUPPRESS keeps a command from resetting the other
        command.add_argument("-v", "--verbose", action="store_true", default=argparse.SUPPRESS,
                             help=verbose_help)
        return command

    gui = command("gui", "open the window (the default)")
    gui.add_argument("--lang", choices=["en", "ko"], default=argparse.SUPPRESS, help=lang_help)
    gui.add_argument("--lesson", metavar="NAME", default=argparse.SUPPRESS, help=lesson_help)
    gui.add_argument("setup", nargs="?", metavar="FILE.annviz", help="a setup to open: the page, the "
                     "model and the settings a teacher saved (File → Save setup); `annviz FILE.annviz` "
                     "does the same")

    train = command("train", "train a network and save it", epilog=EXIT_STATUSES)
    _train_options(train)
    train.add_argument("--threads", type=int, metavar="N", default=None, help="BLAS threads (default: the library's)")
    train.add_argument("--out", type=Path, metavar="FILE", help="where to save the model (.safetensors); checked before "
                       "training, written only if training did not diverge")
    train.add_argument("--record", type=Path, metavar="FILE",
                       help="also save a recording of the run (.annviz-run) to scrub in the app's time machine")
    train.add_argument("--doctor-off", action="store_true",
                       help="do not watch the run for faults (the doctor; see the README)")
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


#: ``annviz train``'s options that set a ``TrainConfig`` field: option dest → field.
TRAIN_FIELDS = {"layers": "hidden", "activation": "activation", "output_activation": "output",
                "loss": "loss", "optimizer": "optimizer", "lr": "lr", "momentum": "momentum",
                "l2": "weight_decay", "schedule": "schedule", "label_smoothing": "label_smoothing",
                "batch": "batch_size", "epochs": "epochs", "augment": "augment", "init": "init",
                "seed": "seed", "dataset": "dataset", "n_train": "n_train", "validation": "validation_share"}


def _train_options(train: argparse.ArgumentParser) -> None:
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
                       "reference net; with it, --layers is none and --activation relu unless given")
    option("--activation", dest="activation", type=_canonical(get_activation), choices=HIDDEN_ACTIVATIONS,
           help="activation of every hidden layer and convolution")
    option("--output-activation", dest="output_activation", type=_canonical(get_activation),
           choices=OUTPUT_ACTIVATIONS, help="activation of the output layer")
    option("--loss", dest="loss", type=_canonical(get_loss), choices=LOSS_NAMES, help="loss function")
    option("--optimizer", dest="optimizer", type=_lower, choices=OPTIMIZER_NAMES,
           help="how the weights are updated")
    option("--lr", dest="lr", type=float,
           help="learning rate (with --schedule one-cycle, the peak it climbs to)")
    option("--momentum", dest="momentum", type=float, help="momentum, used by --optimizer momentum")
    option("--l2", dest="l2", type=float, help="L2 weight decay")
    option("--schedule", dest="schedule", type=_lower, choices=SCHEDULES,
           help="learning rate over the run: constant; cosine, from --lr down to 0; one-cycle, "
           "from --lr/25 up to --lr in the first quarter of the steps, then down to almost 0")
    option("--label-smoothing", dest="label_smoothing", type=float, metavar="EPS",
           help="label smoothing ε for cross-entropy: the targets are (1 − ε)·one-hot + ε/classes")
    option("--batch", dest="batch", type=int, metavar="N", help="mini-batch size")
    option("--epochs", dest="epochs", type=int, metavar="N", help="passes over the training examples")
    option("--augment", dest="augment", action=argparse.BooleanOptionalAction,
           help="random shifts, rotations and scalings")
    option("--init", dest="init", type=_lower, choices=INIT_NAMES,
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
        given = {"hidden": (), "activation": "relu", **given, "conv": conv}
    return base.replace(**given).validate()


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
    group.add_argument("--arrangement", type=int, metavar="N", default=None,
                       help="a convolutional network whose file fits several arrangements of padding "
                       "and max-pools: which one (annviz lists them when it cannot tell)")


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    _tolerant_streams()
    argv = _setup_means_gui(argv)
    try:
        args = build_parser().parse_args(argv)
        if args.command in (None, "gui"):  # the window sets up its own log file
            from annviz.gui.app import main as gui_main
            return gui_main(lang=getattr(args, "lang", None), verbose=args.verbose,
                            lesson=getattr(args, "lesson", None),
                            setup=getattr(args, "setup", None))
        logs.configure(verbose=args.verbose)
        log.debug("annviz %s: %s", __version__, " ".join(argv))
        command = _command(args.command)
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


def _tolerant_streams() -> None:
    """A file name that is not UTF-8 (common with older archives on Linux: Python holds its bytes
    as surrogate escapes) prints as its own bytes on a UTF-8 terminal, escaped on any other —
    never a UnicodeEncodeError after the work is done. --json escapes it as JSON does."""
    for stream in (sys.stdout, sys.stderr):
        encoding = (getattr(stream, "encoding", None) or "").lower().replace("-", "").replace("_", "")
        try:
            stream.reconfigure(errors="surrogateescape" if encoding == "utf8" else "backslashreplace")
        except (AttributeError, ValueError, OSError):   # not a text stream that can say so
            pass


def _setup_means_gui(argv: list[str]) -> list[str]:
    """``annviz [options] FILE.annviz`` is ``annviz gui [options] FILE.annviz`` (a setup file
    double-clicked, or named first, opens the window)."""
    first = next((i for i, arg in enumerate(argv) if not arg.startswith("-")), None)
    if first is not None and argv[first].lower().endswith(SETUP_EXTENSION):
        return ["gui", *argv]
    return argv


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


def _command(name: str):
    """The function that runs sub-command ``name`` (each lives in a module of its own)."""
    if name == "train":
        from annviz.cli_train import cmd_train
        return cmd_train
    if name == "teach":
        from annviz.cli_teach import cmd_teach
        return cmd_teach
    from annviz.cli_models import cmd_evaluate, cmd_install_desktop, cmd_predict
    return {"evaluate": cmd_evaluate, "predict": cmd_predict, "install-desktop": cmd_install_desktop}[name]
