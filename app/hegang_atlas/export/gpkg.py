"""GeoPackage export for QGIS: every layer with its style, and the source registry as tables.

One feature table per layer (named by the layer id, EPSG:4326), the non-spatial tables ``claims``
and ``documents``, and QGIS's ``layer_styles`` table with each layer's style as the default, so
QGIS opens every layer drawn as in the app.
"""

from __future__ import annotations

import json
import sqlite3
from datetime import datetime, timezone
from pathlib import Path

import geopandas as gpd
import numpy as np
import pandas as pd
import pyogrio

from hegang_atlas.export.common import ExportOptions, ExportReport, atlas_for_export, write_output
from hegang_atlas.export.qml import layer_qml
from hegang_atlas.model.atlas import Atlas
from hegang_atlas.model.errors import AtlasError
from hegang_atlas.model.layers import CORE, Layer
from hegang_atlas.model.sources import SourceRegistry

TABLES = ("claims", "documents", "layer_styles")
CORE_COLUMNS = ("feature_id", "name", "name_zh", "position_quality", "position_note", "claim_ids")
GEOMETRY_COLUMN = "geom"  # the name GDAL gives the geometry column of a GeoPackage table
# As QGIS creates it (QgsOgrProviderMetadata::saveStyle, through GDAL), so QGIS reads our styles.
LAYER_STYLES_SQL = """CREATE TABLE "layer_styles" ( "id" INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
 "f_table_catalog" TEXT(256), "f_table_schema" TEXT(256), "f_table_name" TEXT(256),
 "f_geometry_column" TEXT(256), "styleName" TEXT(30), "styleQML" TEXT, "styleSLD" TEXT,
 "useAsDefault" BOOLEAN, "description" TEXT, "owner" TEXT(30), "ui" TEXT(30),
 "update_time" DATETIME DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')))"""


def export(options: ExportOptions) -> ExportReport:
    """Write the atlas (with the user's ``--add`` files) to ``options.out`` as a GeoPackage.

    Parameters
    ----------
    options
        ``out`` is the file to write; ``add`` and ``lang`` are used.

    Returns
    -------
    ExportReport
        The file written and the layer ids it holds.

    Raises
    ------
    AtlasError
        When the file cannot be written; nothing is left behind.
    """
    atlas = atlas_for_export(options)
    path = write_output(options.out, lambda tmp: write_gpkg(atlas, tmp, options.lang))
    return ExportReport(path=path, layers=atlas.order)


def write_gpkg(atlas: Atlas, path: Path, lang: str = "en") -> None:
    """Write every layer, the registry tables and the QGIS styles to a new GeoPackage ``path``.

    Parameters
    ----------
    atlas
        The layers (story, context and user layers) and the source registry.
    path
        A file that does not exist yet.
    lang
        Language of the style's category labels.

    Raises
    ------
    AtlasError
        When ``path`` exists, a layer id clashes with a table name, or GDAL refuses a layer.
    """
    path = Path(path)
    if path.exists():
        raise AtlasError(path, "already exists")
    styles = []
    for layer in atlas.layers:
        if layer.id.lower() in TABLES or layer.id.lower().startswith(("gpkg_", "rtree_")):
            raise AtlasError(layer.source, f"layer id '{layer.id}' is a reserved GeoPackage table name")
        frame, columns = feature_table(layer)
        _write(frame, path, layer.id, **_geometry_options(layer))
        geometry_column = pyogrio.read_info(path, layer=layer.id)["geometry_name"]
        styles.append((layer.id, geometry_column, layer_qml(layer.definition, layer.qualities(), lang, columns)))
    _write(claims_table(atlas.registry), path, "claims")
    _write(documents_table(atlas.registry), path, "documents")
    _write_styles(path, styles)


def feature_table(layer: Layer) -> tuple[gpd.GeoDataFrame, dict[str, str]]:
    """A layer as the table written: core columns, the data's own properties, derived values.

    Parameters
    ----------
    layer
        A loaded layer (``derived`` filled in).

    Returns
    -------
    (GeoDataFrame, dict)
        The table, and data property name -> column name for the properties that had to be
        renamed because their name was taken (by a core or derived column, ``fid`` or ``geom``).
    """
    frame = layer.frame
    derived = layer.derived.reindex(frame.index)
    table = {
        "feature_id": [str(i) for i in frame.index],
        **{c: frame[c].to_numpy() for c in CORE_COLUMNS[1:5]},
        "claim_ids": [";".join(c) for c in frame["claims"]],
    }
    taken = {c.lower() for c in (*CORE_COLUMNS, *derived.columns, "fid", GEOMETRY_COLUMN)}
    renamed = {}
    for name in frame.columns:
        if name in CORE or name == frame.geometry.name:
            continue
        column = _free_name(str(name), taken)
        if column != name:
            renamed[name] = column
        table[column] = _plain(frame[name]).array
    for name in derived.columns:
        table[name] = derived[name].array
    return gpd.GeoDataFrame(table, geometry=frame.geometry.to_numpy(), crs=frame.crs), renamed


