"""Clause structure for the event coder: a trigger's region, voice, status, noun-ness,
reported speech and quotations. Mixed into :class:`chronik.events.Coder`."""
from __future__ import annotations

from .arguments import dep_children, dep_mention
from .model import Mention, Sentence
from .plover import COOPERATIVE, HARD_BREAKS
from .triggers import TriggerMatch


class ClauseMixin:
    """Needs ``self.code``, ``self.gr`` (the language's grammar module), ``self.lex``."""

    def _region(self, sent: Sentence, h: int) -> tuple[int, int]:
        toks = sent.tokens
        lo = 0
        for k in range(h - 1, -1, -1):
            if self._breaks_before(toks, k):
                lo = k + 1
                break
        if lo > 0 and toks[lo - 1].text.casefold() in self.gr.SUBORDINATORS:
            # "before the event, the KGB arrested ...": a prepositional phrase (no verb up to the comma)
            # ends at the comma and the main clause follows
            comma = next((j for j in range(lo, h) if toks[j].text == ","), None)
            if comma is not None and all(toks[j].pos not in (None, "VERB", "AUX") for j in range(lo, comma)):
                lo = comma + 1
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
            # ambiguous ones ("mehr als 60", "um 10 Uhr", "Damit gehen die USA ...") open a clause
            # only after a comma or at the start of the sentence
            if t in getattr(self.gr, "CLAUSE_INITIAL_ONLY", ()) and k > 0 and toks[k - 1].text not in (",", ";", ":"):
                return False
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
        if any(w in self.gr.BACKGROUND_PREPOSITIONS for w in before) or before[-3:-1] and any(
                w in self.gr.AGENT_PREPOSITIONS for w in before[-3:]):
            return False  # "killed by an improvised explosive device": the noun is an instrument
        if self.code == "de" and h >= 2 and before[-1:] in (["der"], ["des"]) and toks[h - 2].text[:1].isupper():
            return False
        if any(toks[k].lemma in self.gr.LIGHT_VERBS for k in range(lo, hi) if k != h):
            return True
        if any(w in self.gr.POSSESSIVES for w in before[-2:]):
            return True  # "bei seinem Treffen mit Medwedew", "their protest": the possessor acts
        for m in mentions:
            if m.tok_start in (h + 1, h + 2, h + 3) and m.tok_start <= hi:
                between = [t.text.casefold() for t in toks[h + 1 : m.tok_start]]
                if all(w in self.gr.AGENT_PREPOSITIONS or w in self.gr.DETERMINER_CASE and self.gr.DETERMINER_CASE[w] == "gen"
                       or w in ("der", "of", "by") or (w.isalpha() and w.islower() and w not in self.gr.TARGET_PREPOSITIONS
                                                        and w not in self.gr.PLACE_TARGET_PREPOSITIONS) for w in between):
                    return True  # "Angriff der Armee", "attack by rebels"; not "Kritik an Iran"
        return False

    def _is_passive(self, sent: Sentence, h: int, lo: int, hi: int) -> bool:
        toks = sent.tokens
        if toks[h].dep == "acl" and (toks[h].text.casefold().endswith("ed") and not any(t.head == h and t.dep == "dobj" for t in toks)
                                     or any(t.head == h and t.dep == "agent" for t in toks)):
            return True  # a reduced relative: "peacekeepers held hostage by Bosnian Serbs", "diplomats accused of spying"
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

        def participle(k: int) -> bool:
            w = toks[k].text.casefold()
            return (w.endswith(("ed", "en", "wn", "ht", "ne", "lt")) or w in self.gr.IRREGULAR_PARTICIPLES) and any(
                toks[j].text.casefold() in self.gr.PASSIVE_AUX for j in range(max(lo, k - 3), k))

        if participle(h):
            return True
        # an event noun after a passive verb: "was placed under house arrest", "were taken into custody"
        return self._is_noun(sent, h) and any(participle(k) for k in range(max(lo, h - 3), h))

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

    def _opener(self, sent: Sentence, lo: int) -> str:
        """The word that opens the trigger's clause ("dass", "that", "where", ","), or ""."""
        return sent.tokens[lo - 1].text.casefold() if lo > 0 else ""

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

    def _dep_speaker(self, sent: Sentence, h: int, mentions: list[Mention]) -> Mention | None:
        """With a parse: the subject of a verb of saying whose reported clause holds the
        trigger, also without "that": "The Red Cross said US and British forces must ensure ..."."""
        toks = sent.tokens
        if toks[h].dep is None:
            return None
        k = h
        if toks[k].dep in ("aux", "auxpass", "neg") and toks[k].head is not None:
            k = toks[k].head  # "must" -> "ensure"
        for _ in range(4):
            head = toks[k].head
            if head is None or head == k:
                return None
            if toks[k].dep in ("ccomp", "parataxis") and toks[head].lemma in self.gr.SPEECH_LEMMAS:
                kids = dep_children(sent)
                subj = next((c for c in kids.get(head, []) if toks[c].dep == "nsubj"), None)
                return dep_mention(sent, kids, subj, mentions) if subj is not None else None
            if toks[k].dep not in ("conj", "xcomp"):
                return None
            k = head
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
