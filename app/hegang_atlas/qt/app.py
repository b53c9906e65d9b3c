"""Start the window: the Qt application, the model, and the main window."""

from __future__ import annotations

import sys
from collections.abc import Sequence

ORGANIZATION = "Hegang Atlas"
APPLICATION = "hegang-atlas"


def make_application(argv: Sequence[str] = ()):
    """The QApplication, created after the ``atlas:`` URL scheme is registered (Qt requires it)."""
    from PySide6.QtWidgets import QApplication

    from hegang_atlas.qt.scheme import register_scheme

    register_scheme()
    app = QApplication.instance() or QApplication([sys.argv[0], *argv])
    app.setOrganizationName(ORGANIZATION)
    app.setApplicationName(APPLICATION)
    app.setApplicationDisplayName("Hegang Atlas")
    return app


def run(argv: Sequence[str] = ()) -> int:
    """Open the main window and run until it closes."""
    app = make_application(argv)
    from PySide6.QtWidgets import QMessageBox

    from hegang_atlas.model import AtlasError, load_atlas
    from hegang_atlas.qt.main_window import MainWindow

    try:
        atlas = load_atlas()
    except AtlasError as exc:
        QMessageBox.critical(None, "Hegang Atlas", f"The atlas data could not be loaded.\n\n{exc.message}")
        return 1
    window = MainWindow(atlas)
    window.show()
    return app.exec()
