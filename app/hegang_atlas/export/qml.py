"""QGIS layer styles (QML) that draw a layer the way the map page does.

The page styles a feature as ``base`` + its ``style.by`` category + its position-quality override
(applied last). QGIS gets the same result from one ``categorizedSymbol`` renderer:

* no category and no quality override in use: ``singleSymbol``;
* categories only: categorized on the field, one category per value, plus QGIS's ``""`` category
  (drawn for every other value and for NULL) in the base style;
* quality overrides only: categorized on ``position_quality``, one category per override in use;
* both: categorized on an expression ``<category or ''> || '|' || <quality or ''>`` with one
  category per combination, so each feature's symbol is the fully merged style.

Mixed-geometry layers use a ``RuleRenderer`` instead: one rule per geometry type (QGIS cannot draw
a line with a marker symbol), with the same classes as child rules. Sizes and widths are in pixels,
as on the page. The document is built with ElementTree, so every data-derived value is
XML-escaped; characters XML 1.0 cannot hold are dropped.
"""

from __future__ import annotations

import re
import uuid
import xml.etree.ElementTree as ET
from collections.abc import Mapping
from typing import Any

from hegang_atlas.model.definitions import QUALITIES, QUALITY_LABELS, LayerDef

QGIS_VERSION = "3.34"
DOCTYPE = "<!DOCTYPE qgis PUBLIC 'http://mrcc.com/qgis.dtd' 'SYSTEM'>"
# Leaflet's own path defaults, for options a layer leaves unset.
LEAFLET_DEFAULTS = {"color": "#3388ff", "weight": 3.0, "opacity": 1.0, "fill_opacity": 0.2, "radius": 10.0}
OTHER = {"en": "other values", "zh": "其他", "nl": "overige waarden"}
SYMBOL_TYPES = {"Point": "marker", "LineString": "line", "Polygon": "fill"}
QGIS_GEOMETRY = {"Point": "Point", "LineString": "Line", "Polygon": "Polygon"}
LABEL_PLACEMENT = {"Point": "6", "LineString": "2", "Polygon": "1"}  # around point, along line, over centroid
_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")

Class = tuple[str | None, str, dict[str, Any]]  # (category value, legend label, merged path style)


def layer_qml(
    definition: LayerDef, qualities: set[str], lang: str = "en", columns: Mapping[str, str] | None = None
) -> str:
    """A QGIS style document for one layer, equivalent to its map style.

    Parameters
    ----------
    definition
        The layer definition; its ``style`` and ``labels`` are translated.
    qualities
        The ``position_quality`` values present in the layer's data; overrides for other
        qualities are left out, as in the legend.
    lang
        Language of the category labels.
    columns
        Data field name -> column name in the exported table, for renamed columns.

    Returns
    -------
    str
        ``<!DOCTYPE qgis ...><qgis ...>`` with ``renderer-v2`` (and ``labeling`` for layers with
        ``labels = true``), parseable by :mod:`xml.etree.ElementTree`.
    """
    attr, expression, classes = _classes(definition, qualities, lang, columns or {})
    root = ET.Element("qgis", version=QGIS_VERSION, styleCategories="Symbology|Labeling",
                      labelsEnabled="1" if definition.labels else "0")
    if definition.geometry == "Mixed":
        root.append(_rule_renderer(definition.id, expression, classes))
    elif attr is None:
        root.append(_single_renderer(SYMBOL_TYPES[definition.geometry], classes[0][2]))
    else:
        root.append(_categorized_renderer(SYMBOL_TYPES[definition.geometry], attr, classes))
    if definition.labels:
        root.append(_labeling(definition.geometry))
    ET.SubElement(root, "blendMode").text = "0"
    ET.SubElement(root, "featureBlendMode").text = "0"
    ET.SubElement(root, "layerOpacity").text = "1"
    ET.indent(root)
    return DOCTYPE + "\n" + ET.tostring(root, encoding="unicode") + "\n"


