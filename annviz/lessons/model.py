"""A lesson as data: steps with texts in two languages, actions, highlights and tasks with checks.

Nothing here runs anything: an ``Action`` is a name and its parameters (the GUI performs it), a
``Check`` is a probe name and conditions on the values the GUI measures. ``Check.unmet`` decides
whether measured values satisfy it, and ``fill`` writes measured values into a lesson's sentence
("z = {z}: not tasty yet") — by name only, so a lesson file can never reach into anything else.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeGuard

from annviz.lessons.vocabulary import AT_LEAST, AT_MOST, PROBES

LANGUAGES = ("en", "ko")


@dataclass(frozen=True)
class Text:
    """One text in English and Korean (Qt rich text: a few HTML tags, formulas in Unicode)."""

    en: str
    ko: str

    def get(self, lang: str) -> str:
        return self.ko if lang == "ko" else self.en


@dataclass(frozen=True)
class Action:
    """What a step does to the app: ``do`` names one of ``vocabulary.ACTIONS``."""

    do: str
    params: tuple[tuple[str, object], ...] = ()

    def get(self, key: str, default: Any = None) -> Any:
        return dict(self.params).get(key, default)


@dataclass(frozen=True)
class Condition:
    """``value`` compared with ``operand``: op is "eq", "at_least" or "at_most"."""

    value: str
    op: str
    operand: object

    def holds(self, measured: Any) -> bool:
        if measured is None or (isinstance(measured, float) and math.isnan(measured)):
            return False
        if self.op == "at_least":
            return measured >= self.operand
        if self.op == "at_most":
            return measured <= self.operand
        if isinstance(self.operand, float) and isinstance(measured, (int, float)):
            return math.isclose(measured, self.operand, rel_tol=1e-9, abs_tol=1e-6)
        return measured == self.operand

    @property
    def key(self) -> str:
        """How the condition is written in a lesson file."""
        return self.value + {"eq": "", "at_least": AT_LEAST, "at_most": AT_MOST}[self.op]


@dataclass(frozen=True)
class Check:
    """A probe of the app's live state and conditions on its values (all must hold)."""

    probe: str
    conditions: tuple[Condition, ...]
    widget: str | None = None          # the named widget of the "widget" probe

    def unmet(self, values: dict) -> list[Condition]:
        """The conditions the measured ``values`` do not satisfy (none: the check passes)."""
        return [c for c in self.conditions if not c.holds(values.get(c.value))]


@dataclass(frozen=True)
class Task:
    """Something the learner does; Next waits until every check passes (or the learner skips)."""

    checks: tuple[Check, ...]
    done: Text                                   # what to say when the checks pass
    status: Text | None = None                   # the live state while waiting, e.g. "z = {z}: …"
    hints: tuple[Text, ...] = ()
    answer: tuple[Action, ...] = ()              # actions that solve it (the tests play them)


@dataclass(frozen=True)
class Choice:
    """One answer a prediction offers; ``when`` (on the value "result") says when it is what
    happened — none: never the outcome by itself."""

    text: Text
    when: Condition | None = None


@dataclass(frozen=True)
class Prediction:
    """What the learner predicts before the step's experiment: a number in [low, high] or one of
    ``choices``. ``result`` ("probe", "value") is measured when the step's task passes: what
    happened, shown beside the prediction; ``takeaway`` is the step's one-line lesson (the sheet)."""

    question: Text
    takeaway: Text
    result: tuple[str, str]
    choices: tuple[Choice, ...] = ()
    low: float = 0.0
    high: float = 100.0
    decimals: int = 0
    unit: str = ""

    @property
    def is_number(self) -> bool:
        return not self.choices

    def valid(self, answer: object) -> TypeGuard[float | int]:
        """Whether ``answer`` is one this prediction takes: a finite number in range with at most
        ``decimals`` decimals, or a choice's index."""
        if isinstance(answer, bool) or not isinstance(answer, (int, float)):
            return False
        if self.is_number:
            return math.isfinite(answer) and self.low <= answer <= self.high
        return isinstance(answer, int) and 0 <= answer < len(self.choices)

    def outcome(self, measured: Any) -> int | None:
        """The index of the first choice whose ``when`` holds on ``measured`` (None: no choice)."""
        for i, choice in enumerate(self.choices):
            if choice.when is not None and choice.when.holds(measured):
                return i
        return None


