"""All cores of one machine: code documents in a pool of worker processes.

:func:`code_documents` takes the loader's stream (documents and input errors) and yields
:class:`Coded` results **in input order**, so ``--jobs N`` writes exactly what ``--jobs 1``
writes. Each worker loads the language data once (the pool's initializer); the main
process keeps reading and writing. Memory is bounded: documents travel in small chunks
and at most ``2 x jobs`` chunks are in flight, whatever the size of the corpus.

Small inputs are coded in the calling process: a pool is started only when the stream
holds more than ``min_pool`` documents (a worker needs about 3 s to load its data).
"""
from __future__ import annotations

import itertools
import multiprocessing
import os
import sys
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass

from .errors import ChronikError, Errors, InputError, UnsupportedLanguage
from .limits import time_budget
from .model import Document
from .settings import Options

CHUNK_SIZE = 8  # documents per task: large enough to hide the pickling, small enough to keep order cheap
MIN_POOL = 64  # with the default --jobs, fewer documents than this are coded in the calling process


@dataclass(slots=True)
class Coded:
    """One item of the loader's stream after coding.

    ``doc`` is the document (``None`` for an input that could not be read); ``error`` the
    one-line message, as ``chronik extract`` prints it, of an unreadable input or of a
    document that could not be coded (``None`` when all went well); ``failure`` the coder's
    own message (without the path) for the latter; ``coded`` whether ``doc`` went through
    the coder (False for failures and for documents ``needs_coding`` let pass);
    ``skipped`` the message for a document in a language without a pack (``skipped_lang``),
    which is skipped, not failed.
    """

    doc: Document | None
    error: str | None = None
    failure: str | None = None
    coded: bool = True
    skipped: str | None = None
    skipped_lang: str | None = None


def cpu_count() -> int:
    """Cores this process may use (the affinity mask where the OS has one)."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except (AttributeError, OSError):
        return max(1, os.cpu_count() or 1)


Processor = Callable[[Document], Document]


def code_one(doc: Document, options: Options | None = None, process: Processor | None = None) -> Coded:
    """Code one document with ``process`` (default: the pipeline with ``options``); a failure
    becomes a message, never an exception."""
    try:
        with time_budget():  # the per-document budget of settings.cfg [limits], in every worker too
            if process is None:
                from .pipeline import process as run

                return Coded(run(doc, options))
            return Coded(process(doc))
    except UnsupportedLanguage as exc:
        return Coded(doc, coded=False, skipped=exc.message, skipped_lang=exc.lang)
    except ChronikError as exc:
        return Coded(doc, f"{doc.path or doc.id}: {exc.message}", exc.message, coded=False)
    except Exception as exc:  # noqa: BLE001 - a bug must not stop a batch: report it and go on
        return Coded(doc, f"{doc.path or doc.id}: {Errors.E099.format(detail=repr(exc))}",
                     f"{type(exc).__name__}: {exc}", coded=False)


def slim(doc: Document) -> Document:
    """The document without its tokens (what writers and the store read), for cheaper transfer."""
    for s in doc.sentences:
        s.tokens = []
    return doc


# worker side ----------------------------------------------------------------------
_OPTIONS: Options | None = None
_PROCESS: Processor | None = None

WARMUP_TEXTS = {
    "de": "Der Außenminister traf am Montag in Berlin seinen französischen Amtskollegen.",
    "en": "The foreign minister met his French counterpart in Paris on Monday.",
}


def warm_up(options: Options | None = None) -> None:
    """Load every language's data now (lexicons, gazetteers, knowledge base, parser)."""
    from .ingest.text import document_from_text

    for lang, text in WARMUP_TEXTS.items():
        code_one(document_from_text(text, f"warmup-{lang}", lang=lang, published="2020-01-06"), options)


def _init_worker(options: Options | None, process: Processor | None) -> None:
    """The pool's initializer: each worker loads the language data once (a no-op after fork)."""
    global _OPTIONS, _PROCESS
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle: no worker tracebacks
    _OPTIONS, _PROCESS = options, process
    warm_up(options)


def _code_chunk(docs: list[Document]) -> list[Coded]:
    out = []
    for doc in docs:
        res = code_one(doc, _OPTIONS, _PROCESS)
        if res.coded:
            slim(res.doc)
        else:
            res.doc = None  # the caller still holds the document as it was read
        out.append(res)
    return out


# driver side ------------------------------------------------------------------------
def _wrap(item: Document | InputError | ChronikError, needs_coding: Callable[[Document], bool] | None
          ) -> tuple[Coded, bool]:
    """(result without coding, whether the item still has to be coded)."""
    if not isinstance(item, Document):
        return Coded(None, str(item), None, coded=False), False
    if needs_coding is not None and not needs_coding(item):
        return Coded(item, coded=False), False
    return Coded(item, coded=False), True


