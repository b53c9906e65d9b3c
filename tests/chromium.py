"""A headless Chromium for tests, driven over the DevTools protocol with the standard library only.

The browser talks over ``--remote-debugging-pipe`` (NUL-separated JSON on file descriptors 3 and
4), so no port and no WebSocket client are needed::

    with Chromium() as browser:
        browser.open(path.as_uri())
        browser.wait_for("window.hegangAtlas")
        browser.key("ArrowRight")
        assert browser.errors == []

Every request the page makes is in ``requests`` (URLs); console errors, uncaught exceptions and
browser log errors are in ``errors``.
"""

from __future__ import annotations

import json
import os
import select
import shutil
import signal
import subprocess
import tempfile
import time
from pathlib import Path
from typing import Any

CHROMIUM = Path("/usr/bin/chromium")
KEY_CODES = {"ArrowRight": 39, "ArrowLeft": 37, "PageDown": 34, "PageUp": 33, "Home": 36, "End": 35, " ": 32}


class ChromiumError(RuntimeError):
    """The browser answered with an error, went away, or did not answer in time."""


class Chromium:
    """One headless browser with one page at a time.

    Parameters
    ----------
    size
        Window size in CSS pixels.
    timeout
        Seconds to wait for any one answer from the browser.
    """

    def __init__(self, size: tuple[int, int] = (1200, 800), timeout: float = 20.0) -> None:
        self.timeout = timeout
        self.requests: list[str] = []
        self.errors: list[str] = []
        self._profile = tempfile.mkdtemp(prefix="hegang-chromium-")
        self._next_id = 0
        self._buffer = b""
        self._session: str | None = None
        self._target: str | None = None
        to_browser, self._write = os.pipe()
        self._read, from_browser = os.pipe()

        def use_pipes() -> None:  # in the child: the browser expects its ends as fds 3 and 4
            read_end, write_end = os.dup(to_browser), os.dup(from_browser)
            os.dup2(read_end, 3)
            os.dup2(write_end, 4)

        args = [
            str(CHROMIUM), "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
            "--disable-component-update", "--no-first-run", "--no-default-browser-check", "--disable-extensions",
            "--remote-debugging-pipe", f"--user-data-dir={self._profile}", f"--window-size={size[0]},{size[1]}",
            "about:blank",
        ]
        self._process = subprocess.Popen(
            args, preexec_fn=use_pipes, close_fds=False, start_new_session=True,
            stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )
        os.close(to_browser)
        os.close(from_browser)

    def __enter__(self) -> "Chromium":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- protocol ----------------------------------------------------------------------------
    def call(self, method: str, params: dict[str, Any] | None = None, *, browser: bool = False) -> dict[str, Any]:
        """Send one command (to the page, or with ``browser=True`` to the browser) and return its result."""
        self._next_id += 1
        message: dict[str, Any] = {"id": self._next_id, "method": method, "params": params or {}}
        if not browser:
            message["sessionId"] = self._session
        os.write(self._write, json.dumps(message).encode() + b"\0")
        deadline = time.monotonic() + self.timeout
        while True:
            reply = self._receive(deadline)
            if reply is None:
                raise ChromiumError(f"no answer to {method} within {self.timeout} s")
            if reply.get("id") == self._next_id:
                if "error" in reply:
                    raise ChromiumError(f"{method}: {reply['error'].get('message')}")
                return reply.get("result", {})
            self._event(reply)

    def _receive(self, deadline: float) -> dict[str, Any] | None:
        while b"\0" not in self._buffer:
            wait = deadline - time.monotonic()
            if wait <= 0 or not select.select([self._read], [], [], wait)[0]:
                return None
            chunk = os.read(self._read, 1 << 20)
            if not chunk:
                raise ChromiumError("the browser closed the connection")
            self._buffer += chunk
        raw, self._buffer = self._buffer.split(b"\0", 1)
        return json.loads(raw)

    def _event(self, message: dict[str, Any]) -> None:
        method, params = message.get("method"), message.get("params", {})
        if method == "Network.requestWillBeSent":
            self.requests.append(params["request"]["url"])
        elif method == "Runtime.consoleAPICalled" and params["type"] in ("error", "assert"):
            self.errors.append("console: " + " ".join(str(a.get("value", a.get("description"))) for a in params["args"]))
        elif method == "Runtime.exceptionThrown":
            details = params["exceptionDetails"]
            self.errors.append("exception: " + details.get("exception", {}).get("description", details["text"]))
        elif method == "Log.entryAdded" and params["entry"]["level"] == "error":
            entry = params["entry"]
            self.errors.append(f"log: {entry['text']} {entry.get('url', '')}".strip())

    def drain(self) -> None:
        """Take in the events the browser has sent so far."""
        now = time.monotonic()
        while (message := self._receive(now)) is not None:
            self._event(message)

    # -- page --------------------------------------------------------------------------------
    def open(self, url: str) -> None:
        """Open ``url`` in a fresh page (closing the last one) and wait until it has loaded."""
        if self._target:
            self.call("Target.closeTarget", {"targetId": self._target}, browser=True)
        self.requests.clear()
        self.errors.clear()
        self._target = self.call("Target.createTarget", {"url": "about:blank"}, browser=True)["targetId"]
        self._session = self.call(
            "Target.attachToTarget", {"targetId": self._target, "flatten": True}, browser=True
        )["sessionId"]
        for domain in ("Network", "Runtime", "Log", "Page"):
            self.call(f"{domain}.enable")
        self.call("Page.navigate", {"url": url})
        self.wait_for("document.readyState === 'complete'")

    def evaluate(self, expression: str) -> Any:
        """The value of a JavaScript expression in the page (promises are awaited)."""
        result = self.call(
            "Runtime.evaluate", {"expression": expression, "returnByValue": True, "awaitPromise": True}
        )
        if "exceptionDetails" in result:
            details = result["exceptionDetails"]
            raise ChromiumError(details.get("exception", {}).get("description", details["text"]))
        return result["result"].get("value")

    def wait_for(self, expression: str, timeout: float = 10.0) -> Any:
        """Evaluate ``expression`` until it is truthy; return its value."""
        deadline = time.monotonic() + timeout
        while not (value := self.evaluate(expression)):
            if time.monotonic() > deadline:
                raise ChromiumError(f"timed out waiting for: {expression}")
            time.sleep(0.05)
        return value

    def key(self, key: str) -> None:
        """Press and release one key (``ArrowRight``, ``PageDown``, ``" "``, ``Home`` ...)."""
        code = "Space" if key == " " else key
        for kind in ("keyDown", "keyUp"):
            self.call("Input.dispatchKeyEvent", {
                "type": kind, "key": key, "code": code, "windowsVirtualKeyCode": KEY_CODES[key],
                "nativeVirtualKeyCode": KEY_CODES[key],
            })

    def click(self, x: float, y: float) -> None:
        """A left click at viewport point (``x``, ``y``) in CSS pixels."""
        self.call("Input.dispatchMouseEvent", {"type": "mouseMoved", "x": x, "y": y})
        for kind in ("mousePressed", "mouseReleased"):
            self.call("Input.dispatchMouseEvent", {"type": kind, "x": x, "y": y, "button": "left", "clickCount": 1})

    def close(self) -> None:
        """Close the browser, end what is left of its process group, and remove its profile."""
        if self._process.poll() is None:
            try:
                self.call("Browser.close", browser=True)
            except (ChromiumError, OSError):
                pass  # it may go before it answers
            try:
                self._process.wait(timeout=5)
            except subprocess.TimeoutExpired:
                pass
        try:
            os.killpg(self._process.pid, signal.SIGKILL)  # the group this browser was started in
        except ProcessLookupError:
            pass
        self._process.wait()
        for fd in (self._read, self._write):
            try:
                os.close(fd)
            except OSError:
                pass
        shutil.rmtree(self._profile, ignore_errors=True)
