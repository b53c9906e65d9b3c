"""Benchmark records, the machine they ran on, and the table they print as."""

from __future__ import annotations

import os
import platform
import statistics
import sys
from dataclasses import dataclass, field
from pathlib import Path

# name -> (upper bound, unit) the issue asks for; the table says whether each is met.
TARGETS = {
    "startup.show_to_ready": (1.5, "s"),
    "polygons.click_to_panel": (50.0, "ms"),
    "polygons.click_soon": (50.0, "ms"),
    "polygons.toggle_small": (50.0, "ms"),
    "polygons.toggle_big": (50.0, "ms"),
    "polygons.drawn": (5.0, "s"),
    "points.drawn": (5.0, "s"),
    "points.peak_rss": (1024.0, "MB"),
    "points.ui_stall": (100.0, "ms"),
    "polygons.ui_stall": (100.0, "ms"),
    # pan/zoom redraw, the moves the app draws ahead for and those beyond (for both layers)
    **{f"{kind}.{move}": (200.0, "ms") for kind in ("points", "polygons")
       for move in ("pan_redraw", "pan_far", "zoom_redraw", "zoom_far")},
    "polygons.pan_far_unkept": (200.0, "ms"),
    "polygons.zoom_far_unkept": (200.0, "ms"),
}
MIN_RATIO = {"polygons.toggle_big": 10.0,
             **{f"polygons.{move}": 10.0 for move in ("pan_redraw", "pan_far", "zoom_redraw", "zoom_far")}}


@dataclass
class Record:
    """One figure: the median of the app's runs against the median of a baseline's, same run.

    ``ratio`` is ``baseline_value / value``: above 1 the app is better (every figure here is a
    time or an amount of memory).
    """

    name: str
    value: float | None
    unit: str
    baseline: str | None
    baseline_value: float | None
    ratio: float | None
    runs: int
    samples: list[float] = field(default_factory=list)
    baseline_samples: list[float] = field(default_factory=list)
    note: str = ""

    @classmethod
    def of(cls, name: str, unit: str, samples: list[float], baseline: str | None = None,
           baseline_samples: list[float] | None = None, note: str = "") -> Record:
        value = statistics.median(samples) if samples else None
        base = statistics.median(baseline_samples) if baseline_samples else None
        ratio = base / value if value and base is not None else None
        return cls(name, value, unit, baseline, base, ratio, len(samples), list(samples),
                   list(baseline_samples or []), note)

    def target(self) -> str:
        """Whether the issue's target for this figure is met ("" when it sets none)."""
        checks = []
        if self.name in TARGETS and self.value is not None:
            bound, unit = TARGETS[self.name]
            checks.append(f"< {bound:g} {unit}: {'met' if self.value < bound else 'MISSED'}")
        if self.name in MIN_RATIO and self.ratio is not None and self.baseline == "folium-inline":
            bound = MIN_RATIO[self.name]
            checks.append(f"≥ {bound:g}x: {'met' if self.ratio >= bound else 'MISSED'}")
        return "; ".join(checks)


def _number(value: float | None, unit: str = "") -> str:
    if value is None:
        return "—"
    text = f"{value:.3g}" if abs(value) < 100 else f"{value:,.0f}"
    return f"{text} {unit}".strip()


def table(records: list[Record]) -> str:
    """The records as a Markdown table."""
    rows = ["| figure | app | baseline | baseline value | ratio | runs | target | note |",
            "|---|---:|---|---:|---:|---:|---|---|"]
    for r in records:
        ratio = f"{r.ratio:.1f}x" if r.ratio is not None else "—"
        rows.append(f"| {r.name} | {_number(r.value, r.unit)} | {r.baseline or '—'} | "
                    f"{_number(r.baseline_value, r.unit)} | {ratio} | {r.runs} | {r.target()} | {r.note} |")
    return "\n".join(rows)


def machine() -> dict[str, str]:
    """What the figures were measured on."""
    from PySide6 import __version__ as pyside
    from PySide6.QtCore import qVersion
    from PySide6.QtWebEngineCore import qWebEngineChromiumVersion

    cpu = next((line.split(":", 1)[1].strip() for line in _lines("/proc/cpuinfo") if line.startswith("model name")), "?")
    ram = next((line.split()[1] for line in _lines("/proc/meminfo") if line.startswith("MemTotal:")), "0")
    return {
        "cores (nproc)": str(os.cpu_count()),
        "CPU": cpu,
        "RAM": f"{int(ram) / 2**20:.1f} GiB",
        "OS": platform.platform(),
        "Python": sys.version.split()[0],
        "Qt / PySide6": f"{qVersion()} / {pyside}",
        "QtWebEngine Chromium": qWebEngineChromiumVersion(),
        "display": os.environ.get("QT_QPA_PLATFORM", "offscreen"),  # the default bench.__main__ gives its children
    }


def _lines(path: str) -> list[str]:
    try:
        return Path(path).read_text().splitlines()
    except OSError:
        return []


def markdown(records: list[Record], quick: bool) -> str:
    """A results page: the machine, then the table."""
    facts = "\n".join(f"- {key}: {value}" for key, value in machine().items())
    mode = "`python -m bench --quick` (smaller data, fewer runs)" if quick else "`python -m bench`"
    return f"# Benchmark results\n\nMeasured with {mode} on:\n\n{facts}\n\n{table(records)}\n"
