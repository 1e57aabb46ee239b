"""Streaming an export (csv, jsonl, parquet, gdelt, gdelt-mentions, plover) over HTTP: the
export writers write into a bounded queue from a worker thread, the response reads it.
A client that goes away stops the export at its next write."""
from __future__ import annotations

import logging
import queue
import threading
from collections.abc import Callable, Iterator
from typing import Any

log = logging.getLogger("chronik.server")

CONTENT_TYPES = {
    "csv": "text/csv; charset=utf-8",
    "jsonl": "application/x-ndjson; charset=utf-8",
    "plover": "application/x-ndjson; charset=utf-8",
    "gdelt": "text/tab-separated-values; charset=utf-8",
    "gdelt-mentions": "text/tab-separated-values; charset=utf-8",
    "parquet": "application/vnd.apache.parquet",
}
EXTENSIONS = {"csv": "csv", "jsonl": "jsonl", "plover": "jsonl", "gdelt": "tsv", "gdelt-mentions": "mentions.tsv",
              "parquet": "parquet"}
_END = object()
_CHUNK = 64 * 1024


class _Stopped(Exception):
    """The reader went away."""


class QueueSink:
    """A write-only file (text or bytes) whose contents go, in chunks, into a queue."""

    def __init__(self, q: queue.Queue, stop: threading.Event):
        self.q, self.stop = q, stop
        self.buf = bytearray()
        self.pos = 0
        self.closed = False

    def write(self, data: str | bytes) -> int:
        b = data.encode("utf-8") if isinstance(data, str) else bytes(data)
        self.buf += b
        self.pos += len(b)
        if len(self.buf) >= _CHUNK:
            self.flush()
        return len(data)

    def flush(self) -> None:
        if self.buf:
            self._put(bytes(self.buf))
            self.buf.clear()

    def _put(self, item: Any) -> None:
        while True:
            if self.stop.is_set():
                raise _Stopped
            try:
                self.q.put(item, timeout=0.2)
                return
            except queue.Full:
                continue

    def tell(self) -> int:
        return self.pos

    def writable(self) -> bool:
        return True

    def seekable(self) -> bool:
        return False

    def readable(self) -> bool:
        return False

    def close(self) -> None:  # the worker flushes and ends the stream itself
        pass


def stream(write: Callable[[QueueSink], Any]) -> Iterator[bytes]:
    """Run ``write(sink)`` in a thread and yield what it writes."""
    q: queue.Queue = queue.Queue(maxsize=32)
    stop = threading.Event()
    sink = QueueSink(q, stop)

    def work() -> None:
        try:
            write(sink)
            sink.flush()
        except _Stopped:
            return
        except Exception as exc:  # noqa: BLE001 - reported to the reader, logged
            log.exception("export failed")
            try:
                sink._put(exc)
            except _Stopped:
                return
        try:
            sink._put(_END)
        except _Stopped:
            pass

    worker = threading.Thread(target=work, name="chronik-export", daemon=True)
    worker.start()
    try:
        while True:
            item = q.get()
            if item is _END:
                return
            if isinstance(item, Exception):
                # the status line is sent already: end the body with a readable marker
                yield f"\n# export stopped: {type(item).__name__}\n".encode()
                return
            yield item
    finally:
        stop.set()
