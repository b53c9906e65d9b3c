"""The Layers dock changes the model and follows it: visibility, opacity, order, legend."""

import pytest
from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QDropEvent, QImage

from hegang_atlas.model import load_atlas
from hegang_atlas.model.atlas import load_layer
from hegang_atlas.model.definitions import legend
from hegang_atlas.qt.layers_dock import LayersDock, dash_pattern, legend_icon
from tests.minimal_atlas import write_atlas

QUALITY_STYLE = """
[style.quality.approximate]
dash_array = "6 4"
"""
USER_LAYER = """
id = "my_walk"
title = "My walk"
group = "user"
geometry = "LineString"
data = "amur_border.geojson"
"""


@pytest.fixture
def small(tmp_path):
    layers, geodata = write_atlas(tmp_path)
    with open(layers / "villages.toml", "a", encoding="utf-8") as f:
        f.write(QUALITY_STYLE)
    return load_atlas(layers=layers, geodata=geodata)


def make_dock(qtbot, atlas):
    dock = LayersDock(atlas)
    qtbot.addWidget(dock)
    dock.resize(320, 600)
    dock.show()
    qtbot.waitExposed(dock)
    return dock


@pytest.fixture
def dock(qtbot, small):
    return make_dock(qtbot, small)


def listed(dock):
    """{group title: [layer ids, top first]}."""
    tree = dock.tree
    return {
        tree.topLevelItem(i).text(0): [
            tree.topLevelItem(i).child(j).data(0, Qt.ItemDataRole.UserRole)
            for j in range(tree.topLevelItem(i).childCount())
        ]
        for i in range(tree.topLevelItemCount())
    }


def test_groups_list_layers_top_first_with_counts_and_tooltips(dock, small):
    assert dock.objectName() == "LayersDock"
    assert dock.windowTitle() == "Layers"
    assert listed(dock) == {"Story": ["coal_mines", "villages"], "Context": ["amur_border"]}
    item = dock.tree.layer_item("coal_mines")
    assert item.text(0) == "Coal mines"
    assert item.text(1) == "2"
    assert "Coal mines" in item.toolTip(0)


def test_tooltip_escapes_markup(qtbot, tmp_path):
    layers, geodata = write_atlas(tmp_path)
    toml = (layers / "amur_border.toml").read_text(encoding="utf-8")
    (layers / "amur_border.toml").write_text(toml + 'description = "<b>bold</b> & more"\n', encoding="utf-8")
    dock = make_dock(qtbot, load_atlas(layers=layers, geodata=geodata))
    assert "&lt;b&gt;bold&lt;/b&gt; &amp; more" in dock.tree.layer_item("amur_border").toolTip(0)


def test_legend_rows_follow_the_definition(dock, small):
    mines = dock.tree.layer_item("coal_mines")
    assert [mines.child(i).text(0) for i in range(mines.childCount())] == ["Operating"]
    villages = dock.tree.layer_item("villages")
    assert [villages.child(i).text(0) for i in range(villages.childCount())] == [
        "Villages",
        "approximate position",
    ]
    assert not villages.child(1).icon(0).isNull()


def test_dash_array_becomes_a_qt_dash_pattern():
    assert dash_pattern("6 4", 2) == [3, 2]
    assert dash_pattern("2,3,1", 1) == [2, 3, 1, 2, 3, 1]
    assert dash_pattern("", 2) == []


def row_alpha(icon, y):
    image = icon.pixmap(16, 16).toImage().convertToFormat(QImage.Format.Format_ARGB32)
    return [image.pixelColor(x, y).alpha() for x in range(16)]


def test_legend_icons_draw_solid_and_dashed_lines():
    solid = legend_icon({"color": "#000000", "weight": 2}, "LineString")
    dashed = legend_icon({"color": "#000000", "weight": 2, "dashArray": "6 4"}, "LineString")
    assert min(row_alpha(solid, 8)) > 0
    assert 0 in row_alpha(dashed, 8) and max(row_alpha(dashed, 8)) > 0
    square = legend_icon({"fillColor": "#ff0000", "fillOpacity": 1.0}, "Polygon")
    assert square.pixmap(16, 16).toImage().pixelColor(8, 8).red() == 255


def test_checkbox_sets_visibility(dock, small):
    item = dock.tree.layer_item("villages")
    item.setCheckState(0, Qt.CheckState.Unchecked)
    assert small.visible["villages"] is False
    item.setCheckState(0, Qt.CheckState.Checked)
    assert small.visible["villages"] is True


def test_model_visibility_updates_checkbox(dock, small):
    seen = []
    small.events.visibility.connect(lambda *args: seen.append(args))
    small.set_visible("amur_border", False)
    assert dock.tree.layer_item("amur_border").checkState(0) == Qt.CheckState.Unchecked
    assert seen == [("amur_border", False)]  # no echo from the dock


def test_opacity_slider_follows_current_layer(dock, small):
    dock.tree.setCurrentItem(dock.tree.layer_item("villages"))
    dock.opacity_slider.setValue(40)
    assert small.opacity["villages"] == pytest.approx(0.4)
    assert small.opacity["coal_mines"] == 1.0
    small.set_opacity("villages", 0.75)
    assert dock.opacity_slider.value() == 75
    dock.tree.setCurrentItem(dock.tree.layer_item("coal_mines"))
    assert dock.opacity_slider.value() == 100


