"""Find within N km: the features near the selected one, listed by distance and marked on the map."""

from __future__ import annotations

from PySide6.QtCore import QSignalBlocker, Qt
from PySide6.QtGui import QAction, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from hegang_atlas.model.atlas import Atlas, Selection
from hegang_atlas.model.proximity import ProximityHit, within
from hegang_atlas.qt.search_dialog import ToolDialog

DEFAULT_KM = 3.0
MAX_KM = 500.0
ID_ROLE = Qt.ItemDataRole.UserRole  # a layer id (layer list), (layer id, feature id) (results)


class ProximityDialog(ToolDialog):
    """Features within a distance of one feature (the origin), nearest first.

    "Find" runs :func:`hegang_atlas.model.proximity.within` over the checked layers (by default
    the story layers other than the origin's), lists name, layer and distance, and marks the
    hits on the map (``mark`` on the page); clicking a result selects it. "Clear", and closing
    the dialog, remove the marks.

    Parameters
    ----------
    atlas
        The model.
    controller
        The window's ``MapController``.
    parent
        The main window.
    lang
        Language of layer titles.

    Attributes
    ----------
    open_action
        "Find within N km…", enabled while a feature is selected: opens the dialog from it.
    """

    def __init__(self, atlas: Atlas, controller, parent: QWidget | None = None, lang: str = "en") -> None:
        super().__init__(parent)
        self.setObjectName("ProximityDialog")
        self.setWindowTitle(self.tr("Find within a distance"))
        self.resize(520, 560)
        self.atlas = atlas
        self.controller = controller
        self._lang = lang
        self.origin: Selection | None = None
        self._hits: list[ProximityHit] = []

        self.origin_label = QLabel(self)
        self.origin_label.setTextFormat(Qt.TextFormat.PlainText)
        self.origin_label.setWordWrap(True)
        self.distance_spin = QDoubleSpinBox(self)
        self.distance_spin.setRange(0.0, MAX_KM)
        self.distance_spin.setDecimals(2)
        self.distance_spin.setSingleStep(0.5)
        self.distance_spin.setSuffix(self.tr(" km"))
        self.distance_spin.setValue(DEFAULT_KM)
        self.layer_list = QListWidget(self)
        self.layer_list.setAccessibleName(self.tr("Layers to search"))
        self.find_button = QPushButton(self.tr("&Find"), self)
        self.find_button.setDefault(True)
        self.clear_button = QPushButton(self.tr("&Clear"), self)
        self.results = QTableWidget(0, 3, self)
        self.results.setHorizontalHeaderLabels([self.tr("Name"), self.tr("Layer"), self.tr("Distance (km)")])
        self.results.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.results.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.results.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.results.verticalHeader().hide()
        self.results.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.results.setAccessibleName(self.tr("Features found"))
        self.count_label = QLabel(self)
        self.count_label.setTextFormat(Qt.TextFormat.PlainText)
        method = QLabel(self.tr("Distances computed in UTM zone 52N (EPSG:32652): the shortest distance "
                                "between the two shapes."), self)
        method.setWordWrap(True)
        method.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self.open_action = QAction(self.tr("Find &within N km…"), self)
        self.open_action.setEnabled(atlas.selection is not None)

        form = QFormLayout()
        form.addRow(self.tr("From:"), self.origin_label)
        form.addRow(self.tr("&Distance:"), self.distance_spin)
        form.addRow(self.tr("&Layers:"), self.layer_list)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.addButton(self.find_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.clear_button, QDialogButtonBox.ButtonRole.ResetRole)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)
        layout.addWidget(self.results, 1)
        layout.addWidget(self.count_label)
        layout.addWidget(method)

        buttons.rejected.connect(self.reject)
        self.find_button.clicked.connect(self._on_find_clicked)
        self.clear_button.clicked.connect(self.clear)
        self.results.itemSelectionChanged.connect(self._on_result_selected)
        self.open_action.triggered.connect(self._on_open)
        self.finished.connect(self._on_finished)
        atlas.events.selection.connect(self._on_selection)
        atlas.events.layers.connect(self._on_layers)

    # -- public -----------------------------------------------------------------------------
    def set_origin(self, layer_id: str, feature_id: str) -> None:
        """Measure from this feature; a new origin clears the results and checks the default layers."""
        origin = Selection(layer_id, feature_id)
        if origin == self.origin:
            return
        self.origin = origin
        layer = self.atlas.layer(layer_id)
        self.origin_label.setText(f"{layer.feature(feature_id).name} — {layer.definition.title.get(self._lang)}")
        self._fill_layers({lid for lid in self.atlas.order if lid != layer_id and self._is_story(lid)})
        self.clear()

    def checked_layers(self) -> list[str]:
        """Ids of the layers to search, as listed (top first)."""
        items = (self.layer_list.item(i) for i in range(self.layer_list.count()))
        return [item.data(ID_ROLE) for item in items if item.checkState() == Qt.CheckState.Checked]

    def set_checked_layers(self, layer_ids: set[str]) -> None:
        """Search exactly these layers."""
        for i in range(self.layer_list.count()):
            item = self.layer_list.item(i)
            item.setCheckState(Qt.CheckState.Checked if item.data(ID_ROLE) in layer_ids else Qt.CheckState.Unchecked)

    def hits(self) -> list[ProximityHit]:
        """The features listed, nearest first."""
        return list(self._hits)

    def run(self) -> None:
        """Find the features within the distance of the origin, list them and mark them on the map."""
        if self.origin is None:
            return
        km = self.distance_spin.value()
        self._hits = within(self.atlas, self.origin.layer_id, self.origin.feature_id, km, self.checked_layers())
        with QSignalBlocker(self.results):
            self.results.setRowCount(0)
            for row, hit in enumerate(self._hits):
                self._add_row(row, hit)
        self.results.resizeColumnToContents(1)
        if self._hits:
            self.count_label.setText(self.tr("%d feature(s) within %s km") % (len(self._hits), f"{km:g}"))
        else:
            self.count_label.setText(self.tr("Nothing within %s km") % f"{km:g}")
        self.controller.call("mark", [[hit.layer_id, hit.feature_id] for hit in self._hits])

    def clear(self) -> None:
        """Empty the results and remove the marks from the map."""
        self._hits = []
        with QSignalBlocker(self.results):
            self.results.setRowCount(0)
        self.count_label.clear()
        self.controller.call("mark", [])

    # -- building ---------------------------------------------------------------------------
    def _is_story(self, layer_id: str) -> bool:
        return self.atlas.layer(layer_id).definition.group == "story"

    def _fill_layers(self, checked: set[str]) -> None:
        self.layer_list.clear()
        for layer in reversed(self.atlas.layers):
            item = QListWidgetItem(layer.definition.title.get(self._lang), self.layer_list)
            item.setData(ID_ROLE, layer.id)
            item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if layer.id in checked else Qt.CheckState.Unchecked)

    def _add_row(self, row: int, hit: ProximityHit) -> None:
        self.results.insertRow(row)
        name = QTableWidgetItem(hit.name)
        name.setData(ID_ROLE, (hit.layer_id, hit.feature_id))
        distance = QTableWidgetItem(f"{hit.distance_km:.2f}")
        distance.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.results.setItem(row, 0, name)
        title = self.atlas.layer(hit.layer_id).definition.title.get(self._lang)
        self.results.setItem(row, 1, QTableWidgetItem(title))
        self.results.setItem(row, 2, distance)

    # -- handlers ---------------------------------------------------------------------------
    def _on_open(self) -> None:
        selection = self.atlas.selection
        if selection is None:
            return
        self.set_origin(selection.layer_id, selection.feature_id)
        self.show()
        self.raise_()
        self.activateWindow()
        self.distance_spin.setFocus()
        self.distance_spin.selectAll()

    def _on_find_clicked(self) -> None:
        self.run()

    def _on_result_selected(self) -> None:
        rows = self.results.selectionModel().selectedRows()
        if rows:
            self.atlas.select(*self.results.item(rows[0].row(), 0).data(ID_ROLE))

    def _on_finished(self, _result: int) -> None:
        self.clear()

    def _on_selection(self, selection: Selection | None) -> None:
        self.open_action.setEnabled(selection is not None)

    def _on_layers(self) -> None:
        # The page was rebuilt without marks, and the origin's layer may be gone.
        self._fill_layers(set(self.checked_layers()))
        origin, atlas = self.origin, self.atlas
        if origin and not (atlas.has_layer(origin.layer_id) and origin.feature_id in atlas.layer(origin.layer_id)):
            self.origin = None
            self.origin_label.clear()
        self.clear()
