"""GeoPackage export: tables read back as the model holds them, styles QGIS can load, safe failures."""

import os
import sqlite3
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import geopandas as gpd
import pyogrio
import pytest
import shapely

from hegang_atlas.export import gpkg
from hegang_atlas.export.common import ExportOptions
from hegang_atlas.export.qml import layer_qml
from hegang_atlas.model import AtlasError, load_atlas
from hegang_atlas.model.definitions import LayerDef, legend
from hegang_atlas.model.layers import CORE, build_layer, clean
from tests.minimal_atlas import write_atlas, write_geojson, feature

HOSTILE = ["<img src=x onerror=alert(1)>", "]]>&\"'", "a\\b\nc"]
TABLES = ["claims", "documents", "layer_styles"]


@pytest.fixture
def written(atlas, tmp_path):
    """The bundled atlas and its GeoPackage."""
    out = tmp_path / "atlas.gpkg"
    gpkg.write_gpkg(atlas, out)
    return atlas, out


def styles(path):
    with sqlite3.connect(path) as db:
        db.row_factory = sqlite3.Row
        rows = list(db.execute("SELECT * FROM layer_styles"))
    db.close()
    return {row["f_table_name"]: row for row in rows}


def renderer(qml):
    return ET.fromstring(qml).find("renderer-v2")


def toml_string(text):
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") + '"'


# -- tables ----------------------------------------------------------------------------------
def test_every_layer_and_table_is_listed(written):
    atlas, out = written
    listed = {name: kind for name, kind in pyogrio.list_layers(out)}
    assert set(listed) == set(atlas.order) | set(TABLES)
    assert all(listed[t] is None for t in TABLES)


def test_features_read_back_as_the_model_holds_them(written):
    atlas, out = written
    for layer in atlas.layers:
        back = pyogrio.read_dataframe(out, layer=layer.id)
        assert back.crs.to_epsg() == 4326
        assert list(back["feature_id"]) == layer.feature_ids()
        properties = [c for c in layer.frame.columns if c not in CORE and c != layer.frame.geometry.name]
        expected = ["feature_id", "name", "name_zh", "position_quality", "position_note", "claim_ids",
                    *properties, *layer.definition.derived]
        assert list(back.columns) == [*expected, "geometry"]
        for fid, claims in zip(back["feature_id"], back["claim_ids"]):
            assert tuple(c for c in (claims or "").split(";") if c) == layer.feature(fid).claims
        for column in ("name", "name_zh", "position_quality", "position_note"):
            assert [clean(v) for v in back[column]] == [clean(v) for v in layer.frame[column]]
        for name in layer.definition.derived:
            assert back[name].astype(float).tolist() == pytest.approx(layer.derived[name].astype(float).tolist())
        assert shapely.equals(back.geometry.to_numpy(), layer.frame.geometry.to_numpy()).all()


def test_claims_and_documents_tables(written):
    atlas, out = written
    claims = pyogrio.read_dataframe(out, layer="claims")
    assert list(claims["id"]) == list(atlas.registry.claims)
    for row in claims.itertuples():
        claim = atlas.registry.claims[row.id]
        assert (row.document, row.paragraph, row.statement) == (claim.document, claim.paragraph, claim.statement.en)
        assert tuple(c for c in row.disagrees_with.split(";") if c) == claim.disagrees_with
    documents = pyogrio.read_dataframe(out, layer="documents")
    assert list(documents["id"]) == list(atlas.registry.documents)
    assert list(documents.columns) == ["id", "kind", "title", "language", "date", "publisher", "url"]


# -- styles ----------------------------------------------------------------------------------
def test_layer_styles_has_the_default_style_of_every_layer(written):
    atlas, out = written
    rows = styles(out)
    assert set(rows) == set(atlas.order)
    with sqlite3.connect(out) as db:
        columns = [r[1] for r in db.execute("PRAGMA table_info(layer_styles)")]
        kind = db.execute("SELECT data_type FROM gpkg_contents WHERE table_name = 'layer_styles'").fetchone()
    db.close()
    assert columns == ["id", "f_table_catalog", "f_table_schema", "f_table_name", "f_geometry_column", "styleName",
                       "styleQML", "styleSLD", "useAsDefault", "description", "owner", "ui", "update_time"]
    assert kind == ("attributes",)
    for layer in atlas.layers:
        row = rows[layer.id]
        assert row["useAsDefault"] == 1 and row["f_table_schema"] == ""
        assert row["f_geometry_column"] == pyogrio.read_info(out, layer=layer.id)["geometry_name"]
        style = layer.definition.style
        in_use = style.by or set(style.quality) & layer.qualities()
        expected = "categorizedSymbol" if in_use else "singleSymbol"
        if layer.definition.geometry == "Mixed":
            expected = "RuleRenderer"
        assert renderer(row["styleQML"]).get("type") == expected
    assert len(pyogrio.read_dataframe(out, layer="layer_styles")) == len(atlas.order)


