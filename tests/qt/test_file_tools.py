"""File tools in the real window: measuring by real clicks, adding files, projects, autosave and recovery."""

import json
import os
import shutil
import subprocess
import sys
import time
from datetime import datetime

import geopandas as gpd
import pytest
from pyproj import Geod
from PySide6.QtCore import QMimeData, QPoint, QPointF, QSettings, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QFileDialog,
    QInputDialog,
    QMessageBox,
    QProgressDialog,
    QPushButton,
)
from shapely.geometry import LineString, Point

from hegang_atlas.model import load_atlas
from hegang_atlas.model.bookmarks import Bookmark
from hegang_atlas.model.gate import ReadCancelled
from hegang_atlas.model.project import View, read_project
from hegang_atlas.model.recovery import RECOVERY_NAME, discard_recovery, find_recovery, write_recovery
from hegang_atlas.qt.files_install import RECOVERY_FOLDER_KEY, install_file_tools
from hegang_atlas.qt.main_window import MainWindow
from hegang_atlas.qt.project_actions import RECENT_KEY, MissingFilesDialog, open_paths
from tests.minimal_atlas import write_atlas
from tests.qt.test_main_window import close_window, evaluate, page_state

GEOD = Geod(ellps="WGS84")
BAD = os.path.join(os.path.dirname(__file__), os.pardir, "data", "bad")


def wait_for(condition, timeout=30.0):
    """Process events until ``condition()`` (for module-scoped set-up, where qtbot is not available)."""
    for _ in range(int(timeout * 50)):
        if condition():
            return
        QTest.qWait(20)
    raise TimeoutError("condition not met")


def open_window(root, name):
    layers, geodata = root / "atlas" / "layers", root / "atlas" / "geodata"
    if not layers.exists():
        (root / "atlas").mkdir()
        write_atlas(root / "atlas")
    atlas = load_atlas(layers=layers, geodata=geodata)
    settings = QSettings(str(root / f"{name}.ini"), QSettings.Format.IniFormat)
    settings.setValue(RECOVERY_FOLDER_KEY, str(root / "recovery"))
    window = MainWindow(atlas, settings)
    install_file_tools(window)  # a no-op once MainWindow installs the file tools itself
    window.resize(1100, 750)
    window.show()
    wait_for(lambda: window.controller.is_ready)
    return window


def shut(window):
    window.project_actions.modified = False  # no "save changes?" question
    close_window(window)


@pytest.fixture(scope="module")
def root(tmp_path_factory):
    return tmp_path_factory.mktemp("file-tools")


@pytest.fixture(scope="module")
def win(qapp, root):
    window = open_window(root, "main")
    yield window
    shut(window)


@pytest.fixture(autouse=True)
def fresh(win, qtbot):
    """Each test starts from a new, unmodified project with the tool off and the page ready."""
    win.measure_tool.end()
    win.project_actions.modified = False
    win.project_actions.new_project()
    win.map_view.setFocus()
    qtbot.waitUntil(lambda: win.controller.is_ready, timeout=20000)
    yield


@pytest.fixture
def warnings(monkeypatch):
    """QMessageBox.warning calls, as (title, text)."""
    shown = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text, *a: shown.append((title, text)))
    return shown


def ready(qtbot, window):
    qtbot.waitUntil(lambda: window.controller.is_ready, timeout=20000)


def add(qtbot, window, path, **options):
    """Add a file through the window's worker and wait until it is handled; return the layer id."""
    with qtbot.waitSignal(window.layer_adder.fileDone, timeout=30000) as done:
        window.layer_adder.add_files([path], options)
    ready(qtbot, window)
    return done.args[1]


# -- measuring ------------------------------------------------------------------------------------
def target(window):
    return window.map_view.focusProxy() or window.map_view


