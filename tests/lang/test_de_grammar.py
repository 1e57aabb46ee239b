"""German grammar rules (chronik/lang/de/grammar.py), each on real news sentences.

Every function in ``RULES`` has a test here (``test_every_rule_is_tested`` checks it);
the data sets the coder reads (DETERMINER_CASE, PASSIVE_AUX, ...) are tested through
their effect on coded events in tests/test_events.py.
"""
from __future__ import annotations

import pytest

from chronik.lang import get_lang
from chronik.lang.de import grammar

DE = get_lang("de")

TESTED = {"stem", "is_ordinal_dot", "attach_separable_particles", "lemmatize_zu_infinitives"}


def test_every_rule_is_tested():
    assert set(grammar.RULES) == TESTED


def tokens(sentence: str):
    """Tokens of one sentence after the German post-token rules (particles, zu-infinitives)."""
    toks = DE.tokenize(sentence)
    DE.post_tokens(toks)
    return toks


def tok(toks, text: str):
    return next(t for t in toks if t.text == text)


# ----------------------------------------------------------------- stem
@pytest.mark.parametrize(
    "inflected, base",
    [
        ("Armeniens", "Armenien"),  # "der bewussten Provokationen Armeniens"
        ("Aserbaidschans", "Aserbaidschan"),  # "der Präsident Aserbaidschans"
        ("aserbaidschanischen", "aserbaidschanisch"),  # "in der aserbaidschanischen Region Karabach"
        ("aserbaidschanische", "aserbaidschanisch"),
        ("Libanons", "Libanon"),  # "die Souveränität des Libanons"
        ("libanesischen", "libanesisch"),  # "von einem libanesischen Militärsprecher"
        ("Staates", "Staat"),
        ("Hauses", "Haus"),  # "Sprecher des Weißen Hauses"
        ("Weißen", "Weißes"),  # "des Weißen Hauses" / "das Weiße Haus"
        ("israelischen", "israelische"),
        ("Irans", "Iran"),
    ],
)
def test_stem_same_key_for_inflected_forms(inflected, base):
    assert grammar.stem(inflected) == grammar.stem(base)
    assert DE.stem(inflected) == grammar.stem(inflected)


@pytest.mark.parametrize("word", ["Armeniens", "aserbaidschanischen", "Präsidenten"])
def test_stem_is_lower_case(word):
    assert grammar.stem(word) == grammar.stem(word).casefold()


@pytest.mark.parametrize(
    "a, b",
    [
        ("Iran", "Irak"),
        ("Armenien", "Aserbaidschan"),
        ("Libyen", "Libanon"),
    ],
)
def test_stem_keeps_different_names_apart(a, b):
    assert grammar.stem(a) != grammar.stem(b)


@pytest.mark.parametrize("short", ["USA", "Iran", "Mali", "Oman"])
def test_stem_leaves_short_names_whole(short):
    # MIN_STEM: "Mali" must not become "mal", "Oman" not "om"
    assert grammar.stem(short) == short.casefold()


# ----------------------------------------------------------------- is_ordinal_dot
@pytest.mark.parametrize(
    "text, word_before_dot",
    [
        ("Am 19. September rief US-Außenminister Antony Blinken den Präsidenten an.", "19"),
        ("Bei der Wahl am 7. September werden erstmals Gegenkandidaten zugelassen sein.", "7"),
        ("Die Abhaltung sogenannter Wahlen in der Region Karabach am 9. September", "9"),
        ("31. Juli 2005", "31"),
    ],
)
def test_is_ordinal_dot_day_number(text, word_before_dot):
    dot = text.index(word_before_dot + ".") + len(word_before_dot)
    assert grammar.is_ordinal_dot(text, dot)


@pytest.mark.parametrize(
    "text, word_before_dot",
    [
        ("Die Ermordung Anwar as-Sadats geschah 1981. Seitdem gilt der Ausnahmezustand.", "1981"),
        ("Der Präsident sprach mit Aliyev. Am 19. September rief er an.", "Aliyev"),
        ("Die Waffenruhe gilt seit dem Jahr 2006. Die Armee zog ab.", "2006"),
    ],
)
def test_is_ordinal_dot_not_for_years_and_words(text, word_before_dot):
    dot = text.index(word_before_dot + ".") + len(word_before_dot)
    assert not grammar.is_ordinal_dot(text, dot)


def test_german_language_uses_ordinal_rule():
    sents = DE.split_sentences("Am 19. September rief Antony Blinken den Präsidenten an. Er forderte einen Waffenstillstand.")
    assert [s.text for s in sents] == [
        "Am 19. September rief Antony Blinken den Präsidenten an.",
        "Er forderte einen Waffenstillstand.",
    ]


def test_number_at_sentence_end_is_no_ordinal():
    text = "Die Zahl der Toten stieg auf 12. Die Polizei nahm drei Männer fest."
    assert not grammar.is_ordinal_dot(text, text.index("12.") + 2)


