"""Segmentation: sentences and tokens with offsets into the cleaned document text."""
from __future__ import annotations

import pytest

from chronik.ingest.text import document_from_text
from chronik.segment import segment

from .conftest import FOUNDING


def sentences(text: str, lang: str = "de"):
    doc = segment(document_from_text(text, "t", lang=lang))
    return doc, [s.text for s in doc.sentences]


@pytest.mark.parametrize(
    "text, lang, first_body",
    [
        # headline without final punctuation, then the body
        ("Israel greift Ziele im Libanon an\nAm Samstag griff die israelische Armee Stellungen der Hisbollah an.",
         "de", "Am Samstag griff die israelische Armee Stellungen der Hisbollah an."),
        ("Kundgebung von Mubarak-Gegnern in Kairo gewaltsam beendet\n\n31. Juli 2005\n\n"
         "Am Samstag wurde in der Innenstadt von Kairo eine Kundgebung gewaltsam beendet. Polizisten schlugen auf Demonstranten ein.",
         "de", "Am Samstag wurde in der Innenstadt von Kairo eine Kundgebung gewaltsam beendet."),
        ("BAGHDAD, Iraq (AP)\nInsurgents attacked a police station in western Baghdad on Monday.",
         "en", "Insurgents attacked a police station in western Baghdad on Monday."),
        ("Pakistan threatens to cut ties with Congo\nPakistan threatened on Tuesday to break off diplomatic relations with Congo.",
         "en", "Pakistan threatened on Tuesday to break off diplomatic relations with Congo."),
    ],
)
def test_headline_and_dateline_do_not_glue(text, lang, first_body):
    doc, sents = sentences(text, lang)
    assert first_body in sents
    for s in doc.sentences:
        if s.text == first_body:
            assert not s.is_title
        else:
            assert first_body not in s.text


def test_founding_headline_is_its_own_sentence():
    doc, sents = sentences(FOUNDING.read_text(encoding="utf-8"))
    assert sents[0] == "US-Außenminister Anthony Blinken rief Präsident Ilham Aliyev an"
    assert doc.sentences[0].is_title
    assert sents[1].startswith("Am 19. September rief")
    assert not doc.sentences[1].is_title


@pytest.mark.parametrize(
    "text, lang, expected",
    [
        ("Am 19. September rief Antony Blinken den Präsidenten an. Er forderte einen Waffenstillstand.", "de",
         ["Am 19. September rief Antony Blinken den Präsidenten an.", "Er forderte einen Waffenstillstand."]),
        ("Bei der Wahl am 7. September werden erstmals Gegenkandidaten zugelassen sein. Mubarak tritt erneut an.", "de",
         ["Bei der Wahl am 7. September werden erstmals Gegenkandidaten zugelassen sein.", "Mubarak tritt erneut an."]),
        ("Der frühere US-Präsident George W. Bush traf den Kanzler in Berlin. Er lobte die Reform.", "de",
         ["Der frühere US-Präsident George W. Bush traf den Kanzler in Berlin.", "Er lobte die Reform."]),
        ("Die Regierung lockerte z.B. die Ausgangssperre in Kairo. Die Opposition protestierte.", "de",
         ["Die Regierung lockerte z.B. die Ausgangssperre in Kairo.", "Die Opposition protestierte."]),
        ("Die Delegation traf u.a. Vertreter der Regierung. Die Gespräche dauerten bis Dienstag.", "de",
         ["Die Delegation traf u.a. Vertreter der Regierung.", "Die Gespräche dauerten bis Dienstag."]),
        ("Former President George W. Bush met the German chancellor on Monday. He praised the reform.", "en",
         ["Former President George W. Bush met the German chancellor on Monday.", "He praised the reform."]),
        ("The U.S. Army withdrew from the town. Residents returned on Friday.", "en",
         ["The U.S. Army withdrew from the town.", "Residents returned on Friday."]),
        ("Gen. Michel Aoun met Lebanese officials. They discussed the ceasefire.", "en",
         ["Gen. Michel Aoun met Lebanese officials.", "They discussed the ceasefire."]),
    ],
)
def test_no_split_at_ordinals_initials_abbreviations(text, lang, expected):
    # two sentences of running text: the body, not a headline
    _, sents = sentences(text, lang)
    assert sents == expected


def test_count_at_sentence_end_splits():
    _, sents = sentences("Die Zahl der Toten stieg nach Angaben der Behörden am Sonntag auf 12. Die Polizei nahm drei Männer fest.")
    assert sents == ["Die Zahl der Toten stieg nach Angaben der Behörden am Sonntag auf 12.", "Die Polizei nahm drei Männer fest."]


@pytest.mark.parametrize(
    "text, lang",
    [
        ("Die Polizei nahm am Montag in Kairo drei Oppositionelle fest.", "de"),
        ("Russia said on Tuesday that Sudan must return a helicopter.", "en"),
    ],
)
def test_single_sentence_is_body(text, lang):
    doc, _ = sentences(text, lang)
    assert not doc.sentences[0].is_title


def test_founding_token_offsets_slice_text_exactly():
    doc = segment(document_from_text(FOUNDING.read_text(encoding="utf-8"), "de-azvision-blinken-aliyev", lang="de"))
    assert len(doc.sentences) > 8
    n = 0
    for sent in doc.sentences:
        assert doc.text[sent.start:sent.end] == sent.text
        assert sent.tokens, sent.text
        for t in sent.tokens:
            assert doc.text[t.start:t.end] == t.text
            n += 1
        assert [t.i for t in sent.tokens] == list(range(len(sent.tokens)))
    assert n > 300


@pytest.mark.parametrize(
    "text, lang",
    [
        ("Iran's foreign minister met Russia’s envoy in Damascus. The U.S. State Department didn't comment.", "en"),
        ("Am 19. September rief US-Außenminister Antony Blinken an. „Wir sind besorgt“, sagte er – z.B. über Karabach.", "de"),
    ],
)
def test_token_offsets_slice_text_exactly(text, lang):
    doc = segment(document_from_text(text, "t", lang=lang))
    for sent in doc.sentences:
        for t in sent.tokens:
            assert doc.text[t.start:t.end] == t.text


def test_sentences_in_order_and_disjoint():
    doc = segment(document_from_text(FOUNDING.read_text(encoding="utf-8"), "x", lang="de"))
    ends = [(s.start, s.end) for s in doc.sentences]
    assert all(a[1] <= b[0] for a, b in zip(ends, ends[1:]))
    assert [s.index for s in doc.sentences] == list(range(len(doc.sentences)))
    paras = [s.paragraph for s in doc.sentences]
    assert paras == sorted(paras)