@dataclass(frozen=True)
class Step:
    text: Text
    title: Text | None = None
    actions: tuple[Action, ...] = ()             # performed when the step begins (and on Reset)
    highlight: tuple[str, ...] = ()              # widgets outlined while the step shows
    hide: tuple[str, ...] = ()                   # widgets covered (with the lesson's own)
    lock: tuple[str, ...] = ()                   # widgets that take no input
    task: Task | None = None
    predict: Prediction | None = None            # asked before the task may be done


@dataclass(frozen=True)
class Lesson:
    name: str                                    # the file's name without .toml
    title: Text
    summary: Text
    steps: tuple[Step, ...]
    number: int | None = None                    # its place in the list of lessons
    concepts: tuple[str, ...] = ()               # vocabulary.CONCEPTS keys
    standard: str | None = None                  # e.g. "[12인기03-05]"
    minutes: int | None = None                   # how long it takes a class, about
    hide: tuple[str, ...] = ()                   # for every step
    lock: tuple[str, ...] = ()
    start: tuple[Action, ...] = ()               # the state it starts from, whichever step it opens at
    path: Path | None = field(default=None, compare=False)
    source: str = field(default="", compare=False, repr=False)   # the TOML it was read from (a setup embeds it)

    def hidden(self, step: int) -> tuple[str, ...]:
        return tuple(dict.fromkeys(self.hide + self.steps[step].hide))

    def locked(self, step: int) -> tuple[str, ...]:
        return tuple(dict.fromkeys(self.lock + self.steps[step].lock))

    def predictions(self) -> list[int]:
        """The steps (from 0) that ask for a prediction."""
        return [i for i, step in enumerate(self.steps) if step.predict is not None]

    def widgets(self) -> set[str]:
        """Every widget name the lesson uses (for the test that they all exist)."""
        names = set(self.hide) | set(self.lock) | {a.get("widget") for a in self.start if a.get("widget")}
        for step in self.steps:
            names |= set(step.highlight) | set(step.hide) | set(step.lock)
            actions = step.actions + (step.task.answer if step.task else ())
            names |= {a.get("widget") for a in actions if a.get("widget")}
            if step.task:
                names |= {c.widget for c in step.task.checks if c.widget}
        return names


# --- filling in measured values ---------------------------------------------------------------

PLACEHOLDER = re.compile(r"\{([a-z_][a-z0-9_]*(?:\.[a-z_][a-z0-9_]*)?)\}")


def format_value(value: object, digits: int | None = 2) -> str:
    """A measured value as a lesson writes it: −0.30, 93.4, 1.2e−03 (digits −1), 0.01 (digits None,
    as short as it is), 7, ✓ or ✗."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "–"
    if isinstance(value, bool):
        return "✓" if value else "✗"
    if isinstance(value, int):
        return f"{value:,}"
    if isinstance(value, float):
        if digits is None:
            text = f"{value:g}"
        else:
            text = f"{value:.2e}" if digits < 0 else f"{value:.{digits}f}"
        if float(text) == 0:
            text = text.lstrip("-")
        return text.replace("-", "−")
    return str(value)


def probe_digits(probe: str, value: str) -> int | None:
    spec = PROBES.get(probe, {}).get(value)
    return spec.digits if spec is not None else 2


def fill(template: str, values: dict[str, str]) -> str:
    """``template`` with each {name} replaced by ``values[name]`` (already formatted); an unknown
    name stays as written. Only plain names are looked up: nothing else is evaluated."""
    return PLACEHOLDER.sub(lambda m: values.get(m.group(1), m.group(0)), template)


def placeholders(template: str) -> list[str]:
    return PLACEHOLDER.findall(template)
