"""The command line: ``annviz`` opens the window; ``train`` (cli/train.py), ``evaluate``,
``predict``, ``install-desktop`` (cli/models.py) and ``teach`` (cli/teach.py) use the core.

This module holds the parser and ``main``; what the commands share (the exit statuses,
``CliError``, ``--json``, the log) is in cli/common.py, below them. Nothing here imports Qt unless
the window is asked for. A problem the user can fix — a missing
file, a corrupt model, a wrong dataset folder, a negative learning rate, an ``--out`` that cannot
be written — is one of the project's own errors and prints one line on stderr. Anything else is a
bug and shows as one, with its traceback. The exit statuses are in ``EXIT_STATUSES`` (shown by
``--help``, and in the README).
"""

from __future__ import annotations

import argparse
import contextlib
import signal
import sys

from annviz import __version__, logs
from annviz.cli import models, teach, train
from annviz.cli.common import (
    EXIT_BAD_INPUT,
    EXIT_DIVERGED,
    EXIT_FAILURE,
    EXIT_INTERRUPTED,
    EXIT_OK,
    EXIT_STATUSES,
    JSON_SCHEMA_VERSION,
    CliError,
    log,
)
from annviz.data.datasets import DatasetError
from annviz.data.idx import IdxError
from annviz.data.images import ImageError
from annviz.nn.config import ConfigError
from annviz.nn.modelfile import ModelFileError
from annviz.outfile import OutFileError
from annviz.safeio import FileFormatError
from annviz.setupfile import EXTENSION as SETUP_EXTENSION
from annviz.teach import TeachError

__all__ = ["EXIT_BAD_INPUT", "EXIT_DIVERGED", "EXIT_FAILURE", "EXIT_INTERRUPTED", "EXIT_OK", "EXIT_STATUSES",
           "JSON_SCHEMA_VERSION", "USER_ERRORS", "CliError", "build_parser", "gui", "main"]


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
        default = getattr(action, "config_default", action.default)  # see train.train_options
        nothing = default is None or default is False or default is argparse.SUPPRESS
        if action.option_strings and not nothing and "%(default)" not in text:
            text += f" (default: {default})"
        return text


# --- parsing --------------------------------------------------------------------------------

def build_parser() -> argparse.ArgumentParser:
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
    train.add_parser(command)
    models.add_parsers(command)
    teach.add_parser(command)
    return parser


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


#: Each sub-command and the function that runs it (in the module of its group).
COMMANDS = {"train": train.cmd_train, "evaluate": models.cmd_evaluate, "predict": models.cmd_predict,
            "install-desktop": models.cmd_install_desktop, "teach": teach.cmd_teach}


def _command(name: str):
    """The function that runs sub-command ``name``."""
    return COMMANDS[name]
