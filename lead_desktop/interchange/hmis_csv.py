"""Import participants from a HUD HMIS Client.csv (FY2026 with Sex, or FY2024 with gender)."""

from __future__ import annotations

import codecs
import csv
import io
import logging
import os
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path
from typing import Any

from sqlalchemy import select

from lead_desktop.domain import hmis
from lead_desktop.domain.participant import normalise_ssn, validate_participant
from lead_desktop.errors import Issue, ValidationError, issue
from lead_desktop.store.participants import create_participants
from lead_desktop.store.schema import Participant
from lead_desktop.store.store import Store

logger = logging.getLogger(__name__)

FORMAT = "hmis-client-csv"

#: One participant ready for create_participants: validated values and (alias, kind) pairs.
ParticipantRow = tuple[dict[str, Any], list[tuple[str, str]]]
#: A file path, the file's bytes, or its decoded text (a str holding a line break is text).
Source = str | bytes | os.PathLike[str]

FY2026_COLUMNS = (
    "PersonalID",
    "FirstName",
    "MiddleName",
    "LastName",
    "NameSuffix",
    "NameDataQuality",
    "SSN",
    "SSNDataQuality",
    "DOB",
    "DOBDataQuality",
    "Sex",
    *hmis.RACE,
    "RaceNone",
    "AdditionalRaceEthnicity",
    "VeteranStatus",
    "YearEnteredService",
    "YearSeparated",
    "WorldWarII",
    "KoreanWar",
    "VietnamWar",
    "DesertStorm",
    "AfghanistanOEF",
    "IraqOIF",
    "IraqOND",
    "OtherTheater",
    "MilitaryBranch",
    "DischargeStatus",
    "DateCreated",
    "DateUpdated",
    "UserID",
    "DateDeleted",
    "ExportID",
)
#: FY2024 gender flags (0/1) and the label kept as gender identity when one is 1.
GENDER_FLAGS = {
    "Woman": "woman",
    "Man": "man",
    "NonBinary": "non-binary",
    "CulturallySpecific": "culturally specific identity",
    "Transgender": "transgender",
    "Questioning": "questioning",
    "DifferentIdentity": "different identity",
}
FY2024_ONLY = (*GENDER_FLAGS, "DifferentIdentityText", "GenderNone")
NAME_COLUMNS = {
    "FirstName": "first_name",
    "MiddleName": "middle_name",
    "LastName": "last_name",
    "NameSuffix": "name_suffix",
}
CODE_COLUMNS = {
    "NameDataQuality": "name_dq",
    "SSNDataQuality": "ssn_dq",
    "DOBDataQuality": "dob_dq",
    "Sex": "sex",
    "RaceNone": "race_none",
    "VeteranStatus": "veteran_status",
}
NEEDS_ONE_OF = ("FirstName", "LastName", "DOB")
_KNOWN = {name.casefold(): name for name in (*FY2026_COLUMNS, *FY2024_ONLY)}
#: Participant field -> the Client.csv column a problem with it is reported against.
_COLUMN_OF = {
    **{f: c for c, f in NAME_COLUMNS.items()},
    **{f: c for c, f in CODE_COLUMNS.items()},
    "ssn": "SSN",
    "dob": "DOB",
    "race": "race columns",
    "race_detail": "AdditionalRaceEthnicity",
    "external_id": "PersonalID",
    "gender_identity": "DifferentIdentityText",
}
_FIXES = {
    "ssn": "write 9 characters with x for unknown digits (e.g. xxxxx1234), or leave it blank",
}
_ISO_DATE = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?")
_US_DATE = re.compile(r"(\d{1,2})/(\d{1,2})/(\d{4})(?: \d{1,2}:\d{2}(?::\d{2})?(?: ?[AaPp][Mm])?)?")
_FLAG_FIX = "write 1 if the person gave this answer, 0 (or nothing) if not"
_SQL_CHUNK = 500


