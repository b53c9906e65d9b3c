"""Named map views the user keeps: an ordered list with unique names."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Annotated

from pydantic import ConfigDict, Field
from pydantic.dataclasses import dataclass

from hegang_atlas.model.events import Signal

Name = Annotated[str, Field(min_length=1, max_length=200)]
Lat = Annotated[float, Field(ge=-90, le=90, allow_inf_nan=False)]
Lon = Annotated[float, Field(ge=-180, le=180, allow_inf_nan=False)]
Zoom = Annotated[float, Field(ge=0, le=24, allow_inf_nan=False)]


@dataclass(frozen=True, config=ConfigDict(extra="forbid"))
class Bookmark:
    """A named view: centre ``(lat, lon)`` in degrees and a Leaflet zoom level.

    Invalid values (an empty name, a latitude outside -90..90 ...) raise ``ValueError``.
    """

    name: Name
    lat: Lat
    lon: Lon
    zoom: Zoom


class Bookmarks:
    """The user's bookmarks in order; ``changed`` is emitted (without arguments) after each edit.

    Parameters
    ----------
    items
        Initial bookmarks; names must be unique.
    """

    def __init__(self, items: Iterable[Bookmark] = ()) -> None:
        self.changed = Signal()
        self._items: list[Bookmark] = []
        for item in items:
            self._append(item)

    def __iter__(self) -> Iterator[Bookmark]:
        return iter(list(self._items))

    def __len__(self) -> int:
        return len(self._items)

    def __contains__(self, name: str) -> bool:
        return any(b.name == name for b in self._items)

    def _index(self, name: str) -> int:
        for i, bookmark in enumerate(self._items):
            if bookmark.name == name:
                return i
        raise KeyError(f"no bookmark named '{name}'")

    def _append(self, bookmark: Bookmark) -> None:
        if bookmark.name in self:
            raise ValueError(f"a bookmark named '{bookmark.name}' already exists")
        self._items.append(bookmark)

    def get(self, name: str) -> Bookmark:
        """The bookmark called ``name``; ``KeyError`` when there is none."""
        return self._items[self._index(name)]

    def add(self, bookmark: Bookmark) -> None:
        """Append ``bookmark``; ``ValueError`` when its name is already used."""
        self._append(bookmark)
        self.changed.emit()

    def rename(self, name: str, new_name: str) -> None:
        """Rename in place; ``KeyError`` if ``name`` is unknown, ``ValueError`` if ``new_name`` is taken."""
        i = self._index(name)
        if new_name == name:
            return
        if new_name in self:
            raise ValueError(f"a bookmark named '{new_name}' already exists")
        old = self._items[i]
        self._items[i] = Bookmark(new_name, old.lat, old.lon, old.zoom)
        self.changed.emit()

    def delete(self, name: str) -> None:
        """Remove the bookmark called ``name``; ``KeyError`` when there is none."""
        del self._items[self._index(name)]
        self.changed.emit()

    def replace(self, items: Iterable[Bookmark]) -> None:
        """Replace every bookmark at once (opening a project); one ``changed`` event."""
        self._items = Bookmarks(items)._items
        self.changed.emit()