def test_categories_follow_the_legend(atlas):
    for layer in atlas.layers:
        style, qualities = layer.definition.style, layer.qualities()
        root = renderer(layer_qml(layer.definition, qualities))
        if root.get("type") == "singleSymbol":
            continue
        labels = {c.get("label") for c in root.iter("category")}
        assert {label for label, _ in legend(layer.definition, set())} <= labels
        combinations = (len(style.by.values) + 1 if style.by else 1) * (len(set(style.quality) & qualities) + 1)
        assert len(labels) == combinations


def test_quality_overrides_combine_with_categories(tmp_path):
    layers, geodata = write_atlas(tmp_path)
    path = layers / "coal_mines.toml"
    path.write_text(path.read_text() + '\n[style.quality.approximate]\ndash_array = "2 3"\nfill_opacity = 0.25\n')
    layer = load_atlas(layers=layers, geodata=geodata).layer("coal_mines")
    root = renderer(layer_qml(layer.definition, layer.qualities()))
    assert root.get("type") == "categorizedSymbol"
    values = [c.get("value") for c in root.iter("category")]
    assert values == ["operating|", "operating|approximate", "|", "|approximate"]
    assert root.get("attr") == (
        "if(to_string(\"status\") IN ('operating'), to_string(\"status\"), '') || '|' || "
        "if(\"position_quality\" IN ('approximate'), \"position_quality\", '')"
    )
    dashed = root.findall("symbols/symbol")[1]
    assert dashed.find("layer").get("class") == "SimpleMarker"
    options = {o.get("name"): o.get("value") for o in dashed.iter("Option") if o.get("name")}
    assert options["outline_style"] == "dash" and options["color"].endswith(",64")


def test_hostile_values_keep_the_qml_well_formed(tmp_path):
    layers, geodata = write_atlas(tmp_path)
    path = layers / "coal_mines.toml"
    extra = "".join(f'[style.by.values.{toml_string(v)}]\nlabel = {toml_string(v)}\ncolor = "#ff0000"\n' for v in HOSTILE)
    path.write_text(path.read_text() + extra + "\n[style.quality.approximate]\nweight = 1\n")
    write_geojson(geodata / "coal_mines.geojson", [
        feature(f"m{i}", {"type": "Point", "coordinates": [130.3 + i / 10, 47.35]}, name=v, status=v)
        for i, v in enumerate(HOSTILE)
    ])
    atlas = load_atlas(layers=layers, geodata=geodata)
    out = tmp_path / "hostile.gpkg"
    gpkg.write_gpkg(atlas, out)
    qml = styles(out)["coal_mines"]["styleQML"]
    root = renderer(qml)
    values = {c.get("value") for c in root.iter("category")}
    labels = {c.get("label") for c in root.iter("category")}
    assert {f"{v}|" for v in HOSTILE} <= values and set(HOSTILE) <= labels
    assert "<img" not in qml and "]]>" not in qml
    assert "'<img src=x onerror=alert(1)>'" in root.get("attr")
    assert "']]>&\"'''" in root.get("attr") and "'a\\\\b\\nc'" in root.get("attr")
    names = pyogrio.read_dataframe(out, layer="coal_mines")["name"].tolist()
    assert names == HOSTILE


def test_mixed_user_layer_with_clashing_field_names(tmp_path):
    layers, geodata = write_atlas(tmp_path)
    atlas = load_atlas(layers=layers, geodata=geodata)
    definition = LayerDef(id="my_walk", title="My walk", group="user", geometry="Mixed", data="walk.geojson",
                          labels=True)
    frame = gpd.GeoDataFrame(
        {"id": ["p", "l", "a"], "name": ["P", "L", "A"], "position_quality": ["approximate"] * 3,
         "fid": ["x", "y", "z"], "Feature_ID": [1, 2, 3], "tags": [["a", "b"], [], None],
         "seen": [True, None, False]},
        geometry=[shapely.Point(130.3, 47.3), shapely.LineString([(130.3, 47.3), (130.4, 47.4)]),
                  shapely.box(130.3, 47.3, 130.31, 47.31)],
        crs="EPSG:4326",
    )
    atlas.add_layer(build_layer(definition, frame, atlas.registry, tmp_path / "walk.geojson"))
    out = tmp_path / "mixed.gpkg"
    gpkg.write_gpkg(atlas, out)
    info = pyogrio.read_info(out, layer="my_walk")
    assert info["geometry_type"] == "Unknown" and info["features"] == 3
    back = pyogrio.read_dataframe(out, layer="my_walk")
    assert list(back["fid_2"]) == ["x", "y", "z"] and list(back["Feature_ID_2"]) == [1, 2, 3]
    assert [clean(v) for v in back["tags"]] == ["a;b", "", None]
    assert info["ogr_subtypes"][list(info["fields"]).index("seen")] == "OFSTBoolean"
    qml = ET.fromstring(styles(out)["my_walk"]["styleQML"])
    rules = qml.find("renderer-v2").findall("rules/rule")
    assert [r.get("label") for r in rules] == ["Point", "Line", "Polygon"]
    assert {s.get("type") for s in qml.iter("symbol")} == {"marker", "line", "fill"}
    assert qml.find("labeling/settings/text-style").get("fieldName") == "name"


