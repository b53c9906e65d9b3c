"""Interface languages: English (source), Simplified Chinese and Dutch, through Qt's translators.

Translations live in ``qt/translations/hegang_atlas_<lang>.ts``. Wheels ship the ``.qm`` compiled
by ``pyside6-lrelease`` at build time (see ``setup.py``); a source checkout compiles them on first
use into the user's cache folder.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QSettings, QStandardPaths, QTranslator

LANGUAGES = {"en": "English", "zh": "简体中文", "nl": "Nederlands"}
TS_LOCALES = {"zh": "zh_CN", "nl": "nl"}
SETTING = "ui/language"
TRANSLATIONS = Path(__file__).with_name("translations")


def system_language() -> str:
    """``zh``, ``nl`` or ``en`` from the system locale."""
    name = QLocale.system().name()
    return next((lang for lang in ("zh", "nl") if name.startswith(lang)), "en")


def chosen_language(settings: QSettings) -> str:
    """The language the user chose in Preferences, else the system's."""
    lang = str(settings.value(SETTING, "") or "")
    return lang if lang in LANGUAGES else system_language()


def _lrelease() -> str | None:
    import PySide6

    bundled = Path(PySide6.__file__).with_name("lrelease")
    return str(bundled) if bundled.exists() else shutil.which("pyside6-lrelease")


def qm_file(lang: str) -> Path | None:
    """The compiled translation for ``lang``: shipped, or compiled from the ``.ts`` into the cache."""
    stem = f"hegang_atlas_{TS_LOCALES[lang]}"
    shipped = TRANSLATIONS / f"{stem}.qm"
    source = TRANSLATIONS / f"{stem}.ts"
    if shipped.exists() and (not source.exists() or shipped.stat().st_mtime >= source.stat().st_mtime):
        return shipped
    tool = _lrelease()
    if not source.exists() or tool is None:
        return shipped if shipped.exists() else None
    cache = Path(QStandardPaths.writableLocation(QStandardPaths.StandardLocation.CacheLocation)) / "translations"
    cache.mkdir(parents=True, exist_ok=True)
    target = cache / f"{stem}.qm"
    if not target.exists() or target.stat().st_mtime < source.stat().st_mtime:
        subprocess.run([tool, "-silent", str(source), "-qm", str(target)], check=True)
    return target


def install_translators(app: QCoreApplication, lang: str) -> list[QTranslator]:
    """Install the app's and Qt's own translators for ``lang`` (nothing for English)."""
    if lang == "en":
        return []
    installed = []
    qt = QTranslator(app)
    if qt.load(QLocale(TS_LOCALES[lang]), "qtbase", "_", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        app.installTranslator(qt)
        installed.append(qt)
    path = qm_file(lang)
    ours = QTranslator(app)
    if path is not None and ours.load(str(path)):
        app.installTranslator(ours)
        installed.append(ours)
    return installed
