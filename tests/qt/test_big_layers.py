"""Big layers on the real page: drawn on canvas view by view, clicked through Python, toggled live."""

import json
import queue
import threading

import numpy as np
import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest

import shapely

from bench.data import points, polygons, write
from hegang_atlas.model.user_layers import add_user_file
from hegang_atlas.model.wire import to_pixels
from hegang_atlas.qt.big_layers import JobQueue
from tests.qt.test_main_window import click_feature, close_window, evaluate, open_window, page_state

COUNT = 20_000


@pytest.fixture(scope="module")
def points_file(tmp_path_factory):
    return write(points(COUNT, seed=5), tmp_path_factory.mktemp("big") / "addresses.geojson")


def window_with(qtbot, atlas, tmp_path, path):
    """A window showing the bundled atlas plus the user layer read from ``path``; yields (window, layer)."""
    window = open_window(qtbot, atlas, tmp_path)
    with qtbot.waitSignal(window.controller.ready, timeout=30000):
        layer, _ = add_user_file(atlas, path)
    wait_drawn(qtbot, window)
    yield window, layer
    close_window(window)


@pytest.fixture
def big(qtbot, atlas, tmp_path, points_file):
    """A window with a 20,000-point user layer."""
    yield from window_with(qtbot, atlas, tmp_path, points_file)


@pytest.fixture
def too_big_to_keep(monkeypatch):
    """No whole drawing is small enough for the page to keep: every view is asked for."""
    from hegang_atlas.model import viewport

    monkeypatch.setattr(viewport, "HOLD_BYTES", 0)


@pytest.fixture
def big_polygons(qtbot, atlas, tmp_path):
    """A window with a 6,000-polygon user layer."""
    yield from window_with(qtbot, atlas, tmp_path, write(polygons(6_000, seed=6), tmp_path / "parcels.geojson"))


@pytest.fixture
def outlined_polygons(qtbot, atlas, tmp_path, monkeypatch):
    """A window with a 6,000-polygon user layer drawn as black 2-pixel outlines, unfilled."""
    from hegang_atlas.model import user_layers
    from hegang_atlas.model.definitions import Style

    outline = Style(color="#000000", weight=2, fill_opacity=0)
    monkeypatch.setattr(user_layers, "_style", lambda geometry, colour: outline)
    yield from window_with(qtbot, atlas, tmp_path, write(polygons(6_000, seed=6), tmp_path / "outlines.geojson"))


def wait_drawn(qtbot, window):
    qtbot.waitUntil(lambda: evaluate(qtbot, window.map_view, "hegangAtlas.bigSettled()") is True, timeout=15000)


# The RGBA pixels of a box of a canvas, whatever its context: a sheet drawn ahead is shown as a
# still picture on a "bitmaprenderer" canvas, read by drawing it on a scratch canvas.
PIXELS_JS = """((c, x, y, w, h) => {
    const s = document.createElement('canvas'); s.width = w; s.height = h;
    const g = s.getContext('2d'); g.drawImage(c, x, y, w, h, 0, 0, w, h);
    return g.getImageData(0, 0, w, h).data; })"""

# The same for the box (x, y, w, h) of the map, in its container's pixels, wherever the canvas is.
MAP_PIXELS_JS = """((c, x, y, w, h) => {
    const m = hegangAtlas.map.getContainer().getBoundingClientRect(), b = c.getBoundingClientRect();
    return %s(c, Math.floor((m.left + x - b.left) * c.width / b.width),
              Math.floor((m.top + y - b.top) * c.height / b.height), w, h); })""" % PIXELS_JS


def set_view(qtbot, window, lat, lon, zoom):
    evaluate(qtbot, window.map_view, f"hegangAtlas.setView({lat}, {lon}, {zoom})")
    wait_drawn(qtbot, window)


def painted_pixels(qtbot, window):
    """Pixels with any paint on the big layers' canvases (drawing canvases or still pictures)."""
    return evaluate(qtbot, window.map_view, f"""(() => {{
        let n = 0;
        document.querySelectorAll('canvas.ha-big-canvas').forEach(c => {{
            const a = {PIXELS_JS}(c, 0, 0, c.width, c.height);
            for (let i = 3; i < a.length; i += 4) {{ if (a[i]) {{ n++; }} }}
        }});
        return n; }})()""")


