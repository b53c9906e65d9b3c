"""PNG and PDF maps: exact sizes, a legend drawn in the layers' colours, a page per chapter, literal
text from data, clean failures; and File > Export in the window.

The CLI runs in a subprocess (a fresh process creates its own offscreen QApplication); the window
test runs in this process.
"""

import json
import os
import subprocess
import sys
import tomllib
from html.parser import HTMLParser
from types import SimpleNamespace

import numpy as np
import pypdf
import pytest
from PySide6.QtGui import QImage

from hegang_atlas.qt.scheme import register_scheme

# QtWebEngine takes custom schemes only before the QApplication exists (pytest-qt makes it later).
register_scheme()

from hegang_atlas.export.html import cited_claim  # noqa: E402
from hegang_atlas.export.print_page import print_page  # noqa: E402
from hegang_atlas.export.print_sheets import handout_sheets  # noqa: E402
from hegang_atlas.model import load_atlas  # noqa: E402
from hegang_atlas.model.paths import layers_dir  # noqa: E402
from hegang_atlas.model.story import Story, stories_dir  # noqa: E402
from hegang_atlas.model.validation import parse  # noqa: E402

HOSTILE = "<img src=x onerror=alert(1)>"
ENV = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "QTWEBENGINE_DISABLE_SANDBOX": "1"}


def run_export(*args, env=ENV):
    return subprocess.run(
        [sys.executable, "-m", "hegang_atlas", "export", *map(str, args)],
        capture_output=True, text=True, env=env, timeout=120,
    )


def pdf_text(path, page=None):
    """The PDF's text (one page, or all), whitespace collapsed."""
    pages = pypdf.PdfReader(path).pages
    chosen = pages if page is None else [pages[page]]
    return " ".join(" ".join(p.extract_text() for p in chosen).split())


