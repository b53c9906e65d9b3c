"""``python -m bench [--quick] [--json OUT.json] [--markdown OUT.md]``: every benchmark, here and now.

Each scenario runs in its own process (so peak memory is its own), for the app and for the
straightforward approach (:mod:`bench.naive`), on data made from a seed (:mod:`bench.data`).
Prints a Markdown table; ``--json`` writes the records (:class:`bench.report.Record`) as a list.
Runs offscreen unless ``QT_QPA_PLATFORM`` says otherwise; as root, QtWebEngine needs
``QTWEBENGINE_DISABLE_SANDBOX=1`` in the environment.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import subprocess
import sys
import tempfile
import time
from dataclasses import asdict, dataclass
from pathlib import Path

from bench import data, exports
from bench.report import Record, markdown, table
from hegang_atlas.qt.app import _root_without_sandbox_switch

ROOT = Path(__file__).resolve().parent.parent
DESCRIPTIONS = {
    "drawn": "add the file (read, index, page) until its features are drawn",
    "ui_stall": "longest UI-thread stall while adding",
    "peak_rss": "peak resident memory of the process",
    "page_rss": "resident memory of the page's renderer process",
    "js_heap": "page JavaScript heap",
    "pan_redraw": "pan 0.6 of a view at zoom 11, 1.5 s after the last move, until drawn",
    "pan_far": ("jump 3 views at zoom 11 (beyond the sheets the app draws ahead; drawn from the layer's whole drawing"
                " kept for the zoom, when small enough), 1.5 s after the last move, until drawn"),
    "pan_hidden": "the pan_redraw pans with the big layer hidden (the page's own layers alone)",
    "zoom_redraw": "zoom 10 -> 11, 1.5 s after the last move, until drawn",
    "zoom_far": ("zoom 10 -> 12 (beyond the sheets the app draws ahead; drawn from a kept whole drawing, when small"
                 " enough), 1.5 s after the last move, until drawn"),
    "pan_far_unkept": "pan_far when the page may keep no whole drawing (as for a layer too big to keep): every view asked for",
    "zoom_far_unkept": "zoom_far when the page may keep no whole drawing: every view asked for",
    "click_to_panel": "click a coal mine, 1.5 s after moving to it, until panel filled and highlight painted",
    "click_soon": ("click a coal mine 0.15 s after moving to it (while the app draws ahead), until panel filled and"
                   " highlight painted"),
    "toggle_small": "show/hide the coal mines until painted",
    "toggle_big": "show/hide the big layer until painted",
    "click_identify": "click a point's pixel at zoom 15, 1.5 s after moving to it, until selected and highlighted",
}


@dataclass(frozen=True)
class Plan:
    polygons: int
    vertices: int
    points: int
    startups: int
    runs: int  # samples of each interaction
    adds: int  # times each file is added
    baseline_runs: int  # the same for the baselines, whose every change reloads the whole page
    baseline_adds: int
    export_runs: int
    formats: tuple[str, ...]
    explore: bool
    timeout: float  # per process


FULL = Plan(10_000, 50, 100_000, startups=5, runs=7, adds=3, baseline_runs=3, baseline_adds=2, export_runs=3,
            formats=exports.FORMATS, explore=True, timeout=1800)
QUICK = Plan(6_000, 20, 20_000, startups=1, runs=1, adds=1, baseline_runs=1, baseline_adds=1, export_runs=1,
             formats=("gpkg", "html"), explore=False, timeout=120)


def _env(folder: Path) -> dict[str, str]:
    env = dict(os.environ, TMPDIR=str(folder))  # whatever the children leave goes with the run's folder
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), env.get("PYTHONPATH")]))
    return env


def _fresh(env: dict[str, str]) -> dict[str, str]:
    """``env`` with empty settings and data folders: no saved layout, no work to recover, and
    nothing written to the person's own."""
    home = Path(tempfile.mkdtemp(prefix="home-", dir=env["TMPDIR"]))
    return dict(env, XDG_CONFIG_HOME=str(home / "config"), XDG_DATA_HOME=str(home / "data"),
                XDG_CACHE_HOME=str(home / "cache"))


def _child(args: list[str], env: dict, timeout: float) -> dict:
    """Run ``python -m <args>`` in a fresh home; its last stdout line, as JSON."""
    t0 = time.perf_counter()
    done = subprocess.run([sys.executable, "-m", *args], cwd=ROOT, env=_fresh(env), capture_output=True, text=True,
                          timeout=timeout)
    _say(f"{' '.join(args[:3])}: {time.perf_counter() - t0:.1f} s")
    if done.returncode != 0:
        raise RuntimeError(f"{' '.join(args[:3])} failed: {done.stderr.strip().splitlines()[-1:]} ")
    return json.loads(done.stdout.strip().splitlines()[-1])


def _say(text: str) -> None:
    sys.stderr.write(f"bench: {text}\n")
    sys.stderr.flush()


