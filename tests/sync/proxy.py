"""A loopback TCP proxy for sync tests: counts bytes, cuts the link at chosen points, kills.

The proxy sits between a SyncClient and a server on 127.0.0.1. It reads the HTTP/1.1 framing of
both directions (Content-Length or chunked), so a fault can name a request ("the third push") and
a point inside it ("the middle of its response") instead of a raw byte count. When a fault fires
the proxy forwards exactly the bytes before the cut point, then closes both sockets abruptly
(RST): the client sees the connection die, the server sees a request that never completed (or an
answer nobody reads). A fault may instead call ``kill`` when the first byte of a chosen response
arrives, before forwarding any of it: the server has committed, the client never hears of it.

One thread serves every connection through a selector, so sockets are only ever touched by it.
"""

from __future__ import annotations

import logging
import selectors
import socket
import struct
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Literal

logger = logging.getLogger(__name__)

#: "up" is client to server (requests), "down" server to client (responses).
Direction = Literal["up", "down"]
#: Where in a message to cut: a byte offset into it, or its start (0), middle, or end (all
#: bytes but the last, so the message never completes).
Position = int | Literal["start", "middle", "end"]

_RECV = 65536


@dataclass(frozen=True)
class Fault:
    """One fault to inject, counted from the moment it is armed.

    ``request``: which request (0-based) among those whose path equals ``path`` (all requests
    when ``path`` is None). ``connection``: instead of a request, the n-th connection (0-based),
    cut at byte ``at`` of ``direction`` (an int then). ``kill``: called instead of forwarding when
    the cut point is reached (use with ``direction="down", at="start"`` to kill the server after
    it answered and before the client hears anything).
    """

    direction: Direction
    at: Position = "start"
    request: int | None = 0
    path: str | None = None
    connection: int | None = None
    kill: Callable[[], None] | None = None

    def label(self) -> str:
        """A short name for reports: ``push#2 down@middle``."""
        if self.connection is not None:
            return f"connection#{self.connection} {self.direction}@{self.at}"
        name = (self.path or "request").rsplit("/", 1)[-1]
        return f"{name}#{self.request} {self.direction}@{self.at}"


@dataclass
class Exchange:
    """One request seen by the proxy and what came back (byte sizes as on the wire)."""

    index: int
    method: str
    path: str
    up: int | None = None
    down: int | None = None
    status: int | None = None
    cut: bool = False


@dataclass
class _Message:
    """One HTTP message inside a direction's byte stream (absolute offsets)."""

    start: int
    head_done: bool = False
    total: int | None = None
    end: int | None = None
    first_line: str = ""


class _Parser:
    """Finds HTTP/1.1 message boundaries in one direction of one connection."""

    def __init__(self, requests: bool) -> None:
        self.requests = requests
        self.messages: list[_Message] = []
        self.on_head: Callable[[_Message, int], None] | None = None
        self._abs = 0
        self._state = "idle"
        self._head = bytearray()
        self._line = bytearray()
        self._left = 0

    def feed(self, data: bytes) -> None:
        """Parse more bytes of the stream."""
        i = 0
        while i < len(data):
            if self._state == "idle":
                self.messages.append(_Message(start=self._abs + i))
                self._state, self._head = "head", bytearray()
            msg = self.messages[-1]
            if self._state == "head":
                before = len(self._head)
                self._head += data[i:]
                end = self._head.find(b"\r\n\r\n")
                if end < 0:
                    i = len(data)
                    continue
                i += end + 4 - before
                self._headers(msg, bytes(self._head[: end + 4]), self._abs + i)
            elif self._state in {"body", "chunk"}:
                n = min(self._left, len(data) - i)
                i, self._left = i + n, self._left - n
                if not self._left:
                    self._state = "size" if self._state == "chunk" else self._finish(msg, i)
            elif self._state == "eof":
                i = len(data)
            else:  # "size" or "trailer": one line at a time
                nl = data.find(b"\n", i)
                if nl < 0:
                    self._line += data[i:]
                    i = len(data)
                    continue
                self._line += data[i : nl + 1]
                i = nl + 1
                line, self._line = bytes(self._line).strip(), bytearray()
                if self._state == "trailer":
                    if not line:
                        self._state = self._finish(msg, i)
                elif (size := int(line.split(b";")[0], 16)) == 0:
                    self._state = "trailer"
                else:
                    self._state, self._left = "chunk", size + 2
        self._abs += len(data)

    def _headers(self, msg: _Message, head: bytes, at: int) -> None:
        lines = head.decode("latin-1").split("\r\n")
        msg.first_line, msg.head_done = lines[0], True
        headers = {}
        for line in lines[1:]:
            name, _, value = line.partition(":")
            headers[name.strip().lower()] = value.strip()
        length = headers.get("content-length")
        if "chunked" in headers.get("transfer-encoding", "").lower():
            self._state = "size"
        elif length is not None or self.requests:
            self._left = int(length or 0)
            msg.total = len(head) + self._left
            self._state = "body" if self._left else self._done(msg, at)
        else:
            self._state = "eof"  # a response delimited by the connection's close
        if self.on_head is not None:
            self.on_head(msg, len(self.messages) - 1)

    def _finish(self, msg: _Message, i: int) -> str:
        return self._done(msg, self._abs + i)

    @staticmethod
    def _done(msg: _Message, end: int) -> str:
        msg.end, msg.total = end, end - msg.start
        return "idle"


