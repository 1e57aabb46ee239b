"""The dataclasses that travel through Chronik's pipeline.

ingest -> :class:`Document` (cleaned text + metadata)
segment -> :class:`Sentence` / :class:`Token` (offsets into ``Document.text``)
actors -> :class:`Mention` (resolved to an :class:`Actor`, grouped by ``entity``)
events -> :class:`Event` (the record contract of EVENTS.md, see :meth:`Event.to_record`)

Every offset is a character offset into the cleaned ``Document.text``.
"""
from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any


@dataclass(slots=True)
class Token:
    """One token. ``lemma`` is lower-cased; German separable verbs carry the
    re-attached particle ("rief ... an" -> lemma "anrufen")."""

    text: str
    start: int
    end: int
    lemma: str
    i: int = 0  # index within the sentence
    pos: str | None = None  # coarse POS when a tagger ran (UD tags), else a guess
    dep: str | None = None
    head: int | None = None  # index of the head token within the sentence
    particle: int | None = None  # index of a detached verb particle


@dataclass(slots=True)
class Sentence:
    """A sentence (or headline/dateline line) with its tokens."""

    index: int
    start: int
    end: int
    text: str
    tokens: list[Token] = field(default_factory=list)
    paragraph: int = 0
    is_title: bool = False


@dataclass(slots=True)
class Actor:
    """A resolved political actor (the ``source``/``target`` objects of EVENTS.md)."""

    text: str
    name: str | None = None
    country: str | None = None
    sector: str | None = None
    role: str | None = None
    kb_id: str | None = None

    def to_record(self) -> dict[str, Any]:
        return {
            "text": self.text,
            "name": self.name,
            "kb_id": self.kb_id,
            "country": self.country,
            "sector": self.sector,
            "role": self.role,
        }


@dataclass(slots=True)
class Mention:
    """A span of the document that names or refers to an actor."""

    start: int
    end: int
    text: str
    sentence: int
    actor: Actor
    entity: int = -1  # same id for every mention of one entity in the document
    how: str = "gazetteer"  # gazetteer | title | coreference | kb | outlet
    kind: str = "name"  # name | country | adj | role | pronoun | group | org
    tok_start: int = 0  # token index range within the sentence
    tok_end: int = 0


@dataclass(slots=True)
class Location:
    text: str
    name: str
    country: str | None = None
    lat: float | None = None
    lon: float | None = None
    geonames_id: int | None = None

    def to_record(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(slots=True)
class Event:
    """One PLOVER event, as EVENTS.md defines the record."""

    doc_id: str
    type: str
    source: Actor | list[Actor] | None
    target: Actor | list[Actor] | None
    evidence_text: str
    evidence_start: int
    evidence_end: int
    sentence: int = 0
    event_id: str = ""
    mode: str | None = None
    context: list[str] = field(default_factory=list)
    cameo: str | None = None
    quad: int | None = None
    intensity: float | None = None
    date: str | None = None
    date_precision: str | None = None
    location: Location | None = None
    status: str = "asserted"
    reported_by: Actor | None = None
    lang: str | None = None
    confidence: float = 0.5
    rule: str = ""  # which rule/lexicon entry produced it (provenance)
    trigger: str = ""
    headline: bool = False  # coded from the document's headline (the body's record wins on merging)
    from_noun: bool = False  # triggered by an event noun in running text ("the expulsion of ..."), not a verb
    cues: dict[str, float] = field(default_factory=dict)  # what the coder saw (chronik.confidence weighs it); not exported

    def to_record(self) -> dict[str, Any]:
        """The JSON-Lines record of EVENTS.md."""

        def actor(a: Actor | list[Actor] | None) -> Any:
            if a is None:
                return None
            if isinstance(a, list):
                return [x.to_record() for x in a]
            return a.to_record()

        return {
            "event_id": self.event_id,
            "doc_id": self.doc_id,
            "type": self.type,
            "mode": self.mode,
            "context": list(self.context),
            "cameo": self.cameo,
            "quad": self.quad,
            "intensity": self.intensity,
            "source": actor(self.source),
            "target": actor(self.target),
            "date": self.date,
            "date_precision": self.date_precision,
            "location": self.location.to_record() if self.location else None,
            "status": self.status,
            "reported_by": actor(self.reported_by),
            "evidence": {"text": self.evidence_text, "start": self.evidence_start, "end": self.evidence_end},
            "lang": self.lang,
            "confidence": round(self.confidence, 3),
        }


@dataclass(slots=True)
class Document:
    """A cleaned article and everything the pipeline found in it."""

    id: str
    text: str
    title: str | None = None
    published: str | None = None  # YYYY-MM-DD
    lang: str | None = None
    source: str | None = None  # outlet or agency, when the text names it
    url: str | None = None
    path: str | None = None  # where it was read from
    body_start: int = 0  # offset where the body starts (after title/dateline lines)
    sentences: list[Sentence] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    meta: dict[str, Any] = field(default_factory=dict)

    def to_record(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "title": self.title,
            "published": self.published,
            "lang": self.lang,
            "source": self.source,
            "url": self.url,
            "text": self.text,
        }


@dataclass(slots=True)
class Alias:
    """The same document text stored under another id or URL."""

    doc_id: str
    url: str | None = None
    source: str | None = None  # outlet of the alias (its URL's host when not named)
    path: str | None = None


@dataclass(slots=True)
class Report:
    """One report of a stored event: the document that reports it and the evidence."""

    doc_id: str
    evidence_text: str
    evidence_start: int
    evidence_end: int
    event_id: str = ""  # the event's id within its document ("doc#3")
    url: str | None = None
    aliases: list[Alias] = field(default_factory=list)
    source: str | None = None  # outlet
    published: str | None = None
    title: str | None = None
    lang: str | None = None
    sentence: int | None = None
    confidence: float | None = None
    doc_length: int | None = None  # characters of the cleaned document text
    added: str | None = None  # when the document was stored (ISO timestamp, UTC)

    @property
    def urls(self) -> list[str]:
        """The document's URL and its aliases' URLs, without repeats."""
        return [u for u in dict.fromkeys([self.url, *(a.url for a in self.aliases)]) if u]


@dataclass(slots=True)
class StoredEvent(Event):
    """An event of the event store: the coded event (its first report's record, with the
    store's ``event_id``), the GDELT-style counts and every report, in ingest order.
    :func:`chronik.records.export_record` is its one export shape."""

    global_event_id: int = 0
    num_mentions: int = 1
    num_articles: int = 1
    num_sources: int = 1
    reports: list[Report] = field(default_factory=list)