@dataclass
class ImportPlan:
    """What a Client.csv would import: valid rows, every issue found, what is skipped."""

    rows: list[ParticipantRow] = field(default_factory=list)
    lines: list[int] = field(default_factory=list)  # physical line of each row in ``rows``
    issues: list[Issue] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    skipped_deleted: int = 0
    total_rows: int = 0  # data records read (blank lines not counted)
    layout: str = ""  # "FY2026", "FY2024" or "no sex or gender columns"
    encoding: str = ""

    @property
    def ok(self) -> bool:
        """Return True if nothing is wrong with the file."""
        return not self.issues

    def raise_if_invalid(self) -> None:
        """Raise ValidationError listing every issue, if there is any."""
        if self.issues:
            raise ValidationError(self.issues)


@dataclass(frozen=True)
class ImportResult:
    """What an import did (counts only: safe to log and show)."""

    imported: int
    skipped_deleted: int
    skipped_existing: int = 0
    warnings: tuple[str, ...] = ()


def _file_issue(problem: str, fix: str, line: int | None = None) -> Issue:
    return Issue("file", problem, fix, line)


def _load(source: Source) -> str | bytes:
    if isinstance(source, bytes):
        return source
    if isinstance(source, str) and ("\n" in source or "\r" in source):
        return source
    try:
        return Path(source).read_bytes()
    except OSError as exc:
        raise ValidationError(
            [
                _file_issue(
                    f"{source} cannot be read ({exc.strerror})",
                    "choose an existing Client.csv file",
                )
            ]
        ) from None


def _decode(raw: bytes, plan: ImportPlan) -> str | None:
    if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        plan.encoding = "utf-16"
        plan.warnings.append(
            "the file is UTF-16 text; it was read, but save it as 'CSV UTF-8' next time"
        )
        return raw.decode("utf-16")
    try:
        plan.encoding = "utf-8"
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    try:
        text = raw.decode("cp1252")
    except UnicodeDecodeError:
        plan.issues.append(
            _file_issue(
                "is neither UTF-8 nor Windows-1252 text",
                "export the file again as 'CSV UTF-8 (comma delimited)'",
            )
        )
        return None
    plan.encoding = "cp1252"
    plan.warnings.append(
        "the file is not UTF-8: it was read as Windows-1252 (cp1252); check accented names, "
        "and export as 'CSV UTF-8' next time"
    )
    return text


def _parse_dob(text: str) -> date | None:
    match = _ISO_DATE.fullmatch(text)
    if match:
        year, month, day = int(match[1]), int(match[2]), int(match[3])
    elif match := _US_DATE.fullmatch(text):
        year, month, day = int(match[3]), int(match[1]), int(match[2])
    else:
        return None
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _columns(header: Sequence[str], plan: ImportPlan) -> dict[str, int] | None:
    """Map each known column (canonical spelling) to its position; None if unusable."""
    index: dict[str, int] = {}
    unknown: list[str] = []
    for position, raw_name in enumerate(header):
        name = raw_name.strip().lstrip("\ufeff").strip()
        canonical = _KNOWN.get(name.casefold())
        if canonical is None:
            if name:
                unknown.append(name)
            continue
        if canonical in index:
            plan.issues.append(
                issue(canonical, "appears twice in the header", "keep one column of that name", 1)
            )
        index.setdefault(canonical, position)
    if len(header) == 1 and "\t" in header[0]:
        plan.issues.append(
            _file_issue(
                "looks tab-separated", "save it as CSV (comma-separated) and import again", 1
            )
        )
        return None
    if "PersonalID" not in index:
        plan.issues.append(
            issue(
                "PersonalID",
                "is not a column of the header",
                "export Client.csv from HMIS again, with its header row as line 1",
                1,
            )
        )
    if not any(name in index for name in NEEDS_ONE_OF):
        plan.issues.append(
            _file_issue(
                "has none of the columns FirstName, LastName, DOB",
                "choose the HMIS Client.csv (not another file of the export)",
                1,
            )
        )
    if plan.issues:
        return None
    if unknown:
        plan.warnings.append(f"ignored {len(unknown)} unknown column(s): {', '.join(unknown)}")
    if "Sex" in index:
        plan.layout = "FY2026"
    elif any(name in index for name in GENDER_FLAGS):
        plan.layout = "FY2024"
        plan.warnings.append(
            "FY2024 layout: sex was taken from Woman/Man where exactly one is 1; other gender "
            "answers are kept as gender identity"
        )
    else:
        plan.layout = "no sex or gender columns"
        plan.warnings.append("the file has no Sex (or gender) columns: sex is left blank")
    return index