def test_reserved_layer_id_is_refused(tmp_path):
    layers, geodata = write_atlas(tmp_path)
    (layers / "amur_border.toml").rename(layers / "claims.toml")
    path = layers / "claims.toml"
    path.write_text(path.read_text().replace('id = "amur_border"', 'id = "claims"'))
    atlas = load_atlas(layers=layers, geodata=geodata)
    with pytest.raises(AtlasError, match="reserved"):
        gpkg.write_gpkg(atlas, tmp_path / "out.gpkg")


# -- the command and its failures ------------------------------------------------------------
def run_cli(*args, cwd):
    return subprocess.run([sys.executable, "-m", "hegang_atlas", *args], cwd=cwd, capture_output=True, text=True,
                          timeout=300)


def test_cli_export_prints_what_it_wrote(tmp_path):
    result = run_cli("export", "gpkg", "OUT.gpkg", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("wrote OUT.gpkg (") and "layers: " in result.stdout
    assert os.listdir(tmp_path) == ["OUT.gpkg"]
    assert set(load_atlas().order) <= {name for name, _ in pyogrio.list_layers(tmp_path / "OUT.gpkg")}


def test_cli_export_into_a_missing_folder_fails_cleanly(tmp_path):
    target = tmp_path / "missing" / "out.gpkg"
    result = run_cli("export", "gpkg", str(target), cwd=tmp_path)
    assert result.returncode == 1
    assert result.stderr.count("\n") == 1 and str(target) in result.stderr
    assert os.listdir(tmp_path) == []


@pytest.mark.skipif(hasattr(os, "geteuid") and os.geteuid() == 0, reason="root ignores folder permissions")
def test_cli_export_into_a_read_only_folder_fails_cleanly(tmp_path):
    folder = tmp_path / "ro"
    folder.mkdir()
    folder.chmod(0o555)
    try:
        result = run_cli("export", "gpkg", str(folder / "out.gpkg"), cwd=tmp_path)
    finally:
        folder.chmod(0o755)
    assert result.returncode == 1
    assert result.stderr.count("\n") == 1 and str(folder / "out.gpkg") in result.stderr
    assert os.listdir(folder) == []


def test_export_into_an_unwritable_folder_raises_and_leaves_nothing(atlas, tmp_path, monkeypatch):
    def refuse(*args, **kwargs):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(gpkg, "atlas_for_export", lambda options: atlas)
    monkeypatch.setattr("tempfile.mkstemp", refuse)
    out = tmp_path / "out.gpkg"
    with pytest.raises(AtlasError) as err:
        gpkg.export(ExportOptions(format="gpkg", out=out))
    assert err.value.message == f"{out}: cannot be written (Permission denied)"
    assert os.listdir(tmp_path) == []


def test_failure_while_writing_leaves_nothing(atlas, tmp_path, monkeypatch):
    def fail(path, styles):
        raise RuntimeError("disk full")

    monkeypatch.setattr(gpkg, "atlas_for_export", lambda options: atlas)
    monkeypatch.setattr(gpkg, "_write_styles", fail)
    with pytest.raises(RuntimeError):
        gpkg.export(ExportOptions(format="gpkg", out=tmp_path / "out.gpkg"))
    assert os.listdir(tmp_path) == []


def test_export_report(atlas, tmp_path, monkeypatch):
    monkeypatch.setattr(gpkg, "atlas_for_export", lambda options: atlas)
    report = gpkg.export(ExportOptions(format="gpkg", out=tmp_path / "out.gpkg"))
    assert report.path == Path(tmp_path / "out.gpkg") and report.layers == atlas.order
    assert report.text().startswith(f"wrote {tmp_path / 'out.gpkg'} (")
