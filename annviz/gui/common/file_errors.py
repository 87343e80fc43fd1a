"""Why a file was refused, in the learner's language: one table, looked up by the error's code.

Every reader raises its kind's ``FileFormatError`` with a code of ``annviz.messages.MESSAGES``
and the values its sentence needs. Here the sentence is looked up in the translation
(``QCoreApplication.translate("FileErrors", english_template)``: the Korean lives in
``resources/i18n/explorer_ko.ts`` like every other text) and filled with the same values; a value
that is words (a ``Phrase``: the kind of file expected, a type's name) is translated the same
way. The place in the file (``error.where``: "step 3: text", a field's name) is the file's own
vocabulary and stays as it is. An error without a code (a sentence no reader writes today) is
shown as it is.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from annviz.messages import CONTEXT, MESSAGES, Phrase, fill
from annviz.safeio import FileFormatError


def translated(code: str, values: dict) -> str:
    """The sentence of ``code`` in the interface's language, filled with ``values``."""
    return fill(QCoreApplication.translate(CONTEXT, MESSAGES[code]), values, _word)


def _word(value) -> str:
    if isinstance(value, Phrase):
        return translated(value.code, value.values)
    if isinstance(value, FileFormatError):
        return refusal(value)
    return str(value)


def reason(error: FileFormatError) -> str:
    """Why ``error``'s file cannot be used (without the file's name), in the interface's language."""
    if error.code is None:
        return error.reason or ""
    text = translated(error.code, error.values)
    return f"{error.where}: {text}" if error.where else text


def refusal(error: FileFormatError) -> str:
    """``error``'s one line — the file, then why it cannot be used — in the interface's language."""
    return reason(error) if error.path is None else f"{error.path}: {reason(error)}"
