"""The lead-desktop command line: the same core as the GUI, for IT, scripts and tests."""

from __future__ import annotations

import argparse
import getpass
import logging
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from lead_desktop import __version__
from lead_desktop.domain.workers import ROLES
from lead_desktop.errors import LeadError, ValidationError

logger = logging.getLogger(__name__)
PROG = "lead-desktop"
EXIT_USAGE, EXIT_ERROR, EXIT_INTERNAL = 2, 1, 70


#: Kinds of `document` (lead_desktop.documents.KINDS, listed here to keep start-up light).
DOCUMENT_KINDS = (
    "service-plan",
    "consent-release",
    "consent-tpo",
    "consent-cj",
    "consent-counseling-notes",
    "consent-legal-proceedings",
    "revocation",
    "disclosures",
)


class CliError(LeadError):
    """A problem with how the command was called."""


def out(line: str = "") -> None:
    """Write one line of command output to stdout."""
    sys.stdout.write(line + "\n")


def default_data_dir() -> Path:
    """The platform's per-user data folder for LEAD Desktop."""
    from platformdirs import user_data_dir

    return Path(user_data_dir("lead-desktop", appauthor=False))


# -- secrets ---------------------------------------------------------------------------------


def _secret(env: str, prompt: str, *, confirm: bool = False) -> str:
    value = os.environ.get(env)
    if value is not None:
        return value
    if not sys.stdin.isatty():
        raise CliError(f"no terminal to ask for it: set {env} or run in a terminal")
    first = getpass.getpass(prompt)
    if confirm and getpass.getpass("Again, to confirm: ") != first:
        raise CliError("the two entries differ; nothing was changed")
    return first


def passphrase() -> str:
    """The unlocking worker's passphrase (LEAD_PASSPHRASE or a prompt)."""
    return _secret("LEAD_PASSPHRASE", "Passphrase: ")


def new_passphrase(env: str = "LEAD_NEW_PASSPHRASE", who: str = "") -> str:
    """A passphrase being set (from ``env`` or typed twice)."""
    label = f"New passphrase for {who} (15+ characters): " if who else "New passphrase: "
    return _secret(env, label, confirm=True)


# -- store access ----------------------------------------------------------------------------


def store_root(args: argparse.Namespace) -> Path:
    """The store folder inside the data directory."""
    return Path(args.data_dir) / "store"


def open_store(args: argparse.Namespace) -> Any:
    """Unlock the store as --worker (or LEAD_WORKER, or its only worker)."""
    from lead_desktop.store.store import Store

    return Store.unlock(store_root(args), args.worker, passphrase())


# -- commands --------------------------------------------------------------------------------


def cmd_init(args: argparse.Namespace) -> int:
    """Create a store and its first worker."""
    from lead_desktop.store.store import Store

    worker = args.worker or getpass.getuser()
    pem = Path(args.recovery_public_key).read_bytes() if args.recovery_public_key else None
    root = store_root(args)
    with Store.create(
        root, worker, new_passphrase("LEAD_PASSPHRASE", worker), recovery_public_pem=pem
    ):
        out(f"created store in {root} with worker {worker}")
        if pem is None:
            out("note: no recovery key set; add one with 'lead-desktop set-recovery-key FILE'")
    return 0


def cmd_add_worker(args: argparse.Namespace) -> int:
    """Add a worker with their own passphrase."""
    with open_store(args) as store:
        store.add_worker(args.name, new_passphrase(who=args.name), role=args.role, team=args.team)
    out(f"added worker {args.name} ({args.role})")
    return 0


def cmd_remove_worker(args: argparse.Namespace) -> int:
    """Remove a worker's access (their records stay)."""
    with open_store(args) as store:
        store.remove_worker(args.name)
    out(f"removed worker {args.name}")
    return 0


def cmd_workers(args: argparse.Namespace) -> int:
    """List the workers who can unlock this store."""
    from lead_desktop.store.store import worker_names

    for name in worker_names(store_root(args)):
        out(name)
    return 0


def cmd_change_passphrase(args: argparse.Namespace) -> int:
    """Change the unlocking worker's passphrase."""
    with open_store(args) as store:
        store.change_passphrase(passphrase(), new_passphrase(who=store.worker_name))
        out(f"passphrase changed for {store.worker_name}")
    return 0


def cmd_rotate_key(args: argparse.Namespace) -> int:
    """Re-encrypt the database under a new data key."""
    with open_store(args) as store:
        store.rotate_data_key()
    out("data key rotated; every worker's passphrase still works")
    return 0


