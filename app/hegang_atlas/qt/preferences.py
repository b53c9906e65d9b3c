"""Edit > Preferences: the interface language (applies after a restart)."""

from __future__ import annotations

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLabel, QWidget

from hegang_atlas.qt.i18n import LANGUAGES, SETTING, chosen_language


class PreferencesDialog(QDialog):
    """Choose the interface and content language; saved in QSettings."""

    def __init__(self, settings: QSettings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.settings = settings
        self.setWindowTitle(self.tr("Preferences"))
        self.language = QComboBox(self)
        for code, name in LANGUAGES.items():
            self.language.addItem(name, code)
        self.language.setCurrentIndex(list(LANGUAGES).index(chosen_language(settings)))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(self.tr("Language"), self.language)
        form.addRow(QLabel(self.tr("A new language applies when Hegang Atlas starts again.")))
        form.addRow(buttons)

    def accept(self) -> None:
        self.settings.setValue(SETTING, self.language.currentData())
        super().accept()
