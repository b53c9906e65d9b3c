"""Find features by English or Chinese name, or by what the claims they cite say."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal
from weakref import WeakKeyDictionary

from hegang_atlas.model.atlas import Atlas
from hegang_atlas.model.layers import clean
from hegang_atlas.model.sources import SourceRegistry

Matched = Literal["name", "name_zh", "claim"]
EXACT, PREFIX, SUBSTRING, CLAIM = 3.0, 2.0, 1.0, 0.5


@dataclass(frozen=True)
class SearchHit:
    """One feature that matches a query.

    ``score`` ranks hits: exact name (3) > name prefix (2) > name substring (1) > claim (0.5).
    ``snippet`` is the claim statement that matched, or ``""`` for name matches.
    """

    layer_id: str
    feature_id: str
    label: str
    matched: Matched
    snippet: str
    score: float


@dataclass(frozen=True)
class _Entry:
    layer_id: str
    feature_id: str
    name: str
    name_zh: str
    claims: tuple[str, ...]

    def label(self, lang: str) -> str:
        if not self.name_zh:
            return self.name
        if lang == "zh":
            return f"{self.name_zh} ({self.name})"
        return f"{self.name} ({self.name_zh})"


def _name_score(name: str, query: str) -> float:
    key = name.casefold()
    if key == query:
        return EXACT
    if key.startswith(query):
        return PREFIX
    return SUBSTRING if query in key else 0.0


def _entries(atlas: Atlas) -> list[_Entry]:
    entries = []
    for layer in atlas.layers:
        frame = layer.frame
        columns = frame.index, frame["name"], frame["name_zh"], frame["claims"]
        for fid, name, name_zh, claims in zip(*columns, strict=True):
            entries.append(
                _Entry(layer.id, fid, str(clean(name) or fid), str(clean(name_zh) or ""), tuple(claims))
            )
    return entries


class SearchIndex:
    """The atlas's feature names and cited claims, built once and rebuilt when layers change.

    Parameters
    ----------
    atlas
        The atlas to index; the index follows ``atlas.events.layers``.
    """

    def __init__(self, atlas: Atlas) -> None:
        self._registry: SourceRegistry = atlas.registry
        self._entries = _entries(atlas)
        self._statements: dict[str, dict[str, tuple[str, ...]]] = {}
        atlas.events.layers.connect(lambda: self._rebuild(atlas))

    def _rebuild(self, atlas: Atlas) -> None:
        self._entries = _entries(atlas)

    def _claim_texts(self, lang: str) -> dict[str, tuple[str, ...]]:
        """Each claim's statement in ``lang`` and in English (once when they are the same)."""
        if lang not in self._statements:
            self._statements[lang] = {
                cid: tuple(dict.fromkeys((claim.text(lang), claim.statement.en)))
                for cid, claim in self._registry.claims.items()
            }
        return self._statements[lang]

    def _match(self, entry: _Entry, query: str, lang: str) -> SearchHit | None:
        label = entry.label(lang)
        name_score, zh_score = _name_score(entry.name, query), _name_score(entry.name_zh, query)
        if name_score or zh_score:
            matched: Matched = "name" if name_score >= zh_score else "name_zh"
            return SearchHit(entry.layer_id, entry.feature_id, label, matched, "", max(name_score, zh_score))
        texts = self._claim_texts(lang)
        for claim_id in entry.claims:
            for text in texts.get(claim_id, ()):
                if query in text.casefold():
                    return SearchHit(entry.layer_id, entry.feature_id, label, "claim", text, CLAIM)
        return None

    def search(self, query: str, *, lang: str = "en", limit: int = 50) -> list[SearchHit]:
        """Features whose name, Chinese name or cited claims contain ``query``.

        Parameters
        ----------
        query
            Text to find, case-insensitive; surrounding spaces are ignored.
        lang
            Language of the labels and of the claim statements searched (English is always searched).
        limit
            At most this many hits are returned.

        Returns
        -------
        list of SearchHit
            Best first: exact names, then name prefixes, then substrings, then claim matches;
            ties in label order. Each feature appears at most once, by its best match.
        """
        query = query.strip().casefold()
        if not query or limit <= 0:
            return []
        hits = [hit for entry in self._entries if (hit := self._match(entry, query, lang))]
        hits.sort(key=lambda h: (-h.score, h.label.casefold(), h.layer_id, h.feature_id))
        return hits[:limit]


_INDEXES: WeakKeyDictionary[Atlas, SearchIndex] = WeakKeyDictionary()


def search(atlas: Atlas, query: str, *, lang: str = "en", limit: int = 50) -> list[SearchHit]:
    """Search ``atlas`` with an index kept per atlas (see :meth:`SearchIndex.search`).

    Parameters
    ----------
    atlas
        The atlas to search.
    query, lang, limit
        As for :meth:`SearchIndex.search`.

    Returns
    -------
    list of SearchHit
        Best first.
    """
    if atlas not in _INDEXES:
        _INDEXES[atlas] = SearchIndex(atlas)
    return _INDEXES[atlas].search(query, lang=lang, limit=limit)
