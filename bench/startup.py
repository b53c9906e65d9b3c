"""Start-up in a fresh process: ``python -m bench.startup app|folium``.

``app`` runs the real entry point (:func:`hegang_atlas.qt.app.run`) and reports when the map
page says it is ready; ``folium`` is the straightforward start: import everything, load the atlas,
build one folium page with every layer inlined and show it. Prints one JSON line,
``{"show_to_ready": seconds}``, then exits; the parent times the whole process up to that line.
Settings go to a temporary folder (``XDG_CONFIG_HOME``), so no saved layout is restored.
"""

from __future__ import annotations

import json
import os
import sys
import time


def _report(shown: float) -> None:
    sys.stdout.write(json.dumps({"show_to_ready": time.perf_counter() - shown}) + "\n")
    sys.stdout.flush()
    os._exit(0)  # the parent has its figure; tearing QtWebEngine down is not part of start-up


def app() -> int:
    from hegang_atlas.qt import app as entry
    from hegang_atlas.qt import main_window

    show = main_window.MainWindow.show

    def timed_show(window) -> None:
        shown = time.perf_counter()
        window.controller.ready.connect(lambda: _report(shown))
        show(window)

    main_window.MainWindow.show = timed_show
    return entry.run([])


def folium() -> int:
    import folium  # noqa: F401 (the straightforward start imports everything up front)
    import geopandas  # noqa: F401
    from PySide6.QtWidgets import QApplication

    from bench.naive import NaiveApp
    from hegang_atlas.model import load_atlas
    from hegang_atlas.qt.mapview import MapView
    from hegang_atlas.qt.scheme import register_scheme

    register_scheme()
    qt = QApplication([sys.argv[0]])
    atlas = load_atlas()
    view = MapView()
    view.resize(1400, 900)
    NaiveApp(atlas, view).reload()
    shown = time.perf_counter()
    view.loadedAndReady.connect(lambda: _report(shown))
    view.show()
    return qt.exec()


if __name__ == "__main__":
    sys.exit({"app": app, "folium": folium}[sys.argv[1]]())
