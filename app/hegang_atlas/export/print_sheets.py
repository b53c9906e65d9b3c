"""What each printed page shows: the map's layers, camera and highlights, and the texts around it."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from hegang_atlas.export.html import TITLE, claim_groups
from hegang_atlas.model.atlas import Atlas
from hegang_atlas.model.errors import AtlasError
from hegang_atlas.model.markdown import render
from hegang_atlas.model.sources import Document, SourceRegistry
from hegang_atlas.model.story import Story
from hegang_atlas.page.builder import initial_bounds

CHAPTER_LABEL = {"en": "Chapter {n} of {total}", "zh": "第{n}章，共{total}章", "nl": "Hoofdstuk {n} van {total}"}


@dataclass(frozen=True)
class Sheet:
    """One printed page.

    Attributes
    ----------
    title, subtitle
        Plain text (escaped when the page is written).
    layers
        The visible layers, bottom to top; ``opacity`` holds their opacity.
    camera
        ``{"bounds": [s, w, n, e]}`` or ``{"center": [lat, lon], "zoom": z}``.
    highlight, marks
        The feature outlined as selected, and the features outlined as a chapter's highlights.
    text_html
        Chapter text as safe HTML (:func:`hegang_atlas.model.markdown.render`), or ``""``.
    claims
        Claim groups as :func:`hegang_atlas.export.html.claim_groups` gives them.
    documents
        The documents credited at the foot of the page.
    handout
        A story handout page (wider text column) rather than a map.
    """

    title: str
    subtitle: str
    layers: list[str]
    opacity: dict[str, float]
    camera: dict[str, Any]
    documents: list[Document]
    highlight: tuple[str, str] | None = None
    marks: tuple[tuple[str, str], ...] = ()
    text_html: str = ""
    claims: list[dict[str, Any]] = field(default_factory=list)
    handout: bool = False

    def map_state(self, atlas: Atlas) -> dict[str, Any]:
        """What ``print.js`` needs to draw this sheet's map."""
        bounds = self.camera.get("bounds")  # preferred over a centre, as in the story player
        return {
            "visible": {layer_id: layer_id in self.layers for layer_id in atlas.order},
            "opacity": dict(self.opacity),
            "bounds": list(bounds or initial_bounds(atlas)),
            "center": None if bounds else self.camera.get("center"),
            "zoom": self.camera.get("zoom"),
            "highlight": list(self.highlight) if self.highlight else None,
            "marks": [list(m) for m in self.marks],
        }


def seed_documents(atlas: Atlas) -> list[Document]:
    """The registry's source documents (not the public references)."""
    return [d for d in atlas.registry.documents.values() if d.kind == "document"]


def cited_documents(registry: SourceRegistry, claim_ids: tuple[str, ...]) -> list[Document]:
    """The documents of the claims and of the claims they disagree with (transitively), in order."""
    members = list(claim_ids)
    for member in members:
        members.extend(c for c in registry.claim(member).disagrees_with if c not in members)
    return [registry.documents[d] for d in dict.fromkeys(registry.claim(m).document for m in members)]


def map_sheet(atlas: Atlas, bounds: tuple[float, float, float, float] | None = None) -> Sheet:
    """The map as the atlas shows it now: its visible layers, opacity and selection.

    Parameters
    ----------
    atlas
        The model.
    bounds
        South, west, north, east to show; default the prefecture.
    """
    layers = [i for i in atlas.order if atlas.visible[i]]
    selection = atlas.selection
    return Sheet(
        title=TITLE,
        subtitle="",
        layers=layers,
        opacity={i: atlas.opacity[i] for i in layers},
        camera={"bounds": list(bounds or initial_bounds(atlas))},
        documents=seed_documents(atlas),
        highlight=(selection.layer_id, selection.feature_id) if selection else None,
    )


def chapter_sheet(atlas: Atlas, story: Story, number: int, lang: str = "en", *, handout: bool = False) -> Sheet:
    """Chapter ``number`` (from 1) of ``story``: its layers, camera, highlights, text and sources.

    Raises
    ------
    AtlasError
        If the story has no such chapter.
    """
    total = len(story.chapters)
    if not 1 <= number <= total:
        raise AtlasError(None, f"story '{story.id}' has {total} chapters; --chapter must be 1 to {total}")
    chapter = story.chapters[number - 1]
    layers = [i for i in atlas.order if i in chapter.layers]
    label = CHAPTER_LABEL.get(lang, CHAPTER_LABEL["en"]).format(n=number, total=total)
    registry = atlas.registry
    return Sheet(
        title=chapter.title.get(lang),
        subtitle=f"{story.title.get(lang)} · {label}",
        layers=layers,
        opacity={i: chapter.layers[i] for i in layers},
        camera=chapter.camera.model_dump(exclude_none=True),
        documents=cited_documents(registry, chapter.claims) or seed_documents(atlas),
        highlight=chapter.highlight[0] if chapter.highlight else None,
        marks=chapter.highlight,
        text_html=render(chapter.text.get(lang)) if handout else "",
        claims=claim_groups(registry, chapter.claims, lang) if handout else [],
        handout=handout,
    )


def handout_sheets(atlas: Atlas, story: Story, lang: str = "en") -> list[Sheet]:
    """The story handout: one page per chapter, with its text and sources."""
    return [chapter_sheet(atlas, story, n, lang, handout=True) for n in range(1, len(story.chapters) + 1)]
