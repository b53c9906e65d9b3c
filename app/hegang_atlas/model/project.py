"""Project files: layer state, user layers, bookmarks and the view, as versioned JSON.

The format is described in ``docs/project-format.md``.
"""

from __future__ import annotations

import dataclasses
import json
import os
from collections import Counter
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import BeforeValidator, Field, ValidationInfo, field_validator

from hegang_atlas.model.atlas import Atlas
from hegang_atlas.model.atomic import atomic_write_text
from hegang_atlas.model.bookmarks import Bookmark, Lat, Lon, Zoom
from hegang_atlas.model.errors import AtlasError
from hegang_atlas.model.jsonfile import read_json_file
from hegang_atlas.model.layers import Layer
from hegang_atlas.model.sources import Id
from hegang_atlas.model.validation import Frozen, parse

FORMAT = "hegang-atlas-project"
VERSION = 1
MAX_PROJECT_BYTES = 5_000_000
Scalar = str | bool | int | Annotated[float, Field(allow_inf_nan=False)] | None


def _path_text(value: Any) -> Any:
    if isinstance(value, str) and (not value.strip() or "\0" in value):
        raise ValueError("a file path must be non-empty text")
    return value


FilePath = Annotated[Path, BeforeValidator(_path_text)]


class LayerState(Frozen):
    """One layer's visibility and opacity; the list order is the draw order."""

    id: Id
    visible: bool = True
    opacity: float = Field(default=1.0, ge=0, le=1, allow_inf_nan=False)


class UserSource(Frozen):
    """Where a user layer was read from, and the reader's options (layer name, columns, CRS ...)."""

    path: FilePath
    options: dict[str, Scalar] = {}


class UserLayerEntry(UserSource):
    """A user layer in a project: its layer id plus its source."""

    id: Id


class View(Frozen):
    """The map's centre in degrees and its Leaflet zoom level."""

    lat: Lat
    lon: Lon
    zoom: Zoom


class SelectedFeature(Frozen):
    """The selected feature: its layer id and feature id."""

    layer: Id
    feature: str = Field(min_length=1)


class ProjectData(Frozen):
    """A project as read from a file; user layer paths are absolute once read."""

    format: Literal["hegang-atlas-project"]
    version: Literal[1]
    layers: tuple[LayerState, ...] = ()
    user_layers: tuple[UserLayerEntry, ...] = ()
    bookmarks: tuple[Bookmark, ...] = ()
    view: View | None = None
    basemap: str = Field(default="", max_length=200)
    selection: SelectedFeature | None = None

    @field_validator("layers", "user_layers", "bookmarks")
    @classmethod
    def _unique(cls, items: tuple, info: ValidationInfo) -> tuple:
        key = "name" if info.field_name == "bookmarks" else "id"
        twice = [k for k, n in Counter(getattr(item, key) for item in items).items() if n > 1]
        if twice:
            raise ValueError(f"'{twice[0]}' is listed twice")
        return items

    def relinked(self, layer_id: str, path: str | Path) -> ProjectData:
        """A copy in which the user layer ``layer_id`` is read from ``path`` (after it went missing)."""
        entries = tuple(
            e.model_copy(update={"path": Path(path)}) if e.id == layer_id else e for e in self.user_layers
        )
        return self.model_copy(update={"user_layers": entries})


@dataclasses.dataclass
class AppliedProject:
    """What :func:`apply_project` did.

    ``missing``: user layers whose file was not found (relink with :meth:`ProjectData.relinked`
    and apply again); ``warnings``: one line per thing skipped; ``user_sources``: the user layers
    now loaded, by layer id, to pass to :func:`save_project` later.
    """

    missing: list[UserLayerEntry]
    warnings: list[str]
    user_sources: dict[str, UserSource]


def _portable(path: Path, base: Path | None) -> str:
    """``path`` relative to ``base`` with ``/`` separators; absolute when there is no relative form."""
    absolute = Path(path).absolute()
    if base is not None:
        try:
            return Path(os.path.relpath(absolute, base)).as_posix()
        except ValueError:  # another drive on Windows
            pass
    return absolute.as_posix()


def project_dict(
    atlas: Atlas,
    bookmarks: Iterable[Bookmark],
    view: View | None,
    basemap: str,
    user_sources: Mapping[str, UserSource],
    *,
    base: Path | None = None,
) -> dict[str, Any]:
    """The project as plain JSON data (the file format).

    Parameters
    ----------
    atlas
        Layer order, visibility, opacity and the selected feature are taken from it.
    bookmarks
        The bookmarks, in order.
    view
        The map's current view, or ``None`` when unknown.
    basemap
        The basemap id.
    user_sources
        Source of each user layer by layer id; layers not in ``atlas`` are left out.
    base
        Folder the project file is in; user layer paths are written relative to it
        (absolute when ``None``).

    Returns
    -------
    dict
        JSON-serialisable data.
    """
    selection = atlas.selection
    return {
        "format": FORMAT,
        "version": VERSION,
        "layers": [{"id": i, "visible": atlas.visible[i], "opacity": atlas.opacity[i]} for i in atlas.order],
        "user_layers": [
            {"id": i, "path": _portable(user_sources[i].path, base), "options": dict(user_sources[i].options)}
            for i in atlas.order
            if i in user_sources
        ],
        "bookmarks": [dataclasses.asdict(b) for b in bookmarks],
        "view": view.model_dump() if view else None,
        "basemap": basemap,
        "selection": {"layer": selection.layer_id, "feature": selection.feature_id} if selection else None,
    }


