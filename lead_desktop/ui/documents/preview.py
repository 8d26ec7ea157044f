"""Preview a document before printing it: the PDF as it will print, and what stops a final copy.

The PDF is built on the read thread by :func:`lead_desktop.documents.build` (or
:func:`~lead_desktop.documents.cover_sheet`) and shown with QtPdf straight from memory. When the
consent gate (or the revocation rule) refuses the final form, the same document is built as a
DRAFT (watermarked) and every missing item is listed beside it; "Print final" then stays off,
with the reason shown. A final print is recorded (kind, form version, language, sha256) so a
reprint can be verified; a draft print is only audited. Nothing is written to disk unless the
worker explicitly saves a PDF, after a warning.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from PySide6.QtCore import QSize, Qt, Signal, Slot
from PySide6.QtGui import QGuiApplication, QKeySequence, QShortcut
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy import Connection

from lead_desktop import documents
from lead_desktop.documents import COVER_KIND, BuiltDocument
from lead_desktop.domain.text import fold
from lead_desktop.errors import Issue, LeadError, ValidationError
from lead_desktop.store.files import atomic_write
from lead_desktop.store.participants import get_participant
from lead_desktop.store.tx import Tx
from lead_desktop.ui import labels
from lead_desktop.ui.context import AppContext, Change, show_error, user_message
from lead_desktop.ui.documents.export import ask_printer, ask_save_path, confirm_unencrypted
from lead_desktop.ui.documents.printing import PdfBytes, prepare_printer, print_document
from lead_desktop.ui.record.fields import concerns, when_alive

logger = logging.getLogger(__name__)

ZOOM_STEP = 1.25
#: Kinds whose final form can be refused (the consent gate, the revocation rule).
GATED_PREFIXES = ("consent-", "revocation")


@dataclass(frozen=True)
class Built:
    """A built document and, when it is a draft because the final was refused, why."""

    doc: BuiltDocument
    missing: list[Issue] = field(default_factory=list)


def preferred_language(participant: dict[str, Any]) -> str:
    """The document language for a participant: Spanish when their preferred language says so
    (free text: "Spanish", "Español", "es"), else English."""
    said = fold(str(participant.get("preferred_language") or ""))
    return "es" if said == "es" or said.startswith(("span", "espa", "es-", "es ")) else "en"


def build_preview(
    conn: Connection,
    *,
    kind: str,
    participant_id: str,
    language: str | None,
    large_print: bool,
    consent_id: str | None,
    disclosure_id: str | None,
    demo: bool,
) -> Built:
    """The final document, or the draft with the gate's missing items (runs on the read thread).

    Without a ``language``, the participant's preferred one (see :func:`preferred_language`)."""
    if language is None:
        language = preferred_language(get_participant(conn, participant_id))
    if kind == COVER_KIND:
        if disclosure_id is None:
            raise LeadError("a cover sheet needs the disclosure it goes with")
        return Built(
            documents.cover_sheet(
                conn=conn,
                disclosure_id=disclosure_id,
                language=language,
                large_print=large_print,
                demo=demo,
            )
        )
    options: dict[str, Any] = {
        "conn": conn,
        "participant_id": participant_id,
        "language": language,
        "large_print": large_print,
        "consent_id": consent_id,
        "demo": demo,
    }
    try:
        return Built(documents.build(kind, **options))
    except ValidationError as refused:
        return Built(documents.build(kind, draft=True, **options), list(refused.issues))


def issue_text(issue: Issue) -> str:
    """One missing item as a sentence: the problem, then its fix."""
    text = labels.issue_message(issue)
    return text[:1].upper() + text[1:]


def file_name(doc: BuiltDocument) -> str:
    """A file name for a saved copy: kind and document id, never a person's name."""
    return f"{doc.kind}-{doc.document_id}{'-draft' if doc.draft else ''}.pdf"


