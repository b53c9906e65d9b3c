"""The straightforward approach that the app is measured against.

A folium page with every layer's GeoJSON inlined (``folium.GeoJson``, Leaflet's default SVG
renderer), rebuilt and reloaded whenever anything changes (a selection's highlight, a layer
toggled, a file added); and, for a person's file, ``GeoDataFrame.explore()``. The pages load the
same offline Leaflet from the app's ``atlas:`` scheme into the same locked-down ``MapView`` and
post the same "click" and "ready" messages, so what differs is the approach only.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

import folium
import geopandas as gpd
from branca.element import MacroElement
from folium.utilities import JsCode
from jinja2 import Template

from hegang_atlas.model.atlas import Atlas
from hegang_atlas.page.builder import ASSET_BASE, HEGANG, initial_bounds

HIGHLIGHT = {"color": "#00c8ff", "weight": 5, "opacity": 1, "fill": False}
USER_STYLE = {
    "point": {"color": "#222222", "weight": 1, "fillColor": "#d95f02", "fillOpacity": 0.85, "radius": 6},
    "shape": {"color": "#d95f02", "weight": 2, "fillColor": "#d95f02", "fillOpacity": 0.3},
}
CLICK_JS = """function (feature, layer) {
  layer.on("click", function (e) {
    L.DomEvent.stopPropagation(e);
    document.dispatchEvent(new CustomEvent("hegang-atlas-message",
      {detail: JSON.stringify({type: "click", layer: %s, feature: String(feature.properties.id)})}));
  });
}"""


class Announce(MacroElement):
    """Last in the page: names the map ``window.benchMap`` and posts ``ready``."""

    _template = Template("""{% macro script(this, kwargs) %}
window.benchMap = {{ this._parent.get_name() }};
document.dispatchEvent(new CustomEvent("hegang-atlas-message", {detail: '{"type": "ready"}'}));
{% endmacro %}""")


@dataclass
class NaiveLayer:
    """A layer as the straightforward page knows it: id, features (``id``, ``name``), style."""

    id: str
    frame: gpd.GeoDataFrame
    style: dict

    @classmethod
    def from_file(cls, layer_id: str, path) -> NaiveLayer:
        """Read a person's file with ``geopandas.read_file``, as a script would."""
        frame = gpd.read_file(path)
        points = frame.geom_type.isin(["Point", "MultiPoint"]).all()
        frame = frame.assign(id=frame.index.astype(str))
        return cls(layer_id, frame[["id", "name", "geometry"]], USER_STYLE["point" if points else "shape"])


def atlas_layers(atlas: Atlas) -> list[NaiveLayer]:
    """The atlas's layers, bottom to top, with their base styles."""
    return [
        NaiveLayer(layer.id, layer.frame[["name", "geometry"]].reset_index(), layer.definition.style.leaflet())
        for layer in atlas.layers
    ]


def local_leaflet(fmap: folium.Map, base: str = ASSET_BASE) -> folium.Map:
    """Load Leaflet (only) from ``base`` instead of folium's CDN list."""
    fmap.default_js = [("leaflet", base + "leaflet/leaflet.js")]
    fmap.default_css = [("leaflet_css", base + "leaflet/leaflet.css")]
    return fmap


def _points(frame: gpd.GeoDataFrame) -> bool:
    return bool(frame.geom_type.isin(["Point", "MultiPoint"]).all())


def folium_map(atlas: Atlas, layers: list[NaiveLayer], *, hidden=frozenset(), selection=None) -> folium.Map:
    """The whole map as one folium page: every visible layer inlined, the selection outlined."""
    fmap = local_leaflet(folium.Map(location=HEGANG, zoom_start=8, tiles=None))
    for layer in layers:
        if layer.id in hidden:
            continue
        points = _points(layer.frame)
        marker = folium.CircleMarker(radius=layer.style.get("radius", 6)) if points else None
        style = {"fill": True, **layer.style} if points else layer.style  # folium's markers default to no fill
        folium.GeoJson(layer.frame, name=layer.id, style_function=lambda _, s=style: s, marker=marker,
                       on_each_feature=JsCode(CLICK_JS % json.dumps(layer.id))).add_to(fmap)
    if selection is not None:
        frame = next(layer.frame for layer in layers if layer.id == selection[0])
        chosen = frame[frame["id"] == selection[1]]
        marker = folium.CircleMarker(radius=13) if _points(chosen) else None
        folium.GeoJson(chosen, style_function=lambda _: HIGHLIGHT, marker=marker).add_to(fmap)
    s, w, n, e = initial_bounds(atlas)
    fmap.fit_bounds([[s, w], [n, e]])
    Announce().add_to(fmap)
    return fmap


def explore_page(frame: gpd.GeoDataFrame) -> str:
    """A person's file as ``GeoDataFrame.explore()`` shows it (no web tiles, offline Leaflet)."""
    fmap = local_leaflet(frame.explore(tiles=None))
    Announce().add_to(fmap)
    return fmap.get_root().render()


class NaiveApp:
    """The straightforward app: any change rebuilds the folium page and reloads it.

    Parameters
    ----------
    atlas : Atlas
        The bundled layers; selection goes through it as in the app.
    view : MapView
        Shows the page; its bridge reports clicks.
    """

    def __init__(self, atlas: Atlas, view) -> None:
        self.atlas, self.view = atlas, view
        self.layers = atlas_layers(atlas)
        self.hidden: set[str] = set()
        self.selection: tuple[str, str] | None = None
        view.bridge.clicked.connect(self._on_clicked)

    def reload(self) -> None:
        """Build the page from scratch and load it."""
        html = folium_map(self.atlas, self.layers, hidden=self.hidden, selection=self.selection).get_root().render()
        self.view.show_html(html)

    def set_visible(self, layer_id: str, on: bool) -> None:
        (self.hidden.discard if on else self.hidden.add)(layer_id)
        self.reload()

    def add(self, layer: NaiveLayer) -> None:
        self.layers.append(layer)
        self.reload()

    def remove(self, layer_id: str) -> None:
        self.layers = [layer for layer in self.layers if layer.id != layer_id]
        self.reload()

    def _on_clicked(self, layer_id: str, feature_id: str) -> None:
        if self.atlas.has_layer(layer_id):
            self.atlas.select(layer_id, feature_id)
        self.selection = (layer_id, feature_id)
        self.reload()
