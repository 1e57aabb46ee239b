"""Who acts and who is acted upon: source and target of a trigger, from case, voice,
prepositions and (for English, where installed) the dependency parse. Mixed into
:class:`chronik.events.Coder`."""
from __future__ import annotations

from dataclasses import replace

from .kb import default_kb
from .model import Actor, Mention, Sentence
from .plover import GENITIVE_AGENT_TYPES, MATERIAL, NO_PLACE_TARGET

_OTHER_PREPS = {
    "de": frozenset("vom zum zur beim ins ans aufs durchs innerhalb außerhalb nahe entlang in im aus bei beim für über unter vor hinter zwischen neben ohne um wegen trotz während seit bis laut innerhalb außerhalb".split()),
    "en": frozenset("in of for about over under before after between without during since until per via across among near "
                    "throughout inside within outside around beyond behind along amid amidst despite like".split()),
}


class ArgumentMixin:
    """Needs ``self.code``, ``self.gr``, ``self.lex`` and ``self.doc``."""

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
                fem = getattr(self.gr, "feminine_case", None)
                if fem is not None and m.tok_end > m.tok_start:
                    prev = toks[k - 1].text if k > 0 else ""
                    head = next((toks[j].text for j in range(m.tok_end - 1, m.tok_start - 1, -1) if toks[j].text[:1].isupper()),
                                toks[m.tok_end - 1].text)
                    case = fem(w, head, m.kind, prev[:1].isupper() and prev.isalpha() and k > 1) or case
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
                # an agentless passive in the parse keeps a "by" agent the rules found ("was granted asylum by Zimbabwe",
                # where the parse hangs "by Zimbabwe" on the noun)
                src = dsrc if dsrc is not None or not passive else src
                if tgt is src:
                    tgt = None
        return src, tgt

    def _dep_arguments(self, sent: Sentence, h: int, mentions: list[Mention]):
        """Source and target from the parse (English with spaCy installed): the subject of the
        trigger's verb (climbing through xcomp/conj: "agreed to undertake", "rejected ... and
        said"), the passive agent, the direct object or a recipient preposition's object;
        for event nouns the possessor or "by" phrase. None when the parse names no source."""
        toks = sent.tokens
        kids = dep_children(sent)

        def mention_of(k: int) -> Mention | None:
            return dep_mention(sent, kids, k, mentions)

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
        passive = False
        for _ in range(4):
            if v == verb:
                passive = any(toks[c].dep in ("auxpass", "nsubjpass") for c in kids.get(v, []))
            for c in kids.get(v, []):
                d = toks[c].dep
                if d == "nsubj" and subj is None:
                    subj = mention_of(c)
                elif d == "nsubjpass" and v != verb and subj is None:
                    subj = mention_of(c)  # "has been indicted ... and will resign", "was asked to resign": the one indicted
                elif d == "nsubjpass" and obj is None:
                    obj = mention_of(c)
                elif d == "agent" and v == verb and pobj(c) is not None:
                    agent = agent or mention_of(pobj(c))
                elif d in ("dobj", "dative") and obj is None and v == verb:
                    obj = mention_of(c)
                elif d == "prep" and v == verb and toks[c].text.casefold() in self.gr.TARGET_PREPOSITIONS and pobj(c) is not None:
                    recipient = recipient or mention_of(pobj(c))
            if subj is not None or agent is not None or toks[v].dep not in ("xcomp", "conj", "ccomp") or toks[v].head is None:
                break
            if toks[v].dep == "ccomp" and passive:
                break
            passive = False
            v = toks[v].head  # "agreed to undertake", "rejected ... and said they opposed"
        if agent is not None:  # "talks hosted by Charles Michel": the agent acts
            src = agent
        elif passive:
            # an agentless passive: no source, but the one acted upon ("civilians have been killed")
            return (None, obj) if obj is not None else None
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
        if noun and agent is not None and 0 < agent.tok_start - h <= 3 and self.code == "de" and not self._genitive_agent(sent, h):
            # "Festnahme von zwei Al-Qaida-Mitgliedern", "Freilassung von Gefangenen": the von phrase is acted upon
            return None, agent
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
            # an infinitive after the object starts the content: "the right of Russia troops to fire on militants"
            inf = next((k for k in range(h + 2, hi - 1) if toks[k].text.casefold() == "to" and toks[k + 1].text.islower()
                        and toks[k + 1].text not in ("the", "a", "an")), hi)
            after = [(r + (4 if m.tok_start > inf else 0), m) for r, m in after]
            rest = [m for _, m in sorted(after, key=lambda x: (x[0] >= 3, x[0] >= 4, x[1].tok_start))] + [m for r, m in obj_cands if m.tok_start <= h]
        else:
            src = subj_cands[0] if subj_cands else (agent if noun else None)
            rest = [m for m in subj_cands[1:]] + [m for _, m in sorted(obj_cands, key=lambda x: (x[0], x[1].tok_start))]
            rest.sort(key=lambda m: (0 if m.tok_start > h else 1, abs(m.tok_start - h)))
        for m in rest:
            if src is None or m.entity != src.entity:
                tgt = m
                break
        return src, tgt

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
        m = next((x for x in self._sentence_matches(sent) if x.head == h), None)
        if m is None:
            return False
        t = m.trigger
        return t.type in GENITIVE_AGENT_TYPES and t.mode not in ("release", "arrest", "seize", "deport")

    def _demonym_target(self, sent, h, hi, mentions, src) -> tuple[int, Actor] | None:
        """A thing of a country as the object: "reject proposed Israeli changes", "opposed to
        French mediation", "against Kampuchean guerrilla camps" -> that country."""
        from .gazetteer import get_gazetteer

        g = get_gazetteer(self.code)
        toks = sent.tokens
        covered = {k for m in mentions for k in range(m.tok_start, m.tok_end)}
        src_country = _country(src.actor)
        for k in range(h + 1, min(hi, h + 11)):
            if k in covered or not toks[k].text[:1].isalpha():
                continue
            if toks[k].text.casefold() in self.gr.SUBORDINATORS:
                break
            e = g.lookup_phrase([toks[k].text])
            if e is not None and e.kind == "adj" and e.country and e.country != src_country:
                if any(toks[j].text.casefold() in self.gr.LOCATIVE_PREPOSITIONS for j in range(max(h + 1, k - 2), k)):
                    continue  # "demonstrated outside the French embassy": a place, not the target
                military = any(toks[j].lemma.casefold() in self.gr.MILITARY_FACILITIES for j in range(k + 1, min(hi, k + 5)))
                # "struck Iraqi air defence sites", "bombed a Bosnian Serb ammunition depot": the state's military
                return k, Actor(text=toks[k].text, name=e.name, country=e.country, sector="MIL" if military else None)
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
        if etype == "RETREAT":
            origin = self._place(sent, h + 1, hi, self.gr.ORIGIN_PREPOSITIONS)
            if origin is not None and origin.country != src_country:  # "zog seine Truppen aus dem Gazastreifen ab"
                return Actor(text=origin.text, name=origin.name, country=origin.country)
        if location is None or not location.country or etype in NO_PLACE_TARGET:
            return None  # talks "in Brussels" are not held with Belgium
        # force, restrictions and threats in a town fall on the people there ("a curfew in Abidjan")
        people = "CVL" if etype in ("COERCE", "ASSAULT", "THREATEN") else None
        if location.country != src_country:
            return Actor(text=location.text, name=location.name, country=location.country, sector=people)
        if people or etype in MATERIAL or etype == "CONCEDE":
            return Actor(text=location.text, name=location.name, country=location.country, sector=people)
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

        def joined(a: Mention, b: Mention) -> bool:  # "a and b", "a and the b", "a und die b"
            k = a.tok_end
            if k >= len(toks) or toks[k].text.casefold() not in self.gr.COORDINATORS - {"or", "oder"}:
                return False
            return b.tok_start == k + 1 or (b.tok_start == k + 2 and toks[k + 1].text.casefold() in self.gr.COORDINATION_DETERMINERS)

        if m.sentence == sent.index:
            for other in mentions:
                if other is m:
                    continue
                if joined(m, other):
                    partners.append(other.actor)
                elif joined(other, m):
                    partners.insert(0, other.actor)
        return partners if len(partners) > 1 else m.actor


def dep_children(sent: Sentence) -> dict[int, list[int]]:
    """Token index -> indices of its dependents in the parse."""
    kids: dict[int, list[int]] = {}
    for i, t in enumerate(sent.tokens):
        if t.head is not None:
            kids.setdefault(t.head, []).append(i)
    return kids


def dep_mention(sent: Sentence, kids: dict[int, list[int]], k: int, mentions: list[Mention]) -> Mention | None:
    """The actor mention of the phrase headed by token ``k`` (breadth first through its
    dependents, not into relative clauses or prepositional modifiers)."""
    toks = sent.tokens
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
            continue
        stack.extend(c for c in kids.get(x, []) if toks[c].dep not in ("relcl", "acl", "prep", "punct", "cc"))
    return None


def _country(a) -> str | None:
    if isinstance(a, list):
        return a[0].country if a else None
    return a.country if a else None


def _sector(a) -> str | None:
    if isinstance(a, list):
        return a[0].sector if a else None
    return a.sector if a else None
