"""``hegang-atlas validate``: check one file (a layer definition, a data file or a registry)."""

from __future__ import annotations

from pathlib import Path

from hegang_atlas.model.atlas import load_layer
from hegang_atlas.model.definitions import load_definition
from hegang_atlas.model.errors import AtlasError
from hegang_atlas.model.layers import build_layer, read_frame
from hegang_atlas.model.paths import geodata_dir, layers_dir
from hegang_atlas.model.sources import load_registry
from hegang_atlas.model.validation import read_toml


def _definition_for_data(path: Path):
    """The bundled layer definition whose ``data`` is this file's name, if any."""
    for candidate in sorted(layers_dir().glob("*.toml")):
        definition = load_definition(candidate)
        if definition.data == path.name:
            return definition
    return None


def _looks_like_story(path: Path) -> bool:
    with open(path, "rb") as fh:
        head = fh.read(4096)
    return b'"chapters"' in head or b'"schema_version"' in head


def validate_path(path_str: str) -> str:
    """Validate a file and describe what it holds; raise :class:`AtlasError` on a problem."""
    path = Path(path_str)
    if not path.exists():
        raise AtlasError(path, "file not found")
    sibling = path.resolve().parent.parent / "geodata"  # a checkout-like layout: layers/ beside geodata/
    data_dir = sibling if sibling.is_dir() else geodata_dir()
    registry_path = data_dir / "sources.toml"
    registry = load_registry(registry_path if registry_path.exists() else geodata_dir() / "sources.toml")
    if path.suffix == ".toml":
        data = read_toml(path)
        if "claims" in data or "documents" in data:
            registry = load_registry(path)
            return f"{path}: source registry with {len(registry.documents)} documents, {len(registry.claims)} claims"
        layer = load_layer(path, registry, data_dir)
        return f"{path}: layer '{layer.id}' with {len(layer)} features"
    if path.suffix.lower() == ".json" and _looks_like_story(path):
        from hegang_atlas.model.atlas import load_atlas
        from hegang_atlas.model.story import check_story, read_story

        story = read_story(path)
        check_story(story, load_atlas(), path)
        return f"{path}: story '{story.id}' with {len(story.chapters)} chapters"
    if path.suffix.lower() in (".geojson", ".json"):
        definition = _definition_for_data(path)
        if definition is None:
            raise AtlasError(path, "no layer definition in layers/ names this data file")
        layer = build_layer(definition, read_frame(path), registry, path)
        return f"{path}: {len(layer)} features for layer '{layer.id}'"
    raise AtlasError(path, "unknown kind of file (expected .toml or .geojson)")


