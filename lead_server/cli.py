"""The ``lead-server`` command: serve, make-cert, fingerprint, add-user, enroll-code,
revoke-device, status, purge-uploads; list-users, list-devices, disable-user, enable-user,
reset-password."""

from __future__ import annotations

import argparse
import gc
import getpass
import ipaddress
import json
import logging
import os
import sys
from collections.abc import Callable, Sequence
from dataclasses import asdict
from datetime import datetime
from pathlib import Path
from typing import Any

from platformdirs import user_data_dir
from sqlalchemy import Engine
from sqlalchemy.exc import OperationalError

from lead_desktop.errors import LeadError
from lead_server import __version__, admin
from lead_server.auth import ROLES
from lead_server.db import make_engine, sqlite_url
from lead_server.errors import ServerError
from lead_server.migrations import migrate

logger = logging.getLogger(__name__)
DEFAULT_PORT = 8700
PASSWORD_ENV = "LEAD_SERVER_PASSWORD"
URL_ENV = "LEAD_SERVER_DATABASE_URL"
PUBLIC_URL_ENV = "LEAD_SERVER_URL"
#: Seconds a stopping server waits for open connections (a cut push is retried safely).
GRACEFUL_STOP = 10


class UsageError(ServerError):
    """The command was given something it cannot use."""


def _parser() -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--data-dir", type=Path, help="where server.db and logs live")
    common.add_argument(
        "--database-url", help=f"PostgreSQL or SQLite URL (or set {URL_ENV}); default SQLite"
    )
    parser = argparse.ArgumentParser(prog="lead-server", description="LEAD sync server")
    parser.add_argument("--version", action="version", version=f"lead-server {__version__}")
    sub = parser.add_subparsers(dest="command", required=True)
    serve = sub.add_parser("serve", parents=[common], help="run the server")
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--port", type=int, default=DEFAULT_PORT)
    serve.add_argument("--tls-cert", type=Path)
    serve.add_argument("--tls-key", type=Path)
    cert = sub.add_parser("make-cert", help="make a self-signed certificate for a pilot")
    cert.add_argument("--out", type=Path, required=True)
    cert.add_argument("--name", action="append", default=[], help="host name or address")
    fp = sub.add_parser("fingerprint", help="print the SHA-256 fingerprint laptops must pin")
    fp.add_argument("cert", type=Path, help="the certificate the server presents (PEM)")
    user = sub.add_parser("add-user", parents=[common], help="create a worker account")
    user.add_argument("name")
    user.add_argument("--role", required=True, choices=ROLES)
    user.add_argument("--team")
    code = sub.add_parser("enroll-code", parents=[common], help="issue a one-time device code")
    code.add_argument("--user", metavar="NAME", help="only this worker may use the code")
    code.add_argument(
        "--server",
        metavar="URL",
        help=f"the address laptops use, put into the QR code (or set {PUBLIC_URL_ENV})",
    )
    code.add_argument(
        "--tls-cert",
        type=Path,
        metavar="FILE",
        help="the certificate laptops will see: its fingerprint goes into the QR code",
    )
    code.add_argument("--qr", type=Path, metavar="FILE.png", help="also write the QR code as PNG")
    revoke = sub.add_parser(
        "revoke-device", parents=[common], help="revoke a lost or stolen device"
    )
    revoke.add_argument("device")
    revoke.add_argument("--reason", required=True, choices=("lost", "stolen"))
    sub.add_parser("status", parents=[common], help="counts at a glance")
    purge = sub.add_parser(
        "purge-uploads",
        parents=[common],
        help="drop attachment uploads never finished (serve also does this when it starts)",
    )
    purge.add_argument(
        "--older-than",
        type=int,
        default=admin.UPLOAD_KEEP_DAYS,
        metavar="DAYS",
        help=f"started at least this many days ago (default {admin.UPLOAD_KEEP_DAYS})",
    )
    _account_parsers(sub, common)
    return parser