# -- what to draw ------------------------------------------------------------------------------
def _classes(
    definition: LayerDef, qualities: set[str], lang: str, columns: Mapping[str, str]
) -> tuple[str | None, str | None, list[Class]]:
    """(categorized attr, the same as an expression, classes); attr ``None`` means one symbol."""
    style = definition.style
    base = {**LEAFLET_DEFAULTS, **_options(style)}
    by = style.by
    overrides = [q for q in QUALITIES if q in style.quality and q in qualities]
    cats: list[tuple[str, str, dict[str, Any]]] = []
    if by:
        for value, override in by.values.items():
            cats.append((value, override.label.get(lang) if override.label else value, _options(override)))
    quals = [(q, QUALITY_LABELS[q].get(lang, q), _options(style.quality[q])) for q in overrides]
    other = OTHER.get(lang, OTHER["en"])
    if not by and not overrides:
        return None, None, [(None, definition.title.get(lang), base)]
    if not overrides:
        field = columns.get(by.field, by.field)
        classes = [(v, label, {**base, **o}) for v, label, o in cats]
        if "" not in by.values:
            classes.append(("", other, base))
        return field, _column(field), classes
    if not by:
        classes = [(q, label, {**base, **o}) for q, label, o in quals]
        return "position_quality", _column("position_quality"), [*classes, ("", definition.title.get(lang), base)]
    field = _column(columns.get(by.field, by.field))
    category = f"if(to_string({field}) IN ({_list(by.values)}), to_string({field}), '')"
    quality = f"if({_column('position_quality')} IN ({_list(overrides)}), {_column('position_quality')}, '')"
    expression = f"{category} || '|' || {quality}"
    classes = []
    for value, cat_label, cat_style in cats if "" in by.values else [*cats, ("", other, {})]:
        classes.append((f"{value}|", cat_label, {**base, **cat_style}))
        for q, q_label, q_style in quals:
            classes.append((f"{value}|{q}", f"{cat_label}, {q_label}", {**base, **cat_style, **q_style}))
    return expression, expression, classes


def _options(style) -> dict[str, Any]:
    """The options a path style sets, under their Python names."""
    return {k: v for k, v in style.model_dump(exclude={"label", "by", "quality"}).items() if v is not None}


