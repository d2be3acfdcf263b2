"""Accuracy on articles with planted errors: how many errors come out `inconsistent`,
and how many true claims are wrongly flagged.

Each file benchmarks/accuracy/<lang>-<set>.yaml holds articles written apart from the
rules (their authors did not read rules/), each with the figures that carry a planted
error (each set's first, held-out measurement: benchmarks/accuracy/HISTORY.md):

    - date: 2020-04-20          # optional
      text: |
        ...
      errors:                   # the text of one figure of each planted error
        - "21,8 milliards d’euros"
      claims: 6                 # how many checkable claims the article makes, errors included

A planted error is caught when an `inconsistent` finding covers its figure (one of the
finding's figures overlaps a place where the error's text is written). A false
alarm is an `inconsistent` finding that covers no planted figure. The rate of false
alarms is counted against the true claims (claims − errors).

    python benchmarks/accuracy.py [--verbose] [--skip=-f] [LANG...]
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
from factcheck.model import Finding  # noqa: E402

HERE = Path(__file__).resolve().parent / "accuracy"


def score(path: Path, verbose: bool, rates: Rates) -> tuple[int, int, int, int]:
    caught = planted = alarms = true_claims = 0
    for i, art in enumerate(yaml.safe_load(path.read_text(encoding="utf-8")) or []):
        when = art.get("date")
        if when is not None and not isinstance(when, Date):
            when = Date.fromisoformat(str(when))
        doc = document.build(f"{path.name}#{i}", art["text"], date=when, date_source="benchmark" if when else None,
                             language=path.stem.split("-")[0] if path.stem != "mixed" else None)
        report = check_document(doc, None, rates)
        text = doc.text
        errors = list(art.get("errors") or [])
        bad = [f for f in report.findings if f.verdict == "inconsistent"]
        # where each planted figure is written; a finding covers it when one of its
        # figures overlaps one of those places ("5 millions" of "5 millions d'abonnés")
        places = {err: [(m.start(), m.start() + len(err)) for m in re.finditer(re.escape(err), text)] for err in errors}

        def covers(f: Finding, err: str) -> bool:
            return any(s < b and a < e for s, e in f.spans for a, b in places[err])

        for err in errors:
            planted += 1
            if any(covers(f, err) for f in bad):
                caught += 1
            elif verbose:
                print(f"  MISSED {path.stem}#{i}: {err!r}")
                for f in report.findings:
                    if covers(f, err):
                        print(f"         got {f.verdict} from {f.rule}: {f.message}")
        for f in bad:
            if not any(covers(f, err) for err in errors):
                alarms += 1
                if verbose:
                    print(f"  FALSE ALARM {path.stem}#{i}: {f.rule}: {f.message}")
        true_claims += max(0, int(art.get("claims", len(errors))) - len(errors))
    return caught, planted, alarms, true_claims


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("langs", nargs="*")
    ap.add_argument("--verbose", "-v", action="store_true")
    ap.add_argument("--skip", action="append", default=[], metavar="SUFFIX",
                    help="leave out sets ending so (e.g. --skip=-f: a held-out set not to be seen yet)")
    args = ap.parse_args()
    rates = Rates()
    total = [0, 0, 0, 0]
    print(f"{'set':8} {'caught':>14} {'false alarms':>20}")
    for path in sorted(HERE.glob("*.yaml")):
        if args.langs and path.stem not in args.langs and path.stem.split("-")[0] not in args.langs:
            continue
        if any(path.stem.endswith(suffix) for suffix in args.skip):
            continue
        c, p, a, t = score(path, args.verbose, rates)
        total = [x + y for x, y in zip(total, (c, p, a, t))]
        print(f"{path.stem:8} {c:4}/{p:<4} {100 * c / max(p, 1):5.1f} %   {a:4}/{t:<4} {100 * a / max(t, 1):5.1f} %")
    c, p, a, t = total
    print(f"{'all':8} {c:4}/{p:<4} {100 * c / max(p, 1):5.1f} %   {a:4}/{t:<4} {100 * a / max(t, 1):5.1f} %")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
