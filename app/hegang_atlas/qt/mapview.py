"""The map view: a locked-down web page, its request filter and the page -> Python bridge.

Security shape
--------------
- The page comes from ``atlas://app/index.html`` (see :mod:`hegang_atlas.qt.scheme`) on its own
  off-the-record profile; file access, remote access from local content, window opening,
  clipboard access and plugins are off.
- Navigation stays on ``atlas:``; a user-clicked http(s) link is offered to the window through
  :attr:`AtlasPage.externalLinkRequested` and refused here.
- Every request other than ``atlas:``, ``qrc:``, ``data:``, ``blob:`` and the current tile hosts
  is blocked by :class:`RequestFilter`.
- The QWebChannel lives in ``QWebEngineScript.ApplicationWorld``: scripts of the page (main world,
  possibly fed by data) cannot reach it. The page posts each message as a DOM event,
  ``new CustomEvent("hegang-atlas-message", {detail: JSON.stringify(msg)})`` dispatched on
  ``document``. DOM events are shared between worlds and a string ``detail`` crosses them intact,
  so the bridge script (application world) forwards it to :meth:`Bridge.receive`, which
  validates it.
"""

from __future__ import annotations

import json
import logging
import math
import re
from collections.abc import Callable

from PySide6.QtCore import QFile, QIODevice, QObject, Qt, QUrl, Signal, Slot
from PySide6.QtWebChannel import QWebChannel
from PySide6.QtWebEngineCore import (
    QWebEngineLoadingInfo,
    QWebEnginePage,
    QWebEngineProfile,
    QWebEngineScript,
    QWebEngineSettings,
    QWebEngineUrlRequestInfo,
    QWebEngineUrlRequestInterceptor,
)
from PySide6.QtWebEngineWidgets import QWebEngineView

from hegang_atlas.qt.scheme import HOST, INDEX_URL, SCHEME, AtlasSchemeHandler

log = logging.getLogger(__name__)

MAX_MESSAGE_BYTES = 64 * 1024
MAX_ID_CHARS = 200
EVENT_NAME = "hegang-atlas-message"
_FUNCTION_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
_ALWAYS_ALLOWED = frozenset({"atlas", "qrc", "data", "blob"})

_BRIDGE_JS = """
(function () {
  "use strict";
  var queue = [];
  var bridge = null;
  document.addEventListener("%(event)s", function (event) {
    if (typeof event.detail !== "string") { return; }
    if (bridge) { bridge.receive(event.detail); }
    else if (queue.length < 1000) { queue.push(event.detail); }
  });
  new QWebChannel(qt.webChannelTransport, function (channel) {
    bridge = channel.objects.bridge;
    queue.splice(0).forEach(function (message) { bridge.receive(message); });
  });
})();
""" % {"event": EVENT_NAME}


class RequestFilter(QWebEngineUrlRequestInterceptor):
    """Blocks every request except local schemes and the allowed tile hosts.

    Attributes
    ----------
    seen : list of str
        Every URL requested, in order.
    blocked : list of str
        The URLs that were blocked.
    """

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.seen: list[str] = []
        self.blocked: list[str] = []
        self._tile_hosts: frozenset[str] = frozenset()

    def set_tile_hosts(self, hosts: set[str]) -> None:
        """Allow https requests to exactly these host names (empty: no network at all)."""
        self._tile_hosts = frozenset(h.lower() for h in hosts)

    def interceptRequest(self, info: QWebEngineUrlRequestInfo) -> None:  # noqa: N802 (Qt override)
        url = info.requestUrl()
        text = url.toString()
        self.seen.append(text)
        scheme = url.scheme()
        if scheme in _ALWAYS_ALLOWED or (scheme == "https" and url.host() in self._tile_hosts):
            return
        info.block(True)
        self.blocked.append(text)
        log.info("blocked request %s", text)


def _text(value: object) -> str | None:
    return value if isinstance(value, str) and len(value) <= MAX_ID_CHARS else None


def _number(value: object) -> float | None:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return None
    try:
        number = float(value)
    except OverflowError:
        return None
    return number if math.isfinite(number) else None


