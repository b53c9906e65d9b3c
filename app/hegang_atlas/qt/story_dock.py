"""The Story dock: choose a story, step through its chapters, read each chapter's text and sources."""

from __future__ import annotations

from html import escape
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QSignalBlocker
from PySide6.QtWidgets import (
    QComboBox,
    QDockWidget,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from hegang_atlas.model.markdown import render
from hegang_atlas.model.sources import SourceRegistry
from hegang_atlas.model.story import Chapter, Story
from hegang_atlas.qt.story_player import StoryPlayer


def sources_html(chapter: Chapter, registry: SourceRegistry, lang: str = "en") -> str:
    """The chapter's cited claims with their citations; claims that other sources dispute are marked."""
    if not chapter.claims:
        return ""
    items = []
    for claim_id in chapter.claims:
        claim = registry.claims.get(claim_id)
        if claim is None:
            continue
        item = f"{escape(claim.text(lang))}<br><small>{escape(registry.citation(claim))}</small>"
        if claim.disagrees_with:
            others = ", ".join(escape(registry.citation(c)) for c in registry.disagreeing(claim))
            disagree = escape(QCoreApplication.translate("StoryDock", "Sources disagree:"))
            item += f"<br><b>⚠ {disagree}</b> <small>{others}</small>"
        items.append(f"<li>{item}</li>")
    heading = escape(QCoreApplication.translate("StoryDock", "Sources"))
    return f"<h3>{heading}</h3><ul>{''.join(items)}</ul>"


def chapter_html(chapter: Chapter, registry: SourceRegistry, lang: str = "en") -> str:
    """Title, text (the safe Markdown subset) and sources of a chapter, as escaped rich text."""
    title = f"<h2>{escape(chapter.title.get(lang))}</h2>"
    return title + render(chapter.text.get(lang)) + sources_html(chapter, registry, lang)


def progress_text(player: StoryPlayer) -> str:
    """``"3 / 9"``, or ``"– / 9"`` before the first chapter."""
    current = str(player.index + 1) if player.index >= 0 else "–"
    return f"{current} / {player.count}"


class StoryDock(QDockWidget):
    """A story chooser, the chapter list, the chapter's text and sources, and prev/next buttons.

    Parameters
    ----------
    registry
        The source registry, for the citations.
    player
        The :class:`StoryPlayer` the dock drives and follows.
    parent
        The main window.
    lang
        Language of titles and texts (English when a text has no translation).
    """

    def __init__(self, registry: SourceRegistry, player: StoryPlayer, parent: QWidget | None = None,
                 lang: str = "en") -> None:
        super().__init__(self.tr("Story"), parent)
        self.setObjectName("StoryDock")
        self.registry = registry
        self.player = player
        self._lang = lang
        self._stories: list[tuple[Story, Path | None]] = []

        self.chooser = QComboBox()
        self.chapters = QListWidget()
        self.browser = QTextBrowser()
        self.browser.setOpenLinks(False)
        self.prev_button = QPushButton(self.tr("◀ Previous"))
        self.next_button = QPushButton(self.tr("Next ▶"))
        self.progress = QLabel()
        buttons = QHBoxLayout()
        buttons.addWidget(self.prev_button)
        buttons.addStretch(1)
        buttons.addWidget(self.progress)
        buttons.addStretch(1)
        buttons.addWidget(self.next_button)
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.addWidget(self.chooser)
        layout.addWidget(self.chapters, 1)
        layout.addWidget(self.browser, 3)
        layout.addLayout(buttons)
        self.setWidget(page)

        self.chooser.currentIndexChanged.connect(self._on_story_chosen)
        self.chapters.currentRowChanged.connect(self._on_chapter_clicked)
        self.prev_button.clicked.connect(player.prev)
        self.next_button.clicked.connect(player.next)
        player.storyChanged.connect(self._on_story_changed)
        player.chapterChanged.connect(self._on_chapter_changed)
        self._on_story_changed()

    # -- public API -------------------------------------------------------------------------
    @property
    def lang(self) -> str:
        """Language of the texts shown; setting it shows them again."""
        return self._lang

    @lang.setter
    def lang(self, lang: str) -> None:
        self._lang = lang
        with QSignalBlocker(self.chooser):
            for i, (story, _) in enumerate(self._stories):
                self.chooser.setItemText(i, story.title.get(lang))
        self._on_story_changed()
        self._on_chapter_changed(self.player.index)

    def add_story(self, story: Story, path: str | Path | None = None) -> int:
        """Offer ``story`` (from ``path``, or built in) and choose it; a file already listed is replaced."""
        path = Path(path) if path is not None else None
        index = next((i for i, (_, p) in enumerate(self._stories) if path is not None and p == path), None)
        if index is None:
            self._stories.append((story, path))
            self.chooser.addItem(story.title.get(self._lang))
            index = len(self._stories) - 1
        else:
            self._stories[index] = (story, path)
            self.chooser.setItemText(index, story.title.get(self._lang))
        if index == self.chooser.currentIndex():
            self._on_story_chosen(index)
        else:
            self.chooser.setCurrentIndex(index)
        return index

    def current(self) -> tuple[Story | None, Path | None]:
        """The chosen story and the file it came from (``None`` for a built-in story)."""
        index = self.chooser.currentIndex()
        return self._stories[index] if index >= 0 else (None, None)

    def text(self) -> str:
        """The chapter text and sources shown, as plain text."""
        return self.browser.toPlainText()

    # -- handlers ---------------------------------------------------------------------------
    def _on_story_chosen(self, index: int) -> None:
        self.player.set_story(self._stories[index][0] if index >= 0 else None)

    def _on_chapter_clicked(self, row: int) -> None:
        if row >= 0 and row != self.player.index:
            self.player.go(row)

    def _on_story_changed(self) -> None:
        story = self.player.story
        with QSignalBlocker(self.chapters):
            self.chapters.clear()
            for i, chapter in enumerate(story.chapters if story else (), start=1):
                self.chapters.addItem(f"{i}. {chapter.title.get(self._lang)}")
        description = story.description.get(self._lang) if story and story.description else ""
        self.browser.setHtml(render(description))
        self._update_controls()

    def _on_chapter_changed(self, index: int) -> None:
        chapter = self.player.chapter
        if chapter is None:
            return
        with QSignalBlocker(self.chapters):
            self.chapters.setCurrentRow(index)
        self.browser.setHtml(chapter_html(chapter, self.registry, self._lang))
        self._update_controls()

    def _update_controls(self) -> None:
        self.progress.setText(progress_text(self.player))
        self.prev_button.setEnabled(self.player.index > 0)
        self.next_button.setEnabled(self.player.index + 1 < self.player.count)
