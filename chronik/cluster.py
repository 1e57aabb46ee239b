"""Beyond one machine: code a corpus on a Dask cluster into partitioned Parquet.

The corpus is cut into **partitions** (:func:`plan_partitions`): every JSON Lines shard
(``.jsonl``, ``.jsonl.gz``) and every WARC file is one, loose article files are grouped,
per directory, in runs of ``files_per_partition``, always in the order the single-process
loader reads them. Each Dask task codes one partition (:func:`run_partition`) and writes

* ``OUT/part-NNNNN.parquet``: its events, in the schema of ``chronik export --format
  parquet`` (what DuckDB, pandas and Dask DataFrames read: ``OUT/part-*.parquet``);
* ``OUT/_documents/part-NNNNN.parquet``: its documents with their mentions and full event
  records, which ``chronik ingest --from-parquet OUT`` loads into a store
  (:func:`documents_from_parquet`) exactly as a single-process ingest would have;
* ``OUT/_chronik/done-NNNNN.json``: written last, the mark that the partition is finished
  (with a fingerprint of its input files and its input errors).

Every file is written under a temporary name and renamed, so a killed worker leaves no
half partition. A re-run skips the partitions whose mark matches their inputs; a failed
partition (an exception, or a worker that died while it ran) is tried again ``retries``
times and then reported by name. Folders that start with ``_`` are ignored by Parquet
dataset readers, so the output directory reads as one table of events.
"""
from __future__ import annotations

import hashlib
import json
import os
import time
import uuid
from collections.abc import Callable, Iterable, Iterator
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from .errors import ChronikError, Errors, InputError
from .model import Actor, Document, Event, Location, Mention
from .parallel import Coded, code_one, warm_up
from .settings import Options

SHARD_SUFFIXES = (".jsonl", ".ndjson", ".jsonl.gz", ".ndjson.gz", ".json.gz", ".warc", ".warc.gz", ".arc.gz")
FILES_PER_PARTITION = 200
META_DIR = "_chronik"
DOCS_DIR = "_documents"


class DistributedError(ChronikError):
    """The cluster cannot be reached or used, or the output directory is unusable."""


@dataclass(frozen=True)
class Partition:
    """A unit of work: input files read in this order. ``name`` is what reports show."""

    index: int
    name: str
    inputs: tuple[str, ...]

    @property
    def stem(self) -> str:
        return f"part-{self.index:05d}"

    def fingerprint(self) -> str:
        """Changes when an input file is added, removed, resized or touched."""
        h = hashlib.sha1()
        for p in self.inputs:
            try:
                st = os.stat(p)
                h.update(f"{p}\0{st.st_size}\0{st.st_mtime_ns}\n".encode())
            except OSError:
                h.update(f"{p}\0missing\n".encode())
        return h.hexdigest()


@dataclass
class PartitionResult:
    """What one task did (also the content of its done mark)."""

    index: int
    name: str
    fingerprint: str
    documents: int = 0
    events: int = 0
    errors: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)  # documents in a language without a pack
    seconds: float = 0.0
    worker: str = ""
    peak_rss_mb: float = 0.0


@dataclass
class ExtractReport:
    """The outcome of :func:`run_extract`."""

    partitions: int = 0
    finished_before: int = 0  # partitions finished by an earlier run
    documents: int = 0
    events: int = 0
    failed_inputs: int = 0
    skipped: int = 0  # documents in a language without a pack
    retried: list[str] = field(default_factory=list)
    failed_partitions: list[str] = field(default_factory=list)
    seconds: float = 0.0
    results: list[PartitionResult] = field(default_factory=list)

    def summary(self) -> str:
        text = (f"{self.partitions} partitions ({self.finished_before} finished before, {len(self.retried)} retried, "
                f"{len(self.failed_partitions)} failed): {self.documents} documents, {self.events} events, "
                f"{self.skipped} skipped (language), {self.failed_inputs} failed inputs in {self.seconds:.1f} s")
        if self.failed_partitions:
            text += "; failed: " + ", ".join(self.failed_partitions) + " (run the command again to retry them)"
        return text


