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
    """A definition and its GeoDataFrame (index = feature id, EPSG:4326).

    The frame is not changed once the layer is built, so what is computed from it may be kept.
    """

    definition: LayerDef
    frame: gpd.GeoDataFrame
    derived: pd.DataFrame = field(default_factory=pd.DataFrame)
    source: Path | None = None
    _qualities: frozenset[str] | None = field(default=None, init=False, repr=False, compare=False)

    @property
    def id(self) -> str:
        return self.definition.id

    def __len__(self) -> int:
        return len(self.frame)

    def __contains__(self, feature_id: str) -> bool:
        return feature_id in self.frame.index

    def feature_ids(self) -> list[str]:
        return self.frame.index.to_numpy(dtype=object).tolist()  # not iterating: an Arrow index yields slowly

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
        """The position qualities its features have (computed once)."""
        if self._qualities is None:
            column = self.frame.get("position_quality")
            values = () if column is None else pd.unique(column.to_numpy())
            self._qualities = frozenset(str(v) for v in values if clean(v) is not None)
        return set(self._qualities)


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


def _claims_column(values: pd.Series) -> list[tuple[str, ...]]:
    """Each feature's claim ids; equal values (often all empty) are split once."""
    seen: dict[Any, tuple[str, ...]] = {}
    result = []
    for value in values:
        try:
            ids = seen.get(value)
        except TypeError:  # a list: not hashable
            ids = None
        if ids is None:
            ids = _claim_ids(value)
            try:
                seen[value] = ids
            except TypeError:
                pass
        result.append(ids)
    return result


def _check_features(definition: LayerDef, frame: gpd.GeoDataFrame, ids: pd.Series, claims: list[tuple[str, ...]],
                    registry: SourceRegistry, path: Path) -> None:
    """Raise for the first feature (in file order) with no, the wrong or an invalid geometry, an
    unknown position quality or an unknown claim id; checked with whole-column operations."""
    geoms = np.asarray(frame.geometry.array)
    missing = shapely.is_missing(geoms) | shapely.is_empty(geoms)
    types = np.array(shapely.get_type_id(geoms))
    allowed = [shapely.GeometryType[kind.upper()].value for kind in GEOMETRY_FAMILY[definition.geometry]]
    wrong = ~missing & ~np.isin(types, allowed)
    invalid = ~missing & ~wrong & ~shapely.is_valid(geoms)
    quality = ~frame["position_quality"].isin(QUALITIES).to_numpy()
    known = registry.claims
    unknown = np.array([any(c not in known for c in cs) for cs in claims], dtype=bool) if any(claims) else False
    bad = np.flatnonzero(missing | wrong | invalid | quality | unknown)
    if not bad.size:
        return
    row = int(bad[0])
    where = f"feature '{ids.iloc[row]}'"
    geom = geoms[row]
    if missing[row]:
        raise AtlasError(path, "has no geometry", where)
    if wrong[row]:
        raise AtlasError(path, f"geometry is {geom.geom_type}, the layer expects {definition.geometry}", where)
    if invalid[row]:
        raise AtlasError(path, f"invalid geometry ({shapely.is_valid_reason(geom)})", where)
    if quality[row]:
        value = frame["position_quality"].iloc[row]
        raise AtlasError(path, f"position_quality '{value}' is not one of {list(QUALITIES)}", where)
    claim_id = next(c for c in claims[row] if c not in known)
    raise AtlasError(path, f"unknown claim id '{claim_id}'", where)


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
    claims = _claims_column(frame["claims"])
    _check_features(definition, frame, ids, claims, registry, path)
    for field_def in definition.fields:
        if field_def.name not in frame.columns:
            raise AtlasError(path, f"unknown field '{field_def.name}' (listed in layer '{definition.id}')")
    frame = frame.assign(id=ids, claims=claims).set_index("id", drop=True)
    frame.index.name = "id"
    return Layer(definition=definition, frame=frame, source=path)