def _account_parsers(sub: Any, common: argparse.ArgumentParser) -> None:
    """The commands that look after workers and devices once they exist."""
    users = sub.add_parser("list-users", parents=[common], help="list workers, one a line")
    users.add_argument("--json", action="store_true", help="a JSON array, for scripts")
    devices = sub.add_parser("list-devices", parents=[common], help="list enrolled devices")
    devices.add_argument("--user", metavar="NAME", help="only the devices this worker enrolled")
    devices.add_argument("--json", action="store_true", help="a JSON array, for scripts")
    for command, text in (
        ("disable-user", "stop a worker signing in or syncing (their token too)"),
        ("enable-user", "let a disabled worker sign in and sync again"),
        (
            "reset-password",
            f"set a new password (from {PASSWORD_ENV} or asked) and make every laptop of "
            "the worker ask for it",
        ),
    ):
        sub.add_parser(command, parents=[common], help=text).add_argument("name")


def database_url(args: argparse.Namespace) -> str:
    """The database the command works on: the option, the environment, or SQLite by default."""
    url = args.database_url or os.environ.get(URL_ENV)
    if url:
        return str(url)
    data_dir = args.data_dir or Path(user_data_dir("lead-server", appauthor=False))
    return sqlite_url(Path(data_dir))


def _engine(args: argparse.Namespace) -> Engine:
    engine = make_engine(database_url(args))
    migrate(engine)
    return engine


def _is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def _serve(args: argparse.Namespace) -> None:
    import uvicorn

    from lead_server.app import create_app
    from lead_server.logs import configure

    if (args.tls_cert is None) != (args.tls_key is None):
        raise UsageError("give both --tls-cert and --tls-key, or neither")
    if args.tls_cert is None and not _is_loopback(args.host):
        raise UsageError(
            f"plain HTTP is only served on loopback; give --tls-cert and --tls-key to serve "
            f"on {args.host} (make a pilot certificate with: lead-server make-cert --out DIR)"
        )
    if args.tls_cert is not None:
        from lead_server.certs import check_pair

        check_pair(args.tls_cert, args.tls_key)
    configure()
    app = create_app(database_url(args))
    admin.purge_unfinished_uploads(app.state.engine)
    # What is loaded now lives as long as the process: keep the cyclic collector off it.
    gc.collect()
    gc.freeze()
    logger.info("serving", extra={"host": args.host, "port": args.port, "tls": bool(args.tls_cert)})
    uvicorn.run(
        app,
        host=args.host,
        port=args.port,
        ssl_certfile=str(args.tls_cert) if args.tls_cert else None,
        ssl_keyfile=str(args.tls_key) if args.tls_key else None,
        log_config=None,
        access_log=False,
        proxy_headers=True,
        timeout_graceful_shutdown=GRACEFUL_STOP,
    )


def _password(prompt: str = "Password: ") -> str:
    password = os.environ.get(PASSWORD_ENV)
    if password:
        return password
    if not sys.stdin.isatty():
        raise UsageError(f"no password: set {PASSWORD_ENV} or run in a terminal")
    first = getpass.getpass(prompt)
    if first != getpass.getpass("Again: "):
        raise UsageError("the two passwords differ")
    return first


def _out(line: str) -> None:
    sys.stdout.write(line + "\n")


def _qr_lines(qr: Any) -> list[str]:
    """The QR code as text: half blocks two rows a line, or '##' pairs where the terminal's
    encoding has no block characters. Light modules are drawn, for dark terminals."""
    rows = [list(row) for row in qr.matrix_iter(scale=1, border=2)]
    try:
        "\u2580\u2584\u2588".encode(sys.stdout.encoding or "ascii")
    except (UnicodeEncodeError, LookupError):
        return ["".join("  " if dark else "##" for dark in row) for row in rows]
    blocks = {(0, 0): "\u2588", (0, 1): "\u2580", (1, 0): "\u2584", (1, 1): " "}
    rows.append([1] * len(rows[0]))
    return [
        "".join(blocks[(top, bottom)] for top, bottom in zip(upper, lower, strict=True))
        for upper, lower in zip(rows[0::2], rows[1::2], strict=False)
    ]


