"""A small, safe Markdown subset for story text: paragraphs, ``- `` lists, **bold**, *italic*.

Everything else is text: the input is escaped first, so no markup from a story file survives.
"""

from __future__ import annotations

import re
from html import escape

_BOLD = re.compile(r"\*\*(.+?)\*\*")
_ITALIC = re.compile(r"(?<!\*)\*(?!\*)(.+?)(?<!\*)\*(?!\*)")


def _inline(text: str) -> str:
    text = escape(text, quote=True).replace("$", "&#36;").replace("`", "&#96;")
    text = _BOLD.sub(r"<strong>\1</strong>", text)
    return _ITALIC.sub(r"<em>\1</em>", text)


def render(text: str) -> str:
    """HTML for ``text``; safe to insert into a page or a Qt rich-text label."""
    blocks = [b for b in re.split(r"\n\s*\n", text.strip()) if b.strip()]
    html = []
    for block in blocks:
        lines = [l.strip() for l in block.splitlines() if l.strip()]
        if all(l.startswith("- ") for l in lines):
            items = "".join(f"<li>{_inline(l[2:])}</li>" for l in lines)
            html.append(f"<ul>{items}</ul>")
        else:
            html.append(f"<p>{'<br>'.join(_inline(l) for l in lines)}</p>")
    return "\n".join(html)


def plain(text: str) -> str:
    """The text without its Markdown marks (for PDFs and search)."""
    return _ITALIC.sub(r"\1", _BOLD.sub(r"\1", text))
