"""Plays a story: each chapter sets the atlas's layers and selection, and the map's marks and camera."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from hegang_atlas.model.atlas import Atlas
from hegang_atlas.model.story import Chapter, Story


class StoryPlayer(QObject):
    """The current story and chapter, applied to an :class:`Atlas` and a ``MapController``.

    A chapter shows exactly the layers it lists (at their opacity) and hides the others, selects
    its first highlight, outlines all of them on the page (``mark``) and flies to its camera.
    Choosing a story applies nothing: ``index`` is -1 until a chapter is shown.

    Signals
    -------
    chapterChanged(index), storyChanged()
    """

    chapterChanged = Signal(int)
    storyChanged = Signal()

    def __init__(self, atlas: Atlas, controller, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.atlas = atlas
        self.controller = controller
        self.story: Story | None = None
        self.index = -1
        controller.ready.connect(self._on_page_ready)

    @property
    def count(self) -> int:
        """Number of chapters (0 without a story)."""
        return len(self.story.chapters) if self.story else 0

    @property
    def chapter(self) -> Chapter | None:
        """The chapter shown, or ``None`` before the first."""
        return self.story.chapters[self.index] if self.story and self.index >= 0 else None

    def set_story(self, story: Story | None) -> None:
        """Choose a story (or none); its chapters are shown by :meth:`go` and friends."""
        self.story = story
        self.index = -1
        self._mark([])
        self.storyChanged.emit()

    # -- navigation -------------------------------------------------------------------------
    def go(self, index: int) -> None:
        """Show chapter ``index`` (from 0, clamped to the story)."""
        if not self.count:
            return
        self.index = min(max(index, 0), self.count - 1)
        self._apply(self.chapter)
        self.chapterChanged.emit(self.index)

    def next(self) -> None:
        if self.index + 1 < self.count:
            self.go(self.index + 1)

    def prev(self) -> None:
        if self.index > 0:
            self.go(self.index - 1)

    def first(self) -> None:
        self.go(0)

    def last(self) -> None:
        self.go(self.count - 1)

    def reset_view(self) -> None:
        """Fly back to the current chapter's camera (after the audience panned away)."""
        if self.chapter is not None:
            self._move_camera(self.chapter)

    # -- applying a chapter -----------------------------------------------------------------
    def _highlights(self, chapter: Chapter) -> list[tuple[str, str]]:
        """The chapter's highlights that exist in the atlas (a user layer may have been removed)."""
        atlas = self.atlas
        return [(l, f) for l, f in chapter.highlight if atlas.has_layer(l) and f in atlas.layer(l)]

    def _apply(self, chapter: Chapter) -> None:
        for layer_id in self.atlas.order:
            shown = layer_id in chapter.layers
            self.atlas.set_visible(layer_id, shown)
            if shown:
                self.atlas.set_opacity(layer_id, chapter.layers[layer_id])
        highlights = self._highlights(chapter)
        if highlights:
            self.atlas.select(*highlights[0])
        else:
            self.atlas.clear_selection()
        self._mark(highlights)
        self._move_camera(chapter)

    def _move_camera(self, chapter: Chapter) -> None:
        camera = chapter.camera
        if camera.bounds is not None:
            self.controller.fly_to_bounds(*camera.bounds)
        else:
            self.controller.fly_to(*camera.center, camera.zoom)

    def _on_page_ready(self) -> None:
        """A reloaded page has lost its marks: draw the current chapter's again."""
        if self.chapter is not None:
            self._mark(self._highlights(self.chapter))

    def _mark(self, highlights: list[tuple[str, str]]) -> None:
        self.controller.call("mark", [list(h) for h in highlights])
