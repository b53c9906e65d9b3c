"""The measuring tool: points clicked on the map, their geodesic length and (closed) area."""

from __future__ import annotations

from dataclasses import dataclass, field

from hegang_atlas.model.derived import GEOD


@dataclass
class Measurement:
    """Points in click order as ``(lat, lon)``; ``closed`` measures an area instead of a path.

    Lengths and areas are geodesic on the WGS84 ellipsoid (``pyproj.Geod``).
    """

    points: list[tuple[float, float]] = field(default_factory=list)
    closed: bool = False

    def add(self, lat: float, lon: float) -> None:
        """Append a point.

        Parameters
        ----------
        lat, lon
            Degrees, WGS84.

        Raises
        ------
        ValueError
            When the coordinates are not a latitude and longitude.
        """
        lat, lon = float(lat), float(lon)
        if not (-90 <= lat <= 90 and -180 <= lon <= 180):
            raise ValueError(f"({lat}, {lon}) is not a latitude/longitude in degrees")
        self.points.append((lat, lon))

    def undo(self) -> tuple[float, float] | None:
        """Remove the last point (Backspace) and return it, or ``None`` when there are none."""
        return self.points.pop() if self.points else None

    def clear(self) -> None:
        """Remove every point; ``closed`` (the tool's mode) stays as it is."""
        self.points.clear()

    def _lats_lons(self) -> tuple[list[float], list[float]]:
        return [p[0] for p in self.points], [p[1] for p in self.points]

    @property
    def is_area(self) -> bool:
        """True when closed with at least three points, so an area can be measured."""
        return self.closed and len(self.points) >= 3

    @property
    def length_km(self) -> float:
        """Geodesic length of the path through the points in order (without closing it), in km."""
        if len(self.points) < 2:
            return 0.0
        lats, lons = self._lats_lons()
        return GEOD.line_length(lons, lats) / 1000.0

    def _area_perimeter(self) -> tuple[float, float] | None:
        if not self.is_area:
            return None
        lats, lons = self._lats_lons()
        area, perimeter = GEOD.polygon_area_perimeter(lons, lats)
        return abs(area) / 1e6, perimeter / 1000.0

    @property
    def area_km2(self) -> float | None:
        """Geodesic area of the closed polygon in km², or ``None`` when not :attr:`is_area`."""
        measured = self._area_perimeter()
        return measured[0] if measured else None

    @property
    def perimeter_km(self) -> float | None:
        """Geodesic perimeter of the closed polygon in km, or ``None`` when not :attr:`is_area`."""
        measured = self._area_perimeter()
        return measured[1] if measured else None

    def as_text(self) -> str:
        """A one-line summary: ``"3 points · 12.34 km"`` or ``"area 5.67 km² · perimeter 9.87 km"``."""
        measured = self._area_perimeter()
        if measured:
            return f"area {measured[0]:.2f} km² · perimeter {measured[1]:.2f} km"
        count = len(self.points)
        return f"{count} point{'' if count == 1 else 's'} · {self.length_km:.2f} km"
