"""The Layers dock: layers by group (top of the list draws on top), visibility, opacity, order, legend."""

from __future__ import annotations

import re
from html import escape

from PySide6.QtCore import QMimeData, QPointF, QRectF, QSignalBlocker, Qt, Signal
from PySide6.QtGui import QAction, QColor, QDrag, QIcon, QKeySequence, QPainter, QPen, QPixmap
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDockWidget,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QSlider,
    QStyle,
    QToolButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from hegang_atlas.model.atlas import Atlas
from hegang_atlas.model.definitions import legend

LAYER_ROLE = Qt.ItemDataRole.UserRole
MIME_TYPE = "application/x-hegang-atlas-layer"
GROUPS = ("user", "story", "context")  # as listed, top first
LEAFLET_DEFAULTS = {"color": "#3388ff", "weight": 3, "opacity": 1.0, "fillOpacity": 0.2}
ICON_SIZE = 16


def dash_pattern(dash_array: str, width: float) -> list[float]:
    """A Leaflet (SVG) ``dashArray`` such as ``"6 4"`` as a Qt dash pattern; ``[]`` means solid.

    Qt counts dashes in pen widths and needs an even number of entries; SVG repeats an odd list.
    """
    lengths = [float(x) for x in re.split(r"[ ,]+", dash_array.strip()) if x]
    if not any(lengths):
        return []
    if len(lengths) % 2:
        lengths *= 2
    return [x / width for x in lengths]


def legend_icon(style: dict[str, object], geometry: str, size: int = ICON_SIZE) -> QIcon:
    """A legend swatch for Leaflet path options: a circle (points), a line, or a filled square."""
    style = {**LEAFLET_DEFAULTS, **style}
    color = QColor(str(style["color"]))
    color.setAlphaF(float(style["opacity"]))
    fill = QColor(str(style.get("fillColor", style["color"])))
    fill.setAlphaF(float(style["fillOpacity"]))
    width = min(max(float(style["weight"]), 1.0), 3.0)
    pen = QPen(color, width)
    pattern = dash_pattern(str(style.get("dashArray", "")), width)
    if pattern:
        pen.setDashPattern(pattern)
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(pen)
    painter.setBrush(fill)
    box = QRectF(0, 0, size, size).adjusted(width / 2, width / 2, -width / 2, -width / 2)
    if geometry == "Point":
        painter.drawEllipse(box.adjusted(1, 1, -1, -1))
    elif geometry == "LineString":
        painter.drawLine(QPointF(0, size / 2), QPointF(size, size / 2))
    else:
        painter.drawRect(box)
    painter.end()
    return QIcon(pixmap)


