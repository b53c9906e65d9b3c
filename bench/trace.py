"""``python -m bench.trace [--quick] [--unkept] [--moves N] [--out TRACE.json]``: where a far jump's time goes.

Adds the benchmark's polygon layer (10,000 polygons of 50 vertices; ``--quick``: 6,000 of 20, as
``python -m bench --quick``) to the app, records a Chromium trace over the DevTools protocol while
the map jumps 3 views at a time at zoom 11 (``pan_far``), and prints for each jump the time the
benchmark measures next to what Chromium's threads (the page's, the compositor's, the raster
workers') spent within that time, added up:

- ``fetch``: the big layer's request, from the page asking to the answer decoded (the page's own
  ``fetchMs``); ``—`` when the jump asked for nothing, the page drawing it from the layer's whole
  drawing kept for that zoom (``--unkept``: the page may keep none, as for a layer too big to keep);
- ``canvas``: Chromium rasterising the big layer's canvas (``FinalizeFrame``, on the page's main
  thread);
- ``copy``: handing the canvas's pixels to the compositor (``ProduceCanvasResource``);
- ``tiles``: rasterising the page's other layers (Leaflet's SVG panes), tiles and milliseconds;
- ``composite``: drawing the window from its layers (``Display::DrawAndSwap``).

A jump's time runs from the ``bench view`` time stamp that ``bench.probes.TIMED_VIEW_JS`` leaves
in the trace; events running across its ends count for their part within. TRACE.json holds every
event; it opens in chrome://tracing or the Perfetto UI.
"""

from __future__ import annotations

import argparse
import json
import os
import socket
import sys
import tempfile
import threading
import urllib.request
from pathlib import Path

from bench import data, scenarios
from bench.__main__ import FULL, QUICK, sandbox_refused
from bench.probes import evaluate, timed_view, wait_for

CATEGORIES = ["toplevel", "blink", "cc", "viz", "gpu", "benchmark", "loading", "v8", "devtools.timeline",
              "disabled-by-default-devtools.timeline"]
STAMP = "bench view"  # the time stamp bench.probes.TIMED_VIEW_JS leaves where it starts timing
COLUMNS = {"canvas": "CanvasRenderingContext2D::FinalizeFrame",
           "copy": "CanvasResourceProviderSharedImage::ProduceCanvasResource",
           "tiles": "RasterTask", "composite": "Display::DrawAndSwap"}


class DevTools:
    """A DevTools protocol client on the app's own browser, over a QWebSocket."""

    def __init__(self, port: int) -> None:
        from PySide6.QtNetwork import QAbstractSocket
        from PySide6.QtWebSockets import QWebSocket

        found: list = []
        url = f"http://127.0.0.1:{port}/json/version"

        def ask() -> None:
            try:
                with urllib.request.urlopen(url, timeout=20) as answer:
                    found.append(json.load(answer))
            except Exception as error:  # noqa: BLE001 (said in the main thread)
                found.append(error)

        # Asked off the UI thread: the browser answers with the UI thread's help.
        threading.Thread(target=ask, daemon=True).start()
        wait_for(lambda: found, 30)
        if isinstance(found[0], Exception):
            raise RuntimeError(f"no DevTools endpoint at {url}: {found[0]}")
        self.replies: dict[int, dict] = {}
        self.events: list[dict] = []
        self.complete: dict | None = None
        self.failure = ""
        self._id = 0
        self._socket = QWebSocket()
        self._socket.textMessageReceived.connect(self._received)
        self._socket.errorOccurred.connect(lambda _: setattr(self, "failure", self._socket.errorString()))
        self._socket.open(found[0]["webSocketDebuggerUrl"])
        wait_for(lambda: self.failure or self._socket.state() == QAbstractSocket.SocketState.ConnectedState, 30)
        if self.failure:
            raise RuntimeError(f"DevTools: {self.failure}")

    def _received(self, text: str) -> None:
        message = json.loads(text)
        if message.get("method") == "Tracing.dataCollected":
            self.events += message["params"]["value"]
        elif message.get("method") == "Tracing.tracingComplete":
            self.complete = message["params"]
        elif "id" in message:
            self.replies[message["id"]] = message

    def call(self, method: str, **params) -> dict:
        self._id += 1
        key = self._id
        self._socket.sendTextMessage(json.dumps({"id": key, "method": method, "params": params}))
        reply = wait_for(lambda: self.replies.get(key), 30)
        if "error" in reply:
            raise RuntimeError(f"{method}: {reply['error']}")
        return reply

    def trace(self, during) -> list[dict]:
        """The trace events recorded while ``during()`` runs (a warning if Chromium lost some)."""
        self.call("Tracing.start", traceConfig={"includedCategories": CATEGORIES}, transferMode="ReportEvents")
        try:
            during()
        finally:
            self.call("Tracing.end")
            wait_for(lambda: self.complete is not None, 60)
            self._socket.close()
        if self.complete.get("dataLossOccurred"):
            sys.stderr.write("bench.trace: Chromium's trace buffer overflowed: the later jumps miss events\n")
        return self.events


