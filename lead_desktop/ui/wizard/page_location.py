"""Step 2: where the referral happened, on the offline map or by name, and whether that is
inside the program's area."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from lead_desktop.domain.coverage import CoverageArea
from lead_desktop.domain.places import Gazetteer, MapLayers, format_lat_lon
from lead_desktop.errors import ValidationError
from lead_desktop.ui import labels
from lead_desktop.ui.context import AppContext
from lead_desktop.ui.coverage_map import AreaResult, CoverageMap
from lead_desktop.ui.wizard.base import Page, issue_text

_PLACE = Qt.ItemDataRole.UserRole


class LocationPage(Page):
    """The map, a place finder, and the in-area result in words."""

    page_id = "location"

    sig_decline_outside = Signal()
    """The worker chose to record this out-of-area referral as declined."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.area: CoverageArea | None = None
        self.gazetteer: Gazetteer | None = None
        self._pin: tuple[float, float] | None = None
        self._auto_text = True  # the description was filled in for the worker, not typed

        body = QHBoxLayout()
        self.outer.addLayout(body, 1)
        self.map = CoverageMap()
        self.map.sig_point_chosen.connect(self.on_map_point_chosen)
        map_column = QVBoxLayout()
        map_column.addWidget(self.map, 1)
        map_column.addWidget(self.error_for("pin", self.map))
        body.addLayout(map_column, 3)

        side = QVBoxLayout()
        body.addLayout(side, 2)
        find_label = QLabel(self.tr("&Find a place:"))
        self.search = QLineEdit()
        self.search.setObjectName("place_search")
        self.search.setAccessibleName(self.tr("Find a place"))
        self.search.setPlaceholderText(self.tr("Landmark, intersection, or 39.2915, -76.6214"))
        self.search.setClearButtonEnabled(True)
        find_label.setBuddy(self.search)
        side.addWidget(find_label)
        side.addWidget(self.search)
        side.addWidget(self.error_for("search", self.search))
        self.results = QListWidget()
        self.results.setObjectName("place_results")
        self.results.setAccessibleName(self.tr("Places found"))
        rows = self.results.fontMetrics().lineSpacing() * 9  # about nine places, at any scale
        self.results.setMaximumHeight(rows + 2 * self.results.frameWidth())
        side.addWidget(self.results, 1)
        self.no_results = QLabel()
        self.no_results.setObjectName("place_results_empty")
        self.no_results.setWordWrap(True)
        side.addWidget(self.no_results)

        text_label = QLabel(self.tr("&Where exactly:"))
        self.location_text = QLineEdit()
        self.location_text.setObjectName("location_text")
        self.location_text.setAccessibleName(self.tr("Where exactly"))
        self.location_text.setPlaceholderText(
            self.tr("e.g. north side of the market, by the bus stop")
        )
        text_label.setBuddy(self.location_text)
        side.addWidget(text_label)
        side.addWidget(self.location_text)
        side.addWidget(self.error_for("location_text", self.location_text))

        self.result = AreaResult()
        side.addWidget(self.result)
        side.addWidget(self.error_for("in_area", self.map))
        self.coordinates = QLabel()
        self.coordinates.setObjectName("location_coordinates")
        self.coordinates.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByKeyboard)
        side.addWidget(self.coordinates)
        self.decline_button = QPushButton(self.tr("Record as declined: &outside the area"))
        self.decline_button.setObjectName("decline_outside")
        self.decline_button.setAccessibleName(self.tr("Record as declined: outside the area"))
        self.decline_button.hide()
        self.decline_button.clicked.connect(self.on_decline_button_clicked)
        side.addWidget(self.decline_button)
        side.addStretch()

        self.search.textChanged.connect(self.on_search_text_changed)
        self.search.returnPressed.connect(self.on_search_return_pressed)
        self.results.itemActivated.connect(self.on_results_item_activated)
        self.results.itemClicked.connect(self.on_results_item_activated)
        self.location_text.textEdited.connect(self.on_location_text_edited)
        self.watch(self.location_text, self.search)
        self.setTabOrder(self.map, self.search)
        self.setTabOrder(self.search, self.results)
        self.setTabOrder(self.results, self.location_text)
        self.setTabOrder(self.location_text, self.decline_button)
        self._refresh()
        self.on_search_text_changed("")

    def title(self) -> str:
        """The step's name."""
        return self.tr("Location")

    def set_data(self, area: CoverageArea, gazetteer: Gazetteer, layers: MapLayers) -> None:
        """The program's area and the places to find (loaded off the GUI thread)."""
        self.area, self.gazetteer = area, gazetteer
        self.map.set_area(area, layers)
        if self._pin is not None:
            self.map.set_pin(*self._pin)
        self._refresh()
        self.on_search_text_changed(self.search.text())

    @property
    def in_area(self) -> bool | None:
        """Whether the chosen place is inside the area (None: no place, or no area yet)."""
        if self._pin is None or self.area is None:
            return None
        return self.area.contains(*self._pin)

    # -- choosing a place ----------------------------------------------------------------

    @Slot(float, float)
    def on_map_point_chosen(self, lat: float, lon: float) -> None:
        """The worker clicked the map or placed the pin with the keys."""
        self._pin = (lat, lon)
        if self._auto_text or not self.location_text.text().strip():
            near = self.gazetteer.nearest(lat, lon) if self.gazetteer else None
            text = self.tr("Near {0}").format(near[0].name) if near else format_lat_lon(lat, lon)
            self.location_text.setText(text)
            self._auto_text = True
        self._refresh()
        self.edited()

    @Slot(str)
    def on_search_text_changed(self, text: str) -> None:
        """List the places matching what is typed."""
        self.results.clear()
        self.error_for("search", self.search).clear()
        if not text.strip():
            self.no_results.setText(
                self.tr("Type a landmark, an intersection or coordinates, or click the map.")
            )
            self.no_results.show()
            return
        if self.gazetteer is None:
            return
        try:
            found = self.gazetteer.search(text)
        except ValidationError as exc:
            issue = exc.issues[0]
            self.error_for("search", self.search).show_message(
                issue_text(*labels.issue_text(issue))
            )
            found = []
        for match in found:
            place = match.place
            inside = self.area.contains(place.lat, place.lon) if self.area else None
            where = {True: self.tr("inside"), False: self.tr("outside"), None: ""}[inside]
            item = QListWidgetItem(f"{place.name} ({where})" if where else place.name)
            item.setData(_PLACE, (place.lat, place.lon, place.name))
            self.results.addItem(item)
        self.no_results.setText(
            self.tr("No place found. Try a landmark or an intersection, or click the map.")
        )
        self.no_results.setVisible(not found)
        if found:
            self.results.setCurrentRow(0)

    @Slot()
    def on_search_return_pressed(self) -> None:
        """Enter in the search box takes the best match."""
        item = self.results.currentItem() or self.results.item(0)
        if item is not None:
            self.on_results_item_activated(item)

    @Slot(QListWidgetItem)
    def on_results_item_activated(self, item: QListWidgetItem) -> None:
        """Put the pin on the chosen place."""
        lat, lon, name = item.data(_PLACE)
        self._pin = (float(lat), float(lon))
        self.map.set_pin(*self._pin)
        if self._auto_text or not self.location_text.text().strip():
            self.location_text.setText(name)
            self._auto_text = True
        self._refresh()
        self.edited()

    @Slot()
    def on_decline_button_clicked(self) -> None:
        """Go to the decision with the reason "outside the area"."""
        self.sig_decline_outside.emit()

    @Slot(str)
    def on_location_text_edited(self, _text: str) -> None:
        """The worker wrote the description themselves: keep it."""
        self._auto_text = False

    def _refresh(self) -> None:
        inside = self.in_area
        self.result.show_result(inside)
        self.decline_button.setVisible(inside is False)
        if self._pin is None:
            self.coordinates.setText("")
        else:
            self.coordinates.setText(
                self.tr("Latitude, longitude: {0}").format(format_lat_lon(*self._pin))
            )
        self.error_for("pin", self.map).clear()
        self.error_for("in_area", self.map).clear()

    # -- values and drafts ---------------------------------------------------------------

    def values(self) -> dict[str, Any]:
        """The referral fields this page holds."""
        lat, lon = self._pin if self._pin else (None, None)
        return {
            "location_text": self.location_text.text().strip() or None,
            "lat": lat,
            "lon": lon,
            "in_area": self.in_area,
        }

    def state(self) -> dict[str, Any]:
        """Every field, for the draft."""
        return {**self.values(), "auto_text": self._auto_text, "query": self.search.text()}

    def set_state(self, state: dict[str, Any]) -> None:
        """Put the pin, the description and the search back."""
        lat, lon = state.get("lat"), state.get("lon")
        self._pin = (float(lat), float(lon)) if lat is not None and lon is not None else None
        if self._pin is not None:
            self.map.set_pin(*self._pin)
        else:
            self.map.clear_pin()
        self.location_text.setText(state.get("location_text") or "")
        self._auto_text = bool(state.get("auto_text", True))
        self.search.setText(state.get("query") or "")
        self._refresh()
