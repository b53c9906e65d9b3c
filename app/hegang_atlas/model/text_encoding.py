"""Guessing the encoding of text that is not UTF-8 (CSV files, shapefile attribute tables)."""

from __future__ import annotations

import codecs

_CHINESE_SHARE = 0.6  # share of non-ASCII characters that must be common Chinese for GB18030


def _decodes(data: bytes, encoding: str) -> str | None:
    """``data`` decoded, or ``None``; a character cut off at the end of a sample is not an error."""
    try:
        return codecs.getincrementaldecoder(encoding)().decode(data, final=False)
    except UnicodeDecodeError:
        return None


def _common_chinese(character: str) -> bool:
    """A GB2312 punctuation mark or level-1 (common) hanzi: first byte 0xA1-0xD7."""
    try:
        return 0xA1 <= character.encode("gb2312")[0] <= 0xD7
    except UnicodeEncodeError:
        return False


def _mostly_chinese(text: str) -> bool:
    """Mostly common Chinese; Cyrillic cp1251 text often decodes as GB18030 too, but into rare hanzi."""
    wide = [c for c in text if ord(c) > 127]
    return bool(wide) and sum(map(_common_chinese, wide)) / len(wide) >= _CHINESE_SHARE


def _european(data: bytes) -> str | None:
    """Western (cp1252) or Cyrillic (cp1251) by charset_normalizer, when it is installed."""
    try:
        import charset_normalizer
    except ImportError:
        return None
    best = charset_normalizer.from_bytes(data[:200_000], cp_isolation=["cp1252", "cp1251"]).best()
    return best.encoding if best else None


def guess_encoding(data: bytes) -> str | None:
    """The encoding of ``data``: ``None`` when it is UTF-8 (or ASCII), else a best guess.

    Parameters
    ----------
    data
        The text, or its first megabyte or so.

    Returns
    -------
    str or None
        ``None`` for UTF-8. Otherwise GB18030 when the text decodes to mostly common Chinese
        characters; else cp1252 or cp1251 as ``charset_normalizer`` judges (when installed);
        else cp1252 when it decodes; else latin-1, which decodes anything. Tiny samples can be
        misjudged, so callers tell the person which encoding was used.
    """
    if _decodes(data, "utf-8") is not None:
        return None
    chinese = _decodes(data, "gb18030")
    if chinese is not None and _mostly_chinese(chinese):
        return "gb18030"
    european = _european(data)
    if european and _decodes(data, european) is not None:
        return european
    return "cp1252" if _decodes(data, "cp1252") is not None else "latin-1"