def _enroll_code(args: argparse.Namespace) -> None:
    import segno

    from lead_desktop.sync.transport import EnrollPayload, SyncError, check_url
    from lead_server.certs import describe

    server = args.server or os.environ.get(PUBLIC_URL_ENV) or None
    pin = None
    if args.tls_cert is not None:
        if not args.tls_cert.is_file():
            raise UsageError(f"no such file: {args.tls_cert}")
        pin = describe(args.tls_cert.read_bytes()).fingerprint
    if server:
        try:
            # Without a fingerprint in the code, the laptop shows the certificate and asks.
            server = check_url(server, pin, pin_required=False)
        except SyncError as exc:
            raise UsageError(f"--server: {exc}") from exc
    if args.qr is not None and not args.qr.parent.is_dir():
        raise UsageError(f"--qr: no such folder: {args.qr.parent}")
    code = admin.make_enroll_code(_engine(args), args.user)
    payload = EnrollPayload(code=code, server=server, user=args.user, fingerprint=pin).text()
    qr = segno.make_qr(payload, error="m")
    if args.qr is not None:
        qr.save(str(args.qr), kind="png", scale=8, border=4)
    for line in _qr_lines(qr):
        _out(line)
    if args.qr is not None:
        _out(f"QR code written to {args.qr}")
    if server:
        _out(f"server: {server}" + (f" (fingerprint {pin})" if pin else ""))
    who = f" for {args.user}" if args.user else ""
    _out(f"One-time enrollment code{who}, valid 7 days, usable once:")
    _out(code)


def _cell(value: str | None) -> str:
    """A value for one line of a listing: ``-`` when missing, control characters escaped."""
    if value is None or value == "":
        return "-"
    return value if value.isprintable() else value.encode("unicode_escape").decode("ascii")


def _when(value: str | None) -> str:
    """A stored UTC time, to the minute, for people (the JSON keeps it whole)."""
    if value is None:
        return "-"
    try:
        return f"{datetime.fromisoformat(value):%Y-%m-%d %H:%M} UTC"
    except ValueError:
        return _cell(value)