def test_move_actions_reorder_within_group(dock, small):
    assert small.order == ["amur_border", "villages", "coal_mines"]
    dock.tree.setCurrentItem(dock.tree.layer_item("villages"))
    assert dock.move_up_action.isEnabled() and not dock.move_down_action.isEnabled()
    dock.move_up_action.trigger()
    assert small.order == ["amur_border", "coal_mines", "villages"]
    assert listed(dock)["Story"] == ["villages", "coal_mines"]
    assert dock.current_layer() == "villages"
    dock.move_down_action.trigger()
    assert small.order == ["amur_border", "villages", "coal_mines"]


def test_move_up_by_keyboard(dock, small, qtbot):
    dock.tree.setFocus()
    dock.tree.setCurrentItem(dock.tree.layer_item("villages"))
    qtbot.keyClick(dock.tree, Qt.Key.Key_Up, Qt.KeyboardModifier.ControlModifier)
    assert small.order == ["amur_border", "coal_mines", "villages"]


def test_model_order_updates_list(dock, small):
    small.set_order(["villages", "amur_border", "coal_mines"])
    assert listed(dock) == {"Story": ["coal_mines", "villages"], "Context": ["amur_border"]}
    small.set_order(["coal_mines", "amur_border", "villages"])
    assert listed(dock)["Story"] == ["villages", "coal_mines"]


def drop(dock, layer_id, target, below=False):
    """Drop ``layer_id`` on the upper or lower edge of the ``target`` item."""
    tree = dock.tree
    rect = tree.visualItemRect(target)
    pos = QPointF(rect.center().x(), rect.bottom() - 1 if below else rect.top() + 1)
    data = tree.mimeData([tree.layer_item(layer_id)])
    buttons, modifiers = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    event = QDropEvent(pos, Qt.DropAction.MoveAction, data, buttons, modifiers)
    tree.dropEvent(event)
    return event.isAccepted()


def test_drop_reorders_within_group_only(dock, small):
    item = dock.tree.layer_item
    assert drop(dock, "villages", item("coal_mines"))
    assert small.order == ["amur_border", "coal_mines", "villages"]
    assert drop(dock, "villages", item("coal_mines"), below=True)
    assert small.order == ["amur_border", "villages", "coal_mines"]
    assert drop(dock, "villages", dock.tree.topLevelItem(0))  # on the group: to its top
    assert small.order == ["amur_border", "coal_mines", "villages"]
    assert drop(dock, "villages", item("coal_mines").child(0))  # on a legend row: below its layer
    assert small.order == ["amur_border", "villages", "coal_mines"]
    assert not drop(dock, "amur_border", item("coal_mines"))
    assert small.order == ["amur_border", "villages", "coal_mines"]


def test_double_click_asks_to_zoom(dock, qtbot):
    centre = dock.tree.visualItemRect(dock.tree.layer_item("amur_border")).center()
    qtbot.mouseClick(dock.tree.viewport(), Qt.MouseButton.LeftButton, pos=centre)
    with qtbot.waitSignal(dock.zoomToLayerRequested) as blocker:
        qtbot.mouseDClick(dock.tree.viewport(), Qt.MouseButton.LeftButton, pos=centre)
    assert blocker.args == ["amur_border"]
    assert dock.tree.layer_item("amur_border").isExpanded()  # double-click zooms, does not fold


def test_zoom_action_asks_to_zoom_to_current_layer(dock, qtbot):
    dock.tree.setCurrentItem(dock.tree.layer_item("coal_mines").child(0))
    assert dock.current_layer() == "coal_mines"
    with qtbot.waitSignal(dock.zoomToLayerRequested) as blocker:
        dock.zoom_action.trigger()
    assert blocker.args == ["coal_mines"]


def test_added_layer_appears_under_your_layers(dock, small, tmp_path):
    user = tmp_path / "user"
    user.mkdir()
    (user / "my_walk.toml").write_text(USER_LAYER, encoding="utf-8")
    small.add_layer(load_layer(user / "my_walk.toml", small.registry, tmp_path / "geodata"))
    assert listed(dock) == {
        "Your layers": ["my_walk"],
        "Story": ["coal_mines", "villages"],
        "Context": ["amur_border"],
    }
    small.remove_layer("my_walk")
    assert "Your layers" not in listed(dock)


def test_bundled_layers_are_listed_with_counts_and_legends(qtbot, atlas):
    dock = make_dock(qtbot, atlas)
    groups = listed(dock)
    assert set(groups) == {"Story", "Context"}
    for title, group in (("Story", "story"), ("Context", "context")):
        ids = [i for i in reversed(atlas.order) if atlas.layer(i).definition.group == group]
        assert groups[title] == ids
    for layer in atlas.layers:
        item = dock.tree.layer_item(layer.id)
        assert item.text(1) == f"{len(layer):,}"
        assert item.childCount() == len(legend(layer.definition, layer.qualities()))
        assert all(not item.child(i).icon(0).isNull() for i in range(item.childCount()))
