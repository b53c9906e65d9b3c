"""Attributes at the reading gate: safe column names, plain values, and the atlas's core columns."""

from __future__ import annotations

import json
from collections.abc import Sequence

import numpy as np
import pandas as pd

from hegang_atlas.model.layers import CORE

MAX_TEXT = 10_000
MAX_NAME = 200  # FieldDef.name's limit
NAME_COLUMNS = ("name", "title", "名称")
ID_COLUMNS = ("id", "fid")


def column_names(names: Sequence[str]) -> list[str]:
    """Unique, non-empty names of at most 200 characters; a core name or ``geometry`` gets ``_original``."""
    result: list[str] = []
    for i, name in enumerate(names, 1):
        name = str(name)[:MAX_NAME] or f"field_{i}"
        if name in CORE or name == "geometry":
            name = f"{name}_original"
        candidate, n = name, 2
        while candidate in result:
            candidate, n = f"{name[: MAX_NAME - 6]}_{n}", n + 1
        result.append(candidate)
    return result


def _plain(value: object) -> object:
    if isinstance(value, (bytes, bytearray, memoryview)):
        data = bytes(value)
        try:
            return data.decode("utf-8")
        except UnicodeDecodeError:
            return "0x" + data[: MAX_TEXT // 2].hex()
    if isinstance(value, np.ndarray):
        value = value.tolist()
    if isinstance(value, (dict, list, tuple)):
        return json.dumps(value, ensure_ascii=False, default=str)
    return value


def plain_values(frame: pd.DataFrame) -> int:
    """Make text columns plain in place: dicts, lists and bytes become strings, long strings are cut.

    Returns
    -------
    int
        How many values were cut to :data:`MAX_TEXT` characters.
    """
    cut = 0
    for position in range(frame.shape[1]):
        dtype = frame.dtypes.iloc[position]
        if not (pd.api.types.is_object_dtype(dtype) or pd.api.types.is_string_dtype(dtype)):
            continue
        values = [_plain(v) for v in frame.iloc[:, position]]
        for i, value in enumerate(values):
            if isinstance(value, str) and len(value) > MAX_TEXT:
                values[i], cut = value[:MAX_TEXT], cut + 1
        frame.isetitem(position, values)
    return cut


def _text(value: object) -> str:
    if not isinstance(value, str) and pd.isna(value):
        return ""
    return str(value).strip()


def _existing_ids(frame: pd.DataFrame, originals: Sequence[str]) -> list[str] | None:
    for key in ID_COLUMNS:
        for position, original in enumerate(originals):
            if original.casefold() != key:
                continue
            ids = [_text(v) for v in frame.iloc[:, position]]
            if all(ids) and len(set(ids)) == len(ids):
                return ids
    return None


def _names(frame: pd.DataFrame, originals: Sequence[str]) -> list[str]:
    folded = [o.strip().casefold() for o in originals]
    position = next((folded.index(k) for k in NAME_COLUMNS if k in folded), None)
    values = frame.iloc[:, position] if position is not None else [None] * len(frame)
    return [_text(v) or f"Feature {n}" for n, v in enumerate(values, 1)]


def with_core(frame: pd.DataFrame, originals: Sequence[str], note: str) -> pd.DataFrame:
    """``frame`` with the core columns in front.

    Parameters
    ----------
    frame
        The features' attributes, columns named by :func:`column_names`.
    originals
        The column names as in the file, in the same order.
    note
        The ``position_note`` of every feature.

    Returns
    -------
    pandas.DataFrame
        ``id`` (an existing unique ``id``/``fid`` column as text, else ``f1``, ``f2`` ...),
        ``name`` (the first ``name``/``title``/``名称`` column, else ``Feature n``),
        ``name_zh`` (None), ``position_quality`` ("sourced"), ``position_note`` and
        ``claims`` (empty), then the attributes.
    """
    count = len(frame)
    core = pd.DataFrame(
        {
            "id": _existing_ids(frame, originals) or [f"f{n}" for n in range(1, count + 1)],
            "name": _names(frame, originals),
            "name_zh": [None] * count,
            "position_quality": ["sourced"] * count,
            "position_note": [note] * count,
            "claims": [() for _ in range(count)],
        },
        index=frame.index,
    )
    return pd.concat([core, frame], axis=1)
