"""Proximity against an independent computation: pyproj Transformer + shapely distance in a loop."""

import math

import numpy as np
import pytest
import shapely
from pyproj import Transformer

from hegang_atlas.model import load_atlas
from hegang_atlas.model.proximity import metric_geometry, within
from tests.minimal_atlas import feature, write_atlas, write_geojson

TO_UTM = Transformer.from_crs("EPSG:4326", "EPSG:32652", always_xy=True)
MINE_A = (130.30, 47.35)

WELLS = """
id = "wells"
title = "Wells"
group = "context"
geometry = "Point"
data = "wells.geojson"
"""


def to_utm(geom):
    return shapely.transform(geom, lambda xy: np.column_stack(TO_UTM.transform(xy[:, 0], xy[:, 1])))


def independent(atlas, layer_id, feature_id, km, layers=None):
    """{(layer, feature): km} for every feature within ``km``, by brute force."""
    origin = to_utm(atlas.layer(layer_id).frame.geometry[feature_id])
    found = {}
    for lid in layers if layers is not None else [i for i in atlas.order if i != layer_id]:
        for fid, geom in atlas.layer(lid).frame.geometry.items():
            metres = to_utm(geom).distance(origin)
            if (lid, fid) != (layer_id, feature_id) and metres <= km * 1000:
                found[(lid, fid)] = metres / 1000
    return found


def assert_matches(hits, expected):
    assert {(h.layer_id, h.feature_id): h.distance_km for h in hits} == pytest.approx(expected, rel=1e-9, abs=1e-9)
    assert [h.distance_km for h in hits] == sorted(h.distance_km for h in hits)


def utm_offset(metres, angle):
    """A (lon, lat) ``metres`` from mine A at ``angle`` radians, measured in UTM 52N."""
    x0, y0 = TO_UTM.transform(*MINE_A)
    return list(TO_UTM.transform(x0 + metres * math.cos(angle), y0 + metres * math.sin(angle), direction="INVERSE"))


@pytest.fixture
def small(tmp_path):
    layers, geodata = write_atlas(tmp_path)
    (layers / "wells.toml").write_text(WELLS, encoding="utf-8")
    # a polygonal buffer of 1 km is inscribed in the circle: between its vertices it misses 999 m
    write_geojson(geodata / "wells.geojson", [
        feature("w-in", {"type": "Point", "coordinates": utm_offset(999.0, math.pi / 64)}),
        feature("w-out", {"type": "Point", "coordinates": utm_offset(1001.0, 0.0)}),
        feature("w-far", {"type": "Point", "coordinates": utm_offset(30_000.0, 1.0)}),
    ])
    return load_atlas(layers=layers, geodata=geodata)


@pytest.mark.parametrize("km", [0.0, 0.5, 1.0, 2.0, 30.0, 80.0, 500.0])
def test_matches_brute_force_for_every_feature(small, km):
    for layer in small.layers:
        for fid in layer.feature_ids():
            assert_matches(within(small, layer.id, fid, km), independent(small, layer.id, fid, km))


def test_distance_just_inside_the_circle_is_found(small):
    hits = within(small, "coal_mines", "mine-a", 1.0, layers=["wells"])
    assert [(h.feature_id, h.name) for h in hits] == [("w-in", "W-In")]
    assert hits[0].distance_km == pytest.approx(0.999, abs=1e-6)


def test_chosen_layers_and_the_feature_itself(small):
    hits = within(small, "coal_mines", "mine-a", 500, layers=["coal_mines"])
    assert [h.feature_id for h in hits] == ["mine-b"]
    assert_matches(hits, independent(small, "coal_mines", "mine-a", 500, ["coal_mines"]))
    assert within(small, "coal_mines", "mine-a", 500, layers=[]) == []


def test_metric_geometry_cache_follows_layer_changes(small):
    villages = small.layer("villages")
    first = metric_geometry(small, "villages")
    assert metric_geometry(small, "villages") is first
    small.remove_layer("villages")
    assert ("villages", "v-near") not in {(h.layer_id, h.feature_id) for h in within(small, "coal_mines", "mine-a", 5)}
    small.add_layer(villages)
    assert metric_geometry(small, "villages") is not first
    assert any(h.feature_id == "v-near" for h in within(small, "coal_mines", "mine-a", 5))


@pytest.mark.parametrize("km", [-1, float("nan"), float("inf")])
def test_bad_distance(small, km):
    with pytest.raises(ValueError, match="distance"):
        within(small, "coal_mines", "mine-a", km)


def test_unknown_feature_or_layer(small):
    with pytest.raises(KeyError, match="no feature 'x'"):
        within(small, "coal_mines", "x", 1)
    with pytest.raises(KeyError, match="no layer 'nope'"):
        within(small, "coal_mines", "mine-a", 1, layers=["nope"])


def test_demolished_villages_near_the_xinxing_mine(atlas):
    """On the bundled data: villages within 3 km of Xinxing, checked by brute force."""
    [mine] = [f.id for f in atlas.layer("coal_mines").features() if "Xinxing" in f.name]
    hits = within(atlas, "coal_mines", mine, 3.0, layers=["demolished_villages"])
    assert_matches(hits, independent(atlas, "coal_mines", mine, 3.0, ["demolished_villages"]))
    assert hits
    assert len(hits) < len(atlas.layer("demolished_villages"))