class LayerTree(QTreeWidget):
    """The layer tree; dragging a layer within its group asks to move it.

    Signals
    -------
    layerDropped(layer_id, row)
        The row (top first, within the layer's group) a layer was dropped at.
    """

    layerDropped = Signal(str, int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)

    def layer_item(self, layer_id: str) -> QTreeWidgetItem | None:
        """The item of a layer, or ``None``."""
        for i in range(self.topLevelItemCount()):
            group = self.topLevelItem(i)
            for j in range(group.childCount()):
                if group.child(j).data(0, LAYER_ROLE) == layer_id:
                    return group.child(j)
        return None

    def mimeTypes(self) -> list[str]:  # noqa: N802 (Qt's name)
        return [MIME_TYPE]

    def mimeData(self, items: list[QTreeWidgetItem]) -> QMimeData:  # noqa: N802
        data = QMimeData()
        data.setData(MIME_TYPE, str(items[0].data(0, LAYER_ROLE)).encode())
        return data

    def startDrag(self, actions) -> None:  # noqa: N802
        # The model owns the order: a drop emits layerDropped and the tree is rebuilt from the
        # model's order event, so Qt must not move or remove the item itself.
        item = self.currentItem()
        if item is not None and item.data(0, LAYER_ROLE):
            drag = QDrag(self)
            drag.setMimeData(self.mimeData([item]))
            drag.exec(Qt.DropAction.MoveAction)

    def dragMoveEvent(self, event) -> None:  # noqa: N802
        super().dragMoveEvent(event)
        if self._target(event) is None:
            event.ignore()

    def dropEvent(self, event) -> None:  # noqa: N802
        target = self._target(event)
        if target is None:
            event.ignore()
            return
        event.acceptProposedAction()
        self.layerDropped.emit(*target)

    def _target(self, event) -> tuple[str, int] | None:
        """Where a drop at the event's position puts the dragged layer: (layer id, row in its group)."""
        if not event.mimeData().hasFormat(MIME_TYPE):
            return None
        layer_id = bytes(event.mimeData().data(MIME_TYPE).data()).decode()
        source = self.layer_item(layer_id)
        pos = event.position().toPoint()
        item = self.itemAt(pos)
        if source is None or item is None:
            return None
        if item.parent() is not None and not item.data(0, LAYER_ROLE):  # a legend row
            item = item.parent()
        group = source.parent()
        if item is group:
            return layer_id, 0
        if item.parent() is not group:
            return None
        row = group.indexOfChild(item)
        if pos.y() > self.visualItemRect(item).center().y():
            row += 1
        if row > group.indexOfChild(source):
            row -= 1
        return layer_id, row


