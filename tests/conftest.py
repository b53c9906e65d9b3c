"""Shared test set-up: no display, no network, the real bundled model."""

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# Chromium's sandbox cannot start as root in CI containers; tests only (never set in app code).
os.environ.setdefault("QTWEBENGINE_DISABLE_SANDBOX", "1")
os.environ.setdefault("QTWEBENGINE_CHROMIUM_FLAGS", "--disable-gpu --disable-background-networking")

import pytest  # noqa: E402


@pytest.fixture
def atlas():
    """A freshly loaded bundled atlas (its state is the test's own)."""
    from hegang_atlas.model import load_atlas

    return load_atlas()
