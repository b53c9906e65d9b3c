"""Every piece of content text (claims, document titles, layer texts) has Chinese and Dutch versions."""

import json
import re
import subprocess
import sys

import pytest

from hegang_atlas.model.definitions import load_definition
from hegang_atlas.model.paths import geodata_dir, layers_dir
from hegang_atlas.model.sources import load_registry
from hegang_atlas.model.text import LocalText

CJK = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff]")
LAYER_FILES = sorted(layers_dir().glob("*.toml"))


@pytest.fixture(scope="module")
def registry():
    return load_registry(geodata_dir() / "sources.toml")


def is_chinese(text):
    return bool(CJK.search(text))


def missing_translations(where, text):
    """Problems with one LocalText: a missing or empty zh/nl, or a zh without Chinese characters."""
    problems = []
    for lang in ("zh", "nl"):
        if not text.others.get(lang, "").strip():
            problems.append(f"{where}: no {lang} for {text.en!r}")
    zh = text.others.get("zh", "")
    if zh.strip() and not is_chinese(zh):
        problems.append(f"{where}: zh has no Chinese characters: {zh!r}")
    return problems


def layer_texts(definition):
    """``(where, LocalText)`` for every translatable text of a layer definition."""
    yield f"{definition.id}.title", definition.title
    assert definition.description is not None, f"{definition.id} has no description"
    yield f"{definition.id}.description", definition.description
    for f in definition.fields:
        yield f"{definition.id}.fields.{f.name}.label", f.label
    if definition.style.by:
        for value, style in definition.style.by.values.items():
            assert style.label is not None, f"{definition.id}: category {value!r} has no label"
            yield f"{definition.id}.style.by.values.{value}.label", style.label


def test_there_is_content_to_check(registry):
    assert len(registry.claims) >= 100
    assert len(registry.documents) >= 2
    assert len(LAYER_FILES) >= 9


def test_every_claim_has_chinese_and_dutch_statements(registry):
    problems = []
    for claim in registry.claims.values():
        if not claim.statement_nl.strip():
            problems.append(f"{claim.id}: no statement_nl")
        if not claim.statement_zh.strip():
            problems.append(f"{claim.id}: no statement_zh")
        elif not is_chinese(claim.statement_zh):
            problems.append(f"{claim.id}: statement_zh has no Chinese characters")
        if is_chinese(claim.statement_nl):
            problems.append(f"{claim.id}: statement_nl contains Chinese characters")
    assert problems == []


def test_claim_text_uses_the_translations(registry):
    for claim in registry.claims.values():
        assert claim.text("en") == claim.statement.en
        assert claim.text("nl") == claim.statement_nl
        assert claim.text("zh") == claim.statement_zh


def test_every_document_title_has_three_languages(registry):
    problems = []
    for doc in registry.documents.values():
        problems += missing_translations(f"document {doc.id} title", doc.title)
    assert problems == []


@pytest.mark.parametrize("path", LAYER_FILES, ids=lambda p: p.stem)
def test_every_layer_text_has_three_languages(path):
    definition = load_definition(path)
    problems = []
    for where, text in layer_texts(definition):
        assert isinstance(text, LocalText)
        problems += missing_translations(where, text)
    assert problems == []


def test_cli_layers_json_still_works():
    out = subprocess.run(
        [sys.executable, "-m", "hegang_atlas", "layers", "--json"], capture_output=True, text=True, check=True
    )
    rows = json.loads(out.stdout)
    assert {p.stem for p in LAYER_FILES} <= {row["id"] for row in rows}
    assert all(row["title"] for row in rows)


def test_every_computed_value_has_chinese_and_dutch_label_and_method():
    from hegang_atlas.model.derived import DERIVED

    problems = []
    for name, derived in DERIVED.items():
        problems += missing_translations(f"derived.{name}.label", derived.label)
        problems += missing_translations(f"derived.{name}.method", derived.method)
    assert len(DERIVED) >= 4 and problems == []
