"""The German trigger inventory as general knowledge of the language (issue 10, point 2).

Sentences written for these tests (none taken from an evaluation document): each family of
the inventory (verbs with particles, nominalisations, light-verb constructions, evaluative
predicates of a speaker) picks the intended type through the real matcher; the narrowed heads
stay silent in their everyday readings (football goals, road closures, commerce, filling a post),
which a concordance over ../shared/corpus/de-wikinews.jsonl showed to be the usual ones.
"""
from __future__ import annotations

import pytest

from chronik.triggers import Lexicon

from .test_triggers_de import WINDOW, tokens


@pytest.fixture(scope="module")
def lex() -> Lexicon:
    return Lexicon("de", WINDOW)


def found(lex: Lexicon, text: str) -> list[tuple[str, str]]:
    return [(m.trigger.type, " ".join(m.trigger.words)) for m in lex.match(tokens(text))]


FAMILIES = [
    # ACCUSE: nominalisations, criticism verbs, evaluative predicates, court idioms
    ("Moskau erhob schwere Anschuldigungen gegen die Regierung in Kiew.", "ACCUSE", "anschuldigung"),
    ("Die Opposition bemängelte die fehlende Transparenz des Verfahrens.", "ACCUSE", "bemängeln"),
    ("Der Außenminister griff seinen Amtskollegen scharf an.", "ACCUSE", "angreifen scharf"),
    ("Die Bundesregierung nannte das Vorgehen Russlands unverantwortlich.", "ACCUSE", "unverantwortlich"),
    ("Berlin bezeichnete die Annexion als völkerrechtswidrig.", "ACCUSE", "völkerrechtswidrig"),
    ("Der Kanzler bezeichnete den Raketentest als Provokation.", "ACCUSE", "bezeichnen provokation"),
    ("Der frühere Präsident muss sich vor Gericht verantworten.", "ACCUSE", "verantworten gericht"),
    ("Der Minister wurde vor Gericht gestellt.", "ACCUSE", "gericht stellen vor"),
    ("Die Regierung hielt Teheran für den Anschlag verantwortlich.", "ACCUSE", "verantwortlich halten"),
    ("Die Zeitung stellte den Minister an den Pranger.", "ACCUSE", "pranger stellen"),
    # REJECT: denials, the plural 'weisen ... zurück' (simplemma: 'weise')
    ("Beide Seiten weisen die Vorwürfe zurück.", "REJECT", "zurückweise"),
    ("Der Kreml stritt jede Beteiligung ab.", "REJECT", "abstreiten"),
    ("Das Ministerium stellte den Bericht in Abrede.", "REJECT", "abrede stellen"),
    ("Die Regierung wies die Anschuldigungen von sich.", "REJECT", "weisen von sich"),
    ("Der Senat stimmte gegen die Resolution.", "REJECT", "stimmen gegen"),
    ("Die Junta ignorierte die Resolution des Sicherheitsrats.", "REJECT", "resolution ignorieren"),
    # REQUEST
    ("Washington bestand darauf, dass die Truppen abziehen.", "REQUEST", "bestehen darauf"),
    ("Die Soldaten forderten Luftunterstützung an.", "REQUEST", "anfordern"),
    # SUPPORT
    ("Frankreich stellte sich hinter den Vorschlag der Kommission.", "SUPPORT", "stellen hinter"),
    ("Das Kabinett segnete den Plan ab.", "SUPPORT", "absegnen"),
    ("Der Innenminister verteidigte das Vorgehen der Polizei.", "SUPPORT", "verteidigen vorgehen"),
    # AGREE
    ("Die Regierung stellte Hilfen in Aussicht.", "AGREE", "aussicht stellen"),
    ("Teheran bot Verhandlungen an.", "AGREE", "anbieten verhandlung"),
    ("Die Parteien kehrten an den Verhandlungstisch zurück.", "AGREE", "verhandlungstisch zurückkehren"),
    # THREATEN: not ruling out force outranks REJECT 'ausschließen'
    ("Washington schloss einen Militäreinsatz nicht aus.", "THREATEN", "ausschliessen nicht militär*"),
    # ASSAULT
    ("Bei heftigen Kämpfen um die Stadt starben zwanzig Menschen.", "ASSAULT", "kampf heftig*"),
    ("Die Soldaten gerieten in einen Hinterhalt.", "ASSAULT", "hinterhalt"),
    ("Die Polizei ging gewaltsam gegen die Demonstranten vor.", "ASSAULT", "vorgehen gewaltsam"),
    ("Unbekannte schlugen den Reporter zusammen.", "ASSAULT", "zusammenschlagen"),
    ("Soldaten schossen auf Demonstranten.", "ASSAULT", "schiessen auf"),
    # COERCE
    ("Die Behörden steckten den Blogger ins Gefängnis.", "COERCE", "gefängnis stecken"),
    ("Die Armee besetzte die Stadt.", "COERCE", "besetzen stadt"),
    ("Die Regierung schränkte die Pressefreiheit ein.", "COERCE", "einschränken pressefreiheit"),
    # SANCTION: trade bans are exact entries, not COERCE 'verbot'
    ("Russland verhängte ein Einfuhrverbot für polnisches Fleisch.", "SANCTION", "einfuhrverbot"),
    ("Litauen zog seinen Botschafter ab.", "SANCTION", "botschafter abziehen"),
    ("Die EU setzte das Abkommen aus.", "SANCTION", "aussetzen abkommen"),
    # PROTEST: the strike call is no REQUEST 'aufruf'
    ("Die Beschäftigten folgten dem Streikaufruf der Gewerkschaft.", "PROTEST", "streikaufruf"),
    ("Die Arbeiter bestreikten das Werk.", "PROTEST", "bestreiken"),
    # MOBILIZE, RETREAT, CONCEDE, CONSULT, COOPERATE, AID
    ("Washington schickte Truppen in die Region.", "MOBILIZE", "truppe schicken"),
    ("Der König dankte ab.", "RETREAT", "abdanken"),
    ("Der Präsident räumte Fehler ein.", "CONCEDE", "fehler einräumen"),
    ("Die Regierung ging auf die Forderungen der Streikenden ein.", "CONCEDE", "forderung eingehen"),
    ("Der Sicherheitsrat tagte am Montag.", "CONSULT", "tagen"),
    ("Beide Länder patrouillierten gemeinsam an der Grenze.", "COOPERATE", "patrouillieren gemeinsam"),
    ("Japan sagte Wiederaufbauhilfe zu.", "AID", "wiederaufbauhilfe"),
    ("Deutschland lieferte Panzer an die Ukraine.", "AID", "liefern panzer"),
    ("Schweden erkannte den Staat Palästina an.", "SUPPORT", "anerkennen staat"),
    ("Der Außenminister reiste zu Gesprächen nach Peking.", "CONSULT", "reisen gespräch"),
]


