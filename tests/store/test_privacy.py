"""No participant data in clear in any file the app writes (UTF-8 and UTF-16 searched)."""

from __future__ import annotations

from pathlib import Path

from tests.helpers import HARD_NAMES, run_cli

NEEDLES = [
    *HARD_NAMES,
    "Núñez",
    "Nguyễn",
    "Ćosić",
    "nunez",
    "nguyen",
    "cosic",
    "Lexington",
    "xxxxx4821",
    "1980-03-05",
]


def _encodings(word: str) -> list[bytes]:
    return [word.encode(e) for e in ("utf-8", "utf-16-le", "utf-16-be")]


def test_no_personal_data_in_clear_anywhere_on_disk(tmp_path: Path) -> None:
    data_dir = tmp_path / "data"
    tmp = tmp_path / "tmp"
    tmp.mkdir()
    env = {"TMPDIR": str(tmp), "HOME": str(tmp_path / "home")}
    csv_path = tmp_path / "import" / "Client.csv"
    csv_path.parent.mkdir()
    rows = ["PersonalID,FirstName,MiddleName,LastName,SSN,SSNDataQuality,DOB,DOBDataQuality"]
    rows += [
        "A1,Nguyễn,Thị Minh,Khai,xxxxx4821,2,1980-03-05,1",
        "A2,Zoë,,O'Brien-Ćosić,,99,1991-02-03,1",
        "A3,José,,Núñez,,99,1975-07-08,1",
    ]
    rows += [f"B{i},Name{i},,Lexington{i},,99,1970-01-01,1" for i in range(400)]
    csv_path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    steps = [
        ("init", "--worker", "tester"),
        ("import-csv", str(csv_path)),
        ("search", "nunez"),
        ("search", "Nguyễn"),
        ("duplicates", "--first", "Jose", "--last", "Nunez"),
        ("demo-data", "--participants", "50"),
        ("backup", str(data_dir / "backup.leadbak")),
        ("verify-audit",),
        ("-v", "search", "cosic"),
    ]
    for step in steps:
        result = run_cli(*step, data_dir=data_dir, env=env)
        assert result.returncode == 0, (step, result.stderr)
        if step[-1] != "tester" and "search" not in step and "duplicates" not in step:
            for needle in NEEDLES[:3]:
                assert needle not in result.stderr  # logs never carry names
    written = [
        p for base in (data_dir, tmp, tmp_path / "home") for p in base.rglob("*") if p.is_file()
    ]
    assert any(p.name.endswith("-wal") for p in written) or any(
        p.name == "lead.db" for p in written
    )
    assert not list(tmp.iterdir()), "nothing left in the temp folder"
    for path in written:
        blob = path.read_bytes()
        for needle in NEEDLES:
            for encoded in _encodings(needle):
                assert encoded not in blob, f"{needle!r} in clear in {path.name}"
        assert not blob.startswith(b"SQLite format 3"), f"{path.name} is an unencrypted database"
    for path in written:
        assert not any(n.lower() in path.name.lower() for n in NEEDLES), "no names in file names"
