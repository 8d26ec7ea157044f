"""Import of HUD HMIS Client.csv files into a real store: all rows or nothing, every issue."""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select

from lead_desktop.errors import ValidationError
from lead_desktop.interchange.hmis_csv import (
    FY2026_COLUMNS,
    import_client_csv,
    read_client_csv,
)
from lead_desktop.store.schema import AuditEvent, Participant, SearchToken
from lead_desktop.store.store import Store

TODAY = date(2026, 3, 1)
FY2024_COLUMNS = tuple(c for c in FY2026_COLUMNS if c != "Sex") + (
    "Woman",
    "Man",
    "NonBinary",
    "CulturallySpecific",
    "Transgender",
    "Questioning",
    "DifferentIdentity",
    "GenderNone",
    "DifferentIdentityText",
)


def client_csv(rows: Sequence[dict[str, Any]], columns: Sequence[str] = FY2026_COLUMNS) -> str:
    """Write rows (missing columns blank) under ``columns``, CRLF like HMIS exports."""
    out = io.StringIO(newline="")
    writer = csv.DictWriter(out, fieldnames=list(columns), restval="", lineterminator="\r\n")
    writer.writeheader()
    writer.writerows(rows)
    return out.getvalue()


def person(pid: str, first: str, last: str, **more: Any) -> dict[str, Any]:
    """One valid Client.csv row."""
    row: dict[str, Any] = {
        "PersonalID": pid,
        "FirstName": first,
        "LastName": last,
        "NameDataQuality": 1,
        "SSN": "xxxxx1234",
        "SSNDataQuality": 2,
        "DOB": "1980-03-05",
        "DOBDataQuality": 1,
        "Sex": 1,
        "BlackAfAmerican": 1,
        "VeteranStatus": 0,
        "DateCreated": "2025-01-02 10:00:00",
        "ExportID": "E1",
    }
    row.update(more)
    return row


def participants(store: Store) -> list[dict[str, Any]]:
    with store.read() as conn:
        return [
            dict(r)
            for r in conn.execute(select(Participant).order_by(Participant.external_id)).mappings()
        ]


def count_participants(store: Store) -> int:
    with store.read() as conn:
        return int(conn.execute(select(func.count()).select_from(Participant)).scalar_one())


def write(tmp_path: Path, text: str, encoding: str = "utf-8") -> Path:
    path = tmp_path / "Client.csv"
    path.write_bytes(text.encode(encoding))
    return path


def test_fy2026_file_imports_every_row_with_names_as_written(store: Store, tmp_path: Path) -> None:
    rows = [
        person("P1", "Minh Khai", "Nguyễn", MiddleName="Thị", Sex=0, BlackAfAmerican=0, Asian=1),
        person("P2", "Zoë", "O'Brien-Ćosić", Sex=0, BlackAfAmerican=0, White=1),
        person(
            "P3",
            "José",
            "Núñez",
            NameSuffix="Jr.",
            HispanicLatinaeo=1,
            AdditionalRaceEthnicity="Salvadoran",
            DOB="",
            DOBDataQuality=8,
        ),
        person(
            "P4",
            "Łukasz",
            "Wiśniewski",
            SSN="",
            SSNDataQuality=99,
            BlackAfAmerican=0,
            RaceNone=9,
            VeteranStatus=1,
        ),
    ]
    path = write(tmp_path, client_csv(rows))

    result = import_client_csv(store, path, today=TODAY)

    assert (result.imported, result.skipped_deleted, result.skipped_existing) == (4, 0, 0)
    got = {p["external_id"]: p for p in participants(store)}
    khai = got["P1"]
    full = f"{khai['first_name']} {khai['middle_name']} {khai['last_name']}"
    assert full == "Minh Khai Thị Nguyễn"
    assert (khai["sex"], khai["race"], khai["dob"]) == (0, ["Asian"], "1980-03-05")
    assert (got["P2"]["first_name"], got["P2"]["last_name"]) == ("Zoë", "O'Brien-Ćosić")
    jose = got["P3"]
    assert (jose["first_name"], jose["last_name"], jose["name_suffix"]) == ("José", "Núñez", "Jr.")
    assert sorted(jose["race"]) == ["BlackAfAmerican", "HispanicLatinaeo"]
    assert (jose["race_detail"], jose["dob"], jose["dob_dq"]) == ("Salvadoran", None, 8)
    lukasz = got["P4"]
    assert (lukasz["ssn"], lukasz["ssn_dq"], lukasz["race"], lukasz["race_none"]) == (
        None,
        99,
        [],
        9,
    )
    assert lukasz["veteran_status"] == 1
    assert (khai["ssn"], khai["ssn_dq"], khai["name_dq"]) == ("xxxxx1234", 2, 1)


