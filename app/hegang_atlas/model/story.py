"""Stories: ordered chapters that set the camera, the layers, a highlight, and cite claims."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Literal

from pydantic import Field, model_validator

from hegang_atlas.model.atomic import atomic_write_text
from hegang_atlas.model.errors import AtlasError
from hegang_atlas.model.jsonfile import read_json_file
from hegang_atlas.model.paths import layers_dir
from hegang_atlas.model.sources import Id, Text
from hegang_atlas.model.validation import Frozen, parse

SCHEMA_VERSION = 1
MAX_STORY_BYTES = 5_000_000
Lat = Field(ge=-90, le=90)
Lon = Field(ge=-180, le=180)


class Camera(Frozen):
    """Either a centre and zoom, or bounds (south, west, north, east)."""

    center: tuple[float, float] | None = None  # lat, lon
    zoom: float | None = Field(default=None, ge=0, le=20)
    bounds: tuple[float, float, float, float] | None = None

    @model_validator(mode="after")
    def _one_of(self) -> "Camera":
        if self.bounds is None and (self.center is None or self.zoom is None):
            raise ValueError("a camera needs bounds, or a center and a zoom")
        for lat, lon in ([self.center] if self.center else []) + (
            [self.bounds[:2], self.bounds[2:]] if self.bounds else []
        ):
            if not (-90 <= lat <= 90 and -180 <= lon <= 180):
                raise ValueError("camera coordinates must be latitude/longitude in degrees")
        return self


class Chapter(Frozen):
    title: Text
    text: Text
    camera: Camera
    layers: dict[str, float] = {}  # visible layers and their opacity; others are hidden
    highlight: tuple[tuple[str, str], ...] = ()  # (layer id, feature id)
    claims: tuple[str, ...] = ()
    notes: Text | None = None

    @model_validator(mode="after")
    def _opacity(self) -> "Chapter":
        if any(not 0 <= v <= 1 for v in self.layers.values()):
            raise ValueError("layer opacity must be between 0 and 1")
        return self


class Story(Frozen):
    schema_version: Literal[1] = SCHEMA_VERSION
    id: Id
    title: Text
    description: Text | None = None
    chapters: tuple[Chapter, ...] = Field(min_length=1)

    def to_json(self) -> str:
        return json.dumps(story_dict(self), ensure_ascii=False, indent=2)


def _text(value):
    return value.as_dict() if value is not None else None


def story_dict(story: Story) -> dict:
    """The story as plain JSON data (the file format)."""
    return {
        "schema_version": story.schema_version,
        "id": story.id,
        "title": _text(story.title),
        "description": _text(story.description),
        "chapters": [
            {
                "title": _text(c.title),
                "text": _text(c.text),
                "camera": c.camera.model_dump(exclude_none=True),
                "layers": dict(c.layers),
                "highlight": [list(h) for h in c.highlight],
                "claims": list(c.claims),
                "notes": _text(c.notes),
            }
            for c in story.chapters
        ],
    }


def read_story(path: str | Path) -> Story:
    """Read and validate a story file; any problem is one AtlasError naming the file and place."""
    path = Path(path)
    data = read_json_file(path, MAX_STORY_BYTES, "story")
    if not isinstance(data, dict):
        raise AtlasError(path, "a story file must hold a JSON object")
    version = data.get("schema_version")
    if version != SCHEMA_VERSION:
        raise AtlasError(path, f"schema_version {version!r} is not supported (expected {SCHEMA_VERSION})")
    return parse(Story, data, path)


def check_story(story: Story, atlas, path: Path | None = None) -> None:
    """Check that a story's layers, features and claims exist in ``atlas``."""
    for i, chapter in enumerate(story.chapters, start=1):
        where = f"chapter {i}"
        for layer_id in chapter.layers:
            if not atlas.has_layer(layer_id):
                raise AtlasError(path, f"unknown layer '{layer_id}'", where)
        for layer_id, feature_id in chapter.highlight:
            if not atlas.has_layer(layer_id) or feature_id not in atlas.layer(layer_id):
                raise AtlasError(path, f"unknown feature '{layer_id}/{feature_id}'", where)
        for claim_id in chapter.claims:
            if claim_id not in atlas.registry.claims:
                raise AtlasError(path, f"unknown claim id '{claim_id}'", where)


def save_story(story: Story, path: str | Path) -> Path:
    """Save atomically, keeping the previous version as ``.bak``."""
    return atomic_write_text(path, story.to_json() + "\n")


def stories_dir() -> Path:
    return layers_dir() / "stories"


def builtin_stories() -> list[Story]:
    return [read_story(p) for p in sorted(stories_dir().glob("*.json"))]
