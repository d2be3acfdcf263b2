"""Round trip: an amount written in a language's conventions is read back exactly.

Hypothesis writes random amounts the way each language does (its decimal mark; a
thousands separator among '.', ',', space, U+00A0, U+202F and the Swiss apostrophe;
a scale word; a currency name, code or symbol before or after; a percent sign or
word) and extraction must give back the value, the unit, the kind and the span.
The vocabulary comes from the lexicons themselves, so a new language is covered
by adding its YAML.
"""
from __future__ import annotations

import os
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import factcheck
from factcheck import lexicon

LANGUAGES = ("fr", "en", "nl", "de", "es", "pt", "it")
SYMBOLS = {"€": "EUR", "$": "USD", "£": "GBP"}
CODES = ("EUR", "USD", "GBP", "CHF", "JPY")


@dataclass(frozen=True)
class Vocabulary:
    """What a language writes around a number, taken from its lexicon."""

    decimal: str
    groups: tuple[str, ...]
    scales: tuple[tuple[str, float], ...]
    currencies: tuple[tuple[str, str], ...]
    percent: tuple[str, ...]
    connector: str | None


@lru_cache(maxsize=None)
def vocabulary(language: str) -> Vocabulary:
    lex = lexicon.load(language)
    data = yaml.safe_load((lexicon.builtin_dir() / f"{language}.yaml").read_text(encoding="utf-8"))
    # Thousands separators the language's readers accept: the other mark, spaces, apostrophe.
    other = "." if lex.decimal == "," else ","
    groups = (other, " ", "\u00a0", "\u202f", "'")
    scales = tuple(sorted((w, m) for w, m in lex.scales.items()
                          if m >= 1e3 and w.isalpha() and w not in lex.scales_with_currency_only))
    currencies = tuple(sorted((name, code) for name, (code, factor) in lex.currencies.items()
                              if factor == 1.0 and code in ("EUR", "USD", "GBP", "CHF", "JPY", "CNY")))
    percent = tuple(str(p) for p in data.get("percent", []) if not str(p).startswith("p."))
    connectors = [str(c) for c in data.get("connectors") or [] if not str(c).endswith(("'", "’"))]
    return Vocabulary(lex.decimal, groups, scales, currencies, percent, connectors[0] if connectors else None)


def _digits(whole: int, frac: str, decimal: str, group: str) -> str:
    s = f"{whole:,}".replace(",", group) if whole >= 1000 else str(whole)
    return s + (decimal + frac if frac else "")


@st.composite
def written(draw: st.DrawFn) -> tuple[str, str, Decimal, str, str | None]:
    """(language, text of the figure, value, kind, unit)."""
    language = draw(st.sampled_from(LANGUAGES))
    v = vocabulary(language)
    whole = draw(st.integers(min_value=0, max_value=9_999_999))
    frac = draw(st.sampled_from(["", "", "5", "25", "75", "05"]))
    if whole == 0 and not frac:
        whole = 7
    group = draw(st.sampled_from(v.groups))
    number = _digits(whole, frac, v.decimal, group)
    value = Decimal(f"{whole}.{frac}" if frac else str(whole))
    style = draw(st.sampled_from(["plain", "percent", "scale", "money-after", "money-before", "scale-money"]))
    if style == "plain":
        if 1800 <= whole <= 2099 and not frac:
            whole += 300  # a bare four-digit year is a date, not a figure (see figures._YEAR)
            number, value = _digits(whole, frac, v.decimal, group), Decimal(f"{whole}")
        return language, number, value, "number", None
    if style == "percent":
        word = draw(st.sampled_from(v.percent))
        return language, f"{number}{draw(st.sampled_from(['', ' ']))}{word}" if word == "%" else f"{number} {word}", value, "percent", "%"
    if style == "scale":
        word, mult = draw(st.sampled_from(v.scales))
        return language, f"{number} {word}", value * Decimal(str(mult)), "number", None
    if style == "money-before":
        sym = draw(st.sampled_from(sorted(SYMBOLS) + list(CODES)))
        sep = " " if sym in CODES else draw(st.sampled_from(["", " "]))
        return language, f"{sym}{sep}{number}", value, "money", SYMBOLS.get(sym, sym)
    name, code = draw(st.sampled_from(v.currencies + tuple((c, c) for c in CODES)))
    if style == "money-after":
        return language, f"{number} {name}", value, "money", code
    word, mult = draw(st.sampled_from(v.scales))
    link = f" {v.connector} " if v.connector and name not in CODES else " "
    return language, f"{number} {word}{link}{name}", value * Decimal(str(mult)), "money", code


CONTEXT = {
    "fr": ("Le chiffre publié était ", " selon le rapport."),
    "en": ("The figure reported was ", " according to the report."),
    "nl": ("Het gerapporteerde cijfer was ", " volgens het verslag."),
    "de": ("Die gemeldete Zahl war ", " laut dem Bericht."),
    "es": ("La cifra publicada fue ", " según el informe."),
    "pt": ("O número publicado foi ", " segundo o relatório."),
    "it": ("Il dato pubblicato era ", " secondo il rapporto."),
}


@settings(max_examples=int(os.environ.get("ROUNDTRIP_EXAMPLES", "600")), deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(written())
def test_written_amount_reads_back(case: tuple[str, str, Decimal, str, str | None]) -> None:
    language, figure, value, kind, unit = case
    before, after = CONTEXT[language]
    text = before + figure + after
    figs = factcheck.extract(text, language=language)
    assert len(figs) == 1, [(f.text, f.kind, f.value) for f in figs]
    f = figs[0]
    assert (f.start, f.end) == (len(before), len(before) + len(figure)), f.text
    assert f.kind == kind, f.text
    assert f.unit == unit, f.text
    assert Decimal(repr(f.value)) == pytest.approx(value, rel=Decimal("1e-12")), f.text
