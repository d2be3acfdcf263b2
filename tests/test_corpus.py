"""Per-language example corpora beside the lexicons: sentence → expected figures (Duckling-style)."""
from __future__ import annotations

import math
from pathlib import Path

import pytest
import yaml

import factcheck

CORPUS = Path(__file__).resolve().parent.parent / "rules" / "lexicons" / "corpus"
FIELDS = ("kind", "unit", "hedge", "scale", "language")


def _cases() -> list[tuple[str, int, dict]]:
    out = []
    for path in sorted(CORPUS.glob("*.yaml")):
        lang = path.stem
        for i, case in enumerate(yaml.safe_load(path.read_text(encoding="utf-8")) or []):
            out.append((lang, i, case))
    return out


CASES = _cases()


def _close(a: float, b: float) -> bool:
    if math.isinf(a) or math.isinf(b):
        return a == b
    return math.isclose(a, b, rel_tol=1e-9, abs_tol=1e-9)


@pytest.mark.parametrize("lang,index,case", CASES, ids=[f"{c[0]}-{c[1]}" for c in CASES])
def test_corpus_sentence(lang: str, index: int, case: dict) -> None:
    text = case["text"]
    language = None if lang == "mixed" else case.get("language", lang)
    figs = factcheck.extract(text, language=language)
    expected = case.get("figures") or []
    got = [(f.text, f.kind, f.value) for f in figs]
    assert [f.text for f in figs] == [e["text"] for e in expected], got
    for f, e in zip(figs, expected):
        assert text[f.start:f.end] == f.text
        for key in FIELDS:
            if key in e:
                assert getattr(f, key) == e[key], (f.text, key, getattr(f, key), e[key])
        for key in ("value", "low", "high"):
            if key in e:
                assert _close(getattr(f, key), float(e[key])), (f.text, key, getattr(f, key), e[key])
