"""Each article in examples/ against its expected report (examples/<name>.expected.yaml).

The expected files list every finding (rule, verdict, figures, and where useful the
expected value) with a comment saying how it was computed; the test fails on a missing
finding, a different verdict, or an unexpected one.
"""
from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from factcheck import document
from factcheck.checks import check_document

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
ARTICLES = sorted(p for p in EXAMPLES.glob("*.txt") if p.with_suffix(".expected.yaml").exists())


def test_there_are_examples_in_every_language() -> None:
    langs = {document.read(str(p)).language for p in ARTICLES}
    assert len(ARTICLES) >= 1
    assert langs <= {"fr", "en", "nl", "de", "es", "pt", "it"}


@pytest.mark.parametrize("article", ARTICLES, ids=[p.stem for p in ARTICLES])
def test_example_report(article: Path) -> None:
    spec = yaml.safe_load(article.with_suffix(".expected.yaml").read_text(encoding="utf-8"))
    report = check_document(document.read(str(article)))
    text = report.document.text
    got = {}
    for f in report.findings:
        key = (f.rule, tuple(sorted(text[s:e] for s, e in f.spans)))
        got[key] = f
    want = {(e["rule"], tuple(sorted(e["figures"]))): e for e in spec["findings"]}
    missing = sorted(set(want) - set(got))
    extra = sorted((k, got[k].verdict) for k in set(got) - set(want))
    assert not missing, f"missing findings: {missing}"
    assert not extra, f"unexpected findings: {extra}"
    for key, e in want.items():
        assert got[key].verdict == e["verdict"], (key, got[key].verdict, got[key].steps)
        if "expected" in e:
            assert got[key].expected == e["expected"], (key, got[key].expected)
