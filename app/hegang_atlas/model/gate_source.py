"""What the reading gate lets GDAL open: local files only, no disguised VRTs, allowed drivers only.

GDAL picks a driver by content, not by name, and some drivers read other files or URLs named
inside the file (OGR VRT, GDALG pipelines, a GeoJSON ``"crs"`` link). So a file is checked in
this order: its path (local, a regular file, not too big), its first megabyte (no VRT, pipeline
or web page), then the driver GDAL reports (an allow-list). GDAL runs offline throughout
(:mod:`gdal_safe`).
"""

from __future__ import annotations

import re
import stat
import zipfile
import zlib
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Any

from hegang_atlas.model.errors import AtlasError
from hegang_atlas.model.gate_errors import NeedsLayerChoice, byte_size, listed, printable
from hegang_atlas.model.gdal_safe import FORMATS, gdal, offline, pyogrio, restate
from hegang_atlas.model.text_encoding import guess_encoding

ALLOWED_DRIVERS = frozenset({"GeoJSON", "GPKG", "ESRI Shapefile", "KML", "LIBKML", "CSV", "FlatGeobuf"})
EXPECTED_DRIVERS = {
    ".geojson": {"GeoJSON"}, ".json": {"GeoJSON"}, ".gpkg": {"GPKG"}, ".shp": {"ESRI Shapefile"},
    ".zip": {"ESRI Shapefile"}, ".kml": {"KML", "LIBKML"}, ".kmz": {"LIBKML"}, ".csv": {"CSV"},
    ".fgb": {"FlatGeobuf"},
}
MAX_FILE_BYTES = 1 << 30
HEAD_BYTES = 1 << 20
NOT_LOCAL = re.compile(r"^\s*(?:[a-z][a-z0-9+.-]+:|/vsi|\\\\|//)", re.IGNORECASE)
_ZIP_MAGIC = (b"PK\x03\x04", b"PK\x05\x06")
_HTML = re.compile(rb"<(?:!doctype\s+html|html|head|body)\b", re.IGNORECASE)


@dataclass(frozen=True)
class Source:
    """A checked file and how to read it: GDAL's path, the layer, the driver and the encoding."""

    path: Path
    gdal_path: str
    layer: str | None  # the layer inside gdal_path; None when there is only one
    layer_name: str | None  # the chosen layer's name when the file holds several, else None
    driver: str
    encoding: str | None  # for pyogrio; None lets GDAL decide
    features: int  # -1 when GDAL cannot tell without reading
    crs: str | None
    notes: tuple[str, ...]


def local_file(path: str | Path, max_bytes: int = MAX_FILE_BYTES) -> Path:
    """The absolute path of an existing, non-empty regular file no bigger than ``max_bytes``."""
    text = str(path)
    if NOT_LOCAL.match(text):
        raise AtlasError(None, "is not a local file (web addresses, /vsi paths and network shares are not read)",
                         printable(text[:200]))
    if not text.isprintable():
        raise AtlasError(None, "has control characters in its name; rename the file", printable(text[:200]))
    local = Path(text).expanduser()
    try:
        local = local.resolve()
        info = local.stat()
    except FileNotFoundError:
        raise AtlasError(local, "file not found") from None
    except (OSError, RuntimeError) as exc:
        raise AtlasError(local, f"cannot be opened ({getattr(exc, 'strerror', None) or exc})") from None
    if not stat.S_ISREG(info.st_mode):
        raise AtlasError(local, "is not a file")
    if info.st_size == 0:
        raise AtlasError(local, "the file is empty")
    if info.st_size > max_bytes:
        raise AtlasError(local, f"is {byte_size(info.st_size)}; files up to {byte_size(max_bytes)} are read")
    return local


def read_head(local: Path, size: int = HEAD_BYTES) -> bytes:
    """The first ``size`` bytes of a file."""
    try:
        with open(local, "rb") as fh:
            return fh.read(size)
    except OSError as exc:
        raise AtlasError(local, f"cannot be opened ({exc.strerror or exc})") from None