def pixels(path):
    """The image as an array of (height, width, [r, g, b]) and its size."""
    image = QImage(str(path)).convertToFormat(QImage.Format.Format_RGB32)
    data = np.frombuffer(image.constBits(), np.uint8).reshape(image.height(), image.bytesPerLine() // 4, 4)
    return data[:, : image.width(), 2::-1].copy(), (image.width(), image.height())  # a copy: the image goes


def blend(hex_colour, alpha, background=(255, 255, 255)):
    rgb = [int(hex_colour[i : i + 2], 16) for i in (1, 3, 5)]
    return np.array([round(alpha * c + (1 - alpha) * b) for c, b in zip(rgb, background)])


@pytest.fixture(scope="module")
def atlas():
    return load_atlas()


@pytest.fixture(scope="module")
def story_data(atlas):
    """Three chapters over real layers, features and claims; chapter 2 is hostile markup."""
    registry = atlas.registry
    disagreeing = next(c.id for c in registry.claims.values() if c.disagrees_with)
    first_claim = next(iter(registry.claims))
    mine = str(atlas.layer("coal_mines").frame.index[0])
    return {
        "schema_version": 1,
        "id": "print-test",
        "title": f"Print test {HOSTILE}",
        "chapters": [
            {
                "title": "A city built on coal",
                "text": "Hegang grew around its **mines**.\n\n- one\n- two",
                "camera": {"bounds": [47.1, 129.9, 47.6, 130.7]},
                "layers": {"coal_mines": 1.0, "districts": 0.6},
                "highlight": [["coal_mines", mine]],
                "claims": [first_claim],
            },
            {
                "title": f"Chapter {HOSTILE}",
                "text": f"Flats were cheap. {HOSTILE}",
                "camera": {"center": [47.35, 130.3], "zoom": 11},
                "layers": {"demolished_villages": 1.0, "coal_mines": 0.8},
                "claims": [disagreeing],
            },
            {
                "title": "The border",
                "text": "To the Amur.",
                "camera": {"bounds": [47.0, 129.5, 48.5, 132.0]},
                "layers": {"amur_border": 1.0, "rail_links": 1.0},
            },
        ],
    }


@pytest.fixture(scope="module")
def story_file(story_data, tmp_path_factory):
    path = tmp_path_factory.mktemp("story") / "print-test.json"
    path.write_text(json.dumps(story_data), encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def handout(story_file, tmp_path_factory):
    out = tmp_path_factory.mktemp("handout") / "handout.pdf"
    result = run_export("pdf", out, "--story", story_file)
    assert result.returncode == 0, result.stderr
    return out


@pytest.fixture(scope="module")
def chapter_two(story_file, tmp_path_factory):
    folder = tmp_path_factory.mktemp("chapter")
    for fmt in ("png", "pdf"):
        result = run_export(fmt, folder / f"chapter.{fmt}", "--story", story_file, "--chapter", 2, "--size", "1200x800")
        assert result.returncode == 0, result.stderr
    return folder, result.stdout


def test_png_has_the_asked_size_a_map_and_the_legend_colours(tmp_path):
    out = tmp_path / "map.png"
    result = run_export("png", out, "--size", "1200x800")
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith(f"wrote {out}")
    rgb, size = pixels(out)
    assert size == (1200, 800)
    map_area, column = rgb[:, :800], rgb[:, 900:]
    assert len(np.unique(map_area.reshape(-1, 3), axis=0)) > 200  # not blank: layers, labels, scale bar
    # The "Operating" swatch: the layer's fill at its opacity on the legend's white, in the right-hand column.
    style = tomllib.loads((layers_dir() / "coal_mines.toml").read_text(encoding="utf-8"))["style"]
    operating = blend(style["by"]["values"]["operating"]["fill_color"], style["fill_opacity"])
    closed = blend(style["by"]["values"]["closed"]["fill_color"], style["fill_opacity"])
    for colour in (operating, closed):
        assert (np.abs(column.astype(int) - colour).max(axis=2) <= 2).sum() > 50


def test_pdf_page_has_the_asked_size_in_points(tmp_path):
    out = tmp_path / "map.pdf"
    result = run_export("pdf", out, "--size", "1600x1000", "--dpi", 150)
    assert result.returncode == 0, result.stderr
    pages = pypdf.PdfReader(out).pages
    assert len(pages) == 1
    box = pages[0].mediabox
    assert float(box.width) == pytest.approx(1600 * 72 / 150, abs=0.3)
    assert float(box.height) == pytest.approx(1000 * 72 / 150, abs=0.3)
    text = pdf_text(out)
    assert "Hegang Atlas" in text and "Coal mines" in text and "Operating" in text
    assert "Map drawn with Leaflet" in text and "km" in text  # credits, scale bar


def test_handout_has_a_page_per_chapter_with_text_and_citations(handout, story_data, atlas):
    assert len(pypdf.PdfReader(handout).pages) == 3
    first = pdf_text(handout, 0)
    claim = atlas.registry.claim(story_data["chapters"][0]["claims"][0])
    assert "A city built on coal" in first and "Hegang grew around its mines." in first
    assert " ".join(cited_claim(atlas.registry, claim, "en")["citation"].split()) in first
    assert "The border" in pdf_text(handout, 2)


def test_hostile_story_text_is_printed_as_text(handout):
    second = pdf_text(handout, 1)
    assert f"Chapter {HOSTILE}" in second
    assert f"Flats were cheap. {HOSTILE}" in second
    assert f"Print test {HOSTILE}" in second


@pytest.mark.skipif(not (stories_dir() / "hegang-shrinking-city.json").is_file(), reason="built-in story not written yet")
def test_builtin_story_handout(tmp_path):
    story = json.loads((stories_dir() / "hegang-shrinking-city.json").read_text(encoding="utf-8"))
    out = tmp_path / "story.pdf"
    result = run_export("pdf", out, "--story", "hegang-shrinking-city")
    assert result.returncode == 0, result.stderr
    assert len(pypdf.PdfReader(out).pages) == len(story["chapters"])
    assert f"{len(story['chapters'])} pages" in result.stdout


def test_one_chapter_as_png_and_pdf(chapter_two, atlas, story_data):
    folder, report = chapter_two
    assert pixels(folder / "chapter.png")[1] == (1200, 800)
    assert len(pypdf.PdfReader(folder / "chapter.pdf").pages) == 1
    text = pdf_text(folder / "chapter.pdf")
    assert f"Chapter {HOSTILE}" in text and "Chapter 2 of 3" in text
    claim = atlas.registry.claim(story_data["chapters"][1]["claims"][0])
    assert atlas.registry.document_of(claim).title.en in text  # credited source
    assert report.rstrip().endswith("layers: demolished_villages, coal_mines)")


def test_unwritable_target_fails_cleanly_before_starting_the_web_engine(tmp_path):
    out = tmp_path / "no such folder" / "map.png"
    result = run_export("png", out)
    assert result.returncode == 1
    assert result.stderr.count("\n") == 1 and result.stderr.startswith("hegang-atlas: ")
    assert str(out) in result.stderr and "Traceback" not in result.stderr
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["png", "x.png", "--chapter", "2"], "--chapter needs --story"),
        (["png", "x.png", "--story", "hegang-shrinking-city"], "a PNG shows one chapter"),
        (["png", "x.png", "--size", "300x200"], "too small"),
        (["pdf", "x.pdf", "--dpi", "5000"], "--dpi must be between"),
        (["pdf", "x.pdf", "--story", "no-such-story"], "unknown story 'no-such-story'"),
        (["pdf", "x.pdf", "--basemap", "nope"], "unknown basemap 'nope'"),
    ],
)
def test_bad_options_are_one_line_errors(tmp_path, args, message):
    result = subprocess.run(
        [sys.executable, "-m", "hegang_atlas", "export", *args], capture_output=True, text=True, env=ENV, cwd=tmp_path
    )
    assert result.returncode == 1
    assert result.stderr.count("\n") == 1 and message in result.stderr
    assert list(tmp_path.iterdir()) == []


