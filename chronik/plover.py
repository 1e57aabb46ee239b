"""PLOVER: the event types' families, and the quad class, intensity and default CAMEO
code of each type and mode (data: ``data/plover.tsv``)."""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from .lexicon import data_path, read_tsv

MATERIAL = {"ASSAULT", "COERCE", "MOBILIZE", "SANCTION", "PROTEST", "AID", "RETREAT", "COOPERATE"}
COOPERATIVE = {"CONSULT", "COOPERATE", "AID", "SUPPORT", "RETREAT", "CONCEDE"}
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
# Types that react to another act ("condemned the attack", "welcomed the decision")
REACTIONS = {"ACCUSE", "REJECT", "SUPPORT", "PROTEST"}
# Acts with two sides: "X and Y held talks" is X -> Y (the gold's "symmetric" events)
MUTUAL = {"CONSULT", "COOPERATE", "AGREE"}
# Acts in which an actor moves its own forces ("withdrew its troops", "deployed their units")
OWN_FORCES_TYPES = {"RETREAT", "MOBILIZE", "AID", "SANCTION"}
HARD_BREAKS = {";", ":", "(", ")"}


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