def refuse_disguises(local: Path, head: bytes) -> None:
    """Refuse files that make GDAL read other files (VRT, GDALG) and web pages, whatever their name."""
    lowered = head.lower()
    if b"<ogrvrtdatasource" in lowered:
        raise AtlasError(local, "is an OGR VRT file (GDAL driver OGR_VRT), which makes GDAL read other files; refused")
    if b"gdal_streamed_alg" in lowered:
        raise AtlasError(local, "is a GDAL pipeline file (GDAL driver GDALG), which makes GDAL read other files; refused")
    if _HTML.match(head.lstrip(b"\xef\xbb\xbf \t\r\n")[:64]):
        raise AtlasError(local, "is a web page (HTML), not map data")


def _shapefiles_in_zip(local: Path, max_bytes: int) -> list[str]:
    try:
        with zipfile.ZipFile(local) as archive:
            members = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        raise AtlasError(local, f"is a damaged ZIP archive ({exc})") from None
    unpacked = sum(m.file_size for m in members)
    if unpacked > max_bytes:
        raise AtlasError(local, f"unpacks to {byte_size(unpacked)}; up to {byte_size(max_bytes)} are read")
    names = sorted(
        m.filename for m in members
        if m.filename.lower().endswith(".shp") and not m.filename.startswith("__MACOSX/")
        and not PurePosixPath(m.filename).name.startswith("._")
    )
    if not names:
        raise AtlasError(local, "is a ZIP archive without a shapefile (.shp) inside")
    return names


def _choose(local: Path, names: list[str], layer: str | None) -> str:
    if layer is None:
        if len(names) > 1:
            raise NeedsLayerChoice(local, names)
        return names[0]
    for name in names:
        if layer in (name, PurePosixPath(name).stem):
            return name
    raise AtlasError(local, f"has no layer '{printable(layer)}' (layers: {listed(names)})")


def list_layers(path: str | Path, *, max_bytes: int = MAX_FILE_BYTES) -> list[str]:
    """The layer names in a user file (for a zip: the shapefiles in it), after the same checks as a read.

    Parameters
    ----------
    path
        A local file.
    max_bytes
        Larger files are refused.

    Raises
    ------
    AtlasError
        When the file would be refused by :func:`open_source`.
    """
    local = local_file(path, max_bytes)
    head = read_head(local)
    refuse_disguises(local, head)
    if head.startswith(_ZIP_MAGIC) and local.suffix.lower() == ".zip":
        return _shapefiles_in_zip(local, max_bytes)
    _driver_checked(local, str(local), head, None)
    return _layers(local, str(local))


def _layers(local: Path, gdal_path: str) -> list[str]:
    names = [str(row[0]) for row in gdal(local, pyogrio.list_layers, gdal_path)]
    if not names:
        raise AtlasError(local, "holds no layers")
    return names


def _driver_checked(local: Path, gdal_path: str, head: bytes, encoding: str | None) -> dict[str, Any]:
    """GDAL's info on the dataset (guessing the encoding of a CSV header); refused unless the driver is allowed."""
    try:
        with offline():
            info = pyogrio.read_info(gdal_path, encoding=encoding)
    except UnicodeDecodeError as exc:  # a CSV header that is not UTF-8
        if encoding:
            raise restate(local, exc) from None
        info = gdal(local, pyogrio.read_info, gdal_path, encoding=guess_encoding(head) or "latin-1")
    except Exception as exc:
        raise restate(local, exc) from None
    if info["driver"] not in ALLOWED_DRIVERS:
        raise AtlasError(local, f"is read by GDAL's {info['driver']} driver; only {FORMATS} files are read")
    return info


def _sibling(stem: str, suffix: str) -> Path | None:
    return next((Path(stem + s) for s in (suffix, suffix.upper()) if Path(stem + s).is_file()), None)


