"""English grammar rules, one function per rule, each with an example."""
from __future__ import annotations

from ...model import Token

ABBREVIATIONS = frozenset(
    "mr. mrs. ms. dr. prof. gen. col. lt. sgt. capt. maj. adm. sen. rep. gov. st. jr. sr. inc. ltd. co. corp. "
    "no. vs. etc. jan. feb. mar. apr. jun. jul. aug. sep. sept. oct. nov. dec. u.s. u.n. u.k. e.u. a.m. p.m. "
    "i.e. e.g. approx. dept. est. fig. mt. ft.".split()
)


def stem(word: str) -> str:
    """Case-fold and drop a possessive: "Iran's" -> "iran"."""
    w = word.casefold()
    if w.endswith(("'s", "’s")):
        w = w[:-2]
    return w


def split_possessives(tokens: list[Token], lemmatize) -> list[Token]:
    """"Iran's" -> "Iran" + "'s" so names match the gazetteer."""
    out: list[Token] = []
    for tok in tokens:
        t = tok.text
        if len(t) > 2 and t[-2:].casefold() in ("'s", "’s"):
            base = t[:-2]
            out.append(Token(base, tok.start, tok.end - 2, lemmatize(base)))
            out.append(Token(t[-2:], tok.end - 2, tok.end, "'s"))
        else:
            out.append(tok)
    for i, tok in enumerate(out):
        tok.i = i
    return out


RULES = {"stem": stem, "split_possessives": split_possessives}

# ----------------------------------------------------------------- argument structure
DETERMINER_CASE: dict[str, str] = {}
# "sanctions against Libya", "talks with Iran", "an attack on the convoy".
TARGET_PREPOSITIONS = frozenset("with against on to at toward towards upon into from between among".split())
AGENT_PREPOSITIONS = frozenset(["by"])
PASSIVE_AUX = frozenset("was were been being be is are get got".split())
SUBORDINATORS = frozenset("that because if when while after before unless although which who whom whose where".split())
CONDITIONALS = frozenset("if unless".split())
# Subordinators that are also prepositions open a clause only after a comma (none in English:
# "after a special court cleared him" is a clause more often than "after the vote" hurts).
CLAUSE_INITIAL_ONLY: frozenset[str] = frozenset()
SPEECH_LEMMAS = frozenset(
    "say tell state announce report claim add stress insist note declare assert mention warn write reiterate repeat "
    "confirm emphasize emphasise argue suggest indicate acknowledge explain predict quote believe".split()
)
NEGATIONS = frozenset("not n't never no neither nor nothing nobody".split())
# Verbs that label what they speak of ("called the move a disgrace"): with a negative evaluation
# (data/evaluative.tsv) the speaker criticises (chronik/evaluative.py).
LABEL_LEMMAS = frozenset("call describe term label dub brand characterize characterise comment".split())
PLACE_LIKE_PREPOSITIONS = frozenset("in at near outside from".split())
NOT_NEGATING_NEXT = frozenset(["only"])
HYPOTHETICAL = frozenset("could might".split())
INTENTION = frozenset("intend plan ready willing offer promise pledge vow agree expect prepare may wish want hope seek".split())
PRONOUN_SUBJECTS = frozenset("he she it they".split())
GENERIC_HEADS = frozenset(
    "leader official officer adviser advisor inspector negotiator representative spokesman spokeswoman spokesperson member supporter unit leader head chief "
    "delegation commander envoy".split()
)
LIGHT_VERBS = frozenset(
    "hold launch stage conduct carry continue begin start mount organize organise impose issue "
    "make lodge file announce resume open initiate bring".split()
)
NOT_EVENT_COMPOUNDS: frozenset[str] = frozenset()
# Markers of an infinitive or "that" complement: the content of a speech act.
INFINITIVE_MARKERS = frozenset("to".split())
COMPLEMENTIZERS = frozenset("that".split())
FUTURE = frozenset("will would shall may".split())
# Modal verbs of obligation in reported speech: "Russia said that Sudan must return the helicopter"
# is the speaker's demand on the clause's subject.
OBLIGATION = frozenset("must should".split())
# A country after these, with no other recipient, is where the act lands ("in Lebanon").
PLACE_TARGET_PREPOSITIONS = frozenset("in into to for inside".split())
# "accused Armenia of violating the ceasefire": the act after these is the accusation's content.
CONTENT_PREPOSITIONS = frozenset("of".split())
# Participles that describe a state, not a passive act: "Israel is opposed to French mediation".
STATIVE_PARTICIPLES = frozenset("opposed committed prepared determined concerned worried interested involved "
                                "pleased disappointed convinced resolved dedicated united divided".split())
