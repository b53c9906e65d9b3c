"""Translatable text as it appears in data files: a string, or a table of languages."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

LANGUAGES = ("en", "zh", "nl")


@dataclass(frozen=True)
class LocalText:
    """Text in English with optional Chinese and Dutch versions.

    ``LocalText.parse("Coal mines")`` and ``LocalText.parse({"en": "Coal mines", "zh": "煤矿"})``
    both work; :meth:`get` falls back to English.
    """

    en: str
    others: dict[str, str] = field(default_factory=dict)

    @classmethod
    def parse(cls, value: Any) -> "LocalText":
        if isinstance(value, LocalText):
            return value
        if isinstance(value, str):
            return cls(value)
        if isinstance(value, dict):
            unknown = set(value) - set(LANGUAGES)
            if unknown:
                raise ValueError(f"unknown language(s) {sorted(unknown)}; use {list(LANGUAGES)}")
            if not isinstance(value.get("en"), str) or not value["en"].strip():
                raise ValueError("text needs an English version ('en')")
            others = {k: v for k, v in value.items() if k != "en"}
            if not all(isinstance(v, str) for v in others.values()):
                raise ValueError("every translation must be a string")
            return cls(value["en"], others)
        raise ValueError(f"expected text or a table of languages, got {type(value).__name__}")

    def get(self, lang: str = "en") -> str:
        return self.others.get(lang) or self.en

    def __str__(self) -> str:
        return self.en

    def as_dict(self) -> dict[str, str]:
        return {"en": self.en, **self.others}