# planning ---------------------------------------------------------------------------------
def plan_partitions(paths: Iterable[str], files_per_partition: int = FILES_PER_PARTITION,
                    on_error: Callable[[str], None] | None = None) -> list[Partition]:
    """Cut the inputs into partitions, in the order :func:`chronik.ingest.load_documents` reads them.

    Raises:
        DistributedError: an input the workers cannot read from shared storage (``-``, a URL).
    """
    from .ingest import iter_files

    parts: list[Partition] = []
    group: list[str] = []

    def flush() -> None:
        if group:
            d = os.path.dirname(group[0]) or "."
            first = _file_no[group[0]]
            name = f"{d}/ files {first}-{first + len(group) - 1}" if len(group) > 1 else group[0]
            parts.append(Partition(len(parts), name, tuple(group)))
            group.clear()

    _file_no: dict[str, int] = {}
    for p in paths:
        if p == "-" or "://" in p:
            raise DistributedError(f"{p}: --dask reads files and directories on storage every worker can "
                                   f"see, not standard input or URLs")
        if not os.path.exists(p):
            if on_error:
                on_error(str(InputError(p, Errors.E001)))
            continue
        files = iter_files(p) if os.path.isdir(p) else iter([p])
        count = {}
        found = False
        for f in files:
            found = True
            if f.lower().endswith(SHARD_SUFFIXES):
                flush()
                parts.append(Partition(len(parts), f, (f,)))
                continue
            d = os.path.dirname(f)
            count[d] = count.get(d, 0) + 1
            _file_no[f] = count[d]
            if group and (len(group) >= files_per_partition or os.path.dirname(group[0]) != d):
                flush()
            group.append(f)
        flush()
        if not found and on_error:
            on_error(str(InputError(p, Errors.E002)))
    return parts


# the task -----------------------------------------------------------------------------------
_READY: set[int] = set()


def _ready(options: Options | None) -> None:
    """Load the language data once per worker process."""
    if os.getpid() not in _READY:
        warm_up(options)
        _READY.add(os.getpid())


def event_record(doc: Document, i: int, ev: Event) -> dict[str, Any]:
    """An event as the export record of a one-report stored event (built as the store builds
    its events, so the Parquet rows are those ``chronik export --format parquet`` writes)."""
    from .model import Report, StoredEvent
    from .records import export_record, global_event_id
    from .store.merge import event_from_record

    rec = ev.to_record()
    rec["doc_id"] = doc.id
    rec["event_id"] = rec.get("event_id") or f"{doc.id}#{i + 1}"
    stored = event_from_record(rec, StoredEvent, global_event_id=global_event_id(rec["event_id"]),
                               num_mentions=1, num_articles=1, num_sources=1)
    stored.reports.append(Report(
        doc_id=doc.id, evidence_text=ev.evidence_text, evidence_start=ev.evidence_start,
        evidence_end=ev.evidence_end, event_id=rec["event_id"], url=doc.url, source=doc.source,
        published=doc.published, title=doc.title, lang=doc.lang, sentence=ev.sentence,
        confidence=rec.get("confidence"), doc_length=len(doc.text)))
    return export_record(stored)


DOC_COLUMNS = ("doc_id", "url", "title", "published", "lang", "source", "path", "body_start", "text", "meta",
               "mentions", "events", "coded", "failure", "error", "skipped", "skipped_lang")


def _doc_row(res: Coded) -> dict[str, Any]:
    doc = res.doc
    if doc is None:  # an input that could not be read
        return {**dict.fromkeys(DOC_COLUMNS), "coded": False, "error": res.error}
    return {"doc_id": doc.id, "url": doc.url, "title": doc.title, "published": doc.published, "lang": doc.lang,
            "source": doc.source, "path": doc.path, "body_start": doc.body_start, "text": doc.text,
            "meta": json.dumps(doc.meta, ensure_ascii=False, default=str),
            "mentions": json.dumps([asdict(m) for m in doc.mentions], ensure_ascii=False) if res.coded else None,
            "events": json.dumps([asdict(e) for e in doc.events], ensure_ascii=False) if res.coded else None,
            "coded": res.coded, "failure": res.failure, "error": res.error, "skipped": res.skipped,
            "skipped_lang": res.skipped_lang}