def click_map(qtbot, window, x, y):
    """A real mouse click at a pixel of the map; returns the (lat, lon) under it and waits for the point."""
    count = len(window.measure_tool.measurement.points)
    ll = evaluate(qtbot, window.map_view, f"hegangAtlas.map.containerPointToLatLng([{x}, {y}])")
    pos = QPoint(x, y)
    QTest.mouseMove(target(window), pos)
    QTest.mouseClick(target(window), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, pos)
    qtbot.waitUntil(lambda: len(window.measure_tool.measurement.points) == count + 1, timeout=5000)
    return ll["lat"], ll["lng"]


def pixels(window):
    w, h = window.map_view.width(), window.map_view.height()
    return [(round(w * 0.25), round(h * 0.3)), (round(w * 0.7), round(h * 0.45)), (round(w * 0.45), round(h * 0.8))]


def key(window, k):
    QTest.keyClick(target(window), k)


def hold_still(qtbot, window):
    """Stop any map animation (a new project flies home) so pixels keep their positions."""
    evaluate(qtbot, window.map_view, "(() => { const m = hegangAtlas.map; m.setView([47.4, 130.4], 10, {animate: false});"
                                     " return true; })()")


def test_distance_by_real_clicks_is_geodesic(qtbot, win):
    hold_still(qtbot, win)
    win.measure_tool.distance_action.trigger()
    qtbot.waitUntil(lambda: page_state(qtbot, win)["measuring"] is True, timeout=5000)
    assert evaluate(qtbot, win.map_view, "getComputedStyle(hegangAtlas.map.getContainer()).cursor") == "crosshair"
    points = [click_map(qtbot, win, x, y) for x, y in pixels(win)]
    tool = win.measure_tool
    for got, expected in zip(tool.measurement.points, points):
        assert got == pytest.approx(expected, abs=1e-4)  # well within a pixel (~0.003° at this zoom)
    expected_m = sum(GEOD.inv(a[1], a[0], b[1], b[0])[2] for a, b in zip(points, points[1:]))
    assert tool.measurement.length_km == pytest.approx(expected_m / 1000, rel=1e-4)
    measured = tool.measurement.points
    exact_m = sum(GEOD.inv(a[1], a[0], b[1], b[0])[2] for a, b in zip(measured, measured[1:]))
    assert tool.measurement.length_km == pytest.approx(exact_m / 1000, rel=1e-12)
    assert tool.readout.isVisible() and tool.readout.text() == f"Distance: {tool.measurement.as_text()}"
    assert f"{expected_m / 1000:.2f} km" in tool.readout.text()
    qtbot.waitUntil(lambda: page_state(qtbot, win)["measure"] == {"points": 3, "closed": False}, timeout=5000)

    key(win, Qt.Key.Key_Backspace)
    assert len(tool.measurement.points) == 2
    qtbot.waitUntil(lambda: page_state(qtbot, win)["measure"]["points"] == 2, timeout=5000)
    assert tool.readout.text().startswith("Distance: 2 points")

    key(win, Qt.Key.Key_Escape)
    assert not tool.active and tool.measurement.points == [] and not tool.readout.isVisible()
    assert not tool.distance_action.isChecked()
    qtbot.waitUntil(lambda: page_state(qtbot, win)["measure"]["points"] == 0, timeout=5000)
    assert page_state(qtbot, win)["measuring"] is False
    assert evaluate(qtbot, win.map_view, "getComputedStyle(hegangAtlas.map.getContainer()).cursor") != "crosshair"


def test_area_mode_enter_keeps_the_readout(qtbot, win):
    hold_still(qtbot, win)
    win.measure_tool.area_action.trigger()
    points = [click_map(qtbot, win, x, y) for x, y in pixels(win)]
    lats, lons = [p[0] for p in points], [p[1] for p in points]
    area, perimeter = GEOD.polygon_area_perimeter(lons, lats)
    tool = win.measure_tool
    assert tool.measurement.area_km2 == pytest.approx(abs(area) / 1e6, rel=1e-4)
    assert tool.measurement.perimeter_km == pytest.approx(perimeter / 1000, rel=1e-4)
    assert tool.readout.text().startswith("Area: area ")
    key(win, Qt.Key.Key_Return)
    assert not tool.active and not tool.area_action.isChecked()
    assert tool.readout.isVisible() and len(tool.measurement.points) == 3
    qtbot.waitUntil(lambda: page_state(qtbot, win)["measuring"] is False, timeout=5000)
    assert page_state(qtbot, win)["measure"] == {"points": 3, "closed": True}
    key(win, Qt.Key.Key_Escape)  # a finished measurement: Esc clears it
    assert not tool.readout.isVisible()
    qtbot.waitUntil(lambda: page_state(qtbot, win)["measure"]["points"] == 0, timeout=5000)