def startup(plan: Plan, env: dict) -> list[Record]:
    """Process start to map ready (timed here) and window shown to map ready (timed inside)."""
    whole: dict[str, list[float]] = {"app": [], "folium": []}
    shown: dict[str, list[float]] = {"app": [], "folium": []}
    for _ in range(plan.startups):
        for approach in whole:
            t0 = time.perf_counter()
            process = subprocess.Popen([sys.executable, "-m", "bench.startup", approach], cwd=ROOT, env=_fresh(env),
                                       stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
            line = process.stdout.readline()
            whole[approach].append(time.perf_counter() - t0)
            process.wait(plan.timeout)
            shown[approach].append(json.loads(line)["show_to_ready"])
    note = "bundled atlas, 1400x900 window"
    return [Record.of("startup.process_to_ready", "s", whole["app"], "folium-inline", whole["folium"], note),
            Record.of("startup.show_to_ready", "s", shown["app"], "folium-inline", shown["folium"], note)]


def scenario(name: str, path: Path, size: str, plan: Plan, env: dict) -> list[Record]:
    """The app, then the baselines, adding ``path`` and working with it (for polygons, also the
    app's far moves when it keeps no whole drawing, against the baselines' far moves)."""
    results, failures = {}, {}
    approaches = ["app", "folium"] + (["explore"] if plan.explore and _explore_available() else [])
    for approach in approaches + (["app-unkept"] if name == "polygons" else []):
        runs, adds = (plan.runs, plan.adds) if approach.startswith("app") else (plan.baseline_runs, plan.baseline_adds)
        args = ["bench.scenarios", name, approach, str(path), "--runs", str(runs), "--adds", str(adds)]
        try:
            results[approach] = _child(args, env, plan.timeout)
        except (RuntimeError, subprocess.TimeoutExpired) as error:
            failures[approach] = str(error) if isinstance(error, RuntimeError) else f"did not finish in {plan.timeout:g} s"
    if name == "polygons":  # the far moves without kept drawings, as the app's own figures
        failed = {"samples": [], "unit": "ms", "note": failures.pop("app-unkept", "")}
        unkept = results.pop("app-unkept", None) or {"pan_far_unkept": failed, "zoom_far_unkept": failed}
        results.setdefault("app", {}).update(unkept)
    records = []
    for metric, description in DESCRIPTIONS.items():
        if metric.endswith("_unkept") and name != "polygons":
            continue
        ours = results.get("app", {}).get(metric)
        if ours is None and "app" not in failures:
            continue
        for baseline in [b for b in approaches if b != "app"] or [None]:
            theirs = results.get(baseline, {}).get(metric.removesuffix("_unkept"))
            if baseline == "explore" and theirs is None:
                continue
            app_failure = None if metric.endswith("_unkept") else failures.get("app")
            note = "; ".join(filter(None, [description, size, (ours or {}).get("note"), app_failure,
                                           failures.get(baseline) if theirs is None else None]))
            records.append(Record.of(f"{name}.{metric}", (ours or theirs or {}).get("unit", ""), (ours or {}).get("samples", []),
                                     f"{baseline}-inline" if baseline == "folium" else baseline,
                                     (theirs or {}).get("samples"), note))
    if plan.explore and not _explore_available():
        records[0].note += "; no explore() baseline: it needs matplotlib and mapclassify (pip install .[bench])"
    return records


def _explore_available() -> bool:
    return all(importlib.util.find_spec(name) is not None for name in ("matplotlib", "mapclassify"))


def export_records(plan: Plan, env: dict, folder: Path) -> list[Record]:
    """Each export format, the app's command against the straightforward script."""
    records = []
    for fmt in exports.FORMATS:
        missing = exports.exporter_missing(fmt)
        if fmt not in plan.formats or missing:
            records.append(Record.of(f"export.{fmt}", "s", [], note=missing or "skipped with --quick"))
            continue
        ours, theirs, notes = [], [], ["bundled atlas"]
        for run in range(plan.export_runs):
            ours.append(exports.timed(exports.app_command(fmt, folder / f"app{run}.{fmt}"), plan.timeout))
            if not exports.baseline_missing(fmt):
                theirs.append(exports.timed(exports.baseline_command(fmt, folder / f"base{run}.{fmt}"), plan.timeout))
        baseline = "geopandas-to_file" if fmt == "gpkg" else "folium-inline" if fmt == "html" else "folium+chromium"
        if exports.baseline_missing(fmt):
            notes.append(f"no baseline: {exports.baseline_missing(fmt)}")
        records.append(Record.of(f"export.{fmt}", "s", ours, baseline, theirs, "; ".join(notes)))
    return records


def sandbox_refused(prog: str) -> bool:
    """Whether Chromium cannot start here (as root, without ``QTWEBENGINE_DISABLE_SANDBOX``); says so."""
    if not _root_without_sandbox_switch():
        return False
    sys.stderr.write(f"{prog}: as root, set QTWEBENGINE_DISABLE_SANDBOX=1 (Chromium's sandbox cannot start)\n")
    return True


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="smaller data and one run each (for CI)")
    parser.add_argument("--json", type=Path, metavar="OUT.json", help="write the records here")
    parser.add_argument("--markdown", type=Path, metavar="OUT.md", help="write the machine and the table here")
    args = parser.parse_args(argv)
    if sandbox_refused("bench"):
        return 2
    plan = QUICK if args.quick else FULL
    with tempfile.TemporaryDirectory(prefix="hegang-bench-") as work:
        folder = Path(work)
        env = _env(folder)
        polygons = data.write(data.polygons(plan.polygons, plan.vertices), folder / "parcels.geojson")
        points = data.write(data.points(plan.points), folder / "addresses.geojson")
        t0 = time.perf_counter()
        records = startup(plan, env)
        _say(f"start-up: {time.perf_counter() - t0:.1f} s")
        records += scenario("polygons", polygons, f"{plan.polygons:,} polygons of {plan.vertices} vertices", plan, env)
        records += scenario("points", points, f"{plan.points:,} points", plan, env)
        t0 = time.perf_counter()
        records += export_records(plan, env, folder)
        _say(f"exports: {time.perf_counter() - t0:.1f} s")
    sys.stdout.write(table(records) + "\n")
    if args.json:
        args.json.write_text(json.dumps([asdict(r) for r in records], indent=1) + "\n")
    if args.markdown:
        args.markdown.write_text(markdown(records, args.quick))
    failed = [r.name for r in records if r.value is None and r.note and "failed" in r.note]
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
