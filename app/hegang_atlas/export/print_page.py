"""The print page: sheets of map, title, legend, sources and credits, as one HTML string.

Every text from data is escaped here with :func:`html.escape`; chapter text arrives as safe HTML
from the Markdown subset. The maps' data reaches the page only as JSON in a script element
(:func:`hegang_atlas.page.builder.script_json`), drawn by ``atlas.js`` through ``page/print.js``.
No template engine sees any of it.
"""

from __future__ import annotations

import re
from html import escape, unescape
from typing import Any

from hegang_atlas.export.html import TITLE, UI, _page_file, leaflet_assets
from hegang_atlas.export.print_sheets import Sheet
from hegang_atlas.model.atlas import Atlas
from hegang_atlas.model.definitions import legend
from hegang_atlas.model.errors import AtlasError
from hegang_atlas.model.sources import Document
from hegang_atlas.model.text import LANGUAGES
from hegang_atlas.page.basemaps import Basemap
from hegang_atlas.page.builder import basemap_payload, page_state, script_json

WORDS = {
    "en": {"legend": "Legend", "map": "Map drawn with Leaflet", "basemap": "Basemap", "north": "North"},
    "zh": {"legend": "图例", "map": "地图由 Leaflet 绘制", "basemap": "底图", "north": "北"},
    "nl": {"legend": "Legenda", "map": "Kaart getekend met Leaflet", "basemap": "Achtergrondkaart", "north": "Noord"},
}
LEAFLET_DEFAULTS = {"color": "#3388ff", "weight": 3, "opacity": 1.0, "fillOpacity": 0.2}
NORTH_ARROW = (
    '<svg class="ha-north" viewBox="0 0 22 36" role="img" aria-label="{label}">'
    '<text x="11" y="10" text-anchor="middle" font-size="11" font-weight="700" fill="#1b1b1b">N</text>'
    '<path d="M11 13 L19 35 L11 30 L3 35 Z" fill="#1b1b1b" stroke="#fff" stroke-width="1"/></svg>'
)


def print_page(
    atlas: Atlas,
    title: str,
    sheets: list[Sheet],
    css_size: tuple[float, float],
    *,
    lang: str = "en",
    basemap: Basemap | None = None,
) -> str:
    """The page to print: one sheet per page, each ``css_size`` CSS pixels.

    Parameters
    ----------
    atlas
        The layers and the source registry.
    title
        The document title (plain text).
    sheets
        What each page shows.
    css_size
        Width and height of a sheet in CSS pixels (1/96 inch).
    lang
        Language of titles and texts.
    basemap
        Web tiles under every map, or ``None``.
    """
    if lang not in LANGUAGES:
        raise AtlasError(None, f"unknown language '{lang}' (choose from {', '.join(LANGUAGES)})")
    leaflet_js, leaflet_css = leaflet_assets()
    payload = {
        "state": page_state(atlas, lang),
        "basemap": basemap_payload(basemap),
        "sheets": [sheet.map_state(atlas) for sheet in sheets],
    }
    width, height = css_size
    body = "\n".join(_sheet(atlas, sheet, index, lang, basemap) for index, sheet in enumerate(sheets))
    return (
        f'<!DOCTYPE html>\n<html lang="{lang}">\n<head>\n<meta charset="utf-8">\n'
        f"<title>{escape(title)}</title>\n"
        f"<style>{leaflet_css}</style>\n<style>{_page_file('atlas.css')}</style>\n"
        f"<style>{_page_file('print.css')}</style>\n"
        f"<style>:root {{ --sheet-w: {width:.3f}px; --sheet-h: {height:.3f}px; }}</style>\n"
        f"<script>{leaflet_js}</script>\n<script>{_page_file('atlas.js')}</script>\n"
        f"</head>\n<body>\n{body}\n"
        f'<script type="application/json" id="ha-print">{script_json(payload)}</script>\n'
        f"<script>{_page_file('print.js')}</script>\n</body>\n</html>\n"
    )


