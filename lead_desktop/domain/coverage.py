"""The program's coverage area: a GeoJSON (Multi)Polygon and a point-in-area test."""

from __future__ import annotations

import itertools
import json
import math
from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any, NamedTuple

from lead_desktop.errors import Issue, ValidationError
from lead_desktop.resources import resource_path

DEFAULT_NAME = "Coverage area"
DEFAULT_FILE = ("coverage", "baltimore-pilot.geojson")
_EPS = 1e-9  # degrees, about 0.1 mm: points this close to an edge are on the boundary
_MAX_ISSUES = 20
_PAIR = 2
_MIN_RING = 4  # three corners plus the first repeated
_MAX_LON = 180.0
_MAX_LAT = 90.0
_FIELD = "coverage area"
_IMPORT_FIX = "export the area as GeoJSON from a mapping tool (geojson.io, QGIS) and import that"
_SWAP_FIX = "GeoJSON positions are [longitude, latitude]; swap the two numbers"
_RANGE_FIX = "use longitude -180..180 and latitude -90..90 (WGS84 degrees)"
_RING_FIX = "a ring needs at least 3 corners plus the first corner repeated at the end"

Position = tuple[float, float]  # (lon, lat), GeoJSON order
Ring = tuple[Position, ...]
Polygon = tuple[Ring, ...]  # outer ring first, then holes


class Bounds(NamedTuple):
    """A bounding box in degrees."""

    south: float
    west: float
    north: float
    east: float


def _issue(problem: str, fix: str = _IMPORT_FIX) -> Issue:
    return Issue(field=_FIELD, problem=problem, fix=fix)


def _fail(problem: str, fix: str = _IMPORT_FIX) -> ValidationError:
    return ValidationError([_issue(problem, fix)])


def _reject_constant(name: str) -> float:
    raise ValueError(f"{name} is not a number")


def _load(source: str | bytes | Mapping[str, Any]) -> Mapping[str, Any]:
    if isinstance(source, Mapping):
        return source
    if isinstance(source, bytes):
        try:
            source = source.decode("utf-8-sig")
        except UnicodeDecodeError:
            raise _fail("the file is not UTF-8 text") from None
    try:
        obj = json.loads(source.lstrip("\ufeff"), parse_constant=_reject_constant)
    except json.JSONDecodeError as exc:
        where = f"line {exc.lineno}, column {exc.colno}"
        raise _fail(f"not valid JSON ({exc.msg} at {where})") from None
    except ValueError as exc:
        raise _fail(f"not valid JSON ({exc})") from None
    if not isinstance(obj, Mapping):
        raise _fail("the JSON is not a GeoJSON object")
    return obj


def _geometries(obj: Mapping[str, Any]) -> Iterator[tuple[Mapping[str, Any], Mapping[str, Any]]]:
    """Yield (geometry, properties) for every geometry in a GeoJSON object."""
    kind = obj.get("type")
    if kind == "FeatureCollection":
        features = obj.get("features")
        for feature in features if isinstance(features, list) else []:
            if isinstance(feature, Mapping):
                yield from _geometries(feature)
    elif kind == "Feature":
        geometry, props = obj.get("geometry"), obj.get("properties")
        if isinstance(geometry, Mapping):
            for inner, _ in _geometries(geometry):
                yield inner, props if isinstance(props, Mapping) else {}
    elif kind == "GeometryCollection":
        parts = obj.get("geometries")
        for part in parts if isinstance(parts, list) else []:
            if isinstance(part, Mapping):
                yield from _geometries(part)
    elif isinstance(kind, str):
        yield obj, {}


def _pair(pos: object) -> Position | None:
    """Return (lon, lat) from a GeoJSON position, or None if it is not two finite numbers."""
    if not isinstance(pos, Sequence) or isinstance(pos, str) or len(pos) < _PAIR:
        return None
    lon, lat = pos[0], pos[1]
    numbers = all(isinstance(v, int | float) and not isinstance(v, bool) for v in (lon, lat))
    if not numbers or not (math.isfinite(lon) and math.isfinite(lat)):
        return None
    return float(lon), float(lat)


def _in_range(lon: float, lat: float) -> bool:
    return -_MAX_LON <= lon <= _MAX_LON and -_MAX_LAT <= lat <= _MAX_LAT


def _clean_ring(raw: object, where: str, issues: list[Issue]) -> Ring:
    if not isinstance(raw, Sequence) or isinstance(raw, str):
        issues.append(_issue(f"{where} is not a list of positions"))
        return ()
    ring: list[Position] = []
    known = len(issues)
    for n, pos in enumerate(raw, start=1):
        at = f"{where}, position {n}"
        pair = _pair(pos)
        if pair is None:
            issues.append(_issue(f"{at} is not a [longitude, latitude] pair of numbers"))
        elif not _in_range(*pair):
            fix = _SWAP_FIX if _in_range(pair[1], pair[0]) else _RANGE_FIX
            issues.append(_issue(f"{at} [{pair[0]}, {pair[1]}] is out of range", fix))
        else:
            ring.append(pair)
    if ring and ring[0] != ring[-1]:
        ring.append(ring[0])  # close the ring: GeoJSON repeats the first position last
    if len(ring) < _MIN_RING and len(issues) == known:
        issues.append(_issue(f"{where} has fewer than 4 positions", _RING_FIX))
    return tuple(ring)


