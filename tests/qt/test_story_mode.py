"""Story mode end to end on the real page: chapters drive the map, presenter keys, editor round trip."""

import json
import time

import pytest
from PySide6.QtCore import QModelIndex, QSettings, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QLineEdit, QMessageBox

from hegang_atlas.model import load_atlas
from hegang_atlas.model.story import builtin_stories, read_story
from hegang_atlas.qt.main_window import MainWindow
from hegang_atlas.qt.story_install import install_story_mode
from tests.qt.test_main_window import close_window, evaluate

STORY_ID = "hegang-shrinking-city"


def wait_until(predicate, timeout=30.0):
    """``qtbot.waitUntil`` for module fixtures (which cannot use the function-scoped ``qtbot``)."""
    deadline = time.monotonic() + timeout
    while not predicate():
        assert time.monotonic() < deadline, "timed out"
        QTest.qWait(20)


@pytest.fixture(scope="module")
def mode(qapp, tmp_path_factory):
    """One window with story mode for the whole module (the page takes seconds to load)."""
    settings = QSettings(str(tmp_path_factory.mktemp("story") / "settings.ini"), QSettings.Format.IniFormat)
    window = MainWindow(load_atlas(), settings)
    mode = install_story_mode(window)
    window.resize(1200, 800)
    window.show()
    wait_until(lambda: window.controller.is_ready)
    yield mode
    mode.presenter.leave()
    if mode.editor is not None:
        mode.editor.close()
    close_window(window)


@pytest.fixture
def story_mode(mode):
    """The module's window, reset: the built-in story chosen, all layers shown, nothing selected."""
    mode.presenter.leave()
    if mode.editor is not None:
        mode.editor.close()
    atlas = mode.window.atlas
    for layer_id in atlas.order:
        atlas.set_visible(layer_id, True)
        atlas.set_opacity(layer_id, 1.0)
    atlas.clear_selection()
    mode.dock.chooser.setCurrentIndex(0)
    mode.player.set_story(mode.dock.current()[0])
    return mode


def page_state(qtbot, mode):
    return evaluate(qtbot, mode.window.map_view, "window.hegangAtlas.getState()")


def centre(chapter):
    s, w, n, e = chapter.camera.bounds
    return (s + n) / 2, (w + e) / 2


def shows(view, point):
    s, w, n, e = view["bounds"]
    return s <= point[0] <= n and w <= point[1] <= e


def go_and_land(qtbot, mode, index):
    """Show chapter ``index`` and wait for the flight to end (Leaflet reports the view at moveend)."""
    target = centre(mode.player.story.chapters[index])
    landed = mode.window.controller.viewChanged
    with qtbot.waitSignal(landed, timeout=10000, check_params_cb=lambda v: shows(v, target)):
        mode.player.go(index)


def test_dock_offers_the_builtin_story(qtbot, story_mode):
    dock = story_mode.dock
    story, path = dock.current()
    assert (story.id, path) == (STORY_ID, None)
    assert dock.objectName() == "StoryDock"
    assert dock.chapters.count() == len(story.chapters)
    assert dock.progress.text() == f"– / {len(story.chapters)}"
    actions = [a.text() for a in story_mode.window.menuBar().actions()]
    assert actions.index("&Story") == actions.index("&View") + 1
    dock.lang = "zh"
    assert dock.chapters.item(0).text() == f"1. {story.chapters[0].title.get('zh')}"
    dock.lang = "en"
    edit = next(a for a in story_mode.story_menu.actions() if a.text() == "&Edit story…")
    edit.trigger()
    assert story_mode.editor.isVisible() and story_mode.editor.story() == story


