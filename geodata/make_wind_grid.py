"""Generate ``wind_potential.geojson``: an ILLUSTRATIVE wind index for Hegang prefecture.

Nothing here is measured. No published wind-speed grid for Hegang was found, so the layer only
sketches the terrain argument behind the essay's claim of "abundant wind on the plains":
open, flat land of the Sanjiang (Three Rivers) plain tends to be windier than the wooded
Lesser Khingan hills. Each cell gets a class from its position alone, by this rule:

* ``low``    - cell centre west of 130.40 E (the Lesser Khingan foothill strip where the coal
               towns lie), or north of 47.90 N and west of 130.90 E (the Lesser Khingan spur
               that the Amur cuts through in northern Luobei);
* ``high``   - otherwise, cell centre at or east of 130.90 E (the flat Sanjiang plain of
               eastern Luobei and Suibin);
* ``medium`` - everything in between (the transition from hills to plain).

The grid is regular, 0.25 x 0.25 degrees, aligned to multiples of 0.25 degrees, and clipped to
the schematic prefecture outline in ``prefecture.geojson``. Run from anywhere:

    python geodata/make_wind_grid.py

It needs only the standard library and shapely, and rewrites ``wind_potential.geojson`` next to it.
"""

from __future__ import annotations

import json
import math
from pathlib import Path

from shapely.geometry import box, mapping, shape

HERE = Path(__file__).resolve().parent
STEP = 0.25  # degrees
WEST_HILLS_LON = 130.40
SPUR_LAT, SPUR_LON = 47.90, 130.90
PLAIN_LON = 130.90
MIN_PART_KM2 = 5.0  # drop slivers smaller than this after clipping

DERIVATION = (
    "Illustrative index, not measured: class set only by where the 0.25-degree cell centre lies. "
    "Low = west of 130.40 E (Lesser Khingan foothills) or north of 47.90 N and west of 130.90 E "
    "(hills along the Amur gorge); high = at or east of 130.90 E on the flat Sanjiang plain; "
    "medium = in between. Cells are clipped to the schematic prefecture outline."
)
NOTE = (
    "schematic: regular 0.25-degree grid cell clipped to the schematic prefecture outline; "
    "the class comes from a stated terrain rule, not from wind measurements"
)
CLAIMS = ["essay-wind-resources", "ref-huaneng-luobei-wind"]


def index_class(lon: float, lat: float) -> str:
    """The illustrative class of a cell whose centre is at (lon, lat)."""
    if lon < WEST_HILLS_LON or (lat >= SPUR_LAT and lon < SPUR_LON):
        return "low"
    if lon >= PLAIN_LON:
        return "high"
    return "medium"


def approx_km2(geom) -> float:
    """Rough area (equirectangular at the geometry's latitude); only used to drop slivers."""
    lat = geom.centroid.y
    return geom.area * 111.32 * 111.32 * math.cos(math.radians(lat))


def rounded(geom, nd: int = 5):
    """GeoJSON geometry with coordinates rounded to ``nd`` decimals (about 1 m)."""

    def walk(c):
        if isinstance(c, (list, tuple)) and c and isinstance(c[0], (int, float)):
            return [round(c[0], nd), round(c[1], nd)]
        return [walk(x) for x in c]

    g = mapping(geom)
    return {"type": g["type"], "coordinates": walk(g["coordinates"])}


def build(outline) -> list[dict]:
    minx, miny, maxx, maxy = outline.bounds
    col0, row0 = math.floor(minx / STEP), math.floor(miny / STEP)
    col1, row1 = math.ceil(maxx / STEP), math.ceil(maxy / STEP)
    features = []
    for row in range(row0, row1):
        for col in range(col0, col1):
            cell = box(col * STEP, row * STEP, (col + 1) * STEP, (row + 1) * STEP)
            part = cell.intersection(outline)
            if part.is_empty or approx_km2(part) < MIN_PART_KM2:
                continue
            if part.geom_type not in ("Polygon", "MultiPolygon"):
                continue
            cx, cy = (col + 0.5) * STEP, (row + 0.5) * STEP
            klass = index_class(cx, cy)
            fid = f"wind-{cy:.3f}n-{cx:.3f}e"
            features.append({
                "type": "Feature",
                "properties": {
                    "id": fid,
                    "name": f"Wind index cell {cy:.3f} N, {cx:.3f} E ({klass}, illustrative)",
                    "name_zh": None,
                    "position_quality": "schematic",
                    "position_note": NOTE,
                    "claims": CLAIMS,
                    "index_class": klass,
                    "derivation": DERIVATION,
                    "measured": False,
                },
                "geometry": rounded(part),
            })
    return features


def main() -> None:
    data = json.loads((HERE / "prefecture.geojson").read_text(encoding="utf-8"))
    outline = shape(data["features"][0]["geometry"])
    features = build(outline)
    out = HERE / "wind_potential.geojson"
    out.write_text(
        json.dumps({"type": "FeatureCollection", "features": features}, ensure_ascii=False, indent=1) + "\n",
        encoding="utf-8",
    )
    counts = {k: sum(f["properties"]["index_class"] == k for f in features) for k in ("low", "medium", "high")}
    print(f"wrote {out} with {len(features)} cells {counts}")


if __name__ == "__main__":
    main()
