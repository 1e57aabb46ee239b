"""Content hashes and MinHash near-duplicate detection."""
from __future__ import annotations

import pytest

from chronik.store import dedup

ARTICLE = (
    "Armenia accused Azerbaijan on Tuesday of shelling villages near the border, the foreign ministry in Yerevan "
    "said. The ministry said several houses had been damaged and called on international observers to visit the "
    "area. Azerbaijan's defence ministry rejected the accusation and said its forces had only returned fire after "
    "coming under attack. The European Union urged both sides to respect the ceasefire and to return to "
    "negotiations in Brussels, where talks on a peace treaty had stalled in the summer. Diplomats said a meeting "
    "of the foreign ministers could take place next month if the situation on the border calmed down."
)
OTHER = (
    "Thousands of people demonstrated in Tbilisi on Saturday against a draft law on foreign agents, which critics "
    "say mirrors Russian legislation used to silence dissent. Police used water cannon and tear gas to disperse "
    "protesters outside parliament late in the evening. The European Union said the law was incompatible with "
    "the country's ambition to join the bloc, and the United States said it was deeply concerned about the "
    "crackdown. The governing party said it would not withdraw the bill despite the protests."
)


def test_content_hash_ignores_layout_and_case():
    assert dedup.content_hash(ARTICLE) == dedup.content_hash(ARTICLE.upper().replace(". ", ".\n\n  "))
    assert dedup.content_hash(ARTICLE) != dedup.content_hash(ARTICLE.replace("Tuesday", "Monday"))


@pytest.mark.parametrize("variant,dup", [
    (ARTICLE, True),
    ("By our correspondent. " + ARTICLE, True),
    (ARTICLE.replace("next month", "in two weeks").replace("Tuesday", "Wednesday"), True),
    (ARTICLE.rsplit(". ", 1)[0] + ".", True),  # last sentence trimmed
    (OTHER, False),
    (" ".join(ARTICLE.split()[:45]) + " " + " ".join(OTHER.split()[:30]), False),
])
def test_near_duplicates(variant, dup):
    a, b = dedup.minhash(ARTICLE), dedup.minhash(variant)
    assert (dedup.similarity(a, b) >= dedup.NEAR_DUP_THRESHOLD) is dup
    if dup:  # LSH finds it as a candidate
        assert set(dedup.lsh_keys(a)) & set(dedup.lsh_keys(b))


def test_short_texts_have_no_signature():
    assert dedup.minhash("Russia attacked Ukraine on Tuesday.") is None


def test_signatures_are_deterministic_across_processes():
    import subprocess
    import sys

    code = "from chronik.store import dedup; import sys; sys.stdout.write(dedup.minhash(sys.argv[1]).hex())"
    outs = {subprocess.run([sys.executable, "-c", code, ARTICLE], capture_output=True, text=True,
                           env={"PYTHONHASHSEED": seed}).stdout for seed in ("1", "2")}
    assert outs == {dedup.minhash(ARTICLE).hex()}


@pytest.mark.parametrize("a,b,similar", [
    ("Armenia accused Azerbaijan of shelling civilian areas in Karabakh.",
     "Armenia accused Azerbaijan of shelling civilians across Karabakh overnight.", True),
    ("Armenia accused Azerbaijan of shelling civilian areas in Karabakh.",
     "Armenia accused Azerbaijan over grain exports and tariffs.", False),
])
def test_evidence_similarity(a, b, similar):
    ignore = {"armenia", "azerbaijan"}
    assert (dedup.evidence_similarity(a, b, ignore) >= 0.2) is similar
