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

import math
import re
import tomllib
from pathlib import Path

from annviz.lessons.model import (Action, Check, Condition, Lesson, Step, Task, Text, placeholders)
from annviz.lessons.vocabulary import (ACTIONS, AT_LEAST, AT_MOST, CONCEPTS, MAX_STROKE_POINTS,
                                       MAX_STROKES, PROBES, TRAINING_COMMANDS, WIDGETS)
from annviz.paths import bundled_model_names
from annviz.safeio import FileFormatError, check_version, read_bytes

FORMAT_VERSION = 1
MAX_BYTES = 256 * 1024
MAX_STEPS, MAX_ACTIONS, MAX_NAMES, MAX_HINTS, MAX_CHECKS = 60, 40, 40, 10, 10
MAX_TEXT = 20_000
#: The HTML a lesson's texts may use, without attributes: emphasis, formulas, paragraphs, lists.
TAGS = {"b", "i", "u", "em", "strong", "sub", "sup", "br", "p", "ul", "ol", "li", "small", "big",
        "code", "tt", "h3", "h4"}
_TAG = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9]*)([^<>]*)>")
_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.-]*")


class LessonFileError(FileFormatError):
    """A lesson file that cannot be used; one line naming the file and the place in it."""


def read_lesson(path: str | Path) -> Lesson:
    """The lesson in ``path``, checked; LessonFileError if anything in it is not as documented."""
    path = Path(path)
    data = read_bytes(path, MAX_BYTES, LessonFileError, "a lesson file")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        raise LessonFileError(path, "is not UTF-8 text") from None
    try:
        document = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise LessonFileError(path, f"is not TOML: {error}") from None
    except RecursionError:
        raise LessonFileError(path, "is not TOML: nested too deeply") from None
    return parse_lesson(document, path)


def parse_lesson(document: dict, path: str | Path, name: str | None = None) -> Lesson:
    """A parsed TOML document as a ``Lesson`` (``name``: the file's name without .toml)."""
    path = Path(path)
    return _Reader(path).lesson(document, name or path.stem)