class DocumentPreview(QDialog):
    """Shows a document as it will print; prints it, or saves it as PDF after a warning."""

    sig_built = Signal()
    """A freshly built document is shown (after opening, a language or size change)."""
    sig_printed = Signal(str)
    """A final document was printed or saved, and recorded; carries the stored document's id."""

    def __init__(
        self,
        ctx: AppContext,
        *,
        kind: str,
        participant_id: str,
        language: str | None,
        consent_id: str | None = None,
        disclosure_id: str | None = None,
        parent: QWidget | None = None,
    ) -> None:
        """``language`` is "en" or "es"; None picks the participant's preferred language."""
        super().__init__(parent)
        self.setObjectName("document_preview")
        self.ctx = ctx
        self.kind = kind
        self.participant_id = participant_id
        self.consent_id = consent_id
        self.disclosure_id = disclosure_id
        self._built: Built | None = None
        self._generation = 0
        self.pdf = PdfBytes(self)
        title = labels.code(kind.replace("-", "_"))
        self.setWindowTitle(self.tr("Preview: {0}").format(title))
        self.setAccessibleName(self.tr("Document preview"))
        self._build_ui(language)
        ctx.sig_changed.connect(self.on_ctx_changed)
        self.rebuild()

    # -- building ------------------------------------------------------------------------------

    def _build_ui(self, language: str | None) -> None:
        self.language = QComboBox()
        self.language.setObjectName("preview_language")
        self.language.setAccessibleName(self.tr("Language of the document"))
        self.language.addItem(self.tr("English"), "en")
        self.language.addItem(self.tr("Español"), "es")
        self._language_pending = language is None
        labels.select_data(self.language, language or "en")
        self.language.currentIndexChanged.connect(self.on_options_changed)
        language_label = QLabel(self.tr("&Language"))
        language_label.setBuddy(self.language)
        self.large_print = QCheckBox(self.tr("Lar&ge print"))
        self.large_print.setObjectName("preview_large_print")
        self.large_print.setAccessibleName(self.tr("Large print"))
        self.large_print.toggled.connect(self.on_options_changed)
        self.zoom_out = self._button("preview_zoom_out", self.tr("Zoom &out"), self.tr("Zoom out"))
        self.zoom_in = self._button("preview_zoom_in", self.tr("Zoom &in"), self.tr("Zoom in"))
        self.fit_width = self._button("preview_fit", self.tr("Fit &width"), self.tr("Fit width"))
        self.fit_width.setCheckable(True)
        self.fit_width.setChecked(True)
        self.zoom_out.clicked.connect(self.on_zoom_out_clicked)
        self.zoom_in.clicked.connect(self.on_zoom_in_clicked)
        self.fit_width.clicked.connect(self.on_fit_width_clicked)
        for keys, slot in (
            (QKeySequence.StandardKey.ZoomIn, self.on_zoom_in_clicked),
            (QKeySequence.StandardKey.ZoomOut, self.on_zoom_out_clicked),
        ):
            shortcut = QShortcut(keys, self)
            shortcut.activated.connect(slot)
        self.pages_label = QLabel()
        self.pages_label.setObjectName("preview_pages")
        self.pages_label.setAccessibleName(self.tr("Number of pages"))
        tools = QHBoxLayout()
        tools.addWidget(language_label)
        tools.addWidget(self.language)
        tools.addWidget(self.large_print)
        tools.addStretch(1)
        tools.addWidget(self.pages_label)
        tools.addWidget(self.zoom_out)
        tools.addWidget(self.zoom_in)
        tools.addWidget(self.fit_width)

        self.view = QPdfView()
        self.view.setObjectName("document_view")
        self.view.setAccessibleName(self.tr("The document as it will print"))
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.view.setDocument(self.pdf.document)
        self.notice = QLabel()
        self.notice.setObjectName("preview_notice")
        self.notice.setWordWrap(True)
        self.notice.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.notice.setTextFormat(Qt.TextFormat.PlainText)
        self.pages = QStackedWidget()
        self.pages.addWidget(self.notice)
        self.pages.addWidget(self.view)

        middle = QHBoxLayout()
        middle.addWidget(self.pages, 3)
        middle.addWidget(self._build_gate(), 1)

        self.status = QLabel()
        self.status.setObjectName("preview_status")
        self.status.setAccessibleName(self.tr("Document status"))
        self.status.setWordWrap(True)
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        bold = self.status.font()
        bold.setBold(True)
        self.status.setFont(bold)
        self.final_reason = QLabel()
        self.final_reason.setObjectName("print_final_reason")
        self.final_reason.setAccessibleName(self.tr("Why Print final is off"))
        self.final_reason.setWordWrap(True)
        self.final_reason.setTextFormat(Qt.TextFormat.PlainText)
        self.message = QLabel()
        self.message.setObjectName("preview_message")
        self.message.setAccessibleName(self.tr("What happened"))
        self.message.setWordWrap(True)
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.message.hide()

        self.print_final = self._button(
            "print_final", self.tr("Print &final…"), self.tr("Print final")
        )
        self.print_final.setDefault(True)
        self.print_draft = self._button(
            "print_draft", self.tr("Print &draft…"), self.tr("Print the draft")
        )
        self.save_pdf = self._button(
            "save_pdf", self.tr("&Save as PDF…"), self.tr("Save as PDF (not encrypted)")
        )
        self.close_button = self._button("preview_close", self.tr("Close"), self.tr("Close"))
        self.print_final.clicked.connect(self.on_print_final_clicked)
        self.print_draft.clicked.connect(self.on_print_draft_clicked)
        self.save_pdf.clicked.connect(self.on_save_pdf_clicked)
        self.close_button.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addWidget(self.save_pdf)
        buttons.addStretch(1)
        buttons.addWidget(self.print_draft)
        buttons.addWidget(self.print_final)
        buttons.addWidget(self.close_button)

        layout = QVBoxLayout(self)
        layout.addLayout(tools)
        layout.addLayout(middle, 1)
        layout.addWidget(self.status)
        layout.addWidget(self.final_reason)
        layout.addWidget(self.message)
        layout.addLayout(buttons)
        self.setTabOrder(self.language, self.large_print)
        self.setTabOrder(self.large_print, self.zoom_out)
        self.setTabOrder(self.zoom_out, self.zoom_in)
        self.setTabOrder(self.zoom_in, self.fit_width)
        self.setTabOrder(self.fit_width, self.view)
        self.setTabOrder(self.view, self.gate)
        self.setTabOrder(self.gate, self.save_pdf)
        self.setTabOrder(self.save_pdf, self.print_draft)
        self.setTabOrder(self.print_draft, self.print_final)
        self.setTabOrder(self.print_final, self.close_button)

    def _say(self, text: str) -> None:
        """Tell what happened (hidden when there is nothing to tell)."""
        self.message.setText(text)
        self.message.setVisible(bool(text))

    def _button(self, name: str, text: str, accessible: str) -> QPushButton:
        button = QPushButton(text)
        button.setObjectName(name)
        button.setAccessibleName(accessible)
        button.setAutoDefault(False)
        return button

    def _build_gate(self) -> QGroupBox:
        self.gate_box = QGroupBox(self.tr("Before it can be printed as final"))
        self.gate_box.setObjectName("preview_gate_box")
        layout = QVBoxLayout(self.gate_box)
        self.gate_summary = QLabel()
        self.gate_summary.setObjectName("preview_gate_summary")
        self.gate_summary.setWordWrap(True)
        bold = self.gate_summary.font()
        bold.setBold(True)
        self.gate_summary.setFont(bold)
        self.gate = QListWidget()
        self.gate.setObjectName("preview_gate")
        self.gate.setAccessibleName(self.tr("What is missing before the final form"))
        self.gate.setWordWrap(True)
        self.gate.setSpacing(3)
        layout.addWidget(self.gate_summary)
        layout.addWidget(self.gate, 1)
        layout.addStretch(0)  # keeps the summary at the top when the list is hidden
        self.gate_box.setVisible(self.kind.startswith(GATED_PREFIXES))
        return self.gate_box

    def sizeHint(self) -> QSize:  # noqa: N802
        metrics = self.fontMetrics()
        hint = QSize(metrics.averageCharWidth() * 150, metrics.lineSpacing() * 48)
        screen = self.screen() or QGuiApplication.primaryScreen()
        if screen is not None:
            hint = hint.boundedTo(screen.availableSize() * 0.9)
        return hint

    # -- loading -------------------------------------------------------------------------------

    def current_language(self) -> str:
        """The language chosen for the document ("en" or "es")."""
        return str(self.language.currentData())

    def document(self) -> BuiltDocument | None:
        """The document shown now (draft or final), or None while it is being built."""
        return self._built.doc if self._built else None

    def rebuild(self) -> None:
        """Build the document again with the chosen language and size (on the read thread)."""
        if self.ctx.store is None:
            return
        self._generation += 1
        generation = self._generation
        options: dict[str, Any] = {
            "kind": self.kind,
            "participant_id": self.participant_id,
            "language": None if self._language_pending else self.current_language(),
            "large_print": self.large_print.isChecked(),
            "consent_id": self.consent_id,
            "disclosure_id": self.disclosure_id,
            "demo": self.ctx.demo,
        }
        self.status.setText(self.tr("Preparing the document…"))
        self._set_actions(None)
        self.ctx.read(
            lambda conn: build_preview(conn, **options),
            lambda built: self._shown(generation, built),
            lambda error: self._failed(generation, error),
        )

    @when_alive
    def _shown(self, generation: int, built: Built) -> None:
        if generation != self._generation:
            return  # an older request; a newer one is on its way
        try:
            pages = self.pdf.load(built.doc.pdf)
        except LeadError as error:
            self._failed(generation, error)
            return
        self._built = built
        if self._language_pending:
            self._language_pending = False
            self.language.blockSignals(True)
            labels.select_data(self.language, built.doc.language)
            self.language.blockSignals(False)
        self.pages.setCurrentWidget(self.view)
        self.pages_label.setText(self.tr("{0} page(s)").format(pages))
        self._show_gate(built)
        self._set_actions(built)
        self.sig_built.emit()

    @when_alive
    def _failed(self, generation: int, error: BaseException) -> None:
        if generation != self._generation:
            return
        self._built = None
        self.pdf.close()
        self.notice.setText(user_message(error))
        self.pages.setCurrentWidget(self.notice)
        self.pages_label.setText("")
        self.status.setText(self.tr("This document cannot be shown."))
        self.gate.clear()
        self.gate_summary.setText("")
        self._set_actions(None)
        self.sig_built.emit()

    def _show_gate(self, built: Built) -> None:
        self.gate.clear()
        for issue in built.missing:
            item = QListWidgetItem("• " + issue_text(issue))
            item.setToolTip(issue_text(issue))
            self.gate.addItem(item)
        count = len(built.missing)
        if count == 0:
            self.gate_summary.setText(self.tr("Everything needed is here."))
        elif count == 1:
            self.gate_summary.setText(self.tr("1 item is missing:"))
        else:
            self.gate_summary.setText(self.tr("{0} items are missing:").format(count))
        self.gate.setVisible(bool(count))
        if count:
            self.gate_box.show()

    def _set_actions(self, built: Built | None) -> None:
        doc = built.doc if built else None
        final = doc is not None and not doc.draft
        self.print_final.setEnabled(final)
        self.print_draft.setEnabled(doc is not None and doc.draft)
        self.save_pdf.setEnabled(doc is not None)
        self.zoom_in.setEnabled(doc is not None)
        self.zoom_out.setEnabled(doc is not None)
        self.fit_width.setEnabled(doc is not None)
        reason = ""
        if built is not None and doc is not None and doc.draft:
            count = len(built.missing)
            reason = (
                self.tr(
                    "Print final is off: the form lacks 1 item, listed beside the preview. "
                    "A draft can still be printed for review."
                )
                if count == 1
                else self.tr(
                    "Print final is off: the form lacks {0} items, listed beside the preview. "
                    "A draft can still be printed for review."
                ).format(count)
            )
            self.status.setText(
                self.tr("DRAFT: not valid for signature or disclosure (document {0}).").format(
                    doc.document_id
                )
            )
        elif doc is not None:
            self.status.setText(
                self.tr("Final form, ready to print (document {0}).").format(doc.document_id)
            )
        self.final_reason.setText(reason)
        self.final_reason.setVisible(bool(reason))
        self.print_final.setToolTip(reason or self.tr("Print the final form and record it"))

    @Slot()
    def on_options_changed(self) -> None:
        """The language or the size changed: build again."""
        self._say("")
        self.rebuild()

    @Slot(object)
    def on_ctx_changed(self, change: Change) -> None:
        """Build again when the participant's record changed (not for our own print record)."""
        if change.entity != "document" and concerns(change, self.participant_id):
            self.rebuild()

    # -- zoom ----------------------------------------------------------------------------------

    @Slot()
    def on_zoom_in_clicked(self) -> None:
        """Show the pages larger."""
        self._zoom(ZOOM_STEP)

    @Slot()
    def on_zoom_out_clicked(self) -> None:
        """Show the pages smaller."""
        self._zoom(1 / ZOOM_STEP)

    def _zoom(self, factor: float) -> None:
        current = self.view.zoomFactor()
        self.view.setZoomMode(QPdfView.ZoomMode.Custom)
        self.view.setZoomFactor(min(max(current * factor, 0.25), 6.0))
        self.fit_width.setChecked(False)

    @Slot()
    def on_fit_width_clicked(self) -> None:
        """Fit the pages to the width of the preview (or keep the zoom when unticked)."""
        if self.fit_width.isChecked():
            self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        else:
            self.view.setZoomMode(QPdfView.ZoomMode.Custom)

    # -- printing ------------------------------------------------------------------------------

    @Slot()
    def on_print_final_clicked(self) -> None:
        """Print the final form (only when nothing is missing), then record it."""
        doc = self.document()
        if doc is not None and not doc.draft:
            self._print(doc)

    @Slot()
    def on_print_draft_clicked(self) -> None:
        """Print the draft (watermarked) for review; it is not recorded as a document."""
        doc = self.document()
        if doc is not None and doc.draft:
            self._print(doc)

    def _print(self, doc: BuiltDocument) -> None:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        prepare_printer(printer, doc.pdf, self.tr("LEAD document {0}").format(doc.document_id))
        ask_printer(self, printer, doc.pages, lambda: self._print_on(printer, doc))

    def _print_on(self, printer: QPrinter, doc: BuiltDocument) -> None:
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            pages = print_document(doc.pdf, printer)
        except LeadError as error:
            show_error(self, error)
            return
        finally:
            QGuiApplication.restoreOverrideCursor()
        self._say(self.tr("Sent {0} page(s) to the printer.").format(pages))
        self._record(doc, saved_to=None)

    def _record(self, doc: BuiltDocument, *, saved_to: Path | None) -> None:
        """Record a final document (or audit a draft), and write the file when one was chosen;
        both in one transaction, so a failed write records nothing."""
        pid = self.participant_id

        def write(tx: Tx) -> str | None:
            row_id = None
            if doc.draft and saved_to is None:
                tx.audit("print_draft", "participant", pid, {"kind": doc.kind})
            elif not doc.draft:
                row_id = documents.record_printed(tx, doc, participant_id=pid)
            if saved_to is not None:
                tx.audit("export", "participant", pid, {"kind": doc.kind, "format": "pdf"})
                atomic_write(saved_to, doc.pdf, mode=0o600)
            return row_id

        self.ctx.write(
            write,
            Change("document", (pid,), {"participant_id": pid}),
            lambda row_id: self._recorded(row_id, saved_to),
            self._record_failed,
        )

    @when_alive
    def _recorded(self, row_id: str | None, saved_to: Path | None) -> None:
        if saved_to is not None:
            self._say(
                self.tr("Saved as {0}. The file is not encrypted: delete it once printed.").format(
                    saved_to.name
                )
            )
        elif row_id is not None:
            self._say(
                self.tr("{0} It is recorded in the participant's documents.").format(
                    self.message.text()
                )
            )
        if row_id is not None:
            self.sig_printed.emit(row_id)

    @when_alive
    def _record_failed(self, error: BaseException) -> None:
        self._say(self.tr("Not recorded: {0}").format(user_message(error)))

    # -- saving --------------------------------------------------------------------------------

    @Slot()
    def on_save_pdf_clicked(self) -> None:
        """Warn that the file is not encrypted; only then ask where to save it."""
        doc = self.document()
        if doc is None:
            return
        confirm_unencrypted(self, lambda: self.choose_file(doc))

    def choose_file(self, doc: BuiltDocument) -> None:
        """Ask where to save ``doc`` (the system's file dialog), then save it there."""
        ask_save_path(self, file_name(doc), lambda path: self._record(doc, saved_to=path))


def open_preview(
    ctx: AppContext,
    parent: QWidget | None,
    *,
    kind: str,
    participant_id: str,
    language: str | None,
    consent_id: str | None = None,
    disclosure_id: str | None = None,
) -> DocumentPreview:
    """Open a preview window (deleted when closed) and return it."""
    preview = DocumentPreview(
        ctx,
        kind=kind,
        participant_id=participant_id,
        language=language,
        consent_id=consent_id,
        disclosure_id=disclosure_id,
        parent=parent,
    )
    preview.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    preview.resize(preview.sizeHint())
    preview.show()
    return preview
