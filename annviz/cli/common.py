"""What every command of ``annviz`` shares: the exit statuses, the one error a user can fix
(``CliError``), ``--json``'s printing, the log, the option helpers and the reading of a model that
classifies images. The commands (``train``, ``models``, ``teach``) import this module and nothing
above it; ``annviz.cli`` (the parser and ``main``) sits above them all."""

from __future__ import annotations

import argparse
import json
import logging
import math
import sys
import time

from annviz.nn.activations import HIDDEN_ACTIVATIONS, get_activation
from annviz.paths import bundled_model_names, model_path

log = logging.getLogger("annviz.cli")   # one logger for the command line, whichever module speaks

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


JSON_HELP = "print one JSON object on stdout instead of text (fields: see the README)"


def model_help() -> str:
    """The help of a MODEL argument: a file, or one of the bundled models by name."""
    return f"a model file, or a bundled model's name ({', '.join(bundled_model_names())})"


def print_json(obj) -> None:
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


def canonical(get):
    """A ``type=`` that turns an accepted spelling ("leaky-relu", "CE") into the canonical name."""
    def convert(text: str) -> str:
        try:
            return get(text).name
        except ValueError as error:
            raise argparse.ArgumentTypeError(str(error)) from None
    return convert


def lower(text: str) -> str:
    return text.strip().lower()


def pytorch_options(command: argparse.ArgumentParser) -> None:
    """What a PyTorch model file without annviz metadata cannot say (see annviz.nn.foreign)."""
    group = command.add_argument_group("PyTorch models", "for a network saved from PyTorch "
                                       "without annviz metadata (save_file(model.state_dict(), ...))")
    group.add_argument("--activation", type=canonical(get_activation), choices=HIDDEN_ACTIVATIONS,
                       default=None, help="activation of its hidden layers (default: relu)")
    group.add_argument("--logits", action=argparse.BooleanOptionalAction, default=None,
                       help="its last layer outputs logits, to which softmax is applied (the default, "
                       "as for nn.CrossEntropyLoss; also right for a network ending in softmax); "
                       "--no-logits uses its outputs as they are")
    group.add_argument("--arrangement", type=int, metavar="N", default=None,
                       help="a convolutional network whose file fits several arrangements of padding "
                       "and max-pools: which one (annviz lists them when it cannot tell)")



def load_classifier(name: str, activation: str | None = None, logits: bool | None = None,
                    arrangement: int | None = None):
    """The network and info of a model file (or bundled model) that classifies 28×28 images; a
    PyTorch file without annviz metadata with ``activation`` and ``logits`` (or their defaults),
    and a convolutional one's ``arrangement`` of padding and pooling where its file cannot tell."""
    from annviz.nn import ForeignModelError, load_foreign, load_model

    path = model_path(name)
    given_activation, given_logits = activation, logits
    t0 = time.perf_counter()
    try:
        network, info = load_model(path)
    except ForeignModelError as foreign:
        activation = activation or "relu"
        logits = True if logits is None else logits
        network, info = load_foreign(path, activation, logits, arrangement)
        if given_activation is None or given_logits is None:
            print(f"annviz: note: {path} is a PyTorch network ({foreign.layout.describe()}); taken with "
                  f"{activation} hidden layers (--activation) and "
                  f"{'logits → softmax' if logits else 'outputs used as they are'} "
                  f"({'--no-logits' if logits else '--logits'} for the other)", file=sys.stderr)
        if foreign.layout.kind == "cnn":
            print(f"annviz: note: padding and pooling {info.extra['pytorch_arrangement']}"
                  + ("" if len(foreign.layout.candidates) == 1 else
                     f" (--arrangement {arrangement} of {foreign.layout.candidates_text()})"), file=sys.stderr)
    else:
        if activation is not None or logits is not None or arrangement is not None:
            raise CliError(f"{path}: an annviz model names its own activations; --activation, "
                           "--logits and --arrangement are for PyTorch files without annviz metadata")
    log.debug("%s read in %.3f s: %s", path, time.perf_counter() - t0, network)
    if network.n_inputs != 784:
        raise CliError(f"{path}: the network takes {network.n_inputs} inputs, but a 28×28 image "
                       "gives 784")
    if len(info.class_names) != network.n_outputs:
        info.class_names = [str(i) for i in range(network.n_outputs)]
    return path, network, info
