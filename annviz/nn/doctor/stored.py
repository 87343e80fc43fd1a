"""The doctor's diagnoses kept in a recording file (``.annviz-run``'s ``diagnoses``), read back
trusting nothing.

They are written as ``Diagnosis.to_dict`` makes them (runwriter.py). ``read_diagnoses`` is the
recording reader's (runfile.py), with its field checks; every fault is its one ``RunFileError``
naming the field:

- at most one diagnosis of each code, each code one of ``CODES``;
- ``batch`` a whole number ≥ 1, ``named_at`` no earlier;
- the evidence: every number the diagnosis's text shows (``texts.explain`` formats them) a number
  (NaN and infinities as the doctor writes them), whole numbers where the text counts, the evidence
  plot's series at most ``MAX_SERIES_POINTS`` numbers of each kind, its label a short text;
- each fix (at most two): settings of ``TrainConfig``, read as a configuration file's are
  (``configfile.read_config`` on the run's own configuration with the fix's settings), and one
  that the texts can describe (``describe_fix``: what the button beside it says).

Evidence keys it does not know are dropped (a newer annviz may show more); a file without
``diagnoses`` (written before they were kept) has none.
"""

from __future__ import annotations

import string
from collections.abc import Sequence
from typing import Any, Protocol

from annviz.messages import Phrase
from annviz.nn.config import TrainConfig
from annviz.nn.configfile import read_config
from annviz.nn.doctor.diagnosis import CODES, MAX_SERIES_POINTS, Diagnosis, Fix
from annviz.nn.doctor.texts import describe_fix, explanations
from annviz.nn.limits import MAX_LAYERS
from annviz.safeio import FileFormatError, FilePath, describe

MAX_FIXES = 2
MAX_STEP = 2**53
MAX_EPOCHS = 10**7
MAX_LABEL = 200

#: evidence key → its kind: "number", (lowest, highest) for a whole number, "numbers" (a list, a
#: value per layer, None where it does not apply), a tuple of texts it may be, or "series".
EVIDENCE: dict[str, Any] = {   # Any: a word, a (lowest, highest) or a tuple of words, told apart below
    "ratio": "number", "loss": "number", "first_loss": "number", "lr": "number",
    "last_loss": "number", "gradient_ratio": "number", "share": "number", "accuracy": "number",
    "chance": "number", "train_accuracy": "number", "val_accuracy": "number", "gap": "number",
    "best_val_accuracy": "number",
    "layer": (0, MAX_LAYERS + 1), "layers": (1, MAX_LAYERS + 1), "best_epoch": (1, MAX_EPOCHS),
    "gradient_norms": "numbers", "shares": "numbers",
    "what": ("weights", "outputs", "loss"), "sign": ("loss", "steps"),
    "series": "series",
}


class Reader(Protocol):
    """The checks of the recording reader (runfile's, which imports this module) used here."""

    @property
    def path(self) -> FilePath: ...
    def fail(self, code: str, **values: Any) -> FileFormatError: ...
    def field(self, obj: dict, key: str, kind: type | tuple[type, ...], where: str = "", required: bool = True,
              default: Any = None) -> Any: ...
    def integer(self, obj: dict, key: str, lo: int, hi: int, where: str = "", required: bool = True,
                default: Any = None) -> int: ...
    def one_of(self, obj: dict, key: str, known: Sequence[str], where: str = "") -> str: ...
    def items(self, obj: dict, key: str, most: int, where: str = "") -> list: ...


def needed(code: str) -> set[str]:
    """The evidence keys the texts of ``code`` show (besides ``batch``): any of them may be the
    one shown."""
    return {name for text in explanations(code)
            for _, name, _, _ in string.Formatter().parse(text) if name} - {"batch"}