def cmd_recovery_keygen(args: argparse.Namespace) -> int:
    """Make the program's recovery key pair."""
    from lead_desktop.store.files import atomic_write
    from lead_desktop.store.keys import generate_recovery_pair

    folder = Path(args.out)
    private_path, public_path = folder / "recovery-private.pem", folder / "recovery-public.pem"
    if private_path.exists():
        raise CliError(f"{private_path} already exists; choose another --out folder")
    secret = None if args.no_passphrase else new_passphrase("LEAD_RECOVERY_PASSPHRASE")
    private_pem, public_pem = generate_recovery_pair(secret)
    atomic_write(private_path, private_pem, mode=0o600)
    atomic_write(public_path, public_pem)
    out(f"wrote {public_path} (give it to each laptop: lead-desktop set-recovery-key)")
    out(f"wrote {private_path} (keep it offline, with the program administrator)")
    return 0


def cmd_set_recovery_key(args: argparse.Namespace) -> int:
    """Seal the store's keys to the program's recovery public key."""
    with open_store(args) as store:
        store.set_recovery_key(Path(args.public_key).read_bytes())
        out(f"recovery key set ({store.keyfile.recovery['recipient']})")
    return 0


def cmd_recover(args: argparse.Namespace) -> int:
    """Give a worker a new passphrase using the recovery private key."""
    from lead_desktop.store.keys import load_recovery_private_key
    from lead_desktop.store.store import Store

    pem = Path(args.private_key).read_bytes()
    key_pass = os.environ.get("LEAD_RECOVERY_PASSPHRASE")
    if key_pass is None and b"ENCRYPTED" in pem:
        key_pass = _secret("LEAD_RECOVERY_PASSPHRASE", "Recovery key passphrase: ")
    key = load_recovery_private_key(pem, key_pass)
    if not args.worker:
        raise CliError("say whose passphrase to reset with --worker NAME")
    with Store.recover(store_root(args), key, args.worker, new_passphrase(who=args.worker)):
        out(f"worker {args.worker} can now unlock with the new passphrase")
    return 0


def cmd_import_csv(args: argparse.Namespace) -> int:
    """Import participants from an HMIS Client.csv file."""
    from lead_desktop.interchange.hmis_csv import import_client_csv

    with open_store(args) as store:
        result = import_client_csv(store, Path(args.file))
    out(f"imported {result.imported} participants")
    if result.skipped_deleted:
        out(f"skipped {result.skipped_deleted} rows marked deleted")
    if result.skipped_existing:
        out(f"skipped {result.skipped_existing} already imported")
    for warning in result.warnings:
        sys.stderr.write(f"{PROG}: note: {warning}\n")
    return 0


def cmd_search(args: argparse.Namespace) -> int:
    """Find participants; one per line: id, name, date of birth, score."""
    from lead_desktop.services import search_participants

    with open_store(args) as store:
        hits = search_participants(store, args.text, limit=args.limit)
    for hit in hits:
        out(f"{hit.participant_id}\t{hit.name}\t{hit.dob or ''}\t{hit.score:.1f}")
    return 0 if hits else 1


def cmd_duplicates(args: argparse.Namespace) -> int:
    """List likely duplicates of a person about to be entered."""
    from lead_desktop.services import find_duplicates

    with open_store(args) as store:
        found = find_duplicates(
            store, first_name=args.first, last_name=args.last, dob=args.dob, aliases=args.alias
        )
    for cand in found:
        out(
            f"{cand.participant_id}\t{cand.name}\t{cand.dob or ''}\t{cand.score:.1f}\t"
            f"{cand.reasons}"
        )
    return 0


def cmd_backup(args: argparse.Namespace) -> int:
    """Write an encrypted backup of the whole store."""
    from lead_desktop.store.backup import write_backup

    with open_store(args) as store:
        header = write_backup(store, Path(args.out))
    out(f"backup written to {args.out} ({header['db_size']} bytes, sha256 {header['db_sha256']})")
    return 0


def cmd_restore(args: argparse.Namespace) -> int:
    """Replace the store with a verified backup."""
    from lead_desktop.store.backup import restore_backup

    phrase = passphrase()
    with restore_backup(
        Path(args.file),
        store_root(args),
        args.worker,
        os.environ.get("LEAD_BACKUP_PASSPHRASE") or phrase,
        current_passphrase=phrase,
    ):
        out(f"store restored from {args.file}")
    return 0


def cmd_demo_data(args: argparse.Namespace) -> int:
    """Add synthetic participants for trying the app."""
    from lead_desktop.demo import load_demo

    with open_store(args) as store:
        count = load_demo(store, args.participants, seed=args.seed)
    out(f"added {count} synthetic participants")
    return 0


