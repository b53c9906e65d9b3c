"""The offline HTML export: one self-contained page with the map, a layer switcher, a feature panel
and, with a story, the story player.

Leaflet, the page's JavaScript and CSS are inlined; the page loads nothing from the network unless
a web basemap is asked for. Data reaches the page only as JSON inside script elements (``</``
escaped) and is put into the DOM as text by ``page/standalone.js``. The one piece of markup made
from data is chapter text, rendered from the safe Markdown subset (:mod:`hegang_atlas.model.markdown`).
"""

from __future__ import annotations

import base64
import re
from html import escape
from importlib import resources
from pathlib import Path
from typing import Any

from hegang_atlas.export.common import ExportOptions, ExportReport, atlas_for_export, write_output
from hegang_atlas.model.atlas import Atlas
from hegang_atlas.model.definitions import QUALITY_LABELS, legend
from hegang_atlas.model.derived import DERIVED
from hegang_atlas.model.errors import AtlasError
from hegang_atlas.model.formatting import claim_figure, format_number
from hegang_atlas.model.layers import Feature, Layer
from hegang_atlas.model.markdown import render
from hegang_atlas.model.sources import Claim, SourceRegistry
from hegang_atlas.model.story import Story, builtin_stories, check_story, read_story
from hegang_atlas.model.text import LANGUAGES
from hegang_atlas.page.basemaps import Basemap, basemaps
from hegang_atlas.page.builder import Raw, build_map, script_json

TITLE = "Hegang Atlas"
UI = {
    "en": {
        "layers": "Layers", "story": "Story layers", "context": "Context", "user": "Your data",
        "unknown": "unknown", "yes": "yes", "no": "no", "position": "Position", "sources": "Sources",
        "disagree": "Sources disagree", "previous": "Previous", "next": "Next", "close": "Close",
    },
    "zh": {
        "layers": "图层", "story": "故事图层", "context": "背景", "user": "你的数据",
        "unknown": "未知", "yes": "是", "no": "否", "position": "位置", "sources": "来源",
        "disagree": "来源说法不一", "previous": "上一章", "next": "下一章", "close": "关闭",
    },
    "nl": {
        "layers": "Kaartlagen", "story": "Verhaallagen", "context": "Achtergrond", "user": "Eigen gegevens",
        "unknown": "onbekend", "yes": "ja", "no": "nee", "position": "Positie", "sources": "Bronnen",
        "disagree": "Bronnen spreken elkaar tegen", "previous": "Vorige", "next": "Volgende", "close": "Sluiten",
    },
}


def export(options: ExportOptions) -> ExportReport:
    """Write the atlas (and ``options.story``, if any) as one offline HTML file.

    Parameters
    ----------
    options
        ``out``, ``story`` (a built-in story id or a story file), ``lang``, ``basemap`` and ``add``
        are used; the image options are ignored.

    Returns
    -------
    ExportReport
        The file written and the layers it holds (bottom to top).

    Raises
    ------
    AtlasError
        For an unknown story, basemap or language, a story that does not fit the atlas, or a file
        that cannot be written.
    """
    atlas = atlas_for_export(options)
    story = find_story(options.story, atlas) if options.story else None
    html = render_page(atlas, story, lang=options.lang, basemap=find_basemap(options.basemap))
    path = write_output(options.out, lambda tmp: tmp.write_text(html, encoding="utf-8"))
    return ExportReport(path, layers=atlas.order)


def find_story(ref: str, atlas: Atlas) -> Story:
    """The story a ``--story`` argument names (a story file, else a built-in id), checked against ``atlas``."""
    path = Path(ref)
    if path.is_file() or path.suffix.lower() == ".json":
        story = read_story(path)
        check_story(story, atlas, path)
        return story
    stories = {s.id: s for s in builtin_stories()}
    if ref not in stories:
        known = ", ".join(sorted(stories)) or "none"
        raise AtlasError(None, f"unknown story '{ref}' (built-in stories: {known}; or give a story file)")
    check_story(stories[ref], atlas)
    return stories[ref]


def find_basemap(basemap_id: str) -> Basemap | None:
    """The basemap for a ``--basemap`` id; ``"none"`` gives ``None`` (no web tiles)."""
    choices = basemaps()
    if basemap_id not in choices:
        raise AtlasError(None, f"unknown basemap '{basemap_id}' (choose from {', '.join(choices)})")
    return choices[basemap_id]


def render_page(atlas: Atlas, story: Story | None = None, *, lang: str = "en", basemap: Basemap | None = None) -> str:
    """The self-contained page as one HTML string.

    Parameters
    ----------
    atlas
        The layers to show, with their current visibility and opacity.
    story
        A story to play, or ``None`` for the map alone.
    lang
        Language of titles and texts (``en``, ``zh``, ``nl``).
    basemap
        Web tiles, or ``None`` for a page that needs no network.
    """
    if lang not in LANGUAGES:
        raise AtlasError(None, f"unknown language '{lang}' (choose from {', '.join(LANGUAGES)})")
    fmap = build_map(atlas, basemap, lang=lang)
    fmap.default_js = []
    fmap.default_css = []
    figure = fmap.get_root()
    figure.title = escape(story.title.get(lang) if story else TITLE)
    leaflet_js, leaflet_css = leaflet_assets()
    payload = script_json(page_payload(atlas, story, lang))
    figure.header.add_child(Raw(f"<style>{leaflet_css}</style>\n<script>{leaflet_js}</script>"), name="leaflet")
    figure.header.add_child(
        Raw(f"<style>{_page_file('standalone.css')}</style>\n<script>{_page_file('standalone.js')}</script>"),
        name="standalone",
    )
    figure.html.add_child(Raw(f'<script type="application/json" id="ha-export">{payload}</script>'), name="ha_export")
    html = figure.render()
    if "\n<html>\n" not in html:
        raise RuntimeError("unexpected folium page template: no <html> tag to set the language on")
    return html.replace("\n<html>\n", f'\n<html lang="{lang}">\n', 1)


