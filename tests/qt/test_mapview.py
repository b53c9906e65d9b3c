"""The map view's web plumbing, on a real offscreen QtWebEngine page with no network."""

import json

import pytest
from PySide6.QtCore import QUrl

from hegang_atlas.qt.mapview import MAX_MESSAGE_BYTES, Bridge

TIMEOUT = 20_000
LOCAL_SCHEMES = ("atlas:", "qrc:", "data:")

PAGE = """<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>test</title>
<link rel="stylesheet" href="atlas://app/leaflet/leaflet.css">
<script src="atlas://app/leaflet/leaflet.js"></script>
</head><body>
<div id="map" style="width: 400px; height: 300px"></div>
<script>
function postText(text) {
  document.dispatchEvent(new CustomEvent("hegang-atlas-message", {detail: text}));
}
function post(msg) { postText(JSON.stringify(msg)); }
var map = L.map("map").setView([47.35, 130.3], 10);
L.marker([47.35, 130.3]).addTo(map);
window.hegangAtlas = {echo: function () { return Array.prototype.slice.call(arguments); }};
post({type: "ready"});
</script>
<!--%s-->
</body></html>"""


def load(qtbot, view, padding=""):
    """Show the test page (with an optional comment) and wait until it is loaded and ready."""
    with qtbot.waitSignal(view.loadedAndReady, timeout=TIMEOUT):
        view.show_html(PAGE % padding)


def evaluate(qtbot, view, js):
    """The value of the expression ``js`` in the page's main world."""
    results = []
    view.evaluate(js, results.append)
    qtbot.waitUntil(lambda: bool(results), timeout=TIMEOUT)
    return results[0]


def post(view, message):
    """Dispatch a page message from the main world, the way the page's own script does."""
    view.evaluate(f"post({json.dumps(message)})")


def test_leaflet_is_served_and_nothing_leaves_the_machine(qtbot, map_view):
    load(qtbot, map_view)
    assert evaluate(qtbot, map_view, "L.version") == "1.9.4"
    markers = "document.querySelectorAll('.leaflet-marker-icon').length"
    assert evaluate(qtbot, map_view, markers) == 1
    requests = map_view.page().requests
    assert "atlas://app/leaflet/images/marker-icon.png" in requests.seen
    assert [url for url in requests.seen if not url.startswith(LOCAL_SCHEMES)] == []
    assert requests.blocked == []


def test_page_messages_arrive_as_signals(qtbot, map_view):
    load(qtbot, map_view)
    bridge = map_view.bridge
    with qtbot.waitSignal(bridge.clicked, timeout=TIMEOUT) as clicked:
        post(map_view, {"type": "click", "layer": "coal_mines", "feature": "m-1"})
    assert clicked.args == ["coal_mines", "m-1"]
    bounds = [47.0, 130.0, 47.7, 130.6]
    with qtbot.waitSignal(bridge.viewChanged, timeout=TIMEOUT) as changed:
        post(map_view, {"type": "view", "lat": 47.35, "lon": 130.3, "zoom": 10, "bounds": bounds})
    assert changed.args == [47.35, 130.3, 10.0, bounds]
    assert bridge.rejected == 0


def test_bad_messages_from_the_page_are_counted_and_dropped(qtbot, map_view):
    load(qtbot, map_view)
    bad = [
        "not json",
        "[1, 2]",
        json.dumps({"type": "explode"}),
        json.dumps({"type": "click", "layer": "a"}),
        json.dumps({"type": "click", "layer": "a", "feature": "x" * 201}),
        json.dumps({"type": "click", "layer": "a", "feature": "b", "pad": "x" * MAX_MESSAGE_BYTES}),
    ]
    with qtbot.assertNotEmitted(map_view.bridge.clicked):
        with qtbot.waitSignal(map_view.bridge.mapClicked, timeout=TIMEOUT):
            for text in bad:
                map_view.evaluate(f"postText({json.dumps(text)})")
            post(map_view, {"type": "mapclick", "lat": 47.3, "lon": 130.2})
    assert map_view.bridge.rejected == len(bad)


