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

from .arguments import ArgumentMixin, _country, _sector
from .circumstances import CircumstanceMixin
from .clauses import ClauseMixin
from .lang import get_grammar, get_lang
from .model import Actor, Document, Event, Mention, Sentence
from .parse import annotate
from .plover import AGAINST, CONTENT_TYPES, COOPERATIVE, FORCEFUL, HARD_BREAKS, MATERIAL, MUTUAL, OWN_FORCES_TYPES, REACTIONS, score_for
from .confidence import calibrate, event_cues
from .evaluative import CAMEO as CRITICISM_CAMEO, find_criticism
from .settings import Options
from .triggers import TriggerMatch, get_lexicon

class Coder(ClauseMixin, ArgumentMixin, CircumstanceMixin):
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
        self._matches: dict[int, list[TriggerMatch]] = {}  # trigger matches of each sentence, computed once

    # ------------------------------------------------------------------ driver
    def run(self) -> list[Event]:
        events: list[Event] = []
        # the parse (where one is installed) only for sentences with a trigger and an actor (no actor, no
        # source, no event): a parse can drop a match (a particle), never add one, and nothing outside
        # these sentences reads it
        if annotate([s for s in self.doc.sentences if s.index in self.by_sentence and self._sentence_matches(s)], self.code):
            self._matches.clear()
        for sent in self.doc.sentences:
            sdates = self._sentence_dates(sent)
            mentions = self.by_sentence.get(sent.index, [])
            matches = self._sentence_matches(sent)
            content = self._complements(sent, matches)
            coded: list[tuple[TriggerMatch, Event]] = []
            for match in matches:
                if match.head in content:
                    continue
                if self._result_clause(sent, match, coded) or self._means_of_attack(sent, match, coded):
                    continue
                ev = self._code(sent, match, mentions, sdates)
                if ev is not None:
                    coded.append((match, ev))
                    if ev.target is None:
                        self._complement_target(sent, match, ev, mentions)
                    if ev.target is None:  # "bereit erklärt, 2.000 Soldaten in den Libanon zu entsenden"
                        for inner in matches:
                            if content.get(inner.head) == match.head:
                                sub = self._code(sent, inner, mentions, sdates, quiet=True)
                                if sub is not None and sub.target is not None:
                                    ev.target = sub.target
                                    break
                    if ev.target is None and ev.type in REACTIONS:
                        ev.target = self._anaphoric_target(sent, match, ev, events)
                    if match.trigger.mode == "resign":
                        ev.target = None  # nobody is the target of a resignation
                    self._conditional_threat(sent, match, ev)
                    events.append(ev)
            crit = self._criticism(sent, mentions, sdates, events)
            if crit is not None:
                events.append(crit)
        return self._prefer_verbs(events)

    def _criticism(self, sent: Sentence, mentions: list[Mention], sdates, events: list[Event]) -> Event | None:
        """A negative evaluation by a speaker is an ACCUSE (chronik/evaluative.py), unless the
        sentence already holds the speaker's disapproval."""
        found = find_criticism(self, sent, mentions, events)
        if found is None:
            return None
        k, speaker, tgt, referred = found
        src_actor = speaker.actor
        if any(e.sentence == sent.index and e.type in ("ACCUSE", "REJECT") and _state_key(e.source) == _state_key(src_actor)
               for e in events):
            return None
        tgt_actor = self._actor(tgt, sent, mentions) if tgt is not None else referred
        date, precision = self._event_date(sent, k, sdates)
        sc = score_for("ACCUSE", "disapprove")
        cues = event_cues(self.code, "ACCUSE", sent, k, speaker, tgt, src_actor, tgt_actor, mentions, passive=False,
                          noun=False, multiword=False, status="asserted", speaker=True, quoted=self._in_quote(sent, k),
                          subordinate=False, demonym=False)
        cues["evaluative"] = 1.0
        return Event(
            doc_id=self.doc.id, type="ACCUSE", source=self._on_date(src_actor, date), target=self._on_date(tgt_actor, date),
            evidence_text=sent.text, evidence_start=sent.start, evidence_end=sent.end, sentence=sent.index,
            mode="disapprove", context=[], cameo=CRITICISM_CAMEO, quad=sc.quad, intensity=sc.intensity, date=date,
            date_precision=precision, location=None, status="asserted", lang=self.code, confidence=0.5,
            rule="ACCUSE:evaluative", trigger=sent.tokens[k].text, headline=sent.is_title, cues=cues,
        )

    def _result_clause(self, sent: Sentence, match: TriggerMatch, coded: list[tuple[TriggerMatch, Event]]) -> bool:
        """Part of an act just coded: its outcome (", killing or wounding 50" after an attack) or its
        purpose ("met Rabin in Aqaba to discuss water sharing")."""
        h = match.head
        toks = sent.tokens
        if h > 0 and toks[h - 1].text.casefold() in self.gr.INFINITIVE_MARKERS and any(
                e.type == match.trigger.type and 0 < h - max(a.tokens) <= 20
                and not any(self._breaks_before(toks, k) for k in range(max(a.tokens) + 1, h)) for a, e in coded):
            return True
        if h == 0 or not toks[h].text.casefold().endswith(self.gr.RESULT_PARTICIPLE) or len(match.trigger.words) > 1:
            return False
        k = h - 1  # back over coordinated participles: ", killing or wounding"
        while k > max(0, h - 4) and (toks[k].text.casefold() in self.gr.COORDINATORS or toks[k].text.casefold().endswith(self.gr.RESULT_PARTICIPLE)):
            k -= 1
        return toks[k].text == "," and any(e.type == match.trigger.type for _, e in coded)

    def _means_of_attack(self, sent: Sentence, match: TriggerMatch, coded: list[tuple[TriggerMatch, Event]]) -> bool:
        """"killed by an improvised explosive device", "in a suicide car bombing": the means of
        the attack just coded, not a second attack."""
        toks = sent.tokens
        if match.trigger.type != "ASSAULT" or match.head == 0 or toks[match.head - 1].text.casefold() in self.gr.COORDINATORS:
            return False  # "killed two policemen in Karachi and wounded five others": a coordinated act of its own
        for a, ev in coded:
            end = max(a.tokens)
            if ev.type == "ASSAULT" and end < match.head <= end + 6 and any(
                    toks[k].text.casefold() in self.gr.INSTRUMENT_PREPOSITIONS for k in range(end + 1, match.head)):
                return True
        return False

    def _bare_mobilization(self, sent: Sentence, match: TriggerMatch) -> bool:
        """A bare "mobilise" whose object is no force: "mobilized pressure groups", "mobilisierte ihre
        Anhänger" (but "mobilized its reservists", "mobilisierte am Montag seine Truppen", "Armenia mobilized")."""
        if match.trigger.type != "MOBILIZE" or len(match.trigger.words) > 1 or self._is_noun(sent, match.head):
            return False
        toks = sent.tokens
        h = match.head
        mentions = self.by_sentence.get(sent.index, [])
        objs = [k for k, t in enumerate(toks) if t.head == h and t.dep == "dobj"]
        if not objs and toks[h].dep is None:  # no parse: the noun right after the verb (and its determiner)
            k = h + 1
            while k < len(toks) and k <= h + 2 and toks[k].text.casefold() in self.gr.OBJECT_DETERMINERS:
                k += 1
            if k < len(toks) and k > h + 1 or k < len(toks) and self._is_noun(sent, k):
                objs = [k]
        if not objs:
            return False
        k = objs[0]
        return toks[k].lemma.casefold() not in self.gr.FORCE_NOUNS and not any(m.tok_start <= k < m.tok_end for m in mentions)

    def _target_open(self, sent: Sentence, match: TriggerMatch, mentions: list[Mention], src: Mention, tgt: Mention | None) -> bool:
        """Is there no real other party? No target, a target inside the source's own coordination,
        or one in a purpose clause ("began joint patrols ... to curb the movement of armed groups")."""
        if tgt is None or tgt.entity in {m.entity for m in mentions if src.tok_start <= m.tok_start < src.tok_end + 4}:
            return True
        toks = sent.tokens
        return any(toks[k].text.casefold() in self.gr.INFINITIVE_MARKERS and k not in match.tokens and toks[k + 1].text.islower()
                   for k in range(match.head + 1, tgt.tok_start))

    def _refine_target(self, sent: Sentence, match: TriggerMatch, lo: int, hi: int, mentions: list[Mention],
                       src: Mention | None, tgt: Mention | None, passive: bool, noun: bool) -> Mention | None:
        """Targets that the general argument rules miss or get wrong."""
        toks = sent.tokens
        trig, h, end = match.trigger, match.head, max(match.tokens)
        if end + 1 < len(toks) and toks[end].lemma in self.gr.OF_PATIENT_NOUNS and toks[end + 1].text.casefold() in self.gr.CONTENT_PREPOSITIONS:
            # "demand for the immediate withdrawal of Iraqi forces from Kuwait": the withdrawal's own object
            patient = next((m for m in mentions if end + 1 < m.tok_start <= end + 4 and m is not src), None)
            if patient is not None:
                tgt = patient
        if trig.type == "SUPPORT" and (tgt is None or "support" in trig.words or "unterstützung" in trig.words):
            # "voiced strong support on Tuesday for Russian President Boris Yeltsin in his struggle with ..."
            fors = [k for k in range(end + 1, min(hi, end + 6)) if toks[k].text.casefold() in self.gr.SUPPORT_PREPOSITIONS]
            tgt = next((m for m in mentions if fors and fors[0] < m.tok_start <= fors[0] + 3 and m is not src), tgt)
        if trig.type == "THREATEN" or self._future_under_condition(sent, h):
            # "warned that Moscow would take countermeasures if NATO expanded": the condition's subject is threatened
            cond = next((k for k in range(h + 1, len(toks)) if toks[k].text.casefold() in self.gr.CONDITIONALS), None)
            subj = next((m for m in mentions if cond is not None and cond < m.tok_start <= cond + 3 and m is not src), None)
            if subj is not None and src is not None and (tgt is None or tgt.tok_start > cond or tgt.tok_start < h
                                                         or _country(tgt.actor) == _country(src.actor)):
                tgt = subj
        if tgt is not None and trig.type in OWN_FORCES_TYPES and tgt.tok_start > 0 and tgt is not src \
                and toks[tgt.tok_start - 1].text.casefold() in self.gr.POSSESSIVES and tgt.actor.sector in ("MIL", "COP"):
            # "will withdraw their peacekeeping force from Chad unless President Goukouni ...": the forces an
            # actor moves are its own, no target; look again without them
            tgt = self._arguments(sent, h, lo, hi, [m for m in mentions if m is not tgt], passive, noun=noun)[1]
            if tgt is src:
                tgt = None
        return tgt

    def _relative_spans(self, sent: Sentence, lo: int, hi: int, h: int) -> list[tuple[int, int]]:
        """Character spans (sentence-relative) of relative clauses in ``lo:hi`` that do not hold
        token ``h``: their dates belong to someone else's event ("her husband, who was arrested in May,")."""
        toks = sent.tokens
        out = []
        for k in range(max(0, lo - 2), hi):  # the clause may open just before the region ("Siarhei, who was ...")
            w = toks[k].text.casefold()
            ambiguous = w in self.gr.ARTICLE_RELATIVES and k + 1 < hi and not (toks[k + 1].text[:1].islower() or toks[k + 1].text[:1].isdigit())
            if (w in self.gr.RELATIVE_PRONOUNS or w in self.gr.ARTICLE_RELATIVES and not ambiguous) and k > 0 and toks[k - 1].text == ",":
                end = next((j for j in range(k + 1, hi) if toks[j].text in (",", ";")), hi)
                if not k <= h < end:
                    out.append((toks[k].start - sent.start, toks[end - 1].end - sent.start))
        return out

    def _anaphoric_target(self, sent: Sentence, match: TriggerMatch, ev: Event, earlier: list[Event]):
        """A reaction to an act just reported: "criticised the vote" -> whoever voted, "verurteilte den
        Angriff" -> the attacker. The object must be a definite event noun; the target is the source of
        the latest event of that kind (any kind for "the vote", "the decision") in the last two sentences."""
        toks = sent.tokens
        end = max(match.tokens)
        k = end + 1
        while k < len(toks) and k <= end + 3 and toks[k].text.casefold() in self.gr.EVENT_ANAPHOR_PREPOSITIONS:
            k += 1  # "disappointed by the vote"
        if k + 1 >= len(toks) or toks[k].text.casefold() not in self.gr.EVENT_ANAPHOR_DETERMINERS:
            return None
        noun = toks[k + 1].lemma.casefold()
        general = noun in self.gr.EVENT_ANAPHOR_NOUNS
        kinds = {t.type for t in self.lex.candidates(noun, True) if len(t.words) == 1}
        if not general and not kinds:
            return None
        return self._recent_act_source(sent, ev.source, earlier, lambda prev: general or prev.type in kinds)

    def _recent_act_source(self, sent: Sentence, me, earlier: list[Event], accept) -> Actor | list[Actor] | None:
        """The source of the latest ``accept``-ed event of another actor than ``me`` in the last two
        sentences (what "the attack", "the move" refers to); None for unidentified attackers."""
        key = _actor_key(me)
        for prev in reversed(earlier):
            if sent.index - prev.sentence > 2:
                break
            if prev.source is None or _actor_key(prev.source) == key or not accept(prev):
                continue
            return None if getattr(prev.source, "sector", None) == "UAF" else prev.source
        return None

    def _future_under_condition(self, sent: Sentence, h: int) -> bool:
        """"will withdraw its force from Chad unless ...": a future act with a condition after it."""
        toks = sent.tokens
        words = [t.text.casefold() for t in toks]
        return bool(set(words[h:]) & self.gr.CONDITIONALS) and bool(set(words[max(0, h - 4):h]) & self.gr.FUTURE)

    def _attack_means(self, sent: Sentence) -> bool:
        """Does the sentence name the means of an attack ("a suicide car bombing", "ein Sprengsatz")?"""
        return any(t.text.casefold().startswith(self.gr.ATTACK_MEANS) for t in sent.tokens)

    def _sentence_matches(self, sent: Sentence) -> list[TriggerMatch]:
        if sent.index not in self._matches:
            self._matches[sent.index] = self.lex.match(sent.tokens)
        return self._matches[sent.index]

    def _prefer_verbs(self, events: list[Event]) -> list[Event]:
        """In one sentence, an event noun of a source that also has a verb event is part of
        that event: "staged mass demonstrations ... to demand", "Peru granted asylum ...
        since the invasion" keeps the verb's event."""
        verbs = {(e.sentence, _actor_key(e.source)) for e in events if not e.from_noun}
        # the other side of a mutual act: "was received by the Queen, the first state visit by an Argentine leader"
        sides = {(e.sentence, e.type, _actor_key(e.target)) for e in events if not e.from_noun and e.type in MUTUAL}
        out = []
        for e in events:
            if e.from_noun and ((e.sentence, _actor_key(e.source)) in verbs or (e.sentence, e.type, _actor_key(e.source)) in sides):
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
            if self._bare_mobilization(sent, a):
                continue  # no act of its own: "mobilized pressure groups ... to help support" keeps its purpose
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
                # with a parse, a clause without "that": "recommended the United States troops withdraw"
                clause = a.trigger.type in CONTENT_TYPES and toks[b.head].head in a.tokens and (
                    toks[b.head].dep in ("ccomp", "xcomp") or toks[b.head].dep == "advcl" and any(  # "pushing for the US (to) support"
                        t.head == b.head and t.dep == "mark" and t.text.casefold() in ("for", "that") for t in toks))
                if (infinitive and b.head - a_end <= 14) or (that and a.trigger.type in CONTENT_TYPES) or obj_noun or against or clause:
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
        if self._future_under_condition(sent, match.head):
            ev.type, ev.mode, ev.status = "THREATEN", None, "asserted"
            sc = score_for("THREATEN", None)
            ev.cameo, ev.quad, ev.intensity = sc.cameo, sc.quad, sc.intensity

    def _not_an_act(self, sent: Sentence, match: TriggerMatch, mentions: list[Mention]) -> bool:
        """Trigger words that name no act here: part of an actor, an adjective, a noun modifier,
        a prospect, a mobilisation of no forces."""
        toks = sent.tokens
        trig = match.trigger
        h = match.head
        word = toks[h].text.casefold().removesuffix("s")
        if len(trig.words) == 1 and word.endswith(self.gr.PATIENT_NOUN_SUFFIXES) and not toks[h].lemma.endswith(self.gr.PATIENT_NOUN_SUFFIXES):
            return True  # "Palestinian detainees": people the verb was done to, no act
        if len(trig.words) == 1 and any(m.tok_start <= h < m.tok_end for m in mentions):
            return True  # the trigger word is part of an actor ("Protestbewegung", "Kämpfer")
        if len(trig.words) == 1 and 0 < h < len(toks) - 1 and toks[h - 1].text.casefold() in self.gr.ATTRIBUTIVE_DETERMINERS | self.gr.ATTRIBUTIVE_PREPOSITIONS \
                and toks[h].text.casefold().endswith("ed") and toks[h + 1].text[:1].isalpha():
            return True  # "his alleged part in atrocities": a participle used as an adjective
        if toks[h].dep == "acl" and toks[h].text.casefold().endswith(("ing", "ed")) and toks[h].head is not None \
                and toks[toks[h].head].lemma in self.gr.DOCUMENT_NOUNS:
            return True  # "a Security Council resolution criticising Israel's plan": describes the resolution
        if toks[h].dep == "compound" and toks[h].pos in ("NOUN", "PROPN") and toks[h].head not in match.tokens \
                and toks[h].head is not None and toks[toks[h].head].lemma not in self.gr.EVENT_FRAME_NOUNS:
            return True  # a noun modifying another: "pressure groups", "attack helicopters" (not "mediation effort")
        if h >= 2 and (toks[h - 1].text.casefold() in self.gr.CONTENT_PREPOSITIONS | self.gr.INFINITIVE_MARKERS
                       and toks[h - 2].lemma in self.gr.PROSPECT_NOUNS
                       or toks[h - 1].text.casefold() in self.gr.CONTENT_PREPOSITIONS and toks[h - 2].lemma in self.gr.DECISION_NOUNS):
            return True  # "the plan to send troops", "the decision of sending troops": not (yet) an act
        if self._bare_mobilization(sent, match):
            return True  # "mobilized pressure groups", "mobilise support": no forces
        return False

    # ------------------------------------------------------------------ one trigger
    def _code(self, sent: Sentence, match: TriggerMatch, mentions: list[Mention], sdates, quiet: bool = False) -> Event | None:
        """Code one trigger. ``quiet``: only to read its arguments (a complement), whatever its status."""
        toks = sent.tokens
        trig = match.trigger
        h = match.head
        if self._not_an_act(sent, match, mentions):
            return None
        lo, hi = self._region(sent, h)
        passive = self._is_passive(sent, h, lo, hi) or (trig.words[0] == "be" and trig.words[-1] in self.gr.AGENT_PREPOSITIONS)
        status = self._status(sent, match, lo, hi)
        if status is None:
            return None
        if quiet:
            status = "asserted"
        etype = trig.type
        if status == "intent":
            # an announced act: cooperation promised is AGREE, force announced is a threat
            if trig.mode == "resign" or etype == "CONCEDE":
                # "... and will resign", "announced that her government will withdraw the bill": announcing
                # a resignation or a concession is the act itself
                status = "asserted"
            elif etype in COOPERATIVE or etype == "AGREE":
                etype, status = "AGREE", "asserted"  # an announced intention to cooperate is what AGREE codes
            elif etype in FORCEFUL:
                etype, status = "THREATEN", "asserted"
            else:
                status = "future"
        # "killed by an improvised explosive device", "durch einen Luftangriff": an instrument, no agent
        instrument = any(toks[k].text.casefold() in ("by", "durch") for k in range(max(lo, h - 3), h)) and not any(
            toks[k].pos == "VERB" and toks[k].dep in ("ROOT", "conj", "xcomp", "ccomp", "advcl", "relcl") for k in match.tokens)
        if instrument and etype != "ASSAULT":
            return None
        # "Waffenstillstand fordern" is verbal; "the expulsion of two U.S. diplomats by Moscow" (a parsed noun) is not
        noun = self._is_noun(sent, h) and (len(trig.words) == 1 or toks[h].pos == "NOUN")
        if noun and not (sent.is_title and h <= 1) and not self._noun_licensed(sent, h, lo, hi, mentions):
            return None  # a headline may open with its event noun: "Sanktionen gegen Libyen"
        # the trigger's own words are no argument ("held hostage": "hostage" is no target) ...
        own = [m for m in mentions if all(k in match.tokens for k in range(m.tok_start, m.tok_end))]
        mentions = [m for m in mentions if not any(m is o for o in own)]
        src, tgt = self._arguments(sent, h, lo, hi, mentions, passive, noun=noun)
        tgt = self._refine_target(sent, match, lo, hi, mentions, src, tgt, passive, noun)
        if tgt is None and src is not None and not passive and self.code == "de":
            # ... unless they name whom the act is done to: "wies zwei deutsche Diplomaten aus" (Diplomat ausweisen)
            tgt = next((m for m in own if m.tok_start > h and m.kind in ("role", "group") and m.entity != src.entity
                        and m.actor.sector is not None), None)
        if instrument:
            src = None
        if self.code == "de" and not noun and not passive and h > 0 and (toks[h - 1].text.casefold() in self.gr.COORDINATORS or toks[h - 1].text == ",") \
                and (src is None or src.tok_start > h):
            # "... und rief die libysche Armee auf": the conjunct's subject is the main clause's
            main = self._carry_subject(sent, h, mentions)
            if main is not None:
                src, tgt = main, (tgt if tgt is not None and tgt is not main else src)
        reported_by = None
        speaker = self._speaker(sent, lo, mentions) or self._dep_speaker(sent, h, mentions)
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
        unknown = src is None and etype == "ASSAULT" and (passive or instrument) and tgt is not None and self._attack_means(sent)
        if unknown:  # "Three US servicemen were killed by an improvised explosive device": unidentified attackers
            src = Mention(-1, -1, "unidentified attackers", -1, Actor(text="unidentified attackers", sector="UAF",
                                                                     role="unidentified attackers"), how="implied", kind="group")
            if speaker is not None and speaker.entity != tgt.entity:
                status, reported_by = "claimed", speaker.actor
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
        if unknown and location is not None:
            src.actor.country = location.country  # unidentified forces of the place: "outside of the Iraqi city of Basra"
        dem = self._demonym_target(sent, h, hi, mentions, src)
        about = dem is not None and etype in ("ACCUSE", "REJECT", "PROTEST") and any(
            toks[k].text.casefold() in AGAINST | {"about"} for k in range(max(0, dem[0] - 3), dem[0]))
        if dem is not None and (tgt is None or (dem[0] < tgt.tok_start and dem[0] - max(match.tokens) <= 4) or about):
            # "opposed to French mediation in talks with Syria" -> France;
            # "complained to the UN over Israeli air raids" -> Israel, not the addressee
            tgt_actor = dem[1]  # "opposed to French mediation in talks with Syria" -> France
        elif tgt is not None:
            tgt_actor = self._actor(tgt, sent, mentions)
        else:
            tgt_actor = self._place_target(sent, h, hi, mentions, src, location, etype)
        src_actor = self._actor(src, sent, mentions)
        if isinstance(src_actor, list) and etype in MUTUAL and self._target_open(sent, match, mentions, src, tgt):
            # "Vajpayee and his Pakistani counterpart Nawaz Sharif held talks": a meeting has two sides
            src_actor, tgt_actor = src_actor[0], (src_actor[1] if len(src_actor) == 2 else src_actor[1:])
        if status == "negated" and not self.options.include_negated:
            return None
        if status == "hypothetical" and not self.options.include_hypothetical:
            return None
        if speaker is not None and src is speaker:  # the date of the saying, not of what is said
            dlo, dhi = self._region(sent, max(0, lo - 2))
        else:
            dlo, dhi = lo, hi
        rel = self._relative_spans(sent, dlo, dhi, h)
        date, precision = self._event_date(sent, h, [d for d in sdates if toks[dlo].start - sent.start <= d.start < (toks[dhi - 1].end - sent.start)
                                                     and not any(a <= d.start < b for a, b in rel)])
        sc = score_for(etype, trig.mode if etype == trig.type else None)
        cameo = trig.cameo if etype == trig.type and trig.cameo else sc.cameo
        conf = 0.45 + (0.2 if tgt_actor is not None else 0) + (0.1 if len(trig.words) > 1 else 0) + (0.1 if not passive else 0)
        cues = event_cues(self.code, etype, sent, h, src, tgt, src_actor, tgt_actor, mentions, passive=passive, noun=noun,
                          multiword=len(trig.words) > 1, status=status, speaker=speaker is not None,
                          quoted=self._in_quote(sent, h), subordinate=subordinate, demonym=dem is not None and tgt_actor is dem[1])
        return Event(
            doc_id=self.doc.id, type=etype, source=self._on_date(src_actor, date),
            target=self._on_date(tgt_actor, date),
            evidence_text=sent.text, evidence_start=sent.start, evidence_end=sent.end, sentence=sent.index,
            mode=trig.mode if etype == trig.type else None, context=list(trig.context), cameo=cameo, quad=sc.quad,
            intensity=sc.intensity, date=date, date_precision=precision, location=location,
            status=status, reported_by=reported_by, lang=self.code, confidence=min(conf, 0.95),
            rule=f"{trig.type}:{' '.join(trig.words)}", trigger=" ".join(toks[k].text for k in sorted(match.tokens)),
            headline=sent.is_title, from_noun=noun and not sent.is_title, cues=cues,
        )