def in_box(frame, box):
    s, w, n, e = box
    x, y = frame.geometry.x.to_numpy(), frame.geometry.y.to_numpy()
    return int(np.count_nonzero((x >= w) & (x <= e) & (y >= s) & (y <= n)))


def test_page_draws_the_points_in_view_on_canvas(qtbot, big):
    window, layer = big
    state = page_state(qtbot, window)
    assert layer.id in state["big"] and state["visible"][layer.id] is True
    assert state["order"] == window.atlas.order
    set_view(qtbot, window, 47.35, 130.3, 12)
    info = page_state(qtbot, window)["big"][layer.id]
    assert info["zoom"] == 12 and not info["aggregated"]
    assert 0 < info["drawn"] == info["total"] < COUNT
    assert info["total"] == in_box(layer.frame, info["bbox"])
    assert painted_pixels(qtbot, window) > 100
    # The page holds the big layer as served data only: it is not inlined in the page.
    assert evaluate(qtbot, window.map_view, "document.documentElement.outerHTML.length") < 500_000


def test_click_on_a_point_selects_exactly_that_feature(qtbot, big):
    window, layer = big
    frame = layer.frame
    x, y = frame.geometry.x.to_numpy(), frame.geometry.y.to_numpy()
    px, py = to_pixels(x, y, 14)
    # A point with no other within 30 px at zoom 14, so the click can only mean it.
    tree_free = [i for i in range(0, len(frame), 97)
                 if np.count_nonzero(np.hypot(px - px[i], py - py[i]) < 30) == 1]
    row = tree_free[0]
    fid = frame.index[row]
    set_view(qtbot, window, y[row], x[row], 14)
    point = evaluate(qtbot, window.map_view, f"(() => {{ const p = hegangAtlas.map.latLngToContainerPoint([{y[row]}, {x[row]}]);"
                                             " return {x: p.x, y: p.y}; })()")
    target = window.map_view.focusProxy() or window.map_view
    pos = QPoint(round(point["x"]), round(point["y"]))
    QTest.mouseMove(target, pos)
    QTest.mouseClick(target, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, pos)
    qtbot.waitUntil(lambda: window.atlas.selection is not None, timeout=5000)
    assert (window.atlas.selection.layer_id, window.atlas.selection.feature_id) == (layer.id, fid)
    assert fid in window.attributes_dock.text() or frame.loc[fid, "name"] in window.attributes_dock.text()
    qtbot.waitUntil(lambda: page_state(qtbot, window)["highlighted"] == [layer.id, fid], timeout=5000)


def test_svg_layers_below_still_take_their_clicks(qtbot, big):
    window, layer = big
    assert window.atlas.order[-1] == layer.id  # the big layer is on top of the mines
    click_feature(qtbot, window, "coal_mines", "xinxing")
    qtbot.waitUntil(lambda: window.atlas.selection is not None, timeout=5000)
    assert (window.atlas.selection.layer_id, window.atlas.selection.feature_id) == ("coal_mines", "xinxing")


def test_toggle_opacity_and_order_work_for_big_layers(qtbot, big):
    window, layer = big
    atlas = window.atlas
    atlas.set_visible(layer.id, False)
    qtbot.waitUntil(lambda: page_state(qtbot, window)["visible"][layer.id] is False, timeout=5000)
    assert page_state(qtbot, window)["big"][layer.id]["drawn"] == 0
    shown = "[...document.querySelectorAll('canvas.ha-big-canvas')].filter(c => c.offsetParent !== null).length"
    assert evaluate(qtbot, window.map_view, shown) == 0
    # Hidden, it neither asks for nor draws the views the map moves through; shown, it draws the current one.
    before = page_state(qtbot, window)["big"][layer.id]
    evaluate(qtbot, window.map_view, "hegangAtlas.map.panBy([300, 200], {animate: false}) && true")
    hidden = page_state(qtbot, window)["big"][layer.id]
    assert (hidden["requests"], hidden["draws"]) == (before["requests"], before["draws"])
    atlas.set_visible(layer.id, True)
    qtbot.waitUntil(lambda: page_state(qtbot, window)["bigSettled"], timeout=5000)
    after = page_state(qtbot, window)["big"][layer.id]
    assert after["drawn"] > 0 and after["draws"] > before["draws"]
    assert evaluate(qtbot, window.map_view, shown) == 1
    atlas.set_opacity(layer.id, 0.4)
    qtbot.waitUntil(lambda: page_state(qtbot, window)["opacity"][layer.id] == pytest.approx(0.4), timeout=5000)
    atlas.set_order([layer.id] + [i for i in atlas.order if i != layer.id])
    qtbot.waitUntil(lambda: page_state(qtbot, window)["order"][0] == layer.id, timeout=5000)
    z = evaluate(qtbot, window.map_view, "[...document.querySelectorAll('.leaflet-pane')]"
                                         ".filter(p => p.querySelector(':scope > canvas.ha-big-canvas'))"
                                         ".map(p => Number(p.style.zIndex))")
    assert z == [400]
    assert json.dumps(page_state(qtbot, window)["visible"]).count("true") == len(atlas.order)


