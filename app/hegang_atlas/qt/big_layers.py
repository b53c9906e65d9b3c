"""Big layers on the live page: their features view by view, and clicks on them.

The page's ``biglayers.js`` fetches ``atlas://app/features/<layer>?bbox=s,w,n,e&zoom=z`` (or
``?whole=1&zoom=z``, the whole layer at that zoom if small enough to keep); this answers from a
worker thread (the UI thread only hands the job over and, later, the bytes back),
using one :class:`~hegang_atlas.model.viewport.LayerIndex` per layer, built on the first request.
Requests the page makes to look ahead (``&ahead=1``) wait while a view's own request waits. While
no request waits, the worker simplifies and encodes the rest of the layer for the zoom a view last
asked for and two levels either side (``WARM_STEPS``), so that panning and zooming find it ready.
Clicks on big layers arrive as map clicks and are identified here against the full geometry.
"""

from __future__ import annotations

import logging
import queue
import threading
from collections import deque

from PySide6.QtCore import QBuffer, QIODevice, QObject, Signal
from PySide6.QtWebEngineCore import QWebEngineUrlRequestJob

from hegang_atlas.model.atlas import Atlas
from hegang_atlas.model.layers import Layer
from hegang_atlas.model.viewport import LayerIndex, is_big
from hegang_atlas.model.wire import MAX_ZOOM, BadRequest, looks_ahead, parse_request

log = logging.getLogger(__name__)

ROUTE = "features/"
MIME = b"application/octet-stream"
WARM_CHUNK = 500  # features simplified and encoded ahead between two looks for waiting requests
WARM_STEPS = (0, 1, -1, 2, -2)  # zooms simplified ahead, relative to the view's: a wheel spun fast skips a level


class JobQueue:
    """The worker's jobs: views' requests first, in order, then look-ahead ones, in order."""

    def __init__(self) -> None:
        self._ready = threading.Condition()
        self._views: deque = deque()
        self._ahead: deque = deque()

    def put(self, item, ahead: bool = False) -> None:
        with self._ready:
            (self._ahead if ahead else self._views).append(item)
            self._ready.notify()

    def take(self, block: bool = True):
        """The next job; without ``block``, raises :class:`queue.Empty` when none waits."""
        with self._ready:
            while not (self._views or self._ahead):
                if not block:
                    raise queue.Empty
                self._ready.wait()
            return self._views.popleft() if self._views else self._ahead.popleft()


