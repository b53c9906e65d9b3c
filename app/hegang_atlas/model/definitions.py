"""Layer definitions (``layers/*.toml``): what a layer is, how it looks, which fields it shows."""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from pydantic import Field, model_validator

from hegang_atlas.model.derived import DERIVED
from hegang_atlas.model.errors import AtlasError
from hegang_atlas.model.sources import Id, Text
from hegang_atlas.model.validation import Frozen, parse, read_toml

GeometryKind = Literal["Point", "LineString", "Polygon", "Mixed"]
Quality = Literal["sourced", "approximate", "schematic"]
QUALITIES: tuple[str, ...] = ("sourced", "approximate", "schematic")
Colour = Field(default=None, pattern=r"^#[0-9a-fA-F]{6}$")


class PathStyle(Frozen):
    """Leaflet path options; ``None`` means "inherit from the base style"."""

    color: str | None = Colour
    weight: float | None = Field(default=None, ge=0, le=20)
    opacity: float | None = Field(default=None, ge=0, le=1)
    fill_color: str | None = Colour
    fill_opacity: float | None = Field(default=None, ge=0, le=1)
    radius: float | None = Field(default=None, ge=1, le=40)
    dash_array: str | None = Field(default=None, pattern=r"^[0-9 ,]*$")
    label: Text | None = None

    def leaflet(self) -> dict[str, object]:
        """The non-empty options with Leaflet's names (``fillColor``, ``dashArray`` ...)."""
        names = {"fill_color": "fillColor", "fill_opacity": "fillOpacity", "dash_array": "dashArray"}
        return {
            names.get(k, k): v
            for k, v in self.model_dump(exclude={"label", "by", "quality"}).items()
            if v is not None
        }


class CategoryStyle(Frozen):
    field: str
    values: dict[str, PathStyle]


class Style(PathStyle):
    by: CategoryStyle | None = None
    quality: dict[Quality, PathStyle] = {}


class FieldDef(Frozen):
    name: str = Field(min_length=1, max_length=200)
    label: Text
    unit: str = ""


class LayerDef(Frozen):
    id: Id
    title: Text
    group: Literal["story", "context", "user"]
    geometry: GeometryKind
    data: str
    order: int = 0
    description: Text | None = None
    fields: tuple[FieldDef, ...] = ()
    style: Style = Style()
    derived: tuple[str, ...] = ()
    labels: bool = False  # draw feature names on the map (towns)

    @model_validator(mode="after")
    def _check(self) -> "LayerDef":
        names = [f.name for f in self.fields]
        dupes = {n for n in names if names.count(n) > 1}
        if dupes:
            raise ValueError(f"field(s) listed twice: {sorted(dupes)}")
        unknown = [d for d in self.derived if d not in DERIVED]
        if unknown:
            raise ValueError(f"unknown derived value(s) {unknown}; known: {sorted(DERIVED)}")
        return self


def load_definition(path: Path) -> LayerDef:
    """Read and validate one ``layers/<id>.toml``."""
    data = read_toml(path)
    definition = parse(LayerDef, data, path)
    if definition.id != path.stem:
        raise AtlasError(path, f"layer id '{definition.id}' must match the file name '{path.stem}'")
    return definition


QUALITY_LABELS = {
    "sourced": {"en": "position from a source", "zh": "来源给出的位置", "nl": "positie uit een bron"},
    "approximate": {"en": "approximate position", "zh": "大致位置", "nl": "geschatte positie"},
    "schematic": {"en": "schematic (not a surveyed place)", "zh": "示意（非实测位置）", "nl": "schematisch (geen gemeten plaats)"},
}


def legend(definition: LayerDef, qualities: set[str], lang: str = "en") -> list[tuple[str, dict[str, object]]]:
    """Legend entries ``(label, leaflet style)``: one per category, one per quality style in use."""
    base = definition.style.leaflet()
    entries: list[tuple[str, dict[str, object]]] = []
    by = definition.style.by
    if by:
        for value, style in by.values.items():
            label = style.label.get(lang) if style.label else value
            entries.append((label, {**base, **style.leaflet()}))
    else:
        entries.append((definition.title.get(lang), base))
    for quality in QUALITIES:
        override = definition.style.quality.get(quality)
        if override and quality in qualities:
            entries.append((QUALITY_LABELS[quality].get(lang, quality), {**base, **override.leaflet()}))
    return entries
