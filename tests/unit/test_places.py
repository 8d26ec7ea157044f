"""Finding a place offline: landmarks and intersections as people type them, or coordinates."""

from __future__ import annotations

import pytest

from lead_desktop.domain.coverage import load_default
from lead_desktop.domain.places import (
    Gazetteer,
    distance_m,
    format_lat_lon,
    load_default_gazetteer,
    load_map_layers,
    map_layers_from_geojson,
    parse_lat_lon,
)
from lead_desktop.errors import ValidationError


def top(text: str) -> str:
    found = load_default_gazetteer().search(text)
    return found[0].place.name if found else ""


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("Lexington Market", "Lexington Market"),
        ("lexngton markt", "Lexington Market"),  # typos
        ("LEXINGTON MKT", "Lexington Market"),
        ("ummc", "University of Maryland Medical Center"),  # alias
        ("shock trauma", "University of Maryland Medical Center"),
        ("light & pratt", "Pratt St & Light St"),  # either order, "&"
        ("Pratt and Light Street", "Pratt St & Light St"),
        ("MLK at Franklin", "Franklin St & Martin Luther King Jr Blvd"),
        ("Saint Paul and Franklin", "Franklin St & St. Paul St"),
        ("400 Cathedral Street", "Enoch Pratt Free Library, Central Library"),
        ("central booking", "Baltimore Central Booking and Intake Center"),
        ("Mercado Lexington", "Lexington Market"),
        ("greene & baltimore", "Greene St & Baltimore St"),
    ],
)
def test_typed_names_find_the_place(typed: str, expected: str) -> None:
    assert top(typed) == expected


def test_nothing_found_for_unrelated_text_or_bare_street_words() -> None:
    gazetteer = load_default_gazetteer()
    assert gazetteer.search("José Núñez") == []
    assert gazetteer.search("st") == []
    assert gazetteer.search("   ") == []


def test_an_unknown_address_offers_the_street_s_intersections_lower() -> None:
    found = load_default_gazetteer().search("215 W Saratoga St")
    assert found and all("Saratoga" in m.place.name for m in found)
    assert all(m.score < 100 for m in found)


def test_results_are_ranked_and_limited() -> None:
    found = load_default_gazetteer().search("lexington", limit=3)
    assert len(found) == 3
    assert [m.score for m in found] == sorted((m.score for m in found), reverse=True)


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("39.2915, -76.6214", (39.2915, -76.6214)),
        ("39.2915 -76.6214", (39.2915, -76.6214)),
        ("39.2915;-76.6214", (39.2915, -76.6214)),
        ("39.2915N 76.6214W", (39.2915, -76.6214)),
        ("76.6214 W, 39.2915 N", (39.2915, -76.6214)),
        ("-122.3321, 47.6062", (47.6062, -122.3321)),  # longitude first, unambiguous
    ],
)
def test_typed_coordinates(typed: str, expected: tuple[float, float]) -> None:
    assert parse_lat_lon(typed) == pytest.approx(expected)
    match = load_default_gazetteer().search(typed)[0]
    assert match.place.kind == "coordinates"
    assert (match.place.lat, match.place.lon) == pytest.approx(expected)


def test_not_coordinates_and_impossible_coordinates() -> None:
    assert parse_lat_lon("Lexington Market") is None
    assert parse_lat_lon("400 12") is None  # looks like an address, not a position
    with pytest.raises(ValidationError) as caught:
        parse_lat_lon("95.5, 200.1")
    assert caught.value.issues[0].field == "location"


def test_the_shipped_gazetteer_has_places_inside_and_outside_the_area() -> None:
    area = load_default()
    places = load_default_gazetteer().places
    assert 30 <= len(places) <= 60
    inside = [p.name for p in places if area.contains(p.lat, p.lon)]
    outside = [p.name for p in places if not area.contains(p.lat, p.lon)]
    assert "Lexington Market" in inside and "Mount Vernon Place" in outside
    assert len(inside) >= 15 and len(outside) >= 15
    assert {p.kind for p in places} <= {"landmark", "intersection", "transit", "police", "hospital"}
    assert any(p.kind == "police" for p in places)


def test_nearest_place_and_distance() -> None:
    gazetteer = load_default_gazetteer()
    near = gazetteer.nearest(39.29155, -76.62135)
    assert near is not None and near[0].name == "Lexington Market" and near[1] < 20
    assert gazetteer.nearest(39.40, -76.40) is None
    # One thousandth of a degree of latitude is about 111 m.
    assert distance_m(39.29, -76.62, 39.291, -76.62) == pytest.approx(111.2, abs=0.5)
    assert format_lat_lon(39.2915, -76.6214) == "39.29150, -76.62140"


def test_a_bad_gazetteer_is_refused_with_every_problem() -> None:
    with pytest.raises(ValidationError) as caught:
        Gazetteer.from_json({"places": [{"name": "A"}, {"name": "", "lat": 1, "lon": 2}]})
    assert [i.field for i in caught.value.issues] == ["gazetteer place 1", "gazetteer place 2"]
    with pytest.raises(ValidationError):
        Gazetteer.from_json("{}")


def test_map_layers_read_the_boundary_streets() -> None:
    layers = load_map_layers()
    names = {s.name for s in layers.streets}
    assert {"Franklin Street", "Pratt Street"} <= names
    assert len(layers.streets) == 4
    assert {p.name for p in layers.landmarks} >= {"Lexington Market"}
    multi = map_layers_from_geojson(
        {
            "type": "FeatureCollection",
            "features": [
                {
                    "type": "Feature",
                    "properties": {"name": "Two parts"},
                    "geometry": {
                        "type": "MultiLineString",
                        "coordinates": [[[0, 0], [1, 1]], [[2, 2], [3, 3]]],
                    },
                }
            ],
        }
    )
    assert [s.name for s in multi.streets] == ["Two parts", "Two parts"]
