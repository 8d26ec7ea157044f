"""A process killed with SIGKILL mid-import or mid-save leaves a consistent store."""

from __future__ import annotations

import csv
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from sqlalchemy import func, select, text

from lead_desktop.store.audit import verify_audit
from lead_desktop.store.schema import Alias, ChangeJournal, Participant, SearchToken
from lead_desktop.store.store import Store
from tests.helpers import FAST_KDF, PASSPHRASE, REPO, run_cli

SAVER = """
import sys
from pathlib import Path
from lead_desktop.store.store import Store
from lead_desktop.store.participants import create_participant
store = Store.unlock(Path(sys.argv[1]), None, sys.argv[2])
n = 0
while True:
    with store.write() as tx:
        create_participant(tx, data={"first_name": "Zoë", "last_name": f"Ćosić{n}"},
                           aliases=[(f"Red{n}", "street")])
    n += 1
    sys.stdout.write(f"{n}\\n")
    sys.stdout.flush()
"""


def _consistency(root: Path) -> tuple[int, int]:
    with Store.unlock(root, None, PASSPHRASE) as store, store.read() as conn:
        raw = conn.connection.dbapi_connection
        assert raw.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert raw.execute("PRAGMA cipher_integrity_check").fetchall() == []
        people = conn.execute(select(func.count()).select_from(Participant)).scalar_one()
        aliases = conn.execute(select(func.count()).select_from(Alias)).scalar_one()
        journal = conn.execute(
            select(func.count())
            .select_from(ChangeJournal)
            .where(ChangeJournal.table_name == "participant")
        ).scalar_one()
        unindexed = conn.execute(
            text(
                "SELECT count(*) FROM participant p WHERE NOT EXISTS "
                "(SELECT 1 FROM search_token t WHERE t.participant_id = p.id)"
            )
        ).scalar_one()
        orphans = conn.execute(
            select(func.count())
            .select_from(SearchToken)
            .where(SearchToken.participant_id.not_in(select(Participant.id)))
        ).scalar_one()
        assert journal == people, "every participant row has exactly its journal entry"
        assert unindexed == 0 and orphans == 0
        assert verify_audit(conn).ok
        return people, aliases


def test_sigkill_during_saves_loses_no_acknowledged_save(tmp_path: Path) -> None:
    root = tmp_path / "store"
    Store.create(root, "tester", PASSPHRASE, kdf=FAST_KDF).close()
    proc = subprocess.Popen(
        [sys.executable, "-c", SAVER, str(root), PASSPHRASE],
        stdout=subprocess.PIPE,
        text=True,
        cwd=REPO,
    )
    assert proc.stdout is not None
    acknowledged = 0
    while acknowledged < 40:
        acknowledged = int(proc.stdout.readline())
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    people, aliases = _consistency(root)
    assert acknowledged <= people <= acknowledged + 1
    assert aliases == people, "no participant without its alias: no partial rows"


def _big_csv(path: Path, rows: int) -> None:
    with path.open("w", newline="", encoding="utf-8") as fh:
        writer = csv.writer(fh)
        writer.writerow(
            ["PersonalID", "FirstName", "LastName", "NameDataQuality", "DOB", "DOBDataQuality"]
        )
        for i in range(rows):
            writer.writerow([f"P{i}", "José", f"Núñez{i}", 1, "1980-03-05", 1])


def test_sigkill_during_a_large_import_leaves_no_partial_rows(tmp_path: Path) -> None:
    data_dir = tmp_path / "data"
    assert run_cli("init", "--worker", "tester", data_dir=data_dir).returncode == 0
    source = tmp_path / "Client.csv"
    _big_csv(source, 60_000)
    env = {**os.environ, "LEAD_PASSPHRASE": PASSPHRASE}
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "lead_desktop.cli",
            "--data-dir",
            str(data_dir),
            "import-csv",
            str(source),
        ],
        env=env,
        cwd=REPO,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    wal = data_dir / "store" / "lead.db-wal"
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and proc.poll() is None:
        if wal.exists() and wal.stat().st_size > 2_000_000:  # the import's pages are landing
            break
        time.sleep(0.01)
    assert proc.poll() is None, "the import finished before it could be interrupted"
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    people, _ = _consistency(data_dir / "store")
    assert people == 0
    # And the same import, run again to the end, brings everyone in exactly once.
    done = run_cli("import-csv", str(source), data_dir=data_dir, timeout=300)
    assert done.returncode == 0, done.stderr
    assert _consistency(data_dir / "store")[0] == 60_000
