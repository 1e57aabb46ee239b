"""English coder rules on real news sentences (PLOVER gold-standard style): one test per rule.

Where the coder is wrong today a test is ``xfail(strict=True)`` with the reason."""
from __future__ import annotations

from .test_events import code, countries, of_type, one, sector


def test_result_clause_is_the_same_attack():
    # ", killing or wounding 50" reports the outcome of the shelling: one ASSAULT, not two
    ev = code("Vietnamese-led forces launched artillery, mortar, and rocket fire against Kampuchean guerrilla "
              "camps near the eastern Thai border today, killing or wounding 50, Thai military sources said.", "en")
    assert len(of_type(ev, "ASSAULT")) == 1


def test_former_official_is_elite():
    # PLOVER manual: ELI = "former government officials who currently do not hold positions"
    e = one(code("An Argentine judge has ordered former president Carlos Menem to appear October 16 for "
                 "questioning, court sources said Wednesday.", "en"), "REQUEST")
    assert (countries(e.target), sector(e.target)) == ("ARG", "ELI")
