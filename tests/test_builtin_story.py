"""The built-in story: it loads, fits the bundled atlas, cites every figure it gives, copies no sentence."""

import json
import math
import re
import subprocess
import sys
from pathlib import Path

import pytest

from hegang_atlas.model.markdown import plain
from hegang_atlas.model.story import builtin_stories, check_story
from hegang_atlas.model.text import LocalText
from tests.seeds import SEED_FILES, needs_seeds

STORY_ID = "hegang-shrinking-city"
SCALES = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "bn": 1e9}
# a figure: 1,058,665 | 48.7 | 1980s, optionally followed by a scale word ("1.06 million", "2.3 bn")
FIGURE = re.compile(
    r"(?<![\w.,])(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)(s\b)?(?:\s*(thousand|million|billion|bn)\b)?", re.IGNORECASE
)
RUN = 8  # words in a row that may not be shared with a seed document


def figures(text: str) -> list[tuple[float, bool]]:
    """Each figure in ``text`` as (value, is_year); a year is 1800-2100 written without separators."""
    found = []
    for match in FIGURE.finditer(text):
        digits, decade, scale = match.groups()
        value = float(digits.replace(",", "")) * SCALES.get((scale or "").lower(), 1)
        is_year = (decade is not None or digits.isdigit() and len(digits) == 4) and 1800 <= value <= 2100
        found.append((value, is_year))
    return found


def period_years(period: str) -> range:
    """The years a claim's period covers: "2010-2020", "1980s", "2023-01/2023-03", "2009-11-21"."""
    years = []
    for year, decade in re.findall(r"(?<!\d)(\d{4})(s?)", period):
        years += [int(year), int(year) + 9] if decade else [int(year)]
    return range(min(years), max(years) + 1) if years else range(0)


def claim_values(claim) -> set[float]:
    """A claim's value as written, and scaled by its unit ("2.3" with unit "bn RMB" is also 2.3e9)."""
    if claim.value is None:
        return set()
    scale = SCALES.get(claim.unit.split(" ")[0].lower(), 1) if claim.unit else 1
    return {float(claim.value), float(claim.value) * scale}


def uncited_figures(chapter, registry) -> list[float]:
    claims = [registry.claim(c) for c in chapter.claims]
    values = set().union(*(claim_values(c) for c in claims))
    years = set().union(*(period_years(c.period) for c in claims))
    bad = []
    for value, is_year in figures(plain(chapter.text.en)):
        if any(math.isclose(value, v, rel_tol=1e-9) for v in values) or (is_year and int(value) in years):
            continue
        bad.append(value)
    return bad


def words(text: str) -> list[str]:
    return re.findall(r"\w+", text.lower().replace("’", "'"))


def runs(text: str) -> set[tuple[str, ...]]:
    w = words(text)
    return {tuple(w[i : i + RUN]) for i in range(len(w) - RUN + 1)}


def story_texts(story) -> list[str]:
    texts = [story.title, story.description] + [t for c in story.chapters for t in (c.title, c.text, c.notes)]
    return [plain(value) for t in texts if t is not None for value in t.as_dict().values()]


@pytest.fixture(scope="module")
def story():
    stories = {s.id: s for s in builtin_stories()}
    assert STORY_ID in stories
    return stories[STORY_ID]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("about 1.06 million people", [(1_060_000, False)]),
        ("891,000 and 1,058,665", [(891_000, False), (1_058_665, False)]),
        ("13,500 EUR or 2.3 billion or 2.3 bn RMB", [(13_500, False), (2.3e9, False), (2.3e9, False)]),
        ("48.7 years, 16%, 3.8‰ and 6.77‰.", [(48.7, False), (16, False), (3.8, False), (6.77, False)]),
        ("in 2010, the 1980s and 2013.", [(2010, True), (1980, True), (2013, True)]),
        ("CO2 is a name, not a figure", []),
    ],
)
def test_figure_parser(text, expected):
    found = figures(text)
    assert [is_year for _, is_year in found] == [is_year for _, is_year in expected]
    assert [value for value, _ in found] == pytest.approx([value for value, _ in expected])


def test_period_years():
    assert list(period_years("2010-2020")) == list(range(2010, 2021))
    assert list(period_years("1930s-1940s")) == list(range(1930, 1950))
    assert list(period_years("2023-01/2023-03")) == [2023]
    assert list(period_years("")) == []


def test_story_fits_the_bundled_atlas(story, atlas):
    check_story(story, atlas)
    assert len(story.chapters) >= 8
    assert set(story.title.as_dict()) == {"en", "zh", "nl"}
    for i, chapter in enumerate(story.chapters, start=1):
        assert chapter.claims and chapter.notes and chapter.camera.bounds, f"chapter {i}"
        assert set(chapter.title.as_dict()) == {"en", "zh", "nl"}, f"chapter {i}"
        assert all(layer in chapter.layers for layer, _ in chapter.highlight), f"chapter {i} highlights a hidden layer"


def test_every_figure_is_a_cited_claim(story, atlas):
    problems = {
        f"chapter {i} ({c.title.en})": bad
        for i, c in enumerate(story.chapters, start=1)
        if (bad := uncited_figures(c, atlas.registry))
    }
    assert problems == {}


def test_uncited_figures_are_caught(story, atlas):
    chapter = story.chapters[0].model_copy(update={"text": LocalText("It had 7,000 mines in 1990.")})
    assert uncited_figures(chapter, atlas.registry) == [7000, 1990]


def test_disagreeing_prices_are_side_by_side(story, atlas):
    housing = next(c for c in story.chapters if "nl-flat-price-online" in c.claims)
    assert {"essay-flat-price-2019", "nl-flat-price-cheapest-new"} <= set(housing.claims)
    assert all(price in housing.text.en for price in ("50,000", "13,500", "2,700"))


@needs_seeds
def test_no_sentence_is_copied_from_a_seed(story):
    seeds = SEED_FILES
    seed_runs = set().union(*(runs(p.read_text(encoding="utf-8")) for p in seeds))
    copied = [" ".join(r) for text in story_texts(story) for r in runs(text) & seed_runs]
    assert copied == []


def test_cli_lists_the_story_with_its_chapters(story):
    out = subprocess.run(
        [sys.executable, "-m", "hegang_atlas", "stories", "--json"], capture_output=True, text=True, check=True
    ).stdout
    rows = {r["id"]: r for r in json.loads(out)}
    assert rows[STORY_ID]["chapters"] == len(story.chapters)
    assert rows[STORY_ID]["title"] == story.title.en