class BigLayers(QObject):
    """Serves the atlas's big layers to the page and identifies clicks on them.

    Parameters
    ----------
    atlas : Atlas
        The model; layers are looked up by id on every request, so removed or replaced layers
        are never served.
    handler : AtlasSchemeHandler
        The page's ``atlas:`` handler; this installs the ``features/`` route on it.
    parent : QObject, optional
    """

    _answered = Signal(object, object)  # (job, body bytes or None), from the worker to the UI thread

    def __init__(self, atlas: Atlas, handler, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.atlas = atlas
        self._indexes: dict[str, tuple[Layer, LayerIndex]] = {}
        self._lock = threading.Lock()
        self._jobs = JobQueue()  # (job, layer id, bbox, zoom, ahead, number), or None: stop
        self._asked: dict[str, int] = {}  # layer id -> how many requests the page has made for it
        self._warm: list[tuple[LayerIndex, int]] = []  # the worker's own: what to simplify ahead
        self._answered.connect(self._reply)
        handler.set_route(ROUTE, self._on_request)
        jobs = self._jobs
        self.destroyed.connect(lambda: jobs.put(None))
        threading.Thread(target=self._work, name="hegang-atlas-big-layers", daemon=True).start()

    def is_big(self, layer_id: str) -> bool:
        """Whether ``layer_id`` is a loaded layer that the page draws view by view."""
        return self.atlas.has_layer(layer_id) and is_big(self.atlas.layer(layer_id))

    def index(self, layer_id: str) -> LayerIndex | None:
        """The index of big layer ``layer_id`` (built now if needed), or ``None``. Thread-safe."""
        if not self.atlas.has_layer(layer_id):
            return None
        layer = self.atlas.layer(layer_id)
        with self._lock:
            known = self._indexes.get(layer_id)
            if known is not None and known[0] is layer:
                return known[1]
        if not is_big(layer):
            return None
        built = LayerIndex(layer)
        with self._lock:
            self._indexes[layer_id] = (layer, built)
        return built

    def forget_removed(self) -> None:
        """Drop the indexes of layers no longer in the atlas (call when layers change)."""
        with self._lock:
            for layer_id in [i for i in self._indexes if not self.atlas.has_layer(i)]:
                del self._indexes[layer_id]

    def hit(self, lat: float, lon: float, zoom: float) -> tuple[str, str] | None:
        """The visible big-layer feature drawn under ``(lat, lon)`` at ``zoom``, top layer first.

        Returns
        -------
        tuple of (str, str) or None
            ``(layer_id, feature_id)``.
        """
        for layer_id in reversed(self.atlas.order):
            if not self.atlas.visible.get(layer_id) or not self.is_big(layer_id):
                continue
            feature_id = self.index(layer_id).hit(lat, lon, zoom)
            if feature_id is not None:
                return layer_id, feature_id
        return None

    # -- the features/ route ----------------------------------------------------------------
    def _on_request(self, job: QWebEngineUrlRequestJob, layer_id: str, query: str) -> None:
        try:
            bbox, zoom = parse_request(query)
        except BadRequest as error:
            log.debug("features: %s", error)
            job.fail(QWebEngineUrlRequestJob.Error.RequestDenied)
            return
        ahead = looks_ahead(query)
        self._asked[layer_id] = number = self._asked.get(layer_id, 0) + 1
        self._jobs.put((job, layer_id, bbox, zoom, ahead, number), ahead)

    def _work(self) -> None:
        """The worker thread: answer views' requests first, then look-ahead ones; when none waits,
        simplify ahead."""
        while True:
            try:
                item = self._jobs.take(block=not self._warm)
            except queue.Empty:
                index, zoom = self._warm[0]
                if index.warm(zoom, WARM_CHUNK) == 0:
                    self._warm.pop(0)
                continue
            if item is None:
                return
            job, layer_id, bbox, zoom, ahead, number = item
            if bbox is None and number != self._asked[layer_id]:
                # The page asks ahead one request at a time and cancels it before asking anew: it
                # has given this one up.
                self._send(job, None, layer_id)
                continue
            if bbox is None and self._encode_some(layer_id, zoom):
                self._jobs.put(item, ahead)  # the whole layer: encoded a chunk at a time, views' requests first
                continue
            index = self._answer(job, layer_id, bbox, zoom)
            if index is not None and not ahead:
                self._warm = [(index, zoom + step) for step in WARM_STEPS if 0 <= zoom + step <= MAX_ZOOM]

    def _encode_some(self, layer_id: str, zoom: int) -> bool:
        """Encode up to ``WARM_CHUNK`` more features of the layer for ``zoom`` (unless it cannot be
        sent whole anyway); whether some are left."""
        try:
            index = self.index(layer_id)
            return index is not None and index.may_send_whole(zoom) and index.warm(zoom, WARM_CHUNK) > 0
        except Exception:  # noqa: BLE001 (answering says it)
            return False

    def _answer(self, job: QWebEngineUrlRequestJob, layer_id: str, bbox, zoom: int) -> LayerIndex | None:
        body = index = None
        try:
            index = self.index(layer_id)
            if index is not None:
                body = (index.whole(zoom) if bbox is None else index.view(bbox, zoom)).body()
        except Exception:  # noqa: BLE001 (a failed answer must still reach the page)
            log.exception("features: answering %s failed", layer_id)
        self._send(job, body, layer_id)
        return index

    def _send(self, job: QWebEngineUrlRequestJob, body: bytes | None, layer_id: str) -> None:
        """Hand the answer (``None``: a failure) to the UI thread."""
        try:
            self._answered.emit(job, body)
        except RuntimeError:  # the window closed meanwhile
            log.debug("features: no one left to answer %s", layer_id)

    def _reply(self, job: QWebEngineUrlRequestJob, body: bytes | None) -> None:
        try:
            if body is None:
                job.fail(QWebEngineUrlRequestJob.Error.UrlNotFound)
                return
            buffer = QBuffer(job)
            buffer.setData(body)
            buffer.open(QIODevice.OpenModeFlag.ReadOnly)
            job.reply(MIME, buffer)
        except RuntimeError:  # the page gave the request up (reload, navigation) and Qt deleted the job
            log.debug("features: request gone before its answer")