@pytest.mark.parametrize("index", [3, 7])
def test_chapter_sets_camera_layers_and_highlight_on_the_page(qtbot, story_mode, index):
    go_and_land(qtbot, story_mode, index)
    chapter = story_mode.player.chapter
    state = page_state(qtbot, story_mode)
    assert shows(state["view"], centre(chapter))
    assert {layer for layer, on in state["visible"].items() if on} == set(chapter.layers)
    assert all(state["opacity"][layer] == pytest.approx(x) for layer, x in chapter.layers.items())
    assert state["highlighted"] == list(chapter.highlight[0])
    assert state["marked"] == len(chapter.highlight)
    dock = story_mode.dock
    assert dock.progress.text() == f"{index + 1} / {len(story_mode.player.story.chapters)}"
    assert dock.chapters.currentRow() == index
    assert chapter.title.en in dock.text()
    for claim_id in chapter.claims:
        claim = story_mode.window.atlas.registry.claim(claim_id)
        assert story_mode.window.atlas.registry.citation(claim) in dock.text()


def test_disagreeing_sources_are_marked(qtbot, story_mode):
    story_mode.dock.chapters.setCurrentRow(3)  # the flat prices: a click in the chapter list
    assert story_mode.player.index == 3
    assert story_mode.dock.text().count("Sources disagree:") == 4


def test_presenter_keys_navigate_and_escape_restores(qtbot, story_mode, monkeypatch):
    window, player, presenter = story_mode.window, story_mode.player, story_mode.presenter
    monkeypatch.setattr(QGuiApplication, "screens", lambda: [window.screen(), window.screen()])
    window.atlas.select("coal_mines", "fuli")
    story_mode.present_action.trigger()
    qtbot.waitUntil(window.isFullScreen, timeout=5000)
    assert presenter.active and presenter.dock.isVisible() and not window.layers_dock.isVisible()
    assert not window.menuBar().isVisible()
    assert presenter.panel.browser.font().pointSize() >= 20
    assert player.index == 0 and presenter.panel.progress.text() == "1 / 9"
    assert presenter.notes.isVisible() and presenter.notes.notes.text() == player.chapter.notes.en

    window.map_view.setFocus()
    web = window.map_view.focusProxy() or window.map_view
    for widget, key, expected in [
        (web, Qt.Key.Key_Right, 1), (web, Qt.Key.Key_Space, 2), (window, Qt.Key.Key_PageDown, 3),
        (web, Qt.Key.Key_Left, 2), (window, Qt.Key.Key_PageUp, 1), (web, Qt.Key.Key_End, 8),
        (window, Qt.Key.Key_Right, 8), (web, Qt.Key.Key_Home, 0), (web, Qt.Key.Key_Left, 0),
    ]:
        QTest.keyClick(widget, key)
        assert player.index == expected, key
    QTest.keyClick(web, Qt.Key.Key_3)
    assert presenter.panel.jump.text().endswith("3")
    QTest.keyClick(web, Qt.Key.Key_Return)
    assert player.index == 2 and presenter.panel.progress.text() == "3 / 9"
    assert presenter.notes.notes.text() == player.chapter.notes.en

    other = QLineEdit()  # another window: its keys are its own
    qtbot.addWidget(other)
    QTest.keyClick(other, Qt.Key.Key_Right)
    assert player.index == 2 and other.text() == ""

    target = centre(player.chapter)
    evaluate(qtbot, window.map_view, "hegangAtlas.setView(45.0, 125.0, 9) && true")  # the audience pans away
    qtbot.waitUntil(lambda: not shows(page_state(qtbot, story_mode)["view"], target), timeout=5000)
    with qtbot.waitSignal(window.controller.viewChanged, timeout=10000, check_params_cb=lambda v: shows(v, target)):
        QTest.keyClick(web, Qt.Key.Key_R)

    QTest.keyClick(web, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not window.isFullScreen(), timeout=5000)
    assert not presenter.active and presenter.notes is None
    assert window.layers_dock.isVisible() and window.menuBar().isVisible() and not presenter.dock.isVisible()
    assert window.atlas.selection is not None  # Esc left presenter mode; it did not clear the selection too
    QTest.keyClick(web, Qt.Key.Key_Right)
    assert player.index == 2  # keys are the map's again