def claims_table(registry: SourceRegistry) -> pd.DataFrame:
    """Every claim of the registry, one row each (``disagrees_with`` joined by ``;``)."""
    rows = [
        {
            "id": c.id, "document": c.document, "paragraph": c.paragraph,
            "value": np.nan if c.value is None else float(c.value), "unit": c.unit, "period": c.period,
            "statement": c.statement.en, "statement_nl": c.statement_nl, "statement_zh": c.statement_zh,
            "topic": c.topic, "disagrees_with": ";".join(c.disagrees_with),
        }
        for c in registry.claims.values()
    ]
    return _typed(rows, {"id": str, "document": str, "paragraph": "int64", "value": float, "unit": str,
                         "period": str, "statement": str, "statement_nl": str, "statement_zh": str,
                         "topic": str, "disagrees_with": str})


def documents_table(registry: SourceRegistry) -> pd.DataFrame:
    """Every document and reference of the registry, one row each (English title)."""
    rows = [
        {"id": d.id, "kind": d.kind, "title": d.title.en, "language": d.language, "date": d.date,
         "publisher": d.publisher, "url": d.url}
        for d in registry.documents.values()
    ]
    return _typed(rows, dict.fromkeys(("id", "kind", "title", "language", "date", "publisher", "url"), str))


# -- helpers -----------------------------------------------------------------------------------
def _typed(rows: list[dict], dtypes: dict) -> pd.DataFrame:
    """A table with these columns even when ``rows`` is empty."""
    frame = pd.DataFrame(rows, columns=list(dtypes))
    return frame.astype({k: (object if v is str else v) for k, v in dtypes.items()})


def _free_name(name: str, taken: set[str]) -> str:
    """``name``, or ``name_2``, ``name_3`` ... when taken (SQLite compares names case-blind)."""
    candidate, n = name, 1
    while candidate.lower() in taken:
        n += 1
        candidate = f"{name}_{n}"
    taken.add(candidate.lower())
    return candidate


def _plain(series: pd.Series) -> pd.Series:
    """Values a GeoPackage column holds: lists joined by ``;``, objects as JSON, nullable booleans."""
    if series.dtype != object:
        return series

    def plain(value):
        if isinstance(value, (list, tuple, np.ndarray)):
            return ";".join(str(v) for v in value)
        if isinstance(value, dict):
            return json.dumps(value, ensure_ascii=False)
        return value

    values = series.map(plain)
    present = values.dropna()
    if len(present) and all(isinstance(v, (bool, np.bool_)) for v in present):
        return values.astype("boolean")
    return values


def _geometry_options(layer: Layer) -> dict:
    kind = layer.definition.geometry
    if kind == "Mixed":
        return {"geometry_type": "Unknown", "promote_to_multi": False}
    multi = layer.frame.geom_type.str.startswith("Multi").any()
    return {"geometry_type": f"Multi{kind}" if multi else kind, "promote_to_multi": bool(multi)}


def _write(frame: pd.DataFrame, path: Path, name: str, **options) -> None:
    try:
        pyogrio.write_dataframe(frame, path, layer=name, driver="GPKG", **options)
    except (pyogrio.errors.DataSourceError, pyogrio.errors.DataLayerError) as exc:
        raise AtlasError(None, f"GeoPackage table '{name}' cannot be written ({exc})") from None


def _write_styles(path: Path, styles: list[tuple[str, str, str]]) -> None:
    """Add ``layer_styles`` with each layer's style as its default, registered for GDAL."""
    now = datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%S.%f")[:-3] + "Z"
    with sqlite3.connect(path) as db:
        db.execute(LAYER_STYLES_SQL)
        db.execute(
            "INSERT INTO gpkg_contents (table_name, data_type, identifier, description, last_change, srs_id)"
            " VALUES ('layer_styles', 'attributes', 'layer_styles', '', ?, 0)",
            (now,),
        )
        db.executemany(
            "INSERT INTO layer_styles (f_table_catalog, f_table_schema, f_table_name, f_geometry_column,"
            " styleName, styleQML, styleSLD, useAsDefault, description, owner, update_time)"
            " VALUES ('', '', ?, ?, ?, ?, '', 1, ?, '', ?)",
            [(lid, geometry, lid, qml, "Hegang Atlas map style", now) for lid, geometry, qml in styles],
        )
    db.close()