def _as_request(trig):
    from .triggers import Trigger

    return Trigger("REQUEST", trig.words, None, None, trig.context, trig.note)


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


def _state_key(a) -> tuple:
    """Country and sector only (the names of an actor vary between headline and body)."""
    if a is None:
        return ()
    if isinstance(a, list):
        return tuple(sorted(_state_key(x) for x in a))
    return (a.country or "", a.sector or "")


def dedup(events: list[Event]) -> list[Event]:
    """One event once: the headline's event and its restatement in the body merge
    (same type, same source, compatible target); the body's record is kept."""
    kept: list[Event] = []
    for ev in sorted(events, key=lambda e: (e.evidence_start < 0, e.sentence)):
        dup = None
        for k in kept:
            # a headline names its actors loosely ("Armenia and Azerbaijan hold talks" for "Pashinyan met Aliyev"):
            # there, country and sector decide
            key = _state_key if k.headline or ev.headline else _actor_key
            if k.type != ev.type or key(k.source) != key(ev.source):
                continue
            if k.target is None or ev.target is None or key(k.target) == key(ev.target):
                if k.sentence == ev.sentence and k.trigger != ev.trigger and k.cameo != ev.cameo \
                        and k.target is not None and ev.target is not None \
                        and not k.from_noun and not ev.from_noun:
                    continue  # two acts on one target in one sentence: "lösten die Versammlung auf und nahmen ... fest"
                if k.sentence == ev.sentence or k.headline or ev.headline or (k.date == ev.date and _actor_key(k.target) == _actor_key(ev.target)):
                    dup = k
                    break
        if dup is None:
            kept.append(ev)
        elif dup.headline and not ev.headline:
            kept[kept.index(dup)] = _merge(ev, dup)
        else:
            kept[kept.index(dup)] = _merge(dup, ev)
    return sorted(kept, key=lambda e: (e.sentence, e.evidence_start))


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
    if options.dedup_within_doc:
        events = dedup(events)
    calibrate(events)
    doc.events = [e for e in events if e.confidence >= options.min_confidence]
    for n, ev in enumerate(doc.events, 1):
        ev.event_id = f"{doc.id}#{n}"
    return doc