def _sheet(atlas: Atlas, sheet: Sheet, index: int, lang: str, basemap: Basemap | None) -> str:
    words = WORDS[lang]
    side = [f"<h1>{escape(sheet.title)}</h1>"]
    if sheet.subtitle:
        side.append(f'<p class="ha-subtitle">{escape(sheet.subtitle)}</p>')
    if sheet.text_html:
        side.append(f'<div class="ha-text">{sheet.text_html}</div>')  # safe Markdown subset, escaped first
    if sheet.claims:
        side.append(f"<h2>{escape(UI[lang]['sources'])}</h2>{claims_html(sheet.claims, lang)}")
    side.append(f"<h2>{escape(words['legend'])}</h2>{legend_html(atlas, sheet.layers, lang)}")
    kind = "ha-sheet ha-handout" if sheet.handout else "ha-sheet"
    return (
        f'<section class="{kind}">\n<div class="ha-row">\n'
        f'<div class="ha-map-area"><div class="ha-map" id="ha-map-{index}"></div>'
        f"{NORTH_ARROW.format(label=escape(words['north']))}</div>\n"
        f'<aside class="ha-side">{"".join(side)}</aside>\n</div>\n'
        f'<footer class="ha-credits">{credits_html(sheet.documents, lang, basemap)}</footer>\n</section>'
    )


def legend_html(atlas: Atlas, layer_ids: list[str], lang: str = "en") -> str:
    """The legend of ``layer_ids`` (top layer first): a swatch per legend entry of each layer."""
    parts = ['<div class="ha-legend">']
    for layer_id in reversed(layer_ids):
        layer = atlas.layer(layer_id)
        definition = layer.definition
        title = definition.title.get(lang)
        entries = legend(definition, layer.qualities(), lang)
        if entries[0][0] == title:  # the base style is labelled with the layer title: no heading
            head, entries = entries[0], entries[1:]
            parts.append(f'<div class="ha-legend-single">{swatch(definition.geometry, head[1])}{escape(title)}</div>')
        else:
            parts.append(f"<h3>{escape(title)}</h3>")
        if entries:
            rows = "".join(f"<li>{swatch(definition.geometry, s)}<span>{escape(label)}</span></li>" for label, s in entries)
            parts.append(f"<ul>{rows}</ul>")
    parts.append("</div>")
    return "".join(parts)


def swatch(geometry: str, style: dict[str, Any]) -> str:
    """A small SVG drawn with a layer's Leaflet style: a circle, a line or a box."""
    s = {**LEAFLET_DEFAULTS, **style}
    stroke = (
        f'stroke="{escape(str(s["color"]))}" stroke-width="{float(s["weight"]):g}" '
        f'stroke-opacity="{float(s["opacity"]):g}"'
    )
    if s.get("dashArray"):
        stroke += f' stroke-dasharray="{escape(str(s["dashArray"]))}"'
    fill = f'fill="{escape(str(s.get("fillColor") or s["color"]))}" fill-opacity="{float(s["fillOpacity"]):g}"'
    if geometry == "Point":
        radius = min(float(s.get("radius") or 6), 8)
        shape = f'<circle cx="9" cy="9" r="{radius:g}" {fill} {stroke}/>'
    elif geometry == "LineString":
        shape = f'<line x1="1" y1="9" x2="21" y2="9" {stroke}/>'
    else:
        shape = f'<rect x="2" y="3" width="18" height="12" {fill} {stroke}/>'
    return f'<svg class="ha-swatch" width="22" height="18" viewBox="0 0 22 18">{shape}</svg>'


def claims_html(groups: list[dict[str, Any]], lang: str = "en") -> str:
    """Cited claims: statement, figure and citation; disagreeing claims boxed under one heading."""
    parts = []
    for group in groups:
        items = "".join(
            f"<li>{escape(c['text'])}"
            + (f' <span class="ha-figure">{escape(c["figure"])}</span>' if c["figure"] else "")
            + f"<cite>{escape(c['citation'])}</cite></li>"
            for c in group["claims"]
        )
        listing = f'<ul class="ha-claims">{items}</ul>'
        if group["disagree"]:
            listing = f'<div class="ha-disagree"><h3>{escape(UI[lang]["disagree"])}</h3>{listing}</div>'
        parts.append(listing)
    return "".join(parts)


def credits_html(documents: list[Document], lang: str = "en", basemap: Basemap | None = None) -> str:
    """Sources, map software and basemap attribution, as one escaped line of text."""
    words = WORDS[lang]
    cited = "; ".join(d.title.get(lang) + (f", {d.url}" if d.kind == "reference" else "") for d in documents)
    parts = [f"{UI[lang]['sources']}: {cited}", words["map"]]
    if basemap is not None:
        parts.append(f"{words['basemap']}: {plain_attribution(basemap.attribution)}")
    parts.append(TITLE)
    return escape(" · ".join(parts))


def plain_attribution(html: str) -> str:
    """A basemap's HTML attribution as plain text ("© OpenStreetMap contributors")."""
    return " ".join(unescape(re.sub(r"<[^>]*>", "", html)).split())
