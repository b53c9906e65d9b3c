"""A person's own files as layers: File > Add layer…, files dropped on the window, Remove layer.

Files are read through the reading gate (:func:`~hegang_atlas.model.gate.read_user_file`) on a
worker thread, one at a time (GDAL's configuration is process-wide), with a progress dialog that
can cancel. The layer is built and added on the UI thread; ``window.user_sources`` keeps where
each user layer came from and how it was read, for project files.

Each read gets its own Python thread, not a QThreadPool thread: pyproj keeps its PROJ context
in native thread-local storage but frees it with the Python thread state, which PySide drops
between the calls it makes on a pool thread, so the next read there uses a freed context.
"""

from __future__ import annotations

import logging
import threading
from collections import deque
from pathlib import Path
from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QFileDialog, QInputDialog, QMessageBox, QProgressDialog

from hegang_atlas.model.atlas import Atlas
from hegang_atlas.model.errors import AtlasError
from hegang_atlas.model.gate import NeedsColumns, NeedsLayerChoice, ReadCancelled, read_user_file
from hegang_atlas.model.layers import Layer
from hegang_atlas.model.project import UserSource
from hegang_atlas.model.user_layers import user_layer

log = logging.getLogger(__name__)

READER_OPTIONS = frozenset({"layer", "crs_if_missing", "encoding", "lon_column", "lat_column"})
LAST_FOLDER_KEY = "files/last_folder"


def read_layer(atlas: Atlas, path: str | Path, options: dict[str, Any]) -> Layer:
    """Read a user file through the gate, now, into a layer for ``atlas`` (not added).

    Parameters
    ----------
    atlas
        The atlas the layer is for (its id is unique there).
    path
        The file.
    options
        Reader options as saved in a project: ``layer``, ``crs_if_missing``, ``encoding``,
        ``lon_column``, ``lat_column`` (text).

    Returns
    -------
    Layer

    Raises
    ------
    AtlasError
        For an unknown option or a file the gate refuses.
    """
    for key, value in options.items():
        if key not in READER_OPTIONS or not isinstance(value, str):
            raise AtlasError(path, f"reader option '{key}' is not supported")
    return user_layer(read_user_file(path, **options), atlas)


class _ReadSignals(QObject):
    """Carries a worker's progress and outcome to the UI thread."""

    progressed = Signal(float)
    done = Signal(object, object)  # ((GateResult, Layer) | None, Exception | None)


class _ReadJob:
    """One gate read on its own worker thread, which also builds (and validates) the layer.

    The layer is built for the atlas as it was when the read began (``layers``): its id, colour
    and place on top depend on the layers there.
    """

    def __init__(self, path: Path, options: dict[str, str], atlas: Atlas) -> None:
        self.path, self.options, self.atlas = path, options, atlas
        self.layers = tuple(atlas.order)
        self.cancel = threading.Event()
        self.signals = _ReadSignals()
        self.thread = threading.Thread(target=self._run, name="hegang-atlas-read", daemon=True)

    def _run(self) -> None:
        try:
            result = read_user_file(self.path, progress=self.signals.progressed.emit,
                                    cancelled=self.cancel.is_set, **self.options)
            layer = user_layer(result, self.atlas)
            layer.qualities()  # the legend needs them: found here, not on the UI thread
        except Exception as exc:  # noqa: BLE001 (every failure is reported on the UI thread)
            self.signals.done.emit(None, exc)
        else:
            self.signals.done.emit((result, layer), None)


def dropped_files(mime) -> list[Path]:
    """The local files in drag-and-drop data (other URLs are ignored)."""
    return [Path(url.toLocalFile()) for url in mime.urls() if url.isLocalFile()] if mime.hasUrls() else []


