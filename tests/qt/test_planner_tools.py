"""Planner tools on a real window and page: attribute table, search, proximity, bookmarks.

One window per module (opening one costs seconds); each test starts from a reset state.
"""

import pytest
import shapely
from pyproj import Transformer
from PySide6.QtCore import QPoint, QSettings, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QInputDialog, QLabel, QLineEdit, QMessageBox
from pytestqt.qtbot import QtBot
from shapely.geometry import box

from hegang_atlas.model import load_atlas
from hegang_atlas.qt.attribute_table import SORT_ROLE, FeatureFilterProxy, FeatureTableModel
from hegang_atlas.qt.main_window import MainWindow
from hegang_atlas.qt.planner_install import install_planner_tools
from tests.minimal_atlas import feature, write_atlas, write_geojson
from tests.qt.test_main_window import click_feature, close_window, page_state

HOSTILE = "<b>bold</b><img src=x onerror=\"document.title='pwned'\">"
XINXING = (47.38, 130.31)  # the mine's point, lat/lon
ELSEWHERE = (47.0, 131.0, 9)  # a view away from it


@pytest.fixture(scope="module")
def atlas():
    """The bundled atlas, shared by the module's window (tests reset what they change)."""
    return load_atlas()


@pytest.fixture(scope="module")
def window(request, qapp, atlas, tmp_path_factory):
    settings = QSettings(str(tmp_path_factory.mktemp("planner") / "settings.ini"), QSettings.Format.IniFormat)
    window = MainWindow(atlas, settings)
    window.resize(1200, 800)
    install_planner_tools(window)  # returns the installed tools if the window made them itself
    with QtBot(request).waitSignal(window.controller.ready, timeout=30000):
        window.show()
    yield window
    close_window(window)


@pytest.fixture
def tools(qtbot, window, atlas):
    """The window's planner tools, from a clean state: no selection, filters, marks or bookmarks."""
    planner = install_planner_tools(window)
    atlas.clear_selection()
    planner.table_dock.filter_edit.clear()
    planner.table_dock.in_view_check.setChecked(False)
    planner.search_dialog.hide()
    planner.proximity_dialog.reject()
    window.bookmarks.replace([])
    window.activateWindow()
    qtbot.waitUntil(lambda: page_state(qtbot, window)["marked"] == 0, timeout=5000)
    return planner


def set_view(qtbot, window, lat, lon, zoom):
    """Move the map at once and wait until the controller knows the new view."""
    window.controller.call("setView", lat, lon, zoom)
    qtbot.waitUntil(lambda: _near(window.controller.current_view, lat, lon, zoom), timeout=5000)


def _near(view, lat, lon, zoom=None, tolerance=1e-3):
    return (view is not None and abs(view["lat"] - lat) < tolerance and abs(view["lon"] - lon) < tolerance
            and (zoom is None or view["zoom"] == zoom))


def page_view(qtbot, window):
    return page_state(qtbot, window)["view"]


def table_ids(dock):
    """Feature ids in the table's rows, top to bottom."""
    return [dock.model.feature_id(dock.proxy.mapToSource(dock.proxy.index(r, 0)).row())
            for r in range(dock.proxy.rowCount())]


def click_row(dock, feature_id):
    table = dock.table
    index = dock.proxy.mapFromSource(dock.model.index(dock.model.row_of(feature_id), 0))
    table.scrollTo(index)
    rect = table.visualRect(index)
    QTest.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, rect.center())


def column_of(model, header):
    return next(c for c in range(model.columnCount()) if model.headerData(c, Qt.Orientation.Horizontal) == header)


def open_message(dock):
    return [box for box in dock.findChildren(QMessageBox) if box.isVisible()]


# -- menus ----------------------------------------------------------------------------------
def test_tools_menu_and_view_toggles(tools, window):
    assert install_planner_tools(window) is tools  # installed once
    menus = window.menuBar().actions()
    assert window.tools_menu is tools.tools_menu
    assert menus[-2:] == [tools.tools_menu.menuAction(), menus[-1]] and menus[-1].text() == "&Help"
    shortcuts = {a.text(): a.shortcut().toString() for a in tools.tools_menu.actions() if a.text()}
    assert {"&Find…": "Ctrl+F", "Find &within N km…": "Ctrl+Shift+F",
            "Add &bookmark…": "Ctrl+B", "Attribute &table": "Ctrl+T"}.items() <= shortcuts.items()
    view_actions = window.view_menu.actions()
    anchor = view_actions.index(window.attributes_dock.toggleViewAction())
    assert view_actions[anchor + 1:anchor + 3] == [tools.table_dock.toggleViewAction(),
                                                   tools.bookmarks_dock.toggleViewAction()]
    assert window.dockWidgetArea(tools.table_dock) == Qt.DockWidgetArea.BottomDockWidgetArea
    assert tools.bookmarks_dock in window.tabifiedDockWidgets(window.layers_dock)
    assert not tools.proximity_dialog.open_action.isEnabled()


