"""The atlas's state and events, derived values, and that the core imports no Qt."""

import subprocess
import sys

import numpy as np
import pytest
import shapely
from pyproj import Geod, Transformer

from hegang_atlas.model import load_atlas
from tests.minimal_atlas import write_atlas


@pytest.fixture
def small(tmp_path):
    layers, geodata = write_atlas(tmp_path)
    return load_atlas(layers=layers, geodata=geodata)


def to_utm(geom):
    utm = Transformer.from_crs("EPSG:4326", "EPSG:32652", always_xy=True)
    return shapely.transform(geom, lambda xy: np.column_stack(utm.transform(xy[:, 0], xy[:, 1])))


def test_derived_area_and_nearest_mine_match_shapely(small):
    layer = small.layer("villages")
    mines = [to_utm(g) for g in small.layer("coal_mines").frame.geometry]
    for fid in layer.feature_ids():
        geom = to_utm(layer.frame.geometry[fid])
        feature = layer.feature(fid)
        assert feature.derived["area_km2"] == pytest.approx(geom.area / 1e6, rel=1e-9)
        assert feature.derived["nearest_mine_km"] == pytest.approx(min(geom.distance(m) for m in mines) / 1000, rel=1e-9)
    assert layer.feature("v-near").derived["nearest_mine_km"] < 2 < layer.feature("v-far").derived["nearest_mine_km"]


def test_derived_length_is_geodesic(small):
    line = small.layer("amur_border").frame.geometry["amur"]
    (lon1, lat1), (lon2, lat2) = line.coords
    _, _, metres = Geod(ellps="WGS84").inv(lon1, lat1, lon2, lat2)
    assert small.feature("amur_border", "amur").derived["length_km"] == pytest.approx(metres / 1000)


def test_selection_emits_once_and_clears(small):
    seen = []
    small.events.selection.connect(seen.append)
    small.select("coal_mines", "mine-a")
    small.select("coal_mines", "mine-a")
    small.clear_selection()
    assert [s and (s.layer_id, s.feature_id) for s in seen] == [("coal_mines", "mine-a"), None]


def test_select_unknown_feature_raises(small):
    with pytest.raises(KeyError, match="no feature 'x'"):
        small.select("coal_mines", "x")


def test_visibility_opacity_order_events(small):
    seen = []
    small.events.visibility.connect(lambda *a: seen.append(("visible", *a)))
    small.events.opacity.connect(lambda *a: seen.append(("opacity", *a)))
    small.events.order.connect(lambda order: seen.append(("order", tuple(order))))
    small.set_visible("villages", False)
    small.set_visible("villages", False)
    small.set_opacity("villages", 1.7)  # clamped to 1.0, which it already is: no event
    small.set_opacity("villages", 0.4)
    small.set_order(["coal_mines", "villages", "amur_border"])
    assert seen == [
        ("visible", "villages", False),
        ("opacity", "villages", 0.4),
        ("order", ("coal_mines", "villages", "amur_border")),
    ]
    with pytest.raises(ValueError):
        small.set_order(["coal_mines"])


def test_feature_view_cleans_values(small):
    mine = small.feature("coal_mines", "mine-b")
    assert mine.properties["status"] is None
    assert mine.position_quality == "approximate"
    assert small.feature("coal_mines", "mine-a").claims == ("c-one",)


def test_qualities_are_the_position_qualities_present(small):
    for layer in small.layers:
        present = {str(q) for q in layer.frame["position_quality"] if isinstance(q, str)}
        assert layer.qualities() == present
        layer.qualities().clear()  # callers get a copy of what is kept
        assert layer.qualities() == present


def test_removing_a_layer_clears_its_selection(small):
    small.select("villages", "v-near")
    small.remove_layer("villages")
    assert small.selection is None
    assert "villages" not in small.order


def test_core_imports_no_qt():
    code = (
        "import sys, hegang_atlas, hegang_atlas.model, hegang_atlas.page, hegang_atlas.cli;"
        "hegang_atlas.load_atlas();"
        "bad = [m for m in sys.modules if m.startswith('PySide6') or m.startswith('shiboken')];"
        "print(bad); sys.exit(1 if bad else 0)"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
