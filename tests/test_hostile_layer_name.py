"""A script-bearing file name becomes a layer title that stays literal text in every export."""

import json
import re
import sqlite3
import xml.etree.ElementTree as ET

import pytest
from pypdf import PdfReader

from tests.test_export_image import run_export

NAME = "<img src=x onerror=alert(1)>${7*7}"


@pytest.fixture
def hostile_file(tmp_path):
    path = tmp_path / f"{NAME}.geojson"
    path.write_text(json.dumps({"type": "FeatureCollection", "features": [{
        "type": "Feature", "properties": {"name": NAME},
        "geometry": {"type": "Point", "coordinates": [130.3, 47.3]}}]}), encoding="utf-8")
    return path


def test_html_export_keeps_the_name_out_of_markup(tmp_path, hostile_file):
    out = tmp_path / "map.html"
    result = run_export("html", out, "--add", str(hostile_file))
    assert result.returncode == 0, result.stderr
    html = out.read_text(encoding="utf-8")
    assert NAME in html  # as data, inside script blocks, where it is text
    markup = re.sub(r"<script\b[^>]*>.*?</script>", "", html, flags=re.S)
    assert "<img" not in markup and "${7*7}" not in markup


def test_gpkg_style_and_pdf_legend_show_the_name_as_text(tmp_path, hostile_file):
    gpkg, pdf = tmp_path / "map.gpkg", tmp_path / "map.pdf"
    assert run_export("gpkg", gpkg, "--add", str(hostile_file)).returncode == 0
    with sqlite3.connect(gpkg) as db:
        for (qml,) in db.execute("SELECT styleQML FROM layer_styles"):
            ET.fromstring(qml)  # well-formed whatever the names hold
    result = run_export("pdf", pdf, "--add", str(hostile_file))
    assert result.returncode == 0, result.stderr
    text = PdfReader(pdf).pages[0].extract_text()
    assert "<imgsrc=xonerror=alert(1)>${7*7}" in re.sub(r"\s", "", text)
