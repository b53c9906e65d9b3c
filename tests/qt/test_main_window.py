"""The main window end to end: real page, real clicks into Leaflet, panels follow the model."""

import json

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, QPoint, QSettings, Qt
from PySide6.QtTest import QTest

from hegang_atlas.model import load_atlas
from hegang_atlas.qt.main_window import MainWindow
from tests.minimal_atlas import feature, write_atlas, write_geojson

HOSTILE = "<img src=x onerror=\"document.title='pwned'\">${document.title='pwned2'}"


def open_window(qtbot, atlas, tmp_path, size=(1200, 800)):
    window = MainWindow(atlas, QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))
    if size:
        window.resize(*size)
    with qtbot.waitSignal(window.controller.ready, timeout=30000):
        window.show()
    return window


def close_window(window):
    window.close()
    window.map_view.deleteLater()
    window.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


@pytest.fixture
def window(qtbot, atlas, tmp_path):
    window = open_window(qtbot, atlas, tmp_path)
    yield window
    close_window(window)


def evaluate(qtbot, view, js):
    """Run ``js`` (an expression) in the page and wait for its JSON result."""
    box = []
    view.evaluate(js, box.append)
    qtbot.waitUntil(lambda: len(box) > 0, timeout=10000)
    return box[0]


def page_state(qtbot, window):
    return evaluate(qtbot, window.map_view, "window.hegangAtlas.getState()")


def click_feature(qtbot, window, layer, fid, double=False):
    """Centre the feature, then click its pixel with a real mouse event on the web view."""
    view = window.map_view
    evaluate(qtbot, view, f"(() => {{ const p = hegangAtlas.screenPoint({json.dumps(layer)}, {json.dumps(fid)});"
                          "const m = hegangAtlas.map; m.setView(m.containerPointToLatLng([p.x, p.y]), 11, {animate: false});"
                          "return true; })()")
    point = evaluate(qtbot, view, f"hegangAtlas.screenPoint({json.dumps(layer)}, {json.dumps(fid)})")
    target = view.focusProxy() or view
    pos = QPoint(round(point["x"]), round(point["y"]))
    QTest.mouseMove(target, pos)
    QTest.mouseClick(target, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, pos)
    if double:
        # Qt 6's QTest spaces its clicks out so that they never make a double click; dispatch the
        # DOM dblclick at the same pixel instead, into whatever element Leaflet drew there.
        evaluate(qtbot, view, f"document.elementFromPoint({pos.x()}, {pos.y()}).dispatchEvent("
                              f"new MouseEvent('dblclick', {{bubbles: true, cancelable: true, "
                              f"clientX: {pos.x()}, clientY: {pos.y()}}})) || true")


def test_page_loads_leaflet_offline(qtbot, window):
    assert evaluate(qtbot, window.map_view, "L.version") == "1.9.4"
    requests = window.map_view.page().requests
    assert requests.seen and all(u.startswith(("atlas:", "qrc:", "data:", "blob:")) for u in requests.seen)
    assert requests.blocked == []
    assert window.map_view.url().toString() == "atlas://app/index.html"


def test_all_layers_drawn_in_model_order(qtbot, window, atlas):
    state = page_state(qtbot, window)
    assert state["order"] == atlas.order
    assert all(state["visible"].values()) and set(state["visible"]) == set(atlas.order)


def test_toggle_and_opacity_change_the_live_page_without_reload(qtbot, window, atlas):
    evaluate(qtbot, window.map_view, "(window.__sameDocument = 42)")
    before = page_state(qtbot, window)["view"]
    atlas.set_visible("coal_mines", False)
    atlas.set_opacity("wind_potential", 0.3)
    qtbot.waitUntil(lambda: page_state(qtbot, window)["visible"]["coal_mines"] is False, timeout=5000)
    state = page_state(qtbot, window)
    assert state["opacity"]["wind_potential"] == pytest.approx(0.3)
    assert state["view"] == before
    assert evaluate(qtbot, window.map_view, "window.__sameDocument") == 42
    atlas.set_order([i for i in atlas.order if i != "prefecture"] + ["prefecture"])
    qtbot.waitUntil(lambda: page_state(qtbot, window)["order"][-1] == "prefecture", timeout=5000)


