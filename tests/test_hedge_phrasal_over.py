""""over" closing a phrasal verb ("handed over", "turned over") is no hedge (en.yaml hedge_not_after)."""
from factcheck.figures import extract


def test_handed_over_is_the_value() -> None:
    f = extract("The builder handed over 1.74 million homes last year.", "en")[0]
    assert f.hedge is None and f.value == 1740000.0


def test_over_alone_is_more_than() -> None:
    f = extract("Sales were over 1.74 million homes last year.", "en")[0]
    assert f.hedge == "more_than"
