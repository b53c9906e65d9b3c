"""Build the Leaflet page from the atlas with folium: ``build_map(atlas) -> folium.Map``.

Feature data reaches the page as JSON inside a script element (``</`` escaped), and the page's
JavaScript (``atlas.js``) only ever puts data values into the DOM as text nodes.

In the app (``served=True``), big layers (:func:`hegang_atlas.model.viewport.is_big`) are not
inlined: ``biglayers.js`` draws them on canvas from ``atlas://app/features/<layer>``, view by
view. Standalone pages (the HTML export) inline every layer.
"""

from __future__ import annotations

import json
from importlib import resources
from typing import Any

import folium
import shapely
from branca.element import Element, MacroElement

from hegang_atlas.model.atlas import Atlas
from hegang_atlas.model.definitions import legend
from hegang_atlas.model.layers import Layer, clean
from hegang_atlas.model.viewport import is_big
from hegang_atlas.page.basemaps import Basemap

ASSET_BASE = "atlas://app/"
FEATURES_PATH = "features/"
HEGANG = (47.35, 130.30)


def script_json(value: Any) -> str:
    """JSON safe to place inside ``<script>``: no ``</``, no raw U+2028/2029."""
    return json.dumps(value, ensure_ascii=True, separators=(",", ":")).replace("</", "<\\/")


def _page_file(name: str) -> str:
    return resources.files("hegang_atlas.page").joinpath(name).read_text(encoding="utf-8")


def layer_payload(layer: Layer, lang: str = "en") -> dict[str, Any]:
    """What the page needs of a layer: style, and per feature its id, names and style keys."""
    by = layer.definition.style.by
    features = []
    frame = layer.frame
    for fid, row in frame.iterrows():
        props = {
            "id": str(fid),
            "name": str(clean(row.get("name")) or fid),
            "name_zh": clean(row.get("name_zh")),
            "q": clean(row.get("position_quality")),
        }
        if by is not None:
            value = clean(row.get(by.field))
            props["cat"] = None if value is None else str(value)
        features.append({"type": "Feature", "id": str(fid), "properties": props, "geometry": shapely.geometry.mapping(row.geometry)})
    return {**_layer_header(layer, lang), "data": {"type": "FeatureCollection", "features": features}}


def _layer_header(layer: Layer, lang: str) -> dict[str, Any]:
    definition = layer.definition
    style = definition.style
    by = style.by
    return {
        "id": layer.id,
        "title": definition.title.get(lang),
        "group": definition.group,
        "geometry": definition.geometry,
        "labels": definition.labels,
        "style": {
            "base": style.leaflet(),
            "by": {k: v.leaflet() for k, v in by.values.items()} if by else {},
            "quality": {k: v.leaflet() for k, v in style.quality.items()},
        },
        "legend": [[label, entry] for label, entry in legend(definition, layer.qualities(), lang)],
    }


def big_layer_payload(layer: Layer, lang: str = "en") -> dict[str, Any]:
    """What the page needs of a big layer up front: its style and size; features come per view."""
    return {**_layer_header(layer, lang), "count": len(layer)}


def page_state(atlas: Atlas, lang: str = "en", *, served: bool = False) -> dict[str, Any]:
    """Everything the page draws: layers bottom to top, visibility, opacity, the first view.

    With ``served``, big layers are left out of ``layers`` and listed in ``big`` instead, and
    ``order`` gives every layer id bottom to top.
    """
    s, w, n, e = initial_bounds(atlas)
    big = {layer.id for layer in atlas.layers if served and is_big(layer)}
    state = {
        "layers": [layer_payload(layer, lang) for layer in atlas.layers if layer.id not in big],
        "visible": dict(atlas.visible),
        "opacity": dict(atlas.opacity),
        "bounds": [s, w, n, e],
    }
    if served:
        state["big"] = [big_layer_payload(layer, lang) for layer in atlas.layers if layer.id in big]
        state["order"] = atlas.order
    return state


