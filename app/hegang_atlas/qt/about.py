"""Help > About: what the app is, where its data comes from, and the licences it ships under."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget

from hegang_atlas import __version__
from hegang_atlas.logs import log_file
from hegang_atlas.model.atlas import Atlas

LICENCES = [  # names and uses are translated where shown (context "AboutDialog")
    ("Leaflet 1.9.4", "BSD-2-Clause", QT_TRANSLATE_NOOP("AboutDialog", "map drawing in the page")),
    ("folium, branca", "MIT", QT_TRANSLATE_NOOP("AboutDialog", "builds the map page")),
    ("Qt 6 / PySide6", "LGPL-3.0", QT_TRANSLATE_NOOP("AboutDialog", "the window and the web view")),
    ("GeoPandas, Shapely, pyproj, pyogrio", "BSD-3-Clause / MIT",
     QT_TRANSLATE_NOOP("AboutDialog", "reading and measuring geodata")),
    (QT_TRANSLATE_NOOP("AboutDialog", "OpenStreetMap data (web basemap, only when chosen)"), "ODbL 1.0",
     "© OpenStreetMap contributors"),
]


def _tr(text: str) -> str:
    """``text`` in the interface language (the strings are marked for lupdate where they are written)."""
    return QCoreApplication.translate("AboutDialog", text)


def about_html(atlas: Atlas) -> str:
    """The About text: version, data provenance (documents, references), licences. All escaped."""
    docs = [d for d in atlas.registry.documents.values() if d.kind == "document"]
    refs = [d for d in atlas.registry.documents.values() if d.kind == "reference"]
    counts = {d.id: sum(c.document == d.id for c in atlas.registry.claims.values()) for d in docs + refs}
    undated = QCoreApplication.translate("AboutDialog", "undated")
    claims = QCoreApplication.translate("AboutDialog", "%s claims")
    parts = [
        "<h2>%s</h2>" % escape(QCoreApplication.translate("AboutDialog", "Hegang Atlas %s") % __version__),
        "<p>%s</p>" % QCoreApplication.translate(
            "AboutDialog",
            "A desktop map of Hegang (鹤岗), a coal city in Heilongjiang that lost about a sixth of its "
            "people between 2010 and 2020. Every figure shown is a cited claim or a computation.",
        ),
        "<h3>%s</h3><ul>" % QCoreApplication.translate("AboutDialog", "Source documents"),
        *(
            f"<li>{escape(d.title.en)} ({escape(d.language)}, {escape(d.date or undated)}) — "
            f"{escape(claims % counts[d.id])}</li>"
            for d in docs
        ),
        "</ul><h3>%s</h3><ul>" % QCoreApplication.translate("AboutDialog", "Public references"),
        *(f"<li>{escape(d.title.en)} — {escape(d.url)} ({escape(claims % counts[d.id])})</li>" for d in refs),
        "</ul>",
        "<h3>%s</h3><p>%s</p>" % (
            QCoreApplication.translate("AboutDialog", "Positions"),
            QCoreApplication.translate(
                "AboutDialog",
                "No mine, village, wind farm or city-core position has been published: "
                "they are marked <i>approximate</i> (placed from a described district or town, with an error) "
                "or <i>schematic</i> (drawn to show a relation, such as a proposed rail link).",
            ),
        ),
        "<h3>%s</h3><ul>" % QCoreApplication.translate("AboutDialog", "Software and data licences"),
        *(f"<li>{escape(_tr(n))}: {escape(lic)} — {escape(_tr(what))}</li>" for n, lic, what in LICENCES),
        "</ul>",
        "<p>%s</p>" % escape(QCoreApplication.translate("AboutDialog", "Log file: %s") % log_file()),
    ]
    return "\n".join(parts)


class AboutDialog(QDialog):
    def __init__(self, atlas: Atlas, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("About Hegang Atlas"))
        self.resize(640, 560)
        browser = QTextBrowser(self)
        browser.setOpenExternalLinks(False)
        browser.setHtml(about_html(atlas))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        self.log_button = buttons.addButton(self.tr("Open log file"), QDialogButtonBox.ButtonRole.ActionRole)
        self.log_button.clicked.connect(self._on_open_log)
        layout = QVBoxLayout(self)
        layout.addWidget(browser)
        layout.addWidget(buttons)
        self.browser = browser

    def _on_open_log(self) -> None:
        path = log_file()
        if not path.exists():
            path.parent.mkdir(parents=True, exist_ok=True)
            path.touch()
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))
