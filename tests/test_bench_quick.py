"""The benchmark suite runs in its short mode and writes well-formed records."""

import json
import math
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FIELDS = {"name", "value", "unit", "baseline", "baseline_value", "ratio", "runs"}


def test_quick_bench_writes_records(tmp_path):
    out = tmp_path / "tmp.json"
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", QTWEBENGINE_DISABLE_SANDBOX="1")
    done = subprocess.run([sys.executable, "-m", "bench", "--quick", "--json", str(out)], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=400)  # a guard against a hang, not a timing
    assert done.returncode == 0, done.stderr[-2000:]
    records = json.loads(out.read_text())
    assert isinstance(records, list) and len(records) >= 20
    names = {r["name"] for r in records}
    for expected in ("startup.show_to_ready", "polygons.click_to_panel", "polygons.click_soon", "polygons.toggle_big",
                     "polygons.drawn", "points.drawn", "points.peak_rss", "points.pan_redraw", "points.click_identify",
                     "export.gpkg"):
        assert expected in names
    for r in records:
        assert FIELDS <= set(r), r
        assert isinstance(r["name"], str) and isinstance(r["unit"], str) and isinstance(r["runs"], int)
        if r["value"] is None:  # skipped (an exporter still missing, or --quick): says why
            assert r["runs"] == 0 and r["note"]
            continue
        assert math.isfinite(r["value"]) and r["value"] >= 0 and r["runs"] >= 1
        if r["baseline_value"] is not None and r["value"] > 0:
            assert r["ratio"] == r["baseline_value"] / r["value"]
    measured = [r for r in records if r["value"] is not None]
    assert all(r["baseline"] for r in measured if not r["name"].startswith("export."))
    assert "| figure |" in done.stdout
