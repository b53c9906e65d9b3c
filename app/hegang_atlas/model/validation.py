"""Turning pydantic's validation errors and TOML syntax errors into one-line AtlasErrors."""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel, ConfigDict, ValidationError

from hegang_atlas.model.errors import AtlasError

M = TypeVar("M", bound=BaseModel)


class Frozen(BaseModel):
    """Base for definitions: immutable, and unknown keys are errors (typos do not pass)."""

    model_config = ConfigDict(frozen=True, extra="forbid", arbitrary_types_allowed=True)


def parse(model: type[M], data: Any, path: Path, where: str = "") -> M:
    """Validate ``data`` as ``model``, raising an :class:`AtlasError` naming the field."""
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        err = exc.errors()[0]
        loc = ".".join(str(p) for p in err["loc"])
        if err["type"] == "extra_forbidden":
            problem = f"unknown field '{loc}'"
        elif err["type"] == "missing":
            problem = f"missing field '{loc}'"
        else:
            problem = f"field '{loc}': {err['msg']}"
        raise AtlasError(path, problem, where) from None


def read_toml(path: Path) -> dict[str, Any]:
    """Read a TOML file; a missing or malformed file is an AtlasError."""
    try:
        with open(path, "rb") as fh:
            return tomllib.load(fh)
    except FileNotFoundError:
        raise AtlasError(path, "file not found") from None
    except tomllib.TOMLDecodeError as exc:
        raise AtlasError(path, f"not valid TOML ({exc})") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise AtlasError(path, f"cannot be read ({exc})") from None