@pytest.mark.parametrize("text,typ,pattern", FAMILIES, ids=[f[0][:40] for f in FAMILIES])
def test_family(lex, text, typ, pattern):
    assert (typ, pattern) in found(lex, text), found(lex, text)


# Everyday readings of heads that were narrowed to their event constructions.
EVERYDAY = [
    "Der Stürmer schoss in der 90. Minute das entscheidende Tor.",
    "Die Autobahn wurde nach dem Unfall für Stunden gesperrt.",
    "Die Polizei traf kurz nach Mitternacht am Tatort ein.",
    "Der Laden bietet günstige Kurse für Schüler an.",
    "Die Besetzung des Innenministeriums ist noch offen.",
    "Der Zeuge schränkte seine Aussage später ein.",
    "Der Kandidat will auf staatliche Zuschüsse verzichten.",
    "Leichte Raucher setzen sich einem hohen Risiko aus.",
    "Der Trainer unterschrieb einen Vertrag bis 2007.",
    "Die Müllabfuhr in Nürnberg kostet mehr.",
    "Die staatliche Kontrolle beschränkt sich auf Formalien.",
    "Die Firma lieferte die Software im Mai.",
    "Der Spieler reist am Montag nach Sardinien.",
    "Die Firmen sind staatlich anerkannt.",
    "Der Konzern investiert 900 Millionen Dollar in ein neues Werk.",
    "Die Regierung erkenne an, dass das Land Fortschritte gemacht habe.",
]


@pytest.mark.parametrize("text", EVERYDAY)
def test_everyday_reading_is_no_trigger(lex, text):
    assert found(lex, text) == []


def test_not_ruling_out_outranks_rule_out(lex):
    got = found(lex, "Moskau schloss einen Militärschlag nicht aus.")
    assert ("THREATEN", "ausschliessen nicht militär*") in got
    assert not any(t == "REJECT" for t, _ in got), got


def test_rule_out_alone_is_reject(lex):
    assert ("REJECT", "ausschliessen") in found(lex, "Die Partei schloss eine Koalition mit der AfD aus.")
