"""The event coder: trigger matches + resolved actors -> PLOVER event records.

For every trigger in a sentence the coder finds

* the *region* of the trigger: its clause, cut at subordinators ("dass", "that"),
  semicolons and the commas that open a coordinated verb;
* the *source*: the subject of the region (German case marking: a phrase after
  "den"/"dem" is no subject; in a passive the "von"/"durch"/"by" phrase is), else the
  subject of the main clause (coordinated verbs share it: "äußerte sich besorgt,
  forderte einen Waffenstillstand und sagte ...");
* the *target*: the object (accusative/dative phrase, or after "gegen", "mit",
  "against", "with" ...), or a genitive right after a noun trigger ("Provokationen Armeniens");
* *status*: negated, hypothetical, claimed (an act a speaker alleges) or asserted,
  and intentions to cooperate become AGREE;
* date (sentence, then paragraph, then the lede's date, then publication date),
  place, CAMEO code, quad class and intensity.
"""
from __future__ import annotations

from dataclasses import dataclass, replace
from functools import lru_cache

from .dates import find_dates
from .lang import get_grammar, get_lang
from .lexicon import data_path, read_tsv
from .model import Actor, Document, Event, Location, Mention, Sentence
from .settings import Options
from .kb import default_kb
from .triggers import TriggerMatch, get_lexicon

MATERIAL = {"ASSAULT", "COERCE", "MOBILIZE", "SANCTION", "PROTEST", "AID", "RETREAT", "COOPERATE"}
COOPERATIVE = {"CONSULT", "COOPERATE", "AID", "SUPPORT", "RETREAT", "CONCEDE"}
# Events whose source and target may be swapped freely are not symmetric in the
# record; meetings are ("X traf Y").
# Event nouns whose genitive names the actor: "Abzug israelischer Truppen", "Angriff der Armee".
GENITIVE_AGENT_TYPES = {"PROTEST", "MOBILIZE", "CONSULT", "ASSAULT", "RETREAT", "AGREE", "REJECT", "REQUEST",
                        "ACCUSE", "THREATEN", "SUPPORT", "SANCTION"}
# "protestierten gegen die gewaltsame Auflösung", "protest against the arrests": content, not an event
AGAINST = {"gegen", "against", "über", "over", "wegen"}
# Acts whose place is not their recipient: a meeting "in Brussels" is not with Belgium.
NO_PLACE_TARGET = {"CONSULT"}
FORCEFUL = {"ASSAULT", "COERCE", "PROTEST", "MOBILIZE"}
# Speech acts whose complement states their content rather than a separate event.
CONTENT_TYPES = {"REQUEST", "THREATEN", "REJECT", "AGREE", "ACCUSE", "SUPPORT", "CONCEDE"}
HARD_BREAKS = {";", ":", "(", ")"}
QUOTES_OPEN = {"„", "“", "«", "‚", "‹"}
QUOTES_CLOSE = {"“", "”", "»", "‘", "›"}


@dataclass(frozen=True, slots=True)
class Score:
    quad: int
    intensity: float
    cameo: str


@lru_cache(maxsize=1)
def plover_scores() -> dict[tuple[str, str], Score]:
    out: dict[tuple[str, str], Score] = {}
    for row in read_tsv(data_path("plover.tsv"), ("type", "mode", "quad", "intensity", "cameo")):
        out[(row["type"], row["mode"])] = Score(int(row["quad"]), float(row["intensity"]), row["cameo"])
    return out


def score_for(etype: str, mode: str | None) -> Score:
    table = plover_scores()
    return table.get((etype, mode or "")) or table[(etype, "")]


