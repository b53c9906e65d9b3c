"""The reading gate's errors that ask the person for a choice, or report that they stopped a read."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from hegang_atlas.model.errors import AtlasError


def printable(text: str) -> str:
    """``text`` with line breaks and other control characters escaped, so a message stays one line."""
    return "".join(c if c.isprintable() else repr(c)[1:-1] for c in text)


def byte_size(count: int) -> str:
    """``"512 bytes"`` or ``"12 MB"``."""
    return f"{count:,} bytes" if count < 1_000_000 else f"{count / 1e6:,.0f} MB"


def listed(names: Sequence[str], limit: int = 12) -> str:
    """``'a', 'b' and 3 more``: names quoted and escaped for a one-line message."""
    shown = ", ".join(f"'{printable(n)}'" for n in names[:limit])
    return shown + (f" and {len(names) - limit} more" if len(names) > limit else "")


class NeedsLayerChoice(AtlasError):
    """The file holds several layers; read it again with ``layer=`` set to one of ``layers``."""

    def __init__(self, path: str | Path | None, layers: Sequence[str]) -> None:
        self.layers = list(layers)
        super().__init__(path, f"holds {len(self.layers)} layers ({listed(self.layers)}); choose one")


class NeedsColumns(AtlasError):
    """No longitude/latitude columns were recognised; read again with ``lon_column=``/``lat_column=``."""

    def __init__(self, path: str | Path | None, columns: Sequence[str]) -> None:
        self.columns = list(columns)
        super().__init__(
            path, f"no longitude/latitude columns recognised (columns: {listed(self.columns)}); choose them"
        )


class ReadCancelled(AtlasError):
    """The person cancelled the read."""

    def __init__(self, path: str | Path | None) -> None:
        super().__init__(path, "reading was cancelled")