def code_documents(items: Iterable[Document | InputError], *, jobs: int | None = None,
                   options: Options | None = None, chunk_size: int = CHUNK_SIZE,
                   min_pool: int = 0, needs_coding: Callable[[Document], bool] | None = None,
                   process: Processor | None = None) -> Iterator[Coded]:
    """Code a stream of documents with ``jobs`` processes, yielding results in input order.

    Args:
        items: the loader's stream (:func:`chronik.ingest.load_documents`).
        jobs: worker processes (default: all cores); 1 codes in this process.
        options: the coder's options (default: ``settings.cfg``).
        chunk_size: documents per task.
        min_pool: start a pool only when the stream holds more documents than this.
        needs_coding: documents for which it returns False pass through uncoded
            (``Coded.coded`` is False), e.g. those a store already holds unchanged.
        process: the coder, a picklable function ``Document -> Document`` (default: the
            pipeline with ``options``).

    Documents coded in a worker come back without their tokens (:func:`slim`); sentences,
    mentions and events are complete.
    """
    jobs = cpu_count() if jobs is None else max(1, jobs)
    it = iter(items)
    head: list[Document | InputError] = []
    if jobs > 1 and min_pool:
        head = list(itertools.islice(it, min_pool + 1))
        if len(head) <= min_pool:
            jobs = 1
    stream = itertools.chain(head, it)
    if jobs == 1:
        for item in stream:
            res, todo = _wrap(item, needs_coding)
            yield code_one(item, options, process) if todo else res
        return
    yield from _pooled(stream, jobs, options, chunk_size, needs_coding, process)


def _start_method() -> str:
    """fork on Linux (fast, nothing re-imported; the children only code and never touch the parent's
    database connection or threads), spawn elsewhere (fork is unsafe on macOS)."""
    return "fork" if sys.platform.startswith("linux") else "spawn"


def _pooled(stream: Iterator[Document | InputError], jobs: int, options: Options | None, chunk_size: int,
            needs_coding: Callable[[Document], bool] | None, process: Processor | None) -> Iterator[Coded]:
    pending: deque[tuple[list[tuple[Coded, bool]], Future | None]] = deque()
    pool: ProcessPoolExecutor | None = None  # started at the first document to code (a re-run may have none)
    try:
        while True:
            chunk = list(itertools.islice(stream, chunk_size))
            if not chunk:
                break
            wrapped = [_wrap(item, needs_coding) for item in chunk]
            todo = [res.doc for res, t in wrapped if t]
            if todo and pool is None:
                pool = _start_pool(jobs, options, process)
            pending.append((wrapped, pool.submit(_code_chunk, todo) if todo else None))
            while len(pending) >= 2 * jobs:
                yield from _collect(*pending.popleft())
        while pending:
            yield from _collect(*pending.popleft())
    finally:
        if pool is not None:
            pool.shutdown(wait=True, cancel_futures=True)


def _start_pool(jobs: int, options: Options | None, process: Processor | None) -> ProcessPoolExecutor:
    method = _start_method()
    if method == "fork":
        warm_up(options)  # once, here: the forked workers share the loaded data (copy-on-write)
    return ProcessPoolExecutor(max_workers=jobs, mp_context=multiprocessing.get_context(method),
                               initializer=_init_worker, initargs=(options, process))


def _collect(wrapped: list[tuple[Coded, bool]], fut: Future | None) -> Iterator[Coded]:
    """The chunk's results in input order: coded ones from the worker, the rest as they were."""
    coded = iter(fut.result() if fut is not None else ())
    for res, todo in wrapped:
        if not todo:
            yield res
            continue
        done = next(coded)
        if done.doc is None:
            done.doc = res.doc
        yield done


def unsupported(message: str, lang: str | None) -> UnsupportedLanguage:
    """The coder's UnsupportedLanguage again, from its message (exceptions do not travel back)."""
    exc = UnsupportedLanguage(lang or "", "")
    exc.message = message
    exc.args = (message,)
    return exc


# the event store --------------------------------------------------------------------------
class PrecodedStream:
    """Feeds :meth:`chronik.store.Store.ingest` with documents coded by :func:`code_documents`.

    Iterate it for the store's ``items`` and pass :meth:`process` as its ``process``: a
    document coded in a worker is returned as it is, one whose coding failed raises the
    worker's message (the store records it exactly as for a failure in its own process),
    and one that was let through uncoded is coded here (the store may still want it when an
    earlier document of the same run changed what it holds).

    Only the last ``keep`` documents are remembered, so memory stays bounded.
    """

    def __init__(self, results: Iterable[Coded], options: Options | None = None, keep: int = 1000,
                 process: Processor | None = None):
        self.results = results
        self.options = options
        self.fallback = process
        self.keep = keep
        self._state: dict[int, Coded] = {}
        self._order: deque[int] = deque()

    def __iter__(self) -> Iterator[Document | ChronikError]:
        for res in self.results:
            if res.doc is None:
                yield ChronikError(res.error or "")
                continue
            key = id(res.doc)
            self._state[key] = res
            self._order.append(key)
            while len(self._order) > self.keep:
                self._state.pop(self._order.popleft(), None)
            yield res.doc

    def process(self, doc: Document) -> Document:
        res = self._state.pop(id(doc), None)
        if res is not None and res.doc is doc:
            if res.skipped is not None:
                raise unsupported(res.skipped, res.skipped_lang)
            if res.failure is not None:
                raise ChronikError(res.failure)
            if res.coded:
                return doc
        if self.fallback is not None:
            return self.fallback(doc)
        from .pipeline import process

        return process(doc, self.options)
