"""Rules: every built-in rule's examples pass, and malformed rules fail with file, line and field."""
from __future__ import annotations

from pathlib import Path

import pytest

from factcheck.checks import Rates
from factcheck.errors import InputError
from factcheck.rules import load, load_file
from factcheck.ruletest import run_examples

RULES = load()


def test_every_rule_has_examples_of_both_kinds() -> None:
    for rule in RULES:
        verdicts = {e.verdict for e in rule.examples}
        assert verdicts, f"{rule.id} has no examples"
        if rule.check is not None:
            assert "inconsistent" in verdicts or "unverifiable" in verdicts, f"{rule.id} has no failing example"


@pytest.mark.parametrize("rule", RULES, ids=[r.id for r in RULES])
def test_rule_examples(rule) -> None:
    failures = [o.describe() for o in run_examples([rule], Rates()) if not o.passed]
    assert not failures, "\n".join(failures)


BAD = [
    ("rules:\n  - id: x\n    title: X\n    pattern: [{fig: money, as: a}]\n    check: {stated: a, expected: 'a +'}\n",
     5, "check.expected"),
    ("rules:\n  - id: x\n    title: X\n    pattern: [{fig: cash, as: a}]\n    check: {stated: a, expected: a}\n",
     4, "pattern[0].fig"),
    ("rules:\n  - id: x\n    title: X\n    pattern: [{fig: money, as: a}]\n    check: {stated: a, expected: b}\n",
     5, "check.expected"),
    ("rules:\n  - id: x\n    title: X\n    pattern: [{fig: money, as: a}, '@nosuchclass']\n    check: {stated: a, expected: a}\n",
     4, "pattern"),
    ("rules:\n  - id: x\n    title: X\n    pattern: [{fig: money, as: a}]\n    derive: {value: a.unit}\n",
     5, "derive.value"),
    ("rules:\n  - id: x\n    pattern: [{fig: money, as: a}]\n    check: {stated: a, expected: a}\n", 2, "title"),
    ("rules:\n  - id: x\n    title: X\n    pattern: [{fig: money, as: a}]\n    check: {stated: a, expected: a, tolerance: lots}\n",
     5, "check.tolerance"),
    ("rules:\n  - id: x\n    title: X\n    pattern: [{fig: money, as: a}]\n    check: {stated: a, expected: a}\n    colour: red\n",
     6, "colour"),
    ("rules:\n  - id: x\n    title: X\n    pattern: [{fig: money, as: a}\n", 5, "invalid YAML"),
    # a misspelt pick key is an error, not a silently wider pick
    ("rules:\n  - id: x\n    title: X\n    pattern: [{fig: money, as: a}]\n    with:\n      b: {fig: money, preceeded_by: [contre]}\n"
     "    check: {stated: a, expected: b}\n", 6, "with.b.preceeded_by"),
    # a gap's classes to stop at go in "stop"; any other key is an error, not ignored
    ("rules:\n  - id: x\n    title: X\n    pattern: [{fig: money, as: a}, {gap: 3, stop_classes: ['@rise']}, {fig: money, as: b}]\n"
     "    check: {stated: a, expected: b}\n", 4, "stop_classes"),
    # a collection's flags are true or false
    ("rules:\n  - id: x\n    title: X\n    collect:\n      s: {fig: percent, drop_subtotals: often}\n"
     "    check: {stated: sum(s), expected: 100, relation: '<='}\n", 5, "collect.s.drop_subtotals"),
    # a slot's not_after lists word classes, not free words
    ("rules:\n  - id: x\n    title: X\n    pattern: [{fig: money, as: a, not_after: [contre]}]\n"
     "    check: {stated: a, expected: a}\n", 4, "pattern[0].not_after"),
    # a figure that must be absent is never bound, so no expression may use it
    ("rules:\n  - id: x\n    title: X\n    pattern: [{fig: money, as: a}]\n    with:\n      b: {fig: money, absent: true}\n"
     "    check: {stated: a, expected: b}\n", 7, "check.expected"),
    # a slot's not_after_in_sentence lists word classes too
    ("rules:\n  - id: x\n    title: X\n    pattern: [{fig: money, as: a, not_after_in_sentence: [veut]}]\n"
     "    check: {stated: a, expected: a}\n", 4, "pattern[0].not_after_in_sentence"),
    # `before` names a slot of the rule's own pattern: none without a pattern
    ("rules:\n  - id: x\n    title: X\n    collect:\n      s: {fig: percent, before: rest}\n"
     "    check: {stated: sum(s), expected: 100, relation: '<='}\n", 5, "collect.s.before"),
    # … nor a name the pattern does not bind
    ("rules:\n  - id: x\n    title: X\n    pattern: [{fig: percent, as: r}]\n    collect:\n"
     "      s: {fig: percent, before: rest}\n    check: {stated: sum(s) + r, expected: 100, relation: '<='}\n",
     6, "collect.s.before"),
    # so does `after`
    ("rules:\n  - id: x\n    title: X\n    pattern: [{fig: percent, as: r}]\n    collect:\n"
     "      s: {fig: percent, after: total}\n    check: {stated: sum(s) + r, expected: 100, relation: '<='}\n",
     6, "collect.s.after"),
    # a pick named by `after` is picked before the collection: anchored on a pattern slot
    ("rules:\n  - id: x\n    title: X\n    pattern: [{fig: percent, as: r}]\n    collect:\n"
     "      s: {fig: percent, after: t}\n    with:\n      t: {fig: percent, anchor: s}\n"
     "    check: {stated: sum(s) + r, expected: t}\n", 6, "collect.s.after"),
    # … and its where reads no collection
    ("rules:\n  - id: x\n    title: X\n    pattern: [{fig: percent, as: r}]\n    collect:\n"
     "      s: {fig: percent, after: t}\n    with:\n      t: {fig: percent, anchor: r, where: 'sum(s) > 1'}\n"
     "    check: {stated: sum(s) + r, expected: t}\n", 8, "with.t.where"),
    # a pick with `each` offers readings of one claim: the rule needs `readings`
    ("rules:\n  - id: x\n    title: X\n    pattern: [{fig: money, as: a}]\n    with:\n      b: {fig: money, each: true}\n"
     "    check: {stated: a, expected: b}\n", 6, "with.b.each"),
    # a pick's before names a slot bound before it
    ("rules:\n  - id: x\n    title: X\n    pattern: [{fig: money, as: a}]\n    with:\n      b: {fig: money, before: c}\n"
     "    check: {stated: a, expected: b}\n", 6, "with.b.before"),
    # a pick's named_after lists classes or phrases
    ("rules:\n  - id: x\n    title: X\n    pattern: [{fig: money, as: a}]\n    with:\n      b: {fig: money, named_after: 3}\n"
     "    check: {stated: a, expected: b}\n", 6, "with.b.named_after"),
    # a pick's named_before lists classes or phrases
    ("rules:\n  - id: x\n    title: X\n    pattern: [{fig: money, as: a}]\n    with:\n      b: {fig: money, named_before: 3}\n"
     "    check: {stated: a, expected: b}\n", 6, "with.b.named_before"),
    # a pick's opened_by lists classes or phrases
    ("rules:\n  - id: x\n    title: X\n    pattern: [{fig: money, as: a}]\n    with:\n      b: {fig: money, opened_by: 3}\n"
     "    check: {stated: a, expected: b}\n", 6, "with.b.opened_by"),
    # `drop_together` lists classes or phrases
    ("rules:\n  - id: x\n    title: X\n    collect:\n      s: {fig: percent, drop_together: 5}\n"
     "    check: {stated: sum(s), expected: 100, relation: '<='}\n", 5, "collect.s.drop_together"),
    ("rules:\n  - id: x\n    title: X\n    collect:\n      s: {fig: percent, drop_together: ['@nosuchclass']}\n"
     "    check: {stated: sum(s), expected: 100, relation: '<='}\n", 4, "collect"),
    # `named_in_brackets` is true or false
    ("rules:\n  - id: x\n    title: X\n    collect:\n      s: {fig: money, named_in_brackets: 2}\n"
     "    check: {stated: sum(s), expected: 100, relation: '<='}\n", 5, "collect.s.named_in_brackets"),
    # `not_in_aside` lists classes or phrases
    ("rules:\n  - id: x\n    title: X\n    collect:\n      s: {fig: money, not_in_aside: 2}\n"
     "    check: {stated: sum(s), expected: 100, relation: '<='}\n", 5, "collect.s.not_in_aside"),
    # `not_base` is true or false
    ("rules:\n  - id: x\n    title: X\n    collect:\n      s: {fig: money, not_base: 2}\n"
     "    check: {stated: sum(s), expected: 100, relation: '<='}\n", 5, "collect.s.not_base"),
    # `not_opened_by` lists classes or phrases
    ("rules:\n  - id: x\n    title: X\n    collect:\n      s: {fig: money, not_opened_by: 2}\n"
     "    check: {stated: sum(s), expected: 100, relation: '<='}\n", 5, "collect.s.not_opened_by"),
    # `paragraphs` is a small whole number, on a paragraph collection of a rule with a pattern
    ("rules:\n  - id: x\n    title: X\n    pattern: [{fig: percent, as: r}]\n    collect:\n      s: {fig: percent, paragraphs: 9}\n"
     "    check: {stated: sum(s), expected: 100, relation: '<='}\n", 6, "collect.s.paragraphs"),
    ("rules:\n  - id: x\n    title: X\n    pattern: [{fig: percent, as: r}]\n    collect:\n      s: {fig: percent, in: document, paragraphs: 1}\n"
     "    check: {stated: sum(s), expected: 100, relation: '<='}\n", 6, "collect.s.paragraphs"),
    ("rules:\n  - id: x\n    title: X\n    collect:\n      s: {fig: percent, paragraphs: 1}\n"
     "    check: {stated: sum(s), expected: 100, relation: '<='}\n", 5, "collect.s.paragraphs"),
    # `paragraphs_after` is a small whole number, on a paragraph collection of a rule with a pattern
    ("rules:\n  - id: x\n    title: X\n    pattern: [{fig: percent, as: r}]\n    collect:\n      s: {fig: percent, paragraphs_after: 9}\n"
     "    check: {stated: sum(s), expected: 100, relation: '<='}\n", 6, "collect.s.paragraphs_after"),
    ("rules:\n  - id: x\n    title: X\n    pattern: [{fig: percent, as: r}]\n    collect:\n      s: {fig: percent, in: document, paragraphs_after: 1}\n"
     "    check: {stated: sum(s), expected: 100, relation: '<='}\n", 6, "collect.s.paragraphs_after"),
    ("rules:\n  - id: x\n    title: X\n    collect:\n      s: {fig: percent, paragraphs_after: 1}\n"
     "    check: {stated: sum(s), expected: 100, relation: '<='}\n", 5, "collect.s.paragraphs_after"),
    # a pick's `sentence_lacks` is a list of phrases
    ("rules:\n  - id: x\n    title: X\n    pattern: [{fig: money, as: a}]\n    with:\n      b: {fig: money, sentence_lacks: 3}\n"
     "    check: {stated: a, expected: b}\n", 6, "with.b.sentence_lacks"),
    # a pick's `paragraphs` is a small whole number, on a paragraph pick
    ("rules:\n  - id: x\n    title: X\n    pattern: [{fig: money, as: a}]\n    with:\n      b: {fig: money, paragraphs: 7}\n"
     "    check: {stated: a, expected: b}\n", 6, "with.b.paragraphs"),
    ("rules:\n  - id: x\n    title: X\n    pattern: [{fig: money, as: a}]\n    with:\n      b: {fig: money, in: sentence, paragraphs: 1}\n"
     "    check: {stated: a, expected: b}\n", 6, "with.b.paragraphs"),
    # an opening element is {opening: true} or {opening: false}, alone
    ("rules:\n  - id: x\n    title: X\n    pattern:\n      - {opening: 1}\n      - {fig: money, as: a}\n"
     "    check: {stated: a, expected: a}\n", 5, "pattern[0].opening"),
    ("rules:\n  - id: x\n    title: X\n    pattern:\n      - {opening: false, gap: 2}\n      - {fig: money, as: a}\n"
     "    check: {stated: a, expected: a}\n", 5, "pattern[0].opening"),
    # a slot's not_before lists word classes
    ("rules:\n  - id: x\n    title: X\n    pattern:\n      - {fig: money, as: a, not_before: [per]}\n"
     "    check: {stated: a, expected: a}\n", 5, "pattern[0].not_before"),
    # a slot's pass_over lists word classes, and only a repeated slot passes figures over
    ("rules:\n  - id: x\n    title: X\n    pattern:\n      - {fig: money, as: a, repeat: 4, pass_over: [dont]}\n"
     "    check: {stated: sum(a), expected: 1}\n", 5, "pattern[0].pass_over"),
    ("rules:\n  - id: x\n    title: X\n    pattern:\n      - {fig: money, as: a, pass_over: ['@of_which']}\n"
     "    check: {stated: a, expected: a}\n", 5, "pattern[0].pass_over"),
    # a slot's ranged is true or false
    ("rules:\n  - id: x\n    title: X\n    pattern:\n      - {fig: percent, as: a, ranged: 'no'}\n"
     "    check: {stated: a, expected: a}\n", 5, "pattern[0].ranged"),
    # a name element is {name: true}, alone
    ("rules:\n  - id: x\n    title: X\n    pattern:\n      - {fig: money, as: a}\n      - {name: yes please}\n"
     "    check: {stated: a, expected: a}\n", 6, "pattern[1].name"),
    ("rules:\n  - id: x\n    title: X\n    pattern:\n      - {fig: money, as: a}\n      - {name: true, alone: no}\n"
     "    check: {stated: a, expected: a}\n", 6, "pattern[1].alone"),
    # `supersedes` lists other rules' ids
    ("rules:\n  - id: x\n    title: X\n    pattern: [{fig: money, as: a}]\n    supersedes: [x]\n"
     "    check: {stated: a, expected: a}\n", 5, "supersedes"),
    # a pick's `same_noun` names a slot bound before it
    ("rules:\n  - id: x\n    title: X\n    pattern: [{fig: money, as: a}]\n    with:\n      n: {fig: number, same_noun: zz}\n"
     "    check: {stated: a, expected: a}\n", 6, "with.n.same_noun"),
    # a pick's `unless_preceded_by` lifts its `not_preceded_by`: alone it says nothing
    ("rules:\n  - id: x\n    title: X\n    pattern: [{fig: money, as: a}]\n    with:\n      b: {fig: money, unless_preceded_by: ['@change_to']}\n"
     "    check: {stated: a, expected: b}\n", 6, "with.b.unless_preceded_by"),
    # a collection's `after_here` reads the rest of the sentence of its `after` figure: alone it says nothing
    ("rules:\n  - id: x\n    title: X\n    pattern: [{fig: money, as: a}]\n    collect:\n      s: {fig: money, after_here: true}\n"
     "    check: {stated: sum(s), expected: a}\n", 6, "collect.s.after_here"),
    # a key given twice is an error (YAML would keep the last one silently)
    ("rules:\n  - id: x\n    title: X\n    pattern: [{fig: money, as: a}]\n    check: {stated: a, expected: a}\n"
     "    title: Y\n", 6, "'title' is given twice (first on line 3)"),
]


