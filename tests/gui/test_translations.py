"""Korean: every string the GUI passes through tr() has a finished translation that keeps its
placeholders, and every shipped .qm is what pyside6-lrelease makes of its .ts today."""

import re
import shutil
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from annviz.gui.i18n import i18n_dir

GUI = Path(__file__).resolve().parents[2] / "annviz" / "gui"
PLACEHOLDER = re.compile(r"%(?:\d+|n)|\{[^}]*\}")


def _tool(name: str) -> str:
    import PySide6

    exe = shutil.which(f"pyside6-{name}") or str(Path(PySide6.__file__).parent / name)
    return exe


def _messages(ts: Path):
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name")
        for message in context.iter("message"):
            yield name, message


def test_every_tr_string_in_the_gui_has_a_korean_translation(tmp_path):
    sources = sorted(str(p) for p in GUI.rglob("*.py"))
    scanned = tmp_path / "all_ko.ts"
    subprocess.run([_tool("lupdate"), *sources, "-ts", str(scanned)], check=True, capture_output=True)
    wanted = {(ctx, m.findtext("source")) for ctx, m in _messages(scanned)}
    translated = {}
    for ts in i18n_dir().glob("*_ko.ts"):
        for ctx, m in _messages(ts):
            t = m.find("translation")
            if t is not None and t.get("type") not in ("unfinished", "obsolete", "vanished") and (t.text or "").strip():
                translated[(ctx, m.findtext("source"))] = t.text
    missing = sorted(wanted - set(translated))
    assert len(wanted) > 300
    assert not missing, f"{len(missing)} strings lack a Korean translation, e.g. {missing[:5]}"
    for key in wanted:
        assert sorted(PLACEHOLDER.findall(key[1])) == sorted(PLACEHOLDER.findall(translated[key])), key


@pytest.mark.parametrize("ts", sorted(i18n_dir().glob("*_ko.ts")), ids=lambda p: p.stem)
def test_the_shipped_qm_is_compiled_from_its_ts(ts, tmp_path):
    out = tmp_path / ts.with_suffix(".qm").name
    subprocess.run([_tool("lrelease"), str(ts), "-qm", str(out)], check=True, capture_output=True)
    assert out.read_bytes() == ts.with_suffix(".qm").read_bytes(), f"run pyside6-lrelease {ts.name}"


def test_one_word_per_colour(tmp_path):
    """docs/COLOURS.md: positive is "orange" (주황), never "red" (빨강), in every text on screen."""
    for ts in i18n_dir().glob("*_ko.ts"):
        for _, m in _messages(ts):
            assert not re.search(r"\bred\b", m.findtext("source") or "", re.IGNORECASE), m.findtext("source")
            assert "빨" not in (m.findtext("translation") or ""), m.findtext("source")


def test_switching_languages_again_and_again_keeps_only_the_translators_in_use(qapp):
    # each switch used to leave the last language's translators (every .qm, loaded) behind as
    # the application's children, for as long as it ran
    from PySide6.QtCore import QTranslator

    from annviz.gui.i18n import set_language
    try:
        set_language("ko")
        in_use = len(qapp.findChildren(QTranslator))
        assert in_use >= 2                                   # annviz's own and Qt's
        for _ in range(3):
            set_language("en")
            set_language("ko")
        assert len(qapp.findChildren(QTranslator)) == in_use
        set_language("en")
        assert qapp.findChildren(QTranslator) == []
    finally:
        set_language("en")