class LayersDock(QDockWidget):
    """The layers of an :class:`Atlas` by group, top of the list drawn on top.

    Each layer has a visibility checkbox, its feature count, its description as tooltip and its
    legend as child rows. The opacity slider acts on the current layer. Layers move within their
    group by drag and drop or the Move up / Move down actions. Every change goes to the model and
    the dock follows the model's events.

    Parameters
    ----------
    atlas
        The model.
    parent
        The main window.
    lang
        Language of layer titles, descriptions and legends.

    Signals
    -------
    zoomToLayerRequested(layer_id)
        A layer was double-clicked (or "Zoom to layer" chosen).
    """

    zoomToLayerRequested = Signal(str)

    def __init__(self, atlas: Atlas, parent: QWidget | None = None, lang: str = "en") -> None:
        super().__init__(self.tr("Layers"), parent)
        self.setObjectName("LayersDock")
        self.atlas = atlas
        self._lang = lang
        self._collapsed: set[str] = set()
        self._group_titles = {"user": self.tr("Your layers"), "story": self.tr("Story"), "context": self.tr("Context")}

        self.tree = LayerTree(self)
        self.tree.setColumnCount(2)
        self.tree.setHeaderHidden(True)
        self.tree.setExpandsOnDoubleClick(False)
        self.tree.header().setStretchLastSection(False)
        self.tree.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.tree.header().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.tree.setAccessibleName(self.tr("Layers"))

        self.opacity_slider = QSlider(Qt.Orientation.Horizontal, self)
        self.opacity_slider.setRange(0, 100)
        self.opacity_slider.setAccessibleName(self.tr("Opacity of the current layer"))
        opacity_label = QLabel(self.tr("&Opacity"), self)
        opacity_label.setBuddy(self.opacity_slider)

        self.move_up_action = self._make_action(self.tr("Move &up"), "Ctrl+Up", QStyle.StandardPixmap.SP_ArrowUp)
        self.move_down_action = self._make_action(
            self.tr("Move &down"), "Ctrl+Down", QStyle.StandardPixmap.SP_ArrowDown
        )
        self.zoom_action = self._make_action(self.tr("&Zoom to layer"), None, None)
        self.tree.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)

        controls = QHBoxLayout()
        controls.addWidget(opacity_label)
        controls.addWidget(self.opacity_slider, 1)
        for action in (self.move_up_action, self.move_down_action):
            button = QToolButton(self)
            button.setDefaultAction(action)
            controls.addWidget(button)
        body = QWidget(self)
        layout = QVBoxLayout(body)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.tree, 1)
        layout.addLayout(controls)
        self.setWidget(body)

        self.tree.itemChanged.connect(self._on_item_changed)
        self.tree.currentItemChanged.connect(self._on_current_changed)
        self.tree.itemDoubleClicked.connect(self._on_item_double_clicked)
        self.tree.itemCollapsed.connect(self._on_item_collapsed)
        self.tree.itemExpanded.connect(self._on_item_expanded)
        self.tree.layerDropped.connect(self.move_layer)
        self.opacity_slider.valueChanged.connect(self._on_slider_moved)
        self.move_up_action.triggered.connect(self._on_move_up)
        self.move_down_action.triggered.connect(self._on_move_down)
        self.zoom_action.triggered.connect(self._on_zoom_action)
        events = atlas.events
        events.visibility.connect(self._on_visibility)
        events.opacity.connect(self._on_opacity)
        events.order.connect(self._on_order)
        events.layers.connect(self._on_layers)
        self._populate()

    @property
    def lang(self) -> str:
        """Language of titles, descriptions and legends; setting it rebuilds the list."""
        return self._lang

    @lang.setter
    def lang(self, lang: str) -> None:
        self._lang = lang
        self._populate()

    def current_layer(self) -> str | None:
        """The id of the current layer, or ``None``."""
        item = self.tree.currentItem()
        while item is not None and not item.data(0, LAYER_ROLE):
            item = item.parent()
        return item.data(0, LAYER_ROLE) if item is not None else None

    def move_layer(self, layer_id: str, row: int) -> None:
        """Put a layer at ``row`` (0 = top) of its group; the model's order changes."""
        group = self.atlas.layer(layer_id).definition.group
        members = [i for i in self.atlas.order if self.atlas.layer(i).definition.group == group]
        listed = [i for i in reversed(members) if i != layer_id]
        listed.insert(max(0, min(row, len(listed))), layer_id)
        new_members = iter(reversed(listed))
        self.atlas.set_order([next(new_members) if i in members else i for i in self.atlas.order])

    # -- building ---------------------------------------------------------------------------
    def _make_action(self, text: str, shortcut: str | None, icon: QStyle.StandardPixmap | None) -> QAction:
        action = QAction(text, self)
        if shortcut:
            action.setShortcut(QKeySequence(shortcut))
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        if icon is not None:
            action.setIcon(self.style().standardIcon(icon))
        self.tree.addAction(action)
        return action

    def _populate(self) -> None:
        """Rebuild the tree from the model, keeping the current layer and collapsed layers."""
        current = self.current_layer()
        with QSignalBlocker(self.tree):
            self.tree.clear()
            for group in GROUPS:
                ids = [i for i in reversed(self.atlas.order) if self.atlas.layer(i).definition.group == group]
                if not ids:
                    continue
                group_item = QTreeWidgetItem(self.tree, [self._group_titles[group]])
                group_item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsDropEnabled)
                group_item.setFirstColumnSpanned(True)
                font = group_item.font(0)
                font.setBold(True)
                group_item.setFont(0, font)
                for layer_id in ids:
                    self._add_layer_item(group_item, layer_id)
                group_item.setExpanded(True)
            if current and self.tree.layer_item(current):
                self.tree.setCurrentItem(self.tree.layer_item(current))
        self._sync_controls()

    def _add_layer_item(self, group_item: QTreeWidgetItem, layer_id: str) -> None:
        layer = self.atlas.layer(layer_id)
        definition = layer.definition
        title = definition.title.get(self._lang)
        item = QTreeWidgetItem(group_item, [title, f"{len(layer):,}"])
        item.setData(0, LAYER_ROLE, layer_id)
        item.setFlags(
            Qt.ItemFlag.ItemIsEnabled
            | Qt.ItemFlag.ItemIsSelectable
            | Qt.ItemFlag.ItemIsUserCheckable
            | Qt.ItemFlag.ItemIsDragEnabled
        )
        item.setCheckState(0, Qt.CheckState.Checked if self.atlas.visible[layer_id] else Qt.CheckState.Unchecked)
        description = definition.description.get(self._lang) if definition.description else title
        item.setToolTip(0, f"<p>{escape(description)}</p>")  # tooltips guess rich text: escape
        item.setToolTip(1, self.tr("%n feature(s)", "", len(layer)))
        item.setTextAlignment(1, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        for label, style in legend(definition, layer.qualities(), self._lang):
            entry = QTreeWidgetItem(item, [label])
            entry.setIcon(0, legend_icon(style, definition.geometry))
            entry.setFlags(Qt.ItemFlag.ItemIsEnabled)
            entry.setFirstColumnSpanned(True)
        item.setExpanded(layer_id not in self._collapsed)

    def _sync_controls(self) -> None:
        """Slider and move actions for the current layer."""
        layer_id = self.current_layer()
        self.opacity_slider.setEnabled(layer_id is not None)
        self.zoom_action.setEnabled(layer_id is not None)
        with QSignalBlocker(self.opacity_slider):
            self.opacity_slider.setValue(round(self.atlas.opacity[layer_id] * 100) if layer_id else 100)
        if layer_id is None:
            self.move_up_action.setEnabled(False)
            self.move_down_action.setEnabled(False)
            return
        item = self.tree.layer_item(layer_id)
        row = item.parent().indexOfChild(item)
        self.move_up_action.setEnabled(row > 0)
        self.move_down_action.setEnabled(row < item.parent().childCount() - 1)

    def _move_current(self, step: int) -> None:
        layer_id = self.current_layer()
        if layer_id is not None:
            item = self.tree.layer_item(layer_id)
            row = item.parent().indexOfChild(item) + step
            if 0 <= row < item.parent().childCount():
                self.move_layer(layer_id, row)

    # -- view -> model ----------------------------------------------------------------------
    def _on_move_up(self) -> None:
        self._move_current(-1)

    def _on_move_down(self) -> None:
        self._move_current(+1)

    def _on_item_changed(self, item: QTreeWidgetItem, column: int) -> None:
        layer_id = item.data(0, LAYER_ROLE)
        if layer_id and column == 0:
            self.atlas.set_visible(layer_id, item.checkState(0) == Qt.CheckState.Checked)

    def _on_slider_moved(self, value: int) -> None:
        layer_id = self.current_layer()
        if layer_id is not None:
            self.atlas.set_opacity(layer_id, value / 100)

    def _on_current_changed(self, *_) -> None:
        self._sync_controls()

    def _on_item_double_clicked(self, item: QTreeWidgetItem, _column: int) -> None:
        layer_id = item.data(0, LAYER_ROLE)
        if layer_id:
            self.zoomToLayerRequested.emit(layer_id)

    def _on_zoom_action(self) -> None:
        layer_id = self.current_layer()
        if layer_id is not None:
            self.zoomToLayerRequested.emit(layer_id)

    def _on_item_collapsed(self, item: QTreeWidgetItem) -> None:
        if item.data(0, LAYER_ROLE):
            self._collapsed.add(item.data(0, LAYER_ROLE))

    def _on_item_expanded(self, item: QTreeWidgetItem) -> None:
        self._collapsed.discard(item.data(0, LAYER_ROLE))

    # -- model -> view ----------------------------------------------------------------------
    def _on_visibility(self, layer_id: str, visible: bool) -> None:
        item = self.tree.layer_item(layer_id)
        if item is not None:
            with QSignalBlocker(self.tree):
                item.setCheckState(0, Qt.CheckState.Checked if visible else Qt.CheckState.Unchecked)

    def _on_opacity(self, layer_id: str, _opacity: float) -> None:
        if layer_id == self.current_layer():
            self._sync_controls()

    def _on_order(self, _order: list[str]) -> None:
        self._populate()

    def _on_layers(self) -> None:
        self._populate()
