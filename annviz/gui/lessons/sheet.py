"""My lesson sheet: each prediction of a lesson, what happened and the step's one-line lesson, on
paper or as a PDF (issue 24 §2).

``sheet_html(lesson, made, lang)`` writes the sheet as the few HTML tags ``QTextDocument`` lays
out: the lesson's title, a line for the learner's name, today's date, and a table with a row per
step that asks for a prediction (one not made says so). Its own words go through ``tr`` (context
``LessonSheet``), the lesson's in the interface's language. ``pdf_bytes`` prints the document with
Qt's own ``QPdfWriter`` (A4, paginated by ``QTextDocument.print_``), ``save_pdf`` writes it
atomically, and ``SheetDialog`` shows it with *Save as PDF…* and *Print…* (``QPrinter``, the
system's print dialog). Nothing is sent anywhere: the sheet is made from the predictions kept on
this machine.
"""

from __future__ import annotations

import html
import logging
from pathlib import Path

from PySide6.QtCore import QBuffer, QCoreApplication, QDate, QIODevice, QMarginsF, QRectF, QSizeF
from PySide6.QtGui import QColor, QImage, QPageLayout, QPageSize, QPainter, QPdfWriter, QTextDocument
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QMessageBox,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from annviz.gui.common import zoom
from annviz.gui.lessons.driver import current_language
from annviz.lessons.model import Lesson
from annviz.lessons.prediction import Made, answer_text
from annviz.safeio import write_atomic

log = logging.getLogger(__name__)

PDF_DPI = 300
MARGIN_MM = 15


def _t(text: str) -> str:
    """``text`` (already translated by the caller) escaped for the sheet's HTML."""
    return html.escape(text)


def sheet_html(lesson: Lesson, made: dict[int, Made], lang: str | None = None, date: QDate | None = None) -> str:
    """The sheet of ``lesson`` with the predictions ``made`` (by step), in ``lang``."""
    lang = lang or current_language()
    date = date or QDate.currentDate()
    number = f"{lesson.number}. " if lesson.number is not None else ""
    not_made = QCoreApplication.translate("LessonSheet", "not made")
    not_seen = QCoreApplication.translate("LessonSheet", "not seen yet")
    heading = QCoreApplication.translate("LessonSheet", "My lesson sheet")
    name = QCoreApplication.translate("LessonSheet", "Name:")
    day = QCoreApplication.translate("LessonSheet", "Date:")
    private = QCoreApplication.translate("LessonSheet", "Made with annviz on this computer; nothing was sent anywhere.")
    none_asked = QCoreApplication.translate("LessonSheet", "This lesson asks for no predictions.")
    rows = []
    for index in lesson.predictions():
        step = lesson.steps[index]
        prediction, mine = step.predict, made.get(index)
        if mine is None:
            said, seen = f"<i>{_t(not_made)}</i>", "–"
        else:
            said = _t(answer_text(prediction, mine.answer, lang))
            if mine.result is None:
                seen = f"<i>{_t(not_seen)}</i>"
            elif mine.outcome is not None:
                mark = " ✓" if mine.outcome == mine.answer else " ✗"
                seen = _t(prediction.choices[mine.outcome].text.get(lang)) + mark
            else:
                seen = _t(mine.result + (prediction.unit if prediction.is_number else ""))
        title = f"<b>{step.title.get(lang)}</b><br>" if step.title else ""
        rows.append(f"<tr><td>{index + 1}</td><td>{title}{prediction.question.get(lang)}</td>"
                    f"<td>{said}</td><td>{seen}</td><td>{prediction.takeaway.get(lang)}</td></tr>")
    if not rows:
        rows.append(f'<tr><td colspan="5">{_t(none_asked)}</td></tr>')
    heads = [QCoreApplication.translate("LessonSheet", "Step"),
             QCoreApplication.translate("LessonSheet", "The question"),
             QCoreApplication.translate("LessonSheet", "My prediction"),
             QCoreApplication.translate("LessonSheet", "What happened"),
             QCoreApplication.translate("LessonSheet", "What it shows")]
    count = QCoreApplication.translate("LessonSheet", "Predictions made: {made} of {asked}").format(
        made=sum(1 for i in lesson.predictions() if i in made), asked=len(lesson.predictions()))
    return "".join([
        f"<h2>{_t(heading)}</h2>",
        f"<h3>{number}{lesson.title.get(lang)}</h3>",
        f"<p>{_t(name)} ______________________ &nbsp;&nbsp; "
        f"{_t(day)} {date.toString('yyyy-MM-dd')}</p>",
        f"<p>{_t(count)}</p>",
        '<table border="1" cellspacing="0" cellpadding="4" width="100%">',
        "<tr>" + "".join(f"<th>{_t(h)}</th>" for h in heads) + "</tr>",
        *rows,
        "</table>",
        f"<p><small>{_t(private)}</small></p>",
    ])