# ----------------------------------------------------------------- attach_separable_particles
@pytest.mark.parametrize(
    "sentence, verb, lemma, particle",
    [
        ("Am 19. September rief US-Außenminister Antony Blinken den Präsidenten der Republik Aserbaidschan Ilham Aliyev an.",
         "rief", "anrufen", "an"),
        ("US-Außenminister Anthony Blinken rief Präsident Ilham Aliyev an", "rief", "anrufen", "an"),
        ("Die Türkei rief den Präsidenten an.", "rief", "anrufen", "an"),
        ("Die Polizei nahm am Montag in Kairo drei Oppositionelle fest.", "nahm", "festnehmen", "fest"),
        ("Die Sicherheitskräfte nahmen mehrere Demonstranten fest.", "nahmen", "festnehmen", "fest"),
        ("Die Konfliktparteien gehen einen Waffenstillstand ein.", "gehen", "eingehen", "ein"),
        ("Spezialeinheiten der Polizei lösten die Versammlung auf.", "lösten", "auflösen", "auf"),
        ("Polizisten und Unterstützer der Regierung schlugen mit Knüppeln auf Demonstranten ein.", "schlugen", "einschlagen", "ein"),
        ("Die Hisbollah-Miliz schoss vom Libanon aus 155 Raketen auf Ziele in Israel ab.", "schoss", "abschiessen", "ab"),  # lemmas are case-folded (ß -> ss)
        ("Er sprach sich für eine Lösung des Konflikts aus.", "sprach", "aussprechen", "aus"),
    ],
)
def test_particle_attaches_to_finite_verb(sentence, verb, lemma, particle):
    toks = tokens(sentence)
    v = tok(toks, verb)
    assert v.lemma == lemma
    p = [t for t in toks if t.text == particle][-1]
    assert v.particle == p.i
    assert p.pos == "PART"


@pytest.mark.parametrize(
    "sentence, word",
    [
        # the particle never goes to an article or pronoun: "an" + "den" is no verb
        ("Die Türkei rief den Präsidenten an.", "den"),
        ("Die Polizei nahm am Montag in Kairo drei Oppositionelle fest.", "am"),
        ("Die Konfliktparteien gehen einen Waffenstillstand ein.", "einen"),
        ("Er sprach sich für eine Lösung des Konflikts aus.", "sich"),
    ],
)
def test_particle_not_attached_to_function_words(sentence, word):
    t = tok(tokens(sentence), word)
    assert t.particle is None


@pytest.mark.parametrize(
    "sentence, word",
    [
        # a preposition "an"/"auf" inside the clause is no particle
        ("Das Land ist mit 200 Soldaten an der UN-Mission beteiligt.", "ist"),
        ("Die Armee feuerte auf die Demonstranten.", "feuerte"),
        # a capitalised noun is never the verb
        ("Die Abgeordneten stimmten dem Antrag zu.", "Abgeordneten"),
    ],
)
def test_no_particle_without_clause_final_particle(sentence, word):
    assert tok(tokens(sentence), word).particle is None


def test_particle_zu_is_a_particle_too():
    # "griff zu" is "zugreifen", not a preposition
    assert tok(tokens("Die Polizei griff zu, als die Demonstranten die Straße blockierten."), "griff").lemma == "zugreifen"


def test_particle_search_stops_at_clause_break():
    # "rief X an und forderte ...": "an" belongs to "rief", not to "forderte"
    toks = tokens("Blinken rief Aliyev an und forderte einen Waffenstillstand.")
    assert tok(toks, "rief").lemma == "anrufen"
    assert tok(toks, "forderte").lemma == "fordern"


def test_particle_across_coordinated_object():
    # "und" inside the object is no clause break (dev doc de-wn-9686, a required COERCE)
    toks = tokens("Spezialeinheiten der Polizei nahmen zwischen 20 Menschen und 40 Menschen fest, darunter auch Ayman Barakat.")
    assert tok(toks, "nahmen").lemma == "festnehmen"


# ----------------------------------------------------------------- lemmatize_zu_infinitives
@pytest.mark.parametrize(
    "sentence, word, lemma",
    [
        ("Die Regierung ist bereit, in Verhandlungen einzutreten.", "einzutreten", "eintreten"),
        ("Das Parlament beschloss, die Sanktionen aufzuheben.", "aufzuheben", "aufheben"),
        ("Die Armee drohte, die Demonstranten festzunehmen.", "festzunehmen", "festnehmen"),
        ("Der Präsident forderte Israel auf, sich aus dem Libanon zurückzuziehen.", "zurückzuziehen", "zurückziehen"),
        ("Israel erklärte sich bereit, die Gefangenen freizulassen.", "freizulassen", "freilassen"),
        ("Die Rebellen weigerten sich, die Waffen abzugeben.", "abzugeben", "abgeben"),
    ],
)
def test_zu_infinitive_lemma(sentence, word, lemma):
    assert tok(tokens(sentence), word).lemma == lemma


@pytest.mark.parametrize(
    "sentence, word",
    [
        # words that merely contain "zu" keep their own lemma
        ("Die Zustimmung Israels zu einer Waffenruhe steht aus.", "Zustimmung"),
        ("Der Zugang zur Innenstadt von Kairo wurde gesperrt.", "Zugang"),
        ("Die Vereinten Nationen riefen zur Zurückhaltung auf.", "Zurückhaltung"),
    ],
)
def test_zu_infinitive_leaves_other_words(sentence, word):
    t = tok(tokens(sentence), word)
    assert t.lemma == DE.lemmatize(word)