def test_while_measuring_a_feature_click_adds_a_point_and_esc_keeps_the_selection(qtbot, win):
    win.atlas.select("villages", "v-far")
    win.measure_tool.distance_action.trigger()
    evaluate(qtbot, win.map_view, "(() => { const p = hegangAtlas.screenPoint('coal_mines', 'mine-a'); const m = hegangAtlas.map;"
                                  "m.setView(m.containerPointToLatLng([p.x, p.y]), 11, {animate: false}); return true; })()")
    point = evaluate(qtbot, win.map_view, "hegangAtlas.screenPoint('coal_mines', 'mine-a')")
    lat, lon = click_map(qtbot, win, round(point["x"]), round(point["y"]))
    assert win.measure_tool.measurement.points[0] == pytest.approx((lat, lon), abs=1e-4)
    assert win.atlas.selection.feature_id == "v-far"  # the click measured, it did not select
    key(win, Qt.Key.Key_Escape)
    assert not win.measure_tool.active and win.atlas.selection.feature_id == "v-far"


# -- adding files ---------------------------------------------------------------------------------
def mines(crs="EPSG:4326"):
    return gpd.GeoDataFrame({"name": ["Xingshan", "Nanshan"], "status": ["closed", "operating"]},
                            geometry=[Point(130.30, 47.35), Point(130.28, 47.30)], crs="EPSG:4326").to_crs(crs)


def assert_shown(qtbot, window, layer_id):
    assert layer_id in window.atlas.order
    qtbot.waitUntil(lambda: page_state(qtbot, window)["visible"].get(layer_id) is True, timeout=10000)


def test_geopackage_with_two_layers_asks_which(qtbot, win, tmp_path, monkeypatch):
    path = tmp_path / "two.gpkg"
    mines().to_file(path, layer="mines", engine="pyogrio")
    gpd.GeoDataFrame({"name": ["Railway"]}, geometry=[LineString([(130.2, 47.2), (130.4, 47.4)])],
                     crs="EPSG:4326").to_file(path, layer="rail", engine="pyogrio")
    asked = []
    monkeypatch.setattr(QInputDialog, "getItem", lambda parent, title, label, items, *a: asked.append(items) or ("rail", True))
    layer_id = add(qtbot, win, path)
    assert asked == [["mines", "rail"]]
    assert layer_id == "user-two-rail" and win.atlas.layer(layer_id).definition.geometry == "LineString"
    assert win.user_sources[layer_id].options == {"layer": "rail"}
    assert_shown(qtbot, win, layer_id)
    assert win.project_actions.modified


def test_shapefile_without_prj_says_what_was_assumed(qtbot, win, tmp_path):
    mines().to_file(tmp_path / "lonlat.shp", engine="pyogrio")
    (tmp_path / "lonlat.prj").unlink()
    layer_id = add(qtbot, win, tmp_path / "lonlat.shp")
    assert_shown(qtbot, win, layer_id)
    notice = win.layer_adder.notice
    assert notice.isVisible() and not notice.isModal() and "no CRS: assumed WGS84" in notice.informativeText()
    assert "no CRS: assumed WGS84" in win.statusBar().currentMessage()
    notice.hide()


