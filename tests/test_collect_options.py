"""Collection options `before` (only the figures before one the pattern bound),
`drop_together` (a subtotal said of several together is no item of the list) and
`paragraphs` (the paragraphs before the match's too) and `named_in_brackets` (a part
named before its figure in brackets is collected despite a not_after "(") and `not_base`
(the base of a multiple, "three times the €100m", is no item of a list) and `not_opened_by`
(a sentence opened by "A year earlier" or "Five years ago" holds no item). Their
malformed forms are among tests/test_rules.py's BAD rules."""
from __future__ import annotations

from pathlib import Path

from factcheck.checks import check_text
from factcheck.rules import load
from factcheck.ruletest import run_examples

HOUSE = """rules:
  - id: house-shares
    title: Shares with their rest
    languages: all
    pattern:
      - "@remainder"
      - {gap: 6}
      - {fig: percent, unit: "%", as: rest}
    collect:
      s: {fig: percent, unit: "%", in: paragraph, before: rest, drop_together: ["@together"], min: 2}
    check: {stated: sum(s) + rest, relation: "<=", expected: 100}
    message: "{s} and {rest} add up to {stated}"
    examples:
      - {text: "Albion holds 41%, Beekman 22% and Corsa 19%. The rest hold 18%.", verdict: consistent}
      - {text: "Albion holds 41%, Beekman 32% and Corsa 19%. The rest hold 18%.", verdict: inconsistent}
"""


def _house_rules(tmp_path: Path, source: str = HOUSE) -> list:
    """The rule of ``source``, loaded as a house rule folder would be."""
    (tmp_path / "house.yaml").write_text(source, encoding="utf-8")
    return [r for r in load([str(tmp_path)]) if r.id == "house-shares"]


def _verdicts(text: str, rules: list) -> list[tuple[str, str]]:
    report = check_text(text, rules=rules)
    return [(f.rule, f.verdict) for f in report.findings if f.rule == "house-shares"]


def test_before_collects_only_the_figures_before_the_bound_one(tmp_path: Path) -> None:
    mine = _house_rules(tmp_path)
    assert all(o.passed for o in run_examples(mine))
    # the rest is not counted twice, and a share told after it is another list's
    text = "Albion holds 41%, Beekman 22% and Corsa 19%. The rest hold 18%. By 2030 Albion aims for 60%."
    assert _verdicts(text, mine) == [("house-shares", "consistent")]


def test_drop_together_leaves_out_a_subtotal_said_together(tmp_path: Path) -> None:
    mine = _house_rules(tmp_path)
    # 41 + 22 + 19 + 18 = 100: the 41 said of Beekman and Corsa together is their sum
    text = "Albion holds 41%. Beekman and Corsa together hold 41%: Beekman 22% and Corsa 19%. The rest hold 18%."
    assert _verdicts(text, mine) == [("house-shares", "consistent")]
    # not their sum (22 + 12 = 34): a share of its own, and the list passes 100 %
    text = "Albion holds 41%. Beekman and Corsa together hold 41%: Beekman 22% and Corsa 12%. The rest hold 18%."
    assert _verdicts(text, mine) == [("house-shares", "inconsistent")]
    # no "together" word: a share equal to the next two by chance is kept
    text = "Albion holds 41%. Beekman holds 22%, Corsa 19% and Dorn 12%. The rest hold 18%."
    assert _verdicts(text, mine) == [("house-shares", "inconsistent")]


def test_drop_together_leaves_out_a_joint_share_of_some_told_before(tmp_path: Path) -> None:
    mine = _house_rules(tmp_path)
    # 41 + 22 + 19 + 12 + 6 = 100: the 53 said of Albion and Corsa together, the "together"
    # word far before it in its sentence, adds up two of the shares told before (41 + 12), not next to each other
    text = ("Albion holds 41%, Beekman 22%, Corsa 12% and Dorn 19%. Together the two oldest - Albion and Corsa, "
            "both founded before the war - hold 53%. The rest hold 6%.")
    assert _verdicts(text, mine) == [("house-shares", "consistent")]
    # adding up none of them (41 + 22 = 63, 41 + 12 = 53 ...): a share of its own, the list passes 100 %
    text = text.replace("hold 53%", "hold 57%")
    assert _verdicts(text, mine) == [("house-shares", "inconsistent")]
    # no "together" word in its sentence: a share equal to two told before by chance is kept
    text = "Albion holds 41%, Beekman 22%, Corsa 12% and Dorn 19%. Elm, the newest, holds 53%. The rest hold 6%."
    assert _verdicts(text, mine) == [("house-shares", "inconsistent")]


LEAD = HOUSE.replace("in: paragraph, before: rest", "in: paragraph, paragraphs: 1, before: rest")


