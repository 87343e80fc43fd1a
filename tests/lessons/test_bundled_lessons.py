"""The bundled lessons read, are complete in both languages, and the teachers' README documents
everything a lesson may use (and its example lesson is a lesson)."""

import re
import tomllib

import pytest

from annviz.lessons import read_lesson
from annviz.lessons.lessonfile import parse_lesson
from annviz.lessons.library import bundled_folder, catalog
from annviz.lessons.vocabulary import ACTIONS, CONCEPTS, PROBES, WIDGETS

README = bundled_folder() / "README.md"
HANGUL = re.compile(r"[\uac00-\ud7a3]")
BUNDLED = sorted(bundled_folder().glob("*.toml"))


def texts_of(lesson):
    yield "title", lesson.title
    yield "summary", lesson.summary
    for i, step in enumerate(lesson.steps, 1):
        yield f"step {i}", step.text
        if step.title:
            yield f"step {i} title", step.title
        if step.task:
            yield f"step {i} done", step.task.done
            if step.task.status:
                yield f"step {i} status", step.task.status
            for hint in step.task.hints:
                yield f"step {i} hint", hint
        if step.predict:
            yield f"step {i} prediction", step.predict.question
            yield f"step {i} takeaway", step.predict.takeaway
            for k, choice in enumerate(step.predict.choices, 1):
                yield f"step {i} choice {k}", choice.text


@pytest.mark.parametrize("path", BUNDLED, ids=lambda p: p.stem)
def test_every_text_of_a_bundled_lesson_exists_in_english_and_korean(path):
    lesson = read_lesson(path)
    for where, text in texts_of(lesson):
        assert text.en.strip() and text.ko.strip(), where
        assert HANGUL.search(text.ko), f"{path.name} {where}: the Korean text has no Korean"
        assert not HANGUL.search(text.en), f"{path.name} {where}: the English text has Korean"
    assert lesson.concepts and all(c in CONCEPTS for c in lesson.concepts)
    assert lesson.minutes is not None and 5 <= lesson.minutes <= 50, f"{path.name}: how long does it take?"
    assert lesson.standard in (None, "[12인기03-05]")


@pytest.mark.parametrize("path", BUNDLED, ids=lambda p: p.stem)
def test_every_task_of_a_bundled_lesson_has_a_hint_or_status_and_an_answer(path):
    for i, step in enumerate(read_lesson(path).steps, 1):
        if step.task is not None:
            assert step.task.answer, f"{path.name} step {i}: the tests need an answer"
            assert step.task.status is not None, f"{path.name} step {i}: say what the learner sees"


@pytest.mark.parametrize("path", BUNDLED, ids=lambda p: p.stem)
def test_every_bundled_lesson_asks_for_a_prediction_whose_outcome_its_answer_can_show(path):
    lesson = read_lesson(path)
    asked = lesson.predictions()
    assert asked, f"{path.name}: predict, then see — no step asks for a prediction"
    for i in asked:
        prediction = lesson.steps[i].predict
        probes = {c.probe for c in lesson.steps[i].task.checks}
        assert prediction.result[0] in probes, f"{path.name} step {i + 1}: the result is not what its task reads"
        if prediction.choices:        # the choice that its task's passing means is one the learner can pick
            assert any(c.when is not None for c in prediction.choices), f"{path.name} step {i + 1}"


def test_eleven_bundled_lessons_and_no_broken_file():
    entries = [e for e in catalog() if e.bundled]
    assert [e.error for e in entries] == [None] * 11


def test_the_readme_plans_fit_their_periods():
    """The teachers' plans (English and Korean) add up the lessons' own minutes to no more than the period."""
    text = README.read_text(encoding="utf-8")
    minutes = {e.lesson.number: e.lesson.minutes for e in catalog() if e.bundled}
    plans = re.findall(r"<!-- plan (\d+) min: ([\d, ]+) -->", text)
    assert sorted(int(p) for p, _ in plans) == [45, 50, 50], plans
    for period, lessons in plans:
        total = sum(minutes[int(n)] for n in lessons.split(","))
        assert total <= int(period), (period, lessons, total)
        for n in lessons.split(","):
            assert f"lesson {int(n)}" in text.split(f"<!-- plan {period} min: {lessons} -->", 1)[1][:900]


def test_the_readme_example_is_a_lesson():
    text = README.read_text(encoding="utf-8")
    example = re.search(r"```toml\n(.*?)```", text, re.DOTALL).group(1)
    lesson = parse_lesson(tomllib.loads(example), "tasty.toml")
    assert lesson.steps[0].task.checks[0].probe == "neuron" and len(lesson.steps) == 2


def test_the_readme_lists_every_name_action_probe_value_and_concept():
    text = README.read_text(encoding="utf-8")
    for name, widget in WIDGETS.items():
        assert f"| `{name}` | {widget.kind} |" in text, name
    for action in ACTIONS:
        assert f"| `{action}` |" in text, action
    for probe, values in PROBES.items():
        section = text.split(f"### `{probe}`", 1)[1].split("###", 1)[0]
        for value in values:
            assert f"| `{value}` |" in section, (probe, value)
    for concept in CONCEPTS:
        assert f"`{concept}`" in text, concept
    for path in BUNDLED:
        assert f"`{path.name}`" in text, path.name
