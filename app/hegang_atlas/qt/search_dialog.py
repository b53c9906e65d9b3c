"""The search box: find a feature by name, Chinese name or the words of a source it cites."""

from __future__ import annotations

import textwrap

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDialog, QLabel, QLineEdit, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from hegang_atlas.model.atlas import Atlas
from hegang_atlas.model.search import SearchHit, search

SNIPPET_CHARS = 140
MOVE_KEYS = {Qt.Key.Key_Up: -1, Qt.Key.Key_Down: +1}


class ToolDialog(QDialog):
    """A non-modal dialog of the main window that Escape closes.

    The window's "Clear selection" is an application-wide Escape shortcut; a dialog claims
    Escape before shortcuts are matched (an event its widgets leave to it), so Escape closes it.
    """

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ShortcutOverride and event.key() == Qt.Key.Key_Escape:
            event.accept()
            return True
        return super().event(event)


class SearchDialog(ToolDialog):
    """A small, non-modal search box over an :class:`Atlas`.

    Typing searches live (:func:`hegang_atlas.model.search.search`); each result reads
    "name (name_zh) — layer title", followed by the claim's statement when a source matched.
    Up and Down move through the results from the text box; Enter or a double-click selects the
    feature and zooms the map to it. Escape closes the box.

    Parameters
    ----------
    atlas
        The model.
    controller
        The window's ``MapController``.
    parent
        The main window.
    lang
        Language of labels, layer titles and the statements searched.

    Attributes
    ----------
    open_action
        "Find…": shows the box with its text selected.
    """

    def __init__(self, atlas: Atlas, controller, parent: QWidget | None = None, lang: str = "en") -> None:
        super().__init__(parent)
        self.setObjectName("SearchDialog")
        self.setWindowTitle(self.tr("Find a feature"))
        self.resize(460, 360)
        self.atlas = atlas
        self.controller = controller
        self._lang = lang
        self._hits: list[SearchHit] = []

        self.query_edit = QLineEdit(self)
        self.query_edit.setPlaceholderText(self.tr("Name, Chinese name or words from a source"))
        self.query_edit.setClearButtonEnabled(True)
        self.query_edit.setAccessibleName(self.tr("Search"))
        self.results = QListWidget(self)
        self.results.setWordWrap(True)
        self.results.setAccessibleName(self.tr("Results"))
        self.status_label = QLabel(self)
        self.status_label.setTextFormat(Qt.TextFormat.PlainText)
        self.open_action = QAction(self.tr("&Find…"), self)

        layout = QVBoxLayout(self)
        layout.addWidget(self.query_edit)
        layout.addWidget(self.results, 1)
        layout.addWidget(self.status_label)
        self.setFocusProxy(self.query_edit)

        self.query_edit.installEventFilter(self)
        self.query_edit.textChanged.connect(self._on_query_changed)
        self.query_edit.returnPressed.connect(self._on_return_pressed)
        self.results.itemActivated.connect(self._on_item_activated)
        self.open_action.triggered.connect(self._on_open)

    def hits(self) -> list[SearchHit]:
        """The results listed, best first."""
        return list(self._hits)

    def choose(self, row: int) -> None:
        """Select the feature of result ``row`` in the atlas and zoom the map to it."""
        if 0 <= row < len(self._hits):
            hit = self._hits[row]
            self.atlas.select(hit.layer_id, hit.feature_id)
            self.controller.zoom_to_feature(hit.layer_id, hit.feature_id)

    def _describe(self, hit: SearchHit) -> str:
        title = self.atlas.layer(hit.layer_id).definition.title.get(self._lang)
        text = f"{hit.label} — {title}"
        if hit.matched == "claim":
            text += "\n" + textwrap.shorten(hit.snippet, SNIPPET_CHARS, placeholder="…")
        return text

    # -- handlers ---------------------------------------------------------------------------
    def _on_open(self) -> None:
        self.show()
        self.raise_()
        self.activateWindow()
        self.query_edit.setFocus()
        self.query_edit.selectAll()

    def _on_query_changed(self, text: str) -> None:
        self._hits = search(self.atlas, text, lang=self._lang)
        self.results.clear()
        for hit in self._hits:
            self.results.addItem(QListWidgetItem(self._describe(hit)))
        if self._hits:
            self.results.setCurrentRow(0)
        self.status_label.setText(self.tr("No feature matches.") if text.strip() and not self._hits else "")

    def _on_return_pressed(self) -> None:
        self.choose(self.results.currentRow())

    def _on_item_activated(self, item: QListWidgetItem) -> None:
        self.choose(self.results.row(item))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        """Up and Down in the text box move through the results."""
        if watched is self.query_edit and event.type() == QEvent.Type.KeyPress and event.key() in MOVE_KEYS:
            if self._hits:
                row = self.results.currentRow() + MOVE_KEYS[event.key()]
                self.results.setCurrentRow(max(0, min(row, len(self._hits) - 1)))
            return True
        return super().eventFilter(watched, event)