class Coder:
    """Codes the events of one document."""

    def __init__(self, doc: Document, options: Options):
        self.doc = doc
        self.options = options
        self.code = doc.lang or "en"
        self.lang = get_lang(self.code)
        self.gr = get_grammar(self.code)
        window = options.trigger_window_de if self.code == "de" else options.trigger_window_en
        self.lex = get_lexicon(self.code, window)
        self.by_sentence: dict[int, list[Mention]] = {}
        for m in doc.mentions:
            self.by_sentence.setdefault(m.sentence, []).append(m)
        self.ref = _date(doc.published)
        self.lede_date: tuple[str, str] | None = None
        self.para_date: dict[int, tuple[str, str]] = {}
        self.last_subject: Mention | None = None

    # ------------------------------------------------------------------ driver
    def run(self) -> list[Event]:
        events: list[Event] = []
        for sent in self.doc.sentences:
            sdates = self._sentence_dates(sent)
            mentions = self.by_sentence.get(sent.index, [])
            matches = self.lex.match(sent.tokens)
            content = self._complements(sent, matches)
            for match in matches:
                if match.head in content:
                    continue
                ev = self._code(sent, match, mentions, sdates)
                if ev is not None:
                    if ev.target is None:
                        self._complement_target(sent, match, ev, mentions)
                    if ev.target is None:  # "bereit erklärt, 2.000 Soldaten in den Libanon zu entsenden"
                        for inner in matches:
                            if content.get(inner.head) == match.head:
                                sub = self._code(sent, inner, mentions, sdates, quiet=True)
                                if sub is not None and sub.target is not None:
                                    ev.target = sub.target
                                    break
                    self._conditional_threat(sent, match, ev)
                    events.append(ev)
        events = self._prefer_verbs(events)
        if self.options.dedup_within_doc:
            events = dedup(events)
        for n, ev in enumerate(events, 1):
            ev.event_id = f"{self.doc.id}#{n}"
        return events

    def _prefer_verbs(self, events: list[Event]) -> list[Event]:
        """In one sentence, an event noun of a source that also has a verb event is part of
        that event: "staged mass demonstrations ... to demand", "Peru granted asylum ...
        since the invasion" keeps the verb's event."""
        verbs = {(e.sentence, _actor_key(e.source)) for e in events if not e.rule.startswith("noun:")}
        out = []
        for e in events:
            if e.rule.startswith("noun:") and (e.sentence, _actor_key(e.source)) in verbs:
                continue
            out.append(e)
        return out

    # ------------------------------------------------------------------ complements
    def _complements(self, sent: Sentence, matches: list[TriggerMatch]) -> dict[int, int]:
        """Heads of triggers that are the *content* of an earlier one, not events of their own:
        "threatened to break off relations", "demanded that its partners refuse ...",
        "forderte die Junta dazu auf, zur Demokratie zurückzukehren", "staged demonstrations to demand"."""
        toks = sent.tokens
        out: dict[int, int] = {}  # complement head -> head of the act it belongs to
        for a in matches:
            a_end = max(a.tokens)
            for b in matches:
                if b.head <= a_end or b.head - a_end > 30 or b.head in out:
                    continue
                between = [toks[k].text.casefold() for k in range(a_end + 1, b.head)] + [toks[a_end].text.casefold()]
                if any(w in HARD_BREAKS for w in between):
                    continue
                if any(toks[k].lemma in self.gr.SPEECH_LEMMAS for k in range(a_end + 1, b.head)):
                    continue  # "forderte ... und sagte, dass ...": the clause belongs to "sagte"
                b_end = max(b.tokens)
                words = set(between) | {toks[k].text.casefold() for k in range(b.head, b_end) if k not in b.tokens} \
                    | {toks[k].text.casefold() for k in a.tokens}
                infinitive = bool(words & self.gr.INFINITIVE_MARKERS) or any(self._zu_infinitive(toks[k].text) for k in b.tokens)
                that = bool(set(between) & (self.gr.COMPLEMENTIZERS | self.gr.CONTENT_PREPOSITIONS))
                # the object noun of a speech act is its content: "rejected recent calls for aid"
                obj_noun = a.trigger.type in CONTENT_TYPES and len(b.trigger.words) == 1 and b.head - a_end <= 3 \
                    and self._is_noun(sent, b.head)
                against = a.trigger.type in CONTENT_TYPES | {"PROTEST"} and self._is_noun(sent, b.head) and any(
                    toks[k].text.casefold() in AGAINST for k in range(max(a_end + 1, b.head - 4), b.head))
                if (infinitive and b.head - a_end <= 14) or (that and a.trigger.type in CONTENT_TYPES) or obj_noun or against:
                    out[b.head] = a.head
        return out

    def _zu_infinitive(self, word: str) -> bool:
        """"einzutreten", "zurückzuziehen", "festzunehmen"."""
        rx = getattr(self.gr, "ZU_INF", None)
        return rx is not None and rx.match(word.casefold()) is not None

    def _complement_target(self, sent: Sentence, match: TriggerMatch, ev: Event, mentions: list[Mention]) -> None:
        """"Amnesty demanded that the Sudanese government end ..." -> target: the complement's subject."""
        if match.trigger.type not in CONTENT_TYPES:
            return
        toks = sent.tokens
        end = max(match.tokens)
        for k in range(end + 1, min(len(toks), end + 7)):
            if toks[k].lemma in self.gr.SPEECH_LEMMAS or toks[k].text.casefold() in ("und", "and", "sowie"):
                return  # "forderte einen Waffenstillstand und sagte, dass ...": another verb's clause
            if toks[k].text.casefold() in self.gr.COMPLEMENTIZERS:
                for m in mentions:
                    if k < m.tok_start <= k + 4:
                        case, prep = self._case(sent, m)
                        if prep is None:
                            ev.target = m.actor
                            return
                return

    def _conditional_threat(self, sent: Sentence, match: TriggerMatch, ev: Event) -> None:
        """A future act under a condition is a threat: "will withdraw its force from Chad unless ...",
        "threatened to ban voting ... if Hamas ran"."""
        if ev.type == "THREATEN" or match.trigger.type == "AGREE" or match.trigger.type in COOPERATIVE and match.trigger.type != "RETREAT":
            return  # a promise under a condition stays a promise; withdrawing one's force is a threat
        toks = sent.tokens
        words = [t.text.casefold() for t in toks]
        if not set(words[match.head:]) & self.gr.CONDITIONALS:
            return
        if set(words[max(0, match.head - 4):match.head]) & self.gr.FUTURE:
            ev.type, ev.mode, ev.status = "THREATEN", None, "asserted"
            sc = score_for("THREATEN", None)
            ev.cameo, ev.quad, ev.intensity = sc.cameo, sc.quad, sc.intensity

    # ------------------------------------------------------------------ one trigger
    def _code(self, sent: Sentence, match: TriggerMatch, mentions: list[Mention], sdates, quiet: bool = False) -> Event | None:
        """Code one trigger. ``quiet``: only to read its arguments (a complement), whatever its status."""
        toks = sent.tokens
        trig = match.trigger
        h = match.head
        if len(trig.words) == 1 and any(m.tok_start <= h < m.tok_end for m in mentions):
            return None  # the trigger word is part of an actor ("Protestbewegung", "Kämpfer")
        lo, hi = self._region(sent, h)
        passive = self._is_passive(sent, h, lo, hi)
        status = self._status(sent, match, lo, hi)
        if status is None:
            return None
        if quiet:
            status = "asserted"
        etype = trig.type
        if status == "intent":
            # an announced act: cooperation promised is AGREE, force announced is a threat
            if etype in COOPERATIVE:
                etype, status = "AGREE", "asserted"
            elif etype in FORCEFUL:
                etype, status = "THREATEN", "asserted"
            else:
                status = "future"
        noun = self._is_noun(sent, h) and len(trig.words) == 1  # "Waffenstillstand fordern" is verbal
        if noun and not (sent.is_title and h <= 1) and not self._noun_licensed(sent, h, lo, hi, mentions):
            return None  # a headline may open with its event noun: "Sanktionen gegen Libyen"
        src, tgt = self._arguments(sent, h, lo, hi, mentions, passive, noun=noun)
        if self.code == "de" and not noun and not passive and h > 0 and toks[h - 1].text.casefold() in ("und", "oder", "sowie", ",") \
                and (src is None or src.tok_start > h):
            # "... und rief die libysche Armee auf": the conjunct's subject is the main clause's
            main = self._carry_subject(sent, h, mentions)
            if main is not None:
                src, tgt = main, (tgt if tgt is not None and tgt is not main else src)
        reported_by = None
        speaker = self._speaker(sent, lo, mentions)
        if speaker is not None and any(toks[k].text.casefold() in self.gr.OBLIGATION for k in range(max(lo, h - 3), min(hi, h + 3))):
            # "said that Sudan must return ...", "sagte, dass der Sudan ... zurückgeben müsse": a demand
            if src is None or src.entity != speaker.entity:
                src, tgt = speaker, src
                if etype != "REQUEST":
                    etype, trig = "REQUEST", _as_request(trig)
        if src is None and speaker is not None and etype not in MATERIAL:
            src = speaker
        elif src is not None and speaker is not None and etype in MATERIAL and src.entity != speaker.entity:
            status, reported_by = "claimed", speaker.actor
        if src is None and self._in_quote(sent, h):
            src = self._quote_speaker(sent, mentions)  # '"We urge Iraqi leaders to reconsider," Ortagus said.'
        subordinate = self._opener(sent, lo) in self.gr.SUBORDINATORS
        if src is None and not subordinate and not passive:
            src = self._carry_subject(sent, h, mentions)
        if src is None:
            return None
        if subordinate and speaker is None and not sent.is_title and etype in MATERIAL:
            return None  # background in a relative/adverbial clause ("where 28 people have been killed")
        if tgt is not None and tgt.how == "context" and tgt.actor.country == _country(src.actor) and tgt.entity != src.entity \
                and tgt.actor.sector in ("MIL", "GOV", "COP") and _sector(src.actor) in ("GOV", "MIL"):
            tgt = None  # "France is ready to contribute 4,000 troops": its own troops are no recipient
        if tgt is not None and tgt.entity == src.entity and tgt.entity >= 0:
            tgt = None
        location = self._place(sent, lo, hi)
        dem = self._demonym_target(sent, h, hi, mentions, src)
        if dem is not None and (tgt is None or dem[0] < tgt.tok_start):
            tgt_actor = dem[1]  # "opposed to French mediation in talks with Syria" -> France
        elif tgt is not None:
            tgt_actor = self._actor(tgt, sent, mentions)
        else:
            tgt_actor = self._place_target(sent, h, hi, mentions, src, location, etype)
        if status == "negated" and not self.options.include_negated:
            return None
        if status == "hypothetical" and not self.options.include_hypothetical:
            return None
        if speaker is not None and src is speaker:  # the date of the saying, not of what is said
            dlo, dhi = self._region(sent, max(0, lo - 2))
        else:
            dlo, dhi = lo, hi
        date, precision = self._event_date(sent, h, [d for d in sdates if toks[dlo].start - sent.start <= d.start < (toks[dhi - 1].end - sent.start)])
        sc = score_for(etype, trig.mode if etype == trig.type else None)
        cameo = trig.cameo if etype == trig.type and trig.cameo else sc.cameo
        conf = 0.45 + (0.2 if tgt_actor is not None else 0) + (0.1 if len(trig.words) > 1 else 0) + (0.1 if not passive else 0)
        return Event(
            doc_id=self.doc.id, type=etype, source=self._on_date(self._actor(src, sent, mentions), date),
            target=self._on_date(tgt_actor, date),
            evidence_text=sent.text, evidence_start=sent.start, evidence_end=sent.end, sentence=sent.index,
            mode=trig.mode if etype == trig.type else None, context=list(trig.context), cameo=cameo, quad=sc.quad,
            intensity=sc.intensity, date=date, date_precision=precision, location=location,
            status=status, reported_by=reported_by, lang=self.code, confidence=min(conf, 0.95),
            rule=f"{'noun:' if noun and not sent.is_title else ''}{trig.type}:{' '.join(trig.words)}", trigger=" ".join(toks[k].text for k in sorted(match.tokens)),
        )

    def _demonym_target(self, sent, h, hi, mentions, src) -> tuple[int, Actor] | None:
        """A thing of a country as the object: "reject proposed Israeli changes", "opposed to
        French mediation", "against Kampuchean guerrilla camps" -> that country."""
        from .gazetteer import get_gazetteer

        g = get_gazetteer(self.code)
        toks = sent.tokens
        covered = {k for m in mentions for k in range(m.tok_start, m.tok_end)}
        src_country = _country(src.actor)
        for k in range(h + 1, min(hi, h + 7)):
            if k in covered or not toks[k].text[:1].isalpha():
                continue
            if toks[k].text.casefold() in self.gr.SUBORDINATORS:
                break
            e = g.lookup_phrase([toks[k].text])
            if e is not None and e.kind == "adj" and e.country and e.country != src_country:
                return k, Actor(text=toks[k].text, name=e.name, country=e.country)
        return None

    def _place_target(self, sent, h, hi, mentions, src, location, etype) -> Actor | None:
        """No recipient named: the country where the act happens is it ("lifted a curfew in
        Montenegro", "strengthened its forces in Lebanon"); inside the source's own country, an
        act of force falls on the people there ("imposed a curfew in the town of Cizre")."""
        src_country = _country(src.actor)
        for m in mentions:
            if h < m.tok_start < hi and m.kind == "country" and m.entity != src.entity:
                case, prep = self._case(sent, m)
                if prep in self.gr.PLACE_TARGET_PREPOSITIONS and m.actor.country != src_country and etype not in NO_PLACE_TARGET:
                    return replace(m.actor, sector=None)
        if location is None or not location.country or etype in NO_PLACE_TARGET:
            return None  # talks "in Brussels" are not held with Belgium
        if location.country != src_country:
            return Actor(text=location.text, name=location.name, country=location.country)
        if etype in ("COERCE", "ASSAULT"):
            return Actor(text=location.text, name=location.name, country=location.country, sector="CVL")
        if etype in MATERIAL or etype == "CONCEDE":
            return Actor(text=location.text, name=location.name, country=location.country)
        return None

    def _on_date(self, a, date: str | None):
        """A known person's office on the event's own date, not the article's: Soleimani was a
        general when the strike of "last week" killed him, though no longer on the day of print."""
        if a is None or date is None or len(date) < 10 or date == self.doc.published:
            return a
        if isinstance(a, list):
            return [self._on_date(x, date) for x in a]
        if not a.name or not a.kb_id and not default_kb().lookup(a.name):
            return a
        row = default_kb().office_on(a.name, date[:10])
        if row is None:
            return a
        return replace(a, country=row.country or a.country, sector=row.sector, role=row.role)

    def _actor(self, m: Mention, sent: Sentence, mentions: list[Mention]) -> Actor | list[Actor]:
        """Coordinated actors become a list: "Polizisten und Unterstützer der Regierung"."""
        partners = [m.actor]
        toks = sent.tokens
        conj = ("und", "and", "sowie")
        if m.sentence == sent.index:
            for other in mentions:
                if other is m:
                    continue
                if other.tok_start == m.tok_end + 1 and toks[m.tok_end].text.casefold() in conj:
                    partners.append(other.actor)
                elif other.tok_end + 1 == m.tok_start and toks[other.tok_end].text.casefold() in conj:
                    partners.insert(0, other.actor)
        return partners if len(partners) > 1 else m.actor

    # ------------------------------------------------------------------ structure
    def _region(self, sent: Sentence, h: int) -> tuple[int, int]:
        toks = sent.tokens
        lo = 0
        for k in range(h - 1, -1, -1):
            if self._breaks_before(toks, k):
                lo = k + 1
                break
        hi = self._attribution_start(sent)
        if hi <= h:
            hi = len(toks)
        for k in range(h + 1, hi):
            if self._breaks_before(toks, k):
                hi = k
                break
        return lo, hi

    def _quote_depth(self, sent: Sentence) -> list[int]:
        """For each token, how deep inside quotation marks it stands (0: outside)."""
        depth, n = [], 0
        for t in sent.tokens:
            x = t.text
            if x in ("„", "«", "‚", "‹"):
                depth.append(n)
                n += 1
                continue
            if x in ("”", "»", "‘", "›") or (x == "“" and n > 0) or (x == '"' and n > 0):
                n = max(0, n - 1)
                depth.append(n)
                continue
            if x in ("“", '"'):
                depth.append(n)
                n += 1
                continue
            depth.append(n)
        return depth

    def _in_quote(self, sent: Sentence, h: int) -> bool:
        return self._quote_depth(sent)[h] > 0

    def _quote_speaker(self, sent: Sentence, mentions: list[Mention]) -> Mention | None:
        """The speaker of a quotation: the actor next to a verb of saying outside the quotes
        ('"...," Ortagus said, "we urge ..."', "..., teilte X mit", "X sagte: „...“")."""
        toks = sent.tokens
        depth = self._quote_depth(sent)
        outside = [m for m in mentions if depth[m.tok_start] == 0]
        for k, t in enumerate(toks):
            if depth[k] or t.lemma not in self.gr.SPEECH_LEMMAS:
                continue
            near = [m for m in outside if -4 <= m.tok_start - k <= 3 or -4 <= k - m.tok_end <= 3]
            if near:
                return min(near, key=lambda m: min(abs(m.tok_start - k), abs(k - m.tok_end)))
        return None

    def _attribution_start(self, sent: Sentence) -> int:
        """Where a trailing attribution begins: "..., police sources said." / "..., teilte X mit."
        Actors there are the reporters, not participants."""
        toks = sent.tokens
        commas = [k for k, t in enumerate(toks) if t.text == ","]
        if not commas:
            return len(toks)
        last = commas[-1]
        tail = toks[last + 1 :]
        if 0 < len(tail) <= 10 and any(t.lemma in self.gr.SPEECH_LEMMAS for t in tail) \
                and not any(t.text.casefold() in self.gr.COMPLEMENTIZERS for t in tail):
            return last
        return len(toks)

    def _breaks_before(self, toks, k: int) -> bool:
        """A clause boundary at token k: a semicolon, a subordinator, a comma before a
        subordinator or before a verb-initial coordinated clause."""
        t = toks[k].text.casefold()
        if t in HARD_BREAKS:
            return True
        if t in self.gr.SUBORDINATORS:
            return True
        if t == "," and k + 1 < len(toks):
            nxt = toks[k + 1]
            if nxt.text.casefold() in self.gr.SUBORDINATORS:
                return True
            # ", forderte einen Waffenstillstand" - a finite verb right after the comma
            if self.code == "de" and nxt.text.islower() and nxt.text.casefold() not in ("die", "der", "das", "den", "dem", "des", "und", "oder", "sowie", "aber", "sondern", "doch", "jedoch"):
                return True
        return False

    def _is_noun(self, sent: Sentence, h: int) -> bool:
        tok = sent.tokens[h]
        if tok.pos is not None:  # a tagger ran
            return tok.pos in ("NOUN", "PROPN")
        if self.code == "de":
            return tok.text[:1].isupper() and h > 0
        prev = sent.tokens[h - 1].text.casefold() if h > 0 else ""
        return prev in ("the", "a", "an", "its", "their", "his", "her", "new", "further", "of") or tok.text.casefold().endswith(("tion", "ment", "ance"))

    def _noun_licensed(self, sent: Sentence, h: int, lo: int, hi: int, mentions: list[Mention]) -> bool:
        """An event noun is an event when a light verb carries it ("setzten ihre Proteste fort",
        "held talks") or an agent is attached to it ("Angriff der Armee", "attack by rebels").
        Nouns after a temporal or causal preposition ("nach einer Besetzung", "after the attack")
        or in the genitive of another noun ("Vorbedingung der Stationierung") are background."""
        toks = sent.tokens
        before = [toks[k].text.casefold() for k in range(max(0, h - 3), h)]
        if any(w in self.gr.BACKGROUND_PREPOSITIONS for w in before):
            return False
        if self.code == "de" and h >= 2 and before[-1:] in (["der"], ["des"]) and toks[h - 2].text[:1].isupper():
            return False
        if any(toks[k].lemma in self.gr.LIGHT_VERBS for k in range(lo, hi) if k != h):
            return True
        for m in mentions:
            if m.tok_start in (h + 1, h + 2, h + 3) and m.tok_start <= hi:
                between = [t.text.casefold() for t in toks[h + 1 : m.tok_start]]
                if all(w in self.gr.AGENT_PREPOSITIONS or w in self.gr.DETERMINER_CASE and self.gr.DETERMINER_CASE[w] == "gen"
                       or w in ("der", "of", "by") or (w.isalpha() and w.islower()) for w in between):
                    return True
        return False

    def _is_passive(self, sent: Sentence, h: int, lo: int, hi: int) -> bool:
        toks = sent.tokens
        aux = any(toks[k].text.casefold() in self.gr.PASSIVE_AUX for k in range(lo, hi))
        if not aux:
            # German: a bare participle without "haben" is passive-like ("Zwei Anhänger der
            # Opposition hingerichtet", "Mehrere Demonstranten bleiben inhaftiert")
            return self.code == "de" and self.gr.is_participle(toks[h].text, toks[h].lemma) and not any(
                toks[k].lemma == "haben" for k in range(lo, hi))
        word = toks[h].text.casefold()
        if self.code == "de":
            # a participle: "beschossen", "getötet", "festgenommen"; not a finite "versammelten",
            # not an infinitive after a future "wird" ("Israel wird den Libanon angreifen")
            if toks[h].text[:1].isupper() or word.endswith(("te", "ten", "tet")) and not word.startswith("ge") and "ge" not in word[2:5]:
                return False
            past_aux = any(toks[k].text.casefold() in ("wurde", "wurden", "worden") for k in range(lo, hi))
            if not past_aux and word == toks[h].lemma and not word.startswith("ge"):
                return False  # "wird ... angreifen" is a future, "wurde ... beschossen" a passive
            return word.endswith(("t", "en"))
        if word in self.gr.STATIVE_PARTICIPLES:
            return False
        return word.endswith(("ed", "en", "wn", "ht", "ne", "lt")) and any(
            toks[k].text.casefold() in self.gr.PASSIVE_AUX for k in range(max(lo, h - 3), h))

    def _status(self, sent: Sentence, match: TriggerMatch, lo: int, hi: int) -> str | None:
        toks = sent.tokens
        h = match.head
        # German negation may stand far before the verb ("nicht die Zivilbevölkerung ... angegriffen")
        span = range(lo if self.code == "de" else max(lo, h - 4), min(hi, h + 5))
        for k in span:
            w = toks[k].text.casefold()
            nxt = toks[k + 1].text.casefold() if k + 1 < len(toks) else ""
            if w in self.gr.NEGATIONS and nxt not in self.gr.NOT_NEGATING_NEXT and k not in match.tokens:
                if match.trigger.type in ("REJECT",):
                    continue  # "nicht nachgeben" is itself a rejection
                return "negated"
        words = {toks[k].text.casefold() for k in range(lo, hi)}
        if self._opener(sent, lo) in self.gr.CONDITIONALS and match.trigger.type != "THREATEN":
            return "hypothetical"
        if words & self.gr.HYPOTHETICAL and match.trigger.type != "THREATEN":
            return "hypothetical"
        near = {toks[k].text.casefold() for k in range(max(lo, h - 4), min(hi, h + 4)) if k != h}
        if near & self.gr.FUTURE and not self._is_passive(sent, h, lo, hi):
            return "intent"  # "will withdraw", "would blockade", "wird ... entsenden"
        near_lemmas = {toks[k].lemma for k in range(max(lo, h - 5), min(hi, h + 3)) if k not in match.tokens}
        if near_lemmas & self.gr.INTENTION and match.trigger.type in COOPERATIVE:
            return "intent"  # "is willing to send", "wishes to speak with", "bereit, ... zu entsenden"
        return "asserted"

    # ------------------------------------------------------------------ arguments
    def _case(self, sent: Sentence, m: Mention) -> tuple[str | None, str | None]:
        """(case from the determiner, preposition) of a mention."""
        toks = sent.tokens
        case = prep = None
        k = m.tok_start - 1
        steps = 0
        while k >= 0 and steps < 3:
            raw = toks[k].text
            w = raw.casefold()
            if w in self.gr.SUBORDINATORS or w in self.gr.COMPLEMENTIZERS:
                break
            if w in self.gr.DETERMINER_CASE and case is None:
                case = self.gr.DETERMINER_CASE[w]
            elif w in self.gr.TARGET_PREPOSITIONS or w in self.gr.AGENT_PREPOSITIONS or w in _OTHER_PREPS.get(self.code, ()):
                if w in ("of", "von") and k > 0 and toks[k - 1].text.casefold() in self.gr.QUANTIFIERS:
                    k -= 2  # "tens of thousands of students", "Tausende von Menschen": not a preposition of the actor
                    steps += 1
                    continue
                prep = w
                break
            elif not (raw.isalpha() and raw.islower()) and w not in ("'s", "’s"):
                break
            k -= 1
            steps += 1
        return case, prep

    def _arguments(self, sent, h, lo, hi, mentions, passive, noun):
        src, tgt = self._rule_arguments(sent, h, lo, hi, mentions, passive, noun)
        if sent.tokens[h].dep is not None:
            found = self._dep_arguments(sent, h, mentions)
            if found is not None:  # the parse decides the source; a missing object falls back to the rules
                dsrc, dtgt = found
                tgt = dtgt if dtgt is not None else (tgt if tgt is not dsrc else None)
                src = dsrc
        return src, tgt

    # ------------------------------------------------------------------ from a dependency parse
    def _dep_arguments(self, sent: Sentence, h: int, mentions: list[Mention]):
        """Source and target from the parse (English with spaCy installed): the subject of the
        trigger's verb (climbing through xcomp/conj: "agreed to undertake", "rejected ... and
        said"), the passive agent, the direct object or a recipient preposition's object;
        for event nouns the possessor or "by" phrase. None when the parse names no source."""
        toks = sent.tokens
        kids: dict[int, list[int]] = {}
        for i, t in enumerate(toks):
            if t.head is not None:
                kids.setdefault(t.head, []).append(i)

        def mention_of(k: int) -> Mention | None:
            best = None
            stack, seen = [k], set()
            while stack:
                x = stack.pop(0)
                if x in seen or len(seen) > 12:
                    continue
                seen.add(x)
                for m in mentions:
                    if m.tok_start <= x < m.tok_end:
                        return m
                if toks[x].dep in ("relcl", "acl", "prep") and x != k:
                    continue  # not into relative clauses or prepositional modifiers
                stack.extend(c for c in kids.get(x, []) if toks[c].dep not in ("relcl", "acl", "prep", "punct", "cc"))
            return best

        def pobj(prep: int) -> int | None:
            return next((c for c in kids.get(prep, []) if toks[c].dep == "pobj"), None)

        verb = h
        if toks[h].pos in ("NOUN", "PROPN"):
            # event noun: possessor or "by" phrase is the actor; else the governing verb's subject
            src = tgt = None
            for c in kids.get(h, []):
                if toks[c].dep == "poss":
                    src = src or mention_of(c)
                elif toks[c].dep == "prep" and toks[c].text.casefold() == "by" and pobj(c) is not None:
                    src = src or mention_of(pobj(c))
                elif toks[c].dep == "prep" and toks[c].text.casefold() in self.gr.TARGET_PREPOSITIONS and pobj(c) is not None:
                    tgt = tgt or mention_of(pobj(c))
            if src is not None:
                return src, (tgt if tgt is not src else None)
            head = toks[h].head
            if toks[h].dep in ("dobj", "attr", "nsubjpass") and head is not None and toks[head].lemma in self.gr.LIGHT_VERBS:
                verb = head  # "held talks", "staged demonstrations", "imposed sanctions"
            else:
                return None
        subj = agent = obj = recipient = None
        v = verb
        for _ in range(4):
            passive = any(toks[c].dep in ("auxpass", "nsubjpass") for c in kids.get(v, []))
            for c in kids.get(v, []):
                d = toks[c].dep
                if d == "nsubj" and subj is None:
                    subj = mention_of(c)
                elif d == "nsubjpass" and obj is None:
                    obj = mention_of(c)
                elif d == "agent" and pobj(c) is not None:
                    agent = agent or mention_of(pobj(c))
                elif d in ("dobj", "dative") and obj is None and v == verb:
                    obj = mention_of(c)
                elif d == "prep" and v == verb and toks[c].text.casefold() in self.gr.TARGET_PREPOSITIONS and pobj(c) is not None:
                    recipient = recipient or mention_of(pobj(c))
            if subj is not None or agent is not None or toks[v].dep not in ("xcomp", "conj", "ccomp") or toks[v].head is None:
                break
            if toks[v].dep == "ccomp" and passive:
                break
            v = toks[v].head  # "agreed to undertake", "rejected ... and said they opposed"
        if agent is not None:  # "talks hosted by Charles Michel": the agent acts
            src = agent
        elif passive:
            src = None
        else:
            src = subj
        if src is None:
            return None
        tgt = obj or recipient
        if tgt is src:
            tgt = recipient if recipient is not src else None
        return src, tgt

    def _rule_arguments(self, sent, h, lo, hi, mentions, passive, noun):
        toks = sent.tokens
        inside = [m for m in mentions if lo <= m.tok_start and m.tok_end <= hi
                  and not (m.tok_start == 0 and m.tok_end < len(toks) and toks[m.tok_end].text == ":")]  # "Niger: ..."
        src = tgt = None
        subj_cands, obj_cands, agent = [], [], None
        for m in inside:
            case, prep = self._case(sent, m)
            if prep in self.gr.AGENT_PREPOSITIONS:
                if passive or noun:
                    agent = agent or m
                else:
                    obj_cands.append((2, m))
                continue
            if prep in self.gr.TARGET_PREPOSITIONS:
                obj_cands.append((0 if m.tok_start > h else 1, m))
                continue
            if prep in self.gr.CONTENT_PREPOSITIONS or prep == "of":
                if m.tok_start > h:
                    obj_cands.append((3, m))  # "shelled positions of the Palestinian security forces"
                continue
            if prep is not None:
                continue  # "in Kairo", "aus Libanon": adjuncts
            if case == "gen" or (noun and m.tok_start == h + 1):
                if m.tok_start == h + 1 or (m.tok_start <= h + 3 and m.tok_start > h):
                    obj_cands.append((0, m))
                elif m.tok_start > h and not self._genitive_in_pp(sent, m):
                    obj_cands.append((3, m))  # "setzte die Mitgliedschaft des Landes aus"
                continue
            if case in ("acc", "dat"):
                obj_cands.append((0 if m.tok_start > h else 1, m))
                continue
            subj_cands.append(m)
        if noun and not subj_cands and agent is None:
            gen = next((m for r, m in obj_cands if r == 0 and m.tok_start > h), None)
            if gen is not None and self._genitive_agent(sent, h):
                subj_cands, obj_cands = [gen], [(r, m) for r, m in obj_cands if m is not gen]
        if passive and agent is not None:
            src = agent
            tgt = subj_cands[0] if subj_cands else (min(obj_cands, key=lambda x: x[0])[1] if obj_cands else None)
            return src, tgt
        if passive and agent is None:
            # Agentless passive: the grammatical subject is the target.
            tgt = subj_cands[0] if subj_cands else None
            return None, tgt
        if noun and agent is not None and 0 < agent.tok_start - h <= 3:
            # "eine Kundgebung von Gegnern des Präsidenten": the von/by phrase acts
            rest = [m for m in subj_cands if m is not agent] + [m for _, m in sorted(obj_cands, key=lambda x: (x[0], x[1].tok_start))]
            tgt = next((m for m in rest if m.entity != agent.entity and m.tok_start > agent.tok_end), None)
            return agent, tgt
        if self.code == "en":
            before = [m for m in subj_cands if m.tok_end <= h]
            src = before[-1] if before else None
            if src is None and noun and agent is not None:
                src = agent
            after = [(0, m) for m in subj_cands if m.tok_start > h] + [(min(r, 1) if r < 3 else 3, m) for r, m in obj_cands if m.tok_start > h]
            rest = [m for _, m in sorted(after, key=lambda x: (x[0] >= 3, x[1].tok_start))] + [m for r, m in obj_cands if m.tok_start <= h]
        else:
            src = subj_cands[0] if subj_cands else (agent if noun else None)
            rest = [m for m in subj_cands[1:]] + [m for _, m in sorted(obj_cands, key=lambda x: (x[0], x[1].tok_start))]
            rest.sort(key=lambda m: (0 if m.tok_start > h else 1, abs(m.tok_start - h)))
        for m in rest:
            if src is None or m.entity != src.entity:
                tgt = m
                break
        return src, tgt

    def _opener(self, sent: Sentence, lo: int) -> str:
        """The word that opens the trigger's clause ("dass", "that", "where", ","), or ""."""
        return sent.tokens[lo - 1].text.casefold() if lo > 0 else ""

    def _genitive_in_pp(self, sent: Sentence, m: Mention) -> bool:
        """"vor dem Gebäude der Journalistengewerkschaft": the genitive belongs to a place."""
        toks = sent.tokens
        k = m.tok_start - 1
        while k >= 0 and toks[k].text.casefold() in ("der", "des", "of", "the"):
            k -= 1
        # k is the governing noun; a preposition within two tokens before it makes it an adjunct
        for j in range(max(0, k - 3), k):
            w = toks[j].text.casefold()
            if w in _OTHER_PREPS.get(self.code, ()) or w in ("vor", "hinter", "neben", "auf", "an", "near", "outside", "at"):
                return True
        return False

    def _genitive_agent(self, sent: Sentence, h: int) -> bool:
        """Is the genitive after this event noun its agent ("Abzug israelischer Truppen",
        "Proteste der Mönche") rather than its patient ("Freilassung der Gefangenen")?"""
        m = next((x for x in self.lex.match(sent.tokens) if x.head == h), None)
        if m is None:
            return False
        t = m.trigger
        return t.type in GENITIVE_AGENT_TYPES and t.mode not in ("release", "arrest", "seize", "deport")

    def _speaker(self, sent: Sentence, lo: int, mentions: list[Mention]) -> Mention | None:
        """The subject of a verb of saying before a reported clause ("Aliyev betonte, dass ...",
        "Russia said on Tuesday that Sudan must ...", "sagte, das neue Gesetz könne ...")."""
        if lo == 0:
            return None
        toks = sent.tokens
        speech = [k for k in range(0, lo) if toks[k].lemma in self.gr.SPEECH_LEMMAS]
        if not speech:
            return None
        k = speech[-1]
        opener = self._opener(sent, lo)
        if opener not in self.gr.COMPLEMENTIZERS and not (opener == "," and lo - k <= 3):
            return None  # a relative or adverbial clause, not reported speech
        lo2, hi2 = self._region(sent, k)
        for m in mentions:
            if lo2 <= m.tok_start < hi2:
                case, prep = self._case(sent, m)
                if prep is None and case not in ("acc", "dat", "gen"):
                    return m
        return None

    def _carry_subject(self, sent: Sentence, h: int, mentions: list[Mention]) -> Mention | None:
        """Coordinated verbs share the main clause's subject: "Blinken äußerte sich besorgt,
        forderte einen Waffenstillstand ..." -> Blinken requests."""
        for m in mentions:
            if m.tok_end > h:
                break
            case, prep = self._case(sent, m)
            if prep is None and case not in ("acc", "dat", "gen"):
                return m
        return None

    # ------------------------------------------------------------------ date & place
    def _sentence_dates(self, sent: Sentence):
        """Date expressions of a sentence; the first day date of the body is the lede's date."""
        found = [d for d in find_dates(sent.text, self.code, self.ref) if d.precision in ("day", "week", "month")]
        past = [d for d in found if self._is_past(d.value)]
        if past and not sent.is_title and self.lede_date is None and past[0].precision == "day":
            self.lede_date = (past[0].value, past[0].precision)
        return found

    def _is_past(self, value: str) -> bool:
        return self.ref is None or value[:10] <= self.ref.isoformat()

    def _event_date(self, sent: Sentence, h: int, sdates) -> tuple[str | None, str | None]:
        """The event's own date: the nearest date in its clause (past dates first for what
        happened), else the date of the paragraph's last dated event, else the lede's date,
        else the publication date."""
        if sdates:
            tok_pos = sent.tokens[h].start - sent.start
            best = min(sdates, key=lambda d: (not self._is_past(d.value), abs(d.start - tok_pos)))
            if not sent.is_title:
                self.para_date[sent.paragraph] = (best.value, best.precision)
            return best.value, best.precision
        if sent.paragraph in self.para_date:
            return self.para_date[sent.paragraph]
        if self.lede_date is not None:
            return self.lede_date
        if self.doc.published:
            return self.doc.published, "day"
        return None, None

    def _is_demonym(self, word: str) -> bool:
        from .gazetteer import get_gazetteer

        e = get_gazetteer(self.code).lookup_phrase([word])
        return e is not None and e.kind == "adj"

    def _place(self, sent: Sentence, lo: int, hi: int) -> Location | None:
        try:
            from .geo import Gazetteer as Places
        except ImportError:
            return None
        toks = sent.tokens
        places = Places.default()
        for k in range(max(0, lo - 1), hi):
            w = toks[k].text.casefold()
            if w not in _PLACE_PREPS.get(self.code, ()):
                continue
            j = k + 1
            while j < min(hi, k + 6) and not toks[j].text[:1].isupper():
                j += 1  # "in the town of Cizre", "in der Region Karabach"
            run = j
            while run < hi and toks[run].text[:1].isupper() and run - j < 3:
                run += 1
            for length in range(run - j, 0, -1):  # "West Darfur State" before "West"
                for a in range(j, run - length + 1):
                    words = [t.text for t in toks[a : a + length]]
                    if length == 1 and (words[0].casefold() in _NOT_PLACES or self._is_demonym(words[0])):
                        continue  # "near the eastern Thai border"
                    loc = places.lookup(" ".join(words), self.code)
                    if loc is not None:
                        return replace(loc, text=self.doc.text[toks[a].start : toks[a + length - 1].end])
        return None