def summarise(events: list[dict], moves: list[tuple[float, float | None]]) -> list[dict]:
    """For each move ``(ms, fetch ms or None)``, the milliseconds the :data:`COLUMNS` events took within its
    time (from its :data:`STAMP`, the n-th in the trace, for ``ms``), and how many tiles.

    Raises
    ------
    ValueError
        When the trace does not hold one time stamp per move.
    """
    stamps = sorted(e["ts"] for e in events if e.get("name") == "TimeStamp"
                    and e.get("args", {}).get("data", {}).get("message") == STAMP)
    if len(stamps) != len(moves):
        raise ValueError(f"the trace holds {len(stamps)} jump time stamps for {len(moves)} jumps")
    rows = []
    for (ms, fetch), start in zip(moves, stamps):
        end = start + ms * 1000
        row = {"ms": ms, "fetch": fetch}
        for column, name in COLUMNS.items():
            parts = [min(end, e["ts"] + e["dur"]) - max(start, e["ts"]) for e in events
                     if e.get("name") == name and e.get("ph") == "X" and e["ts"] < end and e["ts"] + e["dur"] > start]
            row[column] = sum(parts) / 1000
            if column == "tiles":
                row["tile_count"] = len(parts)
        rows.append(row)
    return rows


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.trace", description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="a small layer, to check the tool works")
    parser.add_argument("--unkept", action="store_true", help="the page keeps no whole drawing: every view is asked for")
    parser.add_argument("--moves", type=int, default=6)
    parser.add_argument("--out", type=Path, default=Path("trace.json"))
    args = parser.parse_args(argv)
    if sandbox_refused("bench.trace"):
        return 2
    plan = QUICK if args.quick else FULL
    # (The app still runs when the folder goes: what it writes there at the end may stay.)
    with tempfile.TemporaryDirectory(prefix="hegang-trace-", ignore_cleanup_errors=True) as folder:
        port = _free_port()
        # Read when QtWebEngine starts; the settings and data folders are the run's own, as in bench.
        os.environ.update(QTWEBENGINE_REMOTE_DEBUGGING=f"127.0.0.1:{port}", XDG_CONFIG_HOME=f"{folder}/config",
                          XDG_DATA_HOME=f"{folder}/data", XDG_CACHE_HOME=f"{folder}/cache")
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        path = data.write(data.polygons(plan.polygons, plan.vertices), Path(folder) / "parcels.geojson")
        if args.unkept:
            scenarios.keep_nothing()
        _, atlas, window = scenarios._app(Path(folder) / "settings.ini")
        view = window.map_view
        layer_id = scenarios.add_file(window, path)
        views = scenarios._views(atlas.layer(layer_id).frame, args.moves, scenarios.PAN_ZOOM, 3.0)
        timed_view(view, *views[0])
        moves: list[tuple[float, float | None]] = []
        state = f"hegangAtlas.getState().big[{json.dumps(layer_id)}]"
        asked, requests = f"{state}.fetchMs", f"{state}.requests"

        def jump() -> None:
            for target in views[1:]:
                scenarios._look()
                before = evaluate(view, requests)
                ms = timed_view(view, *target)
                moves.append((ms, evaluate(view, asked) if evaluate(view, requests) > before else None))

        events = DevTools(port).trace(jump)
    args.out.write_text(json.dumps({"traceEvents": events}))
    try:
        rows = summarise(events, moves)
    except ValueError as error:
        sys.stderr.write(f"bench.trace: {error} ({args.out})\n")
        return 1
    print("| jump | ms | fetch | canvas | copy | tiles | composite |\n|---:|---:|---:|---:|---:|---:|---:|")
    for i, r in enumerate(rows, 1):
        fetch = "—" if r["fetch"] is None else f"{r['fetch']:.1f}"
        print(f"| {i} | {r['ms']:.1f} | {fetch} | {r['canvas']:.1f} | {r['copy']:.1f} "
              f"| {r['tile_count']}: {r['tiles']:.1f} | {r['composite']:.1f} |")
    print(f"trace: {args.out} ({len(events):,} events)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
