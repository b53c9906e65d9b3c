"""Whatever is in a project file, reading it returns a project or raises AtlasError, nothing else."""

import json
import tempfile
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from hegang_atlas.model import AtlasError, load_atlas
from hegang_atlas.model.project import FORMAT, apply_project, read_project
from tests.minimal_atlas import write_atlas

FUZZ = settings(max_examples=500, deadline=None)

scalars = st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=20)
json_values = st.recursive(
    scalars, lambda inner: st.lists(inner, max_size=5) | st.dictionaries(st.text(max_size=10), inner, max_size=5),
    max_leaves=20,
)
layer_ids = st.sampled_from(["coal_mines", "villages", "amur_border", "wells"])
lats, lons, zooms = st.floats(-90, 90), st.floats(-180, 180), st.floats(0, 24)
PARTS = {
    "layers": st.lists(
        st.fixed_dictionaries({"id": layer_ids}, optional={"visible": st.booleans(), "opacity": st.floats(0, 1)}),
        max_size=6,
        unique_by=lambda d: d["id"],
    ),
    "user_layers": st.lists(
        st.fixed_dictionaries(
            {"id": layer_ids, "path": st.text(max_size=30)},
            optional={"options": st.dictionaries(st.text(max_size=5), scalars, max_size=3)},
        ),
        max_size=3,
        unique_by=lambda d: d["id"],
    ),
    "bookmarks": st.lists(
        st.fixed_dictionaries({"name": st.text(max_size=5), "lat": lats, "lon": lons, "zoom": zooms}),
        max_size=3,
        unique_by=lambda d: d["name"],
    ),
    "view": st.fixed_dictionaries({"lat": lats, "lon": lons, "zoom": zooms}),
    "basemap": st.text(max_size=10),
    "selection": st.fixed_dictionaries({"layer": layer_ids, "feature": st.sampled_from(["mine-a", "v-near", ""])}),
}


def projects(junk: bool):
    """Project-shaped data with plausible parts; with ``junk``, any part may be random JSON instead."""
    parts = {key: part | json_values if junk else part for key, part in PARTS.items()}
    version = st.just(1) | json_values if junk else st.just(1)
    return st.fixed_dictionaries({"format": st.just(FORMAT), "version": version}, optional=parts)


@pytest.fixture(scope="module")
def folder():
    with tempfile.TemporaryDirectory() as tmp:
        yield Path(tmp)


@pytest.fixture(scope="module")
def atlas(folder):
    layers, geodata = write_atlas(folder)
    return load_atlas(layers=layers, geodata=geodata)


def read_or_atlas_error(path: Path, content: bytes):
    path.write_bytes(content)
    try:
        return read_project(path)
    except AtlasError:
        return None


def no_reader(path, options):
    raise AtlasError(path, "no user files in this test")


@FUZZ
@given(st.binary(max_size=300))
def test_random_bytes(folder, data):
    read_or_atlas_error(folder / "bytes.json", data)


@FUZZ
@given(json_values)
def test_random_json(folder, value):
    read_or_atlas_error(folder / "value.json", json.dumps(value).encode())


@FUZZ
@given(projects(junk=False) | projects(junk=True))
def test_project_shaped_data_reads_and_applies(folder, atlas, value):
    project = read_or_atlas_error(folder / "project.json", json.dumps(value).encode())
    if project is not None:
        result = apply_project(atlas, project, no_reader)
        assert sorted(atlas.order) == ["amur_border", "coal_mines", "villages"]
        assert result.user_sources == {}  # every user file is missing or refused by the reader
        assert len(result.missing) <= len(project.user_layers)
