"""Saving without losing: write a temporary file beside the target, keep a backup, then replace."""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

from hegang_atlas.model.errors import AtlasError


def atomic_write_text(path: str | Path, text: str, *, backup: bool = True) -> Path:
    """Write ``text`` to ``path`` so that a failure at any point leaves the old file intact.

    The previous version, if any, is kept as ``<name>.bak``. Raises :class:`AtlasError` naming
    the file when it cannot be written; no temporary file is left behind.
    """
    path = Path(path)
    data = text.encode("utf-8")
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    except OSError as exc:
        raise AtlasError(path, f"cannot be written ({exc.strerror or exc})") from None
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        if backup and path.exists():
            shutil.copy2(path, path.with_name(path.name + ".bak"))
        os.replace(tmp, path)
    except BaseException as exc:
        Path(tmp).unlink(missing_ok=True)
        if isinstance(exc, OSError):
            raise AtlasError(path, f"cannot be written ({exc.strerror or exc})") from None
        raise
    return path
