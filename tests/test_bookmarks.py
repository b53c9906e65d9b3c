"""Bookmarks: an ordered list with unique names that tells views when it changes."""

import dataclasses

import pytest

from hegang_atlas.model.bookmarks import Bookmark, Bookmarks

CITY = Bookmark("City centre", 47.33, 130.28, 12)
MINE = Bookmark(name="Xinxing mine", lat=47.29, lon=130.33, zoom=14.5)


@pytest.fixture
def marks():
    return Bookmarks([CITY])


@pytest.fixture
def events(marks):
    """The number of bookmarks at each ``changed`` event."""
    seen = []
    marks.changed.connect(lambda: seen.append(len(marks)))
    return seen


def test_add_get_and_order(marks, events):
    marks.add(MINE)
    assert [b.name for b in marks] == ["City centre", "Xinxing mine"]
    assert marks.get("Xinxing mine") == MINE
    assert "City centre" in marks and len(marks) == 2
    assert events == [2]


def test_names_are_unique(marks, events):
    with pytest.raises(ValueError, match="already exists"):
        marks.add(Bookmark("City centre", 0, 0, 1))
    with pytest.raises(ValueError, match="already exists"):
        Bookmarks([CITY, CITY])
    assert events == []


def test_rename_keeps_place_and_view(marks, events):
    marks.add(MINE)
    marks.rename("City centre", "Downtown")
    assert [b.name for b in marks] == ["Downtown", "Xinxing mine"]
    assert marks.get("Downtown") == Bookmark("Downtown", CITY.lat, CITY.lon, CITY.zoom)
    marks.rename("Downtown", "Downtown")  # no change, no event
    with pytest.raises(ValueError, match="already exists"):
        marks.rename("Downtown", "Xinxing mine")
    with pytest.raises(KeyError, match="no bookmark named 'nope'"):
        marks.rename("nope", "x")
    assert events == [2, 2]


def test_delete(marks, events):
    marks.delete("City centre")
    assert list(marks) == []
    with pytest.raises(KeyError):
        marks.delete("City centre")
    with pytest.raises(KeyError):
        marks.get("City centre")
    assert events == [0]


def test_replace_emits_once_and_checks_names(marks, events):
    marks.replace([MINE, CITY])
    assert list(marks) == [MINE, CITY]
    with pytest.raises(ValueError):
        marks.replace([MINE, MINE])
    assert list(marks) == [MINE, CITY]
    assert events == [2]


def test_iterating_is_a_snapshot(marks):
    marks.add(MINE)
    for bookmark in marks:
        marks.delete(bookmark.name)
    assert len(marks) == 0


@pytest.mark.parametrize(
    "args", [("", 47, 130, 10), ("x", 91, 130, 10), ("x", 47, 181, 10), ("x", 47, 130, -1), ("x", float("nan"), 130, 1)]
)
def test_invalid_bookmark(args):
    with pytest.raises(ValueError):
        Bookmark(*args)


def test_bookmarks_are_immutable():
    with pytest.raises(dataclasses.FrozenInstanceError):
        CITY.name = "other"
