"""Find where a referral happened without a network: landmarks, intersections, typed coordinates.

A small gazetteer of public places ships in ``resources/coverage`` (a JSON list of names, kinds,
aliases and approximate positions). :meth:`Gazetteer.search` matches what a worker types,
tolerating accents, case, typos, abbreviations ("St", "Ave", "MLK"), connectors ("&", "and",
"at") and either order of an intersection's streets. A typed "lat, lon" pair is understood too.
The boundary streets drawn on the offline map are read here as well (:func:`load_map_layers`).
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from rapidfuzz import fuzz

from lead_desktop.domain.text import fold
from lead_desktop.errors import Issue, ValidationError, issue
from lead_desktop.resources import resource_path

GAZETTEER_FILE = ("coverage", "baltimore-pilot-landmarks.json")
STREETS_FILE = ("coverage", "baltimore-pilot-streets.geojson")
KINDS = ("landmark", "intersection", "transit", "police", "hospital", "coordinates")
EARTH_RADIUS_M = 6_371_000.0
#: Matches scoring below this (0-100) are not offered.
MIN_SCORE = 60.0
_FIELD = "location"

# Spellings folded to one form before comparing ("Saint" and "Street" both become "st").
_ABBREV = {
    "street": "st",
    "str": "st",
    "saint": "st",
    "avenue": "ave",
    "av": "ave",
    "boulevard": "blvd",
    "bvd": "blvd",
    "road": "rd",
    "place": "pl",
    "drive": "dr",
    "lane": "ln",
    "square": "sq",
    "north": "n",
    "south": "s",
    "east": "e",
    "west": "w",
    "junior": "jr",
    "mount": "mt",
    "calle": "st",
    "avenida": "ave",
}
_EXPAND = {"mlk": ("martin", "luther", "king", "jr")}
# Words that join or frame a place name; they carry no meaning for matching.
_CONNECTORS = frozenset({"and", "at", "of", "the", "corner", "near", "by", "y", "esquina", "de"})
# Street-type words: matched when typed, but a name is not penalised for having them.
_GENERIC = frozenset({"st", "ave", "blvd", "rd", "pl", "dr", "ln", "sq", "n", "s", "e", "w"})

_NUMBER = r"[-+]?\d{1,3}(?:\.\d+)?"
_COORDS = re.compile(
    rf"^\s*({_NUMBER})\s*°?\s*([NSEWnsew])?\s*[,;\s]\s*({_NUMBER})\s*°?\s*([NSEWnsew])?\s*$"
)


@dataclass(frozen=True)
class Place:
    """A named place with an approximate position (WGS84 degrees)."""

    name: str
    lat: float
    lon: float
    kind: str = "landmark"
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True)
class PlaceMatch:
    """A place offered for what was typed, with how well it matched (0-100)."""

    place: Place
    score: float
    matched: str  # the name or alias that matched best


@dataclass(frozen=True)
class Street:
    """A street line drawn on the map: its name and (lon, lat) positions, GeoJSON order."""

    name: str
    points: tuple[tuple[float, float], ...]


@dataclass(frozen=True)
class MapLayers:
    """What the offline map draws besides the coverage polygon."""

    streets: tuple[Street, ...]
    landmarks: tuple[Place, ...]


def distance_m(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in metres (haversine)."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * EARTH_RADIUS_M * math.asin(min(1.0, math.sqrt(h)))


def format_lat_lon(lat: float, lon: float) -> str:
    """'39.29150, -76.62140' (five decimals: about one metre)."""
    return f"{lat:.5f}, {lon:.5f}"


def _signed(value: str, hemisphere: str | None, negative: str) -> float:
    number = float(value)
    if hemisphere and hemisphere.upper() == negative:
        number = -abs(number)
    return number


def parse_lat_lon(text: str) -> tuple[float, float] | None:
    """Read typed coordinates ("39.2915, -76.6214", "39.2915N 76.6214W"); None if not any.

    A pair given longitude first (GeoJSON order) is swapped when only that order makes sense
    (the first number is beyond 90 degrees, or the hemisphere letters say so).
    Raise ValidationError when the text is a pair of numbers that is not a position on Earth.
    """
    match = _COORDS.match(text)
    if match is None:
        return None
    a_text, a_hemi, b_text, b_hemi = match.groups()
    if "." not in a_text + b_text and not (a_hemi or b_hemi):
        return None  # "12 34" is more likely part of an address than a position
    if (a_hemi and a_hemi.upper() in "EW") or (b_hemi and b_hemi.upper() in "NS"):
        a_text, a_hemi, b_text, b_hemi = b_text, b_hemi, a_text, a_hemi
    lat = _signed(a_text, a_hemi, "S")
    lon = _signed(b_text, b_hemi, "W")
    if abs(lat) > 90 and abs(lon) <= 90 and not (a_hemi or b_hemi):
        lat, lon = lon, lat  # typed as "lon, lat"
    if abs(lat) > 90 or abs(lon) > 180:
        raise ValidationError(
            [
                issue(
                    _FIELD,
                    "{value} is not a position",
                    "type latitude then longitude, e.g. 39.2915, -76.6214",
                    value=repr(text.strip()),
                )
            ]
        )
    return lat, lon


def match_tokens(text: str) -> list[str]:
    """Fold text into the tokens place names are compared by."""
    out: list[str] = []
    for token in fold(text).split():
        if token in _CONNECTORS:
            continue
        expanded = _EXPAND.get(token)
        if expanded:
            out.extend(expanded)
        else:
            out.append(_ABBREV.get(token, token))
    return out


def _token_score(query: str, words: Sequence[str]) -> float:
    best = 0.0
    for word in words:
        if word == query:
            return 100.0
        if len(query) >= 2 and word.startswith(query):
            best = max(best, 92.0)
        elif len(query) >= 3 and not query.isdigit():
            ratio = float(fuzz.ratio(query, word))
            if ratio >= 75:
                best = max(best, ratio)
    return best


def score_name(query: Sequence[str], name: Sequence[str]) -> float:
    """How well typed tokens match a name's tokens (0-100); order does not matter.

    Street-type words ("st", "w") and house numbers count only against a name when missing
    (a small penalty); at least one real word has to match.
    """
    if not query or not name:
        return 0.0
    scores: list[float] = []
    penalty = 0.0
    for token in query:
        value = _token_score(token, name)
        if token.isdigit() or token in _GENERIC:
            penalty += 0.0 if value else 10.0
            continue
        scores.append(value)
    if not scores or max(scores) == 0.0:
        return 0.0
    meaningful = [w for w in name if w not in _GENERIC and not w.isdigit()] or list(name)
    covered = sum(1 for w in meaningful if any(_token_score(q, [w]) > 0 for q in query))
    coverage = covered / len(meaningful)
    return max(0.0, 0.8 * (sum(scores) / len(scores)) + 20.0 * coverage - penalty)


class Gazetteer:
    """Named places of one site, searchable by tolerant matching."""

    def __init__(self, places: Iterable[Place]) -> None:
        self._places = tuple(places)
        self._index = [
            (place, [(label, match_tokens(label)) for label in (place.name, *place.aliases)])
            for place in self._places
        ]

    @classmethod
    def from_json(cls, source: str | bytes | Mapping[str, Any]) -> Gazetteer:
        """Read the gazetteer format: {"places": [{"name", "kind", "lat", "lon", "aliases"}]}."""
        data = json.loads(source) if isinstance(source, str | bytes) else source
        raw = data.get("places") if isinstance(data, Mapping) else None
        if not isinstance(raw, list):
            raise ValidationError(
                [issue("gazetteer", 'has no "places" list', "use the format of the shipped file")]
            )
        issues: list[Issue] = []
        places: list[Place] = []
        for n, item in enumerate(raw, 1):
            try:
                place = Place(
                    name=str(item["name"]).strip(),
                    lat=float(item["lat"]),
                    lon=float(item["lon"]),
                    kind=str(item.get("kind", "landmark")),
                    aliases=tuple(str(a) for a in item.get("aliases") or ()),
                )
            except (KeyError, TypeError, ValueError):
                issues.append(issue(f"gazetteer place {n}", "lacks a name, lat or lon", "add them"))
                continue
            if not place.name or abs(place.lat) > 90 or abs(place.lon) > 180:
                issues.append(
                    issue(f"gazetteer place {n}", "has no name or an impossible position", "fix it")
                )
                continue
            places.append(place)
        if issues:
            raise ValidationError(issues)
        return cls(places)

    @classmethod
    def from_file(cls, path: str | Path) -> Gazetteer:
        """Read a gazetteer JSON file."""
        return cls.from_json(Path(path).read_bytes())

    @property
    def places(self) -> tuple[Place, ...]:
        """Every place, in file order."""
        return self._places

    def search(self, text: str, *, limit: int = 8) -> list[PlaceMatch]:
        """Places matching what was typed, best first; typed coordinates come back as one match.

        Raise ValidationError for a pair of numbers that is not a position.
        """
        coords = parse_lat_lon(text)
        if coords is not None:
            lat, lon = coords
            label = format_lat_lon(lat, lon)
            return [PlaceMatch(Place(label, lat, lon, "coordinates"), 100.0, label)]
        query = match_tokens(text)
        if not query:
            return []
        found: list[PlaceMatch] = []
        for place, labels in self._index:
            best = max(((score_name(query, toks), label) for label, toks in labels), default=None)
            if best is not None and best[0] >= MIN_SCORE:
                found.append(PlaceMatch(place, round(best[0], 1), best[1]))
        found.sort(key=lambda m: (-m.score, m.place.name))
        return found[:limit]

    def nearest(
        self, lat: float, lon: float, *, within_m: float = 150.0
    ) -> tuple[Place, float] | None:
        """The closest named place within ``within_m`` metres, with its distance."""
        best: tuple[Place, float] | None = None
        for place in self._places:
            d = distance_m(lat, lon, place.lat, place.lon)
            if d <= within_m and (best is None or d < best[1]):
                best = (place, d)
        return best


@lru_cache(maxsize=1)
def load_default_gazetteer() -> Gazetteer:
    """The shipped gazetteer (resources/coverage/baltimore-pilot-landmarks.json)."""
    return Gazetteer.from_file(resource_path(*GAZETTEER_FILE))


def map_layers_from_geojson(source: str | bytes | Mapping[str, Any]) -> MapLayers:
    """Read named LineStrings (streets) and Points (landmarks) from a GeoJSON collection."""
    data = json.loads(source) if isinstance(source, str | bytes) else source
    streets: list[Street] = []
    landmarks: list[Place] = []
    features = data.get("features") if isinstance(data, Mapping) else None
    for feature in features if isinstance(features, list) else []:
        geometry = feature.get("geometry") or {}
        props = feature.get("properties") or {}
        name = str(props.get("name") or "").strip()
        coords = geometry.get("coordinates")
        kind = geometry.get("type")
        if kind == "LineString" and isinstance(coords, list):
            points = tuple((float(p[0]), float(p[1])) for p in coords if len(p) >= 2)
            if len(points) >= 2:
                streets.append(Street(name, points))
        elif kind == "MultiLineString" and isinstance(coords, list):
            for line in coords:
                points = tuple((float(p[0]), float(p[1])) for p in line if len(p) >= 2)
                if len(points) >= 2:
                    streets.append(Street(name, points))
        elif kind == "Point" and isinstance(coords, list) and len(coords) >= 2:
            landmarks.append(Place(name, float(coords[1]), float(coords[0]), "landmark"))
    return MapLayers(tuple(streets), tuple(landmarks))


@lru_cache(maxsize=1)
def load_map_layers() -> MapLayers:
    """The shipped boundary streets and reference landmarks for the offline map."""
    return map_layers_from_geojson(resource_path(*STREETS_FILE).read_bytes())
