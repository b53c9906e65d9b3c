"""The offline HTML export: one self-contained file, data only as JSON, and a page that works in a browser."""

import json
import re
from html.parser import HTMLParser

import pytest

from hegang_atlas.export import html as html_export
from hegang_atlas.export.common import ExportOptions
from hegang_atlas.model import AtlasError, load_atlas
from hegang_atlas.model.story import read_story
from hegang_atlas.page.basemaps import basemaps
from tests.chromium import CHROMIUM, Chromium, ChromiumError
from tests.minimal_atlas import feature, write_atlas, write_geojson

HOSTILE = "<img src=x onerror=\"document.title='pwned'\">${document.title='pwned2'}</script><script>alert(1)</script>"
STORY = {
    "schema_version": 1,
    "id": "test-story",
    "title": {"en": "Test story", "zh": "测试故事"},
    "chapters": [
        {
            "title": {"en": "One", "zh": "第一章"},
            "text": "Prices: **50,000 RMB** or *2,700 EUR*.",
            "camera": {"center": [47.35, 130.3], "zoom": 10},
            "layers": {"coal_mines": 1.0, "villages": 0.5},
            "highlight": [["coal_mines", "mine-a"], ["villages", "v-near"]],
            "claims": ["c-two"],
        },
        {"title": "Two", "text": f"Border. {HOSTILE}", "camera": {"bounds": [47, 130, 48.5, 132]}},
    ],
}


@pytest.fixture(scope="module")
def small(tmp_path_factory):
    """The tiny atlas with a mine whose name and status are hostile markup."""
    layers, geodata = write_atlas(tmp_path_factory.mktemp("atlas"))
    write_geojson(geodata / "coal_mines.geojson", [
        feature("mine-a", {"type": "Point", "coordinates": [130.30, 47.35]}, status="operating", claims=["c-one", "c-two"]),
        feature("evil", {"type": "Point", "coordinates": [130.60, 47.60]}, name=HOSTILE, status=HOSTILE),
    ])
    return load_atlas(layers=layers, geodata=geodata)


@pytest.fixture(scope="module")
def story_file(tmp_path_factory):
    path = tmp_path_factory.mktemp("story") / "story.json"
    path.write_text(json.dumps(STORY), encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def page(small, story_file):
    """The page with the story, as HTML."""
    return html_export.render_page(small, read_story(story_file))


class Markup(HTMLParser):
    """Tags and text as a browser parses them; script and style contents kept apart."""

    def __init__(self, html):
        super().__init__()
        self.tags, self.text, self.scripts, self.styles = [], [], [], []
        self._in = None
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))
        self._in = tag if tag in ("script", "style") else None

    def handle_endtag(self, tag):
        self._in = None

    def handle_data(self, data):
        {"script": self.scripts, "style": self.styles}.get(self._in, self.text).append(data)


def export_data(html):
    return json.loads(re.search(r'<script type="application/json" id="ha-export">(.*?)</script>', html, re.S).group(1))


def remote_references(page):
    """Whatever in the markup or its CSS would make a browser fetch something: none may be remote."""
    markup = Markup(page)
    found = [(t, a) for t, a in markup.tags if t == "link" or (t == "script" and "src" in a)]
    found += [(t, a) for t, a in markup.tags for n in ("src", "href") if re.match(r"\s*(https?:)?//", a.get(n) or "")]
    css = "\n".join(markup.styles)
    found += re.findall(r"@import|@font-face", css)
    found += [u for u in re.findall(r"url\(\s*['\"]?([^)'\"]*)", css) if not u.startswith(("data:", "#"))]
    return found


def test_page_needs_no_network(page):
    assert remote_references(page) == []
    assert "sourceMappingURL" not in page
    assert page.startswith('<!DOCTYPE html>\n<html lang="en">')


def test_basemap_adds_only_its_tile_template(small):
    osm = basemaps()["osm"]
    page = html_export.render_page(small, basemap=osm)
    assert osm.url in page
    assert remote_references(page) == []


def test_hostile_values_stay_inside_json(page):
    markup = Markup(page)
    assert HOSTILE not in page
    assert not [t for t, a in markup.tags if t == "img" or any(n.startswith("on") for n in a)]
    assert "pwned" not in "".join(markup.text)
    details = export_data(page)["features"]["coal_mines"]["evil"]
    assert details["name"] == HOSTILE
    assert details["fields"] == [["Status", HOSTILE]]
    chapter = export_data(page)["story"]["chapters"][1]["html"]
    assert "<img" not in chapter and "${" not in chapter and "&lt;img" in chapter


def test_template_syntax_in_data_is_not_evaluated(tmp_path):
    layers, geodata = write_atlas(tmp_path)
    write_geojson(geodata / "coal_mines.geojson", [
        feature("t", {"type": "Point", "coordinates": [130.3, 47.35]}, name="{{ 7 * 7 }}", status="operating"),
    ])
    page = html_export.render_page(load_atlas(layers=layers, geodata=geodata))
    assert '"name":"49"' not in page


