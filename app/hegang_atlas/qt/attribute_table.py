"""The attribute table: one layer's features as rows, filtered, sorted, in step with the selection.

Values are plain display text (Qt's item delegates never read it as HTML); sorting uses
``SORT_ROLE`` so numbers sort as numbers and unknown values sort last.
"""

from __future__ import annotations

from typing import Any

import pandas as pd
from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QSignalBlocker, QSortFilterProxyModel, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDockWidget,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from hegang_atlas.model.atlas import Atlas, Selection
from hegang_atlas.model.derived import DERIVED
from hegang_atlas.model.layers import Layer, clean
from hegang_atlas.model.formatting import GROUPING_FROM, TWO_DECIMALS

SORT_ROLE = Qt.ItemDataRole.UserRole
RESIZE_ROWS = 200  # rows whose text sets a column's width (Qt's default reads 1,000 for every column)
NUMBER_ALIGNMENT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter

Bounds = tuple[float, float, float, float]  # south, west, north, east (the page's order)


class _Column:
    """One column: its header, and its values in row order, taken from the frame when first shown
    (a layer of 100,000 features opens at once; the table reads only the rows it draws)."""

    def __init__(self, header: str, series: pd.Series, decimals: int | None = None) -> None:
        self.header, self.decimals = header, decimals
        self._series: pd.Series | None = series
        self._values = None

    def value(self, row: int) -> Any:
        """The value in ``row`` as plain Python (``None`` when missing)."""
        if self._values is None:
            self._values, self._series = self._series.to_numpy(dtype=object), None
        return clean(self._values[row])


def _is_number(value: Any) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def _header(label: str, unit: str) -> str:
    return f"{label} ({unit})" if unit else label


def sort_key(value: Any) -> float | str | None:
    """What a table sorts a value by: numbers (and booleans) as floats, the rest as text.

    ``None`` (unknown) becomes an invalid variant, which Qt's proxy sorts after every value.
    """
    if value is None:
        return None
    if isinstance(value, (bool, int, float)):
        return float(value)
    return str(value)