def read_diagnoses(r: Reader, value: object, config: TrainConfig, error: type[FileFormatError]) -> list[Diagnosis]:
    """The diagnoses of the list ``value`` (the metadata's ``diagnoses``), checked by ``r`` (the
    recording reader: ``field``, ``integer``, ``one_of``, ``items``, ``fail``, ``path``) for a run
    trained with ``config``; ``error``: the reader's error kind."""
    if not isinstance(value, list):
        raise r.fail("field_type", field="diagnoses", wanted=Phrase("type.list"), found=describe(value))
    if len(value) > len(CODES):
        raise r.fail("field_count_most", field="diagnoses", n=len(value), most=len(CODES))
    diagnoses: list[Diagnosis] = []
    for i, entry in enumerate(value):
        where = f"diagnoses[{i}]."
        if not isinstance(entry, dict):
            raise r.fail("field_type", field=where[:-1], wanted=Phrase("type.object"), found=describe(entry))
        code = r.one_of(entry, "code", CODES, where)
        if any(d.code == code for d in diagnoses):
            raise r.fail("run.diagnosis_twice", field=where[:-1], name=code)
        batch = r.integer(entry, "batch", 1, MAX_STEP, where)
        named_at = r.integer(entry, "named_at", batch, MAX_STEP, where)
        evidence = _evidence(r, r.field(entry, "evidence", dict, where), code, f"{where}evidence.")
        fixes = tuple(_fix(r, f, config, error, f"{where}fix[{j}].")
                      for j, f in enumerate(r.items(entry, "fix", MAX_FIXES, where)))
        diagnoses.append(Diagnosis(code, batch, named_at, evidence, fixes))
    return diagnoses


def _evidence(r: Reader, entry: dict, code: str, where: str) -> dict[str, Any]:
    evidence: dict[str, Any] = {}
    for key in needed(code) - set(entry):
        raise r.fail("field_missing", field=where + key)
    for key, kind in EVIDENCE.items():
        if key not in entry:
            continue
        if kind == "number":
            value = entry[key]
            if value is None and key not in needed(code):
                evidence[key] = None
                continue
            evidence[key] = _number(r, value, where + key)
        elif isinstance(kind, tuple) and isinstance(kind[0], int):
            evidence[key] = r.integer(entry, key, kind[0], kind[1], where)
        elif kind == "numbers":
            items = r.items(entry, key, MAX_LAYERS + 1, where)
            evidence[key] = [None if v is None else _number(r, v, f"{where}{key}") for v in items]
        elif kind == "series":
            evidence[key] = _series(r, entry[key], f"{where}{key}.")
        else:
            evidence[key] = r.one_of(entry, key, kind, where)
    return evidence


def _number(r: Reader, value: object, field: str) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise r.fail("field_type", field=field, wanted=Phrase("type.number"), found=describe(value))
    return float(value)


def _series(r: Reader, entry: object, where: str) -> dict[str, Any] | None:
    if entry is None:
        return None
    if not isinstance(entry, dict):
        raise r.fail("field_type", field=where[:-1], wanted=Phrase("type.object"), found=describe(entry))
    label = r.field(entry, "label", str, where)[:MAX_LABEL]
    batches = r.items(entry, "batch", MAX_SERIES_POINTS, where)
    values = r.items(entry, "value", MAX_SERIES_POINTS, where)
    if len(values) != len(batches):
        raise r.fail("field_count", field=f"{where}value", n=len(batches), found=len(values))
    for b in batches:
        if isinstance(b, bool) or not isinstance(b, int) or not 0 <= b <= MAX_STEP:
            raise r.fail("field_int_range", field=f"{where}batch", lo=0, hi="2^53", value=describe(b))
    reference = entry.get("reference")
    return {"label": label, "batch": list(batches),
            "value": [None if v is None else _number(r, v, f"{where}value") for v in values],
            "reference": None if reference is None else _number(r, reference, f"{where}reference")}


def _fix(r: Reader, entry: object, config: TrainConfig, error: type[FileFormatError], where: str) -> Fix:
    if not isinstance(entry, dict):
        raise r.fail("field_type", field=where[:-1], wanted=Phrase("type.object"), found=describe(entry))
    settings = r.field(entry, "set", dict, where)
    known = config.to_dict()
    if not settings or any(key not in known for key in settings):
        raise r.fail("run.diagnosis_fix", field=f"{where}set")
    fixed = read_config({**known, **settings}, r.path, error, where=f"{where}set.")
    fix = Fix({key: getattr(fixed, key) for key in settings})
    try:
        describe_fix(fix)
    except (KeyError, ValueError, TypeError):
        raise r.fail("run.diagnosis_fix", field=f"{where}set") from None
    return fix