class _Reader:
    """The checks, each naming the file and the place (``where``) of a fault."""

    def __init__(self, path: Path):
        self.path = path

    def fail(self, where: str, reason: str):
        raise LessonFileError(self.path, f"{where}: {reason}" if where else reason)

    # --- plain fields ---------------------------------------------------------------------------

    def keys(self, table, known: tuple[str, ...], where: str, required: tuple[str, ...] = ()) -> dict:
        if not isinstance(table, dict):
            self.fail(where, f"should be a table, not {_kind(table)}")
        for key in table:
            if key not in known:
                self.fail(where, f"unknown key {key!r} (known: {', '.join(known)})")
        for key in required:
            if key not in table:
                self.fail(where, f"{key} is missing")
        return table

    def int(self, value, where: str, lo: int, hi: int) -> int:
        if isinstance(value, bool) or not isinstance(value, int):
            self.fail(where, f"should be a whole number, not {_kind(value)}")
        if not lo <= value <= hi:
            self.fail(where, f"{value} is not between {lo} and {hi}")
        return value

    def number(self, value, where: str, lo: float = -1e12, hi: float = 1e12) -> float:
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            self.fail(where, f"should be a number, not {_kind(value)}")
        if not math.isfinite(value) or not lo <= value <= hi:
            self.fail(where, f"{value} is not a number between {lo:g} and {hi:g}")
        return float(value) if isinstance(value, float) else value

    def str(self, value, where: str, limit: int = 200) -> str:
        if not isinstance(value, str):
            self.fail(where, f"should be text, not {_kind(value)}")
        if len(value) > limit:
            self.fail(where, f"is longer than {limit} characters")
        return value

    def list(self, value, where: str, limit: int) -> list:
        if not isinstance(value, list):
            self.fail(where, f"should be a list, not {_kind(value)}")
        if len(value) > limit:
            self.fail(where, f"has {len(value)} entries, more than {limit}")
        return value

    def text(self, value, where: str) -> Text:
        """A text in both languages: a table with en and ko, each non-empty, tags allowed."""
        table = self.keys(value, ("en", "ko"), where, required=("en", "ko"))
        texts = []
        for lang in ("en", "ko"):
            text = self.str(table[lang], f"{where}.{lang}", MAX_TEXT)
            if not text.strip():
                self.fail(f"{where}.{lang}", "is empty")
            self.html(text, f"{where}.{lang}")
            texts.append(text)
        return Text(*texts)

    def html(self, text: str, where: str) -> None:
        if "<!" in text or "<?" in text:
            self.fail(where, "may not hold HTML comments or declarations")
        for match in _TAG.finditer(text):
            tag, attributes = match.group(2).lower(), match.group(3).strip().rstrip("/").strip()
            if tag not in TAGS:
                self.fail(where, f"the tag <{match.group(2)}> is not allowed (allowed: {', '.join(sorted(TAGS))})")
            if attributes:
                self.fail(where, f"the tag <{match.group(2)}> may not have attributes")

    def names(self, value, where: str, kinds: tuple[str, ...] | None = None) -> tuple[str, ...]:
        return tuple(self.widget(v, f"{where}[{i + 1}]", kinds)
                     for i, v in enumerate(self.list(value, where, MAX_NAMES)))

    def widget(self, value, where: str, kinds: tuple[str, ...] | None = None) -> str:
        name = self.str(value, where)
        if name not in WIDGETS:
            self.fail(where, f"no widget is called {name!r} (the names are listed in "
                             "resources/lessons/README.md)")
        if kinds is not None and WIDGETS[name].kind not in kinds:
            self.fail(where, f"{name} is a {WIDGETS[name].kind}, not a {' or '.join(kinds)}")
        return name

    # --- the lesson -----------------------------------------------------------------------------

    def lesson(self, doc: dict, name: str) -> Lesson:
        known = ("format_version", "number", "title", "summary", "concepts", "standard", "hide",
                 "lock", "start", "steps")
        self.keys(doc, known, "", required=("format_version", "title", "summary", "steps"))
        check_version(doc["format_version"], FORMAT_VERSION, self.path, LessonFileError)
        if not _NAME.fullmatch(name):
            self.fail("", f"the file's name {name!r} should be letters, digits, - and _ only")
        concepts = tuple(self.str(c, f"concepts[{i + 1}]")
                         for i, c in enumerate(self.list(doc.get("concepts", []), "concepts", 40)))
        for i, concept in enumerate(concepts):
            if concept not in CONCEPTS:
                self.fail(f"concepts[{i + 1}]", f"unknown concept {concept!r} (known: {', '.join(CONCEPTS)})")
        steps = self.list(doc["steps"], "steps", MAX_STEPS)
        if not steps:
            self.fail("steps", "a lesson needs at least one step")
        return Lesson(
            name=name, title=self.text(doc["title"], "title"), summary=self.text(doc["summary"], "summary"),
            steps=tuple(self.step(s, f"step {i + 1}") for i, s in enumerate(steps)),
            number=self.int(doc["number"], "number", 1, 999) if "number" in doc else None,
            concepts=concepts,
            standard=self.str(doc["standard"], "standard", 40) if "standard" in doc else None,
            hide=self.names(doc.get("hide", []), "hide"), lock=self.names(doc.get("lock", []), "lock"),
            start=self.actions(doc.get("start", []), "start"), path=self.path)

    def step(self, table, where: str) -> Step:
        known = ("title", "text", "actions", "highlight", "hide", "lock", "task")
        self.keys(table, known, where, required=("text",))
        task = self.task(table["task"], f"{where}, task") if "task" in table else None
        return Step(
            text=self.text(table["text"], f"{where}: text"),
            title=self.text(table["title"], f"{where}: title") if "title" in table else None,
            actions=self.actions(table.get("actions", []), where),
            highlight=self.names(table.get("highlight", []), f"{where}: highlight"),
            hide=self.names(table.get("hide", []), f"{where}: hide"),
            lock=self.names(table.get("lock", []), f"{where}: lock"),
            task=task)

    def task(self, table, where: str) -> Task:
        self.keys(table, ("checks", "status", "hints", "done", "answer"), where, required=("checks", "done"))
        checks = self.list(table["checks"], f"{where}: checks", MAX_CHECKS)
        if not checks:
            self.fail(f"{where}: checks", "a task needs at least one check")
        task = Task(
            checks=tuple(self.check(c, f"{where}, check {i + 1}") for i, c in enumerate(checks)),
            done=self.text(table["done"], f"{where}: done"),
            status=self.text(table["status"], f"{where}: status") if "status" in table else None,
            hints=tuple(self.text(h, f"{where}: hints[{i + 1}]")
                        for i, h in enumerate(self.list(table.get("hints", []), f"{where}: hints", MAX_HINTS))),
            answer=self.actions(table.get("answer", []), f"{where}: answer"))
        self.placeholders(task, where)
        return task

    def placeholders(self, task: Task, where: str) -> None:
        """Every {name} in the status and done texts is a value one of the task's probes measures."""
        known = set()
        for check in task.checks:
            known |= set(PROBES[check.probe]) | {f"{check.probe}.{v}" for v in PROBES[check.probe]}
        for label, text in (("status", task.status), ("done", task.done)):
            for lang in ("en", "ko") if text is not None else ():
                for name in placeholders(text.get(lang)):
                    if name not in known:
                        self.fail(f"{where}: {label}.{lang}", f"{{{name}}} is not a value its checks "
                                                              f"measure (known: {', '.join(sorted(known))})")

    # --- checks ---------------------------------------------------------------------------------

    def check(self, table, where: str) -> Check:
        if not isinstance(table, dict) or "check" not in table:
            self.fail(where, "should be a table with check = \"<probe>\"")
        probe = self.str(table["check"], f"{where}: check")
        if probe not in PROBES:
            self.fail(where, f"unknown check {probe!r} (known: {', '.join(PROBES)})")
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
                self.fail(where, f"unknown value {key!r} (known: {', '.join(values)}, each also "
                                 f"with {AT_LEAST} or {AT_MOST} when it is a number)")
            conditions.append(self.condition(probe, value, op, operand, widget, f"{where}: {key}"))
        if not conditions:
            self.fail(where, "says nothing to check (e.g. a_at_least = 0.5)")
        return Check(probe, tuple(conditions), widget)

    def condition(self, probe: str, value: str, op: str, operand, widget: str | None, where: str) -> Condition:
        spec = PROBES[probe][value]
        kind = spec.type
        if probe == "widget" and value == "value":
            kind = {"toggle": "bool", "slider": "number", "number": "number"}.get(WIDGETS[widget].kind, "choice")
        if op != "eq" and kind not in ("number", "int"):
            self.fail(where, f"{value} is not a number: compare it with {value} = …")
        if kind in ("number", "int"):
            return Condition(value, op, self.number(operand, where))
        if kind == "bool":
            if not isinstance(operand, bool):
                self.fail(where, f"should be true or false, not {_kind(operand)}")
            return Condition(value, op, operand)
        if kind == "choice":
            return Condition(value, op, self.choice(widget, operand, where))
        text = self.str(operand, where)
        if spec.choices and text not in spec.choices:
            self.fail(where, f"{text!r} is not one of {', '.join(map(repr, spec.choices))}")
        return Condition(value, op, text)

    def choice(self, widget: str, value, where: str):
        allowed = WIDGETS[widget].values
        if isinstance(value, bool) or not isinstance(value, (str, int, float)):
            self.fail(where, f"should be one of the choices of {widget}, not {_kind(value)}")
        if allowed and value not in allowed:
            self.fail(where, f"{value!r} is not a choice of {widget} ({', '.join(map(repr, allowed))})")
        return value if allowed else str(value)

    # --- actions --------------------------------------------------------------------------------

    def actions(self, value, where: str) -> tuple[Action, ...]:
        items = self.list(value, f"{where}: actions", MAX_ACTIONS)
        return tuple(self.action(a, f"{where}, action {i + 1}") for i, a in enumerate(items))

    def action(self, table, where: str) -> Action:
        if not isinstance(table, dict) or "do" not in table:
            self.fail(where, "should be a table with do = \"<action>\"")
        do = self.str(table["do"], f"{where}: do")
        if do not in ACTIONS:
            self.fail(where, f"unknown action {do!r} (known: {', '.join(ACTIONS)})")
        where = f"{where} ({do})"
        spec = ACTIONS[do]
        required = tuple(k for k, t in spec.items() if not t.endswith("?"))
        self.keys(table, ("do", *spec), where, required=required)
        params = {}
        for key, kind in spec.items():
            if key in table:
                params[key] = self.param(kind.rstrip("?"), table[key], table, f"{where}: {key}")
        if do == "select_neuron":
            needed = "class" if params["layer"] == "output" else "neuron"
            if needed not in params:
                self.fail(where, f"{needed} is missing (layer {params['layer']!r})")
        return Action(do, tuple(params.items()))

    def param(self, kind: str, value, table: dict, where: str):
        if kind == "name":
            return self.widget(value, where)
        if kind == "button":
            return self.widget(value, where, ("button",))
        if kind == "settable":
            return self.widget(value, where, ("toggle", "slider", "number", "choice"))
        if kind == "value":
            widget = table.get("widget")
            if widget not in WIDGETS:
                self.fail(where, "needs the widget it sets")
            widget_kind = WIDGETS[widget].kind
            if widget_kind == "toggle":
                if not isinstance(value, bool):
                    self.fail(where, f"should be true or false, not {_kind(value)}")
                return value
            if widget_kind in ("slider", "number"):
                return self.number(value, where)
            return self.choice(widget, value, where)
        if kind == "int":
            return self.int(value, where, 0, 1_000_000)
        if kind == "number":
            return self.number(value, where, 1e-14, 1.0)
        if kind == "text":
            return self.str(value, where)
        if kind == "model":
            name = self.str(value, where)
            if name not in bundled_model_names():
                self.fail(where, f"{name!r} is not a bundled model ({', '.join(bundled_model_names())})")
            return name
        if kind == "layer":
            if value == "output":
                return value
            return self.int(value, where, 1, 100)
        if kind == "strokes":
            return self.strokes(value, where)
        if kind == "command":
            command = self.str(value, where)
            if command not in TRAINING_COMMANDS:
                self.fail(where, f"{command!r} is not one of {', '.join(TRAINING_COMMANDS)}")
            return command
        raise AssertionError(kind)

    def strokes(self, value, where: str) -> tuple:
        strokes = self.list(value, where, MAX_STROKES)
        out = []
        for s, stroke in enumerate(strokes):
            points = self.list(stroke, f"{where}[{s + 1}]", MAX_STROKE_POINTS)
            if not points:
                self.fail(f"{where}[{s + 1}]", "a stroke needs at least one point")
            pairs = []
            for p, point in enumerate(points):
                at = f"{where}[{s + 1}][{p + 1}]"
                if not isinstance(point, list) or len(point) != 2:
                    self.fail(at, "a point is [x, y], fractions of the pad from its top left")
                pairs.append((self.number(point[0], at, 0.0, 1.0), self.number(point[1], at, 0.0, 1.0)))
            out.append(tuple(pairs))
        if not out:
            self.fail(where, "draw needs at least one stroke")
        return tuple(out)


def _split_condition(key: str) -> tuple[str, str]:
    for suffix, op in ((AT_LEAST, "at_least"), (AT_MOST, "at_most")):
        if key.endswith(suffix):
            return key[: -len(suffix)], op
    return key, "eq"


def _kind(value) -> str:
    if isinstance(value, bool):
        return "true or false"
    return {dict: "a table", list: "a list", str: "text", int: "a number", float: "a number"}.get(
        type(value), type(value).__name__)