class LayerAdder(QObject):
    """Adds a person's files to the window's atlas, and removes user layers again.

    Parameters
    ----------
    window
        The main window; uses ``atlas``, ``settings``, ``layers_dock``, ``statusBar()`` and
        ``user_sources`` (a dict of :class:`~hegang_atlas.model.project.UserSource` by layer id,
        created when missing). Files dropped on the window are added (its map view has drops off).

    Attributes
    ----------
    add_action : QAction
        File > Add layer… (Ctrl+Shift+A).
    remove_action : QAction
        Remove the current user layer of the Layers dock (also in its context menu).
    notice : QMessageBox
        The non-blocking message with the gate's warnings about the last file added.

    Signals
    -------
    fileDone(path, layer_id)
        A file was handled: ``layer_id`` is the layer added, or ``""`` when none was.
    """

    fileDone = Signal(str, str)

    def __init__(self, window) -> None:
        super().__init__(window)
        self._window = window
        self.atlas: Atlas = window.atlas
        if getattr(window, "user_sources", None) is None:
            window.user_sources = {}
        self.user_sources: dict[str, UserSource] = window.user_sources
        self._queue: deque[tuple[Path, dict[str, str]]] = deque()
        self._job: _ReadJob | None = None
        self._progress: QProgressDialog | None = None

        self.add_action = QAction(self.tr("&Add layer…"), window)
        self.add_action.setShortcut(QKeySequence("Ctrl+Shift+A"))
        self.add_action.setShortcutContext(Qt.ShortcutContext.ApplicationShortcut)
        self.add_action.setStatusTip(self.tr("Add your own GeoJSON, GeoPackage, Shapefile, KML, CSV or FlatGeobuf file"))
        self.add_action.triggered.connect(self.choose_files)
        self.remove_action = QAction(self.tr("&Remove layer"), window)
        self.remove_action.triggered.connect(self._on_remove)
        window.layers_dock.tree.addAction(self.remove_action)

        self.notice = QMessageBox(QMessageBox.Icon.Information, self.tr("Layer added"), "",
                                  QMessageBox.StandardButton.Ok, window)
        self.notice.setWindowModality(Qt.WindowModality.NonModal)

        window.setAcceptDrops(True)
        window.installEventFilter(self)
        window.layers_dock.tree.currentItemChanged.connect(self._on_current_layer_changed)
        self.atlas.events.layers.connect(self._on_layers)
        self._sync_remove_action()

    # -- public -----------------------------------------------------------------------------
    @property
    def busy(self) -> bool:
        """True while files are being read or wait to be."""
        return self._job is not None or bool(self._queue)

    def choose_files(self) -> None:
        """Ask for files (File > Add layer…) and add them."""
        filters = ";;".join([
            self.tr("GIS files (*.geojson *.json *.gpkg *.shp *.zip *.kml *.kmz *.csv *.fgb)"),
            self.tr("GeoJSON (*.geojson *.json)"),
            self.tr("GeoPackage (*.gpkg)"),
            self.tr("Shapefile (*.shp *.zip)"),
            self.tr("KML (*.kml *.kmz)"),
            self.tr("CSV with longitude and latitude (*.csv)"),
            self.tr("FlatGeobuf (*.fgb)"),
            self.tr("All files (*)"),
        ])
        folder = str(self._window.settings.value(LAST_FOLDER_KEY, "") or "")
        paths, _ = QFileDialog.getOpenFileNames(self._window, self.tr("Add layer"), folder, filters)
        if paths:
            self._window.settings.setValue(LAST_FOLDER_KEY, str(Path(paths[0]).parent))
            self.add_files(paths)

    def add_files(self, paths, options: dict[str, str] | None = None) -> None:
        """Read ``paths`` one after the other and add each as a layer on top.

        Parameters
        ----------
        paths
            Files (str or Path).
        options
            Reader options for every file (``layer``, ``lon_column`` ...); the person is asked
            for a layer or the coordinate columns when the gate needs them.
        """
        self._queue.extend((Path(p), dict(options or {})) for p in paths)
        self._read_next()

    def remove_layer(self, layer_id: str) -> None:
        """Remove a user layer from the atlas and forget its source."""
        self.atlas.remove_layer(layer_id)
        self.user_sources.pop(layer_id, None)

    def stop(self) -> None:
        """Drop the files waiting, stop the read in progress and wait until it has ended.

        Called before a project replaces the session and when the window closes: GDAL must
        not read two files at once, and a file read for the old session is not added.
        """
        self._queue.clear()
        if self._job is not None:
            self._job.cancel.set()
            self._job.thread.join()

    # -- reading ----------------------------------------------------------------------------
    def _read_next(self) -> None:
        if self._job is not None or not self._queue:
            return
        path, options = self._queue.popleft()
        self._job = job = _ReadJob(path, options, self.atlas)
        self._progress = progress = QProgressDialog(self.tr("Reading %s…") % path.name, self.tr("Cancel"), 0, 100,
                                                    self._window)
        progress.setWindowTitle(self.tr("Add layer"))
        progress.setWindowModality(Qt.WindowModality.WindowModal)
        progress.setMinimumDuration(400)
        progress.setAutoClose(False)
        progress.setAutoReset(False)
        progress.canceled.connect(job.cancel.set)
        job.signals.progressed.connect(self._on_progress)
        job.signals.done.connect(self._on_read_done)
        job.thread.start()

    def _on_progress(self, fraction: float) -> None:
        if self._progress is not None:
            self._progress.setValue(round(fraction * 100))

    def _on_read_done(self, result, error) -> None:
        job, self._job = self._job, None
        progress, self._progress = self._progress, None
        progress.hide()  # not close(): that would emit canceled
        progress.deleteLater()
        if error is None and job.cancel.is_set():  # finished just as it was stopped
            error = ReadCancelled(job.path)
        if error is None:
            result, layer = result
            if tuple(self.atlas.order) != job.layers:  # layers came or went meanwhile
                layer = None
            self._add_result(job.path, job.options, result, layer)
        else:
            self._handle_error(job.path, job.options, error)
        self._read_next()

    def _handle_error(self, path: Path, options: dict[str, str], error: Exception) -> None:
        retry = None
        if isinstance(error, NeedsLayerChoice):
            retry = self._ask_layer(path, error.layers)
        elif isinstance(error, NeedsColumns):
            retry = self._ask_columns(path, error.columns)
        elif isinstance(error, ReadCancelled):
            self._window.statusBar().showMessage(self.tr("Reading %s was cancelled") % path.name, 6000)
        elif isinstance(error, AtlasError):
            self._warn(path, error.message)
        else:
            log.error("reading %s failed", path, exc_info=error)
            self._warn(path, f"{type(error).__name__}: {error}")
        if retry is None:
            self.fileDone.emit(str(path), "")
        else:
            self._queue.appendleft((path, {**options, **retry}))

    def _ask_layer(self, path: Path, layers: list[str]) -> dict[str, str] | None:
        name, ok = QInputDialog.getItem(self._window, self.tr("Choose a layer"),
                                        self.tr("%s holds several layers. Which one should be added?") % path.name,
                                        layers, 0, False)
        return {"layer": name} if ok and name else None

    def _ask_columns(self, path: Path, columns: list[str]) -> dict[str, str] | None:
        lon, ok = QInputDialog.getItem(self._window, self.tr("Longitude column"),
                                       self.tr("Which column of %s holds the longitude (east-west)?") % path.name,
                                       columns, 0, False)
        if not (ok and lon):
            return None
        lat, ok = QInputDialog.getItem(self._window, self.tr("Latitude column"),
                                       self.tr("Which column of %s holds the latitude (north-south)?") % path.name,
                                       columns, min(1, len(columns) - 1), False)
        return {"lon_column": lon, "lat_column": lat} if ok and lat else None

    def _add_result(self, path: Path, options: dict[str, str], result, layer: Layer | None) -> None:
        try:
            layer = layer or user_layer(result, self.atlas)
            self.atlas.add_layer(layer)
        except AtlasError as exc:
            self._warn(path, exc.message)
            self.fileDone.emit(str(path), "")
            return
        self.user_sources[layer.id] = UserSource(path=Path(result.source), options=options)
        title = layer.definition.title.en
        if result.warnings:
            text = "\n".join(result.warnings)
            self._window.statusBar().showMessage(self.tr("%s added: %s") % (title, "; ".join(result.warnings)), 15000)
            self.notice.setText(self.tr("%s was added. Please note:") % title)
            self.notice.setInformativeText(text)
            self.notice.show()
        else:
            self._window.statusBar().showMessage(self.tr("%s added") % title, 6000)
        self.fileDone.emit(str(path), layer.id)

    def _warn(self, path: Path, reason: str) -> None:
        QMessageBox.warning(self._window, self.tr("Add layer"),
                            self.tr("%s could not be added.\n\n%s") % (path.name, reason))

    # -- removing ---------------------------------------------------------------------------
    def _current_user_layer(self) -> str | None:
        layer_id = self._window.layers_dock.current_layer()
        if layer_id and self.atlas.has_layer(layer_id) and self.atlas.layer(layer_id).definition.group == "user":
            return layer_id
        return None

    def _sync_remove_action(self) -> None:
        self.remove_action.setEnabled(self._current_user_layer() is not None)

    def _on_remove(self) -> None:
        layer_id = self._current_user_layer()
        if layer_id is not None:
            self.remove_layer(layer_id)

    def _on_current_layer_changed(self, *_) -> None:
        self._sync_remove_action()

    def _on_layers(self) -> None:
        for layer_id in [i for i in self.user_sources if not self.atlas.has_layer(i)]:
            del self.user_sources[layer_id]
        self._sync_remove_action()

    # -- drag and drop ----------------------------------------------------------------------
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        kind = event.type()
        if watched is not self._window or kind not in (QEvent.Type.DragEnter, QEvent.Type.DragMove, QEvent.Type.Drop):
            return False
        files = dropped_files(event.mimeData())
        if not files:
            return False
        event.setDropAction(Qt.DropAction.CopyAction)
        event.accept()
        if kind == QEvent.Type.Drop:
            self.add_files(files)
        return True