# Quantities before "of" are no prepositions of the actor: "tens of thousands of students".
QUANTIFIERS = frozenset("thousands hundreds dozens tens millions scores some many most all several few "
                        "one two three four five six seven eight nine ten both each none".split())
BACKGROUND_PREPOSITIONS = frozenset("after before since following despite during amid".split())
ADJECTIVE_SECTORS = {"opposition": "OPP", "pro-government": "PRM", "islamist": "REB", "militant": "REB",
                     "separatist": "REB", "student": "EDU"}


def is_participle(text: str, lemma: str) -> bool:
    return text.casefold().endswith(("ed", "en"))
# Possessive determiners: "seinem Treffen", "their protest" - the possessor is the actor.
POSSESSIVES = frozenset("his her its their".split())
# A participle between one of these and its noun is an adjective, no event: "his alleged part",
# "the banned party", "the proposed ceasefire".
ATTRIBUTIVE_DETERMINERS = frozenset("the a an his her its their our this these those".split())
# Nouns after which a role noun stays an actor instead of a mere modifier: the organisation is the
# group ("an extremist organization") and an attack on its camps targets it ("guerrilla camps").
ACTOR_MODIFIED_HEADS = frozenset("organization organisation group movement network faction cell outfit "
                                 "camp base position stronghold hideout headquarters post positions "
                                 "asset account fund property".split())  # "froze Libyan government assets"
# ", killing or wounding 50": a participle clause after an act reports its result
RESULT_PARTICIPLE: tuple[str, ...] = ("ing",)
# Nouns that an event noun modifies without ceasing to be the event: "a mediation effort", "an aid convoy"
EVENT_FRAME_NOUNS: frozenset[str] = frozenset("effort mission bid attempt campaign operation drive initiative talk deal agreement accord package convoy shipment process visit trip".split())
# Words that name the means of an attack: an agentless "were killed in a suicide bombing" then has
# unidentified attackers (UAF) as source. Prefixes of lower-cased words.
ATTACK_MEANS: tuple[str, ...] = tuple("bomb explosi blast device ied ambush gunfire gunmen gunman shelling rocket missile "
                                      "mortar grenade landmine sniper airstrike air-strike shooting suicide roadside "
                                      "car-bomb attacker assailant".split())
# Prepositions that introduce the means of an attack ("killed by a roadside bomb")
INSTRUMENT_PREPOSITIONS: frozenset[str] = frozenset("by in with".split())
# Objects that make a bare "mobilise"/"mobilisieren" a mobilisation of forces (not "mobilised support")
FORCE_NOUNS: frozenset[str] = frozenset("troop force army soldier reservist reserve police militia fighter unit battalion brigade division warship ship tank jet aircraft missile military guard".split())
# Past participles that end in none of the regular endings: "was slain", "were shot", "was held"
IRREGULAR_PARTICIPLES = frozenset("slain shot hit held struck sent kept put set hurt cut won spent lost found sold told "
                                  "bound met fed fled beat".split())
