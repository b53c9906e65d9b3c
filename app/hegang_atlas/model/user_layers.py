"""User layers: a person's file, read through the gate, shown as a layer of group ``user``."""

from __future__ import annotations

import re
import urllib.parse
from pathlib import Path, PurePosixPath
from typing import Any

from hegang_atlas.model.atlas import Atlas
from hegang_atlas.model.definitions import FieldDef, LayerDef, Style
from hegang_atlas.model.gate import GateResult, read_user_file
from hegang_atlas.model.layers import CORE, Layer, build_layer

PALETTE = ("#d95f02", "#1b9e77", "#7570b3", "#e7298a", "#66a61e", "#e6ab02", "#a6761d")
OUTLINE = "#222222"
FAMILY = {
    "Point": "Point", "MultiPoint": "Point",
    "LineString": "LineString", "MultiLineString": "LineString",
    "Polygon": "Polygon", "MultiPolygon": "Polygon",
}


def _file_name(source: Path | str) -> str:
    if isinstance(source, Path):
        return source.name
    return PurePosixPath(urllib.parse.urlparse(source).path).name or source


def _layer_id(name: str, atlas: Atlas) -> str:
    slug = re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")[:60].strip("-") or "layer"
    base = candidate = f"user-{slug}"
    n = 2
    while atlas.has_layer(candidate):
        candidate, n = f"{base}-{n}", n + 1
    return candidate


def _style(geometry: str, colour: str) -> Style:
    if geometry == "Point":
        return Style(color=OUTLINE, weight=1, fill_color=colour, fill_opacity=0.85, radius=6)
    if geometry == "LineString":
        return Style(color=colour, weight=3)
    return Style(color=colour, weight=2, fill_color=colour, fill_opacity=0.3, radius=6)


def user_layer(result: GateResult, atlas: Atlas) -> Layer:
    """A layer of group ``user`` for what the gate read, not yet added to ``atlas``.

    Parameters
    ----------
    result
        What :func:`~hegang_atlas.model.gate.read_user_file` returned.
    atlas
        The atlas the layer is for: its id is unique there, its colour differs from the
        previous user layer's, and it is ordered on top.

    Returns
    -------
    Layer
        Id ``user-<file name>`` (``-2``, ``-3`` ... when taken), title the file name
        (``name.gpkg:layer`` for a chosen layer), geometry ``Point``, ``LineString``,
        ``Polygon`` or ``Mixed``, and every attribute of the file as a field.
    """
    frame = result.frame
    file_name = _file_name(result.source)
    layer = PurePosixPath(result.layer_name).stem if result.layer_name else None
    kinds = {FAMILY.get(kind, "Mixed") for kind in frame.geom_type.unique()}
    geometry = kinds.pop() if len(kinds) == 1 else "Mixed"
    users = sum(1 for existing in atlas.layers if existing.definition.group == "user")
    definition = LayerDef(
        id=_layer_id(f"{Path(file_name).stem}-{layer}" if layer else Path(file_name).stem, atlas),
        title=f"{file_name}:{layer}" if layer else file_name,
        group="user",
        geometry=geometry,
        data=file_name,
        order=max((existing.definition.order for existing in atlas.layers), default=0) + 1,
        description=f"Your file, read with GDAL's {result.driver} driver",
        fields=tuple(FieldDef(name=c, label=c) for c in frame.columns if c not in CORE and c != "geometry"),
        style=_style(geometry, PALETTE[users % len(PALETTE)]),
    )
    source = result.source if isinstance(result.source, Path) else Path(file_name)
    return build_layer(definition, frame.copy(), atlas.registry, source)


def add_user_file(atlas: Atlas, path: str | Path, **gate_options: Any) -> tuple[Layer, list[str]]:
    """Read a person's file through the gate and add it to ``atlas`` on top.

    Parameters
    ----------
    atlas
        The atlas to add to; it is left unchanged when anything fails.
    path
        The file (see :func:`~hegang_atlas.model.gate.read_user_file`).
    **gate_options
        Passed to ``read_user_file`` (``layer``, ``crs_if_missing``, ``encoding`` ...).

    Returns
    -------
    tuple of (Layer, list of str)
        The layer added and the gate's warnings.

    Raises
    ------
    AtlasError
        Including :class:`~hegang_atlas.model.gate.NeedsLayerChoice` and
        :class:`~hegang_atlas.model.gate.NeedsColumns`.
    """
    result = read_user_file(path, **gate_options)
    layer = user_layer(result, atlas)
    atlas.add_layer(layer)
    return layer, result.warnings
