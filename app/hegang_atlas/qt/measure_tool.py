"""The measuring tool: clicks on the map add points; the status bar shows the geodesic length or area."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QLabel

from hegang_atlas.model.measure import Measurement

_KEYS = (Qt.Key.Key_Backspace, Qt.Key.Key_Escape, Qt.Key.Key_Return, Qt.Key.Key_Enter)


class MeasureTool(QObject):
    """Measure a distance (Ctrl+M) or an area (Ctrl+Shift+M) by clicking on the map.

    While a mode is on, every click on the map (on a feature too) adds a point to
    :attr:`measurement`; the page draws the line or polygon and the status bar shows
    :meth:`Measurement.as_text` (geodesic, WGS84). Keys, wherever the focus is in the window
    (the web view too): Backspace removes the last point, Esc ends the tool and clears the
    drawing, Enter finishes and keeps the drawing and the readout (until the next measurement,
    or Esc).

    The keys are taken from the ``ShortcutOverride`` event, which Qt sends to the focus widget
    and its parents up to the window before it looks for shortcuts: a filter on the window sees it
    for every widget inside, and accepting it keeps Esc from the window's Clear selection. (An
    event filter on the whole application would see QtWebEngine's internal Qt Quick objects, which
    PySide cannot wrap: it crashes.)

    Parameters
    ----------
    window
        The main window (uses its ``controller`` and status bar).

    Attributes
    ----------
    distance_action, area_action : QAction
        Checkable; checked while that mode collects points.
    measurement : Measurement
        The points measured so far.
    readout : QLabel
        The permanent status-bar widget with the result.
    """

    def __init__(self, window) -> None:
        super().__init__(window)
        self._window = window
        self._controller = window.controller
        self._filtering = False
        self.measurement = Measurement()
        self.distance_action = self._make_action(self.tr("Measure &distance"), "Ctrl+M", closed=False)
        self.area_action = self._make_action(self.tr("Measure &area"), "Ctrl+Shift+M", closed=True)
        self.readout = QLabel(window)
        self.readout.setAccessibleName(self.tr("Measurement"))
        self.readout.setToolTip(self.tr("Geodesic, on the WGS84 ellipsoid"))
        self.readout.hide()
        window.statusBar().addPermanentWidget(self.readout)
        self._controller.mapClicked.connect(self._on_map_clicked)
        self._controller.ready.connect(self._on_page_ready)

    def _make_action(self, text: str, shortcut: str, closed: bool) -> QAction:
        action = QAction(text, self._window, checkable=True)
        action.setShortcut(QKeySequence(shortcut))
        action.setShortcutContext(Qt.ShortcutContext.ApplicationShortcut)
        action.triggered.connect(lambda checked: self.start(closed) if checked else self.finish())
        return action

    # -- state ------------------------------------------------------------------------------
    @property
    def active(self) -> bool:
        """True while a mode collects points."""
        return self.distance_action.isChecked() or self.area_action.isChecked()

    def start(self, closed: bool) -> None:
        """Start a new measurement: a path (``closed=False``) or an area (``closed=True``)."""
        self.measurement = Measurement(closed=closed)
        self.distance_action.setChecked(not closed)
        self.area_action.setChecked(closed)
        self._set_filtering(True)
        self._controller.call("setMeasuring", True)
        self._show()

    def finish(self) -> None:
        """Stop adding points; the drawing and the readout stay."""
        self.distance_action.setChecked(False)
        self.area_action.setChecked(False)
        self._controller.call("setMeasuring", False)
        self._set_filtering(bool(self.measurement.points))

    def end(self) -> None:
        """Stop measuring and clear the drawing and the readout."""
        self.finish()
        self.measurement.clear()
        self._set_filtering(False)
        self._controller.call("clearMeasure")
        self.readout.hide()

    def undo(self) -> None:
        """Remove the last point."""
        if self.measurement.undo() is not None:
            self._show()

    def _show(self) -> None:
        m = self.measurement
        self._controller.call("drawMeasure", [list(p) for p in m.points], m.closed)
        kind = self.tr("Area") if m.closed else self.tr("Distance")
        self.readout.setText(f"{kind}: {m.as_text()}")
        self.readout.show()

    def _set_filtering(self, on: bool) -> None:
        """Watch the window's keys while something is measured or shown."""
        if on == self._filtering:
            return
        if on:
            self._window.installEventFilter(self)
        else:
            self._window.removeEventFilter(self)
        self._filtering = on

    # -- events -----------------------------------------------------------------------------
    def _on_map_clicked(self, lat: float, lon: float) -> None:
        if self.active:
            self.measurement.add(lat, (lon + 180.0) % 360.0 - 180.0)  # Leaflet's longitudes may wrap
            self._show()

    def _on_page_ready(self) -> None:
        # A rebuilt page (layers added or removed) starts without the drawing.
        if self.active:
            self._controller.call("setMeasuring", True)
        if self.measurement.points or self.active:
            self._controller.call("drawMeasure", [list(p) for p in self.measurement.points], self.measurement.closed)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        if event.type() != QEvent.Type.ShortcutOverride or watched is not self._window:
            return False
        key = event.key()
        if key not in _KEYS or event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier:
            return False
        if not self.active:  # a finished measurement is shown: Esc clears it and goes on as usual
            if key == Qt.Key.Key_Escape:
                self.end()
            return False
        if key == Qt.Key.Key_Backspace:
            self.undo()
        elif key == Qt.Key.Key_Escape:
            self.end()
        else:
            self.finish()
        event.accept()  # no shortcut for this key press (Esc would clear the selection)
        return True
