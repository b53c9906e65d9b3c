"""Project files: round trip, safe saving, missing user files, and clear errors for bad files."""

import json
import os
import shutil

import pytest

from hegang_atlas.model import AtlasError, load_atlas
from hegang_atlas.model.bookmarks import Bookmark, Bookmarks
from hegang_atlas.model.definitions import LayerDef
from hegang_atlas.model.layers import build_layer, read_frame
from hegang_atlas.model.project import (
    FORMAT,
    UserSource,
    View,
    apply_project,
    project_dict,
    read_project,
    save_project,
)
from hegang_atlas.model.sources import SourceRegistry
from tests.minimal_atlas import feature, write_atlas, write_geojson

NO_SOURCES = SourceRegistry(documents={}, claims={})
BOOKMARKS = [Bookmark("City", 47.33, 130.28, 12), Bookmark("鹤岗 mine", 47.29, 130.33, 14.5)]
VIEW = View(lat=47.3, lon=130.3, zoom=11)


def open_geojson(path, options):
    """Stand-in for the user file reader: a GeoJSON file becomes a layer with id ``options["id"]``."""
    definition = LayerDef(id=options["id"], title=path.stem, group="user", geometry="Mixed", data=path.name)
    return build_layer(definition, read_frame(path), NO_SOURCES, path)


@pytest.fixture
def atlas_dirs(tmp_path):
    return write_atlas(tmp_path)


@pytest.fixture
def fresh(atlas_dirs):
    """A newly loaded atlas, as when the app starts."""
    return lambda: load_atlas(layers=atlas_dirs[0], geodata=atlas_dirs[1])


@pytest.fixture
def session(tmp_path, fresh):
    """An atlas with two user layers and changed state, and what the window would pass to save."""
    data = tmp_path / "data"
    data.mkdir()
    write_geojson(data / "wells.geojson", [feature("w-1", {"type": "Point", "coordinates": [130.3, 47.3]})])
    write_geojson(data / "roads.geojson", [
        feature("r-1", {"type": "LineString", "coordinates": [[130.3, 47.3], [130.4, 47.4]]}),
    ])
    atlas = fresh()
    sources = {
        "wells": UserSource(path=data / "wells.geojson", options={"id": "wells", "lon": "x", "n": 3, "ok": True}),
        "roads": UserSource(path=data / "roads.geojson", options={"id": "roads", "crs": None, "scale": 0.5}),
    }
    for source in sources.values():
        atlas.add_layer(open_geojson(source.path, source.options))
    atlas.set_visible("villages", False)
    atlas.set_opacity("amur_border", 0.35)
    atlas.set_order(["roads", "coal_mines", "villages", "wells", "amur_border"])
    atlas.select("wells", "w-1")
    project = tmp_path / "projects" / "tour.json"
    project.parent.mkdir()
    save_project(project, atlas, Bookmarks(BOOKMARKS), VIEW, "osm", sources)
    return atlas, sources, project


def state(atlas):
    return atlas.order, atlas.visible, atlas.opacity, atlas.selection


def test_round_trip_gives_equal_state(session, fresh):
    atlas, sources, project = session
    data = read_project(project)
    reopened = fresh()
    result = apply_project(reopened, data, open_geojson)
    assert (result.missing, result.warnings) == ([], [])
    assert result.user_sources == sources
    assert state(reopened) == state(atlas)
    assert (list(data.bookmarks), data.view, data.basemap) == (BOOKMARKS, VIEW, "osm")
    assert project_dict(reopened, data.bookmarks, data.view, data.basemap, result.user_sources) == project_dict(
        atlas, BOOKMARKS, VIEW, "osm", sources
    )


def test_file_holds_relative_paths_and_format(session):
    _, _, project = session
    raw = json.loads(project.read_text(encoding="utf-8"))
    assert (raw["format"], raw["version"]) == (FORMAT, 1)
    assert [u["path"] for u in raw["user_layers"]] == ["../data/roads.geojson", "../data/wells.geojson"]
    assert raw["selection"] == {"layer": "wells", "feature": "w-1"}
    assert "鹤岗 mine" in project.read_text(encoding="utf-8")


def test_paths_resolve_against_the_project_folder_not_the_working_folder(session, tmp_path, monkeypatch):
    _, sources, project = session
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    monkeypatch.chdir(elsewhere)
    data = read_project(os.path.relpath(project, elsewhere))
    assert {u.id: u.path for u in data.user_layers} == {i: s.path for i, s in sources.items()}


def test_applying_again_replaces_the_user_layers(session):
    atlas, _, project = session
    before = state(atlas)
    result = apply_project(atlas, read_project(project), open_geojson)
    assert result.warnings == []
    assert state(atlas) == before


def test_missing_user_file_is_reported_while_the_rest_loads(session, fresh, tmp_path):
    atlas, sources, project = session
    moved = tmp_path / "moved.geojson"
    shutil.move(sources["roads"].path, moved)
    data = read_project(project)
    reopened = fresh()
    result = apply_project(reopened, data, open_geojson)
    assert [(m.id, m.path) for m in result.missing] == [("roads", sources["roads"].path)]
    assert result.warnings == []
    assert reopened.order == ["coal_mines", "villages", "wells", "amur_border"]
    assert reopened.selection == atlas.selection
    assert set(result.user_sources) == {"wells"}

    relinked = apply_project(reopened, data.relinked("roads", moved), open_geojson)
    assert (relinked.missing, relinked.warnings) == ([], [])
    assert relinked.user_sources["roads"].path == moved
    assert state(reopened) == state(atlas)


