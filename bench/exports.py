"""Exports, each timed as a whole command in a fresh process.

The app: ``python -m hegang_atlas export FORMAT OUT``. The straightforward approach
(``python -m bench.exports FORMAT OUT``): GeoPackage by ``GeoDataFrame.to_file`` per layer, HTML by
``folium.Map.save`` with the GeoJSON inlined, PNG and PDF by printing that page with headless
Chromium (when ``/usr/bin/chromium`` is there).
"""

from __future__ import annotations

import importlib.util
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

FORMATS = ("gpkg", "html", "png", "pdf")
EXPORTER = {"gpkg": "gpkg", "html": "html", "png": "image", "pdf": "image"}
CHROMIUM = Path("/usr/bin/chromium")
SIZE = (1600, 1000)


def exporter_missing(fmt: str) -> str | None:
    """Why the app cannot export ``fmt`` here, or ``None`` when it can."""
    if importlib.util.find_spec(f"hegang_atlas.export.{EXPORTER[fmt]}") is None:
        return f"hegang_atlas.export.{EXPORTER[fmt]} is not there yet"
    return None


def baseline_missing(fmt: str) -> str | None:
    """Why the straightforward export of ``fmt`` cannot run here, or ``None``."""
    if fmt in ("png", "pdf") and not CHROMIUM.exists():
        return f"{CHROMIUM} is not installed"
    return None


def timed(command: list[str], timeout: float) -> float:
    """Seconds the command took; raises ``CalledProcessError`` when it failed."""
    t0 = time.perf_counter()
    subprocess.run(command, check=True, capture_output=True, timeout=timeout)
    return time.perf_counter() - t0


def app_command(fmt: str, out: Path) -> list[str]:
    return [sys.executable, "-m", "hegang_atlas", "export", fmt, str(out)]


def baseline_command(fmt: str, out: Path) -> list[str]:
    return [sys.executable, "-m", "bench.exports", fmt, str(out)]


def _naive_export(fmt: str, out: Path) -> None:
    from bench.naive import atlas_layers, folium_map
    from hegang_atlas.model import load_atlas
    from hegang_atlas.qt.scheme import leaflet_dir

    atlas = load_atlas()
    if fmt == "gpkg":
        for layer in atlas.layers:
            frame = layer.frame.reset_index()
            frame["claims"] = frame["claims"].map(";".join)
            frame.to_file(out, layer=layer.id, driver="GPKG")
        return
    fmap = folium_map(atlas, atlas_layers(atlas))
    if fmt == "html":
        fmap.default_js, fmap.default_css = type(fmap).default_js, type(fmap).default_css
        fmap.save(str(out))
        return
    with tempfile.TemporaryDirectory() as folder:
        page = Path(folder) / "map.html"
        fmap.default_js = [("leaflet", (leaflet_dir() / "leaflet.js").as_uri())]
        fmap.default_css = [("leaflet_css", (leaflet_dir() / "leaflet.css").as_uri())]
        fmap.save(str(page))
        flag = f"--screenshot={out}" if fmt == "png" else f"--print-to-pdf={out}"
        # As root Chromium needs its sandbox off; `python -m bench` runs as root only when the person
        # turned the sandbox off for QtWebEngine (QTWEBENGINE_DISABLE_SANDBOX), and so for this too.
        root = ["--no-sandbox"] if os.environ.get("QTWEBENGINE_DISABLE_SANDBOX") else []
        subprocess.run([str(CHROMIUM), "--headless", *root, "--disable-gpu", f"--window-size={SIZE[0]},{SIZE[1]}",
                        "--no-pdf-header-footer", flag, page.as_uri()], check=True, capture_output=True, timeout=120)


if __name__ == "__main__":
    _naive_export(sys.argv[1], Path(sys.argv[2]))