def sheet_document(lesson: Lesson, made: dict[int, Made], lang: str | None = None,
                   date: QDate | None = None) -> QTextDocument:
    document = QTextDocument()
    document.setDefaultFont(zoom.unzoomed(zoom.font()))
    document.setHtml(sheet_html(lesson, made, lang, date))
    return document


def pdf_bytes(document: QTextDocument, title: str = "") -> bytes:
    """``document`` printed to PDF by Qt (A4 portrait, 15 mm margins), as bytes."""
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setTitle(title)
    writer.setCreator("annviz")
    writer.setResolution(PDF_DPI)
    writer.setPageLayout(QPageLayout(QPageSize(QPageSize.PageSizeId.A4), QPageLayout.Orientation.Portrait,
                                     QMarginsF(MARGIN_MM, MARGIN_MM, MARGIN_MM, MARGIN_MM),
                                     QPageLayout.Unit.Millimeter))
    document.print_(writer)
    del writer                               # ends the PDF: its trailer is written now
    buffer.close()
    return bytes(buffer.data())


def first_page(document: QTextDocument, dpi: int = 96) -> QImage:
    """The first A4 page of ``document`` as the PDF lays it out (15 mm margins), on white, at
    ``dpi`` (``document`` takes that page size)."""
    mm = dpi / 25.4
    page, margin = QSizeF(210 * mm, 297 * mm), MARGIN_MM * mm
    document.setPageSize(QSizeF(page.width() - 2 * margin, page.height() - 2 * margin))
    image = QImage(page.toSize(), QImage.Format.Format_RGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    painter.translate(margin, margin)
    document.drawContents(painter, QRectF(0, 0, page.width() - 2 * margin, page.height() - 2 * margin))
    painter.end()
    return image


def save_pdf(lesson: Lesson, made: dict[int, Made], path: str | Path, lang: str | None = None) -> Path:
    """The sheet as a PDF at ``path`` (written atomically); OSError if it cannot be written."""
    lang = lang or current_language()
    document = sheet_document(lesson, made, lang)
    title = QCoreApplication.translate("LessonSheet", "My lesson sheet")
    return write_atomic(path, pdf_bytes(document, f"{title}: {lesson.title.get(lang)}"))


class SheetDialog(QDialog):
    """The sheet on screen, with Save as PDF… and Print…."""

    def __init__(self, lesson: Lesson, made: dict[int, Made], parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("lesson-sheet")
        self.lesson, self.made = lesson, dict(made)
        self.view = QTextBrowser()
        self.view.setOpenLinks(False)
        self.save_button, self.print_button = QPushButton(), QPushButton()
        self.save_button.clicked.connect(lambda: self.save())
        self.print_button.clicked.connect(self.print_sheet)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.addButton(self.save_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.print_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.view, 1)
        layout.addWidget(buttons)
        self.resize(zoom.px(640), zoom.px(520))
        self.retranslate()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("My lesson sheet"))
        self.save_button.setText(self.tr("Save as PDF…"))
        self.print_button.setText(self.tr("Print…"))
        self.view.setHtml(sheet_html(self.lesson, self.made))

    def save(self, path: str | Path | None = None) -> Path | None:
        """Save the sheet as a PDF (asking where when ``path`` is None); a message if it cannot."""
        if path is None:
            suggested = f"{self.lesson.name}-sheet.pdf"
            path, _ = QFileDialog.getSaveFileName(self, self.tr("Save my lesson sheet"), suggested,
                                                  self.tr("PDF files (*.pdf)"))
            if not path:
                return None
        path = Path(path)
        if path.suffix.lower() != ".pdf":
            path = path.with_name(path.name + ".pdf")
        try:
            return save_pdf(self.lesson, self.made, path)
        except OSError as error:
            log.warning("the lesson sheet was not saved to %s: %s", path, error)
            QMessageBox.warning(self, self.tr("The sheet was not saved"),
                                self.tr("{path} could not be written: {why}").format(
                                    path=path, why=error.strerror or error))
            return None

    def print_sheet(self) -> None:
        """Print the sheet through the system's print dialog."""
        from PySide6.QtPrintSupport import QPrintDialog, QPrinter  # only when printing

        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        dialog = QPrintDialog(printer, self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            sheet_document(self.lesson, self.made).print_(printer)