@pytest.mark.parametrize("source,line,field", BAD)
def test_malformed_rule_names_file_line_field(tmp_path: Path, source: str, line: int, field: str) -> None:
    path = tmp_path / "bad.yaml"
    path.write_text(source, encoding="utf-8")
    with pytest.raises(InputError) as err:
        load_file(path)
    msg = str(err.value)
    assert msg.startswith(f"{path}:{line}:"), msg
    assert field in msg
    assert "\n" not in msg


def test_user_rule_folder_extends_builtin(tmp_path: Path) -> None:
    (tmp_path / "house.yaml").write_text(
        "rules:\n"
        "  - id: house-max-amount\n"
        "    title: Amount above the house limit\n"
        "    languages: [fr]\n"
        "    pattern: [{fig: money, as: a}]\n"
        "    where: unit(a) == \"EUR\"\n"
        "    check: {stated: a, relation: '<=', expected: 1000000000}\n"
        "    examples:\n"
        "      - {text: \"Le budget atteint 2 milliards d'euros.\", verdict: inconsistent}\n"
        "      - {text: \"Le budget atteint 2 millions d'euros.\", verdict: consistent}\n",
        encoding="utf-8",
    )
    rules = load([str(tmp_path)])
    assert "house-max-amount" in {r.id for r in rules}
    assert len(rules) == len(RULES) + 1
    mine = [r for r in rules if r.id == "house-max-amount"]
    assert all(o.passed for o in run_examples(mine))


