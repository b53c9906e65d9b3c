"""Measuring instruments: waiting on the Qt loop, page round trips, UI-thread stalls, memory."""

from __future__ import annotations

import json
import os
import sys
import time
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QElapsedTimer, QEventLoop, QObject, QTimer

MAP_SIZE = (960, 720)  # the map's size in pixels, the same for every approach

# Moves the map (no animation), waits until big layers (if any) have drawn the new view (the page
# fires "bigsettled" then; a slow poll stands by), then for the next frame to be painted (a task
# queued from requestAnimationFrame runs after that frame), and leaves in __bench the time and
# whether the poll, not the event, found the view drawn.
TIMED_VIEW_JS = """(function (lat, lon, zoom) {
  var map = window.benchMap, api = window.hegangAtlas, done = false;
  window.__bench = null;
  console.timeStamp("bench view");  // marks t0 in a trace (bench/trace.py); nothing otherwise
  var t0 = performance.now();
  map.setView([lat, lon], zoom, {animate: false});
  (function check(polled) {
    if (done) { return; }
    if (api && api.bigSettled && !api.bigSettled()) {
      map.once("bigsettled", check);
      setTimeout(function () { check(true); }, 50);
      return;
    }
    done = true;
    requestAnimationFrame(function () {
      setTimeout(function () { window.__bench = [performance.now() - t0, polled === true]; }, 0);
    });
  })();
  return true;
})(%s, %s, %s)"""
PAINTED_JS = """(function () {
  window.__painted = false;
  requestAnimationFrame(function () { setTimeout(function () { window.__painted = true; }, 0); });
  return true;
})()"""


class Timeout(RuntimeError):
    """A wait ran out of time."""


def wait_for(predicate: Callable[[], object], timeout: float = 60.0, poll_ms: int = 1) -> object:
    """Run the Qt loop until ``predicate()`` is truthy; return its value.

    Raises
    ------
    Timeout
        After ``timeout`` seconds.
    """
    end = time.perf_counter() + timeout
    while True:
        value = predicate()
        if value:
            return value
        if time.perf_counter() > end:
            raise Timeout(f"gave up after {timeout:g} s")
        pause(poll_ms)


def pause(ms: int) -> None:
    """Idle in Qt's event loop for ``ms`` (as the app idles: worker threads get the GIL)."""
    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


def wait_signal(signal, timeout: float = 60.0) -> tuple:
    """Run the Qt loop until ``signal`` is emitted; return its arguments."""
    box: list[tuple] = []

    def catch(*args):
        box.append(args)

    signal.connect(catch)
    try:
        wait_for(lambda: box, timeout)
    finally:
        signal.disconnect(catch)
    return box[0]


def evaluate(view, js: str, timeout: float = 60.0) -> object:
    """Run ``js`` (one expression) in the page and wait for its JSON value.

    The Qt loop runs until the value arrives, without polling: a loop waking every millisecond
    would take Python's GIL from the app's worker threads and slow what is being measured.
    """
    box: list[object] = []
    loop = QEventLoop()
    timer = QTimer()
    timer.setSingleShot(True)
    timer.timeout.connect(loop.quit)

    def arrived(value) -> None:
        box.append(value)
        loop.quit()

    view.evaluate(js, arrived)
    if not box:
        timer.start(int(timeout * 1000))
        loop.exec()
        timer.stop()
    if not box:
        raise Timeout(f"{js[:80]!r} gave no value in {timeout:g} s")
    return box[0]


def wait_js(view, js: str, timeout: float = 60.0, poll_ms: int = 0) -> object:
    """Evaluate ``js`` again and again (``poll_ms`` apart) until its value is truthy; return it."""
    end = time.perf_counter() + timeout
    while True:
        value = evaluate(view, js, timeout)
        if value:
            return value
        if time.perf_counter() > end:
            raise Timeout(f"{js[:80]!r} still false after {timeout:g} s")
        if poll_ms:
            pause(poll_ms)


def wait_painted(view, timeout: float = 60.0) -> None:
    """Wait until the page has painted what it has now (the next frame has been produced)."""
    evaluate(view, PAINTED_JS, timeout)
    wait_js(view, "window.__painted === true", timeout)


def timed_view(view, lat: float, lon: float, zoom: float, timeout: float = 60.0) -> float:
    """Milliseconds, timed inside the page, from ``setView`` to the new view painted."""
    evaluate(view, TIMED_VIEW_JS % (json.dumps(lat), json.dumps(lon), json.dumps(zoom)), timeout)
    ms, late = wait_js(view, "window.__bench", timeout, poll_ms=20)
    if late:
        sys.stderr.write(f"bench: the page drew the view without saying so; {ms:.1f} ms includes up to 50 ms of polling\n")
    return float(ms)


class StallMeter(QObject):
    """The longest time the UI thread did not run its event loop, while running.

    A 5 ms timer notes when it fires; a gap between two firings beyond the interval is time the
    thread spent elsewhere (Python work, a blocking call).
    """

    INTERVAL_MS = 5

    def __init__(self) -> None:
        super().__init__()
        self._timer = QTimer(self)
        self._timer.setInterval(self.INTERVAL_MS)
        self._timer.timeout.connect(self._tick)
        self._clock = QElapsedTimer()
        self.worst_ms = 0.0

    def start(self) -> None:
        self.worst_ms = 0.0
        self._clock.start()
        self._last = 0.0
        self._timer.start()

    def stop(self) -> float:
        """Stop; return the longest stall in milliseconds."""
        self._tick()
        self._timer.stop()
        return self.worst_ms

    def _tick(self) -> None:
        now = self._clock.nsecsElapsed() / 1e6
        self.worst_ms = max(self.worst_ms, now - self._last - self.INTERVAL_MS)
        self._last = now


def _status(pid: int | str, key: str) -> float:
    """A ``/proc/<pid>/status`` memory line (kB) in MB; 0 when the process is gone."""
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith(key + ":"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


def peak_rss_mb() -> float:
    """This process's peak resident memory (VmHWM) in MB: Python, Qt and the browser process."""
    return _status("self", "VmHWM")


def renderer_rss_mb() -> float:
    """Resident memory of this process's Chromium renderer processes (the pages), in MB.

    Renderers are forked by a zygote and keep its command line, so they are told apart as the
    children of a ``--type=zygote`` process.
    """
    children: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                ppid = int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1])
            except (OSError, IndexError, ValueError):
                continue
            children.setdefault(ppid, []).append(int(entry.name))
    total, todo = 0.0, list(children.get(os.getpid(), []))
    while todo:
        pid = todo.pop()
        try:
            zygote = b"--type=zygote" in Path(f"/proc/{pid}/cmdline").read_bytes()
        except OSError:
            continue
        todo.extend(children.get(pid, []))
        if zygote:
            total += sum(_status(child, "VmRSS") for child in children.get(pid, []))
    return total


def js_heap_mb(view) -> float:
    """The page's used JavaScript heap (Chromium's ``performance.memory``), in MB."""
    used = evaluate(view, "performance.memory ? performance.memory.usedJSHeapSize : 0")
    return float(used or 0) / 2**20