def _column(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _string(text: str) -> str:
    """A QGIS expression string literal (as ``QgsExpression::quotedString``)."""
    text = text.replace("'", "''").replace("\\", "\\\\").replace("\n", "\\n").replace("\t", "\\t")
    return f"'{text}'"


def _list(values) -> str:
    return ", ".join(_string(v) for v in values)


# -- renderers ---------------------------------------------------------------------------------
def _renderer(kind: str) -> ET.Element:
    return ET.Element("renderer-v2", type=kind, symbollevels="0", forceraster="0", enableorderby="0",
                      referencescale="-1")


def _single_renderer(symbol_type: str, style: dict[str, Any]) -> ET.Element:
    renderer = _renderer("singleSymbol")
    ET.SubElement(renderer, "symbols").append(_symbol("0", symbol_type, style))
    return renderer


def _categorized_renderer(symbol_type: str, attr: str, classes: list[Class]) -> ET.Element:
    renderer = _renderer("categorizedSymbol")
    renderer.set("attr", _xml(attr))
    categories = ET.SubElement(renderer, "categories")
    symbols = ET.SubElement(renderer, "symbols")
    for i, (value, label, style) in enumerate(classes):
        ET.SubElement(categories, "category", value=_xml(value), symbol=str(i), label=_xml(label), render="true",
                      uuid=_key(attr, str(i)))
        symbols.append(_symbol(str(i), symbol_type, style))
    return renderer


def _rule_renderer(layer_id: str, expression: str | None, classes: list[Class]) -> ET.Element:
    renderer = _renderer("RuleRenderer")
    rules = ET.SubElement(renderer, "rules", key=_key(layer_id, "root"))
    symbols = ET.SubElement(renderer, "symbols")
    n = 0
    for geometry, symbol_type in SYMBOL_TYPES.items():
        family = ET.SubElement(rules, "rule", key=_key(layer_id, geometry), label=QGIS_GEOMETRY[geometry],
                               filter=f"geometry_type($geometry) = '{QGIS_GEOMETRY[geometry]}'")
        for value, label, style in classes:
            rule = ET.SubElement(family, "rule", key=_key(layer_id, f"{geometry}/{n}"), symbol=str(n), label=_xml(label))
            if expression is not None:
                rule.set("filter", "ELSE" if value == "" else _xml(f"({expression}) = {_string(value)}"))
            symbols.append(_symbol(str(n), symbol_type, style))
            n += 1
    return renderer


def _key(*parts: str) -> str:
    """A stable rule/category key, so the same atlas always exports the same file."""
    return "{" + str(uuid.uuid5(uuid.NAMESPACE_URL, "hegang-atlas:" + "/".join(parts))) + "}"


# -- symbols -----------------------------------------------------------------------------------
def _symbol(name: str, symbol_type: str, style: dict[str, Any]) -> ET.Element:
    symbol = ET.Element("symbol", type=symbol_type, name=name, alpha="1", clip_to_extent="1", force_rhr="0",
                        frame_rate="10", is_animated="0")
    if symbol_type == "marker":
        _layer(symbol, "SimpleMarker", _marker(style))
    elif symbol_type == "line":
        _layer(symbol, "SimpleLine", _line(style))
    else:
        fill = {"color": _colour(style.get("fill_color") or style["color"], style["fill_opacity"]),
                "style": "solid", "outline_style": "no", "outline_width": "0"}
        _layer(symbol, "SimpleFill", fill)
        _layer(symbol, "SimpleLine", _line(style))  # the outline, with the page's dash pattern
    return symbol


def _layer(symbol: ET.Element, kind: str, options: dict[str, str]) -> None:
    layer = ET.SubElement(symbol, "layer", {"class": kind, "enabled": "1", "locked": "0", "pass": "0"})
    option_map = ET.SubElement(layer, "Option", type="Map")
    for name, value in options.items():
        ET.SubElement(option_map, "Option", name=name, type="QString", value=value)


def _marker(style: dict[str, Any]) -> dict[str, str]:
    stroked = style["weight"] > 0 and style["opacity"] > 0
    return {
        "name": "circle",
        "color": _colour(style.get("fill_color") or style["color"], style["fill_opacity"]),
        "outline_color": _colour(style["color"], style["opacity"]),
        "outline_style": ("dash" if _dashes(style) else "solid") if stroked else "no",
        "outline_width": _number(style["weight"]),
        "outline_width_unit": "Pixel",
        "size": _number(2 * style["radius"]),  # Leaflet's radius; QGIS's size is the diameter
        "size_unit": "Pixel",
        "scale_method": "diameter",
        "joinstyle": "round",
    }


def _line(style: dict[str, Any]) -> dict[str, str]:
    dashes = _dashes(style)
    stroked = style["weight"] > 0 and style["opacity"] > 0  # QGIS draws width 0 as a hairline
    options = {
        "line_color": _colour(style["color"], style["opacity"]),
        "line_style": "solid" if stroked else "no",
        "line_width": _number(style["weight"]),
        "line_width_unit": "Pixel",
        "capstyle": "round",
        "joinstyle": "round",
        "use_custom_dash": "1" if dashes else "0",
    }
    if dashes:
        options.update(customdash=";".join(_number(d) for d in dashes), customdash_unit="Pixel")
    return options


def _dashes(style: dict[str, Any]) -> list[float]:
    """The dash pattern as SVG reads ``dashArray``: odd lists repeat, all-zero means solid."""
    values = [float(v) for v in re.split(r"[ ,]+", (style.get("dash_array") or "").strip()) if v]
    if not any(values):
        return []
    return values * 2 if len(values) % 2 else values


def _colour(hex_colour: str, opacity: float) -> str:
    r, g, b = (int(hex_colour[i:i + 2], 16) for i in (1, 3, 5))
    return f"{r},{g},{b},{round(opacity * 255)}"


def _number(value: float) -> str:
    return f"{value:g}"


def _xml(text: str) -> str:
    """``text`` without the characters XML 1.0 cannot represent (escaping is ElementTree's job)."""
    return _NOT_XML.sub("", text)


# -- labels ------------------------------------------------------------------------------------
def _labeling(geometry: str) -> ET.Element:
    labeling = ET.Element("labeling", type="simple")
    settings = ET.SubElement(labeling, "settings", calloutType="simple")
    text = ET.SubElement(settings, "text-style", fieldName="name", isExpression="0", fontSize="9",
                         fontSizeUnit="Point", textColor="34,34,34,255", textOpacity="1")
    ET.SubElement(text, "text-buffer", bufferDraw="1", bufferSize="1", bufferSizeUnits="MM",
                  bufferColor="255,255,255,255", bufferOpacity="0.8", bufferNoFill="1", bufferJoinStyle="128")
    if geometry in LABEL_PLACEMENT:
        ET.SubElement(settings, "placement", placement=LABEL_PLACEMENT[geometry], dist="1", distUnits="MM",
                      predefinedPositionOrder="R,TR,BR,T,B,TL,BL,L")
    return labeling