def test_panel_payload_has_labels_units_derived_and_grouped_claims(page):
    data = export_data(page)
    near = data["features"]["villages"]["v-near"]
    assert near["layer"] == "Villages"
    assert [row[0] for row in near["derived"]] == ["Area", "Distance to nearest coal mine"]
    assert near["derived"][0][1].endswith(" km²") and "UTM zone 52N" in near["derived"][0][2]
    assert near["quality"] == "approximate position" and near["note"] == "test"
    [group] = near["claims"]
    assert group["disagree"] is True
    assert [c["citation"] for c in group["claims"]] == ["A test document, ¶2", "A test document, ¶3"]
    assert group["claims"][0]["figure"] == "50,000 RMB"
    assert data["features"]["coal_mines"]["mine-a"]["claims"][0]["claims"][0]["figure"] == "5 %"
    story = data["story"]
    assert [c["title"] for c in story["chapters"]] == ["One", "Two"]
    assert story["chapters"][0]["html"] == "<p>Prices: <strong>50,000 RMB</strong> or <em>2,700 EUR</em>.</p>"
    assert story["chapters"][0]["claims"][0]["disagree"] is True


def test_unknown_values_say_unknown(tmp_path):
    layers, geodata = write_atlas(tmp_path)
    data = export_data(html_export.render_page(load_atlas(layers=layers, geodata=geodata), lang="nl"))
    assert data["features"]["coal_mines"]["mine-b"]["fields"] == [["Status", "onbekend"]]


def test_language_sets_titles_texts_and_fonts(small, story_file):
    page = html_export.render_page(small, read_story(story_file), lang="zh")
    assert page.startswith('<!DOCTYPE html>\n<html lang="zh">')
    assert "<title>测试故事</title>" in page
    data = export_data(page)
    assert [l["title"] for l in data["layers"]][-1] == "煤矿"
    assert data["story"]["chapters"][0]["title"] == "第一章"
    assert data["ui"]["disagree"] == "来源说法不一"
    assert re.search(r'html\[lang="zh"\]\s*\{\s*--ha-font:\s*"Noto Sans CJK SC"', page)


def test_export_writes_one_file_and_reports_layers(small, story_file, tmp_path, monkeypatch):
    monkeypatch.setattr(html_export, "atlas_for_export", lambda options: small)
    out = tmp_path / "atlas.html"
    report = html_export.export(ExportOptions("html", out, story=str(story_file)))
    assert report.path == out and report.layers == small.order
    assert export_data(out.read_text(encoding="utf-8"))["story"]["title"] == "Test story"
    assert [p.name for p in tmp_path.iterdir()] == ["atlas.html"]
    with pytest.raises(AtlasError, match="unknown story 'nope'"):
        html_export.export(ExportOptions("html", out, story="nope"))
    with pytest.raises(AtlasError, match="unknown basemap 'moon'"):
        html_export.export(ExportOptions("html", out, basemap="moon"))
    bad = json.loads(json.dumps(STORY))
    bad["chapters"][1]["layers"] = {"ghost": 1}
    bad_file = story_file.with_name("bad.json")
    bad_file.write_text(json.dumps(bad), encoding="utf-8")
    with pytest.raises(AtlasError, match="chapter 2: unknown layer 'ghost'"):
        html_export.export(ExportOptions("html", out, story=str(bad_file)))


# -- in a browser ---------------------------------------------------------------------------------
browser_only = pytest.mark.skipif(not CHROMIUM.exists(), reason=f"needs Chromium at {CHROMIUM} (apt-get install chromium)")


@pytest.fixture(scope="module")
def browser():
    with Chromium() as chromium:
        yield chromium


@pytest.fixture(scope="module")
def pages(small, story_file, tmp_path_factory):
    """The map page and the story page, written as files."""
    folder = tmp_path_factory.mktemp("pages")
    paths = {"map": folder / "map.html", "story": folder / "story.html"}
    paths["map"].write_text(html_export.render_page(small), encoding="utf-8")
    paths["story"].write_text(html_export.render_page(small, read_story(story_file)), encoding="utf-8")
    return paths


PANEL = "document.querySelector('.ha-feature')"


def assert_offline_and_clean(browser):
    browser.drain()
    assert [u for u in browser.requests if not u.startswith(("file:", "data:"))] == []
    assert browser.errors == []


def click_feature(browser, layer, fid):
    """Centre the map on a feature, then click where the page says the feature is."""
    args = f"{json.dumps(layer)}, {json.dumps(fid)}"
    x, y = browser.evaluate(f"""(() => {{
        const map = hegangAtlas.map, p = hegangAtlas.screenPoint({args});
        map.setView(map.containerPointToLatLng([p.x, p.y]), 11, {{animate: false}});
        const q = hegangAtlas.screenPoint({args}), r = map.getContainer().getBoundingClientRect();
        return [q.x + r.left, q.y + r.top];
    }})()""")
    browser.click(x, y)


