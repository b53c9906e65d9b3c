"""Guard against a Qt binding that corrupts Python's reference counts (PySide6 6.12.0 on Python 3.11).

That release dropped one reference to ``None`` on every call of a Qt method returning nothing, so
a long session aborted with "Fatal Python error: none_dealloc". pyproject.toml excludes it.
"""

import sys

from PySide6.QtCore import QObject, QTimer


def test_void_qt_calls_keep_none_alive(qapp):
    obj, timer = QObject(), QTimer()
    before = sys.getrefcount(None)
    for _ in range(2000):
        obj.setObjectName("x")
        timer.stop()
    assert sys.getrefcount(None) >= before - 50
