"""The Attributes dock shows the selected feature's facts and sources, all as literal text."""

import json

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QLabel, QWidget

from hegang_atlas.model import load_atlas
from hegang_atlas.model.derived import DERIVED
from hegang_atlas.qt.attributes_dock import AttributesDock
from tests.minimal_atlas import feature, write_atlas

HOSTILE = "<img src=x onerror=\"document.title='pwned'\">${document.title='pwned2'}"
EMPTY = "Click a feature on the map to see its facts and sources."
MINE_FIELDS = """
[[fields]]
name = "capacity"
label = { en = "Capacity", nl = "Capaciteit" }
unit = "Mt/yr"
"""


@pytest.fixture
def small(tmp_path):
    layers, geodata = write_atlas(tmp_path)
    with open(layers / "coal_mines.toml", "a", encoding="utf-8") as f:
        f.write(MINE_FIELDS)
    path = geodata / "coal_mines.geojson"
    data = json.loads(path.read_text(encoding="utf-8"))
    data["features"][0]["properties"].update(name_zh="鹤岗矿", capacity=1.5)
    data["features"][1]["properties"]["capacity"] = None
    hostile = feature("hostile", {"type": "Point", "coordinates": [130.4, 47.4]}, status=HOSTILE, capacity=None)
    hostile["properties"].update(name=HOSTILE, name_zh=HOSTILE, position_note=HOSTILE)
    data["features"].append(hostile)
    path.write_text(json.dumps(data), encoding="utf-8")
    return load_atlas(layers=layers, geodata=geodata)


@pytest.fixture
def dock(qtbot, small):
    dock = AttributesDock(small)
    qtbot.addWidget(dock)
    dock.show()
    return dock


def lines(dock):
    return dock.text().splitlines()


def test_empty_until_a_feature_is_selected(dock):
    assert dock.objectName() == "AttributesDock"
    assert dock.windowTitle() == "Attributes"
    assert dock.text() == EMPTY


def test_selection_shows_names_layer_fields_and_position(dock, small):
    small.select("coal_mines", "mine-a")
    text = lines(dock)
    assert text[:3] == ["Mine-A", "鹤岗矿", "Coal mines"]
    assert text.index("Status") < text.index("operating") < text.index("Capacity") < text.index("1.5 Mt/yr")
    assert "approximate position" in text
    assert "test" in text  # the position note


def test_unknown_values_say_unknown(dock, small):
    small.select("coal_mines", "mine-b")
    text = lines(dock)
    assert text[text.index("Status") + 1] == "unknown"
    assert text[text.index("Capacity") + 1] == "unknown"


def test_derived_values_with_units_decimals_and_method(dock, small):
    small.select("villages", "v-near")
    text = lines(dock)
    derived = small.feature("villages", "v-near").derived
    assert text[text.index("Area") + 1] == f"{derived['area_km2']:.2f} km²"
    assert text[text.index("Distance to nearest coal mine") + 1] == f"{derived['nearest_mine_km']:.2f} km"
    assert "computed from the drawn shape in UTM zone 52N (EPSG:32652)" in text


def test_claims_with_value_and_citation(dock, small):
    small.select("coal_mines", "mine-a")
    text = lines(dock)
    at = text.index("A test figure.")
    assert text[at + 1 : at + 3] == ["5 %", "A test document, ¶1"]
    assert "Sources disagree:" not in text


def test_disagreeing_claims_are_shown_side_by_side(dock, small):
    small.select("villages", "v-near")
    text = lines(dock)
    assert text.count("Sources disagree:") == 1
    at = text.index("Sources disagree:")
    assert text[at + 1 :] == [
        "One price.", "50,000 RMB", "A test document, ¶2",
        "Another price.", "2,700 EUR", "A test document, ¶3",
    ]


def test_clearing_the_selection_restores_the_empty_text(dock, small):
    small.select("villages", "v-far")
    assert "No source is cited for this feature." in lines(dock)
    small.clear_selection()
    assert dock.text() == EMPTY


