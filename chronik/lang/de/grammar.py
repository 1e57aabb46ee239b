"""German grammar rules, one function per rule, each with an example.

Exported through :data:`RULES` so tests can check every rule is covered.
"""
from __future__ import annotations

import re
from functools import lru_cache

import simplemma

from ...model import Token

ABBREVIATIONS = frozenset(
    "bzw. ca. dr. prof. nr. st. str. z.b. u.a. d.h. usw. etc. vgl. inkl. evtl. ggf. bspw. mio. mrd. "
    "jan. feb. mär. apr. jun. jul. aug. sep. sept. okt. nov. dez. abs. art. gen. oberst. lt. hr. fr. "
    "sog. ehem. u. s. o. v. chr. jh. jhd. tel. min. max. std.".split()
)

# Verb particles that separate in main clauses: "rief ... an", "gehen ... ein", "nahmen ... fest".
PARTICLES = frozenset(
    "ab an auf aus bei ein fest fort frei her hin los mit nach vor weg zu zurück zusammen vorbei "
    "statt teil bekannt fern gegenüber heraus hervor herbei hinzu nieder weiter wieder entgegen "
    "kennen dar".split()
)
# Words that are never the finite verb of a separable particle ("an" + "der" = "ander").
NOT_VERBS = frozenset("der die das den dem des ein eine einen einem einer eines sich er sie es wir ihr man nicht auch noch schon".split())
# Words after which a clause ends for particle search: "rief X an und forderte ...".
CLAUSE_BREAK = frozenset({".", ",", ";", ":", "!", "?", "und", "oder", "aber", "sowie", "sondern", "(", ")", "–", "-", "„", "“", '"'})
# Endings stripped for inflection-insensitive gazetteer keys (longest first).
ENDINGS = ("ern", "em", "en", "er", "es", "e", "n")
MIN_STEM = 4


@lru_cache(maxsize=200_000)
def stem(word: str) -> str:
    """Strip one inflectional ending for matching: "Armeniens" -> "armenien",
    "aserbaidschanischen" -> "aserbaidschanisch", "Weißen Hauses" -> "weiß haus"."""
    w = word.casefold()
    if w.endswith("s") and len(w) - 1 >= MIN_STEM:  # genitive: "Armeniens", "Staates"
        w = w[:-1]
    for end in ENDINGS:
        if w.endswith(end) and len(w) - len(end) >= MIN_STEM:
            return w[: -len(end)]
    return w


ORDINAL_CUES = frozenset("der die das den dem des am im zum zur vom beim bis seit ab ihr sein seine ihre".split())
MONTHS = frozenset(
    "januar jänner februar märz april mai juni juli august september oktober november dezember "
    "jan feb mär apr jun jul aug sep sept okt nov dez jahrhundert".split()
)


def is_ordinal_dot(text: str, dot: int) -> bool:
    """A dot after a day number is an ordinal, not a sentence end: "Am 19. September",
    "der 3. Versuch" (lower-case or month next); "stieg auf 12. Die Polizei" ends a sentence."""
    if dot == 0 or not text[dot - 1].isdigit():
        return False
    lo = max(0, dot - 80)  # a bounded look-back keeps splitting linear in the text
    m = re.search(r"(?:^|\s)(\S*)\s+(\d{1,2})$|(?:^|\s)(\d{1,2})$", text[lo:dot])
    if m is None or (lo > 0 and m.start() == 0 and not text[lo].isspace()):
        return False
    if m.group(1) and m.group(1).casefold() in ORDINAL_CUES:
        return True  # "der 3. Versuch", "am 12. Tag"
    nxt = re.match(r"\s*(\w+)", text[dot + 1 : dot + 80])
    if nxt is None:
        return False
    word = nxt.group(1)
    return word.casefold().rstrip(".") in MONTHS or word[:1].islower() or word[:1].isdigit()


@lru_cache(maxsize=50_000)
def _known_verb(lemma: str) -> bool:
    return simplemma.is_known(lemma, lang="de")


