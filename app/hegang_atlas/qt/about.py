"""Help > About: what the app is, where its data comes from, and the licences it ships under."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget

from hegang_atlas import __version__
from hegang_atlas.logs import log_file
from hegang_atlas.model.atlas import Atlas

LICENCES = [
    ("Leaflet 1.9.4", "BSD-2-Clause", "map drawing in the page"),
    ("folium, branca", "MIT", "builds the map page"),
    ("Qt 6 / PySide6", "LGPL-3.0", "the window and the web view"),
    ("GeoPandas, Shapely, pyproj, pyogrio", "BSD-3-Clause / MIT", "reading and measuring geodata"),
    ("OpenStreetMap data (web basemap, only when chosen)", "ODbL 1.0", "© OpenStreetMap contributors"),
]


def about_html(atlas: Atlas) -> str:
    """The About text: version, data provenance (documents, references), licences. All escaped."""
    docs = [d for d in atlas.registry.documents.values() if d.kind == "document"]
    refs = [d for d in atlas.registry.documents.values() if d.kind == "reference"]
    counts = {d.id: sum(c.document == d.id for c in atlas.registry.claims.values()) for d in docs + refs}
    parts = [
        f"<h2>Hegang Atlas {escape(__version__)}</h2>",
        "<p>A desktop map of Hegang (鹤岗), a coal city in Heilongjiang that lost about a sixth of its "
        "people between 2010 and 2020. Every figure shown is a cited claim or a computation.</p>",
        "<h3>Source documents</h3><ul>",
        *(
            f"<li>{escape(d.title.en)} ({escape(d.language)}, {escape(d.date or 'undated')}) — "
            f"{counts[d.id]} claims</li>"
            for d in docs
        ),
        "</ul><h3>Public references</h3><ul>",
        *(f"<li>{escape(d.title.en)} — {escape(d.url)} ({counts[d.id]} claims)</li>" for d in refs),
        "</ul>",
        "<h3>Positions</h3><p>No mine, village, wind farm or city-core position has been published: "
        "they are marked <i>approximate</i> (placed from a described district or town, with an error) "
        "or <i>schematic</i> (drawn to show a relation, such as a proposed rail link).</p>",
        "<h3>Software and data licences</h3><ul>",
        *(f"<li>{escape(n)}: {escape(lic)} — {escape(what)}</li>" for n, lic, what in LICENCES),
        "</ul>",
        f"<p>Log file: {escape(str(log_file()))}</p>",
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