def save_project(
    path: str | Path,
    atlas: Atlas,
    bookmarks: Iterable[Bookmark],
    view: View | None,
    basemap: str,
    user_sources: Mapping[str, UserSource],
) -> Path:
    """Save a project atomically, keeping the previous file as ``<name>.bak``.

    Parameters
    ----------
    path
        The project file.
    atlas, bookmarks, view, basemap, user_sources
        As for :func:`project_dict`.

    Returns
    -------
    Path
        The file written.

    Raises
    ------
    AtlasError
        When the file cannot be written; the old file is then unchanged.
    """
    path = Path(path)
    data = project_dict(atlas, bookmarks, view, basemap, user_sources, base=path.absolute().parent)
    return atomic_write_text(path, json.dumps(data, ensure_ascii=False, indent=2, allow_nan=False) + "\n")


def read_project(path: str | Path) -> ProjectData:
    """Read and validate a project file.

    Parameters
    ----------
    path
        The project file (at most 5 MB).

    Returns
    -------
    ProjectData
        With user layer paths resolved against the project file's folder.

    Raises
    ------
    AtlasError
        Naming the file and the field for any problem.
    """
    path = Path(path)
    data = read_json_file(path, MAX_PROJECT_BYTES, "project")
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise AtlasError(path, f'not a Hegang Atlas project file (expected "format": "{FORMAT}")')
    version = data.get("version")
    if type(version) is not int or version != VERSION:
        raise AtlasError(path, f"version {version!r} is not supported (expected {VERSION})", "field 'version'")
    project = parse(ProjectData, data, path)
    base = path.absolute().parent
    entries = tuple(
        e.model_copy(update={"path": Path(os.path.normpath(base / e.path))}) for e in project.user_layers
    )
    return project.model_copy(update={"user_layers": entries})


def _load_user_layers(
    atlas: Atlas, data: ProjectData, open_user_file: Callable[[Path, dict[str, Any]], Layer], result: AppliedProject
) -> tuple[dict[str, str], set[str]]:
    """Load the project's user layers; return {project id: atlas id} and the ids not loaded."""
    ids: dict[str, str] = {}
    skipped: set[str] = set()
    for entry in data.user_layers:
        if not entry.path.is_file():
            result.missing.append(entry)
            skipped.add(entry.id)
            continue
        try:
            layer = open_user_file(entry.path, dict(entry.options))
            atlas.add_layer(layer)
        except AtlasError as exc:
            result.warnings.append(f"user layer '{entry.id}' was not loaded: {exc.message}")
            skipped.add(entry.id)
            continue
        ids[entry.id] = layer.id
        result.user_sources[layer.id] = UserSource(path=entry.path, options=entry.options)
    return ids, skipped


def apply_project(
    atlas: Atlas, data: ProjectData, open_user_file: Callable[[Path, dict[str, Any]], Layer]
) -> AppliedProject:
    """Make ``atlas`` show the project: its user layers, layer state, order and selection.

    User layers already in the atlas (group ``user``) are removed first, so applying again
    after relinking missing files gives the same result as a first clean open. Layers the
    project does not mention keep their state and go on top. The view, basemap and bookmarks
    are in ``data`` for the window to apply.

    Parameters
    ----------
    atlas
        The atlas to change.
    data
        A project from :func:`read_project`.
    open_user_file
        ``open_user_file(path, options) -> Layer`` reads a user file; it raises
        :class:`AtlasError` for a file it cannot read.

    Returns
    -------
    AppliedProject
        Missing files, warnings and the user layers now loaded.
    """
    for layer in atlas.layers:
        if layer.definition.group == "user":
            atlas.remove_layer(layer.id)
    result = AppliedProject(missing=[], warnings=[], user_sources={})
    ids, skipped = _load_user_layers(atlas, data, open_user_file, result)
    order: list[str] = []
    for state in data.layers:
        layer_id = ids.get(state.id, state.id)
        if not atlas.has_layer(layer_id) or layer_id in order:
            if state.id not in skipped:
                result.warnings.append(f"layer '{state.id}' is not in this atlas; its state was skipped")
            continue
        atlas.set_visible(layer_id, state.visible)
        atlas.set_opacity(layer_id, state.opacity)
        order.append(layer_id)
    atlas.set_order(order + [i for i in atlas.order if i not in order])
    _apply_selection(atlas, data.selection, ids, skipped, result.warnings)
    return result


def _apply_selection(
    atlas: Atlas, selected: SelectedFeature | None, ids: dict[str, str], skipped: set[str], warnings: list[str]
) -> None:
    layer_id = ids.get(selected.layer, selected.layer) if selected else ""
    if selected and atlas.has_layer(layer_id) and selected.feature in atlas.layer(layer_id):
        atlas.select(layer_id, selected.feature)
        return
    atlas.clear_selection()
    if selected and selected.layer not in skipped:
        warnings.append(f"selected feature '{selected.layer}/{selected.feature}' is not in this atlas")
