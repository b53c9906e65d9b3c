"""Values computed from geometry, never typed into data; each one knows how it was computed."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass

import geopandas as gpd
import pandas as pd
from pyproj import Geod

METRIC_CRS = "EPSG:32652"  # UTM zone 52N covers Hegang (126-132 E)
GEOD = Geod(ellps="WGS84")
MINES = "coal_mines"
BORDER = "amur_border"
BORDER_TOLERANCE_M = 1000.0

Frames = Mapping[str, gpd.GeoDataFrame]


@dataclass(frozen=True)
class DerivedDef:
    name: str
    label: str
    unit: str
    method: str
    compute: Callable[[gpd.GeoDataFrame, Frames], pd.Series]
    needs: tuple[str, ...] = ()


def geodesic_length_km(geometry) -> float:
    """Length on the WGS84 ellipsoid (pyproj.Geod), in km."""
    return GEOD.geometry_length(geometry) / 1000.0


def _area_km2(frame: gpd.GeoDataFrame, _: Frames) -> pd.Series:
    return frame.geometry.to_crs(METRIC_CRS).area / 1e6


def _length_km(frame: gpd.GeoDataFrame, _: Frames) -> pd.Series:
    return frame.geometry.apply(geodesic_length_km)


def _nearest_mine_km(frame: gpd.GeoDataFrame, frames: Frames) -> pd.Series:
    mines = frames[MINES].geometry.to_crs(METRIC_CRS)
    mine_index = mines.sindex
    ours = frame.geometry.to_crs(METRIC_CRS)
    _, distances = mine_index.nearest(ours, return_distance=True, return_all=False)
    return pd.Series(distances / 1000.0, index=frame.index)


def _reaches_border(frame: gpd.GeoDataFrame, frames: Frames) -> pd.Series:
    border = frames[BORDER].geometry.to_crs(METRIC_CRS).union_all()
    ours = frame.geometry.to_crs(METRIC_CRS)
    return ours.distance(border) <= BORDER_TOLERANCE_M


DERIVED: dict[str, DerivedDef] = {
    d.name: d
    for d in (
        DerivedDef("area_km2", "Area", "km²", "computed from the drawn shape in UTM zone 52N (EPSG:32652)", _area_km2),
        DerivedDef("length_km", "Length", "km", "geodesic length on the WGS84 ellipsoid (pyproj.Geod)", _length_km),
        DerivedDef(
            "nearest_mine_km",
            "Distance to nearest coal mine",
            "km",
            "shortest distance to a feature of the Coal mines layer, in UTM zone 52N (EPSG:32652)",
            _nearest_mine_km,
            needs=(MINES,),
        ),
        DerivedDef(
            "reaches_border",
            "Reaches the Russian border",
            "",
            f"true when the line comes within {BORDER_TOLERANCE_M / 1000:g} km of the Amur border line, "
            "measured in UTM zone 52N (EPSG:32652)",
            _reaches_border,
            needs=(BORDER,),
        ),
    )
}