# -- attribute table ------------------------------------------------------------------------
def test_table_model_columns_text_and_literal_names(qapp, tmp_path):
    layers, geodata = write_atlas(tmp_path)
    with open(layers / "coal_mines.toml", "a", encoding="utf-8") as f:
        f.write('\n[[fields]]\nname = "capacity"\nlabel = "Capacity"\nunit = "Mt/yr"\n')
    write_geojson(geodata / "coal_mines.geojson", [
        feature("nine", {"type": "Point", "coordinates": [130.3, 47.3]}, status="open", capacity=9),
        feature("ten", {"type": "Point", "coordinates": [130.4, 47.4]}, status=None, capacity=10.5),
        feature("evil", {"type": "Point", "coordinates": [130.5, 47.5]}, name=HOSTILE, status=HOSTILE, capacity=None),
    ])
    model = FeatureTableModel(load_atlas(layers=layers, geodata=geodata).layer("coal_mines"))
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    assert headers == ["Name", "Chinese name", "Status", "Capacity (Mt/yr)", "Position quality"]
    text = [[model.data(model.index(r, c)) for c in range(model.columnCount())] for r in range(model.rowCount())]
    assert text[1] == ["Ten", "unknown", "unknown", "10.5", "approximate"]
    assert text[2][:3] == [HOSTILE, "unknown", HOSTILE]  # literal text, never markup
    assert model.data(model.index(2, 0), Qt.ItemDataRole.ToolTipRole) is None  # tooltips would read HTML
    proxy = FeatureFilterProxy()
    proxy.setSourceModel(model)
    proxy.sort(3)  # numbers as numbers (9 < 10.5), unknown last
    assert [proxy.data(proxy.index(r, 3), SORT_ROLE) for r in range(3)] == [9.0, 10.5, None]


