"""The map page: a pure function of the model, built with folium (no Qt here)."""

from hegang_atlas.page.builder import build_map, render_html

__all__ = ["build_map", "render_html"]
