"""Put the file tools into the main window: projects, your own layers, the measuring tool."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QStandardPaths, QTimer
from PySide6.QtWidgets import QMenu

from hegang_atlas.qt.add_layer import LayerAdder
from hegang_atlas.qt.measure_tool import MeasureTool
from hegang_atlas.qt.project_actions import AUTOSAVE_MS, ProjectActions


RECOVERY_FOLDER_KEY = "files/recovery_folder"


def recovery_folder(settings) -> Path:
    """Where unsaved work is kept: the ``files/recovery_folder`` setting, else ``recovery/`` in
    the application's data folder (Qt's ``AppDataLocation``)."""
    chosen = str(settings.value(RECOVERY_FOLDER_KEY, "") or "")
    if chosen:
        return Path(chosen)
    location = QStandardPaths.StandardLocation.AppDataLocation
    return Path(QStandardPaths.writableLocation(location)) / "recovery"


def install_file_tools(window, *, autosave_ms: int = AUTOSAVE_MS) -> None:
    """Add projects, Add layer / Remove layer, drag and drop, and the measuring tool to ``window``.

    File menu (above its existing items): New project, Open project…, Open Recent, Save project,
    Save project as…, Add layer…, Remove layer. Tools menu (``window.tools_menu``, created
    before the last menu when missing, shared with other tools): Measure distance, Measure area. Unsaved work is autosaved
    to the recovery folder, and work left there by a session that did not end cleanly is offered
    back once the event loop runs (the folder: :func:`recovery_folder`). Installing twice does
    nothing the second time.

    Parameters
    ----------
    window
        The :class:`~hegang_atlas.qt.main_window.MainWindow`. Only its public attributes are used;
        this sets ``window.user_sources`` (dict of ``UserSource`` by layer id), ``window.bookmarks``
        (when missing), ``window.layer_adder``, ``window.project_actions`` and
        ``window.measure_tool``.
    autosave_ms
        The autosave interval.
    """
    if getattr(window, "project_actions", None) is not None:
        return
    adder = LayerAdder(window)
    projects = ProjectActions(window, recovery_folder(window.settings), autosave_ms)
    measure = MeasureTool(window)
    window.layer_adder, window.project_actions, window.measure_tool = adder, projects, measure
    projects.replacing.connect(adder.stop)
    projects.replacing.connect(measure.end)
    projects.closing.connect(adder.stop)
    projects.closing.connect(measure.end)

    menu = window.file_menu
    before = menu.actions()[0] if menu.actions() else None
    for item in (projects.new_action, projects.open_action, projects.recent_menu, projects.save_action,
                 projects.save_as_action, None, adder.add_action, adder.remove_action, None):
        if item is None:
            menu.insertSeparator(before)
        elif isinstance(item, QMenu):
            menu.insertMenu(before, item)
        else:
            menu.insertAction(before, item)

    tools = getattr(window, "tools_menu", None)
    if tools is None:
        tools = QMenu(QCoreApplication.translate("FileTools", "&Tools"), window)
        last = window.menuBar().actions()
        window.menuBar().insertMenu(last[-1] if last else None, tools)  # before Help
        window.tools_menu = tools
    elif tools.actions():
        tools.addSeparator()
    tools.addAction(measure.distance_action)
    tools.addAction(measure.area_action)

    QTimer.singleShot(0, projects, projects.offer_recovery)
