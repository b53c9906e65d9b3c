"""Whatever is in a story file, opening it gives a checked story or an AtlasError, nothing else."""

import json
import tempfile
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from hegang_atlas.model import AtlasError, load_atlas
from hegang_atlas.model.story import check_story, read_story
from tests.minimal_atlas import write_atlas
from tests.test_project_fuzz import FUZZ, json_values, lats, layer_ids, lons, zooms

texts = st.text(max_size=30) | st.dictionaries(st.sampled_from(["en", "zh", "nl", "fr"]), st.text(max_size=10), max_size=3)
cameras = st.fixed_dictionaries(
    {}, optional={"center": st.tuples(lats, lons), "zoom": zooms, "bounds": st.tuples(lats, lons, lats, lons)}
)
chapters = st.fixed_dictionaries(
    {"title": texts, "text": texts, "camera": cameras},
    optional={
        "layers": st.dictionaries(layer_ids, st.floats(-1, 2), max_size=3),
        "highlight": st.lists(st.tuples(layer_ids, st.sampled_from(["mine-a", "v-near", "x"])), max_size=2),
        "claims": st.lists(st.sampled_from(["c-one", "c-two", "nope"]), max_size=2),
        "notes": texts,
    },
)


def stories(junk: bool):
    parts = {"id": st.text(max_size=12), "title": texts, "chapters": st.lists(chapters, max_size=3)}
    if junk:
        parts = {key: part | json_values for key, part in parts.items()}
    return st.fixed_dictionaries({"schema_version": st.just(1) | json_values if junk else st.just(1)}, optional=parts)


@pytest.fixture(scope="module")
def folder():
    with tempfile.TemporaryDirectory() as tmp:
        yield Path(tmp)


@pytest.fixture(scope="module")
def atlas(folder):
    layers, geodata = write_atlas(folder)
    return load_atlas(layers=layers, geodata=geodata)


def open_story(path: Path, content: bytes, atlas) -> None:
    path.write_bytes(content)
    try:
        check_story(read_story(path), atlas, path)
    except AtlasError as exc:
        assert "\n" not in exc.message and str(path) in exc.message


@FUZZ
@given(data=stories(junk=False))
def test_story_shaped_files(folder, atlas, data):
    open_story(folder / "shaped.json", json.dumps(data).encode(), atlas)


@FUZZ
@given(data=stories(junk=True))
def test_story_files_with_junk_parts(folder, atlas, data):
    open_story(folder / "junk.json", json.dumps(data).encode(), atlas)


@FUZZ
@given(content=st.binary(max_size=300))
def test_random_bytes(folder, atlas, content):
    open_story(folder / "bytes.json", content, atlas)