def test_paragraphs_reaches_the_paragraphs_before_and_no_further(tmp_path: Path) -> None:
    mine = _house_rules(tmp_path, LEAD)
    # the paragraph before counts: 41 + 22 + 19 + 28 = 110
    text = "Albion holds 41%.\n\nBeekman holds 22% and Corsa 19%. The rest hold 28%."
    assert _verdicts(text, mine) == [("house-shares", "inconsistent")]
    # two paragraphs before does not: 22 + 19 + 28 = 69
    text = "Albion holds 41%.\n\nThe market grew.\n\nBeekman holds 22% and Corsa 19%. The rest hold 28%."
    assert _verdicts(text, mine) == [("house-shares", "consistent")]


PARTS_AND_REST = """rules:
  - id: house-parts
    title: Parts and the rest
    languages: all
    pattern:
      - "@remainder"
      - {gap: 6}
      - {fig: money, as: rest}
    collect:
      parts: {fig: money, in: paragraph, before: rest, OPTIONS min: 2}
    check: {stated: sum(parts) + rest, expected: 900}
    message: "{parts} and {rest} add up to {stated}"
"""


def _stated(folder: Path, options: str):
    """The `stated` of each finding of the parts-and-rest rule with these collect options."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "house.yaml").write_text(PARTS_AND_REST.replace("OPTIONS", options), encoding="utf-8")
    mine = [r for r in load([str(folder)]) if r.id == "house-parts"]
    return lambda text: [f.stated for f in check_text(text, rules=mine).findings if f.rule == "house-parts"]


def test_named_in_brackets_keeps_a_named_part_and_drops_a_conversion(tmp_path: Path) -> None:
    stated = _stated(tmp_path / "named", 'not_after: ["@equivalent"], named_in_brackets: true,')
    # "rail (€300m)" names a part: 400 + 300 + 200 = 900
    assert stated("Roads get €400m, ahead of rail (€300m). The rest, €200m, goes to buses.") == ["900 m EUR"]
    # a conversion in brackets follows a figure: 400 + 300 + 200, the dollars left out
    assert stated("Roads get €400m ($430m) and rail €300m. The rest, €200m, goes to buses.") == ["900 m EUR"]
    # a word inside the brackets makes an aside: "(about €350m)" is left out, 400 + 200 stays a list of one
    assert stated("Roads get €400m, ahead of rail (about €350m). The rest, €200m, goes to buses.") == []
    # without the option the named part is dropped too
    plain = _stated(tmp_path / "plain", 'not_after: ["@equivalent"],')
    assert plain("Roads get €400m, ahead of rail (€300m). The rest, €200m, goes to buses.") == []


def test_not_base_leaves_out_the_base_of_a_multiple(tmp_path: Path) -> None:
    stated = _stated(tmp_path / "bases", "not_base: true,")
    # "three times the €100m" is the base of rail's €300m: 400 + 300 + 200 = 900
    assert stated("Roads get €400m and rail €300m, three times the €100m of last year. The rest, €200m, goes to buses.") == ["900 m EUR"]
    # a multiplier further back does not touch the figure: kept
    assert stated("Roads get three times more, with €400m, rail €300m and ports €100m. The rest, €200m, goes to buses.") == ["1 bn EUR"]
    # without the option the base is counted as a part
    plain = _stated(tmp_path / "plain", "")
    assert plain("Roads get €400m and rail €300m, three times the €100m of last year. The rest, €200m, goes to buses.") == ["1 bn EUR"]


def test_not_opened_by_leaves_out_a_sentence_of_an_earlier_time(tmp_path: Path) -> None:
    stated = _stated(tmp_path / "opened", 'not_opened_by: ["@earlier_front", "@ago_front"],')
    # "A year earlier, rail got …" and "Five years ago, …" tell an earlier time: 400 + 200 + 200 = 800
    assert stated("Roads get €400m. A year earlier, rail got €350m. Ports get €200m. The rest, €200m, goes to buses.") == ["800 m EUR"]
    assert stated("Roads get €400m. Five years ago, rail got €350m. Ports get €200m. The rest, €200m, goes to buses.") == ["800 m EUR"]
    # "ago" later in the sentence does not open it: kept, 400 + 350 + 200 + 200
    assert stated("Roads get €400m. Rail gets €350m, as it did five years ago. Ports get €200m. The rest, €200m, goes to buses.") == ["1.15 bn EUR"]
    # without the option the earlier amount counts
    plain = _stated(tmp_path / "plain", "")
    assert plain("Roads get €400m. A year earlier, rail got €350m. Ports get €200m. The rest, €200m, goes to buses.") == ["1.15 bn EUR"]


def test_drop_together_takes_a_part_told_after_the_joint_share(tmp_path: Path) -> None:
    mine = _house_rules(tmp_path)
    # 41 + 22 + 19 = 82 said together, with Corsa's 19 told after it: 41 + 22 + 19 + 18 = 100
    text = "Albion holds 41% and Beekman 22%. Together the three hold 82%, with Corsa on 19%. The rest hold 18%."
    assert _verdicts(text, mine) == [("house-shares", "consistent")]
    # no sum of the shares around it: a share of its own, and the list passes 100 %
    text = "Albion holds 41% and Beekman 22%. Together the three hold 72%, with Corsa on 19%. The rest hold 18%."
    assert _verdicts(text, mine) == [("house-shares", "inconsistent")]


def test_not_fraction_leaves_out_a_fraction_beside_a_part(tmp_path: Path) -> None:
    rule = PARTS_AND_REST.replace("parts: {fig: money,", "parts: {fig: [money, number],")
    folder = tmp_path / "fractions"
    folder.mkdir()
    (folder / "house.yaml").write_text(rule.replace("OPTIONS", "not_fraction: true,"), encoding="utf-8")
    mine = [r for r in load([str(folder)]) if r.id == "house-parts"]
    text = "Roads get €400m, just over half, and rail €300m. The rest, €200m, goes to buses."
    # "half" (0.5) is a share of the whole, no part: 400 + 300 + 200 = 900
    assert [f.stated for f in check_text(text, rules=mine).findings if f.rule == "house-parts"] == ["900 m EUR"]
    # rules load once per path: the plain rule in a folder of its own
    other = tmp_path / "plain"
    other.mkdir()
    (other / "house.yaml").write_text(rule.replace("OPTIONS", ""), encoding="utf-8")
    plain = [r for r in load([str(other)]) if r.id == "house-parts"]
    assert not any("half" in f.message for f in check_text(text, rules=mine).findings)
    # without the option the fraction joins the parts, which mix money with a bare number: no check
    assert [f.stated for f in check_text(text, rules=plain).findings if f.rule == "house-parts"] == []


def test_not_in_aside_leaves_out_a_part_of_a_part_in_brackets(tmp_path: Path) -> None:
    stated = _stated(tmp_path / "aside", 'not_in_aside: ["@of_which"],')
    # "(including €100m for trams)" lies inside rail's €300m, however many words before it: 400 + 300 + 200 = 900
    assert stated("Roads get €400m and rail €300m (including light-rail and tram upgrades worth €100m). The rest, €200m, goes to buses.") == ["900 m EUR"]
    # brackets closed before the figure, or opened by another word: kept
    assert stated("Roads get €400m and rail (the main lines) €300m, ports €100m. The rest, €200m, goes to buses.") == ["1 bn EUR"]
    assert stated("Roads get €400m and rail €300m (ports €100m). The rest, €200m, goes to buses.") == ["1 bn EUR"]
    # without the option the part of a part counts
    plain = _stated(tmp_path / "plain", "")
    assert plain("Roads get €400m and rail €300m (including light-rail and tram upgrades worth €100m). The rest, €200m, goes to buses.") == ["1 bn EUR"]


AFTER_HERE = """rules:
  - id: house-after
    title: Parts after the first
    languages: all
    scope: paragraph
    pattern:
      - {opening: true}
      - "@of_which_opening"
      - {gap: 3}
      - {fig: quantity, as: first}
    collect:
      rest: {fig: quantity, in: sentence, after: first, OPTIONS min: 1}
    check: {stated: first + sum(rest), relation: "<=", expected: 8600}
    message: "{first} and {rest} add up to {stated}"
"""


def test_after_here_collects_the_rest_of_the_first_figure_s_sentence(tmp_path: Path) -> None:
    def stated(options: str, text: str) -> list[str | None]:
        folder = tmp_path / str(abs(hash(options)))
        folder.mkdir(parents=True, exist_ok=True)
        (folder / "house.yaml").write_text(AFTER_HERE.replace("OPTIONS", options), encoding="utf-8")
        mine = [r for r in load([str(folder)]) if r.id == "house-after"]
        return [f.stated for f in check_text(text, language="fr", rules=mine).findings if f.rule == "house-after"]

    # 4 100 + 2 900 + 1 800 t: the share in brackets between them is no part, and the next
    # sentence's 500 t is no part either
    text = ("Orano a produit 8 600 tonnes. Dont 4 100 tonnes au Kazakhstan (48 % du total), 2 900 tonnes "
            "au Niger et 1 800 tonnes au Canada. Le Niger en produisait 500 tonnes de plus en 2010.")
    assert stated("after_here: true,", text) == ["8800 metric_ton"]
    # without it, `after` reads the sentences after the first part's: the 500 t alone
    assert stated("", text) == ["4600 metric_ton"]