def _dbf_sample(local: Path, gdal_path: str) -> bytes | None:
    """A shapefile's attribute records when nothing declares their encoding (no .cpg, no DBF code page)."""
    stem = gdal_path[: -len(".shp")]
    if gdal_path.startswith("/vsizip/"):
        member = stem[len(f"/vsizip/{local}/"):].lower()
        try:
            with zipfile.ZipFile(local) as archive:
                names = {n.lower(): n for n in archive.namelist()}
                if f"{member}.cpg" in names or f"{member}.dbf" not in names:
                    return None
                with archive.open(names[f"{member}.dbf"]) as fh:
                    data = fh.read(HEAD_BYTES)
        except (zipfile.BadZipFile, zlib.error, OSError, RuntimeError, ValueError):
            return None  # GDAL reports the damage when it reads the records
    else:
        dbf = _sibling(stem, ".dbf")
        if dbf is None or _sibling(stem, ".cpg"):
            return None
        data = read_head(dbf)
    if len(data) < 32 or data[29] != 0:
        return None
    return data[int.from_bytes(data[8:10], "little"):]


def _text_encoding(local: Path, driver: str, gdal_path: str, head: bytes) -> tuple[str | None, list[str]]:
    """The encoding to pass to pyogrio for CSV text and undeclared DBF text, and a note if not UTF-8."""
    if driver == "CSV":
        sample: bytes | None = head
    elif driver == "ESRI Shapefile":
        sample = _dbf_sample(local, gdal_path)
    else:
        return None, []
    if sample is None:
        return None, []
    guessed = guess_encoding(sample)
    if guessed is None:  # GDAL assumes ISO-8859-1 for an undeclared DBF; say UTF-8 when it is
        return ("UTF-8" if driver == "ESRI Shapefile" else None), []
    return guessed, [f"text is not UTF-8: read as {guessed} (choose another encoding if names look wrong)"]


def open_source(path: str | Path, *, layer: str | None = None, encoding: str | None = None,
                max_bytes: int = MAX_FILE_BYTES) -> Source:
    """Check a user file and work out how to read it.

    Parameters
    ----------
    path
        A local file.
    layer
        The layer to read when the file holds several (for a zip: a shapefile in it).
    encoding
        The text encoding; by default CSV text and shapefile attributes without a declared
        encoding are guessed, everything else is left to GDAL.
    max_bytes
        Larger files (or zips that unpack larger) are refused.

    Raises
    ------
    NeedsLayerChoice
        When the file holds several layers and ``layer`` is not given.
    AtlasError
        For a remote path, a missing or empty file, a disguised VRT, a driver not allowed,
        or anything GDAL cannot open.
    """
    local = local_file(path, max_bytes)
    head = read_head(local)
    refuse_disguises(local, head)
    suffix = local.suffix.lower()
    gdal_path, layer_name = str(local), None
    if head.startswith(_ZIP_MAGIC) and suffix == ".zip":
        members = _shapefiles_in_zip(local, max_bytes)
        member = _choose(local, members, layer)
        gdal_path, layer_name, layer = f"/vsizip/{local}/{member}", (member if len(members) > 1 else None), None
    elif head.startswith(_ZIP_MAGIC) and suffix != ".kmz":
        raise AtlasError(local, "is a ZIP archive but is not named .zip")
    info = _driver_checked(local, gdal_path, head, encoding)
    driver = info["driver"]
    notes = [] if driver in EXPECTED_DRIVERS.get(suffix, {driver}) else [f"read as {driver} although named {suffix}"]
    if encoding is None:
        encoding, encoding_notes = _text_encoding(local, driver, gdal_path, head)
        notes += encoding_notes
    if not gdal_path.startswith("/vsizip/"):
        names = _layers(local, gdal_path)
        layer = _choose(local, names, layer)
        if len(names) > 1:  # the first read_info described the first layer
            layer_name = layer
            info = gdal(local, pyogrio.read_info, gdal_path, layer=layer, encoding=encoding)
    return Source(local, gdal_path, layer, layer_name, driver, encoding, int(info["features"]), info["crs"],
                  tuple(notes))
