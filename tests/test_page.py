"""The map page is a pure function of the model, offline, and keeps data out of the markup."""

import json
import re

import pytest

from hegang_atlas.model import load_atlas
from hegang_atlas.page import render_html
from hegang_atlas.page.basemaps import basemaps
from tests.minimal_atlas import feature, write_atlas, write_geojson

HOSTILE = "<img src=x onerror=\"document.title='pwned'\">${document.title='pwned2'}</script><script>alert(1)</script>"


@pytest.fixture
def small(tmp_path):
    layers, geodata = write_atlas(tmp_path)
    write_geojson(geodata / "coal_mines.geojson", [
        feature("evil", {"type": "Point", "coordinates": [130.3, 47.35]}, name=HOSTILE, status="operating"),
    ])
    return load_atlas(layers=layers, geodata=geodata)


def test_page_loads_nothing_remote_without_basemap(small):
    html = render_html(small)
    remote = re.findall(r"""(?:src|href)\s*=\s*["'](?:https?:)?//[^"']+""", html)
    assert remote == []
    assert '<script src="atlas://app/leaflet/leaflet.js">' in html
    assert "atlas://app/leaflet/leaflet.css" in html
    for cdn in ("jsdelivr", "cdnjs", "jquery", "bootstrap", "unpkg"):
        assert cdn not in html


def test_hostile_name_never_reaches_markup(small):
    html = render_html(small)
    assert HOSTILE not in html
    assert "</script><script>alert(1)" not in html
    names = [f["properties"]["name"] for layer in page_state(html)["layers"] for f in layer["data"]["features"]]
    assert HOSTILE in names


def page_state(html):
    return json.loads(re.search(r"HegangAtlas\(\w+, (\{.*?\}), null\);", html, re.S).group(1))


def test_page_is_a_pure_function_of_the_model(small):
    assert page_state(render_html(small)) == page_state(render_html(small))
    small.set_visible("villages", False)
    state = page_state(render_html(small))
    assert state["visible"]["villages"] is False
    assert [l["id"] for l in state["layers"]] == small.order


def test_basemap_is_opt_in_with_attribution(small):
    osm = basemaps()["osm"]
    html = render_html(small, osm)
    assert "tile.openstreetmap.org" in html
    assert "OpenStreetMap" in html
    assert osm.hosts == {"tile.openstreetmap.org"}


def test_template_syntax_in_data_is_not_evaluated(tmp_path):
    layers, geodata = write_atlas(tmp_path)
    name = "{{ 7*7 }}{% if true %}x{% endif %}"
    write_geojson(geodata / "coal_mines.geojson", [
        feature("t", {"type": "Point", "coordinates": [130.3, 47.35]}, name=name, status=None),
    ])
    html = render_html(load_atlas(layers=layers, geodata=geodata))
    names = [f["properties"]["name"] for layer in page_state(html)["layers"] for f in layer["data"]["features"]]
    assert name in names
    assert "49" not in json.dumps(names)