def test_csv_kml_and_3d_geojson_are_added(qtbot, win, tmp_path):
    csv = tmp_path / "wells.csv"
    csv.write_text("Name,Longitude,Latitude\nWell 1,130.30,47.35\nWell 2,130.28,47.30\n", encoding="utf-8")
    mines().to_file(tmp_path / "mines.kml", driver="KML", engine="pyogrio")
    tracks = tmp_path / "tracks.geojson"
    tracks.write_text(json.dumps({"type": "FeatureCollection", "features": [
        {"type": "Feature", "properties": {"name": "Track"},
         "geometry": {"type": "LineString", "coordinates": [[130.2, 47.3, 210.0], [130.3, 47.4, 250.5]]}}]}))
    ids = [add(qtbot, win, p) for p in (csv, tmp_path / "mines.kml", tracks)]
    assert ids == ["user-wells", "user-mines", "user-tracks"]
    for layer_id in ids:
        assert_shown(qtbot, win, layer_id)
    assert win.atlas.order[-3:] == ids
    assert "heights (3D)" in win.layer_adder.notice.informativeText()
    assert {i: s.path.name for i, s in win.user_sources.items()} == {
        "user-wells": "wells.csv", "user-mines": "mines.kml", "user-tracks": "tracks.geojson"}
    win.layer_adder.notice.hide()


def test_csv_columns_are_asked_for(qtbot, win, tmp_path, monkeypatch):
    path = tmp_path / "odd.csv"
    path.write_text("place,east,north\nWell,130.30,47.35\n", encoding="utf-8")
    answers = iter([("east", True), ("north", True)])
    monkeypatch.setattr(QInputDialog, "getItem", lambda *a: next(answers))
    layer_id = add(qtbot, win, path)
    assert win.user_sources[layer_id].options == {"lon_column": "east", "lat_column": "north"}
    assert_shown(qtbot, win, layer_id)


def test_a_broken_file_is_named_in_a_warning_and_changes_nothing(qtbot, win, tmp_path, warnings):
    broken = tmp_path / "broken.geojson"
    shutil.copy(os.path.join(BAD, "garbage.geojson"), broken)
    before = win.atlas.order
    assert add(qtbot, win, broken) == ""
    assert win.atlas.order == before and win.user_sources == {}
    (title, text), = warnings
    assert "broken.geojson" in text and "is not a GeoJSON" in text


def test_a_read_can_be_cancelled(qtbot, win, tmp_path, monkeypatch):
    from hegang_atlas.qt import add_layer

    def slow_read(path, *, progress, cancelled, **options):
        progress(0.1)
        while not cancelled():
            time.sleep(0.01)
        raise ReadCancelled(path)

    monkeypatch.setattr(add_layer, "read_user_file", slow_read)
    (tmp_path / "slow.geojson").write_text("{}")
    with qtbot.waitSignal(win.layer_adder.fileDone, timeout=10000) as done:
        win.layer_adder.add_files([tmp_path / "slow.geojson"])
        qtbot.waitUntil(lambda: any(d.isVisible() for d in win.findChildren(QProgressDialog)), timeout=5000)
        dialog, = [d for d in win.findChildren(QProgressDialog) if d.isVisible()]
        assert dialog.value() == 10 and "slow.geojson" in dialog.labelText()
        dialog.findChild(QPushButton).click()
    assert done.args == [str(tmp_path / "slow.geojson"), ""]
    assert "cancelled" in win.statusBar().currentMessage() and not win.layer_adder.busy


def test_a_new_project_stops_a_read_in_progress(qtbot, win, tmp_path, monkeypatch):
    from hegang_atlas.qt import add_layer

    real_read, started = add_layer.read_user_file, []

    def slow_read(path, *, progress, cancelled, **options):
        started.append(path)
        while not cancelled():
            time.sleep(0.01)
        return real_read(path, progress=progress, cancelled=lambda: False, **options)  # too late

    monkeypatch.setattr(add_layer, "read_user_file", slow_read)
    mines().to_file(tmp_path / "late.geojson", engine="pyogrio")
    with qtbot.waitSignal(win.layer_adder.fileDone, timeout=10000) as done:
        win.layer_adder.add_files([tmp_path / "late.geojson", tmp_path / "later.geojson"])
        qtbot.waitUntil(lambda: bool(started), timeout=5000)
        win.project_actions.new_project()
    assert done.args[1] == "" and not win.layer_adder.busy
    assert not any(i.startswith("user-") for i in win.atlas.order) and started == [tmp_path / "late.geojson"]