def initial_bounds(atlas: Atlas) -> tuple[float, float, float, float]:
    """South, west, north, east of the prefecture outline (else of every layer)."""
    if atlas.has_layer("prefecture"):
        frame = atlas.layer("prefecture").frame
    else:
        import pandas as pd

        frame = pd.concat([layer.frame.geometry for layer in atlas.layers])
    w, s, e, n = frame.total_bounds
    return float(s), float(w), float(n), float(e)


class Raw(Element):
    """Markup inserted as it is: rendered once, never parsed as a Jinja template.

    branca renders a MacroElement's macros and then parses their output as a template again, so
    data inside a macro would be evaluated (``{{ ... }}`` in a feature name). Data goes through
    this class instead.
    """

    def __init__(self, markup: str) -> None:
        super().__init__()
        self.markup = markup

    def render(self, **kwargs: Any) -> str:
        return self.markup


class AtlasLayers(MacroElement):
    """The one element that brings the atlas's data and JavaScript into the folium map."""

    def __init__(self, state: dict[str, Any], basemap: Basemap | None, features_url: str | None = None) -> None:
        super().__init__()
        self._name = "AtlasLayers"
        self.state = state
        self.basemap = basemap
        self.features_url = features_url

    def render(self, **kwargs: Any) -> None:
        figure = self.get_root()
        figure.header.add_child(Raw(f"<style>{_page_file('atlas.css')}</style>"), name="atlas_css")
        fmap, state, basemap = self._parent.get_name(), script_json(self.state), script_json(basemap_payload(self.basemap))
        if self.features_url is None:
            code = [_page_file("atlas.js"), f"window.hegangAtlas = HegangAtlas({fmap}, {state}, {basemap});"]
        else:
            code = [
                _page_file("atlas.js"),
                _page_file("biglayers.js"),
                f"(function (state) {{ window.hegangAtlas = HegangBigLayers(HegangAtlas({fmap}, state, {basemap}), "
                f"state, {script_json(self.features_url)}); }})({state});",
            ]
        figure.script.add_child(Raw("\n".join(code)), name=self.get_name())


def basemap_payload(basemap: Basemap | None) -> dict[str, Any] | None:
    if basemap is None:
        return None
    return {"url": basemap.url, "attribution": basemap.attribution, "maxZoom": basemap.max_zoom}


def build_map(atlas: Atlas, basemap: Basemap | None = None, *, asset_base: str = ASSET_BASE, lang: str = "en",
              served: bool = False) -> folium.Map:
    """The map page as a folium Map: Leaflet from ``asset_base``, no tiles unless asked.

    Parameters
    ----------
    atlas
        The model; the page shows its layers, visibility and opacity as they are now.
    basemap
        Web tiles to show, or ``None`` for none (the page then needs no network).
    asset_base
        Where ``leaflet/leaflet.js`` and ``leaflet/leaflet.css`` are served.
    lang
        Language of titles and legends.
    served
        Big layers are drawn from ``<asset_base>features/<layer>`` (the app's scheme handler
        answers) instead of being inlined.
    """
    fmap = folium.Map(location=HEGANG, zoom_start=8, tiles=None, control_scale=True)
    fmap.default_js = [("leaflet", asset_base + "leaflet/leaflet.js")]
    fmap.default_css = [("leaflet_css", asset_base + "leaflet/leaflet.css")]
    fmap.get_root().header.add_child(Element('<meta name="referrer" content="no-referrer">'), name="referrer")
    features_url = asset_base + FEATURES_PATH if served else None
    AtlasLayers(page_state(atlas, lang, served=served), basemap, features_url).add_to(fmap)
    return fmap


def render_html(atlas: Atlas, basemap: Basemap | None = None, **kwargs: Any) -> str:
    """The page as one HTML string (see :func:`build_map`)."""
    return build_map(atlas, basemap, **kwargs).get_root().render()