@pytest.mark.parametrize(
    "message",
    [
        '{"type": "mousemove", "lat": NaN, "lon": 1}',
        '{"type": "mousemove", "lat": 1e999, "lon": 1}',
        '{"type": "mousemove", "lat": true, "lon": 1}',
        '{"type": "mousemove", "lat": "47", "lon": 1}',
        '{"type": "view", "lat": 1, "lon": 1, "zoom": 3, "bounds": [1, 2, 3]}',
        '{"type": "view", "lat": 1, "lon": 1, "zoom": 3, "bounds": [1, 2, 3, null]}',
        '{"type": "view", "lat": 1, "lon": 1, "bounds": [1, 2, 3, 4]}',
        '{"type": "dblclick", "layer": 1, "feature": "a"}',
        '"ready"',
        "[" * 100_000,
    ],
)
def test_bridge_rejects_malformed_messages(qtbot, message):
    bridge = Bridge()
    with qtbot.assertNotEmitted(bridge.mouseMoved), qtbot.assertNotEmitted(bridge.viewChanged):
        bridge.receive(message)
    assert bridge.rejected == 1


def test_navigation_away_and_new_windows_are_refused(qtbot, map_view):
    load(qtbot, map_view)
    page = map_view.page()
    with qtbot.waitSignal(page.externalLinkRequested, timeout=TIMEOUT) as asked:
        map_view.evaluate("window.location = 'https://example.com/'")
    assert asked.args == [QUrl("https://example.com/")]
    assert page.refused_navigations == ["https://example.com/"]
    assert evaluate(qtbot, map_view, "window.open('https://example.com/') === null") is True
    assert evaluate(qtbot, map_view, "location.href") == "atlas://app/index.html"
    assert map_view.url() == QUrl("atlas://app/index.html")


def test_file_and_remote_requests_are_blocked(qtbot, map_view):
    load(qtbot, map_view)
    map_view.evaluate(
        """window.R = {};
        fetch('file:///etc/passwd').then(function (r) { return r.text(); })
          .then(function (t) { R.file = t; }, function () { R.file = 'failed'; });
        fetch('atlas://app/leaflet/images/..%2f..%2f..%2fjs_lib_leaflet%2f__init__.py')
          .then(function (r) { R.escape = r.status; });
        fetch('atlas://app/leaflet/leaflet.css').then(function (r) { R.css = r.status; });
        var img = new Image();
        img.onload = function () { R.img = 'loaded'; };
        img.onerror = function () { R.img = 'failed'; };
        img.src = 'https://example.com/x.png';
        document.body.appendChild(img);"""
    )
    done = "Object.keys(R).length == 4"
    qtbot.waitUntil(lambda: evaluate(qtbot, map_view, done), timeout=TIMEOUT)
    expected = {"file": "failed", "escape": 404, "css": 200, "img": "failed"}
    assert evaluate(qtbot, map_view, "R") == expected
    assert "https://example.com/x.png" in map_view.page().requests.blocked


def test_only_the_chosen_tile_hosts_are_let_through(qtbot, map_view):
    load(qtbot, map_view)
    map_view.page().set_tile_hosts({"Tiles.invalid"})  # .invalid never resolves (RFC 2606)
    sources = [
        "https://tiles.invalid/1.png",
        "https://other.invalid/1.png",
        "http://tiles.invalid/2.png",
    ]
    map_view.evaluate(
        f"""{json.dumps(sources)}.forEach(function (src) {{
          var img = new Image(); img.src = src; document.body.appendChild(img);
        }});"""
    )
    requests = map_view.page().requests
    qtbot.waitUntil(lambda: len(requests.blocked) == 2, timeout=TIMEOUT)
    assert requests.blocked == sources[1:]
    assert sources[0] in requests.seen


def test_call_runs_the_page_api_with_json_arguments(qtbot, map_view):
    load(qtbot, map_view)
    results = []
    map_view.call("echo", 1.5, "it's </script>", None, [1, 2], callback=results.append)
    qtbot.waitUntil(lambda: bool(results), timeout=TIMEOUT)
    assert results == [[1.5, "it's </script>", None, [1, 2]]]
    with pytest.raises(ValueError):
        map_view.call("echo(); alert")
    with pytest.raises(ValueError):
        map_view.call("echo", float("nan"))


def test_a_3_mb_page_loads_through_the_scheme(qtbot, map_view):
    load(qtbot, map_view, padding="x" * 3_000_000)
    assert evaluate(qtbot, map_view, "document.documentElement.outerHTML.length") > 3_000_000
    assert evaluate(qtbot, map_view, "L.version") == "1.9.4"
