"""The reading gate: every allowed format reads, every bad file is refused in one line, nothing leaks."""

import http.server
import json
import subprocess
import sys
import threading
import time
import zipfile
from pathlib import Path

import geopandas as gpd
import numpy as np
import pyogrio
import pytest
import shapely
from pyproj import Transformer
from shapely.geometry import LineString, Point, Polygon

from hegang_atlas.model import gate, load_atlas
from hegang_atlas.model.errors import AtlasError
from hegang_atlas.model.gate import NeedsColumns, NeedsLayerChoice, ReadCancelled, list_layers, read_user_file
from hegang_atlas.model.user_layers import add_user_file, user_layer
from tests.minimal_atlas import write_atlas

BAD = Path(__file__).parent / "data" / "bad"
MINES = [Point(130.30, 47.35), Point(130.28, 47.30)]
TO_UTM = Transformer.from_crs("EPSG:4326", "EPSG:32652", always_xy=True)


@pytest.fixture
def small(tmp_path):
    root = tmp_path / "atlas"
    root.mkdir()
    layers, geodata = write_atlas(root)
    return load_atlas(layers=layers, geodata=geodata)


def mines(crs="EPSG:4326"):
    frame = gpd.GeoDataFrame({"name": ["Xingshan", "Nanshan"], "status": ["closed", "operating"]},
                             geometry=MINES, crs="EPSG:4326")
    return frame.to_crs(crs)


def write_features(path, features, **members):
    doc = {"type": "FeatureCollection", **members, "features": [
        {"type": "Feature", "properties": props, "geometry": geometry} for geometry, props in features
    ]}
    path.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    return path


def point(lon=130.3, lat=47.35):
    return {"type": "Point", "coordinates": [lon, lat]}


def shoelace(ring):
    xs, ys = np.array(ring).T
    return abs(np.dot(xs, np.roll(ys, -1)) - np.dot(ys, np.roll(xs, -1))) / 2


@pytest.fixture
def server(tmp_path, monkeypatch):
    """A local HTTP server over ``tmp_path / "www"``; yields (base URL, list of requested paths)."""
    for name in ("http_proxy", "HTTP_PROXY", "https_proxy", "HTTPS_PROXY", "all_proxy", "ALL_PROXY"):
        monkeypatch.delenv(name, raising=False)
    root = tmp_path / "www"
    root.mkdir()
    hits = []

    class Handler(http.server.SimpleHTTPRequestHandler):
        def __init__(self, *args, **kwargs):
            super().__init__(*args, directory=str(root), **kwargs)

        def do_GET(self):
            hits.append(self.path)
            super().do_GET()

        def log_message(self, *args):
            pass

    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}", root, hits
    httpd.shutdown()
    httpd.server_close()


# -- formats --------------------------------------------------------------------------------------
def test_geojson_points_get_the_core_columns(tmp_path):
    path = write_features(tmp_path / "mines.geojson", [
        (point(130.30, 47.35), {"id": "xs", "name": "Xingshan", "depth_m": 800}),
        (point(130.28, 47.30), {"id": "ns", "name": None, "depth_m": None}),
    ])
    result = read_user_file(path)
    frame = result.frame
    assert frame.crs.to_epsg() == 4326 and result.driver == "GeoJSON" and result.source == path.resolve()
    assert list(frame["id"]) == ["xs", "ns"] and list(frame["id_original"]) == ["xs", "ns"]
    assert list(frame["name"]) == ["Xingshan", "Feature 2"]
    assert list(frame["position_quality"]) == ["sourced", "sourced"]
    assert set(frame["position_note"]) == {"from your file mines.geojson"}
    assert list(frame["claims"]) == [(), ()] and frame["name_zh"].isna().all()
    assert {"name_original", "depth_m"} <= set(frame.columns)
    assert result.warnings == [] and result.repaired == result.skipped == 0


def test_ids_fall_back_to_numbers_when_the_id_column_repeats(tmp_path):
    path = write_features(tmp_path / "dupes.geojson", [(point(), {"id": "a", "title": "One"}),
                                                       (point(), {"id": "a", "title": "Two"})])
    frame = read_user_file(path).frame
    assert list(frame["id"]) == ["f1", "f2"] and list(frame["name"]) == ["One", "Two"]


