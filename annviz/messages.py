"""What the readers say: every file error's code and its English sentence, in one table.

A reader raises its kind's error with a code and the values the sentence needs
(``ModelFileError(path, "model.tensor_missing", name="layers.0.weight")``); the error's
``str()`` is the English sentence after the path, which the command line prints. The window
translates by code: ``annviz.gui.common.file_errors`` looks each template up in the Korean
translation (``QCoreApplication.translate("FileErrors", template)``) and fills in the same
values, so a new file kind's messages appear in the interface's language as soon as its sentences
are translated — no pattern matching of English text. ``QT_TRANSLATE_NOOP`` marks each template
for ``pyside6-lupdate`` (``python -m annviz.gui.i18n_tool`` scans this file) and does nothing else.

A value that is itself words — what kind of file was expected, which part of a file, a type's
name — is a :class:`Phrase` (a code of this table with values of its own), translated the same
way; anything else (a number, a size, a tensor's or a key's name from the file) is shown as it is.
Templates use ``str.format`` fields; ``tests/test_messages.py`` checks that every code's fields
are given wherever it is raised and that the Korean keeps every field.

Standard library only, like ``annviz.safeio``.
"""

from __future__ import annotations

import string

CONTEXT = "FileErrors"


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 (the name lupdate looks for)
    return text


class Phrase:
    """Words that are part of a message and translated with it: ``Phrase("kind.model")``."""

    __slots__ = ("code", "values")

    def __init__(self, code: str, **values):
        if code not in MESSAGES:
            raise KeyError(f"no message has the code {code!r}")
        self.code, self.values = code, values

    def __str__(self) -> str:
        return english(self.code, self.values)

    def __repr__(self) -> str:
        return f"Phrase({self.code!r}{''.join(f', {k}={v!r}' for k, v in self.values.items())})"

    def __eq__(self, other) -> bool:
        return isinstance(other, Phrase) and (self.code, self.values) == (other.code, other.values)

    def __hash__(self) -> int:
        return hash(self.code)

    def __reduce__(self):
        return _phrase, (self.code, self.values)


def _phrase(code: str, values: dict) -> Phrase:
    return Phrase(code, **values)


def english(code: str, values: dict) -> str:
    """The English sentence of ``code`` with ``values`` (phrases in English)."""
    return fill(MESSAGES[code], values, str)


def fill(template: str, values: dict, word) -> str:
    """``template`` with its fields from ``values``; ``word(value)`` gives each value's text (a
    Phrase's in the language wanted). A field the values lack shows as ``{field}``, so that a
    message never fails to show."""
    texts = {k: word(v) for k, v in values.items()}
    return string.Formatter().vformat(template, (), _Missing(texts))


class _Missing(dict):
    def __missing__(self, key):
        return "{" + key + "}"


def fields(template: str) -> set[str]:
    """The names of the fields ``template`` uses."""
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


def kind(name: str) -> Phrase:
    """What kind of file was expected, as a phrase: ``kind("model")`` is "a model file"."""
    return Phrase(f"kind.{name}")


_T = QT_TRANSLATE_NOOP

