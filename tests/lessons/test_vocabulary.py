"""The words a lesson may use, as the teachers' README documents them: every widget's row gives its
kind, what it is and its values; every probe value's row its type, what it is and its choices — the
very words of ``vocabulary``, so that what a teacher reads is what the reader accepts. And a
measured value is shown with the decimals its probe names."""

import re
import types
from pathlib import Path

import pytest

from annviz.lessons import vocabulary
from annviz.lessons.model import format_value, probe_digits

README = (Path(__file__).parents[2] / "resources" / "lessons" / "README.md").read_text(encoding="utf-8")


def built() -> types.ModuleType:
    """The vocabulary as its file builds it, run afresh: its tables are made when the module runs
    (at the app's start), so this is what a start of the app would hold."""
    module = types.ModuleType(vocabulary.__name__)
    module.__file__ = vocabulary.__file__
    source = Path(vocabulary.__file__).read_text(encoding="utf-8")
    exec(compile(source, vocabulary.__file__, "exec"), module.__dict__)   # noqa: S102 (the project's own file)
    return module


WIDGETS, PROBES = vocabulary.WIDGETS, vocabulary.PROBES


def _shown(value) -> str:
    return f"`{value:g}`" if isinstance(value, float) else f"`{value}`"


def _row(text: str, name: str) -> tuple[str, str]:
    """The second and third columns of the README's row of ``name``."""
    found = re.search(rf"^\| `{re.escape(name)}` \| ([^|]+) \| (.+) \|$", text, re.MULTILINE)
    assert found, name
    return found[1], found[2]


def test_every_widget_row_says_its_kind_what_it_is_and_its_values():
    fresh = built()
    assert fresh.WIDGETS.keys() == WIDGETS.keys()
    for name, widget in fresh.WIDGETS.items():
        kind, about = _row(README, name)
        assert kind == widget.kind, name
        assert isinstance(widget.about, str) and widget.about and about, name    # says what it is
        if widget.values:
            assert about.endswith(" — values: " + ", ".join(map(_shown, widget.values))), name
        else:
            assert "values:" not in about, name
    assert fresh.WIDGETS["lab-neuron-preset"].values == ("free", "tasty")   # a tuple, as the reader compares
    assert fresh.WIDGETS["lab-neuron-preset"].about == "Example: free or Is it tasty?"
    assert fresh.WIDGETS["training-dataset"].values == ()                    # any text


def test_every_probe_value_row_says_its_type_what_it_is_and_its_choices():
    fresh = built()
    for probe, values in fresh.PROBES.items():
        section = README.split(f"### `{probe}`", 1)[1].split("###", 1)[0]
        for value, spec in values.items():
            kind, about = _row(section, value)
            assert kind == spec.type, (probe, value)
            assert isinstance(spec.about, str) and spec.about and about, (probe, value)
            choices = [c for c in spec.choices if c != ""]
            if choices:
                assert about.endswith(" — one of " + ", ".join(f"`{c}`" for c in choices)), (probe, value)
            else:
                assert "one of `" not in about, (probe, value)
    assert fresh.PROBES["neuron"]["activation"].choices == ("step", "sigmoid", "tanh", "relu", "leaky_relu")
    assert fresh.PROBES["neuron"]["z"].about == "the weighted input z = w·x + b"
    assert fresh.PROBES["gate"]["table"].choices == ()


@pytest.mark.parametrize("probe, value, measured, shown", [
    ("neuron", "z", -0.304, "−0.30"),                  # a number: 2 decimals
    ("playground", "train_loss", 0.12345, "0.123"),    # 3 decimals
    ("evaluation", "accuracy", 93.456, "93.46"),
    ("touch", "drop", 1.25, "1.2"),                    # 1 decimal
    ("convolution", "pointed_share", 42.4, "42"),     # none
    ("nudge", "h", 0.001234, "1.23e−03"),              # scientific
    ("neuron", "inputs", 3, "3"),
    ("nobody", "z", 0.5, "0.50"),                      # a name the vocabulary lacks: 2 decimals
    ("neuron", "nothing", 0.5, "0.50"),
])
def test_a_measured_value_is_shown_with_its_probes_decimals(probe, value, measured, shown):
    assert format_value(measured, probe_digits(probe, value)) == shown
    fresh = built().PROBES                                       # the tables as a start of the app builds them
    if value in fresh.get(probe, {}):
        assert format_value(measured, fresh[probe][value].digits) == shown


def test_a_whole_number_probe_shows_a_measured_float_without_decimals():
    digits = built().PROBES["evaluation"]["answered"].digits
    assert format_value(1e6, digits) == "1000000" and format_value(7.0, digits) == "7"
