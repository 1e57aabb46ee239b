"""Entities and coreference: one entity per person or organisation in a document; role
nouns and pronouns refer back to a compatible person ("Das Staatsoberhaupt" -> Aliyev,
"she" -> the woman named before). Mixed into :class:`chronik.actors.ActorFinder`."""
from __future__ import annotations

from dataclasses import replace
from functools import lru_cache

from .kb import normalise
from .model import Actor, Mention

# Role families that corefer: "Das Staatsoberhaupt" -> the president named before.
ROLE_FAMILIES = (
    ("head of state", ("president", "head of state", "king", "emir", "monarch", "supreme leader", "state")),
    ("head of government", ("prime minister", "chancellor", "premier", "head of government")),
    ("foreign minister", ("foreign minister", "secretary of state", "foreign secretary", "foreign affairs")),
    ("defence minister", ("defence minister", "defense minister", "defense secretary", "defence secretary")),
)


class CorefMixin:
    """Needs ``self.entities`` (a list), ``self.code``."""

    def link(self, m: Mention) -> None:
        """Assign ``m.entity``; role nouns and pronouns corefer to a compatible person."""
        a = m.actor
        plural = self.code == "en" and m.kind == "role" and m.text.endswith("s") and not m.text.endswith("ss")
        if m.kind == "pronoun" or (m.kind == "role" and a.name is None and not plural):  # "Iraqi leaders" are no one person
            target = self._antecedent(m)
            if target is not None:
                m.entity = target["id"]
                m.how = "coreference"
                role = target["actor"].role if m.kind == "pronoun" else (a.role or target["actor"].role)
                m.actor = replace(target["actor"], text=m.text, role=role)
                target["sentence"], target["pos"] = m.sentence, m.start
                return
            if m.kind == "pronoun":
                m.entity = -1
                return
        key = self._key(m)
        for ent in self.entities:
            if ent["key"] == key:
                m.entity = ent["id"]
                ent["sentence"], ent["pos"] = m.sentence, m.start
                if m.kind == "name" and m.actor.sector is None:
                    m.actor = replace(ent["actor"], text=m.text)
                return
        ent = {"id": len(self.entities), "key": key, "actor": a, "kind": m.kind, "sentence": m.sentence, "pos": m.start}
        self.entities.append(ent)
        m.entity = ent["id"]

    def _gender_ok(self, m: Mention, a: Actor) -> bool:
        """English "she" refers to a woman, "he" to someone else (first names in data/female-names.txt)."""
        word = m.text.casefold()
        if self.code != "en" or word not in ("he", "she") or not a.name:
            return True
        female = a.name.split()[0].casefold() in female_names()
        return female if word == "she" else not female

    def _key(self, m: Mention) -> tuple:
        a = m.actor
        if m.kind == "name" and a.name:
            return ("name", normalise(a.name))
        return (m.kind, a.country, a.sector, a.name, a.role)

    def _antecedent(self, m: Mention) -> dict | None:
        fam = role_family(m.actor.role)
        recent = sorted(self.entities, key=lambda e: (e["sentence"], e.get("pos", 0)), reverse=True)
        for ent in recent:
            if m.sentence - ent["sentence"] > 4 or (ent["kind"] != "name" and m.kind != "pronoun"):
                continue
            ea = ent["actor"]
            if m.kind == "pronoun":
                if m.actor.role == "group":  # "sie", "they": a collective first, else a state
                    near = [e for e in recent if m.sentence - e["sentence"] <= 1]
                    for kinds in (("group", "role"), ("country", "org", "igo")):
                        for e in near:
                            if e["kind"] in kinds:
                                return e
                    return None
                if ent["kind"] == "name" and self._gender_ok(m, ent["actor"]):
                    return ent
                continue
            if m.actor.country and ea.country and m.actor.country != ea.country:
                continue
            if ea.sector is None or ea.country is None:
                continue  # a private person has no office to be referred to by one
            efam = role_family(ea.role)
            if fam and efam != fam and not (efam is None and ea.role is None):
                continue
            if ea.country in ("IGO", "NGO") and not (m.actor.role and ea.role and (m.actor.role in ea.role or ea.role in m.actor.role)):
                continue  # "seine Minister" is no UN Secretary-General
            if m.actor.sector and ea.sector and m.actor.sector != ea.sector:
                continue
            return ent
        return None


@lru_cache(maxsize=1)
def female_names() -> frozenset[str]:
    from .lexicon import data_path

    with open(data_path("female-names.txt"), encoding="utf-8") as f:
        return frozenset(line.strip() for line in f if line.strip() and not line.startswith("#"))


def role_family(role: str | None) -> str | None:
    if not role:
        return None
    r = role.casefold()
    for fam, keys in ROLE_FAMILIES:
        if any(k in r for k in keys):
            return fam
    return None
