"""Program settings: defaults, a full round trip, and refusal that writes nothing."""

from __future__ import annotations

from dataclasses import replace

import pytest

from lead_desktop import settings
from lead_desktop.errors import ValidationError
from lead_desktop.store.store import Store


def test_defaults_until_an_administrator_saves(store: Store) -> None:
    current = settings.load(store)
    assert current.idle_minutes == 10
    assert current.per_worker_max == 25
    changed = replace(
        current,
        idle_minutes=5,
        exclusion_items=("Carrying over 3 g", "Under 18"),
        program=settings.Program(name="Baltimore LEAD", phone="410-555-0100"),
    )
    settings.save(store, changed)
    assert settings.load(store) == changed


def test_bad_values_are_refused_by_field_and_nothing_is_written(store: Store) -> None:
    bad = replace(settings.load(store), idle_minutes=45, per_worker_max=0)
    with pytest.raises(ValidationError) as caught:
        settings.save(store, bad)
    fields = {i.field for i in caught.value.issues}
    assert fields == {"idle_minutes", "per_worker_max"}
    assert settings.load(store).idle_minutes == 10
