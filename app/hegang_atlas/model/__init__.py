"""The Qt-free model: sources, layer definitions, features, derived values and atlas state."""

# GDAL reads GDAL_SKIP once, when pyogrio is first imported: set it before anything reads data.
from hegang_atlas.model import gdal_safe  # noqa: F401  isort: skip

from hegang_atlas.model.atlas import Atlas, load_atlas
from hegang_atlas.model.errors import AtlasError
from hegang_atlas.model.text import LocalText

__all__ = ["Atlas", "AtlasError", "LocalText", "load_atlas"]