def test_3d_lines_become_2d_with_a_warning(tmp_path):
    path = write_features(tmp_path / "tracks.geojson", [
        ({"type": "LineString", "coordinates": [[130.2, 47.3, 210.0], [130.3, 47.4, 250.5]]}, {"name": "Track"}),
    ])
    result = read_user_file(path)
    line = result.frame.geometry.iloc[0]
    assert not line.has_z and list(line.coords) == [(130.2, 47.3), (130.3, 47.4)]
    assert "1 feature had heights (3D); the 2D positions are kept" in result.warnings


def test_geopackage_with_two_layers_needs_a_choice(tmp_path):
    path = tmp_path / "two.gpkg"
    mines().to_file(path, layer="mines", engine="pyogrio")
    gpd.GeoDataFrame({"name": ["Railway"]}, geometry=[LineString([(130.2, 47.2), (130.4, 47.4)])],
                     crs="EPSG:4326").to_file(path, layer="rail", engine="pyogrio")
    with pytest.raises(NeedsLayerChoice) as caught:
        read_user_file(path)
    assert caught.value.layers == ["mines", "rail"] == list_layers(path)
    assert "holds 2 layers ('mines', 'rail'); choose one" in caught.value.message
    result = read_user_file(path, layer="rail")
    assert result.layer_name == "rail" and list(result.frame["name"]) == ["Railway"]
    with pytest.raises(AtlasError, match="has no layer 'roads'"):
        read_user_file(path, layer="roads")


def test_shapefile_with_prj_is_reprojected(tmp_path):
    mines("EPSG:32652").to_file(tmp_path / "mines.shp", engine="pyogrio")
    result = read_user_file(tmp_path / "mines.shp")
    assert result.frame.crs.to_epsg() == 4326 and result.warnings == []
    for got, expected in zip(result.frame.geometry, MINES):
        assert got.distance(expected) < 1e-7


def test_shapefile_without_prj_assumes_wgs84_or_the_crs_given(tmp_path):
    mines().to_file(tmp_path / "lonlat.shp", engine="pyogrio")
    (tmp_path / "lonlat.prj").unlink()
    result = read_user_file(tmp_path / "lonlat.shp")
    assert "no CRS: assumed WGS84" in result.warnings
    assert list(result.frame.geometry) == MINES

    mines("EPSG:32652").to_file(tmp_path / "utm.shp", engine="pyogrio")
    (tmp_path / "utm.prj").unlink()
    with pytest.raises(AtlasError, match=r"coordinates look projected \(bounds .*\); the file has no CRS"):
        read_user_file(tmp_path / "utm.shp")
    result = read_user_file(tmp_path / "utm.shp", crs_if_missing="EPSG:32652")
    assert result.warnings == [] and all(g.distance(e) < 1e-7 for g, e in zip(result.frame.geometry, MINES))
    with pytest.raises(AtlasError, match="the coordinate system 'EPSG:0' is not known"):
        read_user_file(tmp_path / "utm.shp", crs_if_missing="EPSG:0")


def test_utf8_dbf_without_cpg_is_not_read_as_latin1(tmp_path):
    gpd.GeoDataFrame({"name": ["Café 鹤岗"]}, geometry=[MINES[0]], crs="EPSG:4326").to_file(
        tmp_path / "cafe.shp", engine="pyogrio")
    (tmp_path / "cafe.cpg").unlink()
    assert list(read_user_file(tmp_path / "cafe.shp").frame["name"]) == ["Café 鹤岗"]


def zip_shapefiles(folder, target, *stems):
    with zipfile.ZipFile(target, "w") as archive:
        for stem in stems:
            for part in folder.glob(f"{stem}.*"):
                archive.write(part, f"data/{part.name}")
    return target


def test_zipped_shapefile(tmp_path):
    mines().to_file(tmp_path / "mines.shp", engine="pyogrio")
    mines().iloc[:1].to_file(tmp_path / "one.shp", engine="pyogrio")
    single = zip_shapefiles(tmp_path, tmp_path / "mines.zip", "mines")
    result = read_user_file(single)
    assert result.driver == "ESRI Shapefile" and result.layer_name is None and len(result.frame) == 2

    double = zip_shapefiles(tmp_path, tmp_path / "both.zip", "mines", "one")
    with pytest.raises(NeedsLayerChoice) as caught:
        read_user_file(double)
    assert caught.value.layers == ["data/mines.shp", "data/one.shp"] == list_layers(double)
    result = read_user_file(double, layer="one")
    assert result.layer_name == "data/one.shp" and len(result.frame) == 1

    with zipfile.ZipFile(tmp_path / "notes.zip", "w") as archive:
        archive.writestr("notes.txt", "no map here")
    with pytest.raises(AtlasError, match="is a ZIP archive without a shapefile"):
        read_user_file(tmp_path / "notes.zip")


