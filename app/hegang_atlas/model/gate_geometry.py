"""Geometry at the reading gate: decode, drop what cannot be drawn, settle the CRS, repair.

Repairs use ``shapely.make_valid``, never ``buffer(0)`` (which can drop half of a bowtie).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import shapely
from pyproj import CRS, Transformer
from pyproj.exceptions import CRSError

from hegang_atlas.model.errors import AtlasError
from hegang_atlas.model.gate_errors import printable

WGS84 = CRS.from_epsg(4326)
_EPS = 1e-9


@dataclass
class Geometries:
    """Geometries being cleaned; ``skipped`` counts dropped features by reason."""

    values: np.ndarray  # object array of shapely geometries or None
    repaired: int = 0
    flattened: int = 0
    skipped: Counter = field(default_factory=Counter)

    def drop(self, mask: np.ndarray, reason: str) -> None:
        mask = mask & self.kept()
        self.skipped[reason] += int(mask.sum())
        self.values[mask] = None

    def kept(self) -> np.ndarray:
        return ~shapely.is_missing(self.values)


def decode(wkb: np.ndarray) -> Geometries:
    """Shapely geometries from GDAL's WKB; unclosed rings are closed and counted as repaired."""
    values = shapely.from_wkb(wkb, on_invalid="ignore")
    present = np.array([b is not None for b in wkb], dtype=bool)
    broken = shapely.is_missing(values) & present
    geometries = Geometries(values)
    geometries.skipped["no geometry"] += int((~present).sum())
    if broken.any():
        fixed = shapely.from_wkb(wkb[broken], on_invalid="fix")
        values[broken] = fixed
        geometries.repaired += int((~shapely.is_missing(fixed)).sum())
        geometries.skipped["unreadable geometry"] += int(shapely.is_missing(fixed).sum())
    return geometries


def drop_undrawable(geometries: Geometries) -> None:
    """Drop empty geometries and non-finite coordinates; flatten 3D to 2D."""
    values = geometries.values
    geometries.drop(shapely.is_empty(values), "no geometry")
    coords, index = shapely.get_coordinates(values, include_z=True, return_index=True)
    bad = np.zeros(len(values), dtype=bool)
    bad[index[~np.isfinite(coords[:, :2]).all(axis=1)]] = True
    geometries.drop(bad, "coordinates that are not numbers")
    has_z = shapely.has_z(values)
    geometries.flattened += int(has_z.sum())
    values[has_z] = shapely.force_2d(values[has_z])


def _within_world(bounds: np.ndarray) -> bool:
    minx, miny, maxx, maxy = bounds
    return -180 - _EPS <= minx and maxx <= 180 + _EPS and -90 - _EPS <= miny and maxy <= 90 + _EPS


def _bounds_text(bounds: np.ndarray) -> str:
    return "bounds " + ", ".join(f"{v:.10g}" for v in bounds)


def to_wgs84(path: Path, geometries: Geometries, crs: str | None, crs_if_missing: str | None) -> list[str]:
    """Reproject to EPSG:4326 in place; refuse projected coordinates that claim to be longitude/latitude.

    Parameters
    ----------
    path
        The file, for error messages.
    geometries
        The features' geometries, in the file's coordinates.
    crs
        The file's coordinate system as GDAL reports it, or None.
    crs_if_missing
        The person's choice for a file without one; else WGS84 is assumed.

    Returns
    -------
    list of str
        Notes for the person ("no CRS: assumed WGS84").

    Raises
    ------
    AtlasError
        When coordinates in a longitude/latitude system exceed ±180/±90, or fall outside
        the world once converted.
    """
    notes: list[str] = []
    if crs is not None:
        try:
            source, label = CRS.from_user_input(crs), "the file is labelled {name}"
        except CRSError:
            raise AtlasError(path, "the file's coordinate system cannot be understood") from None
    elif crs_if_missing is not None:
        try:
            source, label = CRS.from_user_input(crs_if_missing), "you chose {name}"
        except CRSError:
            raise AtlasError(path, f"the coordinate system '{printable(crs_if_missing)}' is not known") from None
    else:
        source, label = WGS84, "the file has no CRS"
        notes.append("no CRS: assumed WGS84")
    kept = geometries.kept()
    if not kept.any():
        return notes
    bounds = shapely.total_bounds(geometries.values[kept])
    name = "WGS84" if source.equals(WGS84, ignore_axis_order=True) else printable(source.name)
    if source.is_geographic and not _within_world(bounds):
        raise AtlasError(path, f"coordinates look projected ({_bounds_text(bounds)}); {label.format(name=name)}")
    if source.equals(WGS84, ignore_axis_order=True):
        return notes
    values = geometries.values
    transformer = Transformer.from_crs(source, WGS84, always_xy=True)
    values[kept] = shapely.transform(values[kept], transformer.transform, interleaved=False)
    reprojected = shapely.total_bounds(values[kept])
    if not (np.isfinite(reprojected).all() and _within_world(reprojected)):
        raise AtlasError(path, f"coordinates fall outside the world when converted from {name} ({_bounds_text(bounds)})")
    return notes


def _same_dimension(original, fixed):
    """The parts of ``fixed`` with ``original``'s dimension, as one (multi) geometry, or None."""
    dimension = shapely.get_dimensions(original)
    if shapely.get_dimensions(fixed) == dimension and fixed.geom_type != "GeometryCollection":
        return fixed
    parts = shapely.get_parts(shapely.get_parts(fixed))
    parts = parts[shapely.get_dimensions(parts) == dimension]
    if len(parts) == 0:
        return None
    if len(parts) == 1:
        return parts[0]
    return (shapely.multipoints, shapely.multilinestrings, shapely.multipolygons)[dimension](parts)


def repair(geometries: Geometries) -> None:
    """``make_valid`` invalid geometries; keep the parts of the original's kind (polygons stay polygons)."""
    values = geometries.values
    invalid = geometries.kept() & ~shapely.is_valid(values)
    for i in np.flatnonzero(invalid):
        fixed = shapely.make_valid(values[i])
        if values[i].geom_type != "GeometryCollection":
            fixed = _same_dimension(values[i], fixed)
        if fixed is None or fixed.is_empty or not fixed.is_valid:
            geometries.skipped["collapsed when repaired"] += 1
            values[i] = None
        else:
            geometries.repaired += 1
            values[i] = fixed
