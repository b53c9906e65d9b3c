"""What a big layer shows in one map view, and which of its features is under a click.

A layer is *big* above :data:`BIG_FEATURES` features or :data:`BIG_VERTICES` vertices. The page
never holds such a layer's full geometry: for each view it asks for the features in view at the
detail the zoom needs (:meth:`LayerIndex.view`), and clicks are identified here against the full
geometry (:meth:`LayerIndex.hit`). Where the layer's whole drawing at a zoom is small
(:data:`HOLD_BYTES`), the page may keep it (:meth:`LayerIndex.whole`), so that moves at that zoom
need no request. Qt-free. One thread may call ``view`` while another calls ``hit``: the
spatial index is read-only once built and the per-zoom caches only ever gain entries.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
import pandas as pd
import shapely

from hegang_atlas.model.layers import Layer, clean
from hegang_atlas.model.wire import MAX_ZOOM, degrees_per_pixel, pack, to_pixels

BIG_FEATURES = 5_000
BIG_VERTICES = 200_000
FEATURE_CAP = 20_000  # lines or polygons per answer; beyond it the largest are sent and ``more`` is set
POINT_CAP = 20_000  # points per answer; beyond it they are aggregated on a pixel grid
SIMPLIFY_PX = 0.5  # simplification tolerance, in pixels of the zoom asked for
TINY_PX = 2.0  # a polygon narrower and lower than this is sent as its bounding box
HOLD_BYTES = 8_000_000  # a layer's whole drawing at one zoom, up to this size, is sent for the page to keep
HIT_SLOP_PX = 3.0  # how far outside a drawn feature a click still counts
LEAFLET_RADIUS, LEAFLET_WEIGHT = 10.0, 3.0  # Leaflet's defaults for circle markers and paths
KINDS = {"Point": "point", "LineString": "line", "Polygon": "polygon"}


def is_big(layer: Layer) -> bool:
    """Whether the page should ask for ``layer`` view by view instead of holding all of it inlined.

    Layers of mixed geometry are never big (the page draws one kind per big layer).
    """
    if layer.definition.geometry not in KINDS:
        return False
    if len(layer) > BIG_FEATURES:
        return True
    return int(shapely.get_num_coordinates(np.asarray(layer.frame.geometry.array)).sum()) > BIG_VERTICES


def style_classes(layer: Layer) -> tuple[list[dict], np.ndarray]:
    """The distinct Leaflet styles of a layer's features and each feature's style index.

    A feature's style is the base style, then its category's (``style.by``), then its position
    quality's, as ``atlas.js`` merges them for small layers.
    """
    style = layer.definition.style
    frame = layer.frame
    by = style.by
    cat_codes, cats = _factorize(frame[by.field] if by is not None and by.field in frame else None, len(frame))
    q_codes, qualities = _factorize(frame.get("position_quality"), len(frame))
    codes, pairs = pd.factorize(cat_codes * (len(qualities) + 1) + q_codes)
    styles = []
    for pair in pairs:
        cat, q = cats[pair // (len(qualities) + 1)], qualities[pair % (len(qualities) + 1)]
        merged = dict(style.leaflet())
        if by is not None and cat in by.values:
            merged.update(by.values[cat].leaflet())
        if q in style.quality:
            merged.update(style.quality[q].leaflet())
        styles.append(merged)
    return styles, codes.astype(np.int32)


def _factorize(values: pd.Series | None, n: int) -> tuple[np.ndarray, list[str | None]]:
    """Codes from 0 and the distinct values as page text (``None`` last, for missing values)."""
    if values is None:
        return np.zeros(n, dtype=np.int64), [None]
    codes, uniques = pd.factorize(values)
    texts = [None if clean(v) is None else str(clean(v)) for v in uniques] + [None]
    return np.where(codes < 0, len(uniques), codes), texts


@dataclass(frozen=True)
class ViewAnswer:
    """What one view of a big layer sends to the page.

    Attributes
    ----------
    header : dict
        The JSON header (see :mod:`hegang_atlas.model.wire`).
    arrays : dict of str to numpy.ndarray
        The integer arrays, in wire order.
    rows : numpy.ndarray
        The layer rows drawn, in answer order (for aggregated points, one row per drawn point).
    """

    header: dict
    arrays: dict[str, np.ndarray]
    rows: np.ndarray

    def body(self) -> bytes:
        """The answer as the page receives it."""
        return pack(self.header, self.arrays)


class LayerIndex:
    """A spatial index over one layer, answering views and clicks.

    Parameters
    ----------
    layer : Layer
        A layer of points, lines or polygons (see :func:`is_big`).
    """

    def __init__(self, layer: Layer) -> None:
        self.layer_id = layer.id
        self.kind = KINDS[layer.definition.geometry]
        self.ids = layer.frame.index.to_numpy()
        self.styles, self.classes = style_classes(layer)
        self._geoms = np.asarray(layer.frame.geometry.array)
        w, s, e, n = layer.frame.total_bounds
        self._box = (float(s), float(w), float(n), float(e))
        self._lat = (s + n) / 2.0
        if self.kind == "point":
            xy, self._coord_row = shapely.get_coordinates(self._geoms, return_index=True)
            self._x, self._y = np.ascontiguousarray(xy[:, 0]), np.ascontiguousarray(xy[:, 1])
            self._radius = max(float(st.get("radius", LEAFLET_RADIUS)) for st in self.styles)
        else:
            self._tree = shapely.STRtree(self._geoms)
            self._bounds = shapely.bounds(self._geoms)
            self._weight = max(float(st.get("weight", LEAFLET_WEIGHT)) for st in self.styles)
            self._cache: dict[int, np.ndarray] = {}
        self._too_big_from = MAX_ZOOM + 1  # the lowest zoom whose whole drawing was found too big to send

    def __len__(self) -> int:
        return len(self.ids)

    # -- views ------------------------------------------------------------------------------
    def view(self, bbox: tuple[float, float, float, float], zoom: int) -> ViewAnswer:
        """The features inside ``bbox`` at the detail ``zoom`` shows.

        Parameters
        ----------
        bbox : tuple of float
            South, west, north, east (degrees).
        zoom : int
            Whole zoom level: sets the simplification tolerance, the coordinate precision (whole
            pixels) and, for points, the aggregation grid.

        Returns
        -------
        ViewAnswer
            Lines and polygons that intersect the box (at most :data:`FEATURE_CAP`, the largest
            first, with ``more`` set when some were left out), simplified with a tolerance of
            :data:`SIMPLIFY_PX` pixels and still valid; or points inside the box, one per pixel
            cell when there are more than :data:`POINT_CAP` (``aggregated`` set, ``k`` counts).
        """
        header = self._header(bbox, zoom)
        if self.kind == "point":
            return self._points(header, bbox, zoom)
        return self._shapes(header, bbox, zoom)

    def _header(self, bbox, zoom: int) -> dict:
        s, w, n, e = bbox
        x0, y0 = (math.floor(float(v)) for v in np.concatenate(to_pixels(np.array([w]), np.array([n]), zoom)))
        return {"kind": self.kind, "zoom": zoom, "x0": x0, "y0": y0, "bbox": [s, w, n, e], "styles": self.styles}

    def whole(self, zoom: int) -> ViewAnswer:
        """The whole layer as drawn at ``zoom`` (``whole`` set in the header), for the page to keep;
        or, when that would be more than about :data:`HOLD_BYTES` or not every feature as it is
        (more than :data:`FEATURE_CAP` shapes, or points aggregated), an answer with no features and
        ``whole`` unset.

        Encodes every feature for ``zoom`` that is not yet (see :meth:`warm`), unless
        :meth:`may_send_whole` already says no. A zoom found too big rules out the zooms above it
        (drawings only grow with the zoom, give or take a vertex).
        """
        size = None
        if self.may_send_whole(zoom):
            if self.kind == "point":
                size = 8 * self._x.size + 4 * len(self)
            else:
                drawn = self.encoded(np.arange(len(self)), zoom)
                size = sum(8 * xy.shape[0] + 4 * rings.size + 8 for xy, rings in drawn)
            if size > HOLD_BYTES:
                self._too_big_from = min(self._too_big_from, zoom)
        if size is None or size > HOLD_BYTES:
            header = dict(self._header(self._box, zoom), total=len(self), count=0, more=True, aggregated=False, whole=False)
            return ViewAnswer(header, {"c": np.empty(0, dtype=np.int64)}, np.empty(0, dtype=np.int64))
        answer = self.view(self._box, zoom)
        answer.header["whole"] = True
        return answer

    def may_send_whole(self, zoom: int) -> bool:
        """Whether :meth:`whole` may send the layer at ``zoom``, as far as is known without encoding
        it: few enough features (each takes at least 8 bytes), and no lower zoom found too big."""
        if self.kind == "point":
            return self._x.size <= POINT_CAP and 8 * self._x.size <= HOLD_BYTES
        return len(self) <= FEATURE_CAP and 8 * len(self) <= HOLD_BYTES and zoom < self._too_big_from

    def _points(self, header: dict, bbox, zoom: int) -> ViewAnswer:
        s, w, n, e = bbox
        inside = np.flatnonzero((self._x >= w) & (self._x <= e) & (self._y >= s) & (self._y <= n))
        inside_rows = self._coord_row[inside]  # ascending: a multipoint's points are consecutive
        total = int(np.count_nonzero(np.diff(inside_rows))) + 1 if inside.size else 0
        px, py = to_pixels(self._x[inside], self._y[inside], zoom)
        qx = np.rint(px).astype(np.int64) - header["x0"]
        qy = np.rint(py).astype(np.int64) - header["y0"]
        arrays: dict[str, np.ndarray] = {}
        cell = 1
        if inside.size > POINT_CAP:
            while True:
                keys = (qx // cell) * (1 << 31) + qy // cell
                _, first, counts = np.unique(keys, return_index=True, return_counts=True)
                if first.size <= POINT_CAP:
                    break
                cell *= 2
            inside, qx, qy = inside[first], qx[first], qy[first]
            arrays["k"] = counts
        rows = self._coord_row[inside]
        arrays = {"c": np.column_stack([qx, qy]).ravel(), **self._class_array(rows), **arrays}
        header.update(total=total, count=int(rows.size), more=False, aggregated="k" in arrays, cell=cell, whole=False)
        return ViewAnswer(header, arrays, rows)

    def _shapes(self, header: dict, bbox, zoom: int) -> ViewAnswer:
        s, w, n, e = bbox
        rows = np.sort(self._tree.query(shapely.box(w, s, e, n), predicate="intersects"))
        total = rows.size
        if total > FEATURE_CAP:
            b = self._bounds[rows]
            largest = np.argsort(-(b[:, 2] - b[:, 0]) * (b[:, 3] - b[:, 1]), kind="stable")[:FEATURE_CAP]
            rows = np.sort(rows[largest])
        drawn = self.encoded(rows, zoom)
        xy = np.concatenate([np.empty((0, 2), dtype=np.int32), *(d[0] for d in drawn)])
        arrays = {"c": (xy - np.array([header["x0"], header["y0"]], dtype=np.int64)).ravel(),
                  "r": np.concatenate([np.empty(0, dtype=np.int32), *(d[1] for d in drawn)]),
                  "f": np.fromiter((d[1].size for d in drawn), dtype=np.int64, count=rows.size),
                  **self._class_array(rows)}
        header.update(total=int(total), count=int(rows.size), more=bool(total > rows.size), aggregated=False, whole=False)
        return ViewAnswer(header, arrays, rows)

    def _class_array(self, rows: np.ndarray) -> dict[str, np.ndarray]:
        return {"s": self.classes[rows]} if len(self.styles) > 1 else {}

    def encoded(self, rows: np.ndarray, zoom: int) -> np.ndarray:
        """How ``rows`` are drawn at ``zoom``: for each, ``(xy, ring_sizes)``, int32 arrays of its
        vertices in whole pixels from the world's top-left corner (see :meth:`_encode`) and of its
        rings' vertex counts.

        Computed once per feature and zoom, then cached: a view only gathers them.
        """
        cache = self._zoom_cache(zoom)
        missing = rows[np.equal(cache[rows], None)]
        if missing.size:
            coords, sizes, per_feature = self._encode(self.simplified(missing, zoom), zoom)
            ring_feature = np.repeat(np.arange(missing.size), per_feature)
            vertices = np.bincount(ring_feature, weights=sizes, minlength=missing.size).astype(np.int64)
            xy = np.split(coords.reshape(-1, 2).astype(np.int32), np.cumsum(vertices)[:-1])
            rings = np.split(sizes.astype(np.int32), np.cumsum(per_feature)[:-1])
            for row, feature_xy, feature_rings in zip(missing, xy, rings):
                cache[row] = (feature_xy, feature_rings)
        return cache[rows]

    def warm(self, zoom: int, limit: int) -> int:
        """Simplify and encode up to ``limit`` more features for ``zoom`` ahead of any request for them.

        Returns
        -------
        int
            How many features of the layer are still not encoded for ``zoom``.
        """
        if self.kind == "point":
            return 0
        missing = np.flatnonzero(np.equal(self._zoom_cache(zoom), None))
        self.encoded(missing[:limit], zoom)
        return max(0, missing.size - limit)

    def _zoom_cache(self, zoom: int) -> np.ndarray:
        """Each feature's drawing at ``zoom`` (see :meth:`encoded`), ``None`` where not yet computed."""
        return self._cache.setdefault(zoom, np.full(len(self.ids), None, dtype=object))

    def simplified(self, rows: np.ndarray, zoom: int) -> np.ndarray:
        """The geometries of ``rows`` as drawn at ``zoom``: simplified, valid, polygons oriented."""
        dx, dy = degrees_per_pixel(zoom, self._lat)
        geoms = self._geoms[rows]
        out = np.empty(rows.size, dtype=object)
        tiny = np.zeros(rows.size, dtype=bool)
        if self.kind == "polygon":
            b = self._bounds[rows]
            tiny = (b[:, 2] - b[:, 0] < TINY_PX * dx) & (b[:, 3] - b[:, 1] < TINY_PX * dy)
            out[tiny] = shapely.envelope(geoms[tiny])
        rest = geoms[~tiny]
        tolerance = SIMPLIFY_PX * dy
        # Douglas-Peucker first (several times faster); whatever it breaks is redone preserving topology.
        quick = shapely.simplify(rest, tolerance, preserve_topology=False)
        broken = shapely.is_empty(quick) | ~shapely.is_valid(quick)
        if broken.any():
            quick[broken] = shapely.simplify(rest[broken], tolerance, preserve_topology=True)
        out[~tiny] = quick
        return shapely.orient_polygons(out) if self.kind == "polygon" else out

    def _encode(self, geoms: np.ndarray, zoom: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """Whole-pixel coordinates from the world's top-left corner, vertices per ring (closing vertex
        and repeats dropped), rings per feature."""
        parts, part_feature = shapely.get_parts(geoms, return_index=True)
        if self.kind == "polygon":
            rings, ring_part = shapely.get_rings(parts, return_index=True)
            exterior = np.r_[True, ring_part[1:] != ring_part[:-1]] if ring_part.size else np.zeros(0, bool)
        else:
            rings, ring_part = parts, np.arange(parts.size)
            exterior = np.ones(parts.size, dtype=bool)
        ring_feature = part_feature[ring_part]
        xy, vertex_ring = shapely.get_coordinates(rings, return_index=True)
        px, py = to_pixels(xy[:, 0], xy[:, 1], zoom)
        qx = np.rint(px).astype(np.int64)
        qy = np.rint(py).astype(np.int64)
        keep = np.ones(qx.size, dtype=bool)
        keep[1:] = ~((qx[1:] == qx[:-1]) & (qy[1:] == qy[:-1]) & (vertex_ring[1:] == vertex_ring[:-1]))
        if self.kind == "polygon" and qx.size:
            keep[np.cumsum(np.bincount(vertex_ring, minlength=rings.size)) - 1] = False  # closing vertex
        sizes = np.bincount(vertex_ring[keep], minlength=rings.size)
        ring_kept = exterior | (sizes >= 3)  # holes that shrank below a pixel go
        keep &= ring_kept[vertex_ring]
        coords = np.column_stack([qx[keep], qy[keep]]).ravel()
        per_feature = np.bincount(ring_feature[ring_kept], minlength=geoms.size)
        return coords, sizes[ring_kept], per_feature

    # -- clicks -----------------------------------------------------------------------------
    def hit(self, lat: float, lon: float, zoom: float) -> str | None:
        """The id of the feature drawn under ``(lat, lon)`` at ``zoom``, or ``None``.

        Points: the nearest within its circle's radius plus :data:`HIT_SLOP_PX` pixels. Polygons:
        the one containing the point that is drawn on top, else (like lines) the nearest within
        half the line width plus :data:`HIT_SLOP_PX` pixels. Distances are measured in Web
        Mercator pixels of ``zoom`` for points and converted to degrees for lines and polygons.
        """
        if self.kind == "point":
            row = self._hit_point(lat, lon, zoom)
        else:
            row = self._hit_shape(lat, lon, zoom)
        return None if row is None else str(self.ids[row])

    def _hit_point(self, lat: float, lon: float, zoom: float) -> int | None:
        reach = self._radius + HIT_SLOP_PX
        dx, dy = degrees_per_pixel(zoom, lat)
        near = np.flatnonzero((np.abs(self._x - lon) <= reach * dx) & (np.abs(self._y - lat) <= reach * dy))
        if not near.size:
            return None
        px, py = to_pixels(self._x[near], self._y[near], zoom)
        cx, cy = to_pixels(np.array([lon]), np.array([lat]), zoom)
        distance = np.hypot(px - cx[0], py - cy[0])
        best = int(np.argmin(distance))
        return int(self._coord_row[near[best]]) if distance[best] <= reach else None

    def _hit_shape(self, lat: float, lon: float, zoom: float) -> int | None:
        point = shapely.Point(lon, lat)
        if self.kind == "polygon":
            inside = self._tree.query(point, predicate="intersects")
            if inside.size:
                return int(max(inside, key=lambda r: (self.classes[r], r)))
        reach = (self._weight / 2.0 + HIT_SLOP_PX) * degrees_per_pixel(zoom, lat)[0]
        near = self._tree.query(point, predicate="dwithin", distance=reach)
        if not near.size:
            return None
        return int(near[np.argmin(shapely.distance(self._geoms[near], point))])