def cmd_verify_audit(args: argparse.Namespace) -> int:
    """Check the audit log's hash chain."""
    from lead_desktop.store.audit import verify_audit

    with open_store(args) as store, store.read() as conn:
        report = verify_audit(conn)
    if report.ok:
        out(f"audit log intact: {report.rows} rows")
        return 0
    for problem in report.problems:
        sys.stderr.write(f"{PROG}: audit: {problem}\n")
    return EXIT_ERROR


def cmd_import_coverage(args: argparse.Namespace) -> int:
    """Replace the program's coverage area with a GeoJSON polygon."""
    from lead_desktop.services import set_coverage

    with open_store(args) as store:
        area = set_coverage(store, Path(args.file).read_text("utf-8"))
    out(f"coverage area set: {area.name}")
    return 0


def cmd_check_location(args: argparse.Namespace) -> int:
    """Say whether a point is inside the coverage area (exit 0 inside, 3 outside)."""
    from lead_desktop.services import coverage_area

    with open_store(args) as store:
        inside = coverage_area(store).contains(args.lat, args.lon)
    out("inside the coverage area" if inside else "outside the coverage area")
    return 0 if inside else 3


def cmd_document(args: argparse.Namespace) -> int:
    """Render a service plan, consent, revocation or accounting of disclosures to PDF."""
    from lead_desktop.documents import build, record_printed
    from lead_desktop.store.files import atomic_write

    target = Path(args.out)
    with open_store(args) as store:
        with store.read() as conn:
            doc = build(
                args.kind,
                conn=conn,
                participant_id=args.participant,
                language=args.lang,
                draft=args.draft,
                large_print=args.large_print,
                consent_id=args.consent,
            )
        # The file and its record go together: a failed write rolls the record back.
        with store.write() as tx:
            if doc.draft:
                tx.audit("print_draft", "participant", args.participant, {"kind": doc.kind})
            else:
                record_printed(tx, doc, participant_id=args.participant)
            atomic_write(target, doc.pdf, mode=0o600)
    sys.stderr.write(
        f"{PROG}: warning: {target} is not encrypted and holds personal data; "
        "print it, then delete it\n"
    )
    what = "draft " if doc.draft else ""
    out(
        f"wrote {what}{doc.kind} ({doc.language}, form {doc.template_version}) to {target}: "
        f"{doc.pages} page(s), document {doc.document_id}, sha256 {doc.sha256}"
    )
    return 0


def cmd_self_test(args: argparse.Namespace) -> int:
    """Check the installation end to end in a temporary folder."""
    from lead_desktop.services import self_test

    for line in self_test():
        out(line)
    out("self-test passed")
    return 0


def _confirm_certificate(url: str) -> str:
    """Show the certificate an https server presents and ask whether IT's fingerprint matches;
    return the fingerprint to pin."""
    from lead_desktop.sync.transport import fetch_certificate

    if not sys.stdin.isatty():
        raise CliError(
            "cannot ask you to confirm the server's certificate without a terminal: "
            "pass --fingerprint SHA256 with the fingerprint IT gave you"
        )
    info = fetch_certificate(url)
    out(f"The server at {url} presents this certificate:")
    out(f"  SHA-256 fingerprint: {info.fingerprint}")
    out(f"  subject: {info.subject}")
    out(f"  issued by: {info.issuer}")
    out(f"  valid: {info.not_before} to {info.not_after}")
    sys.stdout.write("Does this match the fingerprint IT gave you? [y/N] ")
    sys.stdout.flush()
    answer = sys.stdin.readline().strip().lower()
    if answer not in {"y", "yes"}:
        raise CliError(
            "enrollment cancelled: the certificate was not confirmed, and nothing was sent or "
            "stored; compare it with the fingerprint from IT, and call them if it differs"
        )
    return info.fingerprint


def cmd_enroll(args: argparse.Namespace) -> int:
    """Enroll this laptop with a sync server using a one-time code."""
    from urllib.parse import urlsplit

    from lead_desktop.sync.engine import SyncClient
    from lead_desktop.sync.transport import check_url, normalise_fingerprint

    url = check_url(args.server, pin_required=False)
    pin: str | None = None
    if urlsplit(url).scheme == "https":
        pin = normalise_fingerprint(args.fingerprint) if args.fingerprint else None
        pin = pin or _confirm_certificate(url)
    elif args.fingerprint:
        raise CliError(
            "--fingerprint is for an https server; plain http (this machine only) has no "
            "certificate to pin"
        )
    with open_store(args) as store:
        password = _secret("LEAD_SERVER_PASSWORD", f"Server password for {args.user}: ")
        with SyncClient(store, url, fingerprint=pin) as client:
            device_id = client.enroll(args.code, args.user, password)
    out(f"enrolled with {url} as device {device_id}")
    if pin:
        out(f"pinned certificate {pin}")
    return 0


