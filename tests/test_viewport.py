"""Big layers without Qt: what one view sends, simplification, and hit-testing at scale."""

import json
import re

import numpy as np
import pytest
import shapely

from bench.data import points, polygons, write
from hegang_atlas.model.user_layers import add_user_file
from hegang_atlas.model.viewport import POINT_CAP, LayerIndex, is_big
from hegang_atlas.model.wire import BadRequest, looks_ahead, pack, parse_request, to_pixels, unpack
from hegang_atlas.page import render_html

HEGANG_VIEW = (47.30, 130.20, 47.40, 130.40)  # s, w, n, e: a town-sized view


@pytest.fixture(scope="module")
def bundled():
    from hegang_atlas.model import load_atlas

    return load_atlas()


@pytest.fixture(scope="module")
def point_layer(bundled, tmp_path_factory):
    layer, warnings = add_user_file(bundled, write(points(100_000, seed=3), tmp_path_factory.mktemp("p") / "pts.geojson"))
    assert warnings == []
    return layer


@pytest.fixture(scope="module")
def polygon_layer(bundled, tmp_path_factory):
    frame = polygons(6_000, seed=4)
    # A comb: long thin teeth that Douglas-Peucker folds into each other at low zooms.
    teeth = [(130.0 + 0.002 * i, 47.5 + (0.03 if i % 2 else 0.0)) for i in range(60)]
    comb = shapely.Polygon([(130.0, 47.49), *teeth, (130.118, 47.49)])
    holed = shapely.Polygon(shapely.box(130.5, 47.6, 130.6, 47.7).exterior, [shapely.box(130.52, 47.62, 130.58, 47.68).exterior.coords])
    frame.loc[len(frame)] = ["comb", 1, comb]
    frame.loc[len(frame)] = ["holed", 2, holed]
    layer, _ = add_user_file(bundled, write(frame, tmp_path_factory.mktemp("g") / "parcels.geojson"))
    return layer


def test_a_100k_point_layer_loads_as_a_big_layer(bundled, point_layer):
    assert len(point_layer) == 100_000 and is_big(point_layer)
    assert not any(is_big(layer) for layer in bundled.layers if layer.definition.group != "user")
    index = LayerIndex(point_layer)
    assert len(index) == 100_000 and index.kind == "point"


def test_view_returns_only_the_points_in_view(point_layer):
    index = LayerIndex(point_layer)
    answer = index.view(HEGANG_VIEW, 13)
    s, w, n, e = HEGANG_VIEW
    x, y = point_layer.frame.geometry.x.to_numpy(), point_layer.frame.geometry.y.to_numpy()
    inside = np.flatnonzero((x >= w) & (x <= e) & (y >= s) & (y <= n))
    assert 0 < inside.size < 100_000
    assert np.array_equal(np.sort(answer.rows), inside)
    body = unpack(answer.body())
    assert body["total"] == body["count"] == inside.size and not body["aggregated"]
    # Coordinates are whole pixels of zoom 13 from the box's north-west corner.
    px, py = to_pixels(x[answer.rows], y[answer.rows], 13)
    assert np.array_equal(body["c"][0::2], np.rint(px).astype(int) - body["x0"])
    assert np.array_equal(body["c"][1::2], np.rint(py).astype(int) - body["y0"])


def test_a_zoomed_out_view_aggregates_points(point_layer):
    body = unpack(LayerIndex(point_layer).view((46.0, 128.0, 49.0, 134.0), 9).body())
    assert body["total"] == 100_000 and body["aggregated"]
    assert body["count"] <= POINT_CAP and int(body["k"].sum()) == 100_000


def test_shapes_in_view_and_simplification_stays_valid(polygon_layer):
    index = LayerIndex(polygon_layer)
    geoms = np.asarray(polygon_layer.frame.geometry.array)
    box = shapely.box(130.2, 47.3, 130.4, 47.4)
    answer = index.view(HEGANG_VIEW, 12)
    assert np.array_equal(answer.rows, np.flatnonzero(shapely.intersects(geoms, box)))
    everything = np.arange(len(geoms))
    vertices = []
    for zoom in range(5, 17, 2):
        drawn = index.simplified(everything, zoom)
        assert shapely.is_valid(drawn).all() and not shapely.is_empty(drawn).any()
        assert set(shapely.get_type_id(drawn)) <= {3, 6}  # polygons and multipolygons
        vertices.append(int(shapely.get_num_coordinates(drawn).sum()))
    assert vertices == sorted(vertices) and vertices[0] < vertices[-1] / 5  # less detail when zoomed out
    holed = index.simplified(np.array([len(geoms) - 1]), 14)[0]
    assert len(holed.interiors) == 1


def test_every_answer_decodes_to_closed_rings(polygon_layer):
    body = unpack(LayerIndex(polygon_layer).view((46.0, 128.0, 49.0, 134.0), 8).body())
    assert body["kind"] == "polygon" and body["count"] == len(polygon_layer)
    assert body["f"].size == body["count"] and body["f"].sum() == body["r"].size
    assert body["r"].sum() * 2 == body["c"].size


def test_hit_identifies_the_point_clicked(point_layer):
    index = LayerIndex(point_layer)
    frame = point_layer.frame
    x, y = frame.geometry.x.to_numpy(), frame.geometry.y.to_numpy()
    rng = np.random.default_rng(0)
    for row in rng.choice(len(frame), 50, replace=False):
        # At zoom 18 points are metres apart: the click on a point's pixel is that point.
        assert index.hit(y[row], x[row], 18) == frame.index[row]
    px, py = to_pixels(x, y, 16)
    lonely = next(r for r in range(len(frame)) if np.count_nonzero(np.hypot(px - px[r], py - py[r]) < 40) == 1)
    assert index.hit(y[lonely], x[lonely] + 0.00001, 16) == frame.index[lonely]  # ~1 px off
    assert index.hit(y[lonely], x[lonely] + 25 * 360 / 256 / 2**16, 16) is None  # 25 px off


