"""Values computed from geometry, never typed into data; each one knows how it was computed."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass

import geopandas as gpd
import pandas as pd
from pyproj import Geod

from hegang_atlas.model.text import LocalText

METRIC_CRS = "EPSG:32652"  # UTM zone 52N covers Hegang (126-132 E)
GEOD = Geod(ellps="WGS84")
MINES = "coal_mines"
BORDER = "amur_border"
BORDER_TOLERANCE_M = 1000.0

Frames = Mapping[str, gpd.GeoDataFrame]


@dataclass(frozen=True)
class DerivedDef:
    name: str
    label: LocalText
    unit: str
    method: LocalText
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


_UTM = {"en": "in UTM zone 52N (EPSG:32652)", "zh": "在UTM 52N带（EPSG:32652）中", "nl": "in UTM-zone 52N (EPSG:32652)"}
_BORDER_KM = f"{BORDER_TOLERANCE_M / 1000:g}"

DERIVED: dict[str, DerivedDef] = {
    d.name: d
    for d in (
        DerivedDef(
            "area_km2",
            LocalText.parse({"en": "Area", "zh": "面积", "nl": "Oppervlakte"}),
            "km²",
            LocalText.parse({
                "en": f"computed from the drawn shape {_UTM['en']}",
                "zh": f"根据所绘形状{_UTM['zh']}计算",
                "nl": f"berekend uit de getekende vorm {_UTM['nl']}",
            }),
            _area_km2,
        ),
        DerivedDef(
            "length_km",
            LocalText.parse({"en": "Length", "zh": "长度", "nl": "Lengte"}),
            "km",
            LocalText.parse({
                "en": "geodesic length on the WGS84 ellipsoid (pyproj.Geod)",
                "zh": "WGS84椭球面上的大地线长度（pyproj.Geod）",
                "nl": "geodetische lengte op de WGS84-ellipsoïde (pyproj.Geod)",
            }),
            _length_km,
        ),
        DerivedDef(
            "nearest_mine_km",
            LocalText.parse({"en": "Distance to nearest coal mine", "zh": "距最近煤矿的距离",
                             "nl": "Afstand tot de dichtstbijzijnde kolenmijn"}),
            "km",
            LocalText.parse({
                "en": f"shortest distance to a feature of the Coal mines layer, {_UTM['en']}",
                "zh": f"到“煤矿”图层中最近要素的最短距离，{_UTM['zh']}测量",
                "nl": f"kortste afstand tot een object van de laag Kolenmijnen, {_UTM['nl']}",
            }),
            _nearest_mine_km,
            needs=(MINES,),
        ),
        DerivedDef(
            "reaches_border",
            LocalText.parse({"en": "Reaches the Russian border", "zh": "通达俄罗斯边境",
                             "nl": "Reikt tot de Russische grens"}),
            "",
            LocalText.parse({
                "en": f"true when the line comes within {_BORDER_KM} km of the Amur border line, measured {_UTM['en']}",
                "zh": f"线路与黑龙江（阿穆尔河）边境线相距不超过{_BORDER_KM}公里时为“是”，{_UTM['zh']}测量",
                "nl": f"waar als de lijn binnen {_BORDER_KM} km van de grenslijn langs de Amoer komt, gemeten {_UTM['nl']}",
            }),
            _reaches_border,
            needs=(BORDER,),
        ),
    )
}
