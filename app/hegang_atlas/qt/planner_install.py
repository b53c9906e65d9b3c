"""Planner tools in the main window: attribute table, search, proximity, bookmarks; menus and shortcuts."""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QDockWidget, QMainWindow, QMenu

from hegang_atlas.model.bookmarks import Bookmarks
from hegang_atlas.qt.attribute_table import AttributeTableDock
from hegang_atlas.qt.bookmarks_dock import BookmarksDock
from hegang_atlas.qt.proximity_dialog import ProximityDialog
from hegang_atlas.qt.search_dialog import SearchDialog

BOTTOM = Qt.DockWidgetArea.BottomDockWidgetArea
LEFT = Qt.DockWidgetArea.LeftDockWidgetArea


class PlannerTools(QObject):
    """The planner tools of one main window, owned by (and deleted with) the window.

    Parameters
    ----------
    window
        A ``MainWindow``; only its public attributes are used (``atlas``, ``controller``,
        ``layers_dock``, ``attributes_dock``, ``view_menu``, ``menuBar()``, and ``bookmarks``
        and ``tools_menu``, which are made when missing and shared with other tools).
    lang
        Language of layer titles, labels and searched statements.

    Attributes
    ----------
    table_dock, bookmarks_dock, search_dialog, proximity_dialog
        The tools.
    tools_menu
        The window's "Tools" menu, holding Find… (Ctrl+F), Find within N km… (Ctrl+Shift+F),
        Add bookmark… (Ctrl+B) and Attribute table (Ctrl+T).
    """

    def __init__(self, window: QMainWindow, lang: str = "en") -> None:
        super().__init__(window)
        self.setObjectName("PlannerTools")
        if getattr(window, "bookmarks", None) is None:
            window.bookmarks = Bookmarks()
        atlas, controller = window.atlas, window.controller
        self.table_dock = AttributeTableDock(atlas, controller, window, lang)
        self.bookmarks_dock = BookmarksDock(window.bookmarks, controller, window)
        self.search_dialog = SearchDialog(atlas, controller, window, lang)
        self.proximity_dialog = ProximityDialog(atlas, controller, window, lang)

        self._dock_at_bottom(window, self.table_dock)
        window.addDockWidget(LEFT, self.bookmarks_dock)
        window.tabifyDockWidget(window.layers_dock, self.bookmarks_dock)
        window.layers_dock.raise_()
        self.table_dock.hide()  # opened with Ctrl+T or from the View menu

        self.tools_menu = self._tools_menu(window)
        for action, shortcut in (
            (self.search_dialog.open_action, "Ctrl+F"),
            (self.proximity_dialog.open_action, "Ctrl+Shift+F"),
            (self.bookmarks_dock.add_action, "Ctrl+B"),
            (self.table_dock.open_action, "Ctrl+T"),
        ):
            action.setShortcut(QKeySequence(shortcut))
            action.setShortcutContext(Qt.ShortcutContext.ApplicationShortcut)
            self.tools_menu.addAction(action)
        self._add_view_toggles(window, [self.table_dock, self.bookmarks_dock])

    def _dock_at_bottom(self, window: QMainWindow, dock: QDockWidget) -> None:
        """Add ``dock`` to the bottom area, as a tab beside a dock already there."""
        others = [d for d in window.findChildren(QDockWidget) if d is not dock and window.dockWidgetArea(d) == BOTTOM]
        window.addDockWidget(BOTTOM, dock)
        if others:
            window.tabifyDockWidget(others[0], dock)

    def _tools_menu(self, window: QMainWindow) -> QMenu:
        """The window's Tools menu (``window.tools_menu``, shared with other tools), made when missing.

        A new one goes before the last menu (Help); a used one gets a separator first.
        """
        menu = getattr(window, "tools_menu", None)
        if menu is None:
            bar = window.menuBar()
            menu = window.tools_menu = QMenu(self.tr("&Tools"), window)
            menus = bar.actions()
            bar.insertMenu(menus[-1] if menus else None, menu)
        elif menu.actions():
            menu.addSeparator()
        return menu

    def _add_view_toggles(self, window: QMainWindow, docks: list[QDockWidget]) -> None:
        """Show/hide actions for ``docks`` in the View menu, after the Attributes dock's."""
        actions = window.view_menu.actions()
        anchor = window.attributes_dock.toggleViewAction()
        after = actions.index(anchor) + 1 if anchor in actions else len(actions)
        before = actions[after] if after < len(actions) else None
        window.view_menu.insertActions(before, [dock.toggleViewAction() for dock in docks])


def install_planner_tools(window: QMainWindow, lang: str = "en") -> PlannerTools:
    """Add the planner tools to ``window``; call it before the window restores its saved layout.

    Parameters
    ----------
    window
        The ``MainWindow``; gets ``bookmarks`` (a :class:`Bookmarks`) and ``tools_menu`` if it
        has none (other installers make and share the same ones).
    lang
        Language of the tools' texts taken from data.

    Returns
    -------
    PlannerTools
        The docks, dialogs and Tools menu (a child of ``window``); a second call returns the
        tools already installed.
    """
    installed = window.findChild(PlannerTools, options=Qt.FindChildOption.FindDirectChildrenOnly)
    return installed if installed is not None else PlannerTools(window, lang)
