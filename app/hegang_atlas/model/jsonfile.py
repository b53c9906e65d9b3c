"""Reading the app's own JSON files (projects, stories) with a size limit and one-line errors."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from hegang_atlas.model.errors import AtlasError


def read_json_file(path: Path, max_bytes: int, kind: str) -> Any:
    """Parse ``path`` as JSON; any problem is an :class:`AtlasError` naming the file.

    Parameters
    ----------
    path
        The file.
    max_bytes
        Larger files are refused before they are parsed.
    kind
        What the file should be ("project", "story"), for the messages.
    """
    try:
        with open(path, "rb") as fh:
            raw = fh.read(max_bytes + 1)
    except FileNotFoundError:
        raise AtlasError(path, "file not found") from None
    except OSError as exc:
        raise AtlasError(path, f"cannot be read ({exc.strerror or exc})") from None
    if len(raw) > max_bytes:
        raise AtlasError(path, f"is larger than {max_bytes // 1_000_000} MB; not a {kind} file")
    try:
        return json.loads(raw.decode("utf-8-sig"))
    except RecursionError:
        raise AtlasError(path, f"not a {kind} file (JSON nested too deeply)") from None
    except ValueError as exc:  # bad UTF-8, bad JSON, an integer too long to convert
        raise AtlasError(path, f"not a JSON {kind} file ({exc})") from None