def _flags(
    columns: Sequence[str],
    get: Callable[[str], str | None],
    issues: list[Issue],
    line: int,
) -> dict[str, bool]:
    """Read 0/1 flag columns that exist; report any other value."""
    out: dict[str, bool] = {}
    for column in columns:
        value = get(column)
        if value is None:
            continue
        if value not in ("", "0", "1"):
            issues.append(
                issue(column, "{value} is not 0 or 1", _FLAG_FIX, line, value=repr(value))
            )
            continue
        out[column] = value == "1"
    return out


def _gender(
    get: Callable[[str], str | None], data: dict[str, Any], issues: list[Issue], line: int
) -> None:
    """FY2024: derive sex from Woman/Man when exactly one is 1; keep the rest as identity."""
    flags = _flags(tuple(GENDER_FLAGS), get, issues, line)
    woman, man = flags.get("Woman", False), flags.get("Man", False)
    if woman != man:
        data["sex"] = 0 if woman else 1
    given = [column for column, on in flags.items() if on]
    if given and given not in (["Woman"], ["Man"]):
        labels = [GENDER_FLAGS[column] for column in given]
        other = get("DifferentIdentityText")
        if flags.get("DifferentIdentity") and other:
            labels[given.index("DifferentIdentity")] = other
        data["gender_identity"] = ", ".join(labels)


def _row_data(
    get: Callable[[str], str | None], layout: str, issues: list[Issue], line: int
) -> dict[str, Any]:
    """Turn one record's cells into participant fields (checks that need the column)."""
    data: dict[str, Any] = {"external_id": get("PersonalID") or None}
    for column, name in NAME_COLUMNS.items():
        value = get(column)
        if value is not None:
            data[name] = value or None
    for column, name in CODE_COLUMNS.items():
        value = get(column)
        if value:
            data[name] = value
    # A bad SSN or DOB is reported here and left out, so its data quality is not blamed too.
    ssn = get("SSN")
    if ssn is not None:
        if normalise_ssn(ssn) == "!":
            issues.append(Issue("SSN", "is not a social security number", _FIXES["ssn"], line))
        else:
            data["ssn"] = ssn or None
    dob_text = get("DOB")
    if dob_text is not None:
        dob = _parse_dob(dob_text) if dob_text else None
        if dob_text and dob is None:
            issues.append(
                issue(
                    "DOB",
                    "{value} is not a date",
                    "write it as YYYY-MM-DD (e.g. 1980-03-05) or M/D/YYYY",
                    line,
                    value=repr(dob_text),
                )
            )
        else:
            data["dob"] = dob
    race = _flags(tuple(hmis.RACE), get, issues, line)
    if race:
        data["race"] = [column for column, on in race.items() if on]
    detail = get("AdditionalRaceEthnicity")
    if detail is not None:
        data["race_detail"] = detail or None
    if layout == "FY2024":
        _gender(get, data, issues, line)
    return data


def _column_issue(issue: Issue, line: int, layout: str) -> Issue:
    column = _COLUMN_OF.get(issue.field, issue.field)
    if issue.field == "sex" and layout == "FY2024":
        column = "Woman/Man"
    return replace(issue, field=column, fix=_FIXES.get(issue.field, issue.fix), line=line)


def read_client_csv(source: Source, *, today: date | None = None) -> ImportPlan:
    """Parse and validate a Client.csv (path, bytes or text); report every bad row by line.

    A ``str`` holding a line break is taken as the file's text, any other ``str`` as a path.
    Raises ValidationError only if the file cannot be read; every other problem is an issue of
    the returned plan (see :meth:`ImportPlan.raise_if_invalid`).
    """
    plan = ImportPlan()
    raw = _load(source)
    if isinstance(raw, str):
        plan.encoding = "text"
        text: str | None = raw.removeprefix("\ufeff")
    else:
        text = _decode(raw, plan)
    if text is None:
        return plan
    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        _read_records(reader, plan, today)
    except csv.Error as exc:
        plan.issues.append(
            _file_issue(
                f"cannot be read as CSV ({exc})",
                "export the file again as CSV; values with commas or line breaks must be in "
                "double quotes",
                reader.line_num,
            )
        )
    logger.info(
        "read an HMIS Client.csv: %d records, %d valid, %d issues, %d deleted",
        plan.total_rows,
        len(plan.rows),
        len(plan.issues),
        plan.skipped_deleted,
    )
    return plan