def _inline_safe(text: str, tag: str) -> str:
    """``text`` with any ``</tag`` broken up, so it cannot end its inline element early."""
    return re.sub(rf"</({tag})", r"<\\/\1", text, flags=re.IGNORECASE)


def _page_file(name: str) -> str:
    text = resources.files("hegang_atlas.page").joinpath(name).read_text(encoding="utf-8")
    return _inline_safe(text, "style" if name.endswith(".css") else "script")


def leaflet_assets() -> tuple[str, str]:
    """Leaflet's JavaScript and CSS from the ``js_lib_leaflet`` package, ready to inline.

    The CSS's images become ``data:`` URIs and the source-map comment is dropped, so neither
    makes the page fetch a file.
    """
    root = resources.files("js_lib_leaflet").joinpath("static", "js_lib_leaflet")
    js = root.joinpath("leaflet.js").read_text(encoding="utf-8")
    js = re.sub(r"^//# sourceMappingURL=.*$", "", js, flags=re.MULTILINE)
    css = root.joinpath("leaflet.css").read_text(encoding="utf-8")

    def data_uri(match: re.Match[str]) -> str:
        data = base64.b64encode(root.joinpath("images", match[1]).read_bytes()).decode("ascii")
        return f"url(data:image/png;base64,{data})"

    css = re.sub(r"url\(images/([\w.-]+\.png)\)", data_uri, css)
    return _inline_safe(js, "script"), _inline_safe(css, "style")


def page_payload(atlas: Atlas, story: Story | None, lang: str) -> dict[str, Any]:
    """What the page's panels show: interface words, layers with legends, feature details, the story."""
    return {
        "ui": UI[lang],
        "layers": [
            {
                "id": layer.id,
                "title": layer.definition.title.get(lang),
                "group": layer.definition.group,
                "geometry": layer.definition.geometry,
                "legend": [[label, style] for label, style in legend(layer.definition, layer.qualities(), lang)],
            }
            for layer in atlas.layers
        ],
        "features": {
            layer.id: {f.id: feature_details(atlas.registry, layer, f, lang) for f in layer.features()}
            for layer in atlas.layers
        },
        "story": story_payload(atlas.registry, story, lang) if story else None,
    }


def feature_details(registry: SourceRegistry, layer: Layer, feature: Feature, lang: str) -> dict[str, Any]:
    """One feature as the click panel shows it; every value already formatted as text."""
    ui = UI[lang]
    definition = layer.definition
    quality = feature.position_quality
    return {
        "name": feature.name,
        "name_zh": feature.name_zh,
        "layer": definition.title.get(lang),
        "fields": [
            [f.label.get(lang), format_value(feature.properties.get(f.name), f.unit, ui)] for f in definition.fields
        ],
        "derived": [
            [DERIVED[n].label.get(lang), format_value(feature.derived.get(n), DERIVED[n].unit, ui),
             DERIVED[n].method.get(lang)]
            for n in definition.derived
        ],
        "quality": QUALITY_LABELS.get(quality, {}).get(lang, quality),
        "note": feature.position_note,
        "claims": claim_groups(registry, feature.claims, lang),
    }


def story_payload(registry: SourceRegistry, story: Story, lang: str) -> dict[str, Any]:
    """The story for the player: chapter text as safe HTML, cameras, layers, highlights, citations."""
    return {
        "title": story.title.get(lang),
        "chapters": [
            {
                "title": c.title.get(lang),
                "html": render(c.text.get(lang)),
                "camera": c.camera.model_dump(exclude_none=True),
                "layers": dict(c.layers),
                "highlight": [list(h) for h in c.highlight],
                "claims": claim_groups(registry, c.claims, lang),
            }
            for c in story.chapters
        ],
    }


def claim_groups(registry: SourceRegistry, claim_ids: tuple[str, ...], lang: str) -> list[dict[str, Any]]:
    """Claims as cited: each claim with every claim it disagrees with (transitively) in one group."""
    groups: list[dict[str, Any]] = []
    seen: set[str] = set()
    for claim_id in claim_ids:
        if claim_id in seen:
            continue
        members = [claim_id]
        for member in members:
            members.extend(c for c in registry.claim(member).disagrees_with if c not in members)
        seen.update(members)
        groups.append(
            {"disagree": len(members) > 1, "claims": [cited_claim(registry, registry.claim(m), lang) for m in members]}
        )
    return groups


def cited_claim(registry: SourceRegistry, claim: Claim, lang: str) -> dict[str, str]:
    """A claim's statement, its figure ("50,000 RMB (2010)") and where it was read."""
    doc = registry.document_of(claim)
    where = doc.url if doc.kind == "reference" else f"¶{claim.paragraph}"
    return {"text": claim.text(lang), "figure": claim_figure(claim), "citation": f"{doc.title.get(lang)}, {where}"}


def format_value(value: Any, unit: str, ui: dict[str, str]) -> str:
    """A field or derived value as text: "unknown" for null, yes/no, numbers with their unit."""
    if value is None:
        return ui["unknown"]
    if isinstance(value, bool):
        return ui["yes"] if value else ui["no"]
    text = format_number(value, unit) if isinstance(value, (int, float)) else str(value)
    return f"{text} {unit}".strip()
