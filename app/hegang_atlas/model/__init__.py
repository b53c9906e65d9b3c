"""The Qt-free model: sources, layer definitions, features, derived values and atlas state."""

from hegang_atlas.model.atlas import Atlas, load_atlas
from hegang_atlas.model.errors import AtlasError
from hegang_atlas.model.text import LocalText

__all__ = ["Atlas", "AtlasError", "LocalText", "load_atlas"]
