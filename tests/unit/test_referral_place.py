"""A referral's place: a real latitude and longitude, or a refusal naming the field."""

from __future__ import annotations

import pytest

from lead_desktop.domain.casework import validate_referral
from lead_desktop.errors import ValidationError


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("lat", "nan"),
        ("lon", "inf"),
        ("lat", "-Infinity"),
        ("lat", 91),
        ("lon", -180.5),
        ("lat", "x"),
    ],
)
def test_a_place_that_is_no_place_is_refused(field: str, value: object) -> None:
    with pytest.raises(ValidationError) as refused:
        validate_referral({field: value}, partial=True)
    assert [i.field for i in refused.value.issues] == [field]
    assert "pick the place on the map" in refused.value.issues[0].fix


def test_a_real_place_is_kept() -> None:
    got = validate_referral({"lat": "39.2915", "lon": -76.6214}, partial=True)
    assert (got["lat"], got["lon"]) == (39.2915, -76.6214)
