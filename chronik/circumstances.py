"""When and where: an event's date (its clause, the paragraph's last dated event, the
lede, the publication date) and place. Mixed into :class:`chronik.events.Coder`."""
from __future__ import annotations

from dataclasses import replace

from .dates import find_dates
from .model import Location, Sentence

_NOT_PLACES = frozenset("west east north south central new upper lower greater northern southern eastern western "
                        "region state province city town stadt region provinz".split())
_PLACE_PREPS = {"de": frozenset("in im nahe bei vor nach".split()), "en": frozenset("in near at outside".split())}




class CircumstanceMixin:
    """Needs ``self.code``, ``self.ref``, ``self.doc``, ``self.lede_date``, ``self.para_date``."""

    def _sentence_dates(self, sent: Sentence):
        """Date expressions of a sentence; the first day date of the body is the lede's date."""
        found = [d for d in find_dates(sent.text, self.code, self.ref) if d.precision in ("day", "week", "month")]
        past = [d for d in found if self._is_past(d.value)]
        if past and not sent.is_title and self.lede_date is None and past[0].precision == "day":
            self.lede_date = (past[0].value, past[0].precision)
        return found

    def _is_past(self, value: str) -> bool:
        return self.ref is None or value[:10] <= self.ref.isoformat()

    def _event_date(self, sent: Sentence, h: int, sdates) -> tuple[str | None, str | None]:
        """The event's own date: the nearest date in its clause (past dates first for what
        happened), else the date of the paragraph's last dated event, else the lede's date,
        else the publication date."""
        if sdates:
            tok_pos = sent.tokens[h].start - sent.start
            best = min(sdates, key=lambda d: (not self._is_past(d.value), abs(d.start - tok_pos)))
            if not sent.is_title:
                self.para_date[sent.paragraph] = (best.value, best.precision)
            return best.value, best.precision
        if sent.paragraph in self.para_date:
            return self.para_date[sent.paragraph]
        if self.lede_date is not None:
            return self.lede_date
        if self.doc.published:
            return self.doc.published, "day"
        return None, None

    def _is_demonym(self, word: str) -> bool:
        from .gazetteer import get_gazetteer

        e = get_gazetteer(self.code).lookup_phrase([word])
        return e is not None and e.kind == "adj"

    def _place(self, sent: Sentence, lo: int, hi: int, preps: frozenset[str] | None = None) -> Location | None:
        """The first known place after one of ``preps`` (default: the language's place prepositions)
        in tokens ``lo:hi``."""
        try:
            from .geo import Gazetteer as Places
        except ImportError:
            return None
        toks = sent.tokens
        places = Places.default()
        for k in range(max(0, lo - 1), hi):
            w = toks[k].text.casefold()
            if w not in (preps if preps is not None else _PLACE_PREPS.get(self.code, ())):
                continue
            j = k + 1
            while j < min(hi, k + 7) and (not toks[j].text[:1].isupper() or self._is_demonym(toks[j].text) and j + 1 < hi
                                           and toks[j + 1].text.islower()):
                j += 1  # "in the town of Cizre", "in der Region Karabach", "outside of the Iraqi city of Basra"
            run = j
            while run < hi and toks[run].text[:1].isupper() and run - j < 3:
                run += 1
            for length in range(run - j, 0, -1):  # "West Darfur State" before "West"
                for a in range(j, run - length + 1):
                    words = [t.text for t in toks[a : a + length]]
                    if length == 1 and (words[0].casefold() in _NOT_PLACES or self._is_demonym(words[0])):
                        continue  # "near the eastern Thai border"
                    loc = places.lookup(" ".join(words), self.code)
                    if loc is not None:
                        return replace(loc, text=self.doc.text[toks[a].start : toks[a + length - 1].end])
        return None