def test_unknown_layers_are_skipped_with_warnings(tmp_path, fresh):
    project = tmp_path / "p.json"
    project.write_text(json.dumps({
        "format": FORMAT,
        "version": 1,
        "layers": [{"id": "gone"}, {"id": "villages", "visible": False, "opacity": 0.5}],
        "selection": {"layer": "gone", "feature": "x"},
    }), encoding="utf-8")
    atlas = fresh()
    atlas.select("coal_mines", "mine-a")
    result = apply_project(atlas, read_project(project), open_geojson)
    assert len(result.warnings) == 2 and all("'gone" in w for w in result.warnings)
    assert (atlas.visible["villages"], atlas.opacity["villages"]) == (False, 0.5)
    assert atlas.order[0] == "villages"
    assert atlas.selection is None


def test_a_user_file_the_reader_rejects_is_a_warning(session, fresh):
    _, _, project = session

    def reader(path, options):
        if options["id"] == "roads":
            raise AtlasError(path, "not a supported file")
        return open_geojson(path, options)

    atlas = fresh()
    result = apply_project(atlas, read_project(project), reader)
    assert result.missing == []
    assert len(result.warnings) == 1 and "user layer 'roads'" in result.warnings[0]
    assert "not a supported file" in result.warnings[0]
    assert "wells" in atlas.order and "roads" not in atlas.order


def raises(exc):
    def fail(*args):
        raise exc

    return fail


@pytest.mark.parametrize(
    "step, exc, error",
    [
        ("replace", OSError(28, "No space left on device"), AtlasError),  # the final rename
        ("fsync", RuntimeError("power cut"), RuntimeError),  # half-way through writing
    ],
)
def test_a_failed_save_leaves_the_old_file_intact(session, monkeypatch, step, exc, error):
    atlas, sources, project = session
    old = project.read_bytes()
    atlas.set_opacity("coal_mines", 0.1)
    monkeypatch.setattr(f"hegang_atlas.model.atomic.os.{step}", raises(exc))
    with pytest.raises(error):
        save_project(project, atlas, BOOKMARKS, VIEW, "osm", sources)
    assert project.read_bytes() == old
    assert {p.name for p in project.parent.iterdir()} <= {"tour.json", "tour.json.bak"}


def test_saving_keeps_the_previous_version_as_backup(session):
    atlas, sources, project = session
    old = project.read_bytes()
    atlas.set_opacity("coal_mines", 0.1)
    save_project(project, atlas, BOOKMARKS, VIEW, "osm", sources)
    assert project.with_name("tour.json.bak").read_bytes() == old
    assert read_project(project).layers[1].opacity == 0.1


def valid(**changes):
    return json.dumps({"format": FORMAT, "version": 1, **changes})


@pytest.mark.parametrize(
    "content, message",
    [
        ("", "not a JSON project file"),
        (b"\xff\xfe{}", "not a JSON project file"),
        ("[1, 2]", "not a Hegang Atlas project file"),
        ('{"format": "qgis"}', "not a Hegang Atlas project file"),
        (valid(version=2), "field 'version': version 2 is not supported (expected 1)"),
        (valid(version=True), "version True is not supported"),
        (valid(colour="red"), "unknown field 'colour'"),
        (valid(layers=[{"id": "villages", "opacity": 2}]), "field 'layers.0.opacity'"),
        (valid(layers=[{"id": "Not An Id"}]), "field 'layers.0.id'"),
        (valid(layers=[{"id": "a"}, {"id": "a"}]), "field 'layers': Value error, 'a' is listed twice"),
        (valid(bookmarks=[{"name": "x", "lat": 100, "lon": 0, "zoom": 1}]), "field 'bookmarks.0.lat'"),
        (valid(bookmarks=[{"name": "x", "lat": 1, "lon": 0, "zoom": 1}] * 2), "'x' is listed twice"),
        (valid(user_layers=[{"id": "u", "path": " "}]), "field 'user_layers.0.path'"),
        (valid(user_layers=[{"id": "u", "path": "a", "options": {"x": [1]}}]), "field 'user_layers.0.options.x"),
        (valid(view={"lat": 1, "lon": 2}), "missing field 'view.zoom'"),
        (valid(selection={"layer": "villages"}), "missing field 'selection.feature'"),
        (valid(layers=[{"id": "a", "opacity": float("nan")}]), "field 'layers.0.opacity'"),  # json writes NaN
        ("[" * 100_000 + "]" * 100_000, "nested too deeply"),
        ('{"version": ' + "9" * 5000 + "}", "not a JSON project file"),
    ],
)
def test_invalid_files_give_clear_messages(tmp_path, content, message):
    project = tmp_path / "bad.json"
    if isinstance(content, str):
        project.write_text(content, encoding="utf-8")
    else:
        project.write_bytes(content)
    with pytest.raises(AtlasError) as err:
        read_project(project)
    assert str(err.value).startswith(str(project) + ": ")
    assert message in str(err.value)


def test_file_size_and_unreadable_files(tmp_path):
    big = tmp_path / "big.json"
    big.write_bytes(b" " * 5_000_001)
    with pytest.raises(AtlasError, match="larger than 5 MB"):
        read_project(big)
    with pytest.raises(AtlasError, match="file not found"):
        read_project(tmp_path / "none.json")
    with pytest.raises(AtlasError, match="cannot be read"):
        read_project(tmp_path)


def test_a_byte_order_mark_is_accepted(tmp_path):
    project = tmp_path / "bom.json"
    project.write_bytes(b"\xef\xbb\xbf" + valid(basemap="osm").encode())
    assert read_project(project).basemap == "osm"
