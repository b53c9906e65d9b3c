"""Project files in the window: New, Open, Open Recent, Save, Save As, autosave and recovery.

A project (``docs/project-format.md``) holds the layer state, the user layers and how they were
read, the bookmarks, the view and the basemap. The window title shows the project's name and a
``*`` while there are unsaved changes. Unsaved work is written to a recovery file every minute
(:mod:`hegang_atlas.model.recovery`) and offered back when the app starts after a crash.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from contextlib import contextmanager
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QGridLayout,
    QLabel,
    QMenu,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
)

from hegang_atlas.model.bookmarks import Bookmarks
from hegang_atlas.model.errors import AtlasError
from hegang_atlas.model.project import (
    FORMAT,
    MAX_PROJECT_BYTES,
    VERSION,
    AppliedProject,
    ProjectData,
    UserLayerEntry,
    View,
    apply_project,
    read_project,
    save_project,
)
from hegang_atlas.model.recovery import discard_recovery, find_recovery, write_recovery
from hegang_atlas.page.builder import initial_bounds
from hegang_atlas.qt.add_layer import LAST_FOLDER_KEY, read_layer

PROJECT_SUFFIX = ".hegang-project.json"
RECENT_KEY = "recent/projects"
MAX_RECENT = 8
AUTOSAVE_MS = 60_000


def is_project_file(path: str | Path) -> bool:
    """True for a JSON file whose ``"format"`` is ``"hegang-atlas-project"``."""
    path = Path(path)
    if path.suffix.lower() != ".json":
        return False
    try:
        if path.stat().st_size > MAX_PROJECT_BYTES:
            return False
        data = json.loads(path.read_bytes().decode("utf-8-sig"))
    except (OSError, ValueError, RecursionError):
        return False
    return isinstance(data, dict) and data.get("format") == FORMAT


def project_name(path: Path | None) -> str | None:
    """The name shown for a project file: its file name without the project suffix."""
    if path is None:
        return None
    name = path.name
    for suffix in (PROJECT_SUFFIX, ".json"):
        if name.lower().endswith(suffix) and len(name) > len(suffix):
            return name[: -len(suffix)]
    return name


def _view(current: dict | None) -> View | None:
    if not current:
        return None
    try:
        return View(lat=current["lat"], lon=(current["lon"] + 180.0) % 360.0 - 180.0, zoom=current["zoom"])
    except (KeyError, ValueError):
        return None


class MissingFilesDialog(QDialog):
    """The user files of a project that were not found, each with a Relink… button.

    Parameters
    ----------
    missing
        The entries :func:`~hegang_atlas.model.project.apply_project` reported missing.
    parent
        The window.

    Attributes
    ----------
    relinked : dict of str to Path
        The new file chosen for each relinked layer id.
    relink_buttons : dict of str to QPushButton
        The Relink… button of each layer id.
    """

    def __init__(self, missing: Iterable[UserLayerEntry], parent=None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Files not found"))
        self.relinked: dict[str, Path] = {}
        self.relink_buttons: dict[str, QPushButton] = {}
        self._status: dict[str, QLabel] = {}
        grid = QGridLayout()
        for row, entry in enumerate(missing):
            name = QLabel(entry.path.name)
            name.setToolTip(str(entry.path))
            status = QLabel(self.tr("not found"))
            button = QPushButton(self.tr("Relink…"))
            button.clicked.connect(lambda _=False, e=entry: self._on_relink_clicked(e))
            grid.addWidget(name, row, 0)
            grid.addWidget(status, row, 1)
            grid.addWidget(button, row, 2)
            self._status[entry.id] = status
            self.relink_buttons[entry.id] = button
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok, self)
        buttons.accepted.connect(self.accept)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("These files of the project were not found. "
                                        "Find each one that moved; the others are left out.")))
        layout.addLayout(grid)
        layout.addWidget(buttons)

    def relink(self, layer_id: str, path: str | Path) -> None:
        """Read the user layer ``layer_id`` from ``path``."""
        self.relinked[layer_id] = Path(path)
        self._status[layer_id].setText(Path(path).name)
        self._status[layer_id].setToolTip(str(path))

    def _on_relink_clicked(self, entry: UserLayerEntry) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Find %s") % entry.path.name, str(entry.path.parent))
        if path:
            self.relink(entry.id, path)


class ProjectActions(QObject):
    """File > New project, Open project…, Open Recent, Save project, Save project as…; autosave.

    Parameters
    ----------
    window
        The main window; uses ``atlas``, ``controller``, ``settings``, ``set_basemap``,
        ``basemap_actions``, ``statusBar()``, ``user_sources`` (dict of
        :class:`~hegang_atlas.model.project.UserSource` by layer id) and ``bookmarks``
        (a :class:`~hegang_atlas.model.bookmarks.Bookmarks`, created when missing).
    recovery_folder
        Where unsaved work is kept until a clean save or exit.
    autosave_ms
        How often unsaved changes are written to the recovery folder.

    Attributes
    ----------
    path : Path or None
        The project file, or ``None`` for a project never saved.
    basemap : str
        The current basemap id (followed from the View > Basemap actions).
    new_action, open_action, save_action, save_as_action : QAction
    recent_menu : QMenu
        Open Recent: the last projects opened or saved (at most 8).
    autosave_timer : QTimer
    notice : QMessageBox
        The non-blocking message with warnings from the last project opened.

    Signals
    -------
    replacing()
        A project (new, opened or restored) is about to replace the session.
    closing()
        The window is closing and the person agreed (changes saved or discarded).
    """

    replacing = Signal()
    closing = Signal()

    def __init__(self, window, recovery_folder: str | Path, autosave_ms: int = AUTOSAVE_MS) -> None:
        super().__init__(window)
        self._window = window
        self.atlas = window.atlas
        self.recovery_folder = Path(recovery_folder)
        if getattr(window, "bookmarks", None) is None:
            window.bookmarks = Bookmarks()
        self.bookmarks: Bookmarks = window.bookmarks
        if getattr(window, "user_sources", None) is None:
            window.user_sources = {}
        self.path: Path | None = None
        self.basemap = next((k for k, a in window.basemap_actions.items() if a.isChecked()), "none")
        self._modified = False
        self._unsaved_since_autosave = False
        self._loading = 0
        self._base_title = window.windowTitle()

        self.new_action = self._action(self.tr("&New project"), QKeySequence.StandardKey.New, self.new_project)
        self.open_action = self._action(self.tr("&Open project…"), QKeySequence("Ctrl+O"), self.choose_project)
        self.save_action = self._action(self.tr("&Save project"), QKeySequence("Ctrl+S"), self.save)
        self.save_as_action = self._action(self.tr("Save project &as…"), QKeySequence("Ctrl+Shift+S"), self.save_as)
        self.recent_menu = QMenu(self.tr("Open &Recent"), window)
        self._fill_recent_menu()

        self.notice = QMessageBox(QMessageBox.Icon.Information, self.tr("Project opened"), "",
                                  QMessageBox.StandardButton.Ok, window)
        self.notice.setWindowModality(Qt.WindowModality.NonModal)

        self.autosave_timer = QTimer(self)
        self.autosave_timer.setInterval(autosave_ms)
        self.autosave_timer.timeout.connect(self.autosave)
        self.autosave_timer.start()

        events = self.atlas.events
        for signal in (events.visibility, events.opacity, events.order, events.layers):
            signal.connect(self._on_changed)
        self.bookmarks.changed.connect(self._on_changed)
        for key, action in window.basemap_actions.items():
            action.toggled.connect(lambda on, k=key: self._on_basemap_toggled(k, on))
        window.installEventFilter(self)
        self._update_title()

    def _action(self, text: str, shortcut: QKeySequence, slot) -> QAction:
        action = QAction(text, self._window)
        action.setShortcut(shortcut)
        action.setShortcutContext(Qt.ShortcutContext.ApplicationShortcut)
        action.triggered.connect(slot)
        return action

    # -- state ------------------------------------------------------------------------------
    @property
    def modified(self) -> bool:
        """True when the session has changes not saved in the project file."""
        return self._modified

    @modified.setter
    def modified(self, value: bool) -> None:
        self._modified = bool(value)
        self._unsaved_since_autosave = self._modified
        self._update_title()

    def _update_title(self) -> None:
        name = project_name(self.path) or self.tr("Untitled")
        self._window.setWindowTitle(f"{name}[*] — {self._base_title}")
        self._window.setWindowModified(self._modified)

    @contextmanager
    def _applying(self):
        """Changes made while a project is applied are not the person's edits."""
        self._loading += 1
        try:
            yield
        finally:
            self._loading -= 1

    def _on_changed(self, *_) -> None:
        if not self._loading:
            self._modified = self._unsaved_since_autosave = True
            self._update_title()

    def _on_basemap_toggled(self, key: str, on: bool) -> None:
        if on and key != self.basemap:
            self.basemap = key
            self._on_changed()

    # -- new, open --------------------------------------------------------------------------
    def confirm_discard(self) -> bool:
        """Offer to save unsaved changes; False when the person cancels."""
        if not self._modified:
            return True
        name = project_name(self.path) or self.tr("Untitled")
        answer = QMessageBox.question(
            self._window, self.tr("Unsaved changes"), self.tr("Save the changes to the project %s?") % name,
            QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Save,
        )
        if answer == QMessageBox.StandardButton.Save:
            return self.save()
        return answer == QMessageBox.StandardButton.Discard

    def new_project(self) -> None:
        """Start over: no user layers or bookmarks, every layer shown in its own order, no basemap."""
        if not self.confirm_discard():
            return
        atlas = self.atlas
        self.replacing.emit()
        with self._applying():
            apply_project(atlas, ProjectData(format=FORMAT, version=VERSION), self._open_user_file)
            for layer_id in atlas.order:
                atlas.set_visible(layer_id, True)
                atlas.set_opacity(layer_id, 1.0)
            atlas.set_order([layer.id for layer in sorted(atlas.layers, key=lambda l: l.definition.order)])
            self._window.user_sources.clear()
            self.bookmarks.replace([])
            self._window.set_basemap("none")
            self._window.controller.fly_to_bounds(*initial_bounds(atlas))
        self.path = None
        self.modified = False
        discard_recovery(self.recovery_folder)

    def choose_project(self) -> None:
        """Ask for a project file and open it (File > Open project…)."""
        if not self.confirm_discard():
            return
        folder = str(self.path.parent) if self.path else ""
        path, _ = QFileDialog.getOpenFileName(
            self._window, self.tr("Open project"), folder,
            self.tr("Hegang Atlas projects (*%s *.json);;All files (*)") % PROJECT_SUFFIX,
        )
        if path:
            self.open_project(path)

    def open_project(self, path: str | Path) -> bool:
        """Open a project file: its user layers, layer state, bookmarks, view and basemap.

        Files of the project that are not found are listed with a way to find them
        (:class:`MissingFilesDialog`). Problems are reported in a dialog. Unsaved changes are
        not asked about here (see :meth:`confirm_discard`).

        Returns
        -------
        bool
            False when the file is not a readable project (the session is unchanged).
        """
        path = Path(path).absolute()
        try:
            data = read_project(path)
        except AtlasError as exc:
            QMessageBox.warning(self._window, self.tr("Open project"),
                                self.tr("%s could not be opened.\n\n%s") % (path.name, exc.message))
            return False
        relinked = self._apply(data)
        self.path = path
        self.modified = relinked  # the file still names the old places
        if not relinked:
            discard_recovery(self.recovery_folder)
        self._remember(path)
        return True

    def open_recent(self, path: str | Path) -> None:
        """Open a project from Open Recent; one that no longer exists is removed from the list."""
        path = Path(path)
        if not path.is_file():
            self._set_recent([p for p in self.recent_projects() if Path(p) != path])
            QMessageBox.information(self._window, self.tr("Open Recent"),
                                    self.tr("%s no longer exists; it was removed from Open Recent.") % path)
            return
        if self.confirm_discard():
            self.open_project(path)

    def _open_user_file(self, path: Path, options: dict):
        return read_layer(self.atlas, path, options)

    def _apply(self, data: ProjectData) -> bool:
        """Make the window show ``data``; True when user files were relinked."""
        self.replacing.emit()
        with self._applying():
            applied = apply_project(self.atlas, data, self._open_user_file)
            relinked = False
            if applied.missing:
                dialog = MissingFilesDialog(applied.missing, self._window)
                dialog.exec()
                for layer_id, new_path in dialog.relinked.items():
                    data = data.relinked(layer_id, new_path)
                relinked = bool(dialog.relinked)
                dialog.deleteLater()
                if relinked:
                    applied = apply_project(self.atlas, data, self._open_user_file)
            self._window.user_sources.clear()
            self._window.user_sources.update(applied.user_sources)
            self.bookmarks.replace(data.bookmarks)
            warnings = self._apply_basemap(data.basemap) + self._warnings(applied)
            if data.view is not None:
                self._window.controller.call("setView", data.view.lat, data.view.lon, data.view.zoom)
        if warnings:
            self._window.statusBar().showMessage("; ".join(warnings), 15000)
            self.notice.setText(self.tr("The project was opened. Please note:"))
            self.notice.setInformativeText("\n".join(warnings))
            self.notice.show()
        return relinked

    def _apply_basemap(self, key: str) -> list[str]:
        if key in self._window.basemap_actions:
            self._window.set_basemap(key)
            self.basemap = key
            return []
        self._window.set_basemap("none")
        self.basemap = "none"
        return [self.tr("basemap '%s' is not known; none is shown") % key] if key else []

    def _warnings(self, applied: AppliedProject) -> list[str]:
        missing = [self.tr("user layer '%s' was not loaded: %s was not found") % (e.id, e.path) for e in applied.missing]
        return missing + applied.warnings

    # -- save -------------------------------------------------------------------------------
    def save(self) -> bool:
        """Save to the project file (asks for one the first time); False when not saved."""
        if self.path is None:
            return self.save_as()
        return self.save_to(self.path)

    def save_as(self) -> bool:
        """Ask for a file and save the project there; False when not saved."""
        if self.path is not None:
            start = str(self.path)
        else:
            folder = Path(str(self._window.settings.value(LAST_FOLDER_KEY, "") or ""))
            start = str(folder / (self.tr("untitled") + PROJECT_SUFFIX))
        path, _ = QFileDialog.getSaveFileName(
            self._window, self.tr("Save project as"), start,
            self.tr("Hegang Atlas projects (*%s)") % PROJECT_SUFFIX,
        )
        if not path:
            return False
        if not path.lower().endswith(".json"):
            path += PROJECT_SUFFIX
        return self.save_to(path)

    def save_to(self, path: str | Path) -> bool:
        """Save the project to ``path`` (atomically, the old file kept as ``.bak``).

        Returns
        -------
        bool
            False when it could not be written; the person is told and an old file is unchanged.
        """
        path = Path(path).absolute()
        try:
            save_project(path, self.atlas, self.bookmarks, _view(self._window.controller.current_view),
                         self.basemap, self._window.user_sources)
        except AtlasError as exc:
            QMessageBox.warning(self._window, self.tr("Save project"),
                                self.tr("The project could not be saved.\n\n%s") % exc.message)
            return False
        self.path = path
        self.modified = False
        discard_recovery(self.recovery_folder)
        self._remember(path)
        self._window.statusBar().showMessage(self.tr("Project saved to %s") % path, 6000)
        return True

    # -- recent -----------------------------------------------------------------------------
    def recent_projects(self) -> list[str]:
        """The project files in Open Recent, most recent first."""
        value = self._window.settings.value(RECENT_KEY, [])
        if isinstance(value, str):  # QSettings gives one string for a list of one
            value = [value] if value else []
        return [str(v) for v in value or []][:MAX_RECENT]

    def _remember(self, path: Path) -> None:
        self._set_recent([str(path)] + [p for p in self.recent_projects() if Path(p) != path])

    def _set_recent(self, paths: list[str]) -> None:
        self._window.settings.setValue(RECENT_KEY, paths[:MAX_RECENT])
        self._fill_recent_menu()

    def _fill_recent_menu(self) -> None:
        self.recent_menu.clear()
        recent = self.recent_projects()
        for number, path in enumerate(recent, start=1):
            action = self.recent_menu.addAction(f"&{number} {project_name(Path(path))}")
            action.setToolTip(path)
            action.triggered.connect(lambda _=False, p=path: self.open_recent(p))
        self.recent_menu.setEnabled(bool(recent))

    # -- autosave and recovery --------------------------------------------------------------
    def autosave(self) -> None:
        """Write unsaved changes to the recovery folder (the timer calls this every minute)."""
        if not (self._modified and self._unsaved_since_autosave):
            return
        try:
            write_recovery(self.recovery_folder, self.atlas, self.bookmarks,
                           _view(self._window.controller.current_view), self.basemap,
                           self._window.user_sources, self.path)
        except AtlasError as exc:
            self._window.statusBar().showMessage(self.tr("Autosave failed: %s") % exc.message, 10000)
            return
        self._unsaved_since_autosave = False

    def offer_recovery(self) -> bool:
        """Offer the unsaved work a previous session left behind; True when it was restored."""
        recovery = find_recovery(self.recovery_folder)
        if recovery is None:
            return False
        when = recovery.saved_at.strftime("%Y-%m-%d %H:%M")
        answer = QMessageBox.question(
            self._window, self.tr("Restore unsaved work"),
            self.tr("Hegang Atlas did not close properly last time.\n\nRestore unsaved work from %s?") % when,
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, QMessageBox.StandardButton.Yes,
        )
        if answer != QMessageBox.StandardButton.Yes:
            discard_recovery(self.recovery_folder)
            return False
        try:
            data = read_project(recovery.path)
        except AtlasError as exc:
            QMessageBox.warning(self._window, self.tr("Restore unsaved work"),
                                self.tr("The unsaved work could not be restored.\n\n%s") % exc.message)
            discard_recovery(self.recovery_folder)
            return False
        self._apply(data)
        self.path = recovery.project
        self.modified = True  # still unsaved; the recovery file stays until a save or a clean exit
        self._unsaved_since_autosave = False
        return True

    # -- closing ----------------------------------------------------------------------------
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        if watched is self._window and event.type() == QEvent.Type.Close:
            if not self.confirm_discard():
                event.ignore()
                return True
            self.autosave_timer.stop()
            discard_recovery(self.recovery_folder)
            self.closing.emit()
        return False


def open_paths(window, paths: Iterable[str | Path]) -> None:
    """Open what was named on the command line: a project file, and data files as layers.

    Parameters
    ----------
    window
        A main window with the file tools installed (:func:`~hegang_atlas.qt.files_install.install_file_tools`).
    paths
        Project files (JSON with ``"format": "hegang-atlas-project"``) and data files. The first
        project is opened; data files are added on top of it, in order.
    """
    paths = [Path(p) for p in paths]
    projects = [p for p in paths if is_project_file(p)]
    if projects:
        window.project_actions.open_project(projects[0])
        if len(projects) > 1:
            window.statusBar().showMessage(
                QCoreApplication.translate("FileTools", "One project at a time: %s was opened") % projects[0].name, 10000)
    data = [p for p in paths if p not in projects]
    if data:
        window.layer_adder.add_files(data)