@pytest.mark.parametrize(("name", "driver"), [("mines.kml", "KML"), ("mines.kmz", "LIBKML")])
def test_kml_and_kmz(tmp_path, name, driver):
    mines().to_file(tmp_path / name, driver=driver, engine="pyogrio")
    result = read_user_file(tmp_path / name)
    assert result.driver in {"KML", "LIBKML"}
    assert list(result.frame["name"]) == ["Xingshan", "Nanshan"] and list(result.frame.geometry) == MINES


def test_flatgeobuf(tmp_path):
    mines().to_file(tmp_path / "mines.fgb", engine="pyogrio")
    result = read_user_file(tmp_path / "mines.fgb")
    assert result.driver == "FlatGeobuf" and list(result.frame["status"]) == ["closed", "operating"]


def test_csv_with_lon_lat_columns(tmp_path):
    path = tmp_path / "wells.csv"
    path.write_text("Name,Longitude,Latitude,depth\nWell 1,130.30,47.35,12\nWell 2,,47.3,5\nWell 3,\"130,28\",47.30,8\n",
                    encoding="utf-8")
    result = read_user_file(path)
    assert result.driver == "CSV" and list(result.frame["name"]) == ["Well 1", "Well 3"]
    assert list(result.frame.geometry) == MINES
    assert "1 feature skipped: 1 with no usable coordinates" in result.warnings
    assert "no CRS: assumed WGS84" in result.warnings and result.skipped == 1


def test_csv_with_chinese_columns(tmp_path):
    path = tmp_path / "矿井.csv"
    path.write_text("名称,经度,纬度\n兴山,130.30,47.35\n", encoding="utf-8")
    result = read_user_file(path)
    assert list(result.frame["name"]) == ["兴山"] and list(result.frame.geometry) == MINES[:1]


def test_csv_columns_are_asked_for_when_not_recognised(tmp_path):
    path = tmp_path / "odd.csv"
    path.write_text("place,east,north\nWell,130.30,47.35\n", encoding="utf-8")
    with pytest.raises(NeedsColumns) as caught:
        read_user_file(path)
    assert caught.value.columns == ["place", "east", "north"]
    assert "no longitude/latitude columns recognised (columns: 'place', 'east', 'north'); choose them" in str(caught.value)
    result = read_user_file(path, lon_column="east", lat_column="north")
    assert list(result.frame.geometry) == MINES[:1]
    with pytest.raises(AtlasError, match="has no column 'lon'"):
        read_user_file(path, lon_column="lon", lat_column="north")


@pytest.mark.parametrize(("encoding", "text"), [
    ("latin-1", "name,lon,lat\nCafé du Marché,130.30,47.35\nZürich Straße,130.28,47.30\n"),
    ("gb18030", "名称,经度,纬度\n兴山煤矿,130.30,47.35\n南山煤矿,130.28,47.30\n"),
    ("cp1251", "name,lon,lat\nХабаровск,130.30,47.35\nБлаговещенск,130.28,47.30\n"),  # also decodes as GB18030
])
def test_csv_that_is_not_utf8_is_decoded_and_the_encoding_named(tmp_path, encoding, text):
    path = tmp_path / "places.csv"
    path.write_bytes(text.encode(encoding))
    result = read_user_file(path)
    expected = [line.split(",")[0] for line in text.splitlines()[1:]]
    assert list(result.frame["name"]) == expected
    guessed = {"latin-1": "cp1252", "gb18030": "gb18030", "cp1251": "cp1251"}[encoding]
    assert f"text is not UTF-8: read as {guessed} (choose another encoding if names look wrong)" in result.warnings
    assert list(read_user_file(path, encoding=encoding).frame["name"]) == expected


