"""The source registry: documents (and public references) and the claims taken from them."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Annotated, Literal

from pydantic import BeforeValidator, Field, model_validator

from hegang_atlas.model.errors import AtlasError
from hegang_atlas.model.text import LocalText
from hegang_atlas.model.validation import Frozen, parse, read_toml

Text = Annotated[LocalText, BeforeValidator(LocalText.parse)]
Id = Annotated[str, Field(pattern=r"^[a-z0-9][a-z0-9_-]*$", max_length=80)]


class Document(Frozen):
    """A source document, or a public reference (kind ``reference``, which has a URL)."""

    id: Id
    kind: Literal["document", "reference"] = "document"
    title: Text
    language: str = "en"
    date: str = ""
    publisher: str = ""
    url: str = ""
    file: str = ""

    @model_validator(mode="after")
    def _reference_has_url(self) -> "Document":
        if self.kind == "reference" and not self.url.startswith("https://"):
            raise ValueError("a reference needs an https:// url")
        return self


class Claim(Frozen):
    """One fact or figure, where it was read (document, paragraph), in our own words."""

    id: Id
    document: str
    paragraph: int = Field(ge=0)
    value: float | int | None = None
    unit: str = ""
    period: str = ""
    statement: Text
    statement_nl: str = ""
    statement_zh: str = ""
    topic: str = ""
    disagrees_with: tuple[str, ...] = ()

    def text(self, lang: str = "en") -> str:
        """The statement in ``lang`` (Dutch and Chinese versions when the registry has them)."""
        extra = {"nl": self.statement_nl, "zh": self.statement_zh}.get(lang, "")
        return extra or self.statement.get(lang)


class SourceRegistry(Frozen):
    documents: dict[str, Document]
    claims: dict[str, Claim]

    def claim(self, claim_id: str) -> Claim:
        return self.claims[claim_id]

    def document_of(self, claim: Claim) -> Document:
        return self.documents[claim.document]

    def citation(self, claim: Claim, lang: str = "en") -> str:
        """``"Title, ¶12"`` for documents, ``"Title, url"`` for references."""
        doc = self.document_of(claim)
        title = doc.title.get(lang)
        if doc.kind == "reference":
            return f"{title}, {doc.url}"
        return f"{title}, ¶{claim.paragraph}"

    def disagreeing(self, claim: Claim) -> list[Claim]:
        return [self.claims[c] for c in claim.disagrees_with]


def load_registry(path: Path) -> SourceRegistry:
    """Load ``sources.toml`` and check that documents and claim links resolve."""
    data = read_toml(path)
    documents: dict[str, Document] = {}
    for i, raw in enumerate(data.get("documents", [])):
        doc = parse(Document, raw, path, f"documents[{i}]")
        if doc.id in documents:
            raise AtlasError(path, f"duplicate document id '{doc.id}'", f"documents[{i}]")
        documents[doc.id] = doc
    claims: dict[str, Claim] = {}
    for i, raw in enumerate(data.get("claims", [])):
        where = f"claim '{raw.get('id', i)}'" if isinstance(raw, dict) else f"claims[{i}]"
        claim = parse(Claim, raw, path, where)
        if claim.id in claims:
            raise AtlasError(path, f"duplicate claim id '{claim.id}'", where)
        if claim.document not in documents:
            raise AtlasError(path, f"unknown document '{claim.document}'", where)
        claims[claim.id] = claim
    for claim in claims.values():
        for other in claim.disagrees_with:
            if other not in claims:
                raise AtlasError(path, f"disagrees_with unknown claim '{other}'", f"claim '{claim.id}'")
            if claim.id not in claims[other].disagrees_with:
                raise AtlasError(
                    path, f"disagreement with '{other}' is not listed on both claims", f"claim '{claim.id}'"
                )
    unknown = set(data) - {"documents", "claims"}
    if unknown:
        raise AtlasError(path, f"unknown section(s) {sorted(unknown)}")
    return SourceRegistry(documents=documents, claims=claims)


def paragraphs(text: str) -> list[str]:
    """A document's paragraphs as the registry numbers them: its non-empty lines, from 1."""
    return [line for line in re.split(r"\r?\n", text) if line.strip()]
