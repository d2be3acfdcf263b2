"""Minutes and seconds are lengths of time, as years and hours are: a period with its ISO 8601
designator after the "T" ("PT15M", never the months of "P15M"), and words a rule's gap steps
over. "81% of flights leaving within 15 minutes of schedule, against 70% in 2018" is one pair of
shares; a gap that stopped at "15 minutes" left the change after it unread."""

from __future__ import annotations

from factcheck import document
from factcheck.checks import check_text
from factcheck.figures import scan


def _durations(text: str, language: str) -> list[tuple[str, str]]:
    found = scan(document.build("<text>", text, language=language))
    return [(p.text, p.value) for p in found.periods if p.kind == "duration"]


def test_minutes_hours_and_years_are_periods_with_their_designators() -> None:
    assert _durations("Flights left within 15 minutes over three years.", "en") == [
        ("15 minutes", "PT15M"), ("three years", "P3Y")]
    assert _durations("Der Streik dauerte 48 Stunden.", "de") == [("48 Stunden", "PT48H")]


def test_a_change_after_a_pair_with_minutes_between_is_read() -> None:
    # 81 / 70 − 1 = 15.7 %: "an improvement of 11%" is the 11 points told as percent
    text = ("Punctuality improved, with 81% of flights leaving within 15 minutes of schedule, "
            "against 70% in 2018 - an improvement of {}.")
    wrong = check_text(text.format("11%"), language="en")
    assert [f.verdict for f in wrong.findings if "11%" in f.message] == ["inconsistent"]
    right = check_text(text.format("16%"), language="en")
    assert all(f.verdict != "inconsistent" for f in right.findings)