def _read_records(reader: Any, plan: ImportPlan, today: date | None) -> None:
    header: list[str] | None = None
    for cells in reader:
        if any(cell.strip() for cell in cells):
            header = cells
            break
    if header is None:
        plan.issues.append(_file_issue("is empty", "choose the Client.csv of an HMIS export", 1))
        return
    index = _columns(header, plan)
    if index is None:
        return
    width = len(header)
    seen: dict[str, int] = {}
    previous = reader.line_num
    for cells in reader:
        line, previous = previous + 1, reader.line_num
        if not any(cell.strip() for cell in cells):
            continue
        plan.total_rows += 1
        if len(cells) != width:
            plan.issues.append(
                issue(
                    "row",
                    "has {count} values but the header has {width}",
                    "check the quoting: a value holding a comma or a line break must be in "
                    "double quotes",
                    line,
                    count=str(len(cells)),
                    width=str(width),
                )
            )
            continue

        def get(column: str, cells: list[str] = cells) -> str | None:
            position = index.get(column)
            return None if position is None else cells[position].strip()

        if get("DateDeleted"):
            plan.skipped_deleted += 1
            continue
        issues: list[Issue] = []
        personal_id = get("PersonalID")
        if not personal_id:
            issues.append(
                issue("PersonalID", "is empty", "give every row the PersonalID from HMIS", line)
            )
        elif personal_id in seen:
            issues.append(
                issue(
                    "PersonalID",
                    "repeats the PersonalID of line {first}",
                    "keep one row per person: remove or merge the duplicate",
                    line,
                    first=str(seen[personal_id]),
                )
            )
        else:
            seen[personal_id] = line
        data = _row_data(get, plan.layout, issues, line)
        try:
            values = validate_participant(data, today=today)
        except ValidationError as exc:
            issues += [_column_issue(issue, line, plan.layout) for issue in exc.issues]
        if issues:
            plan.issues += issues
            continue
        plan.rows.append((values, []))
        plan.lines.append(line)


def _existing_external_ids(conn: Any, external_ids: Sequence[str]) -> set[str]:
    found: set[str] = set()
    for start in range(0, len(external_ids), _SQL_CHUNK):
        chunk = external_ids[start : start + _SQL_CHUNK]
        query = select(Participant.external_id).where(
            Participant.external_id.in_(chunk), ~Participant.deleted
        )
        found.update(value for value in conn.execute(query).scalars() if value is not None)
    return found


def import_client_csv(store: Store, source: Source, *, today: date | None = None) -> ImportResult:
    """Import a Client.csv in one transaction: all rows or, if any row is bad, nothing.

    Rows whose PersonalID is already a participant's external ID are skipped, so importing the
    same file again adds no one twice.
    """
    plan = read_client_csv(source, today=today)
    plan.raise_if_invalid()
    with store.write() as tx:
        existing = _existing_external_ids(
            tx.conn, [str(values["external_id"]) for values, _ in plan.rows]
        )
        new_rows = [row for row in plan.rows if row[0]["external_id"] not in existing]
        if new_rows:
            create_participants(tx, new_rows)
        tx.audit("import", "participant", None, {"rows": len(new_rows), "format": FORMAT})
    result = ImportResult(
        imported=len(new_rows),
        skipped_deleted=plan.skipped_deleted,
        skipped_existing=len(plan.rows) - len(new_rows),
        warnings=tuple(plan.warnings),
    )
    logger.info(
        "imported %d participants from an HMIS Client.csv (%d deleted and %d existing skipped)",
        result.imported,
        result.skipped_deleted,
        result.skipped_existing,
    )
    return result