def test_geopackage_named_geojson_is_read_as_geopackage_with_a_warning(tmp_path):
    mines().to_file(tmp_path / "real.gpkg", layer="mines", engine="pyogrio")
    disguised = tmp_path / "mines.geojson"
    disguised.write_bytes((tmp_path / "real.gpkg").read_bytes())
    result = read_user_file(disguised)
    assert result.driver == "GPKG" and "read as GPKG although named .geojson" in result.warnings


def test_attributes_become_plain_text(tmp_path):
    path = write_features(tmp_path / "nested.geojson", [
        (point(), {"tags": ["coal", "closed"], "meta": {"opened": 1958}, "geometry": "point", "claims": "c-one"}),
    ])
    frame = read_user_file(path).frame
    assert json.loads(frame["tags"][0]) == ["coal", "closed"]
    assert json.loads(frame["meta"][0]) == {"opened": 1958}
    assert frame["geometry_original"][0] == "point" and frame["claims_original"][0] == "c-one"
    assert frame["claims"][0] == ()


# -- paths, network, limits -------------------------------------------------------------------------
@pytest.mark.parametrize("path", [
    "https://example.com/mines.geojson", "http://example.com/a.geojson", "ftp://example.com/a.shp",
    "/vsicurl/https://example.com/a.geojson", "/vsizip//tmp/a.zip/a.shp", "\\\\server\\share\\a.shp",
    "//server/share/a.shp", "CSV:/etc/passwd", "GPKG:/tmp/a.gpkg:layer",
])
def test_remote_virtual_and_prefixed_paths_are_refused(path):
    with pytest.raises(AtlasError) as caught:
        read_user_file(path)
    assert "is not a local file (web addresses, /vsi paths and network shares are not read)" in caught.value.message


def test_missing_file_and_folder(tmp_path):
    with pytest.raises(AtlasError, match="file not found"):
        read_user_file(tmp_path / "nope.geojson")
    with pytest.raises(AtlasError, match="is not a file"):
        read_user_file(tmp_path)


def test_a_url_is_read_only_when_allowed(server):
    base, root, hits = server
    write_features(root / "mines.geojson", [(point(), {"name": "Xingshan"})])
    url = f"{base}/mines.geojson"
    with pytest.raises(AtlasError, match="is not a local file"):
        read_user_file(url)
    assert hits == []
    result = read_user_file(url, allow_url=True)
    assert result.source == url and list(result.frame["position_note"]) == [f"from {url}"]
    with pytest.raises(AtlasError) as caught:
        read_user_file(f"{base}/missing.geojson", allow_url=True)
    assert caught.value.message.startswith(f"{base}/missing.geojson: cannot be downloaded (")


def test_a_crs_link_inside_a_file_is_not_fetched(server, tmp_path):
    base, _, hits = server
    path = write_features(tmp_path / "linked.geojson", [(point(), {"name": "A"})],
                          crs={"type": "link", "properties": {"href": f"{base}/crs.wkt", "type": "ogcwkt"}})
    proxy = pyogrio.get_gdal_config_option("GDAL_HTTP_PROXY")
    assert len(read_user_file(path).frame) == 1
    assert hits == [] and pyogrio.get_gdal_config_option("GDAL_HTTP_PROXY") == proxy