MESSAGES: dict[str, str] = {
    # --- what was expected (phrases inside the sentences below) ---------------------------------
    "kind.file": _T("FileErrors", "a file"),
    "kind.model": _T("FileErrors", "a model file"),
    "kind.recording": _T("FileErrors", "a training recording"),
    "kind.setup": _T("FileErrors", "an annviz setup file"),
    "kind.lesson": _T("FileErrors", "a lesson file"),
    "kind.image": _T("FileErrors", "an image"),
    "kind.idx": _T("FileErrors", "an IDX file"),
    "kind.digit_index": _T("FileErrors", "an index of digits"),
    "part.content": _T("FileErrors", "content"),
    "part.header": _T("FileErrors", "header"),
    "part.header_length": _T("FileErrors", "the header length"),
    "part.metadata": _T("FileErrors", "annviz metadata"),
    "part.recording_metadata": _T("FileErrors", "recording metadata"),
    "part.tensor": _T("FileErrors", "tensor {name}"),
    "type.string": _T("FileErrors", "a string"),
    "type.integer": _T("FileErrors", "an integer"),
    "type.number": _T("FileErrors", "a number"),
    "type.bool": _T("FileErrors", "true or false"),
    "type.list": _T("FileErrors", "a list"),
    "type.object": _T("FileErrors", "an object"),
    "type.table": _T("FileErrors", "a table"),
    "type.text": _T("FileErrors", "text"),
    "type.null": _T("FileErrors", "nothing (null)"),
    "type.either": _T("FileErrors", "{first} or {second}"),

    # --- opening and reading any file (annviz.safeio) ------------------------------------------
    "no_such_file": _T("FileErrors", "no such file"),
    "path_not_folder": _T("FileErrors", "no such file (a part of the path is not a folder)"),
    "permission_denied": _T("FileErrors", "cannot be read (permission denied)"),
    "link_loop": _T("FileErrors", "cannot be read: its symbolic links go round in a loop"),
    "name_too_long": _T("FileErrors", "cannot be read: its name is too long for this system"),
    "unreadable": _T("FileErrors", "cannot be read ({why})"),
    "is_folder": _T("FileErrors", "is a folder, not {kind}"),
    "not_regular": _T("FileErrors", "is not a regular file (a pipe, device or socket), not {kind}"),
    "too_large": _T("FileErrors", "is {size}, more than {kind} may be ({most})"),
    "grew_too_large": _T("FileErrors", "is more than {kind} may be ({most})"),
    "bad_file_name": _T("FileErrors", "is not a valid file name"),
    "truncated_in": _T("FileErrors", "truncated in {what} (expected {n} bytes, found {found})"),
    "not_utf8": _T("FileErrors", "is not UTF-8 text"),
    "json_too_deep": _T("FileErrors", "its {what} is nested {depth} levels deep (at most {most})"),
    "json_invalid": _T("FileErrors", "its {what} is not valid JSON (the error is at character {pos})"),
    "json_not_utf8": _T("FileErrors", "its {what} is not UTF-8 text"),
    "json_constant": _T("FileErrors", "its {what} holds {name}, which is not a number this file may hold"),
    "json_long_integer": _T("FileErrors", "its {what} holds an integer of {digits} digits (at most {most})"),
    "json_huge_number": _T("FileErrors", "its {what} holds the number {text}, too large for a float"),
    "field_type": _T("FileErrors", "{field} should be {wanted}, not {found}"),
    "version_bad": _T("FileErrors", "{name} {value} is not a version number"),
    "version_newer": _T("FileErrors", "{name} {value} is newer than this annviz reads (up to {newest}): "
                                      "update annviz to open it"),
    "too_deep": _T("FileErrors", "is nested too deeply to be read"),
    "unexpected": _T("FileErrors", "is damaged in a way annviz did not expect ({detail}); the details "
                                   "are in annviz's log"),
    "out_of_memory": _T("FileErrors", "there was not enough memory to read it"),

    # --- lesson files (annviz.lessons.lessonfile, library) --------------------------------------
    "lesson.toml_invalid": _T("FileErrors", "is not valid TOML (the error is at line {line}, column {column})"),
    "lesson.toml_too_deep": _T("FileErrors", "nests lists and tables {depth} deep (at most {most})"),
    "lesson.toml_dotted_key": _T("FileErrors", "has a key of {parts} dotted parts, near line {line} "
                                               "(at most {most})"),
    "lesson.toml_long_token": _T("FileErrors", "has a key or a number of {length} characters, near line "
                                               "{line} (at most {most})"),
    "lesson.not_table": _T("FileErrors", "should be a table, not {found}"),
    "lesson.unknown_key": _T("FileErrors", "unknown key {key} (known: {known})"),
    "lesson.missing": _T("FileErrors", "{key} is missing"),
    "lesson.not_whole_number": _T("FileErrors", "should be a whole number, not {found}"),
    "lesson.not_between": _T("FileErrors", "{value} is not between {lo} and {hi}"),
    "lesson.not_number": _T("FileErrors", "should be a number, not {found}"),
    "lesson.number_range": _T("FileErrors", "{value} is not a number between {lo} and {hi}"),
    "lesson.not_text": _T("FileErrors", "should be text, not {found}"),
    "lesson.text_too_long": _T("FileErrors", "is longer than {most} characters"),
    "lesson.not_list": _T("FileErrors", "should be a list, not {found}"),
    "lesson.list_too_long": _T("FileErrors", "has {n} entries, more than {most}"),
    "lesson.empty_text": _T("FileErrors", "is empty"),
    "lesson.html_comment": _T("FileErrors", "may not hold HTML comments or declarations"),
    "lesson.tag_not_allowed": _T("FileErrors", "the tag <{tag}> is not allowed (allowed: {allowed})"),
    "lesson.tag_attributes": _T("FileErrors", "the tag <{tag}> may not have attributes"),
    "lesson.unknown_widget": _T("FileErrors", "no widget is called {name} (the names are listed in "
                                              "resources/lessons/README.md)"),
    "lesson.widget_kind": _T("FileErrors", "{name} is a {kind}, not a {wanted}"),
    "lesson.bad_name": _T("FileErrors", "the file's name {name} should be letters, digits, - and _ only, "
                                        "at most {most} characters"),
    "lesson.unknown_concept": _T("FileErrors", "unknown concept {name} (known: {known})"),
    "lesson.no_steps": _T("FileErrors", "a lesson needs at least one step"),
    "lesson.no_checks": _T("FileErrors", "a task needs at least one check"),
    "lesson.unknown_placeholder": _T("FileErrors", "{{{name}}} is not a value its checks measure (known: {known})"),
    "lesson.check_table": _T("FileErrors", "should be a table with check = \"<probe>\""),
    "lesson.unknown_check": _T("FileErrors", "unknown check {name} (known: {known})"),
    "lesson.unknown_value": _T("FileErrors", "unknown value {key} (known: {known}, each also with {at_least} "
                                             "or {at_most} when it is a number)"),
    "lesson.nothing_to_check": _T("FileErrors", "says nothing to check (e.g. a_at_least = 0.5)"),
    "lesson.not_comparable": _T("FileErrors", "{value} is not a number: compare it with {value} = …"),
    "lesson.not_bool": _T("FileErrors", "should be true or false, not {found}"),
    "lesson.not_a_choice": _T("FileErrors", "{value} is not one of {choices}"),
    "lesson.choice_type": _T("FileErrors", "should be one of the choices of {widget}, not {found}"),
    "lesson.not_widget_choice": _T("FileErrors", "{value} is not a choice of {widget} ({choices})"),
    "lesson.action_table": _T("FileErrors", "should be a table with do = \"<action>\""),
    "lesson.unknown_action": _T("FileErrors", "unknown action {name} (known: {known})"),
    "lesson.missing_for_layer": _T("FileErrors", "{key} is missing (layer {layer})"),
    "lesson.needs_widget": _T("FileErrors", "needs the widget it sets"),
    "lesson.not_bundled_model": _T("FileErrors", "{name} is not a bundled model ({known})"),
    "lesson.not_command": _T("FileErrors", "{name} is not one of {known}"),
    "lesson.bad_point": _T("FileErrors", "a point is [x, y], fractions of the pad from its top left"),
    "lesson.empty_stroke": _T("FileErrors", "a stroke needs at least one point"),
    "lesson.no_strokes": _T("FileErrors", "draw needs at least one stroke"),
    "lesson.no_such_lesson": _T("FileErrors", "no lesson has this name (the bundled lessons: {names})"),
}
