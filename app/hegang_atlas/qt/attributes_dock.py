"""The Attributes dock: the selected feature's fields, computed values, position and sources.

Every data value is put in a plain-text QLabel, so names and notes are never read as HTML.
The labels become selectable (for copying) when the pointer enters the dock's page: a selectable label
keeps a text document of its own, which would double the time a click takes to fill the panel.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QFont, QPalette
from PySide6.QtWidgets import (
    QDockWidget,
    QFormLayout,
    QFrame,
    QGridLayout,
    QLabel,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from hegang_atlas.model.atlas import Atlas, Selection
from hegang_atlas.model.definitions import QUALITY_LABELS
from hegang_atlas.model.derived import DERIVED
from hegang_atlas.model.formatting import TWO_DECIMALS, format_number
from hegang_atlas.model.layers import Feature, Layer
from hegang_atlas.model.sources import Claim

MIN_WIDTH = 260  # room for wrapped statements and citations


class AttributesDock(QDockWidget):
    """Facts and sources of the feature selected in an :class:`Atlas`.

    Follows ``atlas.events.selection``: the feature's names, its layer, the fields its layer
    definition lists, the derived values with how they were computed, how its position was
    obtained, and each cited claim with its citation; claims that disagree are shown side by side.

    Parameters
    ----------
    atlas
        The model.
    parent
        The main window.
    lang
        Language of titles, labels and statements (English when a text has no translation).
    """

    def __init__(self, atlas: Atlas, parent: QWidget | None = None, lang: str = "en") -> None:
        super().__init__(self.tr("Attributes"), parent)
        self.setObjectName("AttributesDock")
        self.atlas = atlas
        self._lang = lang
        self._labels: list[QLabel] = []
        self.scroll = QScrollArea(self)
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.scroll.setMinimumWidth(MIN_WIDTH)
        self.setWidget(self.scroll)
        self.scroll.viewport().installEventFilter(self)
        atlas.events.selection.connect(self._on_selection)
        self._on_selection(atlas.selection)

    @property
    def lang(self) -> str:
        """Language of the texts shown; setting it shows the selection again."""
        return self._lang

    @lang.setter
    def lang(self, lang: str) -> None:
        self._lang = lang
        self._on_selection(self.atlas.selection)

    def text(self) -> str:
        """The plain text currently shown, one label per line."""
        return "\n".join(label.text() for label in self._labels)

    # -- model -> view ----------------------------------------------------------------------
    def _on_selection(self, selection: Selection | None) -> None:
        self._labels = []
        page = QWidget()
        layout = QVBoxLayout(page)
        if selection is None:
            layout.addWidget(self._label(self.tr("Click a feature on the map to see its facts and sources.")))
        else:
            layer = self.atlas.layer(selection.layer_id)
            feature = layer.feature(selection.feature_id)
            self._add_header(layout, layer, feature)
            self._add_fields(layout, layer, feature)
            self._add_derived(layout, layer, feature)
            self._add_position(layout, feature)
            self._add_sources(layout, feature)
        layout.addStretch(1)
        self.scroll.setWidget(page)  # deletes the previous page
        if self.scroll.viewport().underMouse():
            self._make_selectable()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Make the labels selectable when the pointer enters the page (the scroll area's viewport)."""
        if event.type() == QEvent.Type.Enter:
            self._make_selectable()
        return super().eventFilter(watched, event)

    def _make_selectable(self) -> None:
        """Let the person select (and copy) the text of every label shown."""
        for label in self._labels:
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

    # -- sections ---------------------------------------------------------------------------
    def _add_header(self, layout: QVBoxLayout, layer: Layer, feature: Feature) -> None:
        layout.addWidget(self._label(feature.name, "title"))
        if feature.name_zh:
            layout.addWidget(self._label(feature.name_zh, "title"))
        layout.addWidget(self._label(layer.definition.title.get(self._lang), "note"))

    def _add_fields(self, layout: QVBoxLayout, layer: Layer, feature: Feature) -> None:
        if not layer.definition.fields:
            return
        form = self._form(layout)
        for field in layer.definition.fields:
            value = feature.properties.get(field.name)
            form.addRow(self._label(field.label.get(self._lang)), self._label(self._format(value, field.unit)))

    def _add_derived(self, layout: QVBoxLayout, layer: Layer, feature: Feature) -> None:
        if not layer.definition.derived:
            return
        layout.addWidget(self._label(self.tr("Computed values"), "heading"))
        form = self._form(layout)
        for name in layer.definition.derived:
            derived = DERIVED[name]
            decimals = 2 if derived.unit in TWO_DECIMALS else None
            value = self._format(feature.derived.get(name), derived.unit, decimals)
            form.addRow(self._label(derived.label.get(self._lang)), self._label(value))
            form.addRow(self._label(derived.method.get(self._lang), "note"))

    def _add_position(self, layout: QVBoxLayout, feature: Feature) -> None:
        layout.addWidget(self._label(self.tr("Position"), "heading"))
        quality = QUALITY_LABELS[feature.position_quality]
        layout.addWidget(self._label(quality.get(self._lang, quality["en"])))
        if feature.position_note:
            layout.addWidget(self._label(feature.position_note, "note"))

    def _add_sources(self, layout: QVBoxLayout, feature: Feature) -> None:
        layout.addWidget(self._label(self.tr("Sources"), "heading"))
        if not feature.claims:
            layout.addWidget(self._label(self.tr("No source is cited for this feature."), "note"))
        shown: set[str] = set()
        for claim_id in feature.claims:
            if claim_id in shown:
                continue
            claims = self._disagreeing_cluster(claim_id)
            if len(claims) > 1:
                layout.addWidget(self._disagreement(claims))
            else:
                layout.addLayout(self._claim(claims[0]))
            shown.update(c.id for c in claims)

    def _disagreeing_cluster(self, claim_id: str) -> list[Claim]:
        """The claim and every claim linked to it by disagreement, directly or through others."""
        registry = self.atlas.registry
        cluster = [registry.claim(claim_id)]
        for claim in cluster:  # grows while iterating: a breadth-first walk
            cluster += [c for c in registry.disagreeing(claim) if c not in cluster]
        return cluster

    def _disagreement(self, claims: list[Claim]) -> QFrame:
        """Claims that disagree, side by side in two columns."""
        frame = QFrame()
        frame.setFrameShape(QFrame.Shape.StyledPanel)
        grid = QGridLayout(frame)
        grid.addWidget(self._label(self.tr("Sources disagree:"), "heading"), 0, 0, 1, 2)
        for i, claim in enumerate(claims):
            grid.addLayout(self._claim(claim), 1 + i // 2, i % 2)
        grid.setColumnStretch(0, 1)
        grid.setColumnStretch(1, 1)
        return frame

    def _claim(self, claim: Claim) -> QVBoxLayout:
        """Statement; value, unit and period; citation."""
        block = QVBoxLayout()
        block.addWidget(self._label(claim.text(self._lang)))
        facts = [self._format(claim.value, claim.unit)] if claim.value is not None else []
        if claim.period and claim.period not in facts:  # a year as value and period: once
            facts.append(claim.period)
        if facts:
            block.addWidget(self._label(", ".join(facts)))
        block.addWidget(self._label(self.atlas.registry.citation(claim), "note"))
        block.addStretch(1)
        return block

    # -- widgets and values -----------------------------------------------------------------
    def _form(self, layout: QVBoxLayout) -> QFormLayout:
        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        layout.addLayout(form)
        return form

    def _label(self, text: str, kind: str = "text") -> QLabel:
        """A plain-text label; ``kind`` is text, title, heading or note (smaller, grey)."""
        label = QLabel(text)
        label.setTextFormat(Qt.TextFormat.PlainText)
        label.setWordWrap(True)
        label.setMinimumWidth(1)  # wrap to a narrow dock instead of widening the page
        font = QFont(label.font())
        if kind == "title":
            font.setPointSizeF(font.pointSizeF() * 1.3)
            font.setBold(True)
        elif kind == "heading":
            font.setBold(True)
        elif kind == "note":
            font.setPointSizeF(font.pointSizeF() * 0.9)
            label.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        label.setFont(font)
        self._labels.append(label)
        return label

    def _format(self, value: object, unit: str = "", decimals: int | None = None) -> str:
        """A value for people: "unknown" for None, yes/no, grouped digits, unit."""
        if value is None:
            return self.tr("unknown")
        if isinstance(value, bool):
            text = self.tr("yes") if value else self.tr("no")
        elif isinstance(value, (int, float)):
            text = format_number(value, unit, decimals)
        elif isinstance(value, (list, tuple)):
            text = ", ".join(str(v) for v in value)
        else:
            text = str(value)
        return f"{text} {unit}" if unit else text
