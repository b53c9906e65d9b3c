"""A tiny, valid atlas written to a folder, so tests can break one thing at a time."""

from __future__ import annotations

import json
from pathlib import Path

SOURCES = """
[[documents]]
id = "doc"
title = "A test document"
language = "en"

[[claims]]
id = "c-one"
document = "doc"
paragraph = 1
value = 5
unit = "%"
statement = "A test figure."

[[claims]]
id = "c-two"
document = "doc"
paragraph = 2
value = 50000
unit = "RMB"
statement = "One price."
disagrees_with = ["c-three"]

[[claims]]
id = "c-three"
document = "doc"
paragraph = 3
value = 2700
unit = "EUR"
statement = "Another price."
disagrees_with = ["c-two"]
"""

MINES = """
id = "coal_mines"
title = { en = "Coal mines", zh = "煤矿" }
group = "story"
geometry = "Point"
data = "coal_mines.geojson"
order = 80

[[fields]]
name = "status"
label = "Status"

[style]
color = "#222222"
radius = 6

[style.by]
field = "status"
[style.by.values.operating]
fill_color = "#111111"
label = "Operating"
"""

BORDER = """
id = "amur_border"
title = "Border"
group = "context"
geometry = "LineString"
data = "amur_border.geojson"
derived = ["length_km"]
"""

VILLAGES = """
id = "villages"
title = "Villages"
group = "story"
geometry = "Polygon"
data = "villages.geojson"
order = 60
derived = ["area_km2", "nearest_mine_km"]
"""


def feature(fid, geometry, **props):
    base = {"id": fid, "name": fid.title(), "name_zh": None, "position_quality": "approximate",
            "position_note": "test", "claims": []}
    return {"type": "Feature", "properties": {**base, **props}, "geometry": geometry}


def square(lon, lat, d=0.01):
    ring = [[lon, lat], [lon + d, lat], [lon + d, lat + d], [lon, lat + d], [lon, lat]]
    return {"type": "Polygon", "coordinates": [ring]}


def write_geojson(path: Path, features) -> None:
    path.write_text(json.dumps({"type": "FeatureCollection", "features": features}), encoding="utf-8")


def write_atlas(root: Path) -> tuple[Path, Path]:
    """Write the tiny atlas under ``root``; return (layers dir, geodata dir)."""
    layers, geodata = root / "layers", root / "geodata"
    layers.mkdir()
    geodata.mkdir()
    (geodata / "sources.toml").write_text(SOURCES, encoding="utf-8")
    (layers / "coal_mines.toml").write_text(MINES, encoding="utf-8")
    (layers / "amur_border.toml").write_text(BORDER, encoding="utf-8")
    (layers / "villages.toml").write_text(VILLAGES, encoding="utf-8")
    write_geojson(geodata / "coal_mines.geojson", [
        feature("mine-a", {"type": "Point", "coordinates": [130.30, 47.35]}, status="operating", claims=["c-one"]),
        feature("mine-b", {"type": "Point", "coordinates": [130.50, 47.50]}, status=None),
    ])
    write_geojson(geodata / "amur_border.geojson", [
        feature("amur", {"type": "LineString", "coordinates": [[130.0, 48.0], [131.0, 48.0]]}),
    ])
    write_geojson(geodata / "villages.geojson", [
        feature("v-near", square(130.31, 47.35), claims=["c-two", "c-three"]),
        feature("v-far", square(130.80, 47.80)),
    ])
    return layers, geodata
