"""The offline map: click or keys place the pin; the page says plainly whether it is in the area."""

from __future__ import annotations

import math

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QLabel, QLineEdit, QListWidget, QPushButton
from pytestqt.qtbot import QtBot

from lead_desktop import services
from lead_desktop.domain.places import distance_m, load_default_gazetteer, load_map_layers
from lead_desktop.ui.context import AppContext
from lead_desktop.ui.coverage_map import CoverageMap
from lead_desktop.ui.wizard.page_location import LocationPage

LEXINGTON_MARKET = (39.2915, -76.6214)
CAMDEN_YARDS = (39.2839, -76.6217)


@pytest.fixture
def page(qtbot: QtBot, ctx: AppContext) -> LocationPage:
    assert ctx.store is not None
    shown = LocationPage(ctx)
    qtbot.addWidget(shown)
    shown.set_data(services.coverage_area(ctx.store), load_default_gazetteer(), load_map_layers())
    shown.resize(900, 560)
    shown.show()
    qtbot.waitExposed(shown)
    return shown


def the_map(page: LocationPage) -> CoverageMap:
    found = page.findChild(CoverageMap, "coverage_map")
    assert found is not None
    return found


def result_text(page: LocationPage) -> str:
    label = page.findChild(QLabel, "area_result_text")
    assert label is not None
    return label.text()


def decline_button(page: LocationPage) -> QPushButton:
    button = page.findChild(QPushButton, "decline_outside")
    assert button is not None
    return button


def click_at(qtbot: QtBot, page: LocationPage, lat: float, lon: float) -> list[tuple[float, float]]:
    chosen: list[tuple[float, float]] = []
    the_map(page).sig_point_chosen.connect(lambda a, b: chosen.append((a, b)))
    spot = the_map(page).to_screen(lat, lon)
    qtbot.mouseClick(
        the_map(page), Qt.MouseButton.LeftButton, pos=QPoint(round(spot.x()), round(spot.y()))
    )
    return chosen


def test_nothing_chosen_says_how_to_choose(page: LocationPage) -> None:
    assert "No place chosen yet" in result_text(page)
    assert not decline_button(page).isVisible()


def test_a_click_inside_the_polygon_shows_in_area(qtbot: QtBot, page: LocationPage) -> None:
    chosen = click_at(qtbot, page, *LEXINGTON_MARKET)
    assert len(chosen) == 1
    lat, lon = chosen[0]
    assert distance_m(lat, lon, *LEXINGTON_MARKET) < 15  # within a couple of pixels
    assert "Inside the LEAD area" in result_text(page)
    assert not decline_button(page).isVisible()
    text = page.findChild(QLineEdit, "location_text")
    assert text is not None and text.text() == "Near Lexington Market"
    assert page.values()["in_area"] is True


def test_a_click_outside_shows_out_of_area_and_offers_to_decline(
    qtbot: QtBot, page: LocationPage
) -> None:
    click_at(qtbot, page, *CAMDEN_YARDS)
    assert "Outside the LEAD area" in result_text(page)
    assert "cannot be accepted" in result_text(page)
    assert decline_button(page).isVisible()
    with qtbot.waitSignal(page.sig_decline_outside, timeout=1000):
        qtbot.mouseClick(decline_button(page), Qt.MouseButton.LeftButton)
    assert page.values()["in_area"] is False


def test_keyboard_only_pin_placement(qtbot: QtBot, page: LocationPage) -> None:
    the_map(page).setFocus()
    chosen: list[tuple[float, float]] = []
    the_map(page).sig_point_chosen.connect(lambda a, b: chosen.append((a, b)))
    for _ in range(8):  # far south, past Pratt Street
        qtbot.keyClick(the_map(page), Qt.Key.Key_Down, Qt.KeyboardModifier.ShiftModifier)
    assert chosen == [] and "No place chosen yet" in result_text(page)  # moving is not placing
    qtbot.keyClick(the_map(page), Qt.Key.Key_Return)
    assert len(chosen) == 1 and "Outside the LEAD area" in result_text(page)
    south = chosen[0][0]
    for _ in range(30):  # back north into the area, one small step at a time
        qtbot.keyClick(the_map(page), Qt.Key.Key_Up)
    qtbot.keyClick(the_map(page), Qt.Key.Key_Enter)
    assert len(chosen) == 2 and chosen[1][0] > south
    assert "Inside the LEAD area" in result_text(page)
    qtbot.keyClick(the_map(page), Qt.Key.Key_Right)
    assert the_map(page).pin() is not None and not the_map(page).is_placed()


def test_finding_a_landmark_places_the_pin(qtbot: QtBot, page: LocationPage) -> None:
    search = page.findChild(QLineEdit, "place_search")
    results = page.findChild(QListWidget, "place_results")
    assert search is not None and results is not None
    qtbot.keyClicks(search, "lexngton markt")
    assert results.count() >= 1 and results.item(0).text().startswith("Lexington Market")
    qtbot.keyClick(search, Qt.Key.Key_Return)
    assert the_map(page).pin() == pytest.approx(LEXINGTON_MARKET)
    assert "Inside the LEAD area" in result_text(page)
    text = page.findChild(QLineEdit, "location_text")
    assert text is not None and text.text() == "Lexington Market"


def test_typed_coordinates_and_bad_ones(qtbot: QtBot, page: LocationPage) -> None:
    search = page.findChild(QLineEdit, "place_search")
    assert search is not None
    qtbot.keyClicks(search, "95.5, 200.1")
    error = page.findChild(QLabel, "error_search_text")
    assert error is not None and "not a position" in error.text()
    search.clear()
    qtbot.keyClicks(search, "39.2839, -76.6217")
    qtbot.keyClick(search, Qt.Key.Key_Return)
    assert "Outside the LEAD area" in result_text(page)


def test_no_match_says_what_to_try(qtbot: QtBot, page: LocationPage) -> None:
    search = page.findChild(QLineEdit, "place_search")
    empty = page.findChild(QLabel, "place_results_empty")
    assert search is not None and empty is not None
    qtbot.keyClicks(search, "zzzz qqqq")
    assert empty.isVisible() and "No place found" in empty.text()


def test_the_projection_keeps_the_aspect(qtbot: QtBot, page: LocationPage) -> None:
    map_ = the_map(page)
    map_.resize(800, 300)
    lat, lon = LEXINGTON_MARKET
    north = map_.to_screen(lat + 0.001, lon)
    east_deg = 0.001 / math.cos(math.radians(lat))  # the same ground distance east
    east = map_.to_screen(lat, lon + east_deg)
    here = map_.to_screen(lat, lon)
    assert abs(here.y() - north.y()) == pytest.approx(abs(east.x() - here.x()), rel=0.01)
    back = map_.to_geo(here)
    assert back is not None and back == pytest.approx((lat, lon))


def test_the_map_draws_with_a_pin(qtbot: QtBot, page: LocationPage) -> None:
    the_map(page).set_pin(*LEXINGTON_MARKET)
    image = the_map(page).grab().toImage()
    assert not image.isNull() and image.width() > 100
