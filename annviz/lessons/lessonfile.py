"""Reading a lesson file (TOML, ``format_version = 1``): untrusted input, checked field by field.

A lesson may come from a teacher's folder or a student's download, so it is read like every other
file (``annviz.safeio``): a regular file of at most ``MAX_BYTES``, UTF-8, parsed by the standard
library's ``tomllib``; every key is known, every field has its type, every widget, action, probe
and value name is in ``vocabulary``, every text exists in English and Korean and uses only a few
HTML tags without attributes. Any fault is one ``LessonFileError`` whose message names the file
and where in it ("…/x.toml: step 3: unknown key 'hightlight' (known: …)"). Nothing in a lesson is
ever executed: actions and checks are names the app looks up, values are plain data.

The format is documented for teachers in ``resources/lessons/README.md``.
"""

from __future__ import annotations

import dataclasses
import math
import re
import tomllib
from pathlib import Path
from typing import Any, NoReturn

from annviz.lessons.model import Action, Check, Condition, Lesson, Step, Task, Text, placeholders
from annviz.lessons.prediction import read_prediction
from annviz.lessons.vocabulary import (
    ACTIONS,
    AT_LEAST,
    AT_MOST,
    CONCEPTS,
    MAX_STROKE_POINTS,
    MAX_STROKES,
    PROBES,
    TRAINING_COMMANDS,
    WIDGETS,
)
from annviz.messages import Phrase, kind
from annviz.paths import bundled_model_names
from annviz.safeio import FileFormatError, check_version, describe, guarded, read_bytes, size_text

FORMAT_VERSION = 1
MAX_BYTES = 256 * 1024
MAX_STEPS, MAX_ACTIONS, MAX_NAMES, MAX_HINTS, MAX_CHECKS = 60, 40, 40, 10, 10
MAX_TEXT = 20_000
MAX_SET_VALUE = 1e9     # what a lesson may set a slider or number to (a Qt spin box holds 2³¹ − 1)
#: The HTML a lesson's texts may use, without attributes: emphasis, formulas, paragraphs, lists.
TAGS = {"b", "i", "u", "em", "strong", "sub", "sup", "br", "p", "ul", "ol", "li", "small", "big",
        "code", "tt", "h3", "h4"}
_TAG = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9]*)([^<>]*)>")
_NAME = re.compile(r"[^\W_][\w.-]*")    # letters of any script (Korean names too), digits, _ . -
MAX_NAME = 80                              # characters of a lesson's name (its file's, without .toml)
MAX_MINUTES = 300                          # a lesson's stated length: a few periods at most


class LessonFileError(FileFormatError):
    """A lesson file that cannot be used; one line naming the file and the place in it."""


@guarded(LessonFileError)
def read_lesson(path: str | Path) -> Lesson:
    """The lesson in ``path``, checked; LessonFileError if anything in it is not as documented."""
    path = Path(path)
    data = read_bytes(path, MAX_BYTES, LessonFileError, "lesson")
    try:
        text = data.decode("utf-8-sig")    # Windows Notepad starts UTF-8 with a byte-order mark
    except UnicodeDecodeError:
        raise LessonFileError(path, "not_utf8") from None
    return _lesson_of_text(text, path, path.stem, path)


@guarded(LessonFileError)
def read_lesson_text(text: str, where: str | Path, name: str) -> Lesson:
    """The lesson whose TOML is ``text`` (a setup file carries one), named ``name``; ``where``
    stands for the file in messages. The same checks as a lesson file's."""
    if len(text.encode("utf-8", "surrogatepass")) > MAX_BYTES:
        raise LessonFileError(where, "grew_too_large", kind=kind("lesson"), most=size_text(MAX_BYTES))
    return _lesson_of_text(text.removeprefix("\ufeff"), where, name, path=None)


