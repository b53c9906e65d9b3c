"""PNG and PDF maps: a print page (map, title, legend, scale bar, north arrow, credits) printed to PDF
by QtWebEngine and, for PNG, rasterised with QtPdf. Works without a display.

``export png|pdf OUT`` prints the map; ``--story ID --chapter N`` prints one chapter of a story;
``export pdf OUT --story ID`` prints the story handout, one page per chapter.
"""

from __future__ import annotations

from pathlib import Path

from hegang_atlas.export.common import ExportOptions, ExportReport, atlas_for_export, write_output
from hegang_atlas.export.html import TITLE, find_basemap, find_story
from hegang_atlas.export.print_page import print_page
from hegang_atlas.export.print_sheets import chapter_sheet, handout_sheets, map_sheet
from hegang_atlas.model.atlas import Atlas
from hegang_atlas.model.errors import AtlasError

CSS_DPI = 96  # CSS pixels per inch
MAX_PIXELS = 10_000  # per side
DPI_RANGE = (50, 1200)
MIN_SHEET_CSS = (400, 250)  # below this (in CSS pixels) the layout does not fit


def export(options: ExportOptions) -> ExportReport:
    """Write the map (or a story chapter, or a story handout) as a PNG image or a PDF.

    Parameters
    ----------
    options
        ``format`` (``png`` or ``pdf``), ``out``, ``size`` (pixels), ``dpi``, ``story``,
        ``chapter`` (from 1), ``basemap``, ``lang`` and ``add`` are used.

    Returns
    -------
    ExportReport
        The file written, the layers shown (bottom to top) and, for a PDF, its page count.

    Raises
    ------
    AtlasError
        For options that do not fit together, an unknown story, chapter, basemap or language, a
        web engine that cannot start or print, or a file that cannot be written (nothing is left
        behind).
    """
    check_options(options)
    return export_atlas(atlas_for_export(options), options)


def check_options(options: ExportOptions) -> None:
    """Refuse sizes, resolutions and option combinations the export cannot honour."""
    if options.format not in ("png", "pdf"):
        raise AtlasError(None, f"the image export writes png or pdf, not '{options.format}'")
    width, height = options.size
    if not (1 <= width <= MAX_PIXELS and 1 <= height <= MAX_PIXELS):
        raise AtlasError(None, f"--size must be between 1 and {MAX_PIXELS} pixels per side, not {width}x{height}")
    if not DPI_RANGE[0] <= options.dpi <= DPI_RANGE[1]:
        raise AtlasError(None, f"--dpi must be between {DPI_RANGE[0]} and {DPI_RANGE[1]}, not {options.dpi}")
    css_w, css_h = css_size(options)
    if css_w < MIN_SHEET_CSS[0] or css_h < MIN_SHEET_CSS[1]:
        smallest = f"{MIN_SHEET_CSS[0] * options.dpi // CSS_DPI}x{MIN_SHEET_CSS[1] * options.dpi // CSS_DPI}"
        raise AtlasError(None, f"{width}x{height} is too small for the map layout at {options.dpi} dpi (at least {smallest})")
    if options.chapter is not None and not options.story:
        raise AtlasError(None, "--chapter needs --story")
    if options.format == "png" and options.story and options.chapter is None:
        raise AtlasError(None, "a PNG shows one chapter: add --chapter N (a PDF without --chapter is the story handout)")


def css_size(options: ExportOptions) -> tuple[float, float]:
    """One page in CSS pixels: the pixel size at ``dpi``, seen at 96 CSS pixels per inch."""
    width, height = options.size
    return width * CSS_DPI / options.dpi, height * CSS_DPI / options.dpi


def export_atlas(
    atlas: Atlas, options: ExportOptions, bounds: tuple[float, float, float, float] | None = None
) -> ExportReport:
    """Export ``atlas`` as it is now (visibility, opacity, selection, user layers) to PNG or PDF.

    Parameters
    ----------
    atlas
        The model; a story chapter sets its own layers instead.
    options
        As for :func:`export`; ``add`` is ignored (the layers are already in ``atlas``).
    bounds
        South, west, north, east the map shows when no story chapter sets the camera (the window's
        current view); default the prefecture.

    Returns
    -------
    ExportReport

    Raises
    ------
    AtlasError
        See :func:`export`.
    """
    from hegang_atlas.export.pdf_render import print_pdf, rasterise

    check_options(options)
    basemap = find_basemap(options.basemap)
    story = find_story(options.story, atlas) if options.story else None
    if story is None:
        title, sheets = TITLE, [map_sheet(atlas, bounds)]
    elif options.chapter is None:
        title, sheets = story.title.get(options.lang), handout_sheets(atlas, story, options.lang)
    else:
        title, sheets = story.title.get(options.lang), [chapter_sheet(atlas, story, options.chapter, options.lang)]
    size = css_size(options)
    html = print_page(atlas, title, sheets, size, lang=options.lang, basemap=basemap)
    points = tuple(px * 72 / options.dpi for px in options.size)

    def write(tmp: Path) -> None:
        pdf = print_pdf(html, points, size, basemap.hosts if basemap else set())
        if options.format == "pdf":
            tmp.write_bytes(pdf)
        else:
            rasterise(pdf, options.size, options.dpi, tmp)

    path = write_output(options.out, write)
    shown = {layer_id for sheet in sheets for layer_id in sheet.layers}
    return ExportReport(
        path, layers=[i for i in atlas.order if i in shown], pages=len(sheets) if options.format == "pdf" else None
    )
