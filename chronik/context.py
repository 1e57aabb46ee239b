"""Context countries: roles and groups without a country of their own ("Polizisten",
"Mönche") take their sentence's or article's country; capitals and towns after a locative
preposition are places, not governments. Mixed into :class:`chronik.actors.ActorFinder`."""
from __future__ import annotations

from dataclasses import replace

import simplemma

from typing import TYPE_CHECKING

from .geo import Gazetteer as Places
from .model import Mention, Sentence, Token

if TYPE_CHECKING:
    from .actors import Atom

LOCATIVE = {
    "de": frozenset("in im nach aus bei nahe vor von".split()),
    "en": frozenset("in at near to outside".split()),  # "a claim from Berlin" is the government's
}


def _capitalised(tok: Token) -> bool:
    return tok.text[:1].isupper()





class ContextMixin:
    """Needs ``self.code``, ``self.doc``, ``self.place_countries``."""

    def _drop_places(self, sent: Sentence, atoms: list[Atom]) -> list[Atom]:
        """A capital after a locative preposition is a place, not a government:
        "in der Innenstadt von Kairo", "in Baku" (its country still counts as context)."""
        preps = LOCATIVE.get(self.code, frozenset())
        out = []
        for a in atoms:
            if a.kind == "capital" and a.start > 0 and sent.tokens[a.start - 1].text.casefold() in preps:
                self.place_countries.append((sent.index, a.country))
                if out and out[-1].end == a.start - 1 and out[-1].kind == "role" and out[-1].country is None \
                        and not (len(out) > 1 and out[-1].start - out[-2].end <= 1 and out[-2].kind in ("adj", "country")):
                    out[-1].country = a.country  # "Demonstrators in Baghdad" are Iraqi (not "Schweizer Botschafter in Washington")
                continue
            out.append(a)
        self._other_places(sent, out, preps)
        return out

    def _other_places(self, sent: Sentence, atoms: list[Atom], preps: frozenset[str]) -> None:
        """Cities that are no capitals also give context: "a curfew in Abidjan" is Ivorian."""
        toks = sent.tokens
        taken = {k for a in atoms for k in range(a.start, a.end)}
        for k in range(1, len(toks)):
            if k in taken or not _capitalised(toks[k]) or toks[k - 1].text.casefold() not in preps:
                continue
            if toks[k].text.isupper() or self.code == "de" and simplemma.is_known(toks[k].text, lang="de") \
                    and Places.default().population(toks[k].text) < 100_000:
                continue  # "von ISNA" (an agency), "im Sommer": no places; "in Istanbul" is one
            loc = Places.default().lookup(toks[k].text, self.code)
            if loc is not None and loc.country:
                self.place_countries.append((sent.index, loc.country))

    def _definite(self, m: Mention) -> bool:
        """Is the mention introduced by a definite article ("the Parliament", "das Parlament")?"""
        before = self.doc.text[max(0, m.start - 5):m.start].split()
        return bool(before) and before[-1].casefold() in self.gr.DEFINITE_ARTICLES

    def _context_countries(self, mentions: list[Mention]) -> None:
        """Role and group actors without a country ("Polizisten", "Mönche") take the
        country of their sentence when it names exactly one, else the article's main country."""
        from collections import Counter

        weight: Counter[str] = Counter()
        per_sentence: dict[int, set[str]] = {}
        titles = {s.index for s in self.doc.sentences if s.is_title}
        for m in mentions:
            c = m.actor.country
            if c and c not in ("IGO", "NGO", "MNC"):
                weight[c] += 2 if m.sentence in titles else 1
                if m.kind == "country":  # "South African leader" lends its country to nobody else
                    per_sentence.setdefault(m.sentence, set()).add(c)
        for sent_i, c in self.place_countries:
            if c:
                weight[c] += 2 if sent_i in titles else 1
                per_sentence.setdefault(sent_i, set()).add(c)
        main = weight.most_common(1)[0][0] if weight else None
        by_entity: dict[int, str] = {}
        seen_roles: dict[str, str] = {}  # role label -> country of its latest mention with one
        for m in mentions:
            if m.actor.country is None and m.actor.role and m.actor.role in seen_roles and m.how != "coreference" \
                    and self._definite(m) and (not per_sentence.get(m.sentence) or m.kind != "role"):
                # "The police said ..." after "the police of Kenya", in a sentence that names no country;
                # a body ("the Parliament's decision" after "the Parliament of Iraq") is the one named before,
                # also where the sentence names another country
                m.actor = replace(m.actor, country=seen_roles[m.actor.role])
                m.how = "context"
            if m.actor.role and m.actor.country and m.actor.country not in ("IGO", "NGO"):
                seen_roles[m.actor.role] = m.actor.country
            titled = m.kind == "name" and m.actor.sector is not None
            if m.actor.country is None and m.actor.role in self.gr.INTERNATIONAL_ROLES:
                m.actor = replace(m.actor, country="IGO")  # "a regional peacekeeping force": no nation named
                continue
            if m.actor.country is None and m.how == "gazetteer" and m.actor.name:
                continue  # a named transnational group keeps no country ("al-Qaeda", "the KGB" of an unnamed state)
            if m.actor.country is None and (m.kind in ("role", "group") or titled) and m.how != "coreference":
                local = per_sentence.get(m.sentence, set())
                c = next(iter(local)) if len(local) == 1 else main
                if m.entity >= 0 and m.entity in by_entity:
                    c = by_entity[m.entity]  # one person, one country: the one its first mention took
                if c:
                    m.actor = replace(m.actor, country=c)
                    m.how = "context"
            if m.actor.country and m.entity >= 0:
                by_entity.setdefault(m.entity, m.actor.country)
        for m in mentions:  # pronouns and role nouns share their antecedent's country
            if m.actor.country is None and m.entity in by_entity:
                m.actor = replace(m.actor, country=by_entity[m.entity])
