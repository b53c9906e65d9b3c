"""Unexpected errors reach the log and a one-line dialog, never a traceback; About lists provenance."""

import logging
import sys

from PySide6.QtWidgets import QMessageBox

from hegang_atlas.logs import setup_logging
from hegang_atlas.qt import app as qt_app
from hegang_atlas.qt.about import AboutDialog


def test_excepthook_logs_details_and_shows_one_line(qtbot, monkeypatch, tmp_path):
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path))
    logger = logging.getLogger("hegang_atlas")
    handlers = list(logger.handlers)
    shown = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text: shown.append(text))
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    try:
        path = setup_logging()
        qt_app._install_excepthook()
        try:
            raise ValueError("bad thing\nsecond line")
        except ValueError:
            sys.excepthook(*sys.exc_info())
        for handler in logger.handlers:
            handler.flush()
        assert path == tmp_path / "hegang-atlas" / "hegang-atlas.log"
        assert "Traceback" in path.read_text()
        assert len(shown) == 1 and "ValueError: bad thing" in shown[0] and "Traceback" not in shown[0]
        assert "second line" not in shown[0] and str(path) in shown[0]
    finally:
        for handler in logger.handlers[len(handlers):]:
            logger.removeHandler(handler)
            handler.close()


def test_about_lists_documents_references_and_licences(qtbot, atlas):
    dialog = AboutDialog(atlas)
    qtbot.addWidget(dialog)
    text = dialog.browser.toPlainText()
    for doc in atlas.registry.documents.values():
        assert doc.title.en in text
    assert "BSD-2-Clause" in text and "ODbL" in text
    assert dialog.log_button.isEnabled()