# PySide6 6.12 marks the QPoint constructor deprecated; 6.11 has no other one.
@pytest.mark.filterwarnings("ignore:Function.*QDragEnterEvent:DeprecationWarning")
def test_dropped_files_are_added(qtbot, win, tmp_path):
    mines().to_file(tmp_path / "dropped.fgb", engine="pyogrio")
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(tmp_path / "dropped.fgb"))])
    enter = QDragEnterEvent(QPoint(50, 50), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                            Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(win, enter)
    assert enter.isAccepted()
    drop = QDropEvent(QPointF(50, 50), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                      Qt.KeyboardModifier.NoModifier)
    with qtbot.waitSignal(win.layer_adder.fileDone, timeout=30000):
        QApplication.sendEvent(win, drop)
    assert drop.isAccepted()
    ready(qtbot, win)
    assert_shown(qtbot, win, "user-dropped")

    text = QMimeData()
    text.setText("not a file")
    refused = QDragEnterEvent(QPoint(50, 50), Qt.DropAction.CopyAction, text, Qt.MouseButton.LeftButton,
                              Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(win, refused)
    assert not refused.isAccepted()


def test_remove_the_current_user_layer(qtbot, win, tmp_path):
    mines().to_file(tmp_path / "gone.geojson", engine="pyogrio")
    layer_id = add(qtbot, win, tmp_path / "gone.geojson")
    tree = win.layers_dock.tree
    tree.setCurrentItem(tree.layer_item("coal_mines"))
    assert not win.layer_adder.remove_action.isEnabled()
    tree.setCurrentItem(tree.layer_item(layer_id))
    assert win.layer_adder.remove_action.isEnabled()
    assert win.layer_adder.remove_action in tree.actions()  # its context menu
    win.layer_adder.remove_action.trigger()
    assert not win.atlas.has_layer(layer_id) and layer_id not in win.user_sources
    ready(qtbot, win)
    assert layer_id not in page_state(qtbot, win)["visible"]


# -- projects -------------------------------------------------------------------------------------
def set_view(qtbot, window, lat, lon, zoom):
    window.controller.call("setView", lat, lon, zoom)
    qtbot.waitUntil(lambda: (window.controller.current_view or {}).get("zoom") == zoom
                    and abs(window.controller.current_view["lat"] - lat) < 1e-9, timeout=5000)


def session(qtbot, window):
    atlas, page = window.atlas, page_state(qtbot, window)
    return {
        "order": atlas.order, "visible": dict(atlas.visible), "opacity": dict(atlas.opacity),
        "page_visible": page["visible"], "page_order": page["order"],
        "bookmarks": list(window.bookmarks), "basemap": window.project_actions.basemap,
        "sources": {i: (s.path, dict(s.options)) for i, s in window.user_sources.items()},
    }


@pytest.fixture
def no_tiles(win, monkeypatch):
    """Basemap changes are followed, but no tile is fetched (tests have no network)."""
    monkeypatch.setattr(win.controller, "set_basemap", lambda basemap: None)


def pits(folder):
    """A user data file in a sub-folder of ``folder``."""
    (folder / "data").mkdir()
    mines().to_file(folder / "data" / "pits.geojson", engine="pyogrio")
    return folder / "data" / "pits.geojson"


def make_session(qtbot, win, data_path):
    layer_id = add(qtbot, win, data_path)
    atlas = win.atlas
    atlas.set_visible("villages", False)
    atlas.set_opacity("coal_mines", 0.4)
    atlas.set_order([layer_id] + [i for i in atlas.order if i != layer_id])
    win.bookmarks.add(Bookmark("Mine A", 47.35, 130.30, 13))
    win.set_basemap("topo")
    set_view(qtbot, win, 47.4, 130.5, 12)
    return layer_id


def test_project_round_trip(qtbot, win, tmp_path, monkeypatch, no_tiles):
    make_session(qtbot, win, pits(tmp_path))
    assert win.project_actions.modified and win.isWindowModified()
    before = session(qtbot, win)
    project = tmp_path / "tour.hegang-project.json"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(tmp_path / "tour"), ""))
    win.project_actions.save_as_action.trigger()
    assert project.is_file() and win.project_actions.path == project
    assert not win.isWindowModified() and win.windowTitle().startswith("tour[*]")
    assert read_project(project).user_layers[0].path == tmp_path / "data" / "pits.geojson"
    assert json.loads(project.read_text())["user_layers"][0]["path"] == "data/pits.geojson"

    win.project_actions.new_project()
    ready(qtbot, win)
    assert win.user_sources == {} and len(win.bookmarks) == 0 and win.project_actions.basemap == "none"
    assert all(win.atlas.visible.values())

    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(project), ""))
    win.project_actions.open_action.trigger()
    ready(qtbot, win)
    qtbot.waitUntil(lambda: page_state(qtbot, win)["view"]["zoom"] == 12, timeout=5000)
    view = page_state(qtbot, win)["view"]
    assert (view["lat"], view["lon"]) == pytest.approx((47.4, 130.5), abs=1e-9)
    assert session(qtbot, win) == before
    assert win.basemap_actions["topo"].isChecked()
    assert not win.isWindowModified() and win.windowTitle().startswith("tour[*]")
    assert win.project_actions.recent_projects()[0] == str(project)
    win.atlas.set_visible("coal_mines", False)
    assert win.isWindowModified()