def test_imported_names_are_searchable_tokens(store: Store, tmp_path: Path) -> None:
    import_client_csv(store, write(tmp_path, client_csv([person("P1", "José", "Núñez")])))
    with store.read() as conn:
        tokens = set(conn.execute(select(SearchToken.token)).scalars())
    assert {"jose", "nunez"} <= tokens


def test_import_is_audited_without_personal_data(store: Store, tmp_path: Path) -> None:
    rows = [person("P1", "José", "Núñez"), person("P2", "Ana", "Peña")]
    import_client_csv(store, write(tmp_path, client_csv(rows)), today=TODAY)
    with store.read() as conn:
        events = conn.execute(
            select(AuditEvent.entity, AuditEvent.entity_id, AuditEvent.detail).where(
                AuditEvent.action == "import"
            )
        ).all()
    assert [tuple(e) for e in events] == [
        ("participant", None, {"rows": 2, "format": "hmis-client-csv"})
    ]


def test_fy2024_gender_columns_map_to_sex_and_gender_identity(store: Store, tmp_path: Path) -> None:
    rows = [
        person("W", "Ana", "Peña", Woman=1),
        person("M", "Luis", "Peña", Man=1, Transgender=0),
        person("NB", "Sam", "Lee", NonBinary=1, GenderNone=""),
        person("B", "Kim", "Park", Woman=1, Man=1),
        person("D", "Ari", "Cho", DifferentIdentity=1, DifferentIdentityText="Two-Spirit"),
        person("N", "Jo", "Kim", GenderNone=99),
    ]
    text = client_csv([{k: v for k, v in r.items() if k != "Sex"} for r in rows], FY2024_COLUMNS)
    plan = read_client_csv(text, today=TODAY)
    assert plan.ok, plan.issues
    assert plan.layout == "FY2024"

    import_client_csv(store, write(tmp_path, text), today=TODAY)

    got = {p["external_id"]: (p["sex"], p["gender_identity"]) for p in participants(store)}
    assert got == {
        "W": (0, None),
        "M": (1, None),
        "NB": (None, "non-binary"),
        "B": (None, "woman, man"),
        "D": (None, "Two-Spirit"),
        "N": (None, None),
    }


def test_unknown_extra_columns_are_ignored_and_missing_optional_ones_allowed(
    store: Store, tmp_path: Path
) -> None:
    text = (
        "PersonalID,FirstName,LastName,Nickname,ProjectColor,DOB\r\n"
        "A1,María,Ibáñez,Mari,blue,1/5/1979\r\n"
        "A2,Trần,Lê,,green,1990-12-31\r\n"
    )
    plan = read_client_csv(text, today=TODAY)
    assert plan.ok, plan.issues
    assert any("Nickname" in w and "ProjectColor" in w for w in plan.warnings)

    result = import_client_csv(store, write(tmp_path, text), today=TODAY)

    assert result.imported == 2
    got = {p["external_id"]: p for p in participants(store)}
    assert (got["A1"]["first_name"], got["A1"]["dob"], got["A1"]["sex"]) == (
        "María",
        "1979-01-05",
        None,
    )
    assert got["A2"]["dob"] == "1990-12-31"


def test_header_needs_personal_id_and_a_name_or_dob_column() -> None:
    plan = read_client_csv("FirstName,LastName\r\nAna,Peña\r\n")
    assert [(i.field, i.line) for i in plan.issues] == [("PersonalID", 1)]
    plan = read_client_csv("PersonalID,ExportID\r\nA1,E1\r\n")
    assert [(i.field, i.line) for i in plan.issues] == [("file", 1)]
    with pytest.raises(ValidationError):
        plan.raise_if_invalid()


def test_every_bad_row_is_reported_with_line_and_column_and_nothing_imported(
    store: Store, tmp_path: Path
) -> None:
    rows = [
        person("P1", "Ana", "Peña"),  # line 2
        person("P2", "Luis", "Ortiz", DOB="1980-13-45"),  # line 3
        person("P3", "Kofi", "Mensah"),  # line 4
        person("P4", "Aisha", "Haddad", NameDataQuality=7),  # line 5
        person("P5", "Dawit", "Bekele", SSN="abc"),  # line 6
        person("P6", "Mai", "Phạm"),  # line 7
    ]
    path = write(tmp_path, client_csv(rows))

    with pytest.raises(ValidationError) as caught:
        import_client_csv(store, path, today=TODAY)

    found = [(i.line, i.field) for i in caught.value.issues]
    assert found == [(3, "DOB"), (5, "NameDataQuality"), (6, "SSN")]
    assert all(i.fix for i in caught.value.issues)
    assert "line 5: NameDataQuality" in str(caught.value)
    assert count_participants(store) == 0


