"""One benchmark scenario in this process, for one approach.

``python -m bench.scenarios SCENARIO APPROACH FILE [--runs N] [--adds N]``, where SCENARIO is
``polygons`` or ``points`` (add FILE as a layer, then interact with it) and APPROACH is ``app``,
``app-unkept`` (the app's far moves when the page may keep no whole drawing, as for a layer too big
to keep), ``folium`` (inlined GeoJSON, rebuilt on change) or ``explore``
(``GeoDataFrame.explore()``, adding only). The last line of stdout is a JSON object
``{metric: {"samples": [...], "note": str}}``.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

from bench import probes
from bench.probes import MAP_SIZE, evaluate, timed_view, wait_for, wait_js, wait_painted

MINES = ("xinxing", "junde")  # coal mines clicked in turn (no synthetic polygon covers them)
PAN_ZOOM, ZOOM_FROM = 11, 10
LOOK_S = 1.5  # seconds a person looks at a view before the next move
SOON_S = 0.15  # a click right after a move, while the app still draws ahead


def _app(quick_settings: Path):
    from PySide6.QtCore import QSettings

    from hegang_atlas.model import load_atlas
    from hegang_atlas.qt.app import freeze_startup_objects, make_application
    from hegang_atlas.qt.main_window import MainWindow

    app = make_application([])
    atlas = load_atlas()
    window = MainWindow(atlas, QSettings(str(quick_settings), QSettings.Format.IniFormat))
    window.show()
    freeze_startup_objects()  # as hegang_atlas.qt.app.run does
    probes.wait_signal(window.controller.ready)
    size = window.map_view.size()
    window.resize(window.width() + MAP_SIZE[0] - size.width(), window.height() + MAP_SIZE[1] - size.height())
    wait_for(lambda: (window.map_view.width(), window.map_view.height()) == MAP_SIZE, 10)
    return app, atlas, window


def _naive():
    from hegang_atlas.model import load_atlas
    from hegang_atlas.qt.app import make_application
    from hegang_atlas.qt.mapview import MapView

    app = make_application([])
    atlas = load_atlas()
    view = MapView()
    view.resize(*MAP_SIZE)
    view.show()
    return app, atlas, view


def _say(result: dict) -> None:
    """Progress on stderr: the samples measured so far."""
    sys.stderr.write("bench: " + json.dumps({k: v["samples"] for k, v in result.items()}) + "\n")
    sys.stderr.flush()


def _timed(action, done) -> float:
    """Seconds from ``action()`` until ``done()`` has returned."""
    t0 = time.perf_counter()
    action()
    done()
    return time.perf_counter() - t0


def _drawn_js(layer_id: str) -> str:
    return f"(s => s.bigSettled && s.big[{json.dumps(layer_id)}].drawn > 0)(hegangAtlas.getState())"


def _views(frame, count: int, zoom: int, step_views: float = 0.6) -> list[tuple[float, float, float]]:
    """``count + 1`` views over the data, each ``step_views`` map widths east or west of the last
    (turning back at the data's edges) and a little north or south."""
    w, s, e, n = frame.total_bounds
    step = step_views * MAP_SIZE[0] * 360.0 / (256 * 2**zoom)
    lat, lon, heading = (s + n) / 2, w + min(step, (e - w) / 4), 1
    views = []
    for i in range(count + 1):
        views.append((lat + 0.15 * (i % 3 - 1), lon, zoom))
        if not w < lon + heading * step < e:
            heading = -heading
        lon += heading * step
    return views


def _look(seconds: float = LOOK_S) -> None:
    """Let the app be, as a person looks at a view before the next move."""
    end = time.perf_counter() + seconds
    wait_for(lambda: time.perf_counter() >= end, seconds + 10)


def _moves(view, views) -> list[float]:
    """Milliseconds to show each of ``views`` in turn, each after a look at the one before."""
    samples = []
    for lat, lon, zoom in views:
        _look()
        samples.append(timed_view(view, lat, lon, zoom))
    return samples


# name -> how: pans at zoom PAN_ZOOM by this many views, or zooms in from ZOOM_FROM by this many levels
REDRAWS = {"pan_redraw": ("pan", 0.6), "pan_far": ("pan", 3.0), "zoom_redraw": ("zoom", 1), "zoom_far": ("zoom", 2)}


def _redraws(result: dict, view, frame, runs: int, names=tuple(REDRAWS), suffix: str = "") -> None:
    """Pans at zoom 11 (by 0.6 of a view, then jumps of 3 views) and zooms in from 10 (by one level,
    then by two), each after a look at the view before, timed in the page (``names`` of
    :data:`REDRAWS`, recorded with ``suffix``)."""
    for name in names:
        how, amount = REDRAWS[name]
        if how == "pan":
            pans = _views(frame, runs, PAN_ZOOM, amount)
            timed_view(view, *pans[0])
            samples = _moves(view, pans[1:])
        else:
            samples = []
            for lat, lon, _ in _views(frame, runs, ZOOM_FROM)[1:]:
                timed_view(view, lat - 0.3, lon, ZOOM_FROM)
                samples += _moves(view, [(lat - 0.3, lon, ZOOM_FROM + amount)])
        result[name + suffix] = {"samples": samples, "unit": "ms"}
    _say(result)


def _added(result: dict, view, drawn: list[float], stalls: list[float]) -> None:
    """Record the file's adds (seconds until drawn, worst UI stalls) and the page's memory now."""
    result["drawn"] = {"samples": drawn, "unit": "s"}
    result["ui_stall"] = {"samples": stalls, "unit": "ms"}
    result["page_rss"] = {"samples": [probes.renderer_rss_mb()], "unit": "MB"}
    result["js_heap"] = {"samples": [probes.js_heap_mb(view)], "unit": "MB"}
    _say(result)


# -- the app ------------------------------------------------------------------------------
def add_file(window, path: Path) -> str:
    """Add ``path`` as the person would (File > Add layer); its layer's id once its features are
    drawn (and the page's map is ``benchMap`` for :data:`bench.probes.TIMED_VIEW_JS`)."""
    window.layer_adder.add_files([path])
    layer_id = probes.wait_signal(window.layer_adder.fileDone, 300)[1]
    wait_for(lambda: window.controller.is_ready, 120)
    wait_js(window.map_view, _drawn_js(layer_id), 120)
    evaluate(window.map_view, "(window.benchMap = hegangAtlas.map, true)")
    return layer_id


def keep_nothing() -> None:
    """Let the page keep no whole drawing, as for a layer too big to keep: every view is asked for."""
    from hegang_atlas.model import viewport

    viewport.HOLD_BYTES = 0


def app_scenario(kind: str, path: Path, runs: int, adds: int) -> dict:
    result: dict = {}
    with tempfile.TemporaryDirectory() as folder:
        _, atlas, window = _app(Path(folder) / "settings.ini")
        view, controller = window.map_view, window.controller
        stall = probes.StallMeter()
        drawn, stalls = [], []
        for run in range(adds):
            if run:
                atlas.remove_layer(layer_id)
                wait_for(lambda: controller.is_ready)
            stall.start()
            t0 = time.perf_counter()
            layer_id = add_file(window, path)
            wait_painted(view)
            drawn.append(time.perf_counter() - t0)
            stalls.append(stall.stop())
        _added(result, view, drawn, stalls)
        frame = atlas.layer(layer_id).frame
        _redraws(result, view, frame, runs)
        _hidden_pans(result, atlas, view, frame, layer_id, runs)
        if kind == "polygons":
            _app_interactions(result, atlas, window, layer_id, runs)
        else:
            _app_point_clicks(result, atlas, window, frame, layer_id, runs)
    result["peak_rss"] = {"samples": [probes.peak_rss_mb()], "unit": "MB"}
    return result


def unkept_scenario(path: Path, runs: int) -> dict:
    """The app's far moves (``pan_far``, ``zoom_far``) when the page may keep no whole drawing, as
    for a layer too big to keep: every view is asked for."""
    keep_nothing()
    result: dict = {}
    with tempfile.TemporaryDirectory() as folder:
        _, atlas, window = _app(Path(folder) / "settings.ini")
        layer_id = add_file(window, path)
        _redraws(result, window.map_view, atlas.layer(layer_id).frame, runs, ("pan_far", "zoom_far"), "_unkept")
    return result


def _hidden_pans(result: dict, atlas, view, frame, layer_id: str, runs: int) -> None:
    """The pans of ``pan_redraw`` with the big layer hidden: what any pan costs on this page."""
    atlas.set_visible(layer_id, False)
    wait_js(view, f"hegangAtlas.getState().visible[{json.dumps(layer_id)}] === false")
    pans = _views(frame, runs, PAN_ZOOM)
    timed_view(view, *pans[0])
    result["pan_hidden"] = {"samples": _moves(view, pans[1:]), "unit": "ms"}
    atlas.set_visible(layer_id, True)
    wait_js(view, _drawn_js(layer_id))
    _say(result)


def _click(view, x: float, y: float) -> None:
    from PySide6.QtCore import QPoint, Qt
    from PySide6.QtTest import QTest

    target = view.focusProxy() or view
    pos = QPoint(round(x), round(y))
    QTest.mouseMove(target, pos)
    QTest.mouseClick(target, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, pos)


def _app_interactions(result: dict, atlas, window, big_id: str, runs: int) -> None:
    view = window.map_view
    for metric, look in (("click_to_panel", LOOK_S), ("click_soon", SOON_S)):
        result[metric] = {"samples": _app_mine_clicks(atlas, window, runs, look), "unit": "ms"}
    for metric, layer_id in (("toggle_small", "coal_mines"), ("toggle_big", big_id)):
        samples = []
        for i in range(2 * runs):
            on = i % 2 == 1
            visible = f"hegangAtlas.getState().visible[{json.dumps(layer_id)}] === {json.dumps(on)}"
            done = _drawn_js(layer_id) if on and layer_id == big_id else visible
            samples.append(1000 * _timed(lambda: atlas.set_visible(layer_id, on),
                                         lambda: (wait_js(view, done), wait_painted(view))))
        result[metric] = {"samples": samples, "unit": "ms"}


def _app_mine_clicks(atlas, window, runs: int, look: float) -> list[float]:
    """Milliseconds from a click on a coal mine, ``look`` seconds after moving to it, until the
    panel is filled and the highlight painted."""
    view, clicks = window.map_view, []
    for i in range(runs):
        mine = MINES[i % 2]
        evaluate(view, f"(p => hegangAtlas.map.setView(hegangAtlas.map.containerPointToLatLng([p.x, p.y]), 11,"
                       f" {{animate: false}}))(hegangAtlas.screenPoint('coal_mines', '{mine}')) && true")
        wait_js(view, "hegangAtlas.bigSettled()")
        _look(look)
        point = evaluate(view, f"hegangAtlas.screenPoint('coal_mines', '{mine}')")
        shown = f"JSON.stringify(hegangAtlas.getState().highlighted) === '[\"coal_mines\",\"{mine}\"]'"
        clicks.append(1000 * _timed(lambda: _click(view, point["x"], point["y"]),
                                    lambda: (wait_js(view, shown), wait_painted(view))))
        assert atlas.selection.feature_id == mine and window.attributes_dock.text()
    return clicks


def _lonely_points(frame, zoom: int, count: int) -> list[int]:
    """Rows of points with no other within 30 px at ``zoom`` (a click there can mean only them)."""
    from hegang_atlas.model.wire import to_pixels

    x, y = frame.geometry.x.to_numpy(), frame.geometry.y.to_numpy()
    px, py = to_pixels(x, y, zoom)
    rows = []
    for row in np.random.default_rng(9).permutation(len(frame)):
        if np.count_nonzero(np.hypot(px - px[row], py - py[row]) < 30) == 1:
            rows.append(int(row))
            if len(rows) == count:
                break
    return rows


def _app_point_clicks(result: dict, atlas, window, frame, layer_id: str, runs: int) -> None:
    view = window.map_view
    samples, right = [], 0
    for row in _lonely_points(frame, 15, runs):
        lat, lon = frame.geometry.iloc[row].y, frame.geometry.iloc[row].x
        timed_view(view, lat, lon, 15)
        _look()
        point = evaluate(view, f"(p => ({{x: p.x, y: p.y}}))(hegangAtlas.map.latLngToContainerPoint([{lat}, {lon}]))")
        fid = frame.index[row]
        pair = json.dumps([layer_id, fid], separators=(",", ":"))
        shown = f"JSON.stringify(hegangAtlas.getState().highlighted) === {json.dumps(pair)}"
        samples.append(1000 * _timed(lambda: _click(view, point["x"], point["y"]),
                                     lambda: (wait_for(lambda: atlas.selection is not None and atlas.selection.feature_id == fid, 10),
                                              wait_js(view, shown), wait_painted(view))))
        right += 1
    result["click_identify"] = {"samples": samples, "unit": "ms", "note": f"the clicked point selected {right}/{len(samples)} times"}


# -- the straightforward approach -----------------------------------------------------------
def naive_scenario(kind: str, path: Path, runs: int, adds: int, approach: str) -> dict:
    from bench.naive import NaiveApp, NaiveLayer, explore_page

    result: dict = {}
    _, atlas, view = _naive()
    app = NaiveApp(atlas, view)
    stall = probes.StallMeter()

    def reloaded(action) -> float:
        def done():
            probes.wait_signal(view.loadedAndReady, 600)
            wait_painted(view, 600)
        return _timed(action, done)

    if approach == "folium":
        reloaded(app.reload)
    drawn, stalls = [], []
    for run in range(adds):
        if run and approach == "folium":
            reloaded(lambda: app.remove("user"))
        stall.start()
        if approach == "folium":
            drawn.append(reloaded(lambda: app.add(NaiveLayer.from_file("user", path))))
        else:
            import geopandas as gpd

            drawn.append(reloaded(lambda: view.show_html(explore_page(gpd.read_file(path)))))
        stalls.append(stall.stop())
    _added(result, view, drawn, stalls)
    if approach == "folium":
        frame = app.layers[-1].frame
        _redraws(result, view, frame, runs)
        if kind == "polygons":
            _naive_interactions(result, app, view, runs, reloaded)
        else:
            _naive_point_clicks(result, app, view, frame, runs, reloaded)
    result["peak_rss"] = {"samples": [probes.peak_rss_mb()], "unit": "MB"}
    return result


def _naive_interactions(result: dict, app, view, runs: int, reloaded) -> None:
    for metric, look in (("click_to_panel", LOOK_S), ("click_soon", SOON_S)):
        clicks = []
        for i in range(runs):
            mine = app.atlas.layer("coal_mines").frame.geometry.loc[MINES[i % 2]]
            timed_view(view, mine.y, mine.x, 11)
            _look(look)
            point = evaluate(view, f"(p => ({{x: p.x, y: p.y}}))(benchMap.latLngToContainerPoint([{mine.y}, {mine.x}]))")
            # Whatever feature the click lands on (folium's SVG stacks these polygons over the mines),
            # the page is rebuilt with it highlighted and reloaded: that is what is timed.
            clicks.append(1000 * reloaded(lambda: _click(view, point["x"], point["y"])))
        result[metric] = {"samples": clicks, "unit": "ms"}
    for metric, layer_id in (("toggle_small", "coal_mines"), ("toggle_big", "user")):
        result[metric] = {"samples": [1000 * reloaded(lambda: app.set_visible(layer_id, i % 2 == 1))
                                      for i in range(2 * runs)], "unit": "ms"}


def _naive_point_clicks(result: dict, app, view, frame, runs: int, reloaded) -> None:
    samples = []
    for row in _lonely_points(frame, 15, runs):
        lat, lon = frame.geometry.iloc[row].y, frame.geometry.iloc[row].x
        timed_view(view, lat, lon, 15)
        _look()
        point = evaluate(view, f"(p => ({{x: p.x, y: p.y}}))(benchMap.latLngToContainerPoint([{lat}, {lon}]))")
        samples.append(1000 * reloaded(lambda: _click(view, point["x"], point["y"])))
    result["click_identify"] = {"samples": samples, "unit": "ms"}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.scenarios")
    parser.add_argument("scenario", choices=["polygons", "points"])
    parser.add_argument("approach", choices=["app", "app-unkept", "folium", "explore"])
    parser.add_argument("file", type=Path)
    parser.add_argument("--runs", type=int, default=5, help="samples of each interaction")
    parser.add_argument("--adds", type=int, default=3, help="times the file is added")
    args = parser.parse_args(argv)
    if args.approach == "app":
        result = app_scenario(args.scenario, args.file, args.runs, args.adds)
    elif args.approach == "app-unkept":
        result = unkept_scenario(args.file, args.runs)
    else:
        result = naive_scenario(args.scenario, args.file, args.runs, args.adds, args.approach)
    sys.stdout.write(json.dumps(result) + "\n")
    sys.stdout.flush()
    return 0


if __name__ == "__main__":
    sys.exit(main())