_OTHER_PREPS = {
    "de": frozenset("vom zum zur beim ins ans aufs durchs innerhalb außerhalb nahe entlang in im aus bei beim für über unter vor hinter zwischen neben ohne um wegen trotz während seit bis laut innerhalb außerhalb".split()),
    "en": frozenset("in of for about over under before after between without during since until per via across among near "
                    "throughout inside within outside around beyond behind along amid amidst despite like".split()),
}
_NOT_PLACES = frozenset("west east north south central new upper lower greater northern southern eastern western "
                        "region state province city town stadt region provinz".split())
_PLACE_PREPS = {"de": frozenset("in im nahe bei vor nach".split()), "en": frozenset("in near at outside".split())}


def _as_request(trig):
    from .triggers import Trigger

    return Trigger("REQUEST", trig.words, None, None, trig.context, trig.note)


def _country(a) -> str | None:
    if isinstance(a, list):
        return a[0].country if a else None
    return a.country if a else None


def _sector(a) -> str | None:
    if isinstance(a, list):
        return a[0].sector if a else None
    return a.sector if a else None




def _date(value: str | None):
    import datetime as dt

    if not value:
        return None
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        return None


def _actor_key(a) -> tuple:
    if a is None:
        return ()
    if isinstance(a, list):
        return tuple(sorted(_actor_key(x) for x in a))
    return (a.country or "", a.sector or "", (a.name or "").casefold())


