"""The Bookmarks dock: named map views to add, jump to, rename and delete."""

from __future__ import annotations

from PySide6.QtCore import QSignalBlocker, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDockWidget,
    QHBoxLayout,
    QInputDialog,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from hegang_atlas.model.bookmarks import Bookmark, Bookmarks

NAME_ROLE = Qt.ItemDataRole.UserRole  # the bookmark's name in the model (the text may be mid-edit)


def _reason(exc: Exception) -> str:
    """An exception's message (``str(KeyError)`` would add quotes)."""
    return str(exc.args[0]) if isinstance(exc, KeyError) and exc.args else str(exc)


class BookmarksDock(QDockWidget):
    """A list over a :class:`Bookmarks` model, following its ``changed`` event.

    "Add current view…" asks for a name ("View N" by default) and bookmarks the map's current
    centre and zoom. Enter or a double-click flies the map to a bookmark; F2 renames it in place
    and Del deletes it. The model's refusals (a name already used, an unknown bookmark) are
    shown as messages, in plain text.

    Parameters
    ----------
    bookmarks
        The model (the window's).
    controller
        The window's ``MapController`` (its ``current_view``, ``fly_to``).
    parent
        The main window.

    Attributes
    ----------
    add_action
        "Add bookmark…" (its icon text, on the dock's button: "Add current view…"); enabled once
        the map has reported a view.
    """

    def __init__(self, bookmarks: Bookmarks, controller, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Bookmarks"), parent)
        self.setObjectName("BookmarksDock")
        self.bookmarks = bookmarks
        self.controller = controller

        self.list = QListWidget(self)
        self.list.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)  # F2 goes through rename_action
        self.list.setAccessibleName(self.tr("Bookmarks"))
        self.list.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        self.add_action = QAction(self.tr("Add &bookmark…"), self)
        self.add_action.setIconText(self.tr("Add current view…"))
        self.add_action.setEnabled(controller.current_view is not None)
        self.rename_action = self._list_action(self.tr("&Rename"), QKeySequence(Qt.Key.Key_F2))
        self.delete_action = self._list_action(self.tr("&Delete"), QKeySequence(QKeySequence.StandardKey.Delete))

        buttons = QHBoxLayout()
        for action in (self.add_action, self.rename_action, self.delete_action):
            button = QToolButton(self)
            button.setDefaultAction(action)
            buttons.addWidget(button)
        buttons.addStretch(1)
        body = QWidget(self)
        layout = QVBoxLayout(body)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(buttons)
        layout.addWidget(self.list, 1)
        self.setWidget(body)

        self.add_action.triggered.connect(self._on_add)
        self.rename_action.triggered.connect(self._on_rename)
        self.delete_action.triggered.connect(self._on_delete)
        self.list.itemActivated.connect(self._on_item_activated)
        self.list.itemChanged.connect(self._on_item_changed)
        self.list.currentItemChanged.connect(self._on_current_changed)
        controller.viewChanged.connect(self._on_view_changed)
        bookmarks.changed.connect(self._on_bookmarks_changed)
        self._populate()

    # -- public -----------------------------------------------------------------------------
    def current_name(self) -> str | None:
        """The name of the current bookmark in the list, or ``None``."""
        item = self.list.currentItem()
        return item.data(NAME_ROLE) if item is not None else None

    def add_current_view(self, name: str) -> bool:
        """Bookmark the map's current view as ``name``; a refusal is shown and gives ``False``."""
        view = self.controller.current_view
        if view is None:
            return False
        try:
            self.bookmarks.add(Bookmark(name.strip(), view["lat"], view["lon"], view["zoom"]))
        except ValueError as exc:
            self._warn(_reason(exc))
            return False
        self._set_current(name.strip())
        return True

    def jump_to(self, name: str) -> None:
        """Fly the map to the bookmark called ``name``."""
        bookmark = self.bookmarks.get(name)
        self.controller.fly_to(bookmark.lat, bookmark.lon, bookmark.zoom)

    def default_name(self) -> str:
        """"View N": the first such name not yet used, counting from the number of bookmarks + 1."""
        n = len(self.bookmarks) + 1
        while (name := self.tr("View %d") % n) in self.bookmarks:
            n += 1
        return name

    # -- building ---------------------------------------------------------------------------
    def _list_action(self, text: str, shortcut: QKeySequence) -> QAction:
        action = QAction(text, self)
        action.setShortcut(shortcut)
        action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        action.setEnabled(False)
        self.list.addAction(action)
        return action

    def _populate(self) -> None:
        current = self.current_name()
        with QSignalBlocker(self.list):
            self.list.clear()
            for bookmark in self.bookmarks:
                item = QListWidgetItem(bookmark.name, self.list)
                item.setData(NAME_ROLE, bookmark.name)
                item.setFlags(item.flags() | Qt.ItemFlag.ItemIsEditable)
                item.setToolTip(
                    self.tr("%.5f° N, %.5f° E, zoom %s") % (bookmark.lat, bookmark.lon, f"{bookmark.zoom:g}")
                )
        self._set_current(current)

    def _set_current(self, name: str | None) -> None:
        items = [self.list.item(i) for i in range(self.list.count())]
        self.list.setCurrentItem(next((item for item in items if item.data(NAME_ROLE) == name), None))
        self._on_current_changed()

    def _warn(self, message: str) -> None:
        """Show ``message`` as plain text (names can contain anything) without blocking."""
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Bookmarks"), message, parent=self)
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()

    # -- view -> model ----------------------------------------------------------------------
    def _on_add(self) -> None:
        name, ok = QInputDialog.getText(
            self, self.tr("Add bookmark"), self.tr("Name of the bookmark:"), text=self.default_name()
        )
        if ok:
            self.add_current_view(name)

    def _on_rename(self) -> None:
        item = self.list.currentItem()
        if item is not None:
            self.list.editItem(item)

    def _on_delete(self) -> None:
        name = self.current_name()
        if name is None:
            return
        row = self.list.currentRow()
        try:
            self.bookmarks.delete(name)
        except KeyError as exc:
            self._warn(_reason(exc))
            return
        self.list.setCurrentRow(min(row, self.list.count() - 1))

    def _on_item_activated(self, item: QListWidgetItem) -> None:
        self.jump_to(item.data(NAME_ROLE))

    def _on_item_changed(self, item: QListWidgetItem) -> None:
        old, new = item.data(NAME_ROLE), item.text().strip()
        if not new or new == old:  # emptied, or only spaces added: back to the model's name
            self._populate()
            return
        try:
            self.bookmarks.rename(old, new)
        except (KeyError, ValueError) as exc:
            self._populate()
            self._warn(_reason(exc))
            return
        self._set_current(new)

    # -- model -> view ----------------------------------------------------------------------
    def _on_bookmarks_changed(self) -> None:
        self._populate()

    def _on_view_changed(self, _view: dict) -> None:
        self.add_action.setEnabled(True)

    def _on_current_changed(self, *_) -> None:
        has_current = self.list.currentItem() is not None
        self.rename_action.setEnabled(has_current)
        self.delete_action.setEnabled(has_current)
