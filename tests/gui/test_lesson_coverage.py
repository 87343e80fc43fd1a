"""Every page and tab of the app is reached by some lesson step (issue 24 §1): a page or tab that
no step names — by a widget on it (highlighted, hidden, locked, set, pressed, checked, shown by its
answer) or by a ``screen`` check — fails, so a new page or tab comes with a lesson step."""

import dataclasses

import pytest
from PySide6.QtCore import QCoreApplication, QEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QWidget

from annviz.lessons.library import catalog
from run_ends import open_window

LESSONS = [e.lesson for e in catalog() if e.bundled]

#: Places no lesson reaches yet, each with the work that will reach it. The test fails as soon as
#: one of them is reached (take it out then) — and for any other place no step reaches.
NOT_YET: dict[tuple[str, str], str] = {}


@pytest.fixture(scope="module")
def window(qapp, tmp_path_factory):
    window = open_window(tmp_path_factory.mktemp("coverage") / "settings.ini")
    yield window
    window.training.controller.shutdown()
    window.close()
    window.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete.value)
    QTest.qWait(1)


def places(window) -> dict:
    """(page, tab) → its widget, for every page, every tab of a page with tabs (lab, insight) and
    every tab beside the training page's charts, the weight pictures and the diagram included (they
    fold into those tabs on a school screen with the lesson drawer open)."""
    found = {}
    for i in range(window.tabs.count()):
        page = window.tabs.widget(i)
        name = page.objectName().removesuffix("-page")
        found[(name, "")] = page
        inner = getattr(page, "tabs", None)
        if name in ("lab", "insight", "training") and inner is not None:
            for j in range(inner.count()):
                tab = inner.widget(j)
                found[(name, tab.objectName().removeprefix(f"{name}-"))] = tab
        if name == "training":              # folded into the charts' tabs on a school screen
            for view in ("weights", "diagram"):
                found[(name, view)] = page.findChild(QWidget, f"training-{view}")
    return found


def step_names(step) -> set[str]:
    names = set(step.highlight) | set(step.hide) | set(step.lock)
    actions = step.actions + (step.task.answer if step.task else ())
    names |= {a.get("widget") for a in actions if a.get("widget")}
    if step.task:
        names |= {c.widget for c in step.task.checks if c.widget}
    return names


def step_screens(step) -> set[tuple[str, str]]:
    """The (page, tab) its screen checks ask for."""
    out = set()
    for check in step.task.checks if step.task else ():
        if check.probe == "screen":
            said = {c.value: c.operand for c in check.conditions if c.op == "eq"}
            page, tab = said.get("page"), said.get("tab", "")
            if page:
                out |= {(page, ""), (page, tab)}
    return out


def reached(window, lessons=LESSONS) -> set[tuple[str, str]]:
    where = places(window)
    driver = window.lessons.player.driver
    seen = set()
    for lesson in lessons:
        for step in lesson.steps:
            seen |= step_screens(step)
            for name in step_names(step):
                widget = driver.find(name)
                seen |= {place for place, holder in where.items() if holder is widget or holder.isAncestorOf(widget)}
    return seen


def test_every_page_and_tab_is_named_by_a_lesson_step(window):
    where = places(window)
    assert len([p for p in where if p[1] == ""]) == 6 and ("insight", "data") in where   # the app as it is
    assert {("training", t) for t in ("curves", "histograms", "compare", "inspector", "weights", "diagram")} <= set(where)
    seen = reached(window)
    missing = sorted(set(where) - seen - set(NOT_YET))
    assert not missing, f"no lesson step reaches {missing}"
    assert not seen & set(NOT_YET), f"reached now, take out of NOT_YET: {sorted(seen & set(NOT_YET))}"


@pytest.mark.parametrize("lesson, place, last", [
    ("how-good", ("insight", "data"), 1), ("how-good", ("insight", "why"), 2),
    ("digit-network", ("insight", "matrix"), 2), ("learning", ("mydigits", ""), 1),
    ("reading-a-run", ("training", "histograms"), 4), ("reading-a-run", ("training", "compare"), 4),
    ("reading-a-run", ("training", "inspector"), 4), ("reading-a-run", ("training", "weights"), 4),
    ("reading-a-run", ("training", "diagram"), 4),
    ("convolution", ("convolution", ""), 8)])
def test_the_check_fails_for_a_place_only_the_new_step_reaches(window, lesson, place, last):
    """Without the ``last`` steps issue 24 added at the end of ``lesson``, ``place`` is reached by none."""
    shorter = [dataclasses.replace(x, steps=x.steps[:-last]) if x.name == lesson else x for x in LESSONS]
    assert place not in reached(window, shorter)
