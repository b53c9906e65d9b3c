"""The two source documents, which live beside the repository (``../shared/seeds``), not in it.

Set ``HEGANG_ATLAS_SEEDS`` to their folder when the checkout lies elsewhere. Tests that compare
the project with the documents are skipped, saying why, when the documents are not there.
"""

import os
from pathlib import Path

import pytest

SEEDS = Path(os.environ.get("HEGANG_ATLAS_SEEDS") or Path(__file__).resolve().parents[2] / "shared" / "seeds")
SEED_FILES = sorted(SEEDS.glob("*.txt"))
needs_seeds = pytest.mark.skipif(not SEED_FILES, reason=f"the source documents are not in {SEEDS} (set HEGANG_ATLAS_SEEDS)")