def _clean_polygons(raw: Sequence[object]) -> tuple[Polygon, ...]:
    issues: list[Issue] = []
    polygons: list[Polygon] = []
    for p, rings in enumerate(raw, start=1):
        if not isinstance(rings, Sequence) or isinstance(rings, str) or not rings:
            issues.append(_issue(f"polygon {p} has no rings"))
            continue
        polygons.append(
            tuple(
                _clean_ring(ring, f"polygon {p}, ring {r}", issues)
                for r, ring in enumerate(rings, 1)
            )
        )
    if not polygons and not issues:
        issues.append(_issue("no polygon found", "draw the area as a polygon"))
    if issues:
        extra = len(issues) - _MAX_ISSUES
        issues = issues[:_MAX_ISSUES]
        if extra > 0:
            issues.append(_issue(f"{extra} more problems", "fix the ones above first"))
        raise ValidationError(issues)
    return tuple(polygons)


def _on_segment(x: float, y: float, a: Position, b: Position) -> bool:
    (x1, y1), (x2, y2) = a, b
    length = math.hypot(x2 - x1, y2 - y1)
    if abs((x2 - x1) * (y - y1) - (y2 - y1) * (x - x1)) > _EPS * max(length, 1e-300):
        return False
    return (
        min(x1, x2) - _EPS <= x <= max(x1, x2) + _EPS
        and min(y1, y2) - _EPS <= y <= max(y1, y2) + _EPS
    )


def _locate(ring: Ring, x: float, y: float) -> int:
    """Return 0 if (x, y) is on the ring, 1 if inside it, -1 if outside (ray casting)."""
    inside = False
    for a, b in itertools.pairwise(ring):
        if _on_segment(x, y, a, b):
            return 0
        (x1, y1), (x2, y2) = a, b
        if (y1 > y) != (y2 > y) and x < x1 + (y - y1) * (x2 - x1) / (y2 - y1):
            inside = not inside
    return 1 if inside else -1


def _polygon_contains(polygon: Polygon, x: float, y: float) -> bool:
    where = _locate(polygon[0], x, y)
    if where <= 0:
        return where == 0
    for hole in polygon[1:]:
        where = _locate(hole, x, y)
        if where >= 0:
            return where == 0  # on a hole's edge counts as inside; inside a hole is outside
    return True


class CoverageArea:
    """An area referrals must come from; holes and several parts are supported."""

    def __init__(
        self,
        polygons: Sequence[object],
        name: str = DEFAULT_NAME,
        properties: Mapping[str, Any] | None = None,
    ) -> None:
        """Build from GeoJSON-style polygon coordinates ([lon, lat]); raise ValidationError."""
        self._polygons = _clean_polygons(polygons)
        self._name = name.strip() or DEFAULT_NAME
        self._properties = dict(properties or {})
        lons = [x for poly in self._polygons for x, _ in poly[0]]
        lats = [y for poly in self._polygons for _, y in poly[0]]
        self._bounds = Bounds(min(lats), min(lons), max(lats), max(lons))

    @classmethod
    def from_geojson(cls, source: str | bytes | Mapping[str, Any]) -> CoverageArea:
        """Read a FeatureCollection, Feature, Polygon or MultiPolygon (text or parsed)."""
        obj = _load(source)
        if not isinstance(obj.get("type"), str):
            raise _fail('the JSON has no GeoJSON "type"')
        polygons: list[object] = []
        props: Mapping[str, Any] | None = None
        others: set[str] = set()
        for geometry, geometry_props in _geometries(obj):
            kind, coords = geometry.get("type"), geometry.get("coordinates")
            if kind not in ("Polygon", "MultiPolygon"):
                others.add(str(kind))
                continue
            if not isinstance(coords, list):
                raise _fail(f"a {kind} has no coordinates list")
            polygons.extend([coords] if kind == "Polygon" else coords)
            props = geometry_props if props is None else props
        if not polygons:
            found = f" (found: {', '.join(sorted(others))})" if others else ""
            raise _fail(
                f"no Polygon or MultiPolygon in the file{found}",
                "draw the area as a polygon and export it as GeoJSON",
            )
        props = props or {}
        name = props.get("name")
        return cls(polygons, name if isinstance(name, str) else DEFAULT_NAME, props)

    @classmethod
    def from_file(cls, path: str | Path) -> CoverageArea:
        """Read a GeoJSON file."""
        try:
            data = Path(path).read_bytes()
        except OSError as exc:
            raise _fail(
                f"the file cannot be read ({exc.strerror})", "choose an existing GeoJSON file"
            ) from None
        return cls.from_geojson(data)

    @property
    def name(self) -> str:
        """Return the area's display name."""
        return self._name

    @property
    def bounds(self) -> Bounds:
        """Return the bounding box (south, west, north, east)."""
        return self._bounds

    @property
    def polygons(self) -> tuple[Polygon, ...]:
        """Return the polygons as rings of (lon, lat) positions, outer ring first."""
        return self._polygons

    def contains(self, lat: float, lon: float) -> bool:
        """Return True if the point is inside the area or on its boundary."""
        s, w, n, e = self._bounds
        if not (s - _EPS <= lat <= n + _EPS and w - _EPS <= lon <= e + _EPS):
            return False
        return any(_polygon_contains(poly, lon, lat) for poly in self._polygons)

    def to_geojson(self) -> dict[str, Any]:
        """Return a GeoJSON Feature (Polygon, or MultiPolygon if several parts) for storage."""
        parts = [[[list(pos) for pos in ring] for ring in poly] for poly in self._polygons]
        geometry: dict[str, Any] = (
            {"type": "Polygon", "coordinates": parts[0]}
            if len(parts) == 1
            else {"type": "MultiPolygon", "coordinates": parts}
        )
        return {
            "type": "Feature",
            "properties": {**self._properties, "name": self._name},
            "geometry": geometry,
        }


def load_default() -> CoverageArea:
    """Read the shipped default area (resources/coverage/baltimore-pilot.geojson)."""
    return CoverageArea.from_file(resource_path(*DEFAULT_FILE))