class Bridge(QObject):
    """Receives the page's JSON messages, validates them and re-emits them as signals.

    Attributes
    ----------
    rejected : int
        How many messages were dropped as invalid.
    """

    clicked = Signal(str, str)
    doubleClicked = Signal(str, str)
    hovered = Signal(str, str)
    mouseMoved = Signal(float, float)
    viewChanged = Signal(float, float, float, object)
    mapClicked = Signal(float, float)
    ready = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.rejected = 0

    @Slot(str)
    def receive(self, message: str) -> None:
        """Handle one message from the page; invalid messages are counted and dropped."""
        try:
            emit = self._parse(message)
        except (ValueError, TypeError, RecursionError) as error:
            emit = None
            log.debug("page message not JSON: %s", error)
        if emit is None:
            self.rejected += 1
            log.debug("rejected page message %.200r", message)
            return
        emit()

    def _parse(self, message: str) -> Callable[[], None] | None:
        # A character is at least one byte: the cheap check first.
        if len(message) > MAX_MESSAGE_BYTES or len(message.encode("utf-8")) > MAX_MESSAGE_BYTES:
            return None
        data = json.loads(message)
        if not isinstance(data, dict):
            return None
        kind = data.get("type")
        if kind in ("click", "dblclick", "hover"):
            layer, feature = _text(data.get("layer")), _text(data.get("feature"))
            if layer is None or feature is None:
                return None
            signal = {"click": self.clicked, "dblclick": self.doubleClicked}.get(kind, self.hovered)
            return lambda: signal.emit(layer, feature)
        if kind == "ready":
            return self.ready.emit
        lat, lon = _number(data.get("lat")), _number(data.get("lon"))
        if lat is None or lon is None:
            return None
        if kind == "mousemove":
            return lambda: self.mouseMoved.emit(lat, lon)
        if kind == "mapclick":
            return lambda: self.mapClicked.emit(lat, lon)
        if kind == "view":
            zoom, bounds = _number(data.get("zoom")), data.get("bounds")
            if zoom is None or not isinstance(bounds, list) or len(bounds) != 4:
                return None
            edges = [_number(b) for b in bounds]
            if None in edges:
                return None
            return lambda: self.viewChanged.emit(lat, lon, zoom, edges)
        return None


def _qwebchannel_js() -> str:
    source = QFile(":/qtwebchannel/qwebchannel.js")
    if not source.open(QIODevice.OpenModeFlag.ReadOnly):
        raise RuntimeError("qrc:///qtwebchannel/qwebchannel.js is missing from QtWebChannel")
    try:
        return bytes(source.readAll()).decode("utf-8")
    finally:
        source.close()


def _from_json(result: object) -> object:
    try:
        return json.loads(result)[0]
    except (TypeError, ValueError, IndexError):
        log.debug("page script result not JSON: %.200r", result)
        return None


class AtlasPage(QWebEnginePage):
    """The locked-down page, on its own off-the-record profile.

    Signals
    -------
    externalLinkRequested(QUrl)
        The page tried to follow an http(s) link (a click, or a script setting
        ``window.location``: Qt reports both as link clicks) and refused it; the window may ask
        the user and open it with ``QDesktopServices``.

    Attributes
    ----------
    handler : AtlasSchemeHandler
        Serves ``atlas://app/``.
    requests : RequestFilter
        The request filter of the profile.
    bridge : Bridge
        The page -> Python messages.
    refused_navigations : list of str
        URLs the page was not allowed to navigate to.
    """

    externalLinkRequested = Signal(QUrl)

    def __init__(self, parent: QObject | None = None) -> None:
        profile = QWebEngineProfile()  # no storage name: off the record
        super().__init__(profile, parent)
        # Owned by the page, so it is deleted after the page's web contents (Qt requires this).
        profile.setParent(self)
        self.handler = AtlasSchemeHandler(profile)
        profile.installUrlSchemeHandler(SCHEME, self.handler)
        self.requests = RequestFilter(profile)
        profile.setUrlRequestInterceptor(self.requests)
        self.refused_navigations: list[str] = []
        self._lock_settings()
        self.bridge = Bridge(self)
        channel = QWebChannel(self)
        channel.registerObject("bridge", self.bridge)
        self.setWebChannel(channel, QWebEngineScript.ScriptWorldId.ApplicationWorld)
        self.scripts().insert(self._bridge_script())

    def _lock_settings(self) -> None:
        attribute = QWebEngineSettings.WebAttribute
        settings = self.settings()
        for name in (
            attribute.LocalContentCanAccessFileUrls,
            attribute.LocalContentCanAccessRemoteUrls,
            attribute.JavascriptCanOpenWindows,
            attribute.JavascriptCanAccessClipboard,
            attribute.JavascriptCanPaste,
            attribute.PluginsEnabled,
            attribute.PdfViewerEnabled,
            attribute.NavigateOnDropEnabled,
            attribute.HyperlinkAuditingEnabled,
        ):
            settings.setAttribute(name, False)

    @staticmethod
    def _bridge_script() -> QWebEngineScript:
        script = QWebEngineScript()
        script.setName("hegang-atlas-bridge")
        script.setWorldId(QWebEngineScript.ScriptWorldId.ApplicationWorld)
        script.setInjectionPoint(QWebEngineScript.InjectionPoint.DocumentCreation)
        script.setRunsOnSubFrames(False)
        script.setSourceCode(_qwebchannel_js() + _BRIDGE_JS)
        return script

    def set_tile_hosts(self, hosts: set[str]) -> None:
        """Allow https tiles from these hosts (see :meth:`RequestFilter.set_tile_hosts`)."""
        self.requests.set_tile_hosts(hosts)

    def acceptNavigationRequest(  # noqa: N802 (Qt override)
        self, url: QUrl, kind: QWebEnginePage.NavigationType, is_main_frame: bool
    ) -> bool:
        if is_main_frame and url.scheme() == SCHEME.decode() and url.host() == HOST:
            return True
        # Qt reports a script's ``window.location = ...`` as a link click too, so the window must
        # ask before opening anything.
        link = kind == QWebEnginePage.NavigationType.NavigationTypeLinkClicked
        if link and url.scheme() in ("http", "https"):
            self.externalLinkRequested.emit(url)
        self.refused_navigations.append(url.toString())
        log.info("refused navigation to %s (%s)", url.toString(), kind.name)
        return False

    def createWindow(self, kind: QWebEnginePage.WebWindowType) -> None:  # noqa: N802
        log.info("refused to open a %s window", kind.name)
        return None

    def javaScriptConsoleMessage(  # noqa: N802 (Qt override)
        self,
        level: QWebEnginePage.JavaScriptConsoleMessageLevel,
        message: str,
        line: int,
        source: str,
    ) -> None:
        log.debug("page console (%s) %s:%d %s", level.name, source, line, message)


