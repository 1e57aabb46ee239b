"""Synthetic articles and a tiny deterministic coder, to test and benchmark the store
without the NLP pipeline (which is measured elsewhere).

:func:`article` writes an English wire-style article whose event sentences follow the
pattern "<Country> <verb> <Country> on <YYYY-MM-DD> ..."; :func:`code` finds exactly
those sentences and turns them into events with actor mentions.
"""
from __future__ import annotations

import random
import re

from ..model import Actor, Document, Event, Mention

COUNTRIES = {
    "Armenia": "ARM", "Azerbaijan": "AZE", "Russia": "RUS", "Ukraine": "UKR", "France": "FRA",
    "Germany": "DEU", "the United States": "USA", "Turkey": "TUR", "Iran": "IRN", "China": "CHN",
    "Georgia": "GEO", "Poland": "POL", "Israel": "ISR", "Egypt": "EGY", "Japan": "JPN", "India": "IND",
}
VERBS = {
    "accused": ("ACCUSE", "112", 3, -2.0), "met": ("CONSULT", "040", 1, 1.0), "attacked": ("ASSAULT", "190", 4, -9.0),
    "sanctioned": ("SANCTION", "163", 4, -7.0), "praised": ("SUPPORT", "051", 1, 3.0),
    "threatened": ("THREATEN", "130", 3, -4.0), "urged": ("REQUEST", "100", 3, -1.0),
    "rejected": ("REJECT", "120", 3, -3.0), "aided": ("AID", "070", 2, 6.0),
}
TOPICS = ["border shelling", "the peace talks", "gas deliveries", "a prisoner exchange", "the corridor", "troop movements",
          "the ceasefire line", "grain exports", "the election", "a pipeline deal", "sanctions relief", "refugees"]
FILLER = ["Officials gave no further details about {t}.", "Analysts said {t} had dominated the agenda for weeks.",
          "Local media reported {n} people had gathered near the ministry.", "The statement was published late on the day.",
          "Observers expect a decision on {t} within {n} days.", "Markets reacted calmly to the news about {t}.",
          "A spokesperson declined to comment on {t} when asked by reporters.", "Diplomats in {c} followed the talks closely.",
          "The agency said the figures on {t} could not be verified independently.", "Earlier this year {n} envoys met in {c}."]
_FORMS = {**COUNTRIES, **{"T" + c[1:]: iso for c, iso in COUNTRIES.items() if c.startswith("the ")}}
_NAMES = "|".join(re.escape(c) for c in sorted(_FORMS, key=len, reverse=True))
_EVENT = re.compile(rf"(?P<src>{_NAMES}) (?P<verb>{'|'.join(VERBS)}) (?P<tgt>{_NAMES}) on (?P<date>\d{{4}}-\d{{2}}-\d{{2}})[^.]*\.")


def event_sentence(rng: random.Random, date: str, src: str | None = None, tgt: str | None = None,
                   verb: str | None = None) -> str:
    """One codable sentence."""
    names = list(COUNTRIES)
    src = src or rng.choice(names)
    tgt = tgt or rng.choice([n for n in names if n != src])
    verb = verb or rng.choice(list(VERBS))
    return f"{src[0].upper() + src[1:]} {verb} {tgt} on {date} over {rng.choice(TOPICS)}, officials said."


def article(i: int, *, seed: int = 0, start: str = "2023-01-01", days: int = 365, events: int = 3,
            filler: int = 6) -> tuple[str, str]:
    """A generated article (title, text) with ``events`` codable sentences."""
    import datetime as dt

    rng = random.Random(seed * 1_000_003 + i)
    day = dt.date.fromisoformat(start) + dt.timedelta(days=rng.randrange(days))
    sents = [event_sentence(rng, day.isoformat()) for _ in range(events)]
    for _ in range(filler):
        sents.insert(rng.randrange(len(sents) + 1), rng.choice(FILLER).format(
            t=rng.choice(TOPICS), n=rng.randrange(2, 5000), c=rng.choice(list(COUNTRIES))))
    sents.append(f"Report number {i} by desk {rng.randrange(10**6)}.")
    title = f"{rng.choice(list(COUNTRIES))} and {rng.choice(TOPICS)}: update {i}"
    return title, " ".join(sents)


def document(i: int, **kw: object) -> Document:
    """:func:`article` as a Document (id ``art-<i>``, published on the event day)."""
    title, text = article(i, **kw)  # type: ignore[arg-type]
    m = _EVENT.search(text)
    return Document(id=f"art-{i}", text=f"{title}\n\n{text}", title=title, published=m.group("date") if m else None,
                    lang="en", source=f"outlet{i % 7}", url=f"https://news{i % 7}.example/{i}")


def code(doc: Document) -> Document:
    """Fill ``doc.mentions`` and ``doc.events`` from the synthetic event sentences."""
    doc.mentions, doc.events = [], []
    for n, m in enumerate(_EVENT.finditer(doc.text)):
        vtype, cameo, quad, intensity = VERBS[m.group("verb")]
        actors = []
        for role in ("src", "tgt"):
            surface = m.group(role)
            name = surface[4:] if surface.lower().startswith("the ") else surface
            actor = Actor(text=surface, name=name, country=_FORMS[surface], sector="GOV")
            doc.mentions.append(Mention(start=m.start(role), end=m.end(role), text=surface, sentence=n, actor=actor,
                                        entity=len(doc.mentions), kind="country"))
            actors.append(actor)
        doc.events.append(Event(
            doc_id=doc.id, type=vtype, source=actors[0], target=actors[1], evidence_text=m.group(0),
            evidence_start=m.start(), evidence_end=m.end(), sentence=n, event_id=f"{doc.id}#{n + 1}", cameo=cameo,
            quad=quad, intensity=intensity, date=m.group("date"), date_precision="day", lang=doc.lang or "en",
            confidence=0.9, rule="synthetic", trigger=m.group("verb"),
        ))
    return doc
