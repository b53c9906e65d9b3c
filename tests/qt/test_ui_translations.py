"""The interface translations: every string has a Chinese and a Dutch translation, they compile, the window uses them.

The first test runs ``lupdate`` over the current sources into a copy of each ``.ts`` file, so a
string added to the interface without a translation (or not yet extracted) fails it.
"""

import re
import shutil
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QSettings, QTranslator

import hegang_atlas.qt as qt_package
from hegang_atlas.page.basemaps import BASEMAP_TITLES
from hegang_atlas.qt import i18n
from hegang_atlas.qt.main_window import MainWindow, format_lat_lon
from tests.qt.test_main_window import close_window

QT_SOURCES = sorted(str(p) for p in Path(qt_package.__file__).parent.glob("*.py"))
TS_FILES = {lang: i18n.TRANSLATIONS / f"hegang_atlas_{locale}.ts" for lang, locale in i18n.TS_LOCALES.items()}
# %s, %d, %.5f, %n, %1; {name}; the window-modified mark [*]
PLACEHOLDER = re.compile(r"%(?:\.\d+)?[a-zA-Z]|%\d|\{\w*\}|\[\*\]")
MENUS = {
    "zh": ["文件(&F)", "编辑(&E)", "视图(&V)", "故事(&S)", "工具(&T)", "帮助(&H)"],
    "nl": ["&Bestand", "Be&werken", "Bee&ld", "&Verhaal", "E&xtra", "&Help"],
}
ENGLISH_MENUS = ["&File", "&Edit", "&View", "&Story", "&Tools", "&Help"]


def _tool(name: str) -> str | None:
    import PySide6

    bundled = Path(PySide6.__file__).with_name(name)
    return str(bundled) if bundled.exists() else shutil.which(f"pyside6-{name}")


def _messages(ts: Path):
    """(context, source, [translation texts], translation element) for each message of a .ts file."""
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name")
        for message in context.iter("message"):
            translation = message.find("translation")
            forms = [f.text or "" for f in translation.iter("numerusform")] or [translation.text or ""]
            yield name, message.findtext("source"), forms, translation


@pytest.fixture(scope="module")
def updated_ts(tmp_path_factory) -> dict[str, Path]:
    """Copies of the .ts files, updated by lupdate from the current sources (new strings come in unfinished)."""
    lupdate = _tool("lupdate")
    if lupdate is None:
        pytest.skip("pyside6-lupdate is not installed")
    folder = tmp_path_factory.mktemp("ts")
    copies = {lang: Path(shutil.copy(ts, folder / ts.name)) for lang, ts in TS_FILES.items()}
    subprocess.run([lupdate, "-silent", "-no-obsolete", *QT_SOURCES, "-ts", *map(str, copies.values())], check=True)
    return copies


@pytest.mark.parametrize("lang", sorted(TS_FILES))
def test_every_interface_string_is_translated(updated_ts, lang):
    messages = list(_messages(updated_ts[lang]))
    assert len(messages) > 200
    untranslated = [
        (context, source)
        for context, source, forms, translation in messages
        if translation.get("type") in ("unfinished", "vanished", "obsolete") or not all(f.strip() for f in forms)
    ]
    assert untranslated == [], (
        f"strings without a {lang} translation; run pyside6-lupdate (see the i18n module) and translate them"
    )


@pytest.mark.parametrize("lang", sorted(TS_FILES))
def test_translations_keep_placeholders_and_accelerators(lang):
    for context, source, forms, _ in _messages(TS_FILES[lang]):
        for text in forms:
            where = f"{context}: {source!r} -> {text!r}"
            if source.startswith("%n") or "%n" in source:  # a plural: %n may move, the rest keeps its order
                assert sorted(PLACEHOLDER.findall(text)) == sorted(PLACEHOLDER.findall(source)), where
            elif "{" in source:  # str.format: names, in any order
                assert sorted(PLACEHOLDER.findall(text)) == sorted(PLACEHOLDER.findall(source)), where
            else:  # %-formatting: same placeholders in the same order
                assert PLACEHOLDER.findall(text) == PLACEHOLDER.findall(source), where
            assert text.count("\n") == source.count("\n"), where
            accelerators = text.replace("&&", "").count("&")
            assert accelerators == (1 if "&" in source.replace("&&", "") else 0), where


def test_basemap_titles_are_in_the_translations():
    """The basemap menu translates titles from hegang_atlas.page.basemaps (marked in main_window.py)."""
    for ts in TS_FILES.values():
        sources = {source for context, source, _, _ in _messages(ts) if context == "MainWindow"}
        assert set(BASEMAP_TITLES.values()) <= sources


@pytest.mark.parametrize(("lang", "file_menu"), [("zh", "文件(&F)"), ("nl", "&Bestand")])
def test_translations_compile_and_load(qapp, tmp_path, monkeypatch, lang, file_menu):
    lrelease = _tool("lrelease")
    if lrelease is None:
        pytest.skip("pyside6-lrelease is not installed")
    qm = tmp_path / f"{lang}.qm"
    subprocess.run([lrelease, "-silent", str(TS_FILES[lang]), "-qm", str(qm)], check=True)
    translator = QTranslator()
    assert translator.load(str(qm))
    assert translator.translate("MainWindow", "&File") == file_menu
    # What the app itself uses: compiled on first use into the cache folder.
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    path = i18n.qm_file(lang)
    assert path is not None and path.exists()
    assert QTranslator().load(str(path))


def _open_window(qtbot, atlas, tmp_path, lang):
    window = MainWindow(atlas, QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat), lang=lang)
    window.resize(1200, 800)
    with qtbot.waitSignal(window.controller.ready, timeout=30000):
        window.show()
    return window


def _menu_titles(window) -> list[str]:
    return [action.text() for action in window.menuBar().actions()]


@pytest.mark.parametrize("lang", ["zh", "nl"])
def test_main_window_in_chinese_and_dutch(qapp, qtbot, atlas, tmp_path, monkeypatch, lang):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    installed = i18n.install_translators(qapp, lang)
    try:
        assert installed
        window = _open_window(qtbot, atlas, tmp_path, lang)
        try:
            assert window.file_menu.title() == MENUS[lang][0]
            assert _menu_titles(window) == MENUS[lang]
            if lang == "zh":
                assert window.layers_dock.windowTitle() == "图层"
                assert "鹤岗地图集" in window.windowTitle()
                assert format_lat_lon(47.35, 130.3) == "北纬 47.35000°，东经 130.30000°"
            else:
                assert window.layers_dock.windowTitle() == "Lagen"
                assert window.basemap_actions["none"].text() == "Geen (offline)"
                assert format_lat_lon(-47.35, -130.3) == "47.35000° Z, 130.30000° W"
        finally:
            close_window(window)
    finally:
        for translator in installed:
            qapp.removeTranslator(translator)
    assert QCoreApplication.translate("MainWindow", "&File") == "&File"


def test_main_window_in_english_without_translators(qtbot, atlas, tmp_path):
    window = _open_window(qtbot, atlas, tmp_path, "en")
    try:
        assert _menu_titles(window) == ENGLISH_MENUS
        assert format_lat_lon(47.35, 130.3) == "47.35000° N, 130.30000° E"
    finally:
        close_window(window)
