"""Search by English name, Chinese name and cited claims, ranked, with an index that follows the layers."""

import pytest

from hegang_atlas.model import load_atlas
from hegang_atlas.model.search import CLAIM, EXACT, PREFIX, SUBSTRING, SearchIndex, search
from tests.minimal_atlas import feature, square, write_atlas, write_geojson

CLAIMS = """
[[claims]]
id = "c-blast"
document = "doc"
paragraph = 4
statement = "A gas explosion underground killed miners."
statement_zh = "井下瓦斯爆炸造成矿工死亡。"

[[claims]]
id = "c-move"
document = "doc"
paragraph = 5
statement = "Families left the Xinxing subsidence zone."
"""


@pytest.fixture
def small(tmp_path):
    layers, geodata = write_atlas(tmp_path)
    with open(geodata / "sources.toml", "a", encoding="utf-8") as fh:
        fh.write(CLAIMS)
    write_geojson(geodata / "coal_mines.geojson", [
        feature("mine-a", {"type": "Point", "coordinates": [130.30, 47.35]}, name="Xinxing",
                name_zh="新兴煤矿", status="closed", claims=["c-blast"]),
        feature("mine-b", {"type": "Point", "coordinates": [130.50, 47.50]}, name="Xinxing No. 2", status=None),
        feature("mine-c", {"type": "Point", "coordinates": [130.40, 47.40]}, name="Old xinXing shaft", status=None),
    ])
    write_geojson(geodata / "villages.geojson", [
        feature("v-near", square(130.31, 47.35), claims=["c-two"]),
        feature("v-far", square(130.80, 47.80), claims=["c-move"]),
    ])
    return load_atlas(layers=layers, geodata=geodata)


def keys(hits):
    return [(h.layer_id, h.feature_id, h.matched) for h in hits]


def test_exact_then_prefix_then_substring_then_claim(small):
    hits = search(small, "xinxing")
    assert keys(hits) == [
        ("coal_mines", "mine-a", "name"),
        ("coal_mines", "mine-b", "name"),
        ("coal_mines", "mine-c", "name"),
        ("villages", "v-far", "claim"),
    ]
    assert [h.score for h in hits] == [EXACT, PREFIX, SUBSTRING, CLAIM]
    assert hits[3].snippet == "Families left the Xinxing subsidence zone."
    assert hits[0].snippet == ""


def test_claim_statement_finds_the_mine(small):
    [hit] = search(small, "Explosion")
    assert (hit.layer_id, hit.feature_id, hit.matched) == ("coal_mines", "mine-a", "claim")
    assert "explosion" in hit.snippet
    assert hit.label == "Xinxing (新兴煤矿)"


def test_chinese_name_and_chinese_label(small):
    [hit] = search(small, " 新兴 ", lang="zh")
    assert (hit.feature_id, hit.matched, hit.score) == ("mine-a", "name_zh", PREFIX)
    assert hit.label == "新兴煤矿 (Xinxing)"


def test_claims_are_searched_in_the_chosen_language_and_english(small):
    assert search(small, "爆炸") == []
    [hit] = search(small, "爆炸", lang="zh")
    assert hit.snippet == "井下瓦斯爆炸造成矿工死亡。"
    assert keys(search(small, "explosion", lang="zh")) == [("coal_mines", "mine-a", "claim")]


def test_empty_query_limit_and_no_match(small):
    assert search(small, "   ") == []
    assert search(small, "xinxing", limit=0) == []
    assert keys(search(small, "xinxing", limit=2)) == keys(search(small, "xinxing"))[:2]
    assert search(small, "no such place") == []


def test_a_feature_appears_once_by_its_best_match(small):
    # "v-near" is both its name (V-Near) and not in any claim; "price" only in claims
    assert keys(search(small, "v-near")) == [("villages", "v-near", "name")]
    assert keys(search(small, "price")) == [("villages", "v-near", "claim")]


def test_index_follows_layers_added_and_removed(small):
    assert search(small, "xinxing no")  # builds the cached index
    mines = small.layer("coal_mines")
    small.remove_layer("coal_mines")
    assert [h.layer_id for h in search(small, "xinxing")] == ["villages"]
    small.add_layer(mines)
    assert keys(search(small, "xinxing no")) == [("coal_mines", "mine-b", "name")]


def test_search_index_can_be_held_by_a_view(small):
    index = SearchIndex(small)
    assert keys(index.search("old")) == [("coal_mines", "mine-c", "name")]
    small.remove_layer("coal_mines")
    assert index.search("old") == []


def test_bundled_atlas_finds_the_xinxing_explosion(atlas):
    """On the bundled data: a word from a claim finds the mine that cites it; so does its Chinese name."""
    assert ("coal_mines", "xinxing", "claim") in keys(search(atlas, "explosion"))
    assert keys(search(atlas, "新兴煤矿"))[0] == ("coal_mines", "xinxing", "name_zh")