def test_hit_identifies_the_polygon_clicked(polygon_layer):
    index = LayerIndex(polygon_layer)
    frame = polygon_layer.frame
    geoms = np.asarray(frame.geometry.array)
    tree = shapely.STRtree(geoms)
    checked = 0
    for row in range(0, len(frame) - 2, 37):
        inner = shapely.point_on_surface(geoms[row])
        if tree.query(inner, predicate="intersects").size == 1:  # not under another polygon
            assert index.hit(inner.y, inner.x, 14) == frame.index[row]
            checked += 1
    assert checked > 100
    assert index.hit(47.65, 130.55, 16) != frame.index[-1]  # in its hole, far from its edges at zoom 16
    assert index.hit(47.601, 130.55, 16) == frame.index[-1]


def test_requests_are_checked():
    assert parse_request("bbox=47.3,130.2,47.4,130.4&zoom=12.6") == ((47.3, 130.2, 47.4, 130.4), 13)
    assert looks_ahead("bbox=47.3,130.2,47.4,130.4&zoom=12&ahead=1")
    assert not looks_ahead("bbox=47.3,130.2,47.4,130.4&zoom=12")
    assert parse_request("whole=1&zoom=12.6&ahead=1") == (None, 13)
    for bad in ("", "bbox=1,2,3&zoom=4", "bbox=1,2,3,4&zoom=nan", "bbox=4,2,3,5&zoom=3", "bbox=a,b,c,d&zoom=1",
                "whole=1", "whole=1&zoom=inf", "whole=2&zoom=3"):
        with pytest.raises(BadRequest):
            parse_request(bad)
    body = pack({"kind": "point"}, {"c": np.array([1, -2, 3, 4]), "k": np.array([7, 8])})
    assert len(body) % 4 == 0
    back = unpack(body)
    assert back["c"].tolist() == [1, -2, 3, 4] and back["k"].tolist() == [7, 8]


def test_served_page_leaves_big_layers_out(bundled, point_layer):
    served = render_html(bundled, served=True)
    assert "pt99999" not in served and len(served) < 200_000
    state = json.loads(re.search(r"\}\)\((\{.*\})\);", served, re.S).group(1))
    assert point_layer.id in [b["id"] for b in state["big"]]
    assert point_layer.id not in [layer["id"] for layer in state["layers"]]
    assert state["order"] == bundled.order


def test_warming_ahead_encodes_every_feature_as_a_request_would(polygon_layer):
    ahead, asked = LayerIndex(polygon_layer), LayerIndex(polygon_layer)
    left = [ahead.warm(11, 1_000)]
    while left[-1]:
        left.append(ahead.warm(11, 1_000))
    assert left[0] == len(ahead) - 1_000 and left[-1] == 0 and len(left) == -(-len(ahead) // 1_000)
    everywhere = (46.0, 128.0, 49.0, 134.0)
    assert ahead.view(everywhere, 11).body() == asked.view(everywhere, 11).body()
    assert ahead.warm(11, 1_000) == 0


def _features(answer: dict) -> dict[int, list[int]]:
    """Each feature's vertices (absolute world pixels), by its place among the layer's rows."""
    at = np.concatenate([[0], np.cumsum(answer["r"])])
    rings = np.concatenate([[0], np.cumsum(answer["f"])])
    xy = answer["c"].reshape(-1, 2) + [answer["x0"], answer["y0"]]
    return {i: xy[at[rings[i]]:at[rings[i + 1]]].ravel().tolist() for i in range(len(answer["f"]))}


def test_the_whole_layer_is_sent_to_keep_when_small_drawn_as_views_draw_it(polygon_layer):
    index = LayerIndex(polygon_layer)
    whole = unpack(index.whole(12).body())
    assert whole["whole"] is True and whole["count"] == whole["total"] == len(polygon_layer.frame)
    assert not whole["more"] and whole["zoom"] == 12
    # Any feature is drawn exactly as a view's answer draws it.
    drawn = _features(whole)
    frame = polygon_layer.frame
    for row in range(0, len(frame), 501):
        w, s, e, n = frame.geometry.iloc[row].bounds
        view = index.view((s, w, n, e), 12)
        assert unpack(view.body())["whole"] is False
        assert _features(unpack(view.body()))[int(np.flatnonzero(view.rows == row)[0])] == drawn[row]


def test_a_layer_too_big_to_keep_is_not_sent_whole(polygon_layer, point_layer, monkeypatch):
    from hegang_atlas.model import viewport

    # 100,000 points: a whole answer would aggregate them.
    refused = unpack(LayerIndex(point_layer).whole(9).body())
    assert refused["whole"] is False and refused["count"] == 0 and refused["c"].size == 0
    index = LayerIndex(polygon_layer)
    size = len(index.whole(14).body())
    monkeypatch.setattr(viewport, "HOLD_BYTES", size // 2)
    assert index.may_send_whole(15)  # not known before encoding
    assert unpack(index.whole(14).body())["whole"] is False
    assert not index.may_send_whole(15) and index.may_send_whole(13)  # once zoom 14 is too big, those above are too
    assert unpack(index.whole(9).body())["whole"] is True  # far smaller at zoom 9
    monkeypatch.setattr(viewport, "HOLD_BYTES", 0)
    assert not any(LayerIndex(polygon_layer).may_send_whole(z) for z in range(23))  # said without encoding anything