def test_a_failed_save_keeps_the_old_file(qtbot, win, tmp_path, monkeypatch, warnings):
    project = tmp_path / "keep.hegang-project.json"
    assert win.project_actions.save_to(project)
    old = project.read_bytes()
    win.atlas.set_visible("villages", False)

    def broken_replace(*args):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", broken_replace)
    win.project_actions.save_action.trigger()
    assert project.read_bytes() == old
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")] == []
    (title, text), = warnings
    assert "keep.hegang-project.json" in text and "No space left on device" in text
    assert win.project_actions.modified


def test_moved_user_file_is_reported_and_relinked(qtbot, win, tmp_path, monkeypatch, no_tiles):
    layer_id = make_session(qtbot, win, pits(tmp_path))
    project = tmp_path / "moved.hegang-project.json"
    assert win.project_actions.save_to(project)
    moved = tmp_path / "elsewhere" / "pits.geojson"
    moved.parent.mkdir()
    (tmp_path / "data" / "pits.geojson").rename(moved)

    listed = []
    monkeypatch.setattr(MissingFilesDialog, "exec", lambda self: listed.append(list(self.relink_buttons)) or 0)
    win.project_actions.new_project()
    assert win.project_actions.open_project(project)
    assert listed == [[layer_id]] and not win.atlas.has_layer(layer_id)
    assert "pits.geojson was not found" in win.project_actions.notice.informativeText()
    win.project_actions.notice.hide()

    def relink(dialog):
        dialog.relink_buttons[layer_id].click()
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(moved), ""))
    monkeypatch.setattr(MissingFilesDialog, "exec", relink)
    win.project_actions.modified = False
    assert win.project_actions.open_project(project)
    ready(qtbot, win)
    assert_shown(qtbot, win, layer_id)
    assert win.user_sources[layer_id].path == moved
    assert win.atlas.order[0] == layer_id and win.atlas.visible["villages"] is False
    assert win.project_actions.modified  # the file still names the old place


def test_open_recent_drops_a_missing_project(qtbot, win, tmp_path, monkeypatch):
    kept = tmp_path / "kept.hegang-project.json"
    assert win.project_actions.save_to(kept)
    gone = tmp_path / "gone.hegang-project.json"
    win.settings.setValue(RECENT_KEY, [str(gone), str(kept)])
    told = []
    monkeypatch.setattr(QMessageBox, "information", lambda parent, title, text, *a: told.append(text))
    win.project_actions.open_recent(gone)
    assert win.project_actions.recent_projects() == [str(kept)]
    assert "gone.hegang-project.json" in told[0]
    assert [a.text() for a in win.project_actions.recent_menu.actions()] == ["&1 kept"]