def _atomic(path: Path, write: Callable[[str], Any]) -> Any:
    tmp = path.with_name(f".{path.name}.{uuid.uuid4().hex[:8]}.tmp")
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        out = write(str(tmp))
        os.replace(tmp, path)
    finally:
        if tmp.exists():
            tmp.unlink()
    return out


def _write_events(recs: list[dict[str, Any]], path: str) -> int:
    # the export's own writer, so the columns stay those of `chronik export --format parquet`
    from .export import write_records

    return write_records(recs, path, "parquet")


def _write_documents(rows: list[dict[str, Any]], path: str) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq

    types = {"body_start": pa.int64(), "coded": pa.bool_()}
    schema = pa.schema([(c, types.get(c, pa.string())) for c in DOC_COLUMNS])
    pq.write_table(pa.Table.from_pylist(rows, schema=schema), path)


def run_partition(part: Partition, out_dir: str, options: Options | None = None, lang: str | None = None,
                  published: str | None = None) -> PartitionResult:
    """Code one partition and write its files (the Dask task; a plain function, testable alone)."""
    import resource
    import socket

    from .ingest import load_documents

    t0 = time.perf_counter()
    _ready(options)
    res = PartitionResult(part.index, part.name, part.fingerprint(), worker=f"{socket.gethostname()}:{os.getpid()}")
    recs: list[dict[str, Any]] = []
    rows: list[dict[str, Any]] = []
    for item in load_documents(part.inputs, published=published, lang=lang):
        coded = code_one(item, options) if isinstance(item, Document) else Coded(None, str(item), coded=False)
        rows.append(_doc_row(coded))
        if coded.skipped:
            res.skipped.append(f"{coded.doc.path or coded.doc.id}: {coded.skipped}")
            continue
        if coded.error:
            res.errors.append(coded.error)
            continue
        res.documents += 1
        recs.extend(event_record(coded.doc, i, ev) for i, ev in enumerate(coded.doc.events))
    res.events = len(recs)
    out = Path(out_dir)
    _atomic(out / DOCS_DIR / f"{part.stem}.parquet", lambda p: _write_documents(rows, p))
    _atomic(out / f"{part.stem}.parquet", lambda p: _write_events(recs, p))
    res.seconds = time.perf_counter() - t0
    res.peak_rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    _atomic(out / META_DIR / f"done-{part.index:05d}.json",
            lambda p: Path(p).write_text(json.dumps(asdict(res), ensure_ascii=False), encoding="utf-8"))
    return res


