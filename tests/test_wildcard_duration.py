"""A lone ``*`` in a class phrase is any one word or mark, or a duration written as a
word: "after nine-month revenue reached £6.8bn" matches ``versus_except: ["after * revenue"]``,
so the "after" is no base word and the £6.8bn stays the total of the parts told next."""
import factcheck


def _rules(text: str) -> dict[str, str]:
    return {f["rule"]: f["verdict"] for f in factcheck.check(text, date="2023-10-25").to_dict()["findings"]}


PARTS = ("\n\nOncology brought in £2.9bn. Respiratory drugs contributed £1.6bn and vaccines £1.1bn, "
         "while the consumer arm accounted for the remaining £0.6bn.")


def test_star_steps_over_a_duration_figure() -> None:
    for lead in ("Halbrook raised its forecast after nine-month revenue reached £6.8bn.",
                 "Halbrook raised its forecast after quarterly revenue reached £6.8bn.",
                 "Halbrook raised its forecast after revenue reached £6.8bn."):
        assert _rules(lead + PARTS).get("parts-and-rest-of-paragraph") == "inconsistent", lead

