"""Story files: validated on open with clear errors, saved atomically, text rendered safely."""

import json

import pytest

from hegang_atlas.model import AtlasError, load_atlas
from hegang_atlas.model.markdown import render
from hegang_atlas.model.story import check_story, read_story, save_story
from tests.minimal_atlas import write_atlas

STORY = {
    "schema_version": 1,
    "id": "test-story",
    "title": {"en": "Test", "zh": "测试"},
    "chapters": [
        {
            "title": "One",
            "text": "Prices: **50,000 RMB** or *2,700 EUR*.\n\n- first\n- second",
            "camera": {"center": [47.35, 130.3], "zoom": 10},
            "layers": {"coal_mines": 1.0, "villages": 0.5},
            "highlight": [["coal_mines", "mine-a"]],
            "claims": ["c-two", "c-three"],
            "notes": "Ask the class why the prices differ.",
        },
        {"title": "Two", "text": "Border.", "camera": {"bounds": [47, 130, 48.5, 132]}},
    ],
}


@pytest.fixture
def small(tmp_path):
    layers, geodata = write_atlas(tmp_path)
    return load_atlas(layers=layers, geodata=geodata)


def write(tmp_path, data, name="story.json"):
    path = tmp_path / name
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


def test_story_round_trip_is_equal(tmp_path, small):
    story = read_story(write(tmp_path, STORY))
    check_story(story, small)
    saved = save_story(story, tmp_path / "copy.json")
    assert read_story(saved) == story


def test_save_keeps_a_backup_and_fails_cleanly(tmp_path):
    story = read_story(write(tmp_path, STORY))
    target = tmp_path / "s.json"
    save_story(story, target)
    first = target.read_bytes()
    save_story(story, target)
    assert (tmp_path / "s.json.bak").read_bytes() == first
    with pytest.raises(AtlasError, match="cannot be written"):
        save_story(story, tmp_path / "missing-dir" / "s.json")
    assert not list((tmp_path).glob(".*.tmp"))


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda d: d.update(schema_version=7), "schema_version 7 is not supported"),
        (lambda d: d.update(chapters=[]), "field 'chapters'"),
        (lambda d: d["chapters"][0].update(camera={"zoom": 3}), "a camera needs bounds"),
        (lambda d: d["chapters"][0].update(colour="red"), "unknown field 'chapters.0.colour'"),
        (lambda d: d["chapters"][0]["layers"].update(coal_mines=3), "opacity must be between 0 and 1"),
    ],
)
def test_invalid_story_files_name_the_problem(tmp_path, change, message):
    data = json.loads(json.dumps(STORY))
    change(data)
    with pytest.raises(AtlasError, match=message) as err:
        read_story(write(tmp_path, data))
    assert "story.json" in err.value.message


def test_not_json_and_wrong_shape(tmp_path):
    with pytest.raises(AtlasError, match="not a JSON story file"):
        read_story(_raw(tmp_path, "{oops"))
    with pytest.raises(AtlasError, match="must hold a JSON object"):
        read_story(_raw(tmp_path, "[1, 2]"))


def _raw(tmp_path, text):
    path = tmp_path / "raw.json"
    path.write_text(text)
    return path


def test_check_story_names_unknown_references(tmp_path, small):
    data = json.loads(json.dumps(STORY))
    data["chapters"][1]["claims"] = ["nope"]
    with pytest.raises(AtlasError, match="chapter 2: unknown claim id 'nope'"):
        check_story(read_story(write(tmp_path, data)), small)
    data["chapters"][0]["highlight"] = [["coal_mines", "ghost"]]
    with pytest.raises(AtlasError, match="chapter 1: unknown feature 'coal_mines/ghost'"):
        check_story(read_story(write(tmp_path, data)), small)


def test_markdown_subset_is_safe():
    html = render('**bold** <script>alert(1)</script> ${x} `code` <img src=x onerror="y">\n\n- a\n- b')
    assert "<strong>bold</strong>" in html
    assert "<script>" not in html and "<img" not in html
    assert "${" not in html and "`" not in html
    assert "<ul><li>a</li><li>b</li></ul>" in html
