"""The event store: documents, actor mentions, merged events and their reports.

Ingest is idempotent and crash-safe:

* every document is identified by its id and URL; its normalised content hash tells
  whether it changed. Unchanged documents are skipped; the same text under another id or
  URL is recorded as an *alias* of the stored document (kept, listed with it, counted as
  an article of its events, never coded twice); changed ones have their events replaced
  inside the same transaction;
* work is committed in batches (:meth:`Store.ingest`), one transaction per batch. A
  killed process loses at most the batch in flight, which the next run redoes, in the
  same order, so the result equals an uninterrupted run (:meth:`Store.dump` compares).
"""
from __future__ import annotations

import datetime as dt
import itertools
import json
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlparse

from ..errors import ChronikError, Errors, UnsupportedLanguage
from ..limits import time_budget
from ..model import Document
from . import dedup
from .backend import Backend, StoreError, connect
from .merge import actor_rows, dumps, event_columns, find_merge_target
from .migrations import migrate

Processor = Callable[[Document], Document]
_EVENT_COLS = ("type", "date", "source_key", "target_key", "source_country", "source_sector", "source_name",
               "target_country", "target_sector", "target_name", "location_country", "cameo", "quad",
               "intensity", "status")


@dataclass
class IngestReport:
    """What one :meth:`Store.ingest` call did (committed work only)."""

    added: int = 0
    updated: int = 0
    unchanged: int = 0
    duplicates: int = 0
    aliases: int = 0
    skipped: int = 0
    failed: int = 0
    events: int = 0
    merged: int = 0
    errors: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # documents skipped on purpose (an unsupported language)

    @property
    def seen(self) -> int:
        """Inputs handled: documents of every outcome plus failed inputs."""
        return self.added + self.updated + self.unchanged + self.duplicates + self.aliases + self.skipped + self.failed

    def add(self, other: IngestReport) -> None:
        for name in _COUNTS:
            setattr(self, name, getattr(self, name) + getattr(other, name))
        self.errors.extend(other.errors)
        self.notes.extend(other.notes)

    def to_dict(self) -> dict[str, Any]:
        return {name: getattr(self, name) for name in _COUNTS}


_COUNTS = ("added", "updated", "unchanged", "duplicates", "aliases", "skipped", "failed", "events", "merged")


def _default_process() -> Processor:
    from ..pipeline import process

    return process


def _now() -> str:
    return dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")


