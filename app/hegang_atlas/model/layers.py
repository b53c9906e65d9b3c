"""A layer: its definition plus its features, validated against the definition and the registry."""

from __future__ import annotations

import math
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely

from hegang_atlas.model.definitions import QUALITIES, LayerDef
from hegang_atlas.model.errors import AtlasError
from hegang_atlas.model.sources import SourceRegistry

CORE = ("id", "name", "name_zh", "position_quality", "position_note", "claims")
GEOMETRY_FAMILY = {
    "Point": {"Point", "MultiPoint"},
    "LineString": {"LineString", "MultiLineString"},
    "Polygon": {"Polygon", "MultiPolygon"},
}
GEOMETRY_FAMILY["Mixed"] = set().union(*GEOMETRY_FAMILY.values()) | {"GeometryCollection"}


def clean(value: Any) -> Any:
    """Data values as plain Python: NaN/None become None, numpy scalars become Python ones."""
    if value is None:
        return None
    if isinstance(value, np.generic):
        value = value.item()
    if isinstance(value, float) and math.isnan(value):
        return None
    if value is pd.NA or value is pd.NaT:
        return None
    return value


def _claim_ids(value: Any) -> tuple[str, ...]:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ()
    if isinstance(value, str):
        return tuple(v.strip() for v in value.split(";") if v.strip())
    return tuple(str(v) for v in value)


@dataclass(frozen=True)
class Feature:
    """One feature as panels show it."""

    layer_id: str
    id: str
    name: str
    name_zh: str | None
    position_quality: str
    position_note: str
    claims: tuple[str, ...]
    properties: dict[str, Any]
    derived: dict[str, Any]
    geometry: Any = field(repr=False)


@dataclass
class Layer:
    """A definition and its GeoDataFrame (index = feature id, EPSG:4326)."""

    definition: LayerDef
    frame: gpd.GeoDataFrame
    derived: pd.DataFrame = field(default_factory=pd.DataFrame)
    source: Path | None = None

    @property
    def id(self) -> str:
        return self.definition.id

    def __len__(self) -> int:
        return len(self.frame)

    def __contains__(self, feature_id: str) -> bool:
        return feature_id in self.frame.index

    def feature_ids(self) -> list[str]:
        return list(self.frame.index)

    def feature(self, feature_id: str) -> Feature:
        row = self.frame.loc[feature_id]
        properties = {
            name: clean(row[name]) for name in self.frame.columns if name not in CORE and name != "geometry"
        }
        derived = {}
        if feature_id in self.derived.index:
            derived = {name: clean(v) for name, v in self.derived.loc[feature_id].items()}
        return Feature(
            layer_id=self.id,
            id=feature_id,
            name=str(clean(row.get("name")) or feature_id),
            name_zh=clean(row.get("name_zh")),
            position_quality=str(clean(row.get("position_quality")) or "unknown"),
            position_note=str(clean(row.get("position_note")) or ""),
            claims=_claim_ids(row.get("claims")),
            properties=properties,
            derived=derived,
            geometry=row.geometry,
        )

    def features(self) -> Iterator[Feature]:
        for fid in self.frame.index:
            yield self.feature(fid)

    def qualities(self) -> set[str]:
        if "position_quality" not in self.frame:
            return set()
        return set(self.frame["position_quality"].dropna())


def read_frame(path: Path) -> gpd.GeoDataFrame:
    """Read one of the atlas's own GeoJSON files into EPSG:4326."""
    if not path.is_file():
        raise AtlasError(path, "file not found")
    try:
        frame = gpd.read_file(path, engine="pyogrio")
    except Exception as exc:  # pyogrio raises many kinds; the message is what matters
        raise AtlasError(path, f"cannot be read as GeoJSON ({str(exc).splitlines()[0]})") from None
    if frame.crs is None:
        frame = frame.set_crs("EPSG:4326")
    elif not frame.crs.equals("EPSG:4326"):
        frame = frame.to_crs("EPSG:4326")
    return frame


def build_layer(definition: LayerDef, frame: gpd.GeoDataFrame, registry: SourceRegistry, path: Path) -> Layer:
    """Validate ``frame`` against ``definition`` and the registry; index it by feature id."""
    for column in ("id", "name", "position_quality"):
        if column not in frame.columns:
            raise AtlasError(path, f"features lack the required property '{column}'")
    for column in ("name_zh", "position_note"):
        if column not in frame.columns:
            frame[column] = None
    if "claims" not in frame.columns:
        frame["claims"] = [() for _ in range(len(frame))]
    ids = frame["id"].astype(str)
    dupes = ids[ids.duplicated()].unique()
    if len(dupes):
        raise AtlasError(path, f"duplicate feature id '{dupes[0]}'")
    allowed = GEOMETRY_FAMILY[definition.geometry]
    for fid, geom, quality, claims in zip(ids, frame.geometry, frame["position_quality"], frame["claims"]):
        where = f"feature '{fid}'"
        if geom is None or geom.is_empty:
            raise AtlasError(path, "has no geometry", where)
        if geom.geom_type not in allowed:
            raise AtlasError(path, f"geometry is {geom.geom_type}, the layer expects {definition.geometry}", where)
        if not shapely.is_valid(geom):
            raise AtlasError(path, f"invalid geometry ({shapely.is_valid_reason(geom)})", where)
        if quality not in QUALITIES:
            raise AtlasError(path, f"position_quality '{quality}' is not one of {list(QUALITIES)}", where)
        for claim_id in _claim_ids(claims):
            if claim_id not in registry.claims:
                raise AtlasError(path, f"unknown claim id '{claim_id}'", where)
    for field_def in definition.fields:
        if field_def.name not in frame.columns:
            raise AtlasError(path, f"unknown field '{field_def.name}' (listed in layer '{definition.id}')")
    frame = frame.assign(id=ids, claims=[_claim_ids(c) for c in frame["claims"]]).set_index("id", drop=True)
    frame.index.name = "id"
    return Layer(definition=definition, frame=frame, source=path)
