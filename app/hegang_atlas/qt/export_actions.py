"""File > Export: the atlas as the window shows it, as a GeoPackage, a PNG, a PDF or a web page.

The exports use the window's atlas (visibility, opacity, selection, the user's layers), its
basemap and, for images, the map's current view. Success is reported in the status bar; a failure
in a message box naming the file and the reason.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QObject, Qt
from PySide6.QtWidgets import QApplication, QFileDialog, QMenu, QMessageBox

from hegang_atlas.export.common import ExportOptions, ExportReport, write_output
from hegang_atlas.model.errors import AtlasError

# format -> (menu text, file dialog filter, suffix)
FORMATS = {
    "gpkg": (QT_TRANSLATE_NOOP("ExportActions", "&GeoPackage…"),
             QT_TRANSLATE_NOOP("ExportActions", "GeoPackage (*.gpkg)"), ".gpkg"),
    "png": (QT_TRANSLATE_NOOP("ExportActions", "&Image (PNG)…"),
            QT_TRANSLATE_NOOP("ExportActions", "PNG image (*.png)"), ".png"),
    "pdf": (QT_TRANSLATE_NOOP("ExportActions", "&PDF…"),
            QT_TRANSLATE_NOOP("ExportActions", "PDF document (*.pdf)"), ".pdf"),
    "html": (QT_TRANSLATE_NOOP("ExportActions", "&Web page (HTML)…"),
             QT_TRANSLATE_NOOP("ExportActions", "Web page (*.html)"), ".html"),
}
STATUS_MS = 10_000


class ExportActions(QObject):
    """The File > Export menu of a main window.

    Parameters
    ----------
    window
        A main window with ``atlas``, ``controller`` (``basemap``, ``current_view``),
        ``file_menu`` and a status bar.

    Attributes
    ----------
    menu : QMenu
        The Export submenu.
    """

    def __init__(self, window) -> None:
        super().__init__(window)
        self.window = window
        self.menu = QMenu(self.tr("&Export"), window)
        for key, (text, _, _) in FORMATS.items():
            action = self.menu.addAction(self.tr(text))
            action.triggered.connect(lambda _=False, k=key: self.export(k))

    def export(self, fmt: str, path: str | Path | None = None) -> ExportReport | None:
        """Export to ``path`` (asked for when ``None``); report the result to the user.

        Parameters
        ----------
        fmt
            ``gpkg``, ``png``, ``pdf`` or ``html``.
        path
            The file to write; without a suffix, the format's is added.

        Returns
        -------
        ExportReport or None
            ``None`` when the user cancelled or the export failed (after telling the user).
        """
        suffix = FORMATS[fmt][2]
        if path is None:
            path = self._ask_path(fmt)
            if path is None:
                return None
        path = Path(path)
        if not path.suffix:
            path = path.with_suffix(suffix)
        self.menu.setEnabled(False)  # printing runs the event loop: no second export meanwhile
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            report = write_export(self.window, fmt, path)
        except (AtlasError, OSError) as exc:
            failure = exc.message if isinstance(exc, AtlasError) else str(exc)
        else:
            failure = None
        finally:
            QApplication.restoreOverrideCursor()
            self.menu.setEnabled(True)
        if failure is not None:
            QMessageBox.critical(
                self.window, self.tr("Export failed"), self.tr("Could not write %s.\n\n%s") % (path, failure)
            )
            return None
        self.window.statusBar().showMessage(report.text(), STATUS_MS)
        return report

    def _ask_path(self, fmt: str) -> str | None:
        text, dialog_filter, suffix = FORMATS[fmt]
        title = self.tr("Export %s") % self.tr(text).replace("&", "").rstrip("…")
        path, _ = QFileDialog.getSaveFileName(self.window, title, str(Path.home() / f"hegang-atlas{suffix}"), self.tr(dialog_filter))
        return path or None


def write_export(window, fmt: str, path: Path) -> ExportReport:
    """Write ``window``'s atlas to ``path`` as ``fmt``; nothing is left behind on failure.

    Raises
    ------
    AtlasError
        When the file cannot be written or the map cannot be printed.
    """
    atlas = window.atlas
    basemap = window.controller.basemap
    if fmt == "gpkg":
        from hegang_atlas.export.gpkg import write_gpkg

        return ExportReport(write_output(path, lambda tmp: write_gpkg(atlas, tmp)), layers=atlas.order)
    if fmt == "html":
        from hegang_atlas.export.html import render_page

        html = render_page(atlas, basemap=basemap)
        return ExportReport(write_output(path, lambda tmp: tmp.write_text(html, encoding="utf-8")), layers=atlas.order)
    from hegang_atlas.export.image import export_atlas

    view = window.controller.current_view
    options = ExportOptions(format=fmt, out=path, basemap=basemap.id if basemap else "none")
    return export_atlas(atlas, options, tuple(view["bounds"]) if view else None)


def install_export_actions(window) -> ExportActions:
    """Add File > Export (GeoPackage, Image (PNG), PDF, Web page (HTML)) above the File menu's last item.

    Parameters
    ----------
    window
        The main window (see :class:`ExportActions`).

    Returns
    -------
    ExportActions
        Owned by ``window``.
    """
    actions = ExportActions(window)
    items = window.file_menu.actions()
    last = items[-1] if items else None  # Quit
    window.file_menu.insertMenu(last, actions.menu)
    window.file_menu.insertSeparator(last)
    return actions
