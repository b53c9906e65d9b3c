"""The app's log file: details of every failure go here, never to the user as a traceback."""

from __future__ import annotations

import logging
import logging.handlers
import os
from pathlib import Path

LOG_NAME = "hegang-atlas.log"


def log_dir() -> Path:
    """``$XDG_STATE_HOME/hegang-atlas`` (or ``~/.local/state/hegang-atlas``); created on demand."""
    base = os.environ.get("XDG_STATE_HOME") or os.path.join(os.path.expanduser("~"), ".local", "state")
    return Path(base) / "hegang-atlas"


def log_file() -> Path:
    return log_dir() / LOG_NAME


def setup_logging() -> Path:
    """Send the ``hegang_atlas`` logger to a rotating file; return its path."""
    path = log_file()
    logger = logging.getLogger("hegang_atlas")
    if any(isinstance(h, logging.handlers.RotatingFileHandler) for h in logger.handlers):
        return path
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handler = logging.handlers.RotatingFileHandler(path, maxBytes=1_000_000, backupCount=2, encoding="utf-8")
    except OSError:
        return path
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    logger.addHandler(handler)
    logger.setLevel(logging.INFO)
    return path