def test_a_reading_that_holds_clears_the_others() -> None:
    """Rules of one `readings` group read the headline's change two ways: as the body's
    own rise and as the body's first pair. One that holds is enough."""
    from factcheck.checks import check_text

    def headline_findings(text: str) -> list[tuple[str, str]]:
        report = check_text(text, date="2021-06-01")
        return [(f.rule, f.verdict) for f in report.findings if f.title == "Headline change against the body"]

    # the pair gives (3.36 / 2.97 − 1) = 13.1 %, the body's own rise 16 %: the rise holds
    own = headline_findings("Profit rises 16% at Hermès\n\nSales reached €3.36bn, against €2.97bn a year earlier. "
                            "Net profit rose 16% to €1.1bn.\n")
    assert own == [("headline-rise-vs-body", "consistent")]
    # "up three points from 31%" is a share, the pair 41.2 / 32.1 − 1 = 28.3 % holds
    pair = headline_findings("Memory chip sales jump 28% as cloud giants stock up\n\nSales rose to $41.2bn from $32.1bn "
                             "a year earlier. Samsung kept its lead with 34% of the market, up three percentage points.\n")
    assert ("headline-rise-vs-body-pair", "consistent") in pair and all(v != "inconsistent" for _, v in pair)
    # no reading holds: reported once
    wrong = headline_findings("Profit rises 26% at Hermès\n\nSales reached €3.36bn, against €2.97bn a year earlier. "
                              "Net profit rose 16% to €1.1bn.\n")
    assert [v for _, v in wrong] == ["inconsistent"]


