"""The story editor: capture map views as chapters, write their text, cite claims, reorder, save."""

from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QSignalBlocker, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from hegang_atlas.model.atlas import Atlas
from hegang_atlas.model.errors import AtlasError
from hegang_atlas.model.sources import SourceRegistry
from hegang_atlas.model.story import Camera, Chapter, Story, check_story, read_story, save_story, story_dict
from hegang_atlas.model.text import LocalText
from hegang_atlas.model.validation import parse

CHAPTER_ROLE = Qt.ItemDataRole.UserRole
CLAIM_ROLE = Qt.ItemDataRole.UserRole
FILE_FILTER = QT_TRANSLATE_NOOP("StoryEditor", "Story files (*.json)")  # translated where used
DIGITS = 6  # decimals kept of captured coordinates (about 0.1 m)


def open_story_file(parent: QWidget | None, atlas: Atlas, path: str | Path) -> Story | None:
    """Read a story file and check it fits ``atlas``; on a problem, say so in a message box.

    Returns
    -------
    Story or None
        The story, or ``None`` (after the message) when the file cannot be used.
    """
    try:
        story = read_story(path)
        check_story(story, atlas, Path(path))
    except AtlasError as exc:
        title = QCoreApplication.translate("StoryEditor", "Cannot open story")
        QMessageBox.critical(parent, title, exc.message)
        return None
    return story


def capture_camera(view: dict | None, atlas: Atlas) -> Camera:
    """The bounds of the map's current view (or of the whole atlas before the page reported one)."""
    if view is None:
        from hegang_atlas.page.builder import initial_bounds

        s, w, n, e = initial_bounds(atlas)
    else:
        s, w, n, e = view["bounds"]
    lat = lambda v: round(min(max(float(v), -90.0), 90.0), DIGITS)  # noqa: E731
    lon = lambda v: round(min(max(float(v), -180.0), 180.0), DIGITS)  # noqa: E731
    return Camera(bounds=(lat(s), lon(w), lat(n), lon(e)))


def _slug(title: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", title.lower()).strip("-")[:80] or "story"


def _with_english(text: str, old: LocalText | None) -> LocalText:
    """``old`` with ``text`` as its English version (its translations are kept)."""
    return LocalText(text, dict(old.others) if old is not None else {})


class ClaimPicker(QWidget):
    """The registry's claims as a checkable list, with a search filter.

    Signals
    -------
    changed()
    """

    changed = Signal()

    def __init__(self, registry: SourceRegistry, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.filter = QLineEdit()
        self.filter.setPlaceholderText(self.tr("Search claims…"))
        self.filter.setClearButtonEnabled(True)
        self.list = QListWidget()
        for claim in registry.claims.values():
            item = QListWidgetItem(f"{claim.id} — {claim.statement.en}")
            item.setData(CLAIM_ROLE, claim.id)
            item.setToolTip(registry.citation(claim))
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            self.list.addItem(item)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.filter)
        layout.addWidget(self.list)
        self._checked: list[str] = []
        self.filter.textChanged.connect(self._on_filter)
        self.list.itemChanged.connect(self._on_item_changed)

    def checked(self) -> tuple[str, ...]:
        """The checked claim ids, in the order they were cited."""
        return tuple(self._checked)

    def set_checked(self, claim_ids: tuple[str, ...]) -> None:
        self._checked = list(claim_ids)
        with QSignalBlocker(self.list):
            for item in self._items():
                checked = item.data(CLAIM_ROLE) in self._checked
                item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)

    def _items(self) -> list[QListWidgetItem]:
        return [self.list.item(i) for i in range(self.list.count())]

    def _on_filter(self, text: str) -> None:
        """Show the claims whose id or statement holds every word typed."""
        words = text.lower().split()
        for item in self._items():
            item.setHidden(not all(word in item.text().lower() for word in words))

    def _on_item_changed(self, item: QListWidgetItem) -> None:
        claim_id = item.data(CLAIM_ROLE)
        if item.checkState() == Qt.CheckState.Checked and claim_id not in self._checked:
            self._checked.append(claim_id)
        elif item.checkState() != Qt.CheckState.Checked and claim_id in self._checked:
            self._checked.remove(claim_id)
        self.changed.emit()


