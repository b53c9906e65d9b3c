"""Presenter mode: the window full screen with a large-type chapter panel, driven from the keyboard.

Keys work wherever the focus is in the window, the web view included: while presenting, an event
filter watches the window, the map view and the view's focus proxy (the widget that has the keyboard
when the map does). It is not an application-wide filter: with PySide 6 a Python filter on the
application is handed QtWebEngine's internal objects, and wrapping those crashes the process. The
mouse is left alone, so the audience may pan and zoom the map. Presenter notes go to a second window
on another screen, if there is one.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import partial

from PySide6.QtCore import QByteArray, QEvent, QObject, Qt
from PySide6.QtGui import QGuiApplication, QKeyEvent
from PySide6.QtWidgets import (
    QDockWidget,
    QLabel,
    QMainWindow,
    QProgressBar,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from hegang_atlas.model.sources import SourceRegistry
from hegang_atlas.qt.story_dock import chapter_html, progress_text
from hegang_atlas.qt.story_player import StoryPlayer

POINT_SIZE = 22  # large type, readable from the back of a classroom
PANEL_SHARE = 0.35  # of the screen width
MODIFIERS = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier | Qt.KeyboardModifier.MetaModifier
DIGITS = {getattr(Qt.Key, f"Key_{d}"): str(d) for d in range(10)}


def _large(widget: QWidget) -> None:
    font = widget.font()
    font.setPointSize(POINT_SIZE)
    widget.setFont(font)


class PresenterPanel(QWidget):
    """The chapter for the audience: title, text and sources in large type, and the progress.

    Parameters
    ----------
    registry
        The source registry, for the citations.
    player
        The :class:`StoryPlayer` to follow.
    """

    def __init__(self, registry: SourceRegistry, player: StoryPlayer, parent: QWidget | None = None,
                 lang: str = "en") -> None:
        super().__init__(parent)
        self.registry = registry
        self.player = player
        self.lang = lang
        _large(self)
        self.browser = QTextBrowser()
        self.browser.setOpenLinks(False)
        self.browser.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # keys stay with the map and the window
        self.progress = QProgressBar()
        self.progress.setFormat("%v / %m")
        self.jump = QLabel()
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser, 1)
        layout.addWidget(self.jump)
        layout.addWidget(self.progress)
        player.chapterChanged.connect(self._on_chapter_changed)

    def show_jump(self, digits: str) -> None:
        """Show the chapter number being typed (digits, then Enter)."""
        self.jump.setText(self.tr("Go to chapter: %s") % digits if digits else "")

    def _on_chapter_changed(self, index: int) -> None:
        chapter = self.player.chapter
        if chapter is not None:
            self.browser.setHtml(chapter_html(chapter, self.registry, self.lang))
        self.progress.setRange(0, self.player.count)
        self.progress.setValue(index + 1)


class NotesWindow(QWidget):
    """Presenter notes for the current chapter, for a screen the audience does not see."""

    def __init__(self, player: StoryPlayer, lang: str = "en") -> None:
        super().__init__(None, Qt.WindowType.Window)
        self.setWindowTitle(self.tr("Presenter notes"))
        self.player = player
        self.lang = lang
        _large(self)
        self.title = QLabel()
        self.notes = QLabel()
        self.progress = QLabel()
        for label in (self.title, self.notes, self.progress):
            label.setTextFormat(Qt.TextFormat.PlainText)
            label.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.notes, 1)
        layout.addWidget(self.progress)
        player.chapterChanged.connect(self._on_chapter_changed)
        self._on_chapter_changed(player.index)

    def _on_chapter_changed(self, index: int) -> None:
        chapter = self.player.chapter
        self.title.setText(chapter.title.get(self.lang) if chapter else "")
        self.notes.setText(chapter.notes.get(self.lang) if chapter and chapter.notes else self.tr("(no notes)"))
        self.progress.setText(progress_text(self.player))


@dataclass
class _Saved:
    """What presenter mode changes in the window, to put back on leaving."""

    geometry: QByteArray
    state: QByteArray
    maximized: bool
    menu_bar: bool
    status_bar: bool


class PresenterMode(QObject):
    """Presents the player's story in ``window``: full screen, other docks hidden, keys to navigate.

    Keys: Right, PageDown, Space = next; Left, PageUp = previous; Home, End; digits then Enter =
    chapter N; R = back to the chapter's camera; Esc = leave (window state, docks and geometry
    restored).

    Parameters
    ----------
    window
        The main window (``atlas``, dock widgets, menu and status bars).
    player
        The :class:`StoryPlayer` to drive.
    """

    def __init__(self, window: QMainWindow, player: StoryPlayer, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.window = window
        self.player = player
        self.panel = PresenterPanel(window.atlas.registry, player)
        self.dock = QDockWidget(self.tr("Presenter"))
        self.dock.setObjectName("PresenterDock")
        self.dock.setFeatures(QDockWidget.DockWidgetFeature.NoDockWidgetFeatures)
        self.dock.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.dock.setWidget(self.panel)
        self.dock.hide()
        self.notes: NotesWindow | None = None
        self._saved: _Saved | None = None
        self._watched: list[QObject] = []
        self._digits = ""
        window.controller.ready.connect(self._on_page_ready)
        navigation = {
            Qt.Key.Key_Right: player.next,
            Qt.Key.Key_PageDown: player.next,
            Qt.Key.Key_Space: player.next,
            Qt.Key.Key_Left: player.prev,
            Qt.Key.Key_PageUp: player.prev,
            Qt.Key.Key_Home: player.first,
            Qt.Key.Key_End: player.last,
            Qt.Key.Key_R: player.reset_view,
            Qt.Key.Key_Escape: self.leave,
        }
        self._keys = {key: partial(self._run, action) for key, action in navigation.items()}
        self._keys |= {key: partial(self._on_digit, digit) for key, digit in DIGITS.items()}
        self._keys |= {Qt.Key.Key_Return: self._on_jump, Qt.Key.Key_Enter: self._on_jump}

    @property
    def active(self) -> bool:
        return self._saved is not None

    def toggle(self) -> None:
        if self.active:
            self.leave()
        else:
            self.enter()

    def enter(self) -> None:
        """Go full screen with the presenter panel, showing the current (or first) chapter."""
        if self.active or not self.player.count:
            return
        window = self.window
        self._saved = _Saved(window.saveGeometry(), window.saveState(), window.isMaximized(),
                             window.menuBar().isVisible(), window.statusBar().isVisible())
        for dock in window.findChildren(QDockWidget):
            dock.hide()
        window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.dock)
        self.dock.show()
        window.menuBar().hide()
        window.statusBar().hide()
        window.showFullScreen()
        window.resizeDocks([self.dock], [int(window.width() * PANEL_SHARE)], Qt.Orientation.Horizontal)
        window.centralWidget().setFocus()
        self.player.go(max(self.player.index, 0))
        self._open_notes()
        self._watch()

    def leave(self) -> None:
        """Restore the window as it was before :meth:`enter`."""
        if not self.active:
            return
        saved, self._saved = self._saved, None
        for obj in self._watched:
            if isValid(obj):
                obj.removeEventFilter(self)
        self._watched = []
        self._set_digits("")
        if self.notes is not None:
            self.notes.close()
            self.notes.deleteLater()
            self.notes = None
        window = self.window
        window.removeDockWidget(self.dock)
        self.dock.hide()
        window.menuBar().setVisible(saved.menu_bar)
        window.statusBar().setVisible(saved.status_bar)
        if saved.maximized:
            window.showMaximized()
        else:
            window.showNormal()
        window.restoreState(saved.state)
        window.restoreGeometry(saved.geometry)

    def _open_notes(self) -> None:
        """Notes on another screen; with one screen they are not shown (the audience would see them)."""
        screens = QGuiApplication.screens()
        if len(screens) < 2:
            return
        here = self.window.screen()
        other = next((s for s in screens if s is not here), screens[1])
        self.notes = NotesWindow(self.player, self.panel.lang)
        self.notes.setScreen(other)
        self.notes.setGeometry(other.availableGeometry())
        self.notes.show()

    # -- keys -------------------------------------------------------------------------------
    def _watch(self) -> None:
        """Filter the keys of the window, the map view, its focus proxy and the notes window."""
        view = self.window.centralWidget()
        candidates = (self.window, view, view.focusProxy() if view else None, self.notes)
        for obj in candidates:
            if obj is not None and obj not in self._watched:
                obj.installEventFilter(self)
                self._watched.append(obj)

    def _on_page_ready(self) -> None:
        """A reloaded page may come with a new focus proxy: watch it too."""
        if self.active:
            self._watch()

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        if event.type() not in (QEvent.Type.KeyPress, QEvent.Type.ShortcutOverride):
            return False
        if not isinstance(event, QKeyEvent) or event.modifiers() & MODIFIERS or event.key() not in self._keys:
            return False
        if event.type() == QEvent.Type.ShortcutOverride:
            event.accept()  # the key comes to us as a KeyPress instead of triggering a window shortcut (Esc)
        else:
            self._keys[event.key()]()
        return True

    def _run(self, action) -> None:
        self._set_digits("")
        action()

    def _on_digit(self, digit: str) -> None:
        self._set_digits(self._digits + digit)

    def _on_jump(self) -> None:
        if self._digits:
            self.player.go(int(self._digits) - 1)
        self._set_digits("")

    def _set_digits(self, digits: str) -> None:
        self._digits = digits[-4:]
        self.panel.show_jump(self._digits)
