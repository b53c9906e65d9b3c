"""Print an HTML page to PDF with QtWebEngine and rasterise a PDF page with QtPdf; no display needed.

``QWebEngineView.grab()`` gives a blank image for web content, so images go through PDF:
``QWebEnginePage.printToPdf`` and then ``QPdfDocument.render``. The page is served by the
locked-down :class:`hegang_atlas.qt.mapview.MapView` (``atlas:`` scheme, request filter), on a
view that is never put on screen.
"""

from __future__ import annotations

import math
import os
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from hegang_atlas.model.errors import AtlasError

LOAD_SECONDS = 30
TILES_SECONDS = 30
PRINT_SECONDS = 60
POLL_MS = 100
SANDBOX_MESSAGE = (
    "the map's web engine (Chromium) will not start as root with its sandbox on; run as a normal user, "
    "or, if you accept the risk on this machine, set QTWEBENGINE_DISABLE_SANDBOX=1"
)

_application = None  # the QApplication this module created; kept alive for later exports


def ensure_application():
    """The running QApplication, or a new one (offscreen when there is no display).

    Raises
    ------
    AtlasError
        When running as root without ``QTWEBENGINE_DISABLE_SANDBOX`` (Chromium would not start).
    """
    global _application
    from hegang_atlas.qt.app import _root_without_sandbox_switch, make_application

    if _root_without_sandbox_switch():
        raise AtlasError(None, SANDBOX_MESSAGE)
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance()
    if app is None:
        if not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"):
            os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        app = _application = make_application()
    return app


def run_until(done: Callable[[], bool], seconds: float) -> bool:
    """Run the Qt event loop until ``done()`` is true (checked every 100 ms) or ``seconds`` pass."""
    from PySide6.QtCore import QEventLoop, QTimer

    if done():
        return True
    deadline = time.monotonic() + seconds
    loop = QEventLoop()
    timer = QTimer()
    timer.timeout.connect(lambda: loop.quit() if done() or time.monotonic() > deadline else None)
    timer.start(POLL_MS)
    loop.exec()
    timer.stop()
    return done()


def page_size_mm(points: float) -> float:
    """A page edge in millimetres such that Chromium prints ``points`` (when whole) exactly.

    QtWebEngine hands Chromium the page size in millimetres and Chromium truncates it to whole
    points, so the millimetres are rounded up (to Qt's 0.01 mm) rather than to nearest.
    """
    return math.ceil(points * 25.4 / 72 * 100) / 100


def print_pdf(html: str, page_points: tuple[float, float], css_size: tuple[float, float], tile_hosts: set[str]) -> bytes:
    """Load ``html`` in an off-screen map view, wait for its maps and tiles, and print it to PDF.

    Parameters
    ----------
    html
        The print page (``export/print_page.py``); it must define ``window.haPrint.status()``.
    page_points
        Page width and height in points (1/72 inch); margins are zero.
    css_size
        The view's size in CSS pixels (one sheet).
    tile_hosts
        Hosts the page may fetch basemap tiles from (empty: no network).

    Returns
    -------
    bytes
        The PDF.

    Raises
    ------
    AtlasError
        If the page does not load, the basemap cannot be fetched, or printing fails.
    """
    ensure_application()
    from PySide6.QtCore import QCoreApplication, QEvent, QMarginsF, QSizeF, Qt
    from PySide6.QtGui import QPageLayout, QPageSize

    from hegang_atlas.qt.mapview import MapView

    view = MapView()
    try:
        view.setAttribute(Qt.WidgetAttribute.WA_DontShowOnScreen)
        view.resize(math.ceil(css_size[0]), math.ceil(css_size[1]))
        view.show()
        view.page().set_tile_hosts(tile_hosts)
        loaded: list[bool] = []
        view.loadFinished.connect(loaded.append)
        view.show_html(html)
        if not run_until(lambda: bool(loaded), LOAD_SECONDS) or not loaded[-1]:
            raise AtlasError(None, "the map page could not be loaded for printing")
        _wait_for_maps(view)
        size = QPageSize(
            QSizeF(page_size_mm(page_points[0]), page_size_mm(page_points[1])),
            QPageSize.Unit.Millimeter, "Hegang Atlas", QPageSize.SizeMatchPolicy.ExactMatch,
        )
        layout = QPageLayout(size, QPageLayout.Orientation.Portrait, QMarginsF(0, 0, 0, 0))
        printed: list[bytes] = []
        view.page().printToPdf(lambda data: printed.append(bytes(data)), layout)
        if not run_until(lambda: bool(printed), PRINT_SECONDS) or not printed[0]:
            raise AtlasError(None, "the web engine could not print the map to PDF")
        return printed[0]
    finally:
        view.deleteLater()
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def _wait_for_maps(view) -> None:
    """Wait until no map tile is loading; fail if a basemap was asked for and none of it arrived."""
    poll = {"asked": False, "answered": False, "status": None}

    def receive(status: object) -> None:
        poll.update(asked=False, answered=True, status=status)

    def done() -> bool:
        status = poll["status"]
        if poll["answered"] and not (isinstance(status, dict) and status.get("done") is False):
            return True  # ready, or no status at all (a script error)
        if not poll["asked"]:
            poll["asked"] = True
            view.evaluate("window.haPrint ? window.haPrint.status() : null", receive)
        return False

    finished = run_until(done, TILES_SECONDS)
    status = poll["status"]
    if finished and not isinstance(status, dict):
        raise AtlasError(None, "the print page failed to draw its maps (a script error)")
    if not finished:
        raise AtlasError(None, f"the basemap tiles did not finish loading within {TILES_SECONDS} s")
    if status["tiles"] and not status["loaded"]:
        raise AtlasError(None, "the basemap tiles could not be fetched (no network?); export without --basemap")


def rasterise(pdf: bytes, size: tuple[int, int], dpi: int, out: Path) -> None:
    """Render the first page of ``pdf`` to a PNG of exactly ``size`` pixels at ``out``.

    Raises
    ------
    AtlasError
        If QtPdf cannot read the PDF.
    OSError
        If the PNG cannot be written.
    """
    ensure_application()
    from PySide6.QtCore import QSize, Qt
    from PySide6.QtGui import QImage, QPainter
    from PySide6.QtPdf import QPdfDocument

    with tempfile.TemporaryDirectory(prefix="hegang-atlas-") as folder:
        source = Path(folder) / "map.pdf"
        source.write_bytes(pdf)
        document = QPdfDocument()
        if document.load(str(source)) != QPdfDocument.Error.None_ or document.pageCount() < 1:
            raise AtlasError(None, "QtPdf could not read the printed map")
        page = document.render(0, QSize(*size))  # transparent where the PDF paints nothing
        document.close()
    image = QImage(page.size(), QImage.Format.Format_RGB32)
    image.fill(Qt.GlobalColor.white)
    painter = QPainter(image)
    painter.drawImage(0, 0, page)
    painter.end()
    dots_per_metre = round(dpi / 0.0254)
    image.setDotsPerMeterX(dots_per_metre)
    image.setDotsPerMeterY(dots_per_metre)
    if image.isNull() or not image.save(str(out), "PNG"):
        raise OSError(f"the {size[0]}x{size[1]} image could not be saved as PNG")
