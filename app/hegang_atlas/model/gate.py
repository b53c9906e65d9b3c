"""The reading gate: the one way a person's GIS file becomes features in the atlas.

``read_user_file`` checks the file (:mod:`gate_source`), reads it in batches, repairs and
reprojects its geometry (:mod:`gate_geometry`), makes its attributes plain and adds the core
columns (:mod:`gate_columns`). Every failure is an :class:`AtlasError` with a one-line message.
GDAL's configuration is process-wide (:mod:`gdal_safe`), so run one read at a time.
"""

from __future__ import annotations

import codecs
import dataclasses
import http.client
import re
import tempfile
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable
from pathlib import Path, PurePosixPath

import geopandas as gpd
import numpy as np
import pandas as pd

from hegang_atlas.model.csv_points import find_columns, points
from hegang_atlas.model.errors import AtlasError
from hegang_atlas.model.gate_columns import MAX_TEXT, column_names, plain_values, with_core
from hegang_atlas.model.gate_errors import NeedsColumns, NeedsLayerChoice, ReadCancelled, byte_size, printable
from hegang_atlas.model.gate_geometry import Geometries, decode, drop_undrawable, repair, to_wgs84
from hegang_atlas.model.gate_source import MAX_FILE_BYTES, Source, list_layers, open_source
from hegang_atlas.model.gdal_safe import gdal, pyogrio

__all__ = ["GateResult", "NeedsColumns", "NeedsLayerChoice", "ReadCancelled", "list_layers", "read_user_file"]

BATCH = 50_000  # features per read; GDAL re-reads a GeoJSON from the start for every batch
MAX_BATCHES = 8
URL = re.compile(r"^(?:https?|ftp)://", re.IGNORECASE)


@dataclasses.dataclass(frozen=True)
class GateResult:
    """What the gate read: features in EPSG:4326 with the core columns, and what it changed."""

    frame: gpd.GeoDataFrame
    warnings: list[str]
    source: Path | str  # the file, or the URL it was downloaded from
    driver: str
    layer_name: str | None  # the layer read when the file holds several, else None
    repaired: int
    skipped: int


