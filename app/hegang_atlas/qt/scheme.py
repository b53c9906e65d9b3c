"""The ``atlas:`` URL scheme: the map page and Leaflet are served from memory and the wheel.

The page is loaded from ``atlas://app/index.html`` rather than with ``setHtml()`` (which fails
silently above ~2 MB) or from a file (which would need file access turned on).

Scheme flags, and why (each checked on PySide6 6.12 with file access turned off):

- ``SecureScheme``: the page is a secure context, so https tiles are not mixed content.
- ``FetchApiAllowed``: without it ``fetch('atlas://app/...')`` fails ("Failed to fetch");
  XMLHttpRequest works either way. ``CorsEnabled`` is not needed for same-origin requests and
  stays off, so no other origin may read ``atlas:`` resources.
- Not ``LocalScheme``: with ``LocalContentCanAccessFileUrls`` off, a local-scheme page cannot
  load even its own sub-resources (leaflet.js is never requested).
- Not ``LocalAccessAllowed``: it would let ``<script src="qrc:///qtwebchannel/qwebchannel.js">``
  load, but it also lets the page ``fetch('file:///...')`` and read local files despite
  ``LocalContentCanAccessFileUrls`` being off. So the page never loads ``qrc:`` itself:
  :mod:`hegang_atlas.qt.mapview` reads qwebchannel.js with ``QFile`` and injects its text into
  the application world.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from importlib.resources import files
from pathlib import Path

from PySide6.QtCore import QBuffer, QCoreApplication, QIODevice, QObject
from PySide6.QtWebEngineCore import (
    QWebEngineUrlRequestJob,
    QWebEngineUrlScheme,
    QWebEngineUrlSchemeHandler,
)

log = logging.getLogger(__name__)

SCHEME = b"atlas"
HOST = "app"
INDEX_URL = "atlas://app/index.html"
LEAFLET_PREFIX = "leaflet/"

_MIME_TYPES = {
    ".js": b"text/javascript",
    ".css": b"text/css",
    ".png": b"image/png",
    ".svg": b"image/svg+xml",
    ".map": b"application/json",
}


def register_scheme() -> None:
    """Register the ``atlas:`` scheme with QtWebEngine.

    Must run before the ``QApplication`` is created; calling it again is harmless.

    Raises
    ------
    RuntimeError
        If the scheme is not yet registered and a Qt application already exists.
    """
    if QWebEngineUrlScheme.schemeByName(SCHEME).name() == SCHEME:
        return
    if QCoreApplication.instance() is not None:
        raise RuntimeError("register_scheme() must run before the QApplication is created")
    scheme = QWebEngineUrlScheme(SCHEME)
    scheme.setSyntax(QWebEngineUrlScheme.Syntax.Host)
    flag = QWebEngineUrlScheme.Flag
    scheme.setFlags(flag.SecureScheme | flag.FetchApiAllowed)
    QWebEngineUrlScheme.registerScheme(scheme)


def leaflet_dir() -> Path:
    """The directory holding Leaflet's ``leaflet.js``, ``leaflet.css`` and ``images/``."""
    return Path(str(files("js_lib_leaflet") / "static" / "js_lib_leaflet"))


class AtlasSchemeHandler(QWebEngineUrlSchemeHandler):
    """Serves ``atlas://app/<path>`` from in-memory resources and Leaflet's static files.

    Parameters
    ----------
    parent : QObject, optional
        Owner; the handler must outlive every page that uses it.
    """

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._resources: dict[str, tuple[bytes, bytes]] = {}
        self._routes: dict[str, Callable[[QWebEngineUrlRequestJob, str, str], None]] = {}
        self._static = leaflet_dir().resolve()

    def set_resource(self, path: str, data: bytes, mime: str) -> None:
        """Serve ``data`` at ``atlas://app/<path>`` with the given MIME type.

        Parameters
        ----------
        path : str
            Path below the host, without a leading slash (the page is ``index.html``).
        data : bytes
            The body.
        mime : str
            e.g. ``"text/html; charset=utf-8"``.
        """
        self._resources[path.lstrip("/")] = (bytes(data), mime.encode("ascii"))

    def set_route(self, prefix: str, answer: Callable[[QWebEngineUrlRequestJob, str, str], None]) -> None:
        """Let ``answer(job, rest, query)`` answer every GET of ``atlas://app/<prefix><rest>?<query>``.

        Parameters
        ----------
        prefix : str
            Path below the host, without a leading slash, ending in ``/`` (e.g. ``"features/"``).
        answer : callable
            Called on the UI thread; it must ``reply`` or ``fail`` the job, now or later (a job
            the page gave up on is deleted by Qt: calling it then raises ``RuntimeError``).
        """
        self._routes[prefix.lstrip("/")] = answer

    def requestStarted(self, job: QWebEngineUrlRequestJob) -> None:  # noqa: N802 (Qt override)
        url = job.requestUrl()
        if job.requestMethod() != b"GET":
            log.debug("atlas: refused %s %s", job.requestMethod(), url.toString())
            job.fail(QWebEngineUrlRequestJob.Error.RequestDenied)
            return
        path = url.path().lstrip("/")
        for prefix, answer in self._routes.items():
            if url.host() == HOST and path.startswith(prefix):
                answer(job, path[len(prefix):], url.query())
                return
        found = self._lookup(url.path()) if url.host() == HOST else None
        if found is None:
            log.debug("atlas: not found %s", url.toString())
            job.fail(QWebEngineUrlRequestJob.Error.UrlNotFound)
            return
        data, mime = found
        buffer = QBuffer(job)
        buffer.setData(data)
        buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        job.reply(mime, buffer)

    def _lookup(self, path: str) -> tuple[bytes, bytes] | None:
        path = path.lstrip("/")
        if path in self._resources:
            return self._resources[path]
        if path.startswith(LEAFLET_PREFIX):
            return self._static_file(path[len(LEAFLET_PREFIX):])
        return None

    def _static_file(self, relative: str) -> tuple[bytes, bytes] | None:
        parts = relative.split("/")
        if any(part in ("", ".", "..") or "\\" in part for part in parts):
            return None
        target = self._static.joinpath(*parts).resolve()
        mime = _MIME_TYPES.get(target.suffix)
        if mime is None or not target.is_relative_to(self._static) or not target.is_file():
            return None
        return target.read_bytes(), mime