@dataclass
class _Side:
    """One direction of one connection: what came in, what went out."""

    source: socket.socket
    sink: socket.socket
    parser: _Parser
    pending: bytearray = field(default_factory=bytearray)
    received: int = 0
    forwarded: int = 0


@dataclass
class _Pair:
    """A client connection and its connection to the server."""

    index: int
    up: _Side
    down: _Side
    exchanges: list[Exchange] = field(default_factory=list)
    closed: bool = False


class Proxy:
    """Forward 127.0.0.1:``port`` to the server at 127.0.0.1:``target``, with faults on demand."""

    def __init__(self, target: int) -> None:
        self.target = target
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.listener.setblocking(False)
        self.port: int = self.listener.getsockname()[1]
        self.url = f"http://127.0.0.1:{self.port}"
        #: Every request seen, in order, with its size up and its answer's size down.
        self.log: list[Exchange] = []
        #: Bytes received from the client (up) and from the server (down), all connections.
        self.bytes_up = 0
        self.bytes_down = 0
        #: The fault that fired last, and the exchange it hit (None for a connection fault).
        self.fired: Fault | None = None
        self.fired_on: Exchange | None = None
        self._lock = threading.Lock()
        self._fault: Fault | None = None
        self._matched = 0
        self._connections = 0
        self._target: Exchange | None = None
        self._pairs: dict[socket.socket, tuple[_Pair, _Side]] = {}
        self._selector = selectors.DefaultSelector()
        self._wake_r, self._wake_w = socket.socketpair()
        self._stop = False
        self._selector.register(self.listener, selectors.EVENT_READ)
        self._selector.register(self._wake_r, selectors.EVENT_READ)
        self._thread = threading.Thread(target=self._run, name="sync-proxy", daemon=True)

    # -- control -----------------------------------------------------------------------------

    def __enter__(self) -> Proxy:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        """Stop forwarding and close every socket."""
        self._stop = True
        self._wake_w.send(b"x")
        self._thread.join(10)
        for pair, _ in list(self._pairs.values()):
            self._abort(pair)
        self.listener.close()
        self._wake_r.close()
        self._wake_w.close()
        self._selector.close()

    def arm(self, fault: Fault) -> None:
        """Inject ``fault`` into the coming traffic (one at a time; it fires once)."""
        with self._lock:
            self._fault, self._matched, self._connections = fault, 0, 0
            self._target, self.fired, self.fired_on = None, None, None

    def disarm(self) -> None:
        """Forget a fault that has not fired."""
        with self._lock:
            self._fault, self._target = None, None

    def reset_log(self) -> None:
        """Forget the exchanges seen so far (counters too)."""
        with self._lock:
            self.log, self.bytes_up, self.bytes_down = [], 0, 0

    # -- the loop ----------------------------------------------------------------------------

    def _run(self) -> None:
        while not self._stop:
            for key, _ in self._selector.select(timeout=1.0):
                sock = key.fileobj
                if sock is self._wake_r:
                    continue
                if sock is self.listener:
                    self._accept()
                    continue
                assert isinstance(sock, socket.socket)
                got = self._pairs.get(sock)
                if got is None:
                    continue
                pair, side = got
                try:
                    data = sock.recv(_RECV)
                except OSError:
                    data = b""
                if not data:
                    self._abort(pair, graceful=True)
                    continue
                with self._lock:
                    self._received(pair, side, data)

    def _accept(self) -> None:
        try:
            client, _ = self.listener.accept()
        except BlockingIOError:
            return
        client.setblocking(True)
        try:
            upstream = socket.create_connection(("127.0.0.1", self.target), timeout=5)
        except OSError:
            _reset(client)  # the server is down: the client sees the connection refused
            return
        upstream.settimeout(None)
        for sock in (client, upstream):  # forward each piece at once (no Nagle delay)
            sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        with self._lock:
            index = self._connections
            self._connections += 1
        pair = _Pair(
            index,
            up=_Side(client, upstream, _Parser(requests=True)),
            down=_Side(upstream, client, _Parser(requests=False)),
        )
        pair.up.parser.on_head = lambda msg, n: self._request_head(pair, msg, n)
        pair.down.parser.on_head = lambda msg, n: self._response_head(pair, msg, n)
        for sock, side in ((client, pair.up), (upstream, pair.down)):
            self._pairs[sock] = (pair, side)
            self._selector.register(sock, selectors.EVENT_READ)

    def _request_head(self, pair: _Pair, msg: _Message, _n: int) -> None:
        method, _, rest = msg.first_line.partition(" ")
        path = rest.split(" ", 1)[0].split("?", 1)[0]
        exchange = Exchange(index=len(self.log), method=method, path=path, up=msg.total)
        self.log.append(exchange)
        pair.exchanges.append(exchange)
        fault = self._fault
        if fault is not None and fault.connection is None and self._target is None:
            if fault.path is None or fault.path == path:
                if self._matched == fault.request:
                    self._target = exchange
                self._matched += 1

    def _response_head(self, pair: _Pair, msg: _Message, n: int) -> None:
        if n < len(pair.exchanges):
            parts = msg.first_line.split(" ")
            pair.exchanges[n].status = int(parts[1]) if len(parts) > 1 else None

    def _received(self, pair: _Pair, side: _Side, data: bytes) -> None:
        if side is pair.up:
            self.bytes_up += len(data)
        else:
            self.bytes_down += len(data)
        side.parser.feed(data)
        side.pending += data
        side.received += len(data)
        for n, exchange in enumerate(pair.exchanges):
            exchange.up = _total(pair.up.parser, n)
            exchange.down = _total(pair.down.parser, n)
        barrier, cut = self._barrier(pair, side)
        upto = min(barrier, side.received)
        if upto > side.forwarded:
            chunk = bytes(side.pending[: upto - side.forwarded])
            del side.pending[: upto - side.forwarded]
            try:
                side.sink.sendall(chunk)
            except OSError:
                self._abort(pair)
                return
            side.forwarded = upto
        if cut and side.forwarded == barrier:
            self._fire(pair, side)

    def _barrier(self, pair: _Pair, side: _Side) -> tuple[int, bool]:
        """How far this side may forward now, and whether that point is the cut."""
        fault, unbounded = self._fault, (1 << 62, False)
        direction = "up" if side is pair.up else "down"
        if fault is None:
            return unbounded
        if fault.connection is not None:
            if fault.direction == direction and pair.index == fault.connection:
                assert isinstance(fault.at, int), "a connection fault cuts at a byte count"
                return fault.at, True
            return unbounded
        for n, msg in enumerate(side.parser.messages):
            if msg.end is not None and msg.end <= side.forwarded:
                continue
            if direction == "up" and self._target is None and not msg.head_done:
                return msg.start, False  # which request is it? hold until its head is read
            exchange = pair.exchanges[n] if n < len(pair.exchanges) else None
            if fault.direction != direction or exchange is None or exchange is not self._target:
                continue
            offset = _resolve(fault.at, msg)
            if offset is None:
                return msg.start, False  # the cut point depends on a length not known yet
            return msg.start + offset, True
        return unbounded

    def _fire(self, pair: _Pair, side: _Side) -> None:
        fault = self._fault
        assert fault is not None
        self.fired, self.fired_on, self._fault = fault, self._target, None
        if self._target is not None:
            self._target.cut = True
        logger.info("proxy fault", extra={"fault": fault.label(), "at_byte": side.forwarded})
        if fault.kill is not None:
            fault.kill()
        self._abort(pair)

    def _abort(self, pair: _Pair, *, graceful: bool = False) -> None:
        if pair.closed:
            return
        pair.closed = True
        for sock in (pair.up.source, pair.down.source):
            self._pairs.pop(sock, None)
            try:
                self._selector.unregister(sock)
            except (KeyError, ValueError):
                pass
            if graceful:
                sock.close()
            else:
                _reset(sock)


def _total(parser: _Parser, n: int) -> int | None:
    return parser.messages[n].total if n < len(parser.messages) else None


def _resolve(at: Position, msg: _Message) -> int | None:
    """The cut's offset inside ``msg``, or None while its length is unknown."""
    if at in {"start", 0}:
        return 0
    if msg.total is None:
        return None
    if at == "middle":
        return msg.total // 2
    if at == "end":
        return msg.total - 1
    assert isinstance(at, int)
    return min(at, msg.total)


def _reset(sock: socket.socket) -> None:
    """Close abruptly: the peer gets a reset, not an orderly end of stream."""
    try:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
    except OSError:
        pass
    sock.close()