def test_readings_of_one_claim_keyed_by_the_claim_not_the_first_figure() -> None:
    """Two readings of one headline claim: the one that holds clears the other, even
    when a figure picked from the body comes before the claim in the text (findings
    list their figures in text order)."""
    from factcheck.checks import _drop_refuted_readings
    from factcheck.model import Finding

    rules = [r for r in RULES if r.id in ("headline-rise-vs-body", "headline-rise-vs-body-pair")]
    assert len(rules) == 2 and rules[0].readings == rules[1].readings
    holds = Finding("headline-rise-vs-body-pair", "t", "consistent", ("f1", "f2", "f9"), ((0, 1),) * 3, "m", claim="f9")
    refuted = Finding("headline-rise-vs-body", "t", "inconsistent", ("f4", "f9"), ((0, 1),) * 2, "m", claim="f9")
    assert _drop_refuted_readings([refuted, holds], rules) == [holds]


@pytest.mark.parametrize("source", ["", "rules: []\n", "# house rules: to come\n"])
def test_rule_file_named_without_rules_is_an_error(tmp_path: Path, source: str) -> None:
    """A rule file given by name that holds no rule is a mistake (a wrong path, an
    unsaved file), not a pass: the editor would believe the house checks ran."""
    from factcheck import rules as rules_mod

    path = tmp_path / "house.yaml"
    path.write_text(source, encoding="utf-8")
    with pytest.raises(InputError) as err:
        rules_mod.load([str(path)], builtin=False)
    assert str(err.value).startswith(f"{path}:1: field 'rules': no rules in this file"), err.value


