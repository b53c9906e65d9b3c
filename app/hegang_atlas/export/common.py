"""What every export shares: options, the atlas with the user's files added, atomic output, a report."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from hegang_atlas.model.atlas import Atlas
from hegang_atlas.model.errors import AtlasError


@dataclass(frozen=True)
class ExportOptions:
    format: str  # gpkg | png | pdf | html
    out: Path
    story: str | None = None
    chapter: int | None = None  # 1-based
    size: tuple[int, int] = (1600, 1000)
    dpi: int = 150
    add: tuple[Path, ...] = ()
    lang: str = "en"
    basemap: str = "none"


@dataclass(frozen=True)
class ExportReport:
    path: Path
    layers: list[str] = field(default_factory=list)
    pages: int | None = None

    def text(self) -> str:
        size = self.path.stat().st_size
        extra = f", {self.pages} pages" if self.pages is not None else ""
        return f"wrote {self.path} ({size:,} bytes{extra}; layers: {', '.join(self.layers)})"


def atlas_for_export(options: ExportOptions) -> Atlas:
    """The bundled atlas plus the user's ``--add`` files, read through the data gate."""
    from hegang_atlas.model import load_atlas

    atlas = load_atlas()
    if options.add:
        from hegang_atlas.model.user_layers import add_user_file

        for path in options.add:
            add_user_file(atlas, path)
    return atlas


def write_output(out: Path, write: Callable[[Path], None]) -> Path:
    """Let ``write`` fill a temporary file beside ``out``, then move it into place.

    Nothing is left behind when ``write`` fails or the folder is not writable.
    """
    out = Path(out)
    if out.is_dir():
        raise AtlasError(out, "is a folder; give a file name")
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{out.name}.", suffix=out.suffix, dir=out.parent if str(out.parent) else ".")
    except OSError as exc:
        raise AtlasError(out, f"cannot be written ({exc.strerror or exc})") from None
    os.close(fd)
    try:
        Path(tmp).unlink()
        write(Path(tmp))
        os.replace(tmp, out)
    except OSError as exc:
        raise AtlasError(out, f"cannot be written ({exc.strerror or exc})") from None
    finally:
        Path(tmp).unlink(missing_ok=True)
    return out
