"""The command line: listings, validation with one-line errors, no traceback, no display needed."""

import json
import os
import subprocess
import sys

import pytest

from hegang_atlas import __version__
from tests.minimal_atlas import feature, write_atlas, write_geojson

STORY_LAYERS = {"coal_mines", "demolished_villages", "new_city_core", "wind_potential", "rail_links"}


def run(*args, cwd=None):
    env = {k: v for k, v in os.environ.items() if k != "DISPLAY"}
    return subprocess.run([sys.executable, "-m", "hegang_atlas", *args], capture_output=True, text=True, cwd=cwd, env=env)


def test_layers_json_lists_story_and_context_layers(tmp_path):
    out = run("layers", "--json", cwd=tmp_path)
    assert out.returncode == 0, out.stderr
    rows = {r["id"]: r for r in json.loads(out.stdout)}
    assert STORY_LAYERS <= {i for i, r in rows.items() if r["kind"] == "story"}
    assert {"prefecture", "districts", "amur_border", "towns"} <= {i for i, r in rows.items() if r["kind"] == "context"}
    assert all(r["features"] > 0 and r["geometry"] in ("Point", "LineString", "Polygon") for r in rows.values())


def test_layers_in_chinese():
    out = run("layers", "--lang", "zh")
    assert out.returncode == 0
    assert "煤矿" in out.stdout


def test_version():
    assert run("--version").stdout.strip() == f"hegang-atlas {__version__}"


def test_validate_bundled_files_ok():
    out = run("validate", "layers/coal_mines.toml", "geodata/coal_mines.geojson", "geodata/sources.toml")
    assert out.returncode == 0, out.stderr
    assert out.stdout.count("ok:") == 3


@pytest.mark.parametrize(
    ("breakage", "message"),
    [
        (lambda l, g: (l / "coal_mines.toml").write_text((l / "coal_mines.toml").read_text() + "\n[[fields]]\nname = \"depth\"\nlabel = \"Depth\"\n"),
         "unknown field 'depth'"),
        (lambda l, g: (g / "coal_mines.geojson").unlink(), "coal_mines.geojson: file not found"),
        (lambda l, g: (g / "coal_mines.geojson").write_text((g / "coal_mines.geojson").read_text().replace('"mine-b"', '"mine-a"')),
         "duplicate feature id 'mine-a'"),
        (lambda l, g: (g / "coal_mines.geojson").write_text((g / "coal_mines.geojson").read_text().replace('"c-one"', '"c-zero"')),
         "feature 'mine-a': unknown claim id 'c-zero'"),
        (lambda l, g: write_geojson(g / "coal_mines.geojson", [
            feature("m", {"type": "LineString", "coordinates": [[130.3, 47.3], [130.4, 47.4]]}, status=None)]),
         "feature 'm': geometry is LineString, the layer expects Point"),
    ],
)
def test_validate_reports_one_line_without_traceback(tmp_path, breakage, message):
    layers, geodata = write_atlas(tmp_path)
    breakage(layers, geodata)
    out = run("validate", str(layers / "coal_mines.toml"))
    assert out.returncode == 1
    assert "Traceback" not in out.stderr
    lines = out.stderr.strip().splitlines()
    assert len(lines) == 1 and message in lines[0], out.stderr


def test_validate_missing_path():
    out = run("validate", "no/such/file.toml")
    assert out.returncode == 1 and "no/such/file.toml: file not found" in out.stderr


def test_export_to_unwritable_place_exits_1(tmp_path):
    out = run("export", "gpkg", str(tmp_path / "missing" / "x.gpkg"))
    assert out.returncode == 1 and "cannot be written" in out.stderr and "Traceback" not in out.stderr
    assert not (tmp_path / "missing").exists()