def test_cross_field_issues_name_the_hmis_column() -> None:
    rows = [
        person("P1", "Ana", "", NameDataQuality=1),
        person("P2", "Luis", "Ortiz", DOB="", DOBDataQuality=1),
        person("P3", "Kofi", "Mensah", White=1, RaceNone=8),
        person("P4", "Mai", "Phạm", Asian=2, DOB="2030-01-01"),
    ]
    plan = read_client_csv(client_csv(rows), today=TODAY)
    assert [(i.line, i.field) for i in plan.issues] == [
        (2, "NameDataQuality"),
        (3, "DOBDataQuality"),
        (4, "RaceNone"),
        (5, "Asian"),
        (5, "DOB"),
    ]
    assert plan.rows == []


def test_quoted_newline_keeps_later_line_numbers_right() -> None:
    rows = [
        person("P1", "Ana", "Peña", AdditionalRaceEthnicity="Salvadoran,\r\nborn in\nSan Miguel"),
        person("P2", "Luis", "Ortiz", DOB="not a date"),
    ]
    text = client_csv(rows)
    assert text.count("\n") == 5  # header, a record over 3 lines, the bad record

    plan = read_client_csv(text, today=TODAY)

    assert [(i.line, i.field) for i in plan.issues] == [(5, "DOB")]
    assert plan.lines == [2]
    assert plan.rows[0][0]["race_detail"] == "Salvadoran, born in San Miguel"


def test_blank_lines_are_skipped_but_counted_in_line_numbers() -> None:
    text = client_csv([person("P1", "Ana", "Peña")]) + "\r\n,,,\r\n"
    text += client_csv([person("P2", "Luis", "Ortiz", SSN="12")]).split("\r\n", 1)[1]
    plan = read_client_csv(text, today=TODAY)
    assert [(i.line, i.field) for i in plan.issues] == [(5, "SSN")]
    assert plan.total_rows == 2


def test_row_with_wrong_number_of_values_is_reported() -> None:
    text = "PersonalID,FirstName,LastName\r\nA1,Ana,Peña\r\nA2,Peña, Ana,extra\r\n"
    plan = read_client_csv(text, today=TODAY)
    assert [(i.line, i.field) for i in plan.issues] == [(3, "row")]


def test_deleted_rows_are_skipped_and_counted(store: Store, tmp_path: Path) -> None:
    rows = [
        person("P1", "Ana", "Peña"),
        person("P2", "Luis", "Ortiz", DateDeleted="2025-06-01 12:00:00", DOB="garbage"),
        person("P3", "Kofi", "Mensah", DateDeleted="2025-06-01"),
    ]
    result = import_client_csv(store, write(tmp_path, client_csv(rows)), today=TODAY)
    assert (result.imported, result.skipped_deleted) == (1, 2)
    assert [p["external_id"] for p in participants(store)] == ["P1"]


def test_duplicate_personal_id_is_an_issue_on_the_second_occurrence() -> None:
    rows = [
        person("P1", "Ana", "Peña"),
        person("P2", "Kofi", "Mensah"),
        person("P1", "Ana", "Pena"),
    ]
    plan = read_client_csv(client_csv(rows), today=TODAY)
    assert [(i.line, i.field) for i in plan.issues] == [(4, "PersonalID")]
    assert "line 2" in plan.issues[0].problem


def test_reimport_skips_people_already_imported(store: Store, tmp_path: Path) -> None:
    first = [person("P1", "Ana", "Peña"), person("P2", "Kofi", "Mensah")]
    import_client_csv(store, write(tmp_path, client_csv(first)), today=TODAY)

    second = [*first, person("P3", "Mai", "Phạm")]
    result = import_client_csv(store, write(tmp_path, client_csv(second)), today=TODAY)

    assert (result.imported, result.skipped_existing) == (1, 2)
    assert [p["external_id"] for p in participants(store)] == ["P1", "P2", "P3"]
    again = import_client_csv(store, write(tmp_path, client_csv(second)), today=TODAY)
    assert (again.imported, again.skipped_existing) == (0, 3)
    assert count_participants(store) == 3


def test_utf8_bom_and_cp1252_files_are_read(tmp_path: Path) -> None:
    text = client_csv([person("P1", "José", "Núñez")])
    bom = read_client_csv(write(tmp_path, "\ufeff" + text), today=TODAY)
    assert bom.ok and bom.encoding == "utf-8" and not bom.warnings
    assert bom.rows[0][0]["external_id"] == "P1"

    legacy = read_client_csv(write(tmp_path, text, "cp1252"), today=TODAY)
    assert legacy.ok and legacy.encoding == "cp1252"
    assert any("cp1252" in w for w in legacy.warnings)
    assert (legacy.rows[0][0]["first_name"], legacy.rows[0][0]["last_name"]) == ("José", "Núñez")


def test_unreadable_file_is_a_validation_error(tmp_path: Path) -> None:
    with pytest.raises(ValidationError, match="cannot be read"):
        read_client_csv(tmp_path / "missing.csv")


def test_empty_file_is_an_issue() -> None:
    assert [i.field for i in read_client_csv(b"").issues] == ["file"]