def _read_table(source: Source, max_features: int | None, progress: Callable[[float], None],
                cancelled: Callable[[], bool]) -> tuple[list[str], list[np.ndarray], np.ndarray | None]:
    """Column names, column values and WKB (None for CSV), read in batches between which a cancel is honoured."""
    total = source.features
    size = max(BATCH, -(-total // MAX_BATCHES))
    read_geometry = source.driver != "CSV"
    names: list[str] = []
    columns: list[list[np.ndarray]] = []
    wkb: list[np.ndarray] = []
    done = 0
    while True:
        if cancelled():
            raise ReadCancelled(source.path)
        names, geometry, data = _read_batch(source, done, size, read_geometry)
        count = len(geometry) if geometry is not None else (len(data[0]) if len(data) else 0)
        columns = columns or [[] for _ in data]
        for parts, values in zip(columns, data):
            parts.append(values)
        if geometry is not None:
            wkb.append(geometry)
        done += count
        if max_features is not None and done > max_features:
            raise AtlasError(source.path, f"has more than {max_features:,} features; that is the limit")
        if count < size or done == total:
            break
        if total > 0:
            progress(min(done / total, 1.0))
    progress(1.0)
    geometry_values = None
    if read_geometry:  # a table without a geometry column gives none
        geometry_values = np.concatenate(wkb) if wkb else np.full(done, None, dtype=object)
    return names, [np.concatenate(parts) for parts in columns], geometry_values


def _read_batch(source: Source, skip: int, size: int,
                read_geometry: bool) -> tuple[list[str], np.ndarray | None, list[np.ndarray]]:
    """Field names, WKB (or None) and field values of up to ``size`` features after the first ``skip``.

    UTF-8 text is read through Arrow, where GDAL fills the batch without holding Python's global
    lock (the UI thread keeps running while a worker reads a big file); other encodings, which
    GDAL's Arrow interface cannot convert, through pyogrio's NumPy reader.
    """
    options = dict(layer=source.layer, encoding=source.encoding, skip_features=skip, max_features=size,
                   read_geometry=read_geometry, datetime_as_string=True)
    if not _utf8(source.encoding):
        meta, _, geometry, data = gdal(source.path, pyogrio.raw.read, source.gdal_path, **options)
        return list(meta["fields"]), geometry, list(data)
    meta, table = gdal(source.path, pyogrio.raw.read_arrow, source.gdal_path, **options)
    count = len(meta["fields"])  # by position: a CSV may repeat a column name
    data = [table.column(i).to_numpy(zero_copy_only=False) for i in range(count)]
    geometry = None
    if read_geometry and table.num_columns > count:  # GDAL puts the geometry after the fields
        geometry = table.column(count).to_numpy(zero_copy_only=False)
    return list(meta["fields"]), geometry, data


def _utf8(encoding: str | None) -> bool:
    """Whether ``encoding`` (any of Python's spellings; ``None``: GDAL's default) is UTF-8."""
    try:
        return encoding is None or codecs.lookup(encoding).name == "utf-8"
    except LookupError:  # GDAL's reader names the unknown encoding
        return False


def _count(n: int, one: str, many: str) -> str:
    return f"{n:,} {one if n == 1 else many}"


def _skipped(geometries: Geometries) -> str:
    skipped = {reason: n for reason, n in geometries.skipped.items() if n}
    reasons = ", ".join(f"{n:,} with {reason}" for reason, n in skipped.items())
    return f"{_count(sum(skipped.values()), 'feature', 'features')} skipped: {reasons}" if skipped else ""


def _summary(geometries: Geometries, cut: int) -> list[str]:
    notes = []
    if geometries.repaired:
        notes.append(f"{_count(geometries.repaired, 'invalid geometry', 'invalid geometries')} repaired (shapely.make_valid)")
    if geometries.flattened:
        notes.append(f"{_count(geometries.flattened, 'feature', 'features')} had heights (3D); the 2D positions are kept")
    if _skipped(geometries):
        notes.append(_skipped(geometries))
    if cut:
        notes.append(f"{_count(cut, 'value', 'values')} longer than {MAX_TEXT:,} characters cut to {MAX_TEXT:,}")
    return notes


def read_user_file(
    path: str | Path,
    *,
    layer: str | None = None,
    crs_if_missing: str | None = None,
    encoding: str | None = None,
    max_features: int | None = None,
    lon_column: str | None = None,
    lat_column: str | None = None,
    allow_url: bool = False,
    max_bytes: int = MAX_FILE_BYTES,
    progress: Callable[[float], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> GateResult:
    """Read a person's GIS file into features the atlas can show.

    Parameters
    ----------
    path
        A local GeoJSON, GeoPackage, Shapefile (or a .zip holding one), KML/KMZ, CSV or
        FlatGeobuf file; with ``allow_url``, an http(s)/ftp address to download first.
    layer
        The layer to read when the file holds several (see :func:`list_layers`).
    crs_if_missing
        The coordinate system to use when the file has none (else WGS84 is assumed).
    encoding
        The text encoding, when the guess for a CSV or shapefile was wrong.
    max_features
        Refuse files with more features than this.
    lon_column, lat_column
        For CSV: the longitude and latitude columns, when they are not recognised.
    allow_url
        Accept a web address the person typed on purpose.
    max_bytes
        Refuse larger files.
    progress
        Called with the fraction read so far (0-1).
    cancelled
        Polled between batches; when it returns True the read stops with :class:`ReadCancelled`.

    Returns
    -------
    GateResult
        The features in EPSG:4326 with the core columns and every original column, and
        one-line warnings about what was assumed, repaired or skipped.

    Raises
    ------
    NeedsLayerChoice, NeedsColumns
        When the person must choose a layer or the coordinate columns.
    AtlasError
        For every other problem, naming the file and the reason in one line.
    """
    if allow_url and URL.match(str(path)):
        return _read_url(str(path), cancelled, max_bytes, layer=layer, crs_if_missing=crs_if_missing,
                         encoding=encoding, max_features=max_features, lon_column=lon_column,
                         lat_column=lat_column, progress=progress)
    source = open_source(path, layer=layer, encoding=encoding, max_bytes=max_bytes)
    if max_features is not None and source.features > max_features:
        raise AtlasError(source.path, f"has {source.features:,} features; at most {max_features:,} are read")
    originals, values, wkb = _read_table(source, max_features, progress or (lambda _: None),
                                         cancelled or (lambda: False))
    count = len(wkb) if wkb is not None else (len(values[0]) if values else 0)
    if not count:
        raise AtlasError(source.path, "holds no features")
    frame = pd.DataFrame(dict(zip(column_names(originals), values)), index=pd.RangeIndex(count))
    cut = plain_values(frame)
    if wkb is None:
        lon, lat = find_columns(originals, source.path, lon_column, lat_column)
        geometries = points(frame.iloc[:, lon], frame.iloc[:, lat])
    else:
        geometries = decode(wkb)
    drop_undrawable(geometries)
    crs_notes = to_wgs84(source.path, geometries, source.crs, crs_if_missing)
    repair(geometries)
    kept = geometries.kept()
    if not kept.any():
        raise AtlasError(source.path, f"holds no features with a usable location ({_skipped(geometries)})")
    notes = [*source.notes, *crs_notes, *_summary(geometries, cut)]
    frame = with_core(frame[kept].reset_index(drop=True), originals, f"from your file {source.path.name}")
    result = gpd.GeoDataFrame(frame, geometry=geometries.values[kept], crs="EPSG:4326")
    return GateResult(result, notes, source.path, source.driver, source.layer_name, geometries.repaired,
                      sum(geometries.skipped.values()))


def _download(url: str, target: Path, max_bytes: int, cancelled: Callable[[], bool]) -> None:
    try:
        with urllib.request.urlopen(url, timeout=30) as response, open(target, "wb") as out:
            received = 0
            while chunk := response.read(1 << 20):
                received += len(chunk)
                if received > max_bytes:
                    raise AtlasError(None, f"is larger than {byte_size(max_bytes)}", url)
                if cancelled():
                    raise ReadCancelled(None)
                out.write(chunk)
    except (OSError, ValueError, http.client.HTTPException) as exc:  # URLError is an OSError
        if isinstance(exc, urllib.error.HTTPError):
            exc.close()  # it holds the connection open
        raise AtlasError(None, f"cannot be downloaded ({getattr(exc, 'reason', exc)})", url) from None


def _read_url(url: str, cancelled: Callable[[], bool] | None, max_bytes: int, **options) -> GateResult:
    """Download ``url`` to a temporary folder and read it there; errors name the URL."""
    name = re.sub(r"[^\w.-]", "_", PurePosixPath(urllib.parse.urlparse(url).path).name).lstrip(".")
    with tempfile.TemporaryDirectory(prefix="hegang-atlas-") as folder:
        local = Path(folder) / (name or "download")
        try:
            _download(url, local, max_bytes, cancelled or (lambda: False))
            result = read_user_file(local, max_bytes=max_bytes, cancelled=cancelled, **options)
        except AtlasError as exc:  # name the URL, not the temporary copy
            exc.path, exc.where = None, printable(url)
            exc.args = (exc.message,)
            raise
    frame = result.frame.assign(position_note=f"from {url}")
    return dataclasses.replace(result, frame=frame, source=url)