def _lesson_of_text(text: str, where: str | Path, name: str, path: Path | None) -> Lesson:
    check_structure(text, where)
    try:
        document = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        line, column = _position(str(error))
        if line == "?":     # "at end of document": a value or string left open at the end
            line, column = text.count("\n") + 1, len(text.rsplit("\n", 1)[-1]) + 1
        raise LessonFileError(where, "lesson.toml_invalid", line=line, column=column) from None
    lesson = parse_lesson(document, where, name)
    return dataclasses.replace(lesson, source=text, path=path)


# --- the raw text's structure, before tomllib ------------------------------------------------------
# tomllib keeps, for every key it has seen, a tuple of the key's parts for each of its prefixes:
# one key of k dotted parts costs k²/2 references (30,000 parts: 3.5 GB). It also recurses once
# per level of nested lists and inline tables, and Python's int() refuses integers past 4,300
# digits with a ValueError of its own. So the text is measured first, strings and comments left out.

MAX_NESTING = 12        # lists and inline tables within each other; the bundled lessons use 5
MAX_KEY_PARTS = 8       # a.b.c: the bundled lessons use 2
MAX_TOKEN = 200         # characters of a bare key, a number or a date
_TOML_SKIP = re.compile("|".join((
    r'"""(?:[^"\\]++|\\.|"(?!""))*+(?:"""|\Z)',   # a multi-line basic string
    r"'''(?:[^']++|'(?!''))*+(?:'''|\Z)",         # a multi-line literal string
    r'"(?:[^"\\\n]++|\\.)*+"?',                  # a basic string
    r"'[^'\n]*+'?",                                # a literal string
    r"#[^\n]*+",                                     # a comment
)), re.DOTALL)
_TOKEN = re.compile(r"[A-Za-z0-9_+:-]+(?:[ \t]*\.[ \t]*[A-Za-z0-9_+:-]+)*")
_NOT_BRACKETS = {ord(c): None for c in map(chr, range(128)) if c not in "[]{}"}


def check_structure(text: str, path: str | Path) -> None:
    """LessonFileError if ``text`` nests too deeply, has a key of too many dotted parts, or a key
    or number too long — measured on the raw text, in time linear in its length."""
    bare = _TOML_SKIP.sub(_placeholder, text)
    depth = most = 0
    for line in bare.split("\n"):
        if depth == 0 and line.lstrip().startswith("["):
            continue            # a table's header, [name] or [[name]], not a list
        for char in line.translate(_NOT_BRACKETS):
            if char in "[{":
                depth += 1
                most = max(most, depth)
            elif char in "]}":
                depth = max(depth - 1, 0)
    if most > MAX_NESTING:
        raise LessonFileError(path, "lesson.toml_too_deep", depth=most, most=MAX_NESTING)
    for match in _TOKEN.finditer(bare):
        token = match.group()
        parts = token.count(".") + 1
        if parts > MAX_KEY_PARTS:
            raise LessonFileError(path, "lesson.toml_dotted_key", parts=parts, line=_line(bare, match),
                                  most=MAX_KEY_PARTS)
        longest = max(len(p.strip()) for p in token.split("."))
        if longest > MAX_TOKEN:
            raise LessonFileError(path, "lesson.toml_long_token", length=longest, line=_line(bare, match),
                                  most=MAX_TOKEN)


def _line(text: str, match: re.Match) -> int:
    return text.count("\n", 0, match.start()) + 1


def _placeholder(match: re.Match) -> str:
    """A string or comment as one letter, its lines kept (so that line numbers stay right)."""
    text = match.group()
    return "" if text.startswith("#") else "s" + "\n" * text.count("\n")


def _position(message: str) -> tuple[int | str, int | str]:
    found = re.search(r"line (\d+), column (\d+)", message)
    return (int(found[1]), int(found[2])) if found else ("?", "?")


def parse_lesson(document: dict[str, Any], path: str | Path, name: str | None = None) -> Lesson:
    """A parsed TOML document as a ``Lesson`` (``name``: the file's name without .toml)."""
    path = Path(path)
    return _Reader(path).lesson(document, name or path.stem)