# Pronouns that open a non-restrictive relative clause after a comma
RELATIVE_PRONOUNS: frozenset[str] = frozenset("who which whom whose".split())
# Role labels whose actors are international when the text names no nation ("a regional peacekeeping force")
INTERNATIONAL_ROLES: frozenset[str] = frozenset(["peacekeepers"])
# Nouns whose "of"/"to" complement is a prospect, not an act: "the plan to send troops"
PROSPECT_NOUNS: frozenset[str] = frozenset("plan proposal idea prospect possibility option".split())
# "condemned the attack", "disappointed in the vote": a definite event noun names an act coded before
EVENT_ANAPHOR_DETERMINERS = frozenset("the this that these those its their".split())
EVENT_ANAPHOR_NOUNS = frozenset("vote decision move law bill resolution measure verdict ruling sentence execution "
                                "invasion incursion coup test launch step action".split())
# "support for X", "Unterstützung für X": the one supported
SUPPORT_PREPOSITIONS: frozenset[str] = frozenset(["for"])
# Prepositions before an attributive participle: "in protest against alleged vote-rigging"
ATTRIBUTIVE_PREPOSITIONS = frozenset("against of for over about on with after amid despite".split())
# Prepositions of place: a demonym after them names a place ("outside the French embassy")
LOCATIVE_PREPOSITIONS = frozenset("at outside near inside before".split())  # not "in": "bombed targets in Iraqi territory"
# Words before a demonym that make it a region ("South American", "Latin American")
REGION_PREFIXES: frozenset[str] = frozenset("south latin central north".split())
# English relative pronouns are never articles
ARTICLE_RELATIVES: frozenset[str] = frozenset()
# Skipped before the object of a bare "mobilize": "mobilized its reservists", "mobilized the army"
OBJECT_DETERMINERS = frozenset("the a an its their his her our".split())
# Prepositions between a reaction verb and its event noun: "disappointed by the vote", "angry at the move"
EVENT_ANAPHOR_PREPOSITIONS = frozenset("in with by at over about".split())
# "the Sudanese government and the rebels", "Kagame and his Rwandan Patriotic Front": words that may follow "and"
COORDINATION_DETERMINERS = frozenset("the its his her their".split())
COORDINATORS = frozenset("and or".split())
# "Bosnian Serb leader", "Iraqi Kurdish fighters": the first demonym names the state
DOUBLE_DEMONYMS = True
# Second words of two-word triggers that must follow within three tokens: "called for", "gave in", "called on"
# (not "calling it a victory for", "given Syria $2 billion in grants"); "pulled its troops out" may be far
CLOSE_PARTICLES = frozenset("for on in".split())
# Trigger heads after which the next pattern word follows closely: "would meet", not "would ... a meeting"
AUXILIARY_HEADS = frozenset("be will would shall can could may might must".split())
# Nouns whose "of" object is the actor acted upon: "the withdrawal of Iraqi forces", "the expulsion of diplomats"
OF_PATIENT_NOUNS = frozenset("withdrawal pullout pull-out resignation surrender expulsion deployment disarmament "
                             "extradition dismissal ouster".split())
# Documents a participle may describe ("a resolution criticising Israel"): no act of their own
DOCUMENT_NOUNS = frozenset("resolution report statement law bill letter declaration document motion decree "
                           "article editorial communique".split())
DEFINITE_ARTICLES = frozenset(["the"])
# "the decision of sending troops" is a prospect; "announced its decision to withdraw" is the act announced
DECISION_NOUNS: frozenset[str] = frozenset(["decision"])
# Where a withdrawal leaves from: "out of Afghanistan", "withdrew from Lebanon"
ORIGIN_PREPOSITIONS: frozenset[str] = frozenset("from of".split())
# Articles of an apposition after a name: "Agnès Callamard, a UN rapporteur"
APPOSITION_ARTICLES: frozenset[str] = frozenset("a an the".split())
# Endings of nouns for the people a verb was done to ("detainee", "deportee"): no triggers of that verb
PATIENT_NOUN_SUFFIXES: tuple[str, ...] = ("ee",)
# Military installations: "struck Iraqi air defence sites" targets the Iraqi military
MILITARY_FACILITIES: frozenset[str] = frozenset("depot site base barracks installation airfield airbase radar bunker garrison outpost position battery".split())
