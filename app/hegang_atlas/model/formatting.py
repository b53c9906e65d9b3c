"""Numbers and claim figures as people read them, the same in panels, tables and exports."""

from __future__ import annotations

from hegang_atlas.model.sources import Claim

TWO_DECIMALS = {"km", "km²"}
GROUPING_FROM = 10_000  # unitless numbers below this are often years: 1914, not 1,914


def format_number(value: float, unit: str = "", decimals: int | None = None) -> str:
    """``1,060,000``, ``48.7``, ``1914``; with ``decimals`` a fixed number of places."""
    grouping = "," if unit or abs(value) >= GROUPING_FROM else ""
    if decimals is None and unit in TWO_DECIMALS:
        decimals = 2
    if decimals is not None:
        return f"{value:{grouping}.{decimals}f}"
    if float(value).is_integer():
        return f"{int(value):{grouping}d}"
    text = f"{value:{grouping}.2f}".rstrip("0").rstrip(".")
    return text if text not in ("0", "-0") else f"{value:.2g}"


def claim_figure(claim: Claim) -> str:
    """``"50,000 RMB (2019)"``; a year that is both value and period is written once."""
    figure = f"{format_number(claim.value, claim.unit)} {claim.unit}".strip() if claim.value is not None else ""
    if claim.period and claim.period != figure:
        return f"{figure} ({claim.period})" if figure else claim.period
    return figure