@browser_only
def test_page_loads_offline_and_draws(browser, pages):
    browser.open(pages["map"].as_uri())
    browser.wait_for("!!(window.hegangAtlas && document.querySelector('.ha-layers'))")
    assert browser.evaluate("document.querySelectorAll('.leaflet-container svg path').length") >= 3
    assert browser.evaluate("L.version") == "1.9.4"
    titles = browser.evaluate("[...document.querySelectorAll('.ha-layer-title')].map(e => e.textContent)")
    assert titles == ["Coal mines", "Villages", "Border"]
    browser.evaluate("document.querySelector('.ha-layer input').click()")
    assert browser.evaluate("hegangAtlas.getState().visible.coal_mines") is False
    assert browser.evaluate("document.title") == "Hegang Atlas"
    assert_offline_and_clean(browser)


@browser_only
def test_click_on_a_feature_shows_its_claims(browser, pages):
    browser.open(pages["map"].as_uri())
    browser.wait_for("!!window.hegangAtlas")
    click_feature(browser, "coal_mines", "mine-a")
    text = browser.wait_for(f"!{PANEL}.hidden && {PANEL}.innerText")
    assert "Mine-A" in text and "Coal mines" in text and "Status" in text and "operating" in text
    assert "A test figure." in text and "5 %" in text and "A test document, ¶1" in text
    assert "Sources disagree" in text and "One price." in text and "Another price." in text
    assert browser.evaluate("hegangAtlas.getState().highlighted") == ["coal_mines", "mine-a"]
    assert_offline_and_clean(browser)


@browser_only
def test_hostile_name_is_shown_as_text(browser, pages):
    browser.open(pages["map"].as_uri())
    browser.wait_for("!!window.hegangAtlas")
    click_feature(browser, "coal_mines", "evil")
    assert browser.wait_for(f"!{PANEL}.hidden && {PANEL}.querySelector('.ha-feature-name').textContent") == HOSTILE
    assert browser.evaluate("document.querySelectorAll('img[onerror], script[src]').length") == 0
    assert browser.evaluate("document.title") == "Hegang Atlas"
    assert_offline_and_clean(browser)




@browser_only
def test_click_reaches_a_feature_under_another_layer(browser, pages):
    browser.open(pages["map"].as_uri())
    browser.wait_for("!!window.hegangAtlas")
    click_feature(browser, "villages", "v-near")
    assert "V-Near" in browser.wait_for(f"!{PANEL}.hidden && {PANEL}.innerText", timeout=2)


@browser_only
def test_second_click_after_a_highlight(browser, pages):
    browser.open(pages["map"].as_uri())
    browser.wait_for("!!window.hegangAtlas")
    click_feature(browser, "coal_mines", "mine-a")
    browser.wait_for(f"!{PANEL}.hidden")
    click_feature(browser, "coal_mines", "evil")
    name = browser.wait_for(f"{PANEL}.querySelector('.ha-feature-name').textContent !== 'Mine-A' && "
                            f"{PANEL}.querySelector('.ha-feature-name').textContent", timeout=2)
    assert name == HOSTILE


@browser_only
def test_story_plays_with_the_keyboard(browser, pages):
    browser.open(pages["story"].as_uri())
    browser.wait_for("!!window.hegangStory")
    title = "document.querySelector('.ha-chapter-title').textContent"
    assert browser.evaluate("hegangStory.index()") == 0 and browser.evaluate(title) == "One"
    state = browser.evaluate("hegangAtlas.getState()")
    assert state["visible"] == {"amur_border": False, "villages": True, "coal_mines": True}
    assert state["opacity"]["villages"] == 0.5
    assert state["highlighted"] == ["coal_mines", "mine-a"] and state["marked"] == 2
    assert "Sources disagree" in browser.evaluate("document.querySelector('.ha-story').innerText")
    browser.key("ArrowRight")
    assert browser.evaluate("hegangStory.index()") == 1 and browser.evaluate(title) == "Two"
    assert browser.evaluate("document.querySelector('.ha-progress').textContent") == "2 / 2"
    assert browser.evaluate("document.querySelectorAll('.ha-story input:checked, .ha-layers input:checked').length") == 0
    for key, index in (("ArrowLeft", 0), ("End", 1), ("Home", 0), (" ", 1), ("PageUp", 0), ("PageDown", 1)):
        browser.key(key)
        assert browser.evaluate("hegangStory.index()") == index, key
    assert browser.evaluate("document.querySelectorAll('img[onerror]').length") == 0
    assert browser.evaluate("document.title") == "Test story"
    assert_offline_and_clean(browser)
