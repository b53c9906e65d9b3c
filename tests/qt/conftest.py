"""Qt test set-up: the ``atlas:`` scheme is registered before pytest-qt creates the QApplication."""

import pytest
from PySide6.QtCore import QCoreApplication, QEvent

from hegang_atlas.qt.scheme import register_scheme

# QtWebEngine only accepts custom schemes registered before the application object exists;
# pytest-qt creates it lazily (the ``qapp`` fixture), so registering at import time is early enough.
register_scheme()


@pytest.fixture
def map_view(qtbot):
    """A shown, empty :class:`MapView` (offscreen), deleted after the test.

    The view (with its page and profile) is deleted here rather than left to ``deleteLater``:
    a page still alive when QtWebEngine shuts down makes Qt warn "Release of profile requested
    but WebEnginePage still not deleted".
    """
    from hegang_atlas.qt.mapview import MapView

    view = MapView()
    view.resize(800, 600)
    view.show()
    yield view
    view.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


@pytest.fixture(autouse=True, scope="session")
def _file_tools_quiet(tmp_path_factory):
    """Unsaved work goes to a temporary folder (unless a test chose one); no window waits on a question."""
    from PySide6.QtWidgets import QMessageBox

    from hegang_atlas.qt import files_install

    folder = tmp_path_factory.mktemp("app-data") / "recovery"
    chosen = files_install.recovery_folder
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(
            files_install,
            "recovery_folder",
            lambda s: chosen(s) if s.value(files_install.RECOVERY_FOLDER_KEY) else folder,
        )
        patch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Discard)
        yield
