"""Synthetic user layers over Hegang prefecture, made from a seed (never downloaded).

Points cluster around a few dozen centres, as addresses cluster around towns; polygons are
star-shaped (valid by construction) parcels of ~50 vertices, 150-900 m across.
"""

from __future__ import annotations

from pathlib import Path

import geopandas as gpd
import numpy as np
import shapely

WEST, SOUTH, EAST, NORTH = 129.7, 47.1, 132.4, 48.25  # inside the prefecture outline


def points(n: int, seed: int = 1) -> gpd.GeoDataFrame:
    """``n`` points: 80% in 40 normal clusters, 20% spread evenly; columns ``name``, ``value``."""
    rng = np.random.default_rng(seed)
    centres = np.column_stack([rng.uniform(WEST, EAST, 40), rng.uniform(SOUTH, NORTH, 40)])
    clustered = int(n * 0.8)
    pick = rng.integers(0, len(centres), clustered)
    xy = np.vstack([
        centres[pick] + rng.normal(0.0, 0.04, (clustered, 2)),
        np.column_stack([rng.uniform(WEST, EAST, n - clustered), rng.uniform(SOUTH, NORTH, n - clustered)]),
    ])
    xy[:, 0] = np.clip(xy[:, 0], WEST, EAST)
    xy[:, 1] = np.clip(xy[:, 1], SOUTH, NORTH)
    return _frame(shapely.points(xy), rng, "pt")


def polygons(n: int, vertices: int = 50, seed: int = 2) -> gpd.GeoDataFrame:
    """``n`` star-shaped polygons of ``vertices`` vertices (closing one included)."""
    rng = np.random.default_rng(seed)
    cx, cy = rng.uniform(WEST, EAST, n), rng.uniform(SOUTH, NORTH, n)
    radius = rng.uniform(0.001, 0.006, n)  # degrees of latitude: ~110-670 m
    k = vertices - 1
    angle = np.sort(rng.uniform(0.0, 2.0 * np.pi, (n, k)), axis=1)
    r = radius[:, None] * rng.uniform(0.6, 1.0, (n, k))
    x = cx[:, None] + r * np.cos(angle) / np.cos(np.radians(cy[:, None]))
    y = cy[:, None] + r * np.sin(angle)
    ring = np.stack([np.c_[x, x[:, :1]], np.c_[y, y[:, :1]]], axis=-1).reshape(-1, 2)
    shapes = shapely.polygons(shapely.linearrings(ring, indices=np.repeat(np.arange(n), vertices)))
    return _frame(shapes, rng, "pg")


def _frame(geometry: np.ndarray, rng: np.random.Generator, prefix: str) -> gpd.GeoDataFrame:
    n = len(geometry)
    return gpd.GeoDataFrame(
        {"name": [f"{prefix}{i}" for i in range(n)], "value": rng.integers(0, 1000, n)},
        geometry=geometry, crs="EPSG:4326",
    )


def write(frame: gpd.GeoDataFrame, path: Path) -> Path:
    """Write ``frame`` as GeoJSON (the format people most often bring) and return ``path``."""
    frame.to_file(path, driver="GeoJSON", engine="pyogrio")
    return path
