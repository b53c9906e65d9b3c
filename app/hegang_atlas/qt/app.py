"""Start the window: the Qt application, the model, and the main window."""

from __future__ import annotations

import gc
import os
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


ROOT_SANDBOX_MESSAGE = (
    "hegang-atlas: the map's web engine (Chromium) will not start as root with its sandbox on.\n"
    "Run the atlas as a normal user, or, if you accept the risk on this machine, set\n"
    "QTWEBENGINE_DISABLE_SANDBOX=1 in the environment.\n"
)


def _root_without_sandbox_switch() -> bool:
    geteuid = getattr(os, "geteuid", None)
    return geteuid is not None and geteuid() == 0 and not os.environ.get("QTWEBENGINE_DISABLE_SANDBOX")


def _install_excepthook() -> None:
    """Unexpected errors: the details go to the log; the user sees one line, and the app goes on."""
    import logging

    from PySide6.QtCore import QCoreApplication
    from PySide6.QtWidgets import QApplication, QMessageBox

    from hegang_atlas.logs import log_file

    def hook(kind, value, tb):
        logging.getLogger("hegang_atlas").error("unexpected error", exc_info=(kind, value, tb))
        if QApplication.instance() is not None:
            first_line = str(value).splitlines()[0] if str(value) else ""
            QMessageBox.warning(
                QApplication.activeWindow(),
                QCoreApplication.translate("App", "Hegang Atlas"),
                QCoreApplication.translate(
                    "App", "Something went wrong: %s: %s\nYour work is unchanged. Details are in %s."
                ) % (kind.__name__, first_line, log_file()),
            )

    sys.excepthook = hook


def freeze_startup_objects() -> None:
    """Leave what start-up made (modules, the bundled atlas, the window) out of the cycle collector.

    They live as long as the app. Left in, every full collection walks them again, holding the GIL
    for ~50 ms on 2 cores; while a worker reads a big file (whose geometries set collections off)
    that stalls the UI thread. Reference counting still frees them as usual.
    """
    gc.collect()
    gc.freeze()


def run(argv: Sequence[str] = ()) -> int:
    """Open the main window and run until it closes."""
    if _root_without_sandbox_switch():
        sys.stderr.write(ROOT_SANDBOX_MESSAGE)
        return 1
    app = make_application(argv)
    from PySide6.QtWidgets import QMessageBox

    from hegang_atlas.logs import setup_logging

    setup_logging()
    _install_excepthook()

    from PySide6.QtCore import QCoreApplication, QSettings

    from hegang_atlas.model import AtlasError, load_atlas
    from hegang_atlas.qt.i18n import chosen_language, install_translators
    from hegang_atlas.qt.main_window import MainWindow
    from hegang_atlas.qt.project_actions import open_paths

    lang = chosen_language(QSettings())
    install_translators(app, lang)

    try:
        atlas = load_atlas()
    except AtlasError as exc:
        QMessageBox.critical(
            None,
            QCoreApplication.translate("App", "Hegang Atlas"),
            QCoreApplication.translate("App", "The atlas data could not be loaded.\n\n%s") % exc.message,
        )
        return 1
    window = MainWindow(atlas, lang=lang)
    window.show()
    freeze_startup_objects()
    open_paths(window, list(argv))
    return app.exec()
