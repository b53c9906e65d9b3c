"""The source registry holds every figure of both documents, cited, and copies no sentence."""

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from hegang_atlas.model.paths import geodata_dir
from hegang_atlas.model.sources import load_registry, paragraphs
from tests.seeds import SEED_FILES, SEEDS, needs_seeds

ESSAY, DUTCH = "essay-en", "nhnieuws-2023-03"

# (document, value) of every figure in the two documents, read by hand from the seed files.
FIGURES = [
    (ESSAY, 900000), (ESSAY, 1914), (ESSAY, 5), (ESSAY, 30), (ESSAY, 2013), (ESSAY, 5),
    (ESSAY, 16), (ESSAY, 1060000), (ESSAY, 891000), (ESSAY, 48.7), (ESSAY, 38.8),
    (ESSAY, 3.8), (ESSAY, 6.77), (ESSAY, 2), (ESSAY, 50000), (ESSAY, 20000), (ESSAY, 45),
    (DUTCH, 75), (DUTCH, 13500), (DUTCH, 2700), (DUTCH, 2.3), (DUTCH, 13.7), (DUTCH, 10),
]
# Dated or undated facts without a single figure that must be claims too, by a word in the statement.
FACTS = [
    (ESSAY, "heating"), (ESSAY, "Vladivostok"), (ESSAY, "timber"), (ESSAY, "wind"),
    (ESSAY, "pension"), (ESSAY, "tourism"), (DUTCH, "city core"), (DUTCH, "heating"),
    (DUTCH, "hostel"), (DUTCH, "restructur"),
]


@pytest.fixture(scope="module")
def registry():
    return load_registry(geodata_dir() / "sources.toml")


def seed_text(registry, document):
    return (SEEDS / registry.documents[document].file).read_text(encoding="utf-8")


@pytest.mark.parametrize(("document", "value"), FIGURES)
def test_every_figure_is_a_claim(registry, document, value):
    values = [c.value for c in registry.claims.values() if c.document == document]
    assert any(v is not None and abs(v - value) < 1e-9 for v in values), f"{value} from {document} is not a claim"


@pytest.mark.parametrize(("document", "word"), FACTS)
def test_every_fact_is_a_claim(registry, document, word):
    statements = [c.statement.en.lower() for c in registry.claims.values() if c.document == document]
    assert any(word.lower() in s for s in statements), f"no claim of {document} mentions {word!r}"


def number_forms(value):
    """Ways a figure may be written in a paragraph: 1060000 as 1.06M, 13500 as 13.500, 2.3 as 2,3 ..."""
    forms = {f"{value:g}", f"{value:,.0f}" if value >= 1000 else f"{value:g}"}
    forms |= {f.replace(",", ".") for f in forms} | {f.replace(".", ",") for f in forms}
    if value >= 1000:
        forms |= {f"{value / 1e6:g}M", f"{value / 1e3:g}K", f"{value / 1e3:g}"}
    return forms


@needs_seeds
def test_numeric_claims_cite_the_paragraph_with_their_figure(registry):
    wrong = []
    for claim in registry.claims.values():
        doc = registry.documents[claim.document]
        if doc.kind != "document" or claim.value is None:
            continue
        paras = paragraphs(seed_text(registry, claim.document))
        assert 1 <= claim.paragraph <= len(paras), claim.id
        text = paras[claim.paragraph - 1].replace("\u2009", "")
        if not any(form in text for form in number_forms(float(claim.value))):
            wrong.append((claim.id, claim.value, claim.paragraph))
    assert wrong == []


def test_disagreeing_flat_prices_are_linked(registry):
    prices = [c for c in registry.claims.values() if c.value in (50000, 13500, 2700) and c.unit in ("RMB", "EUR")]
    assert len(prices) == 3
    for claim in prices:
        assert {p.id for p in prices} - {claim.id} <= set(claim.disagrees_with)


def test_dutch_claims_have_dutch_statements(registry):
    assert all(c.statement_nl for c in registry.claims.values() if c.document == DUTCH)


def test_references_have_urls(registry):
    refs = [d for d in registry.documents.values() if d.kind == "reference"]
    assert refs and all(d.url.startswith("https://") for d in refs)


def sentences(text):
    return [s.strip() for s in re.split(r"(?<=[.!?])\s+|\n", text) if len(s.strip().split()) >= 6]


@needs_seeds
def test_no_sentence_of_the_documents_is_copied():
    project = Path(__file__).resolve().parents[1]
    corpus = " ".join(
        p.read_text(encoding="utf-8").lower()
        for folder in ("geodata", "layers", "app", "docs")
        for p in (project / folder).rglob("*")
        if p.is_file() and p.suffix in (".toml", ".geojson", ".py", ".js", ".md", ".json")
    )
    copied = []
    for seed in SEED_FILES:
        for sentence in sentences(seed.read_text(encoding="utf-8")):
            words = re.findall(r"\w+", sentence.lower())
            # any run of 8 consecutive words of a document sentence counts as copying
            for i in range(len(words) - 7):
                run = r"\W+".join(map(re.escape, words[i:i + 8]))
                if re.search(run, corpus):
                    copied.append(" ".join(words[i:i + 8]))
                    break
    assert copied == []


def test_cli_sources_json_lists_every_claim_with_citation(registry):
    out = subprocess.run([sys.executable, "-m", "hegang_atlas", "sources", "--json"], capture_output=True, text=True, check=True)
    data = json.loads(out.stdout)
    assert {c["id"] for c in data["claims"]} == set(registry.claims)
    assert all(c["document"] and "paragraph" in c and c["citation"] for c in data["claims"])
