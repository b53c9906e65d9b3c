"""The measuring tool against pyproj.Geod computed directly."""

import pytest
from pyproj import Geod

from hegang_atlas.model.measure import Measurement

WGS84 = Geod(ellps="WGS84")
HEGANG = [(47.33, 130.27), (47.36, 130.31), (47.30, 130.40)]  # (lat, lon)


def inv_km(a, b):
    return WGS84.inv(a[1], a[0], b[1], b[0])[2] / 1000


def test_length_is_the_sum_of_geodesic_segments():
    m = Measurement()
    for lat, lon in HEGANG:
        m.add(lat, lon)
    assert m.length_km == pytest.approx(inv_km(HEGANG[0], HEGANG[1]) + inv_km(HEGANG[1], HEGANG[2]), rel=1e-12)
    assert m.as_text() == f"3 points · {m.length_km:.2f} km"
    assert m.area_km2 is None and m.perimeter_km is None


def test_area_of_a_tenth_degree_square_near_hegang():
    corners = [(47.3, 130.3), (47.3, 130.4), (47.4, 130.4), (47.4, 130.3)]
    m = Measurement(closed=True)
    for lat, lon in corners:
        m.add(lat, lon)
    area, perimeter = WGS84.polygon_area_perimeter([c[1] for c in corners], [c[0] for c in corners])
    assert m.area_km2 == pytest.approx(abs(area) / 1e6, rel=1e-12)
    assert m.perimeter_km == pytest.approx(perimeter / 1000, rel=1e-12)
    assert 80 < m.area_km2 < 90  # about 7.5 km by 11.1 km
    closing = sum(inv_km(a, b) for a, b in zip(corners, corners[1:] + corners[:1], strict=True))
    assert m.perimeter_km == pytest.approx(closing, rel=1e-9)
    assert m.as_text() == f"area {m.area_km2:.2f} km² · perimeter {m.perimeter_km:.2f} km"


def test_area_does_not_depend_on_click_direction():
    clockwise, counter = Measurement(closed=True), Measurement(closed=True)
    for lat, lon in HEGANG:
        clockwise.add(lat, lon)
    for lat, lon in reversed(HEGANG):
        counter.add(lat, lon)
    assert clockwise.area_km2 == pytest.approx(counter.area_km2) and clockwise.area_km2 > 0


def test_undo_and_clear():
    m = Measurement(closed=True)
    assert m.undo() is None
    for lat, lon in HEGANG:
        m.add(lat, lon)
    assert m.area_km2 is not None
    assert m.undo() == HEGANG[-1]
    assert m.points == HEGANG[:2]
    assert m.area_km2 is None
    assert m.length_km == pytest.approx(inv_km(HEGANG[0], HEGANG[1]))
    assert m.as_text() == f"2 points · {m.length_km:.2f} km"
    m.clear()
    assert m.points == [] and m.closed
    assert m.length_km == 0.0
    assert m.as_text() == "0 points · 0.00 km"
    m.add(47.3, 130.3)
    assert m.as_text() == "1 point · 0.00 km"


@pytest.mark.parametrize("lat, lon", [(91, 130), (47, 181), (float("nan"), 130), (47, float("inf"))])
def test_add_rejects_non_coordinates(lat, lon):
    with pytest.raises(ValueError):
        Measurement().add(lat, lon)