def test_a_hedged_total_says_why_a_larger_part_holds() -> None:
    """"plus de 25 milliards, dont 30 milliards": the parts pass the total's figure, yet
    "more than 25" has no upper end. The finding holds and says it is the hedge, not
    rounding, that lets it hold; a plain total of 25 with the same parts does not hold."""
    from factcheck.checks import check_text

    def parts(text: str) -> list[tuple[str, tuple[str, ...]]]:
        report = check_text(text, date="2021-06-01")
        return [(f.verdict, f.steps) for f in report.findings if f.title == "Parts against their total"]

    hedged = parts("Le groupe investira plus de 25 milliards d'euros, dont 30 milliards en Chine.")
    assert [v for v, _ in hedged] == ["consistent"]
    steps = hedged[0][1]
    assert any("hedged figure" in s for s in steps) and not any("rounding" in s for s in steps)
    assert any("(25 bn, ∞) EUR" in s for s in steps)
    plain = parts("Le groupe investira 25 milliards d'euros, dont 30 milliards en Chine.")
    assert [v for v, _ in plain] == ["inconsistent"]


def test_points_fill_only_a_slot_that_names_them() -> None:
    """A difference in points is no level: in "auf 11,3 Prozent gestiegen, nach 10,1 Prozent
    im Jahr zuvor, also um 1,2 Prozentpunkte" the pair of levels is 10.1 → 11.3, and the
    points are checked as their difference (11.3 − 10.1 = 1.2), never as a base."""
    from factcheck.checks import check_text

    report = check_text("Die Investitionsquote ist auf 11,3 Prozent gestiegen, nach 10,1 Prozent im Jahr zuvor, "
                        "also um 1,2 Prozentpunkte.", date="2022-01-01")
    assert all(f.verdict != "inconsistent" for f in report.findings), [f.message for f in report.findings]
    points = [f for f in report.findings if "Prozentpunkte" in f.message]
    assert points and all("10,1 Prozent" in f.message and "11,3 Prozent" in f.message for f in points)
    wrong = check_text("Die Investitionsquote ist auf 11,3 Prozent gestiegen, nach 10,1 Prozent im Jahr zuvor, "
                       "also um 2,2 Prozentpunkte.", date="2022-01-01")
    assert [f.verdict for f in wrong.findings if "Prozentpunkte" in f.message] == ["inconsistent"]