def attach_separable_particles(tokens: list[Token]) -> None:
    """Reattach a clause-final particle to its finite verb.

    "Am 19. September rief US-Außenminister Antony Blinken den Präsidenten ... an."
    -> the token "rief" gets lemma "anrufen"; "nahmen ... fest" -> "festnehmen".
    """
    n = len(tokens)
    clause_start = 0
    for i, tok in enumerate(tokens):
        low = tok.text.casefold()
        is_break = low in CLAUSE_BREAK
        nxt = tokens[i + 1].text.casefold() if i + 1 < n else "."
        if low in PARTICLES and tok.text.islower() and (nxt in CLAUSE_BREAK) and i > clause_start:
            for j in range(clause_start, i):
                cand = tokens[j]
                if not cand.text[:1].isalpha() or cand.particle is not None:
                    continue
                if not cand.text.islower() or cand.text in NOT_VERBS:
                    continue
                combined = low + cand.lemma
                if cand.lemma not in PARTICLES and _known_verb(combined):
                    cand.lemma = combined
                    cand.particle = i
                    tok.pos = "PART"
                    break
        if is_break and low not in ("und", "oder", "sowie", "aber", "sondern"):
            clause_start = i + 1  # coordinated verbs share the clause: "lösten ... auf und nahmen ... fest"


ZU_INF = re.compile(r"^(%s)zu([a-zäöüß]{3,})$" % "|".join(sorted(PARTICLES, key=len, reverse=True)))


def lemmatize_zu_infinitives(tokens: list[Token]) -> None:
    """"einzutreten" -> "eintreten", "aufzuheben" -> "aufheben", "festzunehmen" -> "festnehmen"."""
    for tok in tokens:
        m = ZU_INF.match(tok.text.casefold())
        if m and _known_verb(m.group(1) + m.group(2)):
            tok.lemma = m.group(1) + m.group(2)


RULES = {
    "stem": stem,
    "is_ordinal_dot": is_ordinal_dot,
    "attach_separable_particles": attach_separable_particles,
    "lemmatize_zu_infinitives": lemmatize_zu_infinitives,
}

# ----------------------------------------------------------------- argument structure
# Case of a noun phrase from the determiner before it: "den Präsidenten" is accusative
# (a target), "dem Iran" dative (a recipient), "des Präsidenten" genitive (attached).
DETERMINER_CASE = {
    "der": "nom", "die": "nom", "das": "nom", "ein": "nom", "eine": "nom",
    "den": "acc", "einen": "acc", "dem": "dat", "einem": "dat", "des": "gen", "eines": "gen",
}
# "der" before a feminine singular noun is dative or genitive, never nominative: "warf der Bundesregierung
# vor" (dative), "die Pläne der Regierung" (genitive). Feminine by suffix (a rule of German word formation),
# and female person nouns in -in for role mentions ("der Kanzlerin").
FEMININE_SUFFIXES = ("ung", "heit", "keit", "schaft", "ion", "tät", "ei", "ie", "ik", "anz", "enz", "ur")
FEMININE_NOUNS = frozenset(
    "armee bundeswehr marine luftwaffe junta miliz hamas hisbollah behörde justiz regierung koalition "
    "front liga allianz schweiz ukraine türkei slowakei mongolei krim nato uno eu afrikanische".split()
)


def feminine_case(det: str, noun: str, kind: str, after_noun: bool) -> str | None:
    """The case of "der <noun>" when the noun is feminine: genitive after a noun, else dative."""
    if det != "der":
        return None
    w = noun.casefold()
    fem = w in FEMININE_NOUNS or w.endswith(FEMININE_SUFFIXES) or (kind == "role" and w.endswith("in") and len(w) > 5)
    if not fem:
        return None
    return "gen" if after_noun else "dat"