def test_closing_with_unsaved_changes_asks(qtbot, win, monkeypatch):
    win.atlas.set_opacity("villages", 0.5)
    asked = []
    monkeypatch.setattr(QMessageBox, "question",
                        lambda *a: asked.append(a[2]) or QMessageBox.StandardButton.Cancel)
    win.close()
    assert asked and "Untitled" in asked[0] and win.isVisible()


def test_command_line_opens_a_project_and_adds_data(qtbot, win, tmp_path):
    project = tmp_path / "cli.hegang-project.json"
    win.bookmarks.add(Bookmark("Here", 47.3, 130.3, 10))
    assert win.project_actions.save_to(project)
    win.project_actions.new_project()
    csv = tmp_path / "cli.csv"
    csv.write_text("lon,lat\n130.3,47.3\n", encoding="utf-8")
    with qtbot.waitSignal(win.layer_adder.fileDone, timeout=30000):
        open_paths(win, [str(project), str(csv)])
    assert win.project_actions.path == project and [b.name for b in win.bookmarks] == ["Here"]
    assert win.atlas.order[-1] == "user-cli"


# -- autosave and recovery ------------------------------------------------------------------------
def test_autosave_and_recovery_after_a_crash(qtbot, win, root, tmp_path, monkeypatch):
    mines().to_file(tmp_path / "unsaved.geojson", engine="pyogrio")
    layer_id = add(qtbot, win, tmp_path / "unsaved.geojson")
    win.atlas.set_opacity("villages", 0.25)
    win.bookmarks.add(Bookmark("Unsaved", 47.3, 130.3, 10))
    recovery = root / "recovery" / RECOVERY_NAME
    assert not recovery.exists()
    win.project_actions.autosave_timer.setInterval(50)
    try:
        qtbot.waitUntil(recovery.exists, timeout=5000)
    finally:
        win.project_actions.autosave_timer.setInterval(60_000)
    assert find_recovery(root / "recovery").project is None

    asked = []
    monkeypatch.setattr(QMessageBox, "question", lambda *a: asked.append(a[2]) or QMessageBox.StandardButton.Yes)
    # The first window never closed: as after a crash, a new one finds the recovery file.
    again = open_window(root, "second")
    try:
        qtbot.waitUntil(lambda: again.atlas.has_layer(layer_id), timeout=10000)
        assert "Restore unsaved work from" in asked[0]
        assert again.atlas.opacity["villages"] == 0.25 and [b.name for b in again.bookmarks] == ["Unsaved"]
        assert again.user_sources[layer_id].path == tmp_path / "unsaved.geojson"
        assert again.isWindowModified() and again.project_actions.path is None
        ready(qtbot, again)
        assert_shown(qtbot, again, layer_id)
    finally:
        again.project_actions.modified = False
        close_window(again)  # a clean exit removes the recovery file
    assert not recovery.exists()


def test_recovery_helpers_need_no_qt(tmp_path):
    layers, geodata = write_atlas(tmp_path)
    atlas = load_atlas(layers=layers, geodata=geodata)
    atlas.set_visible("villages", False)
    folder = tmp_path / "app-data" / "recovery"
    assert find_recovery(folder) is None
    path = write_recovery(folder, atlas, [Bookmark("B", 47.0, 130.0, 9)], View(lat=47.1, lon=130.2, zoom=10),
                          "osm", {}, project=tmp_path / "p.hegang-project.json")
    found = find_recovery(folder)
    assert found.path == path and found.project == tmp_path / "p.hegang-project.json"
    assert abs((datetime.now() - found.saved_at).total_seconds()) < 60
    data = read_project(path)
    assert data.basemap == "osm" and data.view.zoom == 10 and data.layers[1].visible is False
    discard_recovery(folder)
    assert find_recovery(folder) is None and list(folder.iterdir()) == []
    code = "import sys, hegang_atlas.model.recovery; print(any(m.startswith('PySide6') for m in sys.modules))"
    assert subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout == "False\n"
