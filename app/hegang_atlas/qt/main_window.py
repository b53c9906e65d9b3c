"""The main window: the map in the centre, docks around it, menus, status bar, saved layout."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QSettings, Qt, QUrl
from PySide6.QtGui import QAction, QActionGroup, QDesktopServices, QKeySequence
from PySide6.QtWidgets import QLabel, QMainWindow, QMessageBox

from hegang_atlas.model.atlas import Atlas
from hegang_atlas.page.basemaps import BASEMAP_TITLES, basemaps
from hegang_atlas.qt.about import AboutDialog
from hegang_atlas.qt.attributes_dock import AttributesDock
from hegang_atlas.qt.layers_dock import LayersDock
from hegang_atlas.qt.map_controller import MapController
from hegang_atlas.qt.mapview import MapView
from hegang_atlas.qt.export_actions import install_export_actions
from hegang_atlas.qt.files_install import install_file_tools
from hegang_atlas.qt.planner_install import install_planner_tools
from hegang_atlas.qt.preferences import PreferencesDialog
from hegang_atlas.qt.story_install import install_story_mode


# The basemap titles of hegang_atlas.page.basemaps.BASEMAP_TITLES, for the translation files.
BASEMAP_TITLES_TR = (
    QT_TRANSLATE_NOOP("MainWindow", "None (offline)"),
    QT_TRANSLATE_NOOP("MainWindow", "OpenStreetMap"),
    QT_TRANSLATE_NOOP("MainWindow", "OpenTopoMap"),
    QT_TRANSLATE_NOOP("MainWindow", "Esri World Imagery"),
)


def format_lat_lon(lat: float, lon: float) -> str:
    if lat >= 0:
        ns = QCoreApplication.translate("MainWindow", "N", "latitude north")
    else:
        ns = QCoreApplication.translate("MainWindow", "S", "latitude south")
    if lon >= 0:
        ew = QCoreApplication.translate("MainWindow", "E", "longitude east")
    else:
        ew = QCoreApplication.translate("MainWindow", "W", "longitude west")
    text = QCoreApplication.translate("MainWindow", "{lat}° {ns}, {lon}° {ew}", "cursor coordinates")
    return text.format(lat=f"{abs(lat):.5f}", ns=ns, lon=f"{abs(lon):.5f}", ew=ew)


class MainWindow(QMainWindow):
    """Hegang Atlas's window over one :class:`Atlas`."""

    def __init__(self, atlas: Atlas, settings: QSettings | None = None, lang: str = "en") -> None:
        super().__init__()
        self.atlas = atlas
        self.settings = settings or QSettings()
        self.lang = lang
        self.setWindowTitle(self.tr("Hegang Atlas — 鹤岗"))
        self.resize(1400, 900)

        self.map_view = MapView(self)
        self.setCentralWidget(self.map_view)
        self.controller = MapController(atlas, self.map_view, self)
        self.controller.lang = lang
        self.layers_dock = LayersDock(atlas, self, lang=lang)
        self.attributes_dock = AttributesDock(atlas, self, lang=lang)
        self.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, self.layers_dock)
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.attributes_dock)

        self.coords_label = QLabel(self.tr("Move over the map to see coordinates"))
        self.zoom_label = QLabel("")
        self.statusBar().addWidget(self.coords_label, 1)
        self.statusBar().addPermanentWidget(self.zoom_label)

        self._make_menus()
        self.planner = install_planner_tools(self)
        install_file_tools(self)
        self.exports = install_export_actions(self)
        self.story_mode = install_story_mode(self)
        self.controller.cursorMoved.connect(self._on_cursor_moved)
        self.controller.viewChanged.connect(self._on_view_changed)
        self.layers_dock.zoomToLayerRequested.connect(self.controller.zoom_to_layer)
        self.map_view.page().externalLinkRequested.connect(self._on_external_link)
        self._restore_layout()
        self.controller.reload()

    # -- menus ------------------------------------------------------------------------------
    def _action(self, menu, text: str, slot, shortcut=None) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(slot)
        menu.addAction(action)
        return action

    def _make_menus(self) -> None:
        bar = self.menuBar()
        self.file_menu = bar.addMenu(self.tr("&File"))
        self.file_menu.addSeparator()
        self._action(self.file_menu, self.tr("&Quit"), self.close, QKeySequence.StandardKey.Quit)
        self.edit_menu = bar.addMenu(self.tr("&Edit"))
        self._action(self.edit_menu, self.tr("&Preferences…"), self._show_preferences, QKeySequence.StandardKey.Preferences)

        view = bar.addMenu(self.tr("&View"))
        self.view_menu = view
        self._action(view, self.tr("Zoom to &Hegang"), self._zoom_home, "Ctrl+0")
        self._action(view, self.tr("Zoom to &selection"), self._zoom_selection, "Ctrl+J")
        self.clear_selection_action = self._action(view, self.tr("&Clear selection"), self.atlas.clear_selection, "Esc")
        view.addSeparator()
        basemap_menu = view.addMenu(self.tr("&Basemap"))
        group = QActionGroup(self)
        self.basemap_actions: dict[str, QAction] = {}
        for key, title in BASEMAP_TITLES.items():
            action = QAction(self.tr(title), self, checkable=True)
            action.setChecked(key == "none")
            action.triggered.connect(lambda _=False, k=key: self.set_basemap(k))
            group.addAction(action)
            basemap_menu.addAction(action)
            self.basemap_actions[key] = action
        view.addSeparator()
        view.addAction(self.layers_dock.toggleViewAction())
        view.addAction(self.attributes_dock.toggleViewAction())
        self._action(view, self.tr("&Full screen"), self._toggle_full_screen, QKeySequence.StandardKey.FullScreen)

        help_menu = bar.addMenu(self.tr("&Help"))
        self._action(help_menu, self.tr("&About Hegang Atlas"), self._show_about)

    # -- actions ----------------------------------------------------------------------------
    def set_basemap(self, key: str) -> None:
        """Show web tiles (``osm`` ...) or none (``none``, works offline)."""
        self.controller.set_basemap(basemaps()[key])
        self.basemap_actions[key].setChecked(True)
        title = self.tr(BASEMAP_TITLES[key])
        self.statusBar().showMessage(self.tr("Basemap: %s") % title, 4000)

    def _zoom_home(self) -> None:
        from hegang_atlas.page.builder import initial_bounds

        self.controller.fly_to_bounds(*initial_bounds(self.atlas))

    def _zoom_selection(self) -> None:
        if self.atlas.selection:
            self.controller.zoom_to_feature(self.atlas.selection.layer_id, self.atlas.selection.feature_id)

    def _toggle_full_screen(self) -> None:
        self.showNormal() if self.isFullScreen() else self.showFullScreen()

    def _show_preferences(self) -> None:
        PreferencesDialog(self.settings, self).exec()

    def _show_about(self) -> None:
        AboutDialog(self.atlas, self).exec()

    # -- handlers ---------------------------------------------------------------------------
    def _on_cursor_moved(self, lat: float, lon: float) -> None:
        self.coords_label.setText(format_lat_lon(lat, lon))

    def _on_view_changed(self, view: dict) -> None:
        self.zoom_label.setText(self.tr("Zoom %s") % f"{view['zoom']:g}")

    def _on_external_link(self, url: QUrl) -> None:
        answer = QMessageBox.question(
            self,
            self.tr("Open link"),
            self.tr("Open this address in your web browser?\n\n%s") % url.toString(),
        )
        if answer == QMessageBox.StandardButton.Yes:
            QDesktopServices.openUrl(url)

    # -- layout -----------------------------------------------------------------------------
    def _restore_layout(self) -> None:
        geometry = self.settings.value("window/geometry")
        state = self.settings.value("window/state")
        if geometry is not None:
            self.restoreGeometry(geometry)
        if state is not None:
            self.restoreState(state)

    def closeEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        self.settings.setValue("window/geometry", self.saveGeometry())
        self.settings.setValue("window/state", self.saveState())
        super().closeEvent(event)