# Prepositions introducing the recipient of an act: "Sanktionen gegen Libyen", "Gespräche mit dem Iran".
TARGET_PREPOSITIONS = frozenset("gegen mit an auf gegenüber zu zum zur nach zwischen".split())
# Agent of a passive: "wurde von einem libanesischen Militärsprecher widersprochen".
AGENT_PREPOSITIONS = frozenset("von vom durch seitens".split())
# Passive auxiliaries: "wurde ... beschossen", "wurden ... hingerichtet".
PASSIVE_AUX = frozenset("wurde wurden worden wird werden".split())
# Subordinate clause openers; a clause after them may report speech ("betonte, dass ...").
SUBORDINATORS = frozenset("dass ob weil wenn falls nachdem als da während wodurch wobei sodass damit um wo wohin woher worauf womit".split())
CONDITIONALS = frozenset("wenn falls sofern".split())
# Subordinators that are also prepositions or adverbs: a clause only after a comma.
CLAUSE_INITIAL_ONLY = frozenset("als da um damit während wo".split())
# Verbs of saying: their subject is the speaker of a reported clause.
SPEECH_LEMMAS = frozenset(
    "sagen erklären betonen mitteilen berichten erwähnen behaupten melden äußern unterstreichen hinweisen "
    "bekräftigen verkünden ankündigen bekanntgeben schreiben verbreiten warnen wiederholen bestätigen "
    "unterstreichen argumentieren meinen zitieren".split()
)
NEGATIONS = frozenset("nicht kein keine keinen keinem keiner keines nie niemals weder niemand niemanden niemandem nichts".split())
# Verbs that label what they speak of ("nannte den Schritt eine Farce", "bezeichnete ... als"): with a
# negative evaluation (data/evaluative.tsv) the speaker criticises (chronik/evaluative.py).
LABEL_LEMMAS = frozenset("nennen bezeichnen einstufen werten sprechen kommentieren".split())
PLACE_LIKE_PREPOSITIONS = frozenset("in im aus bei nahe vor".split())
NOT_NEGATING_NEXT = frozenset("nur".split())  # "nicht nur ... sondern auch"
HYPOTHETICAL = frozenset("könnte könnten hätte hätten wäre wären".split())
# Intention markers: an intended cooperative act is AGREE ("will einen Nukleargipfel").
INTENTION = frozenset("wollen beabsichtigen planen bereit bereitschaft vorhaben anbieten zusagen versprechen wünschen hoffen".split())
PRONOUN_SUBJECTS = frozenset("er sie es".split())
# Head nouns that take their sector from a genitive: "Spezialeinheiten der Polizei" (COP),
# "Sprecher der oppositionellen Gruppierung" (OPP), "Vertreter Libyens" (GOV).
GENERIC_HEADS = frozenset(
    "führer anführer beamter beamte funktionär funktionärin vertreter vertreterin sprecher sprecherin anhänger anhängerin mitglied einheit spezialeinheit "
    "gruppe führer führerin chef chefin leiter leiterin delegation abordnung teil kommandeur "
    "vorsitzende vorsitzender vorsitzenden geschäftsführer geschäftsführerin politiker politikerin präsidium".split()
)
# Verbs that carry an event noun: "setzten ihre Proteste fort", "führten Gespräche",
# "verübten einen Anschlag", "hielten eine Kundgebung ab".
LIGHT_VERBS = frozenset(
    "fortsetzen führen durchführen abhalten veranstalten verüben starten beginnen aufnehmen "
    "unternehmen organisieren leisten ausüben richten verhängen beschließen erheben stellen "
    "richten äußern aussprechen einlegen ankündigen verkünden treffen halten".split()
)
# Words that end in an event noun but are none: "Herausforderung" is no "Forderung".
NOT_EVENT_COMPOUNDS = frozenset(
    "herausforderung charmeoffensive wahlkampf werbekampagne wahlkampagne pressekonferenz "
    "betroffen".split()
)
# Markers of an infinitive or "that" complement: the content of a speech act.
INFINITIVE_MARKERS = frozenset("zu um".split())
COMPLEMENTIZERS = frozenset("dass".split())
FUTURE = frozenset("wird werden werde würde würden".split())
OBLIGATION = frozenset("müssen muss müsse müssten sollen solle sollten".split())
# A country after these, with no other recipient, is where the act lands ("in Lebanon").
PLACE_TARGET_PREPOSITIONS = frozenset("in im nach für ins".split())
# "accused Armenia of violating the ceasefire": the act after these is the accusation's content.
CONTENT_PREPOSITIONS = frozenset("wegen".split())
STATIVE_PARTICIPLES: frozenset[str] = frozenset()
QUANTIFIERS = frozenset("tausende hunderte dutzende zehntausende millionen einige viele alle mehrere".split())
# Event nouns after these are background: "nach einer Besetzung", "bei einem Anschlag".
BACKGROUND_PREPOSITIONS = frozenset("nach vor seit wegen trotz infolge aufgrund zur zum parallel".split())
INSEPARABLE_PREFIXES = ("be", "ver", "er", "zer", "ent", "emp", "miss", "ge", "hinter", "über", "unter", "wider")