class MapView(QWebEngineView):
    """The web view showing the atlas page.

    Signals
    -------
    loadedAndReady()
        The page finished loading and its script reported ``ready`` (in either order); once
        per load of an ``atlas:`` page.

    Attributes
    ----------
    handler : AtlasSchemeHandler
    bridge : Bridge
    """

    loadedAndReady = Signal()

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._page = AtlasPage(self)
        self.setPage(self._page)
        self.handler = self._page.handler
        self.bridge = self._page.bridge
        self.setAcceptDrops(False)  # drops go to the window, never navigate the page
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.NoContextMenu)  # no reload/view-source/save
        self._loaded = self._ready = self._announced = False
        self._page.loadingChanged.connect(self._on_loading_changed)
        self.bridge.ready.connect(self._on_bridge_ready)

    def show_html(self, html: str) -> None:
        """Serve ``html`` as ``atlas://app/index.html`` and load it (any size works).

        Parameters
        ----------
        html : str
            The complete page.
        """
        self.handler.set_resource("index.html", html.encode("utf-8"), "text/html; charset=utf-8")
        self.load(QUrl(INDEX_URL))

    def call(self, function: str, *args, callback: Callable | None = None) -> None:
        """Run ``window.hegangAtlas.<function>(*args)`` in the page's main world.

        Parameters
        ----------
        function : str
            Name of a page API function (an identifier).
        *args
            JSON-serialisable arguments.
        callback : callable, optional
            Receives the (JSON-converted) return value.

        Raises
        ------
        ValueError
            If ``function`` is not an identifier or an argument is not finite JSON.
        """
        if not _FUNCTION_NAME.fullmatch(function):
            raise ValueError(f"not a page function name: {function!r}")
        arguments = ", ".join(json.dumps(a, allow_nan=False) for a in args)
        self.evaluate(f"window.hegangAtlas.{function}({arguments})", callback)

    def evaluate(self, js: str, callback: Callable | None = None) -> None:
        """Run ``js`` in the page's main world.

        Parameters
        ----------
        js : str
            Statements; with ``callback``, a single expression.
        callback : callable, optional
            Receives the expression's value as Python data (through JSON, because PySide6 hands
            JavaScript arrays, objects and ``null`` to the callback as ``""``), or ``None`` when
            it failed or is not JSON-serialisable.
        """
        world = QWebEngineScript.ScriptWorldId.MainWorld
        if callback is None:
            self._page.runJavaScript(js, world)
            return
        wrapped = f"(function () {{ return JSON.stringify([(\n{js}\n)]); }})()"
        self._page.runJavaScript(wrapped, world, lambda result: callback(_from_json(result)))

    def _on_loading_changed(self, info: QWebEngineLoadingInfo) -> None:
        # A refused navigation also starts and fails a "load" (of its own URL): ignore those.
        if info.url().scheme() != SCHEME.decode():
            return
        status = QWebEngineLoadingInfo.LoadStatus
        if info.status() == status.LoadStartedStatus:
            self._loaded = self._ready = self._announced = False
        elif info.status() == status.LoadSucceededStatus:
            self._loaded = True
            self._emit_if_ready()

    def _on_bridge_ready(self) -> None:
        self._ready = True
        self._emit_if_ready()

    def _emit_if_ready(self) -> None:
        if self._loaded and self._ready and not self._announced:
            self._announced = True
            self.loadedAndReady.emit()
