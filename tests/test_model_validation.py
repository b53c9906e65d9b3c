"""Validation errors name the file, the feature or field, and the problem."""

import json

import pytest

from hegang_atlas.model import AtlasError, load_atlas
from tests.minimal_atlas import write_atlas, write_geojson, feature


@pytest.fixture
def folders(tmp_path):
    return write_atlas(tmp_path)


def load(folders):
    layers, geodata = folders
    return load_atlas(layers=layers, geodata=geodata)


def test_minimal_atlas_loads(folders):
    atlas = load(folders)
    assert atlas.order == ["amur_border", "villages", "coal_mines"]
    assert len(atlas.layer("coal_mines")) == 2


def test_unknown_field_in_definition(folders):
    layers, _ = folders
    path = layers / "coal_mines.toml"
    path.write_text(path.read_text().replace('name = "status"', 'name = "capacity"'))
    with pytest.raises(AtlasError) as err:
        load(folders)
    assert "coal_mines.geojson" in err.value.message
    assert "unknown field 'capacity'" in err.value.message


def test_unknown_key_in_definition(folders):
    layers, _ = folders
    path = layers / "amur_border.toml"
    path.write_text(path.read_text() + 'colour = "red"\n')
    with pytest.raises(AtlasError, match=r"amur_border\.toml: unknown field 'colour'"):
        load(folders)


def test_missing_data_file(folders):
    _, geodata = folders
    (geodata / "villages.geojson").unlink()
    with pytest.raises(AtlasError, match=r"villages\.geojson: file not found"):
        load(folders)


def test_duplicate_feature_id(folders):
    _, geodata = folders
    point = {"type": "Point", "coordinates": [130.3, 47.3]}
    write_geojson(geodata / "coal_mines.geojson", [feature("m", point, status=None), feature("m", point, status=None)])
    with pytest.raises(AtlasError, match=r"coal_mines\.geojson: duplicate feature id 'm'"):
        load(folders)


def test_dangling_claim_id(folders):
    _, geodata = folders
    point = {"type": "Point", "coordinates": [130.3, 47.3]}
    write_geojson(geodata / "coal_mines.geojson", [feature("m", point, status=None, claims=["nope"])])
    with pytest.raises(AtlasError, match=r"coal_mines\.geojson: feature 'm': unknown claim id 'nope'"):
        load(folders)


def test_wrong_geometry_type(folders):
    _, geodata = folders
    line = {"type": "LineString", "coordinates": [[130.3, 47.3], [130.4, 47.4]]}
    write_geojson(geodata / "coal_mines.geojson", [feature("m", line, status=None)])
    with pytest.raises(AtlasError, match=r"feature 'm': geometry is LineString, the layer expects Point"):
        load(folders)


def test_bad_position_quality(folders):
    _, geodata = folders
    point = {"type": "Point", "coordinates": [130.3, 47.3]}
    write_geojson(geodata / "coal_mines.geojson", [feature("m", point, status=None, position_quality="guessed")])
    with pytest.raises(AtlasError, match="position_quality 'guessed'"):
        load(folders)


def test_one_sided_disagreement(folders):
    _, geodata = folders
    path = geodata / "sources.toml"
    path.write_text(path.read_text().replace('disagrees_with = ["c-two"]\n', ""))
    with pytest.raises(AtlasError, match="claim 'c-two': disagreement with 'c-three' is not listed on both"):
        load(folders)


def test_malformed_toml(folders):
    layers, _ = folders
    (layers / "villages.toml").write_text("id = ")
    with pytest.raises(AtlasError, match=r"villages\.toml: not valid TOML"):
        load(folders)


def test_layer_id_must_match_file(folders):
    layers, _ = folders
    path = layers / "villages.toml"
    path.write_text(path.read_text().replace('id = "villages"', 'id = "hamlets"'))
    with pytest.raises(AtlasError, match="layer id 'hamlets' must match the file name 'villages'"):
        load(folders)


def test_unknown_derived_value(folders):
    layers, _ = folders
    path = layers / "villages.toml"
    path.write_text(path.read_text().replace('"area_km2"', '"volume_m3"'))
    with pytest.raises(AtlasError, match="unknown derived value"):
        load(folders)


def test_error_is_one_line(folders):
    _, geodata = folders
    (geodata / "amur_border.geojson").write_text(json.dumps({"type": "FeatureCollection"})[:-3])
    with pytest.raises(AtlasError) as err:
        load(folders)
    assert "\n" not in err.value.message
    assert "amur_border.geojson" in err.value.message