def test_click_on_a_mine_fills_the_attributes_dock(qtbot, window, atlas):
    click_feature(qtbot, window, "coal_mines", "xinxing")
    qtbot.waitUntil(lambda: atlas.selection is not None, timeout=5000)
    assert (atlas.selection.layer_id, atlas.selection.feature_id) == ("coal_mines", "xinxing")
    text = window.attributes_dock.text()
    mine = atlas.feature("coal_mines", "xinxing")
    assert mine.name in text and mine.name_zh in text
    for claim_id in mine.claims:
        assert atlas.registry.claim(claim_id).statement.en in text
    qtbot.waitUntil(lambda: page_state(qtbot, window)["highlighted"] == ["coal_mines", "xinxing"], timeout=5000)


def test_escape_clears_and_double_click_zooms(qtbot, window, atlas):
    zoom_before = page_state(qtbot, window)["view"]["zoom"]
    click_feature(qtbot, window, "demolished_villages", "cleared-xinxing-e", double=True)
    qtbot.waitUntil(lambda: page_state(qtbot, window)["view"]["zoom"] > 11, timeout=8000)
    assert atlas.selection.feature_id == "cleared-xinxing-e"
    assert page_state(qtbot, window)["view"]["zoom"] > zoom_before
    window.map_view.setFocus()
    QTest.keyClick(window.map_view.focusProxy() or window.map_view, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: atlas.selection is None, timeout=5000)
    qtbot.waitUntil(lambda: page_state(qtbot, window)["highlighted"] is None, timeout=5000)


def test_cursor_position_reaches_the_status_bar(qtbot, window):
    target = window.map_view.focusProxy() or window.map_view
    for x in (300, 320, 340):
        QTest.mouseMove(target, QPoint(x, 310))
        qtbot.wait(60)
    qtbot.waitUntil(lambda: "° N" in window.coords_label.text(), timeout=5000)
    assert "° E" in window.coords_label.text()
    assert window.zoom_label.text().startswith("Zoom")


def test_hostile_name_is_literal_text_everywhere(qtbot, tmp_path):
    layers, geodata = write_atlas(tmp_path)
    write_geojson(geodata / "coal_mines.geojson", [
        feature("evil", {"type": "Point", "coordinates": [130.3, 47.35]}, name=HOSTILE, status=HOSTILE),
    ])
    atlas = load_atlas(layers=layers, geodata=geodata)
    window = open_window(qtbot, atlas, tmp_path)
    try:
        title = evaluate(qtbot, window.map_view, "document.title")
        click_feature(qtbot, window, "coal_mines", "evil")
        qtbot.waitUntil(lambda: atlas.selection is not None, timeout=5000)
        assert HOSTILE in window.attributes_dock.text()
        tip = evaluate(qtbot, window.map_view, "(document.querySelector('.ha-tooltip') || {}).textContent || null")
        assert tip == HOSTILE
        assert evaluate(qtbot, window.map_view, "document.querySelectorAll('img').length") == 0
        assert evaluate(qtbot, window.map_view, "document.title") == title
    finally:
        close_window(window)


def test_layout_persists(qtbot, atlas, tmp_path):
    window = open_window(qtbot, atlas, tmp_path)
    window.resize(700, 500)  # within the offscreen screen (800x600): restoreGeometry clamps to it
    window.attributes_dock.hide()
    qtbot.waitUntil(lambda: window.width() == 700, timeout=5000)
    close_window(window)
    again = open_window(qtbot, atlas, tmp_path, size=None)
    try:
        assert again.width() == 700
        assert again.attributes_dock.isHidden()
    finally:
        close_window(again)
