"""What lies near a feature: distances in UTM zone 52N (EPSG:32652), found with a spatial index."""

from __future__ import annotations

import math
from dataclasses import dataclass
from weakref import WeakKeyDictionary

import geopandas as gpd

from hegang_atlas.model.atlas import Atlas
from hegang_atlas.model.derived import METRIC_CRS


@dataclass(frozen=True)
class ProximityHit:
    """A feature within the asked distance of the chosen one."""

    layer_id: str
    feature_id: str
    name: str
    distance_km: float


_METRIC: WeakKeyDictionary[Atlas, dict[str, gpd.GeoSeries]] = WeakKeyDictionary()


def metric_geometry(atlas: Atlas, layer_id: str) -> gpd.GeoSeries:
    """A layer's geometry in EPSG:32652, cached per atlas until ``atlas.events.layers`` fires.

    Parameters
    ----------
    atlas
        The atlas holding the layer.
    layer_id
        The layer.

    Returns
    -------
    geopandas.GeoSeries
        Indexed by feature id, in metres.
    """
    cache = _METRIC.get(atlas)
    if cache is None:
        cache = _METRIC[atlas] = {}
        atlas.events.layers.connect(cache.clear)
    if layer_id not in cache:
        cache[layer_id] = atlas.layer(layer_id).frame.geometry.to_crs(METRIC_CRS)
    return cache[layer_id]


def within(
    atlas: Atlas, layer_id: str, feature_id: str, distance_km: float, layers: list[str] | None = None
) -> list[ProximityHit]:
    """Features within ``distance_km`` of one feature, nearest first.

    Candidates come from each layer's spatial index (``dwithin``, which is exact, unlike a
    polygonal buffer that cuts off the circle between its vertices); distances are shapely's
    shortest distance between the geometries in EPSG:32652.

    Parameters
    ----------
    atlas
        The atlas.
    layer_id, feature_id
        The feature to measure from.
    distance_km
        Largest distance included, in km (the edge counts as within).
    layers
        Layer ids to search; by default every other layer. The feature itself is never a hit.

    Returns
    -------
    list of ProximityHit
        Sorted by distance, then layer and feature id.

    Raises
    ------
    KeyError
        When a layer or the feature does not exist.
    ValueError
        When ``distance_km`` is negative or not a number.
    """
    metres = float(distance_km) * 1000.0
    if not (math.isfinite(metres) and metres >= 0):
        raise ValueError(f"distance must be a number of km >= 0, not {distance_km!r}")
    if feature_id not in atlas.layer(layer_id):
        raise KeyError(f"no feature '{feature_id}' in layer '{layer_id}'")
    origin = metric_geometry(atlas, layer_id)[feature_id]
    targets = layers if layers is not None else [lid for lid in atlas.order if lid != layer_id]
    hits = []
    for target in targets:
        geometry = metric_geometry(atlas, target)
        candidates = geometry.iloc[geometry.sindex.query(origin, predicate="dwithin", distance=metres)]
        layer = atlas.layer(target)
        for fid, metres_away in candidates.distance(origin).items():
            if (target, fid) != (layer_id, feature_id) and metres_away <= metres:
                hits.append(ProximityHit(target, fid, layer.feature(fid).name, metres_away / 1000.0))
    return sorted(hits, key=lambda h: (h.distance_km, h.layer_id, h.feature_id))