def test_one_screen_shows_no_notes(qtbot, story_mode):
    story_mode.presenter.enter()
    assert story_mode.presenter.active and story_mode.presenter.notes is None
    story_mode.presenter.leave()


def test_editor_capture_save_and_reopen_give_the_same_story(qtbot, story_mode, tmp_path):
    window, atlas = story_mode.window, story_mode.window.atlas
    atlas.set_visible("wind_potential", False)
    atlas.set_opacity("districts", 0.4)
    atlas.select("coal_mines", "xinxing")
    editor = story_mode.edit()
    editor.capture()
    QTest.keyClicks(editor.story_title, " about mines")
    editor.chapter_title.selectAll()
    QTest.keyClicks(editor.chapter_title, "The Xinxing mine")
    editor.text.setPlainText("A gas explosion in **2009**.\n\n- one\n- two")
    editor.notes.setPlainText("What makes a mine dangerous?")
    editor.claims.filter.setText("xinxing explosion")
    shown = [editor.claims.list.item(i) for i in range(editor.claims.list.count())
             if not editor.claims.list.item(i).isHidden()]
    assert [item.data(Qt.ItemDataRole.UserRole) for item in shown] == ["ref-xinxing-explosion-2009"]
    shown[0].setCheckState(Qt.CheckState.Checked)

    atlas.clear_selection()
    atlas.set_visible("rail_links", False)
    editor.capture()  # inserted after the current chapter
    editor.move_chapter(-1)
    assert [editor.chapters.item(i).text() for i in range(2)] == ["Chapter 2", "The Xinxing mine"]
    editor.chapters.model().moveRow(QModelIndex(), 0, QModelIndex(), 2)  # what a drag does
    assert [editor.chapters.item(i).text() for i in range(2)] == ["The Xinxing mine", "Chapter 2"]

    story = editor.story()
    first, second = story.chapters
    assert story.title.en == "My story about mines" and story.id == "my-story-about-mines"
    assert first.layers == {i: atlas.opacity[i] for i in atlas.order if i != "wind_potential"}
    assert first.layers["districts"] == 0.4 and "rail_links" not in second.layers
    assert first.highlight == (("coal_mines", "xinxing"),) and second.highlight == ()
    assert first.claims == ("ref-xinxing-explosion-2009",) and first.notes.en == "What makes a mine dangerous?"
    assert first.camera.bounds == pytest.approx(window.controller.current_view["bounds"], abs=1e-6)

    path = tmp_path / "mines.json"
    assert editor.save_to(path)
    assert read_story(path) == story
    assert story_mode.dock.current() == (story, path)
    editor.new_story()
    assert editor.chapters.count() == 0
    assert editor.open_file(path)
    assert editor.story() == story and editor.path == path


@pytest.mark.parametrize(
    ("content", "problem"),
    [
        ("{ not json", "not a JSON story file"),
        ("unknown-claim", "chapter 1: unknown claim id 'no-such-claim'"),
    ],
)
def test_invalid_story_file_is_reported_and_changes_nothing(qtbot, story_mode, tmp_path, monkeypatch, content, problem):
    messages = []
    monkeypatch.setattr(QMessageBox, "critical", lambda parent, title, text, *rest: messages.append(text))
    story = builtin_stories()[0]
    if content == "unknown-claim":
        data = json.loads(story.to_json())
        data["chapters"][0]["claims"].append("no-such-claim")
        content = json.dumps(data)
    bad = tmp_path / "bad.json"
    bad.write_text(content, encoding="utf-8")

    editor = story_mode.edit(story)
    before = (editor.story(), editor.path, editor.chapters.currentRow())
    assert not editor.open_file(bad)
    assert (editor.story(), editor.path, editor.chapters.currentRow()) == before

    dock = story_mode.dock
    offered = (dock.chooser.count(), dock.current(), story_mode.player.story)
    assert not story_mode.open_story(bad)
    assert (dock.chooser.count(), dock.current(), story_mode.player.story) == offered

    assert len(messages) == 2
    assert all(str(bad) in m and problem in m for m in messages)