class _Reader:
    """The checks, each naming the file and the place (``where``) of a fault."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def fail(self, where: str, code: str, **values: object) -> NoReturn:
        raise LessonFileError(self.path, code, where=where, **values)

    # --- plain fields ---------------------------------------------------------------------------

    def keys(self, table: object, known: tuple[str, ...], where: str, required: tuple[str, ...] = ()) -> dict[str, Any]:
        if not isinstance(table, dict):
            self.fail(where, "lesson.not_table", found=_kind(table))
        for key in table:
            if key not in known:
                self.fail(where, "lesson.unknown_key", key=_shown(key), known=", ".join(known))
        for key in required:
            if key not in table:
                self.fail(where, "lesson.missing", key=key)
        return table

    # (named integer, string, sequence: a method named int or str would hide the type in this class's
    # annotations)
    def integer(self, value: object, where: str, lo: int, hi: int) -> int:
        if isinstance(value, bool) or not isinstance(value, int):
            self.fail(where, "lesson.not_whole_number", found=_kind(value))
        if not lo <= value <= hi:
            self.fail(where, "lesson.not_between", value=_number(value), lo=lo, hi=hi)
        return value

    def number(self, value: object, where: str, lo: float = -1e12, hi: float = 1e12) -> float:
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            self.fail(where, "lesson.not_number", found=_kind(value))
        if not (isinstance(value, int) or math.isfinite(value)) or not lo <= value <= hi:
            self.fail(where, "lesson.number_range", value=_number(value), lo=f"{lo:g}", hi=f"{hi:g}")
        return float(value) if isinstance(value, float) else value

    def string(self, value: object, where: str, limit: int = 200) -> str:
        if not isinstance(value, str):
            self.fail(where, "lesson.not_text", found=_kind(value))
        if len(value) > limit:
            self.fail(where, "lesson.text_too_long", most=limit)
        return value

    def sequence(self, value: object, where: str, limit: int) -> list[Any]:
        if not isinstance(value, list):
            self.fail(where, "lesson.not_list", found=_kind(value))
        if len(value) > limit:
            self.fail(where, "lesson.list_too_long", n=len(value), most=limit)
        return value

    def text(self, value: object, where: str) -> Text:
        """A text in both languages: a table with en and ko, each non-empty, tags allowed."""
        table = self.keys(value, ("en", "ko"), where, required=("en", "ko"))
        texts = []
        for lang in ("en", "ko"):
            text = self.string(table[lang], f"{where}.{lang}", MAX_TEXT)
            if not text.strip():
                self.fail(f"{where}.{lang}", "lesson.empty_text")
            self.html(text, f"{where}.{lang}")
            texts.append(text)
        return Text(*texts)

    def html(self, text: str, where: str) -> None:
        if "<!" in text or "<?" in text:
            self.fail(where, "lesson.html_comment")
        for match in _TAG.finditer(text):
            tag, attributes = match.group(2).lower(), match.group(3).strip().rstrip("/").strip()
            if tag not in TAGS:
                self.fail(where, "lesson.tag_not_allowed", tag=match.group(2)[:40], allowed=", ".join(sorted(TAGS)))
            if attributes:
                self.fail(where, "lesson.tag_attributes", tag=match.group(2)[:40])

    def names(self, value: object, where: str, kinds: tuple[str, ...] | None = None) -> tuple[str, ...]:
        return tuple(self.widget(v, f"{where}[{i + 1}]", kinds)
                     for i, v in enumerate(self.sequence(value, where, MAX_NAMES)))

    def widget(self, value: object, where: str, kinds: tuple[str, ...] | None = None) -> str:
        name = self.string(value, where)
        if name not in WIDGETS:
            self.fail(where, "lesson.unknown_widget", name=_shown(name))
        if kinds is not None and WIDGETS[name].kind not in kinds:
            self.fail(where, "lesson.widget_kind", name=name, kind=WIDGETS[name].kind, wanted=" or ".join(kinds))
        return name

    # --- the lesson -----------------------------------------------------------------------------

    def lesson(self, doc: dict[str, Any], name: str) -> Lesson:
        known = ("format_version", "number", "title", "summary", "concepts", "standard", "minutes", "hide",
                 "lock", "start", "steps")
        self.keys(doc, known, "", required=("format_version", "title", "summary", "steps"))
        check_version(doc["format_version"], FORMAT_VERSION, self.path, LessonFileError)
        if len(name) > MAX_NAME or not _NAME.fullmatch(name):
            self.fail("", "lesson.bad_name", name=_shown(name), most=MAX_NAME)
        concepts = tuple(self.string(c, f"concepts[{i + 1}]")
                         for i, c in enumerate(self.sequence(doc.get("concepts", []), "concepts", 40)))
        for i, concept in enumerate(concepts):
            if concept not in CONCEPTS:
                self.fail(f"concepts[{i + 1}]", "lesson.unknown_concept", name=_shown(concept), known=", ".join(CONCEPTS))
        steps = self.sequence(doc["steps"], "steps", MAX_STEPS)
        if not steps:
            self.fail("steps", "lesson.no_steps")
        return Lesson(
            name=name, title=self.text(doc["title"], "title"), summary=self.text(doc["summary"], "summary"),
            steps=tuple(self.step(s, f"step {i + 1}") for i, s in enumerate(steps)),
            number=self.integer(doc["number"], "number", 1, 999) if "number" in doc else None,
            concepts=concepts,
            standard=self.string(doc["standard"], "standard", 40) if "standard" in doc else None,
            minutes=self.integer(doc["minutes"], "minutes", 1, MAX_MINUTES) if "minutes" in doc else None,
            hide=self.names(doc.get("hide", []), "hide"), lock=self.names(doc.get("lock", []), "lock"),
            start=self.actions(doc.get("start", []), "start"), path=self.path)

    def step(self, table: object, where: str) -> Step:
        known = ("title", "text", "actions", "highlight", "hide", "lock", "task", "predict")
        table = self.keys(table, known, where, required=("text",))
        task = self.task(table["task"], f"{where}, task") if "task" in table else None
        predict = read_prediction(self, table["predict"], f"{where}, predict", task is not None) \
            if "predict" in table else None
        return Step(
            text=self.text(table["text"], f"{where}: text"),
            title=self.text(table["title"], f"{where}: title") if "title" in table else None,
            actions=self.actions(table.get("actions", []), where),
            highlight=self.names(table.get("highlight", []), f"{where}: highlight"),
            hide=self.names(table.get("hide", []), f"{where}: hide"),
            lock=self.names(table.get("lock", []), f"{where}: lock"),
            task=task, predict=predict)

    def task(self, table: object, where: str) -> Task:
        table = self.keys(table, ("checks", "status", "hints", "done", "answer"), where, required=("checks", "done"))
        checks = self.sequence(table["checks"], f"{where}: checks", MAX_CHECKS)
        if not checks:
            self.fail(f"{where}: checks", "lesson.no_checks")
        task = Task(
            checks=tuple(self.check(c, f"{where}, check {i + 1}") for i, c in enumerate(checks)),
            done=self.text(table["done"], f"{where}: done"),
            status=self.text(table["status"], f"{where}: status") if "status" in table else None,
            hints=tuple(self.text(h, f"{where}: hints[{i + 1}]")
                        for i, h in enumerate(self.sequence(table.get("hints", []), f"{where}: hints", MAX_HINTS))),
            answer=self.actions(table.get("answer", []), f"{where}: answer"))
        self.placeholders(task, where)
        return task

    def placeholders(self, task: Task, where: str) -> None:
        """Every {name} in the status and done texts is a value one of the task's probes measures."""
        known = set()
        for check in task.checks:
            known |= set(PROBES[check.probe]) | {f"{check.probe}.{v}" for v in PROBES[check.probe]}
        for label, text in (("status", task.status), ("done", task.done)):
            if text is None:
                continue
            for lang in ("en", "ko"):
                for name in placeholders(text.get(lang)):
                    if name not in known:
                        self.fail(f"{where}: {label}.{lang}", "lesson.unknown_placeholder", name=name[:40],
                                  known=", ".join(sorted(known)))

    # --- checks ---------------------------------------------------------------------------------

    def check(self, table: object, where: str) -> Check:
        if not isinstance(table, dict) or "check" not in table:
            self.fail(where, "lesson.check_table")
        probe = self.string(table["check"], f"{where}: check")
        if probe not in PROBES:
            self.fail(where, "lesson.unknown_check", name=_shown(probe), known=", ".join(PROBES))
        where = f"{where} ({probe})"
        values = PROBES[probe]
        widget = None
        if probe == "widget":
            widget = self.widget(table.get("widget"), f"{where}: widget")
        conditions = []
        for key, operand in table.items():
            if key == "check" or (key == "widget" and probe == "widget"):
                continue
            value, op = _split_condition(key)
            if value not in values:
                self.fail(where, "lesson.unknown_value", key=_shown(key), known=", ".join(values),
                          at_least=AT_LEAST, at_most=AT_MOST)
            conditions.append(self.condition(probe, value, op, operand, widget, f"{where}: {key}"))
        if not conditions:
            self.fail(where, "lesson.nothing_to_check")
        return Check(probe, tuple(conditions), widget)

    def condition(self, probe: str, value: str, op: str, operand: object, widget: str | None, where: str) -> Condition:
        spec = PROBES[probe][value]
        kind = spec.type
        if probe == "widget" and value == "value" and widget is not None:   # check() read the widget
            kind = {"toggle": "bool", "slider": "number", "number": "number"}.get(WIDGETS[widget].kind, "choice")
        if op != "eq" and kind not in ("number", "int"):
            self.fail(where, "lesson.not_comparable", value=value)
        if kind in ("number", "int"):
            return Condition(value, op, self.number(operand, where))
        if kind == "bool":
            if not isinstance(operand, bool):
                self.fail(where, "lesson.not_bool", found=_kind(operand))
            return Condition(value, op, operand)
        if kind == "choice" and widget is not None:
            return Condition(value, op, self.choice(widget, operand, where))
        text = self.string(operand, where)
        if spec.choices and text not in spec.choices:
            self.fail(where, "lesson.not_a_choice", value=_shown(text), choices=", ".join(map(repr, spec.choices)))
        return Condition(value, op, text)

    def choice(self, widget: str, value: object, where: str) -> str | int | float:
        allowed = WIDGETS[widget].values
        if isinstance(value, bool) or not isinstance(value, (str, int, float)):
            self.fail(where, "lesson.choice_type", widget=widget, found=_kind(value))
        if allowed and value not in allowed:
            self.fail(where, "lesson.not_widget_choice", value=_shown(value), widget=widget,
                      choices=", ".join(map(repr, allowed)))
        return value if allowed else str(value)

    # --- actions --------------------------------------------------------------------------------

    def actions(self, value: object, where: str) -> tuple[Action, ...]:
        items = self.sequence(value, f"{where}: actions", MAX_ACTIONS)
        return tuple(self.action(a, f"{where}, action {i + 1}") for i, a in enumerate(items))

    def action(self, table: object, where: str) -> Action:
        if not isinstance(table, dict) or "do" not in table:
            self.fail(where, "lesson.action_table")
        do = self.string(table["do"], f"{where}: do")
        if do not in ACTIONS:
            self.fail(where, "lesson.unknown_action", name=_shown(do), known=", ".join(ACTIONS))
        where = f"{where} ({do})"
        spec = ACTIONS[do]
        required = tuple(k for k, t in spec.items() if not t.endswith("?"))
        self.keys(table, ("do", *spec), where, required=required)
        params = {}
        for key, wanted in spec.items():
            if key in table:
                params[key] = self.param(wanted.rstrip("?"), table[key], table, f"{where}: {key}")
        if do == "time_machine" and len(params) != 1:
            self.fail(where, "lesson.one_of", keys="epoch, val_accuracy")
        if do == "select_neuron":
            needed = "class" if params["layer"] == "output" else "neuron"
            if needed not in params:
                self.fail(where, "lesson.missing_for_layer", key=needed, layer=repr(params["layer"]))
        return Action(do, tuple(params.items()))

    def param(self, kind: str, value: object, table: dict[str, Any], where: str) -> object:
        if kind == "name":
            return self.widget(value, where)
        if kind == "button":
            return self.widget(value, where, ("button",))
        if kind == "settable":
            return self.widget(value, where, ("toggle", "slider", "number", "choice"))
        if kind == "value":
            widget = table.get("widget")
            if widget not in WIDGETS:
                self.fail(where, "lesson.needs_widget")
            widget_kind = WIDGETS[widget].kind
            if widget_kind == "toggle":
                if not isinstance(value, bool):
                    self.fail(where, "lesson.not_bool", found=_kind(value))
                return value
            if widget_kind in ("slider", "number"):   # a Qt spin box or slider holds a C int
                return self.number(value, where, -MAX_SET_VALUE, MAX_SET_VALUE)
            return self.choice(widget, value, where)
        if kind == "int":
            return self.integer(value, where, 0, 1_000_000)
        if kind == "number":
            return self.number(value, where, 1e-14, 1.0)
        if kind == "percent":
            return self.number(value, where, 0.0, 100.0)
        if kind == "text":
            return self.string(value, where)
        if kind == "model":
            name = self.string(value, where)
            if name not in bundled_model_names():
                self.fail(where, "lesson.not_bundled_model", name=_shown(name), known=", ".join(bundled_model_names()))
            return name
        if kind == "layer":
            if value == "output":
                return value
            return self.integer(value, where, 1, 100)
        if kind == "strokes":
            return self.strokes(value, where)
        if kind == "command":
            command = self.string(value, where)
            if command not in TRAINING_COMMANDS:
                self.fail(where, "lesson.not_command", name=_shown(command), known=", ".join(TRAINING_COMMANDS))
            return command
        raise AssertionError(kind)

    def strokes(self, value: object, where: str) -> tuple[tuple[tuple[float, float], ...], ...]:
        strokes = self.sequence(value, where, MAX_STROKES)
        out = []
        for s, stroke in enumerate(strokes):
            points = self.sequence(stroke, f"{where}[{s + 1}]", MAX_STROKE_POINTS)
            if not points:
                self.fail(f"{where}[{s + 1}]", "lesson.empty_stroke")
            pairs = []
            for p, point in enumerate(points):
                at = f"{where}[{s + 1}][{p + 1}]"
                if not isinstance(point, list) or len(point) != 2:
                    self.fail(at, "lesson.bad_point")
                pairs.append((self.number(point[0], at, 0.0, 1.0), self.number(point[1], at, 0.0, 1.0)))
            out.append(tuple(pairs))
        if not out:
            self.fail(where, "lesson.no_strokes")
        return tuple(out)


def _split_condition(key: str) -> tuple[str, str]:
    for suffix, op in ((AT_LEAST, "at_least"), (AT_MOST, "at_most")):
        if key.endswith(suffix):
            return key[: -len(suffix)], op
    return key, "eq"


def _kind(value: object) -> Phrase:
    """What a TOML value is, as a phrase: "text", "a table", "a number" …"""
    if isinstance(value, bool):
        return Phrase("type.bool")
    code = {dict: "type.table", list: "type.list", str: "type.text", int: "type.number",
            float: "type.number"}.get(type(value))
    return Phrase(code) if code else Phrase("type.object")


def _shown(value: object) -> str:
    """A value from the file for a message, cut after 40 characters: a text quoted, anything else
    (a number, a list…) as the file wrote it (JSON), so that 5 and "5" do not look the same."""
    if not isinstance(value, str):
        return describe(value)
    return repr(value if len(value) <= 40 else value[:37] + "...")


def _number(value: int | float) -> str:
    """A number from the file for a message (a huge integer shortened, never spelt out)."""
    if isinstance(value, float) or value.bit_length() < 64:
        return str(value)
    try:
        return f"{value:.6g}"
    except (OverflowError, ValueError):
        return "-1e308…" if value < 0 else "1e308…"
