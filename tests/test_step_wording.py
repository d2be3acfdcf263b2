"""A finding's steps show the figures an editor can recompute, not the calls a rule makes:
a volume converted to litres reads "18.5 m liter", not ``value(in_unit(185,000 hectoliter,
"liter"))``. The figures of the arithmetic stay as they are, so the step can be redone by hand."""

from __future__ import annotations

from factcheck.checks import check_text

# 86 m EUR / (185,000 hl × 100 L) = 4.649 EUR a litre; 5,90 is 26.9 % above
_BEER = ("Die Brauerei setzte 2023 mit 185.000 Hektolitern Bier 86 Millionen Euro um, "
         "ein Literpreis von {} im Schnitt.")


def _steps(text: str, language: str) -> list[str]:
    report = check_text(text, language=language, date="2023-06-01")
    return [s for f in report.findings if f.rule.startswith("price-per-litre") for s in f.steps]


def test_a_converted_volume_is_shown_as_its_value() -> None:
    steps = _steps(_BEER.format("5,90 Euro"), "de")
    expected = [s for s in steps if s.startswith("expected = ")]
    assert expected, steps
    assert "86 m EUR / 18.5 m liter = 4.649 EUR" in expected[0]
    assert "in_unit" not in " ".join(steps) and "value(" not in " ".join(steps)


def test_the_verdict_does_not_change_with_the_wording() -> None:
    report = check_text(_BEER.format("5,90 Euro"), language="de", date="2023-06-01")
    assert [f.verdict for f in report.findings if f.rule.startswith("price-per-litre")] == ["inconsistent"]
    report = check_text(_BEER.format("4,65 Euro"), language="de", date="2023-06-01")
    assert [f.verdict for f in report.findings if f.rule.startswith("price-per-litre")] == ["consistent"]