def is_participle(text: str, lemma: str) -> bool:
    """A past participle: "getötet", "festgenommen", "inhaftiert", "beschossen", "verhängt";
    not a finite "verhängte", "nahmen" or an infinitive "demonstrieren"."""
    w = text.casefold()
    if not w[:1].isalpha() or text[:1].isupper() or w.endswith(("te", "ten", "tet")) and "ge" not in w[:6]:
        return False
    if w.endswith("t") and w != lemma:
        stem = lemma[:-2] if lemma.endswith("en") else lemma[:-1]
        weak = {stem + "t", stem + "et"}
        if w in weak or any(w == p + "ge" + stem[len(p):] + e for p in ("",) + tuple(PARTICLES) if stem.startswith(p) for e in ("t", "et")):
            return True  # "inhaftiert", "verhängt", "getötet", "festgestellt"; not a finite "bestritt"
    if w.endswith("en") and w != lemma and ("ge" in w[:6] or w.startswith(INSEPARABLE_PREFIXES)):
        return True  # "festgenommen", "beschossen"
    return w.endswith("en") and w == lemma and "ge" in w[:6] and not _known_verb(w)
# Adjectives that give a generic head its sector: "Sprecher der oppositionellen Gruppierung" (OPP).
ADJECTIVE_SECTORS = {"oppositionell": "OPP", "regierungstreu": "PRM", "regierungsnah": "PRM", "regimetreu": "PRM",
                     "aufständisch": "REB", "islamistisch": "REB", "militant": "REB", "separatistisch": "REB",
                     "studentisch": "EDU", "kirchlich": "REL",
                     # unidentified attackers: "Unbekannte Täter", "maskierte Männer", "bewaffnete Männer"
                     "unbekannt": "UAF", "maskiert": "UAF", "bewaffnet": "UAF"}

# Possessive determiners: "seinem Treffen", "their protest" - the possessor is the actor.
POSSESSIVES = frozenset("sein seine seinem seinen seiner seines ihr ihre ihrem ihren ihrer ihres".split())


def _casefold_word_sets() -> None:
    """Lemmas and token texts are compared case-folded ("beschließen" -> "beschliessen"):
    fold every word set of this module the same way."""
    g = globals()
    for name, value in list(g.items()):
        if name.isupper() and isinstance(value, frozenset) and all(isinstance(w, str) for w in value):
            g[name] = frozenset(value) | frozenset(w.casefold() for w in value)
        elif name.isupper() and isinstance(value, dict) and all(isinstance(k, str) for k in value):
            g[name] = {**value, **{k.casefold(): v for k, v in value.items()}}


# English "his alleged part": German participles used as adjectives are inflected ("die
# mutmaßliche Beteiligung") and never match a verb trigger's lemma, so no list is needed.
ATTRIBUTIVE_DETERMINERS: frozenset[str] = frozenset()
# English "guerrilla camps" keeps the guerrillas as actor; German writes compounds ("Rebellenlager"),
# which the compound rules read, so no list is needed.
ACTOR_MODIFIED_HEADS: frozenset[str] = frozenset()
# German has no participle result clause like English ", killing 50" (it uses "wobei ... getötet wurden")
RESULT_PARTICIPLE: tuple[str, ...] = ()
# English "mediation effort" (a compound modifier that is still the event); German writes one compound word
EVENT_FRAME_NOUNS: frozenset[str] = frozenset()
# Words that name the means of an attack: "bei einem Anschlag getötet" then has unidentified
# attackers (UAF) as source. Prefixes of lower-cased words.
ATTACK_MEANS: tuple[str, ...] = tuple("anschlag bombe bombenanschlag explosion sprengsatz sprengstoff autobombe luftangriff "
                                      "beschuss rakete granate mine heckenschütze selbstmordattentät attentat attentäter "
                                      "bewaffnete unbekannte angreifer schüsse".split())
