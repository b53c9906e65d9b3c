"""Where the bundled data lives, installed or in a source checkout."""

from __future__ import annotations

import importlib.util
from pathlib import Path


def _package_dir(name: str, fallback: str) -> Path:
    spec = importlib.util.find_spec(name)
    if spec is not None and spec.submodule_search_locations:
        return Path(next(iter(spec.submodule_search_locations)))
    return Path(__file__).resolve().parents[3] / fallback


def geodata_dir() -> Path:
    """The folder holding the GeoJSON files and ``sources.toml``."""
    return _package_dir("hegang_atlas._geodata", "geodata")


def layers_dir() -> Path:
    """The folder holding one TOML definition per layer."""
    return _package_dir("hegang_atlas._layers", "layers")