def test_hostile_text_is_shown_literally(dock, small):
    small.select("coal_mines", "hostile")
    assert lines(dock).count(HOSTILE) == 4  # name, name_zh, status, position note
    labels = dock.findChildren(QLabel)
    assert labels and all(label.textFormat() == Qt.TextFormat.PlainText for label in labels)


def test_language_switch_shows_translations(dock, small):
    small.select("coal_mines", "mine-a")
    dock.lang = "nl"
    assert "Capaciteit" in lines(dock)
    assert "geschatte positie" in lines(dock)


def test_bundled_features_show_fields_derived_values_and_every_cited_claim(qtbot, atlas):
    dock = AttributesDock(atlas)
    qtbot.addWidget(dock)
    for layer in atlas.layers:
        definition = layer.definition
        for feature in layer.features():
            atlas.select(layer.id, feature.id)
            text = lines(dock)
            assert text[0] == feature.name
            assert definition.title.get("en") in text
            assert all(field.label.get("en") in text for field in definition.fields)
            assert all(DERIVED[name].method.en in text for name in definition.derived)
            for claim_id in feature.claims:
                claim = atlas.registry.claim(claim_id)
                assert claim.text("en") in text
                assert atlas.registry.citation(claim) in text
                assert all(other.text("en") in text for other in atlas.registry.disagreeing(claim))


def test_bundled_disagreeing_claims_are_grouped(qtbot, atlas):
    dock = AttributesDock(atlas)
    qtbot.addWidget(dock)
    feature = next(
        f for layer in atlas.layers for f in layer.features()
        if any(atlas.registry.claim(c).disagrees_with for c in f.claims)
    )
    atlas.select(feature.layer_id, feature.id)
    text = lines(dock)
    assert "Sources disagree:" in text
    disagreeing = [c for c in feature.claims if atlas.registry.claim(c).disagrees_with]
    first = text.index("Sources disagree:")
    assert all(text.index(atlas.registry.claim(c).text("en")) > first for c in disagreeing)


@pytest.mark.parametrize("lang", ["zh", "nl"])
def test_computed_values_are_labelled_in_the_chosen_language(qtbot, atlas, lang):
    dock = AttributesDock(atlas)
    qtbot.addWidget(dock)
    dock.lang = lang
    layer = next(layer for layer in atlas.layers if "nearest_mine_km" in layer.definition.derived)
    atlas.select(layer.id, layer.feature_ids()[0])
    derived = DERIVED["nearest_mine_km"]
    assert derived.label.get(lang) in lines(dock)
    assert derived.method.get(lang) in lines(dock)
    assert derived.label.en not in lines(dock)


def test_values_can_be_selected_for_copying_once_the_pointer_is_over_the_dock(dock, small, qtbot):
    elsewhere = QWidget()
    qtbot.addWidget(elsewhere)
    elsewhere.setGeometry(dock.geometry().translated(0, dock.height() + 50))
    elsewhere.show()
    QTest.mouseMove(elsewhere, QPoint(5, 5))
    qtbot.waitUntil(lambda: not dock.scroll.viewport().underMouse())
    small.select("coal_mines", "mine-a")
    label = next(label for label in dock.findChildren(QLabel) if label.text() == "1.5 Mt/yr")
    assert not label.textInteractionFlags() & Qt.TextInteractionFlag.TextSelectableByMouse  # a click's panel is built lean
    QTest.mouseMove(label, QPoint(5, label.height() // 2))
    qtbot.waitUntil(lambda: bool(label.textInteractionFlags() & Qt.TextInteractionFlag.TextSelectableByMouse))
    QTest.mouseDClick(label, Qt.MouseButton.LeftButton, pos=QPoint(5, label.height() // 2))
    assert label.selectedText()
    small.select("coal_mines", "mine-b")  # built while the pointer is over the dock: selectable at once
    assert all(lbl.textInteractionFlags() & Qt.TextInteractionFlag.TextSelectableByMouse for lbl in dock._labels)