def test_row_click_selects_on_the_map(qtbot, tools, window, atlas):
    dock = tools.table_dock
    QTest.keyClick(window, Qt.Key.Key_T, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(dock.isVisible, timeout=5000)
    first_story = next(layer.id for layer in reversed(atlas.layers) if layer.definition.group == "story")
    assert dock.layer_id() == first_story
    dock.show_layer("coal_mines")
    click_row(dock, "xinxing")
    assert (atlas.selection.layer_id, atlas.selection.feature_id) == ("coal_mines", "xinxing")
    qtbot.waitUntil(lambda: page_state(qtbot, window)["highlighted"] == ["coal_mines", "xinxing"], timeout=5000)
    assert dock.zoom_button.isEnabled()


def test_map_click_selects_the_row_switching_layer(qtbot, tools, window, atlas):
    dock = tools.table_dock
    dock.show()
    dock.show_layer("coal_mines")
    click_feature(qtbot, window, "demolished_villages", "cleared-xinxing-e")
    qtbot.waitUntil(lambda: atlas.selection is not None, timeout=5000)
    assert atlas.selection.feature_id == "cleared-xinxing-e"
    assert dock.layer_id() == "demolished_villages"
    assert dock.layer_combo.currentData() == "demolished_villages"
    assert dock.selected_feature_id() == "cleared-xinxing-e"
    atlas.clear_selection()
    assert dock.selected_feature_id() is None


def test_a_hidden_table_follows_the_selection_when_shown(qtbot, tools, atlas):
    dock = tools.table_dock
    dock.show()
    dock.show_layer("coal_mines")
    dock.hide()
    atlas.select("demolished_villages", "cleared-xinxing-e")
    assert dock.layer_id() == "coal_mines"  # a hidden table builds nothing
    dock.show()
    qtbot.waitUntil(lambda: dock.layer_id() == "demolished_villages", timeout=5000)
    assert dock.selected_feature_id() == "cleared-xinxing-e"
    assert dock.table.columnWidth(0) > 0


def test_text_filter_and_numeric_sort(qtbot, tools, atlas):
    dock = tools.table_dock
    dock.show()
    dock.show_layer("demolished_villages")
    layer = atlas.layer("demolished_villages")
    assert dock.count_label.text() == f"{len(layer)} of {len(layer)} features"
    QTest.keyClicks(dock.filter_edit, "XINXING MINE")
    expected = [fid for fid in layer.feature_ids() if "xinxing mine" in layer.feature(fid).name.casefold()]
    assert 0 < len(expected) < len(layer)
    assert table_ids(dock) == expected
    assert dock.count_label.text() == f"{len(expected)} of {len(layer)} features"
    dock.filter_edit.clear()
    column = column_of(dock.model, "Distance to nearest coal mine (km)")
    header = dock.table.horizontalHeader()
    x = header.sectionViewportPosition(column) + header.sectionSize(column) // 2
    QTest.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                     QPoint(x, header.height() // 2))
    assert header.sortIndicatorSection() == column
    by_distance = layer.derived["nearest_mine_km"].sort_values()
    order = list(by_distance.index)
    assert table_ids(dock) == (order if header.sortIndicatorOrder() == Qt.SortOrder.AscendingOrder else order[::-1])
    assert dock.model.text(by_distance.iloc[0], 2) in dock.proxy.data(dock.proxy.index(0, column))


def test_only_features_in_the_map_view(qtbot, tools, window, atlas):
    dock = tools.table_dock
    dock.show()
    dock.show_layer("wind_potential")
    frame = atlas.layer("wind_potential").frame
    set_view(qtbot, window, 47.375, 130.625, 12)
    dock.in_view_check.setChecked(True)
    s, w, n, e = window.controller.current_view["bounds"]
    expected = {fid for fid, geometry in frame.geometry.items() if box(w, s, e, n).intersects(geometry)}
    assert 0 < len(expected) < len(frame)
    assert set(table_ids(dock)) == expected
    assert dock.count_label.text() == f"{len(expected)} of {len(frame)} features"
    set_view(qtbot, window, 47.375, 130.625, 8)  # the filter follows the map
    qtbot.waitUntil(lambda: dock.proxy.rowCount() > len(expected), timeout=5000)
    dock.in_view_check.setChecked(False)
    assert dock.proxy.rowCount() == len(frame)


# -- search ---------------------------------------------------------------------------------
def test_search_enter_selects_and_zooms(qtbot, tools, window, atlas):
    set_view(qtbot, window, *ELSEWHERE)
    dialog = tools.search_dialog
    QTest.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(dialog.isVisible, timeout=5000)
    QTest.keyClicks(dialog.query_edit, "Xinxing")
    assert dialog.results.count() == len(dialog.hits()) > 1
    assert dialog.results.item(0).text() == "Xinxing coal mine (新兴煤矿) — Coal mines"
    QTest.keyClick(dialog.query_edit, Qt.Key.Key_Down)
    assert dialog.results.currentRow() == 1
    QTest.keyClick(dialog.query_edit, Qt.Key.Key_Up)
    assert dialog.results.currentRow() == 0
    QTest.keyClick(dialog.query_edit, Qt.Key.Key_Return)
    assert (atlas.selection.layer_id, atlas.selection.feature_id) == ("coal_mines", "xinxing")
    qtbot.waitUntil(lambda: _near(page_view(qtbot, window), *XINXING, tolerance=0.01), timeout=8000)
    assert page_view(qtbot, window)["zoom"] > ELSEWHERE[2]
    QTest.keyClick(dialog.query_edit, Qt.Key.Key_Escape)  # closes the box, keeps the selection
    assert not dialog.isVisible()
    assert atlas.selection is not None


def test_search_by_claim_shows_the_statement(qtbot, tools):
    dialog = tools.search_dialog
    dialog.open_action.trigger()
    QTest.keyClicks(dialog.query_edit, "pension")
    hit = dialog.hits()[0]
    assert hit.matched == "claim"
    assert dialog.results.item(0).text().splitlines()[1][:40] == hit.snippet[:40]
    dialog.query_edit.setText("no such place anywhere")
    assert dialog.results.count() == 0 and dialog.status_label.text() == "No feature matches."


# -- proximity ------------------------------------------------------------------------------
def villages_within(atlas, km):
    """Independently: villages within ``km`` of the Xinxing mine, in UTM 52N, one by one."""
    to_utm = Transformer.from_crs("EPSG:4326", "EPSG:32652", always_xy=True)

    def utm(geometry):
        return shapely.transform(geometry, to_utm.transform, interleaved=False)

    mine = utm(atlas.layer("coal_mines").frame.geometry["xinxing"])
    found = {}
    for fid, geometry in atlas.layer("demolished_villages").frame.geometry.items():
        metres = utm(geometry).distance(mine)
        if metres <= km * 1000:
            found[fid] = metres / 1000
    return found


def test_within_3_km_of_the_xinxing_mine(qtbot, tools, window, atlas):
    dialog = tools.proximity_dialog
    atlas.select("coal_mines", "xinxing")
    assert dialog.open_action.isEnabled()
    QTest.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    qtbot.waitUntil(dialog.isVisible, timeout=5000)
    assert dialog.distance_spin.value() == 3.0
    story = {layer.id for layer in atlas.layers if layer.definition.group == "story"}
    assert set(dialog.checked_layers()) == story - {"coal_mines"}
    dialog.set_checked_layers({"demolished_villages"})
    QTest.mouseClick(dialog.find_button, Qt.MouseButton.LeftButton)

    expected = villages_within(atlas, 3.0)
    assert expected
    rows = range(dialog.results.rowCount())
    names = [dialog.results.item(r, 0).text() for r in rows]
    assert sorted(names) == sorted(atlas.feature("demolished_villages", fid).name for fid in expected)
    distances = [dialog.results.item(r, 2).text() for r in rows]
    assert distances == sorted(f"{km:.2f}" for km in expected.values())
    title = atlas.layer("demolished_villages").definition.title.en
    assert {dialog.results.item(r, 1).text() for r in rows} == {title}
    assert "EPSG:32652" in " ".join(label.text() for label in dialog.findChildren(QLabel))
    qtbot.waitUntil(lambda: page_state(qtbot, window)["marked"] == len(expected), timeout=5000)

    dialog.results.selectRow(0)
    assert atlas.selection.layer_id == "demolished_villages"
    assert atlas.selection.feature_id == dialog.hits()[0].feature_id
    assert dialog.origin.feature_id == "xinxing"  # the origin stays
    QTest.mouseClick(dialog.clear_button, Qt.MouseButton.LeftButton)
    assert dialog.results.rowCount() == 0
    qtbot.waitUntil(lambda: page_state(qtbot, window)["marked"] == 0, timeout=5000)

    dialog.distance_spin.setFocus()
    qtbot.waitUntil(dialog.distance_spin.hasFocus, timeout=5000)
    QTest.keyClick(dialog.distance_spin, Qt.Key.Key_Return)  # the default button: Find
    qtbot.waitUntil(lambda: page_state(qtbot, window)["marked"] == len(expected), timeout=5000)
    QTest.keyClick(dialog.distance_spin, Qt.Key.Key_Escape)  # closes, removes the marks, keeps the selection
    assert not dialog.isVisible() and atlas.selection is not None
    qtbot.waitUntil(lambda: page_state(qtbot, window)["marked"] == 0, timeout=5000)


# -- bookmarks ------------------------------------------------------------------------------
def test_bookmark_round_trip(qtbot, tools, window, monkeypatch):
    dock = tools.bookmarks_dock
    dock.raise_()
    asked = []
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, text: asked.append(text) or ("Xinxing area", True))
    set_view(qtbot, window, *XINXING, 12)
    QTest.keyClick(window, Qt.Key.Key_B, Qt.KeyboardModifier.ControlModifier)
    assert asked == ["View 1"]  # the proposed name
    mark = window.bookmarks.get("Xinxing area")
    assert _near({"lat": mark.lat, "lon": mark.lon, "zoom": mark.zoom}, *XINXING, 12)

    set_view(qtbot, window, *ELSEWHERE)
    dock.list.setCurrentRow(0)
    QTest.keyClick(dock.list, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: _near(page_view(qtbot, window), *XINXING, 12), timeout=8000)

    dock.list.setFocus()
    qtbot.waitUntil(dock.list.hasFocus, timeout=5000)
    QTest.keyClick(dock.list, Qt.Key.Key_F2)
    editor = dock.list.findChild(QLineEdit)
    qtbot.waitUntil(lambda: editor is not None and editor.isVisible(), timeout=5000)
    editor.setText("Mine")
    QTest.keyClick(editor, Qt.Key.Key_Return)  # the delegate commits from the event loop
    qtbot.waitUntil(lambda: [b.name for b in window.bookmarks] == ["Mine"], timeout=5000)
    assert dock.current_name() == "Mine"

    assert dock.add_current_view("Other")
    assert not dock.add_current_view("Mine")  # taken: the model's refusal is shown
    assert [box.text() for box in open_message(dock)] == ["a bookmark named 'Mine' already exists"]
    for box in open_message(dock):
        box.close()
    dock.list.item(1).setText("<b>Mine</b>")  # another name is fine, shown literally
    assert [b.name for b in window.bookmarks] == ["Mine", "<b>Mine</b>"]
    dock.list.item(1).setText("Mine")
    assert [box.textFormat() for box in open_message(dock)] == [Qt.TextFormat.PlainText]
    assert [b.name for b in window.bookmarks] == ["Mine", "<b>Mine</b>"]
    assert dock.list.item(1).text() == "<b>Mine</b>"
    for box in open_message(dock):
        box.close()

    dock.list.setCurrentRow(0)
    dock.list.setFocus()
    QTest.keyClick(dock.list, Qt.Key.Key_Delete)
    assert [b.name for b in window.bookmarks] == ["<b>Mine</b>"]
    assert dock.current_name() == "<b>Mine</b>"