def map_size(qtbot, window):
    return evaluate(qtbot, window.map_view, "(s => [s.x, s.y])(hegangAtlas.map.getSize())")


def wait_looked_ahead(qtbot, window, layer_id):
    """Wait until the canvas on show reaches well beyond the view and the zooms either side are drawn."""
    width = map_size(qtbot, window)[0]

    def done():
        info = page_state(qtbot, window)["big"][layer_id]
        zoom = evaluate(qtbot, window.map_view, "hegangAtlas.map.getZoom()")
        return (info["sheet"] is not None and info["sheet"][3] - info["sheet"][1] > 2 * width
                and info["ahead"] == [zoom - 1, zoom + 1])
    qtbot.waitUntil(done, timeout=20000)


def alpha_at(qtbot, window, lat, lon):
    """The paint on the big layer's canvas at the screen pixel of ``(lat, lon)`` (0 means none)."""
    return evaluate(qtbot, window.map_view, f"""(() => {{
        const p = hegangAtlas.map.latLngToContainerPoint([{lat}, {lon}]);
        return {MAP_PIXELS_JS}(document.querySelector('canvas.ha-big-canvas'), p.x, p.y, 1, 1)[3]; }})()""")


def points_in_view(qtbot, window, frame, count=25):
    s, w, n, e = evaluate(qtbot, window.map_view, "(b => [b.getSouth(), b.getWest(), b.getNorth(), b.getEast()])"
                                                  "(hegangAtlas.map.getBounds().pad(-0.05))")
    x, y = frame.geometry.x.to_numpy(), frame.geometry.y.to_numpy()
    rows = np.flatnonzero((x > w) & (x < e) & (y > s) & (y < n))
    assert rows.size >= 5
    return [(y[r], x[r]) for r in rows[:: max(1, rows.size // count)][:count]]


def test_once_idle_a_pan_or_a_zoom_by_one_finds_its_picture_drawn(qtbot, big):
    window, layer = big
    set_view(qtbot, window, 47.35, 130.3, 12)
    wait_looked_ahead(qtbot, window, layer.id)
    before = page_state(qtbot, window)["big"][layer.id]
    assert before["still"]  # the sheet drawn ahead is on show as a still picture
    # Half a view east and a quarter south: the canvas only moves; no request, no drawing.
    width, height = map_size(qtbot, window)
    evaluate(qtbot, window.map_view, f"hegangAtlas.map.panBy([{width // 2}, {height // 4}], {{animate: false}}) && true")
    moved = page_state(qtbot, window)
    assert moved["bigSettled"]
    assert (moved["big"][layer.id]["requests"], moved["big"][layer.id]["draws"]) == (before["requests"], before["draws"])
    assert all(alpha_at(qtbot, window, lat, lon) > 0 for lat, lon in points_in_view(qtbot, window, layer.frame))
    # Zooming in by one swaps in the canvas drawn ahead, with the features of that zoom.
    wait_looked_ahead(qtbot, window, layer.id)
    before = page_state(qtbot, window)["big"][layer.id]
    evaluate(qtbot, window.map_view, "hegangAtlas.map.setZoom(13, {animate: false}) && true")
    wait_drawn(qtbot, window)
    info = page_state(qtbot, window)["big"][layer.id]
    assert info["swaps"] > before["swaps"] and info["requests"] == before["requests"]
    assert info["zoom"] == 13 and info["total"] == in_box(layer.frame, info["bbox"])
    assert all(alpha_at(qtbot, window, lat, lon) > 0 for lat, lon in points_in_view(qtbot, window, layer.frame))


def test_a_far_jump_right_after_a_move_draws_the_new_view(qtbot, too_big_to_keep, big):
    window, layer = big
    set_view(qtbot, window, 47.35, 130.3, 12)
    evaluate(qtbot, window.map_view, "hegangAtlas.map.setView([47.3, 130.45], 12, {animate: false}) && true")
    # The map announces the moment the new view is drawn (what bench/probes.py waits for): heard
    # notes, as it fires, whether the page is settled, and the zoom, features and box it shows.
    key = json.dumps(layer.id)
    evaluate(qtbot, window.map_view, f"""(() => {{ const m = hegangAtlas.map; window.heard = [];
        m.on('bigsettled', () => {{ const s = hegangAtlas.getState().big[{key}];
                                    window.heard.push([hegangAtlas.bigSettled(), s.zoom, s.total, s.bbox]); }});
        m.setView([47.55, 130.0], 13, {{animate: false}}); return true; }})()""")
    qtbot.waitUntil(lambda: evaluate(qtbot, window.map_view, "window.heard.length") > 0, timeout=10000)
    settled, zoom, total, bbox = evaluate(qtbot, window.map_view, "window.heard[0]")
    assert settled is True and zoom == 13 and total == in_box(layer.frame, bbox) > 0
    info = page_state(qtbot, window)["big"][layer.id]
    assert info["zoom"] == 13 and info["failed"] == 0 and info["total"] == in_box(layer.frame, info["bbox"])
    assert all(alpha_at(qtbot, window, lat, lon) > 0 for lat, lon in points_in_view(qtbot, window, layer.frame))
    # Hiding the only big layer while it waits for a view settles the page: the map says so at once.
    heard = evaluate(qtbot, window.map_view, f"""(() => {{ const before = window.heard.length;
        hegangAtlas.map.setView([47.3, 130.6], 13, {{animate: false}});
        const waiting = !hegangAtlas.bigSettled();
        hegangAtlas.setVisible({key}, false);
        return [waiting, window.heard.slice(before)]; }})()""")
    assert heard[0] and heard[1] and heard[1][0][0] is True


def test_hiding_stops_the_look_ahead_and_showing_resumes_it(qtbot, big):
    window, layer = big
    set_view(qtbot, window, 47.35, 130.3, 12)
    window.atlas.set_visible(layer.id, False)
    qtbot.waitUntil(lambda: page_state(qtbot, window)["visible"][layer.id] is False, timeout=5000)
    hidden = page_state(qtbot, window)["big"][layer.id]
    qtbot.wait(1500)
    assert page_state(qtbot, window)["big"][layer.id]["prefetches"] == hidden["prefetches"]
    window.atlas.set_visible(layer.id, True)
    wait_looked_ahead(qtbot, window, layer.id)
    assert all(alpha_at(qtbot, window, lat, lon) > 0 for lat, lon in points_in_view(qtbot, window, layer.frame))


def test_views_requests_are_answered_before_look_ahead_ones():
    jobs = JobQueue()
    jobs.put("ahead 1", ahead=True)
    jobs.put("view 1")
    jobs.put("ahead 2", ahead=True)
    jobs.put("view 2")
    assert [jobs.take() for _ in range(4)] == ["view 1", "view 2", "ahead 1", "ahead 2"]
    with pytest.raises(queue.Empty):
        jobs.take(block=False)
    taken = []
    worker = threading.Thread(target=lambda: taken.append(jobs.take()))
    worker.start()
    jobs.put("view 3")
    worker.join(5)
    assert taken == ["view 3"]


def big_canvases(qtbot, window):
    return evaluate(qtbot, window.map_view, "document.querySelectorAll('canvas.ha-big-canvas').length")


def inside_and_clear_spots(qtbot, window, frame, zoom):
    """Spots inside polygons in view, and spots in view 8 px or more from any polygon."""
    s, w, n, e = evaluate(qtbot, window.map_view, "(b => [b.getSouth(), b.getWest(), b.getNorth(), b.getEast()])"
                                                  "(hegangAtlas.map.getBounds().pad(-0.05))")
    geoms = frame.geometry.to_numpy()
    view = shapely.box(w, s, e, n)
    inside = [p for p in shapely.point_on_surface(geoms[shapely.within(geoms, view)])][:25]
    tree, reach = shapely.STRtree(geoms), 8 * 360 / (256 * 2**zoom)
    grid = shapely.points(np.column_stack([g.ravel() for g in np.meshgrid(np.linspace(w, e, 30), np.linspace(s, n, 30))]))
    clear = [p for p in grid if not tree.query(p, predicate="dwithin", distance=reach).size][:25]
    assert len(inside) >= 5 and len(clear) >= 5
    return [(p.y, p.x) for p in inside], [(p.y, p.x) for p in clear]


def test_polygons_are_painted_where_they_are_and_nowhere_else(qtbot, big_polygons):
    window, layer = big_polygons
    set_view(qtbot, window, 47.6, 130.9, 13)
    inside, clear = inside_and_clear_spots(qtbot, window, layer.frame, 13)
    assert all(alpha_at(qtbot, window, lat, lon) > 0 for lat, lon in inside)
    assert all(alpha_at(qtbot, window, lat, lon) == 0 for lat, lon in clear)
    # The same once the sheet drawn ahead is on show as a still picture.
    wait_looked_ahead(qtbot, window, layer.id)
    assert page_state(qtbot, window)["big"][layer.id]["still"] and big_canvases(qtbot, window) == 1
    assert all(alpha_at(qtbot, window, lat, lon) > 0 for lat, lon in inside)
    assert all(alpha_at(qtbot, window, lat, lon) == 0 for lat, lon in clear)


def test_a_zoom_by_two_scales_the_picture_until_its_own_data_comes(qtbot, too_big_to_keep, big_polygons):
    window, layer = big_polygons
    set_view(qtbot, window, 47.6, 130.9, 11)
    wait_looked_ahead(qtbot, window, layer.id)
    assert page_state(qtbot, window)["big"][layer.id]["held"] == []
    key = json.dumps(layer.id)
    before, after, loading = evaluate(qtbot, window.map_view, f"""(() => {{
        const draws = () => hegangAtlas.getState().big[{key}];
        const before = draws().draws;
        hegangAtlas.map.setZoom(13, {{animate: false}});
        return [before, draws().draws, draws().loading]; }})()""")
    assert loading and after == before  # nothing drawn from the data of zoom 11 meanwhile
    wait_drawn(qtbot, window)
    info = page_state(qtbot, window)["big"][layer.id]
    assert info["zoom"] == 13 and info["draws"] > before and not info["still"]
    assert big_canvases(qtbot, window) == 1
    inside, clear = inside_and_clear_spots(qtbot, window, layer.frame, 13)
    assert all(alpha_at(qtbot, window, lat, lon) > 0 for lat, lon in inside)
    assert all(alpha_at(qtbot, window, lat, lon) == 0 for lat, lon in clear)



SHOWN_JS = "[...document.querySelectorAll('canvas.ha-big-canvas')].map(c => getComputedStyle(c).visibility)"


def test_a_far_jump_hides_the_old_picture_until_its_own_data_comes(qtbot, too_big_to_keep, big_polygons):
    window, layer = big_polygons
    set_view(qtbot, window, 47.6, 130.9, 12)
    wait_looked_ahead(qtbot, window, layer.id)
    key, jump = json.dumps(layer.id), 3 * map_size(qtbot, window)[0]
    before, after, loading, seen = evaluate(qtbot, window.map_view, f"""(() => {{
        const big = () => hegangAtlas.getState().big[{key}];
        const before = big().draws;
        hegangAtlas.map.panBy([{jump}, 0], {{animate: false}});
        return [before, big().draws, big().loading, {SHOWN_JS}]; }})()""")
    assert loading and after == before and seen == ["hidden"]  # no blank canvas drawn while the data comes
    wait_drawn(qtbot, window)
    assert evaluate(qtbot, window.map_view, SHOWN_JS) == ["visible"]
    inside, clear = inside_and_clear_spots(qtbot, window, layer.frame, 12)
    assert all(alpha_at(qtbot, window, lat, lon) > 0 for lat, lon in inside)
    assert all(alpha_at(qtbot, window, lat, lon) == 0 for lat, lon in clear)
    # Away and straight back before the answer: the picture of this place shows again at once,
    # and the answer for the place left changes nothing when it comes.
    lat, lon = inside[0]
    state = f"(s => [s.draws, s.swaps, s.zoom, s.bbox])(hegangAtlas.getState().big[{key}])"
    before = evaluate(qtbot, window.map_view, state)
    seen = evaluate(qtbot, window.map_view, f"""(() => {{
        hegangAtlas.map.panBy([{jump}, 0], {{animate: false}});
        const away = {SHOWN_JS};
        hegangAtlas.map.panBy([-{jump}, 0], {{animate: false}});
        const p = hegangAtlas.map.latLngToContainerPoint([{lat}, {lon}]);
        const ink = {MAP_PIXELS_JS}(document.querySelector('canvas.ha-big-canvas'), p.x, p.y, 1, 1)[3];
        return [away, {SHOWN_JS}, ink > 0, {state}]; }})()""")
    assert seen == [["hidden"], ["visible"], True, before]
    wait_drawn(qtbot, window)
    assert evaluate(qtbot, window.map_view, state) == before and evaluate(qtbot, window.map_view, SHOWN_JS) == ["visible"]


def wait_kept(qtbot, window, layer_id, zooms):
    qtbot.waitUntil(lambda: zooms <= set(page_state(qtbot, window)["big"][layer_id]["held"]), timeout=30000)


def test_once_idle_far_moves_near_the_zoom_draw_at_once_from_the_drawings_kept(qtbot, big_polygons):
    window, layer = big_polygons
    set_view(qtbot, window, 47.6, 130.9, 11)
    # The layer's whole drawings of the zooms two levels either side come while the view is looked at.
    wait_kept(qtbot, window, layer.id, {9, 10, 11, 12, 13})
    key, jump = json.dumps(layer.id), 3 * map_size(qtbot, window)[0]
    # A far jump, then back in by two levels: each drawn before the move returns, without asking.
    for move, zoom in ((f"panBy([{jump}, 0], {{animate: false}})", 11), ("setView([47.6, 130.9], 13, {animate: false})", 13)):
        before, after = evaluate(qtbot, window.map_view, f"""(() => {{
            const big = () => (s => [s.requests, s.draws, s.loading, hegangAtlas.bigSettled(), s.zoom, {SHOWN_JS}])
                              (hegangAtlas.getState().big[{key}]);
            const before = big();
            hegangAtlas.map.{move};
            return [before, big()]; }})()""")
        assert after == [before[0], before[1] + 1, False, True, zoom, ["visible"]]
        inside, clear = inside_and_clear_spots(qtbot, window, layer.frame, zoom)
        assert all(alpha_at(qtbot, window, lat, lon) > 0 for lat, lon in inside)
        assert all(alpha_at(qtbot, window, lat, lon) == 0 for lat, lon in clear)
    held = page_state(qtbot, window)["big"][layer.id]["held"]
    assert {11, 12, 13} <= set(held) and all(abs(z - 13) <= 2 for z in held)  # zooms far from the view's go


def test_back_at_a_kept_zoom_before_another_zoom_is_answered_the_kept_drawing_stays(qtbot, big_polygons):
    window, layer = big_polygons
    set_view(qtbot, window, 47.6, 130.9, 11)
    wait_kept(qtbot, window, layer.id, {9, 10, 11, 12, 13})
    key = json.dumps(layer.id)
    # Shown at zoom 14 (not kept: asked for), then out to zoom 13 over ground with no feature, before the answer.
    asked = evaluate(qtbot, window.map_view, f"""(() => {{
        const m = hegangAtlas.map, loading = () => hegangAtlas.getState().big[{key}].loading;
        hegangAtlas.setVisible({key}, false);
        m.setView([47.6, 130.9], 14, {{animate: false}});
        hegangAtlas.setVisible({key}, true);
        const first = loading();
        m.setView([46.6, 129.2], 13, {{animate: false}});
        return [first, loading()]; }})()""")
    assert asked == [True, True]
    wait_drawn(qtbot, window)  # the answer for zoom 14 does not take the place of zoom 13's drawing
    info = page_state(qtbot, window)["big"][layer.id]
    assert info["zoom"] == 13 and not info["loading"] and info["painted"] == 0
    assert evaluate(qtbot, window.map_view, SHOWN_JS) == ["visible"]


def test_an_answer_for_a_place_left_is_not_taken_for_the_picture_on_show(qtbot, too_big_to_keep, big_polygons):
    window, layer = big_polygons
    set_view(qtbot, window, 47.6, 130.9, 12)
    key, jump = json.dumps(layer.id), 3 * map_size(qtbot, window)[0]
    # A far jump, the layer hidden before the answer comes, back home, the layer shown again.
    evaluate(qtbot, window.map_view, f"hegangAtlas.map.panBy([{jump}, 0], {{animate: false}}) && true")
    window.atlas.set_visible(layer.id, False)
    qtbot.waitUntil(lambda: not page_state(qtbot, window)["big"][layer.id]["loading"], timeout=10000)
    evaluate(qtbot, window.map_view, f"hegangAtlas.map.panBy([-{jump}, 0], {{animate: false}}) && true")
    window.atlas.set_visible(layer.id, True)
    wait_drawn(qtbot, window)  # settles: the answer for the place left was not kept as this view's data
    info = page_state(qtbot, window)["big"][layer.id]
    s, w, n, e = evaluate(qtbot, window.map_view, "(b => [b.getSouth(), b.getWest(), b.getNorth(), b.getEast()])"
                                                  "(hegangAtlas.map.getBounds())")
    south, west, north, east = info["bbox"]
    assert info["zoom"] == 12 and south <= s and west <= w and north >= n and east >= e
    inside, clear = inside_and_clear_spots(qtbot, window, layer.frame, 12)
    assert all(alpha_at(qtbot, window, lat, lon) > 0 for lat, lon in inside)
    assert all(alpha_at(qtbot, window, lat, lon) == 0 for lat, lon in clear)


# Total paint (alpha) of a canvas over the map's box (x, y, w, h) in container pixels.
INK_JS = """((c, x, y, w, h) => {
    const a = %s(c, x, y, w, h);
    let ink = 0;
    for (let i = 3; i < a.length; i += 4) { ink += a[i]; }
    return ink / 255; })""" % MAP_PIXELS_JS


def test_two_pixel_outlines_carry_the_paint_of_a_true_two_pixel_stroke(qtbot, outlined_polygons):
    # Outlines 1 to 2 pixels wide are drawn as three offset hairlines (cheaper to rasterise):
    # over a view of 6,000 outlined polygons they must lay down the paint Leaflet's own canvas
    # renderer lays down stroking the same polygons 2 pixels wide (0.94 of it here; a single
    # hairline lays down 0.47 of it).
    window, layer = outlined_polygons
    set_view(qtbot, window, 47.6, 130.9, 12)
    view = window.map_view
    s, w, n, e = evaluate(qtbot, view, "(b => [b.getSouth(), b.getWest(), b.getNorth(), b.getEast()])"
                                       "(hegangAtlas.map.getBounds())")
    geoms = layer.frame.geometry
    shown = geoms[shapely.intersects(geoms.to_numpy(), shapely.box(w, s, e, n))]
    assert len(shown) > 50
    evaluate(qtbot, view, f"""(() => {{
        window.reference = L.canvas({{padding: 0}});
        L.geoJSON({shown.to_json()}, {{renderer: window.reference, interactive: false,
                   style: {{color: '#000000', weight: 2, opacity: 1, fill: false}}}}).addTo(hegangAtlas.map);
        requestAnimationFrame(() => requestAnimationFrame(() => {{ window.referenceDrawn = true; }}));
        return true; }})()""")
    qtbot.waitUntil(lambda: evaluate(qtbot, view, "window.referenceDrawn === true"), timeout=10000)
    width, height = map_size(qtbot, window)
    box = f"20, 20, {width - 40}, {height - 40}"
    drawn = evaluate(qtbot, view, f"{INK_JS}(document.querySelector('canvas.ha-big-canvas'), {box})")
    reference = evaluate(qtbot, view, f"{INK_JS}(window.reference._container, {box})")
    assert reference > 1000
    assert 0.85 < drawn / reference < 1.15