class FeatureTableModel(QAbstractTableModel):
    """The features of one layer as table rows.

    Columns: name, Chinese name, the fields the layer definition lists (header "Label (unit)"),
    the layer's derived values, and position quality. ``Qt.DisplayRole`` gives plain text
    ("unknown" for a missing value); ``SORT_ROLE`` gives a number, a text or ``None``.

    Parameters
    ----------
    layer
        The layer shown; rows follow its frame's order.
    lang
        Language of the field labels.
    parent
        Owner of the model.
    """

    def __init__(self, layer: Layer, lang: str = "en", parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.layer = layer
        self._ids: list[str] = layer.feature_ids()
        self._rows: dict[str, int] | None = None  # feature id -> row, made when first asked
        self._bounds = None  # minx, miny, maxx, maxy per row, the same
        self._columns = self._make_columns(lang)

    def _make_columns(self, lang: str) -> list[_Column]:
        frame, definition = self.layer.frame, self.layer.definition
        columns = [
            self._column(self.tr("Name"), frame["name"]),
            self._column(self.tr("Chinese name"), frame["name_zh"]),
        ]
        for field in definition.fields:
            columns.append(self._column(_header(field.label.get(lang), field.unit), frame[field.name]))
        for name in definition.derived:
            derived = DERIVED[name]
            decimals = 2 if derived.unit in TWO_DECIMALS else None
            columns.append(self._column(_header(derived.label.get(lang), derived.unit), self.layer.derived[name], decimals))
        columns.append(self._column(self.tr("Position quality"), frame["position_quality"]))
        return columns

    def _column(self, header: str, series: pd.Series, decimals: int | None = None) -> _Column:
        index = self.layer.frame.index
        aligned = series.index is index or series.index.equals(index)
        return _Column(header, series if aligned else series.reindex(index), decimals)

    # -- Qt model API -----------------------------------------------------------------------
    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: N802, B008 (Qt's API)
        return 0 if parent.isValid() else len(self._ids)

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self._columns)

    def headerData(  # noqa: N802
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ):
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self._columns[section].header
        return None

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        column = self._columns[index.column()]
        value = column.value(index.row())
        if role == Qt.ItemDataRole.DisplayRole:
            return self.text(value, column.decimals)
        if role == SORT_ROLE:
            return sort_key(value)
        if role == Qt.ItemDataRole.TextAlignmentRole and _is_number(value):
            return NUMBER_ALIGNMENT
        return None

    # -- rows and features ------------------------------------------------------------------
    def feature_id(self, row: int) -> str:
        """The id of the feature in ``row``."""
        return self._ids[row]

    def row_of(self, feature_id: str) -> int | None:
        """The row of a feature, or ``None`` when the layer has no such feature."""
        if self._rows is None:
            self._rows = {fid: row for row, fid in enumerate(self._ids)}
        return self._rows.get(feature_id)

    def intersects(self, row: int, bounds: Bounds) -> bool:
        """Whether the bounding box of the feature in ``row`` meets ``bounds`` (south, west, north, east)."""
        south, west, north, east = bounds
        if self._bounds is None:
            self._bounds = self.layer.frame.geometry.bounds.to_numpy()
        minx, miny, maxx, maxy = self._bounds[row]
        return minx <= east and maxx >= west and miny <= north and maxy >= south

    def text(self, value: Any, decimals: int | None = None) -> str:
        """A value as table text: "unknown", yes/no, grouped digits, lists joined by commas."""
        if value is None:
            return self.tr("unknown")
        if isinstance(value, bool):
            return self.tr("yes") if value else self.tr("no")
        if _is_number(value):
            grouping = "," if abs(value) >= GROUPING_FROM else ""
            if decimals is not None:
                return f"{value:{grouping}.{decimals}f}"
            if float(value).is_integer():
                return f"{int(value):{grouping}d}"
            return f"{value:{grouping}}"
        if isinstance(value, (list, tuple)):
            return ", ".join(str(v) for v in value)
        return str(value)


class FeatureFilterProxy(QSortFilterProxyModel):
    """Sorts by ``SORT_ROLE``, filters on text in any column and, optionally, on the map view.

    Parameters
    ----------
    parent
        Owner of the proxy.
    """

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._view_bounds: Bounds | None = None
        self._text = ""  # the text filter (rows are checked against it only when there is one)
        self.setSortRole(SORT_ROLE)
        self.setSortCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.setFilterKeyColumn(-1)
        self.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)

    def set_view_bounds(self, bounds: Bounds | None) -> None:
        """Keep only features whose bounding box meets ``bounds`` (south, west, north, east); ``None``: all."""
        self.beginFilterChange()
        self._view_bounds = tuple(bounds) if bounds is not None else None
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int, source_parent: QModelIndex) -> bool:  # noqa: N802
        if self._view_bounds is not None and not self.sourceModel().intersects(source_row, self._view_bounds):
            return False
        return not self._text or super().filterAcceptsRow(source_row, source_parent)

    def setFilterFixedString(self, text: str) -> None:  # noqa: N802 (Qt's name)
        self._text = text
        super().setFilterFixedString(text)