class StoryEditor(QDialog):
    """Write a story: capture the map as chapters, edit texts and citations, reorder, save.

    A chapter captured here keeps the map's view bounds, its visible layers with their opacity
    (user layers included) and the selected feature as its highlight.

    Parameters
    ----------
    atlas
        The model: layers, opacity and selection to capture; claims to cite.
    controller
        The ``MapController`` whose ``current_view`` is captured.

    Signals
    -------
    storySaved(Story, Path)
    """

    storySaved = Signal(object, object)

    def __init__(self, atlas: Atlas, controller, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Story editor"))
        self.setObjectName("StoryEditor")
        self.atlas = atlas
        self.controller = controller
        self.path: Path | None = None
        self._id: str | None = None
        self._title = LocalText("")
        self._description: LocalText | None = None
        self._build()
        self.new_story()

    # -- layout -----------------------------------------------------------------------------
    def _button(self, layout: QHBoxLayout | QVBoxLayout, text: str, slot) -> QPushButton:
        button = QPushButton(text)
        button.clicked.connect(slot)
        layout.addWidget(button)
        return button

    def _build(self) -> None:
        files = QHBoxLayout()
        self._button(files, self.tr("New"), self.new_story)
        self._button(files, self.tr("Open…"), self._on_open)
        self._button(files, self.tr("Save"), self._on_save)
        self._button(files, self.tr("Save As…"), self._on_save_as)
        files.addStretch(1)
        self.story_title = QLineEdit()
        self.story_title.setPlaceholderText(self.tr("Story title"))

        self.chapters = QListWidget()
        self.chapters.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        chapter_buttons = QHBoxLayout()
        self._button(chapter_buttons, self.tr("Capture current view as chapter"), self.capture)
        self._button(chapter_buttons, self.tr("Up"), lambda: self.move_chapter(-1))
        self._button(chapter_buttons, self.tr("Down"), lambda: self.move_chapter(1))
        self._button(chapter_buttons, self.tr("Delete chapter"), self.delete_chapter)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.addWidget(self.chapters)
        left_layout.addLayout(chapter_buttons)

        self.chapter_title = QLineEdit()
        self.text = QPlainTextEdit()
        self.text.setPlaceholderText(self.tr("Paragraphs; lines starting with \"- \" are a list; **bold**, *italic*"))
        self.notes = QPlainTextEdit()
        self.notes.setPlaceholderText(self.tr("Presenter notes: a question for the class"))
        self.claims = ClaimPicker(self.atlas.registry)
        self.fields = QWidget()
        form = QFormLayout(self.fields)
        form.addRow(self.tr("Title"), self.chapter_title)
        form.addRow(self.tr("Text"), self.text)
        form.addRow(self.tr("Notes"), self.notes)
        form.addRow(self.tr("Sources"), self.claims)

        splitter = QSplitter()
        splitter.addWidget(left)
        splitter.addWidget(self.fields)
        layout = QVBoxLayout(self)
        layout.addLayout(files)
        layout.addWidget(self.story_title)
        layout.addWidget(splitter, 1)
        self.resize(1000, 700)

        self.story_title.textEdited.connect(self._on_story_title_edited)
        self.chapters.currentRowChanged.connect(self._on_chapter_selected)
        self.chapter_title.textEdited.connect(self._on_chapter_title_edited)
        self.text.textChanged.connect(self._on_text_edited)
        self.notes.textChanged.connect(self._on_notes_edited)
        self.claims.changed.connect(self._on_claims_changed)

    # -- the story --------------------------------------------------------------------------
    def new_story(self) -> None:
        """Start an empty story (capture views to add chapters)."""
        self._load(None, LocalText(self.tr("My story")), None, [], None)

    def load(self, story: Story, path: str | Path | None = None) -> None:
        """Edit ``story``; saving writes to ``path`` (``None``: ask where)."""
        self._load(story.id, story.title, story.description, list(story.chapters), path)

    def _load(self, story_id, title, description, chapters, path) -> None:
        self._id, self._title, self._description = story_id, title, description
        self.path = Path(path) if path is not None else None
        self.story_title.setText(title.en)
        with QSignalBlocker(self.chapters):
            self.chapters.clear()
            for chapter in chapters:
                self.chapters.addItem(self._item(chapter))
        self.chapters.setCurrentRow(0 if chapters else -1)
        self._on_chapter_selected(self.chapters.currentRow())

    def story(self) -> Story:
        """The story as edited, validated; an :class:`AtlasError` says what is missing."""
        chapters = tuple(self._chapter(i) for i in range(self.chapters.count()))
        if not chapters:
            raise AtlasError(self.path, self.tr("a story needs a chapter: capture a view first"))
        draft = Story.model_construct(id=self._id or _slug(self._title.en), title=self._title,
                                      description=self._description, chapters=chapters)
        return parse(Story, story_dict(draft), self.path)

    def open_file(self, path: str | Path) -> bool:
        """Open a story file; on a problem, show it and keep the story being edited."""
        story = open_story_file(self, self.atlas, path)
        if story is not None:
            self.load(story, path)
        return story is not None

    def save_to(self, path: str | Path) -> bool:
        """Validate and save; on a problem, show it and write nothing."""
        try:
            story = self.story()
            check_story(story, self.atlas, Path(path))
            saved = save_story(story, path)
        except AtlasError as exc:
            QMessageBox.critical(self, self.tr("Cannot save story"), exc.message)
            return False
        self.path, self._id = saved, story.id
        self.storySaved.emit(story, saved)
        return True

    # -- chapters ---------------------------------------------------------------------------
    def capture(self) -> None:
        """Add a chapter after the current one with the map's view, visible layers and selection."""
        atlas = self.atlas
        selection = atlas.selection
        chapter = Chapter(
            title=LocalText(self.tr("Chapter %d") % (self.chapters.count() + 1)),
            text=LocalText(self.tr("What should the class see here?")),
            camera=capture_camera(self.controller.current_view, atlas),
            layers={layer_id: atlas.opacity[layer_id] for layer_id in atlas.order if atlas.visible[layer_id]},
            highlight=((selection.layer_id, selection.feature_id),) if selection else (),
        )
        row = self.chapters.currentRow() + 1
        self.chapters.insertItem(row, self._item(chapter))
        self.chapters.setCurrentRow(row)

    def move_chapter(self, delta: int) -> None:
        row = self.chapters.currentRow()
        if row < 0 or not 0 <= row + delta < self.chapters.count():
            return
        item = self.chapters.takeItem(row)
        self.chapters.insertItem(row + delta, item)
        self.chapters.setCurrentRow(row + delta)

    def delete_chapter(self) -> None:
        row = self.chapters.currentRow()
        if row >= 0:
            self.chapters.takeItem(row)
            self._on_chapter_selected(self.chapters.currentRow())

    def _item(self, chapter: Chapter) -> QListWidgetItem:
        item = QListWidgetItem(chapter.title.en)
        item.setData(CHAPTER_ROLE, chapter)
        return item

    def _chapter(self, row: int) -> Chapter:
        return self.chapters.item(row).data(CHAPTER_ROLE)

    def _update_chapter(self, **changes) -> None:
        item = self.chapters.currentItem()
        if item is None:
            return
        chapter = item.data(CHAPTER_ROLE).model_copy(update=changes)
        item.setData(CHAPTER_ROLE, chapter)
        item.setText(chapter.title.en)

    def _edit_text(self, field: str, text: str) -> None:
        """Set the English version of the current chapter's ``field`` (title, text or notes)."""
        item = self.chapters.currentItem()
        if item is None:
            return
        value = _with_english(text, getattr(item.data(CHAPTER_ROLE), field))
        if field == "notes" and not text and not value.others:
            value = None
        self._update_chapter(**{field: value})

    # -- handlers ---------------------------------------------------------------------------
    def _on_chapter_selected(self, row: int) -> None:
        chapter = self._chapter(row) if row >= 0 else None
        self.fields.setEnabled(chapter is not None)
        with QSignalBlocker(self.chapter_title), QSignalBlocker(self.text), QSignalBlocker(self.notes):
            self.chapter_title.setText(chapter.title.en if chapter else "")
            self.text.setPlainText(chapter.text.en if chapter else "")
            self.notes.setPlainText(chapter.notes.en if chapter and chapter.notes else "")
        self.claims.set_checked(chapter.claims if chapter else ())

    def _on_story_title_edited(self, text: str) -> None:
        self._title = _with_english(text, self._title)

    def _on_chapter_title_edited(self, text: str) -> None:
        self._edit_text("title", text)

    def _on_text_edited(self) -> None:
        self._edit_text("text", self.text.toPlainText())

    def _on_notes_edited(self) -> None:
        self._edit_text("notes", self.notes.toPlainText())

    def _on_claims_changed(self) -> None:
        self._update_chapter(claims=self.claims.checked())

    def _on_open(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Open story"), str(self.path or ""), self.tr(FILE_FILTER))
        if path:
            self.open_file(path)

    def _on_save(self) -> None:
        if self.path is None:
            self._on_save_as()
        else:
            self.save_to(self.path)

    def _on_save_as(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Save story"), str(self.path or ""), self.tr(FILE_FILTER))
        if path:
            self.save_to(path)
