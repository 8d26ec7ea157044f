"""Tests for the coverage-area check."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from lead_desktop.domain.coverage import CoverageArea, load_default
from lead_desktop.errors import ValidationError
from lead_desktop.resources import resource_path

SQUARE = [[0.0, 0.0], [10.0, 0.0], [10.0, 10.0], [0.0, 10.0], [0.0, 0.0]]
HOLE = [[4.0, 4.0], [6.0, 4.0], [6.0, 6.0], [4.0, 6.0], [4.0, 4.0]]


@pytest.mark.parametrize(
    ("lat", "lon", "inside"),
    [
        (39.2915, -76.6214, True),  # Lexington Market
        (39.2887, -76.6246, True),  # UMMC
        (39.2975, -76.6155, False),  # Mount Vernon Place
        (39.2839, -76.6217, False),  # Camden Yards
    ],
)
def test_baltimore_reference_points(lat: float, lon: float, inside: bool) -> None:
    assert load_default().contains(lat, lon) is inside


def test_default_area_properties_and_streets_file() -> None:
    area = load_default()
    assert area.name == "Baltimore LEAD pilot area"
    south, west, north, east = area.bounds
    assert south < 39.2915 < north and west < -76.6214 < east
    streets = json.loads(resource_path("coverage", "baltimore-pilot-streets.geojson").read_text())
    for feature in streets["features"]:
        if feature["geometry"]["type"] == "Point":
            lon, lat = feature["geometry"]["coordinates"]
            assert area.contains(lat, lon) is feature["properties"]["inside"]
    names = {f["properties"]["name"] for f in streets["features"]}
    assert {"Lexington Market", "Pratt Street", "Franklin Street"} <= names


def test_polygon_with_hole_and_boundaries() -> None:
    area = CoverageArea.from_geojson({"type": "Polygon", "coordinates": [SQUARE, HOLE]})
    assert area.contains(2, 2)
    assert not area.contains(5, 5)  # in the hole
    assert area.contains(4, 5)  # on the hole's edge
    assert area.contains(0, 5)  # on the outer edge
    assert area.contains(10, 10)  # on a corner
    assert not area.contains(10.001, 5)
    assert not area.contains(-1, -1)


def test_multipolygon_and_feature_collection() -> None:
    far = [[[20.0, 20.0], [30.0, 20.0], [30.0, 30.0], [20.0, 30.0], [20.0, 20.0]]]
    text = json.dumps(
        {
            "type": "FeatureCollection",
            "features": [
                {
                    "type": "Feature",
                    "properties": {"name": "Points"},
                    "geometry": {"type": "Point", "coordinates": [1, 1]},
                },
                {
                    "type": "Feature",
                    "properties": {"name": "Two parts"},
                    "geometry": {"type": "MultiPolygon", "coordinates": [[SQUARE], far]},
                },
            ],
        }
    )
    area = CoverageArea.from_geojson(text)
    assert area.name == "Two parts"
    assert area.contains(25, 25) and area.contains(5, 5)
    assert not area.contains(15, 15)
    assert area.bounds == (0, 0, 30, 30)
    stored = area.to_geojson()
    assert stored["geometry"]["type"] == "MultiPolygon"
    again = CoverageArea.from_geojson(json.dumps(stored))
    assert again.polygons == area.polygons and again.name == "Two parts"


def test_lon_lat_order_is_geojson() -> None:
    area = CoverageArea.from_geojson(
        {"type": "Polygon", "coordinates": [[[-77, 39], [-76, 39], [-76, 40], [-77, 39]]]}
    )
    assert area.contains(39.1, -76.2)
    assert not area.contains(-76.2, 39.1)


def test_unclosed_ring_is_closed() -> None:
    area = CoverageArea.from_geojson({"type": "Polygon", "coordinates": [SQUARE[:4]]})
    assert area.polygons[0][0][-1] == area.polygons[0][0][0]
    assert area.contains(5, 5)
    assert area.to_geojson()["geometry"]["type"] == "Polygon"


def _problems(source: object) -> list[str]:
    with pytest.raises(ValidationError) as info:
        CoverageArea.from_geojson(source)  # type: ignore[arg-type]
    return [issue.problem for issue in info.value.issues]


def test_bad_inputs_name_the_problem() -> None:
    assert "not valid JSON" in _problems("{not json")[0]
    assert "not valid JSON" in _problems('{"type": NaN}')[0]
    assert "no Polygon" in _problems({"type": "Point", "coordinates": [1, 2]})[0]
    assert (
        "LineString"
        in _problems(
            {
                "type": "Feature",
                "properties": None,
                "geometry": {"type": "LineString", "coordinates": [[0, 0], [1, 1]]},
            }
        )[0]
    )
    assert "fewer than 4" in _problems({"type": "Polygon", "coordinates": [[[0, 0], [1, 1]]]})[0]
    assert "not a GeoJSON object" in _problems("[]")[0]
    assert "no GeoJSON" in _problems({"coordinates": []})[0]
    assert "no rings" in _problems({"type": "Polygon", "coordinates": []})[0]
    assert "fewer than 4" in _problems({"type": "Polygon", "coordinates": [[]]})[0]


def test_out_of_range_coordinates_suggest_swapping() -> None:
    with pytest.raises(ValidationError) as info:
        CoverageArea.from_geojson(
            {"type": "Polygon", "coordinates": [[[39, -76], [39, -200], [40, -76], [39, -76]]]}
        )
    issue = info.value.issues[0]
    assert "out of range" in issue.problem
    assert "position 2" in issue.problem
    with pytest.raises(ValidationError) as info:
        CoverageArea.from_geojson(
            {"type": "Polygon", "coordinates": [[[0, 95], [1, 0], [1, 1], [0, 95]]]}
        )
    assert "swap" in info.value.issues[0].fix


def test_non_numeric_positions() -> None:
    problems = _problems(
        {"type": "Polygon", "coordinates": [[[0, 0], ["a", 1], [1, 1], [True, 0], [0, 0]]]}
    )
    assert len(problems) == 2
    assert "position 2" in problems[0] and "position 4" in problems[1]


def test_from_file_and_env_override(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = tmp_path / "coverage"
    folder.mkdir()
    (folder / "baltimore-pilot.geojson").write_text(
        json.dumps({"type": "Polygon", "coordinates": [SQUARE]}), encoding="utf-8"
    )
    monkeypatch.setenv("LEAD_RESOURCES", str(tmp_path))
    assert resource_path("coverage") == folder
    area = load_default()
    assert area.contains(5, 5) and area.name == "Coverage area"
    with pytest.raises(ValidationError):
        CoverageArea.from_file(tmp_path / "missing.geojson")
