"""How big-layer features travel to the page: Web Mercator pixels, the request, the binary answer.

The page asks ``atlas://app/features/<layer>?bbox=s,w,n,e&zoom=z`` for a view, or
``?whole=1&zoom=z`` for the layer's whole drawing at that zoom, to keep while it is small (see
``LayerIndex.whole``), and gets one binary body. It adds ``&ahead=1`` when it asks ahead of need
(:func:`looks_ahead`): such requests may wait.

The body:

- 4 bytes: the length ``H`` of a UTF-8 JSON header (unsigned, little-endian);
- ``H`` bytes: the header, e.g. ``{"kind": "polygon", "zoom": 11, "x0": ..., "y0": ..., "total": ...,
  "count": ..., "more": false, "aggregated": false, "whole": false, "styles": [...],
  "arrays": [["c", 812], ...]}`` (``whole``: the answer holds every feature of the layer, as drawn
  at ``zoom``);
- zero bytes up to a multiple of 4, then each array of ``arrays`` in turn as little-endian int32.

Arrays: ``c`` the coordinates, ``x, y, x, y ...`` in whole pixels of zoom ``zoom`` relative to the
pixel ``(x0, y0)`` (so rounded to the precision that zoom can show); ``r`` the vertex count of each
ring or line (closing vertex left out); ``f`` the ring count of each feature; ``s`` the style class of
each feature (an index into ``styles``), absent when there is one class; ``k`` for aggregated points,
how many points each drawn point stands for.
"""

from __future__ import annotations

import json
import math
import struct
from urllib.parse import parse_qs

import numpy as np

TILE = 256.0
MAX_LAT = 85.0511287798
MAX_ZOOM = 22


class BadRequest(ValueError):
    """The query string is not ``bbox=s,w,n,e&zoom=z`` with finite, ordered numbers."""


def world_size(zoom: float) -> float:
    """Pixels across the world at ``zoom`` (Leaflet's ``256 * 2**zoom``)."""
    return TILE * 2.0**zoom


def to_pixels(lon: np.ndarray, lat: np.ndarray, zoom: float) -> tuple[np.ndarray, np.ndarray]:
    """Web Mercator pixel coordinates at ``zoom``, exactly as Leaflet's ``map.project``.

    Parameters
    ----------
    lon, lat : numpy.ndarray
        Degrees (EPSG:4326).
    zoom : float
        Map zoom.

    Returns
    -------
    tuple of numpy.ndarray
        ``x`` (east) and ``y`` (south) in pixels from the world's top-left corner.
    """
    size = world_size(zoom)
    sin = np.sin(np.radians(np.clip(lat, -MAX_LAT, MAX_LAT)))
    x = (np.asarray(lon, dtype=float) + 180.0) / 360.0 * size
    y = (0.5 - np.log((1.0 + sin) / (1.0 - sin)) / (4.0 * math.pi)) * size
    return x, y


def degrees_per_pixel(zoom: float, lat: float) -> tuple[float, float]:
    """Longitude and latitude degrees that one pixel spans at ``zoom`` near ``lat``."""
    lon_deg = 360.0 / world_size(zoom)
    return lon_deg, lon_deg * math.cos(math.radians(min(abs(lat), MAX_LAT)))


def parse_request(query: str) -> tuple[tuple[float, float, float, float] | None, int]:
    """The view, or the whole drawing, a query string asks for.

    Parameters
    ----------
    query : str
        ``bbox=s,w,n,e&zoom=z`` (south, west, north, east in degrees), or ``whole=1&zoom=z``.

    Returns
    -------
    tuple
        ``((s, w, n, e), zoom)`` with latitudes clamped to Web Mercator's range, longitudes to
        -180..180 and the zoom rounded to a whole level in 0..22; ``(None, zoom)`` for the whole
        layer.

    Raises
    ------
    BadRequest
        When a value is missing, not a finite number, or the box is empty.
    """
    fields = parse_qs(query, strict_parsing=False)
    try:
        zoom = float(fields["zoom"][0])
        box = None if fields.get("whole") == ["1"] else [float(v) for v in fields["bbox"][0].split(",")]
        s, w, n, e = box or (0.0, 0.0, 0.0, 0.0)
    except (KeyError, IndexError, ValueError):
        raise BadRequest(f"not bbox=s,w,n,e&zoom=z or whole=1&zoom=z: {query[:200]!r}") from None
    if not all(map(math.isfinite, (s, w, n, e, zoom))):
        raise BadRequest("numbers must be finite")
    zoom = int(min(max(round(zoom), 0), MAX_ZOOM))
    if box is None:
        return None, zoom
    s, n = max(s, -MAX_LAT), min(n, MAX_LAT)
    w, e = max(w, -180.0), min(e, 180.0)
    if not (s < n and w < e):
        raise BadRequest("empty box")
    return (s, w, n, e), zoom


def looks_ahead(query: str) -> bool:
    """Whether the page asked ahead of need (``&ahead=1``), so that views' requests go first."""
    return parse_qs(query).get("ahead") == ["1"]


def pack(header: dict, arrays: dict[str, np.ndarray]) -> bytes:
    """One binary answer (see the module docstring).

    Parameters
    ----------
    header : dict
        JSON-serialisable fields; ``arrays`` is added.
    arrays : dict of str to numpy.ndarray
        Integer arrays, written as little-endian int32 in this order.
    """
    parts = [np.ascontiguousarray(a, dtype="<i4") for a in arrays.values()]
    head = dict(header, arrays=[[name, int(a.size)] for name, a in zip(arrays, parts)])
    text = json.dumps(head, separators=(",", ":"), allow_nan=False).encode("utf-8")
    padding = -(4 + len(text)) % 4
    return b"".join([struct.pack("<I", len(text)), text, b"\0" * padding, *(a.tobytes() for a in parts)])


def unpack(body: bytes) -> dict:
    """The header of a binary answer with its arrays as numpy arrays (the page's decoder, in Python)."""
    (length,) = struct.unpack_from("<I", body)
    header = json.loads(body[4 : 4 + length].decode("utf-8"))
    offset = 4 + length + (-(4 + length) % 4)
    for name, size in header["arrays"]:
        header[name] = np.frombuffer(body, dtype="<i4", count=size, offset=offset)
        offset += 4 * size
    return header