# Prepositions that introduce the means of an attack ("killed by a roadside bomb")
INSTRUMENT_PREPOSITIONS: frozenset[str] = frozenset("durch bei mit".split())
# Objects that make a bare "mobilise"/"mobilisieren" a mobilisation of forces (not "mobilised support")
FORCE_NOUNS: frozenset[str] = frozenset("truppe soldat armee streitkraft reservist polizei miliz kämpfer einheit panzer kriegsschiff rakete militär".split())
# English "was slain"; German participles are recognised by their ge-/-t/-en form
IRREGULAR_PARTICIPLES: frozenset[str] = frozenset()
# Relative pronouns that cannot be articles (der/die/das after a comma are ambiguous)
RELATIVE_PRONOUNS: frozenset[str] = frozenset("welcher welche welches welchen welchem".split())
# Role labels whose actors are international when the text names no nation ("a regional peacekeeping force")
INTERNATIONAL_ROLES: frozenset[str] = frozenset(["peacekeepers"])
# English "the plan to send troops"; German puts the object between noun and "zu" ("der Plan, Truppen
# zu entsenden"), which this check does not see, so no list
PROSPECT_NOUNS: frozenset[str] = frozenset()
# "verurteilte den Angriff", "kritisierte diese Entscheidung": ein bestimmtes Ereignisnomen
EVENT_ANAPHOR_DETERMINERS = frozenset("den die das dem der diesen diese dieses diesem dieser".split())
EVENT_ANAPHOR_NOUNS = frozenset("abstimmung entscheidung beschluss gesetz resolution maßnahme urteil hinrichtung "
                                "invasion einmarsch putsch test schritt vorgehen".split())
# "support for X", "Unterstützung für X": the one supported
SUPPORT_PREPOSITIONS: frozenset[str] = frozenset(["für"])
# English "against alleged vote-rigging"; German participles used as adjectives are inflected
ATTRIBUTIVE_PREPOSITIONS: frozenset[str] = frozenset()
# Prepositions of place: a demonym after them names a place ("vor der französischen Botschaft")
LOCATIVE_PREPOSITIONS = frozenset("vor bei nahe an am".split())
# Words before a demonym that make it a region ("South American", "Latin American")
REGION_PREFIXES: frozenset[str] = frozenset()
# After a comma these open a relative clause when no noun follows ("eine Lehrerin, die am 1. Juli ...")
ARTICLE_RELATIVES: frozenset[str] = frozenset("der die das dem den deren dessen".split())
# Skipped before the object of a bare "mobilisieren": "mobilisierte die Armee", "ihre Anhänger"
OBJECT_DETERMINERS = frozenset("der die das den dem des ein eine einen einem sein seine seinen seinem ihr ihre ihren ihrem".split())
# Nouns after "the"/"den" that refer to an act just reported
EVENT_ANAPHOR_PREPOSITIONS = frozenset("über mit gegen".split())
# "Der Präsident und die Regierung", "X und seine Y": articles that may follow the "und" of a compound actor
COORDINATION_DETERMINERS = frozenset("der die das den dem des sein seine seinen seinem ihr ihre ihren ihrem".split())
COORDINATORS = frozenset("und oder sowie".split())
# English "Bosnian Serb"; German writes "bosnische Serben" (adjective + noun), read by the role rules
DOUBLE_DEMONYMS = False
# Multiword triggers whose second word must follow within three tokens (English "called for")
CLOSE_PARTICLES: frozenset[str] = frozenset()
AUXILIARY_HEADS: frozenset[str] = frozenset()
# English "the withdrawal of Iraqi forces"; the German genitive is read by the case rules
OF_PATIENT_NOUNS: frozenset[str] = frozenset()
# English "a resolution criticising Israel" is read from the parse, which German does not have
DOCUMENT_NOUNS: frozenset[str] = frozenset()
# Determiners of definite noun phrases ("die Polizei", "das Parlament")
DEFINITE_ARTICLES = frozenset("der die das den dem des".split())

# English "the decision of sending troops"
DECISION_NOUNS: frozenset[str] = frozenset()

# Where a withdrawal leaves from: "aus dem Gazastreifen", "vom Golan"
ORIGIN_PREPOSITIONS: frozenset[str] = frozenset("aus vom".split())

# Articles of an apposition after a name: "Agnès Callamard, a UN rapporteur"
APPOSITION_ARTICLES: frozenset[str] = frozenset("ein eine einer der die das des".split())

# Endings of nouns for the people a verb was done to ("detainee", "deportee"): no triggers of that verb
PATIENT_NOUN_SUFFIXES: tuple[str, ...] = ()

# Military installations: "struck Iraqi air defence sites" targets the Iraqi military
MILITARY_FACILITIES: frozenset[str] = frozenset("stützpunkt kaserne depot stellung flugplatz luftwaffenstützpunkt radar garnison".split())


_casefold_word_sets()
