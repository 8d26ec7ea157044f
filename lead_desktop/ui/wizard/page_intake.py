"""Step 6: quick intake: the minimum HMIS elements for a new person, or confirmation of the
participant chosen. Every answer allows "doesn't know", "prefers not to answer", "not collected"."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGridLayout,
    QLabel,
    QLineEdit,
    QWidget,
)

from lead_desktop.domain import hmis
from lead_desktop.domain.dates import parse_date
from lead_desktop.ui import labels
from lead_desktop.ui.context import AppContext
from lead_desktop.ui.wizard.base import Page


class IntakePage(Page):
    """The new person's universal data elements, or the chosen participant confirmed."""

    page_id = "intake"

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self._prefilled: dict[str, str] = {}
        self.existing = QLabel()
        self.existing.setObjectName("existing_person")
        self.existing.setWordWrap(True)
        self.outer.addWidget(self.existing)
        self.form_box = QWidget()
        self.outer.addWidget(self.form_box)
        self.outer.addStretch()
        form = QFormLayout(self.form_box)
        form.setContentsMargins(0, 0, 0, 0)
        self.today_label = QLabel()
        self.today_label.setObjectName("intake_date")
        form.addRow(self.tr("Intake date:"), self.today_label)
        self.texts: dict[str, QLineEdit] = {}
        self.codes: dict[str, QComboBox] = {}
        ask = self.tr("Not asked yet")
        rows = (
            ("first_name", self.tr("&First name:")),
            ("middle_name", self.tr("&Middle name:")),
            ("last_name", self.tr("&Last name:")),
            ("name_suffix", self.tr("Suffi&x:")),
        )
        for name, text in rows:
            self.texts[name] = QLineEdit()
            self.add_row(form, text, self.texts[name], f"intake_{name}", name)
        self._code(
            form,
            "name_dq",
            self.tr("Name q&uality:"),
            hmis.NAME_DQ,
            self.tr("From the names given"),
        )
        self.texts["dob"] = QLineEdit()
        self.texts["dob"].setPlaceholderText(self.tr("e.g. 1980-03-04 or 3/4/1980"))
        self.add_row(form, self.tr("&Date of birth:"), self.texts["dob"], "intake_dob", "dob")
        self._code(
            form,
            "dob_dq",
            self.tr("Date of birth &quality:"),
            hmis.DOB_DQ,
            self.tr("From the date given"),
        )
        self.texts["ssn"] = QLineEdit()
        self.texts["ssn"].setPlaceholderText(self.tr("Last 4 digits are enough"))
        self.add_row(form, self.tr("S&SN:"), self.texts["ssn"], "intake_ssn", "ssn")
        self._code(
            form, "ssn_dq", self.tr("SSN qualit&y:"), hmis.SSN_DQ, self.tr("From the SSN given")
        )
        self._code(form, "sex", self.tr("S&ex:"), hmis.SEX, ask)

        race_box = QWidget()
        grid = QGridLayout(race_box)
        grid.setContentsMargins(0, 0, 0, 0)
        self.race: dict[str, QCheckBox] = {}
        for n, (field, english) in enumerate(hmis.RACE.items()):
            box = QCheckBox(labels.text(english))
            box.setObjectName(f"race_{field}")
            box.setAccessibleName(labels.text(english))
            self.race[field] = box
            grid.addWidget(box, n // 2, n % 2)
        race_label = QLabel(self.tr("&Race and ethnicity:"))
        race_label.setBuddy(self.race[next(iter(hmis.RACE))])
        form.addRow(race_label, race_box)
        form.addRow("", self.error_for("race", race_box))
        self._code(
            form,
            "race_none",
            self.tr("Race n&ot given:"),
            hmis.NOT_GIVEN,
            self.tr("Use the categories above"),
        )
        self._code(form, "veteran_status", self.tr("&Veteran:"), hmis.NO_YES, ask)
        self._code(form, "disabling_condition", self.tr("D&isabling condition:"), hmis.NO_YES, ask)
        self._code(
            form,
            "prior_living_situation",
            self.tr("&Prior living situation:"),
            hmis.LIVING_SITUATION,
            ask,
        )
        self.texts["preferred_language"] = QLineEdit()
        self.add_row(
            form,
            self.tr("Preferred lan&guage:"),
            self.texts["preferred_language"],
            "intake_preferred_language",
            "preferred_language",
        )
        self.interpreter = QCheckBox(self.tr("In&terpreter needed"))
        self.interpreter.setObjectName("intake_interpreter_needed")
        self.interpreter.setAccessibleName(self.tr("Interpreter needed"))
        form.addRow("", self.interpreter)
        self.watch(
            *self.texts.values(), *self.codes.values(), *self.race.values(), self.interpreter
        )
        self.set_existing(None)

    def _code(
        self, form: QFormLayout, name: str, text: str, coded: dict[int, str], blank: str
    ) -> None:
        combo = QComboBox()
        labels.fill_coded(combo, coded, blank=blank)
        self.codes[name] = combo
        self.add_row(form, text, combo, f"intake_{name}", name)

    def title(self) -> str:
        """The step's name."""
        return self.tr("Quick intake")

    def set_existing(self, existing: dict[str, Any] | None) -> None:
        """Confirm a chosen participant (no form), or ask for a new person's details."""
        self.today_label.setText(date.today().isoformat())
        self.form_box.setVisible(existing is None)
        self.existing.setVisible(existing is not None)
        if existing is not None:
            born = existing.get("dob") or self.tr("date of birth not recorded")
            self.existing.setText(
                self.tr(
                    "This referral will be added to the record of {0} ({1}). Nothing else in "
                    "their record changes here; update it from their record afterwards."
                ).format(existing.get("name", ""), born)
            )

    def prefill(self, values: dict[str, str]) -> None:
        """Carry over what was typed for the look-up, unless the worker changed it here."""
        for name, value in values.items():
            edit = self.texts[name]
            if edit.text() in ("", self._prefilled.get(name)):
                edit.setText(value)
                self._prefilled[name] = value

    def values(self) -> dict[str, Any]:
        """The participant fields given (empty answers left out, so defaults apply)."""
        out: dict[str, Any] = {}
        for name, edit in self.texts.items():
            text = edit.text().strip()
            if text:
                out[name] = text
        if "dob" in out:
            day = parse_date(out["dob"])
            out["dob"] = day.isoformat() if day else out["dob"]  # the check names a bad date
        for name, combo in self.codes.items():
            if combo.currentData() is not None:
                out[name] = combo.currentData()
        race = [field for field, box in self.race.items() if box.isChecked()]
        if race:
            out["race"] = race
        if self.interpreter.isChecked():
            out["interpreter_needed"] = True
        return out

    def state(self) -> dict[str, Any]:
        """Every field, for the draft."""
        return {
            "texts": {name: edit.text() for name, edit in self.texts.items()},
            "codes": {name: combo.currentData() for name, combo in self.codes.items()},
            "race": [field for field, box in self.race.items() if box.isChecked()],
            "interpreter_needed": self.interpreter.isChecked(),
            "prefilled": dict(self._prefilled),
        }

    def set_state(self, state: dict[str, Any]) -> None:
        """Put the fields back."""
        for name, text in (state.get("texts") or {}).items():
            if name in self.texts:
                self.texts[name].setText(text or "")
        for name, value in (state.get("codes") or {}).items():
            if name in self.codes:
                labels.select_data(self.codes[name], value)
        race = set(state.get("race") or [])
        for field, box in self.race.items():
            box.setChecked(field in race)
        self.interpreter.setChecked(bool(state.get("interpreter_needed")))
        self._prefilled = dict(state.get("prefilled") or {})
