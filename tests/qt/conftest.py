"""Qt test set-up: the ``atlas:`` scheme is registered before pytest-qt creates the QApplication."""

import pytest

from hegang_atlas.qt.scheme import register_scheme

# QtWebEngine only accepts custom schemes registered before the application object exists;
# pytest-qt creates it lazily (the ``qapp`` fixture), so registering at import time is early enough.
register_scheme()


@pytest.fixture
def map_view(qtbot):
    """A shown, empty :class:`MapView` (offscreen), closed and deleted after the test."""
    from hegang_atlas.qt.mapview import MapView

    view = MapView()
    qtbot.addWidget(view)
    view.resize(800, 600)
    view.show()
    return view