def test_kml_external_entities_are_not_expanded(tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET", encoding="utf-8")
    path = tmp_path / "xxe.kml"
    path.write_text(f"""<?xml version="1.0"?>
<!DOCTYPE kml [<!ENTITY xxe SYSTEM "file://{secret}">]>
<kml xmlns="http://www.opengis.net/kml/2.2"><Document><Placemark><name>&xxe;</name>
<Point><coordinates>130.3,47.35</coordinates></Point></Placemark></Document></kml>""", encoding="utf-8")
    try:
        frame = read_user_file(path).frame
    except AtlasError as exc:
        assert "TOP-SECRET" not in exc.message
    else:
        assert "TOP-SECRET" not in frame.drop(columns="geometry").to_string()


def test_feature_and_size_limits(tmp_path):
    path = write_features(tmp_path / "many.geojson", [(point(), {}) for _ in range(10)])
    with pytest.raises(AtlasError, match="has 10 features; at most 5 are read"):
        read_user_file(path, max_features=5)
    with pytest.raises(AtlasError, match=r"is [0-9,]+ bytes; files up to 100 bytes are read"):
        read_user_file(path, max_bytes=100)


def test_progress_and_cancel_between_batches(tmp_path, monkeypatch):
    monkeypatch.setattr(gate, "BATCH", 2)
    path = write_features(tmp_path / "many.geojson", [(point(130 + i / 100, 47), {"n": i}) for i in range(10)])
    seen = []
    result = read_user_file(path, progress=seen.append)
    assert seen == [0.2, 0.4, 0.6, 0.8, 1.0] and list(result.frame["n"]) == list(range(10))
    seen.clear()
    with pytest.raises(ReadCancelled, match="reading was cancelled"):
        read_user_file(path, progress=seen.append, cancelled=lambda: len(seen) >= 2)
    assert seen == [0.2, 0.4]


@pytest.mark.parametrize("tail", [b"<html><body>404</body></html>", b"<OGRVRTDataSource/>", b"{}"])
def test_a_long_blank_start_is_sniffed_quickly(tmp_path, tail):
    path = tmp_path / "blank.geojson"
    path.write_bytes(b" \n" * (1 << 19) + tail)
    started = time.perf_counter()
    with pytest.raises(AtlasError):
        read_user_file(path)
    assert time.perf_counter() - started < 5


def test_gdal_skip_is_set_before_pyogrio_registers_drivers():
    code = ("import hegang_atlas.model.gate, pyogrio; d = pyogrio.list_drivers(); "
            "print('OGR_VRT' in d, 'GDALG' in d, 'GeoJSON' in d)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.split() == ["False", "False", "True"]


def test_the_gate_imports_no_qt():
    code = ("import sys, hegang_atlas.model.gate, hegang_atlas.model.user_layers; "
            "print(any(m.startswith('PySide6') for m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "False"


# -- the bad corpus -------------------------------------------------------------------------------
REFUSED = [
    ("empty.geojson", "the file is empty"),
    ("truncated.geojson", "cannot be read (Failed to read GeoJSON data"),
    ("web_page.geojson", "is a web page (HTML), not map data"),
    ("zip_named_geojson.geojson", "is a ZIP archive but is not named .zip"),
    ("garbage.geojson", "is not a GeoJSON, GeoPackage, Shapefile (also zipped), KML, CSV or FlatGeobuf file"),
    ("vrt_disguise.geojson", "is an OGR VRT file (GDAL driver OGR_VRT), which makes GDAL read other files; refused"),
    ("gdalg_disguise.geojson", "is a GDAL pipeline file (GDAL driver GDALG), which makes GDAL read other files; refused"),
    ("topology.json", "is read by GDAL's TopoJSON driver; only GeoJSON"),
    ("track.gpx", "is read by GDAL's GPX driver; only GeoJSON"),
    ("utm_labelled_wgs84.geojson",
     "coordinates look projected (bounds 575000, 5245000, 580000, 5250000); the file is labelled WGS84"),
    ("utm_no_crs.csv", "coordinates look projected (bounds 575000, 5245000, 580000, 5250000); the file has no CRS"),
    ("no_geometry.geojson", "holds no features with a usable location (2 features skipped: 2 with no geometry)"),
    ("empty_collection.geojson", "holds no features"),
    ("too_deep_properties.geojson", "Too many nested objects"),
]


@pytest.mark.parametrize(("name", "problem"), REFUSED)
def test_bad_files_are_refused_in_one_line_and_leave_the_atlas_unchanged(small, name, problem):
    before, emitted = small.order, []
    small.events.layers.connect(lambda: emitted.append(True))
    with pytest.raises(AtlasError) as caught:
        add_user_file(small, BAD / name)
    message = caught.value.message
    assert message.startswith(f"{(BAD / name).resolve()}: ") and problem in message
    assert "\n" not in message and "root:" not in message and "Traceback" not in message
    assert small.order == before and len(small.layers) == len(before) and emitted == []


def test_projected_csv_reads_with_the_crs_given():
    frame = read_user_file(BAD / "utm_no_crs.csv", crs_if_missing="EPSG:32652").frame
    lon, lat = frame.geometry.iloc[0].x, frame.geometry.iloc[0].y
    assert TO_UTM.transform(lon, lat) == pytest.approx((575000, 5245000))


def test_unclosed_ring_is_closed_and_counted():
    result = read_user_file(BAD / "unclosed_rings.geojson")
    square = result.frame.geometry.iloc[0]
    assert square.is_valid and square.area == pytest.approx(0.01) and len(result.frame) == 2
    assert result.repaired == 1 and "1 invalid geometry repaired (shapely.make_valid)" in result.warnings


def test_bowtie_keeps_its_full_area():
    bowtie = read_user_file(BAD / "bowtie.geojson").frame.geometry.iloc[0]
    left = [(130.0, 47.0), (130.1, 47.1), (130.0, 47.2)]
    right = [(130.2, 47.0), (130.2, 47.2), (130.1, 47.1)]
    assert bowtie.geom_type == "MultiPolygon" and bowtie.is_valid
    assert bowtie.area == pytest.approx(shoelace(left) + shoelace(right), rel=1e-9)
    raw = Polygon([(130.0, 47.0), (130.2, 47.2), (130.2, 47.0), (130.0, 47.2)])
    assert raw.buffer(0).area == pytest.approx(shoelace(left))  # the trap make_valid avoids


def test_mixed_geometry_types_make_a_mixed_layer(small):
    layer, warnings = add_user_file(small, BAD / "mixed_types.geojson")
    assert layer.definition.geometry == "Mixed" and warnings == []
    assert sorted(layer.frame.geom_type) == ["LineString", "Point", "Polygon"]


def test_huge_strings_are_cut():
    result = read_user_file(BAD / "huge_strings.geojson")
    assert len(result.frame["note"][0]) == 10_000 == result.frame["note"][0].count("x")
    assert "1 value longer than 10,000 characters cut to 10,000" in result.warnings


def test_deep_properties_are_one_text_value():
    deep = json.loads(read_user_file(BAD / "deep_properties.geojson").frame["deep"][0])
    for _ in range(100):
        deep = deep["k"][0]
    assert deep == "leaf"


def test_script_in_attributes_stays_literal_text(small):
    frame = read_user_file(BAD / "script_attributes.geojson").frame
    assert frame["name"][0] == "<img src=x onerror=alert(1)>${x}"
    assert frame["note"][0] == "`${alert(1)}`</script><script>alert(2)</script>"
    layer, _ = add_user_file(small, BAD / "script_attributes.geojson")
    assert layer.feature("f1").name == "<img src=x onerror=alert(1)>${x}"


# -- user layers ----------------------------------------------------------------------------------
def test_user_layers_get_unique_ids_titles_fields_and_colours(small, tmp_path):
    path = write_features(tmp_path / "Parcels 2024.geojson", [(point(), {"name": "Lot 1", "owner": "city"})])
    first, _ = add_user_file(small, path)
    second, _ = add_user_file(small, path)
    assert (first.id, second.id) == ("user-parcels-2024", "user-parcels-2024-2")
    assert first.definition.title.en == "Parcels 2024.geojson" and first.definition.group == "user"
    assert first.definition.geometry == "Point"
    assert [(f.name, f.label.en) for f in first.definition.fields] == [("name_original", "name_original"),
                                                                       ("owner", "owner")]
    assert first.definition.style.fill_color != second.definition.style.fill_color
    assert small.order[-2:] == [first.id, second.id]
    assert first.feature("f1").properties == {"name_original": "Lot 1", "owner": "city"}


def test_user_layer_from_a_chosen_layer_and_a_chinese_name(small, tmp_path):
    path = tmp_path / "矿区.gpkg"
    mines().to_file(path, layer="mines", engine="pyogrio")
    gpd.GeoDataFrame({"name": ["Pit"]}, geometry=[Point(130.3, 47.3).buffer(0.01)],
                     crs="EPSG:4326").to_file(path, layer="pits", engine="pyogrio")
    layer = user_layer(read_user_file(path, layer="pits"), small)
    assert layer.id == "user-pits" and layer.definition.title.en == "矿区.gpkg:pits"
    assert layer.definition.geometry == "Polygon" and not small.has_layer(layer.id)


def test_add_user_file_needing_a_choice_leaves_the_atlas_unchanged(small, tmp_path):
    path = tmp_path / "odd.csv"
    path.write_text("a,b\n1,2\n", encoding="utf-8")
    before = small.order
    with pytest.raises(NeedsColumns):
        add_user_file(small, path)
    assert small.order == before
    layer, _ = add_user_file(small, path, lon_column="a", lat_column="b")
    assert small.order == [*before, layer.id] and shapely.equals(layer.frame.geometry.iloc[0], Point(1, 2))
