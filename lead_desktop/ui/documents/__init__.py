"""Documents on screen: preview and print, sign, revoke and disclose consents.

- :class:`~lead_desktop.ui.documents.preview.DocumentPreview`: the PDF as it will print, the
  consent gate's missing items beside it, "Print final" (recorded), "Print draft", "Save as PDF"
  (after a warning).
- :func:`~lead_desktop.ui.documents.printing.print_document`: PDF bytes to a ``QPrinter``.
- :class:`~lead_desktop.ui.documents.sign_dialog.SignDialog`,
  :class:`~lead_desktop.ui.documents.consent_dialogs.RevokeDialog`,
  :class:`~lead_desktop.ui.documents.consent_dialogs.DisclosureDialog`,
  :class:`~lead_desktop.ui.documents.consent_dialogs.DispositionDialog`: the acts on a consent.
- :class:`~lead_desktop.ui.documents.consent_actions.ConsentActions`: the buttons for the
  consent selected in the consents tab, each disabled with its reason when it does not apply.
"""