def test_chapter_out_of_range(story_file, tmp_path):
    result = run_export("png", tmp_path / "x.png", "--story", story_file, "--chapter", 4)
    assert result.returncode == 1 and "has 3 chapters" in result.stderr
    assert list(tmp_path.iterdir()) == []


@pytest.mark.skipif(os.geteuid() != 0, reason="only root needs the sandbox switch")
def test_root_without_sandbox_switch_is_refused(tmp_path):
    env = {k: v for k, v in ENV.items() if k != "QTWEBENGINE_DISABLE_SANDBOX"}
    result = run_export("png", tmp_path / "x.png", env=env)
    assert result.returncode == 1 and "QTWEBENGINE_DISABLE_SANDBOX=1" in result.stderr
    assert result.stderr.count("\n") == 1
    assert list(tmp_path.iterdir()) == []


class Tags(HTMLParser):
    def __init__(self, html):
        super().__init__()
        self.tags = []
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))


def test_print_page_escapes_every_text(atlas, story_data):
    story = parse(Story, story_data, None)
    html = print_page(atlas, story.title.en, handout_sheets(atlas, story), (1024, 640))
    tags = Tags(html).tags
    assert not [t for t, a in tags if t == "img" or any(n.startswith("on") for n in a)]
    assert HOSTILE not in html and "Chapter &lt;img src=x onerror=alert(1)&gt;" in html


# -- File > Export in a window ---------------------------------------------------------------------


@pytest.fixture
def window(qtbot):
    from PySide6.QtWidgets import QMainWindow

    win = QMainWindow()
    win.atlas = load_atlas()
    win.controller = SimpleNamespace(basemap=None, current_view=None)
    win.file_menu = win.menuBar().addMenu("&File")
    win.file_menu.addAction("&Quit")
    qtbot.addWidget(win)
    return win


def test_export_menu_sits_above_quit(window):
    from hegang_atlas.qt.export_actions import install_export_actions

    actions = install_export_actions(window)
    items = window.file_menu.actions()
    assert items[0].menu() is actions.menu and items[1].isSeparator() and items[2].text() == "&Quit"
    assert [a.text() for a in actions.menu.actions()] == [
        "&GeoPackage…", "&Image (PNG)…", "&PDF…", "&Web page (HTML)…",
    ]


def test_window_exports_html_gpkg_and_the_current_map(window, tmp_path):
    from hegang_atlas.qt.export_actions import install_export_actions

    actions = install_export_actions(window)
    window.atlas.set_visible("wind_potential", False)
    window.controller.current_view = {"lat": 47.35, "lon": 130.3, "zoom": 10, "bounds": [47.2, 130.1, 47.5, 130.5]}
    for fmt in ("html", "gpkg", "png"):
        report = actions.export(fmt, tmp_path / "atlas")  # the suffix is added
        assert report.path == tmp_path / f"atlas.{fmt}" and report.path.stat().st_size > 1000
        assert window.statusBar().currentMessage() == report.text()
    assert "wind_potential" not in report.layers and "coal_mines" in report.layers
    assert pixels(tmp_path / "atlas.png")[1] == (1600, 1000)


def test_window_export_failure_names_the_file(window, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    from hegang_atlas.qt.export_actions import install_export_actions

    shown = []
    monkeypatch.setattr(QMessageBox, "critical", lambda parent, title, text: shown.append(text))
    target = tmp_path / "missing" / "atlas.gpkg"
    assert install_export_actions(window).export("gpkg", target) is None
    assert len(shown) == 1 and str(target) in shown[0] and "cannot be written" in shown[0]
    assert window.statusBar().currentMessage() == ""
    assert list(tmp_path.iterdir()) == []
