"""Story mode in the main window: the Story dock, presenter mode, the editor, and their menu entries."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QFileDialog, QMainWindow, QMenu

from hegang_atlas.model.story import Story, builtin_stories
from hegang_atlas.qt.presenter import PresenterMode
from hegang_atlas.qt.story_dock import StoryDock
from hegang_atlas.qt.story_editor import FILE_FILTER, StoryEditor, open_story_file
from hegang_atlas.qt.story_player import StoryPlayer


class StoryMode(QObject):
    """The story parts of a main window, made by :func:`install_story_mode`.

    Attributes
    ----------
    player : StoryPlayer
    dock : StoryDock
        Offers the built-in stories and the story files opened or saved.
    presenter : PresenterMode
    editor : StoryEditor or None
        Made the first time it is needed.
    """

    def __init__(self, window: QMainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.player = StoryPlayer(window.atlas, window.controller, self)
        self.dock = StoryDock(window.atlas.registry, self.player, window)
        for story in builtin_stories():
            self.dock.add_story(story)
        window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.dock)
        window.tabifyDockWidget(window.attributes_dock, self.dock)
        window.attributes_dock.raise_()
        self.presenter = PresenterMode(window, self.player, self)
        self.editor: StoryEditor | None = None
        self._make_menus()

    def _action(self, menu: QMenu, text: str, slot, shortcut: str | None = None) -> QAction:
        action = QAction(text, self.window)
        if shortcut:
            action.setShortcut(QKeySequence(shortcut))
            action.setShortcutContext(Qt.ShortcutContext.ApplicationShortcut)
        action.triggered.connect(slot)
        menu.addAction(action)
        return action

    def _make_menus(self) -> None:
        view = self.window.view_menu
        view.addSeparator()
        view.addAction(self.dock.toggleViewAction())
        self.present_action = self._action(view, self.tr("&Present story"), self.presenter.toggle, "F5")
        bar = self.window.menuBar()
        menu = QMenu(self.tr("&Story"), self.window)
        actions = bar.actions()
        after_view = actions.index(view.menuAction()) + 1
        if after_view < len(actions):
            bar.insertMenu(actions[after_view], menu)
        else:
            bar.addMenu(menu)
        self.story_menu = menu
        self._action(menu, self.tr("&New story…"), self._on_new_story)
        self._action(menu, self.tr("&Open story…"), self._on_open_story)
        self._action(menu, self.tr("&Edit story…"), self._on_edit_story)

    # -- public API -------------------------------------------------------------------------
    def open_story(self, path: str | Path) -> bool:
        """Offer a story file in the Story dock; a file that cannot be used is reported, not loaded."""
        story = open_story_file(self.window, self.window.atlas, path)
        if story is not None:
            self._show(story, path)
        return story is not None

    def edit(self, story: Story | None = None, path: str | Path | None = None) -> StoryEditor:
        """Show the editor with ``story`` (a new story when ``None``)."""
        if self.editor is None:
            self.editor = StoryEditor(self.window.atlas, self.window.controller, self.window)
            self.editor.storySaved.connect(self._show)
        if story is None:
            self.editor.new_story()
        else:
            self.editor.load(story, path)
        self.editor.show()
        self.editor.raise_()
        return self.editor

    # -- handlers ---------------------------------------------------------------------------
    def _show(self, story: Story, path: str | Path) -> None:
        self.dock.add_story(story, path)
        self.dock.show()
        self.dock.raise_()

    def _on_new_story(self) -> None:
        self.edit()

    def _on_open_story(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self.window, self.tr("Open story"), "",
                                              QCoreApplication.translate("StoryEditor", FILE_FILTER))
        if path:
            self.open_story(path)

    def _on_edit_story(self) -> None:
        self.edit(*self.dock.current())


def install_story_mode(window: QMainWindow) -> StoryMode:
    """Add story mode to ``window`` (a ``MainWindow``): Story dock, View > Present (F5), Story menu.

    Uses only the window's public parts: ``atlas``, ``controller``, ``view_menu``, ``menuBar()``,
    ``addDockWidget`` and ``attributes_dock`` (the Story dock is tabbed with it). Call it before the
    window restores its saved layout, so that the Story dock's place is restored too.
    """
    return StoryMode(window)
