"""Whatever bytes a user file holds, the gate returns a drawable result or raises AtlasError, nothing else."""

import csv
import io
import json
import tempfile
from pathlib import Path

import pytest
import shapely
from hypothesis import given, settings
from hypothesis import strategies as st

from hegang_atlas.model import AtlasError, load_atlas
from hegang_atlas.model.gate import GateResult, read_user_file
from hegang_atlas.model.user_layers import user_layer
from tests.minimal_atlas import write_atlas

FUZZ = settings(max_examples=500, deadline=None)
SUFFIXES = [".geojson", ".json", ".csv", ".kml", ".gpkg", ".shp", ".fgb", ".zip", ".kmz", ".txt"]

numbers = (st.floats(allow_nan=False, allow_infinity=False) | st.floats(-180, 180)
           | st.integers(-10**20, 10**20))
scalars = st.none() | st.booleans() | numbers | st.text(max_size=20)
json_values = st.recursive(
    scalars, lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4),
    max_leaves=15,
)
lon_lat = st.tuples(st.floats(-180, 180), st.floats(-90, 90), st.lists(numbers, max_size=1)).map(lambda t: [*t[:2], *t[2]])
positions = lon_lat | lon_lat | st.lists(numbers, min_size=2, max_size=3)
lines = st.lists(positions, min_size=2, max_size=6)
rings = st.tuples(lines, st.booleans()).map(lambda t: t[0] + t[0][:1] if t[1] else t[0])  # closed or not
shapes = {
    "Point": positions, "MultiPoint": st.lists(positions, max_size=4), "LineString": lines,
    "MultiLineString": st.lists(lines, max_size=3), "Polygon": st.lists(rings, min_size=1, max_size=3),
    "MultiPolygon": st.lists(st.lists(rings, min_size=1, max_size=2), max_size=3),
}
junk_coordinates = st.recursive(st.lists(numbers, max_size=4), lambda inner: st.lists(inner, max_size=5), max_leaves=25)
plain_geometries = st.one_of(
    *(st.fixed_dictionaries({"type": st.just(kind), "coordinates": shape}) for kind, shape in shapes.items()),
    st.fixed_dictionaries({"type": st.sampled_from([*shapes, "Curve"]), "coordinates": junk_coordinates | json_values}),
)
geometries = st.recursive(
    plain_geometries | plain_geometries | st.none(),
    lambda inner: st.fixed_dictionaries({"type": st.just("GeometryCollection"), "geometries": st.lists(inner, max_size=3)}),
    max_leaves=5,
)
features = st.fixed_dictionaries(
    {"type": st.sampled_from(["Feature", "Feature", "Feature", "feature"]),
     "properties": st.none() | st.dictionaries(st.text(max_size=10), json_values, max_size=5),
     "geometry": geometries},
    optional={"id": json_values},
)
collections = st.fixed_dictionaries(
    {"type": st.sampled_from(["FeatureCollection", "FeatureCollection", "FeatureCollection", "Feature"]),
     "features": st.lists(features, max_size=6)},
    optional={"crs": json_values, "bbox": json_values},
)
documents = collections.map(lambda doc: json.dumps(doc, ensure_ascii=False))
headers = st.lists(st.sampled_from(["lon", "lat", "x", "y", "经度", "纬度", "name", "id", ""]) | st.text(max_size=6),
                   min_size=1, max_size=5)


@st.composite
def csv_texts(draw):
    header = draw(headers | st.permutations(["lon", "lat", "name", "id"]))
    cells = st.text(max_size=8) | numbers.map(str) | st.floats(-90, 90).map(str)
    rows = draw(st.lists(st.lists(cells, min_size=len(header), max_size=len(header)), max_size=5))
    out = io.StringIO()
    csv.writer(out).writerows([header, *rows])
    return out.getvalue()


any_suffix = st.sampled_from(SUFFIXES)
cases = st.one_of(
    st.tuples(documents.map(str.encode), st.sampled_from([".geojson", ".json"])),
    st.tuples(st.tuples(documents, st.integers(0, 2000)).map(lambda t: t[0][: t[1]].encode()), any_suffix),
    st.tuples(csv_texts().map(str.encode), st.just(".csv")),
    st.tuples(st.tuples(csv_texts(), st.sampled_from(["latin-1", "gb18030", "utf-16"])).map(
        lambda t: t[0].encode(t[1], errors="replace")), st.just(".csv")),
    st.tuples(st.binary(max_size=2000) | documents.map(str.encode), any_suffix),
)


@pytest.fixture(scope="module")
def folder():
    with tempfile.TemporaryDirectory() as tmp:
        yield Path(tmp)


@pytest.fixture(scope="module")
def atlas(folder):
    root = folder / "atlas"
    root.mkdir()
    layers, geodata = write_atlas(root)
    return load_atlas(layers=layers, geodata=geodata)


@FUZZ
@given(case=cases)
def test_any_file_gives_a_result_or_an_atlas_error(folder, atlas, case):
    data, suffix = case
    path = folder / f"case{suffix}"
    path.write_bytes(data)
    try:
        result = read_user_file(path)
    except AtlasError as exc:
        assert "\n" not in exc.message and exc.message.startswith(str(path))
        return
    assert isinstance(result, GateResult) and result.frame.crs.to_epsg() == 4326
    assert result.frame["id"].is_unique
    assert shapely.is_valid(result.frame.geometry.values).all()
    layer = user_layer(result, atlas)
    assert len(layer) == len(result.frame)