class Store:
    """An event store in SQLite (a file path) or PostgreSQL (a ``postgresql://`` URL).

    Use :func:`chronik.store.open`. Query with :meth:`events`, summarise with
    :meth:`stats`; :func:`chronik.export.export` writes files from it.
    """

    def __init__(self, db: str):
        self.db: Backend = connect(db)
        self.location = self.db.location
        try:
            migrate(self.db)
        except Exception:
            self.db.close()
            raise

    # context management ------------------------------------------------
    def close(self) -> None:
        """Close the connection."""
        self.db.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # ingest --------------------------------------------------------------
    def ingest(self, items: Iterable[Document | ChronikError], *, process: Processor | None = None,
               batch_size: int = 50, merge: bool = True,
               on_batch: Callable[[IngestReport, int], None] | None = None) -> IngestReport:
        """Store documents, coding each new or changed one with ``process``.

        Args:
            items: documents, or errors (e.g. :class:`~chronik.errors.InputError`) from a loader,
                which are counted as failed.
            process: fills ``doc.mentions`` and ``doc.events``; defaults to
                :func:`chronik.pipeline.process`.
            batch_size: documents per transaction.
            merge: merge events with reports of the same event from other articles.
            on_batch: called after each committed batch with the batch's report and its size.

        Returns:
            The committed totals.
        """
        proc = process or _default_process()
        total = IngestReport()
        it = iter(items)
        while True:
            batch = list(itertools.islice(it, max(1, batch_size)))
            if not batch:
                return total
            rep = IngestReport()
            try:
                with self.db.transaction():
                    for item in batch:
                        if isinstance(item, Document):
                            self._ingest_isolated(item, proc, merge, rep)
                        else:
                            rep.failed += 1
                            rep.errors.append(str(item))
            except ChronikError:
                raise
            except Exception as exc:  # noqa: BLE001 - driver errors become one message
                raise StoreError(f"cannot write to {self.location}: {exc}") from None
            total.add(rep)
            if on_batch:
                on_batch(rep, len(batch))

    def add(self, doc: Document, *, process: Processor | None = None, merge: bool = True) -> IngestReport:
        """Ingest one document in its own transaction."""
        return self.ingest([doc], process=process, merge=merge)

    def _ingest_isolated(self, doc: Document, process: Processor, merge: bool, rep: IngestReport) -> None:
        """:meth:`_ingest_one` inside a savepoint: a document the store cannot take (a value
        out of range, a driver error) is rolled back and counted as failed, with its id;
        the rest of the batch lands."""
        db = self.db
        db.execute("SAVEPOINT chronik_doc")
        before = rep.to_dict()
        try:
            self._ingest_one(doc, process, merge, rep)
        except Exception as exc:  # noqa: BLE001 - one document must not stop an ingest
            db.execute("ROLLBACK TO SAVEPOINT chronik_doc")
            db.execute("RELEASE SAVEPOINT chronik_doc")
            for name, value in before.items():
                setattr(rep, name, value)
            rep.failed += 1
            rep.errors.append(f"{doc.path or doc.id}: {Errors.E099.format(detail=f'{type(exc).__name__}: {exc}'[:200])}")
            return
        db.execute("RELEASE SAVEPOINT chronik_doc")

    def holds_unchanged(self, doc: Document) -> bool:
        """Whether :meth:`ingest` would take ``doc`` now without coding it: the same id or URL
        with the same content, or the same content under another id or URL (an alias)."""
        db = self.db
        chash = dedup.content_hash(doc.text)
        row = db.one("SELECT content_hash FROM documents WHERE doc_id = ?", (doc.id,))
        if row is None and doc.url:
            row = db.one("SELECT content_hash FROM documents WHERE url = ?", (doc.url,))
        if row is not None:
            return row[0] == chash
        return db.one("SELECT 1 FROM documents WHERE content_hash = ?", (chash,)) is not None

    def _ingest_one(self, doc: Document, process: Processor, merge: bool, rep: IngestReport) -> None:
        db = self.db
        chash = dedup.content_hash(doc.text)
        row = db.one("SELECT id, content_hash FROM documents WHERE doc_id = ?", (doc.id,))
        if row is None and doc.url:
            row = db.one("SELECT id, content_hash FROM documents WHERE url = ?", (doc.url,))
        existing = row[0] if row else None
        if row is not None and row[1] == chash:
            rep.unchanged += 1
            return
        if row is None:
            same = db.one("SELECT id FROM documents WHERE content_hash = ? ORDER BY id LIMIT 1", (chash,))
            if same is not None:  # the same article under another id or URL
                if self._add_alias(same[0], doc):
                    rep.aliases += 1
                else:
                    rep.unchanged += 1
                return
            self._drop_aliases(doc)
        sig = dedup.minhash(doc.text)
        dup_of = self._near_duplicate(sig, existing) if sig else None
        if dup_of is None:
            try:
                with time_budget():
                    process(doc)
            except UnsupportedLanguage as exc:
                rep.skipped += 1
                rep.notes.append(f"{doc.path or doc.id}: {exc.message}")
                return
            except Exception as exc:  # noqa: BLE001 - one bad article must not stop a corpus
                rep.failed += 1
                msg = exc.message if isinstance(exc, ChronikError) else f"{type(exc).__name__}: {exc}"
                rep.errors.append(f"{doc.path or doc.id}: cannot code the article: {msg}")
                return
        did = self._write_document(doc, chash, sig, dup_of, existing)
        if existing is not None:
            rep.updated += 1
        elif dup_of is not None:
            rep.duplicates += 1
        else:
            rep.added += 1
        if dup_of is not None:
            for (eid,) in db.all("SELECT DISTINCT event_id FROM event_mentions WHERE document_id = ?", (dup_of,)):
                self._recount(eid)
            return
        db.executemany(
            "INSERT INTO mentions (document_id, start_offset, end_offset, text, sentence, entity, how, kind, "
            "name, country, sector, role, kb_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [(did, m.start, m.end, m.text, m.sentence, m.entity, m.how, m.kind, m.actor.name, m.actor.country,
              m.actor.sector, m.actor.role, m.actor.kb_id) for m in doc.mentions],
        )
        touched: set[int] = set()
        for i, ev in enumerate(doc.events):
            rec = ev.to_record()
            rec["doc_id"] = doc.id
            rec["event_id"] = rec.get("event_id") or f"{doc.id}#{i + 1}"
            eid = find_merge_target(db, rec, did) if merge else None
            if eid is None:
                eid = self._insert_event(rec, did)
            else:
                rep.merged += 1
                touched.add(eid)
            mid = db.scalar(
                "INSERT INTO event_mentions (event_id, document_id, local_id, sentence, evidence_text, "
                "evidence_start, evidence_end, confidence, record) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
                (eid, did, rec["event_id"], ev.sentence, ev.evidence_text, ev.evidence_start, ev.evidence_end,
                 rec.get("confidence"), dumps(rec)),
            )
            if db.dialect == "sqlite":
                db.execute("INSERT INTO event_mentions_fts (rowid, evidence_text, title) VALUES (?, ?, ?)",
                           (mid, ev.evidence_text, doc.title or ""))
            rep.events += 1
        for eid in sorted(touched):
            self._recount(eid)

    def _add_alias(self, did: int, doc: Document) -> bool:
        """Record ``doc`` (same content as stored document ``did``) as its alias; False when
        that id and URL are already known (a re-ingest)."""
        db = self.db
        if db.one("SELECT 1 FROM documents WHERE id = ? AND doc_id = ? AND COALESCE(url, '') = ?",
                  (did, doc.id, doc.url or "")):
            return False
        if db.one("SELECT 1 FROM document_aliases WHERE document_id = ? AND doc_id = ? AND COALESCE(url, '') = ?",
                  (did, doc.id, doc.url or "")):
            return False
        db.execute("INSERT INTO document_aliases (document_id, doc_id, url, source_id, path, ingested_at) "
                   "VALUES (?, ?, ?, ?, ?, ?)", (did, doc.id, doc.url, self._source_id(doc), doc.path, _now()))
        self._recount_document(did)
        return True

    def _drop_aliases(self, doc: Document) -> None:
        """A new article under an id or URL known as an alias: the alias is superseded."""
        if doc.url:
            rows = self.db.all("SELECT id, document_id FROM document_aliases WHERE doc_id = ? OR url = ?",
                               (doc.id, doc.url))
        else:
            rows = self.db.all("SELECT id, document_id FROM document_aliases WHERE doc_id = ?", (doc.id,))
        for aid, did in rows:
            self.db.execute("DELETE FROM document_aliases WHERE id = ?", (aid,))
            self._recount_document(did)

    def _recount_document(self, did: int) -> None:
        for (eid,) in self.db.all("SELECT DISTINCT event_id FROM event_mentions WHERE document_id = ? OR document_id = "
                                  "(SELECT duplicate_of FROM documents WHERE id = ?)", (did, did)):
            self._recount(eid)

    def _near_duplicate(self, sig: bytes, exclude: int | None) -> int | None:
        keys = dedup.lsh_keys(sig)
        if not keys:
            return None
        # candidates share at least 2 LSH bands (a copy with Jaccard 0.7 shares ~5.5 of 16); boilerplate
        # shared by many articles of one outlet collides in single bands only, and the cap bounds the work
        marks = ", ".join("?" * len(keys))
        cands = self.db.all(
            f"SELECT d.id, d.minhash FROM (SELECT document_id, COUNT(*) AS n FROM document_lsh WHERE key IN ({marks}) "
            f"GROUP BY document_id HAVING COUNT(*) >= {dedup.MIN_SHARED_BANDS} ORDER BY n DESC, document_id "
            f"LIMIT {dedup.MAX_CANDIDATES}) c JOIN documents d ON d.id = c.document_id WHERE d.duplicate_of IS NULL "
            f"ORDER BY d.id", keys)
        return dedup.best_match(sig, [(cid, csig) for cid, csig in cands if cid != exclude and csig])

    def _source_id(self, doc: Document) -> int | None:
        name = doc.source or (urlparse(doc.url).hostname if doc.url else None)
        if not name:
            return None
        sid = self.db.scalar("SELECT id FROM sources WHERE name = ?", (name,))
        if sid is None:
            sid = self.db.scalar("INSERT INTO sources (name) VALUES (?) RETURNING id", (name,))
        return sid

    def _write_document(self, doc: Document, chash: str, sig: bytes | None, dup_of: int | None,
                        existing: int | None) -> int:
        db = self.db
        url = doc.url
        if url:
            owner = db.scalar("SELECT id FROM documents WHERE url = ?", (url,))
            if owner is not None and owner != existing:
                url = None  # the URL belongs to another stored article
        values = (url, chash, sig, doc.title, doc.published, doc.lang, self._source_id(doc), doc.path, doc.text,
                  dup_of, 0 if dup_of else len(doc.events), _now())
        if existing is not None:
            self._clear_document(existing)
            db.execute("UPDATE documents SET url = ?, content_hash = ?, minhash = ?, title = ?, published = ?, "
                       "lang = ?, source_id = ?, path = ?, text = ?, duplicate_of = ?, n_events = ?, "
                       "ingested_at = ? WHERE id = ?", (*values, existing))
            did = existing
        else:
            did = db.scalar("INSERT INTO documents (doc_id, url, content_hash, minhash, title, published, lang, "
                            "source_id, path, text, duplicate_of, n_events, ingested_at) "
                            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id", (doc.id, *values))
        if sig and dup_of is None:
            db.executemany("INSERT INTO document_lsh (key, document_id) VALUES (?, ?) ON CONFLICT DO NOTHING",
                           [(k, did) for k in dedup.lsh_keys(sig)])
        return did

    def _clear_document(self, did: int) -> None:
        """Remove what an earlier version of a document contributed."""
        db = self.db
        eids = [r[0] for r in db.all("SELECT DISTINCT event_id FROM event_mentions WHERE document_id = ?", (did,))]
        if db.dialect == "sqlite":
            db.execute("DELETE FROM event_mentions_fts WHERE rowid IN "
                       "(SELECT id FROM event_mentions WHERE document_id = ?)", (did,))
        db.execute("DELETE FROM event_mentions WHERE document_id = ?", (did,))
        db.execute("DELETE FROM mentions WHERE document_id = ?", (did,))
        db.execute("DELETE FROM document_lsh WHERE document_id = ?", (did,))
        db.execute("DELETE FROM document_aliases WHERE document_id = ?", (did,))  # they had the old content
        for eid in sorted(eids):
            rep = db.one("SELECT document_id, record FROM event_mentions WHERE event_id = ? ORDER BY id LIMIT 1", (eid,))
            db.execute("DELETE FROM event_actors WHERE event_id = ?", (eid,))
            if rep is None:
                db.execute("DELETE FROM events WHERE id = ?", (eid,))
                continue
            rec = json.loads(rep[1])
            cols = event_columns(rec)
            sets = ", ".join(f"{c} = ?" for c in _EVENT_COLS)
            db.execute(f"UPDATE events SET {sets}, record = ?, first_document_id = ? WHERE id = ?",
                       (*[cols[c] for c in _EVENT_COLS], rep[1], rep[0], eid))
            db.executemany("INSERT INTO event_actors VALUES (?, ?, ?, ?, ?, ?, ?, ?)", actor_rows(eid, rec))
            self._recount(eid)

    def _insert_event(self, rec: dict[str, Any], did: int) -> int:
        db = self.db
        key, n = rec["event_id"], 1
        while db.one("SELECT 1 FROM events WHERE event_key = ?", (key,)):
            n += 1
            key = f"{rec['event_id']}~{n}"
        cols = event_columns(rec)
        eid = db.scalar(
            f"INSERT INTO events (event_key, {', '.join(_EVENT_COLS)}, record, first_document_id) "
            f"VALUES (?, {', '.join('?' * len(_EVENT_COLS))}, ?, ?) RETURNING id",
            (key, *[cols[c] for c in _EVENT_COLS], dumps(rec), did),
        )
        db.executemany("INSERT INTO event_actors VALUES (?, ?, ?, ?, ?, ?, ?, ?)", actor_rows(eid, rec))
        return eid

    def _recount(self, eid: int) -> None:
        """Refresh an event's mention, article and source counts (near-duplicates and aliases
        count as articles; an alias adds a source when it names one)."""
        docs = ("SELECT id FROM documents WHERE id IN (SELECT document_id FROM event_mentions WHERE event_id = ?) "
                "OR duplicate_of IN (SELECT document_id FROM event_mentions WHERE event_id = ?)")
        self.db.execute(
            "UPDATE events SET "
            "num_mentions = (SELECT COUNT(*) FROM event_mentions WHERE event_id = ?), "
            f"num_articles = (SELECT COUNT(*) FROM ({docs}) x) "
            f"  + (SELECT COUNT(*) FROM document_aliases WHERE document_id IN ({docs})), "
            "num_sources = (SELECT COUNT(DISTINCT s) FROM ("
            f"  SELECT COALESCE(d.source_id, -d.id) AS s FROM documents d WHERE d.id IN ({docs}) UNION ALL "
            f"  SELECT source_id FROM document_aliases WHERE source_id IS NOT NULL AND document_id IN ({docs})) y) "
            "WHERE id = ?", (eid, *(eid,) * 8, eid))

    # reading -----------------------------------------------------------
    def events(self, **filters: Any) -> Any:
        """Events matching the filters (see :class:`chronik.store.query.EventFilter`), as an
        iterable :class:`~chronik.store.query.EventQuery` of Event dataclasses with ``.to_pandas()``."""
        from .query import EventQuery

        return EventQuery(self, **filters)

    def to_pandas(self, **filters: Any) -> Any:
        """A pandas DataFrame of the events matching ``filters`` (one row per merged event)."""
        return self.events(**filters).to_pandas()

    def stats(self, top: int = 10) -> dict[str, Any]:
        """Counts: documents, duplicates, events, mentions, reports, by type, top dyads, per day."""
        from .query import stats

        return stats(self, top=top)

    def dump(self) -> dict[str, list]:
        """A canonical, id-free view of the whole database, for comparing two stores."""
        from .query import canonical_dump

        return canonical_dump(self)

    def documents(self) -> Iterator[dict[str, Any]]:
        """Stored documents (without text) as dicts, in ingest order, each with its
        ``aliases`` (``doc_id``, ``url``, ``source``, ``path``: the same text stored under
        other names)."""
        from .query import aliases_by_document

        aliases = aliases_by_document(self)
        for row in self.db.dicts(
                "SELECT d.id, d.doc_id, d.url, d.title, d.published, d.lang, s.name AS source, d.path, "
                "dd.doc_id AS duplicate_of, d.n_events FROM documents d LEFT JOIN sources s ON s.id = d.source_id "
                "LEFT JOIN documents dd ON dd.id = d.duplicate_of ORDER BY d.id"):
            row["aliases"] = [{"doc_id": a.doc_id, "url": a.url, "source": a.source, "path": a.path}
                              for a in aliases.get(row.pop("id"), [])]
            yield row
