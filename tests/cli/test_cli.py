"""The lead-desktop command line, run as a real subprocess against real stores."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.helpers import PASSPHRASE, run_cli

CLIENT_CSV = (
    "PersonalID,FirstName,MiddleName,LastName,NameSuffix,NameDataQuality,SSN,SSNDataQuality,"
    "DOB,DOBDataQuality,Sex,White,BlackAfAmerican,RaceNone,VeteranStatus,ExportID,Extra\n"
    "1,José,,Núñez,,1,xxxxx1234,2,1980-03-05,1,1,0,0,,0,9,ignored\n"
    "2,Thị Minh Khai,,Nguyễn,,1,,99,1975-01-02,1,0,0,0,99,0,9,ignored\n"
    "3,Zoë,,O'Brien-Ćosić,,1,,99,1990-12-24,1,0,1,0,,0,9,ignored\n"
)


def _ok(*args: str, data_dir: Path, **kw: object) -> str:
    result = run_cli(*args, data_dir=data_dir, **kw)  # type: ignore[arg-type]
    assert result.returncode == 0, result.stderr
    return result.stdout


def _one_clean_error(result: object) -> str:
    stderr: str = result.stderr  # type: ignore[attr-defined]
    assert result.returncode != 0  # type: ignore[attr-defined]
    assert "Traceback" not in stderr
    assert stderr.startswith("lead-desktop: error:")
    return stderr


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    d = tmp_path / "data"
    out = _ok("init", "--worker", "ana", data_dir=d)
    assert "created store" in out
    return d


def test_import_then_search_prints_id_name_dob_score(data_dir: Path, tmp_path: Path) -> None:
    src = tmp_path / "Client.csv"
    src.write_text(CLIENT_CSV, encoding="utf-8")
    assert "imported 3" in _ok("import-csv", str(src), data_dir=data_dir)
    lines = _ok("search", "nunez", data_dir=data_dir).splitlines()
    pid, name, dob, score = lines[0].split("\t")
    assert len(pid) == 36 and name == "José Núñez" and dob == "1980-03-05"
    assert float(score) == 100.0
    out = _ok("search", "ngyuen", data_dir=data_dir)
    assert out.splitlines()[0].split("\t")[1] == "Thị Minh Khai Nguyễn"
    assert run_cli("search", "qqqzzz", data_dir=data_dir).returncode == 1


def test_bad_csv_reports_every_bad_row_and_imports_nothing(data_dir: Path, tmp_path: Path) -> None:
    src = tmp_path / "Client.csv"
    src.write_text(
        "PersonalID,FirstName,LastName,NameDataQuality,DOB,DOBDataQuality\n"
        "1,Ana,Ruiz,1,1980-01-01,1\n"
        "2,Bad,Date,1,1980-13-45,1\n"
        "3,Ok,Row,1,1970-01-01,1\n"
        "4,Bad,Quality,7,1970-01-01,1\n",
        encoding="utf-8",
    )
    result = run_cli("import-csv", str(src), data_dir=data_dir)
    err = _one_clean_error(result)
    assert "line 3" in err and "DOB" in err
    assert "line 5" in err and "NameDataQuality" in err
    assert "nothing was written" in err
    assert run_cli("search", "ruiz", data_dir=data_dir).stdout == ""


def test_user_errors_are_one_line_without_traceback(tmp_path: Path, data_dir: Path) -> None:
    err = _one_clean_error(run_cli("search", "x", data_dir=tmp_path / "empty"))
    assert "no store" in err and len(err.strip().splitlines()) == 1
    err = _one_clean_error(
        run_cli("search", "x", data_dir=data_dir, env={"LEAD_PASSPHRASE": "a wrong one here!!"})
    )
    assert "wrong passphrase" in err and len(err.strip().splitlines()) == 1
    err = _one_clean_error(run_cli("import-csv", str(tmp_path / "nope.csv"), data_dir=data_dir))
    assert "nope.csv" in err
    err = _one_clean_error(run_cli("init", data_dir=data_dir))
    assert "already exists" in err


def test_workers_passphrases_and_lead_worker(data_dir: Path) -> None:
    _ok(
        "add-worker",
        "bea",
        "--role",
        "supervisor",
        data_dir=data_dir,
        env={"LEAD_NEW_PASSPHRASE": "orchid tunnel maple rocket"},
    )
    assert _ok("workers", data_dir=data_dir).split() == ["ana", "bea"]
    err = _one_clean_error(run_cli("search", "x", data_dir=data_dir))
    assert "--worker" in err
    assert run_cli("search", "x", "--worker", "ana", data_dir=data_dir).returncode == 1
    bea = {"LEAD_WORKER": "bea", "LEAD_PASSPHRASE": "orchid tunnel maple rocket"}
    assert run_cli("search", "x", data_dir=data_dir, env=bea).returncode == 1  # unlocked, no hit
    _ok(
        "change-passphrase",
        data_dir=data_dir,
        env={**bea, "LEAD_NEW_PASSPHRASE": "velvet comet harbor lime"},
    )
    assert run_cli("search", "x", data_dir=data_dir, env=bea).returncode == 1 + 0  # refused now
    new = {"LEAD_WORKER": "bea", "LEAD_PASSPHRASE": "velvet comet harbor lime"}
    assert "audit log intact" in _ok("verify-audit", data_dir=data_dir, env=new)


def test_recovery_keygen_set_and_recover(data_dir: Path, tmp_path: Path) -> None:
    keys = tmp_path / "keys"
    env = {"LEAD_RECOVERY_PASSPHRASE": "offline vault passphrase 9"}
    _ok("recovery-keygen", "--out", str(keys), data_dir=data_dir, env=env)
    assert (keys / "recovery-private.pem").stat().st_mode & 0o077 == 0
    _ok("set-recovery-key", str(keys / "recovery-public.pem"), data_dir=data_dir)
    _ok(
        "recover",
        "--private-key",
        str(keys / "recovery-private.pem"),
        "--worker",
        "ana",
        data_dir=data_dir,
        env={**env, "LEAD_NEW_PASSPHRASE": "brand new long passphrase"},
    )
    assert run_cli("verify-audit", data_dir=data_dir).returncode == 1  # old passphrase is gone
    out = _ok(
        "verify-audit", data_dir=data_dir, env={"LEAD_PASSPHRASE": "brand new long passphrase"}
    )
    assert "intact" in out


def test_rotate_backup_restore_and_demo(data_dir: Path, tmp_path: Path) -> None:
    _ok("demo-data", "--participants", "120", data_dir=data_dir)
    first = _ok("search", "ma", "--limit", "500", data_dir=data_dir)
    assert len(first.splitlines()) > 5
    _ok("rotate-key", data_dir=data_dir)
    assert _ok("search", "ma", "--limit", "500", data_dir=data_dir) == first
    _ok("backup", str(tmp_path / "b.leadbak"), data_dir=data_dir)
    _ok("restore", str(tmp_path / "b.leadbak"), data_dir=data_dir)
    assert _ok("search", "ma", "--limit", "500", data_dir=data_dir) == first


def test_coverage_check_and_import(data_dir: Path, tmp_path: Path) -> None:
    assert run_cli("check-location", "39.2915", "-76.6214", data_dir=data_dir).returncode == 0
    assert run_cli("check-location", "39.2975", "-76.6155", data_dir=data_dir).returncode == 3
    square = {
        "type": "Polygon",
        "coordinates": [
            [[-76.62, 39.29], [-76.60, 39.29], [-76.60, 39.30], [-76.62, 39.30], [-76.62, 39.29]]
        ],
    }
    (tmp_path / "area.geojson").write_text(json.dumps(square))
    _ok("import-coverage", str(tmp_path / "area.geojson"), data_dir=data_dir)
    assert run_cli("check-location", "39.2975", "-76.6155", data_dir=data_dir).returncode == 0
    (tmp_path / "bad.geojson").write_text("{not json")
    _one_clean_error(run_cli("import-coverage", str(tmp_path / "bad.geojson"), data_dir=data_dir))


def test_self_test_passes(tmp_path: Path) -> None:
    out = _ok("self-test", data_dir=tmp_path)
    assert out.strip().endswith("self-test passed")


def test_passphrase_from_env_is_required_without_a_terminal(data_dir: Path) -> None:
    result = run_cli("verify-audit", data_dir=data_dir, env={"LEAD_PASSPHRASE": ""})
    assert result.returncode != 0
    assert PASSPHRASE not in result.stderr


def test_import_notes_ignored_columns_and_bad_duplicate_dates_are_refused(
    data_dir: Path, tmp_path: Path
) -> None:
    src = tmp_path / "Client.csv"
    src.write_text(CLIENT_CSV, encoding="utf-8")
    result = run_cli("import-csv", str(src), data_dir=data_dir)
    assert result.returncode == 0
    assert "note:" in result.stderr and "Extra" in result.stderr
    err = _one_clean_error(
        run_cli("duplicates", "--first", "Jose", "--dob", "1980-02-30", data_dir=data_dir)
    )
    assert "dob" in err and "not a date" in err
