"""My lesson sheet (issue 24 §2): at the end of a lesson, each prediction, what happened and the
step's one-line lesson, printed to PDF by Qt in the interface's language. The PDF's own text layer
is read back (tests/gui/pdf_text.py): the words are the ones the learner saw, in their language —
not the other language's, not a prediction from another lesson, not a result never measured."""

import re
import unicodedata

import pytest
from PySide6.QtWidgets import QMessageBox

from annviz.lessons import find
from annviz.lessons.prediction import Made
from lesson_answers import lesson_window
from pdf_text import pdf_pages


def squeezed(text: str) -> str:
    """Text as compared: NFKC (the ﬁ ligature is fi), tags, white space and control characters
    removed (a fallback font's space may come out of the PDF as U+0001)."""
    text = unicodedata.normalize("NFKC", re.sub(r"<[^<>]*>", "", text))
    return "".join(c for c in text if not c.isspace() and unicodedata.category(c) != "Cc")


@pytest.fixture(scope="module")
def window(qapp, tmp_path_factory):
    with lesson_window(tmp_path_factory.mktemp("sheet") / "settings.ini") as window:
        yield window


def play_threshold_to_its_end(window, guess: float) -> None:
    """Threshold and bias: predict b, set θ = 3, then Next to the last step."""
    player, panel = window.lessons.player, window.lessons.panel
    window.settings.remove("lessons/predictions/threshold")
    player.open(find("threshold"), 0)
    panel.prediction.set_answer(guess)
    panel.prediction.commit_button.click()
    for action in player.lesson.steps[0].task.answer:
        player.driver.perform(action)
    assert player.check_now()
    panel.next_button.click()
    for action in player.lesson.steps[1].task.answer:
        player.driver.perform(action)
    assert player.check_now()
    panel.next_button.click()
    assert player.index == len(player.lesson.steps) - 1


#: Per language: the words the sheet must hold, and words that would mean the wrong sheet.
WORDS = {
    "en": (["My lesson sheet", "2. Threshold and bias", "what will the bias b be?",
            "−2.5", "−3.00", "The bias is the threshold with its sign turned: b = −θ.", "Name:", "Predictions made: 1 of 1"],
           ["임계값과 편향", "나의 수업 기록지", "not made", "not seen yet"]),
    "ko": (["나의 수업 기록지", "2. 임계값과 편향", "편향 b는 얼마가 될까요?", "−2.5", "−3.00",
            "편향은 부호를 바꾼 임계값입니다: b = −θ.", "이름:"],
           ["Threshold and bias", "My lesson sheet", "what will the bias b be?"]),
}


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_the_sheet_prints_to_pdf_in_the_language_on_screen(window, tmp_path, lang):
    window.set_language(lang)
    play_threshold_to_its_end(window, -2.5)
    panel = window.lessons.panel
    assert panel.sheet_button.isVisibleTo(panel), "no sheet at the end of a lesson that asked for a prediction"
    panel.sheet_button.click()
    sheet = window.lessons.sheet
    assert sheet is not None and sheet.isVisible()
    path = sheet.save(tmp_path / f"sheet-{lang}")                # the .pdf is added
    assert path == tmp_path / f"sheet-{lang}.pdf"
    data = path.read_bytes()
    assert data.startswith(b"%PDF-") and data.rstrip().endswith(b"%%EOF")
    assert 5_000 < len(data) < 2_000_000, len(data)
    pages = pdf_pages(data)
    assert len(pages) == 1, len(pages)
    text = squeezed(pages[0])
    must, must_not = WORDS[lang]
    missing = [w for w in must if squeezed(w) not in text]
    assert not missing, f"{missing} not in the {lang} sheet: {pages[0][:400]}"
    wrong = [w for w in must_not if squeezed(w) in text]
    assert not wrong, f"{wrong} in the {lang} sheet"
    assert squeezed(sheet.view.toPlainText()).startswith(squeezed(must[0]))   # on screen too
    sheet.close()
    window.set_language("en")


def test_a_prediction_not_made_and_a_result_not_seen_say_so(window, tmp_path):
    window.set_language("en")
    player = window.lessons.player
    window.settings.remove("lessons/predictions/learning")
    player.open(find("learning"), 0)
    window.lessons.panel.catalog_button.click()                   # the list, the lesson chosen
    sheet = window.lessons.show_sheet(find("learning"))
    text = squeezed(pdf_pages(sheet.save(tmp_path / "none.pdf").read_bytes())[0])
    assert squeezed("not made") in text and squeezed("Predictions made: 0 of 2") in text   # η = 1000, the doctor's η
    player.open(find("learning"), 1)
    player.predict(2)                                             # "blow up", before training starts
    sheet = window.lessons.show_sheet(find("learning"))
    text = squeezed(pdf_pages(sheet.save(tmp_path / "unseen.pdf").read_bytes())[0])
    assert squeezed("blow up") in text and squeezed("not seen yet") in text
    assert "✓" not in text and "✗" not in text
    player.close_lesson()
    sheet.close()


def test_a_sheet_that_cannot_be_written_says_why_and_writes_nothing(window, tmp_path, monkeypatch):
    said = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *args: said.append(args[2]))
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    sheet = window.lessons.show_sheet(find("threshold"))
    assert sheet.save(blocker / "sheet.pdf") is None
    assert len(said) == 1 and "sheet.pdf" in said[0]
    assert blocker.read_text() == "not a folder"
    sheet.close()


def test_the_first_page_renders_with_ink_where_the_pdf_has_text(window):
    """The README's picture of the sheet: the same document on an A4 page, not a blank one."""
    from annviz.gui.lessons.sheet import first_page, sheet_document

    window.set_language("ko")
    image = first_page(sheet_document(find("threshold"), {0: Made(-2.5, "−3.00")}, "ko"))
    window.set_language("en")
    assert (image.width(), image.height()) == (794, 1123)           # A4 at 96 dpi
    dark = sum(1 for y in range(0, image.height(), 4) for x in range(0, image.width(), 4)
               if image.pixelColor(x, y).lightness() < 128)
    top = sum(1 for y in range(0, image.height() // 3, 4) for x in range(0, image.width(), 4)
              if image.pixelColor(x, y).lightness() < 128)
    assert dark > 200 and top == dark, (dark, top)     # the sheet's text, all in the page's top third
