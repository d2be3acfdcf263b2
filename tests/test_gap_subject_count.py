"""A rule's gap steps over a small count in words that names the sentence's subjects ("the two
zoos"), as over a duration, but not over one that groups figures just told ("2.2m and Ghana
0.7m, meaning the two neighbours will still account for roughly 59%": a share of both)."""

from __future__ import annotations

from factcheck.checks import check_text


def _findings(text: str) -> list[tuple[str, str]]:
    return [(f.rule, f.verdict) for f in check_text(text, language="en").findings]


def test_a_gap_steps_over_the_count_of_the_subjects() -> None:
    # 8.6 / 5 = 1.72m a year, not 2.1m
    text = "Over the last five years the two zoos have drawn 8.6 million visitors in total, an average of {} a year."
    assert ("per-year-stated-duration-first", "inconsistent") in _findings(text.format("2.1m"))
    assert ("per-year-stated-duration-first", "consistent") in _findings(text.format("1.72m"))


def test_no_gap_steps_over_a_count_of_figures_just_told() -> None:
    # (2.2 + 0.7) / 4.9 = 59 %: the share of the two together, not of the 0.7m alone
    text = ("World output is forecast at 4.9m tonnes, of which Ivory Coast is expected to supply 2.2m and Ghana "
            "0.7m, meaning the two neighbours will still account for roughly 59% of global production.")
    assert all(verdict != "inconsistent" for _, verdict in _findings(text))
