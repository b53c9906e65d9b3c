"""The atlas: the registry, the layers, and the state views follow (visibility, order, selection)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from hegang_atlas.model.definitions import load_definition
from hegang_atlas.model.derived import DERIVED
from hegang_atlas.model.errors import AtlasError
from hegang_atlas.model.events import Signal
from hegang_atlas.model.layers import Feature, Layer, build_layer, read_frame
from hegang_atlas.model.paths import geodata_dir, layers_dir
from hegang_atlas.model.sources import SourceRegistry, load_registry

import pandas as pd


@dataclass(frozen=True)
class Selection:
    layer_id: str
    feature_id: str


class AtlasEvents:
    """Signals the model emits; views connect to them in their constructors."""

    def __init__(self) -> None:
        self.visibility = Signal()  # (layer_id, visible)
        self.opacity = Signal()  # (layer_id, opacity)
        self.order = Signal()  # (list of layer ids, bottom to top)
        self.selection = Signal()  # (Selection | None)
        self.layers = Signal()  # () layers were added or removed


class Atlas:
    """Everything the app shows, free of Qt.

    Parameters
    ----------
    registry
        Documents and claims.
    layers
        The layers; drawn in ascending ``definition.order``.
    """

    def __init__(self, registry: SourceRegistry, layers: list[Layer]) -> None:
        self.registry = registry
        self.events = AtlasEvents()
        self._layers: dict[str, Layer] = {}
        self._order: list[str] = []
        self.visible: dict[str, bool] = {}
        self.opacity: dict[str, float] = {}
        self.selection: Selection | None = None
        for layer in sorted(layers, key=lambda l: l.definition.order):
            self._insert(layer)
        compute_derived(self._layers)

    # -- layers -----------------------------------------------------------------------------
    def _insert(self, layer: Layer) -> None:
        if layer.id in self._layers:
            raise AtlasError(layer.source, f"a layer with id '{layer.id}' is already loaded")
        self._layers[layer.id] = layer
        self._order.append(layer.id)
        self.visible[layer.id] = True
        self.opacity[layer.id] = 1.0

    @property
    def order(self) -> list[str]:
        """Layer ids, bottom to top."""
        return list(self._order)

    @property
    def layers(self) -> list[Layer]:
        return [self._layers[i] for i in self._order]

    def layer(self, layer_id: str) -> Layer:
        try:
            return self._layers[layer_id]
        except KeyError:
            raise KeyError(f"no layer '{layer_id}'") from None

    def has_layer(self, layer_id: str) -> bool:
        return layer_id in self._layers

    def add_layer(self, layer: Layer) -> None:
        """Add a (user) layer on top."""
        self._insert(layer)
        self.events.layers.emit()

    def remove_layer(self, layer_id: str) -> None:
        self.layer(layer_id)
        if self.selection and self.selection.layer_id == layer_id:
            self.clear_selection()
        del self._layers[layer_id]
        self._order.remove(layer_id)
        self.visible.pop(layer_id)
        self.opacity.pop(layer_id)
        self.events.layers.emit()

    def feature(self, layer_id: str, feature_id: str) -> Feature:
        return self.layer(layer_id).feature(feature_id)

    # -- state ------------------------------------------------------------------------------
    def set_visible(self, layer_id: str, visible: bool) -> None:
        self.layer(layer_id)
        if self.visible[layer_id] != bool(visible):
            self.visible[layer_id] = bool(visible)
            self.events.visibility.emit(layer_id, bool(visible))

    def set_opacity(self, layer_id: str, opacity: float) -> None:
        self.layer(layer_id)
        opacity = min(1.0, max(0.0, float(opacity)))
        if self.opacity[layer_id] != opacity:
            self.opacity[layer_id] = opacity
            self.events.opacity.emit(layer_id, opacity)

    def set_order(self, order: list[str]) -> None:
        """Set the draw order (bottom to top); it must name every layer once."""
        if sorted(order) != sorted(self._order):
            raise ValueError("the new order must list every layer exactly once")
        if list(order) != self._order:
            self._order = list(order)
            self.events.order.emit(self.order)

    def select(self, layer_id: str, feature_id: str) -> None:
        if feature_id not in self.layer(layer_id):
            raise KeyError(f"no feature '{feature_id}' in layer '{layer_id}'")
        selection = Selection(layer_id, feature_id)
        if selection != self.selection:
            self.selection = selection
            self.events.selection.emit(selection)

    def clear_selection(self) -> None:
        if self.selection is not None:
            self.selection = None
            self.events.selection.emit(None)


def compute_derived(layers: dict[str, Layer]) -> None:
    """Fill each layer's ``derived`` table from the functions its definition names."""
    frames = {lid: layer.frame for lid, layer in layers.items()}
    for layer in layers.values():
        columns = {}
        for name in layer.definition.derived:
            derived = DERIVED[name]
            missing = [n for n in derived.needs if n not in frames]
            if missing:
                raise AtlasError(layer.source, f"derived value '{name}' needs layer(s) {missing}")
            columns[name] = derived.compute(layer.frame, frames)
        layer.derived = pd.DataFrame(columns, index=layer.frame.index)


def load_layer(definition_path: Path, registry: SourceRegistry, data_dir: Path):
    definition = load_definition(definition_path)
    data_path = data_dir / definition.data
    return build_layer(definition, read_frame(data_path), registry, data_path)


def load_atlas(layers: Path | None = None, geodata: Path | None = None) -> Atlas:
    """Load and validate the registry, every layer definition and its data.

    Raises
    ------
    AtlasError
        Naming the file, feature or field and the problem.
    """
    layers = layers or layers_dir()
    geodata = geodata or geodata_dir()
    registry = load_registry(geodata / "sources.toml")
    paths = sorted(layers.glob("*.toml"))
    if not paths:
        raise AtlasError(layers, "no layer definitions (*.toml) found")
    return Atlas(registry, [load_layer(p, registry, geodata) for p in paths])
