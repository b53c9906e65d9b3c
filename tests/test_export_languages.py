"""Exports in Chinese and Dutch carry their text (CJK glyphs included), not English."""

import unicodedata

from pypdf import PdfReader

from hegang_atlas.model.story import builtin_stories
from tests.test_export_image import run_export


def pdf_text(path):
    # Chromium maps some CJK glyphs to Kangxi radicals (⽥ for 田); NFKC folds them back.
    return unicodedata.normalize("NFKC", "\n".join(page.extract_text() for page in PdfReader(path).pages))


def test_chinese_pdf_has_chinese_text(tmp_path):
    story = builtin_stories()[0]
    out = tmp_path / "zh.pdf"
    result = run_export("pdf", out, "--story", story.id, "--chapter", "1", "--lang", "zh")
    assert result.returncode == 0, result.stderr
    text = pdf_text(out)
    assert story.chapters[0].title.get("zh") in text
    assert "图例" in text and "煤矿" in text  # legend heading and the coal-mine layer title


def test_dutch_html_export_is_in_dutch(tmp_path):
    out = tmp_path / "nl.html"
    result = run_export("html", out, "--lang", "nl")
    assert result.returncode == 0, result.stderr
    html = out.read_text(encoding="utf-8")
    assert '<html lang="nl"' in html and "Kolenmijnen" in html
