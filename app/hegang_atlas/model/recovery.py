"""Autosave and recovery: unsaved work kept in a recovery folder until a clean save or exit.

The window passes the folder (Qt's application data location, ``recovery/``); nothing here
imports Qt. A recovery is an ordinary project file (:func:`~hegang_atlas.model.project.save_project`)
named :data:`RECOVERY_NAME`, plus a small note saying which project file it belongs to.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from hegang_atlas.model.atlas import Atlas
from hegang_atlas.model.atomic import atomic_write_text
from hegang_atlas.model.bookmarks import Bookmark
from hegang_atlas.model.errors import AtlasError
from hegang_atlas.model.project import UserSource, View, save_project

RECOVERY_NAME = "autosave.hegang-project.json"
NOTE_NAME = "autosave.note.json"


@dataclass(frozen=True)
class Recovery:
    """Unsaved work found in a recovery folder.

    Attributes
    ----------
    path
        The recovery project file (read it with :func:`~hegang_atlas.model.project.read_project`).
    saved_at
        When it was written (local time).
    project
        The project file the work belongs to, or ``None`` for a project never saved.
    """

    path: Path
    saved_at: datetime
    project: Path | None


def write_recovery(
    folder: str | Path,
    atlas: Atlas,
    bookmarks: Iterable[Bookmark],
    view: View | None,
    basemap: str,
    user_sources: Mapping[str, UserSource],
    project: str | Path | None = None,
) -> Path:
    """Save the current state as the recovery project in ``folder`` (created if needed).

    Parameters
    ----------
    folder
        The recovery folder.
    atlas, bookmarks, view, basemap, user_sources
        As for :func:`~hegang_atlas.model.project.save_project`.
    project
        The project file this work belongs to, or ``None``.

    Returns
    -------
    Path
        The recovery project file.

    Raises
    ------
    AtlasError
        When the folder or a file cannot be written.
    """
    folder = Path(folder)
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise AtlasError(folder, f"cannot be created ({exc.strerror or exc})") from None
    path = save_project(folder / RECOVERY_NAME, atlas, bookmarks, view, basemap, user_sources)
    note = {"project": str(Path(project).absolute()) if project else None}
    atomic_write_text(folder / NOTE_NAME, json.dumps(note, ensure_ascii=False) + "\n", backup=False)
    return path


def _note_project(folder: Path) -> Path | None:
    try:
        note = json.loads((folder / NOTE_NAME).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    project = note.get("project") if isinstance(note, dict) else None
    return Path(project) if isinstance(project, str) and project else None


def find_recovery(folder: str | Path) -> Recovery | None:
    """The unsaved work left in ``folder`` by a session that did not end cleanly, or ``None``."""
    folder = Path(folder)
    path = folder / RECOVERY_NAME
    try:
        modified = path.stat().st_mtime
    except OSError:
        return None
    return Recovery(path, datetime.fromtimestamp(modified), _note_project(folder))


def discard_recovery(folder: str | Path) -> None:
    """Remove the recovery project, its backup and its note (after a clean save or exit)."""
    folder = Path(folder)
    for name in (RECOVERY_NAME, RECOVERY_NAME + ".bak", NOTE_NAME):
        (folder / name).unlink(missing_ok=True)
