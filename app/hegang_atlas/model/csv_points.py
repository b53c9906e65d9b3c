"""Points from a table's longitude and latitude columns (CSV files at the reading gate)."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
import shapely

from hegang_atlas.model.errors import AtlasError
from hegang_atlas.model.gate_errors import NeedsColumns, printable
from hegang_atlas.model.gate_geometry import Geometries

LON_NAMES = ("longitude", "lon", "lng", "long", "x", "经度")
LAT_NAMES = ("latitude", "lat", "y", "纬度")


def _position(columns: list[str], given: str | None, candidates: tuple[str, ...], path: Path) -> int | None:
    if given is not None:
        if given not in columns:
            raise AtlasError(path, f"has no column '{printable(given)}'")
        return columns.index(given)
    folded = [c.strip().casefold() for c in columns]
    return next((folded.index(name) for name in candidates if name in folded), None)


def find_columns(columns: list[str], path: Path, lon_column: str | None = None,
                 lat_column: str | None = None) -> tuple[int, int]:
    """Positions of the longitude and latitude columns.

    Parameters
    ----------
    columns
        The table's column names, as in the file.
    path
        The file, for error messages.
    lon_column, lat_column
        Names chosen by the person; otherwise recognised names are used (``lon``, ``lng``,
        ``long``, ``longitude``, ``x`` / ``lat``, ``latitude``, ``y``, any case; 经度 / 纬度).

    Raises
    ------
    NeedsColumns
        When either column is not recognised (it lists the columns to choose from).
    AtlasError
        When a chosen column does not exist.
    """
    lon = _position(columns, lon_column, LON_NAMES, path)
    lat = _position(columns, lat_column, LAT_NAMES, path)
    if lon is None or lat is None or lon == lat:
        raise NeedsColumns(path, columns)
    return lon, lat


def _numbers(values: pd.Series) -> np.ndarray:
    if not pd.api.types.is_numeric_dtype(values):  # text; accept a decimal comma ("130,5") as well as a point
        values = values.map(lambda v: v.strip().replace(",", ".") if isinstance(v, str) else v)
    return pd.to_numeric(values, errors="coerce").to_numpy(dtype=float, na_value=np.nan)


def points(lon: pd.Series, lat: pd.Series) -> Geometries:
    """Points at (lon, lat); rows without two finite numbers have no geometry and are counted."""
    x, y = _numbers(lon), _numbers(lat)
    usable = np.isfinite(x) & np.isfinite(y)
    values = np.full(len(x), None, dtype=object)
    values[usable] = shapely.points(x[usable], y[usable])
    geometries = Geometries(values)
    geometries.skipped["no usable coordinates"] += int((~usable).sum())
    return geometries