def dedup(events: list[Event]) -> list[Event]:
    """One event once: the headline's event and its restatement in the body merge
    (same type, same source, compatible target); the body's record is kept."""
    kept: list[Event] = []
    for ev in sorted(events, key=lambda e: (e.evidence_start < 0, e.sentence)):
        dup = None
        for k in kept:
            if k.type != ev.type or _actor_key(k.source) != _actor_key(ev.source):
                continue
            if k.target is None or ev.target is None or _actor_key(k.target) == _actor_key(ev.target):
                if k.sentence == ev.sentence and k.trigger != ev.trigger and k.cameo != ev.cameo \
                        and not k.rule.startswith(("noun:", "title:noun:")) and not ev.rule.startswith(("noun:", "title:noun:")):
                    continue  # two acts in one sentence: "lösten die Versammlung auf und nahmen ... fest"
                if k.sentence == ev.sentence or _is_title(k) or _is_title(ev) or (k.date == ev.date and _actor_key(k.target) == _actor_key(ev.target)):
                    dup = k
                    break
        if dup is None:
            kept.append(ev)
        elif _is_title(dup) and not _is_title(ev):
            kept[kept.index(dup)] = _merge(ev, dup)
        else:
            kept[kept.index(dup)] = _merge(dup, ev)
    return sorted(kept, key=lambda e: (e.sentence, e.evidence_start))


def _is_title(e: Event) -> bool:
    return e.rule.startswith("title:")  # set by code_events for headline sentences


def _merge(keep: Event, other: Event) -> Event:
    if keep.target is None and other.target is not None:
        keep.target = other.target
    if keep.location is None:
        keep.location = other.location
    keep.confidence = min(0.95, max(keep.confidence, other.confidence) + 0.05)
    return keep


def code_events(doc: Document, options: Options | None = None) -> Document:
    """Fill ``doc.events``."""
    options = options or Options()
    coder = Coder(doc, options)
    events = coder.run()
    titles = {s.index for s in doc.sentences if s.is_title}
    for ev in events:
        if ev.sentence in titles:
            ev.rule = "title:" + ev.rule
    doc.events = [e for e in dedup(events) if e.confidence >= options.min_confidence]
    for n, ev in enumerate(doc.events, 1):
        ev.event_id = f"{doc.id}#{n}"
        ev.rule = ev.rule.removeprefix("title:").removeprefix("noun:")
    return doc
