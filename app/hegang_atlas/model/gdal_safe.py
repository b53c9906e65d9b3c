"""pyogrio with GDAL's file-reading drivers skipped, run offline, its errors restated in one line.

``GDAL_SKIP`` is read once, when pyogrio is first imported (GDAL registers its drivers then), so
import pyogrio from here, and import this module before anything else imports pyogrio. Even so,
never rely on it alone: :mod:`gate_source` also sniffs content and checks the driver.
"""

from __future__ import annotations

import os

os.environ["GDAL_SKIP"] = " ".join(dict.fromkeys([*os.environ.get("GDAL_SKIP", "").split(), "OGR_VRT", "GDALG"]))

import warnings  # noqa: E402
from collections.abc import Callable, Iterator  # noqa: E402
from contextlib import contextmanager  # noqa: E402
from pathlib import Path  # noqa: E402
from typing import Any, TypeVar  # noqa: E402

import pyogrio  # noqa: E402

from hegang_atlas.model.errors import AtlasError  # noqa: E402
from hegang_atlas.model.gate_errors import printable  # noqa: E402

__all__ = ["FORMATS", "gdal", "offline", "pyogrio", "restate"]

FORMATS = "GeoJSON, GeoPackage, Shapefile (also zipped), KML, CSV or FlatGeobuf"
# GDAL fetches URLs named inside files (a GeoJSON "crs" link does); send them to a closed port.
_OFFLINE = {"GDAL_HTTP_PROXY": "127.0.0.1:9", "GDAL_HTTP_CONNECTTIMEOUT": "1", "GDAL_HTTP_TIMEOUT": "1",
            "GDAL_HTTP_MAX_RETRY": "0"}
T = TypeVar("T")


@contextmanager
def offline() -> Iterator[None]:
    """Run GDAL with its HTTP requests sent to a closed port and pyogrio's warnings silenced.

    GDAL's configuration is process-wide: do not read two files at once.
    """
    before = {key: pyogrio.get_gdal_config_option(key) for key in _OFFLINE}
    pyogrio.set_gdal_config_options(_OFFLINE)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # GDAL's and pyogrio's; the gate reports what matters
            yield
    finally:
        pyogrio.set_gdal_config_options(before)


def restate(path: Path, exc: Exception) -> AtlasError:
    """A GDAL or pyogrio error as a one-line AtlasError naming ``path``."""
    if isinstance(exc, UnicodeDecodeError):
        return AtlasError(path, f"text cannot be decoded as {exc.encoding}; choose another encoding")
    if isinstance(exc, MemoryError):
        return AtlasError(path, "is too large to read into memory")
    text = " ".join(str(exc).split())
    if "not recognized as being in a supported file format" in text:
        return AtlasError(path, f"is not a {FORMATS} file the atlas can read")
    text = printable(text.split("; It might help")[0].replace(str(path), path.name))
    return AtlasError(path, f"cannot be read ({text[:200]})")


def gdal(path: Path, call: Callable[..., T], *args: Any, **kwargs: Any) -> T:
    """``call(*args, **kwargs)`` offline; GDAL errors become an AtlasError naming ``path``."""
    try:
        with offline():
            return call(*args, **kwargs)
    except AtlasError:
        raise
    except Exception as exc:  # pyogrio and GDAL raise many kinds; restate them in one line
        raise restate(path, exc) from None