def cmd_sync(args: argparse.Namespace) -> int:
    """Sync once with the server; exit 0 only when everything is in step."""
    from lead_desktop.sync.engine import SyncClient
    from lead_desktop.sync.transport import SyncError, normalise_fingerprint

    repin = normalise_fingerprint(args.fingerprint) if args.fingerprint else None
    with open_store(args) as store:
        user = args.user or store.worker_name
        with SyncClient(store, fingerprint=repin) as client:
            if repin and not client.base_url.startswith("https:"):
                raise CliError("--fingerprint is for an https server; this laptop uses http")
            # The password only when needed: the environment's, else the sync key this laptop
            # keeps for the worker, else (or when the server refuses that key) a prompt.
            password = os.environ.get("LEAD_SERVER_PASSWORD") or None
            if password is None and client.saved_sync_key(user) is None:
                password = _secret("LEAD_SERVER_PASSWORD", f"Server password for {user}: ")
            try:
                report = client.sync_once(user, password)
            except SyncError as exc:
                if exc.code != "bad_credentials" or password is not None:
                    raise
                password = _secret("LEAD_SERVER_PASSWORD", f"Server password for {user}: ")
                report = client.sync_once(user, password)
        if repin:
            _store_pin(store, repin)
            out(f"pinned the server's new certificate {repin}")
    out(
        f"pushed {report.pushed}, duplicates {report.duplicates}, conflicts {report.conflicts}, "
        f"rejected {report.rejected}, pulled {report.pulled}, removed {report.removed}, "
        f"uploaded {report.uploaded}, downloaded {report.downloaded}, repaired {report.repaired}"
    )
    if report.in_step:
        out("in step with the server")
        return 0
    out(f"not in step: {', '.join(report.drift)}")
    return EXIT_ERROR


def _store_pin(store: Any, fingerprint: str) -> None:
    """Keep a new certificate fingerprint once the server has been reached with it."""
    from sqlalchemy import update

    from lead_desktop.store.schema import Device

    with store.write() as tx:
        tx.conn.execute(update(Device).values(fingerprint=fingerprint))
        tx.audit("certificate_repinned", "device")


def cmd_gui(args: argparse.Namespace) -> int:
    """Start the desktop app."""
    from lead_desktop.ui.app import run_gui

    return run_gui(Path(args.data_dir))


# -- parser ----------------------------------------------------------------------------------