def _table(header: Sequence[str], rows: Sequence[Sequence[str]]) -> None:
    widths = [max(len(row[i]) for row in [header, *rows]) for i in range(len(header))]
    for row in [header, *rows]:
        _out("  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)).rstrip())


def _json_out(items: Sequence[Any]) -> None:
    _out(json.dumps([asdict(item) for item in items], indent=2))


def _list_users(args: argparse.Namespace) -> None:
    users = admin.list_users(_engine(args))
    if args.json:
        _json_out(users)
    elif not users:
        _out("no workers yet; add one with: lead-server add-user NAME --role ROLE")
    else:
        _table(
            ("NAME", "ROLE", "TEAM", "STATE", "DEVICES"),
            [
                (
                    _cell(u.name),
                    u.role,
                    _cell(u.team),
                    "active" if u.active else "disabled",
                    f"{u.devices}"
                    + (f" ({u.devices_revoked} revoked)" if u.devices_revoked else ""),
                )
                for u in users
            ],
        )


def _list_devices(args: argparse.Namespace) -> None:
    devices = admin.list_devices(_engine(args), args.user)
    if args.json:
        _json_out(devices)
    elif not devices:
        who = f" by {args.user}" if args.user else ""
        _out(f"no devices enrolled{who}; issue a code with: lead-server enroll-code --user NAME")
    else:
        _table(
            ("DEVICE", "NAME", "WORKER", "ENROLLED", "LAST SEEN", "REVOKED"),
            [
                (
                    d.id,
                    _cell(d.name),
                    _cell(d.user),
                    _when(d.enrolled_at),
                    _when(d.last_seen_at),
                    d.revoked,
                )
                for d in devices
            ],
        )


def _set_active(args: argparse.Namespace) -> None:
    active = args.command == "enable-user"
    state = "enabled" if active else "disabled"
    if not admin.set_active(_engine(args), args.name, active):
        _out(f"user {args.name} was already {state}; nothing changed")
    elif active:
        _out(f"user {args.name} enabled: they may sign in and sync again")
    else:
        _out(
            f"user {args.name} disabled: sign-in, sync and their current token are refused "
            f"(undo with: lead-server enable-user {args.name})"
        )


def _reset_password(args: argparse.Namespace) -> None:
    engine = _engine(args)
    admin.require_user(engine, args.name)  # before asking for a password
    done = admin.reset_password(engine, args.name, _password("New password: "))
    keys = f"{done.sync_keys_dropped} saved sign-in{'s' if done.sync_keys_dropped != 1 else ''}"
    _out(
        f"password of {args.name} changed; {keys} dropped: each of their laptops asks for the "
        "new password at its next sync"
    )
    if not done.active:
        _out(f"{args.name} is disabled; to let them sign in: lead-server enable-user {args.name}")


#: The commands that look after workers and devices, by name.
ACCOUNT_COMMANDS: dict[str, Callable[[argparse.Namespace], None]] = {
    "list-users": _list_users,
    "list-devices": _list_devices,
    "disable-user": _set_active,
    "enable-user": _set_active,
    "reset-password": _reset_password,
}


def run(argv: Sequence[str] | None = None) -> int:
    """Run one command; return the exit status."""
    args = _parser().parse_args(argv)
    if args.command == "serve":
        _serve(args)
    elif args.command == "make-cert":
        from lead_server.certs import describe, make_self_signed

        cert, key, fp = make_self_signed(args.out, args.name)
        _out(f"certificate: {cert} (valid until {describe(cert.read_bytes()).not_after:%Y-%m-%d})")
        _out(f"private key: {key} (keep it secret)")
        _out("SHA-256 fingerprint (give it to each laptop at enrollment):")
        _out(fp)
    elif args.command == "fingerprint":
        from lead_server.certs import describe

        if not args.cert.is_file():
            raise UsageError(f"no such file: {args.cert}")
        summary = describe(args.cert.read_bytes())
        _out(f"subject: {summary.subject}")
        _out(f"valid until: {summary.not_after:%Y-%m-%d}")
        _out("SHA-256 fingerprint (give it to each laptop at enrollment):")
        _out(summary.fingerprint)
    elif args.command == "add-user":
        password = _password()
        user_id = admin.add_user(_engine(args), args.name, args.role, password, args.team)
        _out(f"user {args.name} created ({args.role}); id {user_id}")
    elif args.command == "enroll-code":
        _enroll_code(args)
    elif args.command == "revoke-device":
        admin.revoke_device(_engine(args), args.device, args.reason)
        _out(f"device {args.device} revoked ({args.reason})")
    elif args.command == "status":
        for name, value in admin.status(_engine(args)).items():
            _out(f"{name}: {value}")
    elif args.command == "purge-uploads":
        count = admin.purge_unfinished_uploads(_engine(args), args.older_than)
        _out(f"{count} unfinished upload(s) older than {args.older_than} days dropped")
    elif args.command in ACCOUNT_COMMANDS:
        ACCOUNT_COMMANDS[args.command](args)
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point: errors are one line on stderr and a non-zero exit."""
    try:
        return run(argv)
    except (LeadError, FileExistsError, ValueError) as exc:
        sys.stderr.write(f"lead-server: {exc}\n")
        return 1
    except OperationalError as exc:
        sys.stderr.write(f"lead-server: cannot use the database ({type(exc.orig).__name__})\n")
        return 1
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    sys.exit(main())