def finished(part: Partition, out_dir: str) -> PartitionResult | None:
    """The partition's result from an earlier run, when its files exist and its inputs are unchanged."""
    out = Path(out_dir)
    mark = out / META_DIR / f"done-{part.index:05d}.json"
    try:
        data = json.loads(mark.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if (data.get("name") != part.name or data.get("fingerprint") != part.fingerprint()
            or not (out / f"{part.stem}.parquet").exists() or not (out / DOCS_DIR / f"{part.stem}.parquet").exists()):
        return None
    return PartitionResult(**data)


def _forget(part: Partition, out_dir: str) -> None:
    """Remove what an earlier plan left under this partition's number (mark first), so the
    directory never shows events of another partition."""
    out = Path(out_dir)
    for f in (out / META_DIR / f"done-{part.index:05d}.json", out / f"{part.stem}.parquet",
              out / DOCS_DIR / f"{part.stem}.parquet"):
        try:
            f.unlink()
        except FileNotFoundError:
            pass
        except OSError as exc:
            raise DistributedError(f"{f}: cannot remove a stale partition file: {exc}") from None


# the driver -------------------------------------------------------------------------------------
def connect(address: str) -> tuple[Any, Any]:
    """(client, cluster): ``local:N`` starts N local worker processes; else the scheduler at ``address``.

    Raises:
        DistributedError: dask is not installed, ``local:N`` is malformed or the scheduler is unreachable.
    """
    try:
        from distributed import Client, LocalCluster
    except ImportError:
        raise DistributedError("--dask needs dask.distributed: pip install 'chronik[dask]'") from None
    if address.startswith("local:"):
        try:
            n = int(address[6:])
            if n < 1:
                raise ValueError
        except ValueError:
            raise DistributedError(f"--dask {address}: use local:N with N >= 1 worker processes") from None
        cluster = LocalCluster(n_workers=n, threads_per_worker=1, processes=True, dashboard_address=None,
                               silence_logs=50)
        return Client(cluster), cluster
    try:
        return Client(address, timeout="15s"), None
    except (OSError, TimeoutError) as exc:
        raise DistributedError(f"cannot reach the Dask scheduler at {address}: {exc}") from None


def _prepare_out(out_dir: str, parts: list[Partition]) -> None:
    out = Path(out_dir)
    try:
        (out / META_DIR).mkdir(parents=True, exist_ok=True)
        (out / DOCS_DIR).mkdir(exist_ok=True)
        for d in (out, out / META_DIR, out / DOCS_DIR):  # leftovers of killed writers
            for tmp in d.glob(".*.tmp"):
                tmp.unlink()
        manifest = {"format": "chronik-partitions/1",
                    "partitions": [{"index": p.index, "name": p.name, "file": f"{p.stem}.parquet"} for p in parts]}
        _atomic(out / META_DIR / "manifest.json",
                lambda p: Path(p).write_text(json.dumps(manifest, ensure_ascii=False, indent=1), encoding="utf-8"))
        for stale in out.glob("part-*.parquet"):  # partitions of an earlier, larger plan
            if int(stale.stem[5:] or 0) >= len(parts):
                stale.unlink()
    except (OSError, ValueError) as exc:
        raise DistributedError(f"{out_dir}: cannot write the output directory: {exc}") from None


def run_extract(paths: Iterable[str], out_dir: str, address: str | Any, *, options: Options | None = None,
                lang: str | None = None, published: str | None = None, retries: int = 2,
                files_per_partition: int = FILES_PER_PARTITION, progress: bool = False,
                on_error: Callable[[str], None] | None = None, log: Callable[[str], None] | None = None,
                on_result: Callable[[PartitionResult], None] | None = None) -> ExtractReport:
    """Code ``paths`` on a Dask cluster into partitioned Parquet under ``out_dir``.

    Args:
        address: ``local:N``, a scheduler address, or a connected ``distributed.Client``.
        retries: further attempts of a partition whose task failed (its worker may have died).
        on_error: called with each failed input's message and each partition given up.
        log: called with progress messages (retries).
        on_result: called with each finished partition's result.

    Returns:
        The counts; ``failed_partitions`` names the partitions given up.
    """
    from tqdm import tqdm

    t0 = time.perf_counter()
    say = on_error or (lambda msg: None)
    note = log or (lambda msg: None)
    parts = plan_partitions(paths, files_per_partition, on_error=say)
    rep = ExtractReport(partitions=len(parts))
    rep.failed_inputs = 0
    _prepare_out(out_dir, parts)

    def record(res: PartitionResult) -> None:
        rep.results.append(res)
        rep.documents += res.documents
        rep.events += res.events
        rep.failed_inputs += len(res.errors)
        rep.skipped += len(res.skipped)
        for err in res.errors:
            say(err)
        for msg in res.skipped:
            note(msg)
        if on_result:
            on_result(res)

    todo = []
    for part in parts:
        done = finished(part, out_dir)
        if done is not None:
            rep.finished_before += 1
            record(done)
        else:
            _forget(part, out_dir)
            todo.append(part)
    if todo:
        own = isinstance(address, str)
        client, cluster = connect(address) if own else (address, None)
        bar = tqdm(total=len(todo), disable=not progress, unit=" partitions", desc="extract", dynamic_ncols=True)
        try:
            _schedule(client, todo, out_dir, (options, lang, published), retries, rep, record, say, note, bar)
        finally:
            bar.close()
            if own:
                client.close()
                if cluster is not None:
                    cluster.close()
    rep.results.sort(key=lambda r: r.index)
    rep.seconds = time.perf_counter() - t0
    return rep


def _schedule(client: Any, todo: list[Partition], out_dir: str, args: tuple, retries: int, rep: ExtractReport,
              record: Callable[[PartitionResult], None], say: Callable[[str], None], note: Callable[[str], None],
              bar: Any) -> None:
    """Submit the partitions, at most ``2 x threads`` in flight, and retry failed ones."""
    from distributed import as_completed

    window = max(2, 2 * sum(client.nthreads().values()))
    queue = iter(todo)
    attempts: dict[int, int] = {}
    run = uuid.uuid4().hex[:8]

    def submit(part: Partition) -> Any:
        attempts[part.index] = attempts.get(part.index, 0) + 1
        return client.submit(run_partition, part, out_dir, *args, pure=False,
                             key=f"chronik-{run}-{part.stem}-{attempts[part.index]}")

    futures = {}
    for part in queue:
        futures[submit(part)] = part
        if len(futures) >= window:
            break
    pool = as_completed(list(futures))
    for fut in pool:
        part = futures.pop(fut)
        try:
            record(fut.result())
            bar.update(1)
        except Exception as exc:  # noqa: BLE001 - a failed task (or lost worker) is retried, then reported
            why = f"{type(exc).__name__}: {exc}".strip()
            if attempts[part.index] <= retries:
                note(f"partition {part.name} failed (attempt {attempts[part.index]} of {retries + 1}): {why}; "
                     f"retrying")
                if part.name not in rep.retried:
                    rep.retried.append(part.name)
                nxt = submit(part)
                futures[nxt] = part
                pool.add(nxt)
                continue
            rep.failed_partitions.append(part.name)
            say(f"partition {part.name}: failed after {attempts[part.index]} attempts: {why}")
            bar.update(1)
        fut.release()
        nxt_part = next(queue, None)
        if nxt_part is not None:
            nxt = submit(nxt_part)
            futures[nxt] = nxt_part
            pool.add(nxt)


# loading into a store ------------------------------------------------------------------------------
def _actor(v: Any) -> Actor | list[Actor] | None:
    if v is None:
        return None
    if isinstance(v, list):
        return [Actor(**a) for a in v]
    return Actor(**v)


def _event(d: dict[str, Any]) -> Event:
    d = dict(d)
    for k in ("source", "target", "reported_by"):
        d[k] = _actor(d.get(k))
    if d.get("location"):
        d["location"] = Location(**d["location"])
    return Event(**d)


def _mention(d: dict[str, Any]) -> Mention:
    d = dict(d)
    d["actor"] = Actor(**d["actor"])
    return Mention(**d)


def _document(row: dict[str, Any]) -> Coded:
    if row["doc_id"] is None:
        return Coded(None, row["error"], coded=False)
    doc = Document(id=row["doc_id"], text=row["text"], title=row["title"], published=row["published"],
                   lang=row["lang"], source=row["source"], url=row["url"], path=row["path"],
                   body_start=row["body_start"] or 0, meta=json.loads(row["meta"] or "{}"))
    if row["coded"]:
        doc.mentions = [_mention(m) for m in json.loads(row["mentions"] or "[]")]
        doc.events = [_event(e) for e in json.loads(row["events"] or "[]")]
    return Coded(doc, row["error"], row["failure"], coded=bool(row["coded"]), skipped=row.get("skipped"),
                 skipped_lang=row.get("skipped_lang"))


def documents_from_parquet(out_dir: str, batch_size: int = 256) -> Iterator[Coded]:
    """The coded documents of a ``--dask`` run, in the order a single process reads the corpus.

    A partition that is not finished yields one error naming it (run the extract again).

    Raises:
        DistributedError: ``out_dir`` holds no ``--dask`` output.
    """
    import pyarrow.parquet as pq

    out = Path(out_dir)
    try:
        manifest = json.loads((out / META_DIR / "manifest.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        raise DistributedError(f"{out_dir}: not the output of chronik extract --dask "
                               f"(no {META_DIR}/manifest.json)") from None
    for p in manifest["partitions"]:
        stem = Path(p["file"]).stem
        mark = out / META_DIR / f"done-{p['index']:05d}.json"
        path = out / DOCS_DIR / p["file"]
        if not mark.exists() or not path.exists():
            yield Coded(None, f"{out_dir}: partition {p['name']} ({stem}) is not finished: run chronik extract "
                              f"--dask again to complete it", coded=False)
            continue
        try:
            pf = pq.ParquetFile(path)
            for batch in pf.iter_batches(batch_size=batch_size):
                for row in batch.to_pylist():
                    yield _document(row)
        except (OSError, ValueError, KeyError, TypeError) as exc:
            yield Coded(None, f"{path}: {Errors.E009.format(detail=str(exc))}", coded=False)
