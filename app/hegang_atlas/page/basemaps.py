"""Basemaps the user can pick; "none" (offline) is the default."""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urlsplit


@dataclass(frozen=True)
class Basemap:
    id: str
    title: str
    url: str
    attribution: str
    max_zoom: int

    @property
    def hosts(self) -> set[str]:
        """Host names the tiles come from (``{s}`` expanded), for the request allow-list."""
        host = urlsplit(self.url).hostname or ""
        if "{s}" in host:
            return {host.replace("{s}", s) for s in "abcd"}
        return {host}


def _from_xyz(id_: str, title: str, provider_name: str) -> Basemap:
    import xyzservices.providers as xyz

    provider = xyz.query_name(provider_name)
    return Basemap(
        id_,
        title,
        provider.build_url(fill_subdomain=False, scale_factor="{r}"),
        provider.html_attribution,
        int(provider.get("max_zoom", 19)),
    )


def basemaps() -> dict[str, Basemap | None]:
    """Choices by id; ``None`` stands for no basemap (works offline)."""
    return {
        "none": None,
        "osm": _from_xyz("osm", "OpenStreetMap", "OpenStreetMap.Mapnik"),
        "topo": _from_xyz("topo", "OpenTopoMap", "OpenTopoMap"),
        "imagery": _from_xyz("imagery", "Esri World Imagery", "Esri.WorldImagery"),
    }


BASEMAP_TITLES = {"none": "None (offline)", "osm": "OpenStreetMap", "topo": "OpenTopoMap", "imagery": "Esri World Imagery"}
