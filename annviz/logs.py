"""Logging, configured once per process: the command line logs to stderr, the window to a file.

- Command line: warnings and errors on stderr; ``--verbose`` adds the debug messages (what was
  read, how long it took). The one-line error messages of the CLI are printed, not logged.
- Window: warnings and errors, with their tracebacks, go to a rotating ``annviz.log`` in the
  user's data folder (``annviz.gui.app.start_logging`` finds it); ``--verbose`` writes the debug
  messages there and on stderr too. Qt's own messages reach the same handlers through a message
  handler (``annviz.gui.app``), as the logger ``qt``; Python's ``warnings`` as ``py.warnings``.

Modules only ever call ``logging.getLogger(__name__)``; handlers are set here, once. When logging
is configured already (a test run, a program that imports annviz), ``configure`` leaves it be.
Standard library only.
"""

from __future__ import annotations

import logging
import sys
from logging.handlers import RotatingFileHandler
from pathlib import Path

FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"
STDERR_FORMAT = "annviz: %(levelname)s %(name)s: %(message)s"
MAX_LOG_BYTES = 1_000_000   # then annviz.log becomes annviz.log.1, and a new one starts
LOG_BACKUPS = 1

_configured_file: Path | None = None
_configured = False


def configure(verbose: bool = False, log_file: str | Path | None = None, stderr: bool = True) -> bool:
    """Set up the root logger once; False if logging was configured by somebody else.

    ``verbose``: DEBUG instead of WARNING. ``log_file``: also write to this rotating file (its
    folder is created; if it cannot be, logging goes on without it). ``stderr``: also write to
    stderr — always when ``verbose``, and never when there is no stderr (a windowed app on
    Windows has none).
    """
    global _configured, _configured_file
    root = logging.getLogger()
    if _configured:
        return True
    if root.handlers:  # somebody else's configuration wins
        return False
    level = logging.DEBUG if verbose else logging.WARNING
    handlers: list[logging.Handler] = []
    if (stderr or verbose) and sys.stderr is not None:
        handler = logging.StreamHandler(sys.stderr)
        handler.setFormatter(logging.Formatter(STDERR_FORMAT))
        handlers.append(handler)
    file_problem = None
    if log_file is not None:
        try:
            Path(log_file).parent.mkdir(parents=True, exist_ok=True)
            handler = RotatingFileHandler(log_file, maxBytes=MAX_LOG_BYTES, backupCount=LOG_BACKUPS,
                                          encoding="utf-8")
        except OSError as error:
            file_problem, log_file = f"{log_file} cannot be written ({error.strerror or error})", None
        else:
            handler.setFormatter(logging.Formatter(FORMAT))
            handlers.append(handler)
    for handler in handlers:
        handler.setLevel(level)
        root.addHandler(handler)
    root.setLevel(level)
    logging.captureWarnings(True)
    _configured, _configured_file = True, Path(log_file) if log_file is not None else None
    if file_problem is not None:  # on stderr if there is one, else nowhere: the app goes on
        logging.getLogger(__name__).warning("no log file: %s", file_problem)
    return True


def log_file() -> Path | None:
    """The file ``configure`` sends the log to, if any."""
    return _configured_file
