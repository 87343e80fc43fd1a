"""Every reader's error carries a code of annviz.messages, with the values its sentence needs, and
every sentence has a Korean translation that keeps its fields — checked in the source itself, so
that a new message cannot be added in English only."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from annviz.messages import MESSAGES, Phrase, fields
from handmade import korean

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "annviz"
#: The modules that read files, whose errors must all carry a code.
READERS = ["safeio.py", "nn/tensorfile.py", "nn/modelfile.py", "nn/foreign.py", "nn/foreign_cnn.py",
           "nn/cnnfile.py", "nn/layers.py", "nn/runfile.py",
           "nn/configfile.py", "setupfile.py", "gui/setup.py", "lessons/lessonfile.py", "lessons/prediction.py",
           "lessons/library.py",
           "data/images.py", "data/idx.py", "data/mydigits.py"]
#: Calls that make an error from a code, and where the code is among their arguments.
CODE_AT = {"refuse": 0, "bad": 0, "Phrase": 0, "Refused": 0, "LayerError": 0, "error": 1, "fail": 1,
           "_problem": 1}
#: Helpers whose values are completed where they are raised.
COMPLETED_LATER = {("safeio.py", "Refused"), ("nn/tensorfile.py", "bad"), ("nn/foreign.py", "refuse")}
#: A call on a line that says so is a caller's mistake (a bad argument), not a file's fault.
NOT_A_FILE = "# a caller's mistake"
PROGRAMMING_ERRORS = {"ValueError", "TypeError", "KeyError", "RuntimeError", "AssertionError", "ConfigError"}


def code_position(name: str) -> int | None:
    if name in CODE_AT:
        return CODE_AT[name]
    if name.endswith("Error") and name not in PROGRAMMING_ERRORS:
        return 1
    return None


def calls(path: Path):
    """(line, callee's name, the argument where the code goes, keyword names, **values passed?)."""
    lines = path.read_text(encoding="utf-8").splitlines()
    for node in ast.walk(ast.parse("\n".join(lines))):
        if isinstance(node, ast.Call):
            func = node.func
            name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
            at = code_position(name)
            if at is None or len(node.args) <= at or NOT_A_FILE in lines[node.lineno - 1]:
                continue
            keywords = {k.arg for k in node.keywords if k.arg is not None}
            yield node.lineno, name, node.args[at], keywords, any(k.arg is None for k in node.keywords)


@pytest.mark.parametrize("module", READERS)
def test_every_error_a_reader_raises_has_a_code_and_the_values_its_sentence_needs(module):
    path = PACKAGE / module
    problems = []
    for line, name, argument, keywords, spread in calls(path):
        if isinstance(argument, ast.JoinedStr):
            problems.append(f"{module}:{line}: {name}(… f\"…\"): an English sentence, not a code")
        elif isinstance(argument, ast.Constant) and isinstance(argument.value, str):
            code = argument.value
            if code not in MESSAGES:
                problems.append(f"{module}:{line}: {name}(… {code[:40]!r}): not a code of annviz.messages")
            elif not spread and (module, name) not in COMPLETED_LATER:
                missing = fields(MESSAGES[code]) - keywords
                if missing:
                    problems.append(f"{module}:{line}: {code} needs {sorted(missing)}")
    assert not problems, "\n".join(problems)


def test_every_code_used_in_the_package_exists():
    unknown = set()
    for path in PACKAGE.rglob("*.py"):
        for _, _, argument, _, _ in calls(path):
            if isinstance(argument, ast.Constant) and isinstance(argument.value, str) \
                    and re.fullmatch(r"[a-z_]+\.[a-z_]+", argument.value) and argument.value not in MESSAGES:
                unknown.add(argument.value)
    assert not unknown, unknown




def test_every_sentence_has_a_korean_translation_that_keeps_its_fields():
    ko = korean()
    missing = [code for code, text in MESSAGES.items() if not ko.get(text, "").strip()]
    assert not missing, f"{len(missing)} sentences without Korean, e.g. {missing[:5]}"
    lost = [code for code, text in MESSAGES.items() if fields(ko[text]) != fields(text)]
    assert not lost, f"translations whose fields differ from the English: {lost}"


def test_a_phrase_and_an_error_are_english_on_the_command_line():
    from annviz.nn.modelfile import ModelFileError

    error = ModelFileError("m.safetensors", "is_folder", kind=Phrase("kind.model"))
    assert str(error) == "m.safetensors: is a folder, not a model file"
    assert error.code == "is_folder" and error.values["kind"] == Phrase("kind.model")
    with pytest.raises(KeyError):
        Phrase("no.such.code")