def build_parser() -> argparse.ArgumentParser:
    """Build the argument parser (every command takes --data-dir and --worker)."""

    def common(top: bool) -> argparse.ArgumentParser:
        # Subcommands accept the same options; SUPPRESS keeps their defaults from overriding
        # a value given before the command name.
        def default(value: Any) -> Any:
            return value if top else argparse.SUPPRESS

        p = argparse.ArgumentParser(add_help=False)
        p.add_argument(
            "--data-dir",
            default=default(os.environ.get("LEAD_DATA_DIR") or str(default_data_dir())),
            help="folder holding the store (default: the platform's user data folder)",
        )
        p.add_argument(
            "--worker",
            default=default(os.environ.get("LEAD_WORKER")),
            help="unlock as this worker (default: LEAD_WORKER, or the store's only worker)",
        )
        p.add_argument(
            "-v",
            "--verbose",
            action="store_true",
            default=default(False),
            help="show diagnostic logging",
        )
        return p

    parser = argparse.ArgumentParser(prog=PROG, parents=[common(True)], description=__doc__)
    parser.add_argument("--version", action="version", version=f"{PROG} {__version__}")
    parser.set_defaults(func=cmd_gui)
    sub = parser.add_subparsers(title="commands", metavar="COMMAND")

    def add(name: str, func: Callable[[argparse.Namespace], int], **kw: Any) -> Any:
        p = sub.add_parser(
            name, parents=[common(False)], help=func.__doc__, description=func.__doc__
        )
        p.set_defaults(func=func, **kw)
        return p

    p = add("init", cmd_init)
    p.add_argument("--recovery-public-key", metavar="FILE", help="program recovery public key")
    p = add("add-worker", cmd_add_worker)
    p.add_argument("name")
    p.add_argument("--role", default="case_manager", choices=ROLES)
    p.add_argument("--team")
    add("remove-worker", cmd_remove_worker).add_argument("name")
    add("workers", cmd_workers)
    add("change-passphrase", cmd_change_passphrase)
    add("rotate-key", cmd_rotate_key)
    p = add("recovery-keygen", cmd_recovery_keygen)
    p.add_argument("--out", required=True, metavar="DIR")
    p.add_argument("--no-passphrase", action="store_true", help="leave the private key unprotected")
    add("set-recovery-key", cmd_set_recovery_key).add_argument("public_key", metavar="FILE")
    add("recover", cmd_recover).add_argument("--private-key", required=True, metavar="FILE")
    add("import-csv", cmd_import_csv).add_argument("file", metavar="FILE")
    p = add("search", cmd_search)
    p.add_argument("text", metavar="TEXT")
    p.add_argument("--limit", type=int, default=20)
    p = add("duplicates", cmd_duplicates)
    p.add_argument("--first")
    p.add_argument("--last")
    p.add_argument("--dob")
    p.add_argument("--alias", action="append", default=[])
    add("backup", cmd_backup).add_argument("out", metavar="OUT")
    add("restore", cmd_restore).add_argument("file", metavar="IN")
    p = add("demo-data", cmd_demo_data)
    p.add_argument("--participants", type=int, default=200, metavar="N")
    p.add_argument("--seed", type=int, default=7)
    add("verify-audit", cmd_verify_audit)
    add("import-coverage", cmd_import_coverage).add_argument("file", metavar="FILE")
    p = add("check-location", cmd_check_location)
    p.add_argument("lat", type=float)
    p.add_argument("lon", type=float)
    p = add("document", cmd_document)
    p.add_argument("kind", metavar="KIND", choices=DOCUMENT_KINDS, help=", ".join(DOCUMENT_KINDS))
    p.add_argument("--participant", required=True, metavar="ID")
    p.add_argument("--lang", default="en", choices=("en", "es"))
    p.add_argument("--out", required=True, metavar="FILE", help="the PDF to write (not encrypted)")
    p.add_argument("--draft", action="store_true", help="print incomplete, with a DRAFT mark")
    p.add_argument("--large-print", action="store_true", help="bigger type")
    p.add_argument("--consent", metavar="ID", help="which consent (default: the latest)")
    add("self-test", cmd_self_test)
    p = add("enroll", cmd_enroll)
    p.add_argument(
        "--server", required=True, metavar="URL", help="https://... as IT gave it (or http to here)"
    )
    p.add_argument("--code", required=True, help="the one-time enrollment code from IT")
    p.add_argument("--user", required=True, metavar="NAME", help="your server account name")
    p.add_argument(
        "--fingerprint",
        metavar="SHA256",
        help="the https server's certificate fingerprint from IT (else it is shown and asked)",
    )
    p = add("sync", cmd_sync)
    p.add_argument("--user", metavar="NAME", help="server account name")
    p.add_argument(
        "--fingerprint",
        metavar="SHA256",
        help="pin the server's new certificate (after IT replaced it and gave you this)",
    )
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run one command; user errors are one clear line on stderr and a non-zero exit."""
    parser = build_parser()
    args = parser.parse_args(argv)
    logging.basicConfig(
        level=logging.INFO if args.verbose else logging.WARNING,
        format=f"{PROG}: %(levelname)s: %(message)s",
        stream=sys.stderr,
    )
    try:
        return int(args.func(args))
    except ValidationError as exc:
        sys.stderr.write(f"{PROG}: error: {len(exc.issues)} problem(s); nothing was written\n")
        for issue in exc.issues:
            sys.stderr.write(f"  {issue}\n")
        return EXIT_ERROR
    except LeadError as exc:
        sys.stderr.write(f"{PROG}: error: {exc}\n")
        return EXIT_USAGE if isinstance(exc, CliError) else EXIT_ERROR
    except FileNotFoundError as exc:
        sys.stderr.write(f"{PROG}: error: no such file: {exc.filename}\n")
        return EXIT_ERROR
    except OSError as exc:
        where = f": {exc.filename}" if exc.filename else ""
        sys.stderr.write(f"{PROG}: error: {exc.strerror or exc}{where}\n")
        return EXIT_ERROR
    except KeyboardInterrupt:
        sys.stderr.write(f"{PROG}: interrupted; nothing partial was written\n")
        return 130
    except Exception as exc:
        if "database is locked" in str(exc):
            sys.stderr.write(f"{PROG}: error: the store is busy in another window; try again\n")
            return EXIT_ERROR
        if args.verbose:
            raise
        logger.debug("internal error", exc_info=True)
        sys.stderr.write(
            f"{PROG}: internal error ({type(exc).__name__}); run again with --verbose for details\n"
        )
        return EXIT_INTERNAL


if __name__ == "__main__":
    sys.exit(main())
