"""The trace tool records a real Chromium trace of far jumps and says where their time went."""

import json
import os
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ROW = re.compile(r"^\| (\d+) \| ([\d.]+) \| ([\d.]+) \| ([\d.]+) \| ([\d.]+) \| (\d+): ([\d.]+) \| ([\d.]+) \|$")


def test_trace_of_far_jumps(tmp_path):
    out = tmp_path / "trace.json"
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", QTWEBENGINE_DISABLE_SANDBOX="1")
    # (--unkept: every view is asked for, so each jump's request is in its row.)
    done = subprocess.run([sys.executable, "-m", "bench.trace", "--quick", "--unkept", "--moves", "2", "--out", str(out)],
                          cwd=ROOT, env=env, capture_output=True, text=True, timeout=240)  # a guard, not a timing
    assert done.returncode == 0, done.stderr[-2000:]
    rows = [ROW.match(line) for line in done.stdout.splitlines() if line.startswith("| ") and "jump" not in line]
    assert len(rows) == 2 and all(rows), done.stdout
    for row in rows:
        ms, fetch, canvas, copy = (float(row[i]) for i in (2, 3, 4, 5))
        assert ms > 0 and 0 < fetch < ms  # the big layer asked for the new view, within the jump
        assert canvas > 0 and copy > 0  # and its canvas was rasterised and handed over meanwhile
    # The trace is Chromium's own, of every thread (page, compositor, raster workers), jumps marked.
    events = json.loads(out.read_text())["traceEvents"]
    assert len({(e["pid"], e["tid"]) for e in events if e.get("ph") == "X"}) > 3
    assert sum(e.get("name") == "TimeStamp" and e["args"]["data"].get("message") == "bench view" for e in events) == 2
