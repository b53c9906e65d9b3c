"""Keeps the live page in step with the model, and turns page messages into model changes.

One path from a click to the panels: page click -> Bridge.clicked -> atlas.select -> selection
event -> panels (and the highlight here). Nothing reloads the page except a change of layers.
Big layers (:mod:`hegang_atlas.model.viewport`) are served to the page view by view
(:class:`~hegang_atlas.qt.big_layers.BigLayers`); a click on one reaches Python as a map click,
which is identified against the full geometry and then takes the same path.
"""

from __future__ import annotations

import shapely
from PySide6.QtCore import QObject, Signal

from hegang_atlas.model.atlas import Atlas, Selection
from hegang_atlas.page import render_html
from hegang_atlas.page.basemaps import Basemap
from hegang_atlas.page.builder import basemap_payload
from hegang_atlas.qt.big_layers import BigLayers


class MapController(QObject):
    """Connects an :class:`Atlas` and a ``MapView``.

    Signals
    -------
    cursorMoved(lat, lon), viewChanged(view dict), mapClicked(lat, lon), ready()

    Attributes
    ----------
    big_layers : BigLayers
        Serves big layers to the page and identifies clicks on them.
    measuring : bool
        The page is measuring (``setMeasuring``): map clicks then place points, so they do not
        select big-layer features.
    """

    cursorMoved = Signal(float, float)
    viewChanged = Signal(object)
    mapClicked = Signal(float, float)
    ready = Signal()

    def __init__(self, atlas: Atlas, view, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.atlas = atlas
        self.view = view
        self.basemap: Basemap | None = None
        self.lang = "en"
        self.current_view: dict | None = None
        self.is_ready = False
        self.measuring = False
        self._pending: list[tuple[str, tuple]] = []
        self.big_layers = BigLayers(atlas, view.handler, self)
        bridge = view.bridge
        bridge.clicked.connect(self._on_clicked)
        bridge.doubleClicked.connect(self._on_double_clicked)
        bridge.mouseMoved.connect(self.cursorMoved)
        bridge.mapClicked.connect(self.mapClicked)
        bridge.mapClicked.connect(self._on_map_clicked)
        bridge.viewChanged.connect(self._on_view_changed)
        view.loadedAndReady.connect(self._on_ready)
        events = atlas.events
        events.visibility.connect(self._on_visibility)
        events.opacity.connect(self._on_opacity)
        events.order.connect(self._on_order)
        events.selection.connect(self._on_selection)
        events.layers.connect(self.reload)

    # -- page lifecycle ---------------------------------------------------------------------
    def reload(self) -> None:
        """Build the page from the model and load it (only when layers are added or removed)."""
        self.is_ready = False
        self._pending.clear()
        self.big_layers.forget_removed()
        html = render_html(self.atlas, self.basemap, lang=self.lang, served=True)
        self.view.page().set_tile_hosts(self.basemap.hosts if self.basemap else set())
        self.view.show_html(html)

    def _on_ready(self) -> None:
        self.is_ready = True
        if self.current_view:
            v = self.current_view
            self.view.call("setView", v["lat"], v["lon"], v["zoom"])
        if self.atlas.selection:
            self._on_selection(self.atlas.selection)
        pending, self._pending = self._pending, []
        for function, args in pending:
            self.view.call(function, *args)
        self.ready.emit()

    def call(self, function: str, *args) -> None:
        """Call the page API now, or as soon as the page is ready."""
        if function == "setMeasuring":
            self.measuring = bool(args[0])
        if self.is_ready:
            self.view.call(function, *args)
        else:
            self._pending.append((function, args))

    # -- model -> page ----------------------------------------------------------------------
    def _on_visibility(self, layer_id: str, visible: bool) -> None:
        self.call("setVisible", layer_id, visible)

    def _on_opacity(self, layer_id: str, opacity: float) -> None:
        self.call("setOpacity", layer_id, opacity)

    def _on_order(self, order: list[str]) -> None:
        self.call("setOrder", order)

    def _on_selection(self, selection: Selection | None) -> None:
        if selection is None:
            self.call("highlight", None, None)
        elif self.big_layers.is_big(selection.layer_id):
            geometry = self.atlas.layer(selection.layer_id).frame.geometry.loc[selection.feature_id]
            self.call("highlight", selection.layer_id, selection.feature_id, shapely.geometry.mapping(geometry))
        else:
            self.call("highlight", selection.layer_id, selection.feature_id)

    def set_basemap(self, basemap: Basemap | None) -> None:
        """Switch web tiles on the live page; the request filter follows the choice."""
        self.basemap = basemap
        self.view.page().set_tile_hosts(basemap.hosts if basemap else set())
        self.call("setBasemap", basemap_payload(basemap))

    def zoom_to_feature(self, layer_id: str, feature_id: str) -> None:
        if self.big_layers.is_big(layer_id):
            w, s, e, n = self.atlas.layer(layer_id).frame.geometry.loc[feature_id].bounds
            self.call("zoomToFeature", layer_id, feature_id, [s, w, n, e])
        else:
            self.call("zoomToFeature", layer_id, feature_id)

    def zoom_to_layer(self, layer_id: str) -> None:
        w, s, e, n = self.atlas.layer(layer_id).frame.total_bounds
        self.fly_to_bounds(s, w, n, e)

    def fly_to_bounds(self, s: float, w: float, n: float, e: float) -> None:
        self.call("flyToBounds", float(s), float(w), float(n), float(e))

    def fly_to(self, lat: float, lon: float, zoom: float) -> None:
        self.call("flyTo", lat, lon, zoom)

    # -- page -> model ----------------------------------------------------------------------
    def _on_clicked(self, layer_id: str, feature_id: str) -> None:
        if self.atlas.has_layer(layer_id) and feature_id in self.atlas.layer(layer_id):
            self.atlas.select(layer_id, feature_id)

    def _on_double_clicked(self, layer_id: str, feature_id: str) -> None:
        self._on_clicked(layer_id, feature_id)
        if self.atlas.selection:
            self.zoom_to_feature(layer_id, feature_id)

    def _on_map_clicked(self, lat: float, lon: float) -> None:
        if self.measuring or not self.current_view:
            return
        found = self.big_layers.hit(lat, lon, self.current_view["zoom"])
        if found is not None:
            self.atlas.select(*found)

    def _on_view_changed(self, lat: float, lon: float, zoom: float, bounds) -> None:
        self.current_view = {"lat": lat, "lon": lon, "zoom": zoom, "bounds": list(bounds)}
        self.viewChanged.emit(self.current_view)
