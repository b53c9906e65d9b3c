"""Hegang Atlas: a desktop map of a shrinking coal city.

The core (:mod:`hegang_atlas.model`, :mod:`hegang_atlas.page`) imports no Qt; the window lives
in :mod:`hegang_atlas.qt` and is imported only when it is opened.
"""

__version__ = "0.1.0"

__all__ = ["__version__", "load_atlas"]


def load_atlas(*args, **kwargs):
    """Load the bundled atlas (see :func:`hegang_atlas.model.atlas.load_atlas`)."""
    from hegang_atlas.model.atlas import load_atlas as _load

    return _load(*args, **kwargs)