class AttributeTableDock(QDockWidget):
    """A table of one layer's features, with a text filter, a map-view filter and sorting.

    The layer chooser follows ``atlas.events.layers``. Selecting a row selects the feature in
    the atlas; a selection in the atlas (a click on the map) selects its row, switching layers
    when needed. "Only features in the current map view" keeps features whose bounding box
    meets the view's bounds, updated as the map moves.

    Parameters
    ----------
    atlas
        The model.
    controller
        The window's ``MapController`` (current view, zooming).
    parent
        The main window.
    lang
        Language of layer titles and field labels.

    Attributes
    ----------
    open_action
        "Attribute table": shows the dock on the selected feature's layer or the first story layer.
    """

    def __init__(self, atlas: Atlas, controller, parent: QWidget | None = None, lang: str = "en") -> None:
        super().__init__(self.tr("Attribute table"), parent)
        self.setObjectName("AttributeTableDock")
        self.atlas = atlas
        self.controller = controller
        self._lang = lang
        self._syncing = False  # True while the view follows the model: no echo back to it
        self.model: FeatureTableModel | None = None

        self.layer_combo = QComboBox(self)
        self.layer_combo.setAccessibleName(self.tr("Layer"))
        layer_label = QLabel(self.tr("&Layer:"), self)
        layer_label.setBuddy(self.layer_combo)
        self.filter_edit = QLineEdit(self)
        self.filter_edit.setPlaceholderText(self.tr("Filter rows…"))
        self.filter_edit.setClearButtonEnabled(True)
        self.filter_edit.setAccessibleName(self.tr("Filter rows"))
        self.in_view_check = QCheckBox(self.tr("Only features in the current &map view"), self)
        self.count_label = QLabel(self)
        self.count_label.setTextFormat(Qt.TextFormat.PlainText)
        self.zoom_button = QPushButton(self.tr("&Zoom to selection"), self)
        self.open_action = QAction(self.tr("Attribute &table"), self)

        self.proxy = FeatureFilterProxy(self)
        self.table = QTableView(self)
        self.table.setModel(self.proxy)
        self.table.horizontalHeader().setResizeContentsPrecision(RESIZE_ROWS)
        self._resize_when_shown = False
        self._follow: str | None = None  # the layer of a selection made while the table was hidden
        self.visibilityChanged.connect(self._on_visibility)
        self.table.setSortingEnabled(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setAccessibleName(self.tr("Features"))

        controls = QHBoxLayout()
        controls.addWidget(layer_label)
        controls.addWidget(self.layer_combo)
        controls.addWidget(self.filter_edit, 1)
        controls.addWidget(self.in_view_check)
        controls.addWidget(self.count_label)
        controls.addWidget(self.zoom_button)
        body = QWidget(self)
        layout = QVBoxLayout(body)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(controls)
        layout.addWidget(self.table, 1)
        self.setWidget(body)

        self.layer_combo.currentIndexChanged.connect(self._on_layer_chosen)
        self.filter_edit.textChanged.connect(self.proxy.setFilterFixedString)
        self.in_view_check.toggled.connect(self._on_in_view_toggled)
        self.zoom_button.clicked.connect(self._on_zoom_requested)
        self.open_action.triggered.connect(self._on_open)
        self.table.selectionModel().selectionChanged.connect(self._on_rows_selected)
        self.table.doubleClicked.connect(self._on_zoom_requested)
        proxy = self.proxy
        for signal in (proxy.rowsInserted, proxy.rowsRemoved, proxy.modelReset, proxy.layoutChanged):
            signal.connect(self._update_count)
        controller.viewChanged.connect(self._on_view_changed)
        atlas.events.layers.connect(self._on_layers)
        atlas.events.selection.connect(self._on_selection)
        self._on_layers()

    # -- public -----------------------------------------------------------------------------
    def layer_id(self) -> str | None:
        """The id of the layer shown, or ``None`` when the atlas has no layers."""
        return self.model.layer.id if self.model is not None else None

    def show_layer(self, layer_id: str) -> None:
        """Show the features of ``layer_id`` (the chooser follows)."""
        self.layer_combo.setCurrentIndex(self.layer_combo.findData(layer_id))

    def selected_feature_id(self) -> str | None:
        """The id of the feature in the selected row, or ``None``."""
        rows = self.table.selectionModel().selectedRows()
        if not rows or self.model is None:
            return None
        return self.model.feature_id(self.proxy.mapToSource(rows[0]).row())

    # -- building ---------------------------------------------------------------------------
    def _set_model(self, layer: Layer | None) -> None:
        old = self.model
        self.model = FeatureTableModel(layer, self._lang, self) if layer is not None else None
        self.table.sortByColumn(-1, Qt.SortOrder.AscendingOrder)  # the data's own order
        self.proxy.setSourceModel(self.model)
        if old is not None:
            old.deleteLater()
        if self.isVisible():
            self.table.resizeColumnsToContents()
        else:
            self._resize_when_shown = True
        self._select_row_of(self.atlas.selection)

    def _select_row_of(self, selection: Selection | None) -> None:
        """Select the row of ``selection`` if this layer shows it; else no row."""
        index = None
        if selection is not None and selection.layer_id == self.layer_id():
            row = self.model.row_of(selection.feature_id)
            index = self.proxy.mapFromSource(self.model.index(row, 0)) if row is not None else None
        self._syncing = True
        try:
            if index is not None and index.isValid():
                self.table.selectRow(index.row())
                self.table.scrollTo(index)
            else:
                self.table.clearSelection()
        finally:
            self._syncing = False
        self.zoom_button.setEnabled(self.selected_feature_id() is not None)

    def _update_count(self) -> None:
        total = self.model.rowCount() if self.model is not None else 0
        self.count_label.setText(self.tr("%d of %d features") % (self.proxy.rowCount(), total))

    def _apply_view_filter(self) -> None:
        view = self.controller.current_view
        bounds = view["bounds"] if view and self.in_view_check.isChecked() else None
        self.proxy.set_view_bounds(bounds)

    # -- view -> model ----------------------------------------------------------------------
    def _on_layer_chosen(self, index: int) -> None:
        layer_id = self.layer_combo.itemData(index)
        if layer_id is not None:
            self._set_model(self.atlas.layer(layer_id))

    def _on_rows_selected(self, *_) -> None:
        feature_id = self.selected_feature_id()
        self.zoom_button.setEnabled(feature_id is not None)
        if feature_id is not None and not self._syncing:
            self.atlas.select(self.layer_id(), feature_id)

    def _on_zoom_requested(self, *_) -> None:
        feature_id = self.selected_feature_id()
        if feature_id is not None:
            self.controller.zoom_to_feature(self.layer_id(), feature_id)

    def _on_in_view_toggled(self, _checked: bool) -> None:
        self._apply_view_filter()

    def _on_open(self) -> None:
        selection = self.atlas.selection
        if selection is not None:
            self.show_layer(selection.layer_id)
        else:
            story = [layer.id for layer in reversed(self.atlas.layers) if layer.definition.group == "story"]
            if story:
                self.show_layer(story[0])
        self.show()
        self.raise_()
        self.table.setFocus()

    # -- model -> view ----------------------------------------------------------------------
    def _on_view_changed(self, _view: dict) -> None:
        if self.in_view_check.isChecked():
            self._apply_view_filter()

    def _on_visibility(self, visible: bool) -> None:
        if not visible:
            return
        follow, self._follow = self._follow, None
        if follow is not None and self.atlas.has_layer(follow) and follow != self.layer_id():
            self.show_layer(follow)
        if self._resize_when_shown:
            self._resize_when_shown = False
            self.table.resizeColumnsToContents()

    def _on_layers(self) -> None:
        current = self.layer_id()
        with QSignalBlocker(self.layer_combo):
            self.layer_combo.clear()
            for layer in reversed(self.atlas.layers):  # top first, as in the Layers dock
                self.layer_combo.addItem(layer.definition.title.get(self._lang), layer.id)
            self.layer_combo.setCurrentIndex(max(0, self.layer_combo.findData(current)))
        chosen = self.layer_combo.currentData()
        layer = self.atlas.layer(chosen) if chosen is not None else None
        if self.model is None or self.model.layer is not layer:
            self._set_model(layer)

    def _on_selection(self, selection: Selection | None) -> None:
        if selection is not None and selection.layer_id != self.layer_id():
            if self.isVisible():
                self.show_layer(selection.layer_id)  # the new model selects the row
            else:
                self._follow = selection.layer_id  # shown when the table is (a big layer's table takes a moment)
        else:
            self._select_row_of(selection)
