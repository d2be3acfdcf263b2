"""Sensitivity to a changed figure: how often a figure of a true article, once made
wrong, comes out `inconsistent`.

benchmarks/accuracy.py counts planted errors, one per article, written by hand; this
plants them by machine, one figure at a time, in the articles whose claims all hold
(``errors: []``). Each figure written with digits is made wrong by changing its
first significant digit d to d+2 (8 → 1, 9 → 2): "10,7 milliards" becomes "30,7
milliards", "4,8 %" becomes "6,8 %", always at least 25 % off, and the text keeps its
length and its form. The figure counts as detected when a finding of the changed
article is `inconsistent` and covers it.

Not every figure is tied to another (a head count told once checks against nothing),
so the rate's ceiling is below 100 % and unknown: it measures change between versions
of the rules, and ``--verbose`` lists the figures left undetected with their sentence,
a worklist of claims a reader could check and the rules do not read. A figure whose
change raises a finding elsewhere only (not covering it) is listed as "elsewhere".

    python benchmarks/mutations.py [--verbose] [--limit N] [SET...]

SET is a file stem of benchmarks/accuracy ("fr-dd") or a language ("nl"); none: all.
"""
from __future__ import annotations

import argparse
import re
import sys
from datetime import date as Date
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from factcheck import document  # noqa: E402
from factcheck.checks import Rates, check_document  # noqa: E402
from factcheck.model import Report  # noqa: E402

HERE = Path(__file__).resolve().parent / "accuracy"
SHIFT = dict(zip("123456789", "345678912"))  # d → d+2; 8 → 1 (÷8), 9 → 2 (÷4.5)
_FIRST_DIGIT = re.compile(r"[1-9]")
KINDS = ("money", "percent", "number", "quantity")


def _check(name: str, text: str, when: Date | None, language: str | None, rates: Rates) -> Report:
    doc = document.build(name, text, date=when, date_source="benchmark" if when else None, language=language)
    return check_document(doc, None, rates)


def mutate(text: str, start: int, end: int) -> str | None:
    """The text with the figure at [start, end) made wrong, or None when it has no digit."""
    m = _FIRST_DIGIT.search(text, start, end)
    if m is None:
        return None
    return text[:m.start()] + SHIFT[m.group()] + text[m.end():]


def _sentence(text: str, start: int, end: int) -> str:
    s = max(text.rfind(". ", 0, start) + 2, text.rfind("\n", 0, start) + 1)
    e = min((k for k in (text.find(". ", end), text.find("\n", end)) if k >= 0), default=len(text))
    return text[s:e + 1].strip()


def score(path: Path, verbose: bool, rates: Rates, limit: int) -> tuple[int, int]:
    detected = tried = 0
    language = path.stem.split("-")[0] if path.stem != "mixed" else None
    for i, art in enumerate(yaml.safe_load(path.read_text(encoding="utf-8")) or []):
        if art.get("errors") or (limit and i >= limit):
            continue
        when = art.get("date")
        if when is not None and not isinstance(when, Date):
            when = Date.fromisoformat(str(when))
        text = art["text"]
        name = f"{path.stem}#{i}"
        base = _check(name, text, when, language, rates)
        flagged = {(f.rule, f.spans) for f in base.findings if f.verdict == "inconsistent"}
        for fig in base.figures:
            if fig.kind not in KINDS or fig.hedge == "range":
                continue
            changed = mutate(text, fig.start, fig.end)
            if changed is None:
                continue
            tried += 1
            report = _check(name, changed, when, language, rates)
            new = [f for f in report.findings if f.verdict == "inconsistent" and (f.rule, f.spans) not in flagged]
            if any(s < fig.end and fig.start < e for f in new for s, e in f.spans):
                detected += 1
            elif verbose:
                where = " (elsewhere: " + new[0].rule + ")" if new else ""
                print(f"  UNDETECTED {name}: {fig.text!r}{where}  | {_sentence(text, fig.start, fig.end)[:220]}")
    return detected, tried


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("sets", nargs="*")
    ap.add_argument("--verbose", "-v", action="store_true")
    ap.add_argument("--limit", type=int, default=0, metavar="N", help="the first N articles of each set only")
    args = ap.parse_args()
    rates = Rates()
    total = [0, 0]
    print(f"{'set':8} {'detected':>16}")
    for path in sorted(HERE.glob("*.yaml")):
        if args.sets and path.stem not in args.sets and path.stem.split("-")[0] not in args.sets:
            continue
        d, t = score(path, args.verbose, rates, args.limit)
        if not t:
            continue
        total = [total[0] + d, total[1] + t]
        print(f"{path.stem:8} {d:5}/{t:<5} {100 * d / t:5.1f} %")
    d, t = total
    print(f"{'all':8} {d:5}/{t:<5} {100 * d / max(t, 1):5.1f} %")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
